"""A right answer keeps its points when it overwrites its array arguments after computing its result.

Every test computes what it expects from its own copies before it calls the student's code: a
function that reuses its inputs as scratch space once its result is ready (or a wrong one that
rewrites them to match what it returned) cannot change what the test expects. Where the lesson
forbids changing an input, only the check that says so fails.

The harness's :class:`Overwriting` mode grades each lesson's answer key with every function (and
method) it defines overwriting each NumPy-array and torch-tensor argument once its right result is
computed: first all of them at once, then each ``(function, parameter)`` pair alone (so that a
check forbidding one argument to change does not hide a test that reads another one late).
"""

import json
import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import grader_tmpdir
from harness import IN_PLACE, ROOT, AnswerKey, Overwriting, overwrite_problems

from course import layout, lessons
from course.grading import judge
from course.grading.judge import Client, LazyEnv, Lesson

LESSONS = lessons.all_lessons(ROOT)


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_a_right_answer_that_overwrites_its_inputs_keeps_its_points(lesson):
    key = AnswerKey(lesson)
    everything = Overwriting(key)
    problems = overwrite_problems(everything.grade())
    assert everything.overwritten, "no array argument was overwritten: the mode did nothing"
    for pair, questions in sorted(everything.overwritten.items()):
        alone = Overwriting(key, only={pair})
        problems += [f"{pair[0]}({pair[1]}=...) {p}" for p in overwrite_problems(alone.grade(sorted(questions)))]
    assert not problems, "\n".join(problems)


def fake_lesson(tmp_path, test_source: str, answer: dict) -> AnswerKey:
    """An answer key of one question whose test is ``test_source`` (Otter's exception format)."""
    tests = tmp_path / "tests"
    tests.mkdir()
    (tmp_path / "solutions").mkdir()  # where the answer key's code runs
    (tests / "q1.py").write_text(
        "from otter.test_files import test_case\nOK_FORMAT = False\nname = 'q1'\npoints = 2\n\n" + test_source
    )
    key = AnswerKey("fake-lesson", tmp_path)
    key.tests_dir = tests
    key.__dict__["env"] = answer
    return key


def answer_key_function(source: str, name: str):
    namespace = {}
    exec(compile(source, "<fake-lesson cell 1>", "exec"), namespace)  # as the answer key's cells are compiled
    return namespace[name]


LATE = """
@test_case(points=1, hidden=False)
def test_late(standardize):
    import numpy as np
    X, mean, std = np.ones((3, 2)), np.array([0.5, 0.5]), np.array([2.0, 2.0])
    centred = X - 0.0  # a copy of X, made before the call; mean and std are read after it
    got = standardize(X, mean, std)
    assert np.allclose(got, (centred - mean) / std), "standardize is wrong"

@test_case(points=1, hidden=False)
def test_forbidden(standardize):
    import numpy as np
    X = np.ones((3, 2))
    standardize(X, np.zeros(2), np.ones(2))
    assert np.array_equal(X, np.ones((3, 2))), "standardize changed its input X in place"
"""

STANDARDIZE = "def standardize(X, mean, std):\n    return (X - mean) / std\n"


def test_the_mode_finds_a_test_that_reads_its_inputs_after_the_call(tmp_path):
    """The harness can fail: a test computing its expectation after the call is caught (for each
    argument alone), while a check forbidding a change in place is allowed to fail."""
    key = fake_lesson(tmp_path, LATE, {"standardize": answer_key_function(STANDARDIZE, "standardize")})
    assert key.grade(dict(key.env), "q1").full  # a right answer passes both, without overwriting
    everything = Overwriting(key)
    results = everything.grade()
    assert not results["q1"].full
    problems = overwrite_problems(results)
    assert len(problems) == 1 and "q1 (test_late): AssertionError: standardize is wrong" in problems[0]
    assert everything.overwritten == {("standardize", p): {"q1"} for p in ("X", "mean", "std")}
    alone = Overwriting(key, only={("standardize", "mean")})
    assert len(overwrite_problems(alone.grade())) == 1
    only_x = Overwriting(key, only={("standardize", "X")})
    assert overwrite_problems(only_x.grade()) == []  # the forbidding check fails, as it should, and only it


