"""Run an autograder zip as Gradescope would, in an emulated container, without Docker.

Gradescope unpacks the zip into ``/autograder/source``, puts the upload in
``/autograder/submission`` (a zip upload arrives unpacked) and ``submission_metadata.json`` next
to it, runs ``/autograder/run_autograder`` as root, and reads ``/autograder/results/results.json``.
Here bubblewrap, run as real root without a user namespace and with Docker's default capabilities
(:data:`DOCKER_CAPS`: no ``CAP_SYS_ADMIN``, no ``CAP_SYS_PTRACE``), builds that view: an empty root
with the system folders read-only, a private ``/tmp``, its own PID namespace (nothing started
inside outlives it), and no network. ``bwrap`` inside is a stub that fails, as it usually does in Gradescope's Docker
containers, so the grader picks what it would pick there; or (``bwrap="real"``) the real one, which
can create user namespaces but cannot mount a ``/proc`` for the worker, because the container's
``/proc`` has entries mounted over (bubblewrap's own covers of ``/proc/sys`` and friends, plus
``/proc/timer_list`` as Docker masks it): what happens in an unprivileged Docker or Podman container.

The environment ``setup.sh`` would create (Miniforge in ``/opt/miniforge3``) is stood in for by this
test venv, mounted read-only at the same path; the venv's base interpreter lives under ``/root``,
so ``/root`` is made passable (0711) with only that interpreter in it. After ``run_autograder``
returns, the container lives on for ``wait_after`` seconds before ``results.json`` is read again,
so a background process that rewrites it after the grader exits is caught.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import subprocess
import sys
import threading
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path

from course import gradescope

DOCKER_CAPS = (
    "CHOWN", "DAC_OVERRIDE", "FSETID", "FOWNER", "MKNOD", "NET_RAW", "SETGID", "SETUID", "SETFCAP", "SETPCAP",
    "NET_BIND_SERVICE", "SYS_CHROOT", "KILL", "AUDIT_WRITE",
)  # fmt: skip
"""The capabilities Docker gives a container's root by default (what Gradescope's root has)."""
BWRAP_STUB = "#!/bin/sh\necho 'bwrap: No permissions to create new namespace' >&2\nexit 1\n"
METADATA = {
    "id": 123456,
    "created_at": "2026-12-01T10:00:00.000000-08:00",
    "assignment": {"title": "lesson", "due_date": "2026-12-08T23:59:00.000000-08:00", "total_points": "0.0"},
    "users": [{"email": "student@example.edu", "id": 1, "name": "A Student"}],
    "previous_submissions": [],
}
RESULTS_SCHEMA = {
    "type": "object",
    "properties": {
        "score": {"type": "number"},
        "execution_time": {"type": "number"},
        "output": {"type": "string"},
        "output_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
        "test_output_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
        "test_name_format": {"enum": ["text", "html", "simple_format", "md", "ansi"]},
        "visibility": {"enum": ["hidden", "after_due_date", "after_published", "visible"]},
        "stdout_visibility": {"enum": ["hidden", "after_due_date", "after_published", "visible"]},
        "extra_data": {"type": "object"},
        "tests": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["name", "score", "max_score", "status", "output", "visibility"],
                "properties": {
                    "score": {"type": "number", "minimum": 0},
                    "max_score": {"type": "number", "minimum": 0},
                    "status": {"enum": ["passed", "failed"]},
                    "name": {"type": "string", "minLength": 1},
                    "number": {"type": "string"},
                    "output": {"type": "string"},
                    "visibility": {"enum": ["hidden", "after_due_date", "after_published", "visible"]},
                    "tags": {"type": "array", "items": {"type": "string"}},
                    "extra_data": {"type": "object"},
                },
                "additionalProperties": False,
            },
        },
        "leaderboard": {"type": "array"},
    },
    "required": ["tests"],
    "additionalProperties": False,
}
"""Gradescope's documented results.json fields and values (the autograder specification)."""


