"""The judge cannot be flooded: crafted replies are refused before they grow, long ranges are not
expanded, each test case has a time limit, the judge has a memory limit of its own, and truth,
``in`` and ``len`` on a student's object stay on the judge's side.

The floods run in a subprocess, as the judge would meet them (NumPy, pandas and torch loaded, a
reply line read from the worker), under an address-space limit: each must end in a sentence (a
``CodecError``), not a MemoryError, and its peak memory (VmHWM, reset just before) is reported.
"""

import dataclasses
import json
import os
import subprocess
import sys
import textwrap
import time
import tracemalloc

import pytest
from harness import ROOT

from course.grading import judge, sandbox
from course.grading.judge import Client, LazyEnv, Lesson, Remote, StudentError
from course.grading.sandboxed import bridge

MIB = 2**20

# ------------------------------------------------------------------------------ crafted replies
# Each builds one reply line ({"value": ...}) as the student's process could write it.
ATTACKS = {
    "empty lists": """b'{"value":[' + b','.join([b'[]'] * 5_500_000) + b']}'""",
    "empty lists, under the parse budget": """b'{"value":[' + b','.join([b'[]'] * 80_000) + b']}'""",
    "nested tuples": """b'{"value":{"$":"tuple","items":[' + b','.join([b'{"$":"tuple","items":[[]]}'] * 500_000)
        + b']}}'""",
    "bool buffer read as a complex tensor": """json.dumps({"value": {"$": "tensor", "dtype": "complex128",
        "device": "cpu", "requires_grad": False, "param": False, "array": {"$": "nd", "dtype": "|b1",
        "shape": [9_000_000], "data": base64.b64encode(bytes(9_000_000)).decode()}}}).encode()""",
    "object array": """b'{"value":{"$":"ndobj","shape":[3000000],"items":[' + b','.join([b'null'] * 3_000_000)
        + b']}}'""",
    "huge shape, no data": """json.dumps({"value": {"$": "nd", "dtype": "<f8", "shape": [10**6, 10**6],
        "data": ""}}).encode()""",
    "items of size zero": """json.dumps({"value": {"$": "nd", "dtype": "|S0", "shape": [10**12],
        "data": ""}}).encode()""",
    "data frame of many columns": """json.dumps({"value": {"$": "df", "columns": list(range(9000)),
        "dtypes": ["float64"] * 9000, "index": {"$": "pdindex", "name": None, "data": {"$": "nd",
        "dtype": "<i8", "shape": [0], "data": ""}}, "data": [{"$": "nd", "dtype": "<f8", "shape": [0],
        "data": ""}] * 9000}}).encode()""",
    "series widened to objects": """json.dumps({"value": {"$": "series", "name": None, "dtype": "object",
        "index": {"$": "pdindex", "name": None, "data": {"$": "nd", "dtype": "|i1", "shape": [3_000_000],
        "data": base64.b64encode(bytes(3_000_000)).decode()}}, "data": {"$": "nd", "dtype": "|i1",
        "shape": [3_000_000], "data": base64.b64encode(bytes(3_000_000)).decode()}}}).encode()""",
    "series widened to complex": """json.dumps({"value": {"$": "series", "name": None, "dtype": "complex128",
        "index": {"$": "pdindex", "name": None, "data": {"$": "nd", "dtype": "|i1", "shape": [3_000_000],
        "data": base64.b64encode(bytes(3_000_000)).decode()}}, "data": {"$": "nd", "dtype": "|i1",
        "shape": [3_000_000], "data": base64.b64encode(bytes(3_000_000)).decode()}}}).encode()""",
    "module of many modules": """json.dumps({"value": {"$": "module", "module": "torch.nn.modules.container",
        "cls": "Sequential", "training": True, "attrs": {}, "params": {}, "buffers": {}, "modules": {str(i): {
        "$": "module", "module": "torch.nn.modules.activation", "cls": "ReLU", "training": True, "attrs":
        {"inplace": False}, "params": {}, "buffers": {}, "modules": {}} for i in range(5_000)}}}).encode()""",
    "long range": """b'{"value":{"$":"range","args":[0,30000000,1]}}'""",
    "keys with equal hashes": """json.dumps({"value": {"$": "set", "items": [{"$": "bigint",
        "v": str(k * (2**61 - 1))} for k in range(1, 5001)]}}).encode()""",
    "deep nesting": """b'{"value":' + b'[' * 100_000 + b']' * 100_000 + b'}'""",
    "line over the cap": """b'{"value":"' + b'a' * (17 * 2**20) + b'"}'""",
}
HONEST = {
    "a 9 MiB float array": """json.dumps({"value": {"$": "nd", "dtype": "<f8", "shape": [1_200_000],
        "data": base64.b64encode(bytes(9_600_000)).decode()}}).encode()""",
    "a list of 200,000 numbers": """json.dumps({"value": list(range(200_000))}).encode()""",
    "range(1000)": """b'{"value":{"$":"range","args":[0,1000,1]}}'""",
}

