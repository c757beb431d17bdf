"""The Gradescope autograder zip: uploadable as is, and its own entry point grades correctly."""

import json
import shutil
import subprocess
import sys
import zipfile

import pytest
from harness import ROOT

from course import gradescope, layout, lessons

LESSONS = lessons.all_lessons(ROOT)


@pytest.mark.parametrize("lesson", LESSONS)
def test_zip_installs_cpu_torch_and_no_browser(lesson):
    with zipfile.ZipFile(layout.autograder_zip(ROOT, lesson)) as zf:
        setup = zf.read("setup.sh").decode()
        env = zf.read("environment.yml").decode()
    assert "playwright" not in setup and "chromium" not in setup and "texlive" not in setup
    assert f"--extra-index-url {gradescope.CPU_INDEX}" in env and "python=3.11" in env
    for pin in gradescope.requirements(ROOT):
        assert f"- {pin}" in env


def run_entry_point(zip_path, notebook, tmp_path) -> dict[str, float]:
    """Lay out /autograder as Gradescope does (under tmp_path) and run the zip's run_otter.py."""
    home = tmp_path / "autograder"
    for sub in ("source", "submission", "results"):
        (home / sub).mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as zf:
        zf.extractall(home / "source")
    shutil.copy(notebook, home / "submission" / notebook.name)
    script = (home / "source" / "run_otter.py").read_text().replace('"/autograder"', repr(str(home)))
    entry = home / "source" / "run_here.py"
    entry.write_text(script)
    proc = subprocess.run(
        [sys.executable, str(entry)], cwd=home / "source", capture_output=True, text=True, timeout=600
    )
    results = home / "results" / "results.json"
    assert results.exists(), proc.stdout[-3000:] + proc.stderr[-3000:]
    tests = json.loads(results.read_text())["tests"]
    return {t["name"]: (t["score"], t["max_score"]) for t in tests if "max_score" in t}


@pytest.mark.parametrize("lesson", LESSONS)
def test_zip_entry_point_grades_answer_key_full_and_blank_zero(lesson, tmp_path):
    zip_path = layout.autograder_zip(ROOT, lesson)
    full = run_entry_point(zip_path, layout.solution_notebook(ROOT, lesson), tmp_path / "key")
    assert full and all(score == possible > 0 for score, possible in full.values()), full
    blank = run_entry_point(zip_path, layout.student_notebook(ROOT, lesson), tmp_path / "blank")
    assert blank and all(score == 0 for score, _ in blank.values()), blank
