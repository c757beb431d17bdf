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


def columns(questions: list[str]) -> list[str]:
    return ["name", "status", *questions, "total", "possible", "message", "file", "sha256", "seconds"]


def row(name: str, file: str, result: dict, questions: list[str]) -> dict:
    out = {
        "name": csv_text(name),
        "status": csv_text(result["status"]),
        "file": csv_text(file),
        "sha256": csv_text(result.get("sha256", "")),
    }
    for q in questions:
        out[q] = _num(result["questions"][q]["score"])
    out.update(
        total=_num(result["total"]),
        possible=_num(result["possible"]),
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


def feedback(name: str, lesson: str, result: dict) -> str:
    """A student's feedback in Markdown: points per question and the failure messages only."""
    md = markdown
    lines = [
        f"# {md(lesson)}: feedback for {md(name)}",
        "",
        f"**Score: {_num(result['total'])} / {_num(result['possible'])}**",
        "",
    ]
    if result["status"] != "ok" or result.get("message"):
        lines += [f"Grading status: **{md(result['status'])}**. {md(result.get('message', ''), 600)}".rstrip(), ""]
    lines += ["| question | points |", "|---|---|"]
    for q, info in result["questions"].items():
        lines.append(f"| {md(q)} | {_num(info['score'])} / {_num(info['possible'])} |")
    lines.append("")
    for q, info in result["questions"].items():
        failed = [c for c in info["cases"] if not c["passed"]]
        if not failed:
            continue
        lines += [f"## {md(q)}: {_num(info['score'])} / {_num(info['possible'])}", ""]
        for i, case in enumerate(info["cases"], 1):
            if not case["passed"]:
                kind = "hidden check" if case["hidden"] else "check"
                lines.append(f"- {kind} {i}: {md(case['message'], 600) or 'failed'}")
        lines.append("")
    return "\n".join(lines)


def summary(lesson: str, results: dict[str, dict], questions: list[str], out: Path, isolation: str = "") -> str:
    """Write ``summary/summary.md`` and ``summary/scores.png``; return a one-screen text summary
    (the same lines, as plain text for a terminal)."""
    folder = out / "summary"
    folder.mkdir(parents=True, exist_ok=True)
    totals = [float(r["total"]) for r in results.values()]
    possible = max((float(r["possible"]) for r in results.values()), default=0.0)
    text = "\n".join(_summary_lines(lesson, results, questions, isolation, totals, possible, markdown))
    (folder / "summary.md").write_text(text + "\n\n![scores](scores.png)\n", encoding="utf-8")
    _histogram(totals, possible, folder / "scores.png", plain(lesson, 80))
    return "\n".join(_summary_lines(lesson, results, questions, isolation, totals, possible, plain))


def _summary_lines(lesson, results, questions, isolation, totals, possible, esc) -> list[str]:
    n = len(results)
    statuses = Counter(r["status"] for r in results.values())
    lines = [f"# {esc(lesson)}: {n} submission(s)", ""]
    if isolation:  # the sandbox mode, from the grader (never from a submission)
        lines += [f"Isolation: {esc(isolation)}", ""]
    lines.append("Status: " + ", ".join(f"{esc(s)} {c}" for s, c in statuses.most_common()))
    if totals:
        mean = sum(totals) / n
        lines.append(f"Mean score: {mean:.2f} / {_num(possible)}; full marks: {sum(t == possible for t in totals)}")
    lines += ["", "| question | mean points | full marks |", "|---|---|---|"]
    messages: Counter = Counter()
    for q in questions:
        scores = [r["questions"][q] for r in results.values()]
        full = sum(abs(s["score"] - s["possible"]) < 1e-9 for s in scores)
        mean_q = sum(s["score"] for s in scores) / max(1, n)
        lines.append(
            f"| {esc(q)} | {mean_q:.2f} / {_num(scores[0]['possible']) if scores else '-'} "
            f"| {full}/{n} ({100 * full / max(1, n):.0f}%) |"
        )
        for s in scores:
            for case in s["cases"]:
                if not case["passed"]:
                    messages[(q, plain(case["message"], 160))] += 1
    lines += ["", "Most common failure messages:", ""]
    for (q, message), count in messages.most_common(10):
        lines.append(f"- {count} × {esc(q)}: {esc(message)}")
    return lines


def _histogram(totals: list[float], possible: float, path: Path, lesson: str) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(6, 3))
    bins = max(1, min(20, int(possible) or 1))
    ax.hist(totals, bins=bins, range=(0, max(possible, 1)), color="tab:blue", edgecolor="white")
    ax.set_xlabel("total points")
    ax.set_ylabel("submissions")
    ax.set_title(f"{lesson}: scores")
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


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
