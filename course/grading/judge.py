"""Grade one submission: run it in a sandboxed worker, then run the lesson's Otter tests HERE.

The process running this module never runs student code. The tests (``autograder/NN/tests/*.py``,
Otter's exception format) get their arguments from a lazy environment that fetches each name from
the worker as data; a student's function, class or object becomes a :class:`Remote` proxy whose
calls go back to the worker with their arguments encoded as data. Comparisons, assertions and
points are all decided in this process, so nothing a notebook does to its own process (rewriting
files, monkeypatching NumPy or the checker, printing fake results, exiting) can raise its score.

Nor can it flood this process: answers are decoded within a budget (``bridge``: at most
16 MiB + 8 × the line, lines at most 16 MiB), each test case has a time limit
(:func:`seconds_per_test`, never much past the submission's deadline), and the process has its own
address-space limit (:func:`judge_memory_mb`: ``--memory`` + 1 GiB, at least 3 GiB).

``python -m course.grading.judge`` serves grading requests (JSON lines on stdin/stdout) for the ``grade`` verb.
"""

from __future__ import annotations

import builtins
import contextlib
import functools
import hashlib
import importlib.util
import inspect
import json
import math
import os
import random
import re
import resource
import signal
import sys
import threading
import time
import types
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from .. import layout
from .sandbox import Limits, Sandbox, WorkerGone, become_subreaper, hide_command_line, not_dumpable
from .sandboxed import bridge

MAX_NOTEBOOK_BYTES = 100 * 1024 * 1024
MESSAGE_CAP = 400
MAX_LEN = bridge.MAX_ITEMS
"""Largest ``len()`` accepted from a student's object."""
CELL_GRACE = 15.0
"""Seconds past the cell timeout before the grader stops a cell that ignores its alarm."""


# ---------------------------------------------------------------------------------- the lesson
def _bare_package(name: str) -> types.ModuleType:
    """Register package ``name`` without running its ``__init__`` (its parent package must be
    registered already), so that only the submodules imported from it are loaded."""
    if name not in sys.modules:
        spec = importlib.util.find_spec(name)
        package = types.ModuleType(name)
        package.__path__ = list(spec.submodule_search_locations)
        package.__spec__ = spec
        sys.modules[name] = package
    return sys.modules[name]


def exception_test_file():
    """Otter's ``ExceptionTestFile``, imported without running ``otter/__init__`` (Otter's export and
    API machinery) nor ``otter/test_files/__init__`` (which imports nbformat and through it
    jsonschema's format checkers: about a second per judge). The module needs only the standard
    library; the test files' ``from otter.test_files import test_case`` finds its decorator."""
    _bare_package("otter")
    test_files = _bare_package("otter.test_files")
    from otter.test_files import exception_test

    test_files.test_case = exception_test.test_case
    return exception_test.ExceptionTestFile


def read_sources(paths: list[Path]) -> dict[str, str]:
    return {p.stem: p.read_text(encoding="utf-8") for p in paths}


