"""Lesson 05, softmax regression in NumPy: its facts asserted on the answer key, its given cell
checked against lesson 04's answer key, its fidelity against scikit-learn, and its text kept true to
them."""

import re

import numpy as np
import pytest
from harness import ROOT, AnswerKey, answer_names, assert_source_course_split

from benchmarks import fidelity
from course import layout, notebooks

LESSON = "05-softmax-numpy"


@pytest.fixture(scope="module")
def key():
    return AnswerKey(LESSON)


@pytest.fixture(scope="module")
def env(key):
    return key.env


def lesson_text() -> str:
    nb = notebooks.read(ROOT / layout.SOURCE / f"{LESSON}.ipynb")
    return "\n".join(notebooks.source_text(c) for c in nb.cells if c.cell_type == "markdown")


def test_the_given_cell_is_lesson_04_s_answers(env):
    """The cell "from lesson 04" gives what lesson 04's answer key computes (the same split, standardized
    features and sigmoid) and the price classes lesson 03 makes."""
    before, classes = AnswerKey("04-logistic-numpy").env, AnswerKey("03-gradient-descent").env
    for name in ("train_idx", "valid_idx", "X_train", "X_valid"):
        assert np.array_equal(env[name], before[name]), name
    assert np.array_equal(env["price_class"], classes["price_class"])
    for name, rows in (("y_train", "train_idx"), ("y_valid", "valid_idx")):
        assert np.array_equal(env[name], classes["price_class"][before[rows]]), name
    z = np.array([-1000.0, -3.0, 0.0, 0.5, 40.0, 1000.0])
    np.testing.assert_array_equal(env["sigmoid"](z), before["sigmoid"](z))


def test_split_and_classes_follow_the_course_recipe(env):
    assert_source_course_split(env["train_idx"], env["valid_idx"])
    assert np.bincount(env["price_class"]).tolist() == [964, 978, 988]  # the tertiles of lessons 01 and 07


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


def test_reference_numbers_quoted_in_the_text(env):
    text = " ".join(lesson_text().split())
    assert env["history_soft"][0] == pytest.approx(np.log(3), abs=1e-12)
    assert abs(env["untrained_loss"] - np.log(3)) < 0.02
    acc, loss = env["softmax_valid_acc"], env["history_soft"][-1]
    assert f"({acc:.3f})" in text and f"about {round(100 * acc)} %" in text
    assert f"ln 3 to {loss:.4f}" in text and f"({acc:.3f} and {loss:.4f})" in text
    assert "reached 0.52" in text  # the source course's


def test_the_comparison_with_lesson_03_s_wrong_way_is_measured(env):
    """Issue 22: "far better than the wrong way (0.31)" credited the softmax with what the rounding lost.
    The text's numbers, recomputed on this lesson's split and features: lesson 03's rounded regression,
    the share it calls medium, the same line cut at the thirds of its training scores, and least
    squares on one-hot rows with the argmax."""
    text = " ".join(lesson_text().split())
    X_tr, y_tr, X_va, y_va = env["X_train"], env["y_train"], env["X_valid"], env["y_valid"]
    A_tr, A_va = np.column_stack([X_tr, np.ones(len(X_tr))]), np.column_stack([X_va, np.ones(len(X_va))])
    theta = np.linalg.lstsq(A_tr, y_tr, rcond=None)[0]
    rounded = np.clip(np.round(A_va @ theta), 0, 2)
    cut = np.digitize(A_va @ theta, np.quantile(A_tr @ theta, [1 / 3, 2 / 3]))
    one_hot = (A_va @ np.linalg.lstsq(A_tr, np.eye(3)[y_tr], rcond=None)[0]).argmax(axis=1)
    assert f"got {np.mean(rounded == y_va):.2f}." in text
    assert f"called {round(100 * np.mean(rounded == 1))} % of the validation houses medium" in text
    assert f"instead, and it gets {np.mean(cut == y_va):.3f};" in text
    assert f"largest score, gets {np.mean(one_hot == y_va):.3f}." in text
    assert np.mean(one_hot == y_va) < env["softmax_valid_acc"] < np.mean(one_hot == y_va) + 0.05  # "a few points"
    assert "far better" not in text


def test_two_class_softmax_equals_sigmoid_is_graded(key, env):
    assert env["two_class_gap"] < 1e-12
    assert "two_class_gap" in answer_names(key, "q1")
    env_wrong = key.run_code("two_class_gap = 0.5")
    for side in ("public", "hidden"):
        result = key.grade(env_wrong, "q1", only=side)
        assert result.possible and not result.full, side


