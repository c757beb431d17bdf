# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 3

@test_case(points=None, hidden=False)
def test_standardize_form(standardize, train_mean, train_std, X_train, X_valid):
    import numpy as np
    assert callable(standardize), 'standardize should be a function: def standardize(X, mean, std): ...'
    try:
        got = np.asarray(standardize(np.array([[1.0, 10.0], [3.0, 30.0]]), np.array([2.0, 20.0]), np.array([1.0, 10.0])), dtype=float)
    except Exception as e:
        raise AssertionError(f'standardize raised {type(e).__name__}: {e}') from None
    ok = np.allclose(got, [[-1.0, -1.0], [1.0, 1.0]])
    assert ok, 'standardize([[1, 10], [3, 30]], mean=[2, 20], std=[1, 10]) should be [[-1, -1], [1, 1]].'
    for name, value in [('train_mean', train_mean), ('train_std', train_std)]:
        ok = value is not None and value is not ... and (np.shape(value) == (3,))
        assert ok, f'{name} should hold one number per feature column, shape (3,): use axis=0.'
    ok = np.shape(X_train) == (2344, 3) and np.shape(X_valid) == (586, 3)
    assert ok, 'X_train should have shape (2344, 3) and X_valid shape (586, 3).'

