"""Handing in: the generated last cell saves the notebook where the front end can, refuses, with a
sentence, a file on disk older than the last cell that ran, makes a zip without LaTeX that names the
notebook by its own file name only, and ``python -m course grade`` scores that zip exactly as it
scores the notebook itself.

Here the notebook runs in a kernel with no front end (nbclient): nothing can save it, so what the cell
does is decided by the file on disk alone. ``tests/test_browser.py`` shows the same cell saving the
notebook itself in JupyterLab and Notebook 7, and refusing where JavaScript outputs are switched off.
"""

import contextlib
import csv
import os
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest
from harness import ROOT, answered_notebook
from nbclient import NotebookClient

from course import delivery, execute, layout, lessons, notebooks

LESSONS = lessons.all_lessons(ROOT)
REFUSED = "Not handed in: "
SAVE = "Save the notebook (File → Save Notebook, or Ctrl+S / ⌘S), then run this cell again."


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_student_notebook_ends_with_the_hand_in_cell(lesson):
    nb = notebooks.read(layout.student_notebook(ROOT, lesson))
    last = hand_in_cell(nb)
    assert last is [c for c in nb.cells if c.cell_type == "code"][-1], "the hand-in cell should be the last code cell"
    assert f'hand_in("{delivery.hand_in_zip(lesson)}")' in last.source
    note = nb.cells[nb.cells.index(last) - 1]
    assert delivery.HAND_IN_TAG in note.metadata.get("tags", []) and delivery.hand_in_zip(lesson) in note.source
    assert "saves the notebook" in note.source and "File → Save" in note.source
    setup = next(c for c in nb.cells if c.cell_type == "code")
    assert "hand_in = _course_hand_in(" in setup.source and "pdf=False" in setup.source  # no LaTeX needed


def hand_in_cell(nb):
    (cell,) = [c for c in nb.cells if c.cell_type == "code" and delivery.HAND_IN_TAG in c.metadata.get("tags", [])]
    return cell


def grade(lesson: str, path, out) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "course", "grade", lesson, str(path), "--out", str(out), "--jobs", "1"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    with open(out / "grades.csv", newline="", encoding="utf-8") as f:
        (row,) = list(csv.DictReader(f))
    return row


@contextlib.contextmanager
def kernel(nb, folder, allow_errors=False):
    """A kernel in ``folder`` running ``nb``'s cells one by one, as a student would (no front end);
    with ``allow_errors`` a cell that raises shows its error and the next one runs."""
    resources = {"metadata": {"path": str(folder)}}
    client = NotebookClient(nb, timeout=300, kernel_name="python3", resources=resources, allow_errors=allow_errors)
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}
    with client.setup_kernel(env=env):

        def run(index):
            cell = nb.cells[index]
            cell.outputs = []
            client.execute_cell(cell, index)
            return "".join(o.get("text", "") for o in cell.outputs if o.get("output_type") == "stream")

        yield run


@pytest.mark.slow
def test_an_unsaved_change_is_refused_then_handed_in_once_saved_and_graded_like_the_notebook(tmp_path, monkeypatch):
    lesson = LESSONS[0]
    folder = tmp_path / lesson
    shutil.copytree(layout.student_dir(ROOT, lesson), folder)
    (tmp_path / layout.DATA).symlink_to(ROOT / layout.DATA)
    path = folder / "mine.ipynb"  # a student's own copy (File → Save Notebook As...), next to the blank lesson
    shutil.copy(folder / f"{lesson}.ipynb", path)
    made = folder / delivery.hand_in_zip(lesson)
    made.write_bytes(b"an older hand-in")
    nb = answered_notebook(lesson)
    last = nb.cells.index(hand_in_cell(nb))
    bare = tmp_path / "bin"
    bare.mkdir()
    (bare / "python").symlink_to(sys.executable)
    monkeypatch.setenv("PATH", str(bare))  # the kernel runs with no TeX (and nothing else) on PATH
    monkeypatch.setenv("JPY_SESSION_NAME", str(path))  # what Jupyter tells the kernel: the absolute path
    assert shutil.which("xelatex") is None and shutil.which("pdflatex") is None
    with kernel(nb, folder) as run:
        for index, cell in enumerate(nb.cells[:last]):
            if cell.cell_type == "code":
                run(index)
        refused = run(last)  # the file on disk is the blank notebook, older than every answer just run
        assert refused.startswith(REFUSED) and SAVE in refused, refused
        assert "mine.ipynb on disk is older than the last cell you ran" in refused
        assert "older 01-warmup-hand-in.zip was deleted" in refused and not made.exists()
        nbformat.write(nb, path)  # File → Save
        said = run(last)
    assert not said.startswith(REFUSED) and f"Hand in this file: {made}" in said, said
    assert "mine.ipynb last saved at" in said
    with zipfile.ZipFile(made) as zf:
        assert zf.testzip() is None
        assert [n for n in zf.namelist() if n.endswith(".ipynb")] == ["mine.ipynb"], zf.namelist()
        handed = nbformat.reads(zf.read("mine.ipynb").decode(), as_version=4)
    assert [c.source for c in handed.cells] == [c.source for c in nb.cells], "the zip holds the notebook as saved"
    monkeypatch.setenv("PATH", os.defpath + os.pathsep + str(ROOT / ".venv" / "bin"))
    from_zip = grade(lesson, made, tmp_path / "zip-grades")
    from_notebook = grade(lesson, path, tmp_path / "nb-grades")
    assert from_zip["status"] == from_notebook["status"] == "ok"
    assert from_zip["total"] == from_notebook["total"]  # every auto-graded point; written ones are graded by hand
    assert float(from_zip["total"]) + float(from_zip["to_grade_by_hand"]) == float(from_zip["possible"])
    assert from_zip["file"].endswith(".zip!mine.ipynb") and str(tmp_path) not in from_zip["file"].split("!")[1]


def test_on_colab_and_kaggle_the_cell_says_to_download_the_notebook(tmp_path):
    lesson = LESSONS[0]
    nb = notebooks.read(layout.student_notebook(ROOT, lesson))
    setup = next(c for c in nb.cells if c.cell_type == "code")
    for stand_in in (
        'import sys, types\nsys.modules["google.colab"] = types.ModuleType("google.colab")',
        'import os\nos.environ["KAGGLE_KERNEL_RUN_TYPE"] = "Interactive"',
    ):
        shutil.copytree(layout.student_dir(ROOT, lesson) / "tests", tmp_path / "tests", dirs_exist_ok=True)
        cells = [stand_in, setup.source, hand_in_cell(nb).source]
        ran = execute.run(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells]), tmp_path)
        text = "".join(o.get("text", "") for o in ran.cells[-1].outputs)
        assert "File → Download" in text and not list(tmp_path.glob("*.zip"))


def test_without_the_set_up_cell_the_hand_in_cell_says_to_run_it(tmp_path):
    cell = hand_in_cell(notebooks.read(layout.student_notebook(ROOT, LESSONS[0])))
    ran = execute.run(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(cell.source)]), tmp_path)
    assert [o.get("text") for o in ran.cells[0].outputs] == [
        "Run the set-up cell at the top of this notebook first, then this cell again.\n"
    ]