def test_text_names_the_lessons_of_the_split_series():
    """This is lesson 05 of eight: the binary model is lesson 04's, the rounded regression lesson 03's."""
    text = lesson_text()
    assert text.lstrip().startswith("# Lesson 05 · Softmax regression in NumPy")
    assert "this is lesson 04's gradient again" in text and "lesson 04's `train_binary`" in text
    assert "In lesson 03, a least-squares line through the class numbers" in text
    assert not re.search(r"[Ss]ection [4-9]\b", text), "the sections are numbered 0 to 3 here"
    assert re.search(r"\*\*Time:\*\* about \d+ minutes", text)


def test_every_test_takes_its_truth_from_the_data_not_from_the_notebook(key):
    """Issue 12: the notebook's table and given arrays rewritten after answering: still full marks."""
    for question in key.questions:
        assert "df" not in answer_names(key, question) and "price" not in answer_names(key, question), question
    rewritten = key.run_code(
        "df['Sale_Price'] = 1.0\nprice = price * 0\nlonlat = lonlat * 0\nprice_class = price_class * 0\n"
        "y_train = y_train * 0\ny_valid = y_valid * 0\nZ_pairs = Z_pairs * 0\nW_small = W_small * 0"
    )
    for question in key.questions:
        result = key.grade(rewritten, question)
        assert result.full, result.output


def test_the_loop_and_vectorised_gradients_agree_and_pass_the_numerical_check(env):
    """Issue 23: the two gradients the student writes agree to 1e-10 and pass the notebook's own numerical
    check (< 1e-6), printed as such; and they agree on fresh inputs with classes missing from the labels."""
    assert env["loop_vs_vectorised"] < 1e-10
    assert env["grad_rel_error"] < 1e-6 and env["loop_rel_error"] < 1e-6
    rng = np.random.default_rng(5)
    X, y = rng.normal(size=(40, 3)), rng.choice([0, 3], size=40)
    W, b = rng.normal(size=(3, 5)), rng.normal(size=5)
    for a, c in zip(env["softmax_gradient_loop"](X, y, W, b), env["softmax_gradient"](X, y, W, b), strict=True):
        np.testing.assert_allclose(a, c, rtol=1e-10, atol=1e-12)


def test_the_stable_cross_entropy_is_finite_at_1000_and_equals_pytorch(env):
    """Issue 23: cross-entropy from logits by log-sum-exp, finite for logits of 1000 and -1000, equal to
    torch.nn.functional.cross_entropy within 1e-6; the naive form's overflow is shown (nan and inf)."""
    import torch
    import torch.nn.functional as F

    rng = np.random.default_rng(6)
    extreme = np.array([[1000.0, 0.0, -1000.0], [-1000.0, 1000.0, 0.0]])
    for Z in (extreme, 400 * rng.normal(size=(50, 4)), rng.normal(size=(9, 3))):
        y = rng.integers(0, Z.shape[1], size=len(Z))
        got = env["cross_entropy_from_logits"](Z, y)
        want = F.cross_entropy(torch.tensor(Z, dtype=torch.float64), torch.tensor(y)).item()
        assert np.isfinite(got) and abs(got - want) <= 1e-6 * max(1.0, abs(want)), (got, want)
    assert env["naive"][0] != env["naive"][0] and env["naive"][1] == np.inf  # nan, then inf
    assert env["shifted"].tolist() == [0.0, np.inf]


@pytest.mark.parametrize("question", ["q3", "q4"])
def test_the_new_questions_are_graded(key, question):
    """The key gets full marks; a blank answer none, on the public and on the hidden checks."""
    assert key.grade(key.env, question).full
    name = {"q3": "cross_entropy_from_logits", "q4": "softmax_gradient_loop"}[question]
    blank = key.run_code(f"def {name}(*args):\n    return None")
    for side in ("public", "hidden"):
        result = key.grade(blank, question, only=side)
        assert result.possible and not result.full and result.score == 0, (side, result.output)


def test_the_derivation_s_checks_print_what_the_text_says(key):
    """Steps 2-4: the numerical derivatives equal the softmax, P - Y and (P - Y) / n."""
    nb = notebooks.read(layout.solution_notebook(ROOT, LESSON))
    printed = "".join(o.get("text", "") for c in nb.cells if c.cell_type == "code" for o in c.get("outputs", []))
    assert "numerical: [0.2595 0.7054 0.0351]   softmax: [0.2595 0.7054 0.0351]" in printed
    assert "numerical: [ 0.2595 -0.2946  0.0351]   P - Y: [ 0.2595 -0.2946  0.0351]" in printed
    assert "all 12 entries agree to 1e-8: True" in printed
    assert "loops and matrix products agree to 1e-10: True" in printed
    assert "the two losses, softmax without the shift: [nan inf]" in printed