FLOOD = """
import base64, gc, json, resource, sys, time
sys.path.insert(0, sys.argv[1])
import numpy, pandas, torch
from course.grading import judge
from course.grading.sandboxed import bridge

def status(key):
    for line in open("/proc/self/status"):
        if line.startswith(key):
            return int(line.split()[1]) * 1024

class Box:  # the worker's end: the line is read as Sandbox.receive reads it
    def request(self, message, deadline):
        return bridge.loads(LINE)

for name, expr in json.loads(sys.stdin.read()).items():
    LINE = eval(expr)
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")  # reset VmHWM: the peak from here on is the decoding's
    rss = status("VmRSS:")
    resource.setrlimit(resource.RLIMIT_AS, (status("VmSize:") + int(sys.argv[2]), resource.RLIM_INFINITY))
    try:
        value = judge.Client(Box(), time.monotonic() + 600).get("x")
        outcome, message = "decoded", type(value).__name__
    except judge.StudentError as err:
        outcome, message = "refused", str(err)
    except MemoryError:
        outcome, message = "MemoryError", ""
    value = None
    got = {"outcome": outcome, "message": message, "line": len(LINE), "peak": status("VmHWM:") - rss}
    print(json.dumps({name: got}), flush=True)
    resource.setrlimit(resource.RLIMIT_AS, (resource.RLIM_INFINITY, resource.RLIM_INFINITY))
    LINE = None
    gc.collect()
"""
HEADROOM = 1024 * MIB
"""Address space given to each flood beyond what the process has mapped: more than the decode budget
allows (so a refusal is the codec's, not a MemoryError), less than the unbounded floods took."""


def floods(cases: dict) -> dict:
    """Each case decoded in turn by one process (NumPy, pandas and torch loaded, as in the judge)."""
    source = json.dumps({name: " ".join(textwrap.dedent(expr).split()) for name, expr in cases.items()})
    cmd = [sys.executable, "-c", FLOOD, str(ROOT), str(HEADROOM)]
    proc = subprocess.run(cmd, input=source, capture_output=True, text=True, timeout=1800)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = {}
    for line in proc.stdout.strip().splitlines():
        got.update(json.loads(line))
    return got


@pytest.fixture(scope="module")
def attacked():
    return floods(ATTACKS)


@pytest.fixture(scope="module")
def honest():
    return floods(HONEST)


def bound(line: int) -> int:
    """The most one reply may take in the judge: its decode budget plus the line parsed as text."""
    return bridge.DECODE_FLOOR + bridge.DECODE_FACTOR * line + 2 * line + 16 * MIB


@pytest.mark.parametrize("attack", ATTACKS)
def test_crafted_replies_are_refused_before_they_grow(attacked, attack):
    got = attacked[attack]
    print(f"{attack}: line {got['line'] / MIB:.1f} MiB, peak {got['peak'] / MIB:.1f} MiB, {got['message'][:120]}")
    assert got["outcome"] == "refused", got
    assert got["message"].startswith("the answer could not be read as data: "), got
    assert got["peak"] <= bound(min(got["line"], bridge.MAX_LINE)), got


@pytest.mark.parametrize("answer", HONEST)
def test_honest_answers_still_decode(honest, answer):
    got = honest[answer]
    print(f"{answer}: line {got['line'] / MIB:.1f} MiB, peak {got['peak'] / MIB:.1f} MiB")
    assert got["outcome"] == "decoded", got
    assert got["peak"] <= bound(got["line"]), got


def test_parse_cost_is_an_upper_bound_of_what_json_takes():
    n = 100_000
    lines = [
        b"[" + b",".join([b"[]"] * n) + b"]",
        b"[" + b",".join([b"{}"] * n) + b"]",
        b"[" + b",".join([b'{"a":1}'] * n) + b"]",
        b"{" + b",".join([b'"k%d":0' % i for i in range(n)]) + b"}",
        b"[" + b",".join([b'"%d"' % i for i in range(n)]) + b"]",
        b"[" + b",".join([b"[[[]]]"] * n) + b"]",
        b"[" + b",".join([b"1.5"] * n) + b"]",
        b'["' + b"a" * (4 * n) + b'\\ud83d\\ude00"]',
        b'["' + b"a" * (4 * n) + b'\\u00e9"]',
    ]
    for line in lines:
        tracemalloc.start()
        value = json.loads(line)
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
        del value
        assert peak <= bridge.parse_cost(line), (line[:30], peak, bridge.parse_cost(line))


