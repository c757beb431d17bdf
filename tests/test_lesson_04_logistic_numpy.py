"""Lesson 04, logistic regression in NumPy (two classes): its facts asserted on the answer key, its
fidelity against scikit-learn, and its text kept true to them."""

import re

import numpy as np
import pytest
from harness import ROOT, AnswerKey, answer_names, assert_source_course_split

from benchmarks import fidelity
from course import layout, notebooks

LESSON = "04-logistic-numpy"


@pytest.fixture(scope="module")
def key():
    return AnswerKey(LESSON)


@pytest.fixture(scope="module")
def env(key):
    return key.env


def lesson_text() -> str:
    nb = notebooks.read(ROOT / layout.SOURCE / f"{LESSON}.ipynb")
    return "\n".join(notebooks.source_text(c) for c in nb.cells if c.cell_type == "markdown")


def test_split_labels_and_features_follow_the_course_recipe(env):
    assert_source_course_split(env["train_idx"], env["valid_idx"])
    assert env["X_train"].shape == (2344, 2) and env["X_valid"].shape == (586, 2)
    np.testing.assert_allclose(env["X_train"].mean(axis=0), 0, atol=1e-9)
    np.testing.assert_allclose(env["X_train"].std(axis=0), 1, atol=1e-9)
    assert not np.allclose(env["X_valid"].mean(axis=0), 0, atol=1e-3), "validation must use training statistics"
    assert np.bincount(env["expensive"]).tolist() == [1467, 1463]  # 23 houses sit exactly at the median
    assert np.bincount(env["price_class"]).tolist() == [964, 978, 988]  # the tertiles of lessons 01, 05 and 07


def test_two_classes_match_scikit_learn_and_beat_the_majority(env):
    X_tr, t_tr, X_va, t_va = env["X_train"], env["t_train"], env["X_valid"], env["t_valid"]
    sk = fidelity.unpenalized_logistic_regression().fit(X_tr, t_tr)
    assert abs(env["binary_valid_acc"] - sk.score(X_va, t_va)) <= 0.01
    assert env["binary_valid_acc"] > env["majority_acc"] + 0.1


def test_reference_numbers(env):
    assert (round(env["binary_valid_acc"], 2), round(env["majority_acc"], 2)) == (0.71, 0.48)


def test_text_names_the_lessons_of_the_split_series():
    """This is lesson 04 of eight: gradient descent is lesson 03's, three classes are lesson 05's."""
    text = lesson_text()
    assert text.lstrip().startswith("# Lesson 04 · Logistic regression in NumPy")
    assert "as lesson 03's `gradient_descent`" in text and "Lesson 05 goes on\nto three price classes" in text
    assert not re.search(r"[Ss]ection [5-9]\b|softmax_gradient", text), "the softmax part is lesson 05's"
    assert re.search(r"\*\*Time:\*\* about \d+ minutes", text)


def test_every_test_takes_its_truth_from_the_data_not_from_the_notebook(key):
    """Issue 12: the notebook's table and given arrays rewritten after answering: still full marks."""
    for question in key.questions:
        assert "df" not in answer_names(key, question) and "price" not in answer_names(key, question), question
    rewritten = key.run_code(
        "df['Sale_Price'] = 1.0\nprice = price * 0\nlonlat = lonlat * 0\nprice_class = price_class * 0\n"
        "y_train = y_train * 0\ny_valid = y_valid * 0\nt_train = t_train * 0\nt_valid = t_valid * 0"
    )
    for question in key.questions:
        result = key.grade(rewritten, question)
        assert result.full, result.output
