"""A submission's marks, from its saved result: the judge's points per auto-graded question, less any
hint penalty (``[grading] hint_penalty``), and the written questions' points once they are graded by
hand (``--manual``), or "to grade by hand" until then. ``grades.csv``, the feedback, the summary and
the gradebook exports all read their numbers from here, so they never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field


def question_order(name: str) -> tuple:
    digits = "".join(ch for ch in name if ch.isdigit())
    return (int(digits) if digits else 0, name)


def num(x: float) -> str:
    return f"{x:g}"


@dataclass
class Marks:
    questions: list[str]
    """Every question of the lesson, auto-graded and written, in order (q1, q2, ..., q10)."""
    written: list[str]
    possible: dict[str, float]
    points: dict[str, float | None]
    """Points per question; None for a written question not graded by hand yet."""
    penalty: dict[str, float] = field(default_factory=dict)
    """Points taken off per question for hints seen (only questions with a penalty)."""
    hints: dict[str, int] = field(default_factory=dict)
    """Hints seen per question (only questions with some)."""

    @property
    def total(self) -> float:
        return round(sum(p for p in self.points.values() if p is not None), 6)

    @property
    def possible_total(self) -> float:
        return round(sum(self.possible.values()), 6)

    @property
    def pending(self) -> list[str]:
        """Written questions still to grade by hand."""
        return [q for q in self.written if self.points.get(q) is None]

    @property
    def pending_points(self) -> float:
        return round(sum(self.possible[q] for q in self.pending), 6)

    def cell(self, question: str) -> str:
        """A question's entry in grades.csv: its points, or "to grade by hand (k points)"."""
        points = self.points.get(question)
        return f"to grade by hand ({num(self.possible[question])} points)" if points is None else num(points)


def marks(result: dict, written: list[dict] | None = None, hint_penalty: float = 0.0) -> Marks:
    """The marks of one saved result (see :mod:`course.grading.annotate` for what it holds)."""
    written = written or []
    auto = result.get("questions", {})
    possible = {q: float(entry.get("possible", 0) or 0) for q, entry in auto.items()}
    points: dict[str, float | None] = {}
    penalty, hints = {}, {}
    seen = result.get("hints") if isinstance(result.get("hints"), dict) else {}
    for q, entry in auto.items():
        score = float(entry.get("score", 0) or 0)
        used = len(seen.get(q, []))
        if used:
            hints[q] = used
        if used and hint_penalty:
            cut = round(min(score, hint_penalty * possible[q] * used), 6)
            if cut:
                penalty[q] = cut
                score -= cut
        points[q] = round(score, 6)
    manual = result.get("manual") if isinstance(result.get("manual"), dict) else {}
    names = []
    for w in written:
        q = w["name"]
        names.append(q)
        possible[q] = float(w["points"])
        value = manual.get(q)
        points[q] = float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) else None
    order = sorted(possible, key=question_order)
    return Marks(order, names, {q: possible[q] for q in order}, {q: points[q] for q in order}, penalty, hints)


def all_questions(auto: list[str], written: list[dict]) -> list[str]:
    """The lesson's questions, auto-graded and written, in order."""
    return sorted(set(auto) | {w["name"] for w in written}, key=question_order)
