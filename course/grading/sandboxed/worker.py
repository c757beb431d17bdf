"""The student's side of grading: runs a notebook's cells, then answers the grader's requests.

Started by :mod:`course.grading.sandbox` as ``python worker.py`` inside a fresh temporary directory (with
``bridge.py`` copied next to it), under resource limits and, where available, bubblewrap. It reads
JSON lines on stdin and answers on stdout; the student's own output goes to a capped buffer and
``output.log``. Nothing here is trusted by the grader: it only ever hands over data.

Requests: ``run`` (cells, per-cell timeout), then any number of ``get`` (a global name),
``getattr``, ``call``, ``iter``, ``len``, ``getitem`` on references, and ``bye``.
"""

import io
import itertools
import os
import random
import signal
import sys
import types
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import bridge  # noqa: E402  (copied next to this file in the sandbox)

sys.path.pop(0)

# Module-level copies: a notebook that replaces builtins.isinstance & co. does not break the protocol.
isinstance, issubclass, getattr, len, str, type = isinstance, issubclass, getattr, len, str, type  # noqa: PLW0127
OUTPUT_CAP = 64 * 1024
SEED = 0


class CellTimeout(BaseException):
    """Raised by the alarm when a cell (or a call from the grader) runs past its time."""


class CappedText(io.TextIOBase):
    """A stdout/stderr replacement that keeps the first ``cap`` characters and drops the rest."""

    def __init__(self, cap=OUTPUT_CAP):
        self.parts, self.size, self.cap = [], 0, cap

    def writable(self):
        return True

    def write(self, text):
        text = str(text)
        if self.size < self.cap:
            self.parts.append(text[: self.cap - self.size])
        self.size += len(text)
        return len(text)

    def isatty(self):
        return False


def safe_str(err, cap=1000):
    try:
        return str(err)[:cap]
    except BaseException:  # noqa: BLE001 - a student's __str__ may raise anything
        return "(the error message could not be shown)"


def cuda_visible():
    """Whether this process can use a GPU (the grader's tests expect the device the notebook saw)."""
    torch = sys.modules.get("torch")
    try:
        return bool(torch is not None and torch.cuda.is_available())
    except BaseException:  # noqa: BLE001 - a notebook may have broken torch; then no GPU
        return False


def _alarm(signum, frame):
    raise CellTimeout()


