"""The ``bwrap`` mode: the worker runs under bubblewrap.

New user (with no further user namespaces: ``--disable-userns``), PID, network, IPC and UTS
namespaces; only the system libraries and the Python install visible, read-only; the box a tmpfs of
``--disk`` MiB (``/sandbox``, holding the worker's folder, ``/tmp`` and ``/dev/shm``), so files
cost memory the kernel counts and cannot pass the disk limit; the grader's runtime files, the data
and the font list bound read-only into it; GPUs (``/dev/nvidia*``, ``/dev/dri``) passed through when
the machine has them; the seccomp filter (:mod:`.seccomp`) loaded by bubblewrap before the worker.

Bubblewrap is often installed where it cannot work: inside a Docker or Podman container that
allows user namespaces but masks parts of ``/proc``, it fails to mount the worker's ``/proc`` ("Can't
mount proc on /newroot/proc: Operation not permitted"). The mode is therefore proved by starting a
real worker with exactly this command (:func:`course.grading.sandbox.choice.choose`), not by a
lighter check.
"""

from __future__ import annotations

import glob
import os
import shutil
import subprocess

from .choice import disabled

BOX = "/sandbox"
SYSTEM_READ = ["/usr", "/bin", "/lib", "/lib64", "/lib32", "/sbin", "/etc/ld.so.cache", "/etc/localtime"]
DEVICES = ["null", "zero", "full", "random", "urandom"]
SLACK = 1.02
"""The tmpfs is this much larger than ``--disk``, so the watchdog sees a submission pass the limit
(and says so) before its writes start failing."""


def path() -> str | None:
    return None if "bwrap" in disabled() else shutil.which("bwrap")


_HELP: dict[str, str] = {}


def supports(option: str) -> bool:
    """Whether this bubblewrap knows ``option`` (``--size`` and ``--disable-userns`` are recent:
    0.8 has both, Ubuntu 22.04's 0.6 neither)."""
    program = path() or "bwrap"
    if program not in _HELP:
        try:
            done = subprocess.run([program, "--help"], capture_output=True, text=True, timeout=20)
            _HELP[program] = done.stdout + done.stderr
        except (OSError, subprocess.SubprocessError):
            _HELP[program] = ""
    return f"{option} " in _HELP[program]


def gpu_devices() -> list[str]:
    """The GPU device files of this machine (NVIDIA and DRM), passed through to the worker."""
    return sorted(glob.glob("/dev/nvidia*")) + [p for p in ("/dev/dri",) if os.path.exists(p)]


def command(
    stage: str, disk_mb: int, python_roots: list[str], binds: dict[str, str], seccomp_fd: int | None
) -> list[str]:
    """bubblewrap's command line for a worker whose files are in the host folder ``stage``;
    ``binds`` maps host files to read-only places in the box (data, font list). Options a bubblewrap
    older than 0.8 lacks are left out or replaced: no ``--disable-userns`` (the seccomp filter
    refuses user namespaces anyway), ``--seccomp`` for ``--add-seccomp-fd``, and without ``--size``
    the host folder is the box."""
    cmd = [path() or "bwrap", "--unshare-all", "--unshare-user"]
    if supports("--disable-userns"):  # else the seccomp filter alone refuses new user namespaces
        cmd += ["--disable-userns"]
    cmd += ["--die-with-parent", "--new-session", "--cap-drop", "ALL"]
    for folder in SYSTEM_READ:
        cmd += ["--ro-bind-try", folder, folder]
    cmd += ["--proc", "/proc", "--dir", "/dev"]
    for name in DEVICES:
        cmd += ["--dev-bind", f"/dev/{name}", f"/dev/{name}"]
    for name, target in (("fd", "/proc/self/fd"), ("stdin", "/proc/self/fd/0"), ("stdout", "/proc/self/fd/1")):
        cmd += ["--symlink", target, f"/dev/{name}"]
    cmd += ["--symlink", "/proc/self/fd/2", "/dev/stderr"]
    gpus = gpu_devices()
    for device in gpus:
        cmd += ["--dev-bind-try", device, device]
    if gpus:
        cmd += ["--ro-bind-try", "/sys", "/sys"]  # the CUDA runtime reads the PCI topology
    if tmpfs_box():
        cmd += ["--size", str(int(disk_mb * SLACK * 2**20)), "--tmpfs", BOX]
    else:  # the folder itself, its files counted by the watchdog's walk
        cmd += ["--bind", stage, BOX]
    for folder in ("work/.tmp", "work/.config/matplotlib", "shm"):
        cmd += ["--dir", f"{BOX}/{folder}"]
    cmd += ["--symlink", f"{BOX}/shm", "/dev/shm"]
    cmd += ["--ro-bind", os.path.join(stage, ".runtime"), f"{BOX}/.runtime"]
    for source, target in binds.items():
        cmd += ["--ro-bind", source, target]
    for root in python_roots:
        cmd += ["--ro-bind", root, root]
    if not any(root == "/tmp" or root.startswith("/tmp/") for root in python_roots):
        cmd += ["--symlink", f"{BOX}/work/.tmp", "/tmp"]  # else /tmp holds that Python, read-only (TMPDIR is the box's)
    cmd += ["--remount-ro", "/", "--chdir", f"{BOX}/work", "--hostname", "sandbox"]
    if seccomp_fd is not None:
        cmd += ["--add-seccomp-fd" if supports("--add-seccomp-fd") else "--seccomp", str(seccomp_fd)]
    return cmd


def tmpfs_box() -> bool:
    """Whether the box is a tmpfs of ``--disk`` MiB (bubblewrap >= 0.8 can size one), or else the
    worker's folder bound in."""
    return supports("--size")