@dataclass
class Lesson:
    name: str
    root: Path
    sources: dict | None = None
    """The hidden tests' text, read by the grader before any worker starts (so a worker that could
    write to the instructor's files, where no sandbox is available, cannot change this batch's tests)."""
    _preloading: threading.Thread | None = field(default=None, init=False, repr=False)

    @property
    def test_paths(self) -> list[Path]:
        tests = layout.autograder_dir(self.root, self.name) / "tests"
        return sorted(tests.glob("q*.py"), key=lambda p: (len(p.stem), p.stem))

    @functools.cached_property
    def test_files(self) -> dict:
        loader = exception_test_file()
        sources = self.sources or read_sources(self.test_paths)
        return {q: loader.from_string(text, path=f"{q}.py") for q, text in sources.items()}

    @property
    def questions(self) -> list[str]:
        return list(self.sources) if self.sources else [p.stem for p in self.test_paths]

    @functools.cached_property
    def possible(self) -> dict[str, float]:
        return {q: float(tf.possible) for q, tf in self.test_files.items()}

    @functools.cached_property
    def params_by_question(self) -> dict[str, list[str]]:
        """Names each question's tests take (read from the test sources without importing Otter)."""
        found = {}
        for question, text in (self.sources or read_sources(self.test_paths)).items():
            names = []
            for params in re.findall(r"^def test_\w+\(([^)]*)\)", text, re.M):
                for param in (p.strip().split("=")[0].strip() for p in params.split(",")):
                    if param and param != "env" and param not in names:
                        names.append(param)
            found[question] = names
        return found

    @property
    def answer_names(self) -> list[str]:
        return list(dict.fromkeys(n for names in self.params_by_question.values() for n in names))

    @functools.cached_property
    def imports(self) -> list[str]:
        """The modules the tests import (``import torch``, ``from pathlib import Path``), Otter aside."""
        text = "\n".join((self.sources or {}).values())
        found = re.findall(r"^\s*(?:from\s+([\w.]+)\s+import|import\s+([\w.]+))", text, re.M)
        names = (a or b for a, b in found)
        return list(dict.fromkeys(n for n in names if n.split(".")[0] != "otter"))

    def preload(self) -> None:
        """Start importing what the tests import (torch takes a second or more), in a thread of
        this process, while the worker runs the notebook: :meth:`loaded` waits for it. (A batch's
        judges do it in :func:`prepare`, before their first submission.)"""
        if self._preloading is None:
            self._preloading = threading.Thread(target=_import_all, args=(self.imports,), daemon=True)
            self._preloading.start()

    def loaded(self) -> None:
        """Wait for :meth:`preload`'s imports: no answer is decoded (a tensor, a ``torch.nn`` class)
        and no test runs against a half-imported module."""
        if self._preloading is not None:
            self._preloading.join()

    @functools.cached_property
    def data_files(self) -> dict[str, Path]:
        """Data files the lesson reads, as sandbox paths (``data/NAME``) -> source files. (The Gradescope
        zip has no lesson source, only the data files its lesson reads: all of them are used.)"""
        source = self.root / layout.SOURCE / f"{self.name}.ipynb"
        text = source.read_text(encoding="utf-8") if source.exists() else None
        found = sorted((self.root / layout.DATA).glob("*.csv"))
        return {f"{layout.DATA}/{p.name}": p for p in found if text is None or p.name in text}


def _import_all(names: list[str]) -> None:
    for name in names:
        try:
            importlib.import_module(name)
        except Exception:  # noqa: BLE001 - the test that imports it reports the failure
            pass


# ---------------------------------------------------------------------------------- proxies
class StudentError(Exception):
    """An exception raised by the student's code in the worker (re-raised here by name only)."""


@functools.lru_cache(maxsize=256)
def _student_exception(name: str) -> type:
    if not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,60}", name or ""):
        name = "Error"
    return type(name, (StudentError,), {})


class Remote:
    """A student's object that stays in the worker. Calls, attributes, iteration and indexing are
    forwarded; comparisons, hashing, truth and numeric conversions are NOT (they use identity or
    fail), so a student's object cannot answer ``==`` with True.

    Truth is always True (as for any object without ``__bool__``/``__len__``: the student's
    ``__bool__`` and ``__len__`` are never asked). ``x in obj`` asks only for the object's items, as
    data (at most ``bridge.GENERATOR_ITEMS``), and compares them with ``x`` HERE: the student's
    ``__contains__`` and ``__eq__`` are never asked. ``len(obj)`` is the student's answer, accepted
    only as an integer from 0 to ``MAX_LEN`` (a test may allocate that many items)."""

    __slots__ = ("_rp_client", "_rp_id", "_rp_name", "__weakref__")

    def __init__(self, client, ref_id, name):
        object.__setattr__(self, "_rp_client", client)
        object.__setattr__(self, "_rp_id", ref_id)
        object.__setattr__(self, "_rp_name", name)

    def __getattr__(self, name):
        if name.startswith("__") and name.endswith("__"):
            raise AttributeError(name)
        return self._rp_client.op({"op": "getattr", "ref": self._rp_id, "name": name})

    def __setattr__(self, name, value):
        raise AttributeError("cannot set attributes on the student's object from the grader")

    def __call__(self, *args, **kwargs):
        return self._rp_client.call(self._rp_id, args, kwargs)

    def __bool__(self):
        return True

    def __iter__(self):
        return iter(self._rp_items())

    def __contains__(self, item):
        return item in self._rp_items()

    def _rp_items(self) -> list:
        items = self._rp_client.op({"op": "iter", "ref": self._rp_id})
        if type(items) is not list:
            raise StudentError(f"iterating over the student's {self._rp_name} did not give a list of values")
        return items

    def __len__(self):
        size = self._rp_client.op({"op": "len", "ref": self._rp_id})
        if type(size) is not int or not 0 <= size <= MAX_LEN:
            shown = repr(size) if type(size) is int and size < 10**30 else f"a {type(size).__name__}"
            raise StudentError(
                f"len() of the student's {self._rp_name} is {shown[:60]}, not a count from 0 to {MAX_LEN:,}"
            )
        return size

    def __getitem__(self, key):
        return self._rp_client.op({"op": "getitem", "ref": self._rp_id, "key": self._rp_client.codec.encode(key)})

    def __repr__(self):
        return f"<student object {self._rp_name}>"


