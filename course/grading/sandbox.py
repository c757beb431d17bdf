"""Run a student's worker process isolated and under limits, in a fresh temporary folder, and talk to it.

The isolation modes, strongest first (``--sandbox auto`` takes the first the machine offers):

- ``bwrap`` (bubblewrap on PATH and able to create namespaces): new user, PID, network, IPC and UTS
  namespaces; only the Python install and system libraries visible, read-only; the submission's
  folder the only writable place (``/sandbox``; ``/tmp`` and ``/dev/shm`` lie inside it). GPUs
  (``/dev/nvidia*``, ``/dev/dri``) are passed through when the machine has them.
- ``uid`` (the grader runs as root without working bubblewrap: containers, Gradescope, CI): the
  worker runs as an unprivileged user id of its own, one per concurrent job, taken from a range no
  account uses (:data:`UID_BASE`); its folder belongs to that id and everything else it could reach
  stays the grader's; plus Landlock where the kernel has it. At the end every process of that id
  is killed. Python must be installed where other users may read it (not under a ``/root`` that is
  ``drwx------``), and the course folder must not be readable by others unless Landlock is there:
  a probe (:meth:`Sandbox.probe`) refuses to grade when the worker could read a hidden test.
- ``landlock`` (Linux >= 5.13, grader not root, no bubblewrap): the worker may read only the Python
  install and system libraries and write only its folder; with ABI >= 4 no TCP bind or connect,
  with ABI >= 6 no signals or abstract Unix sockets out of its domain. No ``/proc`` but its own.
- ``none``: no isolation at all, only when asked for by name.

Always: a session of its own, every descendant found and killed at the end (the grader is a child
subreaper, so a ``setsid`` daemon is reparented to it), limits per process (``RLIMIT_AS``, CPU,
file size, open files, process count) and for the submission as a whole (a watchdog sums the
memory of all its processes and the size of its files), a parent-death signal, a cleared
environment with ``TMPDIR`` in the folder, and the folder removed afterwards whatever its
permissions. The instructor-side variable :data:`DISABLE_ENV` makes the grader ignore mechanisms
(tests use it to reach the refusal); the worker never reads it.
"""

from __future__ import annotations

import ctypes
import fcntl
import glob
import hashlib
import importlib.util
import json
import os
import pwd
import resource
import select
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

from .sandboxed import bridge

SANDBOXED = Path(__file__).resolve().parent / "sandboxed"
"""The files copied into the sandbox: the only grading code that runs next to student code."""
MAX_MESSAGE = bridge.MAX_LINE  # 16 MiB: a longer answer is refused before it is parsed
BOX = "/sandbox"
MODES = ("auto", "bwrap", "uid", "landlock", "none")
DISABLE_ENV = "COURSE_GRADE_DISABLE"
"""Comma-separated mechanisms the grader must treat as unavailable (``bwrap``, ``uid``, ``landlock``,
or ``all``): read by the grader only, so tests can reach each fallback and the refusal."""
FONT_CACHE_ENV = "COURSE_GRADE_FONT_CACHE"
"""A folder holding matplotlib's prebuilt font list, copied into every sandbox."""
UID_BASE = 1_900_000_000
UID_COUNT = 1_000_000
"""Per-job user ids for the ``uid`` mode: a range no account in /etc/passwd uses. A job starts at a
random place in it, so graders that cannot see each other's lock files (containers with a private
``/run``) are unlikely to pick the same id, whose processes a grader on the host would then count
and kill as its own."""
PR_SET_PDEATHSIG = 1
PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
PR_SET_NO_NEW_PRIVS = 38
WATCH_EVERY = 0.25
HOW_TO_ISOLATE = (
    "no isolation is available here, so the grader refuses to run students' code. Any of these gives "
    "it: install bubblewrap (apt-get install bubblewrap, dnf install bubblewrap); run the grader as "
    "root in a container (each job then gets its own user id); or use Linux >= 5.13 with Landlock "
    "enabled. To grade without isolation anyway (trusted notebooks only), pass --sandbox none."
)


