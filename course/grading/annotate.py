"""What the grader adds to a judge's result before it is saved as ``results/NAME.json``.

The judge reports points and each check's message. Here, in the grader's main process, reading the
hand-in only as data (:mod:`course.grading.handins`):

- ``mistakes``: the mistake ids the submission is counted for (:mod:`course.grading.mistakes`), and
  each failed check's ``mistake``;
- ``blank``: the questions whose answer cells are still as the student notebook was released (not
  tried: their failures are not counted as mistakes);
- ``written``: the text of each written answer, for ``written/qN.md``;
- ``hints``: the hints the hand-in shows, by question (numbers seen);
- ``stopped``: where time ran out: the questions of each cell stopped by its time limit, the questions
  whose checks were stopped, or ``all`` when the whole notebook was stopped;
- ``manual``: points graded by hand, kept from the previous result of the same file.
"""

from __future__ import annotations

import re

from . import handins, mistakes

CHECK_STOPPED = ("this check was stopped",)
"""How the judge's messages begin when a check ran out of time (judge.TIMEOUT_MESSAGE, DEADLINE_MESSAGE)."""
STOPPED_IN_CELL = re.compile(r"\(in cell (\d+)\)")


def annotate(
    result: dict, data: bytes | None, lesson, table: list[dict], written: list[dict], previous=None, released=None
) -> dict:
    """Add what this module describes to ``result`` (in place; returned). ``data`` is the hand-in's
    bytes as the grader read them (None if it could not be read again); ``lesson`` gives the
    questions and the names their checks take (a :class:`course.grading.judge.Lesson`); ``released``
    is the student notebook as released (JSON data), to tell answers left blank."""
    nb = handins.parse(data) if data is not None else None
    mistakes.annotate(result, table)
    result["blank"] = handins.left_blank(nb, released) if nb is not None and released else []
    result["mistakes"] = [m for m in result["mistakes"] if m.split(".")[1] not in result["blank"]]
    if written:
        result["written"] = handins.written_answers(nb, written)
    result["hints"] = handins.hints_seen(nb, list(result.get("questions", {})))
    result["stopped"] = stopped(result, nb, lesson.params_by_question)
    if previous and previous.get("sha256") == result.get("sha256") and isinstance(previous.get("manual"), dict):
        result["manual"] = previous["manual"]
    return result


def stopped(result: dict, nb, answer_names: dict[str, list[str]]) -> dict:
    """Where the time limits cut this submission (empty when they did not)."""
    found: dict = {}
    cells = []
    for error in result.get("cell_errors", []):
        if error.get("type") == "CellTimeout":
            index = error.get("index")
            cells.append({"index": index, "questions": handins.cell_questions(nb, index, answer_names)})
    if cells:
        found["cells"] = cells
    checks = [
        q
        for q, entry in result.get("questions", {}).items()
        if any(str(c.get("message", "")).startswith(CHECK_STOPPED) for c in entry.get("cases", []))
    ]
    if checks:
        found["checks"] = checks
    if result.get("status") == "timeout" and not cells and not checks:
        found["all"] = True  # the whole notebook ran out of time: every question lost its points
        match = STOPPED_IN_CELL.search(str(result.get("message", "")))
        if match:
            found["cell"] = int(match.group(1))
    return found
