"""The class report: what a batch of submissions says about the class, for the instructor.

:func:`stats` turns the saved results into numbers (``summary/summary.json``); the same numbers are
written as ``summary/index.html`` (one self-contained page, readable offline, to project in class),
``summary/summary.md`` (with the figures as PNG files beside it) and a short text for the terminal:

- per question: how many students got full marks, part or none, the mistakes they made (one per
  student and question: :mod:`course.grading.mistakes`), how many students made each and the message
  they saw, the messages no known mistake explains, and how many hints they used;
- what to reteach: the mistakes most students made, across the lesson;
- the scores, the statuses (each file-level problem once, with the submissions it concerns and the
  questions a time limit cut) and the time each submission took.

Counts are of students (submissions), never of checks. Shares are of all submissions. Names of
students appear only in the last section, folded away, so the page can be projected. Every piece of
text that came from a submission (messages, names) is escaped for where it goes (:mod:`reports`).
"""

from __future__ import annotations

import base64
import html
import io
import json
import statistics
from collections import Counter
from pathlib import Path

from . import marks as marks_
from .reports import markdown, plain, sentence

PALETTE = {
    "full": "#0072B2",  # Okabe-Ito blue
    "partial": "#E69F00",  # orange
    "zero": "#D55E00",  # vermillion
    "not run": "#999999",  # grey
    "bar": "#0072B2",
    "time": "#009E73",  # bluish green
}
"""Okabe and Ito's colour-blind-safe palette (distinct in the common colour-vision deficiencies)."""
TOP = 10
MESSAGE_CAP = 300


# ---------------------------------------------------------------------------------- the numbers
def _file_level(result: dict, entry: dict) -> bool:
    """True when a question only failed with the submission's own file-level message (the notebook could
    not be read or run): it says nothing about that question."""
    message = result.get("message")
    cases = entry.get("cases", [])
    return (
        result.get("status") != "ok"
        and bool(cases)
        and all(not c.get("passed") and c.get("message") == message for c in cases)
    )


def _question_label(q: str) -> str:
    digits = "".join(ch for ch in q if ch.isdigit())
    return f"question {digits}" if digits else q


def stats(
    lesson: str, results: dict[str, dict], questions: list[str], written: list[dict], hint_penalty: float = 0.0
) -> dict:
    """The class in numbers (JSON-ready): see the module docstring."""
    names = sorted(results)
    n = len(names)
    got = {name: marks_.marks(results[name], written, hint_penalty) for name in names}
    per_question = []
    counted: dict[str, dict] = {}
    for q in questions:
        full = partial = zero = not_run = blank = 0
        points, mistakes, other = [], {}, {}
        hints = Counter()
        for name in names:
            result = results[name]
            entry = result.get("questions", {}).get(q)
            if entry is None:
                continue
            hints[len(result.get("hints", {}).get(q, []))] += 1
            points.append(got[name].points.get(q) or 0.0)
            if _file_level(result, entry):
                not_run += 1
                continue
            score, possible = float(entry.get("score", 0)), float(entry.get("possible", 0))
            if abs(score - possible) < 1e-9:
                full += 1
                continue
            partial += score > 1e-9
            zero += score <= 1e-9
            if q in result.get("blank", []):
                blank += 1  # not tried: no mistake to count
                continue
            ids = [m for m in result.get("mistakes", []) if m.split(".")[1:2] == [q]]
            failed = [c for c in entry.get("cases", []) if not c.get("passed")]
            if ids:
                case = next((c for c in failed if c.get("mistake") == ids[0]), failed[0] if failed else {})
                slot = mistakes.setdefault(ids[0], {"students": [], "messages": Counter()})
            else:
                case = failed[0] if failed else {}
                key = plain(sentence(case.get("message", "")), MESSAGE_CAP) or "failed"
                slot = other.setdefault(key, {"students": [], "messages": Counter()})
            slot["students"].append(name)
            slot["messages"][plain(sentence(case.get("message", "")), MESSAGE_CAP) or "failed"] += 1
        possible = next(
            (float(results[m]["questions"][q]["possible"]) for m in names if q in results[m]["questions"]), 0.0
        )
        rows = [_mistake_row(key, slot, n) for key, slot in mistakes.items()]
        rows.sort(key=lambda r: (-r["students"], r["id"]))
        for row in rows:
            counted[row["id"]] = {**row, "question": q}
        others = [{"message": k, "students": len(v["students"]), "names": v["students"]} for k, v in other.items()]
        others.sort(key=lambda r: (-r["students"], r["message"]))
        per_question.append(
            {
                "question": q,
                "points": possible,
                "full": full,
                "partial": partial,
                "zero": zero,
                "not_run": not_run,
                "blank": blank,
                "mean": round(sum(points) / n, 3) if n else 0.0,
                "mistakes": rows,
                "other": others,
                "hints": {str(k): v for k, v in sorted(hints.items())},
            }
        )
    reteach = sorted(counted.values(), key=lambda r: (-r["students"], marks_.question_order(r["question"]), r["id"]))
    totals = [got[name].total for name in names]
    seconds = {name: float(results[name].get("seconds", 0) or 0) for name in names}
    return {
        "lesson": lesson,
        "submissions": n,
        "possible": got[names[0]].possible_total if names else 0.0,
        "by_hand": sum(float(w["points"]) for w in written),
        "mean": round(sum(totals) / n, 3) if n else 0.0,
        "median": statistics.median(totals) if totals else 0.0,
        "full_marks": sum(1 for name in names if all(_full(got[name], q) for q in questions)),
        "pending": sum(1 for name in names if got[name].pending),
        "scores": {name: got[name].total for name in names},
        "questions": per_question,
        "written": [_written_stats(w, results, got, names) for w in written],
        "reteach": reteach[:TOP],
        "statuses": _statuses(results, names),
        "seconds": seconds,
        "hint_penalty": hint_penalty,
    }


