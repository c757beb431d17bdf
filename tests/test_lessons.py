"""Every lesson as students get it: the blank notebook runs to the end, nothing solved or hidden leaks.

That the answer key scores full marks and the blank notebook 0 through the real grading path is
shown by ``test_gradescope.py`` (the autograder zip's own entry point) and ``test_grade.py``.
"""

import json
import re
import shutil
from pathlib import Path

import pytest
from harness import ROOT, check_cells, hidden_test_names, solution_lines

from course import execute, layout, lessons, notebooks

LESSONS = lessons.all_lessons(ROOT)


def student_files(lesson: str) -> dict[Path, str]:
    folder = layout.student_dir(ROOT, lesson)
    return {p: p.read_text(encoding="utf-8") for p in folder.rglob("*") if p.is_file()}


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_blank_notebook_runs_to_the_end(lesson, tmp_path):
    folder = tmp_path / lesson
    shutil.copytree(layout.student_dir(ROOT, lesson), folder)
    (tmp_path / "data").symlink_to(ROOT / layout.DATA)  # ../data as for the answer key
    nb = notebooks.read(folder / f"{lesson}.ipynb")
    client_nb = execute.run(nb, folder, timeout=300, allow_errors=True)
    code = [c for c in client_nb.cells if c.cell_type == "code"]
    assert all(c.execution_count is not None for c in code), "a cell of the blank notebook never ran"
    errors = [
        (i, out.get("ename"), out.get("evalue", "")[:120])
        for i, c in enumerate(client_nb.cells)
        for out in c.get("outputs", [])
        if out.get("output_type") == "error"
    ]
    assert not errors, f"Run All on the blank notebook stops with errors (cell, error): {errors}"
    checks = [c for c in code if "grader.check(" in c.source]
    assert checks and all(
        any(o.get("output_type") in ("display_data", "execute_result", "stream") for o in c.outputs) for c in checks
    ), "every grader.check cell of the blank notebook should show its result"
    # Its grade (0 on every question) comes from the Gradescope zip's own entry point: test_gradescope.py


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_solution_code_under_notebooks(lesson):
    lines = solution_lines(lesson)
    assert lines, "found no solution lines in the source: is the marker syntax right?"
    for path, text in student_files(lesson).items():
        leaked = [ln for ln in lines if ln in text]
        assert not leaked, f"{path.relative_to(ROOT)} contains solution code: {leaked[:3]}"


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_hidden_tests_under_notebooks(lesson):
    names = hidden_test_names(lesson)
    assert names, "the lesson has no hidden tests"
    for path, text in student_files(lesson).items():
        leaked = [n for n in names if re.search(rf"\b{n}\b", text)]
        assert not leaked, f"{path.relative_to(ROOT)} contains hidden tests: {leaked}"
        assert "hidden=True" not in text


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_question_has_public_and_hidden_tests(lesson):
    public = {p.stem for p in (layout.student_dir(ROOT, lesson) / "tests").glob("q*.py")}
    hidden = {p.stem for p in (layout.autograder_dir(ROOT, lesson) / "tests").glob("q*.py")}
    assert public and public == hidden
    for question in hidden:
        text = (layout.autograder_dir(ROOT, lesson) / "tests" / f"{question}.py").read_text()
        assert "hidden=False" in text and "hidden=True" in text, f"{question} needs public and hidden tests"


@pytest.mark.parametrize("lesson", LESSONS)
def test_student_notebook_says_public_checks_are_not_full_marks(lesson):
    nb = notebooks.read(layout.student_notebook(ROOT, lesson))
    text = " ".join(notebooks.source_text(c) for c in nb.cells if c.cell_type == "markdown")
    assert "hidden" in text.lower() and "grader.check" in text


def markdown_cells(nb) -> list[str]:
    return [notebooks.source_text(c) for c in nb.cells if c.cell_type == "markdown"]


