"""Hints: ``hint("qN")`` in every lesson's set-up cell, two or three steps per question, never the answer.

Each question's hints are a YAML list ``hints:`` in its ``# BEGIN QUESTION`` cell; the build writes them
to ``notebooks/NN-name/tests/hints.json``, next to the public checks (the Colab and Kaggle set-up
downloads them with the checks: ``tests/test_colab.py``). Every hint shown is a ``display_data`` output
whose metadata says which hint of which question it was (``{"course_hint": {"question", "number"}}``),
which the instructor's grader counts.

The content tests cover every lesson: a lesson without its hints fails them until they are written.
"""

import ast
import json
import re
import shutil

import nbformat
import pytest
from harness import ROOT

from course import build, delivery, execute, layout, lessons, notebooks, release

LESSONS = lessons.all_lessons(ROOT)
LAST = "That was the last hint for"


def questions(lesson: str) -> dict[str, dict]:
    """{qN: its # BEGIN QUESTION config} of the lesson's source."""
    return {str(c["name"]): c for c in build.question_configs(lesson, ROOT)}


def hints_file(root, lesson: str) -> dict[str, list[str]]:
    return json.loads((layout.student_dir(root, lesson) / "tests" / delivery.HINTS_FILE).read_text(encoding="utf-8"))


def hidden_test_lines(lesson: str) -> set[str]:
    """The lines of the lesson's hidden tests (12 characters or more), as the autograder holds them."""
    found = set()
    for path in (layout.autograder_dir(ROOT, lesson) / "tests").glob("q*.py"):
        text = path.read_text(encoding="utf-8")
        for node in ast.parse(text).body:
            flags = [k for d in getattr(node, "decorator_list", []) if isinstance(d, ast.Call) for k in d.keywords]
            if isinstance(node, ast.FunctionDef) and any(k.arg == "hidden" and k.value.value is True for k in flags):
                found |= {ln.strip() for ln in ast.get_source_segment(text, node).split("\n") if len(ln.strip()) >= 12}
    return found


def written_answers(lesson: str) -> set[str]:
    """The sentences of the answer key's written answers (the Markdown between a manual question's solution markers)."""
    nb = notebooks.read(ROOT / layout.SOURCE / f"{lesson}.ipynb")
    found, inside = set(), False
    for cell in nb.cells:
        text = notebooks.source_text(cell)
        if cell.cell_type == "raw" and text.startswith("# BEGIN SOLUTION"):
            inside = True
        elif cell.cell_type == "raw" and text.startswith("# END SOLUTION"):
            inside = False
        elif inside and cell.cell_type == "markdown":
            found |= {s.strip() for s in re.split(r"(?<=[.!?])\s+", " ".join(text.split())) if len(s.strip()) >= 20}
    return found


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_question_has_two_or_three_different_hints(lesson):
    hints = hints_file(ROOT, lesson)
    for name in questions(lesson):
        steps = hints.get(name, [])
        assert 2 <= len(steps) <= 3, f"{lesson} {name}: {len(steps)} hints; write two or three under `hints:`"
        assert len(set(steps)) == len(steps), f"{lesson} {name}: two hints are the same"
        assert all(len(s.split()) >= 6 for s in steps), f"{lesson} {name}: a hint is a step in a sentence: {steps}"
    assert set(hints) <= set(questions(lesson)), f"{lesson}: hints for questions it does not have"


def secrets_of(lesson: str) -> set[str]:
    """Lines no hint may hold: the answer key's solution lines, its written answers, the hidden tests' lines."""
    from harness import solution_lines

    return solution_lines(lesson) | hidden_test_lines(lesson) | written_answers(lesson)


def leaks(hints: list[str], secret: set[str]) -> list[tuple[str, str]]:
    return sorted((h, line) for h in hints for line in secret if line in h)


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_hint_holds_a_line_of_the_solution_or_of_a_hidden_test(lesson):
    hints = [h for steps in hints_file(ROOT, lesson).values() for h in steps]
    assert hints, f"{lesson} has no hints yet"
    leaked = leaks(hints, secrets_of(lesson))
    assert not leaked, f"{lesson}: hints that give away a solution or hidden-test line: {leaked[:3]}"


