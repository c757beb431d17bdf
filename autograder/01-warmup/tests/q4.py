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

@test_case(points=None, hidden=True)
def test_softmax_values(softmax):
    import numpy as np
    rng = np.random.default_rng(123)
    for n in (2, 3, 5, 10):
        z = rng.normal(scale=3.0, size=n)
        want = np.exp(z) / np.exp(z).sum()
        try:
            p = np.asarray(softmax(z.copy()), dtype=float)
        except Exception as e:
            raise AssertionError(f'softmax raised {type(e).__name__} on {n} scores: {e}') from None
        ok = p.shape == (n,) and np.allclose(p, want, atol=1e-06)
        assert ok, f'softmax is wrong on a vector of {n} random scores: exponentiate, then divide by the total.'

@test_case(points=None, hidden=True)
def test_softmax_large_scores(softmax):
    import warnings
    import numpy as np
    z = np.array([1000.0, 1001.0, 998.0])
    want = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
    with warnings.catch_warnings():
        warnings.simplefilter('ignore')
        try:
            p = np.asarray(softmax(z.copy()), dtype=float)
        except Exception as e:
            raise AssertionError(f'softmax raised {type(e).__name__} on large scores: {e}') from None
    ok = bool(np.all(np.isfinite(p)))
    assert ok, 'softmax([1000, 1001, 998]) gave inf or nan: np.exp overflows for large scores. Subtract the largest score before exponentiating (it does not change the answer).'
    ok = np.allclose(p, want, atol=1e-06)
    assert ok, 'softmax is wrong on large scores: subtract the maximum, exponentiate, divide by the total.'

