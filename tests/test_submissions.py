"""Submissions are read without following symbolic links: a link (to the answer key, a classmate's
notebook, any file the grader can read) gets status ``invalid`` with a sentence, never points."""

import csv
import json
import os
import shutil
import stat
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import grader_tmpdir
from harness import ROOT

from course import layout
from course.grading import gradescope_entry, submissions
from course.grading.submissions import SubmissionError, find, read_submission

LESSON = "01-warmup"
KEY = layout.solution_notebook(ROOT, LESSON)
BLANK = layout.student_notebook(ROOT, LESSON)


def by_name(subs) -> dict:
    return {s.name: s for s in subs}


def refused(sub) -> str:
    with pytest.raises(SubmissionError) as caught:
        read_submission(sub.path, sub.member)
    assert caught.value.status == "invalid"
    return str(caught.value)


def link_zip(path: Path, members: dict[str, bytes | str]) -> None:
    """A zip whose ``str`` members are stored as symbolic links to that text (as ``zip -y`` stores them)."""
    with zipfile.ZipFile(path, "w") as zf:
        for name, data in members.items():
            if isinstance(data, str):
                info = zipfile.ZipInfo(name)
                info.create_system = 3
                info.external_attr = (stat.S_IFLNK | 0o777) << 16
                zf.writestr(info, data)
            else:
                zf.writestr(name, data)


@pytest.fixture
def folder(tmp_path) -> Path:
    """A submissions folder as unpacked from students' repositories: real notebooks, and links."""
    subs = tmp_path / "subs"
    (subs / "alice").mkdir(parents=True)
    shutil.copy(BLANK, subs / "alice" / "hw.ipynb")
    (subs / "bob").mkdir()
    os.symlink(KEY, subs / "bob" / "hw.ipynb")  # a link out of the folder, to the answer key
    os.symlink(KEY.parent, subs / "carol")  # a linked folder (the solutions)
    os.symlink(subs / "alice" / "hw.ipynb", subs / "dave.ipynb")  # a link to a classmate, inside the folder
    os.symlink(tmp_path / "gone.ipynb", subs / "erin.ipynb")  # a dangling link
    os.symlink(KEY, subs / "notes.txt")  # not a notebook's name: ignored
    link_zip(subs / "frank.zip", {"hw.ipynb": str(KEY)})
    link_zip(subs / "grace.zip", {"a/link.ipynb": str(KEY), "hw.ipynb": BLANK.read_bytes()})
    return subs


def test_links_in_a_folder_are_listed_and_refused_with_a_sentence(folder):
    subs = by_name(find([str(folder)]))
    assert sorted(subs) == ["alice_hw", "bob_hw", "carol", "dave", "erin", "frank", "grace"]
    assert [n for n, s in subs.items() if s.link] == ["bob_hw", "carol", "dave", "erin"]
    assert json.loads(read_submission(subs["alice_hw"].path, None))["cells"]
    for name in ("bob_hw", "carol", "dave", "erin"):
        message = refused(subs[name])
        assert "is a symbolic link" in message and "hand in the notebook file itself" in message, message
        assert str(KEY) not in message  # where the link points is not the grader's business to show
    assert "hw.ipynb is a symbolic link" in refused(subs["bob_hw"])
    assert "carol is a symbolic link" in refused(subs["carol"])


def test_a_zip_member_stored_as_a_link_is_refused_and_a_real_one_preferred(folder):
    subs = by_name(find([str(folder)]))
    assert subs["frank"].member == "hw.ipynb"
    assert "the notebook hw.ipynb in the zip is a symbolic link" in refused(subs["frank"])
    assert subs["grace"].member == "hw.ipynb"  # the real notebook, not the link nearer the top of the list
    assert read_submission(subs["grace"].path, "hw.ipynb") == BLANK.read_bytes()
    assert "is a symbolic link" in refused(submissions.Submission("x", subs["grace"].path, "a/link.ipynb"))


def test_a_link_given_on_the_command_line_is_refused(folder, tmp_path):
    (file_link,) = find([str(folder / "bob" / "hw.ipynb")])
    assert file_link.link and "hw.ipynb is a symbolic link" in refused(file_link)
    (folder_link,) = find([str(folder / "carol")])
    assert folder_link.name == "carol" and "carol is a symbolic link" in refused(folder_link)
    (dangling,) = find([str(folder / "erin.ipynb")])
    assert dangling.link and "is a symbolic link" in refused(dangling)
    with pytest.raises(FileNotFoundError):
        find([str(tmp_path / "nothing-here.ipynb")])
    (real,) = find([str(folder / "alice" / "hw.ipynb")])  # a real file given directly is read
    assert not real.link and read_submission(real.path, None) == BLANK.read_bytes()


