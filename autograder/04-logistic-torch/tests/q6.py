# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 1

@test_case(points=None, hidden=False)
def test_ln3_reason_form(ln3_reason):
    ok = isinstance(ln3_reason, str) and ln3_reason.strip().lower() in {'a', 'b', 'c', 'd'}
    assert ok, 'ln3_reason should be one letter as a string: "a", "b", "c" or "d".'

@test_case(points=None, hidden=True)
def test_ln3_reason(ln3_reason):
    answer = ln3_reason.strip().lower()
    if answer == 'c':
        raise AssertionError('ln3_reason: the balance of the classes does not matter here; even with unbalanced classes, equal probabilities of 1/3 give a loss of ln 3.')
    if answer == 'd':
        raise AssertionError('ln3_reason: ln 3 is where training STARTS; a trained model goes below it.')
    ok = answer == 'b'
    assert ok, 'ln3_reason: what are the probabilities when all scores are (nearly) equal?'

