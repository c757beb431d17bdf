# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 1

@test_case(points=None, hidden=False)
def test_ln3_reason_form(ln3_reason):
    ok = isinstance(ln3_reason, str) and ln3_reason.strip().lower() in {'a', 'b', 'c', 'd'}
    assert ok, 'ln3_reason should be one letter as a string: "a", "b", "c" or "d".'

