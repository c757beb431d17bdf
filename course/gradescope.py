"""What goes into a lesson's Gradescope autograder zip (written by ``python -m course build``).

The zip does not run Otter's runner (which grades in the student's own process). Its
``run_autograder`` starts :mod:`course.grading.gradescope_entry`, the same sandboxed worker / judge
grading as ``python -m course grade``, so the zip carries that part of the ``course`` package, the
hidden tests at ``autograder/NN-name/tests/``, the data the lesson reads, ``course.toml`` (its
``[gradescope]`` settings), ``gradescope.json`` (the lesson and its written questions with their rubrics,
for the instructor) and the lesson's ``mistakes.json`` (mistake ids, recorded in ``extra_data``).

``setup.sh`` installs Miniforge in ``/opt`` (an unprivileged user id, under which the student's
code runs, can execute it there, unlike ``/root``), then the course's exact pins on Python 3.11.
torch is pinned to its ``+cpu`` build: PyPI has no such version, so if PyTorch's CPU index cannot be
reached the image build fails instead of quietly installing gigabytes of CUDA. Otter is installed
without its dependencies, and its dependencies without ``nbconvert[webpdf]``: nothing for PDFs or
browsers is installed.
"""

from __future__ import annotations

import ast
import json
import re
from importlib import metadata
from pathlib import Path

from . import instructor_files, layout, settings
from .delivery import CPU_INDEX  # the one place the course names PyTorch's CPU-only index

PYTHON = "3.11"
MINIFORGE = "/opt/miniforge3"
ENV_NAME = "lines-to-logits"
ENV_PYTHON = f"{MINIFORGE}/envs/{ENV_NAME}/bin/python"
ENTRY = "course.grading.gradescope_entry"
INFO = "gradescope.json"
SCIENCE = ("numpy", "pandas", "matplotlib", "torch")
"""The course's own pins that the grading image installs (the tests and the notebooks import them)."""
NOT_FOR_GRADING = ("nbconvert",)
"""Otter requirements the grader never imports: nbconvert[webpdf] brings Playwright (PDFs, a browser)."""

SETUP_SH = f"""#!/usr/bin/env bash
# Gradescope image set-up for the Lines to Logits autograder: the course's sandboxed grader on
# Python {PYTHON} with CPU-only torch. Nothing for PDFs or browsers is installed.
set -euo pipefail

export DEBIAN_FRONTEND=noninteractive
apt-get update
apt-get install -y --no-install-recommends wget ca-certificates bubblewrap

case "$(uname -m)" in
    aarch64|arm64) arch=aarch64 ;;
    *) arch=x86_64 ;;
esac
wget -nv https://github.com/conda-forge/miniforge/releases/download/25.3.1-0/Miniforge3-Linux-$arch.sh \\
    -O /tmp/miniforge.sh
# In /opt, not /root: the student's code runs under an unprivileged user id that must execute Python.
bash /tmp/miniforge.sh -b -p {MINIFORGE}
rm /tmp/miniforge.sh

{MINIFORGE}/bin/mamba env create -f /autograder/source/environment.yml
# Otter only for its test-file format; its dependencies are in environment.yml, less nbconvert[webpdf].
{ENV_PYTHON} -m pip install --no-deps "$(cat /autograder/source/otter-requirement.txt)"
chmod -R a+rX {MINIFORGE}

# Fail the build loudly unless the CPU build of torch is there and the grader can load its tests.
cd /autograder/source
{ENV_PYTHON} -m {ENTRY} --self-check
"""

RUN_AUTOGRADER = f"""#!/usr/bin/env bash
# Gradescope runs this as root for every submission. It grades with the course's own grader
# (course/grading/): the notebook runs in a sandboxed worker process, the hidden tests in a judge
# process that never runs student code; see course/grading/gradescope_entry.py.
cd /autograder/source || exit 1
exec {ENV_PYTHON} -E -s -m {ENTRY}
"""


def _name(requirement: str) -> str:
    return re.sub(r"[-_.]+", "-", re.match(r"\s*([A-Za-z0-9_.-]+)", requirement).group(1)).lower()


