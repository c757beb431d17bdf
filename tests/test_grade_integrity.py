"""``python -m course grade`` against an adversarial student, in every isolation mode this machine offers.

Bad input and tampering each get their row, their status and no more than their honest points;
nothing of the hidden tests, the classmates' notebooks or the grades reaches the student; nothing
outlives or outgrows a submission; no byte leaves it by a socket; grades stay as written after the
grader exits; and where nothing isolates, the grader refuses.

The modes (one batch of lesson-01 submissions each, two jobs at a time, graded once per module):
``bwrap`` (the full batch, graded with ``auto`` as root), ``bwrap-user`` (bubblewrap run by an
ordinary user), ``uid`` (the grader as root, bubblewrap hidden: a user id per job, with Landlock),
``uid-no-landlock`` (the same on a copy of the course that only root can read, Landlock disabled)
and ``landlock`` (the grader as an unprivileged user, bubblewrap hidden); then the Gradescope entry
point in an emulated container (``gradescope_emulation.py``: one run per attack), the same container
with a real bubblewrap that cannot mount ``/proc`` (the answer key gets full marks, the fallback
named), and the refusals (:data:`course.grading.sandbox.DISABLE_ENV` makes the grader see no
mechanism). Real cells run under generous limits (``--cell-timeout 60``); the timeout cases are
endless loops.

An attack that wants to say how far it got raises ``RuntimeError("REPORT {...}")`` in its last
cell: the row's message carries it (the grader shows students their exceptions). Each mode's
outcomes feed the attack × mode table in docs/security.md (``benchmarks/attack_table.py``).
"""

import csv
import hashlib
import json
import os
import re
import selectors
import shutil
import socket
import subprocess
import sys
import tempfile
import threading
import time
import uuid
import zipfile
from pathlib import Path

import pytest
from conftest import require_tool
from harness import ROOT

from course import instructor_files, layout, notebooks
from course.grading import sandbox
from course.grading.judge import Lesson

pytestmark = pytest.mark.slow

LESSON = "01-warmup"
FULL = sum(Lesson(LESSON, ROOT).possible.values())
ALL_POINTS = FULL + sum(q["points"] for q in instructor_files.written_questions(LESSON, ROOT))
"""With the written questions, graded by hand: feedback says "Score so far" until they are."""
NOBODY = 65534
SETPRIV = shutil.which("setpriv") or "/usr/bin/setpriv"
TOKEN = uuid.uuid4().hex[:12]
JUDGE_PEAK_MIB = 800
"""What a judge process may use at its peak (VmHWM), whatever the notebooks send it."""
LIMIT_MB = 1024
"""``--memory`` and ``--disk`` of every attack batch."""
LIMITS = ["--jobs", "2", "--timeout", "150", "--cell-timeout", "60", "--memory", str(LIMIT_MB), "--disk", str(LIMIT_MB)]
TOLERANCE = 1.05
"""An attack that is not stopped may hold at most this much of a limit."""
SHM_KEY = 0x7E570000 + int(TOKEN[:4], 16)
"""System V keys of this run's attacks (from here on)."""
THREAD_NAME = f"cz{TOKEN[:10]}"
"""The name the lingering thread of the ``setsid-zombie`` attack gives itself."""
TABLE_ENV = "COURSE_ATTACK_TABLE"
"""When set, the outcomes of every mode are written to this JSON file (``benchmarks/attack_table.py``)."""


def hidden_files(root: Path = ROOT) -> list[str]:
    return [str(p) for p in Lesson(LESSON, root).test_paths] + [
        str(layout.solution_notebook(root, LESSON)),
        str(root / layout.SOURCE / f"{LESSON}.ipynb"),
    ]


