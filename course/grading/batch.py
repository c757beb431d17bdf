"""Grading a batch: one judge process per job, each grading one submission at a time.

The judges (:mod:`course.grading.judge`) start the sandboxed workers and run the tests; this
module, in the grader's main process, only hands out submissions and writes what the judges
report: ``grades.csv`` (a row as each submission finishes), ``feedback/``, ``results/``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import os
import queue
import re
import signal
import subprocess
import sys
import tempfile
import threading
from dataclasses import dataclass
from pathlib import Path

from .. import layout, lessons, settings
from ..errors import UserError
from . import annotate, exports, fonts, handins, mistakes, reports, sandbox, submissions, written
from .marks import all_questions
from .sandbox import Limits, NoIsolation

JUDGE_SLACK = 120.0
"""Seconds a judge may take beyond the submission's own time limit before it is presumed stuck."""


class Judge:
    """One ``python -m course.grading.judge`` process, restarted if it dies.

    ``prepare`` (the batch's task without a submission) is sent as soon as the process starts: the
    judge then checks its sandbox with a probe worker, loads the tests and imports what they import
    while the grader is still starting, so none of that waits in front of the first submission."""

    def __init__(self, scratch: str, threads: int, fonts: str = "", prepare: dict | None = None):
        self.proc: subprocess.Popen | None = None
        self.scratch = scratch
        self.threads = str(threads)
        self.fonts = fonts
        self.prepare = prepare
        self._lock = threading.Lock()

    def start(self) -> None:
        env = dict(os.environ)
        env["TMPDIR"] = self.scratch  # sandboxes and caches (e.g. torch's) go here, removed at the end
        for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
            env[name] = self.threads  # the tests' own computations share the cores with the jobs beside them
        env["PYTHONPATH"] = os.pathsep.join([str(layout.ROOT), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        env[fonts.FONT_CACHE_ENV] = self.fonts
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "course.grading.judge"],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL,
            env=env,
            text=True,
            start_new_session=True,
        )
        if self.prepare is not None:
            try:
                self.proc.stdin.write(json.dumps({"prepare": self.prepare}) + "\n")
                self.proc.stdin.flush()
            except OSError:
                pass  # a judge that died at once is restarted by grade()

    def grade(self, task: dict, timeout: float) -> dict | None:
        if self.proc is None or self.proc.poll() is not None:
            self.start()
        try:
            self.proc.stdin.write(json.dumps(task) + "\n")
            self.proc.stdin.flush()
        except OSError:
            self.stop()
            return None
        answer: list = []
        reader = threading.Thread(target=lambda: answer.append(self.proc.stdout.readline()), daemon=True)
        reader.start()
        reader.join(timeout)
        if not answer or not answer[0]:
            self.stop()
            return None
        return json.loads(answer[0])

    def stop(self) -> None:
        with self._lock:  # a slot stops its judge when the queue is empty; the batch, at its end
            proc, self.proc = self.proc, None
            if proc is None:
                return
            if proc.poll() is None:
                proc.send_signal(signal.SIGTERM)  # the judge removes its sandbox on the way out
                try:
                    proc.wait(timeout=5)
                except subprocess.TimeoutExpired:
                    proc.kill()
                    proc.wait()


def failure(lesson_questions: dict[str, float], status: str, message: str) -> dict:
    questions = {
        q: {"score": 0.0, "possible": p, "cases": [{"hidden": False, "passed": False, "points": p, "message": message}]}
        for q, p in lesson_questions.items()
    }
    return {
        "status": status,
        "message": message,
        "questions": questions,
        "total": 0.0,
        "possible": sum(lesson_questions.values()),
        "cell_errors": [],
        "seconds": 0.0,
    }


def declared_points(spec) -> dict[str, float]:
    """Each question's ``points = N`` as declared in its test file (for rows of failed gradings only:
    read as text, so the grader's main process never imports Otter)."""
    found = {}
    for question, text in spec.sources.items():
        match = re.search(r"^points\s*=\s*([0-9.]+)\s*$", text, re.M)
        found[question] = float(match.group(1)) if match else 0.0
    return found


def digest(sub: submissions.Submission) -> str:
    try:
        return hashlib.sha256(submissions.read_submission(sub.path, sub.member)).hexdigest()
    except submissions.SubmissionError:
        return ""