class _RemoteClassMeta(type):
    def __call__(cls, *args, **kwargs):
        return cls._rp_client.call(cls._rp_id, args, kwargs)


def _remote_class(client, ref_id: int, name: str, nn_module: bool) -> type:
    """A stand-in class: ``isinstance(it, type)`` and ``issubclass(it, nn.Module)`` hold as for the
    student's class; calling it builds the object in the worker and returns a proxy."""
    bases = (sys.modules["torch"].nn.Module,) if nn_module and "torch" in sys.modules else (object,)
    meta = type("RemoteClassMeta", (_RemoteClassMeta, type(bases[0])), {})
    safe = name if re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]{0,60}", name) else "StudentClass"
    return meta(safe, bases, {"_rp_client": client, "_rp_id": ref_id, "__module__": "__main__"})


class Client:
    """The grader's end of one worker: fetches names, forwards calls, decodes answers."""

    def __init__(self, box: Sandbox, deadline: float):
        self.box = box
        self.deadline = deadline
        self.codec = bridge.Codec(to_ref=self._to_ref, from_ref=self._from_ref)
        self.proxies: dict[int, object] = {}

    def _to_ref(self, obj):
        if isinstance(obj, Remote):
            return {"id": obj._rp_id}
        if isinstance(obj, type) and isinstance(obj, _RemoteClassMeta):
            return {"id": obj._rp_id}
        raise bridge.CodecError(f"a test cannot pass a {type(obj).__name__} to the student's code")

    def _from_ref(self, fields):
        ref_id = fields.get("id")
        if not isinstance(ref_id, int):
            raise bridge.CodecError("bad reference")
        if ref_id not in self.proxies:
            name = str(fields.get("name", "object"))[:80]
            if fields.get("kind") == "class":
                self.proxies[ref_id] = _remote_class(self, ref_id, name, bool(fields.get("nn")))
            else:
                self.proxies[ref_id] = Remote(self, ref_id, name)
        return self.proxies[ref_id]

    def request(self, message):
        try:
            with _alarm_held():  # a test's time limit never cuts a message in half
                reply = self.box.request(message, self.deadline)
        except WorkerGone as gone:
            raise StudentError(f"the notebook's process is gone: {gone}") from None
        if isinstance(reply.get("refused"), str):  # too large to read: bridge.loads did not parse it
            raise StudentError(f"the answer could not be read as data: {reply['refused'][:300]}")
        if "raise" in reply:
            info = reply["raise"] if isinstance(reply["raise"], dict) else {}
            kind, text = info.get("type"), info.get("message")
            error = _student_exception(kind if isinstance(kind, str) else "Error")
            raise error(text[:1000] if isinstance(text, str) else "")
        return reply

    def value(self, reply):
        return self.decode(reply, reply.get("value"))

    def decode(self, reply, encoded):
        """Decode a part of a reply within the reply's budget (all its parts share it)."""
        try:
            return self.codec.decode(encoded, getattr(reply, "budget", None))
        except bridge.CodecError as err:
            raise StudentError(f"the answer could not be read as data: {err}") from None

    def op(self, message):
        return self.value(self.request(message))

    def get(self, name):
        reply = self.request({"op": "get", "name": name})
        if reply.get("missing"):
            raise KeyError(name)
        return self.value(reply)

    def call(self, ref_id, args, kwargs):
        """Call the student's function or class with ``args`` (sent as data), and return its result.

        What the call did to an array, tensor or module argument is copied back into the test's own
        object (:func:`_copy_into`), as if the function had run here: a test that must see its
        arguments as they were computes what it expects from them before the call (a right answer may
        overwrite its inputs once its result is ready: ``tests/test_inputs_overwritten.py``). The
        warnings the call raised are raised again here; a test may only fail on one (the student's
        code can hide or fake them), never pass. Nothing else the student's process says about the call
        (how many optimizer steps it took, say) is taken from it."""
        try:
            enc_args = [self.codec.encode(a) for a in args]
            enc_kwargs = {str(k): self.codec.encode(v) for k, v in kwargs.items()}
        except bridge.CodecError as err:
            raise TypeError(str(err)) from None
        reply = self.request({"op": "call", "ref": ref_id, "args": enc_args, "kwargs": enc_kwargs})
        for key, enc in _pairs(reply.get("updates"), len(args) + len(kwargs)):
            original = args[key] if type(key) is int and 0 <= key < len(args) else None
            original = kwargs.get(key) if isinstance(key, str) else original
            if original is not None:
                try:
                    _copy_into(original, self.decode(reply, enc))
                except (StudentError, RuntimeError, ValueError, TypeError):
                    pass
        for category, message in _pairs(reply.get("warnings"), 20):
            cls = getattr(builtins, category, None) if isinstance(category, str) and category.isidentifier() else None
            cls = cls if isinstance(cls, type) and issubclass(cls, Warning) else UserWarning
            warnings.warn(message[:500] if isinstance(message, str) else "", cls, stacklevel=2)
        return self.value(reply)