@dataclass
class Run:
    results: dict | None
    """``results.json`` read ``wait_after`` seconds after ``run_autograder`` returned."""
    at_exit: dict | None
    """``results.json`` as it was the moment ``run_autograder`` returned."""
    seconds: float
    """How long ``run_autograder`` ran."""
    returncode: int
    stdout: str
    """What ``run_autograder`` printed (Gradescope's ``/autograder/results/stdout``)."""
    home: Path
    """The host folder that was ``/autograder``."""
    left_running: list[str] = dataclasses.field(default_factory=list)
    """The threads not run by root still alive when ``run_autograder`` returned ("PID/task/TID name:
    command line"; a process whose main thread exited has no command line, but its threads show)."""
    left_after: list[str] = dataclasses.field(default_factory=list)
    """The same, 2 s later."""
    ipc_objects: list[str] = dataclasses.field(default_factory=list)
    """System V IPC objects in the container 2 s after ``run_autograder`` returned."""
    peak_mib: float = 0.0
    """Peak of the summed resident memory (RSS) of every process in the container, in MiB."""
    peak_pss_mib: float = 0.0
    """Peak of the summed proportional set size (PSS) of those processes, in MiB."""
    peak_process_mib: float = 0.0
    """Peak resident memory of the largest single process (the judge or the worker), in MiB."""

    @property
    def scores(self) -> dict[str, tuple[float, float]]:
        """question -> (score, max_score), from the rows that carry points."""
        return {t["name"]: (t["score"], t["max_score"]) for t in self.results["tests"] if t["max_score"] > 0}

    @property
    def total(self) -> float:
        return sum(score for score, _ in self.scores.values())


class MemoryPeak:
    """Samples the memory of a process tree (every 0.1 s) and keeps the peaks, in KiB: the summed
    RSS, the summed PSS (shared pages split between the processes that map them: what the container's
    memory limit sees, near enough) and the largest single process's RSS."""

    def __init__(self, pid: int):
        self.pid, self.total, self.pss, self.largest = pid, 0, 0, 0

    @staticmethod
    def _field(path: str, names: tuple[bytes, ...]) -> dict[bytes, int]:
        found = {}
        try:
            with open(path, "rb") as f:
                for line in f:
                    key = line.split(b":", 1)[0]
                    if key in names:
                        found[key] = int(line.split()[1])
        except (OSError, ValueError, IndexError):
            pass
        return found

    def _tree(self) -> list[int]:
        parents = {}
        for entry in os.listdir("/proc"):
            if entry.isdigit():
                ppid = self._field(f"/proc/{entry}/status", (b"PPid",)).get(b"PPid")
                if ppid is not None:
                    parents[int(entry)] = ppid
        inside, changed = {self.pid}, True
        while changed:
            changed = False
            for pid, parent in parents.items():
                if parent in inside and pid not in inside:
                    inside.add(pid)
                    changed = True
        return sorted(inside)

    def watch(self, proc: subprocess.Popen) -> None:
        while proc.poll() is None:
            rss, pss = [], 0
            for pid in self._tree():
                rss.append(self._field(f"/proc/{pid}/status", (b"VmRSS",)).get(b"VmRSS", 0))
                pss += self._field(f"/proc/{pid}/smaps_rollup", (b"Pss",)).get(b"Pss", 0)
            self.total = max(self.total, sum(rss))
            self.pss = max(self.pss, pss)
            self.largest = max(self.largest, max(rss, default=0))
            time.sleep(0.1)


def validate(results: dict) -> None:
    """Raise if ``results`` is not a results.json Gradescope documents (JSON Schema, then sums)."""
    import jsonschema

    jsonschema.validate(results, RESULTS_SCHEMA)
    for test in results["tests"]:
        assert test["score"] <= test["max_score"] + 1e-9, test