def test_a_link_that_appears_after_finding_is_refused_too(folder):
    """Between finding and reading (the judge reads each file when its turn comes) a file or one of
    its folders replaced by a link is refused: every component is opened with O_NOFOLLOW."""
    alice = by_name(find([str(folder)]))["alice_hw"]
    real = folder / "alice-real"
    os.rename(folder / "alice", real)
    os.symlink(real, folder / "alice")  # the folder is now a link to where the file still is
    assert "alice is a symbolic link" in refused(alice)
    os.unlink(folder / "alice")
    (folder / "alice").mkdir()
    os.symlink(KEY, folder / "alice" / "hw.ipynb")
    assert "hw.ipynb is a symbolic link" in refused(alice)


def test_special_files_are_refused_without_blocking(tmp_path):
    fifo = tmp_path / "pipe.ipynb"
    os.mkfifo(fifo)
    assert "is not a regular file" in refused(submissions.Submission("pipe", str(fifo)))
    assert [s.name for s in find([str(tmp_path)])] == []  # a FIFO in a folder is not a notebook at all


def test_gradescope_upload_prefers_a_real_file_and_refuses_a_lone_link(tmp_path):
    upload = tmp_path / "submission"
    (upload / ".key").mkdir(parents=True)
    shutil.copy(KEY, upload / ".key" / f"{LESSON}.ipynb")
    os.symlink(upload / ".key" / f"{LESSON}.ipynb", upload / f"{LESSON}.ipynb")
    chosen, others = gradescope_entry.choose_submission(upload, LESSON)
    assert chosen.link and others == []
    assert "is a symbolic link" in refused(chosen)
    shutil.copy(BLANK, upload / "mine.ipynb")
    chosen, others = gradescope_entry.choose_submission(upload, LESSON)
    assert chosen.name == "mine" and not chosen.link and others == [LESSON]


# ------------------------------------------------------------------------------ through the grader
def grade(args, tmp: Path) -> subprocess.CompletedProcess:
    env = {**os.environ, "TMPDIR": str(grader_tmpdir(tmp))}
    cmd = [sys.executable, "-m", "course", "grade", *args]
    return subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, timeout=900)


@pytest.mark.slow
def test_the_grader_gives_links_invalid_and_never_more_than_the_honest_score(folder, tmp_path):
    """Every link to the answer key (a file, a folder, a zip member, one given on the command line)
    is a row with status ``invalid``, 0 points and the sentence; the honest blank notebook gets 0 too."""
    out = tmp_path / "out"
    proc = grade([LESSON, str(folder), str(folder / "bob" / "hw.ipynb"), "--out", str(out)], tmp_path)
    assert proc.returncode == 0, proc.stderr[-3000:]
    with (out / "grades.csv").open(newline="", encoding="utf-8") as f:
        rows = {r["name"]: r for r in csv.DictReader(f)}
    assert rows["alice_hw"]["status"] == "ok" and float(rows["alice_hw"]["total"]) == 0  # the honest score
    for name in ("bob_hw", "carol", "dave", "erin", "frank", "hw"):
        assert rows[name]["status"] == "invalid", rows[name]
        assert float(rows[name]["total"]) == 0
        assert "is a symbolic link" in rows[name]["message"], rows[name]["message"]
    assert float(rows["grace"]["total"]) == 0 and rows["grace"]["status"] == "ok"  # its real (blank) notebook
    feedback = (out / "feedback" / "bob_hw.md").read_text(encoding="utf-8")
    assert "symbolic link" in feedback


@pytest.mark.slow
def test_gradescope_refuses_a_linked_notebook_in_the_upload(tmp_path):
    from gradescope_emulation import emulate, validate

    files = {f".key/{LESSON}.ipynb": KEY.read_bytes(), f"{LESSON}.ipynb": Path(f".key/{LESSON}.ipynb")}
    if os.geteuid() != 0 or not shutil.which("bwrap"):
        pytest.skip("the Gradescope emulation needs root and bubblewrap")
    run = emulate(layout.autograder_zip(ROOT, LESSON), files, tmp_path)
    assert run.results is not None, run.stdout[-3000:]
    validate(run.results)
    assert run.total == 0 and run.results["extra_data"]["status"] == "invalid"
    shown = " ".join(run.results["output"].replace(gradescope_entry.QUOTE, " ").split())  # long lines are wrapped
    assert f"{LESSON}.ipynb is a symbolic link, and the grader does not follow links" in shown
