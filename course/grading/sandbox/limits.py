"""Limits for one submission, and how what it uses is counted.

Per process, set in the worker's child before ``exec``: ``RLIMIT_AS`` (``--memory``), CPU time,
file size, open files, process count, no core dumps.

For the submission as a whole, the kernel counts where it can:

- **cgroups** (:class:`JobCgroup`), when the grader may make them: a memory cgroup limited to
  ``--memory`` (anonymous memory, tmpfs and shared memory of every task of every process, threads
  of exited main threads included) and a pids cgroup limited to ``--processes``. Version 1 (one
  hierarchy per controller, as on a machine whose PID 1 is not systemd) when the grader is root;
  version 2 in a cgroup delegated to the grader (e.g. one started under
  ``systemd-run --user --scope -p Delegate=yes``, or root in a container with a writable
  ``/sys/fs/cgroup``). The kernel stops the submission at the limit; the watchdog reads its OOM count.
- **a tmpfs of ``--disk`` MiB** for the box under bubblewrap: writes past it fail.

Where no cgroup can be made, the watchdog (:class:`Usage`) sums, every quarter second, the
anonymous and shared memory of every process of the submission, read from a live thread when the
main thread has exited. System V IPC, nested user namespaces (which could mount an uncounted tmpfs)
and sockets are denied in every mode (:mod:`.seccomp`), so nothing is held where no process shows it.

Files are counted every second (outside bubblewrap): the box (every entry: a submission that makes
more than :data:`~.folders.MAX_ENTRIES` is stopped, so no bytes hide behind a cap on the walk),
files deleted while still open, files deleted while still mapped (``/proc/PID/maps``: a root grader
reads their size; otherwise each counts as the largest file a process may write, ``--output``),
and in the ``uid`` mode without Landlock what the job's user id owns in the folders every user may
write. Past ``--disk`` the submission ends with status ``error``.
"""

from __future__ import annotations

import os
import re
import resource
import stat
from dataclasses import dataclass

from .processes import live_task

MIB = 2**20


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
    """Files the submission may keep (its folder, deleted-but-open or mapped files), in MiB."""
    processes: int = 256
    """Processes the submission may start."""
    threads: int = 1
    """BLAS/OpenMP threads for the worker."""
    sandbox: str = "auto"
    """One of ``MODES`` (``auto``: the strongest available; see the package docstring)."""


def set_rlimits(limits: Limits, nproc: int) -> None:
    """This process's resource limits (in the worker's child, before ``exec``)."""
    mem = limits.memory_mb * MIB
    cpu = int(limits.timeout * max(1, limits.threads) + 30)
    for res, value in (
        (resource.RLIMIT_AS, mem),
        (resource.RLIMIT_CPU, cpu),
        (resource.RLIMIT_FSIZE, limits.output_mb * MIB),
        (resource.RLIMIT_CORE, 0),
        (resource.RLIMIT_NOFILE, 256),
        (resource.RLIMIT_NPROC, nproc),
    ):
        soft, hard = resource.getrlimit(res)
        value = value if hard == resource.RLIM_INFINITY else min(value, hard)
        resource.setrlimit(res, (value, value))


# ---------------------------------------------------------------------------------- cgroups
def _write(path: str, text: str) -> None:
    with open(path, "w", encoding="ascii") as f:
        f.write(text)


def _read(path: str) -> str:
    with open(path, encoding="ascii", errors="replace") as f:
        return f.read()


def _mounts() -> list[tuple[str, str, str, str]]:
    """(root, mount point, file system type, super options) of each cgroup mount this process sees."""
    found = []
    try:
        text = _read("/proc/self/mountinfo")
    except OSError:
        return []
    for line in text.splitlines():
        before, _, after = line.partition(" - ")
        fields, tail = before.split(), after.split()
        if len(fields) >= 5 and len(tail) >= 3 and tail[0] in ("cgroup", "cgroup2"):
            found.append((fields[3], fields[4].replace("\\040", " "), tail[0], tail[2]))
    return found


def _own_cgroups() -> dict[str, str]:
    """Controller (or ``""`` for version 2) -> this process's cgroup path."""
    found = {}
    try:
        text = _read("/proc/self/cgroup")
    except OSError:
        return {}
    for line in text.splitlines():
        parts = line.split(":", 2)
        if len(parts) == 3:
            for name in parts[1].split(",") if parts[1] else [""]:
                found[name] = parts[2]
    return found


def _folder(mount_root: str, mount_point: str, path: str) -> str:
    rel = path[len(mount_root) :] if mount_root != "/" and path.startswith(mount_root) else path
    return os.path.join(mount_point, rel.lstrip("/"))


_COUNTER = [0]
LEAF = "course-grade-leaf"
PREFIX = "course-grade-"


