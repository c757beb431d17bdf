"""A seccomp filter for the student's process: no sockets, no io_uring, no SysV IPC, no new user
namespaces.

The worker needs none of these (it talks to the judge over the pipes it inherits), and each is a
way out of the other barriers: a socket reaches the network and every Unix socket the user may open
(an ssh-agent, D-Bus) whatever Landlock's TCP rules say; io_uring opens and connects sockets without
the ``socket`` system call; SysV shared memory outlives every process of the job and is counted by
no process; a nested user namespace can mount a tmpfs that no limit sees.

Denied, with ``EACCES`` (Python raises ``PermissionError``):

- ``socket`` for every family (TCP, MPTCP, UDP, raw, netlink, Unix by path or abstract name);
  ``socketpair`` only for a connected ``AF_UNIX`` ``SOCK_STREAM`` pair (what ``multiprocessing``
  uses): a datagram pair could ``sendto`` any socket path;
- ``io_uring_setup``, ``io_uring_enter``, ``io_uring_register``;
- ``shmget``, ``semget``, ``msgget``, ``mq_open`` (System V and POSIX message-queue objects);
- ``unshare`` and ``clone`` with ``CLONE_NEWUSER``, ``setns``; ``clone3`` answers ``ENOSYS``
  (its flags lie in memory a filter cannot read; the C library then falls back to ``clone``);
- every system call made through another architecture's entry point (``int 0x80`` and x32 on
  x86-64, 32-bit ARM on arm64): ``ENOSYS``. Their numbers differ (32-bit x86 multiplexes sockets
  through ``socketcall``), so a filter that checked only the native numbers could be walked around.

Why a BPF program written here, rather than a binding: the program is about 30 instructions and
the rules above are all it says; the Debian package ``python3-seccomp`` cannot be installed into a
virtual environment or Miniforge, and ``pyseccomp`` (ctypes over libseccomp) is unmaintained and
needs ``libseccomp.so`` on the machine. This module needs nothing but the kernel. It knows the two
architectures the course's wheels exist for (x86-64, arm64); elsewhere :func:`program` raises and
the modes that rely on it refuse (bubblewrap keeps its own namespaces).

The same program is loaded by ``prctl`` in the worker's child before ``exec`` (modes ``uid`` and
``landlock``) and handed to bubblewrap with ``--add-seccomp-fd`` (mode ``bwrap``).
"""

from __future__ import annotations

import ctypes
import errno
import platform
import struct

# struct seccomp_data: int nr; u32 arch; u64 instruction_pointer; u64 args[6] (little-endian)
_NR, _ARCH = 0, 4


def _arg_low(i: int) -> int:
    return 16 + 8 * i


AUDIT_ARCH = {"x86_64": 0xC000003E, "aarch64": 0xC00000B7}
X32_BIT = 0x40000000
CLONE_NEWUSER = 0x10000000
AF_UNIX, SOCK_STREAM, SOCK_TYPE_MASK = 1, 1, 0xF

SYSCALLS = {
    "x86_64": {
        "socket": 41, "socketpair": 53, "clone": 56, "shmget": 29, "semget": 64, "msgget": 68,
        "mq_open": 240, "unshare": 272, "setns": 308, "io_uring_setup": 425, "io_uring_enter": 426,
        "io_uring_register": 427, "clone3": 435,
    },
    "aarch64": {
        "socket": 198, "socketpair": 199, "clone": 220, "shmget": 194, "semget": 190, "msgget": 186,
        "mq_open": 180, "unshare": 97, "setns": 268, "io_uring_setup": 425, "io_uring_enter": 426,
        "io_uring_register": 427, "clone3": 435,
    },
}  # fmt: skip
DENIED = ("socket", "io_uring_setup", "io_uring_enter", "io_uring_register", "shmget", "semget", "msgget", "mq_open")
DENIED += ("setns",)

