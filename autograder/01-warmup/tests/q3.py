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

@test_case(points=None, hidden=True)
def test_exp_steps(exp_scores, exp_total):
    import numpy as np
    want = np.exp([1.0, 2.0, -1.0])
    ok = np.allclose(np.asarray(exp_scores, dtype=float), want, rtol=0.001)
    assert ok, 'exp_scores should be e raised to each score: np.exp(scores).'
    ok = bool(np.isclose(float(exp_total), want.sum(), rtol=0.001))
    assert ok, 'exp_total should be the sum of the exponentials (not of the raw scores).'

@test_case(points=None, hidden=True)
def test_probs_by_hand_value(probs_by_hand):
    import numpy as np
    p = np.asarray(probs_by_hand, dtype=float)
    if np.allclose(p, np.array([1.0, 2.0, -1.0]) / 2.0, atol=0.001):
        raise AssertionError('You divided the raw scores by their total: exponentiate them first.')
    ok = np.allclose(p, [0.2595, 0.7054, 0.0351], atol=0.0005)
    assert ok, 'probs_by_hand: divide each exponential by the total of the exponentials.'

