"""``python -m course release DEST``: a student-only tree, with nothing hidden or solved in it."""

import re
import shutil
import subprocess
import sys

import pytest
from harness import ROOT, hidden_test_names, solution_lines

from course import delivery, layout, lessons, notebooks, release, settings
from course.build import build_lesson

LESSONS = lessons.all_lessons(ROOT)
STUDENT_TOP_LEVEL = {"README.md", release.MARKER, layout.NOTEBOOKS, layout.DATA, "binder", "requirements.txt"}


@pytest.fixture(scope="module")
def released(tmp_path_factory):
    dest = tmp_path_factory.mktemp("release") / "student-course"
    assert release.main(dest, None, ROOT) == 0
    return dest


def text_files(root):
    for path in sorted(root.rglob("*")):
        if path.is_file():
            try:
                yield path, path.read_text(encoding="utf-8")
            except UnicodeDecodeError:
                pytest.fail(f"{path.relative_to(root)}: a binary file in the student release")


def student_files(folder):
    return {
        p.relative_to(folder): p.read_bytes()
        for p in folder.rglob("*")
        if p.is_file() and "__pycache__" not in p.parts and p.name != ".OTTER_LOG"
    }


def test_release_holds_only_student_files(released):
    assert {p.name for p in released.iterdir()} == STUDENT_TOP_LEVEL
    assert sorted(p.name for p in (released / layout.NOTEBOOKS).iterdir()) == LESSONS
    for lesson in LESSONS:
        assert student_files(layout.student_dir(released, lesson)) == student_files(layout.student_dir(ROOT, lesson))
    names = [p.name for p in released.rglob("*")]
    assert not [n for n in names if n.endswith(".zip") or n in (layout.SOURCE, layout.SOLUTIONS, layout.AUTOGRADER)]


@pytest.mark.parametrize("lesson", LESSONS)
def test_nothing_solved_or_hidden_is_released(released, lesson):
    lines, hidden = solution_lines(lesson), hidden_test_names(lesson)
    assert lines and hidden, "nothing to look for: is the source's marker syntax right?"
    for path, text in text_files(released):
        where = path.relative_to(released)
        other_lesson = where.parts[0] == layout.NOTEBOOKS and where.parts[1] != lesson  # may give such code
        assert other_lesson or not [ln for ln in lines if ln in text], f"{where} contains solution code of {lesson}"
        assert not [n for n in hidden if re.search(rf"\b{n}\b", text)], f"{where} contains hidden tests of {lesson}"
        for marker in ("hidden=True", "BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN"):
            assert marker not in text, f"{where} contains {marker!r}"


def test_student_readme_has_both_badges_for_every_lesson(released):
    publish = settings.load_publish(ROOT)
    readme = (released / "README.md").read_text(encoding="utf-8")
    assert f"]({delivery.binder_url(publish)})" in readme
    for lesson in LESSONS:
        path = delivery.notebook_path(lesson)
        assert (
            f"]({delivery.colab_url(publish, path)})" in readme and f"]({delivery.binder_url(publish, path)})" in readme
        )
        assert f"]({path})" in readme and (released / path).is_file()
    assert "pip install -r requirements.txt && jupyter lab notebooks" in readme


def copy_repository(dest):
    for name in ("course", layout.SOURCE, layout.DATA, *layout.GENERATED_ROOTS, "binder"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("requirements.txt", settings.FILE):
        shutil.copy(ROOT / name, dest / name)
    return dest


def test_a_fork_sets_one_setting_and_every_link_follows(tmp_path):
    """Change [publish] in course.toml, rebuild: notebooks and release point only at the fork."""
    root = copy_repository(tmp_path / "fork")
    toml = root / settings.FILE
    toml.write_text(
        re.sub(
            r"(?m)^owner = .*\nrepo = .*\nref = .*$",
            'owner = "a-teacher"\nrepo = "ml-2027"\nref = "spring"',
            toml.read_text(),
        )
    )
    fork = settings.load_publish(root)
    assert fork == settings.Publish("a-teacher", "ml-2027", "spring")
    lesson = "01-warmup"
    with pytest.raises(release.ReleaseError, match="run `python -m course build`"):
        release.main(tmp_path / "stale", [lesson], root)  # built for the old setting: refused

    build_lesson(lesson, root, root)
    dest = tmp_path / "student"
    release.main(dest, [lesson], root)
    for path in (dest / "README.md", layout.student_notebook(dest, lesson)):
        text = path.read_text(encoding="utf-8")
        urls = re.findall(r"https://[^\s)\"']+", text)
        assert urls and not [u for u in urls if "lines-to-logits/lines-to-logits" in u], path
        assert delivery.colab_url(fork, delivery.notebook_path(lesson)) in text
        assert delivery.binder_url(fork, delivery.notebook_path(lesson)) in text
    first_code = next(c for c in notebooks.read(layout.student_notebook(dest, lesson)).cells if c.cell_type == "code")
    assert '"https://raw.githubusercontent.com/a-teacher/ml-2027/spring"' in first_code.source


@pytest.mark.parametrize("bad", ['owner = "a teacher"', 'ref = "main branch"', "repo = 3", "owner = "])
def test_a_malformed_setting_is_a_clear_error(tmp_path, bad):
    key = bad.split(" ")[0]
    text = (ROOT / settings.FILE).read_text()
    (tmp_path / settings.FILE).write_text(re.sub(rf"(?m)^{key} = .*$", bad, text))
    with pytest.raises(settings.SettingsError, match=rf"{settings.FILE}"):
        settings.load_publish(tmp_path)


def test_release_replaces_an_earlier_release_but_never_other_files(tmp_path):
    dest = tmp_path / "student"
    release.main(dest, ["01"], ROOT)
    (dest / ".git").mkdir()
    (dest / "notebooks" / "old-lesson").mkdir()
    release.main(dest, ["01"], ROOT)
    assert (dest / ".git").is_dir() and not (dest / "notebooks" / "old-lesson").exists()

    other = tmp_path / "my-files"
    other.mkdir()
    (other / "thesis.tex").write_text("keep me")
    proc = subprocess.run(
        [sys.executable, "-m", "course", "release", str(other), "01"], cwd=ROOT, capture_output=True, text=True
    )
    assert proc.returncode == 1 and "is not empty and holds no earlier release" in proc.stderr
    assert "Traceback" not in proc.stderr and (other / "thesis.tex").read_text() == "keep me"


def test_readme_links_follow_the_publish_setting():
    """The course README has an Open-in-Colab link per lesson, and no Colab/Binder/raw link elsewhere."""
    publish = settings.load_publish(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for lesson in LESSONS:
        assert delivery.colab_url(publish, delivery.notebook_path(lesson)) in readme, f"no Colab link for {lesson}"
    assert f"]({delivery.binder_url(publish)})" in readme, "no Launch Binder badge"
    for pattern in (
        r"colab\.research\.google\.com/github/([^/]+/[^/]+)/blob/([^/]+)/",
        r"mybinder\.org/v2/gh/([^/]+/[^/]+)/([^/?)\s]+)",
        r"raw\.githubusercontent\.com/([^/]+/[^/]+)/([^/)\s]+)",
    ):
        for repository, ref in re.findall(pattern, readme):
            assert (repository, ref) == (publish.repository, publish.ref), f"a link to {repository}@{ref}"
