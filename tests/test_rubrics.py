"""Rubrics for written questions: every written question has one whose criteria add up to its points,
with a full, a partial and a zero sample answer; it reaches the graders (``written.json``, the local
grader's ``written/qN.md``, the nbgrader source and autograded notebooks, the Gradescope zip's
``gradescope.json``) and nothing a student gets (the student notebook and checks, the student
release, the nbgrader release, Gradescope's results.json, the local grader's feedback)."""

import json
import re
import zipfile

import pytest
from harness import ROOT

from course import gradescope, instructor_files, layout, lessons, release, settings
from course import nbgrader as nbg
from course.grading import gradescope_entry, reports, written

LESSONS = lessons.all_lessons(ROOT)
WITH_WRITTEN = [name for name in LESSONS if instructor_files.written_questions(name, ROOT)]


def flat(text: str) -> str:
    return " ".join(text.split())


def phrases_or_skip(lesson: str) -> list[str]:
    """The lesson's rubric phrases; a lesson without rubrics yet has nothing that could leak (and
    fails test_every_written_question_has_a_rubric_that_adds_up instead)."""
    found = rubric_phrases(lesson)
    if not found:
        pytest.skip(f"{lesson}: no rubric written yet")
    return found


def rubric_phrases(lesson: str) -> list[str]:
    """Pieces of the lesson's rubric texts long enough to be its own (40 characters from each)."""
    found = []
    for question in instructor_files.written_questions(lesson, ROOT):
        rubric = question.get("rubric") or {}
        texts = [c.get("text", "") for c in rubric.get("criteria", [])]
        texts += [s.get("answer", "") for s in (rubric.get("samples") or {}).values()]
        found += [flat(t)[:40] for t in texts if len(flat(t)) >= 40]
    return found


@pytest.mark.parametrize("lesson", WITH_WRITTEN)
def test_every_written_question_has_a_rubric_that_adds_up(lesson):
    problems = [
        p for q in instructor_files.written_questions(lesson, ROOT) for p in instructor_files.rubric_problems(q)
    ]
    assert not problems, f"{lesson}: " + "; ".join(problems)


def test_rubric_problems_are_found():
    q = {"name": "q7", "points": 2.0}
    assert instructor_files.rubric_problems(q) == ["q7: no rubric (a `rubric:` mapping in its BEGIN QUESTION cell)"]
    rubric = {
        "criteria": [{"points": 1, "text": "a"}, {"points": 2, "text": "b"}],
        "samples": {"full": {"points": 2, "answer": "x"}, "partial": {"points": 2, "answer": "y"}},
    }
    assert instructor_files.rubric_problems({**q, "rubric": rubric}) == [
        "q7: the criteria add up to 3 points, the question is worth 2",
        "q7: the partial sample answer is given 2 of 2 points",
        "q7: the rubric needs a zero sample answer with its points",
    ]


@pytest.mark.parametrize("lesson", WITH_WRITTEN)
def test_written_json_is_the_source_s_written_questions(lesson):
    committed = json.loads((layout.autograder_dir(ROOT, lesson) / instructor_files.WRITTEN).read_text())
    assert committed == instructor_files.written_questions(lesson, ROOT), "stale: python -m course build"
    with zipfile.ZipFile(layout.autograder_zip(ROOT, lesson)) as zf:
        assert json.loads(zf.read(gradescope.INFO))["written"] == committed  # for the instructor's outline


@pytest.mark.parametrize("lesson", WITH_WRITTEN)
def test_no_rubric_text_in_the_student_notebook_or_its_checks(lesson):
    phrases = phrases_or_skip(lesson)
    for path in layout.student_dir(ROOT, lesson).rglob("*"):
        if path.is_file():
            text = flat(path.read_text(encoding="utf-8", errors="replace"))
            assert not [p for p in phrases if p in text], f"{path} holds rubric text"


@pytest.mark.parametrize("lesson", WITH_WRITTEN)
def test_no_rubric_text_in_what_gradescope_shows_students(lesson):
    phrases = phrases_or_skip(lesson)
    with zipfile.ZipFile(layout.autograder_zip(ROOT, lesson)) as zf:
        info = json.loads(zf.read(gradescope.INFO))
    assert info["written"][0].get("rubric"), "the zip carries the rubric for the instructor"
    result = {
        "status": "ok",
        "message": "",
        "total": 0.0,
        "possible": 1.0,
        "seconds": 1.0,
        "questions": {
            "q1": {"score": 0.0, "possible": 1.0, "cases": [{"hidden": False, "passed": False, "message": "x"}]}
        },
    }
    answers = gradescope_entry.written_answers(json.dumps({"cells": []}).encode(), info["written"])
    shown = flat(json.dumps(gradescope_entry.results_json(result, info, settings.Gradescope(), [], answers)))
    assert not [p for p in phrases if p in shown]


