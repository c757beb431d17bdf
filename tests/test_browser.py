"""A real browser: JupyterLab (and Notebook 7) over the student release, driven in Debian's Chromium with Playwright.

Lesson 01 is opened as a student would open it, the answer key's code is typed into its answer cells
(one answer wrong on purpose), Run All runs it, and the ``grader.check`` results, the figure's text
alternative, two hints, a check after a crashed cell and the hand-in of unsaved work are read off the
page. Other tests hand in where the front end cannot save, and open a lesson in a git clone and pull.
Screenshots are saved under ``test-artifacts/``.
"""

import contextlib
import json
import os
import platform
import re
import secrets
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
import zipfile
from pathlib import Path

import pytest
from conftest import require_tool
from harness import ROOT, AnswerKey
from otter.test_files.exception_test import ExceptionTestFile
from playwright.sync_api import sync_playwright
from test_colab import answered_notebook, check_cells
from test_tests_of_tests import load_variants

from course import delivery, layout, notebooks, release

LESSON = "01-warmup"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
ARTIFACTS = ROOT / "test-artifacts"


def publicly_caught_wrong_answer(lesson: str):
    """A wrong answer from the lesson's variants that the *public* checks catch with its message.

    Later questions first, so that Run All does not stop on it before the other checks run.
    """
    key = AnswerKey(lesson)
    for variant in reversed(load_variants(lesson)[0]):
        test = ExceptionTestFile.from_file(str(layout.student_dir(ROOT, lesson) / "tests" / f"{variant.question}.py"))
        test.run(key.run_code(variant.code))
        if test.score < test.possible and variant.message in test.summary():
            return variant
    pytest.fail(f"{lesson}: no wrong-answer variant is caught by the public checks")


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@contextlib.contextmanager
def jupyter_server(tree: Path, tmp_path: Path, app: str = "lab", disabled=(), settings: dict | None = None):
    """JupyterLab (``app="lab"``) or Notebook 7 (``"notebook"``) on 127.0.0.1 over ``tree``; yields (base URL, token).

    ``disabled`` names front-end extensions to switch off; ``settings`` maps a settings file
    (``"@jupyterlab/docmanager-extension/plugin"``) to its values.
    """
    require_tool(os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is absent (install it with `apt-get install -y chromium`)")
    config, lab_settings = tmp_path / f"config-{app}", tmp_path / f"lab-settings-{app}"
    (config / "labconfig").mkdir(parents=True)
    # The "Jupyter news" pop-up would cover part of the page.
    off = {"@jupyterlab/apputils-extension:announcements": True, **{name: True for name in disabled}}
    (config / "labconfig" / "page_config.json").write_text(json.dumps({"disabledExtensions": off}))
    # Render every cell (no windowing), so that every answer and check cell is on the page.
    chosen = {"@jupyterlab/notebook-extension/tracker": {"windowingMode": "none"}, **(settings or {})}
    for name, values in chosen.items():
        path = lab_settings / f"{name}.jupyterlab-settings"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(values))
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / f"runtime-{app}"),
        "JUPYTERLAB_SETTINGS_DIR": str(lab_settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / f"workspaces-{app}"),
    }
    env.pop("MPLBACKEND", None)
    port, token = free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    command = [
        str(jupyter),
        app,
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--ServerApp.root_dir={tree}",
        f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=False",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log_path = tmp_path / f"{app}.log"
    log = log_path.open("w")
    server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 60
        while True:
            try:
                urllib.request.urlopen(f"{base}/api/status?token={token}", timeout=2)
                break
            except OSError:
                if server.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"{app} did not start:\n{log_path.read_text()[-3000:]}")
                time.sleep(0.3)
        yield base, token
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


@contextlib.contextmanager
def chromium_page():
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            page.set_default_timeout(60_000)
            yield page
        finally:
            browser.close()


def open_lesson(page, base: str, token: str, app: str = "lab") -> None:
    where = "lab/tree" if app == "lab" else "notebooks"
    page.goto(f"{base}/{where}/{layout.NOTEBOOKS}/{LESSON}/{LESSON}.ipynb?token={token}")
    page.wait_for_selector(".jp-Notebook .jp-Cell")
    page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']")