def course_pins(root: Path = layout.ROOT) -> dict[str, str]:
    """requirements.txt's exact pins by normalised name (extras dropped)."""
    pins = {}
    for line in (root / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if line and not line.startswith("-"):
            pins[_name(line)] = re.sub(r"\[[^]]*\]", "", line)
    return pins


def otter_requirement(root: Path = layout.ROOT) -> str:
    return course_pins(root)["otter-grader"]


def otter_dependencies() -> list[str]:
    """Otter's own requirements (from its installed metadata), without extras or markers, less
    :data:`NOT_FOR_GRADING`. Otter is pinned, so this list is fixed."""
    found = []
    for req in metadata.requires("otter-grader") or []:
        spec, _, marker = req.partition(";")
        if "extra ==" in marker or _name(spec) in NOT_FOR_GRADING:
            continue
        found.append(re.sub(r"\[[^]]*\]", "", spec).replace(" ", ""))
    return sorted(found, key=_name)


def requirements(root: Path = layout.ROOT) -> list[str]:
    """What pip installs into the grading environment (besides Otter itself, installed --no-deps)."""
    pins = course_pins(root)
    wanted = [pins[name] for name in SCIENCE]
    wanted = [f"{req}+cpu" if _name(req) == "torch" and "+" not in req else req for req in wanted]
    for dep in otter_dependencies():
        if _name(dep) not in {_name(w) for w in wanted}:
            wanted.append(pins.get(_name(dep), dep))  # the course's exact pin where it has one
    return wanted


def environment_yml(root: Path = layout.ROOT) -> str:
    pip = "\n".join(f"      - {req}" for req in [f"--extra-index-url {CPU_INDEX}", *requirements(root)])
    return (
        f"name: {ENV_NAME}\nchannels:\n  - conda-forge\ndependencies:\n  - python={PYTHON}\n  - pip\n  - pip:\n{pip}\n"
    )


def written_questions(lesson: str, root: Path = layout.ROOT) -> list[dict]:
    """The lesson's manually graded questions (``manual: true`` in the source), in order: name, points,
    prompt and rubric, as ``autograder/NN-name/written.json`` holds them."""
    return instructor_files.written_questions(lesson, root)


def grading_code(root: Path = layout.ROOT) -> dict[str, bytes]:
    """``course/grading/`` and every ``course`` module it imports (found by reading the imports)."""
    files = sorted((root / "course" / "grading").rglob("*.py")) + [root / "course" / "__init__.py"]
    todo, seen = list(files), set()
    while todo:
        path = todo.pop()
        if path in seen or not path.exists():
            continue
        seen.add(path)
        package = path.parent.relative_to(root).parts
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            targets = []
            if isinstance(node, ast.ImportFrom) and node.level:
                base = package[: len(package) - node.level + 1]
                mod = (*base, *node.module.split(".")) if node.module else base
                targets = [mod] + [(*mod, alias.name) for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and (node.module or "").split(".")[0] == "course":
                mod = tuple(node.module.split("."))
                targets = [mod] + [(*mod, alias.name) for alias in node.names]
            elif isinstance(node, ast.Import):
                targets = [tuple(a.name.split(".")) for a in node.names if a.name.split(".")[0] == "course"]
            for parts in targets:
                for candidate in (root.joinpath(*parts).with_suffix(".py"), root.joinpath(*parts, "__init__.py")):
                    if candidate.exists():
                        todo.append(candidate)
                for i in range(1, len(parts)):  # the packages on the way
                    todo.append(root.joinpath(*parts[:i], "__init__.py"))
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(seen)}


def zip_entries(lesson: str, root: Path, tests_dir: Path, data: dict[str, bytes]) -> dict[str, tuple[bytes, int]]:
    """Every entry of the lesson's autograder zip: archive name -> (contents, file mode).

    ``tests_dir`` holds the hidden tests as the build wrote them; ``data`` maps ``data/NAME`` to
    the data files the lesson reads.

    Raises:
        settings.SettingsError: ``course.toml``'s ``[gradescope]`` section cannot be used.
    """
    settings.load_gradescope(root)  # a bad setting fails the build, not the first student's run
    info = {"lesson": lesson, "written": written_questions(lesson, root)}
    entries = {
        "run_autograder": (RUN_AUTOGRADER.encode(), 0o755),
        "setup.sh": (SETUP_SH.encode(), 0o755),
        "environment.yml": (environment_yml(root).encode(), 0o644),
        "otter-requirement.txt": (otter_requirement(root).encode() + b"\n", 0o644),
        settings.FILE: ((root / settings.FILE).read_bytes(), 0o644),
        INFO: (json.dumps(info, indent=1, sort_keys=True).encode() + b"\n", 0o644),
    }
    for name, content in grading_code(root).items():
        entries[name] = (content, 0o644)
    tests = layout.autograder_dir(Path("."), lesson).as_posix() + "/tests"
    for test in sorted(tests_dir.glob("*.py")):
        entries[f"{tests}/{test.name}"] = (test.read_bytes(), 0o644)
    # the mistake ids the grader records in results.json's extra_data (course/grading/mistakes.py)
    mistakes = layout.autograder_dir(Path("."), lesson).as_posix() + "/" + instructor_files.MISTAKES
    entries[mistakes] = (instructor_files.dumps(instructor_files.mistakes(lesson, root)), 0o644)
    for name, content in data.items():
        entries[name] = (content, 0o644)
    return entries


def otter_zip(lesson: str, root: Path, dest: Path) -> Path:
    """An autograder zip in Otter's own format (``otter_config.json``, ``tests/``, ``files/``), for
    ``otter run -a`` comparisons (benchmarks): the Gradescope zip no longer runs Otter's runner."""
    import zipfile

    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("otter_config.json", json.dumps({"assignment_name": lesson, "lang": "python", "pdf": False}))
        for test in sorted((layout.autograder_dir(root, lesson) / "tests").glob("*.py")):
            zf.write(test, f"tests/{test.name}")
        for path in sorted((root / layout.DATA).glob("*.csv")):
            zf.write(path, f"files/{layout.DATA}/{path.name}")
    return dest
