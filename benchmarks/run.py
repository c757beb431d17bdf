"""Measure how fast and how light the course is, and write ``RESULTS.md`` plus a chart.

    python benchmarks/run.py            # full run (under 10 minutes on 2 cores)
    python benchmarks/run.py --quick    # smoke run: lesson 01 only, one repeat, small batch, no fresh install

Every figure is measured on the current machine in this one run; targets are reported as met or
not met, never asserted.
"""

from __future__ import annotations

import argparse
import datetime
import importlib.util
import os
import platform
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks import fidelity, measure, self_checks  # noqa: E402
from course import layout, lessons  # noqa: E402

TIME_LIMIT = {"01": 10.0, "02": 10.0, "03": 10.0, "04": 10.0, "05": 15.0}
RSS_LIMIT_MIB = 1024
CHECK_LIMIT_S = 0.100
GRADE_RATIO_LIMIT = 1.3
JOBS_SPEEDUP_TARGET = 1.7
ONE_FILE_OTTER_TARGET = 0.4
"""``python -m course grade`` on one file, at most this fraction of ``otter run``'s wall time."""


def verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def lesson_rows(names: list[str], repeats: int) -> list[dict]:
    rows = []
    for lesson in names:
        runs = [measure.run_answer_key(lesson) for _ in range(repeats)]
        seconds = measure.median([r[0] for r in runs])
        rss = max(r[1] for r in runs)
        checks = measure.check_latencies(lesson, repeats=max(3, repeats))
        rows.append({"lesson": lesson, "seconds": seconds, "rss": rss, "checks": checks})
        print(f"{lesson}: {seconds:.1f} s, {rss:.0f} MiB, slowest check {max(checks.values()) * 1000:.0f} ms")
    return rows


def grading_rows(lesson: str, batch_size: int, repeats: int, rounds: int) -> dict | None:
    """One lesson's answer key graded by bare nbclient, ``otter run`` and our grader, then as a batch
    with one job and with two (``rounds`` interleaved pairs)."""
    if importlib.util.find_spec("course.grade") is None:
        return None
    notebook = layout.solution_notebook(layout.ROOT, lesson)
    bare = measure.median([measure.bare_execution(notebook, lesson) for _ in range(repeats)])
    otter = measure.median([measure.otter_run(notebook, lesson) for _ in range(repeats)])
    singles = [measure.course_grade(lesson, [notebook], jobs=1) for _ in range(repeats)]
    single = measure.median([s["wall"] for s in singles])
    with tempfile.TemporaryDirectory() as tmp:
        batch = []
        for i in range(batch_size):
            copy = Path(tmp) / f"student{i:03d}.ipynb"
            shutil.copy(notebook, copy)
            batch.append(copy)
        jobs = measure.jobs_speedup(lesson, batch, rounds)
    # Where the time goes with one job: how many cores it already keeps busy (accountable without bwrap).
    cores = measure.course_grade(lesson, [notebook], jobs=1, sandbox="none")["cores"]
    result = {"lesson": lesson, "bare": bare, "otter": otter, "single": single, "batch": batch_size}
    result.update(sandbox=singles[0]["sandbox"], single_rows=measure.median([s["rows"][0] for s in singles]))
    result.update(per_submission=jobs["rows"], cores=cores, rounds=rounds, **jobs)
    print(f"grading {lesson} ({result['sandbox'].split()[0]}): per submission {result['per_submission']:.2f} s, ")
    print(f"  one-file command {single:.1f} s, otter run {otter:.1f} s, bare {bare:.1f} s; ")
    print(f"  batch of {batch_size}: {jobs['jobs1']:.1f} s / {jobs['jobs2']:.1f} s, speed-up {jobs['speedup']:.2f}")
    return result


def write_chart(rows: list[dict], path: Path) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    names = [r["lesson"] for r in rows]
    fig, (left, right) = plt.subplots(1, 2, figsize=(9, 3.2))
    left.bar(names, [r["seconds"] for r in rows], color="tab:blue")
    left.plot(names, [TIME_LIMIT[n[:2]] for n in names], "r_", markersize=30, label="target")
    left.set_ylabel("seconds, top to bottom")
    left.legend()
    right.bar(names, [r["rss"] for r in rows], color="tab:green")
    right.axhline(RSS_LIMIT_MIB, color="red", linewidth=1, label="1 GB target")
    right.set_ylabel("kernel peak RSS, MiB")
    right.legend()
    for ax in (left, right):
        ax.tick_params(axis="x", rotation=20)
    fig.tight_layout()
    fig.savefig(path, dpi=100)
    plt.close(fig)


