"""The tests of the tests under the real grader: every variant of ``tests/variants/`` graded by
``python -m course grade`` (sandboxed worker, judge, bridge) instead of the in-process harness.

A variant is a few lines a student could write after the answer key's cells, and the harness runs
it so (:meth:`harness.AnswerKey.run_code`); here it is a code cell appended to the answer key
(``solutions/NN-name.ipynb``, outputs cleared). Each lesson's submissions are graded in one
``course grade`` run (``--jobs 2``), and ``results/NAME.json`` must show what the harness promises:
a ``Wrong`` loses points on its question and its message is among that question's case messages,
a ``Right`` gets the question's full points.

One notebook per variant would cost a worker and a judge each (hundreds per lesson), so a notebook
answers several questions, each with one variant (:func:`plan`); a lesson needs about as many
notebooks as its busiest question has variants. Every question of such a notebook must be graded
as in a notebook of its own, which takes two things.

- **Each question sees its own world.** A cell after the key's cells saves the key's variables and
  the random generators' states (:data:`ISOLATION`). Before each variant they are put back (fresh
  deep copies: a variant that changes an array in place cannot reach the next one), the variant
  runs, and its *world* is kept: the namespace it left, with every function the notebook defined
  made to look up its globals there, as a function run by the harness looks them up in its copy
  of the namespace. The last cell puts the key's state back, gives the key's functions a world of
  their own (the key's), and binds the names each variant's question reads from that variant's
  world. So a wrong ``softmax`` is what the ``softmax`` question's tests call, while the key's
  ``train_softmax``, graded in the same notebook, still calls the key's ``softmax``; and
  ``lonlat -= mean`` is undone for every other question.
- **No name holds two values.** The judge reads one namespace. Two questions that read the same
  name (``X_train`` in several questions of lesson 07) see the same value; so a variant that
  changes such a name (its code assigns it, or changes it in place, read from the code by
  :func:`footprint`) *disturbs* the other questions that read it, and the methods of the classes
  their answers are made of (which look up the notebook's globals). A notebook takes no variant for
  a question it disturbs, and does not assert that question (every other notebook does). The last
  cell checks what the code reading may miss: it compares, for each variant, the names that an
  undisturbed question also reads with the key's values, and raises (a cell error in the results)
  if one changed.

Questions a notebook answers with the key's code must keep full marks: that proves the isolation.

A variant that reads or writes files (a path, ``open``, ``read_csv``, ``np.load``, ``os``) cannot
travel: the harness runs it in ``solutions/`` next to ``../data``, the grader in an empty folder
holding only ``data/NAME``. Such variants are skipped by :data:`CANNOT_TRAVEL` and counted in
:func:`test_plan_places_every_variant_once`'s output.
"""

from __future__ import annotations

import ast
import functools
import json
import os
import re
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import nbformat
import pytest
from conftest import grader_tmpdir
from harness import ROOT, AnswerKey, Right, Wrong
from test_tests_of_tests import load_variants

from course import layout, lessons, notebooks
from course.grading.judge import Lesson

LESSONS = lessons.all_lessons(ROOT)
NOTEBOOKS = os.environ.get("COURSE_VARIANT_NOTEBOOKS", "8")
"""How many of each lesson's submissions to grade, evenly spread over the plan (the default keeps the
suite within its time); ``all`` grades every one, and so every variant: the complete proof, about
11 minutes on 2 cores, run before a release."""
CELL_TIMEOUT = 60
SUBMISSION_TIMEOUT = 900
"""Per submission: the key's cells, some variants that train a model, and a deep copy of the key's
state per variant, on a busy machine."""
CANNOT_TRAVEL = re.compile(
    r"""\bopen\(|read_csv|\bnp\.(load|save)|\bos\.|\bPath\(|['"][^'"\n]*\.(csv|npy|npz|pt)['"]"""
)

