"""A WCAG 2.1 A and AA audit (axe-core, through axe-playwright-python) of every lesson as a student sees
it in JupyterLab, and of every answer key exported to HTML as an instructor would publish it.

What the lessons write (their text, headings, links, figures and their text alternatives) must cause no
violation. What JupyterLab's own interface or nbconvert's template causes is listed below with the
upstream issue that tracks it, and left out: in JupyterLab by rule id (the lessons cannot make those
elements: code editors, heading collapse buttons, toolbars), in the HTML export by element (only the
template's syntax colours and In/Out prompts are left out, so a lesson's own text is still checked
for contrast).
"""

import os
import re

import pytest
from conftest import require_tool
from harness import ROOT
from test_browser import CHROMIUM, chromium_page, jupyter_server

from course import layout, lessons, notebooks, release

LESSONS = lessons.all_lessons(ROOT)

WCAG_21_AA = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]},
    "resultTypes": ["violations"],
}

JUPYTERLAB_OWN = {
    "aria-input-field-name": "CodeMirror's cell editors have no accessible name (jupyterlab/jupyterlab#16890, #10347)",
    "button-name": (
        "the collapse button JupyterLab adds to every Markdown heading has no name (jupyterlab/jupyterlab#16890)"
    ),
    "aria-required-children": "the notebook's windowed list viewport (jupyterlab/jupyterlab#16891)",
    "aria-allowed-attr": "toolbar and file-browser buttons (jupyterlab/jupyterlab#16891)",
}
"""Rules that JupyterLab 4's interface breaks whatever the notebook holds, with the upstream issue."""

JUPYTERLAB_OWN_ELEMENTS = {
    "scrollable-region-focusable": (
        ".cm-scroller",
        "a code cell whose longest line is wider than the window scrolls in CodeMirror's scroller; a keyboard"
        " user enters the cell and moves the caret along the line, but axe does not count CodeMirror's"
        " contenteditable as focusable content (dequelabs/axe-core#4788)",
    ),
}
"""Rules JupyterLab breaks on some of its own elements only: those elements are left out, the rule stays."""

TEMPLATE_OWN = [".highlight", ".jp-InputPrompt", ".jp-OutputPrompt"]
"""Elements of nbconvert's lab template whose colours fall short of 4.5:1 (Pygments' default syntax
colours, e.g. numbers in #008800 at 4.25:1, and the In/Out prompts; Iota-School/notebooks-for-all#54 and
#57). They are left out of the colour-contrast rule only; every other rule checks them too."""


def axe():
    require_tool(os.access(CHROMIUM, os.X_OK), f"{CHROMIUM} is absent (install it with `apt-get install -y chromium`)")
    from axe_playwright_python.sync_playwright import Axe

    return Axe()


def violations(results, ignored=(), elements=None) -> list[str]:
    """The violations as sentences, less the rules in ``ignored`` and the nodes of ``elements``
    (rule id -> (a CSS class of the node itself, why))."""
    found = []
    for v in results.response["violations"]:
        own = (elements or {}).get(v["id"], ("\0",))[0]
        nodes = [n["target"] for n in v["nodes"] if own not in str(n["target"][-1]).split(" > ")[-1]]
        if v["id"] not in ignored and nodes:
            found.append(f"{v['id']} ({v['help']}): {nodes[:3]}")
    return found


def audit_html(page, auditor) -> list[str]:
    """Every WCAG 2.1 A/AA rule on the whole page, colour contrast without the template's own elements."""
    others = {**WCAG_21_AA, "rules": {"color-contrast": {"enabled": False}}}
    found = violations(auditor.run(page, options=others))
    contrast = {"runOnly": {"type": "rule", "values": ["color-contrast"]}, "resultTypes": ["violations"]}
    context = {"exclude": [[selector] for selector in TEMPLATE_OWN]}
    return found + violations(auditor.run(page, context=context, options=contrast))


def contents_anchors(path) -> list[str]:
    """The #anchors the notebook's generated list of contents links to (none if it has no such list)."""
    nb = notebooks.read(path)
    contents = [c for c in nb.cells if notebooks.CONTENTS_TAG in c.metadata.get("tags", [])]
    return re.findall(r"\]\(#(\S+)\)", contents[0].source) if contents else []