def written_questions(lesson: str) -> int:
    source = notebooks.read(ROOT / layout.SOURCE / f"{lesson}.ipynb")
    return sum(
        1
        for c in source.cells
        if c.cell_type == "raw" and "# BEGIN QUESTION" in c.source and re.search(r"^manual:\s*true", c.source, re.M)
    )


def test_the_series_has_written_questions():
    """Not every lesson has one (a lesson split off another may have none), but the course does."""
    assert [lesson for lesson in LESSONS if written_questions(lesson)]


@pytest.mark.parametrize("lesson", LESSONS)
def test_export_filter_keeps_every_written_answer(lesson):
    """Otter's PDF/export filter keeps only what sits between BEGIN/END QUESTION comments: each
    written question's answer cell must be inside its block, or graders never see the answer; a
    lesson without written questions has no answer cell for one."""
    from otter.export.exporters.base_exporter import BaseExporter

    written = written_questions(lesson)
    student = notebooks.read(layout.student_notebook(ROOT, lesson))
    answers = [c for c in student.cells if c.cell_type == "markdown" and "Type your answer here" in c.source]
    assert len(answers) == written, "one answer cell per written question"
    kept = BaseExporter.filter_cells(json_copy(student))
    kept_answers = [c for c in kept.cells if c.cell_type == "markdown" and "Type your answer here" in c.source]
    assert len(kept_answers) == written, f"the export filter keeps {len(kept_answers)} of {written} written answers"


def json_copy(nb):
    import nbformat

    return nbformat.from_dict(json.loads(json.dumps(nb)))


@pytest.mark.parametrize("lesson", LESSONS)
def test_no_dollar_pairs_render_as_math_by_accident(lesson):
    """Two unescaped ``$`` in one Markdown cell render the text between them as LaTeX ("$100,000 ...
    $215,000" came out garbled). Display math ``$$...$$`` is fine; a price is written ``\\$100,000``."""
    for text in markdown_cells(notebooks.read(ROOT / layout.SOURCE / f"{lesson}.ipynb")):
        bare = re.sub(r"\$\$.*?\$\$", "", text, flags=re.S)
        singles = re.findall(r"(?<!\\)\$", bare)
        assert len(singles) < 2, f"{lesson}: unescaped $ pair in: {bare[:200]!r}"


TERMS = {
    "NumPy": r"\bnumpy\b",
    "PyTorch": r"\bpytorch\b",
    "classes": r"\bclass(?:es|ify|ifies|ification)?\b|\blogistic\b|\bsoftmax\b",
}
"""Words that tell lessons apart: a sentence that names a lesson may only use those that lesson teaches."""


def terms(text: str) -> set[str]:
    return {name for name, pattern in TERMS.items() if re.search(pattern, text, re.I)}