ISOLATION = '''\
# Added by tests/test_variants_under_the_grader.py: each question is graded in a world of its own.
import copy as _vg_copy
import random as _vg_random
import sys as _vg_sys
import types as _vg_types

_vg_key = {n: v for n, v in globals().items() if n not in _vg_before and not n.startswith("_vg")}
_vg_worlds = {}
_vg_missing = object()


def _vg_rng_states():
    states = {"random": _vg_random.getstate()}
    if "numpy" in _vg_sys.modules:
        states["numpy"] = _vg_sys.modules["numpy"].random.get_state()
    if "torch" in _vg_sys.modules:
        states["torch"] = _vg_sys.modules["torch"].get_rng_state()
    return states


_vg_rng = _vg_rng_states()


def _vg_copies():
    """Fresh deep copies of the key's variables (one memo: a model and its optimizer stay linked)."""
    torch, memo, values = _vg_sys.modules.get("torch"), {}, {}
    for name, value in _vg_key.items():
        try:
            copied = _vg_copy.deepcopy(value, memo)
            values[name] = value if copied is None else copied  # an object that answers any attribute
        except Exception:  # a tensor inside autograd's graph: copied as the harness copies it
            tensor = torch is not None and isinstance(value, torch.Tensor)
            values[name] = value.detach().clone() if tensor else value
    return values


def _vg_restore():
    """The key's variables and random states, as after its last cell; names made since, removed."""
    names = globals()
    for name in [n for n in names if n not in _vg_before and n not in _vg_key and not n.startswith("_vg")]:
        del names[name]
    names.update(_vg_copies())
    _vg_random.setstate(_vg_rng["random"])
    if "numpy" in _vg_rng:
        _vg_sys.modules["numpy"].random.set_state(_vg_rng["numpy"])
    if "torch" in _vg_rng:
        _vg_sys.modules["torch"].set_rng_state(_vg_rng["torch"])


def _vg_world():
    """This namespace as it is now, its functions looking up their globals in it."""
    names = globals()
    world = dict(names)
    for name, func in names.items():
        if isinstance(func, _vg_types.FunctionType) and func.__globals__ is names and not name.startswith("_vg"):
            moved = _vg_types.FunctionType(func.__code__, world, func.__name__, func.__defaults__, func.__closure__)
            moved.__kwdefaults__, moved.__qualname__ = func.__kwdefaults__, func.__qualname__
            moved.__doc__, moved.__module__, moved.__annotations__ = func.__doc__, func.__module__, func.__annotations__
            moved.__dict__.update(func.__dict__)
            world[name] = moved
    return world


def _vg_keep(question):
    _vg_worlds[question] = _vg_world()


def _vg_same(a, b):
    """Whether a variant left ``a`` as the key's ``b`` (a copy of it, so compared by value)."""
    if a is b:
        return True
    if type(a) is not type(b):
        return False
    if isinstance(a, _vg_types.FunctionType):  # the same function, moved to another world
        return a.__code__ is b.__code__ and a.__defaults__ == b.__defaults__
    np, torch = _vg_sys.modules.get("numpy"), _vg_sys.modules.get("torch")
    try:
        if np is not None and isinstance(a, np.ndarray):
            nan = a.dtype.kind in "fc"
            return a.shape == b.shape and a.dtype == b.dtype and bool(np.array_equal(a, b, equal_nan=nan))
        if torch is not None and isinstance(a, torch.Tensor):
            a, b = a.detach().cpu(), b.detach().cpu()
            return a.shape == b.shape and a.dtype == b.dtype and bool(((a == b) | (a.isnan() & b.isnan())).all())
        if torch is not None and isinstance(a, torch.nn.Module):
            sa, sb = a.state_dict(), b.state_dict()
            return list(sa) == list(sb) and all(_vg_same(sa[k], sb[k]) for k in sa)
        if hasattr(a, "equals"):  # pandas
            return bool(a.equals(b))
        if isinstance(a, (list, tuple)):
            return len(a) == len(b) and all(_vg_same(x, y) for x, y in zip(a, b))
        if isinstance(a, dict):
            return list(a) == list(b) and all(_vg_same(a[k], b[k]) for k in a)
        if type(a).__eq__ is object.__eq__ and hasattr(a, "__dict__"):
            return _vg_same(vars(a), vars(b))
        return bool(a == b)
    except Exception:
        return False


def _vg_finish(reads, shared):
    """Bind each question's names from its world (``reads``: {question: names}); then raise if a
    variant changed one of ``shared`` ({question: names other questions read})."""
    _vg_restore()
    names = globals()
    key_world = _vg_world()
    for name, value in key_world.items():
        if isinstance(value, _vg_types.FunctionType) and value.__globals__ is key_world:
            names[name] = value
    changed = []
    for question, world in _vg_worlds.items():
        for name in reads[question]:
            value = world.get(name, _vg_missing)
            if value is _vg_missing:
                names.pop(name, None)
            else:
                names[name] = value
            if name in shared.get(question, ()) and not _vg_same(value, key_world.get(name, _vg_missing)):
                changed.append(f"{question}:{name}")
    if changed:
        raise RuntimeError("VG-SHARED-NAME-CHANGED " + " ".join(changed))
'''
"""The cell after the answer key's cells: the key's state, saved, and the helpers that give each
question its world. (``_vg_before``, the names there before the key's first cell, comes first.)"""

