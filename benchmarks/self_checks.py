"""How many of the known wrong answers the students' own ``grader.check`` catches, per lesson.

The wrong answers are those of ``tests/variants/NN-name.py``. Each is run on the answer key (as
the tests of the tests do) and graded with the question's *public* tests only; it counts as caught
when they lose points and show the variant's targeted message. Measured, not read from the
variants' ``public`` flags.
"""

from __future__ import annotations

import contextlib
import importlib.util
import io
import sys

from course import layout

TESTS = layout.ROOT / "tests"
TARGET_OVERALL, TARGET_LESSON = 0.90, 0.80


def _variants(lesson: str):
    path = TESTS / "variants" / f"{lesson}.py"
    spec = importlib.util.spec_from_file_location(f"bench_variants_{lesson.replace('-', '_')}", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module.WRONG


def caught(lessons: list[str]) -> dict[str, tuple[int, int]]:
    """lesson -> (wrong answers caught publicly with their message, wrong answers)."""
    if str(TESTS) not in sys.path:
        sys.path.insert(0, str(TESTS))
    from harness import AnswerKey  # the tests' own harness: same execution, same Otter tests

    counts = {}
    for lesson in lessons:
        if not (TESTS / "variants" / f"{lesson}.py").exists():
            continue
        key, wrong, hits = AnswerKey(lesson), _variants(lesson), 0
        with contextlib.redirect_stdout(io.StringIO()):
            for variant in wrong:
                try:
                    result = key.grade(key.run_code(variant.code), variant.question, only="public")
                except Exception:  # noqa: BLE001 - a variant that breaks the run is not caught
                    continue
                hits += bool(result.possible) and not result.full and variant.message in result.output
        counts[lesson] = (hits, len(wrong))
    return counts


def report(lessons: list[str]) -> list[str]:
    counts = caught(lessons)
    if not counts:
        return ["No lesson has variants."]
    lines = [
        "| lesson | caught by the public checks, with the targeted message | share | target |",
        "|---|---|---|---|",
    ]
    for lesson, (hits, total) in counts.items():
        share = hits / total if total else 0.0
        ok = "met" if share >= TARGET_LESSON else "**not met**"
        lines.append(f"| {lesson} | {hits} of {total} | {share:.0%} | ≥ {TARGET_LESSON:.0%}: {ok} |")
    hits, total = sum(h for h, _ in counts.values()), sum(t for _, t in counts.values())
    share = hits / total if total else 0.0
    ok = "met" if share >= TARGET_OVERALL else "**not met**"
    lines.append(f"| all lessons | {hits} of {total} | {share:.0%} | ≥ {TARGET_OVERALL:.0%}: {ok} |")
    return lines
