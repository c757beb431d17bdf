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
    price = env["price"]
    assert int(np.sum(price == np.median(price))) == 23  # q1's message for >= names them
    assert "price_class" not in env, "lesson 05 makes the price classes; this lesson does not use them"


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
        "df['Sale_Price'] = 1.0\nprice = price * 0\nlonlat = lonlat * 0\nt_train = t_train * 0\nt_valid = t_valid * 0"
    )
    for question in key.questions:
        result = key.grade(rewritten, question)
        assert result.full, result.output


def test_the_score_thresholded_at_half_gives_the_same_accuracy_here_so_the_predictions_are_graded(env):
    """Issue 22: `score > 0.5` in place of `probability > 0.5` flips 140 validation houses, 70 of each label,
    so the accuracy alone cannot catch it; q5 grades `valid_pred`, house by house (a variant pins it)."""
    score = env["X_valid"] @ env["w_bin"] + env["b_bin"]
    flipped = (score > 0) != (score > 0.5)
    assert flipped.sum() == 140 and env["t_valid"][flipped].sum() == 70
    assert np.mean((score > 0.5) == env["t_valid"]) == env["binary_valid_acc"]
    assert np.array_equal(np.asarray(env["valid_pred"]), (score > 0).astype(int))


def test_text_says_where_bce_breaks_and_it_does(env):
    """Issue 22/23: bce(p, t) is nan or inf at p = 0 or 1, and the text says so; sigmoid rounds to 1 in float64
    from a score of about 37; this lesson's scores stay far below that (the text says so too)."""
    text = lesson_text()
    assert "**Where `bce` breaks.**" in text and "which is nan in" in text and "the loss is inf" in text
    bce, sigmoid = env["bce"], env["sigmoid"]
    with np.errstate(all="ignore"):
        assert np.isinf(bce(np.array([1.0]), np.array([0.0]))) and np.isnan(bce(np.array([1.0]), np.array([1.0])))
    assert sigmoid(np.array([37.0]))[0] == 1.0 and sigmoid(np.array([36.0]))[0] < 1.0  # "from about 37 on"
    for X in (env["X_train"], env["X_valid"]):
        assert np.abs(X @ env["w_bin"] + env["b_bin"]).max() < 5  # "far below that"


def test_the_gradient_is_derived_in_the_text_not_only_claimed():
    """Issue 22: "you derived it" where the student did not; here the text derives dL/dz = p - t step by step."""
    text = lesson_text()
    assert "dp/dz = e^(-z) / (1 + e^(-z))² = p (1 - p)" in text and "dL/dz = dL/dp · dp/dz = p - t" in text
    assert "you derived" not in text.lower() and "price classes of lesson 01" not in text


def test_the_loss_from_scores_is_finite_at_1000_and_equals_pytorchs(env):
    """Issue 23 item 3 (binary part): the answer key's bce_from_scores is finite for scores of ±1000, equal to
    torch.nn.functional.binary_cross_entropy_with_logits within 1e-6, and to bce(sigmoid(z), t) where that is finite."""
    import torch

    bce_from_scores, bce, sigmoid = env["bce_from_scores"], env["bce"], env["sigmoid"]
    rng = np.random.default_rng(4)
    for z, t in [
        (np.array([-1000.0, 1000.0, -1000.0, 1000.0]), np.array([1.0, 0.0, 0.0, 1.0])),
        (rng.normal(scale=5, size=300), rng.integers(0, 2, size=300).astype(float)),
        (rng.normal(scale=1e3, size=300), rng.integers(0, 2, size=300).astype(float)),
    ]:
        got = bce_from_scores(z, t)
        torch_loss = torch.nn.functional.binary_cross_entropy_with_logits(torch.as_tensor(z), torch.as_tensor(t))
        assert np.isfinite(got) and abs(got - torch_loss.item()) <= 1e-6 * max(1.0, abs(got))
    z, t = rng.normal(scale=3, size=50), rng.integers(0, 2, size=50).astype(float)
    assert np.isclose(bce_from_scores(z, t), bce(sigmoid(z), t), rtol=1e-12)
    with np.errstate(all="ignore"):  # the naive form breaks where the text says it does
        assert np.isinf(bce(sigmoid(np.array([1000.0])), np.array([0.0])))
        assert np.isnan(bce(sigmoid(np.array([40.0])), np.array([1.0])))
    assert bce_from_scores(np.array([1000.0]), np.array([0.0])) == 1000.0
    assert np.logaddexp(0, 1000.0) == 1000.0 and np.logaddexp(0, -1000.0) == 0.0  # what the text prints
