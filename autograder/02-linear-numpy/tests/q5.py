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

@test_case(points=None, hidden=True)
def test_standardize_random(standardize):
    import numpy as np
    rng = np.random.default_rng(205)
    for n, f in [(4, 1), (9, 3), (25, 6)]:
        X = rng.normal(loc=5.0, scale=3.0, size=(n, f))
        mean = rng.normal(size=f)
        std = rng.uniform(0.5, 2.0, size=f)
        X_copy = X.copy()
        try:
            got = np.asarray(standardize(X, mean, std), dtype=float)
        except Exception as e:
            raise AssertionError(f'standardize raised {type(e).__name__} on X of shape ({n}, {f}): {e}') from None
        ok = np.array_equal(X, X_copy)
        assert ok, 'standardize changed its input X in place (X -= mean?): return a new array instead.'
        if np.allclose(got, (X - X.mean(axis=0)) / X.std(axis=0)):
            raise AssertionError("standardize used X's own mean and std: use the mean and std it is given.")
        ok = got.shape == (n, f) and np.allclose(got, (X - mean) / std, atol=1e-06)
        assert ok, 'standardize is wrong on random inputs: (X - mean) / std, column by column.'

@test_case(points=None, hidden=True)
def test_standardized_data(train_mean, train_std, X_train, X_valid, X_train_raw, X_valid_raw, df):
    import numpy as np
    raw = df[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (raw[idx[586:]], raw[idx[:586]])
    ok = np.allclose(X_train_raw, tr) and np.allclose(X_valid_raw, va)
    assert ok, 'X_train_raw or X_valid_raw was changed in place: standardize into new arrays.'
    m, s = (np.asarray(train_mean, dtype=float), np.asarray(train_std, dtype=float))
    if np.allclose(m, va.mean(axis=0)) or np.allclose(s, va.std(axis=0)):
        raise AssertionError("train_mean/train_std come from the VALIDATION set: use the training set's statistics.")
    if np.allclose(m, raw.mean(axis=0)) or np.allclose(s, raw.std(axis=0)):
        raise AssertionError('train_mean/train_std come from the WHOLE data set: use the training rows only, or the validation houses leak into the model.')
    ok = np.allclose(m, tr.mean(axis=0), rtol=1e-06) and np.allclose(s, tr.std(axis=0), rtol=0.001)
    assert ok, 'train_mean and train_std should be the column means and standard deviations of X_train_raw.'
    want_tr = (tr - tr.mean(axis=0)) / tr.std(axis=0)
    want_va = (va - tr.mean(axis=0)) / tr.std(axis=0)
    ok = np.allclose(np.asarray(X_train, dtype=float), want_tr, rtol=0.001, atol=0.001)
    assert ok, 'X_train should be X_train_raw standardized with the training mean and std.'
    if np.allclose(np.asarray(X_valid, dtype=float), (va - va.mean(axis=0)) / va.std(axis=0), atol=1e-06):
        raise AssertionError('X_valid was standardized with its own statistics: use train_mean and train_std.')
    ok = np.allclose(np.asarray(X_valid, dtype=float), want_va, rtol=0.001, atol=0.001)
    assert ok, 'X_valid should be X_valid_raw standardized with the TRAINING mean and std.'

