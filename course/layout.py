"""Where everything lives: the folder roles of the repository, in one place."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
"""The repository root (the folder holding ``course/``)."""

SOURCE = "source"
"""Hand-edited Otter-assign master notebooks, one per lesson."""

NOTEBOOKS = "notebooks"
"""Generated student notebooks, one folder per lesson with its public ``tests/``."""

SOLUTIONS = "solutions"
"""Generated answer keys: the solutions executed, without test code."""

AUTOGRADER = "autograder"
"""Generated grading material per lesson: hidden tests and the Otter autograder zip."""

DATA = "data"
"""The shipped dataset."""

GENERATED_ROOTS = (NOTEBOOKS, SOLUTIONS, AUTOGRADER)
"""Top-level folders that ``python -m course build`` owns entirely."""


def student_dir(root: Path, lesson: str) -> Path:
    """Folder a student opens for a lesson: the notebook and its public tests."""
    return root / NOTEBOOKS / lesson


def student_notebook(root: Path, lesson: str) -> Path:
    return student_dir(root, lesson) / f"{lesson}.ipynb"


def solution_notebook(root: Path, lesson: str) -> Path:
    return root / SOLUTIONS / f"{lesson}.ipynb"


def autograder_dir(root: Path, lesson: str) -> Path:
    """Hidden tests (``tests/``) and the Gradescope/Otter zip for a lesson."""
    return root / AUTOGRADER / lesson


def autograder_zip(root: Path, lesson: str) -> Path:
    return autograder_dir(root, lesson) / f"{lesson}-autograder.zip"


def generated_paths(root: Path, lesson: str) -> list[Path]:
    """Every path (file or folder) that the build writes for one lesson."""
    return [student_dir(root, lesson), solution_notebook(root, lesson), autograder_dir(root, lesson)]
