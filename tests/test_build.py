"""``python -m course build`` / ``verify``: reproducible output, and stale files caught by name."""

import copy
import filecmp
import os
import re
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import nbformat
import numpy as np
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


@pytest.mark.slow
def test_two_builds_are_byte_identical(tmp_path, fresh_build):
    again = tmp_path / "again"
    build_lesson(LESSON, ROOT, again)
    for folder in layout.GENERATED_ROOTS:
        assert same_tree(fresh_build.lesson(LESSON) / folder, again / folder), f"{folder}/ differs between two builds"


def test_prints_are_stored_the_same_however_the_kernel_batches_them(tmp_path):
    """Two prints the kernel sends apart (flush, pause) are one stdout output, as when sent together:
    otherwise a busy machine splits an answer key's output and verify calls the committed file stale."""
    from course import execute

    code = "import sys, time\nprint('a')\nsys.stdout.flush()\ntime.sleep(0.3)\nprint('b')\nprint('c', file=sys.stderr)"
    nb = execute.run(nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(code)]), tmp_path)
    outputs = [(o.output_type, o.get("name"), o.get("text")) for o in nb.cells[0].outputs]
    assert outputs == [("stream", "stdout", "a\nb\n"), ("stream", "stderr", "c\n")]


@pytest.mark.slow
def test_committed_files_match_a_fresh_build(fresh_build):
    assert verify.problems(None, ROOT, fresh_root=fresh_build.all()) == []


@pytest.mark.slow
def test_verify_cli_names_a_hand_edited_file(tmp_path, fresh_build, monkeypatch, capsys):
    """``python -m course verify 01`` exits 1 and names the file and the line (the build is the session's)."""
    from course.__main__ import main

    root = copy_course(tmp_path)
    fresh_build.copy_lesson(LESSON, root)  # committed = fresh, but for the edit below
    edited = layout.student_dir(root, LESSON) / "tests" / "q1.py"
    edited.write_text(edited.read_text() + "\n# tweaked by hand\n")
    monkeypatch.setattr(verify, "build_lesson", lambda lesson, src, dest: fresh_build.copy_lesson(lesson, dest))
    monkeypatch.setattr(layout, "ROOT", root)  # as if run from the copy
    assert main(["verify", "01"]) == 1
    out = capsys.readouterr().out
    assert f"stale: notebooks/{LESSON}/tests/q1.py differs from a fresh build" in out
    assert re.search(r"line \d+: committed '# tweaked by hand', not in the fresh build", out), out
    assert out.count("stale:") == 1, out


@pytest.mark.slow
def test_verify_catches_a_source_changed_without_rebuild(tmp_path, fresh_build):
    root = copy_course(tmp_path)
    fresh_build.copy_lesson(LESSON, root)  # committed: built from the source before the change below
    src = root / layout.SOURCE / f"{LESSON}.ipynb"
    nb = notebooks.read(src)
    first_md = next(c for c in nb.cells if c.cell_type == "markdown")
    first_md.source += "\n\nA sentence added without rebuilding."
    nbformat.write(nb, str(src))
    found = verify.problems(["01"], root)
    stale = [p for p in found if p.startswith(f"stale: notebooks/{LESSON}/{LESSON}.ipynb differs from a fresh build")]
    assert stale and "A sentence added without rebuilding." in stale[0], found
    assert any(p.startswith(f"stale: solutions/{LESSON}.ipynb") for p in found)


def blas_printing_lesson() -> str:
    """A lesson whose answer key prints numbers that come out of matrix products (a gradient check's
    relative error): the first whose source prints one."""
    for lesson in lessons.all_lessons(ROOT):
        if "relative error" in (ROOT / layout.SOURCE / f"{lesson}.ipynb").read_text(encoding="utf-8"):
            return lesson
    pytest.fail("no lesson prints a relative error any more: name another lesson that prints BLAS results")