MUTATING = {
    *"backward step zero_grad train eval fit sort append extend insert pop remove clear update fill apply".split(),
    *"load_state_dict to cuda cpu double float half shuffle resize put setdefault permutation".split(),
}
"""Method names that may change their object or their arguments in place (besides ``*_``)."""


# --- what a piece of code changes ----------------------------------------------------------------


@dataclass
class Footprint:
    changed: set[str] = field(default_factory=set)
    """Names the code's top-level statements bind or may change in place."""
    functions: set[str] = field(default_factory=set)
    classes: dict[str, set[str]] = field(default_factory=dict)
    """{class name: the globals its methods may look up}."""
    instances: dict[str, set[str]] = field(default_factory=dict)
    """{name: classes of ``classes`` it may be an instance of (``mlp = MLP()``)}."""


def _names(node) -> set[str]:
    return {n.id for n in ast.walk(node) if isinstance(n, ast.Name)}


def _base(node) -> set[str]:
    """The variable an expression or assignment target is part of (``x``, ``x[i]``, ``x.a.b``, ``a, b``)."""
    if isinstance(node, ast.Name):
        return {node.id}
    if isinstance(node, (ast.Tuple, ast.List)):
        return set().union(*(_base(t) for t in node.elts))
    if isinstance(node, (ast.Subscript, ast.Attribute, ast.Starred)):
        return _base(node.value)
    return set()


def _parse(code: str) -> ast.Module:
    from IPython.core.inputtransformer2 import TransformerManager

    return ast.parse(TransformerManager().transform_cell(code))


def footprint(code: str, functions: set[str] = frozenset(), classes: set[str] = frozenset()) -> Footprint:
    """What ``code`` does to a notebook's globals, read from its text: the names its top-level
    statements assign (or ``del``, import, define), and those they may change in place (``x -= m``,
    ``x[i] = v``, ``x.sort()``, ``init.zeros_(x)``, ``train(x)`` for a function of the notebook).
    ``functions`` and ``classes``: names the notebook defines as such, the key and variants together."""
    found = Footprint()

    def top_level(node) -> None:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            found.changed.add(node.name)
            if isinstance(node, ast.ClassDef):
                found.classes[node.name] = _names(node)
            else:
                found.functions.add(node.name)
            for inner in ast.walk(node):  # `global x` in a function: a test's call may rebind x
                if isinstance(inner, ast.Global):
                    found.changed.update(inner.names)
            return
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            found.changed.update((a.asname or a.name).split(".")[0] for a in node.names)
            return
        targets = []
        if isinstance(node, (ast.Assign, ast.Delete)):
            targets = node.targets
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor)):
            targets = [node.target]
        elif isinstance(node, (ast.With, ast.AsyncWith)):
            targets = [item.optional_vars for item in node.items if item.optional_vars is not None]
        for target in targets:
            bound = _base(target)
            found.changed |= bound
            value = getattr(node, "value", None)
            if value is not None:
                made_by = {f.id for f in _calls(value) if isinstance(f, ast.Name) and f.id in classes}
                for name in bound:
                    found.instances.setdefault(name, set()).update(made_by)
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.stmt):
                top_level(child)
        for expr in _top_level_expressions(node):
            for inner in ast.walk(expr):
                if isinstance(inner, ast.NamedExpr):
                    found.changed.add(inner.target.id)
                if not isinstance(inner, ast.Call):
                    continue
                func = inner.func
                name = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
                if name in MUTATING or name.endswith("_") or name in functions:
                    if isinstance(func, ast.Attribute):
                        found.changed |= _base(func.value)
                    for arg in [*inner.args, *(k.value for k in inner.keywords)]:
                        found.changed |= _base(arg)

    for statement in _parse(code).body:
        top_level(statement)
    return found