@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab on 127.0.0.1 over a student release of lesson 01; yields (base URL, token, tree)."""
    tree = tmp_path / "student"
    release.main(tree, [LESSON], ROOT)
    with jupyter_server(tree, tmp_path) as (base, token):
        yield base, token, tree


FIRST_SCREEN_HEIGHT = 800
"""A laptop's browser window: what a student sees before scrolling."""


def look_at_the_first_view(page) -> dict:
    """The student's first screen: the lesson's title, then the set-up cell collapsed to a bar
    (JupyterLab's source_hidden); a screenshot of it goes to test-artifacts/."""
    page.set_viewport_size({"width": 1280, "height": FIRST_SCREEN_HEIGHT})
    cells = page.locator(".jp-Notebook .jp-Cell")
    title, setup = cells.nth(0), cells.nth(1)
    title.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / f"browser-{LESSON}-first-view.png"))
    editor_shown = setup.locator(".jp-InputArea-editor").is_visible()
    placeholder = setup.locator(".jp-InputPlaceholder")
    seen = placeholder.inner_text() if placeholder.count() else setup.inner_text()
    view = {
        "title": title.locator("h1").first.inner_text(),
        "setup_collapsed": not editor_shown and placeholder.count() > 0,
        "setup_lines": len([ln for ln in seen.splitlines() if ln.strip()]),
        "title_top": title.bounding_box()["y"],
        "setup_bottom": setup.bounding_box()["y"] + setup.bounding_box()["height"],
    }
    page.set_viewport_size({"width": 1280, "height": 1600})
    return view


def type_into_cell(page, index: int, code: str) -> None:
    """Replace the text of cell ``index`` as a student would: click in it, select all, type."""
    editor = page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".cm-content")
    editor.click()
    page.keyboard.press("Control+A")
    page.keyboard.press("Delete")
    page.keyboard.insert_text(code)


def run_cell(page, index: int, expect: str, timeout: float = 60_000) -> str:
    """Run cell ``index`` as a student would (click it, Shift+Enter) and return its output once it shows ``expect``."""
    cell = page.locator(".jp-Notebook .jp-Cell").nth(index)
    cell.locator(".jp-InputArea-editor, .jp-InputPrompt").first.click()
    page.keyboard.press("Shift+Enter")
    return output_showing(page, index, expect, timeout)


def output_showing(page, index: int, expect: str, timeout: float = 60_000) -> str:
    """The output of cell ``index`` once it shows ``expect`` (or whatever it shows after ``timeout`` ms)."""
    output = page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-OutputArea")
    deadline = time.monotonic() + timeout / 1000
    while expect not in (text := output.inner_text()) and time.monotonic() < deadline:
        time.sleep(0.25)
    return text


def add_cell_below(page, index: int, code: str) -> int:
    """A new code cell under cell ``index`` (command mode, B), with ``code`` typed in; returns its index."""
    page.locator(".jp-Notebook .jp-Cell").nth(index).locator(".jp-InputPrompt").first.click()
    page.keyboard.press("Escape")
    page.keyboard.press("b")
    page.locator(".jp-Notebook .jp-Cell").nth(index + 1).locator(".cm-content").click()
    page.keyboard.insert_text(code)
    return index + 1


def run_all(page) -> None:
    """Run → Run All Cells."""
    page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
    page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()


def zipped_notebook(path: Path) -> tuple[list[str], dict]:
    with zipfile.ZipFile(path) as zf:
        names = zf.namelist()
        (member,) = [n for n in names if n.endswith(".ipynb")]
        return names, json.loads(zf.read(member))


