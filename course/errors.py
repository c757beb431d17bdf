"""Errors a user can fix (a bad lesson name, a missing file): the CLI prints them without a traceback.

They live here, not in ``__main__``, because ``python -m course`` runs that module as ``__main__``:
a class defined there would exist twice and escape the CLI's ``except``.
"""


class UserError(Exception):
    """A problem with what the user asked for; the message says what to do."""


class BuildError(RuntimeError):
    """A build stage failed (or a source cannot be converted); the message says which lesson and why."""
