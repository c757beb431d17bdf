"""``python -m course grade``: bad input and tampering each get their row, their status and no more
than their honest points; nothing of the hidden tests reaches the student; nothing is left behind.

One batch of lesson-01 submissions is graded once per module (two jobs at a time) and every test
reads its rows.
"""

import csv
import hashlib
import json
import os
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from harness import ROOT

from course import layout, notebooks
from course.grading import sandbox
from course.grading.judge import Lesson

LESSON = "01-warmup"
HAS_BWRAP = sandbox.sandbox_kind("auto") == "bwrap"
FULL = 22.0


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


def submissions(folder: Path) -> dict[str, tuple[set, float | None]]:
    """Write the batch; return name -> (allowed statuses, exact points or None for 'at most honest')."""
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
        "kill-parent": plus(empty, "import os, signal\nos.kill(os.getppid(), signal.SIGKILL)"),
        "monkeypatch": plus(empty, MONKEYPATCH),
        "fake-objects": plus(empty, FAKE_OBJECTS),
        "tamper-files": plus(empty, TAMPER_FILES, at=2),
        "read-hidden": plus(empty, READ_HIDDEN.replace("MARKER", "def test_X_shape")),
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
        "kill-parent": ({"ok", "error"}, 0.0),  # in a PID namespace the signal reaches nobody
        "monkeypatch": ({"ok"}, 0.0),
        "fake-objects": ({"ok"}, 0.0),
        "tamper-files": ({"ok"}, 0.0),
        "read-hidden": ({"ok"}, 0.0),
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


def grade(args: list[str], tmp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "TMPDIR": str(tmp)}
    return subprocess.run(
        [sys.executable, "-m", "course", "grade", *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=900
    )


def read_rows(out: Path) -> dict[str, dict]:
    with (out / "grades.csv").open(newline="", encoding="utf-8") as f:
        return {r["name"]: r for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def batch(tmp_path_factory):
    base = tmp_path_factory.mktemp("grade")
    folder, out, tmp = base / "subs", base / "out", base / "tmp"
    tmp.mkdir()
    expect = submissions(folder)
    before_subs, before_tests = tree_digest(folder), tree_digest(layout.autograder_dir(ROOT, LESSON))
    proc = grade(
        [
            "01",
            str(folder),
            "--out",
            str(out),
            "--jobs",
            "2",
            "--timeout",
            "25",
            "--cell-timeout",
            "3",
            "--memory",
            "2048",
        ],
        tmp,
    )
    return {
        "proc": proc,
        "expect": expect,
        "out": out,
        "tmp": tmp,
        "rows": read_rows(out) if (out / "grades.csv").exists() else {},
        "unchanged": (
            before_subs == tree_digest(folder),
            before_tests == tree_digest(layout.autograder_dir(ROOT, LESSON)),
        ),
    }


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


@pytest.mark.skipif(not HAS_BWRAP, reason="only bubblewrap hides the instructor's files from the student")
def test_hidden_tests_are_out_of_the_students_reach(batch):
    row = batch["rows"]["read-hidden"]
    assert float(row["q1"]) == 0.0, "the notebook found the hidden tests on disk"


def test_instructor_files_are_never_modified(batch):
    submissions_unchanged, tests_unchanged = batch["unchanged"]
    assert submissions_unchanged and tests_unchanged


def test_feedback_shows_messages_not_hidden_tests(batch):
    lines = hidden_lines()
    names = {n for n in re.findall(r"def (test_\w+)", "\n".join(lines))}
    feedback = batch["out"] / "feedback"
    assert {p.stem for p in feedback.glob("*.md")} == set(batch["expect"])
    for path in feedback.glob("*.md"):
        text = path.read_text(encoding="utf-8")
        leaked = [ln for ln in lines if ln in text] + [n for n in names if n in text]
        assert not leaked, f"{path.name} shows hidden test code: {leaked[:3]}"
        assert "Error at line" not in text
    blank_text = (feedback / "blank.md").read_text(encoding="utf-8")
    assert "**Score: 0 / 22**" in blank_text and "softmax" in blank_text


def test_nothing_is_left_behind(batch):
    assert list(batch["tmp"].iterdir()) == [], "temporary folders left behind"
    mine = str(batch["tmp"])
    for proc in Path("/proc").glob("[0-9]*"):
        try:
            cmdline = (proc / "cmdline").read_bytes().decode(errors="ignore")
        except OSError:
            continue
        assert mine not in cmdline, f"process {proc.name} survived: {cmdline[:200]}"


def test_summary_is_written(batch):
    summary = batch["out"] / "summary"
    assert (summary / "scores.png").read_bytes()[:4] == b"\x89PNG"
    text = (summary / "summary.md").read_text(encoding="utf-8")
    assert "| q4 |" in text and "Most common failure messages" in text
    assert "full marks" in batch["proc"].stdout


def test_integrity_holds_without_a_sandbox(tmp_path):
    """The comparisons run in the grader's process: tampering fails even with no bubblewrap."""
    folder, out = tmp_path / "subs", tmp_path / "out"
    folder.mkdir()
    (tmp_path / "tmp").mkdir()
    for name, code in (("monkeypatch", MONKEYPATCH), ("fake-objects", FAKE_OBJECTS), ("tamper-files", TAMPER_FILES)):
        (folder / f"{name}.ipynb").write_text(json.dumps(plus(blank(), code, at=2)), encoding="utf-8")
    (folder / "correct.ipynb").write_text(json.dumps(correct()), encoding="utf-8")
    proc = grade(["01", str(folder), "--out", str(out), "--sandbox", "none", "--jobs", "2"], tmp_path / "tmp")
    assert proc.returncode == 0, proc.stderr[-2000:]
    rows = read_rows(out)
    assert {n: (r["status"], float(r["total"])) for n, r in rows.items()} == {
        "monkeypatch": ("ok", 0.0),
        "fake-objects": ("ok", 0.0),
        "tamper-files": ("ok", 0.0),
        "correct": ("ok", FULL),
    }
    assert list((tmp_path / "tmp").iterdir()) == []
