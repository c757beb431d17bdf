"""Otter-style prompts for nbgrader: copied into the generated course as ``nbgrader_prompts.py``.

nbgrader replaces every solution region with one fixed stub. Otter lets a lesson show its own starter
code instead: lines between ``\"\"\" # BEGIN PROMPT`` and ``\"\"\" # END PROMPT`` (a string, so the
solution runs unchanged) are what students see in place of the ``# BEGIN SOLUTION NO PROMPT`` region
that follows. :class:`ClearSolutionsWithPrompts` adds that to nbgrader's ``ClearSolutions``, so that
``nbgrader generate_assignment`` releases the same starter code as Otter. Other regions get the stub
from ``ClearSolutions.code_stub`` (``...`` in this course, as in Otter).

This module is loaded by ``nbgrader_config.py``; it needs nbgrader, not Otter.
"""

from nbgrader.preprocessors import ClearSolutions

PROMPT_MARKERS = ("# BEGIN PROMPT", "# END PROMPT")
NO_PROMPT = "NO PROMPT"


class ClearSolutionsWithPrompts(ClearSolutions):
    """``ClearSolutions`` that unwraps Otter prompt blocks and drops ``NO PROMPT`` regions without a stub."""

    def _replace_solution_region(self, cell, language):
        kept, in_dropped, dropped = [], False, False
        for line in cell.source.split("\n"):
            if in_dropped:
                in_dropped = self.end_solution_delimeter not in line
            elif self.begin_solution_delimeter in line and NO_PROMPT in line:
                in_dropped = dropped = True
            elif not line.rstrip().endswith(PROMPT_MARKERS):
                kept.append(line)
        if in_dropped:
            raise RuntimeError(f"no end solution statement found in:\n{cell.source}")
        cell.source = "\n".join(kept)
        replaced = super()._replace_solution_region(cell, language)
        return replaced or dropped
