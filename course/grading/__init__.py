"""Grading submissions so that the student's code cannot reach the grade.

Two sides, one folder each:

- ``sandboxed/`` is the only grading code that runs next to a student's code: the worker that
  executes the notebook and answers questions as data (``worker.py``), and the data-only protocol
  (``bridge.py``). Both files are copied into the sandbox.
- Everything else here runs on the grader's side and never executes student code:
  ``sandbox/`` starts, isolates, limits and kills the student's process (a module per isolation
  mode, one for limits, one for processes); ``fonts.py`` prebuilds matplotlib's font list for the
  sandboxes; ``judge.py`` runs the
  hidden tests against the answers it fetches; ``batch.py`` hands submissions to judges (the
  ``grade`` verb); ``gradescope_entry.py`` grades one upload with a judge inside Gradescope's
  container (the autograder zip's ``run_autograder``); ``reports.py`` writes grades, feedback and the
  summary; ``submissions.py`` finds and reads the files handed in.
"""
