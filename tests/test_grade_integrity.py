"""``python -m course grade`` against an adversarial student, in every isolation mode this machine offers.

Bad input and tampering each get their row, their status and no more than their honest points;
nothing of the hidden tests reaches the student; nothing outlives or outgrows a submission; grades
stay as written after the grader exits; and where nothing isolates, the grader refuses.

The modes (one batch of lesson-01 submissions each, two jobs at a time, graded once per module):
``bwrap`` (the full batch, graded with ``auto``), ``landlock`` (the grader as an unprivileged user,
bubblewrap hidden from PATH) and ``uid`` (the grader as root, bubblewrap hidden: a user id per job);
plus the refusals (:data:`course.grading.sandbox.DISABLE_ENV` makes the grader see no mechanism) and
``--sandbox none``. Real cells run under generous limits (``--cell-timeout 60``); the timeout cases
are endless loops.
"""

import csv
import hashlib
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
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
HIDDEN_FILES = [str(p) for p in Lesson(LESSON, ROOT).test_paths] + [
    str(layout.solution_notebook(ROOT, LESSON)),
    str(ROOT / layout.SOURCE / f"{LESSON}.ipynb"),
]
LIMITS = ["--jobs", "2", "--timeout", "150", "--cell-timeout", "60", "--memory", "2048", "--disk", "512"]


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
for i in range(4):
    pid = os.fork()
    if pid == 0:
        hog = b"\\x01" * (1 << 30)
        time.sleep(30)
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


def attacks(out: Path, hidden: list[str] = HIDDEN_FILES) -> dict[str, tuple[dict, set, float]]:
    """The attacks every mode is tried with: name -> (notebook, allowed statuses, honest points).
    ``out`` is where the grades are written, ``hidden`` where the hidden tests lie, as the notebook sees them."""
    key, empty = correct(), blank()
    daemon = DAEMON.replace("CODE", repr(DAEMON_CODE)).replace("OUT", repr(str(out)))
    read_hidden = READ_HIDDEN.replace("MARKER", "def test_X_shape").replace("DIRECT", repr(hidden))
    kill_parent = "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"
    return {
        "correct": (key, {"ok"}, FULL),
        "forge-result-line": (plus(empty, FORGE.replace("FORGED_LINE", repr(forged_line()))), {"ok", "error"}, 0.0),
        "setsid-daemon": (plus(empty, daemon.replace("MARK", repr(f"course-daemon-{TOKEN}"))), {"ok"}, 0.0),
        "read-hidden": (plus(empty, read_hidden), {"ok"}, 0.0),
        "forked-memory": (plus(empty, FORK_MEMORY), {"memory"}, 0.0),
        "disk-filling": (plus(empty, DISK_FILL.replace("TOKEN", TOKEN)), {"error"}, 0.0),
        "chmod-000": (plus(key, CHMOD_LOCK), {"ok"}, FULL),
        "flood-reply": (plus(empty, FLOOD_REPLY), {"ok", "error"}, 0.0),
        "lazy-range": (plus(empty, LAZY_RANGE), {"ok", "error", "timeout"}, 0.0),
        "kill-parent": (plus(empty, kill_parent), {"ok", "error"}, 0.0),
    }


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


# ---------------------------------------------------------------------------------- the modes
def hidden_path() -> str:
    """PATH without bubblewrap (only the virtual environment's programs)."""
    return f"{Path(sys.executable).parent}:/nonexistent-bin"


def runs_as(uid: int) -> bool:
    """Whether a process of ``uid`` can run this Python (not if it lies under a private /root)."""
    if os.geteuid() != 0 or not os.path.exists(SETPRIV):
        return False
    cmd = [SETPRIV, f"--reuid={uid}", f"--regid={uid}", "--clear-groups", sys.executable, "-c", "import numpy"]
    return subprocess.run(cmd, capture_output=True, timeout=120).returncode == 0


def mode_ready(mode: str) -> str:
    """'' if this machine offers ``mode``, else why not."""
    if mode == "bwrap":
        return "" if sandbox.has_bwrap() else "bubblewrap is not installed or cannot create namespaces"
    if mode == "landlock":
        if sandbox.landlock_abi() < 1:
            return "the kernel has no Landlock"
        if not runs_as(NOBODY):
            return "needs root to start the grader as user 65534, who must be able to run this Python"
        return ""
    if mode == "uid":
        if os.geteuid() != 0:
            return "per-job user ids need a grader running as root"
        if not runs_as(sandbox.UID_BASE + sandbox.UID_COUNT - 1):
            return f"other users cannot run {sys.executable} (every folder above it must be searchable)"
        if sandbox.landlock_abi() < 1:
            return "no Landlock, and this course folder is readable by others: the grader refuses (tested)"
        return ""
    raise ValueError(mode)


