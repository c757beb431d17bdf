"""``python -m course grade``: the samples of every lesson, reruns, determinism, and the data protocol."""

import csv
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from conftest import grader_tmpdir
from harness import ROOT

from course import instructor_files, layout, lessons
from course.grading.judge import Lesson, Remote
from course.grading.sandboxed import bridge

EXAMPLES = ROOT / "examples" / "submissions"
WITH_EXAMPLES = [n for n in lessons.all_lessons(ROOT) if (EXAMPLES / n.split("-")[0] / "correct.ipynb").exists()]


def grade(args, tmp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "TMPDIR": str(grader_tmpdir(tmp))}
    cmd = [sys.executable, "-m", "course", "grade", *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


def rows(out: Path) -> dict[str, dict]:
    with (out / "grades.csv").open(newline="", encoding="utf-8") as f:
        return {r["name"]: r for r in csv.DictReader(f)}


def blanked(nb_path: Path) -> set[str]:
    src = "".join(json.loads(nb_path.read_text())["cells"][-1]["source"])
    return {line.split(" = ")[0] for line in src.splitlines() if line.endswith(" = ...")}


@pytest.mark.slow
@pytest.mark.parametrize("lesson", WITH_EXAMPLES)
def test_samples_get_their_expected_points(lesson, tmp_path):
    folder = tmp_path / "subs"
    shutil.copytree(EXAMPLES / lesson.split("-")[0], folder, ignore=shutil.ignore_patterns("infinite-loop.ipynb"))
    out = tmp_path / "out"
    proc = grade([lesson, str(folder), "--out", str(out), "--jobs", "2"], tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = rows(out)
    spec = Lesson(lesson, ROOT)
    written = instructor_files.written_questions(lesson, ROOT)
    by_hand = sum(q["points"] for q in written)
    possible = float(got["correct"]["possible"])
    assert possible == sum(spec.possible.values()) + by_hand
    # the auto-graded points are all there; the written questions wait to be graded by hand
    assert got["correct"]["status"] == "ok" and float(got["correct"]["total"]) == possible - by_hand > 0, got["correct"]
    assert float(got["correct"]["to_grade_by_hand"]) == by_hand
    for q in written:
        assert got["correct"][q["name"]] == f"to grade by hand ({q['points']:g} points)"
        assert (out / "written" / f"{q['name']}.md").exists()
        assert f"| {q['name']} | to grade by hand" in (out / "feedback" / "correct.md").read_text()
    assert got["blank"]["status"] == "ok" and float(got["blank"]["total"]) == 0
    assert got["broken"]["status"] == "invalid"
    names = blanked(folder / "partial.ipynb")
    partial = got["partial"]
    for q, params in spec.params_by_question.items():
        full = float(got["correct"][q])
        if names & set(params):
            assert float(partial[q]) < full, f"{q} should lose points without {names & set(params)}"
        else:
            assert float(partial[q]) == full, f"{q} does not use the blanked answers: {partial}"
    if len(spec.params_by_question) > 1:
        assert 0 < float(partial["total"]) < possible
    else:  # one auto-graded question: the "later questions" make_examples.py blanks are that one
        assert float(partial["total"]) == 0 and names
    assert list((tmp_path / "tmp").iterdir()) == []


@pytest.mark.slow
def test_quick_start_command_grades_the_lesson_01_samples(tmp_path):
    """README's `python -m course grade 01 examples/submissions/01 --out grades` (shorter cell timeout)."""
    out = tmp_path / "grades"
    proc = grade(["01", str(EXAMPLES / "01"), "--out", str(out), "--cell-timeout", "3"], tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    got = rows(out)
    assert got["infinite-loop"]["status"] == "timeout"
    assert float(got["infinite-loop"]["total"]) == float(got["correct"]["total"]) == 22  # the rest still ran
    assert "did not finish in 3 s" in got["infinite-loop"]["message"]
    assert "full marks" in proc.stdout and "grading 5 submission(s)" in proc.stderr


@pytest.mark.slow
def test_rerun_skips_graded_rows_and_regrade_is_deterministic(tmp_path):
    folder, out = tmp_path / "subs", tmp_path / "out"
    folder.mkdir()
    for name in ("partial", "correct"):
        shutil.copy(EXAMPLES / "01" / f"{name}.ipynb", folder / f"{name}.ipynb")
    first = grade(["01", str(folder), "--out", str(out)], tmp_path)
    assert first.returncode == 0, first.stderr[-2000:]
    before = rows(out)
    again = grade(["01", str(folder), "--out", str(out)], tmp_path)
    assert "grading 0 submission(s) of 01-warmup (2 already graded)" in again.stderr
    assert rows(out) == before
    # an interrupted batch: the last row never got written; a changed file is graded again
    text = (out / "grades.csv").read_text().splitlines()
    (out / "grades.csv").write_text("\n".join(text[:-1]) + "\n")
    shutil.copy(EXAMPLES / "01" / "blank.ipynb", folder / "correct.ipynb")
    third = grade(["01", str(folder), "--out", str(out)], tmp_path)
    assert "grading 2 submission(s)" in third.stderr or "grading 1 submission(s)" in third.stderr
    assert float(rows(out)["correct"]["total"]) == 0
    regraded = grade(["01", str(folder), "--out", str(out), "--regrade"], tmp_path)
    assert "grading 2 submission(s)" in regraded.stderr
    points = {n: {k: v for k, v in r.items() if k not in ("seconds",)} for n, r in rows(out).items()}
    assert points["partial"] == {k: v for k, v in before["partial"].items() if k != "seconds"}


def test_user_mistakes_are_clear_errors(tmp_path):
    missing = grade(["01", str(tmp_path / "nope"), "--out", str(tmp_path / "o")], tmp_path)
    assert missing.returncode == 1 and "no such file or folder" in missing.stderr and "Traceback" not in missing.stderr
    (tmp_path / "empty").mkdir()
    none = grade(["01", str(tmp_path / "empty"), "--out", str(tmp_path / "o")], tmp_path)
    assert none.returncode == 1 and "no submissions found" in none.stderr


def test_a_tmpdir_the_job_user_cannot_reach_is_a_clear_refusal(tmp_path):
    """uid mode (root, no bubblewrap) with a private TMPDIR: one sentence saying what to change, no traceback."""
    if os.geteuid() != 0:
        pytest.skip("the uid mode needs a grader running as root")
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    env = {**os.environ, "TMPDIR": str(private)}
    cmd = [sys.executable, "-m", "course", "grade", "01", str(EXAMPLES / "01"), "--out", str(tmp_path / "o")]
    proc = subprocess.run([*cmd, "--sandbox", "uid"], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert proc.returncode == 1 and "Traceback" not in proc.stderr, proc.stderr[-2000:]
    assert "cannot reach its folder" in proc.stderr and "set TMPDIR" in proc.stderr
    assert not (tmp_path / "o" / "grades.csv").exists()


# ------------------------------------------------------------------------------ the data protocol
def roundtrip(value):
    codec = bridge.Codec()
    return codec.decode(bridge.loads(bridge.dumps(codec.encode(value))))


def test_values_cross_as_data():
    arr = np.arange(6, dtype=np.float32).reshape(2, 3)
    assert roundtrip((1, 2.5, "a", None, ..., [True])) == (1, 2.5, "a", None, ..., [True])
    back = roundtrip({"a": arr, 3: np.float64(0.5), "b": np.bool_(True)})
    assert back["a"].dtype == np.float32 and np.array_equal(back["a"], arr) and back["a"].flags.writeable
    assert type(back["b"]) is np.bool_ and type(back[3]) is np.float64
    assert np.isnan(roundtrip(float("nan"))) and roundtrip(2**80) == 2**80


def test_frames_cross_with_their_dtypes_within_the_decode_budget():
    import pandas as pd

    frame = pd.read_csv(ROOT / "data" / "ames.csv")
    frame["kind"] = pd.Categorical(["a", "b"] * (len(frame) // 2) + ["a"] * (len(frame) % 2))
    frame["count"] = pd.array([1, None] * (len(frame) // 2) + [3] * (len(frame) % 2), dtype="Int64")
    frame["when"] = pd.to_datetime(["2020-01-01"] * len(frame))
    codec = bridge.Codec()
    message = bridge.loads(bridge.dumps({"value": codec.encode(frame)}))
    back = codec.decode(message["value"], message.budget)
    assert back.equals(frame) and list(back.dtypes) == list(frame.dtypes)
    assert message.budget.left > 0.5 * message.budget.limit  # an honest frame uses a fraction of it


def test_subclasses_lose_their_methods():
    class Liar(str):
        def __eq__(self, other):
            return True

        __hash__ = str.__hash__

    back = roundtrip(Liar("low"))
    assert type(back) is str and back != "medium"


def test_decoding_refuses_code_and_objects():
    codec = bridge.Codec()
    bad = [
        {"$": "nd", "dtype": "|O", "shape": [1], "data": "AAAAAAAAAAA="},
        {"$": "pickle", "data": ""},
        {"$": "module", "module": "os", "cls": "system", "training": True, "attrs": {}, "params": {}, "buffers": {},
         "modules": {}},
        {"$": "ref", "id": 1},
        {"$": "nd", "dtype": "<f8", "shape": [2], "data": "AAAAAAAAAAA="},
    ]  # fmt: skip
    for value in bad:
        with pytest.raises(bridge.CodecError):
            codec.decode(value)


def test_torch_values_and_modules_are_rebuilt():
    torch = pytest.importorskip("torch")
    model = torch.nn.Sequential(torch.nn.Linear(3, 2), torch.nn.ReLU())
    back = roundtrip(model)
    assert isinstance(back, torch.nn.Sequential) and isinstance(back[0], torch.nn.Linear)
    assert back[0].in_features == 3 and torch.equal(back[0].weight, model[0].weight)
    x = torch.randn(4, 3)
    assert torch.allclose(back(x), model(x))
    t = torch.ones(2, requires_grad=True)
    assert roundtrip(t).requires_grad and roundtrip(torch.device("cpu")) == torch.device("cpu")


def test_proxies_do_not_forward_comparisons():
    class Client:
        def op(self, message):
            raise AssertionError("no comparison may reach the student's process")

    proxy = Remote(Client(), 1, "thing")
    assert (proxy == "medium") is False and (proxy != proxy) is False
    with pytest.raises(TypeError):
        float(proxy)


def test_lesson_reads_answer_names_without_otter():
    spec = Lesson("01-warmup", ROOT)
    assert spec.params_by_question["q4"] == ["softmax"]
    assert spec.questions == [
        p.stem for p in sorted((layout.autograder_dir(ROOT, "01-warmup") / "tests").glob("q?.py"))
    ]


@pytest.mark.parametrize("lesson", lessons.all_lessons(ROOT))
def test_sample_submissions_are_current(lesson, tmp_path):
    """examples/submissions/NN/ is what examples/make_examples.py makes from today's lesson files."""
    import importlib.util

    spec = importlib.util.spec_from_file_location("make_examples", ROOT / "examples" / "make_examples.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    module.make(lesson, tmp_path)
    number = lesson.split("-")[0]
    fresh, committed = tmp_path / number, ROOT / "examples" / "submissions" / number
    assert sorted(p.name for p in fresh.iterdir()) == sorted(p.name for p in committed.iterdir())
    for path in fresh.iterdir():
        assert path.read_bytes() == (committed / path.name).read_bytes(), (
            f"examples/submissions/{number}/{path.name} is stale: run python examples/make_examples.py"
        )