@pytest.mark.slow
def test_verify_passes_when_the_rebuild_runs_on_another_blas_kernel():
    """``OPENBLAS_CORETYPE=Prescott`` makes OpenBLAS use its oldest x86-64 kernels, whose sums round
    differently; a lesson must print only digits that do not depend on that (``relative error: 4e-11``
    against ``5e-11`` did)."""
    lesson = blas_printing_lesson()
    env = {**os.environ, "OPENBLAS_CORETYPE": "Prescott"}
    proc = subprocess.run(
        [sys.executable, "-m", "course", "verify", lesson], cwd=ROOT, env=env, capture_output=True, text=True
    )
    assert proc.returncode == 0, f"{lesson} rebuilt with OPENBLAS_CORETYPE=Prescott:\n{proc.stdout[-3000:]}"


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


# --- verify compares as a reader would: plots by their pixels --------------------------------------

PLOTTED = "03-gradient-descent"
"""A lesson with line plots (the diverging learning-rate curves of the issue)."""

CHANGE_PLOTS = """
import os

import matplotlib.axes
import numpy as np

_plot = matplotlib.axes.Axes.plot


def _changed(value):
    value = np.asarray(value, dtype=float)
    how, _, ulps = os.environ["CHANGE_PLOTS"].partition(":")
    if how == "ulps":
        return value + int(ulps) * np.spacing(value)  # a few units in the last place: another CPU's rounding
    return value


def plot(self, *args, **kwargs):
    args = [_changed(a) if isinstance(a, (list, np.ndarray)) else a for a in args]
    if os.environ["CHANGE_PLOTS"] == "colour":
        kwargs["color"] = "tab:green"
    return _plot(self, *args, **kwargs)


matplotlib.axes.Axes.plot = plot
"""
"""An IPython start-up file: every ``Axes.plot`` of the kernels the build starts draws changed numbers
(``ulps``) or in another colour (``colour``), while the notebooks' code stays the same."""


def build_with_plots_changed(how: str, tmp_path, monkeypatch) -> Path:
    startup = tmp_path / "ipython" / "profile_default" / "startup"
    startup.mkdir(parents=True, exist_ok=True)
    (startup / "change_plots.py").write_text(CHANGE_PLOTS)
    monkeypatch.setenv("IPYTHONDIR", str(tmp_path / "ipython"))
    monkeypatch.setenv("CHANGE_PLOTS", how)
    root = tmp_path / how.replace(":", "-")
    build_lesson(PLOTTED, ROOT, root)
    return root


def images(path: Path) -> dict[int, list[str]]:
    nb = notebooks.read(path)
    return {
        i: [o.data["image/png"] for o in c.outputs if "image/png" in o.get("data", {})]
        for i, c in enumerate(nb.cells)
        if c.cell_type == "code" and any("image/png" in o.get("data", {}) for o in c.outputs)
    }


@pytest.mark.slow
def test_verify_passes_plots_that_differ_by_floating_point_noise(tmp_path, monkeypatch, fresh_build):
    """Rebuilt with every plotted number moved by a few ulps: at most a few pixels move by a grey level.

    Which pixels move is chaotic (a sum's last bit can depend even on the memory layout), so a count of
    ulps that happens to leave every image as it was is followed by another, up to 1024 ulps (about 2e-13
    relative, far below what a reader can see): lesson 03's log-scale loss curves move no pixel at 2 to 5."""
    fresh = fresh_build.lesson(PLOTTED)
    before = images(layout.solution_notebook(fresh, PLOTTED))
    for ulps in (4, 3, 5, 2, 16, 64, 256, 1024):
        noisy = build_with_plots_changed(f"ulps:{ulps}", tmp_path, monkeypatch)
        after = images(layout.solution_notebook(noisy, PLOTTED))
        assert before.keys() == after.keys()
        changed = [i for i in before if before[i] != after[i]]
        if changed:
            break
    else:
        pytest.fail("no count of ulps changed an image: this test would prove nothing")
    for i in changed:
        for a, b in zip(before[i], after[i], strict=True):
            pixels_a, pixels_b = verify._pixels(a), verify._pixels(b)
            moved = int((pixels_a != pixels_b).any(axis=-1).sum())
            assert moved <= 200 and abs(pixels_a - pixels_b).max() <= 3, f"cell {i}: {moved} pixels moved"
    assert verify.compare_lesson(PLOTTED, noisy, fresh) == []


