"""Every lesson as students get it: the blank notebook runs to the end, nothing solved or hidden leaks.

That the answer key scores full marks and the blank notebook 0 through the real grading path is
shown by ``test_gradescope.py`` (the autograder zip's own entry point) and ``test_grade.py``.
"""

import re
import shutil
from pathlib import Path

import pytest
from harness import ROOT, hidden_test_names, solution_lines

from course import execute, layout, lessons, notebooks

LESSONS = lessons.all_lessons(ROOT)


def student_files(lesson: str) -> dict[Path, str]:
    folder = layout.student_dir(ROOT, lesson)
    return {p: p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


@pytest.mark.parametrize("lesson", LESSONS)
def test_blank_notebook_runs_to_the_end(lesson, tmp_path):
    folder = tmp_path / lesson
    shutil.copytree(layout.student_dir(ROOT, lesson), folder)
    (tmp_path / "data").symlink_to(ROOT / layout.DATA)  # ../data as for the answer key
    nb = notebooks.read(folder / f"{lesson}.ipynb")
    client_nb = execute.run(nb, folder, timeout=120, allow_errors=True)
    code = [c for c in client_nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "a cell of the blank notebook never ran"
    # Its grade (0 on every question) comes from the Gradescope zip's own entry point: test_gradescope.py


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_solution_code_under_notebooks(lesson):
    lines = solution_lines(lesson)
    assert lines, "found no solution lines in the source: is the marker syntax right?"
    for path, text in student_files(lesson).items():
        leaked = [ln for ln in lines if ln in text]
        assert not leaked, f"{path.relative_to(ROOT)} contains solution code: {leaked[:3]}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_hidden_tests_under_notebooks(lesson):
    names = hidden_test_names(lesson)
    assert names, "the lesson has no hidden tests"
    for path, text in student_files(lesson).items():
        leaked = [n for n in names if re.search(rf"\b{n}\b", text)]
        assert not leaked, f"{path.relative_to(ROOT)} contains hidden tests: {leaked}"
        assert "hidden=True" not in text


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_question_has_public_and_hidden_tests(lesson):
    public = {p.stem for p in (layout.student_dir(ROOT, lesson) / "tests").glob("q*.py")}
    hidden = {p.stem for p in (layout.autograder_dir(ROOT, lesson) / "tests").glob("q*.py")}
    assert public and public == hidden
    for question in hidden:
        text = (layout.autograder_dir(ROOT, lesson) / "tests" / f"{question}.py").read_text()
        assert "hidden=False" in text and "hidden=True" in text, f"{question} needs public and hidden tests"


@pytest.mark.parametrize("lesson", LESSONS)
def test_student_notebook_says_public_checks_are_not_full_marks(lesson):
    nb = notebooks.read(layout.student_notebook(ROOT, lesson))
    text = " ".join(notebooks.source_text(c) for c in nb.cells if c.cell_type == "markdown")
    assert "hidden" in text.lower() and "grader.check" in text
