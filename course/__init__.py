"""Tooling for the Lines to Logits notebook course: build, verify and grade the lessons.

Run it as ``python -m course <verb>``; ``python -m course --help`` lists the verbs.
"""

__all__ = ["layout", "lessons"]
