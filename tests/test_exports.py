"""Gradebook exports (``--roster``): the columns Canvas and Moodle document for their grade imports, and
a roster with unmatched submissions, duplicate names and students who handed nothing in.

Canvas's gradebook import reads ``Student, ID, SIS User ID, SIS Login ID, Section``, then one column
per assignment (a new column title makes a new assignment; a blank cell changes nothing). Moodle's
CSV grade import maps one column to its users (*Map from* a column *to* ``useremail``, ``useridnumber``,
``username`` or ``userid``) and each other column to a grade item.
"""

import csv
import zipfile

import pytest

from course.grading import exports, marks

CANVAS_ROSTER = """Student,ID,SIS User ID,SIS Login ID,Section,01 Warm-up (4412),Current Score
    Points Possible,,,,,24,(read only)
"Smith, Alice",10231,S001,asmith,Sec A,,
"Lopez, Bruno",10232,S002,blopez,Sec A,,
"Kim, Alex",10233,S003,akim1,Sec B,,
"Kim, Alex",10234,S004,akim2,Sec B,,
"Ünal, Zeynep",10235,S005,zunal,Sec B,,
"Nakamura, Ren",10236,S006,rnakamura,Sec B,,
"""
MOODLE_ROSTER = """First name;Last name;ID number;Institution;Department;Email address
Alice;Smith;2024-001;;;alice.smith@uni.example
Bruno;Lopez;2024-002;;;bruno.lopez@uni.example
Zeynep;Ünal;2024-005;;;z.unal@uni.example
"""


def graded(tmp_path, names_and_totals: dict[str, float]) -> dict:
    """Submissions as the grader saw them: name -> {file, marks} (one question, 24 points)."""
    found = {}
    for name, total in names_and_totals.items():
        path = tmp_path / "subs" / f"{name}.ipynb"
        result = {"questions": {"q1": {"score": total, "possible": 24.0, "cases": []}}}
        found[name.replace("/", "_")] = {"file": str(path), "marks": marks.marks(result)}
    return found


def read(path) -> list[dict]:
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


@pytest.fixture
def canvas_export(tmp_path):
    roster = tmp_path / "canvas-export.csv"
    roster.write_text(CANVAS_ROSTER, encoding="utf-8")
    grades = graded(
        tmp_path,
        {
            "smithalice_10231_555_01-warmup": 20,  # Canvas's "download all submissions" name: the ID matches
            "Bruno Lopez_77_assignsubmission_file_/01-warmup": 18,  # Moodle's folder: the name matches
            "alex_kim": 12,  # two students are called Alex Kim: matches both, exported for neither
            "zeynep-unal-hand-in": 23,  # accents do not matter
            "mystery": 5,  # nobody on the roster
        },
    )
    matching, paths = exports.export(tmp_path, "01-warmup", roster, grades, ["q1"], "01 Warm-up (4412)")
    return matching, paths, tmp_path


def test_canvas_export_has_the_import_columns_and_every_roster_row(canvas_export):
    matching, paths, out = canvas_export
    with open(out / "exports" / "canvas.csv", newline="", encoding="utf-8") as f:
        header = next(csv.reader(f))
    assert header == ["Student", "ID", "SIS User ID", "SIS Login ID", "Section", "01 Warm-up (4412)"]
    rows = read(out / "exports" / "canvas.csv")
    assert [r["ID"] for r in rows] == ["10231", "10232", "10233", "10234", "10235", "10236"]  # no Points Possible
    grades = {r["Student"]: r["01 Warm-up (4412)"] for r in rows}
    assert grades == {
        "Smith, Alice": "20",
        "Lopez, Bruno": "18",
        "Kim, Alex": "",
        "Ünal, Zeynep": "23",
        "Nakamura, Ren": "",  # handed nothing in: a blank cell, which the import leaves unchanged
    }
    assert [s.fields["ID"] for s in matching.missing] == ["10233", "10234", "10236"]


def test_unmatched_and_ambiguous_submissions_are_listed_never_dropped(canvas_export):
    matching, _, out = canvas_export
    listed = {r["name"]: r for r in read(out / "exports" / "unmatched.csv")}
    assert set(listed) == {"alex_kim", "mystery"}
    assert listed["alex_kim"]["why"] == "matches 2 roster rows by name: Kim, Alex; Kim, Alex"
    assert listed["mystery"]["why"] == "matches no roster row" and listed["mystery"]["total"] == "5"
    assert len(matching.matched) + len(matching.unmatched) == 5


