"""Tests of the tests, reusable by every lesson.

A lesson's answer key (``solutions/NN-name.ipynb``) is executed once, in this process, into a
namespace. Each *variant* (a plausible wrong answer, or another correct way to answer) is a few
lines of code run on a copy of that namespace; the question's Otter tests (public and hidden, from
``autograder/NN-name/tests/``) then grade the copy. No kernel is started per variant, so hundreds
of variants run in seconds.

The real grading paths (the Gradescope zip's entry point, ``python -m course grade``) are exercised
on whole notebooks by ``test_gradescope.py`` and ``test_grade.py``.
"""

from __future__ import annotations

import functools
import sys
from dataclasses import dataclass
from pathlib import Path

from otter.test_files.exception_test import ExceptionTestFile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course import execute, layout, notebooks  # noqa: E402
from course.execute import working_dir  # noqa: E402,F401  (tests change directory the same way)


@dataclass(frozen=True)
class Wrong:
    """A plausible wrong answer: it must lose points on ``question`` and show ``message``."""

    question: str
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.question}: {self.message[:40]}"


@dataclass(frozen=True)
class Right:
    """Another correct way to answer: it must get full marks on ``question``."""

    question: str
    code: str
    why: str

    def __str__(self) -> str:
        return f"{self.question}: {self.why}"


@dataclass
class Result:
    score: float
    possible: float
    output: str

    @property
    def full(self) -> bool:
        return abs(self.score - self.possible) < 1e-9


class AnswerKey:
    """One lesson's executed answer key and its Otter tests (public and hidden)."""

    def __init__(self, lesson: str, root: Path = ROOT):
        self.lesson = lesson
        self.root = root
        self.tests_dir = layout.autograder_dir(root, lesson) / "tests"

    @property
    def questions(self) -> list[str]:
        return sorted(p.stem for p in self.tests_dir.glob("q*.py"))

    @functools.cached_property
    def env(self) -> dict:
        """The namespace left by running every code cell of the answer key, in order."""
        nb = notebooks.read(layout.solution_notebook(self.root, self.lesson))
        # lessons read ../data/ames.csv from solutions/
        return execute.namespace(nb, self.root / layout.SOLUTIONS, self.lesson)

    def run_code(self, code: str) -> dict:
        """A copy of the answer key's namespace after ``code`` has run in it."""
        env = dict(self.env)
        with working_dir(self.root / layout.SOLUTIONS):
            exec(compile(code, f"<variant for {self.lesson}>", "exec"), env)
        return env

    def grade(self, env: dict, question: str) -> Result:
        """Run every test case (public and hidden) of ``question`` against ``env``."""
        test_file = ExceptionTestFile.from_file(str(self.tests_dir / f"{question}.py"))
        test_file.run(env)
        return Result(test_file.score, test_file.possible, test_file.summary())

    def check_wrong(self, variant: Wrong) -> None:
        result = self.grade(self.run_code(variant.code), variant.question)
        assert not result.full, f"wrong answer got full marks on {variant.question}:\n{variant.code}"
        assert variant.message in result.output, (
            f"expected the message {variant.message!r} for\n{variant.code}\ngot:\n{result.output}"
        )
        assert "Traceback" not in result.output

    def check_right(self, variant: Right) -> None:
        result = self.grade(self.run_code(variant.code), variant.question)
        assert result.full, f"correct answer ({variant.why}) lost points:\n{variant.code}\n{result.output}"


def solution_lines(lesson: str, root: Path = ROOT, min_length: int = 12) -> set[str]:
    """Distinctive lines of the lesson's solutions: inside solution blocks, and not given elsewhere."""
    nb = notebooks.read(root / layout.SOURCE / f"{lesson}.ipynb")
    inside, outside = set(), set()
    for cell in nb.cells:
        if cell.cell_type != "code":
            outside.add(notebooks.source_text(cell))  # text the students are given anyway
            continue
        in_solution = False
        for line in notebooks.source_text(cell).split("\n"):
            tail = line.rstrip()
            if tail.endswith(("# BEGIN SOLUTION", "# BEGIN SOLUTION NO PROMPT")):
                in_solution = True
            elif tail.endswith("# END SOLUTION"):
                in_solution = False
            elif in_solution or tail.endswith("# SOLUTION"):
                inside.add(line.replace("# SOLUTION", "").strip())
            else:
                outside.add(line.strip())
    given = "\n".join(outside)
    return {ln for ln in inside if len(ln) >= min_length and ln not in given}


def hidden_test_names(lesson: str, root: Path = ROOT) -> set[str]:
    """Function names of the hidden test cases (each is unique to the autograder)."""
    names = set()
    for path in (layout.autograder_dir(root, lesson) / "tests").glob("*.py"):
        for case in ExceptionTestFile.from_file(str(path)).test_cases:
            if case.hidden:
                names.add(case.body.test_func.__name__)
    return names


def assert_source_course_split(train_idx, valid_idx, n_houses: int = 2930) -> None:
    """The lessons' split is the one of the course they grew from: scikit-learn's
    ``train_test_split(test_size=0.2, random_state=42)``, so their figures can be compared with its."""
    import numpy as np
    from sklearn.model_selection import train_test_split

    train, valid = train_test_split(np.arange(n_houses), test_size=0.2, random_state=42)
    assert np.array_equal(train_idx, train) and np.array_equal(valid_idx, valid)
