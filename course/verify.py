"""``python -m course verify``: prove the committed generated files match a fresh build.

Files are compared the way a reader sees them, not byte for byte, so that a build on another CPU
or BLAS kernel passes: sources, text outputs and test files must be identical; notebook metadata is
compared as data (key order and the Python patch version ignored); images (and the PNGs a figure's
HTML embeds) are compared by their decoded pixels, with matplotlib's RMS and a small tolerance
(floating-point noise moves a few antialiased pixels by a grey level; a changed line, colour or data
moves far more). A zip is
compared member by member in the same way. Each difference names the file, the cell and what
differs. On one machine the build itself stays byte-identical (``tests/test_build.py``).

It also checks that every source notebook is clean (no outputs), and that no generated folder is
left over from a lesson whose source is gone. Exit status 1 lists every problem found.
"""

import base64
import binascii
import difflib
import io
import json
import logging
import re
import tempfile
import zipfile
from pathlib import Path

from . import layout, lessons, notebooks
from .build import BuildError, build_lesson

log = logging.getLogger("course.verify")

IMAGE_TOLERANCE = 0.5
"""Largest RMS difference (over 0-255 RGB(A) values) between two images that still counts as the same
plot. Noise from another CPU (a few dozen pixels, one grey level) is about 0.01; a changed colour or
curve is several units."""

MAX_DETAILS = 5
"""Differences listed per file; the rest are counted."""

IGNORED_NOTEBOOK_METADATA = {"language_info": ("version",)}
"""Notebook metadata that depends on the machine, not on the source (the Python patch release)."""