def _calls(node) -> list:
    return [n.func for n in ast.walk(node) if isinstance(n, ast.Call)]


def _top_level_expressions(node) -> list:
    """The expressions a statement evaluates itself (not those of statements nested in it, nor the
    bodies of functions, lambdas and classes, which run later)."""
    out = []
    for child in ast.iter_child_nodes(node):
        if isinstance(child, ast.expr) and not isinstance(child, ast.Lambda):
            out.append(child)
    return out


def defined(code: str) -> tuple[set[str], set[str]]:
    tree = _parse(code)
    functions = {n.name for n in tree.body if isinstance(n, (ast.FunctionDef, ast.AsyncFunctionDef))}
    return functions, {n.name for n in ast.walk(tree) if isinstance(n, ast.ClassDef)}


# --- the plan: which variants share a notebook ---------------------------------------------------------


def key_notebook(lesson: str):
    """The answer key as a student would hand it in: its cells, outputs cleared."""
    nb = notebooks.read(layout.solution_notebook(ROOT, lesson))
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def reads_of_tests(lesson: Lesson) -> dict[str, set[str]]:
    """{question: names its tests read}: their parameters and the names they ``env.get``."""
    sources = {p.stem: p.read_text(encoding="utf-8") for p in lesson.test_paths}
    env_reads = r"""\benv(?:\.get\(\s*|\[\s*)['"](\w+)['"]"""
    return {q: set(names) | set(re.findall(env_reads, sources[q])) for q, names in lesson.params_by_question.items()}


@dataclass
class Placed:
    variant: Wrong | Right
    changes: set[str]
    """The names its question's tests read that the variant's code changes."""
    classes: dict[str, set[str]]
    instances: dict[str, set[str]]


@dataclass
class Submission:
    name: str
    variants: dict[str, Placed] = field(default_factory=dict)
    disturbed: dict[str, str] = field(default_factory=dict)
    """{question answered by the key: which variant here changes a name its tests read}."""
    cells: dict[str, int] = field(default_factory=dict)
    """{question: index of the cell holding its variant's code}."""


@dataclass
class Plan:
    lesson: str
    questions: list[str]
    reads: dict[str, set[str]]
    submissions: list[Submission]
    skipped: list[tuple[Wrong | Right, str]]
    key_classes: dict[str, set[str]]
    key_instances: dict[str, set[str]]

    def where(self, variant) -> Submission:
        for submission in self.submissions:
            placed = submission.variants.get(variant.question)
            if placed is not None and placed.variant is variant:
                return submission
        raise LookupError(variant)

    def reach(self, question: str, submission: Submission) -> set[str]:
        """The names the tests of ``question`` read, and those the methods of their answers' classes
        look up (the classes of the world it is graded in)."""
        placed = submission.variants.get(question)
        classes = {**self.key_classes, **(placed.classes if placed else {})}
        instances = {**self.key_instances, **(placed.instances if placed else {})}
        names = set(self.reads[question])
        for name in list(names):
            for cls in instances.get(name, set()) | ({name} if name in classes else set()):
                names |= classes.get(cls, set())
        return names

    def disturbs(self, placed: Placed, question: str, submission: Submission) -> set[str]:
        if placed.variant.question == question:
            return set()
        return placed.changes & self.reach(question, submission)


