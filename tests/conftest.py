import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from course import layout, lessons  # noqa: E402
from course.build import build_lesson  # noqa: E402

ROOT = layout.ROOT


class FreshBuild:
    """Lessons built from ``source/`` into one temporary root, each at most once per test session
    (per pytest-xdist worker: a module that uses it runs whole in one worker, ``--dist loadfile``).

    A lesson is built the first time a test asks for it, so running one test builds only its lesson.
    Tests read this build and never change it (copy it first).
    """

    def __init__(self, root: Path):
        self.root = root
        self.built: set[str] = set()

    def lesson(self, lesson: str) -> Path:
        """The root holding a fresh build of ``lesson`` (``notebooks/``, ``solutions/``, ``autograder/``)."""
        if lesson not in self.built:
            build_lesson(lesson, ROOT, self.root)
            self.built.add(lesson)
        return self.root

    def all(self) -> Path:
        for lesson in lessons.all_lessons(ROOT):
            self.lesson(lesson)
        return self.root

    def copy_lesson(self, lesson: str, dest_root: Path) -> None:
        """Copy the fresh build of ``lesson`` into ``dest_root``, replacing what is there."""
        for built, dest in zip(
            layout.generated_paths(self.lesson(lesson), lesson), layout.generated_paths(dest_root, lesson), strict=True
        ):
            if dest.is_dir():
                shutil.rmtree(dest)
            if built.is_dir():
                shutil.copytree(built, dest)
            else:
                dest.parent.mkdir(parents=True, exist_ok=True)
                shutil.copy2(built, dest)


@pytest.fixture(scope="session")
def fresh_build(tmp_path_factory) -> FreshBuild:
    """Every test that needs a fresh build of a lesson shares this one."""
    return FreshBuild(tmp_path_factory.mktemp("fresh-build"))


def require_tool(available: bool, missing: str) -> None:
    """Skip the calling test (or fixture) when a system tool is missing, saying what is missing and
    how to install it; under ``CI=true`` fail instead, since ``.ci/run`` installs every tool and a
    test skipped there would hide what it checks."""
    if available:
        return
    if os.environ.get("CI") == "true":
        pytest.fail(f"{missing}, and CI=true: .ci/run installs it, so this test must run here")
    pytest.skip(f"{missing}; CI installs it and runs this test")


def grader_tmpdir(tmp: Path) -> Path:
    """``tmp / "tmp"``, linked to a folder under /tmp that every user may pass through: without bubblewrap
    a root grader runs each job as its own user id, which must reach its box there (pytest's own folders
    are private, and the grader rightly refuses them)."""
    link = tmp / "tmp"
    if not link.exists():
        shared = Path(tempfile.mkdtemp(prefix="course-test-grade-", dir="/tmp"))
        os.chmod(shared, 0o755)
        atexit.register(shutil.rmtree, shared, True)
        link.symlink_to(shared)
    return link
