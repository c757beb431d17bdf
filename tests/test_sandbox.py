"""The sandbox's parts on their own: which mode ``auto`` proves and what it says (bubblewrap that
cannot mount /proc included), the refusal, the seccomp filter, cgroups, processes whose main thread
exited, deleted files kept by a mapping, the cap on entries, the font cache, cleanup of folders a
student locked, and a judge that expects the device its worker sees."""

import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from conftest import require_tool
from gradescope_emulation import DOCKER_CAPS
from harness import ROOT

from course import layout, notebooks
from course.grading import fonts as fonts_module
from course.grading import judge, sandbox
from course.grading.sandbox import box, folders, limits, processes, seccomp


def test_refusal_says_how_to_get_isolation(monkeypatch):
    monkeypatch.setenv(sandbox.DISABLE_ENV, "all")
    with pytest.raises(sandbox.NoIsolation) as err:
        sandbox.sandbox_kind("auto")
    for advice in ("install bubblewrap", "root in a container", "Linux >= 5.13", "--sandbox none"):
        assert advice in str(err.value)
    assert sandbox.sandbox_kind("none") == "none"  # only when asked for by name
    for mode in ("bwrap", "uid", "landlock"):
        with pytest.raises(sandbox.NoIsolation, match=f"--sandbox {mode}"):
            sandbox.sandbox_kind(mode)


def bwrap_starts_a_worker() -> bool:
    try:
        sandbox.choose("bwrap")
    except sandbox.NoIsolation:
        return False
    return True


def test_auto_takes_the_strongest_mode_and_names_it(monkeypatch):
    root = os.geteuid() == 0
    want = "bwrap" if bwrap_starts_a_worker() else "uid" if root else "landlock" if sandbox.landlock_abi() else None
    if want is None:
        pytest.skip("nothing isolates on this machine (the refusal is tested above)")
    assert sandbox.sandbox_kind("auto") == want
    monkeypatch.setenv(sandbox.DISABLE_ENV, "bwrap")
    second = "uid" if root else "landlock" if sandbox.landlock_abi() else None
    if second:
        choice = sandbox.choose("auto")
        assert choice.kind == second
        assert choice.line().startswith(second) and "bwrap was not used: bubblewrap is disabled" in choice.line()
    for mode in ("bwrap", "uid", "landlock", "none"):
        assert sandbox.describe(mode).startswith(mode)
    assert "NO ISOLATION" in sandbox.describe("none")


def test_locked_folders_are_removed(tmp_path):
    top = tmp_path / "box"
    (top / "a" / "b").mkdir(parents=True)
    (top / "a" / "b" / "f").write_bytes(b"x" * 1000)
    os.chmod(top / "a" / "b", 0)
    os.chmod(top / "a", 0)
    sandbox.remove_tree(top)
    assert not top.exists()


REBUILT_NOTHING = """
import logging, os
said = []
class Keep(logging.Handler):
    def emit(self, record):
        said.append(record.getMessage())
log = logging.getLogger("matplotlib.font_manager")
log.addHandler(Keep())
log.setLevel(logging.INFO)
import matplotlib.pyplot as plt
plt.plot([1, 2])
plt.savefig("p.png")
assert os.path.getsize("p.png") > 0
assert not any("generated new fontManager" in line for line in said), said
"""
"""A plot in the sandbox, which fails if matplotlib had to scan the fonts (it says so when it does)."""


def test_every_sandbox_gets_the_prebuilt_font_list(tmp_path, monkeypatch):
    """The first plot in a sandbox reuses the batch's font list instead of scanning the fonts again."""
    fonts = tmp_path / "fonts"
    assert fonts_module.build_font_cache(fonts).wait(timeout=300) == 0
    built = sorted(fonts.glob("fontlist-*.json"))
    assert built
    monkeypatch.setenv(fonts_module.FONT_CACHE_ENV, str(fonts))
    with sandbox.Sandbox(sandbox.Limits(sandbox="auto"), {}) as worker:
        worker.start()
        copy = worker.work / ".config" / "matplotlib" / built[0].name
        assert copy.read_bytes() == built[0].read_bytes()
        stamp = copy.stat().st_mtime_ns
        code = REBUILT_NOTHING
        worker.send({"op": "run", "cells": [[0, code]], "cell_timeout": 120, "call_timeout": 60, "torch": False})
        deadline = time.monotonic() + 300
        while (event := worker.receive(deadline)).get("event") != "done":
            pass
        assert event["errors"] == []
        assert copy.stat().st_mtime_ns == stamp, "matplotlib rebuilt its font list in the sandbox"


