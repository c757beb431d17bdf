"""A class graded as an instructor grades it, and what the class report says about it.

Thirteen hand-ins of lesson 01 built from its answer key and its variants (``tests/variants/``): a known
number of students per mistake on several questions (one student with two), hints each student was
shown (written into the outputs, as ``hint()`` leaves them), written answers, a blank notebook, a file
that is not JSON and a notebook with an endless loop. ``python -m course grade`` grades them; the
report's counts must be the ones the class was built with, per question and overall. Then the written
answers are graded by hand (``--manual``) and exported for the gradebook (``--roster``).
"""

import csv
import json
import os
import subprocess
import sys

import nbformat
import pytest
from conftest import grader_tmpdir
from harness import ROOT, answered_notebook
from test_tests_of_tests import load_variants

from course import layout, notebooks

LESSON = "01-warmup"
FULL = (
    "First each score is exponentiated, which makes it positive and keeps the order; dividing by the total "
    "makes them add up to 1; subtracting the largest multiplies all by the same factor, which cancels."
)
PARTIAL = "exp makes them positive, then divide by the sum. Subtracting the max is for stability."


def variant(mistake: str, n: int = 0) -> tuple[str, str]:
    """The ``n``-th wrong answer of lesson 01 named ``mistake``: (question, code)."""
    found = [v for v in load_variants(LESSON)[0] if v.mistake == mistake]
    return found[n].question, found[n].code


def notebook(*mistakes: tuple[str, str], hints: dict | None = None, answer: str | None = None, loop: str = ""):
    replace = dict(mistakes)
    if loop:
        replace[loop] = replace.get(loop, "") + "\nwhile True:\n    pass"
    nb = answered_notebook(LESSON, replace)
    for question, numbers in (hints or {}).items():
        cell = nbformat.v4.new_code_cell(f"pass  # hint({question!r}) ran here")
        cell.outputs = [
            nbformat.v4.new_output(
                "display_data",
                data={"text/markdown": f"**Hint {k} for {question}.**"},
                metadata={"course_hint": {"question": question, "number": k}},
            )
            for k in numbers
        ]
        nb.cells.append(cell)
    if answer is not None:
        cell = next(
            c for c in nb.cells if c.cell_type == "markdown" and "otter_answer_cell" in c.metadata.get("tags", [])
        )
        cell.source = answer
    return nb


def the_class(folder):
    folder.mkdir()
    students = {
        "ada-correct": notebook(hints={"q4": [1, 2, 3]}, answer=FULL),
        "ben-correct": notebook(),
        "cy-shift": notebook(variant("no-max-shift", 0), hints={"q4": [1]}),
        "dan-shift": notebook(variant("no-max-shift", 1), answer=PARTIAL),
        "eli-shift-and-sum": notebook(
            variant("no-max-shift", 2), variant("loss-summed"), hints={"q4": [1, 2], "q6": [1]}
        ),
        "fay-columns": notebook(variant("normalised-columns")),
        "gil-columns": notebook(variant("normalised-columns"), hints={"q2": [1]}),
        "hal-minus": notebook(variant("missing-minus")),
        "ivy-minus": notebook(variant("missing-minus")),
        "jon-transposed": notebook(variant("x-shape-transposed")),
        "max-loop": notebook(loop="q6"),
    }
    for name, nb in students.items():
        notebooks.write(nb, folder / f"{name}.ipynb")
    blank = json.loads(layout.student_notebook(ROOT, LESSON).read_text())
    (folder / "kim-blank.ipynb").write_text(json.dumps(blank))
    (folder / "lee-broken.ipynb").write_text('{"cells": [')
    return folder