@functools.cache
def variants(lesson: str) -> tuple[list, list]:
    """The lesson's (wrong, right) variants, loaded once: the tests' parameters are the plan's objects."""
    wrong, right = load_variants(lesson)
    return list(wrong), list(right)


@functools.cache
def plan(lesson: str) -> Plan:
    """Every variant of ``lesson`` placed in a submission: in rounds, the k-th variant of each
    question goes into the first submission where its question has no variant yet, no variant
    there disturbs it, and it disturbs no question that has a variant there."""
    judge = Lesson(lesson, ROOT)
    reads = reads_of_tests(judge)
    key_code = "\n".join(notebooks.source_text(c) for c in key_notebook(lesson).cells if c.cell_type == "code")
    wrong, right = variants(lesson)
    functions, classes = defined(key_code)
    for variant in [*wrong, *right]:
        more_functions, more_classes = defined(variant.code)
        functions, classes = functions | more_functions, classes | more_classes
    key = footprint(key_code, functions, classes)
    found = Plan(lesson, judge.questions, reads, [], [], key.classes, key.instances)
    by_question: dict[str, list[Placed]] = {}
    for variant in [*wrong, *right]:
        if CANNOT_TRAVEL.search(variant.code):
            found.skipped.append((variant, "it reads or writes files, and the grader runs it in another folder"))
            continue
        mine = footprint(variant.code, functions, classes)
        placed = Placed(variant, mine.changed & reads[variant.question], mine.classes, mine.instances)
        by_question.setdefault(variant.question, []).append(placed)
    for k in range(max((len(v) for v in by_question.values()), default=0)):
        for question in judge.questions:
            if k < len(by_question.get(question, [])):
                _place(found, by_question[question][k])
    for submission in found.submissions:
        for question in judge.questions:
            if question not in submission.variants:
                for placed in submission.variants.values():
                    hit = found.disturbs(placed, question, submission)
                    if hit:
                        submission.disturbed[question] = (
                            f"the variant of {placed.variant.question} changes {sorted(hit)}"
                        )
    return found


def _place(found: Plan, placed: Placed) -> None:
    question = placed.variant.question
    for submission in found.submissions:
        if question in submission.variants:
            continue
        submission.variants[question] = placed
        others = [p for p in submission.variants.values() if p is not placed]
        if not any(found.disturbs(o, question, submission) for o in others) and not any(
            found.disturbs(placed, o.variant.question, submission) for o in others
        ):
            return
        del submission.variants[question]
    submission = Submission(f"{found.lesson}-batch-{len(found.submissions):03d}")
    submission.variants[question] = placed
    found.submissions.append(submission)


# --- the submissions, graded -------------------------------------------------------------------------


def submission_notebook(found: Plan, submission: Submission):
    """The answer key, then each variant between putting the key's state back and keeping its world,
    then the cell that binds each question's names from its world. Records the variants' cells."""
    nb = key_notebook(found.lesson)
    nb.cells.insert(0, nbformat.v4.new_code_cell("_vg_before = set(globals())"))
    nb.cells.append(nbformat.v4.new_code_cell(ISOLATION))
    for question, placed in submission.variants.items():
        nb.cells.append(nbformat.v4.new_code_cell("_vg_restore()"))
        submission.cells[question] = len(nb.cells)
        nb.cells.append(nbformat.v4.new_code_cell(placed.variant.code))
        nb.cells.append(nbformat.v4.new_code_cell(f"_vg_keep({question!r})"))
    reads = {q: sorted(found.reads[q]) for q in submission.variants}
    undisturbed = [q for q in found.questions if q not in submission.disturbed]
    shared = {
        q: sorted(found.reads[q] & set().union(*(found.reach(p, submission) for p in undisturbed if p != q)))
        for q in submission.variants
    }
    nb.cells.append(nbformat.v4.new_code_cell(f"_vg_finish({reads!r}, {shared!r})"))
    return nb


