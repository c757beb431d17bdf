"""Grades for the university's gradebook: a Canvas and a Moodle grade import CSV, from a roster.

``--roster ROSTER.csv`` is the class list, best exported from the gradebook the grades go to (Canvas:
*Grades → Export*; Moodle: *Grades → Export → Plain text file*, or the participants list), or any CSV
with a header. Known columns (case and spacing ignored):

- Canvas: ``Student`` ("Last, First"), ``ID``, ``SIS User ID``, ``SIS Login ID``, ``Section``;
- Moodle: ``First name``, ``Last name`` (or ``Surname``), ``ID number``, ``Username``, ``Email address``;
- anything: ``name``, ``email``, ``id``, ``login``, and ``file`` (or ``submission``): the name of the
  student's submission as ``grades.csv`` shows it, which settles any doubt.

Each submission is matched to the roster by what its path says: the file name, the folders above it
(as Canvas and Moodle name them when you download all submissions: ``smithalice_12345_...``,
``Alice Smith_12345_assignsubmission_file_``), and, in an Otter export zip, the notebook's path and
the zip's own recorded name. A ``file`` column beats an id (the roster's ``ID``, ``SIS User ID``,
``SIS Login ID``, ``ID number``, ``Username``, e-mail address) which beats a name. A submission that
matches no row, or several rows equally, or a row another submission matches too, is exported for no
one: it is listed in ``exports/unmatched.csv`` and on the terminal, never dropped silently.

``exports/canvas.csv``: ``Student, ID, SIS User ID, SIS Login ID, Section`` (copied from the roster),
then one column for the lesson (``--assignment``, by default the lesson's name) and, with
``--per-question``, one per question. ``exports/moodle.csv``: the roster's ``First name``, ``Last
name``, ``ID number``, ``Username`` and ``Email address`` (whichever it has; Moodle's import maps one
of them to its users), then the same grade columns. A student without a submission gets an empty
cell, which both imports leave unchanged.
"""

from __future__ import annotations

import csv
import io
import re
import unicodedata
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from .marks import marks, num
from .reports import csv_text

CANVAS_IDENTITY = ["Student", "ID", "SIS User ID", "SIS Login ID", "Section"]
MOODLE_IDENTITY = ["First name", "Last name", "ID number", "Username", "Email address"]
ALIASES = {
    "student": "Student",
    "id": "ID",
    "sis user id": "SIS User ID",
    "sis login id": "SIS Login ID",
    "section": "Section",
    "first name": "First name",
    "firstname": "First name",
    "last name": "Last name",
    "lastname": "Last name",
    "surname": "Last name",
    "id number": "ID number",
    "idnumber": "ID number",
    "username": "Username",
    "email address": "Email address",
    "email": "Email address",
    "e-mail": "Email address",
    "name": "name",
    "login": "Username",
    "file": "file",
    "submission": "file",
}
STRONG = ["ID", "SIS User ID", "SIS Login ID", "ID number", "Username", "Email address"]
MIN_ID = 3
"""Shortest id that may match a part of a file name (a 1- or 2-character id would match by chance)."""


class RosterError(ValueError):
    """The roster cannot be read; the message says why."""


@dataclass
class Student:
    row: int
    fields: dict[str, str]
    ids: list[list[str]] = field(default_factory=list)
    names: list[list[str]] = field(default_factory=list)
    file: str = ""

    @property
    def label(self) -> str:
        f = self.fields
        name = f.get("Student") or " ".join(x for x in (f.get("First name"), f.get("Last name")) if x) or f.get("name")
        return name or f.get("Email address") or f.get("ID") or f"roster row {self.row}"


def tokens(text: str) -> list[str]:
    """Lower-case words and numbers of ``text``, accents removed (``Ünal_Ana-12`` -> ``unal ana 12``)."""
    text = unicodedata.normalize("NFKD", str(text)).encode("ascii", "ignore").decode("ascii").lower()
    return [t for t in re.split(r"[^a-z0-9]+", text) if t]