def test_a_long_range_is_a_refusal_and_a_short_one_a_range():
    codec = bridge.Codec()
    with pytest.raises(bridge.CodecError, match="30,000,000 numbers"):
        codec.decode({"$": "range", "args": [0, 30_000_000, 1]})
    with pytest.raises(bridge.CodecError, match="more than the grader expands"):
        codec.decode({"$": "range", "args": [0, 10**30]})
    assert codec.decode({"$": "range", "args": [5, 0, -1]}) == range(5, 0, -1)


def test_tensor_dtype_may_narrow_but_never_widen_its_data():
    pytest.importorskip("torch")
    data = {"$": "nd", "dtype": "<f4", "shape": [2], "data": "AACAPwAAAEA="}  # 1.0, 2.0
    codec = bridge.Codec()
    narrow = codec.decode({"$": "tensor", "dtype": "bfloat16", "device": "cpu", "array": data})
    assert str(narrow.dtype) == "torch.bfloat16" and narrow.tolist() == [1.0, 2.0]
    with pytest.raises(bridge.CodecError, match="would grow"):
        codec.decode({"$": "tensor", "dtype": "float64", "device": "cpu", "array": data})


# ------------------------------------------------------------------------------ truth, in, len
class FakeClient:
    """Answers ``iter`` and ``len`` as a (malicious) worker would; records what it was asked."""

    def __init__(self, items=(), size=0):
        self.items, self.size, self.asked = list(items), size, []

    def op(self, message):
        self.asked.append(message["op"])
        return self.items if message["op"] == "iter" else self.size


def test_truth_of_a_student_object_never_asks_the_student():
    client = FakeClient(size=0)  # a student's __len__ answering 0 made the proxy false before
    proxy = Remote(client, 1, "Thing")
    assert bool(proxy) is True and (not proxy) is False
    assert client.asked == []


def test_in_compares_the_items_here():
    client = FakeClient(items=[1, "medium", 2.5])
    proxy = Remote(client, 1, "Thing")
    assert "medium" in proxy and 3 not in proxy and "low" not in proxy
    assert client.asked == ["iter", "iter", "iter"]  # never a "contains" the student could answer
    client.items = 7
    with pytest.raises(StudentError, match="did not give a list"):
        _ = 1 in proxy


def test_len_of_a_student_object_is_a_checked_count():
    assert len(Remote(FakeClient(size=5), 1, "Thing")) == 5
    for answer in (10**12, -1, 2**80, "3", 2.0, True):
        with pytest.raises(StudentError, match="not a count from 0 to"):
            len(Remote(FakeClient(size=answer), 1, "Thing"))


# ------------------------------------------------------------------------------ per-test time limit
LOOPING_TESTS = """
from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3

@test_case(points=1)
def test_endless(x):
    while True:
        pass

@test_case(points=1)
def test_endless_that_catches(x):
    try:
        while True:
            pass
    except Exception:
        pass

@test_case(points=1)
def test_ok(x):
    assert x == "x"
"""


class SlowBox:
    """A worker that takes ``delay`` seconds to answer each request."""

    def __init__(self, delay):
        self.delay, self.started, self.finished = delay, 0, 0

    def request(self, message, deadline):
        self.started += 1
        time.sleep(self.delay)
        self.finished += 1
        return {"value": message["name"]}


def test_a_test_case_out_of_time_fails_with_a_sentence_and_the_next_runs():
    lesson = Lesson("99-fake", ROOT, {"q1": LOOPING_TESTS})
    box = SlowBox(0.0)
    result = judge.run_tests(lesson, LazyEnv(Client(box, time.monotonic() + 600)), seconds=1.0)
    cases = result["q1"]["cases"]
    assert [c["passed"] for c in cases] == [False, False, True]
    for case in cases[:2]:
        assert case["message"] == judge.TIMEOUT_MESSAGE.format(seconds=1.0)
    assert result["q1"]["score"] == 1.0


HEADER = LOOPING_TESTS.split("@test_case")[0]
ONE_TEST = HEADER + "@test_case(points=1)\ndef test_ok(x):\n    assert x == 'x'\n"


