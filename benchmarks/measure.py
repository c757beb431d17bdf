"""Measurements used by ``benchmarks/run.py``; each returns plain numbers."""

from __future__ import annotations

import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import nbformat

from course import execute, layout, notebooks

ROOT = layout.ROOT

PEAK_RSS_CELL = "import resource as _r, sys as _s\nprint('PEAK_RSS_KB', _r.getrusage(_r.RUSAGE_SELF).ru_maxrss)"


def _scratch_lesson(tmp: Path, lesson: str) -> Path:
    """A scratch copy of the student folder, with ../../data reachable as in the repository."""
    folder = tmp / layout.NOTEBOOKS / lesson
    shutil.copytree(layout.student_dir(ROOT, lesson), folder)
    (tmp / layout.DATA).symlink_to(ROOT / layout.DATA)
    return folder


def _printed(nb, marker: str) -> str:
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            text = out.get("text", "")
            if marker in text:
                return text.split(marker, 1)[1].split()[0]
    raise RuntimeError(f"{marker} not printed")


def run_answer_key(lesson: str) -> tuple[float, float]:
    """One top-to-bottom run of the answer key in a fresh kernel: (seconds, peak RSS in MiB).

    The time covers kernel start and every cell, as a student's Restart & Run All does.
    """
    nb = notebooks.clear_outputs(notebooks.read(layout.solution_notebook(ROOT, lesson)))
    nb.cells.append(nbformat.v4.new_code_cell(PEAK_RSS_CELL))
    with tempfile.TemporaryDirectory() as tmp:
        cwd = _scratch_lesson(Path(tmp), lesson)
        start = time.perf_counter()
        nb = execute.run(nb, cwd)
        seconds = time.perf_counter() - start
    return seconds, int(_printed(nb, "PEAK_RSS_KB")) / 1024


def check_latencies(lesson: str, repeats: int) -> dict[str, float]:
    """Median seconds of each ``grader.check("qN")`` after the answer key has run in the kernel."""
    nb = notebooks.clear_outputs(notebooks.read(layout.solution_notebook(ROOT, lesson)))
    questions = sorted(p.stem for p in (layout.student_dir(ROOT, lesson) / "tests").glob("q*.py"))
    timing = (
        "import otter as _o, time as _t, statistics as _st, json as _j\n"
        "_g = _o.Notebook(tests_dir='tests')\n"
        f"_res = {{}}\nfor _q in {questions!r}:\n"
        "    _ts = []\n"
        f"    for _ in range({repeats}):\n"
        "        _t0 = _t.perf_counter(); _g.check(_q); _ts.append(_t.perf_counter() - _t0)\n"
        "    _res[_q] = _st.median(_ts)\n"
        "print('CHECKS', _j.dumps(_res).replace(' ', ''))"
    )
    nb.cells.append(nbformat.v4.new_code_cell(timing))
    with tempfile.TemporaryDirectory() as tmp:
        nb = execute.run(nb, _scratch_lesson(Path(tmp), lesson))
    import json

    return json.loads(_printed(nb, "CHECKS"))


def bare_execution(notebook: Path, lesson: str) -> float:
    """Seconds for nbclient to run a notebook top to bottom in a fresh kernel (errors allowed)."""
    nb = notebooks.read(notebook)
    with tempfile.TemporaryDirectory() as tmp:
        cwd = _scratch_lesson(Path(tmp), lesson)
        start = time.perf_counter()
        execute.run(nb, cwd, allow_errors=True)
        return time.perf_counter() - start


def otter_run(notebook: Path, lesson: str) -> float:
    """Seconds for ``otter run`` to grade one notebook with the lesson's hidden tests (in a zip of
    Otter's own format: the Gradescope zip runs our grader, not Otter's)."""
    from course.gradescope import otter_zip

    otter = Path(sys.executable).with_name("otter")
    with tempfile.TemporaryDirectory() as out, tempfile.TemporaryDirectory() as tmp:
        zipped = otter_zip(lesson, ROOT, Path(tmp) / f"{lesson}-otter.zip")
        start = time.perf_counter()
        subprocess.run(
            [str(otter), "run", "-a", str(zipped), "-o", out, str(notebook)],
            capture_output=True,
            check=True,
        )
        return time.perf_counter() - start


