"""What the grader writes: ``grades.csv`` (row by row), per-student feedback, and the summary.

Messages come from the students' code (exception messages, printed text, file names), so every
piece of text is escaped for where it goes: :func:`plain` for the terminal (no control characters:
no escape sequences, no OSC 52 clipboard writes), :func:`markdown` for ``feedback/`` and
``summary/`` (no markup, no HTML, no comments), :func:`csv_text` for ``grades.csv`` (no formulas).
``results/`` keeps the data as it is, as JSON with every control and non-ASCII character escaped.
"""

from __future__ import annotations

import csv
import io
import json
import os
import re
import sys
import unicodedata
from collections import Counter
from pathlib import Path

from . import marks

STATUSES = ("ok", "timeout", "memory", "error", "invalid", "wrong-lesson")
DROPPED = {"Cc", "Cf", "Cs"}
"""Unicode categories removed from text: controls (ESC, BEL, DEL, C1), format characters (bidi
overrides, zero-width) and lone surrogates (which cannot even be written as UTF-8)."""
TEXT_CAP = 2000
MARKDOWN_SPECIAL = re.compile(r"([\\`*_~\[\]|$])")
"""Characters with a meaning inside a Markdown line (emphasis, code, links, tables, math); each is
backslash-escaped, and ``& < >`` become entities, so no HTML or comment can start."""
FORMULA_START = ("=", "+", "-", "@", "\uff1d", "\uff0b", "\uff0d", "\uff20", "'")
"""What makes a spreadsheet read a cell as a formula (with their full-width forms), and the quote
that marks an escaped cell (so that unescaping is exact)."""


def plain(text, cap: int = TEXT_CAP) -> str:
    """One line of printable text: runs of whitespace (newlines, tabs) become one space, and
    control and format characters are dropped."""
    text = "".join(ch for ch in str(text)[: 2 * cap] if ch.isspace() or unicodedata.category(ch) not in DROPPED)
    text = " ".join(text.split())
    return text if len(text) <= cap else text[: cap - 1] + "…"


def markdown(text, cap: int = TEXT_CAP) -> str:
    """Text shown as itself in a line of Markdown (and of the HTML it renders to)."""
    text = plain(text, cap).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return MARKDOWN_SPECIAL.sub(r"\\\1", text)


def csv_text(text, cap: int = TEXT_CAP) -> str:
    """A CSV cell that a spreadsheet shows as text: one starting like a formula gets a leading ``'``."""
    text = plain(text, cap)
    return "'" + text if text.startswith(FORMULA_START) else text


def csv_unescape(text: str) -> str:
    return text[1:] if text.startswith("'") else text


def sentence(message) -> str:
    """A check's message as the student should read it: without the ``AssertionError: `` the judge
    records in front of every failed assertion (the sentence is the message)."""
    text = str(message)
    return text[len("AssertionError: ") :] if text.startswith("AssertionError: ") else text


def columns(questions: list[str]) -> list[str]:
    """grades.csv's header; ``questions`` are all the lesson's questions, written ones included."""
    return [
        "name",
        "status",
        *questions,
        "total",
        "possible",
        "to_grade_by_hand",
        "hints",
        "message",
        "file",
        "sha256",
        "seconds",
    ]


def row(name: str, file: str, result: dict, questions: list[str], written=(), hint_penalty: float = 0.0) -> dict:
    """One grades.csv row. A written question reads "to grade by hand (k points)" until points for it
    are merged (``--manual``); ``total`` counts only the points given so far and ``to_grade_by_hand``
    the points still to give, so that no row looks complete before it is."""
    got = marks.marks(result, list(written), hint_penalty)
    out = {
        "name": csv_text(name),
        "status": csv_text(result["status"]),
        "file": csv_text(file),
        "sha256": csv_text(result.get("sha256", "")),
    }
    for q in questions:
        out[q] = got.cell(q) if q in got.possible else ""
    out.update(
        total=_num(got.total),
        possible=_num(got.possible_total),
        to_grade_by_hand=_num(got.pending_points),
        hints=str(sum(got.hints.values())),
        message=csv_text(result.get("message", ""), 300),
        seconds=csv_text(result.get("seconds", "")),
    )
    return out


def _num(x) -> str:
    return f"{x:g}"


