"""Lesson 06 (linear regression in PyTorch): facts about the executed answer key.

The closed form is recomputed here from data/ames.csv with the course's standard split, independently
of the lesson's own cells, so the lesson cannot pass by comparing itself with itself.
"""

import shutil

import numpy as np
import pandas as pd
import pytest
from harness import ROOT, AnswerKey, answer_names, assert_source_course_split, working_dir

from course import layout, notebooks

LESSON = "06-linear-torch"
FEATURES = ["Gr_Liv_Area", "Longitude", "Latitude"]
TOLERANCE_CLOSED = 1e-3  # stated in the lesson: PyTorch (float32) vs the closed form
TOLERANCE_GD = 1e-4  # stated in the lesson: PyTorch vs lesson 03's NumPy gradient descent


@pytest.fixture(scope="module")
def key():
    return AnswerKey(LESSON)


@pytest.fixture(scope="module")
def env(key):
    return key.env


@pytest.fixture(scope="module")
def split():
    ames = pd.read_csv(ROOT / layout.DATA / "ames.csv")
    X = ames[FEATURES].to_numpy(dtype=float)
    y = ames["Sale_Price"].to_numpy(dtype=float) / 100_000
    idx = np.random.RandomState(42).permutation(len(ames))
    valid, train = idx[:586], idx[586:]
    mean, std = X[train].mean(axis=0), X[train].std(axis=0)
    return (X[train] - mean) / std, y[train], (X[valid] - mean) / std, y[valid]


def fitted(env):
    layer = env["reg_model"].linear
    return np.append(layer.weight.detach().cpu().numpy().ravel(), layer.bias.item())


def test_standard_split_and_scaling(env, split):
    X_train, y_train, X_valid, y_valid = split
    assert (len(X_train), len(X_valid)) == (2344, 586)
    assert_source_course_split(env["train_idx"], env["valid_idx"])
    np.testing.assert_allclose(env["X_train_t"].cpu().numpy(), X_train, rtol=1e-6, atol=1e-6)
    np.testing.assert_allclose(env["y_valid_t"].cpu().numpy().ravel(), y_valid, rtol=1e-6)


def test_pytorch_fit_equals_the_closed_form(env, split):
    X_train, y_train, _, _ = split
    coef = np.linalg.lstsq(np.column_stack([X_train, np.ones(len(X_train))]), y_train, rcond=None)[0]
    gap = np.max(np.abs(fitted(env) - coef))
    assert gap < TOLERANCE_CLOSED, f"PyTorch is {gap:.2e} from the closed form"


def test_pytorch_fit_equals_numpy_gradient_descent(env, split):
    X_train, y_train, _, _ = split
    w, b = np.zeros(3), 0.0
    for _ in range(env["reg_epochs"]):
        r = X_train @ w + b - y_train
        w, b = w - env["reg_lr"] * 2 / len(r) * X_train.T @ r, b - env["reg_lr"] * 2 * r.mean()
    gap = np.max(np.abs(fitted(env) - np.append(w, b)))
    assert gap < TOLERANCE_GD, f"PyTorch is {gap:.2e} from NumPy gradient descent"


def test_autograd_equals_the_hand_written_gradient(env, split):
    X_train, y_train, _, _ = split
    w, b = np.array([0.5, -0.2, 0.1]), 1.0
    r = X_train @ w + b - y_train
    np.testing.assert_allclose(env["grad_w_auto"].cpu().numpy().ravel(), 2 / len(r) * X_train.T @ r, rtol=1e-4)
    np.testing.assert_allclose(env["grad_b_auto"].item(), 2 * r.mean(), rtol=1e-4)
    assert env["autograd_matches"] is True


def test_loss_curve_falls_and_forgetting_zero_grad_hurts(env):
    history = env["reg_history"]
    rises = [b - a for a, b in zip(history[:-1], history[1:], strict=True) if b > a + 1e-6]
    assert not rises, "the full-batch loss should not rise (beyond float32 noise)"
    curves = env["curves"]
    assert np.mean(curves["without zero_grad"][-20:]) > 2 * np.mean(curves["with zero_grad"][-20:])


def test_seeded():
    """A second run of the answer key prints the same numbers (its speed is measured in benchmarks/)."""
    again, first = AnswerKey(LESSON).env, AnswerKey(LESSON).env
    assert again["reg_history"] == first["reg_history"]
    assert np.array_equal(again["grad_once"].cpu().numpy(), first["grad_once"].cpu().numpy())
    weights = [e["linear_model"].weight.detach().cpu().numpy() for e in (again, first)]
    assert np.array_equal(*weights)


GIVEN = {
    "X_raw",
    "price",
    "train_idx",
    "valid_idx",
    "X_train",
    "y_train",
    "X_valid",
    "y_valid",
    "w_closed",
    "b_closed",
    "w_start",
    "b_start",
    "grad_w_numpy",
    "grad_b_numpy",
    "acc_model",
    "mse_gradient",
    "ames",
}
"""Names the lesson gives: a test that took its truth from them could be fooled by changing them."""


def test_no_test_takes_its_truth_from_the_given_variables(key):
    for question in key.questions:
        taken = set(answer_names(key, question)) & GIVEN
        assert not taken, f"{question}'s tests read {taken} from the notebook instead of the data file"


