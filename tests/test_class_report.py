"""The class report's numbers, from saved results made by hand: students are counted (not checks), a
file-level problem is one row (not one per question), a time limit says which questions it cut, hint
use and written answers are counted per question, and the pages say what the numbers say.

(``test_grade_class.py`` grades a class of real notebooks and checks the same counts end to end.)"""

import json
import re
from html.parser import HTMLParser

from course.grading import annotate, class_report, handins, marks, mistakes, reports

TABLE = [
    {"id": "01.q1.transposed", "question": "q1", "message": "is transposed"},
    {"id": "01.q2.no-max-shift", "question": "q2", "message": "Subtract the largest score"},
    {"id": "01.q2.no-return", "question": "q2", "message": "returned nothing"},
]
WRITTEN = [{"name": "q3", "points": 2.0, "prompt": "Explain.", "rubric": {}}]


def case(passed: bool, message: str = "", hidden: bool = False) -> dict:
    return {"hidden": hidden, "passed": passed, "points": 1.0, "message": "" if passed else message}


def result(q1: list, q2: list, status: str = "ok", message: str = "", seconds: float = 2.0, **extra) -> dict:
    questions = {}
    for name, cases in (("q1", q1), ("q2", q2)):
        questions[name] = {
            "score": float(sum(c["passed"] for c in cases)),
            "possible": float(len(cases)),
            "cases": cases,
        }
    found = {"status": status, "message": message, "questions": questions, "cell_errors": [], "seconds": seconds}
    found["total"] = sum(q["score"] for q in questions.values())
    found["possible"] = 4.0
    found.update(extra)
    mistakes.annotate(found, TABLE)
    return found


OK = [case(True), case(True)]
NO_SHIFT = [  # the same mistake fails three checks: one student, not three
    case(False, "AssertionError: softmax overflows. Subtract the largest score first."),
    case(False, "AssertionError: softmax([1000, 1001]) is nan: Subtract the largest score.", hidden=True),
]


def broken(message: str = "not a notebook: invalid JSON") -> dict:
    fail = [case(False, message)]
    return result(fail + [case(False, message)], fail + [case(False, message)], status="invalid", message=message)


def the_class() -> dict[str, dict]:
    return {
        "ada": result(OK, OK, hints={"q1": [1, 2]}, written={"q3": {"text": "exp then divide", "state": "answered"}}),
        "ben": result(OK, NO_SHIFT, hints={"q2": [1]}),
        "cy": result([case(False, "AssertionError: X_shape is transposed"), case(True)], NO_SHIFT, hints={"q2": [2]}),
        "dee": result(OK, [case(False, "AssertionError: softmax returned nothing (None)"), case(False, "x")]),
        "eve": result(OK, [case(True), case(False, "AssertionError: wrong on [1, 2]: divide by the total")]),
        "fay": broken(),
        "gus": result(
            OK,
            [case(False, "this check was stopped: the time limit of the whole submission was reached"), case(True)],
            status="timeout",
            message="1 cell(s) raised errors; first: cell 7 CellTimeout: did not finish in 3 s",
            cell_errors=[{"index": 7, "type": "CellTimeout", "message": "did not finish in 3 s"}],
            seconds=9.5,
        ),
    }


def test_students_are_counted_once_per_mistake_and_question():
    data = class_report.stats("01-warmup", the_class(), ["q1", "q2"], WRITTEN)
    assert data["submissions"] == 7
    q1, q2 = data["questions"]
    assert (q1["full"], q1["partial"], q1["zero"], q1["not_run"]) == (5, 1, 0, 1)
    assert [(r["id"], r["students"], r["names"]) for r in q1["mistakes"]] == [("01.q1.transposed", 1, ["cy"])]
    assert [(r["id"], r["students"]) for r in q2["mistakes"]] == [("01.q2.no-max-shift", 2), ("01.q2.no-return", 1)]
    shift = q2["mistakes"][0]
    assert shift["names"] == ["ben", "cy"] and shift["share"] == round(2 / 7, 4)
    assert shift["message"] == "softmax overflows. Subtract the largest score first."  # as the student read it
    # a failure no known mistake explains is listed by its message, with the students who saw it
    other = {r["message"]: r["names"] for r in q2["other"]}
    assert other == {
        "wrong on [1, 2]: divide by the total": ["eve"],
        "this check was stopped: the time limit of the whole submission was reached": ["gus"],
    }
    assert (q2["full"], q2["partial"], q2["zero"], q2["not_run"]) == (1, 2, 3, 1)
    # what to reteach: the most students first, across questions
    assert [(r["id"], r["students"]) for r in data["reteach"]] == [
        ("01.q2.no-max-shift", 2),
        ("01.q1.transposed", 1),
        ("01.q2.no-return", 1),
    ]