def test_calls_between_the_answer_keys_own_functions_are_left_alone(tmp_path):
    """A function calling another (gradient descent calling its gradient) runs as written: only the
    test's call overwrites, after the outer function's result is copied."""
    source = STANDARDIZE + "def twice(X, mean, std):\n    return standardize(standardize(X, mean, std), mean, std)\n"
    test = """
@test_case(points=2, hidden=False)
def test_twice(twice):
    import numpy as np
    X, mean, std = np.ones((3, 2)), np.array([0.5, 0.5]), np.array([2.0, 2.0])
    want = ((X - mean) / std - mean) / std
    got = twice(X, mean, std)
    assert np.allclose(got, want), "twice is wrong"
    assert np.isnan(X).all() and np.isnan(mean).all(), "the arguments were not overwritten"
"""
    namespace = {}
    exec(compile(source, "<fake-lesson cell 1>", "exec"), namespace)
    key = fake_lesson(tmp_path, test, {"twice": namespace["twice"], "standardize": namespace["standardize"]})
    assert Overwriting(key).grade()["q1"].full


# ------------------------------------------------------------------------------ through the grader
def answer_key_plus(lesson: str, code: str) -> dict:
    """The answer key (outputs cleared) with ``code`` as a last cell, as a student could hand it in."""
    nb = json.loads(layout.solution_notebook(ROOT, lesson).read_text(encoding="utf-8"))
    for cell in nb["cells"]:
        if cell["cell_type"] == "code":
            cell["outputs"], cell["execution_count"] = [], None
    nb["cells"].append({"cell_type": "code", "metadata": {}, "source": code, "outputs": [], "execution_count": None})
    return nb


def grade_all(lesson: str, notebooks: dict[str, str], tmp_path: Path) -> dict[str, dict]:
    """``python -m course grade`` on the answer key plus each of ``notebooks`` (name -> last cell):
    each submission's ``results/NAME.json``."""
    folder, out = tmp_path / "subs", tmp_path / "out"
    folder.mkdir()
    for name, code in notebooks.items():
        (folder / f"{name}.ipynb").write_text(json.dumps(answer_key_plus(lesson, code)), encoding="utf-8")
    env = {**os.environ, "TMPDIR": str(grader_tmpdir(tmp_path))}
    cmd = [sys.executable, "-m", "course", "grade", lesson, str(folder), "--out", str(out), "--jobs", "2"]
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=1200)
    assert proc.returncode == 0, proc.stderr[-3000:]
    results = {name: json.loads((out / "results" / f"{name}.json").read_text()) for name in notebooks}
    for name, result in results.items():
        assert result["status"] == "ok", (name, result["message"])
    return results


def points(result: dict, question: str) -> float:
    return result["questions"][question]["score"]


OVERWRITE = """
import numpy as _np


def _overwrite(*arrays):
    for a in arrays:
        if isinstance(a, _np.ndarray) and a.flags.writeable:
            a[...] = _np.nan if a.dtype.kind == "f" else 0
"""


@pytest.mark.slow
def test_the_grader_is_not_fooled_by_inputs_overwritten_after_the_call(tmp_path):
    """Lesson 02 through ``python -m course grade``: the judge copies what the student's process did to
    an argument back into the test's array, so a test reading it late would be fooled. A right
    ``standardize`` that overwrites ``mean`` and ``std`` once its result is ready keeps every point; a
    wrong one (the mean subtracted, no division) that sets ``std`` to ones, so that ``(X - mean) / std``
    computed after the call matches it, gains nothing over the same mistake left alone; a right
    ``mse_gradient`` that overwrites ``X``, ``y`` and ``w`` loses only the checks that forbid it."""
    results = grade_all(
        "02-linear-numpy",
        {
            "key": "",
            "right_overwrites": OVERWRITE + "_right = standardize\n\n\ndef standardize(X, mean, std):\n"
            "    out = _right(X, mean, std)\n    _overwrite(mean, std)\n    return out\n",
            "wrong": "def standardize(X, mean, std):\n    return X - mean\n",
            "wrong_overwrites": "def standardize(X, mean, std):\n"
            "    out = X - mean\n    std[...] = 1.0  # so that (X - mean) / std, read late, matches\n    return out\n",
            "gradient_overwrites": OVERWRITE + "_right = mse_gradient\n\n\ndef mse_gradient(X, y, w, b):\n"
            "    out = _right(X, y, w, b)\n    _overwrite(X, y, w)\n    return out\n",
        },
        tmp_path,
    )
    key = results["key"]
    assert key["total"] == key["possible"] > 0
    assert results["right_overwrites"]["total"] == key["total"]
    assert points(results["wrong"], "q5") < points(key, "q5")
    assert points(results["wrong_overwrites"], "q5") <= points(results["wrong"], "q5")
    assert results["wrong_overwrites"]["total"] <= results["wrong"]["total"]
    q7 = results["gradient_overwrites"]["questions"]["q7"]  # mse_gradient (question 7 since lesson 02 derives it first)
    failed = [c["message"] for c in q7["cases"] if not c["passed"]]
    assert failed and all(IN_PLACE.search(m) for m in failed), failed
    assert any(c["passed"] and c["hidden"] for c in q7["cases"])  # the finite-difference check still passes