def _files(path: Path) -> set[str]:
    if path.is_file():
        return {""}
    if path.is_dir():
        return {str(p.relative_to(path)) for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    return set()


def _short(text, limit: int = 100) -> str:
    text = repr(text)
    return text if len(text) <= limit else text[: limit - 4] + "...'"


def text_difference(committed: str, fresh: str) -> str:
    """Where two texts first differ, as "line N: committed '...', fresh build '...'" (blank lines of an
    added or removed block are skipped, so the line shown is one a reader recognises)."""
    a, b = committed.split("\n"), fresh.split("\n")
    for tag, i1, i2, j1, j2 in difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes():
        old = next((ln for ln in a[i1:i2] if ln.strip()), a[i1] if i1 < i2 else None)
        new = next((ln for ln in b[j1:j2] if ln.strip()), b[j1] if j1 < j2 else None)
        if tag == "replace":
            return f"line {i1 + 1}: committed {_short(old)}, fresh build {_short(new)}"
        if tag == "insert":
            return f"line {i1 + 1}: the fresh build adds {_short(new)}"
        if tag == "delete":
            return f"line {i1 + 1}: committed {_short(old)}, not in the fresh build"
    return "the texts differ"  # unreachable: equal line lists mean equal texts


def bytes_difference(committed: bytes, fresh: bytes) -> list[str]:
    if committed == fresh:
        return []
    try:
        return [text_difference(committed.decode("utf-8"), fresh.decode("utf-8"))]
    except UnicodeDecodeError:
        return [f"binary contents differ ({len(committed)} bytes, fresh build {len(fresh)} bytes)"]


def _pixels(encoded: str):
    """The decoded RGB pixels of a base64 image (RGBA only when it is transparent somewhere), as int16."""
    import numpy as np
    from PIL import Image

    with Image.open(io.BytesIO(base64.b64decode(encoded))) as image:
        rgba = np.asarray(image.convert("RGBA"))
    pixels = rgba if (rgba[..., 3] != 255).any() else rgba[..., :3]
    return pixels.astype(np.int16)


def image_difference(committed: str, fresh: str) -> str | None:
    """None when two base64 images look the same (RMS within tolerance), else what differs."""
    if committed == fresh:
        return None
    from matplotlib.testing.compare import calculate_rms

    try:
        a, b = _pixels(committed), _pixels(fresh)
    except (OSError, ValueError, binascii.Error) as err:
        return f"the committed image cannot be decoded ({err})"
    if a.shape != b.shape:
        return f"image size {a.shape[1]}x{a.shape[0]}, fresh build {b.shape[1]}x{b.shape[0]}"
    rms = calculate_rms(a, b)
    if rms <= IMAGE_TOLERANCE:
        return None
    changed = int((a != b).any(axis=-1).sum())
    return f"image differs: RMS {rms:.3f} (tolerance {IMAGE_TOLERANCE}), {changed} of {a.shape[0] * a.shape[1]} pixels"


EMBEDDED_PNG = re.compile(r"data:image/png;base64,([A-Za-z0-9+/=]+)")
"""A PNG inside HTML (a figure shown with its text alternative by ``show_figure``)."""


def html_differences(committed: str, fresh: str) -> list[str]:
    """HTML compared as a reader sees it: its text exactly, the PNGs it embeds by their pixels."""
    text_a, text_b = (EMBEDDED_PNG.sub("data:image/png;base64,...", t) for t in (committed, fresh))
    if text_a != text_b:
        return [text_difference(text_a, text_b)]
    found = []
    pairs = zip(EMBEDDED_PNG.findall(committed), EMBEDDED_PNG.findall(fresh), strict=True)
    for number, (a, b) in enumerate(pairs, start=1):
        difference = image_difference(a, b)
        if difference:
            found.append(f"embedded image {number} {difference}")
    return found


def _joined(value) -> str:
    return "".join(value) if isinstance(value, list) else value


def output_differences(committed: dict, fresh: dict) -> list[str]:
    kind = committed.get("output_type")
    if kind != fresh.get("output_type"):
        return [f"a {kind} output, fresh build {fresh.get('output_type')}"]
    if kind == "stream":
        if committed.get("name") != fresh.get("name"):
            return [f"printed to {committed.get('name')}, fresh build to {fresh.get('name')}"]
        a, b = _joined(committed.get("text", "")), _joined(fresh.get("text", ""))
        return [] if a == b else [f"{committed.get('name')} {text_difference(a, b)}"]
    if kind == "error":
        a = [committed.get("ename"), committed.get("evalue"), *committed.get("traceback", [])]
        b = [fresh.get("ename"), fresh.get("evalue"), *fresh.get("traceback", [])]
        return [] if a == b else [f"error {text_difference(chr(10).join(map(str, a)), chr(10).join(map(str, b)))}"]
    found = []
    if committed.get("execution_count") != fresh.get("execution_count"):
        found.append(f"Out[{committed.get('execution_count')}], fresh build Out[{fresh.get('execution_count')}]")
    if committed.get("metadata", {}) != fresh.get("metadata", {}):
        found.append("output metadata differs")
    data_a, data_b = committed.get("data", {}), fresh.get("data", {})
    if set(data_a) != set(data_b):
        return [*found, f"shows {sorted(data_a)}, fresh build {sorted(data_b)}"]
    for mime in sorted(data_a):
        a, b = _joined(data_a[mime]), _joined(data_b[mime])
        if mime.startswith("image/") and not mime.endswith("+xml"):
            difference = image_difference(a, b)
            if difference:
                found.append(f"{mime} {difference}")
        elif mime == "text/html" and isinstance(a, str) and EMBEDDED_PNG.search(a):
            found += [f"{mime} {d}" for d in html_differences(a, b)]
        elif a != b:
            text_a = a if isinstance(a, str) else json.dumps(a, sort_keys=True, indent=1)
            text_b = b if isinstance(b, str) else json.dumps(b, sort_keys=True, indent=1)
            found.append(f"{mime} {text_difference(text_a, text_b)}")
    return found


def cell_differences(committed: dict, fresh: dict) -> list[str]:
    if committed.get("cell_type") != fresh.get("cell_type"):
        return [f"a {committed.get('cell_type')} cell, fresh build a {fresh.get('cell_type')} cell"]
    found = []
    a, b = _joined(committed.get("source", "")), _joined(fresh.get("source", ""))
    if a != b:
        found.append(f"source {text_difference(a, b)}")
    if committed.get("metadata", {}) != fresh.get("metadata", {}):
        found.append(f"metadata {committed.get('metadata', {})}, fresh build {fresh.get('metadata', {})}")
    if committed.get("id") != fresh.get("id"):
        found.append(f"id {committed.get('id')!r}, fresh build {fresh.get('id')!r}")
    if committed.get("cell_type") != "code":
        return found
    if committed.get("execution_count") != fresh.get("execution_count"):
        found.append(f"In [{committed.get('execution_count')}], fresh build In [{fresh.get('execution_count')}]")
    outputs_a, outputs_b = committed.get("outputs", []), fresh.get("outputs", [])
    if len(outputs_a) != len(outputs_b):
        found.append(f"{len(outputs_a)} outputs, fresh build {len(outputs_b)}")
    for number, (out_a, out_b) in enumerate(zip(outputs_a, outputs_b, strict=False), start=1):
        found += [f"output {number}: {d}" for d in output_differences(out_a, out_b)]
    return found


def _normalised_metadata(metadata: dict) -> dict:
    metadata = json.loads(json.dumps(metadata))
    for key, fields in IGNORED_NOTEBOOK_METADATA.items():
        for name in fields:
            metadata.get(key, {}).pop(name, None)
    return metadata


def _cell_label(number: int, cell: dict) -> str:
    first = next((ln for ln in _joined(cell.get("source", "")).split("\n") if ln.strip()), "")
    return f"cell {number} ({cell.get('cell_type')}, {_short(first.strip(), 50)})"


def notebook_differences(committed: bytes, fresh: bytes) -> list[str]:
    """What a reader would see differ between two notebooks: cell by cell, output by output."""
    if committed == fresh:
        return []
    try:
        a = json.loads(committed.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as err:
        return [f"the committed notebook is not valid JSON ({err})"]
    b = json.loads(fresh.decode("utf-8"))
    found = []
    version_a, version_b = (f"{nb.get('nbformat')}.{nb.get('nbformat_minor')}" for nb in (a, b))
    if version_a != version_b:
        found.append(f"nbformat {version_a}, fresh build {version_b}")
    meta_a, meta_b = _normalised_metadata(a.get("metadata", {})), _normalised_metadata(b.get("metadata", {}))
    if meta_a != meta_b:
        keys = sorted(k for k in set(meta_a) | set(meta_b) if meta_a.get(k) != meta_b.get(k))
        found.append(f"notebook metadata differs in {keys}")
    cells_a, cells_b = a.get("cells", []), b.get("cells", [])
    shared = min(len(cells_a), len(cells_b))
    if len(cells_a) != len(cells_b):
        first = _cell_label(shared, (cells_a if len(cells_a) > shared else cells_b)[shared])
        where = "only in the committed file" if len(cells_a) > shared else "only in the fresh build"
        found.append(f"{len(cells_a)} cells, fresh build {len(cells_b)}: {first} on are {where}")
    for number, (cell_a, cell_b) in enumerate(zip(cells_a, cells_b, strict=False)):
        found += [f"{_cell_label(number, cell_a)}: {d}" for d in cell_differences(cell_a, cell_b)]
    return found


def zip_differences(committed: Path, fresh: Path) -> list[str]:
    """Member by member: the same names and permissions, notebooks as notebooks, the rest exactly.

    The zip's own bytes are not compared: another zlib may compress the same members differently.
    """
    try:
        with zipfile.ZipFile(committed) as za, zipfile.ZipFile(fresh) as zb:
            infos_a = {i.filename: i for i in za.infolist()}
            infos_b = {i.filename: i for i in zb.infolist()}
            found = [f"member {n} is not in the fresh build" for n in sorted(set(infos_a) - set(infos_b))]
            found += [f"member {n} is missing" for n in sorted(set(infos_b) - set(infos_a))]
            for name in sorted(set(infos_a) & set(infos_b)):
                ia, ib = infos_a[name], infos_b[name]
                if (ia.external_attr, ia.date_time) != (ib.external_attr, ib.date_time):
                    found.append(f"member {name}: permissions or date differ")
                compare = notebook_differences if name.endswith(".ipynb") else bytes_difference
                found += [f"member {name}: {d}" for d in compare(za.read(name), zb.read(name))]
            return found
    except zipfile.BadZipFile as err:
        return [f"the committed zip cannot be read ({err})"]


def file_differences(committed: Path, fresh: Path) -> list[str]:
    """How a committed generated file differs from its fresh counterpart, for a reader ([] if not)."""
    if committed.suffix == ".zip":
        return zip_differences(committed, fresh)
    a, b = committed.read_bytes(), fresh.read_bytes()
    return notebook_differences(a, b) if committed.suffix == ".ipynb" else bytes_difference(a, b)


def compare(committed: Path, fresh: Path, root: Path) -> list[str]:
    """Differences between a committed generated path and its fresh counterpart, as messages."""
    problems = []
    have, want = _files(committed), _files(fresh)
    for rel in sorted(want - have):
        problems.append(f"missing: {(committed / rel).relative_to(root)} (run python -m course build)")
    for rel in sorted(have - want):
        problems.append(f"unexpected: {(committed / rel).relative_to(root)} (not produced by the build)")
    for rel in sorted(have & want):
        found = file_differences(committed / rel, fresh / rel)
        if found:
            more = [f"... and {len(found) - MAX_DETAILS} more"] if len(found) > MAX_DETAILS else []
            details = "".join(f"\n    {d}" for d in [*found[:MAX_DETAILS], *more])
            problems.append(
                f"stale: {(committed / rel).relative_to(root)} differs from a fresh build "
                f"(edited by hand, or its source changed without a rebuild):{details}"
            )
    return problems


def check_source(lesson: str, root: Path) -> list[str]:
    nb = notebooks.read(root / layout.SOURCE / f"{lesson}.ipynb")
    dirty = notebooks.cells_with_outputs(nb)
    if dirty:
        return [f"dirty source: {layout.SOURCE}/{lesson}.ipynb has outputs in cells {dirty} (clear them)"]
    return []


def orphans(root: Path) -> list[str]:
    known = set(lessons.all_lessons(root))
    found = []
    for folder in (layout.NOTEBOOKS, layout.AUTOGRADER, layout.SOLUTIONS):
        for path in sorted((root / folder).glob("*")):
            name = path.stem if path.is_file() else path.name
            if lessons.LESSON_NAME.match(name) and name not in known:
                found.append(f"orphan: {path.relative_to(root)} has no source/{name}.ipynb")
    return found


def compare_lesson(lesson: str, root: Path, fresh_root: Path) -> list[str]:
    """Differences between a lesson's committed files under ``root`` and its build under ``fresh_root``."""
    found = []
    for committed, fresh in zip(
        layout.generated_paths(root, lesson), layout.generated_paths(fresh_root, lesson), strict=True
    ):
        found += compare(committed, fresh, root)
    return found


def problems(selectors: list[str] | None = None, root: Path = layout.ROOT, fresh_root: Path | None = None) -> list[str]:
    """Every problem of the chosen lessons (all by default), built afresh from ``root``'s sources;
    ``fresh_root`` names a build of them made already (the test suite builds each lesson once)."""
    chosen = lessons.resolve(selectors, root)
    found = [] if selectors else orphans(root)
    with tempfile.TemporaryDirectory(prefix="course-verify-") as tmp:
        for lesson in chosen:
            found += check_source(lesson, root)
            if fresh_root is None:
                try:
                    build_lesson(lesson, root, Path(tmp))
                except BuildError as err:
                    found.append(f"build failed: {err}")
                    continue
            found += compare_lesson(lesson, root, fresh_root or Path(tmp))
    return found


def main(selectors: list[str] | None = None, root: Path | None = None) -> int:
    found = problems(selectors, root or layout.ROOT)
    for line in found:
        print(line)
    if found:
        print(f"verify: {len(found)} problem(s); rebuild with `python -m course build` and commit.")
        return 1
    print("verify: all generated files match their sources.")
    return 0


def add_arguments(parser) -> None:
    parser.add_argument("lessons", nargs="*", help="lesson number or name (01, 01-warmup); default: all")


def run(args) -> int:
    return main(args.lessons)