def test_a_question_left_blank_is_not_a_mistake():
    results = the_class()
    results["dee"]["blank"] = ["q2"]  # dee's softmax is still the released `...`: "returned nothing"
    data = class_report.stats("01-warmup", results, ["q1", "q2"], WRITTEN)
    q2 = data["questions"][1]
    assert q2["blank"] == 1 and q2["zero"] == 3  # still no points
    assert [r["id"] for r in q2["mistakes"]] == ["01.q2.no-max-shift"]
    released = {"cells": [{"cell_type": "code", "metadata": {"tags": ["otter_answer_cell"]}, "source": "x = ..."},
                          {"cell_type": "code", "source": 'grader.check("q1")'},
                          {"cell_type": "code", "metadata": {"tags": ["otter_answer_cell"]}, "source": "y = ..."},
                          {"cell_type": "code", "source": 'grader.check("q2")'}]}  # fmt: skip
    tried = json.loads(json.dumps(released))
    tried["cells"][2]["source"] = "y = 2"
    assert handins.left_blank(released, released) == ["q1", "q2"] and handins.left_blank(tried, released) == ["q1"]


def test_hint_use_and_written_answers_are_counted_per_question():
    data = class_report.stats("01-warmup", the_class(), ["q1", "q2"], WRITTEN)
    q1, q2 = data["questions"]
    assert q1["hints"] == {"0": 6, "2": 1} and q2["hints"] == {"0": 5, "1": 2}
    assert data["written"] == [
        {"question": "q3", "points": 2.0, "answered": 1, "placeholder": 0, "missing": 6, "graded": 0, "mean": None}
    ]
    assert data["pending"] == 7 and data["possible"] == 6.0


def test_a_file_level_error_is_one_row_and_a_timeout_names_what_it_cut():
    results = the_class()
    results["gus"]["stopped"] = annotate.stopped(results["gus"], None, {"q1": ["X"], "q2": ["softmax"]})
    data = class_report.stats("01-warmup", results, ["q1", "q2"], WRITTEN)
    statuses = data["statuses"]
    assert {s: v["count"] for s, v in statuses.items()} == {"ok": 5, "timeout": 1, "invalid": 1}
    assert statuses["invalid"]["submissions"] == [{"name": "fay", "message": "not a notebook: invalid JSON", "cut": ""}]
    (gus,) = statuses["timeout"]["submissions"]
    assert gus["cut"] == "cell 7 stopped: it holds no answer, so no question lost points to it; checks stopped: q2"
    md_rows = [ln for ln in class_report.to_markdown(data, {}).splitlines() if "not a notebook" in ln]
    assert len(md_rows) == 1  # once, not once per question


def test_the_cell_a_timeout_stopped_is_mapped_to_its_question():
    nb = {
        "cells": [
            {"cell_type": "code", "source": "X_shape = (100, 2)\nwhile True: pass"},
            {"cell_type": "code", "source": 'grader.check("q1")'},
            {"cell_type": "code", "source": "def softmax(z):\n    return z"},
        ]
    }
    names = {"q1": ["X_shape"], "q2": ["softmax"]}
    assert handins.cell_questions(nb, 0, names) == ["q1"]
    assert handins.cell_questions(nb, 2, names) == ["q2"]  # no check after it: the answer it defines says
    assert handins.cell_questions(nb, 5, names) == []
    stopped = {"status": "timeout", "message": "the notebook did not finish in 300 s (in cell 2)", "questions": {}}
    assert annotate.stopped(stopped, nb, names) == {"all": True, "cell": 2}
    assert (
        class_report._cut({"stopped": {"all": True, "cell": 2}})
        == "every question (the notebook was stopped in cell 2)"
    )


