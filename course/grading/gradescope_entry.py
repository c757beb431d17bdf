"""Gradescope's entry point: grade ``/autograder/submission`` with the same core as ``course grade``.

``run_autograder`` (written by :mod:`course.gradescope`) runs ``python -m
course.grading.gradescope_entry`` as root in ``/autograder/source``, the unpacked zip. This module:

1. makes ``/autograder`` (the hidden tests, the upload, the results) root's alone (mode 0700), so
   the student's process, which the sandbox runs under an unprivileged user id, can neither read
   the tests nor write a result;
2. writes a provisional ``results.json`` (0 points, "grading did not finish"), so that even a run
   killed for memory or time shows a message instead of "the autograder failed";
3. picks the notebook in the upload (a ``.ipynb``, or the one inside an Otter export zip);
4. grades it in a judge process (:mod:`course.grading.judge`, started by
   :class:`course.grading.batch.Judge`), which runs the notebook in a sandboxed worker
   (``--sandbox auto`` unless ``course.toml`` says otherwise) with a per-cell and a per-submission
   time limit, and waits for it no longer than that limit plus :data:`SLACK`;
5. replaces ``results.json`` atomically with Gradescope's format: for each question a row with the
   public checks (visible at once, no points) and a row with its points and every check's message
   (``[gradescope] visibility``, ``after_published`` by default), plus a row with the written answers
   for the graders.

``--self-check`` (run by ``setup.sh`` while the image is built) loads the hidden tests and the
libraries the grader needs and proves a sandbox with a probe worker; it exits non-zero when something
is missing, torch is not the CPU build, or no sandbox isolates a student's process on that image.
"""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
import sys
import tempfile
import textwrap
import time
import traceback
import types
from pathlib import Path

from .. import layout, settings
from . import batch, mistakes, submissions
from .sandbox import Limits, NoIsolation, choose, hide_command_line

HOME = Path("/autograder")
SLACK = 45.0
"""Seconds the judge may take beyond the submission's time limit (starting, loading the tests)."""
INFO = "gradescope.json"
OUTPUT_CAP = 20_000
PLACEHOLDER = "_Type your answer here, replacing this text._"
WHEN = {
    "after_published": "when grades are published",
    "after_due_date": "after the due date",
    "hidden": "to your instructor only",
    "visible": "now",
}


# ---------------------------------------------------------------------------------- text
QUOTE = "    | "
"""Put before every line of a student's text that does not follow one of the grader's own labels
(``check 2: failed: ``, ``Grading status: error. ``): none of the grader's lines starts so."""
QUOTE_WIDTH = 80
"""Longer lines of a student's text are wrapped at this many characters (at spaces where it can),
each piece behind :data:`QUOTE`, so that a line the browser wraps cannot start with the student's
words either (300 spaces, then "Total: ...")."""
HIDDEN_MARKS = dict.fromkeys(map(ord, "\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"))
"""Bidirectional controls, which could show a line's characters in another order than they have."""


def clean(text: object, cap: int = OUTPUT_CAP) -> str:
    """Plain text for a results.json field: control characters (escape sequences) and bidirectional
    controls removed, line and paragraph separators (U+2028, U+2029) made spaces, capped."""
    text = str(text).translate(HIDDEN_MARKS).replace("\u2028", " ").replace("\u2029", " ")
    text = "".join(ch for ch in text if ch in "\n\t" or (ord(ch) >= 32 and not 0x7F <= ord(ch) <= 0x9F))
    return text if len(text) <= cap else text[: cap - 1] + "…"


def quoted(text: object, first: bool = False) -> str:
    """A student's text (or a message that may hold some: an exception's, a printed line, a file
    name) for an ``output`` field, its line breaks kept: every line but the first (which follows a
    label of the grader's) behind :data:`QUOTE`, and every line when ``first``. Each kind of line
    break Python knows (``\\r``, ``\\v``, ``\\f``, U+2028, ...) counts as one, and long lines are cut,
    so no line of the student's can stand where the grader's own lines do (a forged
    "Total: 22 / 22 (100%)" shows as quoted text)."""
    pieces = []
    for line in str(text).translate(HIDDEN_MARKS).expandtabs(4).splitlines() or [""]:
        pieces += textwrap.wrap(line.rstrip(), QUOTE_WIDTH, replace_whitespace=False) or [""]
    return "\n".join((QUOTE if i or first else "") + piece for i, piece in enumerate(pieces))


def _num(x: float) -> str:
    return f"{x:g}"


