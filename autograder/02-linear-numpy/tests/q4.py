# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3

@test_case(points=None, hidden=False)
def test_predict_worked_case(predict):
    import numpy as np
    assert callable(predict), 'predict should be a function: def predict(X, w, b): ...'
    X = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])
    try:
        got = np.asarray(predict(X, np.array([2.0, 1.0]), 0.5), dtype=float)
    except Exception as e:
        raise AssertionError(f'predict on a (3, 2) X raised {type(e).__name__}: {e}') from None
    if got.shape == (3, 1):
        raise AssertionError('predict returned shape (3, 1): predictions must be 1-D, shape (n,), like the targets; an (n, 1) column minus (n,) targets silently broadcasts to an (n, n) matrix.')
    ok = got.shape == (3,)
    assert ok, f'predict on 3 houses should return shape (3,); got {got.shape}.'
    ok = np.allclose(got, [4.5, 10.5, 16.5])
    assert ok, 'predict([[1, 2], [3, 4], [5, 6]], w=[2, 1], b=0.5) should be [4.5, 10.5, 16.5].'

@test_case(points=None, hidden=True)
def test_predict_random(predict):
    import numpy as np
    rng = np.random.default_rng(204)
    for n, f in [(1, 1), (1, 4), (6, 1), (30, 3), (17, 8)]:
        X = rng.normal(size=(n, f))
        w = rng.normal(size=f)
        b = float(rng.normal())
        X_copy, w_copy = (X.copy(), w.copy())
        try:
            got = np.asarray(predict(X, w, b), dtype=float)
        except Exception as e:
            raise AssertionError(f'predict raised {type(e).__name__} on X of shape ({n}, {f}): {e}') from None
        ok = np.array_equal(X, X_copy) and np.array_equal(w, w_copy)
        assert ok, 'predict changed X or w in place: compute a new array instead.'
        if got.shape == (n, 1) and n > 1:
            raise AssertionError('predict returned an (n, 1) column: predictions must be 1-D, shape (n,); an (n, 1) column minus (n,) targets silently broadcasts to an (n, n) matrix.')
        ok = got.shape == (n,)
        assert ok, f'predict on X of shape ({n}, {f}) should return shape ({n},); got {got.shape}.'
        if np.allclose(got, X @ w, atol=1e-06):
            raise AssertionError('predict forgot the intercept: add b.')
        ok = np.allclose(got, X @ w + b, atol=1e-06)
        assert ok, f'predict is wrong on a random X of shape ({n}, {f}): it should be X @ w + b.'
    X32 = rng.normal(size=(5, 3)).astype(np.float32)
    w32 = rng.normal(size=3).astype(np.float32)
    got = np.asarray(predict(X32, w32, np.float32(0.25)), dtype=float)
    ok = got.shape == (5,) and np.allclose(got, X32.astype(float) @ w32.astype(float) + 0.25, rtol=0.0001, atol=1e-05)
    assert ok, 'predict should also work on float32 arrays.'