def lesson_topics(lesson: str) -> set[str]:
    """What a lesson teaches, in :data:`TERMS`: from its title and its row of the README's lesson table."""
    nb = notebooks.read(ROOT / layout.SOURCE / f"{lesson}.ipynb")
    title = next(t for t in markdown_cells(nb) if t.lstrip().startswith("# ")).split("\n")[0]
    number = lesson.split("-")[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next((ln for ln in readme.splitlines() if ln.startswith(f"| [{number} ")), "")
    what = row.split("|")[2] if row.count("|") > 3 else ""
    return terms(title + " " + row.split("](")[0] + " " + what)


def mentions(text: str) -> list[tuple[str, str]]:
    """(lesson number, sentence) for each lesson named in ``text`` ("lesson 02", "lessons 02-03", "03 and 04")."""
    found = []
    for sentence in re.split(r"\n\s*\n|\||(?<=[.!?])\s+", text):  # paragraphs, table cells, sentences
        for match in re.finditer(r"[Ll]essons?\s+(\d\d)(?:\s*(-|–|to|and|,)\s*(\d\d))?('s)?", sentence):
            borrowed = match.group(4) or re.search(r"\b(?:from|as in|like in)\s+$", sentence[: match.start()], re.I)
            if borrowed:  # "lesson 02's loop", "from lesson 03": something of that lesson reused here
                continue
            first, joint, second = match.group(1), match.group(2), match.group(3)
            if second and joint in ("-", "–", "to"):  # a range: "lessons 02-04"
                found += [(f"{n:02d}", sentence) for n in range(int(first), int(second) + 1)]
            else:  # one lesson, or two: "lessons 03 and 05"
                found += [(n, sentence) for n in (first, second) if n]
    return found


@pytest.mark.parametrize("lesson", LESSONS)
def test_lessons_named_in_the_text_teach_what_is_claimed(lesson):
    """A sentence that names another lesson may say "NumPy", "PyTorch" or "classes" of it only if
    that lesson's title or README row does ("models in NumPy (lessons 02-03)" failed: 03 is PyTorch),
    or, in a sentence about the reader's own work ("you", "we", "here"), if this lesson does."""
    numbers = {name.split("-")[0]: name for name in LESSONS}
    for text in markdown_cells(notebooks.read(ROOT / layout.SOURCE / f"{lesson}.ipynb")):
        for number, sentence in mentions(text):
            assert number in numbers, f"{lesson} names lesson {number}, which does not exist: {sentence!r}"
            if numbers[number] == lesson:
                continue
            claimed = terms(sentence) - lesson_topics(numbers[number])
            if re.search(r"\b(?:you|we|here|this lesson)\b", sentence, re.I):
                claimed -= lesson_topics(lesson)  # "you check in PyTorch that ... lesson 02": about this lesson
            assert not claimed, f"{lesson} says {claimed} of lesson {number}, which it does not teach: {sentence!r}"


def test_the_cross_reference_check_can_fail():
    found = mentions("We built models in NumPy (lessons 04-06) before. Lessons 06 and 07 sort houses into classes.")
    assert [n for n, _ in found] == ["04", "05", "06", "06", "07"]
    assert not mentions("Lesson 02's loop, in PyTorch. The loop from lesson 06, for classes.")
    assert terms(found[2][1]) - lesson_topics("06-linear-torch") == {"NumPy"}
    assert terms(found[3][1]) - lesson_topics("06-linear-torch") == {"classes"}
    assert not terms(found[4][1]) - lesson_topics("07-logistic-torch")


@pytest.mark.parametrize("lesson", LESSONS)
def test_stated_time_follows_the_rule(lesson):
    """The header and the README state the time ``course/reading_time.py`` derives, the same way in
    every lesson, and it is at most ``LONGEST`` (80) minutes."""
    from course import reading_time

    source = ROOT / layout.SOURCE / f"{lesson}.ipynb"
    expected = reading_time.minutes(source)
    header = markdown_cells(notebooks.read(source))[0]
    stated = re.search(r"\*\*Time:\*\*\s*about\s+(\d+)\s+minutes", header)
    assert stated, f"{lesson}: the first cell should say **Time:** about N minutes."
    assert int(stated.group(1)) == expected, f"{lesson}: header says {stated.group(1)}, the rule gives {expected}"
    assert reading_time.statement(expected) in header, f"{lesson}: state the time as {reading_time.statement(expected)}"
    number = lesson.split("-")[0]
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    row = next(ln for ln in readme.splitlines() if ln.startswith(f"| [{number} "))
    assert f"~{expected} min" in row, f"README row of {lesson} should say ~{expected} min"
    assert expected <= reading_time.LONGEST, f"{lesson} takes {expected} minutes: split or trim it"


def test_the_time_rule_counts_what_a_student_reads_and_does(tmp_path):
    """120 words a minute of Markdown, 6 minutes per auto-graded question, 8 per written one, rounded to
    the nearest 5; a written question's model answer and an optional "Going further" are not counted."""
    from course import reading_time

    def cell(kind, text):
        return {"cell_type": kind, "metadata": {}, "source": text}

    def words(n):
        return " ".join(["word"] * n)

    def minutes(cells):
        path = tmp_path / "lesson.ipynb"
        path.write_text(json.dumps({"cells": cells}), encoding="utf-8")
        return reading_time.parts(path), reading_time.minutes(path)

    question = [cell("raw", "# BEGIN QUESTION\nname: q1\npoints: 2"), cell("code", "x = 1")]
    question.append(cell("raw", "# END QUESTION"))
    written = [
        cell("raw", "# BEGIN QUESTION\nname: q2\nmanual: true\npoints: 2"),
        cell("markdown", words(30)),
        cell("raw", "# BEGIN SOLUTION"),
        cell("markdown", words(600)),  # the model answer: students never see it
        cell("raw", "# END SOLUTION"),
        cell("raw", "# END QUESTION"),
    ]
    lesson = [cell("markdown", "# Lesson 99 · A test\n\n" + words(1194))] + question + written
    assert minutes(lesson) == ({"words": 1230, "auto": 1, "written": 1}, 25)  # 10.25 + 6 + 8 = 24.25
    further = [cell("markdown", "## Going further (optional, not graded)\n\n" + words(2400))]
    further.append(cell("markdown", words(500)))  # still the optional section, up to the next heading
    done = [cell("markdown", "## Done\n\n" + words(58))]
    assert minutes(lesson + further + done) == ({"words": 1290, "auto": 1, "written": 1}, 25)
    assert minutes(lesson + done + further)[0]["words"] == 1290
    assert minutes([cell("markdown", words(899))])[1] == 5  # 7.49 minutes
    assert minutes([cell("markdown", words(900))])[1] == 10  # 7.5: halves round up
    assert minutes([cell("markdown", words(1260))] + question * 3)[1] == 30  # 10.5 + 18 = 28.5


# --- question headings ------------------------------------------------------------------------------


def headings(nb) -> list[tuple[int, int, str]]:
    """(cell index, level, text) of every Markdown heading, in order (lines in code fences are not headings)."""
    found = []
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "markdown":
            continue
        fenced = False
        for line in notebooks.source_text(cell).split("\n"):
            if line.lstrip().startswith("```"):
                fenced = not fenced
            match = None if fenced else re.match(r"^(#{1,6})\s+(.*?)\s*#*\s*$", line)
            if match:
                found.append((index, len(match.group(1)), match.group(2)))
    return found


def answer_cells(nb, configs: list[dict]) -> dict[str, int]:
    """{qN: index of its answer cell}: the last answer cell before ``grader.check("qN")``; for a written
    question, its "Type your answer here" cell (in the order of the written questions)."""
    checks = {q: nb.cells.index(c) for q, c in check_cells(nb).items()}
    written = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and "Type your answer here" in c.source]
    found = {}
    for config in configs:
        name = str(config["name"])
        if config.get("manual"):
            found[name] = written.pop(0)
        elif name in checks:
            found[name] = max(
                i for i in range(checks[name]) if "otter_answer_cell" in nb.cells[i].metadata.get("tags", [])
            )
    return found


