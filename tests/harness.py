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

import contextlib
import copy
import functools
import inspect
import re
import sys
from dataclasses import dataclass, field
from pathlib import Path

from otter.test_files.exception_test import ExceptionTestFile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course import execute, layout, notebooks  # noqa: E402
from course.execute import working_dir  # noqa: E402,F401  (tests change directory the same way)


@dataclass(frozen=True)
class Wrong:
    """A plausible wrong answer: it must lose points on ``question`` and show ``message``.

    ``public`` says whether the student's own ``grader.check`` (the public tests alone) must already
    catch it with that message: ``True`` (the default), or a sentence saying why it cannot be
    caught publicly without giving the answer away (then only the hidden tests must catch it).
    """

    question: str
    code: str
    message: str
    public: bool | str = True
    mistake: str = ""
    """The mistake's stable, readable id within its question (``no-max-shift``; in full ``01.q4.no-max-shift``):
    the class report counts students by it."""

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
    python_errors: list = field(default_factory=list)
    """Failed cases whose exception was not an AssertionError (a raw Python error reached the student)."""
    failures: list = field(default_factory=list)
    """(test function, its exception as ``AssertionError: message``) of each failed case."""

    @property
    def full(self) -> bool:
        return abs(self.score - self.possible) < 1e-9


def _copied(value):
    np, pd, torch = (sys.modules.get(m) for m in ("numpy", "pandas", "torch"))
    if np is not None and isinstance(value, np.ndarray):
        return value.copy()
    if pd is not None and isinstance(value, (pd.DataFrame, pd.Series)):
        return value.copy()
    if torch is not None and isinstance(value, (torch.Tensor, torch.nn.Module)):
        return copy.deepcopy(value) if not isinstance(value, torch.Tensor) or value.is_leaf else value.detach().clone()
    return value


def _exception_text(message: str) -> str:
    """``AssertionError: the message`` (all its lines) out of Otter's report of a failed case."""
    found = re.search(r"^(\w+): (.*)\Z", message, re.M | re.S)
    return found.group(0) if found else message.strip().rsplit("\n", 1)[-1]


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
        """A copy of the answer key's namespace after ``code`` has run in it (arrays, frames,
        tensors and modules are copied too, so a variant that changes them in place cannot
        change the answer key for the variants after it)."""
        env = {name: _copied(value) for name, value in self.env.items()}
        with working_dir(self.root / layout.SOLUTIONS):
            exec(compile(code, f"<variant for {self.lesson}>", "exec"), env)
        return env

    def grade(self, env: dict, question: str, only: str | None = None) -> Result:
        """Run the test cases of ``question`` against ``env``: all of them, or ``only="public"`` /
        ``only="hidden"`` ones (``public`` is what a student's ``grader.check`` runs)."""
        test_file = ExceptionTestFile.from_file(str(self.tests_dir / f"{question}.py"))
        if only is not None:
            test_file.test_cases = [c for c in test_file.test_cases if c.hidden == (only == "hidden")]
            if not test_file.test_cases:
                return Result(0.0, 0.0, "")
        test_file.run(env)
        non_assertions = [
            r.message.rsplit("\n", 1)[-1]
            for r in test_file.test_case_results
            if not r.passed and not r.message.rsplit("\n", 1)[-1].startswith("AssertionError")
        ]
        failures = [
            (r.test_case.body.test_func.__name__, _exception_text(r.message))
            for r in test_file.test_case_results
            if not r.passed
        ]
        return Result(test_file.score, test_file.possible, test_file.summary(), non_assertions, failures)

    def check_wrong(self, variant: Wrong) -> None:
        env = self.run_code(variant.code)
        result = self.grade(env, variant.question)
        assert not result.full, f"wrong answer got full marks on {variant.question}:\n{variant.code}"
        assert variant.message in result.output, (
            f"expected the message {variant.message!r} for\n{variant.code}\ngot:\n{result.output}"
        )
        assert "Traceback" not in result.output
        assert not result.python_errors, f"a test raised a Python error, not a sentence: {result.python_errors}"
        if variant.public is True:
            public = self.grade(env, variant.question, only="public")
            assert public.possible and not public.full, (
                f"the public checks pass this wrong answer of {variant.question} (mark it public='why not'"
                f" if it cannot be caught publicly):\n{variant.code}"
            )
            assert variant.message in public.output, (
                f"the public checks catch\n{variant.code}\nbut without the message {variant.message!r}:"
                f"\n{public.output}"
            )
        else:
            assert isinstance(variant.public, str) and len(variant.public) > 15, "say why it is not caught publicly"

    def check_right(self, variant: Right) -> None:
        result = self.grade(self.run_code(variant.code), variant.question)
        assert result.full, f"correct answer ({variant.why}) lost points:\n{variant.code}\n{result.output}"


