"""Run a student's worker process under limits, in a fresh temporary directory, and talk to it.

Protection, from the strongest to what always holds:
- with ``bwrap`` (bubblewrap) on PATH: new user, PID, network, IPC and UTS namespaces (no network,
  no view of other processes), only the Python install and system libraries visible read-only, and
  the temporary directory as the only writable place (``/sandbox``); the worker dies with its parent;
- always: its own session and process group (killed as a whole at the end), ``RLIMIT_AS`` (memory),
  ``RLIMIT_CPU``, ``RLIMIT_FSIZE`` (files it writes), ``RLIMIT_CORE`` 0, a parent-death signal, a
  wall-clock deadline on every answer it owes, a cleared environment, and the temporary directory
  removed afterwards. Without bwrap it runs as the grader's user: it can read what that user can.
"""

from __future__ import annotations

import ctypes
import os
import resource
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from .sandboxed import bridge

SANDBOXED = Path(__file__).resolve().parent / "sandboxed"
"""The files copied into the sandbox: the only grading code that runs next to student code."""
MAX_MESSAGE = 512 * 1024 * 1024
BOX = "/sandbox"
PR_SET_PDEATHSIG = 1


@dataclass
class Limits:
    timeout: float = 300.0
    """Wall-clock seconds for one submission: running it and answering the tests."""
    cell_timeout: float = 30.0
    """Seconds one cell (or one call from a test) may run before it is interrupted."""
    memory_mb: int = 4096
    """Address-space limit of the worker, in MiB."""
    output_mb: int = 64
    """Largest file the worker may write, in MiB."""
    threads: int = 1
    """BLAS/OpenMP threads for the worker."""
    sandbox: str = "auto"
    """``auto`` (bubblewrap when installed), ``bwrap`` (required) or ``none``."""


