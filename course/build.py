"""``python -m course build``: generate student notebooks, answer keys and autograder files.

Stages, per lesson (one log line each):
  1. assign   - run Otter Assign on ``source/NN-name.ipynb`` in a scratch folder;
  2. student  - normalise the student notebook and copy its public tests to ``notebooks/NN-name/``;
  3. grader   - copy the hidden tests and write the Gradescope autograder zip (see ``course/gradescope.py``);
     before it, ``written.json`` (written questions and rubrics) and ``mistakes.json`` (mistake ids of the
     variants) for the instructor's grader (see ``course/instructor_files.py``);
  4. solution - strip grader cells from the solution notebook, execute it, write ``solutions/``.
Test files are copied with their failing lines rewritten to raise the message by name (see
:func:`readable_failures`); each question's ``hints:`` go next to the public tests (:func:`write_hints`).
Every generated file is written so that two builds give byte-identical results.
"""

import ast
import json
import logging
import shutil
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

from . import delivery, execute, instructor_files, layout, lessons, notebooks, settings
from .errors import BuildError

log = logging.getLogger("course.build")

ZIP_TIME = (1980, 1, 1, 0, 0, 0)


def test_header(source_rel: str) -> str:
    return f"# Generated from {source_rel} by `{notebooks.GENERATOR}`. Edit the source, not this file.\n"


def assign(lesson: str, src_root: Path, scratch: Path) -> Path:
    """Run Otter Assign on a copy of the lesson's source; return Otter's output folder."""
    work = scratch / "work"
    (work / layout.SOURCE).mkdir(parents=True)
    master = work / layout.SOURCE / f"{lesson}.ipynb"
    shutil.copy(src_root / layout.SOURCE / f"{lesson}.ipynb", master)
    (work / layout.DATA).symlink_to(src_root / layout.DATA)  # lessons read ../data/ames.csv
    out = scratch / "otter"
    otter = Path(sys.executable).with_name("otter")
    proc = subprocess.run(
        [str(otter), "assign", str(master), str(out)],
        cwd=work,
        capture_output=True,
        text=True,
    )
    failed = [ln for ln in proc.stdout.splitlines() if "failed" in ln.lower() and "0 failed" not in ln.lower()]
    if proc.returncode != 0 or failed:
        raise BuildError(f"{lesson}: otter assign failed\n{proc.stdout[-4000:]}\n{proc.stderr[-4000:]}")
    return out


class _NamedMessages(ast.NodeTransformer):
    """``assert ok, <message>`` becomes ``if not ok:`` + ``message = <message>`` + ``raise AssertionError(message)``,
    and ``raise AssertionError(<message>)`` gets the same ``message =`` line first."""

    @staticmethod
    def _raise(cause=None) -> ast.Raise:
        call = ast.Call(ast.Name("AssertionError", ast.Load()), [ast.Name("message", ast.Load())], [])
        return ast.Raise(exc=call, cause=cause)

    def visit_Assert(self, node: ast.Assert):
        if node.msg is None:
            return node
        body = [ast.Assign([ast.Name("message", ast.Store())], node.msg), self._raise()]
        return ast.copy_location(ast.If(ast.UnaryOp(ast.Not(), node.test), body, []), node)

    def visit_Raise(self, node: ast.Raise):
        exc = node.exc
        if not (
            isinstance(exc, ast.Call)
            and isinstance(exc.func, ast.Name)
            and exc.func.id == "AssertionError"
            and len(exc.args) == 1
            and not exc.keywords
            and not isinstance(exc.args[0], ast.Name)
        ):
            return node
        return [ast.Assign([ast.Name("message", ast.Store())], exc.args[0]), self._raise(node.cause)]


def readable_failures(text: str) -> str:
    """A test file whose failing line, as Otter shows it, is ``raise AssertionError(message)``.

    Above a failed check's message Otter prints the test line that raised it; for
    ``assert ok, f"...{got}..."`` a student would read the message's template and then the message.
    Assigning the message on the line before and raising it by name keeps what the check does (an
    ``assert`` is an ``if not``/``raise``) and leaves the sentence to appear once.
    """
    tree = ast.fix_missing_locations(_NamedMessages().visit(ast.parse(text)))
    return ast.unparse(tree) + "\n"


