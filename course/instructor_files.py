"""What the build writes for the instructor beside the hidden tests, in ``autograder/NN-name/``.

- ``written.json``: the lesson's written (``manual: true``) questions, each
  ``{"name": "qN", "points": k, "prompt": "<the question's Markdown>", "rubric": {...}}``, the rubric being
  the ``rubric:`` mapping of the question's ``# BEGIN QUESTION`` cell (criteria with points, and a full,
  a partial and a zero sample answer). The local grader, the nbgrader conversion and the Gradescope zip
  read it; no student ever gets it.
- ``mistakes.json``: ``{"id": "01.q4.no-max-shift", "question": "q4", "message": "..."}`` for every
  ``Wrong(..., mistake="no-max-shift")`` of ``tests/variants/NN-name.py``. ``message`` is the part of the
  failure message that the variant is known to show; the grader names a failed check's mistake by it
  (:mod:`course.grading.mistakes`). The variants file is read as text (its syntax tree), never run.

Both are generated: edit the lesson source or the variants, then ``python -m course build``.
"""

from __future__ import annotations

import ast
import json
import re
from pathlib import Path

import yaml

from . import layout
from .errors import BuildError

WRITTEN = "written.json"
MISTAKES = "mistakes.json"
VARIANTS = Path("tests") / "variants"
MISTAKE_ID = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")
"""A mistake id within its question: lower-case words joined by single hyphens (``no-max-shift``)."""
SAMPLES = ("full", "partial", "zero")


def question_configs(nb: dict) -> list[tuple[dict, list[str]]]:
    """Each question's ``# BEGIN QUESTION`` config (YAML) and the Markdown of its prompt (the Markdown
    cells inside the question, before its solution), in order."""
    found, current, in_solution = [], None, False
    for cell in nb.get("cells", []):
        text = "".join(cell.get("source", ""))
        first = text.strip().split("\n", 1)[0].strip()
        if cell.get("cell_type") == "raw" and first.startswith("# "):
            marker = first[2:].strip()
            if marker == "BEGIN QUESTION":
                config = yaml.safe_load(text.strip().split("\n", 1)[1] if "\n" in text.strip() else "") or {}
                current = (config, [])
                found.append(current)
            elif marker == "BEGIN SOLUTION":
                in_solution = True
            elif marker == "END SOLUTION":
                in_solution = False
            elif marker == "END QUESTION":
                current = None
            continue
        if current is not None and not in_solution and cell.get("cell_type") == "markdown":
            current[1].append(text.strip())
    return found


def written_questions(lesson: str, root: Path = layout.ROOT) -> list[dict]:
    """The lesson's written questions, in order, as ``written.json`` lists them."""
    nb = json.loads((root / layout.SOURCE / f"{lesson}.ipynb").read_text(encoding="utf-8"))
    found = []
    for config, prompt in question_configs(nb):
        if config.get("manual") is not True:
            continue
        name = str(config.get("name", ""))
        entry = {"name": name, "points": float(config.get("points") or 0), "prompt": "\n\n".join(prompt)}
        if "rubric" in config:
            entry["rubric"] = config["rubric"]
        found.append(entry)
    return found


def rubric_problems(question: dict) -> list[str]:
    """What is wrong with a written question's rubric ([] when it is complete and adds up)."""
    name, points, rubric = question["name"], question["points"], question.get("rubric")
    if not isinstance(rubric, dict):
        return [f"{name}: no rubric (a `rubric:` mapping in its BEGIN QUESTION cell)"]
    problems = []
    criteria = rubric.get("criteria")
    if not isinstance(criteria, list) or not criteria:
        problems.append(f"{name}: the rubric has no criteria")
        criteria = []
    for i, item in enumerate(criteria, 1):
        if not (isinstance(item, dict) and _number(item.get("points")) and str(item.get("text", "")).strip()):
            problems.append(f"{name}: criterion {i} needs points (a number) and a text")
    total = sum(float(c["points"]) for c in criteria if isinstance(c, dict) and _number(c.get("points")))
    if criteria and abs(total - points) > 1e-9:
        problems.append(f"{name}: the criteria add up to {total:g} points, the question is worth {points:g}")
    samples = rubric.get("samples") if isinstance(rubric.get("samples"), dict) else {}
    for kind in SAMPLES:
        sample = samples.get(kind)
        if not (isinstance(sample, dict) and _number(sample.get("points")) and str(sample.get("answer", "")).strip()):
            problems.append(f"{name}: the rubric needs a {kind} sample answer with its points")
            continue
        got = float(sample["points"])
        wrong = {"full": got != points, "zero": got != 0, "partial": not 0 < got < points}[kind]
        if wrong:
            problems.append(f"{name}: the {kind} sample answer is given {got:g} of {points:g} points")
    return problems


def _number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool) and value >= 0


def _literal(node, what: str, where: str):
    try:
        return ast.literal_eval(node)
    except ValueError:
        raise BuildError(f"{where}: the {what} of a Wrong(...) must be a literal string") from None


def mistakes(lesson: str, root: Path = layout.ROOT) -> list[dict]:
    """Every named mistake of the lesson's variants, in file order, without repeats."""
    path = root / VARIANTS / f"{lesson}.py"
    if not path.exists():
        return []
    number = lesson.split("-", 1)[0]
    found, seen = [], set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "Wrong"):
            continue
        where = f"{path.relative_to(root)}:{node.lineno}"
        keywords = {k.arg: k.value for k in node.keywords}
        mistake = keywords.get("mistake")
        if mistake is None:
            continue  # not named yet: the test of the variants says which
        question = _literal(node.args[0] if node.args else keywords["question"], "question", where)
        message = _literal(node.args[2] if len(node.args) > 2 else keywords["message"], "message", where)
        name = _literal(mistake, "mistake", where)
        if not isinstance(name, str) or not MISTAKE_ID.match(name):
            raise BuildError(f"{where}: mistake={name!r} is not a kebab-case id (like 'no-max-shift')")
        entry = {"id": f"{number}.{question}.{name}", "question": question, "message": message}
        key = json.dumps(entry, sort_keys=True)
        if key not in seen:
            seen.add(key)
            found.append(entry)
    found.sort(key=lambda e: (len(e["question"]), e["question"]))  # stable: file order within a question
    return found


def dumps(value) -> bytes:
    return json.dumps(value, indent=1, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"


def write(lesson: str, src_root: Path, dest_root: Path) -> None:
    """Write ``written.json`` and ``mistakes.json`` into the lesson's ``autograder/`` folder."""
    folder = layout.autograder_dir(dest_root, lesson)
    folder.mkdir(parents=True, exist_ok=True)
    (folder / WRITTEN).write_bytes(dumps(written_questions(lesson, src_root)))
    (folder / MISTAKES).write_bytes(dumps(mistakes(lesson, src_root)))


def load_written(folder: Path) -> list[dict]:
    """``written.json`` of an ``autograder/NN-name/`` folder ([] when the lesson was built without it)."""
    path = Path(folder) / WRITTEN
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else []
