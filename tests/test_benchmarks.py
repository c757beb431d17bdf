"""A smoke run of the benchmarks, so that they never break silently (no target is asserted)."""

import subprocess
import sys
import time

import pytest
from harness import ROOT


@pytest.mark.slow
def test_quick_benchmark_run_writes_results_and_chart(tmp_path):
    proc = subprocess.run(
        [sys.executable, "benchmarks/run.py", "--quick", "--out", str(tmp_path)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=900,
    )
    assert proc.returncode == 0, proc.stdout[-3000:] + proc.stderr[-3000:]
    results = (tmp_path / "RESULTS.md").read_text()
    assert "| 01-warmup |" in results and "QUICK" in results
    assert "`python -m course grade`, per submission" in results and "ratio to bare nbclient" in results
    assert "03-gradient-descent**: gradient descent's training MSE" in results
    assert (
        "05-softmax-numpy**: validation accuracy" in results and "07-logistic-torch**: validation accuracy" in results
    )
    assert "08-mlp-torch**: the MLP (100 hidden ReLU units)" in results
    assert "| all lessons |" in results and "caught by the public checks" in results
    assert "`--jobs 2` against `--jobs 1`" in results and "| 01-warmup | 4 |" in results
    assert "## Test suite" in results
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def _suite():
    sys.path.insert(0, str(ROOT))
    from benchmarks import suite

    return suite


def test_suite_timer_runs_the_readme_commands():
    suite = _suite()
    full, fast = suite.readme_commands((ROOT / "README.md").read_text(encoding="utf-8"))
    assert full.startswith("python3 -m venv .venv") and full.endswith("&& python -m pytest")
    assert fast == 'python -m pytest -m "not slow"'
    with pytest.raises(SystemExit, match="README.md no longer shows"):
        suite.readme_commands("pip install nothing")


def test_suite_timer_records_time_exit_status_and_pytest_summary(tmp_path):
    suite = _suite()
    ran = suite.timed("echo '=== 3 passed, 1 skipped in 2.00s ==='; exit 3", tmp_path, {}, tmp_path / "log")
    assert ran["returncode"] == 3 and ran["summary"] == "3 passed, 1 skipped in 2.00s" and ran["seconds"] >= 0
    fine = {"command": "c", "seconds": 600.0, "returncode": 0, "summary": "9 passed"}
    slow = {**fine, "seconds": 1000.0}
    broken = {**fine, "returncode": 1}
    run = {"measured": "now", "machine": "m", "commit": "abc", "busy_loops": 2, "load_average": [2.0, 3.5]}
    lines = "\n".join(suite.report_lines({"busy": {**run, "full": slow, "fast": broken}}))
    assert "both cores kept busy" in lines and "2 endless CPU loops" in lines
    assert "| 16.7 | passes with the cores busy: met | 9 passed |" in lines and "**failed** (exit 1)" in lines
    quiet = {**run, "busy_loops": 0}
    lines = "\n".join(suite.report_lines({"quiet": {**quiet, "full": fine, "fast": fine}}))
    assert "| 10.0 | ≤ 15 min: met | 9 passed |" in lines and "| 10.0 | ≤ 3 min: **not met** |" in lines
    lines = "\n".join(suite.report_lines({"quiet": {**quiet, "full": slow, "fast": broken}}))
    assert "≤ 15 min: **not met**" in lines and "**failed** (exit 1)" in lines and "endless" not in lines
    report = tmp_path / "RESULTS.md"
    assert not suite.update_report(report, {})
    report.write_text("# B\n\n## Grading\n\nkept\n\n## Test suite\n\nold figures\n\n## Fidelity\n\nalso kept\n")
    assert suite.update_report(report, {"quiet": {**quiet, "full": fine, "fast": fine}})
    text = report.read_text()
    assert "old figures" not in text and "≤ 15 min: met" in text and "kept" in text and "also kept" in text
    assert text.index("## Grading") < text.index("## Test suite") < text.index("## Fidelity")
    assert suite.report_lines({}) == []


def test_suite_timer_busy_loops_burn_cpu_until_killed():
    suite = _suite()
    loops = suite.start_loops(1)
    try:
        pid = loops[0].pid

        def cpu_ticks():
            fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
            return int(fields[11]) + int(fields[12])

        first = cpu_ticks()
        deadline = time.time() + 60
        while cpu_ticks() == first and time.time() < deadline:
            time.sleep(0.1)
        assert cpu_ticks() > first, "the loop should be using CPU"
    finally:
        for loop in loops:
            loop.kill()
            loop.wait()
    assert loops[0].poll() is not None


def test_one_file_target_says_when_the_notebook_alone_is_slower_than_the_target():
    sys.path.insert(0, str(ROOT))
    from benchmarks import run

    assert run.one_file_target({"bare": 1.0, "otter": 8.0, "single": 1.2}) == "target ≤ 0.4×: met"
    assert run.one_file_target({"bare": 1.0, "otter": 8.0, "single": 4.0}) == "target ≤ 0.4×: **not met**"
    said = run.one_file_target({"bare": 5.0, "otter": 10.0, "single": 7.0})
    assert "cannot apply" in said and "0.50×" in said
