"""``python -m course release DEST``: a student-only copy of the course, ready to publish.

DEST receives the student notebooks with their public checks, the data, ``binder/``,
``requirements.txt`` and a student README with the "Open in Colab" and "Launch Binder" badges, and
nothing else: no ``source/``, ``solutions/``, ``autograder/`` or tooling. Push DEST to the
repository named in ``course.toml`` (``[publish]``): every link in it points there.

DEST must be empty (a ``.git`` folder is fine) or hold an earlier release, which is replaced.
"""

import logging
import shutil
import sys
from pathlib import Path

from . import delivery, layout, lessons, notebooks, settings

log = logging.getLogger("course.release")

MARKER = ".course-release"
"""File that marks a folder as written by this verb, so a later release may replace its contents."""

COPIED = (layout.DATA, "binder", "requirements.txt")
"""Paths, relative to the repository root, copied as they are (besides the student notebooks)."""

STUDENT_GITIGNORE = """\
# Files the course makes while you work: never committed, so `git pull` never trips over them.
.ipynb_checkpoints/
.OTTER_LOG
*-hand-in.zip
*_20[0-9][0-9]_[0-9][0-9]_[0-9][0-9]T*.zip
__pycache__/
.venv/
"""

IGNORED = shutil.ignore_patterns("__pycache__", "*.pyc", ".ipynb_checkpoints", ".OTTER_LOG")


class ReleaseError(Exception):
    """DEST cannot be used, or a lesson is not built (or was built for another publish setting)."""


def prepare(dest: Path) -> None:
    """Make ``dest`` an empty folder (keeping ``.git``), refusing to clear anything we did not write."""
    if dest.exists() and not dest.is_dir():
        raise ReleaseError(f"{dest} is a file, not a folder")
    dest.mkdir(parents=True, exist_ok=True)
    contents = [p for p in dest.iterdir() if p.name != ".git"]
    if contents and not (dest / MARKER).is_file():
        raise ReleaseError(f"{dest} is not empty and holds no earlier release: choose an empty or new folder")
    for path in contents:
        shutil.rmtree(path) if path.is_dir() and not path.is_symlink() else path.unlink()


def lesson_title(lesson: str, root: Path) -> str:
    """The first Markdown heading of the lesson's student notebook."""
    for cell in notebooks.read(layout.student_notebook(root, lesson)).cells:
        for line in notebooks.source_text(cell).split("\n"):
            if cell.cell_type == "markdown" and line.startswith("# "):
                return line[2:].strip()
    return lesson


def check_built(lesson: str, root: Path, publish: settings.Publish) -> None:
    path = layout.student_notebook(root, lesson)
    if not path.is_file():
        raise ReleaseError(f"{lesson} has no student notebook: run `python -m course build {lesson}` first")
    if delivery.colab_url(publish, delivery.notebook_path(lesson)) not in path.read_text(encoding="utf-8"):
        raise ReleaseError(
            f"{path.relative_to(root)} links elsewhere than {settings.FILE} says ({publish.repository}@{publish.ref}): "
            "run `python -m course build` first"
        )


def student_readme(chosen: list[str], root: Path, publish: settings.Publish) -> str:
    hub = (
        "5. **Your JupyterHub**: the *JupyterHub* badge next to a lesson copies this repository into your hub\n"
        "   account (nbgitpuller; clicking it again brings updates and keeps your changes) and opens the lesson.\n"
        if publish.hub
        else ""
    )
    install = "\n".join(f"   # {platform}\n   {command}" for platform, command in delivery.INSTALL.items())
    rows = "\n".join(
        f"| [{lesson_title(lesson, root)}]({delivery.notebook_path(lesson)}) | "
        f"{delivery.badges(publish, delivery.notebook_path(lesson))} |"
        for lesson in chosen
    )
    return f"""\
# Lines to Logits

{delivery.badges(publish)}

From array shapes and softmax by hand, through linear regression in NumPy, to logistic (softmax)
regression in PyTorch, on one real dataset: houses sold in Ames, Iowa. Every answer cell has
self-checks: run `grader.check("qN")` under it.

## The lessons

| lesson | open it |
|---|---|
{rows}

## Ways in

1. **Colab** (a Google account, nothing to install): click *Open in Colab* next to a lesson. Run the
   set-up cell (the first code cell) before any other: it installs the self-checks and downloads the
   lesson's files. If Colab asks to restart the session, do so and run that cell again.
2. **Kaggle** (a Kaggle account): click *Open in Kaggle*, switch **Internet** on in the notebook's
   settings, then run the set-up cell as on Colab.
3. **Binder** (nothing to install, no account): click *Launch Binder*. JupyterLab opens with
   everything installed; the first launch can take a few minutes. A Binder session is deleted after
   about 10 minutes without activity: download your work before you leave.
4. **Your own computer** (Python 3.11), in this folder (the extra index gives the CPU-only PyTorch on
   Linux instead of gigabytes of CUDA packages):

   ```bash
{install}
   ```
{hub}
## Checks and hand-in

`grader.check("qN")` runs the *public* checks of question N and says what looks wrong. Your
instructor's grader also runs *hidden* checks on the values, so "qN passed!" means "on the right
track", not "full marks". Stuck? `hint("qN")` shows a hint for question N, the next one each time.
Each lesson ends with a *Hand in* cell: run it (in JupyterLab and Jupyter Notebook it saves the
notebook first) and hand in the zip it names; on Colab and Kaggle, hand in the `.ipynb` (*File →
Download*).

To keep your work when the course updates, work on a copy of each lesson (*File → Save Notebook
As…*, same folder) and `git pull` or re-open the hub link: your copies are never touched, and the
files the course makes while you work are in `.gitignore`. JupyterLab writes your Python version into
a notebook it opens, so a lesson you only opened counts as changed: if `git pull` stops and names that
file, rename it, then pull again.

The data is described, with its license, in [data/README.md](data/README.md).
"""


def main(dest: Path, selectors: list[str] | None = None, root: Path = layout.ROOT) -> int:
    """Write the student-only release of the selected lessons (all by default) into ``dest``."""
    publish = settings.load_publish(root)
    chosen = lessons.resolve(selectors, root)
    for lesson in chosen:
        check_built(lesson, root, publish)
    dest = Path(dest).resolve()
    if dest == root.resolve() or root.resolve() in dest.parents:
        raise ReleaseError(f"{dest} is inside the course repository: choose a folder outside it")
    prepare(dest)
    for lesson in chosen:
        shutil.copytree(layout.student_dir(root, lesson), layout.student_dir(dest, lesson), ignore=IGNORED)
    for name in COPIED:
        src = root / name
        if src.is_dir():
            shutil.copytree(src, dest / name, ignore=IGNORED)
        else:
            shutil.copy2(src, dest / name)
    (dest / "README.md").write_text(student_readme(chosen, root, publish), encoding="utf-8")
    (dest / ".gitignore").write_text(STUDENT_GITIGNORE, encoding="utf-8")
    (dest / MARKER).write_text(
        "Written by `python -m course release`; the next release replaces everything here but .git/.\n",
        encoding="utf-8",
    )
    log.info("%d lesson(s) -> %s; publish it as github.com/%s (%s)", len(chosen), dest, publish.repository, publish.ref)
    return 0


def add_arguments(parser) -> None:
    parser.add_argument("dest", type=Path, help="folder to write the student-only course into")
    parser.add_argument("lessons", nargs="*", help="lesson number or name (01, 01-warmup); default: all")


def run(args) -> int:
    try:
        return main(args.dest, args.lessons)
    except (ReleaseError, settings.SettingsError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 1
