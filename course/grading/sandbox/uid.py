"""The ``uid`` mode: a root grader runs each job's worker as an unprivileged user id of its own.

The id comes from a range no account uses (:data:`UID_BASE`), one per judge process, held with a
lock file for as long as the judge lives, so that concurrent judges never share one and "kill every
process of this id" at the end never hits a neighbour. The job's folder belongs to that id and
everything else it could reach stays the grader's; Landlock is added where the kernel has it.

Where the grader also holds ``CAP_SYS_ADMIN`` (a machine, a CI runner, a privileged container; not
Docker's default), the worker's child first takes private IPC, network and mount namespaces and
mounts a ``/proc`` that shows it only its own processes (``hidepid=invisible``): no System V object,
no socket and no other process's command line is shared then, Landlock or not. Elsewhere those are
left to Landlock and the seccomp filter, and the probe refuses where they do not hold.
"""

from __future__ import annotations

import ctypes
import fcntl
import os
import pwd
import stat
from pathlib import Path

from .choice import NoIsolation
from .processes import kill_uid

UID_BASE = 1_900_000_000
UID_COUNT = 1_000_000
"""Per-job user ids: a range no account in /etc/passwd uses. A job starts at a random place in it,
so graders that cannot see each other's lock files (containers with a private ``/run``) are unlikely
to pick the same id, whose processes a grader on the host would then count and kill as its own."""
CLONE_NEWNS, CLONE_NEWIPC, CLONE_NEWNET = 0x00020000, 0x08000000, 0x40000000
MS_NOSUID, MS_NODEV, MS_NOEXEC, MS_REC, MS_PRIVATE = 2, 4, 8, 0x4000, 0x40000
_LIBC = ctypes.CDLL(None, use_errno=True)
_LEASE: tuple[int, int] | None = None


def job_uid() -> int:
    """This process's own user id for its workers, held with a lock file for as long as the process
    lives, so that concurrent judges (of this batch or another) never share one."""
    global _LEASE
    if _LEASE is not None:
        return _LEASE[0]
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
        _LEASE = (uid, fd)
        return uid
    raise NoIsolation(f"all {UID_COUNT} job user ids from {UID_BASE} are in use")


def check_passable(folder: Path) -> None:
    """The job's user must be able to pass through every folder above its own."""
    for path in [folder.resolve(), *folder.resolve().parents]:
        if not os.stat(path).st_mode & stat.S_IXOTH:
            raise NoIsolation(
                f"the job's user id cannot reach its folder: {path} is not searchable by other users "
                "(set TMPDIR to a folder every user may pass through, such as /tmp, or chmod o+x it)"
            )


def private_namespaces() -> bool:
    """In the worker's child, as root: private IPC, network and mount namespaces and a ``/proc``
    showing only the processes of the calling user. False (nothing changed) where the kernel refuses."""
    if _LIBC.unshare(CLONE_NEWNS | CLONE_NEWIPC | CLONE_NEWNET) < 0:
        return False
    if _LIBC.mount(b"none", b"/", None, MS_REC | MS_PRIVATE, None) < 0:
        raise OSError(ctypes.get_errno(), "could not make the worker's mounts private")
    flags = MS_NOSUID | MS_NODEV | MS_NOEXEC
    if _LIBC.mount(b"proc", b"/proc", b"proc", flags, b"hidepid=invisible") < 0:
        raise OSError(ctypes.get_errno(), "could not mount the worker's /proc")
    return True


def become(uid: int) -> None:
    """Drop to ``uid`` (and group ``uid``, no supplementary groups) for good."""
    os.setgroups([])
    os.setresgid(uid, uid, uid)
    os.setresuid(uid, uid, uid)
