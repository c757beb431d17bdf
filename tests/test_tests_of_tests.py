"""Every lesson's tests, tested: wrong answers lose points with their message, right ones score full."""

import importlib.util

import pytest
from harness import ROOT, AnswerKey, Right, Wrong, answer_names, check_guards

from course import lessons

LESSONS = lessons.all_lessons(ROOT)


def load_variants(lesson: str):
    path = ROOT / "tests" / "variants" / f"{lesson}.py"
    spec = importlib.util.spec_from_file_location(f"variants_{lesson.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.WRONG, module.RIGHT


VARIANTS = {lesson: load_variants(lesson) for lesson in LESSONS}
KEYS: dict[str, AnswerKey] = {}


def key(lesson: str) -> AnswerKey:
    if lesson not in KEYS:
        KEYS[lesson] = AnswerKey(lesson)
    return KEYS[lesson]


WRONG = [pytest.param(lesson, v, id=f"{lesson}/{v}") for lesson in LESSONS for v in VARIANTS[lesson][0]]
RIGHT = [pytest.param(lesson, v, id=f"{lesson}/{v}") for lesson in LESSONS for v in VARIANTS[lesson][1]]


@pytest.mark.parametrize("lesson", LESSONS)
def test_answer_key_passes_every_question(lesson):
    for question in key(lesson).questions:
        result = key(lesson).grade(dict(key(lesson).env), question)
        assert result.full, result.output


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_question_has_wrong_and_right_variants(lesson):
    wrong, right = VARIANTS[lesson]
    questions = set(key(lesson).questions)
    assert {v.question for v in wrong} == questions, "each question needs wrong answers that must lose points"
    assert {v.question for v in right} <= questions
    assert all(isinstance(v, Wrong) for v in wrong) and all(isinstance(v, Right) for v in right)


@pytest.mark.parametrize("lesson, variant", WRONG)
def test_wrong_answer_loses_points_with_its_message(lesson, variant):
    key(lesson).check_wrong(variant)


@pytest.mark.parametrize("lesson, variant", RIGHT)
def test_other_correct_answer_gets_full_marks(lesson, variant):
    key(lesson).check_right(variant)


QUESTIONS = [pytest.param(lesson, q, id=f"{lesson}/{q}") for lesson in LESSONS for q in AnswerKey(lesson).questions]


@pytest.mark.parametrize("lesson, question", QUESTIONS)
def test_blank_none_text_and_wrong_shape_get_a_sentence(lesson, question):
    """``...``, ``None``, a string or a wrongly shaped array in any answer name of a question: both
    the public and the hidden tests say so in a sentence, never with a Python error."""
    names = answer_names(key(lesson), question)
    assert not check_guards(key(lesson), question, names)


def test_the_harness_itself_can_fail():
    """A 'wrong' answer that is right, or a 'right' answer that is wrong, must fail the checks."""
    warmup = key("01-warmup")
    with pytest.raises(AssertionError, match="wrong answer got full marks"):
        warmup.check_wrong(Wrong("q1", "W_shape = (2, 3)", "transposed"))
    with pytest.raises(AssertionError, match="expected the message"):
        warmup.check_wrong(Wrong("q1", "W_shape = (3, 2)", "a message no test prints"))
    with pytest.raises(AssertionError, match="lost points"):
        warmup.check_right(Right("q1", "W_shape = (3, 2)", "not actually right"))
    with pytest.raises(AssertionError, match="say why"):
        warmup.check_wrong(Wrong("q1", "W_shape = (3, 2)", "transposed", public=False))
