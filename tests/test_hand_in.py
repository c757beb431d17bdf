"""Handing in: the generated last cell makes a zip without LaTeX, says where it is, and
``python -m course grade`` scores that zip exactly as it scores the notebook itself."""

import csv
import os
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest
from harness import ROOT, answered_notebook

from course import delivery, execute, layout, lessons, notebooks

LESSONS = lessons.all_lessons(ROOT)


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_student_notebook_ends_with_the_hand_in_cell(lesson):
    nb = notebooks.read(layout.student_notebook(ROOT, lesson))
    last = hand_in_cell(nb)
    assert last is [c for c in nb.cells if c.cell_type == "code"][-1], "the hand-in cell should be the last code cell"
    assert "pdf=False" in last.source and delivery.hand_in_zip(lesson) in last.source
    note = nb.cells[nb.cells.index(last) - 1]
    assert delivery.HAND_IN_TAG in note.metadata.get("tags", []) and delivery.hand_in_zip(lesson) in note.source


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


@pytest.mark.slow
def test_hand_in_cell_without_tex_makes_a_zip_graded_like_the_notebook(tmp_path, monkeypatch):
    lesson = LESSONS[0]
    folder = tmp_path / lesson
    shutil.copytree(layout.student_dir(ROOT, lesson), folder)
    (tmp_path / layout.DATA).symlink_to(ROOT / layout.DATA)
    nb = answered_notebook(lesson)
    path = folder / f"{lesson}.ipynb"
    nbformat.write(nb, path)  # the saved notebook: what export puts in the zip
    bare = tmp_path / "bin"
    bare.mkdir()
    (bare / "python").symlink_to(sys.executable)
    monkeypatch.setenv("PATH", str(bare))  # the kernel runs with no TeX (and nothing else) on PATH
    assert shutil.which("xelatex") is None and shutil.which("pdflatex") is None
    ran = execute.run(nb, folder, timeout=300)
    said = "".join(o.get("text", "") for o in hand_in_cell(ran).outputs if o.get("output_type") == "stream")
    made = folder / delivery.hand_in_zip(lesson)
    assert f"Hand in this file: {made}" in said
    with zipfile.ZipFile(made) as zf:
        assert zf.testzip() is None and f"{lesson}.ipynb" in zf.namelist()
    monkeypatch.setenv("PATH", os.defpath + os.pathsep + str(ROOT / ".venv" / "bin"))
    from_zip = grade(lesson, made, tmp_path / "zip-grades")
    from_notebook = grade(lesson, path, tmp_path / "nb-grades")
    assert from_zip["status"] == from_notebook["status"] == "ok"
    assert from_zip["total"] == from_notebook["total"]  # every auto-graded point; written ones are graded by hand
    assert float(from_zip["total"]) + float(from_zip["to_grade_by_hand"]) == float(from_zip["possible"])


def test_on_colab_and_kaggle_the_cell_says_to_download_the_notebook(tmp_path):
    lesson = LESSONS[0]
    cell = hand_in_cell(notebooks.read(layout.student_notebook(ROOT, lesson)))
    for setup in (
        'import sys, types\nsys.modules["google.colab"] = types.ModuleType("google.colab")',
        'import os\nos.environ["KAGGLE_KERNEL_RUN_TYPE"] = "Interactive"',
    ):
        nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(setup), nbformat.v4.new_code_cell(cell.source)])
        ran = execute.run(nb, tmp_path, timeout=120)
        text = "".join(o.get("text", "") for o in ran.cells[-1].outputs)
        assert "File → Download" in text and not list(tmp_path.glob("*.zip"))