def test_judge_expects_the_device_the_worker_sees(monkeypatch):
    """The judge's process "has a GPU" (patched), the worker has none: the device check follows the
    worker, so an honest ``"cuda" if torch.cuda.is_available() else "cpu"`` keeps its points."""
    torch = pytest.importorskip("torch")
    if torch.cuda.is_available():
        pytest.skip("a real GPU: the worker sees it too")
    lesson = "06-linear-torch"
    if not layout.solution_notebook(ROOT, lesson).exists():
        pytest.skip("lesson 06 is not built")
    monkeypatch.setattr(torch.cuda, "is_available", lambda: True)
    nb = notebooks.clear_outputs(notebooks.read(layout.solution_notebook(ROOT, lesson)))
    limits = sandbox.Limits(cell_timeout=120, timeout=600, sandbox="auto")
    result = judge.grade_file(json.dumps(nb).encode(), judge.Lesson(lesson, ROOT), limits)
    assert result["status"] == "ok", result["message"]
    device_cases = [c for c in result["questions"]["q1"]["cases"] if "device" in c["message"] or c["passed"]]
    assert all(c["passed"] for c in result["questions"]["q1"]["cases"]), device_cases
    assert torch.cuda.is_available() is True, "the judge's own view is restored after the tests"
    with judge.devices_the_worker_sees(True):
        assert torch.cuda.is_available() is True  # a worker that sees the GPU keeps it
    with judge.devices_the_worker_sees(False):
        assert torch.cuda.is_available() is False


def test_worker_reports_what_it_sees():
    code = "import sys; sys.path.insert(0, sys.argv[1]); import worker; print(worker.cuda_visible())"
    out = subprocess.run(
        [sys.executable, "-c", code, str(sandbox.SANDBOXED)], capture_output=True, text=True, timeout=120
    )
    assert out.stdout.strip() == "False"  # torch not imported: no GPU claimed


def test_concurrent_jobs_get_distinct_user_ids():
    """Each judge process holds its own job user id (a lock file per id), none used by an account."""
    if os.geteuid() != 0:
        pytest.skip("per-job user ids are for a grader running as root")
    code = (
        "import sys, time; sys.path.insert(0, sys.argv[1]); from course.grading import sandbox; "
        "print(sandbox.job_uid(), flush=True); time.sleep(5)"
    )
    procs = [
        subprocess.Popen([sys.executable, "-c", code, str(ROOT)], stdout=subprocess.PIPE, text=True) for _ in range(2)
    ]
    try:
        uids = [int(p.stdout.readline()) for p in procs]
    finally:
        for p in procs:
            p.kill()
            p.wait()
    assert len(set(uids)) == 2 and all(u >= sandbox.UID_BASE for u in uids)
    import pwd

    for uid in uids:
        with pytest.raises(KeyError):
            pwd.getpwuid(uid)


def test_a_python_installed_under_tmp_stays_visible_in_bubblewrap(tmp_path, monkeypatch):
    """The sandbox mounts its own /tmp: a Python (a CI clone's venv) that lives under /tmp must be
    mounted after it, or the worker's interpreter vanishes ("execvp ... No such file")."""
    require_tool(sandbox.sandbox_kind("auto") == "bwrap", "bwrap is absent")
    under_tmp = Path(tempfile.mkdtemp(prefix="course-venv-", dir="/tmp"))
    try:
        (under_tmp / "marker").write_text("here")
        roots = box.python_roots()
        monkeypatch.setattr(box, "python_roots", lambda: [*roots, str(under_tmp)])
        with sandbox.Sandbox(sandbox.Limits(sandbox="bwrap"), {}) as worker:
            proc = subprocess.run(
                [*worker._bwrap_command(), "cat", str(under_tmp / "marker")], capture_output=True, text=True, timeout=60
            )
        assert proc.returncode == 0 and proc.stdout == "here", proc.stderr
    finally:
        shutil.rmtree(under_tmp, ignore_errors=True)