def load(path: Path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def correct() -> dict:
    return json.loads(json.dumps(notebooks.clear_outputs(notebooks.read(layout.solution_notebook(ROOT, LESSON)))))


def blank() -> dict:
    return load(layout.student_notebook(ROOT, LESSON))


def cell(source: str) -> dict:
    return {"cell_type": "code", "execution_count": None, "metadata": {}, "outputs": [], "source": source}


def plus(nb: dict, source: str, at: int | None = None) -> dict:
    nb = json.loads(json.dumps(nb))
    nb["cells"].insert(len(nb["cells"]) if at is None else at, cell(source))
    return nb


def hidden_lines() -> list[str]:
    """Code lines of the hidden test cases (what must never reach a student)."""
    lines = []
    for path in (layout.autograder_dir(ROOT, LESSON) / "tests").glob("q*.py"):
        text = path.read_text(encoding="utf-8")
        for block in re.split(r"\n(?=@test_case)", text):
            if "hidden=True" in block:
                lines += [ln.strip() for ln in block.splitlines() if len(ln.strip()) >= 25]
    return lines


MONKEYPATCH = """
import builtins, numpy as np
np.allclose = lambda *a, **k: True
np.isclose = lambda *a, **k: np.True_
np.array_equal = lambda *a, **k: True
builtins.isinstance = lambda *a, **k: True
builtins.AssertionError = type("Nope", (Exception,), {})
print("q1 results: All test cases passed! 22/22")
"""

FAKE_OBJECTS = """
class Anything:
    def __eq__(self, other): return True
    def __bool__(self): return True
    def __float__(self): return 1.0
    def __len__(self): return 3
class Medium(str):
    def __eq__(self, other): return True
    __hash__ = str.__hash__
X_shape = W_shape = b_shape = logits_shape = Anything()
medium_onehot = Anything()
predicted_label = Medium("low")
accuracy_medium = loss_medium = Anything()
softmax = lambda z: Anything()
"""

TAMPER_FILES = """
import glob, json, os
ALWAYS = "from otter.test_files import test_case\\nname = 'q1'\\npoints = 4\\n"
ALWAYS += "@test_case()\\ndef test_ok():\\n    pass\\n"
for pattern in ["tests/*.py", "../tests/*.py", "../../tests/*.py", "../../autograder/*/tests/*.py", "../**/q*.py"]:
    for path in glob.glob(pattern, recursive=True):
        try:
            open(path, "w").write(ALWAYS)
        except OSError:
            pass
os.makedirs("tests", exist_ok=True)
for q in range(1, 7):
    open(f"tests/q{q}.py", "w").write(ALWAYS.replace("q1", f"q{q}"))
fake = {"tests": [{"name": f"q{q}", "score": 9, "max_score": 9} for q in range(1, 7)]}
for path in ["results.json", "../results.json", "../../results.json", "grades.csv", "../grades.csv"]:
    try:
        open(path, "w").write(json.dumps(fake))
    except OSError:
        pass
"""

READ_HIDDEN = """
import os, time
found, start = False, time.time()
for path in DIRECT:
    try:
        if "MARKER" in open(path, errors="ignore").read():
            found = True
    except OSError:
        pass
skip = {"/proc", "/sys", "/dev", "/usr", "/lib", "/lib64", "/bin", "/sbin", "/boot", "/root/.pyenv", "/tmp/venv"}
for top, dirs, files in os.walk("/"):
    dirs[:] = [d for d in dirs if os.path.join(top, d) not in skip]
    if time.time() - start > 8:
        break
    for name in files:
        if name.endswith(".py") and name.startswith("q"):
            try:
                if "MARKER" in open(os.path.join(top, name), errors="ignore").read():
                    found = True
            except OSError:
                pass
if found:
    X_shape, W_shape, b_shape, logits_shape = (100, 2), (2, 3), (3,), (100, 3)
"""


def forged_line() -> str:
    possible = Lesson(LESSON, ROOT).possible
    questions = {q: {"score": p, "possible": p, "cases": []} for q, p in possible.items()}
    result = {"status": "ok", "message": "", "questions": questions, "total": FULL, "possible": FULL}
    return json.dumps({**result, "cell_errors": [], "seconds": 1.0, "sha256": ""})


FORGE = """
import os
FORGED = FORGED_LINE + "\\n"
pids, pid = [], os.getppid()
while pid > 1 and len(pids) < 6:
    pids.append(pid)
    try:
        pid = int(open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()[1])
    except (OSError, ValueError, IndexError):
        break
for pid in pids:
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        fds = [str(n) for n in range(40)]
    for fd in fds:
        path = f"/proc/{pid}/fd/{fd}"
        try:
            if os.readlink(path).startswith("pipe:"):
                with open(path, "w") as f:
                    f.write(FORGED)
        except OSError:
            pass
"""

DAEMON_CODE = """
import os, sys, time
out = sys.argv[1]
end = time.time() + 60
while time.time() < end:
    for name, mode, text in (
        ("grades.csv", "a", "daemon,ok,4,4,4,4,4,2,22,22,,,,\\n"),
        ("results/daemon.json", "w", "{}"),
        ("results.json", "w", '{"score": 22.0, "tests": []}'),
    ):
        try:
            with open(os.path.join(out, name), mode) as f:
                f.write(text)
        except OSError:
            pass
    time.sleep(0.5)
"""

DAEMON = """
import os, sys
child = os.fork()
if child == 0:
    os.setsid()
    if os.fork() == 0:
        os.execv(sys.executable, [sys.executable, "-c", CODE, OUT, MARK])
    os._exit(0)
os.waitpid(child, 0)
"""

FORK_MEMORY = """
import os, time
kids = []
for i in range(8):
    pid = os.fork()
    if pid == 0:
        try:
            hog = b"\\x01" * (LIMIT_MB // 6 << 20)  # with what the notebook holds, under RLIMIT_AS
            time.sleep(30)
        finally:
            os._exit(0)
    kids.append(pid)
for pid in kids:
    os.waitpid(pid, 0)
"""

DISK_FILL = """
import os
block = b"x" * (8 << 20)
for place in ("/tmp", "/dev/shm"):
    try:
        with open(f"{place}/course-attack-TOKEN", "wb") as f:
            for _ in range(25):
                f.write(block)
    except OSError:
        pass
os.makedirs("fill", exist_ok=True)
kept = []
for i in range(400):
    try:
        f = open(f"fill/{i}", "wb")
        for _ in range(6):
            f.write(block)
        f.flush()
        if i % 2:
            os.unlink(f"fill/{i}")
        kept.append(f)
    except OSError:
        pass
"""

CHMOD_LOCK = """
import os
os.makedirs("locked/inner", exist_ok=True)
for i in range(3):
    with open(f"locked/inner/f{i}", "wb") as f:
        f.write(b"x" * (30 << 20))
os.chmod("locked/inner", 0)
os.chmod("locked", 0)
os.chmod(os.environ["TMPDIR"], 0)
"""

FLOOD_REPLY = """
import sys
_bridge = sys.modules["bridge"]
_dumps = _bridge.dumps
def _flood(message):
    if isinstance(message, dict) and "value" in message:
        return b'{"value":[' + b"[]," * 5_000_000 + b'[]]}\\n'
    return _dumps(message)
_bridge.dumps = _flood
"""

LAZY_RANGE = """
X_shape = W_shape = b_shape = logits_shape = range(3 * 10**7)
medium_onehot = range(3 * 10**7)
"""

INJECTION = """
def softmax(z):
    raise ValueError('**Score: 22 / 22**\\n\\n<!-- hidden --> <img src=x onerror=alert(1)> '
                     '=HYPERLINK("http://x") \\x1b[2J\\x1b]52;c;aGVsbG8=\\x07 done')
"""


REPORT = """
import json as _json
raise RuntimeError("REPORT " + _json.dumps(REPORT, separators=(",", ":")))
"""
"""The last cell of an attack that reports how far it got (a dict named REPORT)."""

SYS_EXIT = """
import ctypes, platform
def exit_main_thread():
    ctypes.CDLL(None).syscall({"x86_64": 60, "aarch64": 93}[platform.machine()], 0)  # SYS_exit: this thread only
"""

ZOMBIE_MEMORY = """
import os, select, subprocess, sys, time
FORKER = r'''
import ctypes, os, platform, sys, threading, time
each, count = int(sys.argv[1]), int(sys.argv[2])
for i in range(count):
    if os.fork() == 0:
        def hold():
            time.sleep(1)  # once the main thread has exited: its status shows no memory then
            try:
                block = bytearray(each << 20)
                block[::4096] = b"\\x01" * len(range(0, len(block), 4096))
                os.write(1, b"1")
            except MemoryError:
                os.write(1, b"0")
            time.sleep(600)
        threading.Thread(target=hold).start()
        time.sleep(0.2)
        ctypes.CDLL(None).syscall({"x86_64": 60, "aarch64": 93}[platform.machine()], 0)  # SYS_exit: this thread
time.sleep(600)
'''
EACH, COUNT = LIMIT // 4, 6  # 1.5 times the limit, forked from a small process (no shared pages to count twice)
forker = subprocess.Popen([sys.executable, "-c", FORKER, str(EACH), str(COUNT)], stdout=subprocess.PIPE)
got, held, end = 0, 0, time.time() + 60
while got < COUNT and time.time() < end:
    if select.select([forker.stdout], [], [], 1)[0]:
        data = os.read(forker.stdout.fileno(), 16)
        if not data:
            break
        got, held = got + len(data), held + data.count(b"1") * EACH
time.sleep(3)
REPORT = {"held_mib": held}
"""

SYSV_SHM = """
import ctypes, time
libc = ctypes.CDLL(None, use_errno=True)
libc.shmget.argtypes = [ctypes.c_int, ctypes.c_size_t, ctypes.c_int]
libc.shmat.argtypes = [ctypes.c_int, ctypes.c_void_p, ctypes.c_int]
libc.shmat.restype = ctypes.c_void_p
libc.shmdt.argtypes = [ctypes.c_void_p]
EACH, held, errors = 128, 0, set()
for i in range(LIMIT * 3 // 2 // EACH):
    sid = libc.shmget(KEY + i, EACH << 20, 0o1600)
    if sid < 0:
        errors.add(ctypes.get_errno())
        continue
    addr = libc.shmat(sid, None, 0)
    if addr in (None, 2**64 - 1):
        continue
    ctypes.memset(addr, 1, EACH << 20)
    libc.shmdt(addr)  # held by the segment alone, in no process
    held += EACH
time.sleep(3)
REPORT = {"held_mib": held, "errno": sorted(errors)}
"""

DELETED_MMAPPED = """
import ctypes, os, time
libc = ctypes.CDLL(None, use_errno=True)
libc.mmap.restype = ctypes.c_void_p
libc.mmap.argtypes = [ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int, ctypes.c_int, ctypes.c_int, ctypes.c_long]
held = 0
for i in range(2 * DISK // 64):
    try:
        with open(f"m{i}", "wb") as f:
            for _ in range(8):
                f.write(b"x" * (8 << 20))
        fd = os.open(f"m{i}", os.O_RDONLY)
        if libc.mmap(None, 4096, 1, 1, fd, 0) in (None, 2**64 - 1):  # PROT_READ, MAP_SHARED
            raise OSError(ctypes.get_errno(), "mmap")
        os.close(fd)  # (Python's own mmap would keep a copy of the descriptor)
        os.unlink(f"m{i}")  # the file lives on, held by the mapping alone
        held += 64
    except OSError:
        break
time.sleep(3)
REPORT = {"held_mib": held}
"""

MANY_ENTRIES = """
import os, time
made, held = 0, 0
os.makedirs("e/z", exist_ok=True)
try:
    for i in range(200_100):  # a walk that stops after 200 000 entries never opens e/z
        open(f"e/{i}", "wb").close()
        made += 1
except OSError:
    pass
for i in range(2 * DISK // 64):
    try:
        with open(f"e/z/big{i}", "wb") as f:
            for _ in range(8):
                f.write(b"y" * (8 << 20))
        held += 64
    except OSError:
        break
time.sleep(3)
REPORT = {"entries": made, "held_mib": held}
"""

USERNS_TMPFS = """
import ctypes, os, time
libc = ctypes.CDLL(None, use_errno=True)
r, w = os.pipe()
if os.fork() == 0:
    held, uid, gid = 0, os.getuid(), os.getgid()
    try:
        if libc.unshare(0x10000000 | 0x00020000) != 0:  # CLONE_NEWUSER | CLONE_NEWNS
            raise OSError(ctypes.get_errno(), "unshare")
        for name, text in (("setgroups", "deny"), ("uid_map", f"0 {uid} 1"), ("gid_map", f"0 {gid} 1")):
            with open(f"/proc/self/{name}", "w") as f:
                f.write(text)
        os.makedirs("t", exist_ok=True)
        if libc.mount(b"tmpfs", b"t", b"tmpfs", 0, b"size=8g") != 0:
            raise OSError(ctypes.get_errno(), "mount")
        for i in range(LIMIT * 3 // 2 // 64):
            with open(f"t/f{i}", "wb") as f:
                for _ in range(8):
                    f.write(b"z" * (8 << 20))
            held += 64
        os.write(w, str(held).encode())
    except OSError as err:
        os.write(w, f"{held} {err.errno}".encode())
    time.sleep(600)
    os._exit(0)
answer = os.read(r, 64).decode().split()
time.sleep(3)
REPORT = {"held_mib": int(answer[0]), "errno": answer[1:]}
"""

SETSID_ZOMBIE = (
    SYS_EXIT
    + """
import os, threading, time
if os.fork() == 0:
    os.setsid()
    if os.fork() == 0:
        def linger():
            ctypes.CDLL(None).prctl(15, NAME.encode(), 0, 0, 0)  # PR_SET_NAME: findable in /proc/*/task/*/comm
            end = time.time() + 120
            while time.time() < end:
                time.sleep(0.2)
        threading.Thread(target=linger).start()
        time.sleep(0.3)
        exit_main_thread()
    os._exit(0)
time.sleep(1)
REPORT = {"started": True}
"""
)

SOCKETS = """
import ctypes, socket
tried = {}
def attempt(name, action):
    try:
        action()
        tried[name] = "sent"
    except OSError as err:
        tried[name] = err.errno
def stream(family, address, proto=0):
    s = socket.socket(family, socket.SOCK_STREAM, proto)
    s.settimeout(3)
    s.connect(address)
    s.sendall(MESSAGE)
    s.close()
def pair_sendto():
    a, b = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
    a.sendto(MESSAGE, DGRAM)
attempt("tcp", lambda: stream(socket.AF_INET, ("127.0.0.1", TCP_PORT)))
attempt("mptcp", lambda: stream(socket.AF_INET, ("127.0.0.1", TCP_PORT), 262))
attempt("udp", lambda: socket.socket(socket.AF_INET, socket.SOCK_DGRAM).sendto(MESSAGE, ("127.0.0.1", UDP_PORT)))
attempt("unix-path", lambda: stream(socket.AF_UNIX, UNIX_PATH))
attempt("abstract", lambda: stream(socket.AF_UNIX, "\\0" + ABSTRACT))
attempt("agent", lambda: stream(socket.AF_UNIX, AGENT))
attempt("socketpair-dgram", pair_sendto)
attempt("netlink", lambda: socket.socket(socket.AF_NETLINK, socket.SOCK_RAW, 0).close())
ring = ctypes.CDLL(None, use_errno=True).syscall(425, 4, ctypes.create_string_buffer(120))  # io_uring_setup
tried["io_uring"] = "made" if ring >= 0 else ctypes.get_errno()
REPORT = tried
"""

CLASSMATE = """
import json, os
copied = ""
try:
    pids = os.listdir("/proc")
except OSError:
    pids = []
for pid in pids:
    try:
        argv = open(f"/proc/{pid}/cmdline", "rb").read().decode(errors="ignore").split("\\0")
    except OSError:
        continue
    for arg in argv:
        path = os.path.join(arg, "correct.ipynb")
        try:
            nb = json.load(open(path))
        except (OSError, ValueError):
            continue
        for c in nb["cells"]:
            if c["cell_type"] == "code":
                try:
                    exec("".join(c["source"]), globals())
                except Exception:
                    pass
        copied = path
REPORT = {"copied": bool(copied)}
"""

STAT_HIDDEN = """
import os
seen = 0
for path in HIDDEN:
    try:
        os.stat(path)
        seen += 1
    except OSError:
        pass
REPORT = {"stat": seen}
"""

READ_OUT = """
import os
reached = []
for path in (OUT, os.path.join(OUT, "grades.csv"), os.path.join(OUT, "feedback")):
    try:
        os.listdir(path) if not path.endswith(".csv") else open(path).read(1)
        reached.append(os.path.basename(path))
    except OSError:
        pass
REPORT = {"reached": reached}
"""

LIMIT_ATTACKS = ["zombie-memory", "sysv-shm", "deleted-mmapped", "many-entries", "userns-tmpfs"]
"""Attacks that try to hold more than a limit: stopped (status memory or error) or held at most
:data:`TOLERANCE` of it."""


NO_LISTENERS = {"TCP_PORT": 9, "UDP_PORT": 9, "UNIX_PATH": "/tmp/.X0", "ABSTRACT": "x", "DGRAM": "/dev/log"}
"""Where the ``sockets`` attack aims when no listener of the test's can be reached (a container with
its own network): it must still make no socket."""


class Target:
    """What the attacks of one mode aim at, as the student's process would name it."""

    def __init__(self, mode: str, out: str, hidden: list[str], marker: str, agent: str, listeners=None):
        self.mode, self.out, self.hidden, self.marker, self.agent = mode, out, hidden, marker, agent
        self.listeners = listeners

    @property
    def message(self) -> bytes:
        return f"{TOKEN}:{self.mode}".encode()


def attacks(target: Target) -> dict[str, tuple[dict, set, float]]:
    """The attacks every mode is tried with: name -> (notebook, allowed statuses, honest points)."""
    key, empty = correct(), blank()
    daemon = DAEMON.replace("CODE", repr(DAEMON_CODE)).replace("OUT", repr(target.out))
    read_hidden = READ_HIDDEN.replace("MARKER", target.marker).replace("DIRECT", repr(target.hidden))
    kill_parent = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"
    ports = target.listeners.addresses() if target.listeners else NO_LISTENERS
    sockets = "\n".join(
        [f"MESSAGE = {target.message!r}", f"AGENT = {target.agent!r}"]
        + [f"{name} = {value!r}" for name, value in ports.items()]
    )
    sizes = f"LIMIT = {LIMIT_MB}\nDISK = {LIMIT_MB}\n"

    def report(code: str, prefix: str = "") -> dict:
        return plus(plus(empty, prefix + code), REPORT)

    return {
        "correct": (key, {"ok"}, FULL),
        "forge-result-line": (plus(empty, FORGE.replace("FORGED_LINE", repr(forged_line()))), {"ok", "error"}, 0.0),
        "setsid-daemon": (plus(empty, daemon.replace("MARK", repr(f"course-daemon-{TOKEN}"))), {"ok"}, 0.0),
        "read-hidden": (plus(empty, read_hidden), {"ok"}, 0.0),
        "forked-memory": (plus(empty, f"LIMIT_MB = {LIMIT_MB}\n" + FORK_MEMORY), {"memory"}, 0.0),
        "disk-filling": (plus(empty, DISK_FILL.replace("TOKEN", TOKEN)), {"error"}, 0.0),
        "chmod-000": (plus(key, CHMOD_LOCK), {"ok"}, FULL),
        "flood-reply": (plus(empty, FLOOD_REPLY), {"ok", "error"}, 0.0),
        "lazy-range": (plus(empty, LAZY_RANGE), {"ok", "error", "timeout"}, 0.0),
        "kill-parent": (plus(empty, kill_parent), {"ok", "error"}, 0.0),
        "zombie-memory": (report(ZOMBIE_MEMORY, sizes), {"ok", "memory"}, 0.0),
        "sysv-shm": (report(SYSV_SHM, sizes + f"KEY = {SHM_KEY}\n"), {"ok", "memory"}, 0.0),
        "deleted-mmapped": (report(DELETED_MMAPPED, sizes), {"ok", "error"}, 0.0),
        "many-entries": (report(MANY_ENTRIES, sizes), {"ok", "error"}, 0.0),
        "userns-tmpfs": (report(USERNS_TMPFS, sizes), {"ok", "memory", "error"}, 0.0),
        "setsid-zombie": (report(SETSID_ZOMBIE, f"NAME = {THREAD_NAME!r}\n"), {"ok"}, 0.0),
        "sockets": (report(SOCKETS, sockets + "\n"), {"ok"}, 0.0),
        "classmate": (report(CLASSMATE), {"ok"}, 0.0),
        "stat-hidden": (report(STAT_HIDDEN, f"HIDDEN = {target.hidden!r}\n"), {"ok"}, 0.0),
        "read-out": (report(READ_OUT, f"OUT = {target.out!r}\n"), {"ok"}, 0.0),
    }


ATTACKS = list(attacks(Target("", "/nonexistent", [], "", "")))


def report_of(message: str) -> dict | None:
    """The REPORT an attack raised, from its row's message (None if it never got there). Gradescope's
    output wraps long lines and quotes a student's text after its first line: undone first."""
    from course.grading.gradescope_entry import QUOTE

    message = " ".join((message or "").replace(QUOTE, " ").split())
    match = re.search(r"REPORT (\{.*?\})(?: |$)", message)
    if not match:
        return None
    try:
        return json.loads(match.group(1))
    except ValueError:
        return None


def submissions(folder: Path) -> dict[str, tuple[set, float | None]]:
    """Write the main batch's status cases; return name -> (allowed statuses, exact points or None
    for 'at most honest'). The attacks (:func:`attacks`) are added to it."""
    folder.mkdir()
    key, empty = correct(), blank()
    other = (
        notebooks.read(layout.solution_notebook(ROOT, "02-linear-numpy"))
        if (ROOT / "solutions/02-linear-numpy.ipynb").exists()
        else None
    )
    answer_cell = next(i for i, c in enumerate(key["cells"]) if "def softmax(z)" in "".join(c["source"]))
    write = {
        "correct": key,
        "blank": empty,
        "other-kernel": {
            **key,
            "metadata": {
                **key["metadata"],
                "kernelspec": {"name": "conda-env-py", "display_name": "Py", "language": "python"},
            },
        },
        "duplicated": {**key, "cells": key["cells"] + key["cells"]},
        "deleted-cell": {**key, "cells": key["cells"][:answer_cell] + key["cells"][answer_cell + 1 :]},
        "reordered": {**key, "cells": key["cells"][::-1]},
        "saved-huge-output": {
            **key,
            "cells": [
                {
                    **key["cells"][2],
                    "cell_type": "code",
                    "source": "x = 1",
                    "outputs": [{"output_type": "stream", "name": "stdout", "text": "y" * 30_000_000}],
                }
            ]
            + key["cells"],
        },
        "printing-a-lot": plus(
            key,
            "import os\nprint('x' * 200_000_000)\nos.write(1, b'y' * 100_000_000)\n"
            "open('big', 'wb').write(b'z' * 200_000_000)",
        ),
        "loop-in-a-cell": plus(key, "while True:\n    pass", at=answer_cell),
        "loop-ignoring-alarms": plus(
            empty, "import signal\nsignal.signal(signal.SIGALRM, signal.SIG_IGN)\nwhile True:\n    pass", at=3
        ),
        "sys-exit": plus(key, "import sys\nsys.exit(0)", at=answer_cell),
        "os-exit": plus(key, "import os\nos._exit(0)"),
        "crash": plus(key, "import ctypes\nctypes.string_at(0)"),
        "memory": plus(empty, "hog = bytearray(16 * 2**30)", at=3),
        "monkeypatch": plus(empty, MONKEYPATCH),
        "fake-objects": plus(empty, FAKE_OBJECTS),
        "tamper-files": plus(empty, TAMPER_FILES, at=2),
    }
    expect = {
        "correct": ({"ok"}, FULL),
        "blank": ({"ok"}, 0.0),
        "other-kernel": ({"ok"}, FULL),
        "duplicated": ({"ok"}, FULL),
        "deleted-cell": ({"ok"}, None),
        "reordered": ({"ok"}, None),
        "saved-huge-output": ({"ok"}, FULL),
        "printing-a-lot": ({"ok"}, FULL),
        "loop-in-a-cell": ({"timeout"}, FULL),
        "loop-ignoring-alarms": ({"timeout"}, 0.0),
        "sys-exit": ({"ok"}, FULL),
        "os-exit": ({"error"}, 0.0),
        "crash": ({"error"}, 0.0),
        "memory": ({"memory"}, 0.0),
        "monkeypatch": ({"ok"}, 0.0),
        "fake-objects": ({"ok"}, 0.0),
        "tamper-files": ({"ok"}, 0.0),
        "broken": ({"invalid"}, 0.0),
        "empty": ({"invalid"}, 0.0),
        "not-a-notebook": ({"invalid"}, 0.0),
        "zip-without-notebook": ({"invalid"}, 0.0),
        "otter-export": ({"ok"}, FULL),
    }
    for name, nb in write.items():
        (folder / f"{name}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
    (folder / "broken.ipynb").write_text('{"cells": [', encoding="utf-8")
    (folder / "empty.ipynb").write_bytes(b"")
    (folder / "not-a-notebook.ipynb").write_text("[1, 2, 3]", encoding="utf-8")
    with zipfile.ZipFile(folder / "zip-without-notebook.zip", "w") as zf:
        zf.writestr("notes.txt", "hello")
    with zipfile.ZipFile(folder / "otter-export.zip", "w") as zf:
        zf.writestr(f"{LESSON}.ipynb", json.dumps(key))
        zf.writestr(".OTTER_LOG", "not read")
    if other is not None:
        (folder / "wrong-lesson.ipynb").write_text(json.dumps(other), encoding="utf-8")
        expect["wrong-lesson"] = ({"wrong-lesson"}, 0.0)
    return expect


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def read_rows(out: Path) -> dict[str, dict]:
    with (out / "grades.csv").open(newline="", encoding="utf-8") as f:
        return {r["name"]: r for r in csv.DictReader(f)}


# ---------------------------------------------------------------------------------- listeners
class Listeners:
    """Sockets outside every sandbox that the ``sockets`` attack aims at: TCP (MPTCP falls back to
    it), UDP, a Unix socket by path and by abstract name, a datagram socket by path, and one like an
    ssh-agent's in ``/run/user/UID`` for the grader's user ids. Every byte heard is kept."""

    def __init__(self):
        self.heard: list[tuple[str, bytes]] = []
        self.selector = selectors.DefaultSelector()
        self.paths: list[Path] = []
        self.made_dirs: list[Path] = []
        self.tcp = self._listen("tcp", socket.socket(socket.AF_INET, socket.SOCK_STREAM), ("127.0.0.1", 0))
        self.udp = self._bind("udp", socket.socket(socket.AF_INET, socket.SOCK_DGRAM), ("127.0.0.1", 0))
        self.unix = Path(f"/tmp/course-listen-{TOKEN}.sock")
        self._listen("unix-path", socket.socket(socket.AF_UNIX), str(self.unix), mode=0o777)
        self.abstract = f"course-listen-{TOKEN}"
        self._listen("abstract", socket.socket(socket.AF_UNIX), "\0" + self.abstract)
        self.dgram = Path(f"/tmp/course-listen-{TOKEN}.dgram")
        self._bind("unix-dgram", socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM), str(self.dgram), mode=0o777)
        self.agents = {}
        for uid in {os.getuid(), NOBODY} if os.getuid() == 0 else {os.getuid()}:
            try:
                self.agents[uid] = self._agent(uid)
            except OSError:  # no /run/user of ours to put it in: the attack aims at a path that is not there
                pass
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._serve, daemon=True)
        self._thread.start()

    def _listen(self, name, sock, address, mode=None):
        sock.bind(address)
        if mode is not None:
            os.chmod(address, mode)
            self.paths.append(Path(address))
        sock.listen(16)
        sock.setblocking(False)
        self.selector.register(sock, selectors.EVENT_READ, ("accept", name))
        return sock.getsockname()

    def _bind(self, name, sock, address, mode=None):
        sock.bind(address)
        if mode is not None:
            os.chmod(address, mode)
            self.paths.append(Path(address))
        sock.setblocking(False)
        self.selector.register(sock, selectors.EVENT_READ, ("read", name))
        return sock.getsockname()

    def _agent(self, uid: int) -> str:
        """A socket in ``/run/user/UID`` (a 0700 folder of that user, the socket 0600), as ssh-agent's."""
        folder = Path(f"/run/user/{uid}")
        if not folder.exists():
            folder.mkdir(parents=True, mode=0o700)
            os.chown(folder, uid, uid)
            self.made_dirs.append(folder)
        path = folder / f"course-listen-agent-{TOKEN}"
        self._listen(f"agent-{uid}", socket.socket(socket.AF_UNIX), str(path), mode=0o600)
        os.chown(path, uid, uid)
        return str(path)

    def _serve(self):
        while not self._stop.is_set():
            for key, _ in self.selector.select(timeout=0.2):
                kind, name = key.data
                try:
                    if kind == "accept":
                        conn, _ = key.fileobj.accept()
                        conn.setblocking(False)
                        self.selector.register(conn, selectors.EVENT_READ, ("read", name))
                    else:
                        data = key.fileobj.recv(65536)
                        if data:
                            self.heard.append((name, data))
                        elif key.fileobj.type == socket.SOCK_STREAM:
                            self.selector.unregister(key.fileobj)
                            key.fileobj.close()
                except OSError:
                    pass

    def addresses(self) -> dict:
        return {
            "TCP_PORT": self.tcp[1],
            "UDP_PORT": self.udp[1],
            "UNIX_PATH": str(self.unix),
            "ABSTRACT": self.abstract,
            "DGRAM": str(self.dgram),
        }

    def agent(self, uid: int) -> str:
        return self.agents.get(uid, f"/run/user/{uid}/course-listen-agent-{TOKEN}")

    def heard_from(self, mode: str) -> list[tuple[str, bytes]]:
        """What reached a listener from the attacks of ``mode`` (or carrying this run's token at all)."""
        return [(name, data) for name, data in self.heard if TOKEN.encode() in data or mode.encode() in data]

    def close(self):
        self._stop.set()
        self._thread.join(5)
        for key in list(self.selector.get_map().values()):
            key.fileobj.close()
        for path in [*self.paths, *(Path(p) for p in self.agents.values())]:
            path.unlink(missing_ok=True)
        for folder in self.made_dirs:
            shutil.rmtree(folder, ignore_errors=True)