@dataclass
class Graded:
    plan: Plan
    results: dict[str, dict]
    """{submission name: its results/NAME.json}."""
    log: str


GRADED: dict[str, Graded] = {}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    """{lesson: Graded}, each lesson graded the first time a test asks for it."""

    def get(lesson: str) -> Graded:
        if lesson not in GRADED:
            GRADED[lesson] = grade_lesson(lesson, tmp_path_factory.mktemp(f"variants-{lesson}"))
        return GRADED[lesson]

    return get


def chosen(lesson: str) -> list[Submission]:
    """The submissions graded in this run (see :data:`NOTEBOOKS`)."""
    every = plan(lesson).submissions
    if NOTEBOOKS == "all" or len(every) <= int(NOTEBOOKS):
        return every
    step = len(every) / int(NOTEBOOKS)
    return [every[int(i * step)] for i in range(int(NOTEBOOKS))]


def grade_lesson(lesson: str, tmp: Path) -> Graded:
    found = plan(lesson)
    folder = tmp / "submissions"
    folder.mkdir()
    for submission in chosen(lesson):
        notebooks.write(submission_notebook(found, submission), folder / f"{submission.name}.ipynb")
    out = tmp / "out"
    cmd = [sys.executable, "-m", "course", "grade", lesson, str(folder), "--out", str(out), "--jobs", "2"]
    cmd += ["--cell-timeout", str(CELL_TIMEOUT), "--timeout", str(SUBMISSION_TIMEOUT)]
    env = {**os.environ, "TMPDIR": str(grader_tmpdir(tmp))}
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=4 * 3600)
    log = proc.stdout + proc.stderr
    assert proc.returncode == 0, log[-4000:]
    results = {}
    for submission in chosen(lesson):
        path = out / "results" / f"{submission.name}.json"
        assert path.is_file(), f"no results for {submission.name}:\n{log[-3000:]}"
        results[submission.name] = json.loads(path.read_text(encoding="utf-8"))
    return Graded(found, results, log)


@functools.cache
def answer_key(lesson: str) -> AnswerKey:
    return AnswerKey(lesson)


def harness_says(lesson: str, variant) -> str:
    """What the in-process harness gives the variant (to tell a grader difference from a test's)."""
    key = answer_key(lesson)
    result = key.grade(key.run_code(variant.code), variant.question)
    found = getattr(variant, "message", None)
    said = f", message {'found' if found in result.output else 'missing'}" if found else ""
    return f"the harness gives {result.score:g}/{result.possible:g}{said}"


def verdict(graded, lesson: str, variant) -> tuple[dict, str]:
    """The variant's question in the results, and a description of its submission for messages."""
    run = graded(lesson)
    submission = run.plan.where(variant)
    result = run.results[submission.name]
    cell = submission.cells[variant.question]
    errors = [e for e in result["cell_errors"] if e["index"] == cell]
    assert not errors, f"the variant's code raised in the grader's worker: {errors}\n{variant.code}"
    assert result["status"] == "ok", f"{submission.name}: {result['status']} {result['message']}"
    where = f"{submission.name}.ipynb, cell {cell}:\n{variant.code}"
    return result["questions"][variant.question], where


def _id(lesson: str, variant) -> str:
    return f"{lesson}/{variant}"


def graded_variants(lesson: str, which: int) -> list:
    """The wrong (``which=0``) or right (1) variants placed in the submissions this run grades."""
    placed = {id(p.variant) for s in chosen(lesson) for p in s.variants.values()}
    skipped = {id(v) for v, _ in plan(lesson).skipped}
    return [v for v in variants(lesson)[which] if id(v) in placed or id(v) in skipped]


WRONG = [pytest.param(lesson, v, id=_id(lesson, v)) for lesson in LESSONS for v in graded_variants(lesson, 0)]
RIGHT = [pytest.param(lesson, v, id=_id(lesson, v)) for lesson in LESSONS for v in graded_variants(lesson, 1)]


def _skip_if_cannot_travel(lesson: str, variant) -> None:
    for skipped, why in plan(lesson).skipped:
        if skipped is variant:
            pytest.skip(f"cannot travel to the grader: {why}")