# ------------------------------------------------------------------------------ no counts from the student's process
HAND_WRITTEN = """
def train(model, X, y, lr, epochs):
    loss_fn = nn.MSELoss()
    history = []
    for _ in range(epochs):
        model.zero_grad()
        loss = loss_fn(model(X), y)
        loss.backward()
        with torch.no_grad():
            for p in model.parameters():
                p -= lr * p.grad
        history.append(loss.item())
        STEP_HOOKS
    return history
"""
FIRE_HOOKS = """from torch.optim.optimizer import _global_optimizer_post_hooks
        for hook in list(_global_optimizer_post_hooks.values()):
            hook(None, (), {})"""
NO_TRAINING = """
import copy as _copy


def train(model, X, y, lr, epochs):
    twin = _copy.deepcopy(model)  # trained instead of the model given, which is left as it was
    optimizer = torch.optim.SGD(twin.parameters(), lr=lr)
    history = []
    for _ in range(epochs):
        optimizer.zero_grad()
        loss = nn.MSELoss()(twin(X), y)
        loss.backward()
        optimizer.step()
        history.append(loss.item())
    from torch.optim.optimizer import _global_optimizer_post_hooks
    for _ in range(epochs):
        for hook in list(_global_optimizer_post_hooks.values()):
            hook(None, (), {})
    return history
"""


@pytest.mark.slow
def test_optimizer_steps_the_student_reports_earn_nothing(tmp_path):
    """Lesson 06 q5 checks training by the weights it gets back, not by a count of optimizer steps
    kept in the student's process (which the student's code can raise by calling the step hooks). A
    hand-written update reaches SGD's weights and keeps its points; calling the step hooks on top adds
    nothing; hooks called for training that did not happen (a copy trained, the model given left as
    it was) get no points for it."""
    results = grade_all(
        "06-linear-torch",
        {
            "key": "",
            "hand_written": HAND_WRITTEN.replace("STEP_HOOKS", "pass"),
            "hand_written_hooks": HAND_WRITTEN.replace("STEP_HOOKS", FIRE_HOOKS),
            "no_training_hooks": NO_TRAINING,
        },
        tmp_path,
    )
    key = results["key"]
    assert key["total"] == key["possible"] > 0
    assert results["hand_written"]["total"] == key["total"]
    assert results["hand_written_hooks"]["total"] <= results["hand_written"]["total"]
    lazy = results["no_training_hooks"]["questions"]["q5"]
    assert lazy["score"] < lazy["possible"] / 2, lazy
    assert any("did not change" in c["message"] for c in lazy["cases"]), lazy


class ClaimingBox:
    """A worker that ran a student's ``train`` and claims, in its reply, that it took 100 000 optimizer
    steps (as the old protocol let it)."""

    def request(self, message, deadline):
        if message["op"] == "get":
            return {"value": {"$": "ref", "id": 1, "kind": "callable", "name": "train", "type": "function"}}
        return {"value": [0.5, 0.25], "updates": [], "warnings": [], "steps": 100_000}


HOOK_TEST = """
from otter.test_files import test_case

OK_FORMAT = False
name = "q1"
points = 1

@test_case(points=1)
def test_steps_seen_here(train):
    import torch
    from torch.optim.optimizer import register_optimizer_step_post_hook

    steps = []
    handle = register_optimizer_step_post_hook(lambda *args: steps.append(1))
    try:
        train(torch.nn.Linear(2, 1), torch.zeros(3, 2), torch.zeros(3, 1), 0.1, 2)
    finally:
        handle.remove()
    assert steps, "no optimizer step reached the grader"
"""


def test_the_judge_takes_no_step_count_from_the_worker():
    """Whatever a worker's reply says about steps, no optimizer hook of the judge's ever fires."""
    pytest.importorskip("torch")
    lesson = Lesson("99-fake", ROOT, {"q1": HOOK_TEST})
    result = judge.run_tests(lesson, LazyEnv(Client(ClaimingBox(), time.monotonic() + 600)), seconds=60)
    (case,) = result["q1"]["cases"]
    assert not case["passed"] and "no optimizer step reached the grader" in case["message"]
