"""One worker for one submission: its folder, its start in the chosen mode, its messages, its end."""

from __future__ import annotations

import ctypes
import glob
import json
import os
import select
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from .. import fonts
from ..sandboxed import bridge
from . import bwrap, folders, landlock, seccomp
from . import uid as uid_mode
from .choice import NoIsolation, sandbox_kind
from .limits import MIB, JobCgroup, Limits, Usage, deleted_files_of, memory_kib, set_rlimits
from .processes import become_subreaper, descendants, is_alive, kill, kill_uid, processes, real_uid, reap

SANDBOXED = Path(__file__).resolve().parent.parent / "sandboxed"
"""The files copied into the sandbox: the only grading code that runs next to student code."""
MAX_MESSAGE = bridge.MAX_LINE  # 16 MiB: a longer answer is refused before it is parsed
PR_SET_PDEATHSIG = 1
WATCH_EVERY = 0.25
PROCESS_SLACK = 4
"""Tasks in the job's pids cgroup beyond ``--processes``: bubblewrap's own two."""
_LIBC = ctypes.CDLL(None, use_errno=True)
SYSTEM_DEVICES = ["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"]


class WorkerGone(RuntimeError):
    """The worker stopped answering: ``reason`` is ``timeout``, ``memory`` or ``error``."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


def python_roots() -> list[str]:
    roots = {sys.prefix, sys.base_prefix, str(Path(sys.executable).resolve().parent.parent)}
    return sorted(r for r in roots if r and os.path.isdir(r))


def _start_time(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            return int(f.read().rsplit(b")", 1)[-1].split()[19])
    except (OSError, ValueError, IndexError):
        return None


PROBE = r"""
import ctypes, json, os, socket, sys
task = json.loads(sys.argv[1])
reached = []

def readable(path):
    try:
        with open(path, "rb") as f:
            f.read(1)
        return True
    except OSError:
        return False

for path in task["read"]:
    if readable(path):
        reached.append(path)
for path in task["list"]:
    try:
        os.listdir(path)
        reached.append(path)
    except OSError:
        pass
for pid, start in task["procs"].items():
    try:
        with open(f"/proc/{pid}/stat", "rb") as f:
            if start is not None and int(f.read().rsplit(b")", 1)[-1].split()[19]) != start:
                continue  # another process with that number (another PID namespace)
    except (OSError, ValueError, IndexError):
        pass
    for name in ("environ", "fd/0", "fd/1"):
        if readable(f"/proc/{pid}/{name}"):
            reached.append(f"/proc/{pid}/{name}")
    if pid in task["cmdline"]:
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as f:
                if f.read(4096).strip(b"\0"):
                    reached.append(f"/proc/{pid}/cmdline")
        except OSError:
            pass
for family in ("AF_UNIX", "AF_INET", "AF_INET6", "AF_NETLINK"):
    kind = socket.SOCK_DGRAM if family == "AF_NETLINK" else socket.SOCK_STREAM
    try:
        socket.socket(getattr(socket, family), kind).close()
        reached.append(f"a socket ({family})")
    except (OSError, AttributeError):
        pass
if ctypes.CDLL(None, use_errno=True).unshare(0x10000000) == 0:
    reached.append("a new user namespace")
try:
    private = os.stat("/proc/self/ns/net").st_ino != task["net"]
except OSError:
    private = False