def question_heading(config: dict) -> str:
    number, points = int(str(config["name"])[1:]), config["points"]
    points = int(points) if float(points).is_integer() else points
    return f"Question {number} · {points} point{'' if points == 1 else 's'}" + (
        " (written)" if config.get("manual") else ""
    )


def heading_problems(nb, configs: list[dict]) -> list[str]:
    """What keeps a student notebook's headings from the course's convention: one ``#`` title, sections
    ``##``, and before each graded question's answer cell (after the previous one's) its heading
    ``### Question N · k points``, ``(written)`` for a written one."""
    found, problems = headings(nb), []
    titles = [text for _, level, text in found if level == 1]
    if len(titles) != 1:
        problems.append(f"{len(titles)} '#' titles, not one: {titles[:3]}")
    deepest = 0
    for _, level, text in found:
        if level > deepest + 1:
            problems.append(f"the heading {text!r} skips a level (#{'#' * (level - 1)} after #{'#' * (deepest - 1)})")
        deepest = level
    answers, previous = answer_cells(nb, configs), -1
    for config in configs:
        name, want = str(config["name"]), question_heading(config)
        number = int(name[1:])
        named = [(i, level, text) for i, level, text in found if re.match(rf"Question {number}\b", text)]
        if name not in answers:
            problems.append(f"{name}: no answer cell found")
            continue
        if [(level, text) for _, level, text in named] != [(3, want)]:
            problems.append(f"{name}: wants one heading '### {want}', found {[t for _, _, t in named]}")
        elif not previous < named[0][0] <= answers[name]:
            problems.append(f"{name}: its heading is not between the previous question's answer and its own")
        previous = answers[name]
    return problems