# ---------------------------------------------------------------------------------- seccomp
SECCOMP_PROBE = """
import ctypes, json, os, socket, sys
sys.path.insert(0, sys.argv[1])
import seccomp
seccomp.load()
libc = ctypes.CDLL(None, use_errno=True)
found = {}
def attempt(name, action):
    try:
        action()
        found[name] = "ok"
    except OSError as err:
        found[name] = err.errno
def call(number, *args):
    if libc.syscall(number, *args) < 0:
        raise OSError(ctypes.get_errno(), "")
nr = seccomp.SYSCALLS[seccomp.platform.machine()]
for family, kind, proto in ((1, 1, 0), (2, 1, 0), (2, 1, 262), (2, 2, 0), (10, 2, 0), (16, 3, 0)):
    attempt(f"socket {family}/{kind}/{proto}", lambda: socket.socket(family, kind, proto).close())
attempt("socketpair stream", lambda: socket.socketpair())
attempt("socketpair dgram", lambda: socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM))
attempt("io_uring_setup", lambda: call(nr["io_uring_setup"], 4, ctypes.create_string_buffer(120)))
attempt("shmget", lambda: call(nr["shmget"], 0, 4096, 0o1600))
attempt("semget", lambda: call(nr["semget"], 0, 1, 0o1600))
attempt("msgget", lambda: call(nr["msgget"], 0, 0o1600))
attempt("unshare user", lambda: call(nr["unshare"], 0x10000000))
attempt("setns", lambda: call(nr["setns"], 0, 0))
attempt("clone3", lambda: call(nr["clone3"], None, 0))
if seccomp.platform.machine() == "x86_64":
    attempt("x32 socket", lambda: call(0x40000000 | 41, 1, 1, 0))
attempt("fork", lambda: os.waitpid(os.fork() or os._exit(0), 0))
import subprocess, threading
attempt("subprocess", lambda: subprocess.run(["true"], check=True))
attempt("thread", lambda: (lambda t: (t.start(), t.join()))(threading.Thread(target=print)))
print(json.dumps(found))
"""


def test_seccomp_filter_denies_sockets_io_uring_ipc_and_user_namespaces():
    """The filter every mode but ``none`` loads: every socket family refused (MPTCP, UDP, netlink and
    Unix included), a datagram socketpair too; io_uring, System V objects, user namespaces and
    ``setns`` refused; ``clone3`` and the x32 entry point say ENOSYS. What the worker needs still works."""
    try:
        seccomp.program()
    except seccomp.Unsupported:
        pytest.skip("no seccomp filter for this architecture")
    folder = str(Path(seccomp.__file__).parent)
    out = subprocess.run([sys.executable, "-c", SECCOMP_PROBE, folder], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    found = json.loads(out.stdout)
    for name, result in found.items():
        if name.startswith("socket ") or name in ("socketpair dgram", "io_uring_setup", "shmget", "semget"):
            assert result == 13, (name, result)  # EACCES
        elif name in ("msgget", "unshare user", "setns"):
            assert result == 13, (name, result)
        elif name in ("clone3", "x32 socket"):
            assert result == 38, (name, result)  # ENOSYS
        else:
            assert result == "ok", (name, result)


# ---------------------------------------------------------------------------------- choosing a mode
def in_container(code: str) -> subprocess.CompletedProcess:
    """Run Python ``code`` as root in a container made with bubblewrap: Docker's capabilities (no
    CAP_SYS_ADMIN), and a ``/proc`` with entries mounted over (bubblewrap covers ``/proc/sys`` and
    others, as Docker masks ``/proc/kcore``): a bubblewrap inside cannot mount a ``/proc`` of its own."""
    cmd = ["bwrap", "--ro-bind", "/", "/", "--dev", "/dev", "--proc", "/proc", "--tmpfs", "/tmp"]
    cmd += ["--tmpfs", "/run", "--unshare-pid", "--unshare-ipc", "--die-with-parent", "--cap-drop", "ALL"]
    for cap in DOCKER_CAPS:
        cmd += ["--cap-add", f"CAP_{cap}"]
    cmd += ["--chdir", str(ROOT), sys.executable, "-c", code]
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "TMPDIR": "/tmp"}
    return subprocess.run(cmd, capture_output=True, text=True, timeout=300, env=env)


def test_auto_falls_back_where_bubblewrap_cannot_mount_proc():
    """Where bubblewrap is installed but cannot start the worker as grading starts it (``--proc``),
    ``auto`` proves it with a real worker, takes the next mode and names what stopped bubblewrap;
    ``--sandbox bwrap`` refuses with bubblewrap's own message. (A check without ``--proc`` passes there.)"""
    require_tool(os.geteuid() == 0 and bool(shutil.which("bwrap")), "needs root and bubblewrap")
    code = """
import json, subprocess
from course.grading import sandbox
light = subprocess.run(["bwrap", "--ro-bind", "/", "/", "--unshare-all", "true"]).returncode
choice = sandbox.choose("auto")
try:
    sandbox.choose("bwrap")
    refused = ""
except sandbox.NoIsolation as err:
    refused = str(err)
print(json.dumps({"light": light, "kind": choice.kind, "line": choice.line(), "refused": refused}))
"""
    out = in_container(code)
    assert out.returncode == 0, out.stderr[-2000:]
    found = json.loads(out.stdout.splitlines()[-1])
    assert found["light"] == 0  # the lighter check the grader used to trust passes here
    assert found["kind"] == "uid"
    assert "bwrap was not used" in found["line"] and "Can't mount proc" in found["line"]
    assert found["refused"].startswith("--sandbox bwrap: bubblewrap could not start a worker here")
    assert "Can't mount proc on /newroot/proc" in found["refused"]