# ---------------------------------------------------------------------------------- the upload
def choose_submission(folder: Path, lesson: str) -> tuple[submissions.Submission | None, list[str]]:
    """The notebook to grade, and the other candidates (ignored). A file beats a symbolic link (which
    is never followed: chosen, it is refused as ``invalid``); a notebook beats a zip; a notebook
    named after the lesson beats another; then the one nearest the top of the upload."""
    try:
        found = submissions.find([str(folder)])
    except (FileNotFoundError, OSError):
        return None, []

    def key(sub: submissions.Submission):
        path = Path(sub.path)
        stem = Path(sub.member).stem if sub.member else path.stem
        depth = len(path.relative_to(folder.resolve()).parts) if path.is_relative_to(folder.resolve()) else 99
        return (sub.link, path.suffix.lower() != ".ipynb", stem != lesson, depth, sub.name)

    found.sort(key=key)
    if not found:
        return None, []
    return found[0], [s.name for s in found[1:]]


def written_answers(data: bytes, written: list[dict]) -> str:
    """The text of the written answers (Markdown answer cells), for the graders."""
    try:
        nb = json.loads(data.decode("utf-8-sig"))
        cells = [c for c in nb["cells"] if isinstance(c, dict) and c.get("cell_type") == "markdown"]
    except (ValueError, KeyError, TypeError, RecursionError, AttributeError):
        return "The notebook could not be read, so its written answers cannot be shown here."
    answers = []
    for cell in cells:
        meta = cell.get("metadata") if isinstance(cell.get("metadata"), dict) else {}
        tags = meta.get("tags") if isinstance(meta.get("tags"), list) else []
        if "otter_answer_cell" in tags:
            source = cell.get("source", "")
            answers.append("".join(source) if isinstance(source, list) else str(source))
    if not answers:
        return "No written-answer cells were found (their cell tags are missing): read the answers in the notebook."
    parts = []
    for i, text in enumerate(answers):
        question = written[i] if i < len(written) else {"name": f"written answer {i + 1}", "points": 0}
        shown = text.strip()
        if not shown or shown == PLACEHOLDER:
            shown = "(not answered: the cell still holds the placeholder)"
        header = f"=== {question['name']} ({_num(question['points'])} points, graded by hand) ==="
        parts.append(f"{header}\n{quoted(shown, first=True)}")  # the answer cannot pass for a header
    if len(answers) != len(written):
        parts.append(
            f"(The lesson has {len(written)} written question(s); this notebook has {len(answers)} answer cell(s).)"
        )
    return clean("\n\n".join(parts))


# ---------------------------------------------------------------------------------- results.json
def _case_lines(cases: list[dict], hidden: bool | None) -> list[str]:
    lines = []
    for i, case in enumerate(cases, 1):
        if hidden is not None and bool(case.get("hidden")) != hidden:
            continue
        kind = "hidden check" if case.get("hidden") else "check"
        if case.get("passed"):
            lines.append(f"{kind} {i}: passed")
        else:
            lines.append(f"{kind} {i}: failed: {quoted(str(case.get('message', '')).strip() or 'failed')}")
    return lines


def results_json(result: dict, info: dict, config: settings.Gradescope, notes: list[str], written: str | None) -> dict:
    """Gradescope's results.json for one graded submission (``result`` as the judge returns it)."""
    later = config.visibility
    tests = []
    for question, entry in result["questions"].items():
        cases = entry.get("cases", [])
        public = [c for c in cases if not c.get("hidden")]
        if public:
            failed = [c for c in public if not c.get("passed")]
            text = "\n".join(_case_lines(cases, hidden=False)) if failed else "All public checks passed."
        else:
            failed, text = [], "This question has no public checks."
        if later != "visible":
            text += f"\nThe hidden checks and the points for this question are shown {WHEN[later]}."
        tests.append(
            {
                "name": f"{question}: public checks",
                "score": 0.0,
                "max_score": 0.0,
                "status": "failed" if failed else "passed",
                "output": clean(text),
                "visibility": "visible",
            }
        )
        score, possible = round(float(entry["score"]), 6), round(float(entry["possible"]), 6)
        tests.append(
            {
                "name": question,
                "score": score,
                "max_score": possible,
                "status": "passed" if abs(score - possible) < 1e-9 else "failed",
                "output": clean("\n".join(_case_lines(cases, hidden=None)) or "no checks"),
                "visibility": later,
            }
        )
    if info.get("written"):
        points = sum(float(q["points"]) for q in info["written"])
        tests.append(
            {
                "name": f"Written answers ({_num(points)} points, graded by hand)",
                "score": 0.0,
                "max_score": 0.0,
                "status": "passed",
                "output": written or "",
                "visibility": later,
            }
        )
    status = result.get("status", "error")
    lines = [f"{info['lesson']}: graded by the course's sandboxed grader."]
    if status != "ok" or result.get("message"):
        lines.append(quoted(f"Grading status: {status}. {result.get('message', '')}".rstrip()))
    lines += [quoted(note) for note in notes]  # the names of the student's files
    if later != "visible":
        lines.append(f"The public checks are shown now; your points and the hidden checks {WHEN[later]}.")
    return {
        "output": clean("\n".join(lines)),
        "output_format": "text",
        "test_output_format": "text",
        "test_name_format": "text",
        "visibility": "visible",
        "stdout_visibility": "hidden",
        "execution_time": int(round(float(result.get("seconds", 0) or 0))),
        "extra_data": {
            "lesson": info["lesson"],
            "status": status,
            "total": round(float(result.get("total", 0) or 0), 6),
            "mistakes": list(result.get("mistakes", [])),  # ids of tests/variants' mistakes: instructors only
        },
        "tests": tests,
    }


