"""Course settings, read from ``course.toml`` at the repository root.

``[publish]`` names the GitHub repository and ref where students get the course: the student-only
release (``python -m course release``), never this repository, which holds the answer keys and the
hidden tests. Every Colab, Kaggle, Binder and JupyterHub link and every download URL is made from it
at build time. ``[source]`` names this (instructor's, private) repository, so that the build can
refuse to point students at it. ``[hub]`` optionally names a JupyterHub for nbgitpuller links.
``[gradescope]`` sets the Gradescope zip's limits; ``[grading]`` the local grader's hint penalty.
"""

import re
import tomllib
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

from . import layout

FILE = "course.toml"

GITHUB_NAME = re.compile(r"^[A-Za-z0-9_.-]+$")
"""Characters GitHub allows in an owner or repository name."""

GIT_REF = re.compile(r"^[A-Za-z0-9_./-]+$")
"""A branch, tag or commit that can go into a URL path as is."""


class SettingsError(ValueError):
    """``course.toml`` is missing a value or holds one that cannot be used."""


@dataclass(frozen=True)
class Publish:
    """Where the course is published: ``github.com/OWNER/REPO`` at branch or tag ``REF``."""

    owner: str
    repo: str
    ref: str
    hub: str = ""
    """Base URL of a JupyterHub with nbgitpuller (``https://hub.example.edu``), or empty for none."""
    source: str = ""
    """``owner/repo`` of the instructor's repository (answer keys, hidden tests), or empty if unnamed."""

    @property
    def repository(self) -> str:
        return f"{self.owner}/{self.repo}"


def load_publish(root: Path = layout.ROOT) -> Publish:
    """The ``[publish]`` section of ``root/course.toml``.

    Raises:
        SettingsError: the file is missing or not valid TOML, or a value is missing or malformed.
    """
    path = root / FILE
    if not path.exists():
        raise SettingsError(f"{FILE} is missing from {root}: it names where the course is published")
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("publish", {})
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"{FILE}: {err}") from None
    values = {}
    for key, pattern in (("owner", GITHUB_NAME), ("repo", GITHUB_NAME), ("ref", GIT_REF)):
        value = table.get(key)
        if not isinstance(value, str) or not pattern.match(value):
            raise SettingsError(f"{FILE}: [publish] {key} must be set to a GitHub {key} name (got {value!r})")
        values[key] = value
    everything = tomllib.loads(path.read_text(encoding="utf-8"))
    values["hub"] = _hub_url(everything.get("hub", {}).get("url", ""))
    source = everything.get("source", {})
    if source:
        owner, repo = source.get("owner"), source.get("repo")
        if not all(isinstance(v, str) and GITHUB_NAME.match(v) for v in (owner, repo)):
            raise SettingsError(f"{FILE}: [source] owner and repo must be GitHub names (got {owner!r}, {repo!r})")
        values["source"] = f"{owner}/{repo}"
        if values["source"] == f"{values['owner']}/{values['repo']}":
            raise SettingsError(
                f"{FILE}: [publish] points students at {values['source']}, the instructor's repository with the "
                "answer keys and hidden tests; publish the student release (`python -m course release`) to "
                "another repository and name that one in [publish]"
            )
    return Publish(**values)


def _hub_url(value) -> str:
    """A JupyterHub base URL (https, a host, no query), without a trailing slash; empty for none."""
    if value in ("", None):
        return ""
    parts = urllib.parse.urlsplit(value if isinstance(value, str) else "")
    if parts.scheme not in ("https", "http") or not parts.netloc or parts.query or parts.fragment:
        raise SettingsError(f"{FILE}: [hub] url must be a JupyterHub address such as https://hub.example.edu")
    return value.rstrip("/")


VISIBILITIES = ("visible", "after_due_date", "after_published", "hidden")
"""Gradescope's visibility values for a results.json row."""
SANDBOXES = ("auto", "bwrap", "uid", "landlock", "none")
"""``--sandbox`` choices (``course.grading.sandbox.MODES``)."""


