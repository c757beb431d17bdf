"""Command line: ``python -m course VERB ...``.

Each verb lives in its own module of this package, which provides ``add_arguments(parser)`` and
``run(args) -> int``, and raises ``course.errors.UserError`` for mistakes the user can fix. To add
a verb, write the module and name it in ``VERBS``.
"""

import argparse
import importlib
import logging
import sys

VERBS = {
    "build": "regenerate notebooks/, solutions/ and autograder/ from source/",
    "verify": "fail, listing what is stale, if generated files differ from a fresh build",
    "grade": "grade a batch of submissions safely: grades.csv, feedback and a summary",
    "release": "write a student-only copy of the course (notebooks, data, binder/) to publish",
    "nbgrader": "write the lessons as an nbgrader course (DEST/nbgrader_config.py, DEST/source/...)",
}
"""Verb name -> one-line help; the module ``course.<verb>`` implements it."""


def parse(argv):
    argv = sys.argv[1:] if argv is None else list(argv)
    parser = argparse.ArgumentParser(prog="python -m course", description="Lines to Logits course tooling.")
    subparsers = parser.add_subparsers(dest="verb", required=True, metavar="VERB")
    for verb, text in VERBS.items():
        sub = subparsers.add_parser(verb, help=text, description=text)
        if argv[:1] == [verb]:  # import only the chosen verb: some pull in heavy libraries
            importlib.import_module(f"course.{verb}").add_arguments(sub)
    return parser.parse_args(argv)


INSTALL = "pip install -r requirements.txt --extra-index-url https://download.pytorch.org/whl/cpu"
"""The instructors' install command (README, "For instructors"), named when a package is missing."""


def missing_package(err: ModuleNotFoundError) -> str | None:
    """The sentence for a package that is not installed (None when the missing module is the course's own)."""
    package = (err.name or "").split(".")[0]
    if not package or package == __package__:
        return None
    return (
        f"error: the course's tools need Python packages that are not installed here ({package} is missing): "
        f"run `{INSTALL}` in the repository, in Python 3.11, then run this command again."
    )


def main(argv=None) -> int:
    try:
        args = parse(argv)
    except ModuleNotFoundError as err:
        said = missing_package(err)
        if said is None:
            raise
        print(said, file=sys.stderr)
        return 1
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    from .errors import BuildError, UserError
    from .lessons import UnknownLesson

    try:
        return importlib.import_module(f"course.{args.verb}").run(args)
    except ModuleNotFoundError as err:
        said = missing_package(err)
        if said is None:
            raise
        print(said, file=sys.stderr)
        return 1
    except (UnknownLesson, BuildError, UserError) as err:
        print(f"error: {err}", file=sys.stderr)
        return 2 if isinstance(err, UnknownLesson) else 1


if __name__ == "__main__":
    sys.exit(main())