def exported(lesson: str, tmp_path):
    from nbconvert import HTMLExporter

    nb = notebooks.read(layout.solution_notebook(ROOT, lesson))
    body, _ = HTMLExporter(template_name="lab").from_notebook_node(nb)
    path = tmp_path / f"{lesson}.html"
    path.write_text(body, encoding="utf-8")
    return path


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_the_answer_key_exported_to_html_meets_wcag_21_aa(lesson, tmp_path):
    auditor, page_file = axe(), exported(lesson, tmp_path)
    with chromium_page() as page:
        page.goto(page_file.as_uri())
        problems = audit_html(page, auditor)
        alts = page.locator("img").evaluate_all("images => images.map(i => i.alt)")
        anchors = contents_anchors(layout.solution_notebook(ROOT, lesson))
        lost = [a for a in anchors if not page.locator(f'[id="{a}"]').count()]
    assert anchors and not lost, f"{lesson}: contents links that land on no heading: {lost or 'no contents'}"
    assert alts, f"{lesson}: the export shows no figure"
    # nbconvert gives an image without one "No description has been provided for this image", which
    # axe accepts: a text alternative here is the lesson's own sentence.
    unsaid = [a for a in alts if len(a.split()) < 6 or a.startswith("No description has been provided")]
    assert not unsaid, (
        f"{lesson}: {len(unsaid)} of {len(alts)} figures have no text alternative of its own: {unsaid[:2]}"
    )
    assert not problems, f"{lesson}: " + "; ".join(problems)


@pytest.mark.slow
def test_every_lesson_in_jupyterlab_meets_wcag_21_aa(tmp_path):
    """The student release open in JupyterLab, one lesson after another; the contents' links land on the
    ids JupyterLab gives the section headings."""
    auditor, tree = axe(), tmp_path / "student"
    release.main(tree, LESSONS, ROOT)
    problems = {}
    with jupyter_server(tree, tmp_path) as (base, token), chromium_page() as page:
        for lesson in LESSONS:
            # A workspace of its own per lesson: only this lesson's tab is open.
            where = f"{layout.NOTEBOOKS}/{lesson}/{lesson}.ipynb"
            page.goto(f"{base}/lab/workspaces/{lesson}/tree/{where}?token={token}")
            page.wait_for_selector(".jp-Notebook .jp-MarkdownCell h1")
            page.wait_for_selector(".jp-Notebook-ExecutionIndicator[data-status='idle'] >> visible=true")
            results = auditor.run(page, options=WCAG_21_AA)
            found = violations(results, ignored=JUPYTERLAB_OWN, elements=JUPYTERLAB_OWN_ELEMENTS)
            anchors = contents_anchors(layout.student_notebook(tree, lesson))
            if not anchors:
                found.append("no list of contents")
            for anchor in anchors:
                # JupyterLab 4 keeps a heading's id in data-jupyter-id and follows #links to it
                if not page.locator(f'.jp-Notebook [data-jupyter-id="{anchor}"]').count():
                    found.append(f"the contents link #{anchor} lands on no heading")
            if found:
                problems[lesson] = found
    assert not problems, problems


def test_the_audit_finds_what_a_lesson_could_get_wrong():
    """A figure without a text alternative, pale text and a link without words are all caught, even
    with the template's own elements left out."""
    auditor = axe()
    page_html = (
        '<html lang="en"><head><title>t</title></head><body><main><h1>Lesson</h1>'
        '<p style="color:#bbbbbb">pale text</p><img src="data:image/png;base64,iVBORw0KGgo=">'
        '<a href="#x"></a><div class="highlight"><span style="color:#cccccc">x = 1</span></div>'
        "</main></body></html>"
    )
    with chromium_page() as page:
        page.set_content(page_html)
        found = " ".join(audit_html(page, auditor))
    assert "image-alt" in found and "color-contrast" in found and "link-name" in found, found
    assert "highlight" not in found, "the template's syntax colours should be left out"