def test_hints_are_read_from_the_outputs_the_hand_in_kept():
    def output(question, number, **meta):
        return {
            "output_type": "display_data",
            "data": {"text/markdown": "a hint"},
            "metadata": meta | {"course_hint": {"question": question, "number": number}},
        }

    nb = {
        "cells": [
            {"cell_type": "code", "source": 'hint("q1")', "outputs": [output("q1", 1)]},
            {"cell_type": "code", "source": 'hint("q1")', "outputs": [output("q1", 2), output("q1", 2)]},
            {"cell_type": "code", "source": 'hint("q2", 3)', "outputs": [output("q2", 3)]},
            {
                "cell_type": "code",
                "outputs": [output("q9", 1), output("q1", "1"), output("q1", True), output("q1", 99)],
            },
            {"cell_type": "markdown", "source": "text"},
        ]
    }
    assert handins.hints_seen(nb, ["q1", "q2"]) == {"q1": [1, 2], "q2": [3]}
    assert handins.hints_seen(handins.parse(b"not json"), ["q1"]) == {}
    assert handins.hints_seen(handins.parse(json.dumps(nb).encode()), ["q1", "q2"])["q2"] == [3]


def test_hint_penalty_is_a_share_of_the_question_never_below_zero():
    r = result(OK, [case(True), case(False, "x")], hints={"q1": [1, 2], "q2": [1, 2, 3]})
    plain = marks.marks(r, [], 0.0)
    assert plain.points == {"q1": 2.0, "q2": 1.0} and plain.hints == {"q1": 2, "q2": 3} and plain.penalty == {}
    charged = marks.marks(r, [], 0.1)
    assert charged.points == {"q1": 1.6, "q2": 0.4} and charged.penalty == {"q1": 0.4, "q2": 0.6}
    assert marks.marks(r, [], 0.5).points == {"q1": 0.0, "q2": 0.0}  # not below 0
    feedback = reports.feedback("ada", "01-warmup", r, [], 0.1)
    assert "| q1 | 1.6 / 2 (−0.4 for 2 hints) |" in feedback and "**Score: 2 / 4**" in feedback


class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.tags, self.images, self.links, self.text = [], [], [], []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append(tag)
        if tag == "img":
            self.images.append(attrs)
        for key in ("href", "src"):
            if key in attrs:
                self.links.append(attrs[key])

    def handle_data(self, data):
        self.text.append(data)


def test_html_report_is_self_contained_escaped_and_describes_its_figures(tmp_path):
    results = the_class()
    evil = "<script>alert(1)</script><img src=x onerror=alert(2)> [x](javascript:alert(3))"
    results["eve"]["questions"]["q2"]["cases"][1]["message"] = "AssertionError: " + evil
    results["<b>mallory</b>"] = broken("\x1b]52;c;ZXZpbA==\x07<!-- hidden -->")
    text = reports.summary("01-warmup", results, ["q1", "q2"], tmp_path, "bwrap", written=WRITTEN)
    html = (tmp_path / "summary" / "index.html").read_text()
    page = Page()
    page.feed(html)
    assert "script" not in page.tags and "<!--" not in html and "\x1b" not in html and "<b>" not in html
    assert all(link.startswith(("#", "data:image/png;base64,")) for link in page.links), page.links
    assert len(page.images) == 4 and all(len(img["alt"]) > 40 for img in page.images)
    assert html.count("<figcaption>") == 4
    words = " ".join(page.text)
    assert "01.q2.no-max-shift" in words and "2 students, 25 %" in words and "evil" not in words.lower()
    # names only in the folded section at the end: the page can be projected
    folded = html.split("<details>", 1)
    assert "mallory" not in folded[0] and "mallory" in folded[1]
    data = json.loads((tmp_path / "summary" / "summary.json").read_text())
    assert data["questions"][1]["mistakes"][0]["students"] == 2
    for name in ("questions", "mistakes", "scores", "time"):
        assert (tmp_path / "summary" / f"{name}.png").read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    md = (tmp_path / "summary" / "summary.md").read_text()
    assert "<script" not in md and "&lt;script&gt;" in md and "![Students per mistake" in md
    assert "\x1b" not in text and "Submissions that need a look" in text


def test_alt_text_lists_the_numbers_of_each_figure(tmp_path):
    data = class_report.stats("01-warmup", the_class(), ["q1", "q2"], WRITTEN)
    figures = class_report._figures(data, tmp_path)
    assert "q1: 5 full, 1 part, 0 none, 1 not run" in figures["questions"]["alt"]
    assert "01.q2.no-max-shift: 2" in figures["mistakes"]["alt"]
    assert re.search(r"1 point: 1 student; 2 points: 2 students", figures["scores"]["alt"]), figures["scores"]["alt"]
