"""``python -m course grade LESSON SUBMISSION... --out DIR``: grade a batch of submissions safely.

Each submission runs in its own sandboxed worker (:mod:`course.grading.sandbox`); the lesson's Otter
tests run in separate *judge* processes (:mod:`course.grading.judge`, one per job) where no student
code ever runs, and see the student's answers only as data (:mod:`course.grading.sandboxed.bridge`).
Results go to ``DIR/grades.csv`` (a row as each submission finishes; a rerun skips what is already
graded), ``DIR/feedback/NAME.md``, ``DIR/results/NAME.json``, ``DIR/summary/`` (the class report,
``index.html``), ``DIR/written/`` (the written answers and a CSV for their points: ``--manual`` merges
it) and, with ``--roster``, ``DIR/exports/`` (Canvas and Moodle grade import files).
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
    parser.add_argument(
        "--memory",
        type=int,
        default=4096,
        help="memory of one submission, all its processes together, in MiB (default 4096)",
    )
    parser.add_argument("--disk", type=int, default=1024, help="files one submission may keep, in MiB (default 1024)")
    parser.add_argument(
        "--sandbox",
        choices=("auto", "bwrap", "uid", "landlock", "none"),
        default="auto",
        help="how students' code is isolated (default auto: the strongest available). bwrap: bubblewrap "
        "namespaces, only Python and system libraries visible. uid (grader running as root, e.g. in a "
        "container): a user id of its own per job, plus Landlock where the kernel has it. landlock "
        "(Linux >= 5.13, not root): reads only Python and system libraries, writes only its folder, no "
        "TCP, no signals out. With none of these, auto refuses and says how to get one. none: no "
        "isolation at all (trusted notebooks only; a warning in the terminal and summary.md)",
    )
    parser.add_argument("--regrade", action="store_true", help="grade again what grades.csv already holds")
    parser.add_argument(
        "--manual",
        type=Path,
        metavar="FILE",
        help="merge points graded by hand for the written questions (DIR/written/manual-points.csv, filled in) "
        "into grades.csv, the feedback and the summary",
    )
    parser.add_argument(
        "--roster",
        type=Path,
        metavar="ROSTER.csv",
        help="the class list (a Canvas or Moodle gradebook export, or any CSV with names, ids or e-mails): "
        "writes DIR/exports/canvas.csv and moodle.csv for the gradebook's import, and lists unmatched submissions",
    )
    parser.add_argument(
        "--assignment",
        default="",
        help="the gradebook column for the lesson's total in the exports (default: the lesson's name; for an "
        "existing Canvas assignment use its column title from the export, e.g. '01 Warm-up (123456)')",
    )
    parser.add_argument("--per-question", action="store_true", help="the exports also get one column per question")


def run(args) -> int:
    from .grading import batch

    return batch.main(args)