print(json.dumps({"reached": reached, "private": private}))
"""


class Sandbox:
    """One worker for one submission. Use as a context manager: everything is removed at exit.

    ``secrets`` are files the worker must not be able to read (the hidden tests): :meth:`probe`
    checks it, and outside bubblewrap every start checks it again before exec."""

    def __init__(self, limits: Limits, data_files: dict[str, Path], secrets: list | None = None):
        self.limits = limits
        self.kind = sandbox_kind(limits.sandbox)
        self.uid = uid_mode.job_uid() if self.kind == "uid" else None
        self.abi = landlock.abi() if self.kind in ("uid", "landlock") else 0
        self.secrets = [str(p) for p in secrets or []]
        # The real path: the job's user walks it, so a TMPDIR reached through a link in a private folder
        # must not pass the check below and then fail at the worker's start.
        self.root = Path(tempfile.mkdtemp(prefix="course-grade-")).resolve()
        if self.uid is not None:
            try:
                uid_mode.check_passable(self.root.parent)
            except NoIsolation:
                os.rmdir(self.root)
                raise
        self.box = self.root / "box"
        """The worker's folder on this side (under bubblewrap, only what is bound into its tmpfs)."""
        self.work = self.box / "work"
        for folder in (self.work / ".tmp", self.work / ".config/matplotlib", self.box / "shm", self.box / ".runtime"):
            folder.mkdir(parents=True)
        for name in ("worker.py", "bridge.py"):
            shutil.copy(SANDBOXED / name, self.box / ".runtime" / name)
        self.data = []
        for rel, src in data_files.items():
            dest = self.box / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest)
            self.data.append(rel)
        if self.uid is not None:
            os.chmod(self.root, 0o711)  # the job's user may pass through to its box, and see nothing else
            for top, dirs, files in os.walk(self.box):
                for name in [top, *(os.path.join(top, n) for n in dirs + files)]:
                    os.lchown(name, self.uid, self.uid)
            os.chmod(self.box, 0o700)  # other jobs' user ids cannot enter it, even knowing its name
        self.proc: subprocess.Popen | None = None
        self.cgroup: JobCgroup | None = None
        self.buffer = b""
        self.gone: WorkerGone | None = None
        self.over: tuple[str, str] | None = None
        self.stderr = None
        self._watching = threading.Event()
        self._children_before: set[int] = set()
        self._lock = threading.Lock()

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.close()

    # ------------------------------------------------------------------ starting
    def _inside(self, path: Path) -> str:
        """How the worker names a path of its box."""
        return bwrap.BOX + str(path)[len(str(self.box)) :] if self.kind == "bwrap" else str(path)

    def _env(self) -> dict[str, str]:
        threads = str(self.limits.threads)
        tmp = self._inside(self.work / ".tmp")
        return {
            "PATH": os.path.dirname(sys.executable) + ":/usr/bin:/bin",
            "HOME": self._inside(self.work),
            "PYTHONHASHSEED": "0",
            "PYTHONDONTWRITEBYTECODE": "1",
            "MPLBACKEND": "Agg",
            "MPLCONFIGDIR": self._inside(self.work / ".config/matplotlib"),
            "IPYTHONDIR": tmp,
            "TMPDIR": tmp,
            "OMP_NUM_THREADS": threads,
            "MKL_NUM_THREADS": threads,
            "OPENBLAS_NUM_THREADS": threads,
            "LANG": "C.UTF-8",
        }

    def _bwrap_command(self, seccomp_fd: int | None = None) -> list[str]:
        binds = {str(self.box / rel): self._inside(self.box / rel) for rel in self.data}
        for path in glob.glob(str(self.work / ".config/matplotlib/fontlist-*.json")):
            binds[path] = self._inside(Path(path))
        return bwrap.command(str(self.box), self.limits.disk_mb, python_roots(), binds, seccomp_fd)

    def _filter(self) -> bytes | None:
        """The seccomp program for this mode (None: ``none``, or bubblewrap where there is no filter
        for this architecture; its namespaces still hold)."""
        if self.kind == "none":
            return None
        try:
            return seccomp.program()
        except seccomp.Unsupported as err:
            if self.kind == "bwrap":
                return None
            raise NoIsolation(f"the {self.kind} sandbox needs a seccomp filter: {err}") from None

    def _preexec(self, program: bytes | None):
        """Runs in the child before exec: join the job's cgroups, become the job's user (with private
        namespaces where the kernel allows), set the limits, Landlock, the seccomp filter, and check
        that no secret can be read."""
        limits, kind, abi, secrets = self.limits, self.kind, self.abi, self.secrets
        box, uid, cgroup = str(self.box), self.uid, self.cgroup
        nproc = limits.processes if uid is not None else _own_process_count() + limits.processes
        gpus = bwrap.gpu_devices()
        read = bwrap.SYSTEM_READ + ["/sys"] + python_roots() + (["/proc/driver/nvidia"] if gpus else [])
        devices = SYSTEM_DEVICES + gpus
        root = os.geteuid() == 0

        def apply():
            if cgroup is not None:
                cgroup.enter()
            if uid is not None:
                if root:
                    uid_mode.private_namespaces()
                uid_mode.become(uid)
            set_rlimits(limits, nproc)
            _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the cap fail instead of killing
            if abi:
                landlock.restrict(abi, [*read, f"/proc/{os.getpid()}"], [box], devices)
            if program is not None and kind != "bwrap":
                seccomp.load(program)
            if kind not in ("bwrap", "none"):
                for path in secrets:
                    try:
                        os.close(os.open(path, os.O_RDONLY))
                    except OSError:
                        continue
                    raise PermissionError(f"isolation check failed: the worker could read {path}")

        return apply

    def _popen(self, argv: list[str], stdout) -> subprocess.Popen:
        become_subreaper()
        if self.cgroup is None:
            # in a tmpfs box the files are in RAM too: the cgroup holds both
            tmpfs = self.kind == "bwrap" and bwrap.tmpfs_box()
            memory = self.limits.memory_mb + (self.limits.disk_mb if tmpfs else 0)
            self.cgroup = JobCgroup.create(memory, self.limits.processes + PROCESS_SLACK)
        program = self._filter()
        fds: tuple = ()
        prefix: list[str] = []
        if self.kind == "bwrap":
            if program is not None:
                fd = os.memfd_create("seccomp", os.MFD_CLOEXEC)
                os.write(fd, program)
                os.lseek(fd, 0, os.SEEK_SET)
                fds = (fd,)
            prefix = self._bwrap_command(fds[0] if fds else None)
        try:
            return subprocess.Popen(
                prefix + [sys.executable, "-s", *argv],
                stdin=subprocess.PIPE,
                stdout=stdout,
                stderr=self.stderr,
                cwd=self.work,
                env=self._env(),
                start_new_session=True,
                preexec_fn=self._preexec(program),
                pass_fds=fds,
            )
        finally:
            for fd in fds:
                os.close(fd)

    def probe(self, reach: list[str] | None = None, extra: list[str] | None = None) -> dict:
        """Start a probe worker exactly as a student's: what it could reach of the secrets, ``extra``
        files, the ``reach`` folders, this process's and its parent's ``/proc`` entries (pipes,
        command line, environment), a socket or a new user namespace; and whether it ran in private
        namespaces. Raises :class:`NoIsolation`, with the sandbox's own message, when the worker cannot
        even start (bubblewrap unable to mount /proc, Python where the job's user may not read it)."""
        me = os.getpid()
        procs = {str(pid): _start_time(pid) for pid in (me, os.getppid()) if pid > 1}
        task = {
            "read": self.secrets + (extra or []),
            "list": list(reach or []),
            "procs": procs,
            "cmdline": [str(me)],  # the grader's arguments name the submissions; a parent's (a shell) do not
            "net": os.stat("/proc/self/ns/net").st_ino,
        }
        saved, self.secrets = self.secrets, []  # let the probe itself report what it can read
        self.stderr = open(self.root / "probe.log", "wb")
        out = b""
        try:
            proc = self._popen(["-c", PROBE, json.dumps(task)], subprocess.PIPE)
            _LIVE_WORKERS.add(proc.pid)
            self.proc = proc
            out, _ = proc.communicate(timeout=120)
        except (OSError, subprocess.SubprocessError) as err:
            raise NoIsolation(f"the {self.kind} sandbox could not start a worker here: {err}") from None
        finally:
            self.secrets = saved
            self.stderr.close()
            self.stderr = None
            if self.proc is not None:
                self.kill()
                _LIVE_WORKERS.discard(self.proc.pid)
                self.proc = None
        try:
            found = json.loads(out)
            return {"reached": list(found["reached"]), "private": bool(found["private"])}
        except (ValueError, KeyError, TypeError):
            log = (self.root / "probe.log").read_text(errors="replace").strip().splitlines()[-1:] or [""]
            hint = ""
            if self.uid is not None:
                hint = (
                    f"; the job's user id {self.uid} must be able to run {sys.executable}: install Python where "
                    "other users may read it (every folder above it searchable, e.g. chmod o+x), not under a "
                    "private /root"
                )
            if self.kind == "bwrap":
                raise NoIsolation(f"bubblewrap could not start a worker here ({log[0][:300]})") from None
            raise NoIsolation(f"the {self.kind} sandbox could not run Python: {log[0][:300]}{hint}") from None

    def verify(self) -> None:
        """Refuse (:class:`NoIsolation`) if the worker could reach a secret, this process's pipes,
        command line or environment, a socket or a user namespace; probed once per process and mode,
        before the first student code runs."""
        key = (self.kind, tuple(self.secrets))
        if self.kind == "none" or key in _VERIFIED:
            return
        reached = self.probe()["reached"]
        if reached:
            raise NoIsolation(
                f"the {self.kind} sandbox does not isolate here: the student's process could reach "
                f"{', '.join(reached[:3])}; refusing to run students' code."
            )
        _VERIFIED.add(key)

    def start(self) -> None:
        self.verify()
        me = os.getpid()
        self._children_before = {pid for pid, (ppid, *_) in processes().items() if ppid == me}
        given = fonts.font_cache()
        for path in glob.glob(os.path.join(given, "fontlist-*.json")) if given else []:
            shutil.copy(path, self.work / ".config/matplotlib")
            if self.uid is not None:
                os.lchown(self.work / ".config/matplotlib" / os.path.basename(path), self.uid, self.uid)
        self.stderr = open(self.root / "stderr.log", "wb")
        try:
            self.proc = self._popen([self._inside(self.box / ".runtime/worker.py")], subprocess.PIPE)
        except subprocess.SubprocessError as err:
            raise NoIsolation(f"refusing to run the notebook: {err}") from None
        _LIVE_WORKERS.add(self.proc.pid)
        self._watching.set()
        threading.Thread(target=self._watch, daemon=True).start()

    # ------------------------------------------------------------------ the submission as a whole
    def members(self) -> set[int]:
        """Every live process of this submission: the worker's descendants and session, orphans
        reparented to this (subreaper) process, every process in its cgroups, in ``uid`` mode every
        process of the job's id; a process whose main thread exited counts while a thread runs."""
        if self.proc is None:
            return set()
        table = processes()
        me, worker = os.getpid(), self.proc.pid
        found = {pid for pid, (_, sid, *_) in table.items() if sid == worker}
        # orphans reparented to us: children we did not start, born after the worker (this process
        # starts nothing else while a sandbox runs: the judge does only this)
        born = table.get(worker, (0, 0, "", 0))[3]
        found |= {
            pid
            for pid, (ppid, _, _, start) in table.items()
            if ppid == me and pid not in _LIVE_WORKERS and pid not in self._children_before and start >= born
        }
        found |= descendants(table, [worker, *found]) | {worker}
        if self.uid is not None:
            found |= {pid for pid in table if real_uid(pid) == self.uid}
        if self.cgroup is not None:
            found |= self.cgroup.pids()
        return {pid for pid in found if pid in table and pid != me and is_alive(pid, table[pid][2])}

    def usage(self, with_disk: bool = True) -> Usage:
        """What the submission holds now: memory (unless its cgroup counts it), files and entries."""
        procs = self.members()
        used = Usage()
        if self.cgroup is None or (self.kind == "bwrap" and bwrap.tmpfs_box()):  # its cgroup counts the files too
            used.memory = sum(memory_kib(pid) for pid in procs) * 1024
        if not with_disk:
            return used
        if self.kind == "bwrap" and bwrap.tmpfs_box():
            for pid in procs - {self.proc.pid}:
                try:
                    info = os.statvfs(f"/proc/{pid}/root{bwrap.BOX}")
                except OSError:
                    continue
                used.disk = (info.f_blocks - info.f_bfree) * info.f_frsize
                used.entries = info.f_files - info.f_ffree
                break
            return used
        used.disk, used.entries = folders.usage(str(self.box))
        used.disk += deleted_files_of(procs, self.limits.output_mb * MIB, self.uid)
        if self.uid is not None and not self.abi:
            for top in folders.shared_writable():
                size, count = folders.owned_usage(top, self.uid)
                used.disk, used.entries = used.disk + size, used.entries + count
        return used

    def _over(self, used: Usage) -> tuple[str, str] | None:
        limits = self.limits
        if used.disk > limits.disk_mb * MIB:
            return "error", f"the notebook kept more than {limits.disk_mb} MiB of files"
        if self.cgroup is not None and self.cgroup.oom_kills():
            return "memory", f"the notebook's processes used more than {limits.memory_mb} MiB together"
        if used.memory > limits.memory_mb * MIB:
            return "memory", f"the notebook's processes used more than {limits.memory_mb} MiB together"
        if used.entries > folders.MAX_ENTRIES:
            return "error", f"the notebook made more than {folders.MAX_ENTRIES:,} files and folders"
        return None

    def _watch(self) -> None:
        """Kill the submission when all its processes together, or its files, pass the limits."""
        tick = 0
        while self._watching.is_set() and self.proc is not None and self.proc.poll() is None:
            try:  # a tmpfs box is measured by one statvfs; a folder by a walk, half as often
                quick = self.kind == "bwrap" and bwrap.tmpfs_box()
                self.over = self._over(self.usage(with_disk=quick or tick % 2 == 0))
            except OSError:
                pass
            if self.over:
                self.kill()
                return
            tick += 1
            time.sleep(WATCH_EVERY)

    # ------------------------------------------------------------------ messages
    def send(self, message) -> None:
        if self.gone:
            raise self.gone
        try:
            self.proc.stdin.write(bridge.dumps(message))
            self.proc.stdin.flush()
        except (BrokenPipeError, OSError, ValueError):
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
            message = bridge.loads(line)
        except bridge.CodecError as err:
            self.fail(("error", f"the worker sent garbage ({err})"))
        if isinstance(message, dict) and message.get("event") == "done":
            self.check()  # a notebook that filled its folder in its last moments: before any test runs
        return message

    def check(self) -> None:
        """Measure now rather than at the watchdog's next tick; stop the submission if it is over a limit."""
        if self.over is None and self.proc is not None and self.proc.poll() is None:
            try:
                self.over = self._over(self.usage())
            except OSError:
                return
        if self.over is not None:
            self.fail(self.over)

    def request(self, message, deadline: float):
        self.send(message)
        reply = self.receive(deadline)
        if not isinstance(reply, dict):
            self.fail(("error", "the worker sent garbage"))
        return reply

    def fail(self, reason_message):
        reason, message = self.over or reason_message
        self.kill()
        self.gone = WorkerGone(reason, message)
        raise self.gone

    def _death_reason(self) -> tuple[str, str]:
        try:
            code = self.proc.wait(timeout=5)
        except subprocess.TimeoutExpired:
            self.kill()
            code = self.proc.returncode
        if self.over is None and self.cgroup is not None and self.cgroup.oom_kills():
            self.over = ("memory", f"the notebook's processes used more than {self.limits.memory_mb} MiB together")
        if self.over:
            return self.over
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
        """SIGKILL the submission's every process (``setsid`` daemons, threads of exited main threads)
        and reap them."""
        if self.proc is None:
            return
        with self._lock:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            if self.cgroup is not None:
                self.cgroup.kill()
            for _ in range(300):
                if self.uid is not None:
                    kill_uid(self.uid)
                left = self.members()
                if not left:
                    break
                kill(left)
                reap(left - {self.proc.pid} - _LIVE_WORKERS)
                time.sleep(0.01)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            me = os.getpid()
            zombies = {pid for pid, (ppid, _, state, _) in processes().items() if ppid == me and state == "Z"}
            reap(zombies - self._children_before - _LIVE_WORKERS - {self.proc.pid})

    def stderr_tail(self, size: int = 2000) -> str:
        try:
            data = (self.root / "stderr.log").read_bytes()
        except OSError:
            return ""
        return data[-size:].decode("utf-8", "replace")

    def close(self) -> None:
        self._watching.clear()
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
            _LIVE_WORKERS.discard(self.proc.pid)
        if self.cgroup is not None:
            self.cgroup.remove()
        if self.stderr is not None:
            self.stderr.close()
        folders.remove_tree(self.root)
        if self.uid is not None and not self.abi:
            folders.remove_owned(self.uid)


_VERIFIED: set[tuple] = set()
_LIVE_WORKERS: set[int] = set()
"""Workers of live sandboxes in this process: never mistaken for a neighbour's orphan."""


def _own_process_count() -> int:
    """Processes of this user id now (``RLIMIT_NPROC`` counts them all, so the limit adds to it)."""
    me = os.getuid()
    return sum(1 for pid in processes() if real_uid(pid) == me)
