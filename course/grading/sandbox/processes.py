"""Finding and killing a submission's processes, whatever state they are in.

A process is alive while any of its threads is: one whose main thread exited (``SYS_exit`` after
starting a thread) shows state ``Z`` in ``/proc/PID/stat`` and no memory in ``/proc/PID/status``,
yet its other threads run on, hold memory and can outlive the grader. So liveness and memory are
read per task (``/proc/PID/task/TID``), and such a process is killed like any other: ``SIGKILL``
to its PID ends the whole thread group.
"""

from __future__ import annotations

import ctypes
import os
import signal
import time

PR_SET_DUMPABLE = 4
PR_SET_CHILD_SUBREAPER = 36
_LIBC = ctypes.CDLL(None, use_errno=True)


def processes() -> dict[int, tuple[int, int, str, int]]:
    """pid -> (parent pid, session id, state of the main thread, start time in clock ticks) of every
    process this one can see."""
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


def live_task(pid: int) -> int | None:
    """A thread of ``pid`` that is still running (its main thread first), or None when every thread
    has exited (a zombie waiting to be reaped)."""
    try:
        tids = [int(t) for t in os.listdir(f"/proc/{pid}/task")]
    except (OSError, ValueError):
        return None
    for tid in sorted(tids, key=lambda t: (t != pid, t)):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat", "rb") as f:
                state = f.read().rsplit(b")", 1)[-1].split()[0]
        except (OSError, IndexError):
            continue
        if state not in (b"Z", b"X"):
            return tid
    return None


def is_alive(pid: int, state: str) -> bool:
    """Whether ``pid`` (whose main thread is in ``state``) still has a running thread."""
    return state not in ("Z", "X") or live_task(pid) is not None


def real_uid(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status", "rb") as f:
            for line in f:
                if line.startswith(b"Uid:"):
                    return int(line.split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return None


def descendants(table: dict, roots) -> set[int]:
    """Every process below ``roots`` in ``table`` (as :func:`processes` returns it)."""
    children: dict[int, list[int]] = {}
    for pid, (ppid, *_) in table.items():
        children.setdefault(ppid, []).append(pid)
    found, stack = set(), list(roots)
    while stack:
        for child in children.get(stack.pop(), []):
            if child not in found:
                found.add(child)
                stack.append(child)
    return found


def kill(pids) -> None:
    for pid in pids:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass


def reap(pids) -> None:
    """Collect the exit status of those of ``pids`` that are our children (so none stays a zombie)."""
    for pid in pids:
        try:
            os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:
            pass


def kill_uid(uid: int) -> None:
    """SIGKILL every process of ``uid``: a child that becomes ``uid`` and calls ``kill(-1)``, which
    reaches exactly the processes of that user id (those whose main thread exited included)."""
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


def kill_descendants() -> None:
    """Kill everything below this process and reap it (orphans come to us, the subreaper): what a
    student started and what outlived its judge, threads of exited main threads included."""
    me = os.getpid()
    for _ in range(100):
        table = processes()
        found = descendants(table, [me])
        alive = {p for p in found if is_alive(p, table[p][2])}
        kill(alive)
        reap(p for p in found if table[p][0] == me)
        if not alive:
            return
        time.sleep(0.01)


def become_subreaper() -> None:
    """Orphaned descendants (a ``setsid`` daemon included) are reparented to this process, so they
    can be found and ended."""
    try:
        _LIBC.prctl(PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def hide_command_line() -> None:
    """Blank this process's command line (``/proc/PID/cmdline``, readable by every user unless
    ``/proc`` is mounted with ``hidepid``): the grader's arguments name the submissions and the output
    folder. The kernel reads the command line from the process's own memory, between the addresses
    ``/proc/self/stat`` gives as ``arg_start`` and ``arg_end`` (fields 48 and 49); writing zeros there
    through ``/proc/self/mem`` needs no privilege. Python keeps its own copy of ``sys.argv``. Where any
    of this is missing the line stays as it was, and the probe, which reads it, refuses the mode."""
    try:
        with open("/proc/self/stat", "rb") as f:
            fields = f.read().rsplit(b")", 1)[-1].split()
        start, end = int(fields[45]), int(fields[46])  # fields 48 and 49, counted after the name
        if 0 < start < end and end - start < 1 << 20:
            with open("/proc/self/mem", "r+b", buffering=0) as mem:
                mem.seek(start)
                mem.write(bytes(end - start))
    except (OSError, ValueError, IndexError, OverflowError):
        pass


def not_dumpable() -> None:
    """Other processes of the same (non-root) user can no longer open our ``/proc/PID/fd``, ptrace
    us or read our memory: the channel from the judges stays closed even with ``--sandbox none``."""
    try:
        _LIBC.prctl(PR_SET_DUMPABLE, 0, 0, 0, 0)
    except (OSError, AttributeError):
        pass
