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
  container (the autograder zip's ``run_autograder``); ``submissions.py`` finds and reads the files
  handed in.
- What the grader writes, from the judges' results read as data: ``annotate.py`` adds the mistake ids
  (``mistakes.py``), the written answers, hints and time limits a hand-in shows (``handins.py``);
  ``marks.py`` turns a result into points (hint penalty, points given by hand); ``reports.py`` writes
  ``grades.csv`` and the feedback, ``class_report.py`` the class report, ``written.py`` the written
  answers and merges the points given by hand, ``exports.py`` the Canvas and Moodle grade imports.
"""