def _system_binds() -> list[str]:
    args = []
    for path in ("/usr", "/bin", "/lib", "/lib64", "/lib32", "/sbin", "/etc"):
        if os.path.islink(path):
            args += ["--symlink", os.readlink(path), path]
        elif os.path.isdir(path):
            args += ["--ro-bind", path, path]
    return args


def _python_binds() -> list[str]:
    """This venv at the Miniforge environment's path, and its base interpreter where it expects it."""
    venv = Path(sys.prefix)
    base = Path(sys.base_prefix)
    args = ["--perms", "0755", "--dir", str(Path(gradescope.ENV_PYTHON).parent.parent.parent)]
    args += ["--ro-bind", str(venv), str(Path(gradescope.ENV_PYTHON).parent.parent)]
    if base != venv:
        for parent in reversed(base.parents[:-1]):
            if str(parent) == "/root":
                args += ["--perms", "0711", "--dir", "/root"]  # passable, nothing else in it
            else:
                args += ["--perms", "0755", "--dir", str(parent)]
        args += ["--ro-bind", str(base), str(base)]
    return args


def set_gradescope_settings(source: Path, values: dict) -> None:
    """Replace the ``[gradescope]`` table of the unpacked zip's course.toml (what an instructor edits)."""
    path = source / "course.toml"
    text = path.read_text(encoding="utf-8").split("\n[gradescope]", 1)[0].rstrip("\n")
    lines = [f"{key} = {json.dumps(value)}" for key, value in values.items()]
    path.write_text(text + "\n\n[gradescope]\n" + "\n".join(lines) + "\n", encoding="utf-8")


