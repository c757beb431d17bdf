"""Lesson 07 facts checked on the answer key: fidelity to scikit-learn, the pictures, seeding, speed."""

import ast
import contextlib
import io
import math

import numpy as np
import pytest
import torch
from harness import AnswerKey, assert_source_course_split, working_dir

from benchmarks import fidelity
from course import layout, lessons, notebooks

LESSON = "07-logistic-torch"


@pytest.fixture(scope="module")
def env():
    return AnswerKey(LESSON).env


@pytest.fixture(scope="module")
def solution():
    return notebooks.read(layout.solution_notebook(layout.ROOT, LESSON))


def markdown_text(nb) -> str:
    return " ".join(" ".join(notebooks.source_text(c).split()) for c in nb.cells if c.cell_type == "markdown")


def test_logistic_regression_matches_scikit_learn(env, solution):
    f = fidelity.logistic_vs_scikit_learn(env)
    assert abs(f["accuracy"] - f["sk_accuracy"]) <= 0.01, f
    assert abs(f["loss"] - f["sk_loss"]) <= 0.01 * f["sk_loss"], f
    quoted = "scikit-learn's `LogisticRegression` without a penalty, on the same split, finds the same model: "
    assert f"{quoted}validation accuracy {f['sk_accuracy']:.2f}, training loss {f['sk_loss']:.3f}" in markdown_text(
        solution
    )


def test_numbers_quoted_in_the_text_are_the_solution_s(env, solution):
    text = markdown_text(solution)
    assert f"About {env['logreg_valid_acc']:.2f} of the validation houses" in text
    assert f'about {env["always_medium_acc"]:.2f} for "always medium"' in text
    assert abs(env["always_medium_acc"] - 1 / 3) < 0.05  # a third of all houses; this validation set holds 30 %
    assert 0.52 <= env["logreg_valid_acc"] <= 0.55  # the figure the source course reports on its split: 0.52-0.54
    untrained = float(torch.as_tensor(env["loss_functional"]).detach())
    assert f"**Why {untrained:.3f} and not ln 3 = 1.0986?**" in text
    Z, y = env["logits_untrained"].detach().cpu(), env["y_train"].cpu()
    top = float(torch.softmax(Z, dim=1).max(dim=1).values.mean())
    right = float((Z.argmax(dim=1) == y).double().mean())
    assert (
        f"(its top probability averages {top:.2f}) but right\nfor only {right:.0%} of the houses".replace(
            "%", " %"
        ).replace("\n", " ")
        in text
    )
    assert abs(float((Z.max(dim=1).values - Z.min(dim=1).values).mean()) - 1) < 0.1  # "scores differ by about 1"
    gap = env["logreg_train_losses"][-1] - env["logreg_valid_losses"][-1]
    assert f"a difference of {gap:.3f} is within that chance" in text
    # "about ±0.02 for 586 houses": the standard error of a mean loss over 586 houses, and the gap is within it
    with torch.no_grad():
        per_house = torch.nn.functional.cross_entropy(env["logreg"](env["X_valid"]), env["y_valid"], reduction="none")
    spread = float(per_house.std()) / math.sqrt(len(per_house))
    assert round(spread, 2) == 0.02 and abs(gap) < spread, spread
    # both curves are measured on the same weights, before each step: the first two losses are the untrained model's
    assert env["logreg_train_losses"][0] == pytest.approx(float(torch.as_tensor(env["loss_functional"])), abs=1e-6)
    with torch.no_grad():
        torch.manual_seed(0)
        untrained = torch.nn.Linear(2, 3).to(env["X_valid"].device)
        start_valid = float(torch.nn.functional.cross_entropy(untrained(env["X_valid"]), env["y_valid"]))
    assert env["logreg_valid_losses"][0] == pytest.approx(start_valid, abs=1e-5)
    assert "one learning rate suits most problems" not in text
    assert "want class *indices*, not floats or one-hot rows" not in text  # F.cross_entropy takes probabilities too
    assert "also take a float tensor shaped like the logits, read as a probability for every class" in text
    assert "on 2344 houses from Ames, Iowa, and keep the other 586 of the 2930 aside" in text
    assert "(the final training loss is about 1.017)" in text and f"{env['logreg_train_losses'][-1]:.3f}" == "1.017"


