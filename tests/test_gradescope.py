"""The Gradescope autograder zip: uploadable as is, and its entry point grades with the course's
sandboxed grader in an emulated Gradescope container (``gradescope_emulation.py``)."""

import copy
import functools
import io
import json
import os
import re
import shutil
import subprocess
import sys
import zipfile

import pytest
from conftest import require_tool
from gradescope_emulation import emulate, validate
from harness import ROOT

from course import gradescope, layout, lessons, settings
from course.grading import gradescope_entry, sandbox

LESSONS = lessons.all_lessons(ROOT)
FIRST = LESSONS[0]


def can_emulate(test):
    """An emulated Gradescope run: slow, and it needs root and bubblewrap (skips without, fails under CI)."""

    @functools.wraps(test)
    def wrapper(*args, **kwargs):
        require_tool(os.geteuid() == 0, "the Gradescope emulation runs run_autograder as root: run the tests as root")
        require_tool(bool(shutil.which("bwrap")), "bwrap is absent (install it with `apt-get install -y bubblewrap`)")
        return test(*args, **kwargs)

    return pytest.mark.slow(wrapper)


def zip_text(lesson: str, name: str) -> str:
    with zipfile.ZipFile(layout.autograder_zip(ROOT, lesson)) as zf:
        return zf.read(name).decode()


def notebook(path) -> dict:
    return json.loads(path.read_text(encoding="utf-8"))


def as_bytes(nb: dict) -> bytes:
    return json.dumps(nb).encode()


def with_cell(nb: dict, code: str, at: int | None = None) -> dict:
    nb = copy.deepcopy(nb)
    cell = {"cell_type": "code", "metadata": {}, "source": code, "outputs": [], "execution_count": None}
    nb["cells"].insert(len(nb["cells"]) if at is None else at, cell)
    return nb


def key(lesson: str) -> dict:
    return notebook(layout.solution_notebook(ROOT, lesson))


def blank(lesson: str) -> dict:
    return notebook(layout.student_notebook(ROOT, lesson))


def possible(lesson: str) -> float:
    return sum(gradescope_entry.declared_points(ROOT, lesson).values())


def shown(output: str) -> str:
    """An output field as one line of words: its long lines are wrapped, and quoted after the first."""
    return " ".join(output.replace(gradescope_entry.QUOTE, " ").split())


def run(tmp_path, nb_or_files, lesson=FIRST, **kwargs):
    files = nb_or_files if isinstance(nb_or_files, dict) and "cells" not in nb_or_files else None
    files = files or {f"{lesson}.ipynb": as_bytes(nb_or_files)}
    result = emulate(layout.autograder_zip(ROOT, lesson), files, tmp_path, **kwargs)
    assert result.results is not None, result.stdout[-3000:]
    validate(result.results)
    return result


# ---------------------------------------------------------------------------------- the zip's files
@pytest.mark.parametrize("lesson", LESSONS)
def test_setup_installs_cpu_torch_or_fails_and_nothing_for_pdfs_or_browsers(lesson):
    setup, env = zip_text(lesson, "setup.sh"), zip_text(lesson, "environment.yml")
    commands = "\n".join(line for line in setup.splitlines() if not line.lstrip().startswith("#"))
    for word in ("playwright", "chromium", "texlive", "pandoc", "xelatex", "tinytex", "webpdf", "nbconvert"):
        assert word not in commands.lower() and word not in env.lower(), word
    assert "set -euo pipefail" in setup
    assert f"--extra-index-url {gradescope.CPU_INDEX}" in env and f"python={gradescope.PYTHON}" in env
    torch = [line.strip("- ").strip() for line in env.splitlines() if re.match(r"\s*- torch\b", line)]
    assert torch == [f"{gradescope.course_pins(ROOT)['torch']}+cpu"]  # PyPI has no +cpu: no silent CUDA build
    for pin in gradescope.requirements(ROOT):
        assert f"      - {pin}\n" in env
    assert not any(re.match(r"\s*- (nbconvert|otter-grader)\b", line) for line in env.splitlines())
    assert 'pip install --no-deps "$(cat /autograder/source/otter-requirement.txt)"' in setup
    assert zip_text(lesson, "otter-requirement.txt").strip() == gradescope.course_pins(ROOT)["otter-grader"]
    assert f"-b -p {gradescope.MINIFORGE}" in setup and "/root/miniforge3" not in setup
    assert setup.rstrip().endswith(f"{gradescope.ENV_PYTHON} -m {gradescope.ENTRY} --self-check")