def test_the_time_limit_never_cuts_a_reply_in_half():
    lesson = Lesson("99-fake", ROOT, {"q1": ONE_TEST})
    box = SlowBox(2.0)  # the reply takes longer than the test may
    result = judge.run_tests(lesson, LazyEnv(Client(box, time.monotonic() + 600)), seconds=0.5)
    assert box.finished == box.started >= 1  # every request ran to its reply before the alarm struck
    assert result["q1"]["cases"][0]["message"] == judge.TIMEOUT_MESSAGE.format(seconds=0.5)


def test_running_out_of_memory_in_a_test_is_a_sentence():
    tests = HEADER + "@test_case(points=1)\ndef test_big(x):\n    raise MemoryError\n"
    env = LazyEnv(Client(SlowBox(0), time.monotonic() + 60))
    result = judge.run_tests(Lesson("99-fake", ROOT, {"q1": tests}), env)
    assert result["q1"]["cases"][0]["message"] == judge.MEMORY_MESSAGE


def test_no_test_case_runs_long_past_the_submissions_deadline():
    lesson = Lesson("99-fake", ROOT, {"q1": LOOPING_TESTS})
    client = Client(SlowBox(0.0), time.monotonic() - judge.TEST_GRACE)  # its time is up
    result = judge.run_tests(lesson, LazyEnv(client), seconds=600)
    assert [c["message"] for c in result["q1"]["cases"]] == [judge.DEADLINE_MESSAGE] * 2 + [""]


def test_seconds_per_test_follow_the_cell_timeout():
    assert judge.seconds_per_test(sandbox.Limits(cell_timeout=3)) == judge.TEST_SECONDS == 120
    assert judge.seconds_per_test(sandbox.Limits(cell_timeout=100)) == 400


# ------------------------------------------------------------------------------ the judge's memory
def test_the_judge_limits_its_own_memory(tmp_path):
    """A judge process sets RLIMIT_DATA from the task's --memory as soon as it gets a task."""
    limits = sandbox.Limits(memory_mb=3000)
    task = {
        "lesson": "01-warmup",
        "root": str(ROOT),
        "path": str(tmp_path / "missing.ipynb"),
        "member": None,
        "limits": dataclasses.asdict(limits),
        "tests": {"q1": ONE_TEST},
    }
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TMPDIR": str(tmp_path)}
    proc = subprocess.Popen(
        [sys.executable, "-m", "course.grading.judge"],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        text=True,
        env=env,
        cwd=ROOT,
    )
    try:
        proc.stdin.write(json.dumps(task) + "\n")
        proc.stdin.flush()
        answer = json.loads(proc.stdout.readline())  # a row for the unreadable file; the judge waits on
        assert answer["status"] == "invalid"
        limits_text = open(f"/proc/{proc.pid}/limits").read()
    finally:
        proc.stdin.close()
        proc.wait(timeout=60)
    line = next(ln for ln in limits_text.splitlines() if ln.startswith("Max data size"))
    assert int(line.split()[3]) == judge.judge_memory_mb(limits) * MIB == (3000 + 1024) * MIB
    assert judge.judge_memory_mb(sandbox.Limits(memory_mb=256)) == 3072


def test_the_memory_limit_refuses_allocations_past_it():
    code = f"""
import sys
sys.path.insert(0, {str(ROOT)!r})
from course.grading import judge
size = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmData:")) // 1024
judge.limit_own_memory(size + 256)
try:
    bytearray(1024 * 2**20)
    print("allocated")
except MemoryError:
    print("MemoryError")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.stdout.strip() == "MemoryError", proc.stderr[-2000:]


def test_the_memory_limit_leaves_reserved_address_space_alone():
    """A CUDA driver reserves tens of GiB of address space it never touches: the judge's limit must
    not refuse that (RLIMIT_AS would), or the judge would see no GPU on a GPU host."""
    code = f"""
import ctypes, sys
sys.path.insert(0, {str(ROOT)!r})
from course.grading import judge
size = next(int(l.split()[1]) for l in open("/proc/self/status") if l.startswith("VmData:")) // 1024
judge.limit_own_memory(size + 256)
libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
# PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE: address space only, as a CUDA driver takes it
address = libc.mmap(None, 64 * 2**30, 0, 0x02 | 0x20 | 0x4000, -1, 0)
print("reserved", 64 * 2**30 if address not in (None, ctypes.c_void_p(-1).value) else "nothing")
"""
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300)
    assert proc.stdout.strip() == f"reserved {64 * 2**30}", proc.stderr[-2000:]
