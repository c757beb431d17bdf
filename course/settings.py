"""Course settings, read from ``course.toml`` at the repository root.

Today there is one section, ``[publish]``: the GitHub repository and ref where students get the
course. Every Colab and Binder link and every download URL is made from it at build time.
"""

import re
import tomllib
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
    return Publish(**values)
