"""``python -m course release DEST``: a student-only tree, with nothing hidden or solved in it."""

import re
import shutil
import subprocess
import sys

import pytest
from harness import ROOT, answered_notebook, check_cells, check_output, hidden_test_names, passed, solution_lines

from course import delivery, execute, layout, lessons, notebooks, release, settings
from course.build import build_lesson

LESSONS = lessons.all_lessons(ROOT)
STUDENT_TOP_LEVEL = {
    "README.md",
    ".gitignore",
    release.MARKER,
    layout.NOTEBOOKS,
    layout.DATA,
    "binder",
    "requirements.txt",
}


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


def test_student_readme_has_every_badge_for_every_lesson(released):
    publish = settings.load_publish(ROOT)
    readme = (released / "README.md").read_text(encoding="utf-8")
    assert f"]({delivery.binder_url(publish)})" in readme
    for lesson in LESSONS:
        path = delivery.notebook_path(lesson)
        for url in (delivery.colab_url, delivery.kaggle_url, delivery.binder_url):
            assert f"]({url(publish, path)})" in readme, f"no {url.__name__} for {lesson}"
        assert f"]({path})" in readme and (released / path).is_file()
    assert all(command in readme for command in delivery.INSTALL.values())


def copy_repository(dest):
    for name in ("course", layout.SOURCE, layout.DATA, *layout.GENERATED_ROOTS, "binder"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__"))
    for name in ("requirements.txt", settings.FILE):
        shutil.copy(ROOT / name, dest / name)
    return dest


@pytest.mark.slow
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
    toml.write_text(toml.read_text().replace('url = ""', 'url = "https://hub.example.edu/"'))
    fork = settings.load_publish(root)
    assert (fork.repository, fork.ref, fork.hub) == ("a-teacher/ml-2027", "spring", "https://hub.example.edu")
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
        assert delivery.kaggle_url(fork, delivery.notebook_path(lesson)) in text
        hubs = re.findall(r"\(https://hub\.example\.edu/[^\s)]+\)", text)
        assert hubs, f"no JupyterHub link in {path.name}"
        for link in hubs:
            assert_hub_link(link.strip("()"), fork, dest)
    first_code = next(c for c in notebooks.read(layout.student_notebook(dest, lesson)).cells if c.cell_type == "code")
    assert '"https://raw.githubusercontent.com/a-teacher/ml-2027/spring"' in first_code.source


def assert_hub_link(link: str, publish: settings.Publish, release_root) -> None:
    """An nbgitpuller link: the hub's git-pull endpoint, the published repository and branch, and a
    urlpath that opens a notebook the release really holds."""
    import urllib.parse

    parts = urllib.parse.urlsplit(link)
    assert f"{parts.scheme}://{parts.netloc}" == publish.hub and parts.path == "/hub/user-redirect/git-pull"
    query = urllib.parse.parse_qs(parts.query)
    assert query["repo"] == [f"https://github.com/{publish.repository}"] and query["branch"] == [publish.ref]
    (urlpath,) = query["urlpath"]
    prefix = f"lab/tree/{publish.repo}/"
    assert urlpath.startswith(prefix) and urlpath.endswith(".ipynb")
    assert (release_root / urlpath.removeprefix(prefix)).is_file(), f"{urlpath} names no notebook of the release"


BLOB_LINK = r"(?:github\.com|google\.com/github)/([^/\s]+/[^/\s]+)/blob/[^/\s]+/([^\s)\"'&]+)"
"""A link to a file of a GitHub repository (Kaggle's and Colab's open-from-GitHub links included)."""


def test_default_links_lead_to_the_student_only_release(released):
    """Every default badge and download points at the [publish] repository, which is not this one
    (the instructor's, with solutions/ and autograder/), and at paths the release really holds."""
    publish = settings.load_publish(ROOT)
    assert publish.source and publish.repository != publish.source, "students would be sent to the answer keys"
    assert not {"solutions", "autograder", "source", "course"} & {p.name for p in released.iterdir()}
    texts = [(ROOT / "README.md").read_text(encoding="utf-8"), (released / "README.md").read_text(encoding="utf-8")]
    texts += [layout.student_notebook(ROOT, lesson).read_text(encoding="utf-8") for lesson in LESSONS]
    for text in texts:
        for repository, path in re.findall(BLOB_LINK, text):
            assert repository == publish.repository, f"a link to {repository}"
            assert (released / path).is_file(), f"a link to {path}, which the release does not hold"
        for repository in re.findall(r"(?:raw\.githubusercontent\.com|mybinder\.org/v2/gh)/([^/\s]+/[^/\s]+)/", text):
            assert repository == publish.repository, f"a link to {repository}"
    for lesson in LESSONS:  # what the set-up cell downloads exists in the release
        setup = next(c for c in notebooks.read(layout.student_notebook(ROOT, lesson)).cells if c.cell_type == "code")
        names = re.search(r'for name in "([^"]+)"', setup.source).group(1).split()
        assert "hints.json" in names and any(n.startswith("q") for n in names)
        for name in names:
            assert (released / layout.NOTEBOOKS / lesson / "tests" / name).is_file()
        for data in re.findall(r'\+ \["([^"]+)"\]', setup.source):
            assert (released / data).is_file()


def test_publishing_to_the_instructors_repository_is_refused(tmp_path):
    text = (ROOT / settings.FILE).read_text()
    source = settings.load_publish(ROOT).source
    owner, repo = source.split("/")
    (tmp_path / settings.FILE).write_text(re.sub(r'(?m)^repo = "lines-to-logits-students"$', f'repo = "{repo}"', text))
    with pytest.raises(settings.SettingsError, match="instructor's repository"):
        settings.load_publish(tmp_path)


@pytest.mark.parametrize("bad", ["ftp://hub", "hub.example.edu", "https://hub.example.edu/?next=x"])
def test_a_malformed_hub_is_a_clear_error(tmp_path, bad):
    text = (ROOT / settings.FILE).read_text().replace('url = ""', f'url = "{bad}"')
    (tmp_path / settings.FILE).write_text(text)
    with pytest.raises(settings.SettingsError, match="JupyterHub address"):
        settings.load_publish(tmp_path)


ARTEFACTS = [".OTTER_LOG", "01-warmup-hand-in.zip", "01-warmup_2026_12_01T10_30_00_123456.zip", ".ipynb_checkpoints/x"]
"""What a student's work leaves next to a notebook: Otter's log, the hand-in zip, an export zip, checkpoints."""


@pytest.mark.parametrize("where", ["repository", "release"])
def test_gitignore_covers_what_students_work_leaves_behind(where, released, tmp_path):
    ignore = (ROOT if where == "repository" else released) / ".gitignore"
    subprocess.run(["git", "init", "-q", str(tmp_path)], check=True)
    shutil.copy(ignore, tmp_path / ".gitignore")
    paths = [f"notebooks/01-warmup/{name}" for name in ARTEFACTS]
    proc = subprocess.run(["git", "check-ignore", *paths], cwd=tmp_path, capture_output=True, text=True)
    assert sorted(proc.stdout.split()) == sorted(paths)
    kept = subprocess.run(["git", "check-ignore", "notebooks/01-warmup/01-warmup.ipynb"], cwd=tmp_path)
    assert kept.returncode == 1, "the notebooks themselves must stay tracked"


def test_install_commands_name_the_cpu_build_and_agree_with_the_pins(released):
    """README and release give each platform's one-line install, with PyTorch's CPU index (the one
    binder/ uses), and the pins they install are the ones binder/ pins, torch as +cpu there."""
    binder = (ROOT / "binder" / "requirements.txt").read_text()
    assert f"--extra-index-url {delivery.CPU_INDEX}" in binder
    pins = dict(re.findall(r"(?m)^([A-Za-z0-9_.\-\[\]]+)==(\S+)$", (ROOT / "requirements.txt").read_text()))
    assert pins["torch"] + "+cpu" == dict(re.findall(r"(?m)^([A-Za-z0-9_.\-\[\]]+)==(\S+)$", binder))["torch"]
    for readme in (ROOT / "README.md", released / "README.md"):
        text = readme.read_text(encoding="utf-8")
        for platform, command in delivery.INSTALL.items():
            assert command in text, f"{readme}: no {platform} install line"
            assert f"--extra-index-url {delivery.CPU_INDEX}" in command and "-r requirements.txt" in command
    assert "looser pin" not in (ROOT / "requirements.txt").read_text()


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


@pytest.mark.slow
@pytest.mark.parametrize("lesson", LESSONS)
def test_in_the_release_every_check_passes_with_the_answer_keys_code(lesson, released, tmp_path):
    """Where students really work: the notebook in notebooks/NN-name/ of the release, the data two
    folders up (checks that looked only in data/ and ../data/ failed there for every student)."""
    tree = tmp_path / "release"
    shutil.copytree(released, tree)
    folder = layout.student_dir(tree, lesson)
    nb = execute.run(answered_notebook(lesson), folder, timeout=600)
    results = {q: check_output(cell) for q, cell in check_cells(nb).items()}
    failing = {q: text[-500:] for q, text in results.items() if not passed(text)}
    assert results and not failing, failing


def test_release_without_the_packages_installed_says_what_to_install(tmp_path):
    """As in a fresh clone before `pip install -r requirements.txt`: Python's own library only (``-S``
    leaves out every installed package). The command fails with one sentence naming the README's
    install command, not a traceback."""
    from course.__main__ import INSTALL

    proc = subprocess.run(
        [sys.executable, "-S", "-m", "course", "release", str(tmp_path / "student")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert proc.returncode == 1 and proc.stdout == ""
    said = proc.stderr.strip()
    assert "Traceback" not in said and said.count("\n") == 0, said
    assert said.startswith("error: the course's tools need Python packages that are not installed here (")
    assert f"run `{INSTALL}` in the repository" in said
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert f"&& {INSTALL}\n" in readme, "the README's instructors' install command is the one the sentence names"
    assert not (tmp_path / "student").exists()
