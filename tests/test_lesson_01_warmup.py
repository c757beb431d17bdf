"""Lesson 01 facts: the numbers its text quotes, its text fixes, its time, and its public checks."""

import re
import shutil

import numpy as np
import pytest
from harness import ROOT, AnswerKey
from test_tests_of_tests import load_variants

from course import execute, layout, notebooks, reading_time

LESSON = "01-warmup"
SOURCE = ROOT / layout.SOURCE / f"{LESSON}.ipynb"


@pytest.fixture(scope="module")
def env():
    return AnswerKey(LESSON).env


def markdown(nb) -> str:
    return "\n".join(notebooks.source_text(c) for c in nb.cells if c.cell_type == "markdown")


def test_numbers_the_text_and_the_checks_quote(env):
    np.testing.assert_allclose(env["probs_by_hand"], [0.2595, 0.7054, 0.0351], atol=5e-5)
    assert env["loss_medium"] == pytest.approx(0.3490, abs=5e-5)  # "about 0.35"
    assert env["predicted_label"] == "medium" and env["accuracy_medium"] == 1.0
    assert env["batch_accuracy"] == 0.75 and list(env["batch_preds"]) == [1, 0, 2, 0]
    untrained = env["mean_cross_entropy"](env["untrained"], env["batch_labels"])
    assert untrained == pytest.approx(np.log(3)) == pytest.approx(1.0986, abs=5e-5)  # "ln 3 ≈ 1.0986"


def test_the_text_errors_stay_fixed():
    text = markdown(notebooks.read(SOURCE))
    assert "for its town" not in text, "the classes are thirds of all Ames prices, not of a town's"
    assert "third" in text and "Ames" in text
    assert "All test cases passed" not in text and "passed!" in text, "Otter prints 'qN passed!'"


def test_the_written_question_sits_in_its_question_block():
    cells = notebooks.read(SOURCE).cells
    begin = next(i for i, c in enumerate(cells) if re.search(r"^manual:\s*true", notebooks.source_text(c), re.M))
    block = cells[begin : next(i for i in range(begin, len(cells)) if "# END QUESTION" in cells[i].source) + 1]
    assert notebooks.source_text(block[0]).startswith("# BEGIN QUESTION")
    assert block[1].cell_type == "markdown" and "own words" in block[1].source and "probabilities" in block[1].source
    answers = [c for c in block if c.cell_type == "markdown" and c is not block[1]]
    assert len(answers) == 1, "one answer cell per written question"
    assert [c.cell_type for c in block[2:-1]] == ["raw", "markdown", "raw"]  # BEGIN SOLUTION, answer, END SOLUTION


def test_the_stated_time_follows_the_rule():
    minutes = reading_time.minutes(SOURCE)
    assert minutes <= reading_time.LONGEST
    assert reading_time.statement(minutes) in markdown(notebooks.read(SOURCE))
    row = next(line for line in (ROOT / "README.md").read_text().splitlines() if line.startswith("| [01 · "))
    assert f"| ~{minutes} min |" in row


def test_public_checks_catch_at_least_90_percent_of_the_wrong_answers():
    wrong, _ = load_variants(LESSON)
    public = [v for v in wrong if v.public is True]  # each of these is proven caught by test_tests_of_tests.py
    assert len(public) >= 0.9 * len(wrong), f"{len(public)} / {len(wrong)}"
    assert {v.question for v in public} == set(AnswerKey(LESSON).questions)


@pytest.mark.slow
def test_blank_student_notebook_runs_to_the_end_without_an_error(tmp_path):
    folder = tmp_path / LESSON
    shutil.copytree(layout.student_dir(ROOT, LESSON), folder)
    (tmp_path / "data").symlink_to(ROOT / layout.DATA)
    nb = execute.run(notebooks.read(folder / f"{LESSON}.ipynb"), folder, timeout=120)  # raises on a cell error
    checks = [c for c in nb.cells if c.cell_type == "code" and "grader.check" in c.source]
    assert len(checks) == 6 and all(c.execution_count for c in checks)