# ---------------------------------------------------------------------------------- the modes
def hidden_path() -> str:
    """PATH without bubblewrap (only the virtual environment's programs)."""
    return f"{Path(sys.executable).parent}:/nonexistent-bin"


def full_path() -> str:
    """PATH with the system's programs (bubblewrap included)."""
    return f"{Path(sys.executable).parent}:/usr/bin:/bin"


def runs_as(uid: int) -> bool:
    """Whether a process of ``uid`` can run this Python (not if it lies under a private /root)."""
    if os.geteuid() != 0 or not os.path.exists(SETPRIV):
        return False
    cmd = [SETPRIV, f"--reuid={uid}", f"--regid={uid}", "--clear-groups", sys.executable, "-c", "import numpy"]
    return subprocess.run(cmd, capture_output=True, timeout=120).returncode == 0


def bwrap_works(uid: int | None = None) -> bool:
    """Whether bubblewrap, run by ``uid`` (this process's own if None), can start the grader's worker."""
    code = "from course.grading import sandbox; sandbox.choose('bwrap')"
    cmd = [sys.executable, "-c", code]
    if uid is not None:
        cmd = [SETPRIV, f"--reuid={uid}", f"--regid={uid}", "--clear-groups", *cmd]
    env = {**os.environ, "PATH": full_path(), "TMPDIR": "/tmp"}
    return subprocess.run(cmd, capture_output=True, timeout=120, cwd=ROOT, env=env).returncode == 0