class JobCgroup:
    """A memory and a pids cgroup for one submission, below the grader's own (so the limits of a
    container or service around the grader still hold). :meth:`create` returns None where the
    grader may not make them; the worker's child joins with :meth:`enter` before ``exec``."""

    def __init__(self, version: int, folders_: dict[str, str]):
        self.version = version
        self.folders = folders_  # controller -> folder (version 2: one folder for both)

    # ------------------------------------------------------------------ making one
    @classmethod
    def create(cls, memory_mb: int, processes: int) -> JobCgroup | None:
        for make in (cls._v1, cls._v2):
            try:
                made = make(memory_mb, processes)
            except OSError:
                made = None
            if made is not None:
                return made
        return None

    @staticmethod
    def _name() -> str:
        _COUNTER[0] += 1
        return f"{PREFIX}{os.getpid()}-{_COUNTER[0]}"

    @classmethod
    def _v1(cls, memory_mb: int, processes: int) -> JobCgroup | None:
        own = _own_cgroups()
        parents = {}
        for root, point, kind, options in _mounts():
            if kind != "cgroup":
                continue
            for controller in ("memory", "pids"):
                if controller in options.split(",") and controller in own:
                    parents[controller] = _folder(root, point, own[controller])
        if set(parents) != {"memory", "pids"} or not all(os.access(p, os.W_OK) for p in parents.values()):
            return None
        name = cls._name()
        made = {}
        try:
            for controller, parent in parents.items():
                _clear_stale(parent)
                made[controller] = os.path.join(parent, name)
                os.mkdir(made[controller], 0o755)
            _write(os.path.join(made["memory"], "memory.limit_in_bytes"), str(memory_mb * MIB))
            try:  # no swap beyond the limit, where swap is accounted
                _write(os.path.join(made["memory"], "memory.memsw.limit_in_bytes"), str(memory_mb * MIB))
            except OSError:
                pass
            _write(os.path.join(made["pids"], "pids.max"), str(processes))
        except OSError:
            cls(1, made).remove()
            return None
        return cls(1, made)

    @classmethod
    def _v2(cls, memory_mb: int, processes: int) -> JobCgroup | None:
        """In a delegated version-2 cgroup: this process (and the others there) move to a leaf, the
        memory and pids controllers are enabled below, and each job gets a cgroup beside the leaf."""
        own = _own_cgroups().get("")
        mount = next(((r, p) for r, p, kind, _ in _mounts() if kind == "cgroup2"), None)
        if own is None or mount is None:
            return None
        here = _folder(mount[0], mount[1], own)
        base = os.path.dirname(here) if os.path.basename(here) == LEAF else here
        controls = os.path.join(base, "cgroup.subtree_control")
        if not {"memory", "pids"} <= set(_read(os.path.join(base, "cgroup.controllers")).split()):
            return None
        if not os.access(controls, os.W_OK) or not os.access(os.path.join(base, "cgroup.procs"), os.W_OK):
            return None
        if not {"memory", "pids"} <= set(_read(controls).split()):
            leaf = os.path.join(base, LEAF)
            os.makedirs(leaf, exist_ok=True)
            for pid in _read(os.path.join(base, "cgroup.procs")).split():
                try:
                    _write(os.path.join(leaf, "cgroup.procs"), pid)
                except OSError:
                    pass
            _write(controls, "+memory +pids")
        _clear_stale(base)
        folder = os.path.join(base, cls._name())
        os.mkdir(folder, 0o755)
        job = cls(2, {"memory": folder, "pids": folder})
        try:
            _write(os.path.join(folder, "memory.max"), str(memory_mb * MIB))
            for name, value in (("memory.swap.max", "0"), ("memory.oom.group", "1")):
                try:
                    _write(os.path.join(folder, name), value)
                except OSError:
                    pass
            _write(os.path.join(folder, "pids.max"), str(processes))
        except OSError:
            job.remove()
            return None
        return job

    # ------------------------------------------------------------------ using it
    def enter(self) -> None:
        """Move the calling process into the job's cgroups (in the worker's child, before ``exec``)."""
        for folder in dict.fromkeys(self.folders.values()):
            _write(os.path.join(folder, "cgroup.procs"), "0")

    def oom_kills(self) -> int:
        """How many times the kernel killed a process of the job for memory."""
        name = "memory.oom_control" if self.version == 1 else "memory.events"
        try:
            text = _read(os.path.join(self.folders["memory"], name))
        except OSError:
            return 0
        match = re.search(r"^oom_kill (\d+)$", text, re.M)
        return int(match.group(1)) if match else 0

    def pids(self) -> set[int]:
        """Every process in the job's cgroups, those whose main thread exited included."""
        found = set()
        for folder in dict.fromkeys(self.folders.values()):
            for name in ("cgroup.procs", "tasks"):
                try:
                    found |= {int(p) for p in _read(os.path.join(folder, name)).split()}
                except (OSError, ValueError):
                    pass
        return {_tgid(pid) for pid in found} - {None}

    def kill(self) -> None:
        if self.version == 2:
            try:
                _write(os.path.join(self.folders["memory"], "cgroup.kill"), "1")
            except OSError:
                pass

    def remove(self) -> None:
        for folder in dict.fromkeys(self.folders.values()):
            try:
                os.rmdir(folder)
            except OSError:
                pass


