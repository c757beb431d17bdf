# Generated from source/04-logistic-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q1'
points = 3

@test_case(points=None, hidden=False)
def test_labels_and_features(expensive, X_train, X_valid):
    import os
    import numpy as np
    import pandas as pd
    ames = pd.read_csv(next((p for p in ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv') if os.path.exists(p)), 'data/ames.csv'))
    price = ames['Sale_Price'].to_numpy(dtype=float)
    raw = ames[['Longitude', 'Latitude']].to_numpy(dtype=float)
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    ok = expensive is not ... and expensive is not None
    if not ok:
        message = 'expensive is still blank: 1 for a price above the median, else 0, one number per house.'
        raise AssertionError(message)
    try:
        e = np.asarray(expensive, dtype=float)
    except (TypeError, ValueError):
        message = f'expensive should hold 0s and 1s; got a {type(expensive).__name__}.'
        raise AssertionError(message) from None
    ok = e.shape == (2930,)
    if not ok:
        message = f'expensive should hold one 0 or 1 per house, shape (2930,); got shape {e.shape}.'
        raise AssertionError(message)
    found = sorted(set(np.unique(e).tolist()))
    ok = set(found) <= {0.0, 1.0}
    if not ok:
        message = f'expensive should hold only 0 (not expensive) and 1 (expensive); it holds {found[:5]}.'
        raise AssertionError(message)
    median = np.median(price)
    want = (price > median).astype(float)
    if any((np.array_equal(e, cheap.astype(float)) for cheap in (price < median, price <= median))):
        message = 'expensive is 1 for the CHEAP houses: 1 should mean a price above the median.'
        raise AssertionError(message)
    if np.array_equal(e, (price >= median).astype(float)):
        message = "expensive counts the 23 houses priced exactly at the median as expensive: 'strictly above' is price > median."
        raise AssertionError(message)
    if np.array_equal(e, (price > price.mean()).astype(float)):
        message = 'expensive compares with the MEAN price: use the median (np.median), which halves the houses.'
        raise AssertionError(message)
    if np.array_equal(e, (price > np.median(price[tr])).astype(float)) and (not np.array_equal(e, want)):
        message = 'expensive uses the median of the training houses: the text asks for the median of all houses.'
        raise AssertionError(message)
    ok = np.array_equal(e, want)
    if not ok:
        message = "expensive should be 1 where price > np.median(price) and 0 elsewhere, in the rows' order."
        raise AssertionError(message)
    mean, std = (raw[tr].mean(axis=0), raw[tr].std(axis=0))
    for name, value, rows, own in [('X_train', X_train, tr, 'training'), ('X_valid', X_valid, va, 'validation')]:
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank: standardize lonlat[{own[:5]}_idx] with the training mean and std.'
            raise AssertionError(message)
        try:
            got = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            message = f'{name} should be an array of numbers; got a {type(value).__name__}.'
            raise AssertionError(message) from None
        other = va if rows is tr else tr
        if got.shape == (len(other), 2):
            message = f'{name} has {len(other)} rows: it should hold the {own} houses, lonlat[{own[:5]}_idx].'
            raise AssertionError(message)
        ok = got.shape == (len(rows), 2)
        if not ok:
            message = f'{name} should have shape ({len(rows)}, 2), longitude and latitude of each {own} house; got {got.shape}.'
            raise AssertionError(message)
        x = raw[rows]
        if np.allclose(got, x):
            message = f'{name} is not standardized: subtract the training mean and divide by the training std.'
            raise AssertionError(message)
        if np.allclose(got, (x - raw[va].mean(axis=0)) / raw[va].std(axis=0), atol=1e-06):
            message = f"{name} was standardized with the VALIDATION rows' statistics: that is leakage (the held-out houses shape what the model sees). Use the mean and std of lonlat[train_idx]."
            raise AssertionError(message)
        if np.allclose(got, (x - raw.mean(axis=0)) / raw.std(axis=0), atol=1e-06):
            message = f'{name} was standardized with the statistics of ALL the houses, validation rows included: that is leakage. Use the mean and std of lonlat[train_idx].'
            raise AssertionError(message)
        if np.allclose(got, x - mean, atol=1e-06):
            message = f'{name} only had the mean subtracted: divide by the training std too.'
            raise AssertionError(message)
        if np.allclose(got, (x - raw[tr].mean()) / raw[tr].std(), atol=1e-06):
            message = f'{name} used one mean and std for both columns: use axis=0, one per column.'
            raise AssertionError(message)
        ok = np.allclose(got, (x - mean) / std, rtol=0.001, atol=0.001)
        if not ok:
            message = f'{name} should be lonlat[{own[:5]}_idx] standardized with the TRAINING mean and std (axis=0).'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_labels_and_features_from_the_data(expensive, X_train, X_valid):
    import os
    import numpy as np
    import pandas as pd
    ames = pd.read_csv(next((p for p in ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv') if os.path.exists(p)), 'data/ames.csv'))
    price = ames['Sale_Price'].to_numpy(dtype=float)
    raw = ames[['Longitude', 'Latitude']].to_numpy(dtype=float)
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    try:
        e, xt, xv = (np.asarray(v, dtype=float) for v in (expensive, X_train, X_valid))
    except (TypeError, ValueError):
        message = 'expensive, X_train and X_valid should be arrays of numbers.'
        raise AssertionError(message) from None
    ok = e.shape == (2930,) and np.array_equal(e, (price > np.median(price)).astype(float))
    if not ok:
        message = 'expensive should be 1 where price > np.median(price), else 0, one number per house.'
        raise AssertionError(message)
    mean, std = (raw[tr].mean(axis=0), raw[tr].std(axis=0))
    for name, got, rows in [('X_train', xt, tr), ('X_valid', xv, va)]:
        leaked = got.shape == (len(rows), 2) and any((np.allclose(got, (raw[rows] - r.mean(axis=0)) / r.std(axis=0), atol=1e-06) for r in (raw[va], raw)))
        if not not leaked:
            message = f"{name} was standardized with validation rows' statistics: that is leakage."
            raise AssertionError(message)
        ok = got.shape == (len(rows), 2) and np.allclose(got, (raw[rows] - mean) / std, rtol=0.001, atol=0.001)
        if not ok:
            message = f'{name} should be its rows of lonlat standardized with the TRAINING mean and std.'
            raise AssertionError(message)
