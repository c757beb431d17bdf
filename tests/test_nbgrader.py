"""The nbgrader edition, graded by the real nbgrader commands, headless.

One course is generated for the session; every lesson is released (``generate_assignment``) and
graded (``autograde``) with many "students": the answer key, the blank release, and the
tests-of-tests variants. Each variant's points under nbgrader are compared, question by question,
with Otter's points for it (``harness.AnswerKey``). Lesson 01 runs all its variants and the other
lessons the first ``SAMPLE_PER_QUESTION`` wrong variants of each question.

Every kernel costs seconds, so the variants are graded in batches: one notebook answers each of
several questions with one of its variants (see :func:`with_variants`), and the questions it answers
with the key's code must keep full marks. The number of kernels is the largest number of variants of
one question, not the number of variants.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import nbformat
import pytest
from harness import ROOT, AnswerKey, hidden_test_names, solution_lines
from test_tests_of_tests import load_variants

from course import layout, lessons, notebooks
from course import nbgrader as nbg
from course.build import BuildError

LESSONS = lessons.all_lessons(ROOT)
FULL_PARITY = {"01-warmup"}
SAMPLE_PER_QUESTION = int(os.environ.get("NBGRADER_PARITY_SAMPLE", "1"))
"""Wrong variants per question graded for the lessons not in FULL_PARITY (0: only the key and the blank)."""
CHUNK = 4
"""Submissions per ``autograde`` call; several calls run at once, each in its own copy of the course."""
PARALLEL = 4
BIN = Path(sys.executable).parent
ENV = {**os.environ, "PATH": f"{BIN}{os.pathsep}{os.environ.get('PATH', '')}"}  # nbgrader runs `alembic`


def run_nbgrader(course: Path, *args: str, timeout: int = 900) -> str:
    proc = subprocess.run(
        [str(BIN / "nbgrader"), *args], cwd=course, env=ENV, capture_output=True, text=True, timeout=timeout
    )
    output = proc.stdout + proc.stderr
    assert proc.returncode == 0, f"nbgrader {' '.join(args)} failed:\n{failure_report(output)}"
    assert "Exception while loading config file" not in output, output[-4000:]
    return output


def failure_report(output: str) -> str:
    """nbgrader's tracebacks (the cause), then the tail of its log: a long log's tail alone hides the cause."""
    lines = output.splitlines()
    starts = [i for i, line in enumerate(lines) if "Traceback (most recent call last)" in line]
    tracebacks = ["\n".join(lines[max(i - 2, 0) : i + 40]) for i in starts[:3]]
    return "\n...\n".join([*tracebacks, output[-2000:]])


def private_kernel_sockets(tmp: str) -> list[str]:
    """Options that give one nbgrader process's kernels their own Unix sockets instead of TCP ports.

    Kernels started at the same time by separate processes can pick the same free TCP port and one of
    them dies ("Address already in use", nbgrader issue #174); sockets under a folder of the process's
    own cannot collide. An absolute path, as the kernel runs in the notebook's folder, not in ours.
    """
    if os.name != "posix":
        return []
    return ["--KernelManager.transport=ipc", f"--KernelManager.ip={tmp}/kernel"]


@pytest.fixture(scope="module")
def course(tmp_path_factory) -> Path:
    dest = tmp_path_factory.mktemp("nbgrader-course")
    assert nbg.main(dest) == 0
    return dest


@pytest.fixture(scope="module")
def released(course) -> Path:
    run_nbgrader(course, "generate_assignment", "*", "--force")  # every lesson, in one nbgrader process
    assert sorted(p.name for p in (course / "release").iterdir()) == LESSONS
    return course


def release_notebook(course: Path, lesson: str):
    return notebooks.read(course / "release" / lesson / f"{lesson}.ipynb")


def source_notebook(course: Path, lesson: str):
    return notebooks.read(course / "source" / lesson / f"{lesson}.ipynb")


def grade_cells(nb) -> dict[str, float]:
    return {
        c.metadata.nbgrader.grade_id: c.metadata.nbgrader.points
        for c in nb.cells
        if c.metadata.get("nbgrader", {}).get("grade")
    }


# --- the generated course ---------------------------------------------------------------------


def test_course_layout(course):
    assert (course / "nbgrader_config.py").is_file() and (course / nbg.PROMPTS_MODULE).is_file()
    assert sorted(p.name for p in (course / "source").iterdir()) == LESSONS
    for lesson in LESSONS:
        text = (ROOT / layout.SOURCE / f"{lesson}.ipynb").read_text()
        assert (course / "source" / lesson / "data" / "ames.csv").is_file() == ("ames.csv" in text)


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_otter_left_and_every_cell_well_formed(course, lesson):
    nb = source_notebook(course, lesson)
    text = "\n".join(notebooks.source_text(c) for c in nb.cells if c.cell_type == "code")
    assert "import otter" not in text and "otter.Notebook" not in text and "grader.check" not in text
    ids = [c.metadata.nbgrader.grade_id for c in nb.cells if "nbgrader" in c.metadata]
    assert len(ids) == len(set(ids)) and all(re.fullmatch(r"[A-Za-z0-9_-]+", i) for i in ids)
    for cell in nb.cells:
        info = cell.metadata.get("nbgrader", {})
        if cell.cell_type == "markdown":
            written_answer = info.get("solution") and info.get("grade") and info.get("points", 0) > 0
            assert info.get("locked") or written_answer, "prompt and text cells are locked"
        if info.get("grade") and not info.get("solution"):  # an autograder test cell
            assert info["locked"]
            last = notebooks.source_text(cell).rstrip().split("\n")[-1]
            assert last.startswith(("test_", "### END HIDDEN TESTS")), "test cells end with the call, no value"


@pytest.mark.parametrize("lesson", LESSONS)
def test_points_and_hidden_tests_are_otter_s(course, lesson):
    """Each Otter test case is one test cell worth the points Otter gives it, hidden where Otter's is."""
    nb = source_notebook(course, lesson)
    cells = {c.metadata.nbgrader.grade_id: c for c in nb.cells if c.metadata.get("nbgrader", {}).get("grade")}
    key = AnswerKey(lesson)
    for question in key.questions:
        from otter.test_files.exception_test import ExceptionTestFile

        test_file = ExceptionTestFile.from_file(str(key.tests_dir / f"{question}.py"))
        for number, case in enumerate(test_file.test_cases, start=1):
            cell = cells.pop(f"{question}-test-{number}")
            assert f"def {case.body.test_func.__name__}(" in notebooks.source_text(cell)
            assert cell.metadata.nbgrader.points == pytest.approx(case.points)
            assert ("### BEGIN HIDDEN TESTS" in notebooks.source_text(cell)) == case.hidden
    # what is left is the manually graded answers, worth their question's points
    assert all(c.metadata.nbgrader.solution for c in cells.values()), sorted(cells)


# --- generate_assignment -------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_release_has_no_solution_and_no_hidden_test(released, lesson):
    folder = released / "release" / lesson
    texts = {p: p.read_text(encoding="utf-8") for p in folder.rglob("*.ipynb")}
    assert texts
    lines, names = solution_lines(lesson), hidden_test_names(lesson)
    assert lines and names
    for path, text in texts.items():
        assert not [ln for ln in lines if ln in text], f"{path} contains solution code"
        assert not [n for n in names if re.search(rf"\b{n}\b", text)], f"{path} contains hidden tests"
        assert "BEGIN HIDDEN TESTS" not in text and "BEGIN SOLUTION" not in text


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_hints_are_released_with_the_notebook(released, lesson):
    """``hint("qN")`` reads ``tests/hints.json`` next to the notebook: nbgrader releases it with the
    lesson, the same hints the Otter edition's students get."""
    from course.build import lesson_hints

    shipped = released / "release" / lesson / "tests" / "hints.json"
    assert shipped.is_file(), f"{lesson}: no tests/hints.json in nbgrader's release"
    assert json.loads(shipped.read_text(encoding="utf-8")) == lesson_hints(lesson, ROOT)


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_released_answer_cells_are_otter_s_starter_code(released, lesson):
    """What nbgrader students start from is exactly what Otter students start from."""
    otter = notebooks.read(layout.student_notebook(ROOT, lesson))
    otter_answers = [notebooks.source_text(c) for c in otter.cells if "otter_answer_cell" in c.metadata.get("tags", [])]
    ours = [
        notebooks.source_text(c)
        for c in release_notebook(released, lesson).cells
        if c.metadata.get("nbgrader", {}).get("solution")
    ]
    assert ours == otter_answers


# --- validate and autograde ------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_validate_passes_the_solution(released, lesson):
    out = run_nbgrader(released, "validate", f"source/{lesson}/{lesson}.ipynb")
    assert "Success! Your notebook passes all the tests." in out, out[-3000:]


def variants_to_grade(lesson: str) -> list:
    wrong, right = load_variants(lesson)
    if lesson in FULL_PARITY:
        return list(wrong) + list(right)
    taken: dict[str, int] = {}
    sample = []
    for variant in wrong:
        if taken.get(variant.question, 0) < SAMPLE_PER_QUESTION:
            taken[variant.question] = taken.get(variant.question, 0) + 1
            sample.append(variant)
    return sample


def batches(lesson: str) -> list[dict[str, object]]:
    """The variants to grade, as batches of {question: variant} with at most one variant per question."""
    by_question: dict[str, list] = {}
    for variant in variants_to_grade(lesson):
        by_question.setdefault(variant.question, []).append(variant)
    count = max((len(v) for v in by_question.values()), default=0)
    return [{q: vs[k] for q, vs in by_question.items() if k < len(vs)} for k in range(count)]


ISOLATION = """\
# Added by tests/test_nbgrader.py: each question's variant is graded as if it were alone in the notebook.
import copy as _parity_copy
import random as _parity_random
import sys as _parity_sys

_parity_kept = set(globals()) | {"_parity_kept"}
_parity_saved = {}


def _parity_snapshot():
    \"\"\"The notebook's variables (deep copies, sharing kept) and the random generators' states.\"\"\"
    memo, values = {}, {}
    for name, value in list(globals().items()):
        if name.startswith("_") or name in _parity_kept:
            continue
        try:
            values[name] = _parity_copy.deepcopy(value, memo)
        except Exception:  # modules and the like: the object itself
            values[name] = value
    states = {"random": _parity_random.getstate()}
    if "numpy" in _parity_sys.modules:
        states["numpy"] = _parity_sys.modules["numpy"].random.get_state()
    if "torch" in _parity_sys.modules:
        states["torch"] = _parity_sys.modules["torch"].get_rng_state()
    return values, states


def _parity_restore(snapshot):
    values, states = snapshot
    names = globals()
    for name in [n for n in names if not n.startswith("_") and n not in _parity_kept and n not in values]:
        del names[name]
    names.update(values)
    _parity_random.setstate(states["random"])
    if "numpy" in states:
        _parity_sys.modules["numpy"].random.set_state(states["numpy"])
    if "torch" in states:
        _parity_sys.modules["torch"].set_rng_state(states["torch"])
"""
"""The first cell of a batched submission: helpers that save the variables before a variant runs and
put them back after its question's tests, so that it cannot change what the next questions see."""


def with_variants(nb, variants: dict[str, object]):
    """The answer key as one student's submission answering each question of ``variants`` with its
    variant: the code is appended to the question's last answer cell (as a student would write it),
    after a snapshot of the variables; a cell after the question's last test cell restores them."""
    nb = nbformat.from_dict(nb)

    def grade_id(cell) -> str:
        return cell.metadata.get("nbgrader", {}).get("grade_id", "")

    for question, variant in variants.items():
        answers = [c for c in nb.cells if grade_id(c).startswith(f"{question}-answer")]
        answers[-1].source = "\n".join(
            [notebooks.source_text(answers[-1]), f'_parity_saved["{question}"] = _parity_snapshot()', variant.code]
        )
        last_test = max(i for i, c in enumerate(nb.cells) if grade_id(c).startswith(f"{question}-test-"))
        nb.cells.insert(last_test + 1, nbformat.v4.new_code_cell(f'_parity_restore(_parity_saved.pop("{question}"))'))
    nb.cells.insert(0, nbformat.v4.new_code_cell(ISOLATION))
    return nb


def submit(course: Path, lesson: str, student: str, nb) -> None:
    folder = course / "submitted" / student / lesson
    folder.mkdir(parents=True)
    notebooks.write(nb, folder / f"{lesson}.ipynb")
    data = course / "source" / lesson / "data"
    if data.is_dir():
        shutil.copytree(data, folder / "data")


def question_scores(course: Path, lesson: str, student: str) -> dict[str, tuple[float, float]]:
    """{question: (score, max)} of the autograded test cells, from nbgrader's gradebook."""
    from nbgrader.api import Gradebook

    scores: dict[str, list[float]] = {}
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        submission = gradebook.find_submission_notebook(lesson, lesson, student)
        for grade in submission.grades:
            question, _, cell = grade.name.partition("-")
            if cell.startswith("test-"):
                total = scores.setdefault(question, [0.0, 0.0])
                total[0] += grade.score or 0.0
                total[1] += grade.max_score
    return {q: (s, m) for q, (s, m) in scores.items()}


@dataclass
class Student:
    course: Path
    """The course copy whose gradebook holds this student's grades."""
    variants: dict
    """{question: tests-of-tests variant} answered by this notebook; empty for the answer key and the blank."""


@pytest.fixture(scope="module")
def graded(released, tmp_path_factory) -> dict[str, dict[str, Student]]:
    """Every lesson's students, autograded: {lesson: {student: Student}}.

    Each autograde call runs its notebooks one kernel at a time, mostly waiting; so the students are
    split into chunks, each graded in its own copy of the released course, several calls at once.
    """
    jobs, result = [], {}
    for lesson in LESSONS:
        solution = source_notebook(released, lesson)
        submissions = [("solution", {}, solution), ("blank", {}, release_notebook(released, lesson))]
        for i, batch in enumerate(batches(lesson)):
            submissions.append((f"batch-{i:03d}", batch, with_variants(solution, batch)))
        result[lesson] = {}
        for start in range(0, len(submissions), CHUNK):
            copy = tmp_path_factory.mktemp(f"grading-{lesson}")
            shutil.copytree(released, copy, dirs_exist_ok=True)
            for student, batch, nb in submissions[start : start + CHUNK]:
                submit(copy, lesson, student, nb)
                result[lesson][student] = Student(copy, batch)
            jobs.append((copy, lesson))

    def autograde(job: tuple[Path, str]) -> str:
        copy, lesson = job
        with tempfile.TemporaryDirectory(prefix="nbg-") as sockets:  # short: Unix socket paths end at ~100 characters
            options = private_kernel_sockets(sockets)
            output = run_nbgrader(copy, "autograde", lesson, "--force", *options, timeout=1800)
        assert not options or "running over TCP" not in output, "the kernels did not take the socket options"
        return output

    with ThreadPoolExecutor(max_workers=PARALLEL) as pool:
        list(pool.map(autograde, jobs))
    return result


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_autograde_solution_full_marks_blank_zero(graded, lesson):
    key = AnswerKey(lesson)
    solution = question_scores(graded[lesson]["solution"].course, lesson, "solution")
    assert set(solution) == set(key.questions), "every autograded question has test cells"
    for question, (score, possible) in solution.items():
        assert possible > 0 and possible == pytest.approx(key.grade(dict(key.env), question).possible)
        assert score == pytest.approx(possible), f"{question}: the solution scored {score}/{possible}"
    blank = question_scores(graded[lesson]["blank"].course, lesson, "blank")
    assert blank and all(score == 0 for score, _ in blank.values()), blank


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_variants_lose_the_same_points_as_under_otter(graded, lesson):
    key = AnswerKey(lesson)
    batched = {name: s for name, s in graded[lesson].items() if s.variants}
    if lesson not in FULL_PARITY and SAMPLE_PER_QUESTION == 0:
        pytest.skip("NBGRADER_PARITY_SAMPLE=0: no variants sampled for this lesson")
    assert batched
    assert sum(len(s.variants) for s in batched.values()) == len(variants_to_grade(lesson))
    mismatches = []
    for name, student in batched.items():
        scores = question_scores(student.course, lesson, name)
        for question, (score, possible) in scores.items():
            variant = student.variants.get(question)
            if variant is None:  # answered with the key's code, after other questions' variants
                if abs(score - possible) > 1e-6:
                    mismatches.append(f"{name} {question} (the key's answer): nbgrader {score:g}/{possible:g}")
                continue
            otter = key.grade(key.run_code(variant.code), variant.question)
            if abs(score - otter.score) > 1e-6 or abs(possible - otter.possible) > 1e-6:
                mismatches.append(
                    f"{variant}: nbgrader {score:g}/{possible:g}, otter {otter.score:g}/{otter.possible:g}"
                )
    assert not mismatches, "\n".join(mismatches)


# --- the traps, on small made-up cells ---------------------------------------------------------------


def test_one_line_solution_markers_become_regions_that_nbgrader_clears():
    from course.nbgrader_prompts import ClearSolutionsWithPrompts

    cell = nbformat.v4.new_code_cell(nbg.answer_source("x = 41 + 1  # SOLUTION\ny = 2\nprint(x)  # SOLUTION"))
    assert ClearSolutionsWithPrompts(code_stub={"python": "..."})._replace_solution_region(cell, "python")
    assert cell.source == "x = ...\ny = 2\n..."


def test_a_test_that_returns_a_value_is_refused():
    with pytest.raises(nbg.ConversionError, match="returns a value"):
        nbg.test_function("def test_a(x):\n    if x:\n        return 1.0")
    nbg.test_function("def test_b(x):\n    def helper():\n        return 1.0\n\n    assert helper()")


def test_grade_ids_are_checked():
    with pytest.raises(nbg.ConversionError, match="letters, digits"):
        nbg.meta("q1.answer")


def test_refuses_to_write_into_the_repository(tmp_path):
    from course.errors import UserError

    with pytest.raises(UserError):
        nbg.main(ROOT / layout.SOURCE)
    with pytest.raises(UserError):
        nbg.main(ROOT)


def test_unsupported_otter_features_fail_the_build(tmp_path):
    src = tmp_path / layout.SOURCE
    src.mkdir()
    nb = notebooks.read(ROOT / layout.SOURCE / "01-warmup.ipynb")
    answer = next(c for c in nb.cells if c.cell_type == "code" and "BEGIN SOLUTION" in notebooks.source_text(c))
    answer.source = notebooks.source_text(answer) + "\nnp.random.seed(42)  # SEED"
    notebooks.write(nb, src / "01-warmup.ipynb")
    (tmp_path / layout.DATA).mkdir()
    with pytest.raises(BuildError, match="SEED"):
        nbg.main(tmp_path / "out", src_root=tmp_path)
