"""``python -m course build`` / ``verify``: reproducible output, and stale files caught by name."""

import filecmp
import shutil
import subprocess
import sys
import zipfile

import nbformat
import pytest
from harness import ROOT

from course import layout, lessons, notebooks, verify
from course.build import build_lesson

LESSON = "01-warmup"


def copy_course(dest):
    """A throwaway copy of the repository parts the build reads and writes."""
    for name in ("course", layout.SOURCE, layout.DATA, *layout.GENERATED_ROOTS):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("course.toml", "requirements.txt"):  # the publish setting; the Gradescope zip's pins
        shutil.copy(ROOT / name, dest / name)
    return dest


def same_tree(a, b) -> bool:
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only or filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)[1:] != ([], []):
        return False
    return all(same_tree(a / d, b / d) for d in cmp.common_dirs)


def test_two_builds_are_byte_identical(tmp_path):
    first, second = tmp_path / "a", tmp_path / "b"
    build_lesson(LESSON, ROOT, first)
    build_lesson(LESSON, ROOT, second)
    for folder in layout.GENERATED_ROOTS:
        assert same_tree(first / folder, second / folder), f"{folder}/ differs between two builds"


def test_prints_are_stored_the_same_however_the_kernel_batches_them(tmp_path):
    """Two prints the kernel sends apart (flush, pause) are one stdout output, as when sent together:
    otherwise a busy machine splits an answer key's output and verify calls the committed file stale."""
    from course import execute

    code = "import sys, time\nprint('a')\nsys.stdout.flush()\ntime.sleep(0.3)\nprint('b')\nprint('c', file=sys.stderr)"
    nb = execute.run(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)]), tmp_path)
    outputs = [(o.output_type, o.get("name"), o.get("text")) for o in nb.cells[0].outputs]
    assert outputs == [("stream", "stdout", "a\nb\n"), ("stream", "stderr", "c\n")]


def test_committed_files_match_a_fresh_build():
    assert verify.problems(None, ROOT) == []


def test_verify_cli_names_a_hand_edited_file(tmp_path):
    root = copy_course(tmp_path)
    edited = layout.student_dir(root, LESSON) / "tests" / "q1.py"
    edited.write_text(edited.read_text() + "\n# tweaked by hand\n")
    proc = subprocess.run([sys.executable, "-m", "course", "verify", "01"], cwd=root, capture_output=True, text=True)
    assert proc.returncode == 1
    assert f"stale: notebooks/{LESSON}/tests/q1.py" in proc.stdout


def test_verify_catches_a_source_changed_without_rebuild(tmp_path):
    root = copy_course(tmp_path)
    src = root / layout.SOURCE / f"{LESSON}.ipynb"
    nb = notebooks.read(src)
    first_md = next(c for c in nb.cells if c.cell_type == "markdown")
    first_md.source += "\n\nA sentence added without rebuilding."
    nbformat.write(nb, str(src))
    found = verify.problems(["01"], root)
    assert f"stale: notebooks/{LESSON}/{LESSON}.ipynb differs from a fresh build" in " ".join(found)
    assert any(p.startswith(f"stale: solutions/{LESSON}.ipynb") for p in found)


def test_verify_flags_outputs_in_a_source_and_orphans(tmp_path):
    root = copy_course(tmp_path)
    src = root / layout.SOURCE / f"{LESSON}.ipynb"
    nb = notebooks.read(src)
    cell = next(c for c in nb.cells if c.cell_type == "code")
    cell.outputs = [nbformat.v4.new_output("stream", text="left over\n")]
    nbformat.write(nb, str(src))
    assert verify.check_source(LESSON, root)[0].startswith(f"dirty source: source/{LESSON}.ipynb")
    (root / layout.NOTEBOOKS / "07-gone").mkdir()
    assert verify.orphans(root) == ["orphan: notebooks/07-gone has no source/07-gone.ipynb"]


@pytest.mark.parametrize("selector", ["01", "1", "01-warmup", "source/01-warmup.ipynb"])
def test_lesson_selectors(selector):
    assert lessons.resolve([selector], ROOT) == [LESSON]


def test_unknown_lesson_is_a_clear_error():
    proc = subprocess.run([sys.executable, "-m", "course", "build", "42"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 2 and "no lesson matches '42'" in proc.stderr and "Traceback" not in proc.stderr


@pytest.mark.parametrize("lesson", lessons.all_lessons(ROOT))
def test_generated_files_say_they_are_generated(lesson):
    for path in (layout.student_notebook(ROOT, lesson), layout.solution_notebook(ROOT, lesson)):
        nb = notebooks.read(path)
        assert f"generated from `source/{lesson}.ipynb`" in nb.cells[0].source
        assert nb.metadata["course"]["generated_from"] == f"source/{lesson}.ipynb"
    tests = [
        *layout.student_dir(ROOT, lesson).glob("tests/*.py"),
        *layout.autograder_dir(ROOT, lesson).glob("tests/*.py"),
    ]
    assert tests and all(p.read_text().startswith(f"# Generated from source/{lesson}.ipynb") for p in tests)


@pytest.mark.parametrize("lesson", lessons.all_lessons(ROOT))
def test_autograder_zip_has_stable_name_and_hidden_tests(lesson):
    with zipfile.ZipFile(layout.autograder_zip(ROOT, lesson)) as zf:
        names = zf.namelist()
        assert {"run_autograder", "otter_config.json"} <= set(names)
        for test in (layout.autograder_dir(ROOT, lesson) / "tests").glob("*.py"):
            assert zf.read(f"tests/{test.name}") == test.read_bytes()
        assert all(info.date_time == (1980, 1, 1, 0, 0, 0) for info in zf.infolist())


def test_answer_key_has_no_test_code_or_markers():
    for lesson in lessons.all_lessons(ROOT):
        nb = notebooks.read(layout.solution_notebook(ROOT, lesson))
        text = "\n".join(notebooks.source_text(c) for c in nb.cells if c.cell_type == "code")
        for marker in ("grader.check", "otter.Notebook", "BEGIN SOLUTION", "BEGIN PROMPT", "def test_"):
            assert marker not in text, f"{lesson} answer key contains {marker!r}"


def test_strip_assign_markers_keeps_solution_and_drops_prompt():
    cell = nbformat.v4.new_code_cell(
        '""" # BEGIN PROMPT\nx = ...\n""" # END PROMPT\n# BEGIN SOLUTION NO PROMPT\nx = 3\n# END SOLUTION\nprint(x)'
    )
    nb = nbformat.v4.new_notebook(cells=[cell])
    assert notebooks.strip_assign_markers(nb).cells[0].source == "x = 3\nprint(x)"


def test_drop_grader_lines_keeps_other_set_up_code():
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell("import numpy as np\nimport otter\n\ngrader = otter.Notebook(tests_dir='tests')"),
            nbformat.v4.new_code_cell('grader.check("q1")'),
        ]
    )
    out = notebooks.drop_grader_lines(nb)
    assert [c.source for c in out.cells] == ["import numpy as np"]