class WorkerGone(RuntimeError):
    """The worker stopped answering: ``reason`` is ``timeout``, ``memory`` or ``error``."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def bwrap_path() -> str | None:
    return shutil.which("bwrap")


def _bwrap_works(path: str) -> bool:
    try:
        proc = subprocess.run([path, "--ro-bind", "/", "/", "--unshare-all", "true"], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


_BWRAP_OK: dict[str, bool] = {}


def sandbox_kind(choice: str) -> str:
    """``bwrap`` or ``none``: what will isolate the workers (``choice`` as in :class:`Limits`)."""
    if choice == "none":
        return "none"
    path = bwrap_path()
    if path and path not in _BWRAP_OK:
        _BWRAP_OK[path] = _bwrap_works(path)
    if path and _BWRAP_OK[path]:
        return "bwrap"
    if choice == "bwrap":
        raise RuntimeError("bubblewrap (bwrap) is not installed or cannot create namespaces here")
    return "none"


def _python_roots() -> list[str]:
    roots = {sys.prefix, sys.base_prefix, str(Path(sys.executable).resolve().parent.parent)}
    return sorted(r for r in roots if r and os.path.isdir(r))


def _bwrap_command(box: Path, kind_path: str) -> list[str]:
    cmd = [kind_path, "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
    for path in ("/usr", "/bin", "/lib", "/lib64", "/lib32", "/sbin", "/etc/ld.so.cache", "/etc/localtime"):
        cmd += ["--ro-bind-try", path, path]
    cmd += ["--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp"]
    for root in _python_roots():
        cmd += ["--ro-bind", root, root]
    cmd += ["--bind", str(box), BOX, "--chdir", f"{BOX}/work", "--hostname", "sandbox"]
    return cmd


def _limit_child(limits: Limits):
    """preexec_fn: resource limits and a parent-death signal (runs in the child before exec)."""

    def apply():
        mem = limits.memory_mb * 1024 * 1024
        cpu = int(limits.timeout * max(1, limits.threads) + 30)
        size = limits.output_mb * 1024 * 1024
        for res, value in (
            (resource.RLIMIT_AS, mem),
            (resource.RLIMIT_CPU, cpu),
            (resource.RLIMIT_FSIZE, size),
            (resource.RLIMIT_CORE, 0),
        ):
            resource.setrlimit(res, (value, value))
        try:
            ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
        except (OSError, AttributeError):
            pass
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the cap fail instead of killing

    return apply


class Sandbox:
    """One worker for one submission. Use as a context manager: everything is removed at exit."""

    def __init__(self, limits: Limits, data_files: dict[str, Path]):
        self.limits = limits
        self.kind = sandbox_kind(limits.sandbox)
        self.root = Path(tempfile.mkdtemp(prefix="course-grade-"))
        self.box = self.root / "box"
        (self.box / "work").mkdir(parents=True)
        runtime = self.box / ".runtime"
        runtime.mkdir()
        for name in ("worker.py", "bridge.py"):
            shutil.copy(SANDBOXED / name, runtime / name)
        for rel, src in data_files.items():
            dest = self.box / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest)
        self.proc: subprocess.Popen | None = None
        self.buffer = b""
        self.gone: WorkerGone | None = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    def start(self) -> None:
        threads = str(self.limits.threads)
        env = {
            "PATH": os.path.dirname(sys.executable) + ":/usr/bin:/bin",
            "HOME": f"{BOX}/work" if self.kind == "bwrap" else str(self.box / "work"),
            "PYTHONHASHSEED": "0",
            "PYTHONDONTWRITEBYTECODE": "1",
            "MPLBACKEND": "Agg",
            "OMP_NUM_THREADS": threads,
            "MKL_NUM_THREADS": threads,
            "OPENBLAS_NUM_THREADS": threads,
            "LANG": "C.UTF-8",
        }
        base = BOX if self.kind == "bwrap" else str(self.box)
        env["MPLCONFIGDIR"] = env["IPYTHONDIR"] = env["TMPDIR"] = f"{base}/work/.tmp"
        (self.box / "work" / ".tmp").mkdir()
        python = [sys.executable, "-s", f"{base}/.runtime/worker.py"]
        cmd = _bwrap_command(self.box, bwrap_path()) + python if self.kind == "bwrap" else python
        self.stderr = open(self.root / "stderr.log", "wb")
        self.proc = subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=self.stderr,
            cwd=self.box / "work",
            env=env,
            start_new_session=True,
            preexec_fn=_limit_child(self.limits),
        )

    # ------------------------------------------------------------------ messages
    def send(self, message) -> None:
        if self.gone:
            raise self.gone
        try:
            self.proc.stdin.write(bridge.dumps(message))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError):
            self.fail(self._death_reason())

    def receive(self, deadline: float):
        """The next message from the worker; raises WorkerGone on timeout or death."""
        if self.gone:
            raise self.gone
        fd = self.proc.stdout.fileno()
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                self.fail(("timeout", "stopped: the time limit was reached"))
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                continue
            chunk = os.read(fd, 1 << 20)
            if not chunk:
                self.fail(self._death_reason())
            self.buffer += chunk
            if len(self.buffer) > MAX_MESSAGE:
                self.fail(("error", "an answer was larger than the grader accepts"))
        line, self.buffer = self.buffer.split(b"\n", 1)
        try:
            return bridge.loads(line)
        except bridge.CodecError as err:
            self.fail(("error", f"the worker sent garbage ({err})"))

    def request(self, message, deadline: float):
        self.send(message)
        reply = self.receive(deadline)
        if not isinstance(reply, dict):
            self.fail(("error", "the worker sent garbage"))
        return reply

    def fail(self, reason_message):
        reason, message = reason_message
        self.kill()
        self.gone = WorkerGone(reason, message)
        raise self.gone

    def _death_reason(self) -> tuple[str, str]:
        try:
            code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.proc.returncode
        sig = -code if code is not None and code < 0 else (code - 128 if code and code > 128 else 0)
        if sig == signal.SIGXCPU:
            return "timeout", "stopped: the CPU-time limit was reached"
        if sig == signal.SIGKILL:
            return "memory", "the process was killed (out of memory?)"
        if sig:
            return "error", f"the notebook's process crashed ({signal.Signals(sig).name})"
        return "error", f"the notebook ended the process (exit status {code}), e.g. with os._exit()"

    # ------------------------------------------------------------------ cleanup
    def kill(self) -> None:
        if self.proc is None:
            return
        try:
            os.killpg(self.proc.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass

    def stderr_tail(self, size: int = 2000) -> str:
        try:
            data = (self.root / "stderr.log").read_bytes()
        except OSError:
            return ""
        return data[-size:].decode("utf-8", "replace")

    def close(self) -> None:
        if self.proc is not None:
            try:
                if self.proc.poll() is None and not self.gone:
                    self.proc.stdin.write(bridge.dumps({"op": "bye"}))
                    self.proc.stdin.flush()
                    self.proc.wait(timeout=2)
            except (OSError, ValueError, subprocess.TimeoutExpired):
                pass
            self.kill()
            for stream in (self.proc.stdin, self.proc.stdout):
                try:
                    stream.close()
                except OSError:
                    pass
            self.stderr.close()
        shutil.rmtree(self.root, ignore_errors=True)