@pytest.mark.slow
@pytest.mark.parametrize("lesson, variant", WRONG)
def test_wrong_answer_loses_points_with_its_message_under_the_grader(graded, lesson, variant):
    _skip_if_cannot_travel(lesson, variant)
    question, where = verdict(graded, lesson, variant)
    messages = [case["message"] for case in question["cases"] if not case["passed"]]
    lost = question["score"] < question["possible"] - 1e-6
    assert lost and any(variant.message in m for m in messages), (
        f"the grader gives {question['score']:g}/{question['possible']:g} with {messages}, expected fewer"
        f" points and {variant.message!r} ({harness_says(lesson, variant)}); {where}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("lesson, variant", RIGHT)
def test_other_correct_answer_gets_full_marks_under_the_grader(graded, lesson, variant):
    _skip_if_cannot_travel(lesson, variant)
    question, where = verdict(graded, lesson, variant)
    messages = [case["message"] for case in question["cases"] if not case["passed"]]
    assert abs(question["score"] - question["possible"]) < 1e-6, (
        f"the grader gives {question['score']:g}/{question['possible']:g} with {messages}"
        f" ({harness_says(lesson, variant)}); {where}"
    )


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_questions_answered_by_the_key_keep_full_marks(graded, lesson):
    """In every submission, each question answered by the key's code (and not disturbed, see the
    module's docstring) keeps full marks, and no cell but a variant's own raised."""
    run = graded(lesson)
    problems = []
    for submission in chosen(lesson):
        result = run.results[submission.name]
        variant_cells = set(submission.cells.values())
        for error in result["cell_errors"]:
            if error["index"] not in variant_cells:
                problems.append(f"{submission.name}: cell {error['index']} {error['type']}: {error['message']}")
        for question, graded_question in result["questions"].items():
            if question in submission.variants or question in submission.disturbed:
                continue
            if abs(graded_question["score"] - graded_question["possible"]) > 1e-6:
                messages = [c["message"] for c in graded_question["cases"] if not c["passed"]]
                answered = sorted(submission.variants)
                problems.append(
                    f"{submission.name} {question} (the key's answer, beside variants of {answered}):"
                    f" {graded_question['score']:g}/{graded_question['possible']:g} {messages}"
                )
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("lesson", LESSONS)
def test_plan_places_every_variant_once(lesson):
    """Each variant is in exactly one submission (or skipped, with its reason); no submission has
    two variants of a question, or a variant of a question that another variant there disturbs;
    and the submissions are few: at most twice the variants of the busiest question."""
    found = plan(lesson)
    wrong, right = variants(lesson)
    placed = [p.variant for s in found.submissions for p in s.variants.values()]
    skipped = [v for v, _ in found.skipped]
    assert sorted(map(id, placed + skipped)) == sorted(id(v) for v in [*wrong, *right])
    for submission in found.submissions:
        assert not set(submission.variants) & set(submission.disturbed)
        for question, mine in submission.variants.items():
            assert mine.variant.question == question
            assert not any(found.disturbs(o, question, submission) for o in submission.variants.values())
    busiest = max(sum(v.question == q for v in [*wrong, *right]) for q in found.questions)
    assert len(found.submissions) <= 2 * busiest, (len(found.submissions), busiest)
    print(f"{lesson}: {len(placed)} variants in {len(found.submissions)} notebooks, {len(skipped)} skipped")


def test_footprint_sees_in_place_changes_and_not_reads():
    changed = footprint(
        "a = f(b)\nc -= 1\nd[0] = 2\ne.sort()\ninit.zeros_(g)\ntrain(h)\nk = m.mean()\nimport numpy as np",
        functions={"train"},
    ).changed
    assert changed == {"a", "c", "d", "e", "init", "g", "h", "k", "np"}
    made = footprint("class M:\n    def f(self):\n        return sigmoid(1)\nmodel = M()", classes={"M"})
    assert made.instances["model"] == {"M"} and "sigmoid" in made.classes["M"]