def copy_tests(src: Path, dest: Path, source_rel: str) -> None:
    dest.mkdir(parents=True, exist_ok=True)
    for test in sorted(src.glob("*.py")):
        text = readable_failures(test.read_text(encoding="utf-8"))
        (dest / test.name).write_text(test_header(source_rel) + text, encoding="utf-8")


def question_configs(lesson: str, src_root: Path) -> list[dict]:
    """The YAML of every ``# BEGIN QUESTION`` raw cell of the lesson's source, in order."""
    import yaml

    nb = notebooks.read(src_root / layout.SOURCE / f"{lesson}.ipynb")
    configs = []
    for cell in nb.cells:
        text = notebooks.source_text(cell)
        if cell.cell_type == "raw" and text.lstrip().startswith("# BEGIN QUESTION"):
            config = yaml.safe_load(text.split("\n", 1)[1]) or {}
            if not isinstance(config, dict) or "name" not in config:
                raise BuildError(f"{lesson}: a '# BEGIN QUESTION' cell has no name: {text[:80]!r}")
            configs.append(config)
    return configs


def lesson_hints(lesson: str, src_root: Path) -> dict[str, list[str]]:
    """{question: [hint, ...]} from the ``hints:`` list of each question's ``# BEGIN QUESTION`` cell."""
    found = {}
    for config in question_configs(lesson, src_root):
        hints = config.get("hints")
        if hints is None:
            continue
        if not (isinstance(hints, list) and hints and all(isinstance(h, str) and h.strip() for h in hints)):
            raise BuildError(f"{lesson}: the hints of {config['name']} should be a YAML list of sentences")
        found[str(config["name"])] = [" ".join(h.split()) for h in hints]
    return found


def write_hints(lesson: str, src_root: Path, tests: Path) -> None:
    """``tests/hints.json`` next to the public checks: what ``hint("qN")`` shows (``{}`` without hints)."""
    text = json.dumps(lesson_hints(lesson, src_root), indent=1, ensure_ascii=False)
    (tests / delivery.HINTS_FILE).write_text(text + "\n", encoding="utf-8")


def write_student(lesson: str, otter_out: Path, src_root: Path, dest_root: Path, source_rel: str) -> None:
    nb = notebooks.read(otter_out / "student" / f"{lesson}.ipynb")
    nb = notebooks.clear_outputs(notebooks.clean_metadata(nb))
    checks = sorted(p.stem for p in (otter_out / "student" / "tests").glob("*.py"))
    data = [name.removeprefix("files/") for name in data_files(lesson, src_root)]
    publish, pin = settings.load_publish(src_root), delivery.otter_pin()
    try:  # badges on top; the Otter set-up lines become the Colab-aware set-up
        nb = delivery.for_students(nb, lesson, checks, data, publish, pin)
    except (delivery.DeliveryError, settings.SettingsError) as err:
        raise BuildError(str(err)) from None
    nb = notebooks.add_contents(nb)
    nb = notebooks.stable_ids(notebooks.add_generated_note(nb, source_rel, "Student notebook", at_end=True), lesson)
    folder = layout.student_dir(dest_root, lesson)
    notebooks.write(nb, layout.student_notebook(dest_root, lesson))
    copy_tests(otter_out / "student" / "tests", folder / "tests", source_rel)
    write_hints(lesson, src_root, folder / "tests")


def write_zip(dest: Path, entries: dict[str, tuple[bytes, int]]) -> None:
    """Write a zip with sorted entries, fixed dates and the given file modes (byte-identical builds)."""
    with zipfile.ZipFile(dest, "w", zipfile.ZIP_DEFLATED) as out:
        for name in sorted(entries):
            data, mode = entries[name]
            info = zipfile.ZipInfo(name, ZIP_TIME)
            info.external_attr = (0o100000 | mode) << 16
            info.compress_type = zipfile.ZIP_DEFLATED
            out.writestr(info, data)


def data_files(lesson: str, src_root: Path) -> dict[str, bytes]:
    """Data files the lesson's source mentions, as ``files/data/NAME`` (Otter's name for support files).

    The autograder zip stores them as ``data/NAME``: the judge's hidden tests read them there, and
    the sandbox copies them next to the graded notebook.
    """
    text = (src_root / layout.SOURCE / f"{lesson}.ipynb").read_text(encoding="utf-8")
    return {
        f"files/{layout.DATA}/{path.name}": path.read_bytes()
        for path in sorted((src_root / layout.DATA).glob("*.csv"))
        if path.name in text
    }