# ---------------------------------------------------------------------------------- limits
HOG = """
import sys, time
block = bytearray(int(sys.argv[1]) << 20)
block[::4096] = b"\\x01" * len(range(0, len(block), 4096))
print("held", flush=True)
time.sleep(60)
"""


FORKS = """
import os, time
for i in range(20):
    try:
        if os.fork() == 0:
            time.sleep(60)
            os._exit(0)
    except OSError:
        print("refused", i, flush=True)
        time.sleep(60)
"""


def test_cgroup_v1_counts_memory_and_processes_and_kills_everything():
    """As root on a machine with version-1 cgroups: a job's memory cgroup stops it at the limit (the
    kernel's OOM count says so), its pids cgroup caps its tasks, and every process in it is found."""
    job = limits.JobCgroup.create(memory_mb=128, processes=8)
    if job is None:
        pytest.skip("the grader may not make cgroups here (not root, or no writable memory and pids hierarchy)")
    try:
        assert job.version in (1, 2)
        proc = subprocess.Popen(
            [sys.executable, "-c", HOG, "300"], preexec_fn=job.enter, stdout=subprocess.PIPE, text=True
        )
        proc.wait(timeout=120)
        assert proc.returncode == -9 and job.oom_kills() == 1  # killed by the kernel at 128 MiB, counted
        proc = subprocess.Popen([sys.executable, "-c", FORKS], preexec_fn=job.enter, stdout=subprocess.PIPE, text=True)
        assert proc.stdout.readline().startswith("refused")  # the ninth task is refused
        assert len(job.pids()) >= 8 and proc.pid in job.pids()
        processes.kill(job.pids())
        proc.wait(timeout=30)
        deadline = time.monotonic() + 30
        while job.pids() and time.monotonic() < deadline:
            processes.reap(job.pids())
            time.sleep(0.1)
        assert job.pids() == set()
    finally:
        processes.kill(job.pids())
        time.sleep(0.5)
        job.remove()
    assert not any(os.path.exists(folder) for folder in job.folders.values())


EXITED_MAIN = """
import ctypes, platform, sys, threading, time
def hold():
    block = bytearray(64 << 20)
    block[::4096] = b"\\x01" * len(range(0, len(block), 4096))
    print("held", flush=True)
    time.sleep(60)
threading.Thread(target=hold).start()
time.sleep(1)
ctypes.CDLL(None).syscall({"x86_64": 60, "aarch64": 93}[platform.machine()], 0)
"""


