"""Run a student's worker process isolated and under limits, in a fresh folder, and talk to it.

The isolation modes, strongest first (``--sandbox auto`` takes the first whose probe worker proves
it here, and names the ones it passed over):

- ``bwrap`` (:mod:`.bwrap`): bubblewrap's namespaces, a tmpfs box of ``--disk`` MiB, only the Python
  install and system libraries visible.
- ``uid`` (:mod:`.uid`): a root grader without working bubblewrap (containers, Gradescope, CI) runs
  each job as a user id of its own, plus Landlock where the kernel has it, plus private IPC, network
  and ``/proc`` where the grader may create namespaces.
- ``landlock`` (:mod:`.landlock`): a grader that is not root, without bubblewrap, restricts the
  worker's files to the Python install, the system libraries and its own folder.
- ``none``: no isolation at all, only when asked for by name.

In every mode but ``none`` the seccomp filter (:mod:`.seccomp`) denies sockets, io_uring, System V
IPC and new user namespaces. Always: a session of its own; limits per process and for the
submission as a whole (:mod:`.limits`: cgroups where the grader may make them, else a watchdog);
every process it starts found and killed at the end, those whose main thread exited included
(:mod:`.processes`; the grader is a child subreaper, so a ``setsid`` daemon is reparented to it);
a parent-death signal; a cleared environment with ``TMPDIR`` in the folder; the folder removed
afterwards whatever its permissions (:mod:`.folders`). Choosing and proving a mode:
:mod:`.choice`; one worker's life: :mod:`.box`. :data:`DISABLE_ENV` makes the grader ignore
mechanisms (tests use it to reach each fallback and the refusal); the worker never reads it.
"""

from .box import MAX_MESSAGE, SANDBOXED, Sandbox, WorkerGone, python_roots
from .bwrap import BOX
from .choice import DISABLE_ENV, HOW_TO_ISOLATE, MODES, Choice, NoIsolation, choose, describe, sandbox_kind
from .folders import remove_tree
from .landlock import abi as landlock_abi
from .limits import Limits
from .processes import become_subreaper, hide_command_line, kill_descendants, not_dumpable
from .uid import UID_BASE, UID_COUNT, job_uid

__all__ = [
    "BOX", "DISABLE_ENV", "HOW_TO_ISOLATE", "MAX_MESSAGE", "MODES", "SANDBOXED", "UID_BASE", "UID_COUNT",
    "Choice", "Limits", "NoIsolation", "Sandbox", "WorkerGone", "become_subreaper", "choose", "describe",
    "hide_command_line", "job_uid", "kill_descendants", "landlock_abi", "not_dumpable", "python_roots", "remove_tree",
    "sandbox_kind",
]  # fmt: skip