def write_grader(lesson: str, otter_out: Path, src_root: Path, dest_root: Path, source_rel: str) -> None:
    """The hidden tests, and the Gradescope zip that grades with the course's own grader (not Otter's runner)."""
    from . import gradescope

    folder = layout.autograder_dir(dest_root, lesson)
    copy_tests(otter_out / "autograder" / "tests", folder / "tests", source_rel)
    data = {name.removeprefix("files/"): content for name, content in data_files(lesson, src_root).items()}
    try:
        entries = gradescope.zip_entries(lesson, src_root, folder / "tests", data)
    except settings.SettingsError as err:
        raise BuildError(str(err)) from None
    write_zip(layout.autograder_zip(dest_root, lesson), entries)


def write_instructor_files(lesson: str, src_root: Path, dest_root: Path) -> None:
    """``written.json`` and ``mistakes.json``: instructor side only (never in anything students get)."""
    instructor_files.write(lesson, src_root, dest_root)


def write_solution(lesson: str, otter_out: Path, src_root: Path, dest_root: Path, source_rel: str) -> None:
    nb = notebooks.read(otter_out / "autograder" / f"{lesson}.ipynb")
    nb = notebooks.drop_grader_lines(nb, setup=notebooks.course_setup("figures"))  # figure cells call show_figure
    nb = notebooks.strip_assign_markers(nb)
    nb = notebooks.clear_outputs(nb)
    with tempfile.TemporaryDirectory() as tmp:
        cwd = Path(tmp) / layout.SOLUTIONS
        cwd.mkdir()
        (Path(tmp) / layout.DATA).symlink_to(src_root / layout.DATA)
        try:
            nb = execute.run(nb, cwd)
        except Exception as err:
            raise BuildError(f"{lesson}: the solution notebook does not run: {err}") from None
    nb = notebooks.add_contents(notebooks.clean_metadata(nb))
    nb = notebooks.stable_ids(notebooks.add_generated_note(nb, source_rel, "Answer key"), lesson)
    notebooks.write(nb, layout.solution_notebook(dest_root, lesson))


def build_lesson(lesson: str, src_root: Path, dest_root: Path) -> None:
    source_rel = f"{layout.SOURCE}/{lesson}.ipynb"
    for path in layout.generated_paths(dest_root, lesson):
        if path.is_dir():
            shutil.rmtree(path)
        elif path.exists():
            path.unlink()
    with tempfile.TemporaryDirectory(prefix=f"course-{lesson}-") as tmp:
        log.info("%s: assign (otter assign %s)", lesson, source_rel)
        out = assign(lesson, src_root, Path(tmp))
        log.info("%s: student notebook and public tests -> %s/%s/", lesson, layout.NOTEBOOKS, lesson)
        write_student(lesson, out, src_root, dest_root, source_rel)
        log.info("%s: written questions, rubrics and mistake ids -> %s/%s/", lesson, layout.AUTOGRADER, lesson)
        write_instructor_files(lesson, src_root, dest_root)
        log.info("%s: hidden tests and autograder zip -> %s/%s/", lesson, layout.AUTOGRADER, lesson)
        write_grader(lesson, out, src_root, dest_root, source_rel)
        log.info("%s: executing the answer key -> %s/%s.ipynb", lesson, layout.SOLUTIONS, lesson)
        write_solution(lesson, out, src_root, dest_root, source_rel)


def main(selectors: list[str] | None = None, *, src_root: Path = layout.ROOT, dest_root: Path | None = None) -> int:
    """Build the selected lessons (all by default) from ``src_root`` into ``dest_root``."""
    dest_root = dest_root or src_root
    for lesson in lessons.resolve(selectors, src_root):
        build_lesson(lesson, src_root, dest_root)
    return 0


def add_arguments(parser) -> None:
    parser.add_argument("lessons", nargs="*", help="lesson number or name (01, 01-warmup); default: all")


def run(args) -> int:
    return main(args.lessons)
