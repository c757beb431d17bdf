"""Lesson 02 facts asserted on the answer key (the data, split and gradient that lessons 03 and 06 give
again), and the lesson's text kept true to them."""

import re

import numpy as np
import pytest
from harness import ROOT, AnswerKey, answer_names, assert_source_course_split

from course import layout, notebooks

LESSON = "02-linear-numpy"


@pytest.fixture(scope="module")
def env():
    return AnswerKey(LESSON).env


def test_split_and_standardization_follow_the_course_recipe(env):
    assert env["FEATURES"] == ["Gr_Liv_Area", "Longitude", "Latitude"]
    assert env["X_train"].shape == (2344, 3) and env["X_valid"].shape == (586, 3)
    np.testing.assert_allclose(env["X_train"].mean(axis=0), 0, atol=1e-9)
    np.testing.assert_allclose(env["X_train"].std(axis=0), 1, atol=1e-9)
    assert not np.allclose(env["X_valid"].mean(axis=0), 0, atol=1e-3), "validation must use training statistics"


def test_the_split_is_the_source_course_s(env):
    assert_source_course_split(env["train_idx"], env["valid_idx"])


def lesson_text() -> str:
    nb = notebooks.read(ROOT / layout.SOURCE / f"{LESSON}.ipynb")
    return "\n".join(notebooks.source_text(c) for c in nb.cells if c.cell_type == "markdown")


def test_the_guess_rule_in_the_text_is_the_one_graded(env):
    """q3's text quotes the limit its check applies: 1.5 times the best line's MSE."""
    area, price = env["area"], env["price"]
    slope, intercept = np.polyfit(area, price, 1)
    best = np.mean((area * slope + intercept - price) ** 2)
    assert f"below {1.5 * best:.2f}, 1.5 times the best line's" in lesson_text().replace("\n", " ")
    assert f"(about {best:.2f})" in lesson_text()
    assert np.mean((area * 1.5 - price) ** 2) > 1.5 * best  # the w=1.5, b=0 fails, and the text says why


def test_text_has_no_dollar_pairs_and_points_at_the_right_lessons():
    text = lesson_text()
    assert "$" not in text, "a $ pair renders as LaTeX in Jupyter: write 'dollars'"
    assert "(lesson 03 shows it)" in text and "section 5" not in text  # gradient descent moved to lesson 03
    assert re.search(r"\*\*Time:\*\* about \d+ minutes", text)


def test_every_test_takes_its_truth_from_the_data_not_from_the_notebook(env):
    """Issue 12: the notebook's table and given arrays rewritten, the answers intact: still full marks.
    No test takes `df` (the student's table) as an argument."""
    key = AnswerKey(LESSON)
    for question in key.questions:
        assert "df" not in answer_names(key, question), question
    rewritten = key.run_code("df[FEATURES] = 0.0\ndf['Sale_Price'] = 1.0\nX_all = X_all * 0\ny_valid = y_valid * 0")
    for question in key.questions:
        result = key.grade(rewritten, question)
        assert result.full, result.output


def test_the_students_gradient_check_agrees_with_the_derived_gradient(env):
    """Issue 23: the student's own check (questions 8 and 9) passes the derived gradient (< 1e-6), and the
    derivation's three houses give the matrix formula of question 7."""
    assert 0 < env["check_error"] < 1e-7
    np.testing.assert_allclose(np.ravel(env["exact_w"]), env["num_grad_w"], rtol=1e-6)
    assert abs(env["exact_b"] - env["num_grad_b"]) < 1e-6
    np.testing.assert_allclose(env["grad_w_mean"], 2 / 3 * env["X_three"].T @ env["r_three"], rtol=1e-12)
    grad_w, grad_b = env["mse_gradient"](env["X_three"], env["y_three"], env["w_one"], env["b_one"])
    np.testing.assert_allclose(grad_w, env["grad_w_mean"], rtol=1e-12)


def test_the_numerical_gradient_is_central_and_its_error_is_h_squared(env):
    """Central differences of a cube are off by exactly h ** 2; the relative error follows its formula."""
    w = np.array([1.0, -2.0, 0.5])
    for h in (0.1, 0.01):
        got = env["numerical_gradient"](lambda v: float(np.sum(v**3)), w, h)
        np.testing.assert_allclose(got, 3 * w**2 + h**2, rtol=1e-9)
    assert env["relative_error"](np.array([0.0, 1.0]), np.array([0.0, 1.0])) == 0.0
    assert env["relative_error"](np.array([1.0, 2.0]), np.array([1.0, 2.1])) == pytest.approx(0.1 / 4.1)


def test_the_text_says_the_student_derives_the_gradient():
    text = lesson_text()
    for step in ("**Step 1: one house.**", "**Step 2: many houses.**", "**Step 3: one matrix product.**"):
        assert step in text
    assert "with the formulas you just\nderived" in text
    assert "def numerical_gradient(X, y, w, b" not in (ROOT / layout.SOURCE / f"{LESSON}.ipynb").read_text()


def numgrad(body, default="1e-5"):
    return (
        f"def numerical_gradient(f, w, h={default}):\n    w = np.asarray(w, dtype=float)\n"
        "    grad = np.zeros(len(w))\n    for i in range(len(w)):\n"
        "        up, down = w.copy(), w.copy()\n        up[i] += h\n        down[i] -= h\n"
        f"        {body}\n    return grad"
    )


def relerr(body):
    head = "def relative_error(a, b):\n    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)\n"
    return f"{head}    return {body}"


HIDDEN_CATCHES = [  # issue 23: on fresh functions and arrays, the hidden tests alone charge each with its message
    (numgrad("grad[i] = (f(up) - f(w)) / h"), "one-sided difference"),
    (numgrad("grad[i] = (f(w) - f(down)) / h"), "one-sided difference"),
    (numgrad("grad[i] = (f(up) - f(down)) / h"), "divides by h"),
    (numgrad("e = np.zeros(len(w)); e[i] = 1e-5\n        grad[i] = (f(w + e) - f(w - e)) / 2e-5"), "ignores the h"),
    (numgrad("grad[i] = (f(up) - f(down)) / (2 * h)", default="1e-3"), "does not step by the default h=1e-5"),
    (numgrad("grad[i] = (f(up) - f(down)) / (2 * h)", default="1e-9"), "does not step by the default h=1e-5"),
    (relerr("float(np.max(np.abs(a - b)))"), "returned the plain difference"),
    (relerr("float(np.max(np.abs(a - b) / np.maximum(np.abs(a), 1e-8)))"), "divided by |a| only"),
    (relerr("float(np.mean(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)))"), "averaged the entries"),
    (relerr("float(np.max(np.abs(a - b)) / np.max(np.abs(a) + np.abs(b)))"), "divided the largest difference"),
    (relerr("float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b))))"), "is not finite"),
    (relerr("float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))"), "is wrong on fresh arrays"),
]


@pytest.mark.parametrize(("code", "message"), HIDDEN_CATCHES, ids=[m for _, m in HIDDEN_CATCHES])
def test_the_hidden_tests_alone_catch_each_wrong_gradient_check(code, message):
    key = AnswerKey(LESSON)
    result = key.grade(key.run_code(code), "q8", only="hidden")
    assert not result.full and message in result.output, result.output
    assert not result.python_errors, result.python_errors