def write_results(results_dir: Path, results: dict) -> Path:
    """Write ``results.json`` atomically (a temporary file in the same folder, then a rename)."""
    results_dir.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".results-", suffix=".json", dir=results_dir)
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        json.dump(results, f, indent=1)
        f.flush()
        os.fsync(f.fileno())
    os.chmod(tmp, 0o644)
    final = results_dir / "results.json"
    os.replace(tmp, final)
    return final


def lock_down(home: Path) -> None:
    """``/autograder`` and what it holds become root's alone: the student's user id reads nothing there."""
    for path in (home, home / "source", home / "submission", home / "results"):
        if path.exists():
            if os.geteuid() == 0:
                os.chown(path, 0, 0)
            os.chmod(path, 0o700)


# ---------------------------------------------------------------------------------- grading
def load_info(root: Path) -> dict:
    return json.loads((root / INFO).read_text(encoding="utf-8"))


def grade(root: Path, home: Path, config: settings.Gradescope, info: dict) -> tuple[dict, list[str], str | None]:
    """Grade the upload; returns the judge's result, notes for the student, and the written answers."""
    from .judge import Lesson, read_sources

    lesson = info["lesson"]
    spec = Lesson(lesson, root)
    spec.sources = read_sources(spec.test_paths)  # read before any student code runs
    possible = batch.declared_points(spec)
    sub, others = choose_submission(home / "submission", lesson)
    if sub is None:
        message = f"No notebook found in your upload: hand in the .ipynb file of {lesson} (File → Download)."
        return batch.failure(possible, "invalid", message), [], None
    notes = [f"Graded file: {Path(sub.path).name}" + (f" ({sub.member})" if sub.member else "")]
    if others:
        notes.append(f"Also uploaded, not graded: {', '.join(others[:10])}")
    try:
        data = submissions.read_submission(sub.path, sub.member)
    except submissions.SubmissionError as err:
        return batch.failure(possible, "invalid", f"Your file could not be read: {err}."), notes, None
    written = written_answers(data, info.get("written", [])) if info.get("written") else None
    # a probe worker proves the mode first: it must reach neither the tests, nor the upload, nor the results
    secrets = [str(p) for p in spec.test_paths] + [sub.path]
    choice = choose(config.sandbox, config.memory, secrets, [str(home / "submission"), str(home / "results")])
    kind = choice.kind
    if choice.notes:
        notes.append(f"Sandbox: {choice.line()}")
    limits = Limits(
        timeout=config.timeout,
        cell_timeout=config.cell_timeout,
        memory_mb=config.memory,
        threads=max(1, min(2, len(os.sched_getaffinity(0)))),
        sandbox=kind,
    )
    task = {
        "lesson": lesson,
        "root": str(root),
        "path": sub.path,
        "member": sub.member,
        "limits": dataclasses.asdict(limits),
        "tests": spec.sources,
    }
    print(f"grading {sub.path} ({lesson}), sandbox: {choice.line()}", flush=True)
    scratch = tempfile.mkdtemp(prefix="course-judges-")
    os.chmod(scratch, 0o711)  # a job's user id passes through to its own box (and lists nothing)
    judge = batch.Judge(scratch, limits.threads)
    try:
        result = judge.grade(task, config.timeout + SLACK)
    finally:
        judge.stop()
        shutil.rmtree(scratch, ignore_errors=True)
    if result is None:
        message = f"grading stopped: the submission did not finish within {config.timeout:g} s"
        result = batch.failure(possible, "timeout", message)
    if result.get("status") == "invalid":
        result["message"] = (
            f"Your file could not be graded: {result.get('message', '')}. Upload the .ipynb file you worked in."
        )
    return result, notes, written