class Worker:
    def __init__(self):
        self.proto_in = os.fdopen(os.dup(0), "rb")
        self.proto_out = os.dup(1)
        null = os.open(os.devnull, os.O_RDONLY)
        os.dup2(null, 0)
        log = os.open("output.log", os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        os.dup2(log, 1)
        os.dup2(log, 2)
        sys.stdin = io.StringIO("")
        sys.stdout = sys.stderr = CappedText()
        self.refs = {}
        self.codec = bridge.Codec(to_ref=self.to_ref, from_ref=self.from_ref)
        self.shell = None
        self.call_timeout = 30.0

    # ------------------------------------------------------------------ protocol plumbing
    def send(self, message):
        data = bridge.dumps(message)
        view = memoryview(data)
        while view:
            view = view[os.write(self.proto_out, view) :]

    def to_ref(self, obj):
        ref_id = len(self.refs) + 1
        self.refs[ref_id] = obj
        torch = sys.modules.get("torch")
        is_class = isinstance(obj, type)
        nn = bool(torch) and (issubclass(obj, torch.nn.Module) if is_class else isinstance(obj, torch.nn.Module))
        return {
            "id": ref_id,
            "kind": "class" if is_class else ("callable" if callable(obj) else "object"),
            "name": str(getattr(obj, "__qualname__", "") or type(obj).__qualname__)[:80],
            "type": type(obj).__qualname__[:80],
            "nn": nn,
        }

    def from_ref(self, fields):
        ref_id = fields.get("id")
        if ref_id not in self.refs:
            raise bridge.CodecError("unknown reference")
        return self.refs[ref_id]

    # ------------------------------------------------------------------ running the notebook
    def setup(self, uses_torch):
        stub = types.ModuleType("otter")

        class Notebook:  # the self-checks are not run while grading: the grader runs the tests
            def __init__(self, *args, **kwargs):
                pass

            def __getattr__(self, name):
                return lambda *args, **kwargs: None

        stub.Notebook = Notebook
        sys.modules["otter"] = stub
        random.seed(SEED)
        try:
            import numpy

            numpy.random.seed(SEED)
        except ImportError:
            pass
        if uses_torch:
            try:
                import torch

                torch.manual_seed(SEED)
            except ImportError:
                pass
        from IPython.core.interactiveshell import InteractiveShell
        from traitlets.config import Config

        config = Config()
        config.HistoryManager.enabled = False
        self.shell = InteractiveShell.instance(config=config)
        self.shell.user_ns["__name__"] = "__main__"
        signal.signal(signal.SIGALRM, _alarm)

    def run_cells(self, cells, cell_timeout):
        """Run each cell as Run All would (IPython syntax included), going on after errors."""
        import builtins

        saved = dict(vars(builtins))
        errors = []
        for index, source in cells:
            self.send({"event": "cell", "index": index})
            err = None
            signal.setitimer(signal.ITIMER_REAL, cell_timeout)
            try:
                code = compile(self.shell.transform_cell(source), f"<cell {index}>", "exec")
                exec(code, self.shell.user_ns)  # noqa: S102 - running the student's notebook is the point
            except CellTimeout as timeout:
                err = timeout
            except BaseException as other:  # noqa: BLE001 - SystemExit and friends end the cell, not the run
                err = other
            finally:
                signal.setitimer(signal.ITIMER_REAL, 0)
            vars(builtins).update(saved)  # a notebook's replaced builtins must not break this loop
            if isinstance(err, CellTimeout):
                errors.append(
                    {"index": index, "type": "CellTimeout", "message": f"did not finish in {cell_timeout:g} s"}
                )
            elif err is not None:
                errors.append({"index": index, "type": type(err).__name__, "message": safe_str(err, 300)})
        self.send({"event": "done", "errors": errors, "cuda": cuda_visible()})

    # ------------------------------------------------------------------ answering the grader
    def guarded(self, func):
        """Run ``func`` under the call timeout, recording its warnings (data for the grader's tests,
        which check them against what they can see for themselves). No count or flag about what the
        student's code did is reported: the grader could not tell a real one from a forged one."""
        signal.setitimer(signal.ITIMER_REAL, self.call_timeout)
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter("always")
                value = func()
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        seen = []
        for w in caught[:20]:
            entry = [w.category.__name__, str(w.message)[:500]]
            if entry not in seen:
                seen.append(entry)
        return value, seen

    def handle(self, request):
        op = request.get("op")
        if op == "get":
            name = request.get("name")
            if not isinstance(name, str) or name not in self.shell.user_ns:
                return {"missing": True}
            return {"value": self.codec.encode(self.shell.user_ns[name])}
        target = self.from_ref({"id": request.get("ref")})
        if op == "getattr":
            value, _ = self.guarded(lambda: getattr(target, str(request.get("name"))))
            return {"value": self.codec.encode(value)}
        if op == "call":
            args = [self.codec.decode(a) for a in request.get("args", [])]
            kwargs = {str(k): self.codec.decode(v) for k, v in request.get("kwargs", {}).items()}
            value, caught = self.guarded(lambda: target(*args, **kwargs))
            updates = []
            for key, enc in [*enumerate(request.get("args", [])), *request.get("kwargs", {}).items()]:
                if isinstance(enc, dict) and enc.get("$") in ("nd", "tensor", "module"):
                    obj = args[key] if isinstance(key, int) else kwargs[key]
                    updates.append([key, self.codec.encode(obj)])
            return {"value": self.codec.encode(value), "updates": updates, "warnings": caught}
        if op == "iter":
            value, _ = self.guarded(lambda: list(itertools.islice(iter(target), bridge.GENERATOR_ITEMS)))
            return {"value": self.codec.encode(value)}
        if op == "len":
            value, _ = self.guarded(lambda: len(target))
            return {"value": int(value)}
        if op == "getitem":
            key = self.codec.decode(request.get("key"))
            value, _ = self.guarded(lambda: target[key])
            return {"value": self.codec.encode(value)}
        raise ValueError(f"unknown request {op!r}")

    def serve(self):
        while True:
            line = self.proto_in.readline()
            if not line:
                return
            request = bridge.loads(line)
            if request.get("op") == "bye":
                return
            if request.get("op") == "run":
                self.call_timeout = float(request.get("call_timeout", 30))
                self.setup(bool(request.get("torch")))
                self.run_cells(request["cells"], float(request.get("cell_timeout", 60)))
                continue
            try:
                reply = self.handle(request)
            except CellTimeout:
                reply = {"raise": {"type": "TimeoutError", "message": f"did not return within {self.call_timeout:g} s"}}
            except BaseException as err:  # noqa: BLE001 - everything the student's code raises is reported
                reply = {"raise": {"type": type(err).__name__, "message": safe_str(err)}}
            self.send(reply)


if __name__ == "__main__":
    try:
        Worker().serve()
    except BaseException:  # noqa: BLE001 - say why in output.log, then stop
        import traceback

        os.write(2, traceback.format_exc().encode(errors="replace"))
        os._exit(1)
    os._exit(0)
