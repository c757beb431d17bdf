"""Colab, simulated offline: the student notebook alone, in an empty folder, sets itself up and passes.

A stand-in ``google.colab`` module makes the set-up cell take its Colab branch, and ``COURSE_FILES_URL``
points its downloads at a local HTTP server over this repository (the published layout). Otter is
already installed here, so the cell skips the pip install; a separate test runs that branch with
the install recorded instead of run.
"""

import functools
import http.server
import importlib.metadata
import importlib.util
import json
import re
import sys
import threading
import types

import nbformat
import pytest
from harness import ROOT, answered_notebook, check_cells, check_output, passed, working_dir
from IPython.core.inputtransformer2 import TransformerManager

from course import delivery, execute, layout, lessons, notebooks, settings

LESSONS = lessons.all_lessons(ROOT)

STAND_IN_COLAB = 'import sys, types\nsys.modules["google.colab"] = types.ModuleType("google.colab")'
STAND_IN_KAGGLE = 'import os\nos.environ["KAGGLE_KERNEL_RUN_TYPE"] = "Interactive"'
"""What Kaggle's kernels have: the run-type variable (its /kaggle folder cannot be made here)."""
STAND_INS = {"colab": STAND_IN_COLAB, "kaggle": STAND_IN_KAGGLE}


