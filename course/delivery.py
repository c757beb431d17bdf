"""The ways students get in: Colab, Kaggle, Binder and JupyterHub links, and a set-up cell that
works on each.

Colab and Kaggle give a student only the ``.ipynb``: no ``tests/``, no ``data/``, no Otter. So the
build replaces the lesson's ``import otter`` / ``grader = otter.Notebook(...)`` lines with a block
that, on Colab or Kaggle only, installs the pinned Otter (keeping the platform's numpy, torch,
matplotlib and pandas) and downloads this lesson's public checks and data at the published ref;
everywhere else it only creates ``grader``. The cell is collapsed (JupyterLab's ``source_hidden``,
Colab's form view), so a student's first screen is the lesson's title and a one-line set-up cell.
Every URL comes from ``course.toml`` (``[publish]``, ``[hub]``).
"""

import copy
import importlib.metadata
import re
import urllib.parse
from pathlib import Path

import nbformat

from . import layout, notebook_code, notebooks
from .settings import Publish

COLAB_BADGE = "https://colab.research.google.com/assets/colab-badge.svg"
KAGGLE_BADGE = "https://kaggle.com/static/images/open-in-kaggle.svg"
BINDER_BADGE = "https://mybinder.org/badge_logo.svg"
HUB_BADGE = "https://img.shields.io/badge/JupyterHub-open-orange"

CPU_INDEX = "https://download.pytorch.org/whl/cpu"
"""PyTorch's CPU-only wheel index: with it, the exact torch pin resolves to the CPU build on Linux."""

INSTALL = {
    "Linux and macOS": (
        "python3 -m venv .venv && . .venv/bin/activate && "
        f"pip install -r requirements.txt --extra-index-url {CPU_INDEX} && jupyter lab notebooks"
    ),
    "Windows (PowerShell)": (
        "py -3.11 -m venv .venv; .venv\\Scripts\\Activate.ps1; "
        f"pip install -r requirements.txt --extra-index-url {CPU_INDEX}; jupyter lab notebooks"
    ),
}
"""The students' install command on their own computer, one line per platform (README and release)."""

SETUP_TITLE = '#@title Set-up: run this cell first { display-mode: "form" }'
"""First line of the set-up cell: Colab shows only this title (form view); JupyterLab collapses the cell."""

KAGGLE_MARKERS = ("KAGGLE_KERNEL_RUN_TYPE", "/kaggle")
"""How the set-up cell recognises Kaggle: the environment variable Kaggle sets, or its /kaggle folder."""

OFFLINE_MESSAGE = (
    "Could not download this lesson's self-checks. On Kaggle, switch Internet on "
    "(Settings → Internet), then run this cell again."
)

FILES_URL_ENV = "COURSE_FILES_URL"
"""Environment variable that overrides where the Colab set-up downloads from (tests use a local server)."""

KEEP_ON_COLAB = ("numpy", "torch", "matplotlib", "pandas")
"""Packages the Colab and Kaggle install must leave as they are: reinstalling them forces a restart."""

OTTER_LINE = re.compile(r"^\s*import otter\s*$")
GRADER_LINE = re.compile(r"^\s*grader\s*=\s*otter\.Notebook\(.*\)\s*$")

BADGES_TAG = "ways-in"
"""Tag of the generated Markdown cell with the badges at the top of each student notebook."""


class DeliveryError(ValueError):
    """A student notebook cannot be given its Colab set-up (no ``grader = otter.Notebook(...)`` line)."""


def raw_url(publish: Publish) -> str:
    """Base URL of the published files at the published ref."""
    return f"https://raw.githubusercontent.com/{publish.repository}/{publish.ref}"


def colab_url(publish: Publish, path: str) -> str:
    """Open the notebook at ``path`` (relative to the repository root) in Colab."""
    return f"https://colab.research.google.com/github/{publish.repository}/blob/{publish.ref}/{path}"


def kaggle_url(publish: Publish, path: str) -> str:
    """Open the notebook at ``path`` in Kaggle (its documented open-from-GitHub form)."""
    return f"https://kaggle.com/kernels/welcome?src=https://github.com/{publish.repository}/blob/{publish.ref}/{path}"


def hub_url(publish: Publish, path: str) -> str:
    """An nbgitpuller link: clone or update the published repository in the student's hub account,
    then open ``path`` in JupyterLab (nbgitpuller puts the clone in a folder named after the repo)."""
    query = urllib.parse.urlencode(
        {
            "repo": f"https://github.com/{publish.repository}",
            "branch": publish.ref,
            "urlpath": f"lab/tree/{publish.repo}/{path}",
        }
    )
    return f"{publish.hub}/hub/user-redirect/git-pull?{query}"