@dataclass(frozen=True)
class Gradescope:
    """The ``[gradescope]`` section: limits of one grading run and when students see their scores."""

    visibility: str = "after_published"
    """When students see the per-question scores, hidden-check messages and written answers."""
    timeout: float = 420.0
    """Seconds for the whole submission (its cells and the tests); below Gradescope's 10 minutes."""
    cell_timeout: float = 60.0
    """Seconds one cell or one call from a test may run."""
    memory: int = 4096
    """Address-space limit of the student's process, in MiB."""
    sandbox: str = "auto"
    """Isolation, as ``python -m course grade --sandbox``."""


def load_gradescope(root: Path = layout.ROOT) -> Gradescope:
    """The ``[gradescope]`` section of ``root/course.toml`` (defaults where the section or a key is absent).

    Raises:
        SettingsError: the file is not valid TOML, a key is unknown, or a value is out of range.
    """
    path = root / FILE
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("gradescope", {}) if path.exists() else {}
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"{FILE}: {err}") from None
    known = Gradescope.__dataclass_fields__
    unknown = sorted(set(table) - set(known))
    if unknown:
        raise SettingsError(f"{FILE}: [gradescope] has unknown key(s) {', '.join(unknown)} (known: {', '.join(known)})")
    values = {**vars(Gradescope()), **table}
    if values["visibility"] not in VISIBILITIES:
        raise SettingsError(f"{FILE}: [gradescope] visibility must be one of {', '.join(VISIBILITIES)}")
    if values["sandbox"] not in SANDBOXES:
        raise SettingsError(f"{FILE}: [gradescope] sandbox must be one of {', '.join(SANDBOXES)}")
    for key, low in (("timeout", 1), ("cell_timeout", 1), ("memory", 256)):
        if isinstance(values[key], bool) or not isinstance(values[key], (int, float)) or values[key] < low:
            raise SettingsError(f"{FILE}: [gradescope] {key} must be a number of at least {low}")
    if values["cell_timeout"] > values["timeout"]:
        raise SettingsError(f"{FILE}: [gradescope] cell_timeout cannot be longer than timeout")
    return Gradescope(
        visibility=values["visibility"],
        timeout=float(values["timeout"]),
        cell_timeout=float(values["cell_timeout"]),
        memory=int(values["memory"]),
        sandbox=values["sandbox"],
    )


@dataclass(frozen=True)
class Grading:
    """The ``[grading]`` section: choices of ``python -m course grade`` (read at every run)."""

    hint_penalty: float = 0.0
    """Share of a question's points taken off for each hint the student was shown for it (0 to 1;
    a question never goes below 0). 0 by default: a student who clears a notebook's outputs before
    handing it in also clears the record of the hints it showed, so a penalty charges only the honest."""


def load_grading(root: Path = layout.ROOT) -> Grading:
    """The ``[grading]`` section of ``root/course.toml`` (defaults where the section or a key is absent).

    Raises:
        SettingsError: the file is not valid TOML, a key is unknown, or a value is out of range.
    """
    path = root / FILE
    try:
        table = tomllib.loads(path.read_text(encoding="utf-8")).get("grading", {}) if path.exists() else {}
    except tomllib.TOMLDecodeError as err:
        raise SettingsError(f"{FILE}: {err}") from None
    unknown = sorted(set(table) - set(Grading.__dataclass_fields__))
    if unknown:
        raise SettingsError(f"{FILE}: [grading] has unknown key(s) {', '.join(unknown)} (known: hint_penalty)")
    penalty = table.get("hint_penalty", 0.0)
    if isinstance(penalty, bool) or not isinstance(penalty, (int, float)) or not 0 <= penalty <= 1:
        raise SettingsError(
            f"{FILE}: [grading] hint_penalty must be a share of the question's points from 0 to 1 (got {penalty!r})"
        )
    return Grading(hint_penalty=float(penalty))