def declared_points(root: Path, lesson: str) -> dict[str, float]:
    """Each question's points as its hidden test file declares them (read as text: no Otter needed)."""
    from .judge import Lesson, read_sources

    try:
        sources = read_sources(Lesson(lesson, root).test_paths)
    except OSError:
        return {}
    return batch.declared_points(types.SimpleNamespace(sources=sources))


def provisional() -> dict:
    message = (
        "Grading did not finish (the run was stopped, probably for memory or time). Your points are 0 "
        "for now: ask your instructor to look at this submission."
    )
    return {"output": message, "output_format": "text", "visibility": "visible", "score": 0.0, "tests": []}


def main(root: Path = layout.ROOT, home: Path = HOME) -> int:
    started = time.monotonic()
    hide_command_line()  # the probe refuses a mode where the student's user id could read it
    write_results(home / "results", provisional())  # what Gradescope shows if this run is killed
    info = {"lesson": root.name, "written": []}
    try:
        lock_down(home)  # before any student code: if it fails, nothing is graded
        info = load_info(root)
        config = settings.load_gradescope(root)
        result, notes, written = grade(root, home, config, info)
        mistakes.annotate(result, mistakes.load(layout.autograder_dir(root, info["lesson"])))  # for extra_data
    except Exception as err:  # noqa: BLE001 - a results.json must be written whatever went wrong
        traceback.print_exc()
        possible = declared_points(root, info["lesson"])
        message = f"The autograder could not grade this submission ({type(err).__name__}: {err}); ask your instructor."
        config = settings.Gradescope()
        result, notes, written = batch.failure(possible, "error", message), [], None
    result.setdefault("seconds", round(time.monotonic() - started, 2))
    write_results(home / "results", results_json(result, info, config, notes, written))
    print(
        f"{info['lesson']}: {result.get('status')} {_num(result.get('total', 0))} / {_num(result.get('possible', 0))}"
    )
    return 0


def self_check(root: Path = layout.ROOT, home: Path = HOME) -> int:
    """Load what grading needs; print versions; prove a sandbox with a probe worker; non-zero when
    something is missing (image build time)."""
    import importlib

    from .judge import Lesson

    problems = []
    info = load_info(root)
    settings.load_gradescope(root)
    for name in ("numpy", "pandas", "matplotlib", "torch", "IPython"):
        try:
            module = importlib.import_module(name)
            print(f"{name} {getattr(module, '__version__', '?')}")
        except ImportError as err:
            problems.append(f"{name} cannot be imported: {err}")
    torch = sys.modules.get("torch")
    if torch is not None and not torch.__version__.endswith("+cpu"):
        problems.append(f"torch {torch.__version__} is not the CPU build (+cpu) from {CPU_HINT}")
    try:
        spec = Lesson(info["lesson"], root)
        print(f"{info['lesson']}: {len(spec.test_files)} hidden test files, {sum(spec.possible.values()):g} points")
    except Exception as err:  # noqa: BLE001 - reported as a build failure
        problems.append(f"the hidden tests cannot be loaded: {type(err).__name__}: {err}")
    else:
        problems += isolation_problems(spec, home)
    for problem in problems:
        print(f"SELF-CHECK FAILED: {problem}", file=sys.stderr)
    return 1 if problems else 0


def isolation_problems(spec, home: Path) -> list[str]:
    """Prove, while the image is built, the sandbox every submission will need: a host where no mode
    isolates a student's process would otherwise give every student a refusal instead of a grade."""
    config = settings.load_gradescope(spec.root)
    if home.is_dir() and os.geteuid() == 0:
        lock_down(home)  # as every grading run does first, so the probe sees what a student's process would
    try:
        choice = choose(config.sandbox, config.memory, [str(p) for p in spec.test_paths], [str(home / "results")])
    except NoIsolation as err:
        return [f"no sandbox works on this image, so no submission could be graded: {err}"]
    print(f"sandbox: {choice.line()}")
    return []


CPU_HINT = "PyTorch's CPU index (https://download.pytorch.org/whl/cpu)"

if __name__ == "__main__":
    sys.exit(self_check() if sys.argv[1:] == ["--self-check"] else main())
