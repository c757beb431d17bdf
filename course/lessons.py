"""Finding lessons: every ``source/NN-name.ipynb`` is one lesson."""

import re
from pathlib import Path

from . import layout

LESSON_NAME = re.compile(r"^(\d\d)-[a-z0-9-]+$")


class UnknownLesson(ValueError):
    """A lesson selector that matches no source notebook."""


def all_lessons(root: Path = layout.ROOT) -> list[str]:
    """Names of all lessons (``01-warmup``, ...), in course order."""
    names = sorted(p.stem for p in (root / layout.SOURCE).glob("*.ipynb"))
    return [n for n in names if LESSON_NAME.match(n)]


def resolve(selectors: list[str] | None, root: Path = layout.ROOT) -> list[str]:
    """Turn selectors such as ``01`` or ``01-warmup`` into lesson names; none means all.

    Raises:
        UnknownLesson: a selector matches no lesson, or more than one.
    """
    lessons = all_lessons(root)
    if not selectors:
        return lessons
    chosen = []
    for sel in selectors:
        sel = Path(sel).stem  # accept "source/01-warmup.ipynb" too
        hits = [n for n in lessons if n == sel or n.split("-", 1)[0] == sel.zfill(2)]
        if len(hits) != 1:
            known = ", ".join(lessons) or "none"
            raise UnknownLesson(f"no lesson matches {sel!r} (lessons: {known})")
        if hits[0] not in chosen:
            chosen.append(hits[0])
    return chosen