@pytest.mark.slow
def test_lesson_01_in_jupyterlab_in_chromium(jupyterlab):
    """Be the student: answer (one answer wrong), Run All, read the checks and the figure; ask for hints;
    crash an answer cell and check it again; hand in with changes never saved."""
    base, token, tree = jupyterlab
    wrong = publicly_caught_wrong_answer(LESSON)
    blank = notebooks.read(layout.student_notebook(tree, LESSON))
    answered = answered_notebook(LESSON, {wrong.question: wrong.code})
    to_type = {
        i: c.source for i, (b, c) in enumerate(zip(blank.cells, answered.cells, strict=True)) if b.source != c.source
    }
    assert to_type, "no answer cell found"
    checks = {q: answered.cells.index(cell) for q, cell in check_cells(answered).items()}
    hand_in = len(blank.cells) - 2  # the hand-in cell; the generated note is last
    assert delivery.HAND_IN_TAG in blank.cells[hand_in].metadata["tags"]
    made = layout.student_dir(tree, LESSON) / delivery.hand_in_zip(LESSON)

    ARTIFACTS.mkdir(exist_ok=True)
    with chromium_page() as page:
        open_lesson(page, base, token)
        first_view = look_at_the_first_view(page)

        for index, code in to_type.items():
            type_into_cell(page, index, code)
        run_all(page)

        cells = page.locator(".jp-Notebook .jp-Cell")
        first_hand_in = output_showing(page, hand_in, "Hand in this file", timeout=180_000)
        page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']", timeout=120_000)
        shown = {q: cells.nth(i).locator(".jp-OutputArea").inner_text() for q, i in checks.items()}
        figure = page.locator(".jp-OutputArea figure img")
        alt, caption = figure.get_attribute("alt"), page.locator(".jp-OutputArea figure figcaption").inner_text()
        cells.nth(checks[wrong.question]).scroll_into_view_if_needed()
        page.screenshot(path=str(ARTIFACTS / f"browser-{LESSON}.png"))

        # Stuck on question 1: two hints, in a cell of one's own under its check.
        asked = add_cell_below(page, checks["q1"], 'hint("q1")')
        first_hint = run_cell(page, asked, "Hint 1 of")
        second_hint = run_cell(page, asked, "Hint 2 of")
        page.screenshot(path=str(ARTIFACTS / f"browser-{LESSON}-hint.png"))

        # A typo in question 2's answer cell, run, then its check (q2 passed before).
        answer = checks["q2"]  # the cell before q2's check, one further down now: the hint cell is above it
        crashed = answered.cells[checks["q2"] - 1].source + "\nlogits_demo = X_demo @ W_demo + b"
        type_into_cell(page, answer, crashed)
        run_cell(page, answer, "NameError")
        after_crash = run_cell(page, checks["q2"] + 1, "q2")
        page.screenshot(path=str(ARTIFACTS / f"browser-{LESSON}-crash.png"))

        # Hand in now: the hints and the typo were never saved.
        made.unlink()
        second_hand_in = run_cell(page, hand_in + 1, "Hand in this file", timeout=90_000)
        page.screenshot(path=str(ARTIFACTS / f"browser-{LESSON}-hand-in.png"))

    assert first_view["title"].startswith("Lesson 01"), first_view
    assert first_view["setup_collapsed"] and first_view["setup_lines"] <= 1, first_view
    assert first_view["title_top"] < first_view["setup_bottom"] <= FIRST_SCREEN_HEIGHT, first_view
    text = shown[wrong.question]  # the question's other public tests may pass: the question itself must not
    assert wrong.message in text and not re.search(rf"{wrong.question}\s+passed!", text), text
    assert "Error at line" not in text and "raise AssertionError" not in text, text
    others = {q: text for q, text in shown.items() if q != wrong.question}
    failing = {q: text for q, text in others.items() if not re.search(rf"{q}\s+passed!", text)}
    assert others and not failing, failing

    assert alt.startswith("Two bar charts for one house. Left, the scores: low 1.0, medium 2.0, high -1.0.")
    assert "Right, your probabilities: low 0.26, medium 0.71, high 0.04" in alt and caption == alt

    hints = json.loads((layout.student_dir(tree, LESSON) / "tests" / "hints.json").read_text())["q1"]
    assert f"Hint 1 of {len(hints)} for q1." in first_hint and hints[0].replace("`", "") in first_hint, first_hint
    assert f"Hint 2 of {len(hints)} for q1." in second_hint and hints[1].replace("`", "") in second_hint

    assert (
        "q2 not checked: The last time it ran, the cell that sets logits_demo stopped with NameError "
        "(name 'b' is not defined) before setting it. Fix that cell and run it again" in after_crash
    ), after_crash
    assert "passed" not in after_crash

    assert "saved just now" in first_hand_in and "Hand in this file:" in first_hand_in, first_hand_in
    assert "01-warmup.ipynb saved just now at" in second_hand_in and f"Hand in this file: {made}" in second_hand_in
    names, handed = zipped_notebook(made)
    assert f"{LESSON}.ipynb" in names and not [n for n in names if "/" in n], names  # its own name, no folders
    sources = ["".join(c["source"]) for c in handed["cells"]]
    assert crashed in sources and 'hint("q1")' in sources, "the zip holds what was typed and never saved"
    hint_cell = handed["cells"][sources.index('hint("q1")')]
    recorded = [o["metadata"]["course_hint"] for o in hint_cell["outputs"] if "course_hint" in o.get("metadata", {})]
    assert recorded == [{"question": "q1", "number": 2}], recorded  # the cell ran twice: its last output stays