@dataclass
class Limits:
    timeout: float = 300.0
    """Wall-clock seconds for one submission: running it and answering the tests."""
    cell_timeout: float = 30.0
    """Seconds one cell (or one call from a test) may run before it is interrupted."""
    memory_mb: int = 4096
    """Memory of the submission as a whole (all its processes), in MiB."""
    output_mb: int = 64
    """Largest file the worker may write, in MiB."""
    disk_mb: int = 1024
    """Files the submission may keep (its folder, deleted-but-open files), in MiB."""
    processes: int = 256
    """Processes the submission may start."""
    threads: int = 1
    """BLAS/OpenMP threads for the worker."""
    sandbox: str = "auto"
    """One of :data:`MODES` (``auto``: the strongest available; see the module docstring)."""


class WorkerGone(RuntimeError):
    """The worker stopped answering: ``reason`` is ``timeout``, ``memory`` or ``error``."""

    def __init__(self, reason: str, message: str):
        super().__init__(message)
        self.reason = reason


class NoIsolation(RuntimeError):
    """The isolation asked for (or any, for ``auto``) is not available: never run student code."""


# ---------------------------------------------------------------------------------- what is here
def _disabled() -> set[str]:
    names = {n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",") if n.strip()}
    return {"bwrap", "uid", "landlock"} if "all" in names else names


def bwrap_path() -> str | None:
    return None if "bwrap" in _disabled() else shutil.which("bwrap")


def _bwrap_works(path: str) -> bool:
    try:
        proc = subprocess.run([path, "--ro-bind", "/", "/", "--unshare-all", "true"], capture_output=True, timeout=20)
    except (OSError, subprocess.TimeoutExpired):
        return False
    return proc.returncode == 0


_BWRAP_OK: dict[str, bool] = {}
_LIBC = ctypes.CDLL(None, use_errno=True)


def landlock_abi() -> int:
    """The kernel's Landlock ABI version (0: none, or disabled by :data:`DISABLE_ENV`)."""
    if "landlock" in _disabled() or not sys.platform.startswith("linux"):
        return 0
    try:
        version = _LIBC.syscall(_SYS_LANDLOCK_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    except (OSError, AttributeError):
        return 0
    return max(0, int(version))


def has_bwrap() -> bool:
    path = bwrap_path()
    if path and path not in _BWRAP_OK:
        _BWRAP_OK[path] = _bwrap_works(path)
    return bool(path and _BWRAP_OK[path])


def sandbox_kind(choice: str) -> str:
    """The mode that will isolate the workers: ``bwrap``, ``uid``, ``landlock`` or ``none``.

    ``choice`` is one of :data:`MODES`; raises :class:`NoIsolation` (with how to get isolation) when
    the mode asked for, or for ``auto`` any mode, is not available here."""
    if choice not in MODES:
        raise NoIsolation(f"unknown sandbox {choice!r}: use one of {', '.join(MODES)}")
    if choice == "none":
        return "none"
    root = os.geteuid() == 0
    available = {
        "bwrap": has_bwrap(),
        "uid": root and "uid" not in _disabled() and sys.platform.startswith("linux"),
        "landlock": not root and landlock_abi() >= 1,
    }
    if choice != "auto":
        if available[choice]:
            return choice
        why = {
            "bwrap": "bubblewrap (bwrap) is not installed or cannot create namespaces here",
            "uid": "per-job user ids need the grader to run as root on Linux",
            "landlock": "Landlock needs Linux >= 5.13 with Landlock enabled, and a grader that is not root "
            "(as root, use --sandbox uid)",
        }[choice]
        raise NoIsolation(f"--sandbox {choice}: {why}")
    for kind in ("bwrap", "uid", "landlock"):
        if available[kind]:
            return kind
    raise NoIsolation(HOW_TO_ISOLATE)


def describe(kind: str) -> str:
    """One line saying what isolates the students' code in ``kind`` (for the terminal and summary.md)."""
    abi = landlock_abi()
    if kind == "bwrap":
        return "bwrap (bubblewrap: own user, PID, network and IPC namespaces; only Python and system libraries visible)"
    if kind == "uid":
        extra = (
            f", plus Landlock ABI {abi}" if abi else " (no Landlock here: the course must not be readable by others)"
        )
        return f"uid (a user id of its own per job, from {UID_BASE}{extra})"
    if kind == "landlock":
        return f"landlock (Landlock ABI {abi}: reads only Python and system libraries, writes only its folder)"
    return "none (NO ISOLATION: students' code runs as you and can read and change your files and the grades)"


def become_subreaper() -> None:
    """Orphaned descendants (a ``setsid`` daemon included) are reparented to this process, so
    :meth:`Sandbox.kill` can find and end them."""
    try:
        _LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def not_dumpable() -> None:
    """Other processes of the same (non-root) user can no longer open our ``/proc/PID/fd``, ptrace
    us or read our memory: the channel from the judges stays closed even with ``--sandbox none``."""
    try:
        _LIBC.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass


# ---------------------------------------------------------------------------------- Landlock
_SYS_LANDLOCK_CREATE_RULESET, _SYS_LANDLOCK_ADD_RULE, _SYS_LANDLOCK_RESTRICT_SELF = 444, 445, 446
_FS_EXECUTE, _FS_WRITE_FILE, _FS_READ_FILE, _FS_READ_DIR = 1, 2, 4, 8
_FS_REFER, _FS_TRUNCATE, _FS_IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
_NET_ALL = 3  # bind and connect TCP
_SCOPE_ALL = 3  # abstract Unix sockets and signals


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("fs", ctypes.c_uint64), ("net", ctypes.c_uint64), ("scoped", ctypes.c_uint64)]


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def _landlock_fs_rights(abi: int) -> int:
    rights = (1 << 13) - 1
    if abi >= 2:
        rights |= _FS_REFER
    if abi >= 3:
        rights |= _FS_TRUNCATE
    if abi >= 5:
        rights |= _FS_IOCTL_DEV
    return rights


