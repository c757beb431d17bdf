"""A smoke run of the benchmarks, so that they never break silently (no target is asserted)."""

import subprocess
import sys

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
    assert "02-linear-numpy**: gradient descent's training MSE" in results
    assert (
        "03-logistic-numpy**: validation accuracy" in results and "05-logistic-torch**: validation accuracy" in results
    )
    assert "| all lessons |" in results and "caught by the public checks" in results
    assert (tmp_path / "chart.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