@pytest.mark.parametrize("lesson", LESSONS)
def test_every_graded_question_is_a_heading_with_its_points(lesson):
    from course import build

    nb = notebooks.read(layout.student_notebook(ROOT, lesson))
    problems = heading_problems(nb, build.question_configs(lesson, ROOT))
    assert not problems, f"{lesson}: " + "; ".join(problems)


def test_the_heading_check_can_fail():
    from course import build

    lesson = "01-warmup"
    configs = build.question_configs(lesson, ROOT)
    nb = notebooks.read(layout.student_notebook(ROOT, lesson))
    assert heading_problems(nb, configs) == []
    for cell in nb.cells:
        if cell.cell_type == "markdown":
            cell.source = cell.source.replace("### Question 3 · 3 points", "### Question 3 · 4 points")
            cell.source = cell.source.replace("## Shapes", "# Shapes")
    problems = heading_problems(nb, configs)
    assert any(p.startswith("2 '#' titles") for p in problems), problems
    assert any(p.startswith("q3: wants one heading '### Question 3 · 3 points'") for p in problems), problems


@pytest.mark.parametrize("lesson", LESSONS)
def test_a_list_of_contents_comes_before_the_first_section(lesson):
    """The generated "In this lesson" cell links every ``##`` section, in order, and sits just before the
    first one (under the title and the set-up cell, which stay in the first view)."""
    for path in (layout.student_notebook(ROOT, lesson), layout.solution_notebook(ROOT, lesson)):
        nb = notebooks.read(path)
        tagged = [i for i, c in enumerate(nb.cells) if notebooks.CONTENTS_TAG in c.metadata.get("tags", [])]
        assert len(tagged) == 1, f"{path.name}: {len(tagged)} contents cells"
        at = tagged[0]
        sections = [text for level, text in notebooks.headings(nb) if level == 2]
        links = re.findall(r"^- \[(.+)\]\(#(\S+)\)$", nb.cells[at].source, flags=re.M)
        assert [text for text, _ in links] == sections, f"{path.name}: the contents list other sections"
        assert all(anchor == notebooks.heading_anchor(text) for text, anchor in links)
        first = next(i for i, c in enumerate(nb.cells) if any(lv == 2 for lv, _ in notebooks.headings_of(c)))
        assert first == at + 1, f"{path.name}: the contents are not just before the first section"


def test_the_contents_follow_the_headings():
    nb = notebooks.read(ROOT / layout.SOURCE / "01-warmup.ipynb")
    nb.cells[-1].source += "\n\n## A `new` section\n\n```\n## not a heading\n```"
    made = notebooks.add_contents(nb)
    contents = next(c for c in made.cells if notebooks.CONTENTS_TAG in c.metadata.get("tags", []))
    assert contents.source.rstrip().endswith("- [A `new` section](#A-new-section)")
    assert "not a heading" not in contents.source