@pytest.mark.slow
def test_no_rubric_text_in_the_student_release(tmp_path):
    release.main(tmp_path / "release", WITH_WRITTEN, ROOT)
    texts = [flat(p.read_text(errors="replace")) for p in (tmp_path / "release").rglob("*") if p.is_file()]
    for lesson in WITH_WRITTEN:
        phrases = rubric_phrases(lesson)
        assert not [p for t in texts for p in phrases if p in t], f"{lesson}: rubric text in the student release"


def test_local_feedback_never_holds_the_rubric_and_the_answers_file_does(tmp_path):
    (question,) = instructor_files.written_questions("01-warmup", ROOT)
    result = {
        "status": "ok",
        "message": "",
        "sha256": "",
        "questions": {"q1": {"score": 1.0, "possible": 1.0, "cases": [{"hidden": False, "passed": True}]}},
        "written": {"q7": {"state": "answered", "text": "exp, add, divide"}},
    }
    phrases = rubric_phrases("01-warmup")
    feedback = flat(reports.feedback("alice", "01-warmup", result, [question]))
    assert not [p for p in phrases if p in feedback] and "to grade by hand (2 points)" in feedback
    written.write_answers(tmp_path, "01-warmup", [question], {"alice": result})
    answers = flat((tmp_path / "written" / "q7.md").read_text())
    assert all(p in answers for p in phrases) and "exp, add, divide" in answers


# --- nbgrader: the rubric in a mark scheme, for graders only ------------------------------------
@pytest.mark.slow
def test_nbgrader_shows_graders_the_rubric_and_students_nothing(tmp_path):
    """The real ``generate_assignment`` and ``autograde`` on lesson 01: the released notebook has no
    rubric text, the autograded one (what the formgrader shows) has all of it under the answer, and
    the rubric cell costs no points and asks for no grade."""
    from nbgrader.api import Gradebook
    from test_nbgrader import run_nbgrader

    lesson = "01-warmup"
    course = tmp_path / "course"
    assert nbg.main(course, [lesson]) == 0
    source = flat((course / "source" / lesson / f"{lesson}.ipynb").read_text())
    phrases = rubric_phrases(lesson)
    assert all(p in source for p in phrases) and nbg.MARK_SCHEME[0] in source
    run_nbgrader(course, "generate_assignment", lesson, "--force")
    released = course / "release" / lesson / f"{lesson}.ipynb"
    text = flat(released.read_text())
    assert not [p for p in phrases if p in text] and "MARK SCHEME" not in text
    assert "Question 7 is graded by hand (2 points)." in text
    submitted = course / "submitted" / "s1" / lesson
    submitted.mkdir(parents=True)
    student = json.loads(released.read_text())
    for cell in student["cells"]:
        if cell["metadata"].get("nbgrader", {}).get("grade_id") == "q7-answer":
            cell["source"] = "Exponentiate, add up, divide; the largest score's factor cancels."
    (submitted / f"{lesson}.ipynb").write_text(json.dumps(student))
    run_nbgrader(course, "autograde", lesson, "--force")
    autograded = flat((course / "autograded" / "s1" / lesson / f"{lesson}.ipynb").read_text())
    assert all(p in autograded for p in phrases)
    cells = json.loads((course / "autograded" / "s1" / lesson / f"{lesson}.ipynb").read_text())["cells"]
    ids = [c["metadata"].get("nbgrader", {}).get("grade_id") for c in cells]
    assert ids.index("q7-rubric") == ids.index("q7-answer") + 1  # right under the answer
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        assert gradebook.find_assignment(lesson).max_score == 24  # the rubric cell adds no points
        grades = {g.name: g for g in gradebook.find_submission_notebook(lesson, lesson, "s1").grades}
        assert grades["q7-rubric"].max_score == 0 and not grades["q7-rubric"].needs_manual_grade
        assert grades["q7-answer"].max_score == 2 and grades["q7-answer"].needs_manual_grade


def test_a_rubric_may_not_close_the_mark_scheme():
    q = nbg.Question("q7", 2, True, rubric={"criteria": [{"points": 2, "text": "=== END MARK SCHEME === oops"}]})
    with pytest.raises(nbg.ConversionError, match="may not contain"):
        nbg.rubric_cell(q)
    assert re.search(r"grade_id.*q7-rubric", json.dumps(nbg.rubric_cell(nbg.Question("q7", 2, True, rubric={}))))
