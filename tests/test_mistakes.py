"""Mistake ids: every wrong answer of ``tests/variants/`` names its mistake, and the grader maps the
messages that wrong answer really shows back to that name.

The build writes ``autograder/NN-name/mistakes.json`` from the variants (``course/instructor_files.py``);
the grader names each failed check with it (``course/grading/mistakes.py``). Here every named wrong
answer runs against the answer key (in process, as ``harness`` does), each failed check's message is
worded as the judge words it, and the mistake the submission is counted for (the first one its failed
checks name) must be the variant's own.
"""

import json
import warnings

import pytest
from harness import ROOT, AnswerKey
from otter.test_files.exception_test import ExceptionTestFile
from test_tests_of_tests import load_variants

from course import instructor_files, layout, lessons
from course.grading import mistakes

LESSONS = lessons.all_lessons(ROOT)


def judge_messages(key: AnswerKey, env: dict, question: str) -> list[str]:
    """The messages of the failed checks of ``question``, as the judge records them (``Type: text``)."""
    found = []
    test_file = ExceptionTestFile.from_file(str(key.tests_dir / f"{question}.py"))
    for case in test_file.test_cases:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                case.body.call_func(env)
        except Exception as err:  # noqa: BLE001 - a failed check
            found.append(f"{type(err).__name__}: {err}" if str(err) else type(err).__name__)
    return found


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_wrong_answer_names_its_mistake(lesson):
    wrong, _ = load_variants(lesson)
    unnamed = [str(v) for v in wrong if not v.mistake]
    assert not unnamed, f"{lesson}: {len(unnamed)} of {len(wrong)} Wrong(...) have no mistake= id, e.g. {unnamed[:3]}"
    bad = [v.mistake for v in wrong if not instructor_files.MISTAKE_ID.match(v.mistake)]
    assert not bad, f"{lesson}: ids must be kebab-case: {bad}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_one_id_per_mistake_within_a_question(lesson):
    """Two wrong answers with one message are one mistake to the grader (it sees only the message):
    they share the id. Two different ids never share a message."""
    wrong, _ = load_variants(lesson)
    by_message: dict[tuple, set] = {}
    for v in wrong:
        if v.mistake:
            by_message.setdefault((v.question, v.message), set()).add(v.mistake)
    if not by_message:
        pytest.skip(f"{lesson}: no Wrong(...) names its mistake yet (test_every_wrong_answer_names_its_mistake fails)")
    shared = {key: ids for key, ids in by_message.items() if len(ids) > 1}
    assert not shared, f"{lesson}: one message, several ids: {shared}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_mistake_table_is_the_variants(lesson):
    """``autograder/NN-name/mistakes.json`` is what the build makes of today's variants."""
    committed = json.loads((layout.autograder_dir(ROOT, lesson) / instructor_files.MISTAKES).read_text())
    assert committed == instructor_files.mistakes(lesson, ROOT), "stale: run python -m course build"
    ids = [e["id"] for e in committed]
    assert all(i.startswith(f"{lesson[:2]}.{e['question']}.") for i, e in zip(ids, committed, strict=True))


@pytest.mark.parametrize("lesson", LESSONS)
def test_each_wrong_answer_is_named_by_its_own_messages(lesson):
    wrong, _ = load_variants(lesson)
    named = [v for v in wrong if v.mistake]
    if not named:
        pytest.skip(f"{lesson}: no Wrong(...) names its mistake yet (test_every_wrong_answer_names_its_mistake fails)")
    table = mistakes.load(layout.autograder_dir(ROOT, lesson))
    key = AnswerKey(lesson)
    problems = []
    for variant in named:
        full = f"{lesson[:2]}.{variant.question}.{variant.mistake}"
        messages = judge_messages(key, key.run_code(variant.code), variant.question)
        got = mistakes.first_named(variant.question, messages, table)
        if got != full:
            named = [mistakes.identify(variant.question, m, table) for m in messages]
            problems.append(f"{full}: counted as {got} (its checks name {named}):\n    {messages}")
    assert not problems, f"{len(problems)} wrong answer(s) not named by their own messages:\n" + "\n".join(problems)


def test_identify_prefers_the_most_specific_message_and_skips_file_level_failures():
    table = [
        {"id": "01.q2.bias-wrong-shape", "question": "q2", "message": "shapes of question 1"},
        {
            "id": "01.q2.arrays-not-question-1-shapes",
            "question": "q2",
            "message": "should have the shapes of question 1",
        },
        {"id": "01.q3.x", "question": "q3", "message": "shapes of question 1"},
    ]
    text = "AssertionError: X_demo should have the shapes of question 1: (100, 2)"
    assert mistakes.identify("q2", text, table) == "01.q2.arrays-not-question-1-shapes"
    assert mistakes.identify("q2", "AssertionError: b_demo: shapes of question 1", table) == "01.q2.bias-wrong-shape"
    assert mistakes.identify("q1", text, table) is None
    result = {
        "status": "invalid",
        "message": "not a notebook",
        "questions": {"q2": {"cases": [{"passed": False, "message": "not a notebook"}]}},
    }
    assert mistakes.annotate(result, table)["mistakes"] == []
    later = "AssertionError: b_demo: shapes of question 1"
    cases = [{"passed": True}, {"passed": False, "message": text}, {"passed": False, "message": later}]
    result = {"status": "ok", "message": "", "questions": {"q2": {"cases": cases}}}
    assert mistakes.annotate(result, table)["mistakes"] == ["01.q2.arrays-not-question-1-shapes"]  # once
    assert [c.get("mistake") for c in cases] == [None, "01.q2.arrays-not-question-1-shapes", "01.q2.bias-wrong-shape"]


def test_gradescope_records_the_ids_for_the_instructor_only():
    import zipfile

    from course import settings
    from course.grading import gradescope_entry

    with zipfile.ZipFile(layout.autograder_zip(ROOT, "01-warmup")) as zf:
        zipped = json.loads(zf.read("autograder/01-warmup/mistakes.json"))
    assert zipped == mistakes.load(layout.autograder_dir(ROOT, "01-warmup"))  # the entry point reads this copy
    message = "AssertionError: softmax([1000.0]) gave inf or nan. Subtract the largest score before exponentiating."
    case = {"hidden": False, "passed": False, "points": 3.0, "message": message}
    result = {"status": "ok", "message": "", "total": 0.0, "possible": 3.0, "seconds": 1.0,
              "questions": {"q4": {"score": 0.0, "possible": 3.0, "cases": [case]}}}  # fmt: skip
    mistakes.annotate(result, zipped)
    info = {"lesson": "01-warmup", "written": []}
    shown = gradescope_entry.results_json(result, info, settings.Gradescope(visibility="visible"), [], None)
    assert shown["extra_data"]["mistakes"] == ["01.q4.no-max-shift"]
    outputs = json.dumps([shown["output"], *[t["output"] for t in shown["tests"]]])
    assert "no-max-shift" not in outputs and "Subtract the largest score" in outputs