MODES = ["bwrap", "bwrap-user", "uid", "uid-no-landlock", "landlock"]
SETUP = {
    "bwrap": {"user": 0, "path": "full", "sandbox": "auto", "kind": "bwrap", "env": {}},
    "bwrap-user": {"user": NOBODY, "path": "full", "sandbox": "bwrap", "kind": "bwrap", "env": {}},
    "uid": {"user": 0, "path": "hidden", "sandbox": "auto", "kind": "uid", "env": {}},
    "uid-no-landlock": {
        "user": 0,
        "path": "hidden",
        "sandbox": "auto",
        "kind": "uid",
        "env": {sandbox.DISABLE_ENV: "landlock"},
    },
    "landlock": {"user": NOBODY, "path": "hidden", "sandbox": "auto", "kind": "landlock", "env": {}},
}
"""How each mode's grader runs: as which user, with bubblewrap on PATH or not, ``--sandbox`` (``auto``
but where a mode is asked for by name), environment; and the mode it must grade in."""


def mode_ready(mode: str) -> str:
    """'' if this machine offers ``mode``, else why not."""
    if mode == "bwrap":
        return "" if bwrap_works() else "bubblewrap is not installed or cannot start a worker"
    if mode == "bwrap-user":
        if not runs_as(NOBODY):
            return "needs root to start the grader as user 65534, who must be able to run this Python"
        return "" if bwrap_works(NOBODY) else "bubblewrap cannot start a worker for an ordinary user here"
    if mode in ("uid", "uid-no-landlock"):
        if os.geteuid() != 0:
            return "per-job user ids need a grader running as root"
        if not runs_as(sandbox.UID_BASE + sandbox.UID_COUNT - 1):
            return f"other users cannot run {sys.executable} (every folder above it must be searchable)"
        if mode == "uid" and sandbox.landlock_abi() < 1:
            return "the kernel has no Landlock"
        return ""
    if mode == "landlock":
        if sandbox.landlock_abi() < 1:
            return "the kernel has no Landlock"
        if not runs_as(NOBODY):
            return "needs root to start the grader as user 65534, who must be able to run this Python"
        return ""
    raise ValueError(mode)


