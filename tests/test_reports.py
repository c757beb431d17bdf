"""What a student's code writes into an exception message, a printed line or a file name reaches
``grades.csv``, ``feedback/``, ``summary/``, ``results/`` and the terminal only as text: no markup,
no HTML, no spreadsheet formula, no control character."""

import csv
import io

import pytest

from course.grading import reports

# What the attacks put in their messages: Markdown and HTML that fake a score and hide the rest,
# escape sequences (screen clear, OSC 52 clipboard write, title), C1 controls, bidi overrides,
# a lone surrogate (which cannot even be written as UTF-8), and CSV formulas.
EVIL = (
    "wrong\n\n**Score: 22 / 22**\n\n# Perfect\n<!-- the rest is hidden <script>alert(1)</script> "
    "[click](javascript:alert(1)) ![x](http://e/x.png) | a | b | `code` _it_ ~~no~~ $x^2$ &lt;b&gt; "
    "\x1b[2J\x1b[H\x1b]52;c;ZXZpbA==\x07\x1b]0;title\x1b\\ \x9b31m \u202eevil\u202c \u200b \ud800 \x7f done"
)
CONTROLS = [chr(c) for c in range(32) if chr(c) not in "\n"] + ["\x7f"] + [chr(c) for c in range(0x80, 0xA0)]
FORMULAS = ["=1+1", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1", " =1", "\uff1d1", '=HYPERLINK("http://e","x")']


def result(message: str = EVIL) -> dict:
    return {
        "status": "error",
        "message": message,
        "total": 3.0,
        "possible": 22.0,
        "sha256": "ab" * 32,
        "seconds": 1.5,
        "cell_errors": [{"index": 1, "type": "ValueError", "message": message}],
        "questions": {
            "q1": {
                "score": 3.0,
                "possible": 10.0,
                "cases": [
                    {"hidden": False, "passed": True, "points": 3.0, "message": ""},
                    {"hidden": True, "passed": False, "points": 7.0, "message": message},
                ],
            },
            "q2": {
                "score": 0.0,
                "possible": 12.0,
                "cases": [{"hidden": False, "passed": False, "points": 12.0, "message": message}],
            },
        },
    }


def no_controls(text: str) -> bool:
    return not any(ch in text for ch in CONTROLS) and "\u202e" not in text and "\ud800" not in text


def test_plain_text_has_no_control_characters():
    text = reports.plain(EVIL)
    assert no_controls(text) and "\n" not in text
    assert text.startswith("wrong **Score: 22 / 22** # Perfect <!--") and text.endswith("done")


def test_feedback_shows_student_text_as_text():
    md = reports.feedback("-alice", "01-warmup", result())
    assert no_controls(md.replace("\n", ""))
    lines = md.splitlines()
    assert sum(line.startswith("**Score:") for line in lines) == 1 and "**Score: 3 / 22**" in lines
    assert sum(line.startswith("#") for line in lines) == 3  # the title and the two questions' headings
    assert "<" not in md and "**Score: 22" not in md and "`code`" not in md and "](" not in md.replace("\\](", "")
    for line in lines:  # each message stays on its line, in its list item
        if "wrong" in line:
            assert line.startswith(("Grading status: **error**. wrong", "- hidden check 2: wrong", "- check 1: wrong"))


def test_feedback_renders_no_markup_from_the_student():
    markdown_it = pytest.importorskip("markdown_it")
    html = (
        markdown_it.MarkdownIt("commonmark")
        .enable("table")
        .enable("strikethrough")
        .render(reports.feedback("alice", "01-warmup", result()))
    )
    assert html.count("<strong>") == 2  # the score and the grading status: both the grader's
    assert "<strong>Score: 3 / 22</strong>" in html
    for tag in ("<!--", "<script", "<a ", "<img", "<code", "<em", "<s>", "<del"):
        assert tag not in html, tag
    assert html.count("<h1>") == 1 and html.count("<h2>") == 2 and html.count("<table>") == 1
    assert html.count("<li>") == 2 and "**Score: 22 / 22**" in html  # the fake score shows as its characters


def test_grades_csv_neutralises_formulas_and_reads_back(tmp_path):
    grades = reports.GradesCsv(tmp_path / "grades.csv", ["q1", "q2"])
    grades.rewrite([])
    names = ["-alice", "=bob", "'carol", "dave"]
    for name, message in zip(names, FORMULAS, strict=False):
        grades.append(reports.row(name, f"/subs/{message}.ipynb!{message}", result(message + EVIL), ["q1", "q2"]))
    raw = (tmp_path / "grades.csv").read_text(encoding="utf-8")
    assert no_controls(raw.replace("\r\n", ""))  # the csv module ends rows with \r\n, nothing else
    with (tmp_path / "grades.csv").open(newline="", encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    for r in rows:
        for column in ("name", "status", "message", "file", "sha256"):
            assert not r[column].startswith(reports.FORMULA_START[:-1]), (column, r[column])
            assert "\n" not in r[column]
        assert r["total"] == "3" and r["q2"] == "0"
    assert [r["message"][:3] for r in rows] == ["'=1", "'+1", "'-1", "'@S"]
    assert grades.existing().keys() == set(names)  # a rerun finds every row by its real name


def test_every_formula_start_is_escaped():
    for text in FORMULAS:
        cell = reports.csv_text(text)
        assert cell.startswith("'") and cell[1:] == reports.plain(text)
    assert reports.csv_text("Bob") == "Bob" and reports.csv_text("3 cells raised errors") == "3 cells raised errors"


def test_results_json_is_faithful_and_inert(tmp_path):
    reports.save_result(tmp_path, "alice", result())
    raw = (tmp_path / "results" / "alice.json").read_bytes()
    assert raw.isascii() and not any(b < 32 and b != 10 for b in raw) and b"\x7f" not in raw
    assert reports.load_results(tmp_path, ["alice"])["alice"]["message"] == EVIL


def test_summary_escapes_for_markdown_and_for_the_terminal(tmp_path):
    results = {"alice": result(), "bob": result("\x1b]52;c;ZXZpbA==\x07=cmd|' /C calc'!A0")}
    text = reports.summary("01-warmup", results, ["q1", "q2"], tmp_path, isolation="bwrap")
    md = (tmp_path / "summary" / "summary.md").read_text(encoding="utf-8")
    assert no_controls(text.replace("\n", "")) and no_controls(md.replace("\n", ""))
    assert "<!--" not in md and "&lt;!--" in md and "\\*\\*Score: 22 / 22\\*\\*" in md
    assert "<!--" in text and "**Score: 22 / 22**" in text  # the terminal shows the characters, minus controls
    assert "Isolation: bwrap" in text and "| q1 |" in text


def test_progress_lines_have_no_control_characters():
    stream = io.StringIO()
    progress = reports.Progress(1, stream)
    progress.update("a\x1b[2Jb", {**result(), "status": "ok\x1b]52;c;ZQ==\x07"})
    assert stream.getvalue() == "[1/1] a[2Jb: ok]52;c;ZQ== 3/22\n"


# ------------------------------------------------------------------------------ written questions
WRITTEN = [{"name": "q3", "points": 2.0, "prompt": "Say why.", "rubric": {}}]


def test_written_questions_are_never_a_complete_score():
    graded = {**result(), "status": "ok", "message": ""}
    row = reports.row("alice", "a.ipynb", graded, ["q1", "q2", "q3"], WRITTEN)
    assert row["q3"] == "to grade by hand (2 points)" and row["to_grade_by_hand"] == "2"
    assert (row["total"], row["possible"]) == ("3", "24")
    md = reports.feedback("alice", "01-warmup", graded, WRITTEN)
    assert "**Score so far: 3 / 24**" in md and "**Score:" not in md
    assert "Not counted yet: q3 (2 points), graded by hand." in md and "| q3 | to grade by hand (2 points) |" in md
    graded["manual"] = {"q3": 1.5}
    row = reports.row("alice", "a.ipynb", graded, ["q1", "q2", "q3"], WRITTEN)
    assert (row["q3"], row["total"], row["to_grade_by_hand"]) == ("1.5", "4.5", "0")
    md = reports.feedback("alice", "01-warmup", graded, WRITTEN)
    assert "**Score: 4.5 / 24**" in md and "| q3 | 1.5 / 2 (graded by hand) |" in md and "so far" not in md


def test_manual_points_are_checked_then_merged(tmp_path):
    from course.grading import written

    results = {"alice": {**result(), "sha256": "a" * 64}, "=bob": {**result(), "sha256": "b" * 64}}
    template = written.points_template(WRITTEN, results)
    assert template.splitlines()[0] == "name,q3,sha256" and "'=bob,," in template  # a name that looks like a formula
    path = tmp_path / "points.csv"
    path.write_text(template.replace("alice,,", "alice,1.5,").replace("'=bob,,", "'=bob,2,"))
    changed, warnings = written.merge(written.read_points(path, WRITTEN), results, path)
    assert changed == ["=bob", "alice"] and not warnings  # the file's order (sorted by name)
    assert results["alice"]["manual"] == {"q3": 1.5} and results["=bob"]["manual"] == {"q3": 2.0}
    assert not written.unmerged(path, WRITTEN, results)
    # an empty cell takes points back; a changed file is not merged, with a warning
    path.write_text(f"name,q3,sha256\nalice,,{'a' * 64}\n=bob,0,{'c' * 64}\n")
    changed, warnings = written.merge(written.read_points(path, WRITTEN), results, path)
    assert changed == ["alice"] and results["alice"]["manual"] == {}
    assert results["=bob"]["manual"] == {"q3": 2.0} and "the submission changed" in warnings[0]
    for bad, words in [
        ("name,q3\nalice,3\n", "not a number from 0 to 2"),
        ("name,q3\nalice,two\n", "'two' is not a number"),
        ("name,q9\nalice,1\n", "q9 are not written questions"),
        ("student,q3\nalice,1\n", "no 'name' column"),
    ]:
        path.write_text(bad)
        with pytest.raises(written.ManualPointsError, match=words):
            written.read_points(path, WRITTEN)
    path.write_text("name,q3\nnobody,1\n")
    with pytest.raises(written.ManualPointsError, match="match no graded submission in this folder: nobody"):
        written.merge(written.read_points(path, WRITTEN), results, path)
    path.write_text("name,q3\nalice,1\n")
    assert written.unmerged(path, WRITTEN, results)  # the instructor's edits are not written over


def test_answers_file_shows_each_answer_as_text_next_to_the_rubric(tmp_path):
    from course.grading import written

    rubric = {
        "criteria": [{"points": 2, "text": "Names the cancelling factor."}],
        "samples": {k: {"points": p, "answer": f"a {k} answer"} for k, p in (("full", 2), ("partial", 1), ("zero", 0))},
    }
    question = {**WRITTEN[0], "rubric": rubric}
    results = {
        "alice": {**result(), "written": {"q3": {"state": "answered", "text": "# Title\n<b>bold</b> **x**\n\nok"}}},
        "bob": {**result(), "written": {"q3": {"state": "placeholder", "text": ""}}, "manual": {"q3": 1}},
    }
    written.write_answers(tmp_path, "01-warmup", [question], results)
    md = (tmp_path / "written" / "q3.md").read_text()
    assert "| 2 | Names the cancelling factor. |" in md and "**A partial answer (1 point):**" in md
    assert "> \\# Title" in md and "> &lt;b&gt;bold&lt;/b&gt; \\*\\*x\\*\\*" in md and "> ok" in md
    assert "### bob · graded: 1 / 2" in md and "still holds the placeholder" in md
    rows = (tmp_path / "written" / "manual-points.csv").read_text().splitlines()[1:]
    assert rows == ["alice,," + "ab" * 32, "bob,1," + "ab" * 32]


def test_grading_doc_says_how_to_install_before_its_first_command():
    from harness import ROOT

    doc = (ROOT / "docs" / "grading.md").read_text()
    readme = (ROOT / "README.md").read_text()
    install = next(ln for ln in doc.splitlines() if "pip install -r requirements.txt" in ln)
    assert install in readme  # the README's instructor command, word for word
    assert doc.index(install) < doc.index("python -m course ")
    for flag in ("--manual", "--roster", "--assignment", "--per-question", "hint_penalty"):
        assert flag in doc