def _full(marks: marks_.Marks, question: str) -> bool:
    return abs((marks.points.get(question) or 0.0) - marks.possible[question]) < 1e-6


def _mistake_row(mistake: str, slot: dict, n: int) -> dict:
    message, _ = slot["messages"].most_common(1)[0]
    students = len(slot["students"])
    return {
        "id": mistake,
        "students": students,
        "share": round(students / n, 4) if n else 0.0,
        "message": message,
        "messages": len(slot["messages"]),
        "names": slot["students"],
    }


def _written_stats(question: dict, results: dict, got: dict, names: list[str]) -> dict:
    q = question["name"]
    states = Counter(results[name].get("written", {}).get(q, {}).get("state", "missing") for name in names)
    graded = [got[name].points[q] for name in names if got[name].points.get(q) is not None]
    return {
        "question": q,
        "points": float(question["points"]),
        "answered": states.get("answered", 0),
        "placeholder": states.get("placeholder", 0),
        "missing": states.get("missing", 0),
        "graded": len(graded),
        "mean": round(sum(graded) / len(graded), 3) if graded else None,
    }


def _statuses(results: dict, names: list[str]) -> dict:
    """Each status, with the submissions it concerns (those other than a clean ``ok``): what happened,
    once per submission, and which questions a time limit cut."""
    found: dict[str, dict] = {}
    for name in names:
        result = results[name]
        status = str(result.get("status", "error"))
        slot = found.setdefault(status, {"count": 0, "submissions": []})
        slot["count"] += 1
        if status == "ok" and not result.get("message"):
            continue
        slot["submissions"].append(
            {"name": name, "message": plain(result.get("message", ""), MESSAGE_CAP), "cut": _cut(result)}
        )
    order = ["ok", "timeout", "memory", "error", "invalid", "wrong-lesson"]
    return {s: found[s] for s in sorted(found, key=lambda s: (order.index(s) if s in order else 99, s))}


def _cut(result: dict) -> str:
    """Which questions a time limit cut, in words ("" when none did)."""
    stop = result.get("stopped") or {}
    if stop.get("all"):
        where = f" in cell {stop['cell']}" if "cell" in stop else ""
        return f"every question (the notebook was stopped{where})"
    parts = []
    for cell in stop.get("cells", []):
        qs = cell.get("questions") or []
        what = f"{', '.join(qs)} may be incomplete" if qs else "it holds no answer, so no question lost points to it"
        parts.append(f"cell {cell.get('index')} stopped: {what}")
    if stop.get("checks"):
        parts.append("checks stopped: " + ", ".join(stop["checks"]))
    return "; ".join(parts)


