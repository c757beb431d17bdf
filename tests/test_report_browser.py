"""The class report (``summary/index.html``) opened from disk in the real browser (Debian's Chromium,
driven by Playwright), offline: no console error, every figure drawn and described in words, the
submissions' names folded away until asked for. A screenshot is saved under ``test-artifacts/``."""

import os

import pytest
from conftest import require_tool
from harness import ROOT
from playwright.sync_api import sync_playwright
from test_browser import CHROMIUM, CHROMIUM_FLAGS
from test_class_report import WRITTEN, the_class

from course.grading import reports

ARTIFACTS = ROOT / "test-artifacts"


@pytest.fixture
def report(tmp_path):
    require_tool(os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is absent (install it with `apt-get install -y chromium`)")
    results = the_class()
    results["<b>mallory</b>"] = {**results["fay"], "message": "<script>alert('x')</script> not a notebook"}
    reports.summary("01-warmup", results, ["q1", "q2"], tmp_path, "bwrap", written=WRITTEN)
    return tmp_path / "summary" / "index.html"


@pytest.mark.slow
def test_the_report_opens_offline_without_errors_and_describes_its_figures(report):
    problems, requests = [], []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_FLAGS)
        try:
            context = browser.new_context(offline=True, viewport={"width": 1280, "height": 900})
            page = context.new_page()
            page.on("console", lambda m: problems.append(m.text) if m.type in ("error", "warning") else None)
            page.on("pageerror", lambda e: problems.append(str(e)))
            page.on("dialog", lambda d: problems.append(f"a dialog opened: {d.message}"))
            page.on("request", lambda r: requests.append(r.url))
            page.goto(report.as_uri())
            page.wait_for_load_state("load")
            assert page.title() == "01-warmup: class report"
            images = page.eval_on_selector_all(
                "figure img",
                "els => els.map(e => ({alt: e.alt, width: e.naturalWidth, complete: e.complete,"
                " caption: e.closest('figure').querySelector('figcaption')?.innerText || ''}))",
            )
            assert len(images) == 4
            for image in images:
                assert image["complete"] and image["width"] > 300, image  # drawn
                assert len(image["alt"]) > 40 and image["caption"], image  # described
            assert "2 students, 25 %" in page.inner_text("#reteach")
            assert "01.q2.no-max-shift" in page.inner_text("#reteach")
            # the names: folded until asked for, and shown as text
            assert not page.get_by_text("<b>mallory</b>", exact=True).is_visible()
            page.click("details summary")
            assert page.get_by_text("<b>mallory</b>", exact=True).is_visible()
            assert page.get_by_text("<script>alert('x')</script> not a notebook").is_visible()
            ARTIFACTS.mkdir(exist_ok=True)
            page.screenshot(path=str(ARTIFACTS / "class-report.png"), full_page=True)
        finally:
            browser.close()
    assert not problems, problems
    assert all(url.startswith(("file:", "data:")) for url in requests), requests  # nothing fetched from a network
