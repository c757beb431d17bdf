"""Lesson 02 facts asserted on the answer key (the numbers lesson 03 must reproduce)."""

import numpy as np
import pytest
from harness import AnswerKey, assert_source_course_split

from benchmarks import fidelity

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
    """The numbers quoted in the lesson text and in the report to lesson 03."""
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


def test_numerical_gradient_check_agrees(env):
    diff = np.max(np.abs(np.ravel(env["exact_w"]) - env["approx_w"]))
    assert diff < 1e-6 and abs(env["exact_b"] - env["approx_b"]) < 1e-6
