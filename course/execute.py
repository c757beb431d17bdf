"""Run a notebook top to bottom in a fresh kernel (nbclient), as a student's Restart & Run All would."""

import contextlib
import os
from pathlib import Path

import nbclient
import nbformat


class NotebookFailed(RuntimeError):
    """A cell raised while the notebook ran; the message names the cell and the error."""


def run(nb: nbformat.NotebookNode, cwd: Path, timeout: int = 300, allow_errors: bool = False) -> nbformat.NotebookNode:
    """Execute ``nb`` with ``cwd`` as working directory and return it with outputs.

    Timing metadata is not recorded, and each cell's printed text is stored as one output per stream
    (the kernel sends prints in batches that depend on timing), so that two runs give identical files.
    With ``allow_errors`` a failing cell is recorded in the outputs and the run goes on, as Run All
    would not.
    """
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # inline plots, not Agg
    client = nbclient.NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        coalesce_streams=True,
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(cwd)}},
    )
    try:
        client.execute(env=env)
    except nbclient.exceptions.CellExecutionError as err:
        raise NotebookFailed(str(err)) from None
    return nb


@contextlib.contextmanager
def working_dir(path: Path):
    """Run the enclosed code with ``path`` as the current directory (notebooks open files relative to it)."""
    old = os.getcwd()
    os.chdir(path)
    try:
        yield
    finally:
        os.chdir(old)


def namespace(nb: nbformat.NotebookNode, cwd: Path, label: str = "notebook") -> dict:
    """Run every code cell of ``nb`` in this process, in order, and return the resulting globals.

    Much faster than a kernel when the same notebook's results are inspected many times (tests of
    the tests, fidelity benchmarks). Plots go to matplotlib's Agg backend and are closed.
    """
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    env: dict = {"__name__": "__main__"}
    try:
        with working_dir(cwd):
            for i, cell in enumerate(nb.cells):
                if cell.cell_type == "code":
                    source = "".join(cell.source) if isinstance(cell.source, list) else cell.source
                    exec(compile(source, f"<{label} cell {i}>", "exec"), env)
    finally:
        plt.close("all")
    return env