def _pairs(items, most: int) -> list:
    """The first ``most`` two-item lists of a reply's list (a worker may send anything)."""
    if type(items) is not list:
        return []
    return [item for item in items[:most] if type(item) is list and len(item) == 2]


class _Alarm:
    held = 0
    """Requests in progress: the time limit waits for them to finish."""
    due = False
    """The time limit passed while a request was in progress."""


@contextlib.contextmanager
def _alarm_held():
    """Hold back a test's time limit while a message is sent and its reply read, so the protocol
    is never left with a reply half read; a limit that passed meanwhile strikes once the reply is in.
    (Blocking SIGALRM would not do: the kernel hands it to another thread, e.g. BLAS's, and
    Python runs the handler in the main thread anyway.)"""
    _Alarm.held += 1
    try:
        yield
    finally:
        _Alarm.held -= 1
    if _Alarm.due and not _Alarm.held:
        _Alarm.due = False
        raise CheckTimeout()


def _copy_into(original, new) -> None:
    """Give an argument the state the student's function left its copy in (in-place updates): the
    trained weights of a model, or an input the function overwrote (which a test may forbid)."""
    np = sys.modules.get("numpy")
    torch = sys.modules.get("torch")
    if np is not None and isinstance(original, np.ndarray) and isinstance(new, np.ndarray):
        if original.shape == new.shape and original.flags.writeable:
            original[...] = new
    elif torch is not None and isinstance(original, torch.nn.Module) and isinstance(new, torch.nn.Module):
        mine, theirs = dict(original.named_parameters()), dict(new.named_parameters())
        with torch.no_grad():
            for name, param in mine.items():
                if name in theirs and theirs[name].shape == param.shape:
                    param.copy_(theirs[name])
                    param.grad = None if theirs[name].grad is None else theirs[name].grad.clone()
            for name, buf in dict(original.named_buffers()).items():
                other = dict(new.named_buffers()).get(name)
                if other is not None and other.shape == buf.shape:
                    buf.copy_(other)
        original.train(new.training)
    elif torch is not None and isinstance(original, torch.Tensor) and isinstance(new, torch.Tensor):
        if original.shape == new.shape:
            with torch.no_grad():
                original.copy_(new)