def _tgid(tid: int) -> int | None:
    try:
        with open(f"/proc/{tid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"Tgid:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def _clear_stale(parent: str) -> None:
    """Remove the empty job cgroups of graders that are gone (killed before they cleaned up)."""
    try:
        names = os.listdir(parent)
    except OSError:
        return
    for name in names:
        match = re.fullmatch(rf"{PREFIX}(\d+)-\d+", name)
        if match and not os.path.exists(f"/proc/{match.group(1)}"):
            try:
                os.rmdir(os.path.join(parent, name))
            except OSError:
                pass


# ---------------------------------------------------------------------------------- the watchdog
def memory_kib(pid: int) -> int:
    """Anonymous and shared memory a process holds (what it allocated, not its libraries), read from a
    live thread: once the main thread has exited its own status shows none."""
    tid = live_task(pid)
    if tid is None:
        return 0
    total = 0
    try:
        with open(f"/proc/{pid}/task/{tid}/status", "rb") as f:
            for line in f:
                if line.startswith((b"RssAnon:", b"RssShmem:")):
                    total += int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return 0
    return total


def deleted_files(pid: int, guess_bytes: int, seen: set) -> int:
    """Bytes of files ``pid`` keeps after they were deleted: open (``/proc/PID/fd``) or mapped with
    the descriptor closed (``/proc/PID/maps``). A mapped file's size needs root (``map_files``); a
    grader that is not root counts each as ``guess_bytes`` (the largest file a process may write).
    ``seen`` holds (device, inode) pairs already counted, so a file shared by processes counts once.
    Raises PermissionError where this process may not look (root without ``CAP_SYS_PTRACE``)."""
    total = 0
    try:
        with open(f"/proc/{pid}/maps", "rb") as f:
            maps = f.read().decode(errors="replace")
        fds = os.listdir(f"/proc/{pid}/fd")
    except PermissionError:
        raise
    except OSError:
        return 0  # gone
    for fd in fds:
        try:
            info = os.stat(f"/proc/{pid}/fd/{fd}")
        except PermissionError:
            raise
        except OSError:
            continue
        if stat.S_ISREG(info.st_mode) and info.st_nlink == 0 and (info.st_dev, info.st_ino) not in seen:
            seen.add((info.st_dev, info.st_ino))
            total += info.st_blocks * 512
    for line in maps.splitlines():
        if not line.endswith(" (deleted)"):
            continue
        fields = line.split(None, 5)
        if len(fields) < 6 or fields[5].startswith(("/dev/zero ", "/SYSV")):
            continue  # shared anonymous memory: counted as memory (RssShmem)
        try:
            major, minor = (int(n, 16) for n in fields[3].split(":"))
            key = (os.makedev(major, minor), int(fields[4]))
        except ValueError:
            continue
        if key in seen:
            continue
        seen.add(key)
        try:
            info = os.stat(f"/proc/{pid}/map_files/{fields[0]}")
        except PermissionError:
            total += guess_bytes
            continue
        except OSError:
            continue
        if info.st_nlink == 0:
            total += info.st_blocks * 512
    return total


def deleted_files_of(pids, guess_bytes: int, uid: int | None = None) -> int:
    """:func:`deleted_files` summed over ``pids``. A root grader without ``CAP_SYS_PTRACE`` (Docker's
    default, so Gradescope's) may not read the ``/proc/PID/fd`` of the job's user id: then a child
    that becomes ``uid`` reads them (a process may read its own user's), and sends the sum back."""
    seen: set = set()
    try:
        return sum(deleted_files(pid, guess_bytes, seen) for pid in pids)
    except PermissionError:
        if uid is None or os.geteuid() != 0:
            return 0
    read, write = os.pipe()
    child = os.fork()
    if child == 0:
        try:
            os.close(read)
            os.setgroups([])
            os.setresgid(uid, uid, uid)
            os.setresuid(uid, uid, uid)
            total = 0
            for pid in pids:
                try:
                    total += deleted_files(pid, guess_bytes, seen)
                except OSError:
                    pass
            os.write(write, str(total).encode())
        finally:
            os._exit(0)
    os.close(write)
    with os.fdopen(read, "rb") as f:
        answer = f.read()
    os.waitpid(child, 0)
    try:
        return int(answer)
    except ValueError:
        return 0


@dataclass
class Usage:
    memory: int = 0
    """Bytes of memory (anonymous and shared) of all the submission's processes."""
    disk: int = 0
    """Bytes of files it keeps."""
    entries: int = 0
    """Files and folders it made."""
