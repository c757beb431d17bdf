"""Finding submissions (notebooks, folders of them, Otter export zips) and reading their bytes.

Submissions are only ever read, never written, and never through a symbolic link: a student's
repository or zip can hold a link named ``hw.ipynb`` that points at the answer key, another
student's notebook or any file the grader can read. A link (to a file or to a folder, given on the
command line or found in a folder, or a zip member stored as a link) is listed as a submission of
its own, and reading it fails with :class:`SubmissionError` (status ``invalid``) and a sentence.
Files are opened one path component at a time with ``O_NOFOLLOW``, so a link that appears between
finding and reading is refused too.
"""

from __future__ import annotations

import errno
import os
import re
import stat
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 100 * 1024 * 1024
SUFFIXES = (".ipynb", ".zip")
LINK_MESSAGE = (
    "{name} is a symbolic link, and the grader does not follow links (it could point at any file, "
    "someone else's notebook included): hand in the notebook file itself"
)


@dataclass(frozen=True)
class Submission:
    name: str
    """Unique, file-name-safe label (the CSV's ``name`` and the feedback file's stem)."""
    path: str
    """The file given or found (a notebook, or a zip): an absolute path whose folders are the real
    folders given (links in them resolved once, from the command line) and whose part below them is as found."""
    member: str | None = None
    """The notebook inside a zip, if any."""
    link: bool = False
    """The path is a symbolic link (to a file or a folder): reading it says so, and grades nothing."""


class SubmissionError(ValueError):
    status = "invalid"


def safe_name(text: str) -> str:
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "submission"
    return text[:120]


def _hidden(name: str) -> bool:
    return name.startswith(".") or name == ".ipynb_checkpoints"


def _walk(folder: Path, relative: tuple[str, ...] = ()) -> list[tuple[tuple[str, ...], bool]]:
    """(relative path parts, is a link) of every notebook, zip and link to a folder below ``folder``,
    never entering a linked folder. Hidden files and folders (``.git``, checkpoints) are left out."""
    found = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return found
    for entry in entries:
        if _hidden(entry.name):
            continue
        parts = (*relative, entry.name)
        if entry.is_symlink():
            if entry.name.lower().endswith(SUFFIXES) or entry.is_dir():  # is_dir follows: a link to a folder
                found.append((parts, True))
        elif entry.is_dir(follow_symlinks=False):
            found += _walk(Path(entry.path), parts)
        elif entry.is_file(follow_symlinks=False) and entry.name.lower().endswith(SUFFIXES):
            found.append((parts, False))
    return found


def _candidates(arg: Path) -> list[tuple[Path, str, bool]]:
    """(path, label, is a link) for each submission that ``arg`` names. An argument that is itself a
    link is not followed either (a shell glob over a folder of unpacked uploads passes the students' links)."""
    if arg.is_symlink():
        where = Path(os.path.abspath(arg))  # the link itself, in its real folder
        return [(where.parent.resolve() / where.name, arg.name if arg.is_dir() else arg.stem, True)]
    if arg.is_dir():
        root = arg.resolve()
        found = sorted(_walk(root))
        return [(root.joinpath(*parts), str(Path(*parts).with_suffix("")), link) for parts, link in found]
    return [(arg.resolve(), arg.stem, False)]


def find(args: list[str]) -> list[Submission]:
    """Every submission named by ``args`` (files or folders), with unique names, in a stable order."""
    subs, used = [], set()
    for text in args:
        arg = Path(text)
        if not arg.exists() and not arg.is_symlink():
            raise FileNotFoundError(text)
        for path, label, link in _candidates(arg):
            name, n = safe_name(label), 2
            while name in used:
                name, n = f"{safe_name(label)}~{n}", n + 1
            used.add(name)
            member = None
            if not link and path.suffix.lower() == ".zip":
                member = _zip_member(path)
            subs.append(Submission(name, str(path), member, link))
    return subs


