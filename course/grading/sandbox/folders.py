"""A submission's folder: measuring what it holds and removing it, whatever its permissions became.

A student may ``chmod 000`` its folders (then a walk or ``rmtree`` by a grader that is not root
stops there) or hide bytes behind a great many entries (a walk that stops at a cap misses them):
:func:`usage` restores owner permissions walking down, and reports the number of entries so the
caller can end a submission that makes more than :data:`MAX_ENTRIES` instead of walking forever.
"""

from __future__ import annotations

import os
import shutil
import stat
from pathlib import Path

MAX_ENTRIES = 20_000
"""Files and folders a submission may make (a lesson makes a handful): past this it is stopped."""


def _unlock(path: str) -> None:
    """Give back owner permissions walking down (a student may have ``chmod 000``'d folders)."""
    try:
        info = os.lstat(path)
    except OSError:
        return
    if not stat.S_ISDIR(info.st_mode):
        return
    try:
        os.chmod(path, 0o700)
    except OSError:
        pass
    try:
        entries = list(os.scandir(path))
    except OSError:
        return
    for entry in entries:
        if entry.is_dir(follow_symlinks=False):
            _unlock(entry.path)


def remove_tree(path: str | Path) -> None:
    """Remove a folder whatever its contents did to their permissions."""
    _unlock(str(path))
    shutil.rmtree(path, ignore_errors=True)


def usage(path: str, max_entries: int = MAX_ENTRIES) -> tuple[int, int]:
    """(bytes on disk, entries) below ``path``, fixing permissions a student took away. The walk
    stops once it has seen more than ``max_entries`` entries: the caller treats that as over the
    limit, so nothing hides behind them."""
    total, count, stack = 0, 0, [path]
    while stack and count <= max_entries:
        top = stack.pop()
        try:
            entries = list(os.scandir(top))
        except PermissionError:
            _unlock(top)
            try:
                entries = list(os.scandir(top))
            except OSError:
                continue
        except OSError:
            continue
        for entry in entries:
            count += 1
            if count > max_entries:
                break
            try:
                info = entry.stat(follow_symlinks=False)
            except OSError:
                continue
            total += info.st_blocks * 512
            if stat.S_ISDIR(info.st_mode):
                stack.append(entry.path)
    return total, count


def shared_writable() -> list[str]:
    """Folders every user may write to (what a job's user id can fill outside its own folder)."""
    return [p for p in ("/tmp", "/var/tmp", "/dev/shm", "/dev/mqueue") if os.path.isdir(p)]


def owned_usage(top: str, uid: int) -> tuple[int, int]:
    """(bytes, entries) that ``uid`` owns directly in ``top`` and below its folders there."""
    total, count = 0, 0
    try:
        entries = list(os.scandir(top))
    except OSError:
        return 0, 0
    for entry in entries:
        try:
            info = entry.stat(follow_symlinks=False)
        except OSError:
            continue
        if info.st_uid == uid:
            if stat.S_ISDIR(info.st_mode):
                size, n = usage(entry.path)
                total, count = total + size, count + n + 1
            else:
                total, count = total + info.st_blocks * 512, count + 1
    return total, count


def remove_owned(uid: int) -> None:
    """Remove what ``uid`` left in the folders every user may write to."""
    for top in shared_writable():
        for entry in list(os.scandir(top)) if os.access(top, os.R_OK) else []:
            try:
                if entry.stat(follow_symlinks=False).st_uid == uid:
                    remove_tree(entry.path) if entry.is_dir(follow_symlinks=False) else os.unlink(entry.path)
            except OSError:
                pass