UNSAVED = "# typed, never saved"


@pytest.mark.slow
@pytest.mark.parametrize("app", ["lab", "notebook"])
def test_hand_in_saves_first_in_jupyterlab_and_notebook_7(app, tmp_path):
    """A change typed and never saved is in the zip: the hand-in cell had the front end save first."""
    tree = tmp_path / "student"
    release.main(tree, [LESSON], ROOT)
    blank = notebooks.read(layout.student_notebook(tree, LESSON))
    answer = next(i for i, c in enumerate(blank.cells) if "otter_answer_cell" in c.metadata.get("tags", []))
    made = layout.student_dir(tree, LESSON) / delivery.hand_in_zip(LESSON)
    ARTIFACTS.mkdir(exist_ok=True)
    with jupyter_server(tree, tmp_path, app=app) as (base, token), chromium_page() as page:
        open_lesson(page, base, token, app)
        type_into_cell(page, answer, blank.cells[answer].source + "\n" + UNSAVED)
        run_all(page)  # the hand-in cell is the last one
        said = output_showing(page, len(blank.cells) - 2, "Hand in this file", timeout=180_000)
        page.screenshot(path=str(ARTIFACTS / f"browser-{LESSON}-hand-in-{app}.png"))
    assert "saved just now" in said and f"Hand in this file: {made}" in said, said
    names, handed = zipped_notebook(made)
    assert [n for n in names if n.endswith(".ipynb")] == [f"{LESSON}.ipynb"]
    assert UNSAVED in "".join(handed["cells"][answer]["source"])


@pytest.mark.slow
def test_where_the_front_end_cannot_save_an_unsaved_change_is_refused_then_handed_in_once_saved(tmp_path):
    """With JavaScript outputs switched off (as in a front end that cannot be asked to save), the cell
    finds the file older than the last cell that ran and says so; after File → Save it hands it in."""
    tree = tmp_path / "student"
    release.main(tree, [LESSON], ROOT)
    blank = notebooks.read(layout.student_notebook(tree, LESSON))
    answer = next(i for i, c in enumerate(blank.cells) if "otter_answer_cell" in c.metadata.get("tags", []))
    hand_in = len(blank.cells) - 2
    made = layout.student_dir(tree, LESSON) / delivery.hand_in_zip(LESSON)
    with (
        jupyter_server(tree, tmp_path, disabled=["@jupyterlab/javascript-extension"]) as (base, token),
        chromium_page() as page,
    ):
        open_lesson(page, base, token)
        type_into_cell(page, answer, blank.cells[answer].source + "\n" + UNSAVED)
        run_all(page)  # the hand-in cell is the last one
        refused = output_showing(page, hand_in, "Not handed in", timeout=180_000)
        page.screenshot(path=str(ARTIFACTS / f"browser-{LESSON}-hand-in-refused.png"))
        exists_after_refusal = made.exists()
        page.keyboard.press("Escape")
        page.keyboard.press("Control+s")
        page.wait_for_selector(".jp-mod-dirty", state="detached", timeout=30_000)
        said = run_cell(page, hand_in, "Hand in this file", timeout=90_000)
    assert refused.startswith(f"Not handed in: {LESSON}.ipynb on disk is older than the last cell you ran"), refused
    assert "Save the notebook (File → Save Notebook, or Ctrl+S / ⌘S), then run this cell again." in refused
    assert not exists_after_refusal
    assert f"{LESSON}.ipynb last saved at" in said and f"Hand in this file: {made}" in said, said
    names, handed = zipped_notebook(made)
    assert [n for n in names if n.endswith(".ipynb")] == [f"{LESSON}.ipynb"]
    assert UNSAVED in "".join(handed["cells"][answer]["source"])