@pytest.mark.parametrize("lesson", LESSONS)
def test_run_autograder_starts_the_course_grader_not_otter(lesson):
    script = zip_text(lesson, "run_autograder")
    assert f"exec {gradescope.ENV_PYTHON} -E -s -m {gradescope.ENTRY}" in script
    with zipfile.ZipFile(layout.autograder_zip(ROOT, lesson)) as zf:
        names = set(zf.namelist())
        modes = {info.filename: (info.external_attr >> 16) & 0o777 for info in zf.infolist()}
    assert "run_otter.py" not in names and "otter_config.json" not in names
    assert modes["run_autograder"] == modes["setup.sh"] == 0o755
    tests = {
        f"autograder/{lesson}/tests/{p.name}" for p in (layout.autograder_dir(ROOT, lesson) / "tests").glob("*.py")
    }
    assert tests and tests <= names
    grading = {f"course/grading/{name}.py" for name in ("gradescope_entry", "judge", "fonts", "sandboxed/worker")}
    sandbox_package = {p.relative_to(ROOT).as_posix() for p in (ROOT / "course/grading/sandbox").glob("*.py")}
    assert grading | sandbox_package <= names
    assert not any(n.startswith(("source/", "solutions/")) or n.endswith(".ipynb") for n in names)
    info = json.loads(zip_text(lesson, "gradescope.json"))
    assert info["lesson"] == lesson and info["written"] == gradescope.written_questions(lesson, ROOT)


