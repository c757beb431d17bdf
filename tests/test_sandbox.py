"""The sandbox's parts on their own: which mode ``auto`` picks and what it says, the refusal, the
font cache, cleanup of folders a student locked, and a judge that expects the device its worker sees."""

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
from harness import ROOT

from course import layout, notebooks
from course.grading import judge, sandbox


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


def test_auto_takes_the_strongest_mode_and_names_it(monkeypatch):
    root = os.geteuid() == 0
    want = "bwrap" if sandbox.has_bwrap() else "uid" if root else "landlock" if sandbox.landlock_abi() else None
    if want is None:
        pytest.skip("nothing isolates on this machine (the refusal is tested above)")
    assert sandbox.sandbox_kind("auto") == want
    monkeypatch.setenv(sandbox.DISABLE_ENV, "bwrap")
    second = "uid" if root else "landlock" if sandbox.landlock_abi() else None
    if second:
        assert sandbox.sandbox_kind("auto") == second
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


def test_every_sandbox_gets_the_prebuilt_font_list(tmp_path, monkeypatch):
    """The first plot in a sandbox reuses the batch's font list instead of scanning the fonts again."""
    fonts = tmp_path / "fonts"
    assert sandbox.build_font_cache(fonts).wait(timeout=300) == 0
    built = sorted(fonts.glob("fontlist-*.json"))
    assert built
    monkeypatch.setenv(sandbox.FONT_CACHE_ENV, str(fonts))
    with sandbox.Sandbox(sandbox.Limits(sandbox="auto"), {}) as box:
        box.start()
        copy = box.work / ".config" / "matplotlib" / built[0].name
        assert copy.read_bytes() == built[0].read_bytes()
        stamp = copy.stat().st_mtime_ns
        code = "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig('p.png')"
        box.send({"op": "run", "cells": [[0, code]], "cell_timeout": 120, "call_timeout": 60, "torch": False})
        deadline = time.monotonic() + 300
        while (event := box.receive(deadline)).get("event") != "done":
            pass
        assert event["errors"] == []
        assert (box.work / "p.png").exists()
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
        roots = sandbox._python_roots()
        monkeypatch.setattr(sandbox, "_python_roots", lambda: [*roots, str(under_tmp)])
        with sandbox.Sandbox(sandbox.Limits(sandbox="bwrap"), {}) as box:
            proc = subprocess.run(
                [*box._bwrap_command(), "cat", str(under_tmp / "marker")], capture_output=True, text=True, timeout=60
            )
        assert proc.returncode == 0 and proc.stdout == "here", proc.stderr
    finally:
        shutil.rmtree(under_tmp, ignore_errors=True)