class LazyEnv(Mapping):
    """The notebook's global names, fetched from the worker on first use (Otter's ``env``)."""

    def __init__(self, client: Client):
        self.client = client
        self.cache: dict[str, object] = {}
        self.missing: set[str] = set()

    def __getitem__(self, name):
        if name in self.missing:
            raise KeyError(name)
        if name not in self.cache:
            try:
                self.cache[name] = self.client.get(name)
            except KeyError:
                self.missing.add(name)
                raise
        return self.cache[name]

    def __iter__(self):
        return iter(self.cache)

    def __len__(self):
        return len(self.cache)


# ---------------------------------------------------------------------------------- notebooks
class BadNotebook(ValueError):
    def __init__(self, status: str, message: str):
        super().__init__(message)
        self.status = status


def read_notebook(data: bytes):
    if not data.strip():
        raise BadNotebook("invalid", "the file is empty")
    if len(data) > MAX_NOTEBOOK_BYTES:
        raise BadNotebook("invalid", f"the file is larger than {MAX_NOTEBOOK_BYTES // 2**20} MiB")
    try:
        raw = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError) as err:
        raise BadNotebook("invalid", f"not a notebook: invalid JSON ({str(err)[:80]})") from None
    if not isinstance(raw, dict) or not isinstance(raw.get("cells"), list):
        raise BadNotebook("invalid", "not a notebook: JSON without a list of cells")
    if raw.get("nbformat") != 4:
        raise BadNotebook("invalid", f"not a version-4 notebook (nbformat {str(raw.get('nbformat'))[:10]})")
    return raw


def code_cells(nb) -> list[tuple[int, str]]:
    cells = []
    for i, cell in enumerate(nb["cells"]):
        if isinstance(cell, dict) and cell.get("cell_type") == "code":
            src = cell.get("source", "")
            src = "".join(src) if isinstance(src, list) else src
            if isinstance(src, str) and src.strip():
                cells.append((i, src))
    return cells


def check_lesson(nb, lesson: Lesson, cells) -> None:
    meta = nb.get("metadata", {}) if isinstance(nb.get("metadata"), dict) else {}
    otter_meta = meta.get("otter") if isinstance(meta.get("otter"), dict) else {}
    course_meta = meta.get("course") if isinstance(meta.get("course"), dict) else {}
    claimed = otter_meta.get("assignment_name") or Path(str(course_meta.get("generated_from", ""))).stem
    if claimed and claimed != lesson.name:
        raise BadNotebook("wrong-lesson", f"this is the notebook of {str(claimed)[:60]!r}, not {lesson.name!r}")
    code = "\n".join(src for _, src in cells)
    if not any(re.search(rf"\b{re.escape(n)}\b", code) for n in lesson.answer_names):
        raise BadNotebook("wrong-lesson", f"none of the answers of {lesson.name} appear in this notebook")


# ---------------------------------------------------------------------------------- grading
def _message(err: BaseException) -> str:
    try:
        text = str(err)
    except Exception:  # noqa: BLE001 - a message is a courtesy
        text = ""
    name = type(err).__name__
    if type(err) is not StudentError:  # the grader's own sentences about an answer need no name
        text = f"{name}: {text}" if text else name
    return text if len(text) <= MESSAGE_CAP else text[: MESSAGE_CAP - 1] + "…"


def _reset_rngs() -> None:
    """Same random state before every submission's tests, whatever ran before in this process."""
    random.seed(0)
    if "numpy" in sys.modules:
        sys.modules["numpy"].random.seed(0)
    if "torch" in sys.modules:
        sys.modules["torch"].manual_seed(0)


TEST_SECONDS = 120.0
"""Wall-clock seconds one test case may take in the judge, its calls to the student's code included
(or four times the per-call limit, if that is longer: see :func:`seconds_per_test`). The slowest
honest case, a reference fit of lesson 07 or 08, takes under 40 s on a 2-core machine loaded 4 times over."""
TEST_GRACE = 30.0
"""No test case runs longer than this past the submission's deadline, so the judge answers well
within the time its caller gives it (``--timeout`` plus two minutes)."""


def seconds_per_test(limits: Limits) -> float:
    return max(TEST_SECONDS, 4 * limits.cell_timeout)