@pytest.mark.slow
def test_verify_fails_naming_the_cell_when_a_plot_visibly_changes(tmp_path, monkeypatch, fresh_build):
    recoloured = build_with_plots_changed("colour", tmp_path, monkeypatch)
    found = verify.compare_lesson(PLOTTED, recoloured, fresh_build.lesson(PLOTTED))
    assert len(found) == 1 and found[0].startswith(f"stale: solutions/{PLOTTED}.ipynb differs from a fresh build"), (
        found
    )
    nb = notebooks.read(layout.solution_notebook(recoloured, PLOTTED))
    plotted = [i for i in images(layout.solution_notebook(recoloured, PLOTTED)) if ".plot(" in nb.cells[i].source]
    assert plotted
    for i in plotted[: verify.MAX_DETAILS]:
        assert re.search(rf"cell {i} \(code, .*\): output \d+: image/png image differs: RMS \d+\.\d+", found[0]), found[
            0
        ]
    assert not re.search(r"source line|stdout line", found[0]), "only the pictures changed"


def test_image_comparison_tolerates_noise_and_catches_a_change():
    """The same picture drawn from numbers 4 ulps apart passes; one drawn with another colour fails."""
    import base64
    import io

    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    import numpy as np

    def png(y, color="tab:blue") -> str:
        fig, ax = plt.subplots(figsize=(4, 3))
        ax.plot(np.arange(len(y)), y, color=color)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png")
        plt.close(fig)
        return base64.b64encode(buffer.getvalue()).decode()

    y = np.cumsum(np.random.default_rng(0).normal(size=200)) * 1e6
    reference = png(y)
    assert verify.image_difference(reference, png(y)) is None
    assert verify.image_difference(reference, png(y + 4 * np.spacing(y))) is None
    recoloured = verify.image_difference(reference, png(y, color="tab:green"))
    assert recoloured and recoloured.startswith("image differs: RMS")
    assert verify.image_difference(reference, png(y * 1.05)) is not None


def test_a_figures_html_is_compared_by_its_text_and_its_images_pixels():
    """show_figure's HTML embeds the PNG: its text must match exactly, its picture as verify compares pictures."""
    import base64
    import io

    from PIL import Image

    def png(shade) -> str:
        pixels = np.full((40, 60, 3), 255, dtype=np.uint8)
        pixels[10:30, 10:50] = shade
        buffer = io.BytesIO()
        Image.fromarray(pixels).save(buffer, format="PNG")
        return base64.b64encode(buffer.getvalue()).decode()

    def page(image, alt="A grey box."):
        return f'<figure><img src="data:image/png;base64,{image}" alt="{alt}"><figcaption>{alt}</figcaption></figure>'

    reference = page(png((100, 100, 100)))
    assert verify.html_differences(reference, page(png((101, 100, 100)))) == []  # one grey level: noise
    changed = verify.html_differences(reference, page(png((200, 30, 30))))
    assert len(changed) == 1 and changed[0].startswith("embedded image 1 image differs: RMS"), changed
    (text,) = verify.html_differences(reference, page(png((100, 100, 100)), alt="A red box."))
    assert text.startswith("line 1: committed '<figure><img src=\"data:image/png;base64,...\" alt=\"A grey box.\">")
    assert "fresh build '<figure><img src=\"data:image/png;base64,...\" alt=\"A red box.\">" in text