def test_the_leak_check_finds_each_kind_of_secret():
    secret = secrets_of("01-warmup")
    solution = "probs_by_hand = exp_scores / exp_total"
    hidden = "message = 'loss_medium should be -log(probability of the true class), about 0.35.'"
    written = next(s for s in written_answers("01-warmup") if s.startswith("First each score is exponentiated"))
    for line in (solution, hidden, written):
        assert line in secret
        assert leaks([f"Hint: {line} Then check it."], secret), line
    assert not leaks(["Divide the array of exponentials by that total."], secret)


HINT_CALLS = """\
import json
calls = []
for q in json.load(open("tests/hints.json")):
    for _ in range(4):
        hint(q)
hint("q1", 2)
hint("q99")
hint()
"""


def shown_hints(cell) -> list[tuple[str, int, str]]:
    """(question, number, text) of each hint a cell showed, from its outputs' metadata."""
    return [
        (o.metadata["course_hint"]["question"], o.metadata["course_hint"]["number"], o.data["text/markdown"])
        for o in cell.outputs
        if o.output_type == "display_data" and "course_hint" in o.get("metadata", {})
    ]


def run_hints(folder, lesson: str):
    """The lesson's set-up cell, then hint() for every question until the hints run out, in a kernel in ``folder``."""
    student = notebooks.read(folder / f"{lesson}.ipynb")
    setup = next(c for c in student.cells if c.cell_type == "code")
    cells = [nbformat.v4.new_code_cell(setup.source), nbformat.v4.new_code_cell(HINT_CALLS)]
    nb = nbformat.v4.new_notebook(cells=cells)
    return execute.run(nb, folder, timeout=120).cells[1]


def check_hint_outputs(cell, hints: dict[str, list[str]]) -> None:
    shown = shown_hints(cell)
    for name, steps in hints.items():
        mine = [(n, text) for q, n, text in shown if q == name]
        expected = [(k, f"**Hint {k} of {len(steps)} for {name}.** {s}") for k, s in enumerate(steps, start=1)]
        if name == "q1":
            expected.append((2, f"**Hint 2 of {len(steps)} for q1.** {steps[1]}"))
        assert mine == expected, f"{name}: {mine}"
    said = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream")
    assert said.count(LAST) == sum(4 > len(s) for s in hints.values()), said
    assert "no question 'q99' with hints" in said and 'Name the question: hint("q1")' in said


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_hint_in_a_kernel_started_in_the_lesson_folder(lesson, tmp_path):
    folder = tmp_path / lesson
    shutil.copytree(layout.student_dir(ROOT, lesson), folder)
    hints = hints_file(ROOT, lesson)
    cell = run_hints(folder, lesson)
    check_hint_outputs(cell, hints)
    assert hints, f"{lesson}: hint() works, but the lesson has no hints yet"


@pytest.mark.slow
def test_hint_in_the_student_release(tmp_path):
    lesson = LESSONS[0]
    release.main(tmp_path / "student", [lesson], ROOT)
    folder = layout.student_dir(tmp_path / "student", lesson)
    check_hint_outputs(run_hints(folder, lesson), hints_file(tmp_path / "student", lesson))


def test_hint_without_the_hints_file_says_so_in_one_sentence(tmp_path):
    from course import notebook_code

    env: dict = {}
    exec(notebook_code.text("hints"), env)
    hint = env["_course_hints"](str(tmp_path / "tests" / "hints.json"))
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        hint("q1")
    assert out.getvalue().startswith("The hints for this lesson are not here (") and out.getvalue().count(". ") == 0


def test_a_malformed_hints_list_fails_the_build(tmp_path, monkeypatch):
    monkeypatch.setattr(
        build, "question_configs", lambda lesson, root: [{"name": "q1", "points": 1, "hints": "one string, not a list"}]
    )
    with pytest.raises(build.BuildError, match="the hints of q1 should be a YAML list of sentences"):
        build.lesson_hints("01-warmup", ROOT)