def course_grade(lesson: str, submissions: list[Path], jobs: int, sandbox: str = "auto") -> dict:
    """``python -m course grade`` on a batch.

    Returns ``wall`` (seconds of the whole command), ``rows`` (the grader's own seconds for each
    submission, from ``grades.csv``: its worker's start, the cells and the tests), ``cores`` (CPU
    seconds of the command and its processes per wall second; meaningful with ``sandbox="none"``,
    since processes inside a bubblewrap PID namespace are not accounted to us), and ``sandbox``: the
    isolation the grader says it used (its ``sandbox: MODE (...)`` line on stderr).
    """
    import csv
    import resource

    with tempfile.TemporaryDirectory() as out:
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        proc = subprocess.run(
            [sys.executable, "-m", "course", "grade", lesson, *map(str, submissions)]
            + ["--out", out, "--jobs", str(jobs), "--sandbox", sandbox],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=True,
        )
        wall = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        with open(Path(out) / "grades.csv", newline="") as f:
            rows = [float(r["seconds"]) for r in csv.DictReader(f)]
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    said = [line.split("sandbox: ", 1)[1] for line in proc.stderr.splitlines() if "sandbox: " in line]
    return {"wall": wall, "rows": rows, "cores": cpu / wall, "sandbox": said[0].strip() if said else "not reported"}


def jobs_speedup(lesson: str, submissions: list[Path], rounds: int) -> dict:
    """``--jobs 1`` against ``--jobs 2`` on the same batch, ``rounds`` times, the order alternating
    (1 then 2, then 2 then 1) so that a change in the machine's other load hits both alike.

    Returns the median wall time of each (``jobs1``, ``jobs2``), the median of the rounds' ratios
    (``speedup``), every round's ``ratios``, the median per-submission seconds with one job
    (``rows``), the isolation the grader used (``sandbox``) and the 1-minute load average before
    each run (``loads``: other work on the machine slows both, but not alike)."""
    walls: dict[int, list[float]] = {1: [], 2: []}
    ratios, rows, loads, said = [], [], [], ""
    for i in range(rounds):
        got = {}
        for jobs in (1, 2) if i % 2 == 0 else (2, 1):
            loads.append(_load())
            got[jobs] = course_grade(lesson, submissions, jobs=jobs)
            walls[jobs].append(got[jobs]["wall"])
            said = got[jobs]["sandbox"]
        ratios.append(got[1]["wall"] / got[2]["wall"])
        rows += got[1]["rows"]
    return {
        "jobs1": median(walls[1]),
        "jobs2": median(walls[2]),
        "speedup": median(ratios),
        "ratios": ratios,
        "rows": median(rows),
        "sandbox": said,
        "loads": loads,
    }


def _load() -> float:
    try:
        return os.getloadavg()[0]
    except OSError:
        return float("nan")


def median(values: list[float]) -> float:
    return statistics.median(values)


def installed_size_mib(fresh: bool) -> tuple[float, str]:
    """Installed size of requirements.txt's environment (CPU torch), and how it was measured."""
    if not fresh:
        import site

        sp = Path(site.getsitepackages()[0])
        return _du(sp), f"site-packages of the running environment ({sys.prefix}), dev tools included"
    with tempfile.TemporaryDirectory() as tmp:
        venv = Path(tmp) / "venv"
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run(
            [str(venv / "bin" / "pip"), "install", "-q", "-r", str(ROOT / "requirements.txt")],
            check=True,
            capture_output=True,
        )
        return _du(venv), "a fresh virtual environment with only requirements.txt"


def _du(path: Path) -> float:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink()) / 2**20
