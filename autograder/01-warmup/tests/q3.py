# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q3'
points = 3

@test_case(points=None, hidden=False)
def test_probs_by_hand_form(exp_scores, exp_total, probs_by_hand):
    import numpy as np
    for name, value in [('exp_scores', exp_scores), ('probs_by_hand', probs_by_hand)]:
        blank = value is ... or value is None or isinstance(value, str)
        ok = not blank and np.shape(value) == (3,)
        found = 'still blank (if the cell above stopped with an error, fix that line first)' if value is ... else repr(value)[:30] if blank else f'of shape {np.shape(value)}'
        if not ok:
            message = f'{name} should hold 3 numbers, one per class; it is {found}.'
            raise AssertionError(message)
        try:
            np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            message = f'{name} should hold 3 numbers, one per class.'
            raise AssertionError(message) from None
    ok = exp_total is not ... and exp_total is not None and (not isinstance(exp_total, str)) and (np.ndim(exp_total) == 0)
    found = 'still blank' if exp_total is ... else f'an array of shape {np.shape(exp_total)}'
    found = repr(exp_total)[:30] if exp_total is None or isinstance(exp_total, str) else found
    if not ok:
        message = f'exp_total should be a single number, the sum of the three exponentials; it is {found}.'
        raise AssertionError(message)
    try:
        float(exp_total)
    except (TypeError, ValueError):
        message = 'exp_total should be a single number, the sum of the three exponentials.'
        raise AssertionError(message) from None

@test_case(points=None, hidden=False)
def test_softmax_steps_on_this_house(exp_scores, exp_total, probs_by_hand):
    import numpy as np
    try:
        e = np.asarray(exp_scores, dtype=float)
        p = np.asarray(probs_by_hand, dtype=float)
        total = float(exp_total)
    except (TypeError, ValueError):
        message = 'First give all three names numbers (see the message above): this check needs them.'
        raise AssertionError(message) from None
    ok = e.shape == (3,) and p.shape == (3,)
    if not ok:
        message = 'exp_scores and probs_by_hand should hold 3 numbers each (see the message above).'
        raise AssertionError(message)
    z = np.array([1.0, 2.0, -1.0])
    want = np.exp(z)
    if np.allclose(e, np.exp(-z), rtol=0.001):
        message = 'exp_scores used exp(-score): exponentiate the scores as they are, np.exp(scores); softmax keeps their order, so the largest score gets the largest probability.'
        raise AssertionError(message)
    if np.allclose(e, 10.0 ** z, rtol=0.001) or np.allclose(e, 2.0 ** z, rtol=0.001):
        message = 'exp_scores used another base (10 or 2): softmax uses e, np.exp(scores).'
        raise AssertionError(message)
    ok = np.allclose(e, want, rtol=0.001)
    if not ok:
        message = 'exp_scores should be e raised to each score: np.exp(scores).'
        raise AssertionError(message)
    ok = bool(np.isclose(total, e.sum(), rtol=0.001))
    if not ok:
        message = 'exp_total should be the sum of the exponentials (not of the raw scores).'
        raise AssertionError(message)
    if np.allclose(p, z / z.sum(), atol=0.001) or np.any(p < 0):
        message = 'A probability cannot be negative: you divided the raw scores by their total; exponentiate them first.'
        raise AssertionError(message)
    right = want / want.sum()
    if not np.allclose(p, right, atol=0.0005) and (np.allclose(p, right.round(2)) or np.allclose(p, right.round(1))):
        message = 'probs_by_hand is rounded to 1 or 2 decimals, too few to check it: keep the full values (round only when you print).'
        raise AssertionError(message)
    ok = bool(np.isclose(p.sum(), 1.0, atol=0.001))
    if not ok:
        message = f'Probabilities should add up to 1; yours add up to {p.sum():.4f}. Did you divide by the total?'
        raise AssertionError(message)
    ok = np.allclose(p, right, atol=0.0005)
    if not ok:
        message = 'probs_by_hand: divide each exponential by the total of the exponentials.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_exp_steps(exp_scores, exp_total):
    import numpy as np
    try:
        e = np.asarray(exp_scores, dtype=float)
        total = float(exp_total)
    except (TypeError, ValueError):
        message = 'exp_scores should hold 3 numbers and exp_total one number.'
        raise AssertionError(message) from None
    want = np.exp([1.0, 2.0, -1.0])
    ok = e.shape == (3,) and np.allclose(e, want, rtol=0.001)
    if not ok:
        message = 'exp_scores should be e raised to each score: np.exp(scores).'
        raise AssertionError(message)
    ok = bool(np.isclose(total, want.sum(), rtol=0.001))
    if not ok:
        message = 'exp_total should be the sum of the exponentials (not of the raw scores).'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_probs_by_hand_value(probs_by_hand):
    import numpy as np
    try:
        p = np.asarray(probs_by_hand, dtype=float)
    except (TypeError, ValueError):
        message = 'probs_by_hand should hold 3 numbers, one per class.'
        raise AssertionError(message) from None
    ok = p.shape == (3,)
    if not ok:
        message = f'probs_by_hand should hold 3 numbers, one per class, not an array of shape {p.shape}.'
        raise AssertionError(message)
    if np.allclose(p, np.array([1.0, 2.0, -1.0]) / 2.0, atol=0.001):
        message = 'You divided the raw scores by their total: exponentiate them first.'
        raise AssertionError(message)
    ok = np.allclose(p, [0.2595, 0.7054, 0.0351], atol=0.0005)
    if not ok:
        message = 'probs_by_hand: divide each exponential by the total of the exponentials.'
        raise AssertionError(message)
