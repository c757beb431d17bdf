"""``grader.check("qN")`` as the set-up cell makes it (``course/notebook_code/checks.py``): it never says
"passed" about a value left over from before a crash, and it shows each failure's sentence alone.

Cells run one at a time in a kernel, as a student runs them (nbclient, no front end), locally and
with the set-up cell's Colab branch (a stand-in ``google.colab``). ``tests/test_browser.py`` crashes a
cell in JupyterLab and reads the check on the page.
"""

import shutil

import nbformat
import pytest
from harness import ROOT
from test_hand_in import kernel

from course import layout, notebooks

LESSON = "01-warmup"
STAND_IN_COLAB = 'import sys, types\nsys.modules["google.colab"] = types.ModuleType("google.colab")'

DEMO = """\
rng = np.random.default_rng(0)
X_demo = rng.normal(size=(100, 2))
W_demo = rng.normal(size=(2, 3))
b_demo = rng.normal(size=(3,))
logits_demo = X_demo @ W_demo + b_demo"""

CRASHED = DEMO.replace("logits_demo = X_demo @ W_demo + b_demo", "logits_demo = X_demo @ W_demo + b")
"""The same answer with a typo on its last line: the cell stops before it sets logits_demo."""


def student_cells(*sources: str):
    """A notebook of the lesson's set-up cell followed by ``sources``, and the check of q2 after each."""
    setup = next(c for c in notebooks.read(layout.student_notebook(ROOT, LESSON)).cells if c.cell_type == "code")
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in (setup.source, *sources)])


def shown(cell) -> str:
    texts = []
    for out in cell.outputs:
        texts.append(out.get("text", "") or out.get("data", {}).get("text/plain", ""))
        texts += out.get("traceback", [])
    return "\n".join(texts)


@pytest.fixture(params=["local", "colab"])
def folder(request, tmp_path):
    """The lesson's folder; on "colab" the set-up cell takes its Colab branch (its files already fetched)."""
    here = tmp_path / LESSON
    shutil.copytree(layout.student_dir(ROOT, LESSON), here)
    return here, request.param


def run_all(folder, *sources: str) -> list:
    folder, platform = folder
    nb = student_cells(*sources)
    if platform == "colab":
        nb.cells.insert(0, nbformat.v4.new_code_cell(STAND_IN_COLAB))
    with kernel(nb, folder, allow_errors=True) as run:
        for index in range(len(nb.cells)):
            run(index)
    return nb.cells[-len(sources) :]


@pytest.mark.slow
def test_a_check_after_a_crash_says_so_instead_of_passing_an_older_value(folder):
    passed, crashed, after_crash, fixed, after_fix = run_all(
        folder, DEMO + '\ngrader.check("q2")', CRASHED, 'grader.check("q2")', DEMO, 'grader.check("q2")'
    )
    assert "q2 passed!" in shown(passed) or "q2 results: All test cases passed!" in shown(passed), shown(passed)
    assert "NameError" in shown(crashed)
    said = shown(after_crash)  # logits_demo still holds the right value from the first run: Otter would pass it
    assert said.startswith(
        "q2 not checked: The last time it ran, the cell that sets logits_demo stopped with NameError "
        "(name 'b' is not defined) before setting it. Fix that cell and run it again"
    ), said
    assert "passed" not in said and "older value" in said
    assert "passed" in shown(after_fix), shown(after_fix)


@pytest.mark.slow
def test_a_failed_check_shows_its_sentence_alone_and_names_a_name_error(folder):
    wrong_shapes = "X_shape, W_shape, b_shape, logits_shape = (2, 100), (2, 3), (3,), (100, 3)"
    broken_function = "def softmax(z):\n    return np.exp(z) / totl"
    missing = "del softmax"
    a, b, c = run_all(
        folder,
        wrong_shapes + '\ngrader.check("q1")',
        broken_function + '\ngrader.check("q4")',
        missing + '\ngrader.check("q4")',
    )
    said = shown(a)
    assert "X_shape is transposed: X has one row per house and one column per feature." in said
    for noise in ("Error at line", "raise AssertionError", "AssertionError:", "Traceback"):
        assert noise not in said, said
    said = shown(b)
    assert "Your code stopped with NameError (name 'totl' is not defined)" in said, said
    assert "shape" not in said.lower() and "Error at line" not in said
    assert shown(c).startswith("q4 not checked: softmax does not exist yet. Run the cells above this one"), shown(c)


@pytest.mark.slow
def test_a_syntax_error_and_an_unknown_check(folder):
    first, broken, check, unknown = run_all(
        folder,
        "X_shape, W_shape, b_shape, logits_shape = (100, 2), (2, 3), (3,), (100, 3)",
        "X_shape = (100, 2\nW_shape = (2, 3)",
        'grader.check("q1")',
        'grader.check("q9")',
    )
    said = shown(check)
    assert said.startswith("q1 not checked: The last time it ran, the cell that sets X_shape and W_shape stopped with "
                           "SyntaxError"), said
    assert shown(unknown) == "There is no check 'q9' here: this lesson's checks are q1, q2, q3, q4, q5, q6."


def test_under_the_graders_stand_in_for_otter_the_checks_are_left_alone():
    """While a hand-in is graded, ``otter`` is the sandbox's stand-in (course/grading/sandboxed/worker.py):
    the set-up cell must still run, and leave its ``grader`` as it is."""
    from course import notebook_code

    class StandIn:
        def __getattr__(self, name):
            return lambda *args, **kwargs: None

    env: dict = {}
    exec(notebook_code.text("checks"), env)
    grader = StandIn()
    assert env["_course_checks"](grader) is grader and type(grader) is StandIn
