"""Binder: ``binder/`` pins what ``requirements.txt`` pins (torch as the CPU build), and repo2docker's plan."""

import re
import subprocess
import sys
from pathlib import Path

import pytest
from harness import ROOT

from course import release

BINDER = ROOT / "binder"
CPU_INDEX = "--extra-index-url https://download.pytorch.org/whl/cpu"


def pins(path: Path) -> dict[str, str]:
    """{package name without extras: exact version} for every ``name==version`` line."""
    found = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        match = re.match(r"^([A-Za-z0-9_.-]+)(\[[^\]]*\])?==(\S+)\s*$", line.strip())
        if match:
            found[match.group(1).lower()] = match.group(3)
        else:
            assert not line.strip() or line.startswith(("#", "--extra-index-url")), f"{path.name}: not a pin: {line}"
    return found


def test_binder_uses_python_311():
    assert (BINDER / "runtime.txt").read_text().strip() == "python-3.11"


def test_binder_pins_the_same_versions_with_cpu_only_torch():
    student, binder = pins(ROOT / "requirements.txt"), pins(BINDER / "requirements.txt")
    assert student and set(binder) == set(student)
    assert binder.pop("torch") == student.pop("torch") + "+cpu"
    assert binder == student
    assert CPU_INDEX in (BINDER / "requirements.txt").read_text().splitlines()


def build_plan(repo: Path) -> tuple[str, str]:
    """What mybinder.org would build for ``repo``: (Dockerfile, log), without Docker or network."""
    repo2docker = Path(sys.executable).with_name("jupyter-repo2docker")
    proc = subprocess.run(
        [
            str(repo2docker),
            "--no-build",
            "--debug",
            "--user-id",
            "1000",
            "--user-name",
            "jovyan",
            "--Repo2Docker.default_buildpack=None",
            str(repo),
        ],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stdout, proc.stderr


@pytest.fixture(scope="module")
def student_tree(tmp_path_factory):
    dest = tmp_path_factory.mktemp("binder") / "student"
    release.main(dest, ["01"], ROOT)
    return dest


@pytest.mark.parametrize("which", ["repository", "student release"])
def test_binder_build_plan_installs_binder_requirements_on_python_311(which, student_tree):
    dockerfile, log = build_plan(ROOT if which == "repository" else student_tree)
    assert "Building conda environment for python=3.11" in log
    installs = re.findall(r"pip install .*-r \"?([^\"\s]+)", dockerfile)
    assert installs == ["binder/requirements.txt"], installs  # the top-level requirements.txt is ignored
    install_at = dockerfile.index('-r "binder/requirements.txt"')
    assert install_at < dockerfile.index("COPY --chown=1000:1000 src/ ${REPO_DIR}/"), "install is not cached"
    copied = re.findall(r"^COPY --chown=\S+ src/(\S*) ", dockerfile, re.M)
    assert copied == ["binder/requirements.txt", ""], copied  # no environment.yml, postBuild, apt.txt...