def emulate(
    zip_path: Path,
    submission_files: dict[str, bytes | Path],
    workdir: Path,
    *,
    settings: dict | None = None,
    wait_after: float = 0.0,
    timeout: float = 900.0,
    bwrap: str = "stub",
    env: dict | None = None,
) -> Run:
    """Unpack ``zip_path`` into a fresh ``/autograder`` under ``workdir``, upload ``submission_files``
    (relative path -> bytes, or a ``Path``: a symbolic link to it), run ``run_autograder`` as root in
    the emulated container, and read the results. ``settings`` replaces the zip's ``[gradescope]`` table;
    ``bwrap`` is ``"stub"`` (fails at once) or ``"real"`` (installed, but the container's masked ``/proc``
    stops it); ``env`` adds to the container's environment."""
    if os.geteuid() != 0 or not shutil.which("bwrap"):
        raise RuntimeError("the Gradescope emulation needs root and bubblewrap")
    home = workdir / "autograder"
    out = workdir / "emulation"
    for folder in (home / "source", home / "submission", home / "results", out):
        folder.mkdir(parents=True)
    with zipfile.ZipFile(zip_path) as zf:
        for info in zf.infolist():
            target = home / "source" / info.filename
            zf.extract(info, home / "source")
            mode = (info.external_attr >> 16) & 0o777
            if mode:
                os.chmod(target, mode)
    if settings is not None:
        set_gradescope_settings(home / "source", settings)
    shutil.copy(home / "source" / "run_autograder", home / "run_autograder")
    os.chmod(home / "run_autograder", 0o755)
    for rel, data in submission_files.items():
        path = home / "submission" / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(data, Path):  # a symbolic link, as a zip upload unpacked with its links holds
            os.symlink(data, path)
        else:
            path.write_bytes(data)
    (home / "submission_metadata.json").write_text(json.dumps(METADATA), encoding="utf-8")
    stub = workdir / "bwrap-stub"
    stub.write_text(BWRAP_STUB)
    stub.chmod(0o755)
    os.chmod(out, 0o700)

    inside = f"""
start=$(date +%s.%N)
/autograder/run_autograder > /autograder/results/stdout 2>&1
rc=$?
end=$(date +%s.%N)
cp /autograder/results/results.json /emulation/at_exit.json 2>/dev/null
tasks() {{  # every thread not run by root: a process whose main thread exited has no command line
    for task in /proc/[0-9]*/task/[0-9]*; do
        if [ "$(stat -c %u "$task" 2>/dev/null)" != 0 ] && [ -e "$task" ]; then
            echo "${{task#/proc/}} $(cat "$task/comm" 2>/dev/null): $(tr '\\0' ' ' < "$task/cmdline" 2>/dev/null)"
        fi
    done
}}
tasks > /emulation/left.txt
echo "$rc $start $end" > /emulation/run.txt
sleep 2
tasks > /emulation/after.txt
tail -q -n +2 /proc/sysvipc/shm /proc/sysvipc/sem /proc/sysvipc/msg > /emulation/ipc.txt 2>/dev/null
sleep {max(0.0, wait_after - 2):g}
cp /autograder/results/results.json /emulation/final.json 2>/dev/null
cp /autograder/results/stdout /emulation/stdout.txt 2>/dev/null
true
"""
    cmd = ["bwrap", *_system_binds(), "--dev", "/dev", "--proc", "/proc", "--perms", "1777", "--tmpfs", "/tmp"]
    cmd += ["--dir", "/run", "--dir", "/var/lock"] + _python_binds()
    cmd += ["--bind", str(home), "/autograder", "--bind", str(out), "/emulation"]
    if bwrap == "stub":
        cmd += ["--ro-bind", str(stub), "/usr/bin/bwrap"]
    elif os.path.exists("/proc/timer_list"):
        cmd += ["--ro-bind", "/dev/null", "/proc/timer_list"]  # as Docker masks it
    cmd += ["--unshare-pid", "--unshare-net", "--unshare-ipc", "--unshare-uts", "--hostname", "gradescope"]
    cmd += ["--die-with-parent", "--cap-drop", "ALL"]
    for cap in DOCKER_CAPS:
        cmd += ["--cap-add", f"CAP_{cap}"]
    cmd += ["--chdir", "/autograder", "--clearenv"]
    cmd += [
        "--setenv",
        "HOME",
        "/root",
        "--setenv",
        "PATH",
        "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
    ]
    for name, value in (env or {}).items():
        cmd += ["--setenv", name, value]
    cmd += ["--setenv", "LANG", "C.UTF-8", "/bin/bash", "-c", inside]
    with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) as proc:
        peak = MemoryPeak(proc.pid)
        sampler = threading.Thread(target=peak.watch, args=(proc,), daemon=True)
        sampler.start()
        try:
            _, stderr = proc.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, stderr = proc.communicate()
        sampler.join(5)

    def read(name):
        try:
            return json.loads((out / name).read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None

    try:
        rc, start, end = (out / "run.txt").read_text().split()
    except (OSError, ValueError):
        raise RuntimeError(f"the emulated container did not run: {stderr[-2000:]}") from None
    stdout = (out / "stdout.txt").read_text(errors="replace") if (out / "stdout.txt").exists() else ""
    run = Run(read("final.json"), read("at_exit.json"), float(end) - float(start), int(rc), stdout, home)
    for name, attr in (("left.txt", "left_running"), ("after.txt", "left_after"), ("ipc.txt", "ipc_objects")):
        text = (out / name).read_text(errors="replace") if (out / name).exists() else ""
        setattr(run, attr, [line for line in text.splitlines() if line.strip()])
    run.peak_mib, run.peak_pss_mib, run.peak_process_mib = peak.total / 1024, peak.pss / 1024, peak.largest / 1024
    return run


def grade_with_gradescope(zip_path: Path, submission_files: dict[str, bytes], workdir: Path, **kwargs) -> dict:
    """``results.json`` of one emulated Gradescope run (see :func:`emulate`); raises if there is none."""
    run = emulate(zip_path, submission_files, workdir, **kwargs)
    if run.results is None:
        raise AssertionError(f"no results.json (run_autograder exit {run.returncode}):\n{run.stdout[-3000:]}")
    return run.results