# ---------------------------------------------------------------------------------- figures
def _figures(data: dict, folder: Path) -> dict[str, dict]:
    """Draw the report's figures as PNG files in ``folder``; return {key: {file, alt, png}}."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    plt.rcParams.update({"font.size": 12, "axes.spines.top": False, "axes.spines.right": False})
    figures = {}

    def save(key: str, fig, alt: str, caption: str) -> None:
        buffer = io.BytesIO()
        fig.tight_layout()
        fig.savefig(buffer, format="png", dpi=100, metadata={"Software": None})
        plt.close(fig)
        png = buffer.getvalue()
        (folder / f"{key}.png").write_bytes(png)
        figures[key] = {"file": f"{key}.png", "alt": alt, "caption": caption, "png": png}

    lesson, n = plain(data["lesson"], 80), data["submissions"]
    questions = data["questions"]
    if questions:
        fig, ax = plt.subplots(figsize=(8, 0.5 * len(questions) + 1.6))
        labels = [q["question"] for q in questions][::-1]
        left = [0] * len(questions)
        for kind, key in (("full marks", "full"), ("part", "partial"), ("no points", "zero"), ("not run", "not_run")):
            values = [q[key] for q in questions][::-1]
            colour = PALETTE["not run" if key == "not_run" else key]
            bars = ax.barh(labels, values, left=left, color=colour, label=kind, edgecolor="white")
            for bar, value in zip(bars, values, strict=True):
                if value:
                    ax.text(
                        bar.get_x() + bar.get_width() / 2,
                        bar.get_y() + bar.get_height() / 2,
                        str(value),
                        ha="center",
                        va="center",
                        color="black" if key in ("partial", "not_run") else "white",
                    )
            left = [a + b for a, b in zip(left, values, strict=True)]
        ax.set_xlabel("students")
        ax.set_xlim(0, max(1, n))
        ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.25), ncol=4, frameon=False)
        ax.set_title(f"{lesson}: points per question")
        alt = "Students per question with full marks, part of the points, no points, or not run: " + "; ".join(
            f"{q['question']}: {q['full']} full, {q['partial']} part, {q['zero']} none, {q['not_run']} not run"
            for q in questions
        )
        save("questions", fig, alt + ".", "Students per question by points; the table below has the numbers.")
    reteach = data["reteach"]
    if reteach:
        fig, ax = plt.subplots(figsize=(8, 0.45 * len(reteach) + 1.2))
        labels = [f"{r['question']} · {r['id'].split('.', 2)[-1]}" for r in reteach][::-1]
        values = [r["students"] for r in reteach][::-1]
        bars = ax.barh(labels, values, color=PALETTE["bar"])
        ax.bar_label(bars, padding=3)
        ax.set_xlabel("students")
        ax.set_xlim(0, max(values) * 1.15 + 0.5)
        ax.xaxis.get_major_locator().set_params(integer=True)
        ax.set_title(f"{lesson}: the most common mistakes")
        alt = "Students per mistake, most common first: " + "; ".join(f"{r['id']}: {r['students']}" for r in reteach)
        save("mistakes", fig, alt + ".", "Students per mistake, most common first; the list above has the numbers.")
    if n:
        possible = data["possible"]
        scores = list(data["scores"].values())
        fig, ax = plt.subplots(figsize=(8, 3.2))
        top = max(possible, max(scores), 1)
        bins = [x - 0.5 for x in range(int(top) + 2)] if top <= 40 else 20
        ax.hist(scores, bins=bins, color=PALETTE["bar"], edgecolor="white")
        ax.set_xlabel(f"total points (out of {possible:g})")
        ax.set_ylabel("students")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_title(f"{lesson}: scores")
        counts = Counter(scores)
        alt = "Histogram of total points: " + "; ".join(
            f"{score:g} point{'s' * (score != 1)}: {_students(count)}" for score, count in sorted(counts.items())
        )
        save("scores", fig, alt + ".", f"Total points of each student, out of {possible:g}.")
        seconds = list(data["seconds"].values())
        fig, ax = plt.subplots(figsize=(8, 3.2))
        ax.hist(seconds, bins=min(20, max(1, len(seconds))), color=PALETTE["time"], edgecolor="white")
        ax.set_xlabel("seconds to grade one submission")
        ax.set_ylabel("submissions")
        ax.yaxis.get_major_locator().set_params(integer=True)
        ax.set_title(f"{lesson}: time per submission")
        alt = (
            f"Histogram of the seconds each submission took to grade: median {statistics.median(seconds):.1f} s, "
            f"shortest {min(seconds):.1f} s, longest {max(seconds):.1f} s."
        )
        save("time", fig, alt, "Seconds each submission took to grade.")
    return figures


# ---------------------------------------------------------------------------------- writing
def write(
    lesson: str,
    results: dict[str, dict],
    questions: list[str],
    out: Path,
    isolation: str = "",
    written: list[dict] | None = None,
    hint_penalty: float = 0.0,
) -> str:
    """Write ``summary/`` (JSON, HTML, Markdown, figures); return the terminal's text."""
    written = written or []
    folder = out / "summary"
    folder.mkdir(parents=True, exist_ok=True)
    data = stats(lesson, results, questions, written, hint_penalty)
    data["isolation"] = isolation
    (folder / "summary.json").write_text(json.dumps(data, indent=1, ensure_ascii=True) + "\n", encoding="utf-8")
    figures = _figures(data, folder)
    (folder / "summary.md").write_text(to_markdown(data, figures), encoding="utf-8")
    (folder / "index.html").write_text(to_html(data, figures), encoding="utf-8")
    return to_text(data)