def test_the_split_is_the_source_course_s(env):
    assert_source_course_split(env["train_idx"], env["valid_idx"])


def test_the_four_losses_agree_and_start_near_ln3(env):
    losses = [
        float(torch.as_tensor(env[name]).detach())
        for name in ("loss_by_hand", "loss_nll", "loss_functional", "loss_module")
    ]
    assert max(losses) - min(losses) < 1e-5
    assert abs(losses[0] - math.log(3)) < 0.2
    assert env["logreg_train_losses"][0] == pytest.approx(losses[0], abs=1e-6)


def functions_of(nb, names: set[str]) -> dict[str, str]:
    """The source of each top-level function ``names`` defines in the notebook's code cells."""
    found = {}
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        text = notebooks.source_text(cell)
        try:
            tree = ast.parse(text)
        except SyntaxError:
            continue
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and node.name in names:
                found[node.name] = ast.get_source_segment(text, node)
    return found


def test_autograd_gives_the_numpy_lesson_s_gradient(env, solution):
    """q8: the answer key's two gradients agree to rounding, as the text says, on logits X_check @ W_check + b_check."""
    mine = env["gradient_from_lesson05"](env["X_check"], env["y_check"], env["W_check"], env["b_check"])
    theirs = (env["autograd_grad_W"].numpy(), env["autograd_grad_b"].numpy())
    assert env["gradients_agree"] is True
    assert all(np.abs(m - t).max() < 1e-12 for m, t in zip(mine, theirs, strict=True))  # "They agree up to rounding"
    text = markdown_text(solution)
    assert "**the gradient you wrote in lesson 05 is exactly what autograd computes.**" in text
    assert (
        "derived by hand" not in text and "you derived" not in text
    )  # lesson 05 gives the derivation; the student writes the code
    assert float(np.abs(env["X_check"] @ (1000 * env["W_check"])).max()) > 1000  # "logits in the thousands"


def test_the_numpy_lesson_s_softmax_gradient_pasted_as_it_is_gets_full_marks(env):
    """q8 asks students to paste the NumPy softmax lesson's softmax_gradient, renamed: that lesson's own answer
    key, pasted unchanged, gets full marks here, and the softmax and one_hot given here are that lesson's."""
    numpy_lesson = next(name for name in lessons.all_lessons(layout.ROOT) if name.endswith("-softmax-numpy"))
    theirs = functions_of(
        notebooks.read(layout.solution_notebook(layout.ROOT, numpy_lesson)), {"softmax", "one_hot", "softmax_gradient"}
    )
    assert set(theirs) == {"softmax", "one_hot", "softmax_gradient"}
    key = AnswerKey(LESSON)
    pasted = key.run_code(theirs["softmax_gradient"].replace("def softmax_gradient(", "def gradient_from_lesson05(", 1))
    result = key.grade(pasted, "q8")
    assert result.full, result.output
    ns: dict = {"np": np}
    exec(theirs["softmax"] + "\n" + theirs["one_hot"], ns)
    Z, y = np.random.default_rng(0).normal(scale=30, size=(7, 4)), np.array([0, 3, 1, 2, 2, 0, 3])
    assert np.allclose(ns["softmax"](Z), env["softmax"](Z)) and np.array_equal(
        ns["one_hot"](y, 4), env["one_hot"](y, 4)
    )


