# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=None, hidden=False)
def test_probs_by_hand_form(exp_scores, exp_total, probs_by_hand):
    import numpy as np
    for name, value in [('exp_scores', exp_scores), ('probs_by_hand', probs_by_hand)]:
        ok = value is not None and value is not ... and (np.shape(value) == (3,))
        assert ok, f'{name} should hold 3 numbers, one per class.'
    ok = np.ndim(exp_total) == 0 and exp_total is not ...
    assert ok, 'exp_total should be a single number: the sum of the three exponentials.'
    ok = bool(np.isclose(np.sum(probs_by_hand), 1.0, atol=0.001))
    assert ok, 'Probabilities should add up to 1. Did you divide by the total?'