def main(args) -> int:
    lesson = lessons.resolve([args.lesson])[0]
    tests = layout.autograder_dir(layout.ROOT, lesson) / "tests"
    if not sorted(tests.glob("q*.py")):
        raise UserError(f"no hidden tests in {tests}: run `python -m course build {lesson}` first")
    try:
        subs = submissions.find(args.submissions)
    except FileNotFoundError as err:
        raise UserError(f"no such file or folder: {err}") from None
    if not subs:
        raise UserError("no submissions found (looked for .ipynb and .zip files)")
    if args.jobs < 1 or args.timeout <= 0 or args.cell_timeout <= 0 or args.memory < 256:
        raise UserError("--jobs must be >= 1, timeouts > 0, and --memory at least 256 MiB")
    sandbox.hide_command_line()  # it names the submissions and --out; /proc/PID/cmdline is for every user
    sandbox.not_dumpable()  # the judges' pipes: no student process may open /proc/<this>/fd/N
    sandbox.become_subreaper()
    scratch = tempfile.mkdtemp(prefix="course-judges-")
    # One font list for the whole batch, copied into each sandbox: kept from an earlier batch, or
    # built now while the isolation is checked and the judges start (no notebook runs before it).
    font_folder, building = fonts.batch_font_cache(scratch)
    try:
        return _grade(args, lesson, subs, scratch, font_folder, building)
    finally:
        if building is not None and building.poll() is None:
            building.kill()
            building.wait()
        sandbox.kill_descendants()
        sandbox.remove_tree(scratch)


def _grade(args, lesson: str, subs: list, scratch: str, font_folder: str, building: subprocess.Popen | None) -> int:
    from .judge import Lesson, read_sources  # the grading machinery, without running any test

    spec = Lesson(lesson, layout.ROOT)
    spec.sources = read_sources(spec.test_paths)  # read once, before any student code runs
    out: Path = args.out
    choice = choose_isolation(args, spec, subs)  # a probe worker proves the mode before anything else
    kind = choice.kind
    if kind == "uid":
        os.chmod(scratch, 0o711)  # each job's user passes through to its own folder, and lists nothing
    report = Reporting.load(lesson, spec, args)
    grades = reports.GradesCsv(out / "grades.csv", report.all_questions)
    existing = {} if args.regrade else grades.existing()
    if existing is None:
        raise UserError(f"{grades.path} has other columns (another lesson?): use another --out, or --regrade")
    hashes = {s.name: digest(s) for s in subs}
    todo = [s for s in subs if not (s.name in existing and existing[s.name]["sha256"] == hashes[s.name])]
    jobs = min(args.jobs, max(1, len(todo)))
    limits = Limits(
        timeout=args.timeout,
        cell_timeout=args.cell_timeout,
        memory_mb=args.memory,
        disk_mb=getattr(args, "disk", Limits.disk_mb),
        threads=threads_per_job(jobs),
        sandbox=kind,
    )
    base = {"lesson": lesson, "root": str(layout.ROOT), "limits": dataclasses.asdict(limits), "tests": spec.sources}
    # The judges start now and prepare (each checks its own sandbox first) while the font list is
    # built; no submission is handed out before both.
    judges = [Judge(scratch, limits.threads, font_folder, prepare=base) for _ in range(jobs if todo else 0)]
    for judge in judges:
        judge.start()
    try:
        if not out.exists():
            out.mkdir(parents=True)
            os.chmod(out, 0o700)  # the grades are the instructor's alone (the probe checks an existing one)
        (out / "feedback").mkdir(exist_ok=True)
        kept = [r for name, r in existing.items() if name not in {s.name for s in todo}]
        grades.rewrite(kept)
        isolation = choice.line()
        print(
            f"grading {len(todo)} submission(s) of {lesson} ({len(subs) - len(todo)} already graded), "
            f"{jobs} at a time, sandbox: {isolation}",
            file=sys.stderr,
        )
        if kind == "none":
            print(NO_ISOLATION_WARNING, file=sys.stderr)
            isolation = f"{isolation}. {NO_ISOLATION_WARNING}"
        chart = threading.Thread(target=reports_ready, daemon=True)
        chart.start()  # the summary's chart library loads while the submissions are graded
        if todo:
            fonts.finish_font_cache(font_folder, building)
        finished = grade_all(todo, base, judges, declared_points(spec), grades, out, report)
    finally:
        for judge in judges:
            judge.stop()
    chart.join()
    wrote = report.finish_batch(subs, out, grades, isolation)
    print(f"\nwrote {', '.join(wrote)}")
    return 0 if finished else 130


