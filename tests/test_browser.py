"""A real browser: JupyterLab over the student release, driven in Debian's Chromium with Playwright.

Lesson 01 is opened as a student would open it, the answer key's code is typed into its answer cells
(one answer wrong on purpose), Run All runs it, and the ``grader.check`` results are read off the
page. A screenshot is saved under ``test-artifacts/``.
"""

import json
import os
import re
import secrets
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest
from conftest import require_tool
from harness import ROOT, AnswerKey
from otter.test_files.exception_test import ExceptionTestFile
from playwright.sync_api import sync_playwright
from test_colab import answered_notebook, check_cells
from test_tests_of_tests import load_variants

from course import layout, notebooks, release

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


@pytest.fixture
def jupyterlab(tmp_path):
    """JupyterLab on 127.0.0.1 over a student release of lesson 01; yields (base URL, token, tree)."""
    require_tool(os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is absent (install it with `apt-get install -y chromium`)")
    tree = tmp_path / "student"
    release.main(tree, [LESSON], ROOT)
    config, settings = tmp_path / "config", tmp_path / "lab-settings"
    (config / "labconfig").mkdir(parents=True)
    # The "Jupyter news" pop-up would cover part of the page.
    (config / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}})
    )
    # Render every cell (no windowing), so that every answer and check cell is on the page.
    tracker = settings / "@jupyterlab" / "notebook-extension" / "tracker.jupyterlab-settings"
    tracker.parent.mkdir(parents=True)
    tracker.write_text(json.dumps({"windowingMode": "none"}))
    env = {
        **os.environ,
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTER_RUNTIME_DIR": str(tmp_path / "runtime"),
        "JUPYTERLAB_SETTINGS_DIR": str(settings),
        "JUPYTERLAB_WORKSPACES_DIR": str(tmp_path / "workspaces"),
    }
    env.pop("MPLBACKEND", None)
    port, token = free_port(), secrets.token_hex(16)
    jupyter = Path(sys.executable).with_name("jupyter")
    command = [
        str(jupyter),
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        f"--ServerApp.root_dir={tree}",
        f"--IdentityProvider.token={token}",
        "--ServerApp.open_browser=False",
    ]
    if os.geteuid() == 0:
        command.append("--allow-root")
    log = (tmp_path / "jupyterlab.log").open("w")
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
                    pytest.fail(f"JupyterLab did not start:\n{(tmp_path / 'jupyterlab.log').read_text()[-3000:]}")
                time.sleep(0.3)
        yield base, token, tree
    finally:
        server.terminate()
        try:
            server.wait(timeout=10)
        except subprocess.TimeoutExpired:
            server.kill()
        log.close()


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


@pytest.mark.slow
def test_lesson_01_in_jupyterlab_in_chromium(jupyterlab):
    base, token, tree = jupyterlab
    wrong = publicly_caught_wrong_answer(LESSON)
    blank = notebooks.read(layout.student_notebook(tree, LESSON))
    answered = answered_notebook(LESSON, {wrong.question: wrong.code})
    to_type = {
        i: c.source for i, (b, c) in enumerate(zip(blank.cells, answered.cells, strict=True)) if b.source != c.source
    }
    assert to_type, "no answer cell found"
    checks = {q: answered.cells.index(cell) for q, cell in check_cells(answered).items()}

    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS, headless=True)
        try:
            page = browser.new_page(viewport={"width": 1280, "height": 1600})
            page.set_default_timeout(60_000)
            page.goto(f"{base}/lab/tree/{layout.NOTEBOOKS}/{LESSON}/{LESSON}.ipynb?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-Cell")
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']")
            first_view = look_at_the_first_view(page)

            for index, code in to_type.items():
                type_into_cell(page, index, code)
            page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(r"^Run$")).click()
            page.locator(".lm-Menu-itemLabel", has_text=re.compile(r"^Run All Cells$")).click()

            cells = page.locator(".jp-Notebook .jp-Cell")
            last = cells.nth(max(checks.values())).locator(".jp-OutputArea-output")
            last.wait_for(timeout=120_000)
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle']")
            shown = {q: cells.nth(i).locator(".jp-OutputArea").inner_text() for q, i in checks.items()}
            cells.nth(checks[wrong.question]).scroll_into_view_if_needed()
            page.screenshot(path=str(ARTIFACTS / f"browser-{LESSON}.png"))
        finally:
            browser.close()

    assert first_view["title"].startswith("Lesson 01"), first_view
    assert first_view["setup_collapsed"] and first_view["setup_lines"] <= 1, first_view
    assert first_view["title_top"] < first_view["setup_bottom"] <= FIRST_SCREEN_HEIGHT, first_view
    text = shown[wrong.question]  # the question's other public tests may pass: the question itself must not
    assert wrong.message in text and not re.search(rf"{wrong.question}\s+passed!", text), text
    others = {q: text for q, text in shown.items() if q != wrong.question}
    failing = {q: text for q, text in others.items() if not re.search(rf"{q}\s+passed!", text)}
    assert others and not failing, failing


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
