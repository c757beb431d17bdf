"""Lesson 03, logistic regression in NumPy: its facts
asserted on the answer key, its fidelity against scikit-learn, and its text kept true to them."""

import re

import numpy as np
import pytest
from harness import ROOT, AnswerKey, answer_names, assert_source_course_split

from benchmarks import fidelity
from course import layout, notebooks

LESSON = "03-logistic-numpy"


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
    assert np.bincount(env["price_class"]).tolist() == [964, 978, 988]  # the tertiles of lessons 01 and 05


def test_gradient_check_is_below_1e_6_and_can_fail(env):
    """The notebook's numerical gradient check: the answer key's gradient agrees to < 1e-6, and the same
    check on a gradient missing its / n (a typical mistake) is far off, so the check can fail."""
    assert env["grad_rel_error"] < 1e-6
    X, y = env["X_train"], env["y_train"]
    W, b = env["W_check"].copy(), env["b_check"].copy()  # nudged in place by numerical_gradient, then restored

    def loss():
        return env["cross_entropy"](env["softmax"](X @ W + b), y)

    numeric = np.append(env["numerical_gradient"](loss, W), env["numerical_gradient"](loss, b))
    assert np.linalg.norm(numeric) > 0.01
    gW, gb = env["softmax_gradient"](X, y, W, b)
    wrong = np.append(np.ravel(gW) * len(y), np.ravel(gb))
    assert np.linalg.norm(wrong - numeric) / np.linalg.norm(numeric) > 0.5


def test_softmax_regression_matches_scikit_learn(env):
    """Issue 14: validation accuracy within 1 point, training loss within 1 %, of scikit-learn's
    unpenalised multinomial LogisticRegression on the same split and features."""
    from sklearn.metrics import log_loss

    X_tr, y_tr, X_va, y_va = env["X_train"], env["y_train"], env["X_valid"], env["y_valid"]
    sk = fidelity.unpenalized_logistic_regression().fit(X_tr, y_tr)
    sk_acc, sk_loss = sk.score(X_va, y_va), log_loss(y_tr, sk.predict_proba(X_tr))
    P = env["softmax"](X_tr @ env["W_soft"] + env["b_soft"])
    loss = env["cross_entropy"](P, y_tr)
    assert abs(env["softmax_valid_acc"] - sk_acc) <= 0.01, (env["softmax_valid_acc"], sk_acc)
    assert abs(loss / sk_loss - 1) <= 0.01, (loss, sk_loss)
    assert env["history_soft"][-1] == pytest.approx(loss, rel=1e-3)


def test_two_classes_match_scikit_learn_and_beat_the_majority(env):
    X_tr, t_tr, X_va, t_va = env["X_train"], env["t_train"], env["X_valid"], env["t_valid"]
    sk = fidelity.unpenalized_logistic_regression().fit(X_tr, t_tr)
    assert abs(env["binary_valid_acc"] - sk.score(X_va, t_va)) <= 0.01
    assert env["binary_valid_acc"] > env["majority_acc"] + 0.1


def test_reference_numbers_quoted_in_the_text(env):
    text = " ".join(lesson_text().split())
    assert env["history_soft"][0] == pytest.approx(np.log(3), abs=1e-12)
    assert abs(env["untrained_loss"] - np.log(3)) < 0.02
    acc, loss = env["softmax_valid_acc"], env["history_soft"][-1]
    assert f"({acc:.3f})" in text and f"about {round(100 * acc)} %" in text
    assert f"ln 3 to {loss:.4f}" in text and f"({acc:.3f} and {loss:.4f})" in text
    assert "reached 0.52" in text and '"wrong way" (0.31' in text  # the source course's and lesson 02's
    assert (round(env["binary_valid_acc"], 2), round(env["majority_acc"], 2)) == (0.71, 0.48)


def test_two_class_softmax_equals_sigmoid_is_graded(key, env):
    assert env["two_class_gap"] < 1e-12
    assert "two_class_gap" in answer_names(key, "q6")
    env_wrong = key.run_code("two_class_gap = 0.5")
    for side in ("public", "hidden"):
        result = key.grade(env_wrong, "q6", only=side)
        assert result.possible and not result.full, side


def test_text_names_final_lesson_numbers_only_where_safe():
    """The text is written with the final numbers (this is lesson 03); it names no PyTorch lesson by
    number, so the renumbering (03 -> 04, 04 -> 05) cannot make it wrong."""
    text = lesson_text()
    assert text.lstrip().startswith("# Lesson 03 · Logistic regression in NumPy")
    assert not re.search(r"[Ll]essons?\s+0[45]\b", text)
    assert re.search(r"\*\*Time:\*\* about \d+ minutes", text)


def test_every_test_takes_its_truth_from_the_data_not_from_the_notebook(key):
    """Issue 12: the notebook's table and given arrays rewritten after answering: still full marks."""
    for question in key.questions:
        assert "df" not in answer_names(key, question) and "price" not in answer_names(key, question), question
    rewritten = key.run_code(
        "df['Sale_Price'] = 1.0\nprice = price * 0\nlonlat = lonlat * 0\nprice_class = price_class * 0\n"
        "y_train = y_train * 0\ny_valid = y_valid * 0\nt_train = t_train * 0\nt_valid = t_valid * 0\n"
        "Z_pairs = Z_pairs * 0\nW_small = W_small * 0"
    )
    for question in key.questions:
        result = key.grade(rewritten, question)
        assert result.full, result.output