@dataclass
class Reporting:
    """What the batch writes besides the judges' points: mistake ids, written answers and manual
    points, hints, the class report and the gradebook exports (see ``annotate``, ``written``,
    ``class_report``, ``exports``)."""

    lesson: str
    spec: object
    """The lesson's :class:`course.grading.judge.Lesson` (its questions and the names their tests take)."""
    written: list
    table: list
    hint_penalty: float = 0.0
    manual: list | None = None
    """Rows of ``--manual FILE``, read (and checked) before any grading."""
    manual_path: Path | None = None
    roster: Path | None = None
    assignment: str = ""
    per_question: bool = False
    released: dict | None = None
    """The student notebook as released (JSON data), to tell which answers a hand-in left blank."""

    @classmethod
    def load(cls, lesson: str, spec, args) -> Reporting:
        folder = layout.autograder_dir(layout.ROOT, lesson)
        try:
            penalty = settings.load_grading(layout.ROOT).hint_penalty
        except settings.SettingsError as err:
            raise UserError(str(err)) from None
        found = cls(lesson, spec, written.load_written(folder), mistakes.load(folder), penalty)
        student = layout.student_notebook(layout.ROOT, lesson)
        found.released = handins.parse(student.read_bytes()) if student.exists() else None
        found.roster = getattr(args, "roster", None)
        found.assignment = getattr(args, "assignment", "") or ""
        found.per_question = bool(getattr(args, "per_question", False))
        if found.roster is not None and not Path(found.roster).is_file():
            raise UserError(f"no such roster file: {found.roster}")
        found.manual_path = getattr(args, "manual", None)
        if found.manual_path is not None:
            try:
                found.manual = written.read_points(found.manual_path, found.written)
            except written.ManualPointsError as err:
                raise UserError(str(err)) from None
        return found

    @property
    def questions(self) -> list[str]:
        return self.spec.questions

    @property
    def all_questions(self) -> list[str]:
        return all_questions(self.questions, self.written)

    def finish(self, sub, result: dict, out: Path) -> dict:
        """Annotate a judge's result, save it and its feedback; return its grades.csv row."""
        try:
            data = submissions.read_submission(sub.path, sub.member)
        except submissions.SubmissionError:
            data = None
        if data is not None and result.get("sha256") and hashlib.sha256(data).hexdigest() != result["sha256"]:
            data = None  # the file changed while it was graded: say nothing about it that the judge did not see
        previous = reports.load_results(out, [sub.name]).get(sub.name)
        annotate.annotate(result, data, self.spec, self.table, self.written, previous, self.released)
        reports.save_result(out, sub.name, result)
        (out / "feedback" / f"{sub.name}.md").write_text(
            reports.feedback(sub.name, self.lesson, result, self.written, self.hint_penalty), encoding="utf-8"
        )
        return self.row(sub, result)

    def row(self, sub, result: dict) -> dict:
        file = sub.path + (f"!{sub.member}" if sub.member else "")
        return reports.row(sub.name, file, result, self.all_questions, self.written, self.hint_penalty)

    def finish_batch(self, subs: list, out: Path, grades: reports.GradesCsv, isolation: str) -> list[str]:
        """Once every submission is graded: merge the manual points, rewrite grades.csv and the feedback
        from the saved results, and write the written answers, the class report and the exports."""
        names = [s.name for s in subs]
        results = reports.load_results(out, names)
        if self.manual is not None:
            try:
                changed, warnings = written.merge(self.manual, results, self.manual_path)
            except written.ManualPointsError as err:
                raise UserError(str(err)) from None
            for name in changed:
                reports.save_result(out, name, results[name])
            for line in warnings:
                print(f"warning: {line}", file=sys.stderr)
            print(f"merged points graded by hand for {len(changed)} submission(s)", file=sys.stderr)
        kept = grades.existing() or {}
        rows = []
        for sub in subs:
            if sub.name in results:
                rows.append(self.row(sub, results[sub.name]))
            elif sub.name in kept:
                rows.append(kept[sub.name])
        grades.rewrite(rows)
        for name, result in results.items():
            text = reports.feedback(name, self.lesson, result, self.written, self.hint_penalty)
            (out / "feedback" / f"{name}.md").write_text(text, encoding="utf-8")
        wrote = [str(grades.path), f"{out / 'feedback'}/"]
        if written.write_answers(out, self.lesson, self.written, results):
            wrote.append(f"{out / written.FOLDER}/")
        text = reports.summary(
            self.lesson, results, self.questions, out, isolation, written=self.written, hint_penalty=self.hint_penalty
        )
        print(text)
        wrote.append(f"{out / 'summary'}/ (index.html)")
        if self.roster is not None:
            files = {s.name: s.path + (f"!{s.member}" if s.member else "") for s in subs}
            graded = exports.grades_for_export(results, files, self.written, self.hint_penalty)
            try:
                matching, paths = exports.export(
                    out, self.lesson, self.roster, graded, self.all_questions, self.assignment, self.per_question
                )
            except exports.RosterError as err:
                raise UserError(str(err)) from None
            print(exports_summary(matching, graded, self.written), file=sys.stderr)
            wrote += [str(p) for p in paths]
        return wrote