# ---------------------------------------------------------------------------------- inputs overwritten
IN_PLACE = re.compile(r"^\w+: \w+ changed\b.*\b(in place|it was given)\b", re.S)
"""The message of a check that forbids a function to change an input (``AssertionError: predict
changed X or w in place``, ``... softmax changed the array it was given``): the one failure an
overwritten input may cause. (A value of the notebook found changed, ``lonlat was changed in place``,
is not one: a test must not hand the notebook's own arrays to a student's function.)"""


def _scribble(value) -> bool:
    """Overwrite a NumPy array or torch tensor in place with values no right answer holds (NaN,
    or every integer and truth value flipped); False for anything else, or one that cannot be written."""
    np, torch = sys.modules.get("numpy"), sys.modules.get("torch")
    if np is not None and isinstance(value, np.ndarray):
        if not value.flags.writeable or value.size == 0 or value.dtype.kind not in "biufc":
            return False
        if value.dtype.kind == "b":
            np.logical_not(value, out=value)
        elif value.dtype.kind in "iu":
            np.invert(value, out=value)
        else:
            value.fill(np.nan)
        return True
    if torch is not None and isinstance(value, torch.Tensor) and value.numel():
        with torch.no_grad():
            if value.dtype == torch.bool:
                value.logical_not_()
            elif value.is_floating_point() or value.is_complex():
                value.fill_(float("nan"))
            else:
                value.bitwise_not_()
        return True
    return False


def _own_copy(value):
    """The result with arrays and tensors copied (recursively through tuples, lists and dicts), so
    that overwriting the arguments cannot change it even where it is a view of one of them."""
    np, torch = sys.modules.get("numpy"), sys.modules.get("torch")
    if np is not None and isinstance(value, np.ndarray):
        return value.copy()
    if torch is not None and isinstance(value, torch.Tensor):
        return value.clone()
    if isinstance(value, (tuple, list)):
        copied = [_own_copy(v) for v in value]
        return type(value)(copied) if type(value) in (tuple, list) else value
    if isinstance(value, dict) and type(value) is dict:
        return {k: _own_copy(v) for k, v in value.items()}
    return value


class Overwriting:
    """A mode of :class:`AnswerKey` in which every function the answer key defines (and every method
    of its classes) computes its right result, then overwrites each of its NumPy-array and
    torch-tensor arguments in place (``_scribble``), as a right answer that reuses its inputs as
    scratch space would. Only calls from the tests are affected: a student's function calling
    another runs as written. ``only`` limits the overwriting to some ``(function, parameter)`` pairs;
    ``overwritten`` records, for each pair, the questions in which it happened.

    The grader behaves the same way: ``Client.call`` copies what the student's process did to each
    array, tensor and module argument back into the test's own objects."""

    def __init__(self, key: AnswerKey, only: set[tuple[str, str]] | None = None):
        self.key, self.only = key, only
        self.overwritten: dict[tuple[str, str], set[str]] = {}
        self.question = ""
        self._busy = False

    def _answer_key_code(self, func) -> bool:
        code = getattr(func, "__code__", None)
        return code is not None and code.co_filename.startswith(f"<{self.key.lesson} cell ")

    def wrap(self, func, label: str):
        try:
            signature = inspect.signature(func)
        except (TypeError, ValueError):
            return func

        @functools.wraps(func)
        def overwriting(*args, **kwargs):
            if self._busy:  # called by the answer key's own code, not by a test
                return func(*args, **kwargs)
            self._busy = True
            try:
                result = _own_copy(func(*args, **kwargs))
            finally:
                self._busy = False
            try:
                bound = signature.bind(*args, **kwargs).arguments
            except TypeError:
                return result
            for param, value in bound.items():
                if self.only is not None and (label, param) not in self.only:
                    continue
                values = value if isinstance(value, (tuple, list)) else [value]  # *args, or a list of arrays
                if any([_scribble(v) for v in values]):
                    self.overwritten.setdefault((label, param), set()).add(self.question)
            return result

        return overwriting

    @contextlib.contextmanager
    def active(self, env: dict):
        """``env`` with the answer key's functions wrapped, and its classes' methods wrapped while inside."""
        patched = []
        for name, value in list(env.items()):
            if inspect.isfunction(value) and self._answer_key_code(value):
                env[name] = self.wrap(value, name)
            elif inspect.isclass(value) and value.__module__ == "__main__":
                for attr, member in list(vars(value).items()):
                    if inspect.isfunction(member) and self._answer_key_code(member) and attr != "__init__":
                        patched.append((value, attr, member))
                        setattr(value, attr, self.wrap(member, f"{name}.{attr}"))
        try:
            yield env
        finally:
            for cls, attr, member in patched:
                setattr(cls, attr, member)

    def grade(self, questions: list[str] | None = None) -> dict[str, Result]:
        """Each question's result, graded in the judge's order on one copy of the answer key's namespace
        (as the grader's tests share one namespace), the functions overwriting their inputs."""
        order = sorted(questions or self.key.questions, key=lambda q: (len(q), q))
        results = {}
        with self.active(self.key.run_code("")) as env:
            for question in order:
                self.question = question
                results[question] = self.key.grade(env, question)
        return results