@pytest.mark.slow
def test_the_grading_environment_holds_what_grading_imports(tmp_path):
    """The zip's own code, in a fresh process, loads the hidden tests and the worker's shell without
    nbconvert (left out of the image), and every module it imports comes from a listed requirement."""
    with zipfile.ZipFile(layout.autograder_zip(ROOT, FIRST)) as zf:
        zf.extractall(tmp_path)
    code = (
        "import sys, json\n"
        "from course.grading import gradescope_entry\n"
        "assert gradescope_entry.self_check() == 0\n"
        "import IPython.core.interactiveshell\n"
        "from importlib import metadata\n"
        "names = {m.split('.')[0] for m in sys.modules} - set(sys.stdlib_module_names)\n"
        "dists = metadata.packages_distributions()\n"
        "print(json.dumps(sorted({d for m in names for d in dists.get(m, [])})))\n"
    )
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    proc = subprocess.run([sys.executable, "-s", "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr[-3000:]
    used = {re.sub(r"[-_.]+", "-", d).lower() for d in json.loads(proc.stdout.splitlines()[-1])}
    assert "nbconvert" not in used and "playwright" not in used
    listed = {gradescope._name(r) for r in gradescope.requirements(ROOT)} | {"otter-grader"}
    installed = set().union(*(_closure(name) for name in listed))
    assert used - installed <= OPPORTUNISTIC, used - installed


@pytest.mark.slow
def test_the_self_check_fails_the_image_where_no_sandbox_works(tmp_path):
    """setup.sh's self-check proves a sandbox with a probe worker: on a host where no mode isolates a
    student's process it fails the image build with a sentence, instead of every submission being refused."""
    with zipfile.ZipFile(layout.autograder_zip(ROOT, FIRST)) as zf:
        zf.extractall(tmp_path)
    code = "import sys\nfrom course.grading import gradescope_entry\nsys.exit(gradescope_entry.self_check())\n"
    env = {"PATH": os.environ["PATH"], "HOME": str(tmp_path)}
    works = subprocess.run([sys.executable, "-s", "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert works.returncode == 0 and "sandbox: " in works.stdout, works.stderr[-2000:]
    env[sandbox.DISABLE_ENV] = "all"
    fails = subprocess.run([sys.executable, "-s", "-c", code], cwd=tmp_path, env=env, capture_output=True, text=True)
    assert fails.returncode == 1
    assert "SELF-CHECK FAILED: no sandbox works on this image" in fails.stderr, fails.stderr[-2000:]
    assert "Traceback" not in fails.stderr


OPPORTUNISTIC = {
    "arrow", "fqdn", "isoduration", "jsonpointer", "rfc3339-validator", "rfc3986-validator", "rfc3987-syntax",
    "uri-template", "webcolors", "lark", "six", "toml",
}  # fmt: skip
"""Imported here only because installed: jsonschema's optional format checkers (its ``format``
extras), and python-frontmatter's optional TOML support."""


def _closure(name: str, seen=None) -> set[str]:
    """``name`` and everything pip installs with it (its requirements, recursively, no extras)."""
    from importlib import metadata

    seen = set() if seen is None else seen
    if name in seen:
        return seen
    seen.add(name)
    try:
        reqs = metadata.requires(name) or []
    except metadata.PackageNotFoundError:
        return seen
    for req in reqs:
        if "extra ==" not in req:
            _closure(gradescope._name(req), seen)
    return seen


def test_gradescope_settings_defaults_and_errors(tmp_path):
    (tmp_path / "course.toml").write_text("[publish]\nowner = 'a'\nrepo = 'b'\nref = 'main'\n")
    assert settings.load_gradescope(tmp_path) == settings.Gradescope()
    assert settings.load_gradescope(ROOT).visibility == "after_published"
    from course.grading import sandbox

    assert settings.SANDBOXES == sandbox.MODES
    for bad in ("visibility = 'later'", "timeout = 'long'", "cell_timeout = 900", "sandbox = 'docker'", "colour = 1"):
        (tmp_path / "course.toml").write_text(f"[gradescope]\n{bad}\n")
        with pytest.raises(settings.SettingsError, match=r"\[gradescope\]"):
            settings.load_gradescope(tmp_path)


def test_results_never_show_hidden_checks_before_publishing():
    result = {
        "status": "ok",
        "message": "",
        "seconds": 3.0,
        "total": 1.0,
        "questions": {
            "q1": {
                "score": 1.0,
                "possible": 3.0,
                "cases": [
                    {"hidden": False, "passed": True, "points": 1.0, "message": ""},
                    {"hidden": True, "passed": False, "points": 2.0, "message": "SECRET hidden hint \x1b[2J"},
                ],
            }
        },
    }
    info = {"lesson": FIRST, "written": [{"name": "q9", "points": 2.0}]}
    out = gradescope_entry.results_json(result, info, settings.Gradescope(), [], "my answer")
    validate(out)
    visible = [t for t in out["tests"] if t["visibility"] == "visible"]
    assert visible and all("SECRET" not in t["output"] and t["max_score"] == 0 for t in visible)
    assert "SECRET" not in out["output"]
    later = [t for t in out["tests"] if t["visibility"] == "after_published"]
    assert any("SECRET hidden hint" in t["output"] and "\x1b" not in t["output"] for t in later)
    assert [t["name"] for t in later] == ["q1", "Written answers (2 points, graded by hand)"]
    assert sum(t["score"] for t in out["tests"]) == 1.0
    validate(gradescope_entry.provisional())


FORGED_TOTAL = "Total: 22 / 22 (100%). All hidden checks passed."
BREAKS = ["\n", "\r\n", "\r", "\v", "\f", "\x1c", "\x85", "\u2028", "\u2029", "\n" + " " * 300]
"""Every way a student's text can start a new line on the page (a run of spaces: where a browser wraps)."""


def grader_lines_only(text: str, forged: str) -> None:
    """``forged`` shows in ``text`` (the student's text is kept), but only on quoted lines: no line of
    the student's can pass for one of the grader's own."""
    assert forged in " ".join(text.replace(gradescope_entry.QUOTE, " ").split())
    for line in text.split("\n"):
        if forged.split()[0] in line and not line.startswith(gradescope_entry.QUOTE):
            assert not line.lstrip().startswith(forged.split()[0]), f"a student's line stands alone: {line!r}"
        assert len(line) <= len(gradescope_entry.QUOTE) + 160, line


@pytest.mark.parametrize("brk", BREAKS, ids=repr)
def test_student_text_cannot_forge_the_graders_lines(brk):
    """An exception message or printed text with line breaks (of every kind) keeps them, each further
    line behind a quote mark, in the top-level output and in every row."""
    student = f"nothing to see{brk}{FORGED_TOTAL}{brk}{brk}\t{FORGED_TOTAL}"
    result = {
        "status": "ok",
        "message": f"1 cell(s) raised errors; first: cell 3 ValueError: {student}",
        "seconds": 3.0,
        "total": 0.0,
        "questions": {
            "q1": {
                "score": 0.0,
                "possible": 4.0,
                "cases": [
                    {"hidden": False, "passed": False, "points": 2.0, "message": f"X_shape raised: {student}"},
                    {"hidden": True, "passed": False, "points": 2.0, "message": student},
                ],
            }
        },
    }
    notes = [f"Graded file: {FORGED_TOTAL}{brk}{FORGED_TOTAL}.ipynb"]
    out = gradescope_entry.results_json(result, {"lesson": FIRST}, settings.Gradescope(), notes, None)
    validate(out)
    grader_lines_only(out["output"], FORGED_TOTAL)
    assert out["output"].startswith(f"{FIRST}: graded by the course's sandboxed grader.\nGrading status: ok.")
    for row in out["tests"]:
        grader_lines_only(row["output"], FORGED_TOTAL)
    (q1,) = [t for t in out["tests"] if t["name"] == "q1"]
    assert q1["output"].startswith("check 1: failed: X_shape raised: nothing to see\n")
    assert "\nhidden check 2: failed: nothing to see\n" in q1["output"]


def test_a_written_answer_cannot_forge_a_question_header():
    written = [{"name": "q7", "points": 2.0}, {"name": "q8", "points": 3.0}]
    forged = "=== q8 (3 points, graded by hand) ===\nA perfect answer to q8, from the q7 cell."
    cells = [
        {"cell_type": "markdown", "metadata": {"tags": ["otter_answer_cell"]}, "source": f"My answer.\n\n{forged}"},
        {"cell_type": "markdown", "metadata": {"tags": ["otter_answer_cell"]}, "source": "=== q99 ===\r\u2028x"},
    ]
    text = gradescope_entry.written_answers(json.dumps({"cells": cells}).encode(), written)
    headers = [line for line in text.split("\n") if line.startswith("===")]
    assert headers == ["=== q7 (2 points, graded by hand) ===", "=== q8 (3 points, graded by hand) ==="]
    lines = text.split("\n")
    assert lines[1] == gradescope_entry.QUOTE + "My answer."
    assert lines[lines.index(headers[1]) + 1] == gradescope_entry.QUOTE + "=== q99 ==="
    assert f"{gradescope_entry.QUOTE}{forged.splitlines()[0]}" in lines  # kept, as the student's text


# ---------------------------------------------------------------------------------- emulated runs
@pytest.mark.slow
@can_emulate
@pytest.mark.parametrize("lesson", LESSONS)
def test_answer_key_full_and_blank_zero(lesson, tmp_path):
    full = run(tmp_path / "key", key(lesson), lesson)
    assert full.total == pytest.approx(possible(lesson)) and full.total > 0, full.results["output"]
    assert all(score == top for score, top in full.scores.values())
    assert "sandbox: uid" in full.stdout  # as root without working bubblewrap: a user id per job
    nothing = run(tmp_path / "blank", blank(lesson), lesson)
    assert nothing.total == 0 and len(nothing.scores) == len(full.scores)
    for results in (full.results, nothing.results):
        visible = [t for t in results["tests"] if t["visibility"] == "visible"]
        assert visible and all(not re.search(r"hidden check \d", t["output"]) and t["max_score"] == 0 for t in visible)
        assert {t["visibility"] for t in results["tests"] if t["max_score"] > 0} == {"after_published"}


ATTACKS = {
    "rewrite the tests in place": """
import glob
done = []
for path in glob.glob("/autograder/**/*.py", recursive=True) + glob.glob("/autograder/source/*"):
    try:
        with open(path, "a") as f:
            f.write("\\n")
        done.append(path)
    except OSError as err:
        done.append(type(err).__name__)
X_shape = "attack ran: " + " ".join(sorted(set(done)))[:200]
""",
    "patch Otter's test class before the first check": """
import sys
sys.modules.pop("otter", None)
import numpy as np
import otter.test_files.abstract_test as abstract
import otter.test_files.exception_test as exception
for cls in (abstract.TestFile, exception.ExceptionTestFile):
    cls.run = lambda self, *a, **k: None
    cls.score = property(lambda self: 1e9)
    cls.passed_all = property(lambda self: True)
np.allclose = np.array_equal = np.isclose = lambda *a, **k: True
X_shape = "attack ran: patched " + exception.ExceptionTestFile.__name__
""",
    "write results.json now and from a daemon after the grader exits": """
import json, os, subprocess, sys
fake = {"score": 22.0, "tests": [{"name": "q1", "score": 22.0, "max_score": 22.0, "status": "passed",
        "output": "FORGED", "visibility": "visible"}]}
daemon = '''
import os, sys, time
if os.fork(): os._exit(0)
os.setsid()
if os.fork(): os._exit(0)
for _ in range(60):
    for path in ("/autograder/results/results.json", "/autograder/results/forged.json"):
        try:
            with open(path, "w") as f:
                f.write(sys.argv[1])
        except OSError:
            pass
    time.sleep(0.5)
'''
subprocess.Popen([sys.executable, "-c", daemon, json.dumps(fake)], start_new_session=True)
try:
    with open("/autograder/results/results.json", "w") as f:
        f.write(json.dumps(fake))
    X_shape = "attack ran: wrote results.json"
except OSError as err:
    X_shape = "attack ran: " + type(err).__name__
""",
    "read the hidden tests": """
try:
    X_shape = "attack ran: " + open("/autograder/source/autograder/01-warmup/tests/q1.py").read()
except OSError as err:
    X_shape = "attack ran: " + type(err).__name__
""",
}


@pytest.mark.slow
@can_emulate
@pytest.mark.parametrize("attack", list(ATTACKS))
def test_tampering_earns_nothing(attack, tmp_path):
    result = run(tmp_path, with_cell(blank(FIRST), ATTACKS[attack]), wait_after=10)
    text = json.dumps(result.results)
    assert "attack ran: " in text  # the attack's cell did run (its message reached the q1 check)
    assert result.total == 0, result.results
    assert result.at_exit == result.results  # 10 s later, nothing rewrote results.json
    assert result.left_running == []  # no process of the student's outlived run_autograder
    assert "FORGED" not in text and "def test_" not in text and "test_case(" not in text
    assert not (result.home / "results" / "forged.json").exists()
    for folder in ("", "source", "submission", "results"):
        assert (os.stat(result.home / folder).st_mode & 0o777) == 0o700, folder


@pytest.mark.slow
@can_emulate
def test_exception_messages_cannot_forge_the_total_through_the_entry_point(tmp_path):
    """The attack as a student would make it: a cell's exception and an answer's exception, each with
    the grader's "Total" line after a line break. The results keep them, quoted; the score stays 0."""
    forged = f"oops\\n{FORGED_TOTAL}\\u2028{FORGED_TOTAL}"
    nb = with_cell(blank(FIRST), f'raise ValueError("{forged}")')
    nb = with_cell(nb, f'def softmax(z):\n    raise ValueError("{forged}")')
    result = run(tmp_path, nb)
    assert result.total == 0
    assert "ValueError: oops" in shown(result.results["output"])
    grader_lines_only(result.results["output"], FORGED_TOTAL)
    rows = [row for row in result.results["tests"] if "Total:" in row["output"]]
    assert rows  # softmax's message reached q4's rows
    for row in rows:
        grader_lines_only(row["output"], FORGED_TOTAL)


@pytest.mark.slow
@can_emulate
def test_an_endless_loop_gives_results_in_time_with_the_other_points(tmp_path):
    nb = with_cell(key(FIRST), "while True:\n    pass", at=len(key(FIRST)["cells"]) // 2)
    nb = with_cell(nb, "def softmax(z):\n    while True:\n        pass")  # and one inside a tested function
    result = run(tmp_path, nb, settings={"timeout": 120, "cell_timeout": 5})
    assert result.seconds < 600  # Gradescope's default limit
    assert result.results["extra_data"]["status"] == "timeout"
    assert "did not finish in 5 s" in shown(result.results["output"])
    scores = result.scores
    assert scores["q1"] == (4.0, 4.0) and scores["q2"] == (2.0, 2.0)  # untouched by the loops
    assert 0 < result.total < possible(FIRST) and scores["q4"][0] < scores["q4"][1]


@pytest.mark.slow
@can_emulate
def test_unreadable_files_give_zero_with_a_readable_message(tmp_path):
    garbage = run(tmp_path / "garbage", {f"{FIRST}.ipynb": b"\x89PNG\r\n\x1a\n not a notebook"})
    assert garbage.total == 0 and garbage.results["extra_data"]["status"] == "invalid"
    text = shown(garbage.results["output"])
    assert "could not be graded" in text and "invalid JSON" in text
    nothing = run(tmp_path / "none", {"notes.txt": b"I forgot the notebook"})
    assert nothing.total == 0 and "No notebook found in your upload" in shown(nothing.results["output"])


@pytest.mark.slow
@can_emulate
def test_notebook_without_otter_metadata_and_an_export_zip_are_graded_as_locally(tmp_path):
    nb = key(FIRST)
    nb["metadata"].pop("otter", None)
    nb["metadata"].pop("course", None)
    plain = run(tmp_path / "plain", nb)
    assert plain.total == pytest.approx(possible(FIRST)), plain.results["output"]
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as zf:
        zf.writestr(f"{FIRST}.ipynb", as_bytes(key(FIRST)))
        zf.writestr(".OTTER_LOG", b"")
    exported = run(tmp_path / "zip", {"export.zip": buffer.getvalue(), "notes.txt": b"hi"})
    assert exported.total == pytest.approx(possible(FIRST))
    assert f"export.zip ({FIRST}.ipynb)" in shown(exported.results["output"])


@pytest.mark.slow
@can_emulate
def test_written_answers_reach_the_graders(tmp_path):
    lesson = next((name for name in LESSONS if gradescope.written_questions(name, ROOT)), None)
    if lesson is None:
        pytest.skip("no lesson has a written question")
    nb = blank(lesson)
    cells = [
        c for c in nb["cells"] if c["cell_type"] == "markdown" and "otter_answer_cell" in c["metadata"].get("tags", [])
    ]
    forged = "=== q99 (100 points, graded by hand) ===\nA full-marks answer."  # a header of its own
    cells[0]["source"] = f"Class numbers claim an order and equal spacing that the classes do not have.\n{forged}"
    result = run(tmp_path, nb, lesson)
    (row,) = [t for t in result.results["tests"] if t["name"].startswith("Written answers")]
    points = sum(q["points"] for q in gradescope.written_questions(lesson, ROOT))
    assert row["visibility"] == "after_published" and row["max_score"] == 0 and f"({points:g} points" in row["name"]
    assert "Class numbers claim an order" in row["output"]
    headers = [line for line in row["output"].split("\n") if line.startswith("===")]
    assert len(headers) == len(gradescope.written_questions(lesson, ROOT)) and "q99" not in "".join(headers)
    assert f"{gradescope_entry.QUOTE}=== q99 (100 points" in row["output"]  # kept, quoted as the student's
    assert result.total == 0
