# Generated from source/05-softmax-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q2'
points = 2

@test_case(points=None, hidden=False)
def test_cross_entropy_examples(cross_entropy):
    import numpy as np
    ok = callable(cross_entropy)
    if not ok:
        message = 'cross_entropy should be a function (def cross_entropy(P, y): ...), not a value: run its cell.'
        raise AssertionError(message)
    P = np.array([[0.7, 0.2, 0.1], [0.1, 0.3, 0.6], [0.2, 0.5, 0.3], [0.5, 0.25, 0.25]])
    y = np.array([0, 2, 2, 1])
    want = -np.mean(np.log([0.7, 0.6, 0.3, 0.25]))
    try:
        with np.errstate(all='ignore'):
            value = cross_entropy(P, y)
        got = None if value is None or np.ndim(value) != 0 else float(value)
    except Exception as e:
        message = f'cross_entropy raised {type(e).__name__} on 4 houses: {e} (y holds class numbers: P[np.arange(n), y])'
        raise AssertionError(message) from None
    if not value is not None:
        message = 'cross_entropy returned None: write its body (still `...`?) and end it with `return`.'
        raise AssertionError(message)
    ok = got is not None
    if not ok:
        message = f'cross_entropy should return one number, the mean over the houses; got shape {np.shape(value)}.'
        raise AssertionError(message)
    hints = [(-want, 'cross_entropy is negative: it is MINUS the mean of log P[i, y_i].'), (want / np.log(10), 'cross_entropy used log10: use the natural log, np.log.'), (4 * want, 'cross_entropy summed over the houses: take the mean.'), (want / 3, 'cross_entropy divided by n * k (np.mean over the whole one-hot product): average over the houses only.'), (want / 4, 'cross_entropy divided by n twice: np.mean already divides by the number of houses.'), (-np.mean(np.log(P.max(axis=1))), "cross_entropy used each house's LARGEST probability: use the true class's, P[i, y_i]."), (-np.mean(np.log(P[:, 0])), "cross_entropy used class 0's probability for every house: use the true class's, P[i, y_i]."), (-np.mean(np.log(1 - P[np.arange(4), y])), "cross_entropy used log(1 - P): the loss is -log of the true class's probability.")]
    for wrong, message in hints:
        if np.isclose(got, wrong):
            raise AssertionError(message)
    ok = bool(np.isclose(got, want))
    if not ok:
        message = f'cross_entropy should be {want:.4f} here: the mean of -log 0.7, -log 0.6, -log 0.3, -log 0.25; got {got:.4f}.'
        raise AssertionError(message)