def git(*args, cwd) -> subprocess.CompletedProcess:
    command = ["git", "-c", "user.name=Course", "-c", "user.email=course@example.org", *args]
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True)


@pytest.mark.slow
def test_opening_a_lesson_changes_only_its_language_info_and_the_readme_s_advice_still_pulls(tmp_path):
    """JupyterLab writes the kernel's ``language_info`` (with the Python version, e.g. 3.11.7) into a
    notebook it opens, and autosave saves it: a lesson only opened counts as changed for git, whatever the
    build writes there (no one version matches every student's Python). What the README says to do when
    ``git pull`` stops on it (rename the file it names, pull again) works, and loses nothing."""
    course = tmp_path / "course"
    release.main(course, [LESSON], ROOT)
    assert git("init", "-q", cwd=course).returncode == 0
    git("add", "-A", cwd=course)
    git("commit", "-qm", "release", cwd=course)
    clone = tmp_path / "clone"
    assert git("clone", "-q", str(course), str(clone), cwd=tmp_path).returncode == 0
    tracked = f"{layout.NOTEBOOKS}/{LESSON}/{LESSON}.ipynb"
    mine = clone / layout.NOTEBOOKS / LESSON / f"{LESSON}-mine.ipynb"
    shutil.copy(clone / tracked, mine)  # the README's advice: work in your own copy
    my_work = mine.read_bytes()
    autosave = {"@jupyterlab/docmanager-extension/plugin": {"autosaveInterval": 2}}
    with jupyter_server(clone, tmp_path, settings=autosave) as (base, token), chromium_page() as page:
        open_lesson(page, base, token)  # only opened: nothing typed, nothing run
        time.sleep(8)  # past two autosaves
    status = git("status", "--porcelain", cwd=clone).stdout
    assert status.splitlines() == [f" M {tracked}", f"?? {mine.relative_to(clone)}"], status
    before = json.loads((course / tracked).read_text(encoding="utf-8"))
    after = json.loads((clone / tracked).read_text(encoding="utf-8"))
    assert after["metadata"]["language_info"]["version"] == platform.python_version()
    after["metadata"]["language_info"] = before["metadata"]["language_info"]
    assert after == before, "opening a lesson should change nothing but its language_info"

    upstream = json.loads((course / tracked).read_text(encoding="utf-8"))  # the course updates this lesson
    upstream["cells"][0]["source"] = "# Lesson 01, updated\n" + "".join(upstream["cells"][0]["source"])
    (course / tracked).write_text(json.dumps(upstream, indent=1) + "\n", encoding="utf-8")
    git("commit", "-qam", "update", cwd=course)
    stopped = git("pull", cwd=clone)
    assert stopped.returncode != 0 and tracked in stopped.stderr, stopped.stderr

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "`git pull` stops and names that file: rename it" in readme
    opened = clone / layout.NOTEBOOKS / LESSON / f"{LESSON}-opened.ipynb"
    (clone / tracked).rename(opened)
    pulled = git("pull", cwd=clone)
    assert pulled.returncode == 0, pulled.stderr
    assert json.loads((clone / tracked).read_text(encoding="utf-8")) == upstream
    assert json.loads(opened.read_text(encoding="utf-8"))["metadata"]["language_info"]["version"]
    assert mine.read_bytes() == my_work, "the student's own copy is never touched"


def test_a_missing_tool_skips_saying_why_but_fails_under_ci(monkeypatch):
    """On a fresh machine a test needing Chromium or bubblewrap skips with its reason; under CI=true,
    where .ci/run installs both, it fails instead, so CI never passes with such a test left out."""
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="bwrap is absent; CI installs it and runs this test"):
        require_tool(False, "bwrap is absent")
    require_tool(True, "never said")
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="bwrap is absent, and CI=true"):
        require_tool(False, "bwrap is absent")
