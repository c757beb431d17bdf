# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q5'
points = 3

@test_case(points=None, hidden=False)
def test_standardize_example(standardize):
    import numpy as np
    if not callable(standardize):
        message = 'standardize should be a function: def standardize(X, mean, std): ...'
        raise AssertionError(message)
    X = np.array([[1.0, 10.0], [3.0, 30.0]])
    mean, std = (np.array([0.0, 10.0]), np.array([2.0, 5.0]))
    hints = [((X - X.mean(axis=0)) / X.std(axis=0), "standardize used X's own mean and std: use the mean and std it is given."), (X - mean, 'standardize only subtracted the mean: it should be (X - mean) / std.'), (X / std, 'standardize only divided by std: it should be (X - mean) / std.'), (X - mean / std, 'standardize computed X - mean / std: put brackets around X - mean, (X - mean) / std.'), ((X - mean) * std, 'standardize multiplied by std: divide, (X - mean) / std.')]
    try:
        out = standardize(X, mean, std)
        got = None if out is None else np.asarray(out, dtype=float)
    except Exception as e:
        message = f'standardize raised {type(e).__name__}: {e}'
        raise AssertionError(message) from None
    if not got is not None:
        message = 'standardize returned None: write its body (still `...`?) and end it with `return`.'
        raise AssertionError(message)
    ok = np.array_equal(X, [[1.0, 10.0], [3.0, 30.0]])
    if not ok:
        message = 'standardize changed its input X in place (X -= mean?): return a new array instead.'
        raise AssertionError(message)
    ok = got.shape == (2, 2)
    if not ok:
        message = f"standardize should return an array of X's shape, (2, 2) here; got shape {got.shape}."
        raise AssertionError(message)
    for wrong, message in hints:
        if np.allclose(got, wrong):
            raise AssertionError(message)
    ok = np.allclose(got, [[0.5, 0.0], [1.5, 4.0]])
    if not ok:
        message = 'standardize([[1, 10], [3, 30]], mean=[0, 10], std=[2, 5]) should be [[0.5, 0], [1.5, 4]].'
        raise AssertionError(message)

@test_case(points=None, hidden=False)
def test_standardized_sets(train_mean, train_std, X_train, X_valid, X_train_raw, X_valid_raw):
    import os
    import numpy as np
    import pandas as pd
    paths = ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv')
    ames = pd.read_csv(next((p for p in paths if os.path.exists(p)), paths[0]))
    raw = ames[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (raw[idx[586:]], raw[idx[:586]])
    for name, value, want in [('X_train_raw', X_train_raw, tr), ('X_valid_raw', X_valid_raw, va)]:
        ok = isinstance(value, np.ndarray) and value.shape == want.shape and np.allclose(value, want)
        if not ok:
            message = f'{name} no longer holds the raw features of its houses: something changed it in place (X -= mean?). Standardize into new arrays, then run the split cell again.'
            raise AssertionError(message)
    stats = {}
    for name, value in [('train_mean', train_mean), ('train_std', train_std)]:
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank: compute it from X_train_raw.'
            raise AssertionError(message)
        try:
            stats[name] = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            message = f'{name} should hold numbers, one per feature; got a {type(value).__name__}.'
            raise AssertionError(message) from None
        if stats[name].shape == ():
            message = f'{name} is one number for the whole table: use axis=0, one per feature column.'
            raise AssertionError(message)
        if stats[name].shape == (len(tr),):
            message = f'{name} has one number per house: use axis=0 (down the columns), not axis=1.'
            raise AssertionError(message)
        ok = stats[name].shape == (3,)
        if not ok:
            message = f'{name} should hold one number per feature column, shape (3,): use axis=0.'
            raise AssertionError(message)
    m, s = (stats['train_mean'], stats['train_std'])
    if np.allclose(m, va.mean(axis=0)) or np.allclose(s, va.std(axis=0)):
        message = 'train_mean/train_std come from the VALIDATION rows: that is leakage (the held-out houses shape the model). Use the training rows, X_train_raw.'
        raise AssertionError(message)
    if np.allclose(m, raw.mean(axis=0)) or np.allclose(s, raw.std(axis=0)):
        message = 'train_mean/train_std come from ALL the houses, validation rows included: that is leakage (the held-out houses shape the model). Use the training rows, X_train_raw.'
        raise AssertionError(message)
    if np.allclose(s, tr.var(axis=0), rtol=0.001):
        message = 'train_std is the variance: take the standard deviation, np.std (its square root).'
        raise AssertionError(message)
    ok = np.allclose(m, tr.mean(axis=0), rtol=1e-06) and np.allclose(s, tr.std(axis=0), rtol=0.001)
    if not ok:
        message = 'train_mean and train_std should be the column means and standard deviations of X_train_raw.'
        raise AssertionError(message)
    mean, std = (tr.mean(axis=0), tr.std(axis=0))
    for name, value, rows, own in [('X_train', X_train, tr, 'training'), ('X_valid', X_valid, va, 'validation')]:
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank: standardize {name}_raw with train_mean and train_std.'
            raise AssertionError(message)
        try:
            got = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            message = f'{name} should be an array of numbers; got a {type(value).__name__}.'
            raise AssertionError(message) from None
        ok = got.shape == rows.shape
        if not ok:
            message = f'{name} should have shape {rows.shape}, one row per {own} house; got {got.shape}.'
            raise AssertionError(message)
        if np.allclose(got, rows):
            message = f'{name} is not standardized: it should be standardize({name}_raw, train_mean, train_std).'
            raise AssertionError(message)
        if rows is va and np.allclose(got, (va - va.mean(axis=0)) / va.std(axis=0), atol=1e-06):
            message = 'X_valid was standardized with its own statistics: that is leakage (the validation houses shape what the model sees). Use train_mean and train_std.'
            raise AssertionError(message)
        ok = np.allclose(got, (rows - mean) / std, rtol=0.001, atol=0.001)
        if not ok:
            message = f'{name} should be {name}_raw standardized with the TRAINING mean and std.'
            raise AssertionError(message)