def _students(count: int) -> str:
    return f"{count} student{'s' * (count != 1)}"


def _pct(count: int, n: int) -> str:
    return f"{100 * count / n:.0f} %" if n else "-"


def _hints_text(hints: dict) -> str:
    """How many students saw how many hints: "1 hint: 3 students; 2 hints: 1" ("none" if nobody did)."""
    used = sorted((int(k), v) for k, v in hints.items() if int(k) > 0)
    if not used:
        return "none"
    first, *rest = used
    parts = [f"{first[0]} hint{'s' * (first[0] != 1)}: {_students(first[1])}"]
    parts += [f"{k} hint{'s' * (k != 1)}: {v}" for k, v in rest]
    return "; ".join(parts)


def _headline(data: dict) -> list[str]:
    n = data["submissions"]
    so_far = " so far" if data["pending"] else ""
    lines = [
        f"Mean score{so_far} {data['mean']:.2f} / {data['possible']:g} (median {data['median']:g}); "
        f"full marks on the auto-graded questions: {data['full_marks']} of {n}"
    ]
    pending = [w for w in data["written"] if w["graded"] < n]
    if pending:
        lines.append(
            "Graded by hand, not counted yet: "
            + ", ".join(f"{w['question']} ({w['points']:g} points, {n - w['graded']} of {n} to grade)" for w in pending)
        )
    statuses = ", ".join(f"{s} {v['count']}" for s, v in data["statuses"].items())
    lines.append(f"Statuses: {statuses}")
    return lines


def to_text(data: dict) -> str:
    """The terminal's summary (plain text)."""
    n = data["submissions"]
    lines = [f"# {plain(data['lesson'], 80)}: {n} submission(s)", ""]
    if data.get("isolation"):
        lines += [f"Isolation: {plain(data['isolation'])}", ""]
    lines += [plain(line) for line in _headline(data)]
    lines += ["", "| question | mean points | full marks |", "|---|---|---|"]
    for q in data["questions"]:
        full = f"{q['full']}/{n} ({_pct(q['full'], n)})"
        lines.append(f"| {plain(q['question'])} | {q['mean']:.2f} / {q['points']:g} | {full} |")
    if data["reteach"]:
        lines += ["", "What to reteach (students):"]
        for r in data["reteach"][:5]:
            lines.append(f"- {r['students']} × {plain(r['id'])}: {plain(r['message'], 160)}")
    problems = [(s, x) for s, v in data["statuses"].items() for x in v["submissions"]]
    if problems:
        lines += ["", "Submissions that need a look:"]
        for status, item in problems[:15]:
            cut = f" [cut: {plain(item['cut'])}]" if item["cut"] else ""
            lines.append(f"- {plain(item['name'], 80)}: {plain(status)}: {plain(item['message'], 160)}{cut}")
        if len(problems) > 15:
            lines.append(f"- ... and {len(problems) - 15} more (summary/index.html)")
    return "\n".join(lines)