def overwrite_problems(results: dict[str, Result]) -> list[str]:
    """The failures of a grading with inputs overwritten that are not a check forbidding it: each
    should have computed what it expects before the call, from its own copies."""
    problems = []
    for question, result in results.items():
        for case, message in result.failures:
            if not IN_PLACE.search(message):
                problems.append(f"{question} ({case}): {message[:300]}")
    return problems


BAD_ANSWERS = {
    "an ellipsis (the blank left in)": "...",
    "None": "None",
    "a string": "'hello'",
    "an array of the wrong shape": "__import__('numpy').zeros((7, 5))",
}
"""What a student may leave in any answer name: every test must answer each with a sentence."""


def check_guards(key: AnswerKey, question: str, names: list[str]) -> list[str]:
    """Problems found when each of ``names`` holds each of :data:`BAD_ANSWERS`: a side (public or
    hidden) that gives full marks, or a test that fails with a Python error instead of a sentence."""
    problems = []
    for name in names:
        for label, code in BAD_ANSWERS.items():
            env = key.run_code(f"{name} = {code}")
            for side in ("public", "hidden"):
                result = key.grade(env, question, only=side)
                if result.possible and result.full:
                    problems.append(f"{question} {side}: {name} = {label} gets full marks")
                if result.python_errors:
                    problems.append(f"{question} {side}: {name} = {label} -> {result.python_errors[0][:160]}")
    return problems


def answer_names(key: AnswerKey, question: str) -> list[str]:
    """The answer names ``question``'s test functions take (``env`` excluded)."""
    names = []
    for case in ExceptionTestFile.from_file(str(key.tests_dir / f"{question}.py")).test_cases:
        for param in inspect.signature(case.body.test_func).parameters:
            if param != "env" and param not in names:
                names.append(param)
    return names


def check_cells(nb) -> dict[str, object]:
    """{question: cell} for every ``grader.check("qN")`` cell."""
    found = {}
    for cell in nb.cells:
        match = re.fullmatch(r'grader\.check\("(\w+)"\)', notebooks.source_text(cell).strip())
        if cell.cell_type == "code" and match:
            found[match.group(1)] = cell
    return found


def _segments(nb) -> dict[str, list]:
    """Code cells grouped under the Markdown cell before them (keyed by its text)."""
    groups, key = {}, ""
    checks = [id(c) for c in check_cells(nb).values()]
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            key = notebooks.source_text(cell)
            groups.setdefault(key, [])
        elif id(cell) not in checks:
            groups.setdefault(key, []).append(cell)
    return groups


def answered_notebook(lesson: str, replace: dict[str, str] | None = None):
    """The student notebook with the answer key's code in its answer cells.

    Answer cells are matched to the answer key's cells by the Markdown cell above them (both
    notebooks keep the lesson's text). ``replace`` maps a question to code appended to its answer.
    """
    student = notebooks.read(layout.student_notebook(ROOT, lesson))
    key = _segments(notebooks.read(layout.solution_notebook(ROOT, lesson)))
    questions = list(check_cells(student))
    for text, cells in _segments(student).items():
        answers = [id(c) for c in cells if "otter_answer_cell" in c.metadata.get("tags", [])]
        if not answers:
            continue
        assert len(key.get(text, [])) == len(cells), f"{lesson}: the answer key's cells under {text[:40]!r} differ"
        for cell, solved in zip(cells, key[text], strict=True):
            if id(cell) in answers:
                cell.source = notebooks.source_text(solved)
    for question, code in (replace or {}).items():
        check = check_cells(student)[question]
        index = student.cells.index(check)
        answer = next(c for c in reversed(student.cells[:index]) if "otter_answer_cell" in c.metadata.get("tags", []))
        answer.source += "\n" + code
    assert questions, f"{lesson}: no grader.check cells"
    return student


def check_output(cell) -> str:
    """The text a ``grader.check`` cell showed."""
    parts = []
    for out in cell.get("outputs", []):
        parts.append(
            out.get("text", "") or out.get("data", {}).get("text/plain", "") or "\n".join(out.get("traceback", []))
        )
    return "\n".join(parts)


def passed(text: str) -> bool:
    return bool(re.search(r"passed", text)) and "failed" not in text.lower() and "Traceback" not in text


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