TIMEOUT_MESSAGE = (
    "this check was stopped after {seconds:g} s in the grader: the answer made it do far more work "
    "than the exercise needs (a huge range, list or loop?)"
)
DEADLINE_MESSAGE = "this check was stopped: the time limit of the whole submission was reached"
MEMORY_MESSAGE = "the grader ran out of memory checking this answer: it is far larger than the exercise needs"


class CheckTimeout(BaseException):
    """A test case ran past its time. A BaseException, so a test's ``except Exception`` cannot keep
    it running."""


def _on_alarm(signum, frame):
    if _Alarm.held:
        _Alarm.due = True
    else:
        raise CheckTimeout()


@contextlib.contextmanager
def _time_limit(seconds: float | None):
    """SIGALRM after ``seconds`` (main thread only; elsewhere the submission's deadline still holds)."""
    if not seconds or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    _Alarm.due = False
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
        _Alarm.due = False


def run_tests(lesson: Lesson, env: LazyEnv, seconds: float | None = TEST_SECONDS) -> dict:
    """Each test case of each question, under a time limit of ``seconds`` (and never much past the
    submission's deadline): one that runs out of time, or out of the judge's memory, fails with a
    sentence and the next one runs."""
    questions = {}
    deadline = env.client.deadline + TEST_GRACE
    for question, test_file in lesson.test_files.items():
        cases, score = [], 0.0
        for case in test_file.test_cases:
            func = case.body.test_func
            params = list(inspect.signature(func).parameters)
            left = max(1.0, deadline - time.monotonic())
            limit = min(seconds, left) if seconds else left
            try:
                with _time_limit(limit):
                    with warnings.catch_warnings():
                        warnings.simplefilter("ignore")
                        kwargs = {p: (env if p == "env" else env.get(p)) for p in params}
                    func(**kwargs)
                passed, message = True, ""
            except CheckTimeout:
                cut = seconds and limit == seconds
                passed, message = False, TIMEOUT_MESSAGE.format(seconds=seconds) if cut else DEADLINE_MESSAGE
            except MemoryError:
                passed, message = False, MEMORY_MESSAGE
            except Exception as err:  # noqa: BLE001 - any failure of a test case costs its points
                passed, message = False, _message(err)
            if passed:
                score += float(case.points or 0)
            cases.append(
                {"hidden": bool(case.hidden), "passed": passed, "points": float(case.points or 0), "message": message}
            )
        if test_file.all_or_nothing and not all(c["passed"] for c in cases):
            score = 0.0
        questions[question] = {"score": round(score, 6), "possible": lesson.possible[question], "cases": cases}
    return questions


def zero_questions(lesson: Lesson, message: str) -> dict:
    return {
        q: {
            "score": 0.0,
            "possible": lesson.possible[q],
            "cases": [{"hidden": False, "passed": False, "points": lesson.possible[q], "message": message}],
        }
        for q in lesson.questions
    }