# classic BPF
_LD_W_ABS, _JEQ, _JGE, _JSET, _AND, _RET = 0x20, 0x15, 0x35, 0x45, 0x54, 0x06
RET_ALLOW = 0x7FFF0000
RET_ERRNO = 0x00050000
PR_SET_NO_NEW_PRIVS, PR_SET_SECCOMP, SECCOMP_MODE_FILTER = 38, 22, 2


class Unsupported(OSError):
    """No filter for this machine's architecture."""


def _errno(code: int) -> int:
    return RET_ERRNO | code


def program(machine: str | None = None) -> bytes:
    """The filter as an array of ``struct sock_filter`` (what ``--add-seccomp-fd`` reads)."""
    machine = machine or platform.machine()
    if machine not in SYSCALLS:
        raise Unsupported(errno.ENOSYS, f"no seccomp filter for the {machine} architecture")
    nr = SYSCALLS[machine]
    code: list[tuple] = []  # (op, jt label or 0, jf label or 0, k); labels resolved below
    deny, enosys, allow = "deny", "enosys", "allow"

    def op(kind, k=0, jt=0, jf=0):
        code.append((kind, jt, jf, k))

    op(_LD_W_ABS, _ARCH)
    op(_JEQ, AUDIT_ARCH[machine], 0, enosys)  # another architecture's entry point
    op(_LD_W_ABS, _NR)
    if machine == "x86_64":
        op(_JGE, X32_BIT, enosys, 0)
    for name in DENIED:
        op(_JEQ, nr[name], deny, 0)
    op(_JEQ, nr["clone3"], enosys, 0)
    op(_JEQ, nr["socketpair"], "pair", 0)
    op(_JEQ, nr["unshare"], "flags", 0)
    op(_JEQ, nr["clone"], "flags", 0)
    op(_RET, RET_ALLOW)
    code.append(("label", "pair"))
    op(_LD_W_ABS, _arg_low(0))
    op(_JEQ, AF_UNIX, 0, deny)
    op(_LD_W_ABS, _arg_low(1))
    op(_AND, SOCK_TYPE_MASK)
    op(_JEQ, SOCK_STREAM, allow, deny)
    code.append(("label", "flags"))
    op(_LD_W_ABS, _arg_low(0))
    op(_JSET, CLONE_NEWUSER, deny, allow)
    code.append(("label", allow))
    op(_RET, RET_ALLOW)
    code.append(("label", deny))
    op(_RET, _errno(errno.EACCES))
    code.append(("label", enosys))
    op(_RET, _errno(errno.ENOSYS))

    labels, index = {}, 0
    for entry in code:
        if entry[0] == "label":
            labels[entry[1]] = index
        else:
            index += 1
    out, index = [], 0
    for entry in code:
        if entry[0] == "label":
            continue
        kind, jt, jf, k = entry
        jumps = []
        for target in (jt, jf):
            offset = labels[target] - index - 1 if isinstance(target, str) else target
            if not 0 <= offset <= 255:
                raise ValueError("seccomp jump out of range")
            jumps.append(offset)
        out.append(struct.pack("<HBBI", kind, jumps[0], jumps[1], k))
        index += 1
    return b"".join(out)


class _SockFprog(ctypes.Structure):
    _fields_ = [("len", ctypes.c_ushort), ("filter", ctypes.c_void_p)]


def load(filter_bytes: bytes | None = None) -> None:
    """Install the filter on this process (and everything it starts). Raises OSError on failure: the
    caller (a child about to exec the worker) must then not run student code."""
    data = filter_bytes if filter_bytes is not None else program()
    libc = ctypes.CDLL(None, use_errno=True)
    buffer = ctypes.create_string_buffer(data, len(data))
    prog = _SockFprog(len(data) // 8, ctypes.cast(buffer, ctypes.c_void_p))
    if libc.prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) < 0:
        raise OSError(ctypes.get_errno(), "PR_SET_NO_NEW_PRIVS failed")
    if libc.prctl(PR_SET_SECCOMP, SECCOMP_MODE_FILTER, ctypes.byref(prog), 0, 0) < 0:
        raise OSError(ctypes.get_errno(), "seccomp filter refused")
