"""How long a lesson takes a beginner: one written rule, applied to the lesson's source.

    minutes = words / 150 + 2 per auto-graded question + 4 per written question + solution lines / 3

rounded to the nearest 5 minutes. ``words`` counts the Markdown text (reading with formulas and
code in it, ~150 words a minute); each question costs time to think and check beyond its code;
``solution lines`` are the non-comment lines between ``# BEGIN SOLUTION`` and ``# END SOLUTION``
(what the student writes, about 3 lines a minute with looking things up). The figures match what
beginners were measured to need on the first lessons (25-50 minutes). Each notebook header
("**Time:** about N minutes") and the README's lesson table ("~N min") state this number;
``tests/test_lessons.py`` keeps them in sync.
"""

import json
import re
from pathlib import Path

WORDS_PER_MINUTE = 150
AUTO_QUESTION_MINUTES = 2
WRITTEN_QUESTION_MINUTES = 4
SOLUTION_LINES_PER_MINUTE = 3
LONGEST = 45
"""A lesson that comes out longer than this is split or trimmed."""


def parts(source: Path) -> dict[str, int]:
    """The counts the rule uses, read from one source notebook."""
    nb = json.loads(source.read_text(encoding="utf-8"))
    counts = {"words": 0, "auto": 0, "written": 0, "solution_lines": 0}
    for cell in nb["cells"]:
        text = "".join(cell["source"]) if isinstance(cell["source"], list) else cell["source"]
        if cell["cell_type"] == "markdown":
            counts["words"] += len(re.findall(r"\S+", text))
        elif cell["cell_type"] == "raw" and text.lstrip().startswith("# BEGIN QUESTION"):
            counts["written" if re.search(r"^manual:\s*true", text, re.M) else "auto"] += 1
        elif cell["cell_type"] == "code":
            inside = False
            for line in text.split("\n"):
                if "# BEGIN SOLUTION" in line:
                    inside = True
                elif "# END SOLUTION" in line:
                    inside = False
                elif inside or line.rstrip().endswith("# SOLUTION"):
                    code = line.strip()
                    counts["solution_lines"] += bool(code) and not code.startswith("#")
    return counts


def minutes(source: Path) -> int:
    """The lesson's time by the rule above, rounded to the nearest 5 minutes."""
    c = parts(source)
    raw = (
        c["words"] / WORDS_PER_MINUTE
        + AUTO_QUESTION_MINUTES * c["auto"]
        + WRITTEN_QUESTION_MINUTES * c["written"]
        + c["solution_lines"] / SOLUTION_LINES_PER_MINUTE
    )
    return max(5, 5 * round(raw / 5))


if __name__ == "__main__":
    import sys

    from . import layout, lessons

    for lesson in lessons.resolve(sys.argv[1:]):
        src = layout.ROOT / layout.SOURCE / f"{lesson}.ipynb"
        print(f"{lesson}: about {minutes(src)} minutes {parts(src)}")