def private_course(dest: Path) -> Path:
    """A copy of what grading lesson 01 needs, in a folder only root can enter, its hidden tests
    marked with this run's token (so an attack that finds them cannot mistake the checkout's copy,
    readable on this machine, for them)."""
    dest.mkdir(mode=0o700)
    shutil.copytree(ROOT / "course", dest / "course", ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("course.toml", "pyproject.toml"):
        if (ROOT / name).exists():
            shutil.copy(ROOT / name, dest / name)
    (dest / layout.SOURCE).mkdir()
    shutil.copy(ROOT / layout.SOURCE / f"{LESSON}.ipynb", dest / layout.SOURCE)
    shutil.copytree(ROOT / layout.DATA, dest / layout.DATA)
    shutil.copytree(layout.autograder_dir(ROOT, LESSON), layout.autograder_dir(dest, LESSON))
    key = layout.solution_notebook(dest, LESSON)
    key.parent.mkdir(parents=True)
    shutil.copy(layout.solution_notebook(ROOT, LESSON), key)
    for test in (layout.autograder_dir(dest, LESSON) / "tests").glob("q*.py"):
        with test.open("a", encoding="utf-8") as f:
            f.write(f"\n# course-integrity-marker-{TOKEN}\n")
    return dest


class Run:
    """One ``python -m course grade`` in a folder under /tmp that every mode's users can reach."""

    def __init__(self, name: str, private: bool = False):
        self.base = Path(tempfile.mkdtemp(prefix=f"course-integrity-{name}-", dir="/tmp"))
        os.chmod(self.base, 0o711 if private else 0o755)
        self.folder, self.out, self.tmp = self.base / "subs", self.base / "out", self.base / "tmp"
        self.tmp.mkdir()
        os.chmod(self.tmp, 0o711)
        self.root = private_course(self.base / "course") if private else ROOT
        self.private = private
        self.exited = 0.0
        self.after_exit: dict = {}

    def grade(self, extra: list[str], mode: str = "bwrap", env: dict | None = None) -> subprocess.CompletedProcess:
        setup = SETUP[mode]
        env = {**os.environ, "TMPDIR": str(self.tmp), **setup["env"], **(env or {})}
        env["PATH"] = full_path() if setup["path"] == "full" else hidden_path()
        cmd = [sys.executable, "-m", "course", "grade", LESSON, str(self.folder), "--out", str(self.out), *extra]
        if self.private:
            os.chmod(self.folder, 0o700)  # the submissions are root's alone, as they must be without Landlock
        if setup["user"] != 0:
            home = self.base / "home"
            home.mkdir(exist_ok=True)
            for path in (self.base, self.tmp, self.folder, home):
                os.chown(path, NOBODY, NOBODY)
            env["HOME"] = str(home)  # the grader's own caches (matplotlib's for the summary) go there
            cmd = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *cmd]
        proc = subprocess.run(cmd, cwd=self.root, env=env, capture_output=True, text=True, timeout=1800)
        self.exited = time.monotonic()
        self.after_exit = tree_digest(self.out) if self.out.exists() else {}
        return proc

    def remove(self) -> None:
        sandbox.remove_tree(self.base)


def leftovers() -> list[str]:
    """Attack files left on the machine (outside the sandboxes), daemons still alive, and threads of
    this run's attacks (a process whose main thread exited shows no command line, only its threads)."""
    found = []
    for place in ("/tmp", "/dev/shm", "/var/tmp"):
        found += [str(p) for p in Path(place).glob(f"course-attack-{TOKEN}*")]
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="ignore")
        except OSError:
            cmdline = ""
        if f"course-daemon-{TOKEN}" in cmdline:
            found.append(f"process {proc.name}: {cmdline[:120]}")
        for task in proc.glob("task/[0-9]*"):
            try:
                if (task / "comm").read_text().strip() == THREAD_NAME:
                    found.append(f"thread {proc.name}/{task.name} ({THREAD_NAME})")
            except OSError:
                pass
    return found