def grade_notebook(data: bytes, lesson: Lesson, limits: Limits) -> dict:
    """Grade one notebook's bytes: a result dict with status, message, questions, total, possible."""
    started = time.monotonic()
    result = {"status": "ok", "message": "", "cell_errors": []}
    try:
        nb = read_notebook(data)
        cells = code_cells(nb)
        check_lesson(nb, lesson, cells)
    except BadNotebook as bad:
        result.update(status=bad.status, message=str(bad), questions=zero_questions(lesson, str(bad)))
        return _finish(result, lesson, started)
    uses_torch = any("torch" in src for _, src in cells)
    deadline = started + limits.timeout
    with Sandbox(limits, lesson.data_files, secrets=lesson.test_paths) as box:
        box.start()
        lesson.preload()  # after the worker's fork: no thread of ours is importing while one forks
        client = Client(box, deadline)
        try:
            box.send(
                {
                    "op": "run",
                    "cells": cells,
                    "cell_timeout": limits.cell_timeout,
                    "call_timeout": limits.cell_timeout,
                    "torch": uses_torch,
                }
            )
            lesson.test_files  # noqa: B018 - load the tests while the worker runs the cells
            current, cell_deadline = None, deadline
            while True:
                event = box.receive(min(deadline, cell_deadline))
                if not isinstance(event, dict):
                    continue
                if event.get("event") == "cell":
                    current = event.get("index")
                    # a cell that ignores its alarm is stopped from here, not only at the end of the time
                    cell_deadline = time.monotonic() + limits.cell_timeout + CELL_GRACE
                elif event.get("event") == "done":
                    result["cell_errors"] = _cell_errors(event.get("errors"))
                    worker_cuda = event.get("cuda") is True
                    break
        except WorkerGone as gone:
            where = f" (in cell {current})" if current is not None else " (before the first cell)"
            tail = box.stderr_tail() if current is None else ""
            message = f"{gone}{where}" + (f": {tail.strip().splitlines()[-1][:200]}" if tail.strip() else "")
            result.update(status=gone.reason, message=message, questions=zero_questions(lesson, message))
            return _finish(result, lesson, started)
        lesson.loaded()
        _reset_rngs()
        with devices_the_worker_sees(worker_cuda):
            result["questions"] = run_tests(lesson, LazyEnv(client), seconds_per_test(limits))
        if box.gone:
            result.update(status=box.gone.reason, message=f"while testing: {box.gone}")
    errors = result["cell_errors"]
    if result["status"] == "ok" and errors:
        kinds = {e["type"] for e in errors}
        if "CellTimeout" in kinds:
            result["status"] = "timeout"
        elif "MemoryError" in kinds:
            result["status"] = "memory"
        first = errors[0]
        result["message"] = (
            f"{len(errors)} cell(s) raised errors; first: cell {first['index']} {first['type']}: {first['message']}"[
                :MESSAGE_CAP
            ]
        )
    return _finish(result, lesson, started)


@contextlib.contextmanager
def devices_the_worker_sees(worker_cuda: bool):
    """While the tests run, ``torch.cuda.is_available()`` answers what the student's process saw
    (a sandbox may hide a GPU this process has). A worker's claim can only take a GPU away: one
    this process does not have is never assumed."""
    torch = sys.modules.get("torch")
    if torch is None:
        yield
        return
    mine = torch.cuda.is_available
    seen = bool(worker_cuda) and mine()
    torch.cuda.is_available = lambda: seen
    try:
        yield
    finally:
        torch.cuda.is_available = mine


def _cell_errors(errors) -> list[dict]:
    out = []
    for e in errors if isinstance(errors, list) else []:
        if isinstance(e, dict):
            out.append(
                {"index": e.get("index"), "type": str(e.get("type"))[:60], "message": str(e.get("message"))[:300]}
            )
    return out[:200]


def _finish(result: dict, lesson: Lesson, started: float) -> dict:
    result["total"] = round(sum(q["score"] for q in result["questions"].values()), 6)
    result["possible"] = sum(lesson.possible.values())
    result["seconds"] = round(time.monotonic() - started, 2)
    return result


def grade_file(data: bytes, lesson: Lesson, limits: Limits) -> dict:
    result = grade_notebook(data, lesson, limits)
    result["sha256"] = hashlib.sha256(data).hexdigest()
    for q in result["questions"].values():
        q["score"] = 0.0 if math.isnan(q["score"]) else q["score"]
    return result


# ---------------------------------------------------------------------------------- server
def serve() -> None:
    """Answer grading tasks, one JSON line each: {lesson, root, path, member, limits, tests}. A line
    {"prepare": {lesson, root, limits, tests}} (the batch's first) gets no answer: see :func:`prepare`."""
    hide_command_line()
    not_dumpable()
    become_subreaper()  # a student's setsid daemon is reparented here, and killed with its submission
    signal.signal(signal.SIGTERM, _terminate)
    lessons: dict[tuple, Lesson] = {}
    out = sys.stdout
    sys.stdout = sys.stderr  # stray prints must not corrupt the answers
    for line in sys.stdin:
        task = json.loads(line)
        if "prepare" in task:
            prepare(task["prepare"], lessons)
            continue
        lesson = _lesson_for(task, lessons)
        from .submissions import read_submission

        try:
            data = read_submission(task["path"], task.get("member"))
            result = grade_file(data, lesson, Limits(**task["limits"]))
        except Exception as err:  # noqa: BLE001 - report and go on with the batch
            status = getattr(err, "status", "error")
            message = _message(err) if status == "error" else str(err)
            result = _finish(
                {"status": status, "message": message, "cell_errors": [], "questions": zero_questions(lesson, message)},
                lesson,
                time.monotonic(),
            )
            result["sha256"] = ""
        result["judge_peak_mib"] = _peak_mib()
        out.write(json.dumps(result) + "\n")
        out.flush()


