"""Lesson 04 facts checked on the answer key: fidelity to scikit-learn, the pictures, seeding, speed."""

import contextlib
import io
import math
import time

import numpy as np
import pytest
import torch
import torch.nn.functional as F
from harness import AnswerKey, working_dir

from course import layout, notebooks

LESSON = "04-logistic-torch"


@pytest.fixture(scope="module")
def env():
    return AnswerKey(LESSON).env


@pytest.fixture(scope="module")
def solution():
    return notebooks.read(layout.solution_notebook(layout.ROOT, LESSON))


def unpenalized_logistic_regression():
    """scikit-learn's multinomial logistic regression without a penalty, spelled for the installed version."""
    import sklearn
    from sklearn.linear_model import LogisticRegression

    major, minor = (int(p) for p in sklearn.__version__.split(".")[:2])
    if (major, minor) >= (1, 8):  # penalty= is deprecated from 1.8: no penalty is C=inf
        return LogisticRegression(C=np.inf, max_iter=10_000, tol=1e-10)
    return LogisticRegression(penalty=None, max_iter=10_000, tol=1e-10)


def markdown_text(nb) -> str:
    return " ".join(" ".join(notebooks.source_text(c).split()) for c in nb.cells if c.cell_type == "markdown")


def as_numpy(t):
    return t.detach().cpu().numpy()


def test_logistic_regression_matches_scikit_learn(env, solution):
    from sklearn.metrics import log_loss

    X_tr, y_tr = as_numpy(env["X_train"]).astype(float), as_numpy(env["y_train"])
    X_va, y_va = as_numpy(env["X_valid"]).astype(float), as_numpy(env["y_valid"])
    sk = unpenalized_logistic_regression().fit(X_tr, y_tr)
    sk_acc = sk.score(X_va, y_va)
    sk_loss = log_loss(y_tr, sk.predict_proba(X_tr))

    logreg = env["logreg"]
    with torch.no_grad():
        our_loss = float(F.cross_entropy(logreg(env["X_train"]), env["y_train"]))
    our_acc = env["logreg_valid_acc"]
    assert abs(our_acc - sk_acc) <= 0.01, f"validation accuracy {our_acc:.4f} vs scikit-learn {sk_acc:.4f}"
    assert abs(our_loss - sk_loss) <= 0.01 * sk_loss, f"training loss {our_loss:.5f} vs scikit-learn {sk_loss:.5f}"
    quoted = "scikit-learn's `LogisticRegression` without a penalty, on the same split, finds the same model: "
    assert f"{quoted}validation accuracy {sk_acc:.2f}, training loss {sk_loss:.3f}" in markdown_text(solution)


def test_numbers_quoted_in_the_text_are_the_solution_s(env, solution):
    text = markdown_text(solution)
    assert f"About {env['logreg_valid_acc']:.2f} of the validation houses" in text
    assert f'about {env["always_medium_acc"]:.2f} for "always medium"' in text
    assert 0.3 < env["always_medium_acc"] < 0.36
    assert env["mlp_valid_acc"] >= 0.6 > env["logreg_valid_acc"] >= 0.47


def test_the_four_losses_agree_and_start_near_ln3(env):
    losses = [float(torch.as_tensor(env[name]).detach()) for name in ("loss_by_hand", "loss_nll", "loss_functional",
                                                                       "loss_module")]
    assert max(losses) - min(losses) < 1e-5
    assert abs(losses[0] - math.log(3)) < 0.2
    assert env["logreg_train_losses"][0] == pytest.approx(losses[0], abs=1e-6)


def test_both_maps_are_in_the_solution_notebook(solution):
    images = {}
    for cell in solution.cells:
        if cell.cell_type == "code":
            src = notebooks.source_text(cell)
            has_png = any("image/png" in out.get("data", {}) for out in cell.get("outputs", []))
            for marker in ("Ames houses by price class", "draw_classes(axes[3]", "grid_class_mlp =",
                           "loss during training"):
                if marker in src:
                    images[marker] = has_png
    assert images == {
        "Ames houses by price class": True,  # the houses coloured by class
        "draw_classes(axes[3]": True,  # per-class probabilities and the logistic regression's boundary
        "grid_class_mlp =": True,  # the MLP's boundary beside the linear one
        "loss during training": True,  # training and validation loss curves
    }


def test_seeded_fast_and_prints_the_same_numbers(solution):
    """A fresh run of the answer key prints exactly what the built notebook shows, within 15 s."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    stored = "".join(
        out["text"] for c in solution.cells if c.cell_type == "code"
        for out in c.get("outputs", []) if out.get("output_type") == "stream" and out.get("name") == "stdout"
    )
    printed = io.StringIO()
    ns: dict = {"__name__": "__main__"}
    start = time.perf_counter()
    with working_dir(layout.ROOT / layout.SOLUTIONS), contextlib.redirect_stdout(printed):
        for i, cell in enumerate(solution.cells):
            if cell.cell_type == "code":
                exec(compile(notebooks.source_text(cell), f"<{LESSON} cell {i}>", "exec"), ns)
    elapsed = time.perf_counter() - start
    plt.close("all")
    if ns["device"] == "cpu":  # numbers printed on a GPU may differ in the last digits
        assert printed.getvalue() == stored
    assert elapsed < 15, f"the answer key took {elapsed:.1f} s"


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no GPU here")
def test_runs_on_the_gpu_when_there_is_one(env):
    assert env["device"] == "cuda"
    assert env["X_train"].is_cuda and env["logreg"].weight.is_cuda and next(env["mlp"].parameters()).is_cuda
    assert env["logreg_valid_acc"] >= 0.47 and env["mlp_valid_acc"] >= 0.58