def to_markdown(data: dict, figures: dict) -> str:
    md = markdown
    n = data["submissions"]
    lines = [f"# {md(data['lesson'])}: class report, {n} submission(s)", ""]
    if data.get("isolation"):
        lines += [f"Isolation: {md(data['isolation'])}", ""]
    lines += [md(line) for line in _headline(data)]
    lines += ["", "The same report as one page to open in a browser or project: [index.html](index.html).", ""]
    lines += ["## What to reteach", ""]
    if data["reteach"]:
        lines.append(f"The mistakes most students made (shares of all {n} submissions):")
        lines.append("")
        for i, r in enumerate(data["reteach"], 1):
            lines.append(
                f"{i}. **{_students(r['students'])}, {_pct(r['students'], n)}**, {md(r['question'])} "
                f"(`{md(r['id'])}`): {md(r['message'])}"
            )
        lines.append("")
        if "mistakes" in figures:
            lines += [f"![{md(figures['mistakes']['alt'], 4000)}](mistakes.png)", ""]
    else:
        lines += ["No known mistake was made.", ""]
    lines += ["## Question by question", ""]
    if "questions" in figures:
        lines += [f"![{md(figures['questions']['alt'], 4000)}](questions.png)", ""]
    lines += [
        "| question | points | full marks | part | none | left blank | not run | mean | hints used |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for q in data["questions"]:
        lines.append(
            f"| {md(q['question'])} | {q['points']:g} | {q['full']} ({_pct(q['full'], n)}) | {q['partial']} | "
            f"{q['zero']} | {q['blank']} | {q['not_run']} | {q['mean']:.2f} | {_hints_text(q['hints'])} |"
        )
    for w in data["written"]:
        mean = "" if w["mean"] is None else f", mean {w['mean']:.2f}"
        lines.append(
            f"| {md(w['question'])} (written) | {w['points']:g} | graded by hand: {w['graded']} of {n}{mean} | "
            f"answered: {w['answered']} | blank: {w['placeholder'] + w['missing']} | | | | |"
        )
    lines.append("")
    for q in data["questions"]:
        lines += [f"### {md(q['question'])} ({q['points']:g} points)", ""]
        if q["blank"]:
            lines += [f"Left blank by {_students(q['blank'])} (not counted as mistakes).", ""]
        if q["mistakes"]:
            lines += ["| students | mistake | the message they saw |", "|---|---|---|"]
            for r in q["mistakes"]:
                more = f" ({r['messages']} wordings)" if r["messages"] > 1 else ""
                lines.append(f"| {r['students']} | `{md(r['id'])}` | {md(r['message'])}{more} |")
            lines.append("")
        if q["other"]:
            lines += ["Messages no known mistake explains:", ""]
            for r in q["other"]:
                lines.append(f"- {_students(r['students'])}: {md(r['message'])}")
            lines.append("")
        if not q["mistakes"] and not q["other"]:
            lines += ["No mistakes.", ""]
    lines += ["## Scores", ""]
    if "scores" in figures:
        lines += [f"![{md(figures['scores']['alt'], 4000)}](scores.png)", ""]
    lines += ["## Time per submission", ""]
    if "time" in figures:
        lines += [f"![{md(figures['time']['alt'], 4000)}](time.png)", ""]
    lines += ["## Submissions that need a look", ""]
    lines += _problems_markdown(data)
    return "\n".join(lines) + "\n"


def _problems_markdown(data: dict) -> list[str]:
    md = markdown
    rows = [(s, x) for s, v in data["statuses"].items() for x in v["submissions"]]
    if not rows:
        return ["Every submission was graded without a problem.", ""]
    lines = ["| submission | status | what happened | questions a time limit cut |", "|---|---|---|---|"]
    for status, item in rows:
        lines.append(f"| {md(item['name'], 120)} | {md(status)} | {md(item['message'])} | {md(item['cut'])} |")
    slow = sorted(data["seconds"].items(), key=lambda kv: -kv[1])[:5]
    lines += ["", "Slowest: " + ", ".join(f"{md(name, 120)} {s:.1f} s" for name, s in slow), ""]
    return lines


# ---------------------------------------------------------------------------------- HTML
CSS = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; font-size: 18px;
  line-height: 1.45; color: #1a1a1a; background: #fff; margin: 0; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 2rem; margin-bottom: 0.2rem; } h2 { margin-top: 2.5rem; border-bottom: 2px solid #ddd; }
.lead { font-size: 1.2rem; } .muted { color: #555; }
table { border-collapse: collapse; margin: 0.8rem 0; width: 100%; }
th, td { border: 1px solid #ccc; padding: 0.35rem 0.6rem; text-align: left; vertical-align: top; }
th { background: #f2f2f2; } td.n { text-align: right; white-space: nowrap; }
code { font-size: 0.85em; background: #f4f4f4; padding: 0 0.2em; } td code { white-space: nowrap; }
figure { margin: 1rem 0; } figure img { max-width: 100%; height: auto; }
figcaption { font-size: 0.9rem; color: #444; }
ol.reteach li { margin-bottom: 0.8rem; }
blockquote { margin: 0.3rem 0 0 0; padding-left: 0.8rem; border-left: 4px solid #0072B2; }
nav a { margin-right: 1rem; } details summary { cursor: pointer; font-weight: 600; }
"""


def _e(text, cap: int = MESSAGE_CAP) -> str:
    return html.escape(plain(text, cap), quote=True)


def _figure(figures: dict, key: str) -> str:
    if key not in figures:
        return ""
    fig = figures[key]
    data = base64.b64encode(fig["png"]).decode("ascii")
    alt, caption = _e(fig["alt"], 4000), _e(fig["caption"])
    return f'<figure><img src="data:image/png;base64,{data}" alt="{alt}"><figcaption>{caption}</figcaption></figure>'


def to_html(data: dict, figures: dict) -> str:
    n = data["submissions"]
    lesson = _e(data["lesson"], 80)
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en"><head><meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f"<title>{lesson}: class report</title><style>{CSS}</style></head><body><main>",
        f"<h1>{lesson}: class report</h1>",
        f'<ul class="lead"><li>{_students(n)} handed in</li>'
        + "".join(f"<li>{_e(line)}</li>" for line in _headline(data))
        + "</ul>",
    ]
    if data.get("isolation"):
        parts.append(f'<p class="muted">Isolation: {_e(data["isolation"], 600)}</p>')
    parts.append(
        '<nav><a href="#reteach">What to reteach</a><a href="#questions">Questions</a>'
        '<a href="#scores">Scores</a><a href="#time">Time</a><a href="#submissions">Submissions</a></nav>'
    )
    parts.append('<section id="reteach"><h2>What to reteach</h2>')
    if data["reteach"]:
        parts.append(f"<p>The mistakes most students made, as shares of all {n} submissions.</p>")
        parts.append('<ol class="reteach">')
        for r in data["reteach"]:
            parts.append(
                f"<li><strong>{_students(r['students'])}, {_pct(r['students'], n)}</strong> · "
                f"{_e(_question_label(r['question']))} · <code>{_e(r['id'])}</code>"
                f"<blockquote>{_e(r['message'])}</blockquote></li>"
            )
        parts.append("</ol>")
        parts.append(_figure(figures, "mistakes"))
    else:
        parts.append("<p>No known mistake was made.</p>")
    parts.append("</section>")
    parts.append('<section id="questions"><h2>Question by question</h2>')
    parts.append(_figure(figures, "questions"))
    parts.append(
        "<table><thead><tr><th>question</th><th>points</th><th>full marks</th><th>part</th><th>none</th>"
        "<th>left blank</th><th>not run</th><th>mean</th><th>hints used</th></tr></thead><tbody>"
    )
    for q in data["questions"]:
        parts.append(
            f'<tr><td><a href="#{_e(q["question"])}">{_e(q["question"])}</a></td><td class="n">{q["points"]:g}</td>'
            f'<td class="n">{q["full"]} ({_pct(q["full"], n)})</td><td class="n">{q["partial"]}</td>'
            f'<td class="n">{q["zero"]}</td><td class="n">{q["blank"]}</td><td class="n">{q["not_run"]}</td>'
            f'<td class="n">{q["mean"]:.2f}</td>'
            f"<td>{_e(_hints_text(q['hints']))}</td></tr>"
        )
    for w in data["written"]:
        mean = "" if w["mean"] is None else f", mean {w['mean']:.2f}"
        parts.append(
            f'<tr><td>{_e(w["question"])} (written)</td><td class="n">{w["points"]:g}</td>'
            f'<td colspan="7">graded by hand: {w["graded"]} of {n}{mean}; answered: {w["answered"]}, '
            f"blank: {w['placeholder'] + w['missing']} (answers: <code>written/{_e(w['question'])}.md</code>)</td></tr>"
        )
    parts.append("</tbody></table>")
    for q in data["questions"]:
        title = _e(_question_label(q["question"]).capitalize())
        parts.append(f'<h3 id="{_e(q["question"])}">{title} · {q["points"]:g} points</h3>')
        parts.append(
            f"<p>Full marks: {q['full']} of {n} ({_pct(q['full'], n)}) · mean {q['mean']:.2f} / {q['points']:g} · "
            f"left blank: {q['blank']} · hints used: {_e(_hints_text(q['hints']))}</p>"
        )
        if q["mistakes"]:
            parts.append(
                "<table><thead><tr><th>students</th><th>mistake</th><th>the message they saw</th></tr></thead><tbody>"
            )
            for r in q["mistakes"]:
                more = f' <span class="muted">({r["messages"]} wordings)</span>' if r["messages"] > 1 else ""
                parts.append(
                    f'<tr><td class="n">{r["students"]}</td><td><code>{_e(r["id"])}</code></td>'
                    f"<td>{_e(r['message'])}{more}</td></tr>"
                )
            parts.append("</tbody></table>")
        if q["other"]:
            parts.append("<p>Messages no known mistake explains:</p><ul>")
            for r in q["other"]:
                parts.append(f"<li>{_students(r['students'])}: {_e(r['message'])}</li>")
            parts.append("</ul>")
        if not q["mistakes"] and not q["other"]:
            parts.append("<p>No mistakes.</p>")
    parts.append("</section>")
    parts.append('<section id="scores"><h2>Scores</h2>' + _figure(figures, "scores") + "</section>")
    parts.append('<section id="time"><h2>Time per submission</h2>' + _figure(figures, "time") + "</section>")
    parts.append('<section id="submissions"><h2>Submissions that need a look</h2>')
    parts.append("<details><summary>Show the submissions by name (not for projecting)</summary>")
    rows = [(s, x) for s, v in data["statuses"].items() for x in v["submissions"]]
    if rows:
        parts.append(
            "<table><thead><tr><th>submission</th><th>status</th><th>what happened</th>"
            "<th>questions a time limit cut</th></tr></thead><tbody>"
        )
        for status, item in rows:
            parts.append(
                f"<tr><td>{_e(item['name'], 120)}</td><td>{_e(status)}</td><td>{_e(item['message'])}</td>"
                f"<td>{_e(item['cut'])}</td></tr>"
            )
        parts.append("</tbody></table>")
    else:
        parts.append("<p>Every submission was graded without a problem.</p>")
    slow = sorted(data["seconds"].items(), key=lambda kv: -kv[1])[:5]
    if slow:
        parts.append("<p>Slowest: " + ", ".join(f"{_e(name, 120)} {s:.1f} s" for name, s in slow) + "</p>")
    parts.append("</details></section></main></body></html>")
    return "\n".join(p for p in parts if p) + "\n"