@pytest.mark.parametrize("runner", ["judge (course root)", "harness (solutions/)", "Otter or nbgrader (data/ beside)"])
def test_tests_find_the_data_where_each_runner_starts(key, runner, tmp_path):
    """The tests read data/ames.csv or ../data/ames.csv from where the runner starts them."""
    if runner.startswith("judge"):
        folder = ROOT
    elif runner.startswith("harness"):
        folder = ROOT / layout.SOLUTIONS
    else:
        folder = tmp_path
        (tmp_path / "data").mkdir()
        shutil.copy(ROOT / layout.DATA / "ames.csv", tmp_path / "data" / "ames.csv")
    with working_dir(folder):
        for question in key.questions:
            result = key.grade(dict(key.env), question)
            assert result.full, result.output


def test_without_the_data_the_tests_say_so(key, tmp_path):
    with working_dir(tmp_path):
        result = key.grade(dict(key.env), "q1")
    assert not result.full and not result.python_errors
    assert "could not find data/ames.csv" in result.output


def test_a_notebook_with_its_own_split_gains_nothing(key):
    """Trusted student data: a notebook whose 'training rows' are the validation rows, with every answer
    made consistently from them, loses points on the tensors and the fit (the tests know the split)."""
    code = (
        "X_train, y_train, X_valid, y_valid = X_valid, y_valid, X_train, y_train\n"
        "X_train_t = torch.tensor(X_train, dtype=torch.float32)\n"
        "y_train_t = torch.tensor(y_train, dtype=torch.float32).reshape(-1, 1)\n"
        "X_valid_t = torch.tensor(X_valid, dtype=torch.float32)\n"
        "y_valid_t = torch.tensor(y_valid, dtype=torch.float32).reshape(-1, 1)\n"
        "torch.manual_seed(0)\nreg_model = LinearRegression(3)\n"
        "with torch.no_grad():\n    for p in reg_model.parameters():\n        p.zero_()\n"
        "reg_history = train(reg_model, X_train_t, y_train_t, lr=reg_lr, epochs=reg_epochs)\n"
    )
    env = key.run_code(code)
    assert not key.grade(env, "q1").full
    q5 = key.grade(env, "q5")
    assert not q5.full and "leakage" in q5.output


def markdown_text(path) -> str:
    """The lesson's Markdown as one string, its line breaks made spaces."""
    nb = notebooks.read(path)
    return " ".join(" ".join(notebooks.source_text(c).split()) for c in nb.cells if c.cell_type == "markdown")


def printed(path) -> str:
    """Everything the executed answer key printed."""
    nb = notebooks.read(path)
    return "".join(
        o.get("text", "") for c in nb.cells for o in c.get("outputs", []) if o.get("output_type") == "stream"
    )


def test_the_text_says_which_losses_warn_about_a_shape_mismatch_and_shows_it():
    """Only the library losses warn about (n, 1) against (n,); a loss written by hand says nothing. The text
    says so, and the answer key's output shows it (issue 22: "only gets a warning" was said of every loss)."""
    import warnings

    import torch

    text = markdown_text(ROOT / layout.SOURCE / f"{LESSON}.ipynb")
    assert "only get a warning" not in text and "only gets a warning" not in text
    assert "`F.mse_loss`, which it calls" in text and "prints nothing at all" in text
    pred, target = torch.tensor([[1.0], [2.0]]), torch.tensor([1.0, 2.0])
    for loss, warns in [(torch.nn.MSELoss(), True), (torch.nn.functional.mse_loss, True), (None, False)]:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            torch.mean((pred - target) ** 2) if loss is None else loss(pred, target)
        assert bool(caught) == warns, (loss, caught)
    out = printed(layout.solution_notebook(ROOT, LESSON))
    assert "shape of pred - target: (4, 4)" in out
    assert 'nn.MSELoss(): loss 2.50, warned: "Using a target size' in out
    assert "written by hand: loss 2.50, warned: nothing" in out
    assert "with (4, 1) targets: loss 0.0" in out


def test_the_text_claims_only_the_derivation_lesson_02_has_and_no_identical_loop_in_lesson_07():
    """The text says the student derived and checked the MSE gradient in lesson 02: lesson 02 has them derive
    it (a graded question on the chain rule) and check it with their own numerical gradient (graded). Lesson
    07 trains with its own optimizer settings, so only the steps are the same."""
    text = markdown_text(ROOT / layout.SOURCE / f"{LESSON}.ipynb")
    assert "In lesson 02 you derived the gradient of the MSE" in text
    assert "checked it with your own numerical gradient" in text
    lesson_02 = (ROOT / layout.SOURCE / "02-linear-numpy.ipynb").read_text(encoding="utf-8")
    assert "def numerical_gradient(f, w, h=1e-5)" in lesson_02 and "chain rule" in lesson_02
    assert "stays exactly the same" not in text
    assert "section" not in text.lower().replace("given cell", ""), "cross-references name questions, not sections"


def test_the_printed_numbers_match_the_text_and_the_rubric():
    """The MSEs the text quotes, both measured with the trained weights, and the swing of the run without
    zero_grad that the model answer and the rubric quote (about 0.3 to 3.8)."""
    out = printed(layout.solution_notebook(ROOT, LESSON))
    assert "MSE after training: training 0.270, validation 0.348" in out
    text = markdown_text(ROOT / layout.SOURCE / f"{LESSON}.ipynb")
    assert "about 0.35 against 0.27" in text


def test_the_run_without_zero_grad_swings_as_the_answer_and_rubric_say(env):
    bad = env["curves"]["without zero_grad"]
    assert 0.25 < min(bad[2:]) < 0.35 and 3.5 < max(bad[2:]) < 4.0
    swings = sum(1 for a, b, c in zip(bad, bad[1:], bad[2:], strict=False) if b > a and b > c)
    assert swings >= 5, "the loss without zero_grad should go up and down again and again"