def grade(args, tmp):
    env = {**os.environ, "TMPDIR": str(grader_tmpdir(tmp))}
    proc = subprocess.run(
        [sys.executable, "-m", "course", "grade", LESSON, *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc


def rows(path) -> dict[str, dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return {r.get("name") or r.get("Student"): r for r in csv.DictReader(f)}


@pytest.fixture(scope="module")
def graded(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("class")
    subs, out = the_class(tmp / "subs"), tmp / "out"
    proc = grade([str(subs), "--out", str(out), "--cell-timeout", "5", "--jobs", "2"], tmp)
    return tmp, subs, out, proc


@pytest.mark.slow
def test_the_report_counts_students_per_mistake_per_question_and_overall(graded):
    _, _, out, _ = graded
    data = json.loads((out / "summary" / "summary.json").read_text())
    assert data["submissions"] == 13
    per = {q["question"]: q for q in data["questions"]}
    mistakes = {q: {r["id"]: r["students"] for r in per[q]["mistakes"]} for q in per}
    known = {
        "q1": {"01.q1.x-shape-transposed": 1},
        "q2": {"01.q2.arrays-not-question-1-shapes": 1},  # question 2's arrays are built with question 1's shapes
        "q4": {"01.q4.no-max-shift": 3},
        "q5": {"01.q5.missing-minus": 2},
        "q6": {"01.q6.normalised-columns": 2, "01.q6.loss-summed": 1},
    }
    for q, counts in known.items():
        for mistake, students in counts.items():
            assert mistakes[q].get(mistake) == students, (q, mistake, per[q])
    names = {r["id"]: r["names"] for q in per.values() for r in q["mistakes"]}
    assert names["01.q4.no-max-shift"] == ["cy-shift", "dan-shift", "eli-shift-and-sum"]  # students, not checks
    assert names["01.q6.loss-summed"] == ["eli-shift-and-sum"]
    assert names["01.q2.arrays-not-question-1-shapes"] == ["jon-transposed"]
    # full marks per question: everyone but the students who made its mistakes, the blank and the broken file
    assert {q: per[q]["full"] for q in per} == {"q1": 10, "q2": 10, "q3": 11, "q4": 8, "q5": 9, "q6": 8}
    assert all(per[q]["not_run"] == 1 for q in per)
    # the blank notebook left every question blank: not tried is not a mistake
    assert all(per[q]["blank"] == 1 for q in per)
    assert not [r for q in per.values() for r in q["mistakes"] + q["other"] if "kim-blank" in r["names"]]
    # overall: what to reteach, the mistakes most students made first
    assert [(r["id"], r["students"]) for r in data["reteach"]] == [
        ("01.q4.no-max-shift", 3),
        ("01.q5.missing-minus", 2),
        ("01.q6.normalised-columns", 2),
        ("01.q1.x-shape-transposed", 1),
        ("01.q2.arrays-not-question-1-shapes", 1),
        ("01.q6.loss-summed", 1),
    ]
    assert data["full_marks"] == 3  # ada, ben, and the loop (its cell was stopped after the answers)


@pytest.mark.slow
def test_statuses_name_their_submissions_once_and_what_the_loop_cut(graded):
    _, _, out, proc = graded
    data = json.loads((out / "summary" / "summary.json").read_text())
    statuses = data["statuses"]
    assert {s: v["count"] for s, v in statuses.items()} == {"ok": 11, "timeout": 1, "invalid": 1}
    (broken,) = statuses["invalid"]["submissions"]
    assert broken["name"] == "lee-broken" and broken["message"].startswith("not a notebook")
    (loop,) = statuses["timeout"]["submissions"]
    assert loop["name"] == "max-loop" and loop["cut"].endswith("stopped: q6 may be incomplete")
    md = (out / "summary" / "summary.md").read_text()
    assert sum("lee-broken" in line for line in md.splitlines()) == 1  # once, not once per question
    assert "max-loop: timeout" in proc.stdout and "lee-broken: invalid" in proc.stdout
    assert all(seconds > 0 for name, seconds in data["seconds"].items() if name != "lee-broken")
    assert (out / "summary" / "time.png").exists() and "Time per submission" in md


@pytest.mark.slow
def test_hint_use_per_question_is_the_one_written_into_the_hand_ins(graded):
    _, _, out, _ = graded
    data = json.loads((out / "summary" / "summary.json").read_text())
    hints = {q["question"]: q["hints"] for q in data["questions"]}
    assert hints["q4"] == {"0": 10, "1": 1, "2": 1, "3": 1}
    assert hints["q6"] == {"0": 12, "1": 1} and hints["q2"] == {"0": 12, "1": 1}
    assert hints["q1"] == hints["q3"] == hints["q5"] == {"0": 13}
    grades = rows(out / "grades.csv")
    assert grades["ada-correct"]["hints"] == "3" and grades["eli-shift-and-sum"]["hints"] == "3"
    assert grades["ada-correct"]["q4"] == "3"  # no penalty by default (course.toml: hint_penalty = 0)
    md = (out / "summary" / "summary.md").read_text()
    assert "| q4 | 3 | 8 (62 %) | 3 | 1 | 1 | 1 | 2.19 | 1 hint: 1 student; 2 hints: 1; 3 hints: 1 |" in md


@pytest.mark.slow
def test_written_answers_are_to_grade_by_hand_then_merged(graded):
    tmp, subs, out, _ = graded
    grades = rows(out / "grades.csv")
    assert grades["ada-correct"]["q7"] == "to grade by hand (2 points)"
    assert (grades["ada-correct"]["total"], grades["ada-correct"]["possible"]) == ("22", "24")
    assert grades["ada-correct"]["to_grade_by_hand"] == "2"
    feedback = (out / "feedback" / "ada-correct.md").read_text()
    assert "**Score so far: 22 / 24**" in feedback and "| q7 | to grade by hand (2 points) |" in feedback
    answers = (out / "written" / "q7.md").read_text()
    assert FULL[:60] in answers and PARTIAL[:40] in answers and "Names the steps" not in answers
    assert "A full answer (2 points)" in answers  # the rubric beside the answers
    assert answers.count("still holds the placeholder") == 10
    # grade by hand, merge, export
    points = out / "written" / "manual-points.csv"
    lines = points.read_text().splitlines()
    filled = [ln.replace("ada-correct,,", "ada-correct,2,").replace("dan-shift,,", "dan-shift,1,") for ln in lines]
    filled = [ln.replace("ben-correct,,", "ben-correct,0,") for ln in filled]
    points.write_text("\n".join(filled) + "\n")
    roster = tmp / "roster.csv"
    names = sorted(p.stem for p in subs.iterdir() if p.stem != "lee-broken") + ["nia-absent"]
    roster.write_text(
        "Student,ID,SIS User ID,SIS Login ID,Section\n"
        + "".join(
            f'"{n.split("-", 1)[1]}, {n.split("-")[0]}",{100 + i},S{i},{n.split("-")[0]},A\n'
            for i, n in enumerate(names)
        )
    )
    proc = grade([str(subs), "--out", str(out), "--manual", str(points), "--roster", str(roster)], tmp)
    assert (
        "grading 0 submission(s)" in proc.stderr and "merged points graded by hand for 3 submission(s)" in proc.stderr
    )
    grades = rows(out / "grades.csv")
    assert (grades["ada-correct"]["q7"], grades["ada-correct"]["total"]) == ("2", "24")
    assert grades["ben-correct"]["q7"] == "0" and grades["ben-correct"]["to_grade_by_hand"] == "0"
    assert grades["cy-shift"]["q7"] == "to grade by hand (2 points)"
    assert "**Score: 24 / 24**" in (out / "feedback" / "ada-correct.md").read_text()
    canvas = rows(out / "exports" / "canvas.csv")
    assert canvas["correct, ada"]["01-warmup"] == "24" and canvas["absent, nia"]["01-warmup"] == ""
    assert canvas["shift, dan"]["01-warmup"] == grades["dan-shift"]["total"]
    assert [r["name"] for r in csv.DictReader(open(out / "exports" / "unmatched.csv"))] == ["lee-broken"]
    assert "NOT EXPORTED: lee-broken (matches no roster row)" in proc.stderr
    assert "no submission for 1 student(s) on the roster: absent, nia" in proc.stderr
    data = json.loads((out / "summary" / "summary.json").read_text())
    assert (data["written"][0]["graded"], data["written"][0]["answered"]) == (3, 2)


def test_a_manual_points_file_with_a_mistake_is_refused_before_grading(tmp_path):
    bad = tmp_path / "points.csv"
    bad.write_text("name,q7\nada,5\n")
    env = {**os.environ, "TMPDIR": str(grader_tmpdir(tmp_path))}
    cmd = [
        sys.executable,
        "-m",
        "course",
        "grade",
        LESSON,
        str(ROOT / "examples" / "submissions" / "01" / "broken.ipynb"),
    ]
    proc = subprocess.run(
        [*cmd, "--out", str(tmp_path / "o"), "--manual", str(bad)],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert proc.returncode == 1 and "'5' is not a number from 0 to 2" in proc.stderr and "Traceback" not in proc.stderr
    assert not (tmp_path / "o" / "grades.csv").exists()


def test_the_class_is_built_as_described():
    """The notebooks really hold what the test says (guards the fixture, which is slow to run)."""
    nb = notebook(variant("no-max-shift", 0), hints={"q4": [1, 2]}, answer=FULL, loop="q6")
    text = json.dumps(nb)
    assert "np.exp(z)" in text and text.count('"course_hint"') == 2 and FULL[:40] in text
    assert "while True" in text
