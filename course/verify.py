"""``python -m course verify``: prove the committed generated files match a fresh build.

It also checks that every source notebook is clean (no outputs), and that no generated folder is
left over from a lesson whose source is gone. Exit status 1 lists every problem found.
"""

import filecmp
import logging
import tempfile
from pathlib import Path

from . import layout, lessons, notebooks
from .build import BuildError, build_lesson

log = logging.getLogger("course.verify")


def _files(path: Path) -> set[str]:
    if path.is_file():
        return {""}
    if path.is_dir():
        return {str(p.relative_to(path)) for p in path.rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    return set()


def compare(committed: Path, fresh: Path, root: Path) -> list[str]:
    """Differences between a committed generated path and its fresh counterpart, as messages."""
    problems = []
    have, want = _files(committed), _files(fresh)
    for rel in sorted(want - have):
        problems.append(f"missing: {(committed / rel).relative_to(root)} (run python -m course build)")
    for rel in sorted(have - want):
        problems.append(f"unexpected: {(committed / rel).relative_to(root)} (not produced by the build)")
    for rel in sorted(have & want):
        if not filecmp.cmp(committed / rel, fresh / rel, shallow=False):
            problems.append(
                f"stale: {(committed / rel).relative_to(root)} differs from a fresh build "
                "(edited by hand, or its source changed without a rebuild)"
            )
    return problems


def check_source(lesson: str, root: Path) -> list[str]:
    nb = notebooks.read(root / layout.SOURCE / f"{lesson}.ipynb")
    dirty = notebooks.cells_with_outputs(nb)
    if dirty:
        return [f"dirty source: {layout.SOURCE}/{lesson}.ipynb has outputs in cells {dirty} (clear them)"]
    return []


def orphans(root: Path) -> list[str]:
    known = set(lessons.all_lessons(root))
    found = []
    for folder in (layout.NOTEBOOKS, layout.AUTOGRADER, layout.SOLUTIONS):
        for path in sorted((root / folder).glob("*")):
            name = path.stem if path.is_file() else path.name
            if lessons.LESSON_NAME.match(name) and name not in known:
                found.append(f"orphan: {path.relative_to(root)} has no source/{name}.ipynb")
    return found


def problems(selectors: list[str] | None = None, root: Path = layout.ROOT) -> list[str]:
    chosen = lessons.resolve(selectors, root)
    found = [] if selectors else orphans(root)
    with tempfile.TemporaryDirectory(prefix="course-verify-") as tmp:
        fresh_root = Path(tmp)
        for lesson in chosen:
            found += check_source(lesson, root)
            try:
                build_lesson(lesson, root, fresh_root)
            except BuildError as err:
                found.append(f"build failed: {err}")
                continue
            for committed, fresh in zip(
                layout.generated_paths(root, lesson), layout.generated_paths(fresh_root, lesson), strict=True
            ):
                found += compare(committed, fresh, root)
    return found


def main(selectors: list[str] | None = None, root: Path = layout.ROOT) -> int:
    found = problems(selectors, root)
    for line in found:
        print(line)
    if found:
        print(f"verify: {len(found)} problem(s); rebuild with `python -m course build` and commit.")
        return 1
    print("verify: all generated files match their sources.")
    return 0


def add_arguments(parser) -> None:
    parser.add_argument("lessons", nargs="*", help="lesson number or name (01, 01-warmup); default: all")


def run(args) -> int:
    return main(args.lessons)