def exports_summary(matching, graded: dict, written_questions: list) -> str:
    """What the terminal says about the exports: who is in them, who is not, what is not counted yet."""
    lines = [f"gradebook exports: {len(matching.matched)} submission(s) matched to the roster"]
    for row in matching.unmatched:
        lines.append(f"  NOT EXPORTED: {reports.plain(row['name'], 80)} ({reports.plain(row['why'], 200)})")
    if matching.missing:
        shown = ", ".join(reports.plain(s.label, 60) for s in matching.missing[:10])
        more = f" and {len(matching.missing) - 10} more" if len(matching.missing) > 10 else ""
        lines.append(f"  no submission for {len(matching.missing)} student(s) on the roster: {shown}{more}")
    pending = sum(1 for name in matching.matched if graded[name]["marks"].pending)
    if pending and written_questions:
        lines.append(
            f"  {pending} exported total(s) leave out written answers not graded by hand yet: merge their points "
            "with --manual first if the totals should include them"
        )
    return "\n".join(lines)


def threads_per_job(jobs: int) -> int:
    """BLAS/OpenMP threads for each job's worker and judge: the cores shared out between the jobs."""
    return max(1, (os.cpu_count() or 1) // jobs)


def reports_ready() -> None:
    """Import the library the summary's chart is drawn with (about half a second), so that the
    summary, written once every submission is graded, does not wait for it."""
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot  # noqa: F401
    except Exception:  # noqa: BLE001 - the summary itself reports a missing or broken matplotlib
        pass


def choose_isolation(args, spec, subs: list) -> sandbox.Choice:
    """The isolation mode, proved by a probe worker started as the students' code will run, before
    any of it does: it must not read a hidden test, the answer key or a submission, list the
    submissions or the output folder, nor reach this process's pipes, command line or environment.
    ``auto`` falls back to the next mode when one fails, and says which and why."""
    secrets = [str(p) for p in spec.test_paths]
    key = layout.solution_notebook(layout.ROOT, spec.name)
    secrets += [str(key)] if key.exists() else []
    secrets += [subs[0].path] if subs else []
    reach = [str(Path(p).resolve()) for p in args.submissions if Path(p).is_dir()]
    reach += [str(args.out.resolve())] if args.out.exists() else []
    try:
        return sandbox.choose(args.sandbox, args.memory, secrets, reach)
    except NoIsolation as err:
        raise UserError(str(err)) from None


NO_ISOLATION_WARNING = (
    "WARNING: --sandbox none: the students' code runs as you, unisolated; it can read the hidden tests, "
    "change your files and these grades. Use it for trusted notebooks only."
)


def grade_all(todo, base: dict, judges: list[Judge], possible, grades, out, report: Reporting) -> bool:
    """Hand the submissions out to the judges (each grades one at a time) and write each result as
    it comes; a judge whose queue is empty is stopped at once, while the others finish."""
    timeout = base["limits"]["timeout"] + JUDGE_SLACK
    tasks: queue.Queue = queue.Queue()
    for sub in todo:
        tasks.put(sub)
    done: queue.Queue = queue.Queue()
    stop = threading.Event()

    def slot(judge: Judge):
        while not stop.is_set():
            try:
                sub = tasks.get_nowait()
            except queue.Empty:
                break
            result = judge.grade({**base, "path": sub.path, "member": sub.member}, timeout)
            if result is None and not stop.is_set():
                result = failure(possible, "error", "the grading process stopped while grading this submission")
            if result is not None:
                done.put((sub, result))
        judge.stop()

    threads = [threading.Thread(target=slot, args=(j,), daemon=True) for j in judges]
    for t in threads:
        t.start()
    progress = reports.Progress(len(todo))
    try:
        for _ in range(len(todo)):
            sub, result = done.get()
            result.setdefault("sha256", "")
            grades.append(report.finish(sub, result, out))
            progress.update(sub.name, result)
    except KeyboardInterrupt:
        stop.set()
        print("\ninterrupted: the rows written so far are kept; run again to grade the rest", file=sys.stderr)
        return False
    finally:
        stop.set()
        for judge in judges:
            judge.stop()
    return True