def test_a_process_whose_main_thread_exited_is_alive_counted_and_killed():
    """Its main thread is a zombie, its other thread runs and holds 64 MiB: it is alive, its memory
    is read from the live thread, and SIGKILL to its PID ends it."""
    proc = subprocess.Popen([sys.executable, "-c", EXITED_MAIN], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "held"
        deadline = time.monotonic() + 30
        while processes.processes()[proc.pid][2] != "Z" and time.monotonic() < deadline:
            time.sleep(0.1)
        state = processes.processes()[proc.pid][2]
        assert state == "Z"  # the main thread has exited ...
        assert processes.is_alive(proc.pid, state)  # ... but the process lives on
        assert limits.memory_kib(proc.pid) >= 64 * 1024
        processes.kill([proc.pid])
        proc.wait(timeout=30)
        assert proc.returncode == -9
    finally:
        proc.kill()
        proc.wait()


MAPPED = """
import mmap, os, sys, time
with open("kept", "wb") as f:
    f.write(b"x" * (24 << 20))
with open("kept", "r+b") as f:
    view = mmap.mmap(f.fileno(), 4096)
os.unlink("kept")
print("mapped", flush=True)
time.sleep(60)
"""


def test_a_deleted_file_kept_by_a_mapping_counts_as_disk(tmp_path):
    """The descriptor is closed and the name gone, yet the file's 24 MiB stay on disk while a page of
    it is mapped: counted (its size read by root, or the per-file cap for a grader that is not)."""
    proc = subprocess.Popen([sys.executable, "-c", MAPPED], stdout=subprocess.PIPE, text=True, cwd=tmp_path)
    try:
        assert proc.stdout.readline().strip() == "mapped"
        guess = 64 << 20
        counted = limits.deleted_files_of([proc.pid], guess)
        assert counted == (24 << 20 if os.geteuid() == 0 else guess)
    finally:
        proc.kill()
        proc.wait()


def test_a_walk_reports_more_entries_than_the_cap(tmp_path):
    """200 empty files under a cap of 100: the walk says more than 100 (the submission is stopped),
    so no byte can hide behind the entries a walk never reaches."""
    for i in range(200):
        (tmp_path / f"e{i}").touch()
    (tmp_path / "z").mkdir()
    (tmp_path / "z" / "big").write_bytes(b"y" * 100_000)
    size, entries = folders.usage(str(tmp_path), max_entries=100)
    assert entries > 100
    size, entries = folders.usage(str(tmp_path))
    assert entries == 202 and size >= 100_000


INT80_SOCKET = """
import ctypes, mmap, sys
sys.path.insert(0, sys.argv[1])
import seccomp
if sys.argv[2] == "filtered":
    seccomp.load()
# push rbx; mov eax, 359 (socket on 32-bit x86); mov ebx, 2; mov ecx, 1; mov edx, 0; int 0x80; pop rbx; ret
code = bytes.fromhex("53 b8 67010000 bb 02000000 b9 01000000 ba 00000000 cd80 5b c3".replace(" ", ""))
page = mmap.mmap(-1, 4096, prot=mmap.PROT_READ | mmap.PROT_WRITE | mmap.PROT_EXEC)
page.write(code)
address = ctypes.addressof(ctypes.c_char.from_buffer(page))
print(ctypes.CFUNCTYPE(ctypes.c_int)(address)(), flush=True)
"""


def test_seccomp_closes_the_32_bit_entry_point():
    """A 64-bit process may still enter the kernel through ``int 0x80``, where the numbers are
    32-bit x86's: ``socket`` made that way is refused too (ENOSYS for the whole entry point)."""
    if seccomp.platform.machine() != "x86_64":
        pytest.skip("the 32-bit entry point is x86's")
    folder = str(Path(seccomp.__file__).parent)
    bare = subprocess.run([sys.executable, "-c", INT80_SOCKET, folder, "bare"], capture_output=True, text=True)
    if bare.returncode != 0 or int(bare.stdout) < 0:
        pytest.skip("this kernel runs no 32-bit calls (IA32 emulation off): nothing to close")
    filtered = subprocess.run([sys.executable, "-c", INT80_SOCKET, folder, "filtered"], capture_output=True, text=True)
    assert filtered.returncode == 0, filtered.stderr
    assert int(filtered.stdout) == -38  # -ENOSYS: no socket through the side door


FILL = """
with open("fill", "wb") as f:
    for _ in range(12):
        f.write(b"x" * (8 << 20))
"""


def test_a_bubblewrap_older_than_0_8_still_isolates_and_counts_files(monkeypatch):
    """Ubuntu 22.04 ships bubblewrap 0.6, without ``--size``, ``--disable-userns`` nor
    ``--add-seccomp-fd``: the box is then the worker's folder bound in (its files counted by the
    watchdog's walk), the filter goes in with ``--seccomp``, and the probe still finds no socket, no
    user namespace, nothing of this process. (This bubblewrap is made to look old by hiding those options.)"""
    require_tool(bwrap_starts_a_worker(), "bubblewrap cannot start a worker here")
    program = sandbox.bwrap.path()
    sandbox.bwrap.supports("--size")  # read the real help text once
    real = sandbox.bwrap._HELP[program]
    old = real.replace("--size ", "").replace("--disable-userns ", "").replace("--add-seccomp-fd ", "")
    monkeypatch.setitem(sandbox.bwrap._HELP, program, old)
    assert not sandbox.bwrap.tmpfs_box()
    with sandbox.Sandbox(sandbox.Limits(sandbox="bwrap", disk_mb=64), {}) as worker:
        command = worker._bwrap_command(3)
        assert "--size" not in command and "--disable-userns" not in command and "--seccomp" in command
        assert worker.probe()["reached"] == []
        worker.start()
        worker.send({"op": "run", "cells": [[0, FILL]], "cell_timeout": 60, "call_timeout": 60, "torch": False})
        with pytest.raises(sandbox.WorkerGone, match="more than 64 MiB of files"):
            worker.receive(time.monotonic() + 120)
            worker.receive(time.monotonic() + 120)