def _lesson_for(task: dict, lessons: dict) -> Lesson:
    """The task's lesson (kept between tasks), with this process's memory limit and folder set."""
    limit_own_memory(judge_memory_mb(Limits(**task["limits"])))
    os.chdir(task["root"])  # hidden tests read their own copy of the data: data/ames.csv
    key = (task["lesson"], json.dumps(task["tests"], sort_keys=True))
    if key not in lessons:
        lessons[key] = Lesson(task["lesson"], Path(task["root"]), dict(task["tests"]))
    return lessons[key]


def prepare(task: dict, lessons: dict) -> None:
    """Get ready for a batch's submissions while the grader is still starting: check this judge's
    sandbox with a probe worker (:meth:`Sandbox.verify`, remembered for the process), import what
    the tests import and load the tests. A failure here is left for the first submission to report."""
    try:
        lesson = _lesson_for(task, lessons)
        with Sandbox(Limits(**task["limits"]), {}, secrets=lesson.test_paths) as probe:
            probe.verify()
        lesson.preload()
        lesson.loaded()  # done before the first submission's worker is forked
        lesson.test_files  # noqa: B018
    except Exception:  # noqa: BLE001 - grading a submission does all of this again, and says what failed
        pass


JUDGE_MIN_MB = 2048
JUDGE_EXTRA_MB = 1024


def judge_memory_mb(limits: Limits) -> int:
    """The judge's own memory limit (RLIMIT_DATA), in MiB: ``--memory`` (the hidden tests compute
    about what the notebook does), at least 2 GiB (NumPy, pandas and torch loaded), plus 1 GiB for the
    answers it decodes (each at most ``bridge.DECODE_FLOOR + DECODE_FACTOR * MAX_LINE``, 144 MiB).
    5 GiB with the default ``--memory 4096``."""
    return max(int(limits.memory_mb), JUDGE_MIN_MB) + JUDGE_EXTRA_MB


def limit_own_memory(megabytes: int) -> None:
    """Cap this process's memory (the soft limit only: the worker it starts sets its own) and keep
    glibc to two malloc arenas, so that threads do not reserve 64 MiB each.

    RLIMIT_DATA, not RLIMIT_AS: it counts what the judge can write to (heap, arrays, tensors), but
    not address space reserved and never touched, which a CUDA driver reserves by the tens of GiB on
    a GPU host: under RLIMIT_AS the judge would see no GPU there."""
    try:
        import ctypes

        ctypes.CDLL(None).mallopt(-8, 2)  # M_ARENA_MAX
    except (OSError, AttributeError):
        pass
    _, hard = resource.getrlimit(resource.RLIMIT_DATA)
    soft = megabytes * 2**20 if hard == resource.RLIM_INFINITY else min(megabytes * 2**20, hard)
    resource.setrlimit(resource.RLIMIT_DATA, (soft, hard))


def _terminate(signum, frame):
    raise SystemExit(143)  # unwinds through Sandbox.__exit__, which removes the worker and its folder


def _peak_mib() -> float:
    """This judge's peak resident memory so far (VmHWM), in MiB: reported with each result."""
    try:
        with open("/proc/self/status", encoding="ascii", errors="replace") as f:
            for line in f:
                if line.startswith("VmHWM:"):
                    return round(int(line.split()[1]) / 1024, 1)
    except (OSError, ValueError, IndexError):
        pass
    return 0.0


def main() -> None:
    try:
        serve()
        code = 0
    except SystemExit as stop:  # SIGTERM, once the sandbox in progress is removed
        code = stop.code if isinstance(stop.code, int) else 1
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)  # no interpreter teardown: with torch loaded it takes most of a second, at every batch's end


if __name__ == "__main__":
    main()
