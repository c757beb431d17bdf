"""Finding submissions (notebooks, folders of them, Otter export zips) and reading their bytes.

Submissions are only ever read, never written.
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass
from pathlib import Path

MAX_BYTES = 100 * 1024 * 1024


@dataclass(frozen=True)
class Submission:
    name: str
    """Unique, file-name-safe label (the CSV's ``name`` and the feedback file's stem)."""
    path: str
    """The file given or found (a notebook, or a zip)."""
    member: str | None = None
    """The notebook inside a zip, if any."""


class SubmissionError(ValueError):
    status = "invalid"


def safe_name(text: str) -> str:
    text = re.sub(r"[^A-Za-z0-9._-]+", "_", text).strip("._") or "submission"
    return text[:120]


def _candidates(arg: Path) -> list[tuple[Path, str]]:
    if arg.is_dir():
        found = []
        for path in sorted(arg.rglob("*")):
            if ".ipynb_checkpoints" in path.parts or any(p.startswith(".") for p in path.relative_to(arg).parts):
                continue
            if path.is_file() and path.suffix.lower() in (".ipynb", ".zip"):
                found.append((path, str(path.relative_to(arg).with_suffix(""))))
        return found
    return [(arg, arg.stem)]


def find(args: list[str]) -> list[Submission]:
    """Every submission named by ``args`` (files or folders), with unique names, in a stable order."""
    subs, used = [], set()
    for text in args:
        arg = Path(text)
        if not arg.exists():
            raise FileNotFoundError(text)
        for path, label in _candidates(arg):
            name, n = safe_name(label), 2
            while name in used:
                name, n = f"{safe_name(label)}~{n}", n + 1
            used.add(name)
            member = None
            if path.suffix.lower() == ".zip":
                member = _zip_member(path)
            subs.append(Submission(name, str(path.resolve()), member))
    return subs


def _zip_member(path: Path) -> str | None:
    """The notebook inside an Otter export zip (or None: reading the submission will say why)."""
    try:
        with zipfile.ZipFile(path) as zf:
            notebooks = [
                n for n in zf.namelist() if n.endswith(".ipynb") and "__MACOSX" not in n and "checkpoint" not in n
            ]
    except (zipfile.BadZipFile, OSError):
        return None
    notebooks.sort(key=lambda n: (n.count("/"), n))
    return notebooks[0] if notebooks else None


def read_submission(path: str, member: str | None) -> bytes:
    """The notebook's bytes (size-capped); raises SubmissionError for an unreadable file or zip."""
    p = Path(path)
    if p.suffix.lower() == ".zip":
        try:
            with zipfile.ZipFile(p) as zf:
                if member is None:
                    raise SubmissionError("the zip holds no notebook")
                info = zf.getinfo(member)
                if info.file_size > MAX_BYTES:
                    raise SubmissionError("the notebook in the zip is too large")
                with zf.open(info) as f:
                    return f.read(MAX_BYTES + 1)[: MAX_BYTES + 1]
        except (zipfile.BadZipFile, KeyError, OSError, RuntimeError) as err:
            raise SubmissionError(f"not a readable zip ({type(err).__name__})") from None
    try:
        if p.stat().st_size > MAX_BYTES:
            raise SubmissionError(f"the file is larger than {MAX_BYTES // 2**20} MiB")
        return p.read_bytes()
    except OSError as err:
        raise SubmissionError(f"cannot read the file ({err.strerror})") from None
