"""Code that the build copies into the notebooks' generated cells.

Each module here is one block of notebook code, written as a factory function so that it leaves a
single public name behind (``show_figure``, ``hint``, ``hand_in``; the checks wrap ``grader``).
:mod:`course.delivery` reads their text and puts it into the student notebook's set-up cell;
:mod:`course.notebooks` puts :mod:`.figures` into the answer key and the nbgrader edition, whose
figure cells call ``show_figure`` too. The files are never imported by the notebooks: a student
on Colab or Kaggle only has the ``.ipynb``, and the grader's sandbox only has the submission.
"""

from pathlib import Path

HERE = Path(__file__).resolve().parent


def text(name: str) -> str:
    """The code of block ``name`` (``figures``, ``hints``, ``checks``, ``hand_in``), as it goes into a cell."""
    return (HERE / f"{name}.py").read_text(encoding="utf-8").strip() + "\n"
