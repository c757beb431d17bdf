"""matplotlib's font list, built once and copied into every sandbox.

A first plot in a fresh folder makes matplotlib scan the system's fonts (seconds). The grader builds
the list once per batch, or keeps it between batches (:func:`kept_font_cache`), and the sandbox
copies it into each worker's ``MPLCONFIGDIR`` (bound read-only under bubblewrap).
"""

from __future__ import annotations

import glob
import hashlib
import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

FONT_CACHE_ENV = "COURSE_GRADE_FONT_CACHE"
"""A folder holding matplotlib's prebuilt font list, copied into every sandbox."""
_FONT_CACHE: dict[str, str] = {}


def build_font_cache(folder: str | Path) -> subprocess.Popen:
    """Start building matplotlib's font list into ``folder`` (once per grading run; every sandbox
    gets a copy, so a student's first plot does not spend seconds scanning the system's fonts)."""
    Path(folder).mkdir(parents=True, exist_ok=True)
    env = {"PATH": "/usr/bin:/bin", "MPLCONFIGDIR": str(folder), "HOME": str(folder), "MPLBACKEND": "Agg"}
    code = "import matplotlib.font_manager"
    return subprocess.Popen(
        [sys.executable, "-s", "-c", code], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )


FONT_FOLDERS = (
    "/usr/share/fonts",
    "/usr/local/share/fonts",
    "/etc/fonts",
    "/usr/X11R6/lib/X11/fonts",
    "/usr/X11/lib/X11/fonts",
    "/usr/lib/openoffice/share/fonts/truetype",
)
"""Where matplotlib (through fontconfig and its own list) finds the system's fonts."""


def kept_font_cache() -> Path | None:
    """Where this user's grader keeps matplotlib's font list between batches: one folder per
    Python, matplotlib install and state of the system's font folders (installing or removing a
    font changes a folder's time stamp, and so the name). None where there is no such place."""
    spec = importlib.util.find_spec("matplotlib")
    if spec is None or not spec.origin:
        return None
    try:
        info = os.stat(spec.origin)
        stamps = [sys.executable, spec.origin, str(info.st_mtime_ns), str(info.st_size)]
        for top in FONT_FOLDERS:
            for folder, _, _ in os.walk(top):
                stamps.append(f"{folder} {os.stat(folder).st_mtime_ns}")
        base = Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache")
    except (OSError, RuntimeError, KeyError):
        return None
    digest = hashlib.sha256("\n".join(stamps).encode()).hexdigest()[:16]
    return base / "course-grade" / f"matplotlib-fonts-{digest}"


def batch_font_cache(scratch: str) -> tuple[str, subprocess.Popen | None]:
    """The folder of the font list for a batch's sandboxes, and the process still building it (None
    when the list kept from an earlier batch is there). Keep a new one with :func:`keep_font_cache`."""
    kept = kept_font_cache()
    if kept is not None and glob.glob(os.path.join(kept, "fontlist-*.json")):
        return str(kept), None
    folder = os.path.join(scratch, "fonts")
    return folder, build_font_cache(folder)


def keep_font_cache(folder: str) -> None:
    """Keep a font list just built for the next batches (written whole, then renamed into place, so a
    grader running beside this one never reads half of it); a place that cannot be written is skipped."""
    kept = kept_font_cache()
    files = glob.glob(os.path.join(folder, "fontlist-*.json"))
    if kept is None or not files or kept.exists():
        return
    building = None
    try:
        kept.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        building = tempfile.mkdtemp(prefix=".building-", dir=kept.parent)
        for path in files:
            shutil.copy(path, building)
        os.rename(building, kept)
    except OSError:
        if building is not None:
            shutil.rmtree(building, ignore_errors=True)


def finish_font_cache(folder: str, building: subprocess.Popen | None) -> None:
    """Wait (at most five minutes) for a font list :func:`batch_font_cache` is building, and keep it."""
    if building is None:
        return
    try:
        if building.wait(timeout=300) == 0:
            keep_font_cache(folder)  # for the next batches
    except subprocess.TimeoutExpired:
        building.kill()
        building.wait()


def font_cache() -> str | None:
    """The folder with a prebuilt font list: :data:`FONT_CACHE_ENV`, or one kept or built once per process."""
    given = os.environ.get(FONT_CACHE_ENV)
    if given:
        return given if glob.glob(os.path.join(given, "fontlist-*.json")) else None
    if "built" not in _FONT_CACHE:
        scratch = tempfile.mkdtemp(prefix="course-fonts-")
        folder, building = batch_font_cache(scratch)
        finish_font_cache(folder, building)
        import atexit

        atexit.register(shutil.rmtree, scratch, True)
        _FONT_CACHE["built"] = folder
    folder = _FONT_CACHE["built"]
    return folder if glob.glob(os.path.join(folder, "fontlist-*.json")) else None
