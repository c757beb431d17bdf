"""How long a lesson takes a beginner: one written rule, applied to the lesson's source.

    minutes = words / 120 + 6 per auto-graded question + 8 per written question

rounded to the nearest 5 minutes. ``words`` counts the Markdown a student reads: the model answers
of written questions (inside ``# BEGIN SOLUTION`` / ``# END SOLUTION``) are not shown to students and
are not counted, and neither is an optional ``## Going further`` section (ungraded, and said to be
optional), up to the next ``#`` or ``##`` heading.

The basis is a reviewer's read of the lessons: technical text with formulas and code in it reads at
about 120 words a minute; an auto-graded question takes about 6 minutes, writing the answer and one
failed check and its fix included; a written answer of a few sentences about 8. An earlier rule gave
about half of what the reviewer estimated (35-45 stated against 55-120 estimated).

Each notebook header states the result with :func:`statement` and the README's lesson table as
"~N min"; ``tests/test_lessons.py`` keeps them in sync and every lesson at most :data:`LONGEST`.
"""

import json
import re
from pathlib import Path

WORDS_PER_MINUTE = 120
AUTO_QUESTION_MINUTES = 6
WRITTEN_QUESTION_MINUTES = 8
LONGEST = 80
"""A lesson that comes out longer than this is split, or material moves to an optional "Going further"."""

GOING_FURTHER = "## Going further"
"""The heading of the optional, ungraded section the rule does not count."""

HOW_WE_COUNT = (
    f"how we count: {WORDS_PER_MINUTE} words of text a minute, {AUTO_QUESTION_MINUTES} minutes per checked "
    f"question, {WRITTEN_QUESTION_MINUTES} per written answer"
)


def statement(minutes: int) -> str:
    """The time as every notebook header states it."""
    return f"**Time:** about {minutes} minutes ({HOW_WE_COUNT})."


def _heading(text: str) -> str | None:
    """The cell's first line if it is a ``#`` or ``##`` heading (``###`` and deeper are inside a section)."""
    first = text.lstrip().split("\n", 1)[0]
    return first if re.match(r"#{1,2}\s", first) else None


def parts(source: Path) -> dict[str, int]:
    """The counts the rule uses, read from one source notebook."""
    nb = json.loads(source.read_text(encoding="utf-8"))
    counts = {"words": 0, "auto": 0, "written": 0}
    in_solution = going_further = False
    for cell in nb["cells"]:
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "raw":
            stripped = text.lstrip()
            if stripped.startswith("# BEGIN QUESTION"):
                counts["written" if re.search(r"^manual:\s*true", text, re.M) else "auto"] += 1
            elif stripped.startswith("# BEGIN SOLUTION"):
                in_solution = True
            elif stripped.startswith("# END SOLUTION"):
                in_solution = False
        elif cell["cell_type"] == "markdown":
            heading = _heading(text)
            if heading is not None:
                going_further = heading.startswith(GOING_FURTHER)
            if not in_solution and not going_further:
                counts["words"] += len(re.findall(r"\S+", text))
    return counts


def minutes(source: Path) -> int:
    """The lesson's time by the rule above, rounded to the nearest 5 minutes."""
    c = parts(source)
    raw = c["words"] / WORDS_PER_MINUTE + AUTO_QUESTION_MINUTES * c["auto"] + WRITTEN_QUESTION_MINUTES * c["written"]
    return max(5, 5 * int(raw / 5 + 0.5))  # halves round up


if __name__ == "__main__":
    import sys

    from . import layout, lessons

    for lesson in lessons.resolve(sys.argv[1:]):
        src = layout.ROOT / layout.SOURCE / f"{lesson}.ipynb"
        print(f"{lesson}: about {minutes(src)} minutes {parts(src)}")