def landlock_restrict(abi: int, read: list[str], write: list[str], devices: list[str]) -> None:
    """Restrict this process (and what it starts) to reading ``read``, writing ``write`` and using
    ``devices``; no TCP, outside signals or abstract sockets where the ABI handles them. Runs in the
    child before exec: raises OSError if Landlock refuses, so no student code runs unrestricted."""
    handled = _landlock_fs_rights(abi)
    attr = _RulesetAttr(handled, _NET_ALL if abi >= 4 else 0, _SCOPE_ALL if abi >= 6 else 0)
    size = 24 if abi >= 6 else 16 if abi >= 4 else 8
    ruleset = _LIBC.syscall(_SYS_LANDLOCK_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), 0)
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    file_rights = _FS_EXECUTE | _FS_READ_FILE | _FS_WRITE_FILE | (_FS_TRUNCATE if abi >= 3 else 0)
    file_rights |= _FS_IOCTL_DEV if abi >= 5 else 0
    try:
        for paths, rights in (
            (read, _FS_EXECUTE | _FS_READ_FILE | _FS_READ_DIR),
            (write, handled),
            (devices, _FS_READ_FILE | _FS_WRITE_FILE | _FS_READ_DIR | (_FS_TRUNCATE if abi >= 3 else 0)
             | (_FS_IOCTL_DEV if abi >= 5 else 0)),
        ):  # fmt: skip
            for path in paths:
                try:
                    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
                except OSError:
                    continue
                try:
                    allowed = rights if stat.S_ISDIR(os.fstat(fd).st_mode) else rights & file_rights
                    rule = _PathBeneath(allowed, fd)
                    if _LIBC.syscall(_SYS_LANDLOCK_ADD_RULE, ruleset, 1, ctypes.byref(rule), 0) < 0:
                        raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
                finally:
                    os.close(fd)
        if _LIBC.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0:
            raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS failed")
        if _LIBC.syscall(_SYS_LANDLOCK_RESTRICT_SELF, ruleset, 0) < 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)


def _python_roots() -> list[str]:
    roots = {sys.prefix, sys.base_prefix, str(Path(sys.executable).resolve().parent.parent)}
    return sorted(r for r in roots if r and os.path.isdir(r))


SYSTEM_READ = ["/usr", "/bin", "/lib", "/lib64", "/lib32", "/sbin", "/etc/ld.so.cache", "/etc/localtime", "/sys"]
SYSTEM_DEVICES = ["/dev/null", "/dev/zero", "/dev/full", "/dev/random", "/dev/urandom"]


def gpu_devices() -> list[str]:
    """The GPU device files of this machine (NVIDIA and DRM), passed through to the worker."""
    return sorted(glob.glob("/dev/nvidia*")) + [p for p in ("/dev/dri",) if os.path.exists(p)]


# ---------------------------------------------------------------------------------- per-job user ids
_UID_LEASE: tuple[int, int] | None = None


