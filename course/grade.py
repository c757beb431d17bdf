"""``python -m course grade LESSON SUBMISSION... --out DIR``: grade a batch of submissions safely.

Each submission runs in its own sandboxed worker (:mod:`course.grading.sandbox`); the lesson's Otter
tests run in separate *judge* processes (:mod:`course.grading.judge`, one per job) where no student
code ever runs, and see the student's answers only as data (:mod:`course.grading.sandboxed.bridge`).
Results go to ``DIR/grades.csv`` (a row as each submission finishes; a rerun skips what is already
graded), ``DIR/feedback/NAME.md``, ``DIR/results/NAME.json`` and ``DIR/summary/``.
"""

from __future__ import annotations

import os
from pathlib import Path


def add_arguments(parser) -> None:
    parser.add_argument("lesson", help="lesson number or name (01, 01-warmup)")
    parser.add_argument("submissions", nargs="+", help=".ipynb files, folders of them, or Otter export zips")
    parser.add_argument("--out", required=True, type=Path, help="folder for grades.csv, feedback/ and summary/")
    parser.add_argument(
        "--jobs", type=int, default=os.cpu_count() or 1, help="submissions graded at once (default: cores)"
    )
    parser.add_argument("--timeout", type=float, default=300.0, help="seconds per submission (default 300)")
    parser.add_argument("--cell-timeout", type=float, default=30.0, help="seconds per cell or test call (default 30)")
    parser.add_argument("--memory", type=int, default=4096, help="memory limit per submission in MiB (default 4096)")
    parser.add_argument(
        "--sandbox", choices=("auto", "bwrap", "none"), default="auto", help="isolation (default: bwrap if installed)"
    )
    parser.add_argument("--regrade", action="store_true", help="grade again what grades.csv already holds")


def run(args) -> int:
    from .grading import batch

    return batch.main(args)