def binder_url(publish: Publish, path: str | None = None) -> str:
    """Launch the repository on mybinder.org, in JupyterLab, opened at ``path`` if given."""
    url = f"https://mybinder.org/v2/gh/{publish.repository}/{publish.ref}"
    return f"{url}?urlpath=lab/tree/{path}" if path else url


def badges(publish: Publish, path: str | None = None) -> str:
    """Markdown for the "Open in Colab", "Open in Kaggle" (both need a notebook ``path``), "Launch
    Binder" and, when a hub is set, "JupyterHub" badges."""
    binder = f"[![Launch Binder]({BINDER_BADGE})]({binder_url(publish, path)})"
    if path is None:
        return binder
    links = [
        f"[![Open In Colab]({COLAB_BADGE})]({colab_url(publish, path)})",
        f"[![Open In Kaggle]({KAGGLE_BADGE})]({kaggle_url(publish, path)})",
        binder,
    ]
    if publish.hub:
        links.append(f"[![Open on JupyterHub]({HUB_BADGE})]({hub_url(publish, path)})")
    return " ".join(links)


def notebook_path(lesson: str) -> str:
    """Path of a lesson's student notebook inside the published repository."""
    return layout.student_notebook(Path(), lesson).as_posix()


def otter_pin() -> str:
    """``otter-grader==X`` for the Otter that builds the lessons (``requirements.txt`` pins the same)."""
    return f"otter-grader=={importlib.metadata.version('otter-grader')}"


def _natural(name: str) -> list:
    """Sort key putting q2 before q10."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


HINTS_FILE = "hints.json"
"""The hints of a lesson's questions, next to its public checks (``tests/hints.json``): {"q1": ["...", ...]}."""

HELPERS = ("checks", "hints", "figures", "hand_in")
"""The course's notebook code (``course/notebook_code/``) that every student set-up cell defines."""


def helpers_code(lesson: str) -> str:
    """The course's helpers, after Otter's ``grader`` is made: checks that tell the truth after a crash
    (``grader`` wrapped), ``hint``, the figure colours and ``show_figure``, and ``hand_in``."""
    blocks = "\n\n".join(notebook_code.text(name).rstrip() for name in HELPERS)
    return f"""\
# The course's helpers (generated by `{notebooks.GENERATOR}` from course/notebook_code/).
{blocks}


grader = _course_checks(grader)
hint = _course_hints("tests/{HINTS_FILE}")
show_figure = _course_figures()
hand_in = _course_hand_in("{lesson}.ipynb")
del _course_checks, _course_hints, _course_figures, _course_hand_in"""


def setup_code(lesson: str, checks: list[str], data: list[str], publish: Publish, pin: str) -> str:
    """The generated block that sets up ``grader`` and the course's helpers (see the module docstring).

    Args:
        lesson: the lesson name, such as ``01-warmup``.
        checks: the public check names (``q1``, ``q2``, ...), one ``tests/NAME.py`` each.
        data: repository paths of the data files the lesson reads (``data/ames.csv``).
        publish: where the course is published.
        pin: the Otter requirement to install on Colab and Kaggle (``otter-grader==7.0.0``).
    """
    here = layout.student_dir(Path(), lesson).as_posix()
    keep = ", ".join(f'"{name}"' for name in KEEP_ON_COLAB)
    shared = "".join(f' + ["{path}"]' for path in data)
    variable, folder = KAGGLE_MARKERS
    names = " ".join(f"{q}.py" for q in sorted(checks, key=_natural)) + f" {HINTS_FILE}"
    return f'''\
# Generated by `{notebooks.GENERATOR}`. On Colab and Kaggle this first installs Otter-Grader and
# downloads this lesson's checks, hints and data; anywhere else it only creates `grader`.
import os, sys

if "google.colab" in sys.modules or "{variable}" in os.environ or os.path.isdir("{folder}"):
    import importlib.metadata, importlib.util, urllib.request

    if importlib.util.find_spec("otter") is None:  # keep the platform's {keep.replace('"', "")} as they are
        keep = [p for p in ({keep}) if importlib.util.find_spec(p)]
        with open("/tmp/keep-installed.txt", "w") as f:
            f.write("\\n".join(f"{{p}}=={{importlib.metadata.version(p)}}" for p in keep))
        %pip install --quiet {pin} -c /tmp/keep-installed.txt
    url = os.environ.get("{FILES_URL_ENV}", "{raw_url(publish)}")
    here = "{here}"  # this notebook's folder in the course repository
    checks = [f"{{here}}/tests/{{name}}" for name in "{names}".split()]
    try:
        for path in checks{shared}:
            local = path.removeprefix(here + "/")
            if not os.path.exists(local):
                os.makedirs(os.path.dirname(local), exist_ok=True)
                urllib.request.urlretrieve(f"{{url}}/{{path}}", local)
    except OSError:
        print("{OFFLINE_MESSAGE}")
import otter

grader = otter.Notebook(tests_dir="tests")

{helpers_code(lesson)}'''


