"""Small, pure transformations of notebooks (each takes a notebook and returns a new one)."""

import copy
import hashlib

import nbformat

GENERATOR = "python -m course build"

KEEP_CELL_METADATA = ("deletable", "editable", "tags", "otter", "nbgrader")
"""Cell metadata worth keeping in generated notebooks; everything else (editor state) is dropped."""

GRADER_MARKERS = ("grader.check", "grader.export", "otter.Notebook(", "import otter", "grader =")
"""Lines that only make sense with Otter present: the grader set-up and the check calls."""

MARKER_SUFFIXES = ("# BEGIN SOLUTION", "# BEGIN SOLUTION NO PROMPT", "# END SOLUTION", "# SEED")
"""Otter Assign markers that are noise in an answer key."""


def read(path) -> nbformat.NotebookNode:
    return nbformat.read(str(path), as_version=4)


def write(nb: nbformat.NotebookNode, path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(nbformat.writes(nb) + "\n", encoding="utf-8")


def source_text(cell) -> str:
    src = cell.get("source", "")
    return "".join(src) if isinstance(src, list) else src


def _is_code(line: str) -> bool:
    return bool(line.strip()) and not line.strip().startswith("#")


def drop_grader_lines(nb):
    """Remove the Otter set-up and ``grader.check`` lines; drop cells left with no code."""
    nb = copy.deepcopy(nb)
    kept = []
    for cell in nb.cells:
        if cell.cell_type == "code":
            lines = source_text(cell).split("\n")
            if any(m in line for line in lines for m in GRADER_MARKERS):
                lines = [ln for ln in lines if not any(m in ln for m in GRADER_MARKERS)]
                if not any(_is_code(ln) for ln in lines):
                    continue
                cell.source = "\n".join(lines).strip("\n")
        kept.append(cell)
    nb.cells = kept
    return nb


def strip_assign_markers(nb):
    """Turn Otter's solution cells into plain code: drop prompt blocks and marker lines."""
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type != "code":
            continue
        out, in_prompt = [], False
        for line in source_text(cell).split("\n"):
            tail = line.rstrip()
            if tail.endswith("# BEGIN PROMPT"):
                in_prompt = True
            elif tail.endswith("# END PROMPT"):
                in_prompt = False
            elif not in_prompt and not tail.endswith(MARKER_SUFFIXES):
                out.append(line[: -len("# SOLUTION")].rstrip() if tail.endswith("# SOLUTION") else line)
        cell.source = "\n".join(out)
        cell.metadata.pop("tags", None)
    return nb


def clean_metadata(nb):
    """Keep only metadata that matters to a reader; drop editor and timing state."""
    nb = copy.deepcopy(nb)
    nb.metadata = {k: v for k, v in nb.metadata.items() if k in ("kernelspec", "language_info", "otter")}
    for cell in nb.cells:
        cell.metadata = {k: v for k, v in cell.metadata.items() if k in KEEP_CELL_METADATA}
        if cell.cell_type == "code":
            for out in cell.get("outputs", []):
                out.get("metadata", {}).pop("execution", None)
    return nb


def stable_ids(nb, salt: str):
    """Give every cell an id derived from its position, so rebuilds are byte-identical."""
    nb = copy.deepcopy(nb)
    nb.nbformat, nb.nbformat_minor = 4, 5
    for i, cell in enumerate(nb.cells):
        cell["id"] = hashlib.sha1(f"{salt}:{i}".encode()).hexdigest()[:12]
    return nb


def clear_outputs(nb):
    nb = copy.deepcopy(nb)
    for cell in nb.cells:
        if cell.cell_type == "code":
            cell.outputs, cell.execution_count = [], None
    return nb


def add_generated_note(nb, source_rel: str, what: str, at_end: bool = False):
    """Put a short 'generated from' note at the top (or, for students, at the end, out of their
    first view) and record provenance in the metadata."""
    nb = copy.deepcopy(nb)
    note = nbformat.v4.new_markdown_cell(
        f"<sub>{what} generated from `{source_rel}` by `{GENERATOR}`. "
        "Maintainers: edit the source, not this file.</sub>"
    )
    note.metadata = {"deletable": False, "editable": False, "tags": ["generated-note"]}
    nb.cells.insert(len(nb.cells) if at_end else 0, note)
    nb.metadata["course"] = {"generated_from": source_rel, "generator": GENERATOR}
    return nb


def cells_with_outputs(nb) -> list[int]:
    """Indexes of code cells that carry outputs or execution counts (a source must have none)."""
    return [
        i
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
