"""Written questions in the local grader: the answers to read, the rubric beside them, and the points
given by hand merged back into the grades.

For each written question ``qN`` (``autograder/NN-name/written.json``), ``written/qN.md`` holds the
question, its rubric (criteria with points, and a full, a partial and a zero sample answer) and every
student's answer. ``written/manual-points.csv`` has a row per submission and a column per written
question: fill in the points, then ``python -m course grade ... --manual written/manual-points.csv``
merges them into ``grades.csv``, the feedback and the summary. The file is written again at each run
with the points merged so far, unless it holds points not merged yet (then it is left alone and the
grader says so).

Merging is all or nothing: a name that matches no graded submission, a question the lesson does not
have, or points that are not a number from 0 to the question's points stop it with a sentence, and
nothing is merged. A row whose ``sha256`` differs from the submission graded now (the student handed
in a new file since) is skipped with a warning: its answer must be read again. An empty cell means
"not graded yet" (it takes back points merged earlier).
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
from pathlib import Path

from .marks import num
from .reports import csv_text, csv_unescape, markdown, plain

FOLDER = "written"
POINTS = "manual-points.csv"
SPEC = "written.json"
"""The build's list of written questions, in ``autograder/NN-name/`` (``course/instructor_files.py``)."""


class ManualPointsError(ValueError):
    """The manual points file cannot be merged; the message says where and why."""