def test_moodle_export_has_a_user_column_and_the_grade_items(tmp_path):
    roster = tmp_path / "moodle.csv"
    roster.write_text(MOODLE_ROSTER, encoding="utf-8")
    grades = graded(tmp_path, {"alice.smith": 21, "Bruno_Lopez": 17, "2024-005": 9})
    exports.export(tmp_path, "01-warmup", roster, grades, ["q1"], per_question=True)
    rows = read(tmp_path / "exports" / "moodle.csv")
    assert list(rows[0]) == ["First name", "Last name", "ID number", "Email address", "01-warmup", "01-warmup q1"]
    by_email = {r["Email address"]: (r["01-warmup"], r["01-warmup q1"]) for r in rows}
    assert by_email == {
        "alice.smith@uni.example": ("21", "21"),  # by the e-mail's local part
        "bruno.lopez@uni.example": ("17", "17"),  # by name
        "z.unal@uni.example": ("9", "9"),  # by ID number
    }


def test_a_canvas_roster_gives_moodle_its_names_too(canvas_export):
    _, _, out = canvas_export
    rows = read(out / "exports" / "moodle.csv")
    assert list(rows[0])[:2] == ["First name", "Last name"] and rows[0]["First name"] == "Alice"
    assert rows[0]["Last name"] == "Smith" and rows[0]["01 Warm-up (4412)"] == "20"


def test_two_submissions_for_one_student_are_both_listed(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text(CANVAS_ROSTER, encoding="utf-8")
    grades = graded(tmp_path, {"asmith/01-warmup": 20, "asmith-late/01-warmup": 22})
    matching, _ = exports.export(tmp_path, "01-warmup", roster, grades, ["q1"])
    assert not matching.matched
    whys = sorted(r["why"] for r in read(tmp_path / "exports" / "unmatched.csv"))
    assert whys[0].startswith("Smith, Alice has other submissions too")


def test_an_explicit_file_column_settles_duplicates_and_ids_beat_names(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("name,email,file\nAlex Kim,ak1@x.example,alex_kim\nAlex Kim,ak2@x.example,\n", encoding="utf-8")
    grades = graded(tmp_path, {"alex_kim": 12, "ak2_alex_kim": 14})
    matching, _ = exports.export(tmp_path, "01-warmup", roster, grades, ["q1"])
    assert {n: s.fields["Email address"] for n, s in matching.matched.items()} == {
        "alex_kim": "ak1@x.example",
        "ak2_alex_kim": "ak2@x.example",
    }


def test_an_id_and_a_name_that_disagree_are_not_guessed(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text(CANVAS_ROSTER, encoding="utf-8")
    # a Moodle participant number that happens to be Bruno's Canvas ID, in Alice's folder
    grades = graded(tmp_path, {"Alice Smith_10232_assignsubmission_file_/01-warmup": 20})
    matching, _ = exports.export(tmp_path, "01-warmup", roster, grades, ["q1"])
    assert not matching.matched
    assert read(tmp_path / "exports" / "unmatched.csv")[0]["why"].startswith("its id and its name point at different")


def test_otter_export_metadata_names_the_student(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text(CANVAS_ROSTER, encoding="utf-8")
    zipped = tmp_path / "subs" / "hand-in (3).zip"
    zipped.parent.mkdir(parents=True)
    with zipfile.ZipFile(zipped, "w") as zf:
        zf.writestr("home/rnakamura/course/01-warmup.ipynb", "{}")
        zf.writestr("__zip_filename__", "01-warmup-hand-in.zip")
    grades = {
        "hand-in_3": {
            "file": f"{zipped}!home/rnakamura/course/01-warmup.ipynb",
            "marks": graded(tmp_path, {"x": 7})["x"]["marks"],
        }
    }
    matching, _ = exports.export(tmp_path, "01-warmup", roster, grades, ["q1"])
    assert matching.matched["hand-in_3"].fields["ID"] == "10236"  # the login in the notebook's path


def test_spreadsheet_formulas_in_a_roster_stay_text(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text('name,email\n"=HYPERLINK(""http://e"",""x"")",evil@x.example\n', encoding="utf-8")
    exports.export(tmp_path, "01-warmup", roster, {}, ["q1"])
    text = (tmp_path / "exports" / "canvas.csv").read_text()
    assert "'=HYPERLINK" in text and ",=HYPERLINK" not in text


def test_a_roster_without_identifying_columns_is_refused(tmp_path):
    roster = tmp_path / "r.csv"
    roster.write_text("colour,size\nred,3\n", encoding="utf-8")
    with pytest.raises(exports.RosterError, match="none of the columns a student can be found by"):
        exports.read_roster(roster)