def _is_link_member(info: zipfile.ZipInfo) -> bool:
    return stat.S_ISLNK(info.external_attr >> 16)


def _zip_member(path: Path) -> str | None:
    """The notebook inside an Otter export zip (or None: reading the submission will say why). A
    member stored as a symbolic link is taken only when the zip holds no other notebook (and then
    refused when read)."""
    try:
        with open_no_links(path) as f, zipfile.ZipFile(f) as zf:
            notebooks = [
                i
                for i in zf.infolist()
                if i.filename.endswith(".ipynb") and "__MACOSX" not in i.filename and "checkpoint" not in i.filename
            ]
    except (zipfile.BadZipFile, OSError, SubmissionError):
        return None
    notebooks.sort(key=lambda i: (_is_link_member(i), i.filename.count("/"), i.filename))
    return notebooks[0].filename if notebooks else None


def open_no_links(path: str | os.PathLike):
    """Open the regular file ``path`` (absolute) for reading without following a symbolic link at
    any component, nor blocking on a FIFO; raises :class:`SubmissionError` with a sentence."""
    path = Path(os.path.abspath(path))
    parts = path.parts[1:]
    fd = os.open(path.anchor or "/", os.O_RDONLY | os.O_DIRECTORY)
    try:
        for i, part in enumerate(parts):
            last = i == len(parts) - 1
            flags = os.O_RDONLY | os.O_NOFOLLOW | (os.O_NONBLOCK if last else os.O_DIRECTORY)
            try:
                nxt = os.open(part, flags, dir_fd=fd)
            except OSError as err:
                if err.errno in (errno.ELOOP, errno.EMLINK) or _is_link(fd, part):
                    shown = Path(*parts[: i + 1]).name
                    raise SubmissionError(LINK_MESSAGE.format(name=shown)) from None
                if err.errno == errno.ENOTDIR:
                    raise SubmissionError(f"{part} is not a folder") from None
                raise SubmissionError(f"cannot read the file ({err.strerror})") from None
            os.close(fd)
            fd = nxt
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            raise SubmissionError(f"{path.name} is not a regular file")
        os.set_blocking(fd, True)
        handle = os.fdopen(fd, "rb")
        fd = -1
        return handle
    finally:
        if fd >= 0:
            os.close(fd)


def _is_link(dir_fd: int, name: str) -> bool:
    try:
        return stat.S_ISLNK(os.stat(name, dir_fd=dir_fd, follow_symlinks=False).st_mode)
    except OSError:
        return False


def read_submission(path: str, member: str | None) -> bytes:
    """The notebook's bytes (size-capped); raises SubmissionError for an unreadable file or zip, a
    symbolic link (anywhere in the path), or a zip's notebook stored as a link."""
    p = Path(path)
    with open_no_links(p) as f:
        if p.suffix.lower() == ".zip":
            try:
                with zipfile.ZipFile(f) as zf:
                    if member is None:
                        raise SubmissionError("the zip holds no notebook")
                    info = zf.getinfo(member)
                    if _is_link_member(info):
                        raise SubmissionError(LINK_MESSAGE.format(name=f"the notebook {Path(member).name} in the zip"))
                    if info.file_size > MAX_BYTES:
                        raise SubmissionError("the notebook in the zip is too large")
                    with zf.open(info) as inner:
                        return inner.read(MAX_BYTES + 1)[: MAX_BYTES + 1]
            except (zipfile.BadZipFile, KeyError, OSError, RuntimeError) as err:
                raise SubmissionError(f"not a readable zip ({type(err).__name__})") from None
        try:
            if os.fstat(f.fileno()).st_size > MAX_BYTES:
                raise SubmissionError(f"the file is larger than {MAX_BYTES // 2**20} MiB")
            return f.read(MAX_BYTES + 1)
        except OSError as err:
            raise SubmissionError(f"cannot read the file ({err.strerror})") from None
