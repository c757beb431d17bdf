"""The ``landlock`` mode (and the ``uid`` mode's second barrier): the worker restricts itself with
Landlock before ``exec``.

Landlock (Linux >= 5.13, no privileges needed) lets a process give up file access outside listed
paths, for itself and everything it starts. The worker keeps reading the Python install and the
system libraries and writing its own folder; with ABI >= 4 it may not bind or connect TCP, with
ABI >= 6 it may not signal or reach abstract Unix sockets outside its domain; ``ptrace`` of a
process outside the domain is refused at every ABI. ``/proc`` is a path like any other: only the
worker's own entry is listed, so the grader's command line, pipes and environment stay closed.

What Landlock does not cover (``stat()`` of a path the worker can name, UDP, MPTCP, Unix sockets
by path) is closed where it can be by the seccomp filter (:mod:`.seccomp`: no sockets at all);
``stat()`` is not, so a worker that knows where the hidden tests are can learn their size and time,
never their text.
"""

from __future__ import annotations

import ctypes
import os
import stat
import sys

from .choice import disabled

_LIBC = ctypes.CDLL(None, use_errno=True)
_SYS_CREATE_RULESET, _SYS_ADD_RULE, _SYS_RESTRICT_SELF = 444, 445, 446
_FS_EXECUTE, _FS_WRITE_FILE, _FS_READ_FILE, _FS_READ_DIR = 1, 2, 4, 8
_FS_REFER, _FS_TRUNCATE, _FS_IOCTL_DEV = 1 << 13, 1 << 14, 1 << 15
_NET_ALL = 3  # bind and connect TCP
_SCOPE_ALL = 3  # abstract Unix sockets and signals
PR_SET_NO_NEW_PRIVS = 38


class _RulesetAttr(ctypes.Structure):
    _fields_ = [("fs", ctypes.c_uint64), ("net", ctypes.c_uint64), ("scoped", ctypes.c_uint64)]


class _PathBeneath(ctypes.Structure):
    _pack_ = 1
    _fields_ = [("allowed", ctypes.c_uint64), ("parent_fd", ctypes.c_int32)]


def abi() -> int:
    """The kernel's Landlock ABI version (0: none, or disabled by ``DISABLE_ENV``)."""
    if "landlock" in disabled() or not sys.platform.startswith("linux"):
        return 0
    try:
        version = _LIBC.syscall(_SYS_CREATE_RULESET, None, ctypes.c_size_t(0), ctypes.c_uint32(1))
    except (OSError, AttributeError):
        return 0
    return max(0, int(version))


def _fs_rights(version: int) -> int:
    rights = (1 << 13) - 1
    if version >= 2:
        rights |= _FS_REFER
    if version >= 3:
        rights |= _FS_TRUNCATE
    if version >= 5:
        rights |= _FS_IOCTL_DEV
    return rights


def restrict(version: int, read: list[str], write: list[str], devices: list[str]) -> None:
    """Restrict this process (and what it starts) to reading ``read``, writing ``write`` and using
    ``devices``; no TCP, outside signals or abstract sockets where the ABI handles them. Runs in the
    child before exec: raises OSError if Landlock refuses, so no student code runs unrestricted."""
    handled = _fs_rights(version)
    attr = _RulesetAttr(handled, _NET_ALL if version >= 4 else 0, _SCOPE_ALL if version >= 6 else 0)
    size = 24 if version >= 6 else 16 if version >= 4 else 8
    ruleset = _LIBC.syscall(_SYS_CREATE_RULESET, ctypes.byref(attr), ctypes.c_size_t(size), 0)
    if ruleset < 0:
        raise OSError(ctypes.get_errno(), "landlock_create_ruleset failed")
    truncate = _FS_TRUNCATE if version >= 3 else 0
    ioctl = _FS_IOCTL_DEV if version >= 5 else 0
    file_rights = _FS_EXECUTE | _FS_READ_FILE | _FS_WRITE_FILE | truncate | ioctl
    try:
        for paths, rights in (
            (read, _FS_EXECUTE | _FS_READ_FILE | _FS_READ_DIR),
            (write, handled),
            (devices, _FS_READ_FILE | _FS_WRITE_FILE | _FS_READ_DIR | truncate | ioctl),
        ):
            for path in paths:
                try:
                    fd = os.open(path, os.O_PATH | os.O_CLOEXEC)
                except OSError:
                    continue
                try:
                    allowed = rights if stat.S_ISDIR(os.fstat(fd).st_mode) else rights & file_rights
                    rule = _PathBeneath(allowed, fd)
                    if _LIBC.syscall(_SYS_ADD_RULE, ruleset, 1, ctypes.byref(rule), 0) < 0:
                        raise OSError(ctypes.get_errno(), f"landlock_add_rule failed for {path}")
                finally:
                    os.close(fd)
        if _LIBC.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0:
            raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS failed")
        if _LIBC.syscall(_SYS_RESTRICT_SELF, ruleset, 0) < 0:
            raise OSError(ctypes.get_errno(), "landlock_restrict_self failed")
    finally:
        os.close(ruleset)
