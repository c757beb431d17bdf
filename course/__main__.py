"""Command line: ``python -m course VERB [LESSON ...]``. Each verb lives in its own module."""

import argparse
import logging
import sys

from . import lessons


def parse(argv):
    parser = argparse.ArgumentParser(prog="python -m course", description=__doc__)
    verbs = parser.add_subparsers(dest="verb", required=True)
    for verb, text in [
        ("build", "regenerate notebooks/, solutions/ and autograder/ from source/"),
        ("verify", "fail, listing what is stale, if generated files differ from a fresh build"),
    ]:
        sub = verbs.add_parser(verb, help=text, description=text)
        sub.add_argument("lessons", nargs="*", help="lesson number or name (01, 01-warmup); default all")
    return parser.parse_args(argv)


def main(argv=None) -> int:
    args = parse(argv)
    logging.basicConfig(level=logging.INFO, format="%(name)s: %(message)s")
    try:
        if args.verb == "build":
            from .build import main as build

            return build(args.lessons)
        if args.verb == "verify":
            from .verify import main as verify

            return verify(args.lessons)
    except lessons.UnknownLesson as err:
        print(f"error: {err}", file=sys.stderr)
        return 2
    except Exception as err:  # a build stage failure: show the message, not a traceback
        from .build import BuildError

        if isinstance(err, BuildError):
            print(f"error: {err}", file=sys.stderr)
            return 1
        raise
    return 2


if __name__ == "__main__":
    sys.exit(main())