def read_roster(path: Path) -> list[Student]:
    """The roster's students (Canvas's "Points Possible" row and empty rows skipped)."""
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as err:
        raise RosterError(f"cannot read the roster {path}: {err}") from None
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    header = next(reader, None)
    if not header:
        raise RosterError(f"the roster {path} is empty")
    columns = [ALIASES.get(" ".join(h.strip().lower().split()), h.strip()) for h in header]
    if not set(columns) & set(ALIASES.values()):
        raise RosterError(
            f"the roster {path} has none of the columns a student can be found by "
            "(Student, ID, SIS User ID, SIS Login ID, First name, Last name, ID number, Username, "
            "Email address, name, email, file)"
        )
    students = []
    for number, values in enumerate(reader, start=2):
        record = {c: v.strip() for c, v in zip(columns, values, strict=False) if c}
        if not any(record.values()) or record.get("Student", "").strip().lower() == "points possible":
            continue
        students.append(_student(number, record))
    if not students:
        raise RosterError(f"the roster {path} lists no students")
    return students


def _student(row: int, record: dict[str, str]) -> Student:
    student = Student(row, record, file=record.get("file", ""))
    for column in STRONG:
        value = record.get(column, "")
        if len(value) >= MIN_ID:
            student.ids.append(tokens(value))
            if column == "Email address" and "@" in value:
                student.ids.append(tokens(value.split("@", 1)[0]))
    student.ids = [t for t in student.ids if t]
    names = []
    if record.get("Student"):
        last, _, first = record["Student"].partition(",")
        names.append((first, last) if first else (record["Student"], ""))
    if record.get("First name") or record.get("Last name"):
        names.append((record.get("First name", ""), record.get("Last name", "")))
    if record.get("name"):
        names.append((record["name"], ""))
    for first, last in names:
        a, b = tokens(first), tokens(last)
        for variant in (a + b, b + a, ["".join(a + b)], ["".join(b + a)]):
            if variant and variant not in student.names:
                student.names.append(variant)
    return student


def submission_tokens(name: str, file: str, root_parts: int = 0) -> list[list[str]]:
    """Word lists a submission is known by: its name in grades.csv, its file's name and folders, and,
    for an Otter export zip, the notebook's path inside it and the zip's recorded name."""
    found = [tokens(name)]
    path, _, member = file.partition("!")
    parts = Path(path).parts
    for part in parts[-4:]:
        found.append(tokens(Path(part).stem if part.endswith((".ipynb", ".zip")) else part))
    if member:
        found += [tokens(Path(p).stem) for p in Path(member).parts]
    if path.lower().endswith(".zip"):
        try:
            with zipfile.ZipFile(path) as zf, zf.open("__zip_filename__") as f:
                recorded = f.read(300).decode("utf-8", "replace")  # a student's file: read no more than a name
            found.append(tokens(Path(recorded).stem))
        except (OSError, KeyError, zipfile.BadZipFile, RuntimeError):
            pass
    return [t for t in found if t]


def _contains(words: list[str], part: list[str]) -> bool:
    n = len(part)
    return any(words[i : i + n] == part for i in range(len(words) - n + 1))


def candidates(name: str, file: str, students: list[Student]) -> tuple[str, list[Student]]:
    """The roster rows a submission matches: by a ``file`` column; else by an id, unless its name
    points at someone else (a number in a folder name may be a Moodle participant number, not an id);
    else by name. Returns (how, rows): ("file" | "id" | "name" | "id and name disagree" | "", [...])."""
    words = submission_tokens(name, file)
    by_file = [s for s in students if s.file and tokens(s.file) in (tokens(name), tokens(Path(file).stem))]
    if by_file:
        return "file", by_file
    by_id = [s for s in students if any(_contains(w, i) for w in words for i in s.ids)]
    by_name = [s for s in students if any(_contains(w, n) for w in words for n in s.names)]
    if by_id and by_name and not {s.row for s in by_id} & {s.row for s in by_name}:
        return "id and name disagree", by_id + by_name
    if by_id:
        return "id", by_id
    return ("name", by_name) if by_name else ("", [])


@dataclass
class Matching:
    matched: dict[str, Student]
    """Submission name -> its student."""
    unmatched: list[dict]
    """``{"name", "file", "total", "why"}`` for each submission exported for no one."""
    missing: list[Student]
    """Students of the roster with no submission."""