def job_uid() -> int:
    """This process's own user id for its workers (``uid`` mode), held with a lock file for as long
    as the process lives, so that concurrent judges (of this batch or another) never share one."""
    global _UID_LEASE
    if _UID_LEASE is not None:
        return _UID_LEASE[0]
    folder = Path("/run/course-grade-uids") if os.access("/run", os.W_OK) else Path("/var/lock/course-grade-uids")
    folder.mkdir(mode=0o700, exist_ok=True)
    info = os.lstat(folder)
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != 0 or info.st_mode & 0o077:
        raise NoIsolation(f"{folder} must be a folder only root can use")
    start = int.from_bytes(os.urandom(4), "little") % UID_COUNT  # not `random`: judges reseed it
    for uid in (UID_BASE + (start + i) % UID_COUNT for i in range(UID_COUNT)):
        try:
            pwd.getpwuid(uid)
            continue  # an account uses it
        except KeyError:
            pass
        fd = os.open(folder / str(uid), os.O_CREAT | os.O_RDWR | os.O_CLOEXEC, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            os.close(fd)
            continue
        kill_uid(uid)  # left over from a grader that crashed
        _UID_LEASE = (uid, fd)
        return uid
    raise NoIsolation(f"all {UID_COUNT} job user ids from {UID_BASE} are in use")


def kill_uid(uid: int) -> None:
    """SIGKILL every process of ``uid``: a child that becomes ``uid`` and calls ``kill(-1)`` until
    nothing is left (signals then reach exactly the processes of that user id)."""
    pid = os.fork()
    if pid == 0:
        try:
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            for _ in range(5):  # zombies still count as targets: the caller reaps and repeats
                try:
                    os.kill(-1, signal.SIGKILL)
                except ProcessLookupError:
                    break
        finally:
            os._exit(0)
    os.waitpid(pid, 0)


# ---------------------------------------------------------------------------------- processes
def processes() -> dict[int, tuple[int, int, str, int]]:
    """pid -> (parent pid, session id, state, start time in clock ticks) of every process this one can see."""
    found = {}
    for entry in os.scandir("/proc"):
        if not entry.name.isdigit():
            continue
        try:
            with open(f"/proc/{entry.name}/stat", "rb") as f:
                text = f.read().decode(errors="replace")
        except OSError:
            continue
        fields = text.rsplit(")", 1)[-1].split()
        if len(fields) >= 20:
            found[int(entry.name)] = (int(fields[1]), int(fields[3]), fields[0], int(fields[19]))
    return found


def _real_uid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"Uid:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def _memory_kib(pid: int) -> int:
    """Anonymous and shared memory a process holds (what it allocated, not the shared libraries)."""
    total = 0
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith((b"RssAnon:", b"RssShmem:")):
                    total += int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return 0
    return total


def _unlinked_open_bytes(pid: int) -> int:
    """Bytes in files a process holds open after deleting them (they use disk but are in no folder)."""
    total = 0
    try:
        fds = os.listdir(f"/proc/{pid}/fd")
    except OSError:
        return 0
    for fd in fds:
        try:
            info = os.stat(f"/proc/{pid}/fd/{fd}")
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and info.st_nlink == 0:
            total += info.st_blocks * 512
    return total


def _unlock(path: str) -> None:
    """Give back owner permissions walking down (a student may have ``chmod 000``'d folders)."""
    try:
        info = os.lstat(path)
    except OSError:
        return
    if not stat.S_ISDIR(info.st_mode):
        return
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    try:
        entries = list(os.scandir(path))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _unlock(entry.path)


def remove_tree(path: str | Path) -> None:
    """Remove a folder whatever its contents did to their permissions."""
    _unlock(str(path))
    shutil.rmtree(path, ignore_errors=True)


def tree_bytes(path: str, limit_entries: int = 200_000) -> tuple[int, int]:
    """(bytes on disk, entries) below ``path``, fixing permissions a student took away."""
    total, count, stack = 0, 0, [path]
    while stack and count < limit_entries:
        top = stack.pop()
        try:
            entries = list(os.scandir(top))
        except PermissionError:
            _unlock(top)
            try:
                entries = list(os.scandir(top))
            except OSError:
                continue
        except OSError:
            continue
        for entry in entries:
            count += 1
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            total += info.st_blocks * 512
            if stat.S_ISDIR(info.st_mode):
                stack.append(entry.path)
    return total, count


def _shared_writable() -> list[str]:
    return [p for p in ("/tmp", "/var/tmp", "/dev/shm", "/dev/mqueue") if os.path.isdir(p)]


# ---------------------------------------------------------------------------------- font cache
_FONT_CACHE: dict[str, str] = {}


def build_font_cache(folder: str | Path) -> subprocess.Popen:
    """Start building matplotlib's font list into ``folder`` (once per grading run; every sandbox
    gets a copy, so a student's first plot does not spend seconds scanning the system's fonts)."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    env = {"PATH": "/usr/bin:/bin", "MPLCONFIGDIR": str(folder), "HOME": str(folder), "MPLBACKEND": "Agg"}
    code = "import matplotlib.font_manager"
    return subprocess.Popen(
        [sys.executable, "-s", "-c", code], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


FONT_FOLDERS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "/etc/fonts",
    "/usr/X11R6/lib/X11/fonts",
    "/usr/X11/lib/X11/fonts",
    "/usr/lib/openoffice/share/fonts/truetype",
)
"""Where matplotlib (through fontconfig and its own list) finds the system's fonts."""


def kept_font_cache() -> Path | None:
    """Where this user's grader keeps matplotlib's font list between batches: one folder per
    Python, matplotlib install and state of the system's font folders (installing or removing a
    font changes a folder's time stamp, and so the name). None where there is no such place."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.origin:
        return None
    try:
        info = os.stat(spec.origin)
        stamps = [sys.executable, spec.origin, str(info.st_mtime_ns), str(info.st_size)]
        for top in FONT_FOLDERS:
            for folder, _, _ in os.walk(top):
                stamps.append(f"{folder} {os.stat(folder).st_mtime_ns}")
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (OSError, RuntimeError, KeyError):
        return None
    digest = hashlib.sha256("\n".join(stamps).encode()).hexdigest()[:16]
    return base / "course-grade" / f"matplotlib-fonts-{digest}"


def batch_font_cache(scratch: str) -> tuple[str, subprocess.Popen | None]:
    """The folder of the font list for a batch's sandboxes, and the process still building it (None
    when the list kept from an earlier batch is there). Keep a new one with :func:`keep_font_cache`."""
    kept = kept_font_cache()
    if kept is not None and glob.glob(os.path.join(kept, "fontlist-*.json")):
        return str(kept), None
    folder = os.path.join(scratch, "fonts")
    return folder, build_font_cache(folder)


def keep_font_cache(folder: str) -> None:
    """Keep a font list just built for the next batches (written whole, then renamed into place, so a
    grader running beside this one never reads half of it); a place that cannot be written is skipped."""
    kept = kept_font_cache()
    files = glob.glob(os.path.join(folder, "fontlist-*.json"))
    if kept is None or not files or kept.exists():
        return
    building = None
    try:
        kept.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        building = tempfile.mkdtemp(prefix=".building-", dir=kept.parent)
        for path in files:
            shutil.copy(path, building)
        os.rename(building, kept)
    except OSError:
        if building is not None:
            shutil.rmtree(building, ignore_errors=True)


def finish_font_cache(folder: str, building: subprocess.Popen | None) -> None:
    """Wait (at most five minutes) for a font list :func:`batch_font_cache` is building, and keep it."""
    if building is None:
        return
    try:
        if building.wait(timeout=300) == 0:
            keep_font_cache(folder)  # for the next batches
    except subprocess.TimeoutExpired:
        building.kill()
        building.wait()


def font_cache() -> str | None:
    """The folder with a prebuilt font list: :data:`FONT_CACHE_ENV`, or one kept or built once per process."""
    given = os.environ.get(FONT_CACHE_ENV)
    if given:
        return given if glob.glob(os.path.join(given, "fontlist-*.json")) else None
    if "built" not in _FONT_CACHE:
        scratch = tempfile.mkdtemp(prefix="course-fonts-")
        folder, building = batch_font_cache(scratch)
        finish_font_cache(folder, building)
        import atexit

        atexit.register(shutil.rmtree, scratch, True)
        _FONT_CACHE["built"] = folder
    folder = _FONT_CACHE["built"]
    return folder if glob.glob(os.path.join(folder, "fontlist-*.json")) else None


# ---------------------------------------------------------------------------------- the sandbox
PROBE = """
import json, os, sys
found = []
for path in json.loads(sys.argv[1]):
    try:
        with open(path, "rb") as f:
            f.read(1)
        found.append(path)
    except OSError:
        pass
