"""Run a notebook top to bottom in a fresh kernel (nbclient), as a student's Restart & Run All would."""

import os
from pathlib import Path

import nbclient
import nbformat


class NotebookFailed(RuntimeError):
    """A cell raised while the notebook ran; the message names the cell and the error."""


def run(nb: nbformat.NotebookNode, cwd: Path, timeout: int = 300, allow_errors: bool = False) -> nbformat.NotebookNode:
    """Execute ``nb`` with ``cwd`` as working directory and return it with outputs.

    Timing metadata is not recorded so that two runs give identical files. With ``allow_errors``
    a failing cell is recorded in the outputs and the run goes on, as Run All would not.
    """
    env = {k: v for k, v in os.environ.items() if k != "MPLBACKEND"}  # inline plots, not Agg
    client = nbclient.NotebookClient(
        nb,
        timeout=timeout,
        kernel_name="python3",
        record_timing=False,
        allow_errors=allow_errors,
        resources={"metadata": {"path": str(cwd)}},
    )
    try:
        client.execute(env=env)
    except nbclient.exceptions.CellExecutionError as err:
        raise NotebookFailed(str(err)) from None
    return nb
