"""Lesson 02 facts asserted on the answer key (the numbers lesson 04 must reproduce), and the
lesson's text kept true to them."""

import re

import numpy as np
import pytest
from harness import ROOT, AnswerKey, answer_names, assert_source_course_split

from benchmarks import fidelity
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


def test_gradient_descent_reaches_the_closed_form_within_0_1_percent(env):
    f = fidelity.gradient_descent_vs_closed_form(env)
    assert f["ratio"] <= 1.001, f
    assert env["closed_train_mse"] == pytest.approx(f["closed_form_mse"], rel=1e-9)


def test_reference_numbers(env):
    """The numbers quoted in the lesson text and in the report to lesson 04."""
    assert (env["lr_gd"], env["steps_gd"]) == (0.1, 200)
    np.testing.assert_allclose(env["w_closed"], [0.49835, -0.13880, 0.13363], atol=1e-4)
    assert env["b_closed"] == pytest.approx(1.78582, abs=1e-4)
    assert env["closed_train_mse"] == pytest.approx(0.27003, abs=1e-4)
    assert env["valid_mae_dollars"] == pytest.approx(39_117, abs=5)
    assert 0.30 < env["wrong_way_accuracy"] < 0.32  # "about 0.31 against 0.33", as in the source course
    assert np.bincount(env["class_pred_valid"], minlength=3)[1] > 0.9 * 586, "almost every house predicted medium"


def test_learning_rate_picture_shows_crawl_and_divergence(env):
    gd, X, y = env["gradient_descent"], env["X_train"], env["y_train"]
    _, _, slow = gd(X, y, 0.003, 60)
    _, _, good = gd(X, y, 0.1, 60)
    with np.errstate(all="ignore"):
        _, _, wild = gd(X, y, 0.95, 60)
    assert slow[-1] > 2 * good[-1]
    assert wild[-1] > 100 * wild[0]
    assert env["history_raw"][-1] > 1.1 * env["history_std"][-1]


def test_raw_features_diverge_above_the_rate_the_text_states(env):
    """The text: "every learning rate above about 4e-7 diverges" on the raw columns (the plot uses 3e-7)."""
    gd, X, y = env["gradient_descent"], env["X_train_raw"], env["y_train"]
    with np.errstate(all="ignore"):
        _, _, below = gd(X, y, 3.9e-7, 200)
        _, _, above = gd(X, y, 4.1e-7, 200)
    assert np.isfinite(below[-1]) and below[-1] < below[0]
    assert not np.isfinite(above[-1]) or above[-1] > above[0]
    assert "above about 4e-7 diverges" in lesson_text()
    assert 'history_raw, label="raw features, lr = 3e-7 (above 4e-7 it diverges)"' in source_code()


def lesson_text() -> str:
    nb = notebooks.read(ROOT / layout.SOURCE / f"{LESSON}.ipynb")
    return "\n".join(notebooks.source_text(c) for c in nb.cells if c.cell_type == "markdown")


def source_code() -> str:
    nb = notebooks.read(ROOT / layout.SOURCE / f"{LESSON}.ipynb")
    return "\n".join(notebooks.source_text(c) for c in nb.cells if c.cell_type == "code")


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
    assert "Lessons 03 and 04 sort" not in text and "Lessons 03 and 05 sort houses into **price classes**" in text
    assert re.search(r"\*\*Time:\*\* about \d+ minutes", text)


def test_every_test_takes_its_truth_from_the_data_not_from_the_notebook(env):
    """Issue 12: the notebook's table and given arrays rewritten, the answers intact: still full marks.
    No test takes `df` (the student's table) as an argument."""
    key = AnswerKey(LESSON)
    for question in key.questions:
        assert "df" not in answer_names(key, question), question
    rewritten = key.run_code(
        "df[FEATURES] = 0.0\ndf['Sale_Price'] = 1.0\nX_all = X_all * 0\nprice_class = price_class * 0\n"
        "class_train = class_train * 0\nclass_valid = class_valid * 0\ny_valid = y_valid * 0"
    )
    for question in key.questions:
        result = key.grade(rewritten, question)
        assert result.full, result.output


def test_numerical_gradient_check_agrees(env):
    diff = np.max(np.abs(np.ravel(env["exact_w"]) - env["approx_w"]))
    assert diff < 1e-6 and abs(env["exact_b"] - env["approx_b"]) < 1e-6