def test_text_outputs_and_zip_members_are_compared_exactly(tmp_path):
    a = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("print(1)")])
    a.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="x = 0.31\ny\n")]
    a.metadata["language_info"] = {"name": "python", "version": "3.11.7"}
    b = copy.deepcopy(a)
    b.metadata["language_info"]["version"] = "3.11.9"  # another patch release: the same for a reader
    assert verify.notebook_differences(nbformat.writes(a).encode(), nbformat.writes(b).encode()) == []
    b.cells[0].outputs[0].text = "x = 0.32\ny\n"
    assert verify.notebook_differences(nbformat.writes(a).encode(), nbformat.writes(b).encode()) == [
        "cell 0 (code, 'print(1)'): output 1: stdout line 1: committed 'x = 0.31', fresh build 'x = 0.32'"
    ]
    for name, test in (("a.zip", "assert x == 1\n"), ("b.zip", "assert x == 2\n")):
        with zipfile.ZipFile(tmp_path / name, "w") as zf:
            zf.writestr("tests/q1.py", test)
    assert verify.zip_differences(tmp_path / "a.zip", tmp_path / "a.zip") == []
    assert verify.zip_differences(tmp_path / "a.zip", tmp_path / "b.zip") == [
        "member tests/q1.py: line 1: committed 'assert x == 1', fresh build 'assert x == 2'"
    ]


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
        notes = [c for c in nb.cells if "generated-note" in c.metadata.get("tags", [])]  # first or last cell
        assert len(notes) == 1 and notes[0] in (nb.cells[0], nb.cells[-1]), path
        assert f"generated from `source/{lesson}.ipynb`" in notes[0].source
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
        assert {"run_autograder", "setup.sh", "gradescope.json"} <= set(names)
        for test in (layout.autograder_dir(ROOT, lesson) / "tests").glob("*.py"):
            assert zf.read(f"autograder/{lesson}/tests/{test.name}") == test.read_bytes()
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
    out = notebooks.drop_grader_lines(nb, setup="")
    assert [c.source for c in out.cells] == ["import numpy as np"]
    kept = notebooks.drop_grader_lines(nb)  # by default the course's figure and hint helpers take Otter's place
    assert [c.source for c in kept.cells] == [f"import numpy as np\n\n{notebooks.course_setup('figures', 'hints')}"]
    assert "otter" not in kept.cells[0].source and "show_figure = _course_figures()" in kept.cells[0].source


FAILURES = """
def check(x, values):
    assert x > 0, f"x should be positive; got {x}."
    assert x != 5
    try:
        values[x]
    except IndexError as e:
        raise AssertionError(f"values[{x}] raised {type(e).__name__}") from None
    for wrong, message in [(7, "seven is wrong")]:
        if x == wrong:
            raise AssertionError(message)
    assert not (x == 3 and len(values) == 4), "three of four"
"""


@pytest.mark.parametrize(
    "x, values, said",
    [
        (-1, [], "x should be positive; got -1."),
        (5, [0] * 9, ""),
        (2, [0], "values[2] raised IndexError"),
        (7, [0] * 9, "seven is wrong"),
        (3, [0] * 4, "three of four"),
        (3, [0] * 5, None),
    ],
)
def test_generated_tests_raise_their_messages_by_name_and_behave_the_same(x, values, said):
    """The build rewrites each failing line of a test as ``raise AssertionError(message)`` (what Otter
    prints above the message); the rewritten test passes and fails exactly as the written one."""
    from course.build import readable_failures

    rewritten = readable_failures(FAILURES)
    assert rewritten.count("raise AssertionError(message)") == 4 and "assert x != 5" in rewritten
    outcomes = []
    for text in (FAILURES, rewritten):
        space = {}
        exec(compile(text, "test", "exec"), space)
        try:
            space["check"](x, values)
            outcomes.append(None)
        except AssertionError as err:
            outcomes.append(str(err))
    assert outcomes == [said, said]


def test_otter_shows_a_failed_checks_message_once(tmp_path):
    """What ``grader.check`` prints for a wrong answer: the sentence once, not after the test line that
    holds its template (``assert ok, f'...{got}...'``)."""
    from otter.test_files.exception_test import ExceptionTestFile

    test = ExceptionTestFile.from_file(str(layout.student_dir(ROOT, "02-linear-numpy") / "tests" / "q2.py"))
    mae = lambda a, c: float(abs(np.asarray(a, dtype=float) - np.asarray(c, dtype=float)).mean())  # noqa: E731
    test.run({"predict_line": lambda x, w, b: x * w + b, "mse": mae})
    shown = test.summary()
    sentence = "mse computed the mean ABSOLUTE error (MAE): square the errors instead."
    assert shown.count(sentence) == 1 and "raise AssertionError(message)" in shown, shown
    assert "{" not in shown and "assert ok" not in shown, shown