def render(rows, grading, fid, footprint, quick: bool, elapsed: float, catches=()) -> str:
    now = datetime.datetime.now(datetime.UTC).strftime("%Y-%m-%d %H:%M UTC")
    cpu = f"{os.cpu_count()} cores, {platform.machine()}, Python {platform.python_version()}"
    out = [
        "# Benchmarks",
        "",
        f"Measured {now} on {platform.node() or 'this machine'} ({cpu}){' — QUICK smoke run' if quick else ''}.",
        f"Regenerate with `python benchmarks/run.py` (this run took {elapsed / 60:.1f} minutes). "
        "Chart: [chart.png](chart.png).",
        "",
        "## Lessons: answer key top to bottom in a fresh kernel, and self-check latency",
        "",
        "| lesson | wall time (median) | target | peak RSS | target ≤ 1 GB "
        "| slowest `grader.check` | target ≤ 100 ms |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        limit = TIME_LIMIT[r["lesson"][:2]]
        slow = max(r["checks"].values())
        out.append(
            f"| {r['lesson']} | {r['seconds']:.1f} s | ≤ {limit:.0f} s: {verdict(r['seconds'] <= limit)} "
            f"| {r['rss']:.0f} MiB | {verdict(r['rss'] <= RSS_LIMIT_MIB)} "
            f"| {slow * 1000:.0f} ms | {verdict(slow <= CHECK_LIMIT_S)} |"
        )
    out += ["", "Per-question check latency (median, ms):", ""]
    for r in rows:
        out.append(f"- {r['lesson']}: " + ", ".join(f"{q} {t * 1000:.0f}" for q, t in r["checks"].items()))
    out += ["", "## Grading", ""]
    if not grading:
        out.append("`python -m course grade` is not available in this checkout: not measured.")
    modes = sorted({g["sandbox"] for g in grading})
    if modes:
        out += [f"Isolation the grader reported (`--sandbox auto`): {'; '.join(f'**{m}**' for m in modes)}.", ""]
    for g in grading:
        ratio, speedup, vs_otter = g["per_submission"] / g["bare"], g["speedup"], g["single"] / g["otter"]
        fixed = g["single"] - g["single_rows"]
        loads = g["loads"]
        out += [
            f"**{g['lesson']}** (its answer key as the submission), median wall time:",
            "",
            "| runner | seconds | ratio to bare nbclient |",
            "|---|---|---|",
            f"| bare nbclient execution (fresh kernel, top to bottom) | {g['bare']:.2f} | 1.00 |",
            f"| `otter run` (one file) | {g['otter']:.2f} | {g['otter'] / g['bare']:.2f} |",
            f"| `python -m course grade`, per submission (median of a batch's `seconds` column) "
            f"| {g['per_submission']:.2f} | {ratio:.2f} (target ≤ {GRADE_RATIO_LIMIT}: "
            f"{verdict(ratio <= GRADE_RATIO_LIMIT)}) |",
            f"| `python -m course grade` on one file, whole command (start-up and summary included) "
            f"| {g['single']:.2f} | {g['single'] / g['bare']:.2f} |",
            "",
            f"One file: `python -m course grade` takes {vs_otter:.2f}× `otter run`'s wall time "
            f"(target ≤ {ONE_FILE_OTTER_TARGET}×: {verdict(vs_otter <= ONE_FILE_OTTER_TARGET)}), "
            f"isolated by {g['sandbox'].split()[0]}.",
            "",
            f"Batch of {g['batch']}: `--jobs 1` {g['jobs1']:.1f} s, `--jobs 2` {g['jobs2']:.1f} s "
            f"(medians of {g['rounds']} interleaved round(s)), speed-up {speedup:.2f}× "
            f"(rounds: {', '.join(f'{r:.2f}' for r in g['ratios'])}; target ≥ {JOBS_SPEEDUP_TARGET}×: "
            f"{verdict(speedup >= JOBS_SPEEDUP_TARGET)}); load average before the runs "
            f"{min(loads):.2f}-{max(loads):.2f} on {os.cpu_count()} cores.",
            f"Where the time goes: the command's fixed costs (start-up, the isolation probes, the judges, the "
            f"summary) take {fixed:.2f} s (the one-file command minus its submission's own seconds), paid once "
            f"per batch whatever `--jobs`; one job keeps {g['cores']:.2f} cores busy (CPU seconds per wall second, "
            "measured without bubblewrap), so a second job can add at most what the first leaves idle.",
            "",
        ]
    out += ["", "## Self-checks: known wrong answers the public checks catch", ""]
    out += list(catches) or ["Not measured."]
    out += ["", "## Fidelity", ""]
    out += fid or ["No lesson with a fidelity check is present."]
    out += ["", "## Footprint", "", f"Installed size: {footprint[0]:.0f} MiB — {footprint[1]}.", ""]
    return "\n".join(out)


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="smoke run: one repeat, small batch, no fresh install")
    parser.add_argument("--out", type=Path, default=Path(__file__).resolve().parent, help="folder for the results")
    args = parser.parse_args(argv)
    started = time.perf_counter()
    repeats = 1 if args.quick else 3
    names = lessons.all_lessons()
    rows = lesson_rows(names[:1] if args.quick else names, repeats)
    graded = names[:1] if args.quick else [names[0], names[-1]]  # the lightest and the heaviest lesson
    grading = [
        grading_rows(lesson, batch_size=4 if args.quick else 20, repeats=repeats, rounds=1 if args.quick or i else 3)
        for i, lesson in enumerate(graded)
    ]
    grading = [g for g in grading if g]
    fid = fidelity.report(names)
    catches = self_checks.report(names)
    footprint = measure.installed_size_mib(fresh=not args.quick)
    args.out.mkdir(parents=True, exist_ok=True)
    write_chart(rows, args.out / "chart.png")
    report = render(rows, grading, fid, footprint, args.quick, time.perf_counter() - started, catches)
    (args.out / "RESULTS.md").write_text(report, encoding="utf-8")
    print(f"wrote {args.out / 'RESULTS.md'} and {args.out / 'chart.png'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
