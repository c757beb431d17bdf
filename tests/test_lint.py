"""Lint the tooling, the tests and the lesson sources with ruff, as part of the test run."""

import shutil
import subprocess
import sys
from pathlib import Path

from harness import ROOT


def test_ruff_is_clean():
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    proc = subprocess.run(
        [ruff, "check", "course", "tests", "data", "source"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
