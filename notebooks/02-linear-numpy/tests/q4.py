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