class GradesCsv:
    """``DIR/grades.csv``: one row per submission, appended and flushed as each one finishes."""

    def __init__(self, path: Path, questions: list[str]):
        self.path = path
        self.fields = columns(questions)

    def existing(self) -> dict[str, dict] | None:
        """Rows already graded, by name; None if the file is for another lesson (other columns)."""
        if not self.path.exists():
            return {}
        with self.path.open(newline="", encoding="utf-8") as f:
            reader = csv.DictReader(f)
            if reader.fieldnames != self.fields:
                return None
            return {csv_unescape(r["name"]): r for r in reader}

    def rewrite(self, rows: list[dict]) -> None:
        tmp = self.path.with_suffix(".csv.tmp")
        with tmp.open("w", newline="", encoding="utf-8") as f:
            writer = csv.DictWriter(f, self.fields)
            writer.writeheader()
            writer.writerows(rows)
        os.replace(tmp, self.path)

    def append(self, values: dict) -> None:
        buf = io.StringIO()
        csv.DictWriter(buf, self.fields).writerow(values)
        with self.path.open("a", newline="", encoding="utf-8") as f:
            f.write(buf.getvalue())
            f.flush()
            os.fsync(f.fileno())


def feedback(name: str, lesson: str, result: dict, written=(), hint_penalty: float = 0.0) -> str:
    """A student's feedback in Markdown: points per question and the failure messages only (no test
    code, no mistake ids). Written questions read "to grade by hand" until their points are merged,
    and the score then says it is not complete."""
    md = markdown
    got = marks.marks(result, list(written), hint_penalty)
    score = f"{_num(got.total)} / {_num(got.possible_total)}"
    lines = [f"# {md(lesson)}: feedback for {md(name)}", ""]
    if got.pending:
        waiting = ", ".join(f"{md(q)} ({_num(got.possible[q])} points)" for q in got.pending)
        lines += [f"**Score so far: {score}**", "", f"Not counted yet: {waiting}, graded by hand.", ""]
    else:
        lines += [f"**Score: {score}**", ""]
    if result["status"] != "ok" or result.get("message"):
        lines += [f"Grading status: **{md(result['status'])}**. {md(result.get('message', ''), 600)}".rstrip(), ""]
    lines += ["| question | points |", "|---|---|"]
    for q in got.questions:
        points = got.points[q]
        if points is None:
            shown = f"to grade by hand ({_num(got.possible[q])} points)"
        elif q in got.written:
            shown = f"{_num(points)} / {_num(got.possible[q])} (graded by hand)"
        else:
            shown = f"{_num(points)} / {_num(got.possible[q])}"
        if q in got.penalty:
            shown += f" (−{_num(got.penalty[q])} for {got.hints[q]} hint{'s' * (got.hints[q] > 1)})"
        lines.append(f"| {md(q)} | {shown} |")
    lines.append("")
    for q, info in result["questions"].items():
        failed = [c for c in info["cases"] if not c["passed"]]
        if not failed:
            continue
        lines += [f"## {md(q)}: {_num(info['score'])} / {_num(info['possible'])}", ""]
        for i, case in enumerate(info["cases"], 1):
            if not case["passed"]:
                kind = "hidden check" if case["hidden"] else "check"
                lines.append(f"- {kind} {i}: {md(sentence(case['message']), 600) or 'failed'}")
        lines.append("")
    return "\n".join(lines)


def summary(
    lesson: str,
    results: dict[str, dict],
    questions: list[str],
    out: Path,
    isolation: str = "",
    written=(),
    hint_penalty: float = 0.0,
) -> str:
    """Write the class report (``summary/summary.md``, ``summary/index.html``, ``summary/summary.json``
    and the figures beside them); return a one-screen text summary for a terminal."""
    from . import class_report

    return class_report.write(lesson, results, questions, out, isolation, list(written), hint_penalty)


def save_result(out: Path, name: str, result: dict) -> None:
    (out / "results").mkdir(parents=True, exist_ok=True)
    # ensure_ascii: control characters (ESC...) and all non-ASCII ones are written as \uXXXX escapes
    text = json.dumps(result, indent=1, ensure_ascii=True)
    (out / "results" / f"{name}.json").write_text(text, encoding="utf-8")


def load_results(out: Path, names) -> dict[str, dict]:
    found = {}
    for name in names:
        path = out / "results" / f"{name}.json"
        try:
            found[name] = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
    return found


class Progress:
    """A one-line progress bar on a terminal; a line per submission otherwise."""

    def __init__(self, total: int, stream=None):
        self.total, self.done, self.stream = total, 0, stream or sys.stderr
        self.counts: Counter = Counter()
        self.tty = hasattr(self.stream, "isatty") and self.stream.isatty()

    def update(self, name: str, result: dict) -> None:
        self.done += 1
        self.counts[plain(result["status"], 40)] += 1
        if self.tty:
            width = 30
            filled = int(width * self.done / max(1, self.total))
            counts = " ".join(f"{k}={v}" for k, v in sorted(self.counts.items()))
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {counts}   ")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(
                f"[{self.done}/{self.total}] {plain(name, 200)}: {plain(result['status'], 40)} "
                f"{_num(result['total'])}/{_num(result['possible'])}\n"
            )
        self.stream.flush()