def ipc_objects() -> list[str]:
    """System V objects with this run's keys (the ``sysv-shm`` attack's), anywhere on the machine."""
    keys = {SHM_KEY + i for i in range(LIMIT_MB * 3 // 2 // 128)}
    found = []
    for kind in ("shm", "sem", "msg"):
        try:
            rows = Path(f"/proc/sysvipc/{kind}").read_text().splitlines()[1:]
        except OSError:
            continue
        found += [f"{kind} {row.split()[0]}" for row in rows if row.split() and int(row.split()[0]) in keys]
    return found


def outcome(attack: str, status: str, points: float, honest: float, report: dict | None) -> str:
    """One cell of the attack × mode table: what the attack got."""
    gained = points > honest
    if attack in LIMIT_ATTACKS or attack in ("forked-memory", "disk-filling"):
        if status in ("memory", "error"):
            return f"stopped ({status})"
        held = (report or {}).get("held_mib")
        return f"held {held} MiB" if held else "refused"
    if attack == "sockets" and report is not None:
        through = sorted(k for k, v in report.items() if v in ("sent", "made"))
        return "sent: " + ", ".join(through) if through else "no socket"
    if attack == "classmate" and report is not None:
        return "copied a classmate" if report.get("copied") else "nothing found"
    if attack == "stat-hidden" and report is not None:
        return f"stat of {report.get('stat')} hidden files" if report.get("stat") else "no stat"
    if attack == "read-out" and report is not None:
        return "read " + ", ".join(report["reached"]) if report.get("reached") else "nothing readable"
    if gained:
        return f"GAINED: {points:g} points (honest {honest:g})"
    return "full marks" if points == honest == FULL else f"{points:g} points"


class Matrix:
    """The batches, graded on first use and shared by the tests."""

    def __init__(self, listeners: Listeners):
        self.done: dict[str, dict] = {}
        self.runs: list[Run] = []
        self.listeners = listeners

    def _settle(self, run: Run, entry: dict) -> None:
        """Two seconds after the grader exits: what is still alive, what IPC objects are left, what
        reached a listener."""
        time.sleep(max(0.0, 2.0 - (time.monotonic() - run.exited)))
        entry["left"] = leftovers()
        entry["ipc"] = ipc_objects()
        entry["heard"] = self.listeners.heard_from(entry["kind"])

    def _target(self, mode: str, run: Run) -> Target:
        hidden = hidden_files(run.root)
        marker = f"course-integrity-marker-{TOKEN}" if run.private else "def test_X_shape"
        agent = self.listeners.agent(SETUP[mode]["user"])
        return Target(mode, str(run.out), hidden, marker, agent, self.listeners)

    def main(self) -> dict:
        """The full batch (status cases and attacks), with the strongest isolation here (``auto``)."""
        if "main" not in self.done:
            run = Run("main")
            self.runs.append(run)
            expect = submissions(run.folder)
            for name, (nb, statuses, points) in attacks(self._target("bwrap", run)).items():
                (run.folder / f"{name}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
                expect[name] = (statuses, points)
            (run.folder / "injection.ipynb").write_text(json.dumps(plus(blank(), INJECTION)), encoding="utf-8")
            expect["injection"] = ({"ok"}, 0.0)
            before_tests = tree_digest(layout.autograder_dir(ROOT, LESSON))
            before_subs = tree_digest(run.folder)
            proc = run.grade(LIMITS)
            self.done["main"] = {
                "run": run,
                "proc": proc,
                "expect": expect,
                "kind": sandbox.sandbox_kind("auto"),
                "rows": read_rows(run.out) if (run.out / "grades.csv").exists() else {},
                "unchanged": (
                    before_subs == tree_digest(run.folder),
                    before_tests == tree_digest(layout.autograder_dir(ROOT, LESSON)),
                ),
            }
            self._settle(run, self.done["main"])
        return self.done["main"]

    def mode(self, mode: str) -> dict:
        """The attacks in one mode; the bubblewrap mode as root is the main batch."""
        why = mode_ready(mode)
        if why and mode == "bwrap-user":  # the kernel's policy on user namespaces, not a missing tool
            pytest.skip(f"mode {mode} is not available here: {why}")
        if why:
            require_tool(False, f"mode {mode} is not available here: {why}")
        if mode == "bwrap":
            main = self.main()
            assert main["kind"] == "bwrap"
            return main
        if mode not in self.done:
            run = Run(mode, private=mode == "uid-no-landlock")
            self.runs.append(run)
            run.folder.mkdir()
            expect = {}
            for name, (nb, statuses, points) in attacks(self._target(mode, run)).items():
                (run.folder / f"{name}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
                expect[name] = (statuses, points)
            proc = run.grade([*LIMITS, "--sandbox", SETUP[mode]["sandbox"]], mode=mode)
            rows = read_rows(run.out) if (run.out / "grades.csv").exists() else {}
            self.done[mode] = {"run": run, "proc": proc, "expect": expect, "kind": mode, "rows": rows}
            self._settle(run, self.done[mode])
        return self.done[mode]

    def table(self) -> dict:
        """mode -> attack -> outcome, for every mode graded so far."""
        found = {}
        for mode, entry in self.done.items():
            name = "bwrap" if mode == "main" else mode
            results = entry["run"].out / "results"
            found[name] = {}
            for attack in ATTACKS:
                if attack not in entry["rows"]:
                    continue
                row = entry["rows"][attack]
                message = load(results / f"{attack}.json").get("message", "") if results.exists() else ""
                honest = entry["expect"][attack][1]
                found[name][attack] = outcome(attack, row["status"], float(row["total"]), honest, report_of(message))
        return found


@pytest.fixture(scope="module")
def listeners():
    found = Listeners()
    yield found
    found.close()


@pytest.fixture(scope="module")
def matrix(listeners):
    found = Matrix(listeners)
    yield found
    table = os.environ.get(TABLE_ENV)
    if table:  # each mode graded in this session replaces its column; the others stay
        data = json.loads(Path(table).read_text(encoding="utf-8")) if Path(table).exists() else {}
        data.update(found.table())
        data.update({mode: cells for mode, cells in GRADESCOPE_OUTCOMES.items() if cells})
        Path(table).write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    for run in found.runs:
        run.remove()


@pytest.fixture(scope="module")
def batch(matrix):
    return matrix.main()


def result_message(run: dict, attack: str) -> str:
    path = run["run"].out / "results" / f"{attack}.json"
    return load(path).get("message", "") if path.exists() else ""


# ---------------------------------------------------------------------------------- the main batch
def test_batch_completes_with_one_row_per_submission(batch):
    assert batch["proc"].returncode == 0, batch["proc"].stderr[-3000:]
    assert set(batch["rows"]) == set(batch["expect"])


@pytest.mark.parametrize(
    "name",
    [
        "correct", "blank", "other-kernel", "duplicated", "deleted-cell", "reordered", "saved-huge-output",
        "printing-a-lot", "loop-in-a-cell", "loop-ignoring-alarms", "sys-exit", "os-exit", "crash", "memory",
        "kill-parent", "monkeypatch", "fake-objects", "tamper-files", "broken", "empty", "not-a-notebook",
        "zip-without-notebook", "otter-export", "wrong-lesson",
    ],
)  # fmt: skip
def test_status_and_points(batch, name):
    if name not in batch["expect"]:
        pytest.skip("lesson 02 is not built")
    statuses, points = batch["expect"][name]
    row = batch["rows"][name]
    assert row["status"] in statuses, row
    assert row["message"] or row["status"] == "ok"
    total = float(row["total"])
    assert total == pytest.approx(sum(float(row[q]) for q in Lesson(LESSON, ROOT).questions))
    if points is None:
        assert 0 < total < FULL, row
    else:
        assert total == points, row


def test_instructor_files_are_never_modified(batch):
    submissions_unchanged, tests_unchanged = batch["unchanged"]
    assert submissions_unchanged and tests_unchanged


def test_feedback_shows_messages_not_hidden_tests(batch):
    lines = hidden_lines()
    names = {n for n in re.findall(r"def (test_\w+)", "\n".join(lines))}
    feedback = batch["run"].out / "feedback"
    assert {p.stem for p in feedback.glob("*.md")} == set(batch["expect"])
    for path in feedback.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        leaked = [ln for ln in lines if ln in text] + [n for n in names if n in text]
        assert not leaked, f"{path.name} shows hidden test code: {leaked[:3]}"
        assert "Error at line" not in text
    blank_text = (feedback / "blank.md").read_text(encoding="utf-8")
    assert f"**Score so far: 0 / {ALL_POINTS:g}**" in blank_text and "softmax" in blank_text


def test_injected_markup_and_escapes_stay_text(batch):
    """An exception message with markdown, HTML, a CSV formula and terminal escapes reaches the
    outputs as text: one score line, no comment or tag, no escape character anywhere."""
    out = batch["run"].out
    feedback = (out / "feedback" / "injection.md").read_text(encoding="utf-8")
    assert feedback.count("**Score") == 1 and f"**Score so far: 0 / {ALL_POINTS:g}**" in feedback
    assert "HYPERLINK" in feedback, "the message did not reach the feedback: the test would prove nothing"
    assert "<!--" not in feedback and "<img" not in feedback
    for text in (
        feedback,
        (out / "summary" / "summary.md").read_text(encoding="utf-8"),
        (out / "grades.csv").read_text(encoding="utf-8"),
        batch["proc"].stdout,
        batch["proc"].stderr,
    ):
        assert "\x1b" not in text and "\x07" not in text


def test_summary_is_written_and_names_the_isolation(batch):
    summary = batch["run"].out / "summary"
    assert (summary / "scores.png").read_bytes()[:4] == b"\x89PNG"
    text = (summary / "summary.md").read_text(encoding="utf-8")
    assert "| q4 |" in text and "What to reteach" in text
    assert f"Isolation: {batch['kind']}" in text
    assert f"sandbox: {batch['kind']}" in batch["proc"].stderr
    assert "full marks" in batch["proc"].stdout


# ---------------------------------------------------------------------------------- every mode
@pytest.mark.parametrize("mode", MODES)
def test_mode_grades_the_whole_batch(matrix, mode):
    run = matrix.mode(mode)
    assert run["proc"].returncode == 0, run["proc"].stderr[-3000:]
    assert set(run["expect"]) >= set(ATTACKS)
    assert f"sandbox: {SETUP[mode]['kind']}" in run["proc"].stderr
    assert set(run["expect"]) <= set(run["rows"])
    if SETUP[mode]["path"] == "hidden":  # the mode passed over is named, in the terminal and the summary
        summary = (run["run"].out / "summary" / "summary.md").read_text(encoding="utf-8")
        for text in (run["proc"].stderr, summary.replace("\\", "")):
            assert "bwrap was not used: bubblewrap (bwrap) is not installed" in text, text[:2000]


@pytest.mark.parametrize("attack", ATTACKS)
@pytest.mark.parametrize("mode", MODES)
def test_attack_earns_at_most_its_honest_points(matrix, mode, attack):
    run = matrix.mode(mode)
    statuses, honest = run["expect"][attack]
    row = run["rows"][attack]
    assert float(row["total"]) <= honest, row
    assert row["status"] in statuses, row
    if attack in ("correct", "chmod-000"):
        assert float(row["total"]) == honest, row  # the isolation costs an honest notebook nothing
    if attack == "disk-filling":
        assert "MiB of files" in row["message"], row
    if attack == "forked-memory":
        assert "together" in row["message"], row


@pytest.mark.parametrize("attack", LIMIT_ATTACKS)
@pytest.mark.parametrize("mode", MODES)
def test_limits_count_what_the_attack_holds(matrix, mode, attack):
    """Memory held by threads of exited main threads, System V segments, deleted files kept by a
    mapping, bytes behind 200 100 empty files, a tmpfs in a nested user namespace: the submission is
    stopped (``memory``, ``error``) or held no more than 5 % over ``--memory`` / ``--disk``."""
    run = matrix.mode(mode)
    row = run["rows"][attack]
    if row["status"] in ("memory", "error"):
        return
    report = report_of(result_message(run, attack))
    assert report is not None, row  # the attack ran to its end: it must say what it held
    assert report["held_mib"] <= LIMIT_MB * TOLERANCE, (row, report)


@pytest.mark.parametrize("mode", MODES)
def test_nothing_alive_and_no_ipc_object_2_s_after_the_grader_exits(matrix, mode):
    run = matrix.mode(mode)
    assert run["left"] == [], run["left"]
    assert run["ipc"] == [], run["ipc"]


@pytest.mark.parametrize("mode", MODES)
def test_no_socket_reaches_out(matrix, mode):
    """TCP, MPTCP, UDP, Unix sockets by path and abstract name, a datagram pair aimed at a path, an
    ssh-agent-like socket of the grader's user, netlink, io_uring: nothing is made, nothing heard."""
    run = matrix.mode(mode)
    assert run["heard"] == [], run["heard"]
    report = report_of(result_message(run, "sockets"))
    assert report is not None, run["rows"]["sockets"]
    assert {k for k, v in report.items() if v in ("sent", "made")} == set(), report


@pytest.mark.parametrize("mode", MODES)
def test_classmates_grades_and_other_processes_stay_unreadable(matrix, mode):
    """The grader's command line names the submissions folder: a blank notebook that reads it and
    runs a classmate's answers gets nothing; ``--out`` (grades, feedback) cannot be read either."""
    run = matrix.mode(mode)
    assert report_of(result_message(run, "classmate")) == {"copied": False}
    assert report_of(result_message(run, "read-out")) == {"reached": []}


@pytest.mark.parametrize("mode", MODES)
def test_no_hidden_test_line_reaches_student_code(matrix, mode):
    row = matrix.mode(mode)["rows"]["read-hidden"]
    assert float(row["q1"]) == 0.0, "the notebook read the hidden tests or the solution"


@pytest.mark.parametrize("mode", MODES)
def test_hidden_tests_cannot_even_be_stat_ed_where_the_mode_hides_paths(matrix, mode):
    """bubblewrap shows no path of the course; a job's user id without Landlock cannot pass the
    private course folder. Landlock restricts opening, not ``stat()``: there the size and time of a
    hidden test whose path the student knows stay visible (never its text), as docs/security.md says."""
    run = matrix.mode(mode)
    seen = report_of(result_message(run, "stat-hidden"))["stat"]
    if mode in ("bwrap", "bwrap-user", "uid-no-landlock"):
        assert seen == 0
    else:
        assert seen <= len(hidden_files(run["run"].root))


@pytest.mark.parametrize("mode", MODES)
def test_grades_unchanged_10_s_after_the_grader_exits(matrix, mode):
    run = matrix.mode(mode)["run"]
    time.sleep(max(0.0, 10.0 - (time.monotonic() - run.exited)))
    assert tree_digest(run.out) == run.after_exit, "something changed the grades after the grader exited"
    assert "daemon" not in read_rows(run.out)
    assert leftovers() == []


@pytest.mark.parametrize("mode", MODES)
def test_nothing_is_left_in_tmpdir(matrix, mode):
    tmp = matrix.mode(mode)["run"].tmp
    assert list(tmp.iterdir()) == [], "temporary folders left behind"
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="ignore")
        except OSError:
            continue
        assert str(tmp) not in cmdline, f"process {proc.name} survived: {cmdline[:200]}"


@pytest.mark.parametrize("mode", MODES)
def test_judge_memory_stays_bounded(matrix, mode):
    run = matrix.mode(mode)
    peaks = {}
    for path in (run["run"].out / "results").glob("*.json"):
        peaks[path.stem] = float(load(path).get("judge_peak_mib", 0))
    assert peaks and max(peaks.values()) > 0
    assert max(peaks.values()) < JUDGE_PEAK_MIB, sorted(peaks.items(), key=lambda kv: -kv[1])[:3]


# ---------------------------------------------------------------------------------- refusals
def test_refuses_where_nothing_isolates(tmp_path):
    run = Run("refusal")
    try:
        run.folder.mkdir()
        (run.folder / "correct.ipynb").write_text(json.dumps(correct()), encoding="utf-8")
        proc = run.grade([], mode="uid", env={sandbox.DISABLE_ENV: "all"})
        assert proc.returncode != 0
        for advice in ("install bubblewrap", "root in a container", "Linux >= 5.13", "--sandbox none"):
            assert advice in proc.stderr, proc.stderr
        assert not run.out.exists(), "the grader wrote results without isolation"
    finally:
        run.remove()


def test_uid_mode_refuses_when_the_job_could_read_the_tests():
    """Per-job user ids without Landlock on a world-readable course: the probe sees a hidden test
    readable and the grader refuses before any student code runs."""
    if os.geteuid() != 0 or not runs_as(sandbox.UID_BASE):
        pytest.skip("needs root and a Python other users can run")
    if not os.stat(layout.autograder_dir(ROOT, LESSON) / "tests" / "q1.py").st_mode & 0o004:
        pytest.skip("the hidden tests are not readable by others here: the uid mode holds without Landlock")
    run = Run("uid-refusal")
    try:
        run.folder.mkdir()
        (run.folder / "correct.ipynb").write_text(json.dumps(correct()), encoding="utf-8")
        proc = run.grade(["--sandbox", "uid"], mode="uid-no-landlock")
        assert proc.returncode != 0
        assert "could reach" in proc.stderr and "q1.py" in proc.stderr, proc.stderr
        assert not run.out.exists()
    finally:
        run.remove()


def test_uid_mode_without_landlock_refuses_readable_submissions():
    """The course is private but the submissions folder is not (mode 644 files, as a classmate's
    copying attack needs): the probe lists it and the grader refuses, saying what to make private."""
    if os.geteuid() != 0 or not runs_as(sandbox.UID_BASE):
        pytest.skip("needs root and a Python other users can run")
    run = Run("uid-subs-refusal", private=True)
    try:
        run.folder.mkdir()
        (run.folder / "correct.ipynb").write_text(json.dumps(correct()), encoding="utf-8")
        setup = SETUP["uid-no-landlock"]
        env = {**os.environ, "TMPDIR": str(run.tmp), **setup["env"], "PATH": hidden_path()}
        cmd = [sys.executable, "-m", "course", "grade", LESSON, str(run.folder), "--out", str(run.out)]
        proc = subprocess.run([*cmd, "--sandbox", "uid"], cwd=run.root, env=env, capture_output=True, text=True)
        assert proc.returncode != 0
        assert "could reach" in proc.stderr and str(run.folder) in proc.stderr, proc.stderr
        assert "chmod -R o-rwx" in proc.stderr
        assert not run.out.exists()
    finally:
        run.remove()


def test_no_sandbox_only_by_name_and_with_a_warning(tmp_path):
    """``--sandbox none`` grades (comparisons still run in the judge) and says so loudly."""
    run = Run("none")
    try:
        run.folder.mkdir()
        for name, code in (("monkeypatch", MONKEYPATCH), ("fake-objects", FAKE_OBJECTS)):
            (run.folder / f"{name}.ipynb").write_text(json.dumps(plus(blank(), code, at=2)), encoding="utf-8")
        (run.folder / "correct.ipynb").write_text(json.dumps(correct()), encoding="utf-8")
        proc = run.grade(["--sandbox", "none", "--jobs", "2", "--cell-timeout", "60"])
        assert proc.returncode == 0, proc.stderr[-2000:]
        rows = read_rows(run.out)
        assert {n: (r["status"], float(r["total"])) for n, r in rows.items()} == {
            "monkeypatch": ("ok", 0.0),
            "fake-objects": ("ok", 0.0),
            "correct": ("ok", FULL),
        }
        assert "WARNING: --sandbox none" in proc.stderr
        assert "WARNING: --sandbox none" in (run.out / "summary" / "summary.md").read_text(encoding="utf-8")
        assert list(run.tmp.iterdir()) == []
    finally:
        run.remove()


# ---------------------------------------------------------------------------------- Gradescope
GRADESCOPE_OUTCOMES: dict[str, dict[str, str]] = {"gradescope": {}}
"""The Gradescope entry point's outcomes, for the table (filled as its tests run)."""


def emulation():
    module = pytest.importorskip("gradescope_emulation")
    require_tool(os.geteuid() == 0, "the Gradescope emulation runs run_autograder as root: run the tests as root")
    require_tool(bool(shutil.which("bwrap")), "bwrap is absent (install it with `apt-get install -y bubblewrap`)")
    return module


def autograder_zip() -> Path:
    return layout.autograder_dir(ROOT, LESSON) / f"{LESSON}-autograder.zip"


@pytest.mark.parametrize("attack", ATTACKS)
def test_gradescope_entry_point_holds(attack, tmp_path):
    """The zip's ``run_autograder`` as root in an emulated container (Docker's capabilities,
    bubblewrap failing inside, as there), one run per attack: no more than its honest points, the
    limits held, nothing alive and no IPC object 2 s after it returns, no socket made, and
    ``results.json`` as written 10 s later for the daemons."""
    emulate = emulation()
    with zipfile.ZipFile(autograder_zip()) as zf:
        inside = [f"/autograder/source/{n}" for n in zf.namelist() if re.search(r"tests/q\d+\.py$", n)]
    target = Target("gradescope", "/autograder/results", inside, "def test_X_shape", "/run/user/0/agent")
    nb, statuses, honest = attacks(target)[attack]
    wait = 10.0 if attack in ("setsid-daemon", "setsid-zombie") else 0.0
    files = {f"{LESSON}.ipynb": json.dumps(nb).encode()}
    run = emulate.emulate(autograder_zip(), files, tmp_path, wait_after=wait, settings={"memory": LIMIT_MB})
    assert run.results is not None, run.stdout[-3000:]
    emulate.validate(run.results)
    status = run.results["extra_data"]["status"]
    report = report_of(run.results["output"])
    GRADESCOPE_OUTCOMES["gradescope"][attack] = outcome(attack, status, run.total, honest, report)
    assert run.results == run.at_exit, "results.json changed after the grader exited"
    assert run.total <= honest, run.results
    assert status in statuses, run.results["output"]
    if honest:
        assert run.total == honest, run.stdout[-2000:]
    assert run.left_after == [], run.left_after
    assert run.ipc_objects == [], run.ipc_objects
    if attack in LIMIT_ATTACKS and status not in ("memory", "error"):
        assert report is not None and report["held_mib"] <= LIMIT_MB * TOLERANCE, run.results["output"]
    if attack == "sockets":
        assert {k for k, v in report.items() if v in ("sent", "made")} == set(), report
    if attack == "read-out":
        assert report == {"reached": []}


def test_container_whose_proc_is_masked_falls_back_and_says_so(tmp_path):
    """bubblewrap installed in a container that masks parts of ``/proc`` (as Docker and Podman do)
    cannot mount the worker's ``/proc``: ``auto`` proves it with a real worker, falls back to the
    ``uid`` mode and names the fallback with bubblewrap's own message; the answer key gets full marks."""
    emulate = emulation()
    run = emulate.emulate(autograder_zip(), {f"{LESSON}.ipynb": json.dumps(correct()).encode()}, tmp_path, bwrap="real")
    assert run.results is not None, run.stdout[-3000:]
    assert run.total == FULL, run.results["output"]
    assert "Sandbox: uid" in run.results["output"]
    assert "bwrap was not used" in run.results["output"] and "Can't mount proc" in run.results["output"]
    GRADESCOPE_OUTCOMES.setdefault("container", {})["correct"] = outcome("correct", "ok", run.total, FULL, None)


OLD_KERNEL_ATTACKS = ["correct", "classmate", "read-hidden", "forge-result-line", "sockets", "read-out"]
"""What a grader without Landlock and without namespaces most needs to hold against: the other
processes' ``/proc`` (command lines, pipes), the hidden tests, sockets."""


@pytest.mark.parametrize("attack", OLD_KERNEL_ATTACKS)
def test_gradescope_without_landlock_or_namespaces_still_holds(attack, tmp_path):
    """A root grader in a container without Landlock (an old kernel) and without the right to make
    namespaces cannot give the job's user id a private ``/proc``. Every user may read a process's
    command line there, so the grader blanks its own (which names the submissions); environments and
    pipes stay the grader's. The probe checks exactly that, so the entry point grades: the answer key
    gets full marks, and the attacks that look through ``/proc`` and the file system get nothing."""
    emulate = emulation()
    with zipfile.ZipFile(autograder_zip()) as zf:
        inside = [f"/autograder/source/{n}" for n in zf.namelist() if re.search(r"tests/q\d+\.py$", n)]
    target = Target("gradescope", "/autograder/results", inside, "def test_X_shape", "/run/user/0/agent")
    nb, statuses, honest = attacks(target)[attack]
    files = {f"{LESSON}.ipynb": json.dumps(nb).encode()}
    env = {sandbox.DISABLE_ENV: "landlock"}
    run = emulate.emulate(autograder_zip(), files, tmp_path, env=env, settings={"memory": LIMIT_MB})
    assert run.results is not None, run.stdout[-3000:]
    output = run.results["output"]
    assert "refusing" not in output, output
    assert run.results["extra_data"]["status"] in statuses, output
    assert run.total == honest, output
    report = report_of(output)
    if attack == "classmate":
        assert report == {"copied": False}, output
    if attack == "sockets":
        assert {k for k, v in report.items() if v in ("sent", "made")} == set(), report
    if attack == "read-out":
        assert report == {"reached": []}, output
    assert run.left_after == [], run.left_after


def test_the_security_page_shows_the_table_the_tests_measured():
    """docs/security.md's attack × mode table is benchmarks/attacks.json as
    ``benchmarks/attack_table.py`` renders it (rerun that script after changing an attack or a mode)."""
    from benchmarks import attack_table

    data = json.loads(attack_table.SAVED.read_text(encoding="utf-8"))
    assert set(data) >= {"bwrap", "gradescope"}, "the saved outcomes miss modes: rerun benchmarks/attack_table.py"
    assert set(ATTACKS) <= set(attack_table.ATTACKS), "an attack has no row name in benchmarks/attack_table.py"
    assert attack_table.section(attack_table.PAGE.read_text(encoding="utf-8")) == attack_table.render(data)
