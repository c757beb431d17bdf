# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3

@test_case(points=None, hidden=False)
def test_softmax_basic(softmax):
    import numpy as np
    assert callable(softmax), 'softmax should be a function: def softmax(z): ...'
    try:
        p = np.asarray(softmax(np.array([1.0, 2.0, -1.0])), dtype=float)
    except Exception as e:
        raise AssertionError(f'softmax([1, 2, -1]) raised {type(e).__name__}: {e}') from None
    ok = p.shape == (3,)
    assert ok, f'softmax of 3 scores should return 3 probabilities, got shape {p.shape}.'
    ok = bool(np.isclose(p.sum(), 1.0))
    assert ok, 'The probabilities returned by softmax should add up to 1.'