def match(rows: list[dict], students: list[Student]) -> Matching:
    """Match grades rows (``name``, ``file``, ``total``) to roster students (see the module docstring)."""
    found, unmatched = {}, []
    for row in rows:
        level, hits = candidates(row["name"], row["file"], students)
        if len(hits) == 1:
            found[row["name"]] = (level, hits[0])
            continue
        if not hits:
            why = "matches no roster row"
        elif level == "id and name disagree":
            why = "its id and its name point at different students: " + "; ".join(s.label for s in hits[:5])
        else:
            why = f"matches {len(hits)} roster rows by {level}: " + "; ".join(s.label for s in hits[:5])
        unmatched.append({**row, "why": why})
    by_student: dict[int, list[str]] = {}
    for name, (_, student) in found.items():
        by_student.setdefault(student.row, []).append(name)
    matched = {}
    for name, (_, student) in found.items():
        others = [n for n in by_student[student.row] if n != name]
        if others:
            row = next(r for r in rows if r["name"] == name)
            why = f"{student.label} has other submissions too: {', '.join(others)}"
            unmatched.append({**row, "why": why})
        else:
            matched[name] = student
    taken = {s.row for s in matched.values()}
    conflicted = {s.row for _, s in found.values()}
    missing = [s for s in students if s.row not in taken and s.row not in conflicted]
    return Matching(matched, sorted(unmatched, key=lambda r: r["name"]), missing)


def _canvas_field(student: Student, column: str) -> str:
    """A Canvas identity column from any roster: its own value, or the student's name as Canvas writes
    it ("Last, First") when the roster has no ``Student`` column."""
    value = student.fields.get(column, "")
    if column == "Student" and not value:
        first, last = student.fields.get("First name", ""), student.fields.get("Last name", "")
        value = f"{last}, {first}" if first and last else student.fields.get("name", "") or first or last
    return value


def _write(path: Path, header: list[str], rows: list[list[str]]) -> None:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(header)
        writer.writerows(rows)


def export(
    out: Path,
    lesson: str,
    roster: Path,
    grades: dict[str, dict],
    questions: list[str],
    assignment: str = "",
    per_question: bool = False,
) -> tuple[Matching, list[Path]]:
    """Write ``exports/canvas.csv``, ``exports/moodle.csv`` and ``exports/unmatched.csv`` from
    ``grades`` (submission name -> ``{"file", "marks"}``: a :class:`course.grading.marks.Marks`)."""
    students = read_roster(roster)
    rows = [{"name": n, "file": g["file"], "total": num(g["marks"].total)} for n, g in sorted(grades.items())]
    matching = match(rows, students)
    title = assignment or lesson
    grade_columns = [title] + ([f"{title} {q}" for q in questions] if per_question else [])
    by_student = {s.row: name for name, s in matching.matched.items()}

    def grade_cells(student: Student) -> list[str]:
        name = by_student.get(student.row)
        if name is None:
            return [""] * len(grade_columns)
        got = grades[name]["marks"]
        cells = [num(got.total)]
        if per_question:
            cells += ["" if got.points.get(q) is None else num(got.points[q]) for q in questions]
        return cells

    folder = out / "exports"
    folder.mkdir(parents=True, exist_ok=True)
    canvas = [[csv_text(_canvas_field(s, c)) for c in CANVAS_IDENTITY] + grade_cells(s) for s in students]
    _write(folder / "canvas.csv", CANVAS_IDENTITY + grade_columns, canvas)
    present = [c for c in MOODLE_IDENTITY if any(s.fields.get(c) for s in students)]
    if "First name" not in present and any(s.fields.get("Student") for s in students):
        present = ["First name", "Last name", *present]
    moodle = []
    for s in students:
        values = dict(s.fields)
        if s.fields.get("Student") and not s.fields.get("First name"):
            last, _, first = s.fields["Student"].partition(",")
            values["First name"], values["Last name"] = first.strip(), last.strip()
        moodle.append([csv_text(values.get(c, "")) for c in present] + grade_cells(s))
    _write(folder / "moodle.csv", present + grade_columns, moodle)
    unmatched = [[csv_text(r["name"]), csv_text(r["file"]), r["total"], csv_text(r["why"])] for r in matching.unmatched]
    _write(folder / "unmatched.csv", ["name", "file", "total", "why"], unmatched)
    return matching, [folder / "canvas.csv", folder / "moodle.csv", folder / "unmatched.csv"]


def grades_for_export(results: dict[str, dict], files: dict[str, str], written: list[dict], penalty: float) -> dict:
    return {name: {"file": files.get(name, ""), "marks": marks(r, written, penalty)} for name, r in results.items()}
