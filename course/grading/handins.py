"""What a hand-in holds besides the values of its answers, read as data from its JSON (never run):
the text of its written answers, the hints its student was shown, and which question a cell belongs to.

Everything here comes from the student's file, so it is capped, type-checked and never trusted as more
than a statement: a student can delete the outputs that record hints (which is why hint use costs no
points unless ``course.toml`` says so), or type a written answer anywhere. A notebook that is not valid
JSON reads as having no written answers and no hints (its grading status already says why).
"""

from __future__ import annotations

import ast
import json
import re

PLACEHOLDER = "_Type your answer here, replacing this text._"
"""What Otter puts in a written answer cell of the student notebook."""
ANSWER_CAP = 20_000
"""Characters of one written answer kept (a page of text is about 3,000)."""
HINT_KEY = "course_hint"
MAX_HINT = 20
CHECK = re.compile(r"""grader\.check\(\s*["'](q\d+)["']\s*\)""")


def parse(data: bytes) -> dict | None:
    """The notebook as JSON data, or None when it is not a notebook."""
    try:
        nb = json.loads(data.decode("utf-8-sig"))
    except (UnicodeDecodeError, ValueError, RecursionError):
        return None
    return nb if isinstance(nb, dict) and isinstance(nb.get("cells"), list) else None


def _cells(nb: dict) -> list[dict]:
    return [c if isinstance(c, dict) else {} for c in nb.get("cells", [])]


def _source(cell: dict) -> str:
    src = cell.get("source", "")
    if isinstance(src, list):
        src = "".join(s for s in src if isinstance(s, str))
    return src if isinstance(src, str) else ""


def _tags(cell: dict) -> list:
    meta = cell.get("metadata") if isinstance(cell.get("metadata"), dict) else {}
    return meta.get("tags") if isinstance(meta.get("tags"), list) else []


def written_answers(nb: dict | None, written: list[dict]) -> dict[str, dict]:
    """Each written question's answer: ``{"qN": {"text": str, "state": "answered" | "placeholder" |
    "missing"}}``. Answer cells are the notebook's Markdown cells tagged ``otter_answer_cell``, taken in
    order, one per written question (as Otter lays them out)."""
    cells = [c for c in _cells(nb or {}) if c.get("cell_type") == "markdown" and "otter_answer_cell" in _tags(c)]
    answers = {}
    for i, question in enumerate(written):
        if i >= len(cells):
            answers[question["name"]] = {"text": "", "state": "missing"}
            continue
        text = _source(cells[i]).strip()[:ANSWER_CAP]
        state = "placeholder" if not text or text == PLACEHOLDER else "answered"
        answers[question["name"]] = {"text": "" if state == "placeholder" else text, "state": state}
    return answers


def hints_seen(nb: dict | None, questions: list[str]) -> dict[str, list[int]]:
    """The hints the notebook shows, by question: the numbers of the ``hint("qN")`` outputs it kept
    (output metadata ``{"course_hint": {"question": "qN", "number": K}}``), each counted once."""
    known = set(questions)
    seen: dict[str, set[int]] = {}
    for cell in _cells(nb or {}):
        outputs = cell.get("outputs") if isinstance(cell.get("outputs"), list) else []
        for output in outputs:
            meta = output.get("metadata") if isinstance(output, dict) else None
            hint = meta.get(HINT_KEY) if isinstance(meta, dict) else None
            if not isinstance(hint, dict):
                continue
            question, number = hint.get("question"), hint.get("number")
            if question in known and type(number) is int and 1 <= number <= MAX_HINT:
                seen.setdefault(question, set()).add(number)
    return {q: sorted(seen[q]) for q in questions if q in seen}


def answer_cells(nb: dict | None) -> dict[str, list[str]]:
    """The code answer cells (tagged ``otter_answer_cell``) of each question, by the ``grader.check``
    that follows them: {question: [source, ...]}."""
    found: dict[str, list[str]] = {}
    waiting: list[str] = []
    for cell in _cells(nb or {}):
        if cell.get("cell_type") != "code":
            continue
        if "otter_answer_cell" in _tags(cell):
            waiting.append(_source(cell).strip())
            continue
        match = CHECK.search(_source(cell))
        if match and waiting:
            found.setdefault(match.group(1), []).extend(waiting)
            waiting = []
    return found


def left_blank(nb: dict | None, released: dict | None) -> list[str]:
    """The questions whose answer cells are exactly as the student notebook was released (never
    touched): the student did not try them, which is not a mistake to count."""
    mine, blank = answer_cells(nb), answer_cells(released)
    return [q for q, cells in blank.items() if mine.get(q) == cells]


def cell_questions(nb: dict | None, index: int, answer_names: dict[str, list[str]]) -> list[str]:
    """The questions the notebook cell at ``index`` (its position among all cells) works on: the
    question whose ``grader.check`` comes next after it, and the questions whose answers it assigns."""
    cells = _cells(nb or {})
    if not isinstance(index, int) or not 0 <= index < len(cells):
        return []
    found = []
    for cell in cells[index + 1 :]:
        match = CHECK.search(_source(cell)) if cell.get("cell_type") == "code" else None
        if match:
            found.append(match.group(1))
            break
    assigned = _assigned_names(_source(cells[index]))
    for question, names in answer_names.items():
        if assigned & set(names) and question not in found:
            found.append(question)
    return sorted(found, key=lambda q: (len(q), q))


def _assigned_names(code: str) -> set[str]:
    """Names a cell assigns or defines at any level (its code is parsed, never run)."""
    if len(code) > 200_000:
        return set()
    try:
        tree = ast.parse(code)
    except (SyntaxError, ValueError, RecursionError, MemoryError):
        return set()
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Store):
            names.add(node.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.add(node.name)
    return names
