"""Which isolation mode grades here, proved by starting a real worker in it.

``--sandbox auto`` tries the modes strongest first (``bwrap``, ``uid``, ``landlock``). A mode counts
only once a probe worker, started with exactly the command, namespaces, limits and seccomp filter
a student's worker gets (:meth:`.box.Sandbox.probe`), has run and found closed everything it tried:
the hidden tests, the grader's pipes, command line and environment, the submissions and the
``--out`` folder it is given, a socket, a new user namespace. When a mode fails, ``auto`` goes on to
the next and says why (:attr:`Choice.notes`: the terminal, ``summary.md`` and Gradescope's output
show it); ``--sandbox bwrap`` (or ``uid``, ``landlock``) asks for one mode and refuses with what
stopped it, bubblewrap's own message included. Nothing is ever fallen back to silently, and never
to ``none``.
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field

MODES = ("auto", "bwrap", "uid", "landlock", "none")
DISABLE_ENV = "COURSE_GRADE_DISABLE"
"""Comma-separated mechanisms the grader must treat as unavailable (``bwrap``, ``uid``, ``landlock``,
or ``all``): read by the grader only, so tests can reach each fallback and the refusal."""
HOW_TO_ISOLATE = (
    "no isolation is available here, so the grader refuses to run students' code. Any of these gives "
    "it: install bubblewrap (apt-get install bubblewrap, dnf install bubblewrap); run the grader as "
    "root in a container (each job then gets its own user id); or use Linux >= 5.13 with Landlock "
    "enabled. To grade without isolation anyway (trusted notebooks only), pass --sandbox none."
)


class NoIsolation(RuntimeError):
    """The isolation asked for (or any, for ``auto``) is not available: never run student code."""


def disabled() -> set[str]:
    names = {n.strip() for n in os.environ.get(DISABLE_ENV, "").split(",") if n.strip()}
    return {"bwrap", "uid", "landlock"} if "all" in names else names


def offered(mode: str) -> str:
    """'' if this machine may offer ``mode`` (what is installed and allowed; the probe decides),
    else why not."""
    from . import bwrap, landlock

    root = os.geteuid() == 0
    if mode == "bwrap":
        if "bwrap" in disabled():
            return f"bubblewrap is disabled ({DISABLE_ENV})"
        return "" if bwrap.path() else "bubblewrap (bwrap) is not installed"
    if mode == "uid":
        if "uid" in disabled() or not sys.platform.startswith("linux"):
            return "per-job user ids are disabled here"
        return "" if root else "per-job user ids need the grader to run as root on Linux"
    if mode == "landlock":
        if root:
            return "Landlock alone is for a grader that is not root (as root, use --sandbox uid)"
        return "" if landlock.abi() >= 1 else "Landlock needs Linux >= 5.13 with Landlock enabled"
    raise NoIsolation(f"unknown sandbox {mode!r}: use one of {', '.join(MODES)}")


@dataclass
class Choice:
    kind: str
    """``bwrap``, ``uid``, ``landlock`` or ``none``."""
    notes: list[str] = field(default_factory=list)
    """Why each stronger mode was passed over, one sentence each."""
    private: bool = False
    """Whether the probe ran in private IPC and network namespaces (always so for ``bwrap``)."""

    def line(self) -> str:
        """What isolates the students' code, and what was passed over (terminal, summary.md, Gradescope)."""
        text = describe(self.kind, self.private)
        return text + "".join(f"; {note}" for note in self.notes)


def describe(kind: str, private: bool = False) -> str:
    """One line saying what isolates the students' code in ``kind``."""
    from . import landlock
    from .uid import UID_BASE

    abi = landlock.abi()
    if kind == "bwrap":
        return (
            "bwrap (bubblewrap: own user, PID, network and IPC namespaces; only Python and system libraries "
            "visible; no sockets)"
        )
    if kind == "uid":
        extra = f", Landlock ABI {abi}" if abi else " (no Landlock here)"
        spaces = ", private IPC, network and /proc" if private else ""
        return f"uid (a user id of its own per job, from {UID_BASE}{extra}{spaces}; no sockets)"
    if kind == "landlock":
        return (
            f"landlock (Landlock ABI {abi}: reads only Python and system libraries, writes only its folder; no sockets)"
        )
    return "none (NO ISOLATION: students' code runs as you and can read and change your files and the grades)"