print(json.dumps(found))
"""


class Sandbox:
    """One worker for one submission. Use as a context manager: everything is removed at exit.

    ``secrets`` are files the worker must not be able to read (the hidden tests): :meth:`probe`
    checks it, and outside bubblewrap every start checks it again before exec."""

    def __init__(self, limits: Limits, data_files: dict[str, Path], secrets: list[Path] | None = None):
        self.limits = limits
        self.kind = sandbox_kind(limits.sandbox)
        self.uid = job_uid() if self.kind == "uid" else None
        self.abi = landlock_abi() if self.kind in ("uid", "landlock") else 0
        self.secrets = [str(p) for p in secrets or []]
        # The real path: the job's user walks it, so a TMPDIR reached through a link in a private folder
        # must not pass the check below and then fail at the worker's start.
        self.root = Path(tempfile.mkdtemp(prefix="course-grade-")).resolve()
        if self.uid is not None:
            try:
                _check_passable(self.root.parent)
            except NoIsolation:
                os.rmdir(self.root)
                raise
        self.box = self.root / "box"
        self.work = self.box / "work"
        for folder in (self.work / ".tmp", self.work / ".config/matplotlib", self.box / "shm", self.box / ".runtime"):
            folder.mkdir(parents=True)
        for name in ("worker.py", "bridge.py"):
            shutil.copy(SANDBOXED / name, self.box / ".runtime" / name)
        for rel, src in data_files.items():
            dest = self.box / rel
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(src, dest)
        if self.uid is not None:
            os.chmod(self.root, 0o711)  # the job's user may pass through to its box, and see nothing else
            for top, dirs, files in os.walk(self.box):
                for name in [top, *(os.path.join(top, n) for n in dirs + files)]:
                    os.lchown(name, self.uid, self.uid)
            os.chmod(self.box, 0o700)  # other jobs' user ids cannot enter it, even knowing its name
        self.proc: subprocess.Popen | None = None
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
        return BOX + str(path)[len(str(self.box)) :] if self.kind == "bwrap" else str(path)

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

    def _bwrap_command(self) -> list[str]:
        cmd = [bwrap_path(), "--unshare-all", "--die-with-parent", "--new-session", "--cap-drop", "ALL"]
        for path in SYSTEM_READ[:-1]:
            cmd += ["--ro-bind-try", path, path]
        cmd += ["--proc", "/proc", "--dev", "/dev"]
        gpus = gpu_devices()
        for path in gpus:
            cmd += ["--dev-bind-try", path, path]
        if gpus:
            cmd += ["--ro-bind-try", "/sys", "/sys"]  # the CUDA runtime reads the PCI topology
        cmd += ["--bind", str(self.box), BOX, "--bind", str(self.work / ".tmp"), "/tmp"]
        cmd += ["--bind", str(self.box / "shm"), "/dev/shm"]
        for root in _python_roots():  # after /tmp: a Python (a venv) that lives under /tmp stays visible
            cmd += ["--ro-bind", root, root]
        cmd += ["--remount-ro", "/dev", "--remount-ro", "/"]
        cmd += ["--chdir", f"{BOX}/work", "--hostname", "sandbox"]
        return cmd

    def _preexec(self):
        """Runs in the child before exec (after Popen switched to the job's user, in ``uid`` mode)."""
        limits, kind, abi, secrets = self.limits, self.kind, self.abi, self.secrets
        box, uid = str(self.box), self.uid
        nproc = limits.processes if uid is not None else _own_process_count() + limits.processes
        gpus = gpu_devices()
        read = SYSTEM_READ + _python_roots() + (["/proc/driver/nvidia"] if gpus else [])
        devices = SYSTEM_DEVICES + gpus

        def apply():
            mem = limits.memory_mb * 1024 * 1024
            cpu = int(limits.timeout * max(1, limits.threads) + 30)
            for res, value in (
                (resource.RLIMIT_AS, mem),
                (resource.RLIMIT_CPU, cpu),
                (resource.RLIMIT_FSIZE, limits.output_mb * 1024 * 1024),
                (resource.RLIMIT_CORE, 0),
                (resource.RLIMIT_NOFILE, 256),
                (resource.RLIMIT_NPROC, nproc),
            ):
                soft, hard = resource.getrlimit(res)
                value = value if hard == resource.RLIM_INFINITY else min(value, hard)
                resource.setrlimit(res, (value, value))
            _LIBC.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
            signal.signal(signal.SIGXFSZ, signal.SIG_IGN)  # writes past the cap fail instead of killing
            if abi:
                landlock_restrict(abi, [*read, f"/proc/{os.getpid()}"], [box], devices)
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
        cmd = (self._bwrap_command() if self.kind == "bwrap" else []) + [sys.executable, "-s", *argv]
        ids = {"user": self.uid, "group": self.uid, "extra_groups": []} if self.uid is not None else {}
        return subprocess.Popen(
            cmd,
            stdin=subprocess.PIPE,
            stdout=stdout,
            stderr=self.stderr,
            cwd=self.work,
            env=self._env(),
            start_new_session=True,
            preexec_fn=self._preexec(),
            **ids,
        )

    def probe(self, extra: list[str] | None = None) -> list[str]:
        """Which of the secrets (and ``extra`` paths, e.g. this process's ``/proc/PID/fd/0``) the
        worker could read: run once before any student code. Raises :class:`NoIsolation` when the
        worker cannot even start (e.g. Python installed where the job's user may not read it)."""
        paths = self.secrets + (extra if extra is not None else [f"/proc/{os.getpid()}/fd/0"])
        saved, self.secrets = self.secrets, []  # let the probe itself report what it can read
        self.stderr = open(self.root / "probe.log", "wb")
        try:
            proc = self._popen(["-c", PROBE, json.dumps(paths)], subprocess.PIPE)
            out, _ = proc.communicate(timeout=120)
        except (OSError, subprocess.SubprocessError) as err:
            raise NoIsolation(f"the {self.kind} sandbox could not start a worker here: {err}") from None
        finally:
            self.secrets = saved
            self.stderr.close()
            self.stderr = None
        try:
            return list(json.loads(out))
        except ValueError:
            log = (self.root / "probe.log").read_text(errors="replace").strip().splitlines()[-1:] or [""]
            hint = ""
            if self.uid is not None:
                hint = (
                    f"; the job's user id {self.uid} must be able to run {sys.executable}: install Python where "
                    "other users may read it (every folder above it searchable, e.g. chmod o+x), not under a "
                    "private /root"
                )
            raise NoIsolation(f"the {self.kind} sandbox could not run Python: {log[0][:200]}{hint}") from None

    def verify(self) -> None:
        """Refuse (:class:`NoIsolation`) if the worker could read a secret or this process's pipes;
        probed once per process and mode, before the first student code runs."""
        key = (self.kind, tuple(self.secrets))
        if self.kind == "none" or key in _VERIFIED:
            return
        readable = self.probe()
        if readable:
            raise NoIsolation(
                f"the {self.kind} sandbox does not isolate here: the student's process could read "
                f"{', '.join(readable[:3])}; refusing to run students' code. "
                + (
                    "Make the course folder unreadable to other users (chmod -R o-rwx), or use Linux >= 5.13 "
                    "with Landlock. "
                    if self.kind == "uid"
                    else ""
                )
                + HOW_TO_ISOLATE.split(". ", 1)[1]
            )
        _VERIFIED.add(key)

    def start(self) -> None:
        self.verify()
        me = os.getpid()
        self._children_before = {pid for pid, (ppid, *_) in processes().items() if ppid == me}
        fonts = font_cache()
        for path in glob.glob(os.path.join(fonts, "fontlist-*.json")) if fonts else []:
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
        reparented to this (subreaper) process, and in ``uid`` mode every process of the job's id."""
        if self.proc is None:
            return set()
        table = processes()
        children: dict[int, list[int]] = {}
        for pid, (ppid, *_) in table.items():
            children.setdefault(ppid, []).append(pid)
        me, worker = os.getpid(), self.proc.pid
        found = {pid for pid, (_, sid, *_) in table.items() if sid == worker}
        # orphans reparented to us: children we did not start, born after the worker (this process
        # starts nothing else while a sandbox runs: the judge does only this)
        born = table.get(worker, (0, 0, "", 0))[3]
        found |= {
            pid
            for pid in children.get(me, [])
            if pid not in _LIVE_WORKERS and pid not in self._children_before and table[pid][3] >= born
        }
        stack = [worker, *found]
        while stack:
            for child in children.get(stack.pop(), []):
                if child not in found:
                    found.add(child)
                    stack.append(child)
        found.add(worker)
        if self.uid is not None:
            found |= {pid for pid in table if _real_uid(pid) == self.uid}
        return {pid for pid in found if pid in table and table[pid][2] != "Z" and pid != me}

    def _usage(self, with_disk: bool) -> tuple[int, int]:
        procs = self.members()
        memory = sum(_memory_kib(pid) for pid in procs) * 1024
        disk = 0
        if with_disk:
            disk = tree_bytes(str(self.box))[0] + sum(_unlinked_open_bytes(pid) for pid in procs)
            if self.uid is not None and not self.abi:
                disk += sum(self._owned_bytes(top) for top in _shared_writable())
        return memory, disk

    def _owned_bytes(self, top: str) -> int:
        total = 0
        try:
            entries = list(os.scandir(top))
        except OSError:
            return 0
        for entry in entries:
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            if info.st_uid == self.uid:
                total += tree_bytes(entry.path)[0] if stat.S_ISDIR(info.st_mode) else info.st_blocks * 512
        return total

    def _watch(self) -> None:
        """Kill the submission when all its processes together, or its files, pass the limits."""
        tick = 0
        while self._watching.is_set() and self.proc is not None and self.proc.poll() is None:
            try:
                memory, disk = self._usage(with_disk=tick % 4 == 0)
            except OSError:
                memory, disk = 0, 0
            if memory > self.limits.memory_mb * 2**20:
                self.over = ("memory", f"the notebook's processes used more than {self.limits.memory_mb} MiB together")
            elif disk > self.limits.disk_mb * 2**20:
                self.over = ("error", f"the notebook kept more than {self.limits.disk_mb} MiB of files")
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
        """SIGKILL the submission's every process, ``setsid`` daemons included, and reap them."""
        if self.proc is None:
            return
        with self._lock:
            try:
                os.killpg(self.proc.pid, signal.SIGKILL)
            except (ProcessLookupError, PermissionError):
                pass
            for _ in range(200):
                if self.uid is not None:
                    kill_uid(self.uid)
                left = self.members()
                if not left:
                    break
                for pid in left:
                    try:
                        os.kill(pid, signal.SIGKILL)
                    except (ProcessLookupError, PermissionError):
                        pass
                self._reap(left - {self.proc.pid})
                time.sleep(0.01)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                pass
            me = os.getpid()
            zombies = {pid for pid, (ppid, _, state, _) in processes().items() if ppid == me and state == "Z"}
            self._reap(zombies - self._children_before)

    def _reap(self, pids) -> None:
        """Collect the exit status of orphans that became our children (so none stays a zombie)."""
        for pid in pids:
            if pid in _LIVE_WORKERS or pid == self.proc.pid:
                continue
            try:
                os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                pass

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
        if self.stderr is not None:
            self.stderr.close()
        remove_tree(self.root)
        if self.uid is not None and not self.abi:
            for top in _shared_writable():
                for entry in list(os.scandir(top)) if os.access(top, os.R_OK) else []:
                    try:
                        if entry.stat(follow_symlinks=False).st_uid == self.uid:
                            remove_tree(entry.path) if entry.is_dir(follow_symlinks=False) else os.unlink(entry.path)
                    except OSError:
                        pass


def _check_passable(folder: Path) -> None:
    """In ``uid`` mode the job's user must be able to pass through every folder above its own."""
    for path in [folder.resolve(), *folder.resolve().parents]:
        if not os.stat(path).st_mode & stat.S_IXOTH:
            raise NoIsolation(
                f"the job's user id cannot reach its folder: {path} is not searchable by other users "
                "(set TMPDIR to a folder every user may pass through, such as /tmp, or chmod o+x it)"
            )


_VERIFIED: set[tuple] = set()
_LIVE_WORKERS: set[int] = set()
"""Workers of live sandboxes in this process: never mistaken for a neighbour's orphan."""


def _own_process_count() -> int:
    """Processes of this user id now (``RLIMIT_NPROC`` counts them all, so the limit adds to it)."""
    uid = os.getuid()
    return sum(1 for pid in processes() if _real_uid(pid) == uid)
