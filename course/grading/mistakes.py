"""Naming the mistakes a submission made: each failed check's message, mapped to a mistake id.

The build writes ``autograder/NN-name/mistakes.json`` from ``tests/variants/NN-name.py``: for every wrong
answer a variant stands for, its id (``01.q4.no-max-shift``), its question and the part of the failure
message that this wrong answer is known to show (:mod:`course.instructor_files`). A failed check of that
question whose message contains that part names that mistake; where several parts fit one message, the
one that ends last wins (messages say what is expected first, then what went wrong), then the longest.

A submission is counted for one mistake per question: the one named by its first failed check that
names any (in the test file's order, the public checks first). Later checks often fail *because of*
the first (a hidden check of the same values, a "see the message above"), so counting them would
charge one slip several times; a second, independent slip in the same question shows once the first
is fixed, as it does for the student. ``tests/test_mistakes.py`` runs every wrong answer of the
variants and checks that it is counted under its own id.

This runs in the grader's main process on the judge's result (data), and in Gradescope's entry point:
the ids go into ``results/NAME.json`` and ``results.json``'s ``extra_data``, never into what a student
reads.
"""

from __future__ import annotations

import json
from pathlib import Path

FILE = "mistakes.json"


def load(folder: Path) -> list[dict]:
    """The mistake table of an ``autograder/NN-name/`` folder ([] when there is none)."""
    path = Path(folder) / FILE
    try:
        table = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return []
    return [e for e in table if isinstance(e, dict) and {"id", "question", "message"} <= set(e)]


def identify(question: str, message: str, table: list[dict]) -> str | None:
    """The id of the mistake that a failed check of ``question`` with ``message`` stands for, or None."""
    best, rank = None, None
    for entry in table:
        pattern = entry["message"]
        if entry["question"] != question or not pattern or pattern not in message:
            continue
        end = message.rfind(pattern) + len(pattern)
        if rank is None or (end, len(pattern)) > rank:
            best, rank = entry, (end, len(pattern))
    return best["id"] if best else None


def first_named(question: str, messages: list[str], table: list[dict]) -> str | None:
    """The mistake a submission is counted for on ``question``: the first of its failed checks'
    ``messages`` (in order) that names one."""
    for message in messages:
        found = identify(question, message, table)
        if found:
            return found
    return None


def annotate(result: dict, table: list[dict]) -> dict:
    """Mark each failed check of ``result`` with the mistake its message names (``case["mistake"]``,
    None when no known mistake fits) and list the mistakes the submission is counted for, one per
    question at most (:func:`first_named`), in question order, as ``result["mistakes"]``.

    Checks that failed with the submission's own file-level message (a notebook that could not be read
    or run) name no mistake: the submission's status already says what happened."""
    hit = []
    whole = result.get("message") if result.get("status") != "ok" else None
    for question, entry in result.get("questions", {}).items():
        counted = None
        for case in entry.get("cases", []):
            if case.get("passed"):
                continue
            message = str(case.get("message", ""))
            case["mistake"] = None if whole and message == whole else identify(question, message, table)
            counted = counted or case["mistake"]
        if counted:
            hit.append(counted)
    result["mistakes"] = hit
    return result