def badges_cell(lesson: str, publish: Publish):
    text = (
        f"{badges(publish, notebook_path(lesson))}\n\n"
        "Run the set-up cell above before any other: it sets up the self-checks (`grader`). "
        "**On Colab and Kaggle** it also installs Otter-Grader and downloads this lesson's checks and data "
        "(on Kaggle, switch Internet on in the notebook's settings first); if Colab asks to restart the "
        "session, do so and run that cell again. To hand in from Colab or Kaggle, use "
        "*File → Download* and hand in the `.ipynb` (`grader.export` does not work on Colab). "
        "**On Binder**, download your work before you leave: a session is deleted after about "
        "10 minutes without activity."
    )
    cell = nbformat.v4.new_markdown_cell(text)
    cell.metadata = {"deletable": False, "editable": False, "tags": [BADGES_TAG]}
    return cell


def for_students(nb, lesson: str, checks: list[str], data: list[str], publish: Publish, pin: str):
    """Put the badges on top and swap the Otter set-up lines for the Colab-aware block.

    Raises:
        DeliveryError: no code cell holds a ``grader = otter.Notebook(...)`` line.
    """
    nb = copy.deepcopy(nb)
    block = setup_code(lesson, checks, data, publish, pin)
    for index, cell in enumerate(nb.cells):
        lines = notebooks.source_text(cell).split("\n")
        if cell.cell_type == "code" and any(GRADER_LINE.match(ln) for ln in lines):
            kept = [ln for ln in lines if not OTTER_LINE.match(ln)]
            cell.source = "\n".join([SETUP_TITLE, *(block if GRADER_LINE.match(ln) else ln for ln in kept)])
            cell.metadata["jupyter"] = {"source_hidden": True}  # JupyterLab: collapsed
            cell.metadata["cellView"] = "form"  # Colab: only the #@title line shows
            setup = nb.cells.pop(index)
            break
    else:
        raise DeliveryError(f"{lesson}: no code cell has a `grader = otter.Notebook(...)` line to replace")
    title = next((i for i, c in enumerate(nb.cells) if c.cell_type == "markdown"), 0)
    nb.cells[title + 1 : title + 1] = [setup, badges_cell(lesson, publish)]  # the title, then the set-up
    nb.cells.extend(hand_in_cells(lesson))
    return nb


HAND_IN_TAG = "hand-in"
"""Tag of the generated cells at the end of each student notebook that make the file to hand in."""


def hand_in_zip(lesson: str) -> str:
    """Name of the file the hand-in cell writes next to the notebook."""
    return f"{lesson}-hand-in.zip"


def hand_in_cells(lesson: str) -> list:
    """A Markdown cell and a code cell that make the file to hand in, without LaTeX and without losing work.

    ``hand_in`` (defined by the set-up cell, :mod:`course.notebook_code.hand_in`) first asks the front end
    to save the notebook (JupyterLab, Notebook 7, the classic Notebook), then refuses, with a sentence,
    when the file on disk is still older than the last cell that ran; otherwise Otter's ``grader.export``
    packs the saved notebook, under its own name, into a zip of a fixed name (``pdf=False``: no LaTeX),
    so running the cell again replaces it. On Colab and Kaggle it says to download the ``.ipynb``.
    """
    text = (
        "## Hand in\n\n"
        "Run the cell below. In JupyterLab and Jupyter Notebook it first saves the notebook, then writes "
        f"`{hand_in_zip(lesson)}` next to it: hand in that file (on Binder, right-click it in the file browser "
        "and choose *Download*). If it says your latest work is not saved, save the notebook (**File → Save "
        "Notebook**, or Ctrl+S / ⌘S) and run it again. On Colab and Kaggle, hand in the notebook itself: "
        "*File → Download → Download .ipynb*."
    )
    code = f"""\
# Saves this notebook, then writes the file to hand in (hand_in is set up by the first cell).
if "hand_in" in globals():
    hand_in("{hand_in_zip(lesson)}")
else:
    print("Run the set-up cell at the top of this notebook first, then this cell again.")"""
    note = nbformat.v4.new_markdown_cell(text)
    cell = nbformat.v4.new_code_cell(code)
    for c in (note, cell):
        c.metadata = {"deletable": False, "editable": False, "tags": [HAND_IN_TAG]}
    return [note, cell]
