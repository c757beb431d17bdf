# Hints: hint("q3") shows the next hint for question 3, hint("q3", 2) the second one.
def _course_hints(path="tests/hints.json"):
    import json

    from IPython.display import Markdown, display

    shown = {}  # question -> the highest hint number shown so far in this kernel

    def hint(question=None, number=None):
        """Show a hint for ``question`` (such as "q3"): the next one, or hint ``number``."""
        if question is None:
            print('Name the question: hint("q1") shows the next hint for question 1, hint("q1", 2) its second hint.')
            return
        try:
            with open(path, encoding="utf-8") as f:
                hints = json.load(f)
        except (OSError, ValueError):
            print(f"The hints for this lesson are not here ({path} is missing): open the notebook in its folder.")
            return
        name = f"q{question}" if isinstance(question, int) else str(question).strip().lower()
        if name not in hints:
            known = ", ".join(f'"{q}"' for q in hints) or "none"
            print(f"This lesson has no question {question!r} with hints: the questions with hints are {known}.")
            return
        steps = hints[name]
        if number is None:
            number = shown.get(name, 0) + 1
            if number > len(steps):
                again = f'hint("{name}", N)'
                print(f"That was the last hint for {name} ({len(steps)} of {len(steps)}): {again} shows hint N again.")
                return
        elif not (isinstance(number, int) and 1 <= number <= len(steps)):
            print(f"{name} has hints 1 to {len(steps)}: ask for one of them, such as hint(\"{name}\", 1).")
            return
        shown[name] = max(shown.get(name, 0), number)
        text = f"**Hint {number} of {len(steps)} for {name}.** {steps[number - 1]}"
        display(Markdown(text), metadata={"course_hint": {"question": name, "number": number}})

    return hint