def test_the_pictures_are_in_the_solution_notebook(solution):
    images = {}
    for cell in solution.cells:
        if cell.cell_type == "code":
            src = notebooks.source_text(cell)
            has_png = any("image/png" in out.get("data", {}) for out in cell.get("outputs", []))
            for marker in (
                "Ames houses by price class",
                "draw_classes(axes[3]",
                "Logistic regression: loss during training",
            ):
                if marker in src:
                    images[marker] = has_png
    assert images == {
        "Ames houses by price class": True,  # the houses coloured by class
        "draw_classes(axes[3]": True,  # per-class probabilities and the logistic regression's boundary
        "Logistic regression: loss during training": True,  # training and validation loss curves
    }


def test_runs_again_with_the_same_numbers_and_finished_pictures(solution):
    """A fresh run of the answer key prints exactly what the built notebook shows; its figures carry one
    colour bar per colour map, a class legend on the region map, and the training and validation curves."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    stored = "".join(
        out["text"]
        for c in solution.cells
        if c.cell_type == "code"
        for out in c.get("outputs", [])
        if out.get("output_type") == "stream" and out.get("name") == "stdout"
    )
    printed = io.StringIO()
    ns: dict = {"__name__": "__main__"}
    plt.close("all")
    shown = []  # (figure, text alternative) of every show_figure call, kept open to be looked at here
    with working_dir(layout.ROOT / layout.SOLUTIONS), contextlib.redirect_stdout(printed):
        for i, cell in enumerate(solution.cells):
            if cell.cell_type == "code":
                exec(compile(notebooks.source_text(cell), f"<{LESSON} cell {i}>", "exec"), ns)
                if "show_figure" in ns:
                    ns["show_figure"] = lambda fig, alt: shown.append((fig, alt))
    figures = [fig for fig, _ in shown]
    assert len(figures) == 4 and all(len(alt.split()) > 20 for _, alt in shown)
    titles = {fig: [ax.get_title() for ax in fig.axes] for fig in figures}
    four = next(fig for fig in figures if "logistic regression: predicted class" in titles[fig])
    colour_bars = [ax for ax in four.axes if ax.get_label() == "<colorbar>"]
    assert len(colour_bars) == 3  # P(low), P(medium), P(high): each its own colour map and bar
    assert [ax.get_ylabel() for ax in colour_bars] == ["P(low)", "P(medium)", "P(high)"]
    maps = [ax for fig in figures for ax in fig.axes if "predicted class" in ax.get_title()]
    assert len(maps) == 1 and all(ax.get_legend() is not None for ax in maps)
    assert all([t.get_text() for t in ax.get_legend().get_texts()] == ["low", "medium", "high"] for ax in maps)
    curves = next(
        ax for fig in figures for ax in fig.axes if ax.get_title() == "Logistic regression: loss during training"
    )
    assert [line.get_label() for line in curves.get_lines()][:2] == ["training", "validation"]
    assert len(curves.get_lines()[0].get_ydata()) == len(ns["logreg_train_losses"])
    plt.close("all")
    if ns["device"] == "cpu":  # numbers printed on a GPU may differ in the last digits
        assert printed.getvalue() == stored


@pytest.mark.skipif(not torch.cuda.is_available(), reason="no GPU here")
def test_runs_on_the_gpu_when_there_is_one(env):
    assert env["device"] == "cuda"
    assert env["X_train"].is_cuda and env["logreg"].weight.is_cuda
    assert env["logreg_valid_acc"] >= 0.47


@pytest.mark.slow
def test_a_check_after_a_crashed_answer_cell_says_so_instead_of_passing_an_older_value(tmp_path):
    """q8 answered right and checked, then its cell run again with a typo on its last line: the check must
    not pass the value left over from the first run (it printed "q8 passed!" under a traceback)."""
    import shutil

    import nbformat
    from test_hand_in import kernel

    folder = tmp_path / LESSON
    shutil.copytree(layout.student_dir(layout.ROOT, LESSON), folder)
    student = notebooks.read(layout.student_notebook(layout.ROOT, LESSON))
    code = [notebooks.source_text(c) for c in student.cells if c.cell_type == "code"]
    setup = code[0]
    example = next(src for src in code if "check_rng = np.random.default_rng(3)" in src)
    answer = (
        "def gradient_from_lesson05(X, y, W, b):\n"
        "    R = softmax(X @ W + b) - one_hot(y, W.shape[1])\n"
        "    return X.T @ R / len(y), R.mean(axis=0)\n\n\n"
        "W_torch = torch.tensor(W_check, requires_grad=True)\n"
        "b_torch = torch.tensor(b_check, requires_grad=True)\n"
        "F.cross_entropy(torch.tensor(X_check) @ W_torch + b_torch, torch.tensor(y_check)).backward()\n"
        "autograd_grad_W, autograd_grad_b = W_torch.grad, b_torch.grad\n"
        "grad_W, grad_b = gradient_from_lesson05(X_check, y_check, W_check, b_check)\n"
        "gradients_agree = np.allclose(grad_W, autograd_grad_W, atol=1e-6)"
        " and np.allclose(grad_b, autograd_grad_b, atol=1e-6)"
    )
    crashed = answer.replace("autograd_grad_b, atol=1e-6)", "autograd_grad_bb, atol=1e-6)")
    check = 'grader.check("q8")'
    sources = [setup, example, answer, check, crashed, check]
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    with kernel(nb, folder, allow_errors=True) as run:
        for index in range(len(nb.cells)):
            run(index)

    def shown(cell) -> str:
        texts = []
        for out in cell.outputs:
            texts.append(out.get("text", "") or out.get("data", {}).get("text/plain", ""))
            texts += out.get("traceback", [])
        return "\n".join(texts)

    first, after_crash = shown(nb.cells[3]), shown(nb.cells[5])
    assert "q8 passed!" in first or "All test cases passed" in first, first
    assert "NameError" in shown(nb.cells[4])
    assert "passed" not in after_crash and after_crash.startswith("q8 not checked:"), after_crash
    assert "NameError" in after_crash and "gradients_agree" in after_crash, after_crash


def test_the_going_further_says_what_its_optimizers_did(env, solution):
    """ "SGD with a well-chosen learning rate (0.5) gets there in fewer steps than Adam, and with 0.1 in more";
    "all three reach the same loss"; and the log-sum-exp cell: log(softmax) gives -inf where log_softmax is finite."""
    steps = env["steps_needed"]
    assert steps["SGD, lr = 0.5"] < steps["Adam, lr = 0.1"] < steps["SGD, lr = 0.1"], steps
    finals = [losses[-1] for losses in env["runs"].values()]
    assert max(finals) - min(finals) < 1e-3
    text = markdown_text(solution)
    assert "(0.5) comes within 0.001 of the lowest loss in fewer steps than Adam, and with 0.1 in more" in text
    adam, sgd = env["runs"]["Adam, lr = 0.1"], env["runs"]["SGD, lr = 0.5"]
    assert adam[5] < sgd[5]  # "Adam drops fastest in the first few steps"
    assert any(b > a + 1e-3 for a, b in zip(adam[:-1], adam[1:], strict=True))  # "then overshoots and wobbles"
    assert "one learning rate suits most problems" not in text
    z = torch.tensor([[1000.0, -1000.0, 0.0]])
    assert torch.isinf(torch.log(torch.softmax(z, dim=1))).any()
    assert torch.equal(torch.nn.functional.log_softmax(z, dim=1), torch.tensor([[0.0, -2000.0, -1000.0]]))
    assert "while its log-probability is simply -2000" in text


def test_the_class_model_is_the_layer_trained_the_same_way(env):
    """q9: the same seed and layer as logreg, so the same accuracy, as the text says."""
    assert isinstance(env["logreg_class"], torch.nn.Module) and not isinstance(env["logreg_class"], torch.nn.Linear)
    assert env["class_valid_acc"] == pytest.approx(env["logreg_valid_acc"], abs=1e-9)
    assert env["class_train_losses"][-1] == pytest.approx(env["logreg_train_losses"][-1], abs=1e-6)