@pytest.fixture
def repo_server():
    """An HTTP server on 127.0.0.1 over the repository; yields (base URL, list of requested paths)."""
    requested = []

    class Handler(http.server.SimpleHTTPRequestHandler):
        def log_message(self, *args):
            requested.append(self.path)

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(Handler, directory=str(ROOT)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", requested
    server.shutdown()
    server.server_close()


@pytest.mark.slow
@pytest.mark.parametrize("platform", sorted(STAND_INS))
@pytest.mark.parametrize("lesson", LESSONS)
def test_student_notebook_alone_on_colab_or_kaggle_fetches_its_files_and_passes(
    lesson, platform, tmp_path, repo_server, monkeypatch
):
    url, requested = repo_server
    monkeypatch.setenv(delivery.FILES_URL_ENV, url)
    nb = answered_notebook(lesson)
    nb.cells.insert(0, nbformat.v4.new_code_cell(STAND_INS[platform]))
    setup = next(i for i, c in enumerate(nb.cells) if delivery.SETUP_TITLE in c.source)
    nb.cells.insert(setup + 1, nbformat.v4.new_code_cell('hint("q1")'))
    nb = execute.run(nb, tmp_path, timeout=300)

    public = layout.student_dir(ROOT, lesson) / "tests"
    fetched = tmp_path / "tests"
    assert sorted(p.name for p in fetched.iterdir()) == sorted(p.name for p in public.iterdir())
    assert all((fetched / p.name).read_bytes() == p.read_bytes() for p in public.iterdir())
    hints = json.loads((public / delivery.HINTS_FILE).read_text(encoding="utf-8"))
    if "q1" in hints:  # that every question has hints is test_hints.py's to say
        (shown,) = [o for o in nb.cells[setup + 1].outputs if "course_hint" in o.get("metadata", {})]
        assert shown.metadata["course_hint"] == {"question": "q1", "number": 1}
        assert shown.data["text/markdown"].endswith(hints["q1"][0])
    allowed = (f"/{layout.NOTEBOOKS}/{lesson}/tests/", f"/{layout.DATA}/")
    assert requested and all(path.startswith(allowed) for path in requested), requested

    results = {q: check_output(cell) for q, cell in check_cells(nb).items()}
    assert results
    failing = {q: text for q, text in results.items() if not passed(text)}
    assert not failing, failing


def setup_source(lesson: str) -> str:
    """The first code cell of the student notebook, turned into plain Python as IPython would."""
    nb = notebooks.read(layout.student_notebook(ROOT, lesson))
    first = next(c for c in nb.cells if c.cell_type == "code")
    return TransformerManager().transform_cell(notebooks.source_text(first))


class RecordingShell:
    """Stands in for ``get_ipython()``: records magics instead of running them."""

    def __init__(self):
        self.magics = []

    def run_line_magic(self, name, line, *args):
        self.magics.append((name, line))


@pytest.mark.parametrize("lesson", LESSONS)
def test_first_view_is_the_title_and_a_collapsed_set_up_then_the_badges(lesson):
    """A student's first screen: the lesson's title, then the set-up cell collapsed to its one-line
    title (JupyterLab's source_hidden, Colab's form view); the badges follow; the "generated" stamp
    is at the end and in the metadata, not on top."""
    nb = notebooks.read(layout.student_notebook(ROOT, lesson))
    publish = settings.load_publish(ROOT)
    title, setup, top = nb.cells[:3]
    assert title.cell_type == "markdown" and title.source.startswith("# Lesson ")
    assert setup.cell_type == "code" and setup.source.split("\n")[0] == delivery.SETUP_TITLE
    assert setup.metadata["jupyter"]["source_hidden"] is True and setup.metadata["cellView"] == "form"
    assert 'if "google.colab" in sys.modules or "KAGGLE_KERNEL_RUN_TYPE" in os.environ' in setup.source
    assert 'grader = otter.Notebook(tests_dir="tests")' in setup.source
    assert delivery.raw_url(publish) in setup.source
    assert top.cell_type == "markdown" and delivery.BADGES_TAG in top.metadata["tags"]
    path = f"notebooks/{lesson}/{lesson}.ipynb"
    assert f"(https://colab.research.google.com/github/{publish.repository}/blob/{publish.ref}/{path})" in top.source
    assert f"(https://kaggle.com/kernels/welcome?src=https://github.com/{publish.repository}/blob/" in top.source
    assert f"(https://mybinder.org/v2/gh/{publish.repository}/{publish.ref}?urlpath=lab/tree/{path})" in top.source
    assert "File → Download" in top.source and "`grader.export` does not work on Colab" in top.source
    stamp = [i for i, c in enumerate(nb.cells) if "generated from" in c.source]
    assert stamp == [len(nb.cells) - 1] and nb.metadata["course"]["generated_from"] == f"source/{lesson}.ipynb"


@pytest.mark.slow
def test_on_kaggle_without_internet_the_set_up_says_so_in_one_sentence(tmp_path, monkeypatch):
    monkeypatch.setenv(delivery.FILES_URL_ENV, "http://127.0.0.1:9/nothing-listens-here")
    nb = nbformat.v4.new_notebook(
        cells=[
            nbformat.v4.new_code_cell(STAND_IN_KAGGLE),
            nbformat.v4.new_code_cell(notebooks.source_text(next_code(LESSONS[0]))),
        ]
    )
    ran = execute.run(nb, tmp_path, timeout=120)
    text = check_output(ran.cells[1])
    assert text.strip() == delivery.OFFLINE_MESSAGE and "Traceback" not in text
    assert "Internet" in delivery.OFFLINE_MESSAGE and delivery.OFFLINE_MESSAGE.count(". ") <= 1


def next_code(lesson: str):
    return next(c for c in notebooks.read(layout.student_notebook(ROOT, lesson)).cells if c.cell_type == "code")


def test_outside_colab_the_set_up_only_creates_grader(tmp_path, monkeypatch):
    monkeypatch.setenv(delivery.FILES_URL_ENV, "http://127.0.0.1:9/nothing-listens-here")
    shell = RecordingShell()
    env = {"__name__": "__main__", "get_ipython": lambda: shell}
    with working_dir(tmp_path):
        exec(compile(setup_source("01-warmup"), "<set-up>", "exec"), env)
    import otter

    assert isinstance(env["grader"], otter.Notebook)
    assert shell.magics == [] and [p.name for p in tmp_path.iterdir() if p.name != ".OTTER_LOG"] == []


def test_on_colab_without_otter_the_set_up_installs_the_pin_and_keeps_colab_packages(tmp_path, monkeypatch):
    """The install branch, with ``%pip`` recorded: the requirements.txt pin, Colab's packages held."""
    lesson = "01-warmup"
    checks = layout.student_dir(ROOT, lesson) / "tests"
    (tmp_path / "tests").mkdir()  # already downloaded: no network needed
    for test in checks.glob("*.py"):
        (tmp_path / "tests" / test.name).write_bytes(test.read_bytes())
    monkeypatch.setitem(sys.modules, "google.colab", types.ModuleType("google.colab"))
    real_find_spec = importlib.util.find_spec
    monkeypatch.setattr(
        importlib.util, "find_spec", lambda name, *a: None if name == "otter" else real_find_spec(name, *a)
    )
    shell = RecordingShell()
    env = {"__name__": "__main__", "get_ipython": lambda: shell}
    with working_dir(tmp_path):
        exec(compile(setup_source(lesson), "<set-up>", "exec"), env)

    ((magic, line),) = shell.magics
    pinned = re.search(r"^otter-grader(?:\[\w+\])?==(\S+)", (ROOT / "requirements.txt").read_text(), re.M).group(1)
    assert magic == "pip" and f"install --quiet otter-grader=={pinned} -c " in line
    constraints = open(line.split(" -c ")[1].strip()).read().split()
    for package in ("numpy", "torch", "matplotlib"):
        assert f"{package}=={importlib.metadata.version(package)}" in constraints
