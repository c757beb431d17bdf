"""Regenerate ``examples/submissions/NN/``: sample submissions for trying ``python -m course grade``.

Per lesson (from its answer key and blank student notebook): ``correct`` (the answer key),
``partial`` (the answer key with the later questions' answers set back to ``...``), ``blank``,
``broken`` (not JSON) and ``infinite-loop`` (the answer key with a cell that never ends).
Run ``python examples/make_examples.py`` after ``python -m course build``.
"""

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from course import layout, lessons, notebooks  # noqa: E402
from course.grading.judge import Lesson  # noqa: E402

OUT = ROOT / "examples" / "submissions"


def code_cell(source: str) -> dict:
    return {
        "cell_type": "code",
        "execution_count": None,
        "id": "example",
        "metadata": {},
        "outputs": [],
        "source": source,
    }


def blanked_names(lesson: str) -> list[str]:
    """Answers that only the second half of the questions use."""
    params = Lesson(lesson, ROOT).params_by_question
    questions = list(params)
    early = {n for q in questions[: len(questions) // 2] for n in params[q]}
    return [n for q in questions[len(questions) // 2 :] for n in params[q] if n not in early]


def write(path: Path, nb: dict) -> None:
    path.write_text(json.dumps(nb, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")


def make(lesson: str, out: Path = OUT) -> None:
    folder = out / lesson.split("-")[0]
    folder.mkdir(parents=True, exist_ok=True)
    key = json.loads(json.dumps(notebooks.clear_outputs(notebooks.read(layout.solution_notebook(ROOT, lesson)))))
    write(folder / "correct.ipynb", key)
    partial = json.loads(json.dumps(key))
    names = sorted(set(blanked_names(lesson)))
    partial["cells"].append(code_cell("# Not done yet:\n" + "\n".join(f"{n} = ..." for n in names)))
    write(folder / "partial.ipynb", partial)
    write(folder / "blank.ipynb", json.loads(layout.student_notebook(ROOT, lesson).read_text(encoding="utf-8")))
    (folder / "broken.ipynb").write_text('{"cells": [{"cell_type": "code", "source": "x = 1"', encoding="utf-8")
    loop = json.loads(json.dumps(key))
    loop["cells"].insert(
        len(loop["cells"]) // 2, code_cell("# Waiting for something that never happens\nwhile True:\n    pass")
    )
    write(folder / "infinite-loop.ipynb", loop)


if __name__ == "__main__":
    for name in lessons.resolve(sys.argv[1:]):
        if layout.solution_notebook(ROOT, name).exists():
            make(name)
            print(f"wrote examples/submissions/{name.split('-')[0]}/")