class Run:
    """One ``python -m course grade`` in a folder under /tmp that every mode's users can reach."""

    def __init__(self, name: str):
        self.base = Path(tempfile.mkdtemp(prefix=f"course-integrity-{name}-", dir="/tmp"))
        os.chmod(self.base, 0o755)
        self.folder, self.out, self.tmp = self.base / "subs", self.base / "out", self.base / "tmp"
        self.tmp.mkdir()
        os.chmod(self.tmp, 0o755)

    def grade(self, extra: list[str], mode: str = "auto", env: dict | None = None) -> subprocess.CompletedProcess:
        env = {**os.environ, "TMPDIR": str(self.tmp), **(env or {})}
        cmd = [sys.executable, "-m", "course", "grade", LESSON, str(self.folder), "--out", str(self.out), *extra]
        if mode in ("landlock", "uid"):
            env["PATH"] = hidden_path()
        if mode == "landlock":
            home = self.base / "home"
            home.mkdir(exist_ok=True)
            for path in (self.base, self.tmp, self.folder, home):
                os.chown(path, NOBODY, NOBODY)
            env["HOME"] = str(home)  # the grader's own caches (matplotlib's for the summary) go there
            cmd = [SETPRIV, f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", *cmd]
        proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
        self.exited = time.monotonic()
        self.after_exit = tree_digest(self.out) if self.out.exists() else {}
        return proc

    def remove(self) -> None:
        sandbox.remove_tree(self.base)


def leftovers() -> list[str]:
    """Attack files left on the machine (outside the sandboxes) and daemons still alive."""
    found = []
    for place in ("/tmp", "/dev/shm", "/var/tmp"):
        found += [str(p) for p in Path(place).glob(f"course-attack-{TOKEN}*")]
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="ignore")
        except OSError:
            continue
        if f"course-daemon-{TOKEN}" in cmdline:
            found.append(f"process {proc.name}: {cmdline[:120]}")
    return found


class Matrix:
    """The batches, graded on first use and shared by the tests."""

    def __init__(self):
        self.done: dict[str, dict] = {}
        self.runs: list[Run] = []

    def main(self) -> dict:
        """The full batch (status cases and attacks), with the strongest isolation here (``auto``)."""
        if "main" not in self.done:
            run = Run("main")
            self.runs.append(run)
            expect = submissions(run.folder)
            extra = attacks(run.out)
            for name, (nb, statuses, points) in extra.items():
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
        return self.done["main"]

    def mode(self, mode: str) -> dict:
        """The attacks in one mode; the bubblewrap mode is the main batch."""
        why = mode_ready(mode)
        if why:
            require_tool(False, f"mode {mode} is not available here: {why}")
        if mode == "bwrap":
            main = self.main()
            assert main["kind"] == "bwrap"
            return main
        if mode not in self.done:
            run = Run(mode)
            self.runs.append(run)
            run.folder.mkdir()
            expect = {}
            for name, (nb, statuses, points) in attacks(run.out).items():
                (run.folder / f"{name}.ipynb").write_text(json.dumps(nb), encoding="utf-8")
                expect[name] = (statuses, points)
            proc = run.grade([*LIMITS, "--sandbox", mode], mode=mode)
            rows = read_rows(run.out) if (run.out / "grades.csv").exists() else {}
            self.done[mode] = {"run": run, "proc": proc, "expect": expect, "kind": mode, "rows": rows}
        return self.done[mode]


@pytest.fixture(scope="module")
def matrix():
    found = Matrix()
    yield found
    for run in found.runs:
        run.remove()


@pytest.fixture(scope="module")
def batch(matrix):
    return matrix.main()


MODES = ["bwrap", "landlock", "uid"]
ATTACKS = [
    "correct", "forge-result-line", "setsid-daemon", "read-hidden", "forked-memory", "disk-filling", "chmod-000",
    "flood-reply", "lazy-range", "kill-parent",
]  # fmt: skip


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
    assert f"sandbox: {mode}" in run["proc"].stderr
    assert set(run["expect"]) <= set(run["rows"])


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


@pytest.mark.parametrize("mode", MODES)
def test_no_hidden_test_line_reaches_student_code(matrix, mode):
    row = matrix.mode(mode)["rows"]["read-hidden"]
    assert float(row["q1"]) == 0.0, "the notebook read the hidden tests or the solution"


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
        proc = run.grade([], env={sandbox.DISABLE_ENV: "all", "PATH": hidden_path()})
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
        proc = run.grade(["--sandbox", "uid"], mode="uid", env={sandbox.DISABLE_ENV: "landlock"})
        assert proc.returncode != 0
        assert "could read" in proc.stderr and "q1.py" in proc.stderr, proc.stderr
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
GRADESCOPE_ATTACKS = ["correct", "forge-result-line", "setsid-daemon", "read-hidden", "forked-memory", "disk-filling"]


@pytest.mark.parametrize("attack", GRADESCOPE_ATTACKS)
def test_gradescope_entry_point_holds(attack, tmp_path):
    """The zip's ``run_autograder`` as root in an emulated container (bubblewrap failing inside, as
    there): the same attacks earn no more than their honest points, and ``results.json`` stays as
    written 10 s after the grader exits."""
    emulation = pytest.importorskip("gradescope_emulation")
    if os.geteuid() != 0 or not sandbox.has_bwrap():
        pytest.skip("the Gradescope emulation needs root and bubblewrap")
    zip_path = layout.autograder_dir(ROOT, LESSON) / f"{LESSON}-autograder.zip"
    with zipfile.ZipFile(zip_path) as zf:
        inside = [f"/autograder/source/{n}" for n in zf.namelist() if re.search(r"tests/q\d+\.py$", n)]
    nb, _, honest = attacks(Path("/autograder/results"), hidden=inside)[attack]
    wait = 10.0 if attack == "setsid-daemon" else 0.0
    run = emulation.emulate(zip_path, {f"{LESSON}.ipynb": json.dumps(nb).encode()}, tmp_path, wait_after=wait)
    assert run.results is not None, run.stdout[-3000:]
    emulation.validate(run.results)
    assert run.results == run.at_exit, "results.json changed after the grader exited"
    assert run.total <= honest, run.results
    if honest:
        assert run.total == honest, run.stdout[-2000:]