def load_written(folder: Path) -> list[dict]:
    """The written questions of an ``autograder/NN-name/`` folder ([] if the lesson has none, or was
    built before ``written.json`` existed)."""
    try:
        found = json.loads((Path(folder) / SPEC).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [w for w in found if isinstance(w, dict) and "name" in w and "points" in w]


# ---------------------------------------------------------------------------------- answers files
BLOCK_START = re.compile(r"^(#|-|\+|=|\d+[.)])")
"""What makes a line a heading, a list item or an underline in Markdown: escaped at a line's start."""


def _quoted(text: str) -> list[str]:
    """A student's answer as a Markdown block quote, every line shown as text (no markup of theirs)."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    return ["> " + BLOCK_START.sub(r"\\\1", markdown(line, 4000)) if line.strip() else ">" for line in lines]


def answers_markdown(lesson: str, question: dict, results: dict[str, dict]) -> str:
    q, points = question["name"], float(question["points"])
    lines = [
        f"# {markdown(lesson)}: {markdown(q)} ({num(points)} points, written), the answers to grade by hand",
        "",
        f"Give each answer its points in `{FOLDER}/{POINTS}` (column `{markdown(q)}`), then merge them with "
        f"`python -m course grade {markdown(lesson)} SUBMISSIONS --out DIR --manual DIR/{FOLDER}/{POINTS}`.",
        "",
        "## The question",
        "",
        question.get("prompt", "").strip() or "(no prompt text)",
        "",
        "## Rubric",
        "",
    ]
    lines += rubric_markdown(question)
    lines += [f"## The answers ({len(results)})", ""]
    for name in sorted(results):
        result = results[name]
        answer = result.get("written", {}).get(q, {"text": "", "state": "missing"})
        given = (result.get("manual") or {}).get(q)
        mark = f" · graded: {num(float(given))} / {num(points)}" if isinstance(given, (int, float)) else ""
        lines += [f"### {markdown(name, 200)}{mark}", ""]
        if answer.get("state") == "answered":
            lines += _quoted(answer.get("text", ""))
        elif answer.get("state") == "placeholder":
            lines.append("*Not answered: the cell still holds the placeholder text.*")
        elif result.get("status") in ("invalid", "wrong-lesson"):
            lines.append(f"*No answer: the file could not be graded ({markdown(result.get('status'))}).*")
        else:
            lines.append("*No answer cell was found in this notebook (its tags are missing): open the notebook.*")
        lines.append("")
    return "\n".join(lines)


def write_answers(out: Path, lesson: str, written: list[dict], results: dict[str, dict]) -> list[Path]:
    """``written/qN.md`` for each written question, and the points file; returns what was written."""
    if not written:
        return []
    folder = out / FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for question in written:
        path = folder / f"{plain(question['name'], 20)}.md"
        path.write_text(answers_markdown(lesson, question, results), encoding="utf-8")
        paths.append(path)
    points = folder / POINTS
    if unmerged(points, written, results):
        print(
            f"{points} holds points not merged yet: it is left as it is. Merge them with --manual {points}",
            flush=True,
        )
    else:
        _atomic_write(points, points_template(written, results))
        paths.append(points)
    return paths


def rubric_markdown(question: dict) -> list[str]:
    """A written question's rubric as Markdown lines: the criteria with their points, then the full,
    partial and zero sample answers (the instructor's own text, from the lesson source)."""
    rubric = question.get("rubric") if isinstance(question.get("rubric"), dict) else None
    if rubric is None:
        return ["This question has no rubric yet: add a `rubric:` to its `# BEGIN QUESTION` cell.", ""]
    lines = ["| points | criterion |", "|---|---|"]
    for item in rubric.get("criteria", []):
        lines.append(f"| {num(float(item['points']))} | {' '.join(str(item['text']).split())} |")
    lines.append("")
    for kind in ("full", "partial", "zero"):
        sample = rubric.get("samples", {}).get(kind)
        if isinstance(sample, dict):
            given = float(sample["points"])
            lines += [f"**A {kind} answer ({num(given)} point{'s' * (given != 1)}):**", ""]
            lines += ["> " + " ".join(str(sample["answer"]).split()), ""]
    return lines


# ---------------------------------------------------------------------------------- manual points
def points_template(written: list[dict], results: dict[str, dict]) -> str:
    """The points file: a row per submission, the points merged so far, empty cells to fill in."""
    names = [w["name"] for w in written]
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(["name", *names, "sha256"])
    for name in sorted(results):
        manual = results[name].get("manual") or {}
        cells = [num(float(manual[q])) if isinstance(manual.get(q), (int, float)) else "" for q in names]
        writer.writerow([csv_text(name), *cells, csv_text(results[name].get("sha256", ""))])
    return buffer.getvalue()


def read_points(path: Path, written: list[dict]) -> list[dict]:
    """The rows of a manual points file: ``{"name", "sha256", "points": {q: float | None}, "line"}``.

    Raises:
        ManualPointsError: the file cannot be read, has no ``name`` column or an unknown question's
            column, or holds points that are not a number from 0 to the question's points.
    """
    possible = {w["name"]: float(w["points"]) for w in written}
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise ManualPointsError(f"cannot read {path}: {err}") from None
    reader = csv.DictReader(io.StringIO(text))
    header = [h.strip() for h in reader.fieldnames or []]
    if "name" not in header:
        raise ManualPointsError(f"{path} has no 'name' column (the first row must name the columns)")
    if not possible:
        raise ManualPointsError(f"{path}: this lesson has no written questions to give points to")
    extra = [h for h in header if h not in ("name", "sha256", *possible) and h]
    if extra:
        raise ManualPointsError(
            f"{path}: column(s) {', '.join(extra)} are not written questions of this lesson ({', '.join(possible)})"
        )
    rows, problems = [], []
    for line, raw in enumerate(reader, start=2):
        record = {k.strip(): (v or "").strip() for k, v in raw.items() if k}
        name = csv_unescape(record.get("name", ""))
        if not name:
            continue
        points = {}
        for q in possible:
            if q not in record:
                continue
            value = record[q]
            if value == "":
                points[q] = None
                continue
            try:
                number = float(value.replace(",", "."))
            except ValueError:
                number = None
            if number is None or number != number or not 0 <= number <= possible[q]:
                problems.append(f"line {line} ({name}), {q}: {value!r} is not a number from 0 to {num(possible[q])}")
                continue
            points[q] = number
        rows.append({"name": name, "sha256": csv_unescape(record.get("sha256", "")), "points": points, "line": line})
    if problems:
        raise ManualPointsError(f"{path}: " + "; ".join(problems[:10]) + (" ..." if len(problems) > 10 else ""))
    return rows


def merge(rows: list[dict], results: dict[str, dict], path: Path) -> tuple[list[str], list[str]]:
    """Put the rows' points into the results (``result["manual"]``); returns (names changed, warnings).

    Raises:
        ManualPointsError: a row names no graded submission (nothing is merged then).
    """
    unknown = [r["name"] for r in rows if r["name"] not in results]
    if unknown:
        shown = ", ".join(plain(n, 60) for n in unknown[:10])
        raise ManualPointsError(
            f"{path}: {len(unknown)} name(s) match no graded submission in this folder: {shown}"
            " (the names are those of grades.csv)"
        )
    changed, warnings = [], []
    for row in rows:
        result = results[row["name"]]
        if row["sha256"] and row["sha256"] != result.get("sha256"):
            warnings.append(
                f"{plain(row['name'], 60)}: not merged (line {row['line']}): the submission changed since these "
                "points were given; read its new answer in written/ and give its points again"
            )
            continue
        manual = dict(result.get("manual") or {})
        for q, value in row["points"].items():
            if value is None:
                manual.pop(q, None)
            else:
                manual[q] = value
        if manual != (result.get("manual") or {}):
            result["manual"] = manual
            changed.append(row["name"])
    return changed, warnings


def unmerged(path: Path, written: list[dict], results: dict[str, dict]) -> bool:
    """True when the points file holds points that differ from those merged (edits not merged yet)."""
    if not path.exists():
        return False
    try:
        rows = read_points(path, written)
    except ManualPointsError:
        return True  # not ours to overwrite: the instructor is editing it
    for row in rows:
        merged = (results.get(row["name"], {}).get("manual") or {}) if row["name"] in results else {}
        for q, value in row["points"].items():
            if value is not None and merged.get(q) != value:
                return True
    return False


def _atomic_write(path: Path, text: str) -> None:
    tmp = path.with_suffix(path.suffix + ".tmp")
    tmp.write_text(text, encoding="utf-8")
    os.replace(tmp, path)
