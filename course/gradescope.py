"""What our autograder zips change in Otter's Gradescope files, so the zip uploads as is.

Otter 7's ``setup.sh`` always installs Playwright and Chromium (for PDFs we do not make; a frequent
Gradescope build failure) and its ``environment.yml`` asks for Python 3.13 with nothing but Otter.
Ours installs the course's pinned requirements on Python 3.11, with torch from PyTorch's CPU-only
index (the default wheel pulls gigabytes of CUDA libraries), and skips the browser.
"""

from __future__ import annotations

from pathlib import Path

from . import layout

PYTHON = "3.11"
CPU_INDEX = "https://download.pytorch.org/whl/cpu"
SKIP = ("jupyterlab", "ipykernel", "nbclient", "nbformat", "otter-grader")
"""Requirements the grading image does not need, or gets another way (Otter is added with its extra)."""

SETUP_SH = """#!/usr/bin/env bash
# Gradescope image set-up for the Lines to Logits autograder (Otter-Grader, no browser, CPU-only torch).
set -e

export DEBIAN_FRONTEND=noninteractive
apt-get clean
apt-get update
apt-get install -y wget

if [ $(uname -p) = "arm" ] || [ $(uname -p) = "aarch64" ]; then
    arch=aarch64
else
    arch=x86_64
fi
wget -nv https://github.com/conda-forge/miniforge/releases/download/25.3.1-0/Miniforge3-Linux-$arch.sh \\
    -O /autograder/source/mamba_install.sh
chmod +x /autograder/source/mamba_install.sh
/autograder/source/mamba_install.sh -b
echo "export PATH=/root/miniforge3/bin:\\$PATH" >> /root/.bashrc

export PATH=/root/miniforge3/bin:$PATH
export TAR="/bin/tar"

mamba env create -f /autograder/source/environment.yml
mamba shell init --shell bash
"""


def requirements(root: Path = layout.ROOT) -> list[str]:
    """The course's exact pins for the grading image (from requirements.txt)."""
    pins, otter = [], "otter-grader==7.0.0"
    for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        name = line.split("==")[0].split("[")[0]
        if name == "otter-grader":
            otter = f"otter-grader[grading,plugins]=={line.split('==')[1]}"
        elif line and not line.startswith("-") and name not in SKIP:
            pins.append(line)
    return [otter, *pins]


def environment_yml(root: Path = layout.ROOT) -> str:
    pip = "\n".join(f"      - {req}" for req in [f"--extra-index-url {CPU_INDEX}", *requirements(root)])
    return (
        "name: otter-env\nchannels:\n  - conda-forge\ndependencies:\n"
        f"  - python={PYTHON}\n  - pip\n  - jupyter_server\n  - pip:\n{pip}\n"
    )


def zip_files(root: Path = layout.ROOT) -> dict[str, bytes]:
    """Entries that replace Otter's in every lesson's autograder zip."""
    return {"setup.sh": SETUP_SH.encode(), "environment.yml": environment_yml(root).encode()}
