"""What the grader writes: ``grades.csv`` (row by row), per-student feedback, and the summary."""

from __future__ import annotations

import csv
import io
import json
import os
import sys
from collections import Counter
from pathlib import Path

STATUSES = ("ok", "timeout", "memory", "error", "invalid", "wrong-lesson")


def columns(questions: list[str]) -> list[str]:
    return ["name", "status", *questions, "total", "possible", "message", "file", "sha256", "seconds"]


def row(name: str, file: str, result: dict, questions: list[str]) -> dict:
    out = {"name": name, "status": result["status"], "file": file, "sha256": result.get("sha256", "")}
    for q in questions:
        out[q] = _num(result["questions"][q]["score"])
    out.update(
        total=_num(result["total"]),
        possible=_num(result["possible"]),
        message=" ".join(str(result.get("message", "")).split())[:300],
        seconds=result.get("seconds", ""),
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
            return {r["name"]: r for r in reader}

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
    lines = [
        f"# {lesson}: feedback for {name}",
        "",
        f"**Score: {_num(result['total'])} / {_num(result['possible'])}**",
        "",
    ]
    if result["status"] != "ok" or result.get("message"):
        lines += [f"Grading status: **{result['status']}**. {result.get('message', '')}".rstrip(), ""]
    lines += ["| question | points |", "|---|---|"]
    for q, info in result["questions"].items():
        lines.append(f"| {q} | {_num(info['score'])} / {_num(info['possible'])} |")
    lines.append("")
    for q, info in result["questions"].items():
        failed = [c for c in info["cases"] if not c["passed"]]
        if not failed:
            continue
        lines += [f"## {q}: {_num(info['score'])} / {_num(info['possible'])}", ""]
        for i, case in enumerate(info["cases"], 1):
            if not case["passed"]:
                kind = "hidden check" if case["hidden"] else "check"
                message = " ".join(case["message"].split()) or "failed"
                lines.append(f"- {kind} {i}: {message}")
        lines.append("")
    return "\n".join(lines)


def summary(lesson: str, results: dict[str, dict], questions: list[str], out: Path, isolation: str = "") -> str:
    """Write ``summary/summary.md`` and ``summary/scores.png``; return a one-screen text summary."""
    folder = out / "summary"
    folder.mkdir(parents=True, exist_ok=True)
    n = len(results)
    statuses = Counter(r["status"] for r in results.values())
    totals = [float(r["total"]) for r in results.values()]
    possible = max((float(r["possible"]) for r in results.values()), default=0.0)
    lines = [f"# {lesson}: {n} submission(s)", ""]
    if isolation:  # the sandbox mode, from the grader (never from a submission)
        lines += [f"Isolation: {isolation}", ""]
    lines.append("Status: " + ", ".join(f"{s} {c}" for s, c in statuses.most_common()))
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
            f"| {q} | {mean_q:.2f} / {_num(scores[0]['possible']) if scores else '-'} "
            f"| {full}/{n} ({100 * full / max(1, n):.0f}%) |"
        )
        for s in scores:
            for case in s["cases"]:
                if not case["passed"]:
                    messages[(q, " ".join(case["message"].split())[:160])] += 1
    lines += ["", "Most common failure messages:", ""]
    for (q, message), count in messages.most_common(10):
        lines.append(f"- {count} × {q}: {message}")
    text = "\n".join(lines)
    (folder / "summary.md").write_text(text + "\n\n![scores](scores.png)\n", encoding="utf-8")
    _histogram(totals, possible, folder / "scores.png", lesson)
    return text


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
    (out / "results" / f"{name}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")


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
        self.counts[result["status"]] += 1
        if self.tty:
            width = 30
            filled = int(width * self.done / max(1, self.total))
            counts = " ".join(f"{k}={v}" for k, v in sorted(self.counts.items()))
            self.stream.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {self.done}/{self.total} {counts}   ")
            if self.done == self.total:
                self.stream.write("\n")
        else:
            self.stream.write(
                f"[{self.done}/{self.total}] {name}: {result['status']} "
                f"{_num(result['total'])}/{_num(result['possible'])}\n"
            )
        self.stream.flush()