_CHOSEN: dict[tuple, Choice] = {}


def choose(
    choice: str, memory_mb: int = 1024, secrets: list[str] | None = None, reach: list[str] | None = None
) -> Choice:
    """The mode that will isolate the workers, proved by a probe worker (remembered for this process).

    ``secrets`` are files the worker must not read (hidden tests, the answer key, a submission);
    ``reach`` folders it must not list (the submissions, ``--out``). Raises :class:`NoIsolation`
    when the mode asked for, or for ``auto`` every mode, fails; the message says why."""
    if choice not in MODES:
        raise NoIsolation(f"unknown sandbox {choice!r}: use one of {', '.join(MODES)}")
    if choice == "none":
        return Choice("none")
    key = (choice, memory_mb, tuple(secrets or ()), tuple(reach or ()), tuple(sorted(disabled())))
    if key in _CHOSEN:
        return _CHOSEN[key]
    notes: list[str] = []
    for mode in ("bwrap", "uid", "landlock") if choice == "auto" else (choice,):
        why = offered(mode)
        if not why:
            try:
                private = prove(mode, memory_mb, secrets or [], reach or [])
            except NoIsolation as err:
                why = str(err)
            else:
                _CHOSEN[key] = Choice(mode, notes, private)
                return _CHOSEN[key]
        if choice != "auto":
            raise NoIsolation(f"--sandbox {mode}: {why}")
        if mode == "bwrap" or (mode == "uid") == (os.geteuid() == 0):  # only the modes this grader could use
            notes.append(f"{mode} was not used: {why}")
    raise NoIsolation(HOW_TO_ISOLATE + "".join(f"\n- {note}" for note in notes))


def sandbox_kind(choice: str) -> str:
    """The mode for ``choice``: ``auto`` as :func:`choose` proves it; a named mode as it stands."""
    if choice == "auto":
        return choose("auto").kind
    if choice not in MODES:
        raise NoIsolation(f"unknown sandbox {choice!r}: use one of {', '.join(MODES)}")
    why = "" if choice == "none" else offered(choice)
    if why:
        raise NoIsolation(f"--sandbox {choice}: {why}")
    return choice


def prove(mode: str, memory_mb: int, secrets: list[str], reach: list[str]) -> bool:
    """Start a probe worker in ``mode``: raise :class:`NoIsolation` if it cannot start or reaches
    anything it must not; return whether it ran in private namespaces."""
    from .box import Sandbox
    from .limits import Limits

    try:
        with Sandbox(Limits(sandbox=mode, memory_mb=memory_mb), {}, secrets=secrets) as probe:
            found = probe.probe(reach=reach)
    except OSError as err:  # e.g. no folder for the job user ids' lock files
        raise NoIsolation(f"the {mode} sandbox could not be set up here: {err}") from None
    if found["reached"]:
        advice = ""
        if mode == "uid" and any(not path.startswith("/proc/") for path in found["reached"]):
            advice += (
                " Make the course, the submissions and the output folder unreadable to other users "
                "(chmod -R o-rwx), or use Linux >= 5.13 with Landlock."
            )
        if mode == "uid" and any(path.startswith("/proc/") for path in found["reached"]):
            advice += (
                " The grader's command line and pipes in /proc are visible to other users here: use Linux "
                ">= 5.13 with Landlock, or let the grader make namespaces (CAP_SYS_ADMIN) for a private /proc."
            )
        raise NoIsolation(
            f"the {mode} sandbox does not isolate here: the student's process could reach "
            f"{', '.join(found['reached'][:4])}; refusing to run students' code.{advice}"
        )
    return bool(found["private"])
