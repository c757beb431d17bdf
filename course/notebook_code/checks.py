# Checks that tell the truth after a crash: the check of a question says so when the cell that sets one of its
# names stopped with an error (the check would see an older value), and shows each failed test's sentence alone.
def _course_checks(grader, tests_dir="tests"):
    import ast
    import os
    import re
    import sys
    import time
    import types

    from IPython import get_ipython

    shell = get_ipython()
    state = sys.modules.setdefault("_course_notebook", types.ModuleType("_course_notebook"))
    if not hasattr(state, "stopped"):
        state.stopped = {}  # a name -> why the last cell that sets it stopped before it did
        state.last_run = 0.0  # when the last cell finished (the hand-in cell compares the saved file with it)

    def bound(statement):
        """The names a statement at the top of a cell sets (not those inside functions or classes)."""
        names, todo = [], [statement]
        while todo:
            node = todo.pop()
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
                names.append(node.name)
                continue
            if isinstance(node, (ast.Lambda, ast.ListComp, ast.SetComp, ast.DictComp, ast.GeneratorExp)):
                continue
            targets = []
            if isinstance(node, ast.Assign):
                targets = node.targets
            elif isinstance(node, (ast.AugAssign, ast.AnnAssign, ast.For, ast.AsyncFor, ast.NamedExpr)):
                targets = [node.target]
            elif isinstance(node, ast.withitem) and node.optional_vars is not None:
                targets = [node.optional_vars]
            elif isinstance(node, (ast.Import, ast.ImportFrom)):
                names += [(alias.asname or alias.name).split(".")[0] for alias in node.names]
            for target in targets:
                names += [n.id for n in ast.walk(target) if isinstance(n, ast.Name)]
            todo.extend(ast.iter_child_nodes(node))
        return names

    def stopped_at(error):
        """The line of the cell where ``error`` stopped it (None when no line of the cell ran)."""
        tb = error.__traceback__
        while tb is not None:
            frame = tb.tb_frame
            if frame.f_code.co_name == "<module>" and frame.f_globals is shell.user_ns:
                return tb.tb_lineno
            tb = tb.tb_next
        return None

    def after_cell(result):
        state.last_run = time.time()
        try:
            info = getattr(result, "info", None)
            error = result.error_before_exec or result.error_in_exec
            source = shell.transform_cell(getattr(info, "raw_cell", None) or "")
            try:
                statements = [(s.end_lineno, bound(s)) for s in ast.parse(source).body]
            except SyntaxError:  # nothing in the cell ran: every name it sets keeps its older value
                pattern = r"^(?:(?:async\s+)?def|class)\s+(\w+)|^(\w+(?:\s*,\s*\w+)*)\s*(?::[^=\n]*)?=(?!=)"
                found = re.findall(pattern, source, re.M)
                statements = [(None, [n.strip() for pair in found for n in ",".join(pair).split(",") if n.strip()])]
            if error is None:
                for _, names in statements:
                    for name in names:
                        state.stopped.pop(name, None)
                return
            line = None if result.error_before_exec else stopped_at(error)
            if isinstance(error, SyntaxError):
                why = f"SyntaxError ({error.msg}, line {error.lineno})"
            else:
                why = f"{type(error).__name__} ({' '.join(str(error).split())[:120]})"
            for end, names in statements:
                for name in names:
                    if line is not None and end is not None and end < line:
                        state.stopped.pop(name, None)  # set before the error
                    else:
                        state.stopped[name] = why
        except Exception:  # never get in the student's way: at worst a check runs as Otter's would
            pass

    if shell is not None and hasattr(shell, "events"):
        if getattr(state, "hook", None) is not None:
            try:
                shell.events.unregister("post_run_cell", state.hook)
            except ValueError:
                pass
        shell.events.register("post_run_cell", after_cell)
        state.hook = after_cell

    base = type(grader)
    if not hasattr(base, "check"):  # the grader's stand-in for Otter, while a hand-in is graded
        return grader

    class Note:
        """What a check shows instead of running."""

        def __init__(self, text):
            self.text = text

        def __repr__(self):
            return self.text

        def _repr_html_(self):
            import html

            return f"<p>{html.escape(self.text)}</p>"

    def readable(test_file, error, context=0):
        """A failed test as its sentence alone (Otter would add "Error at line N in test qN:" and the line)."""
        seen = error
        for _ in range(10):
            if seen is None or isinstance(seen, NameError):
                break
            seen = seen.__cause__ or seen.__context__
        if isinstance(seen, NameError):
            return (
                f"Your code stopped with NameError ({seen}): it uses a name this notebook does not have yet. "
                "Run the cell that defines it, or check its spelling (a helper from another lesson must be "
                "defined here too), then run this check again."
            )
        if isinstance(error, AssertionError):
            return str(error).strip()
        return f"The check could not use your answer: {type(error).__name__}: {error}"

    def listed(names):
        return names[0] if len(names) == 1 else f"{', '.join(names[:-1])} and {names[-1]}"

    def answer_names(path):
        names = []
        with open(path, encoding="utf-8") as f:
            for node in ast.parse(f.read()).body:
                if isinstance(node, ast.FunctionDef):
                    names += [a.arg for a in node.args.args if a.arg != "env" and a.arg not in names]
        return names

    class Checks(base):
        def check(self, question, global_env=None):
            env = sys._getframe(1).f_globals if global_env is None else global_env
            path = os.path.join(tests_dir, f"{question}.py")
            if not os.path.isfile(path):
                known = sorted(p[:-3] for p in os.listdir(tests_dir) if re.fullmatch(r"q\d+\.py", p))
                return Note(f"There is no check {question!r} here: this lesson's checks are {', '.join(known)}.")
            names = answer_names(path)
            stopped = {name: state.stopped[name] for name in names if name in state.stopped}
            if stopped:
                cells = {}
                for name, why in stopped.items():
                    cells.setdefault(why, []).append(name)
                said = " ".join(
                    f"The last time it ran, the cell that sets {listed(n)} stopped with {why} before setting "
                    f"{'it' if len(n) == 1 else 'them'}."
                    for why, n in cells.items()
                )
                return Note(
                    f"{question} not checked: {said} Fix that cell and run it again, then this check: now it would "
                    "be looking at an older value (or none)."
                )
            missing = [name for name in names if name not in env]
            if missing:
                verb = "does" if len(missing) == 1 else "do"
                return Note(
                    f"{question} not checked: {listed(missing)} {verb} not exist yet. Run the cells above this one "
                    "(the answer cell defines it), then this check."
                )
            from otter.test_files.exception_test import ExceptionTestFile

            otter_message = ExceptionTestFile._generate_error_message
            ExceptionTestFile._generate_error_message = readable
            try:
                return super().check(question, env)
            finally:
                ExceptionTestFile._generate_error_message = otter_message

    grader.__class__ = Checks
    return grader
