"""Code copied into the sandbox, next to the student's notebook: it is never trusted by the grader."""
