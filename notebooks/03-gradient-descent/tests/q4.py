# Generated from source/03-gradient-descent.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q4'
points = 3

@test_case(points=None, hidden=False)
def test_wrong_way_classification(class_theta, class_pred_valid, wrong_way_accuracy):
    import os
    import numpy as np
    import pandas as pd
    arrays = {}
    answers = [('class_theta', class_theta), ('class_pred_valid', class_pred_valid), ('wrong_way_accuracy', wrong_way_accuracy)]
    for name, value in answers:
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank. If your cell stopped with an error, run the cell above it first (it sets class_train and lonlat_train), then your cell.'
            raise AssertionError(message)
        try:
            arrays[name] = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            message = f'{name} should hold numbers; got a {type(value).__name__}.'
            raise AssertionError(message) from None
    ok = arrays['class_theta'].size == 3
    if not ok:
        message = 'class_theta should hold 3 numbers: a weight for longitude, one for latitude, and the intercept.'
        raise AssertionError(message)
    if arrays['class_pred_valid'].shape == (2344,):
        message = 'class_pred_valid has one class per TRAINING house: predict the 586 validation houses.'
        raise AssertionError(message)
    ok = arrays['class_pred_valid'].shape == (586,)
    if not ok:
        message = f"class_pred_valid should hold one class per validation house, shape (586,); got {arrays['class_pred_valid'].shape}."
        raise AssertionError(message)
    ok = arrays['wrong_way_accuracy'].size == 1
    if not ok:
        message = 'wrong_way_accuracy should be a single number.'
        raise AssertionError(message)
    acc = float(arrays['wrong_way_accuracy'].ravel()[0])
    if 1 < acc <= 100 and acc != round(acc):
        message = 'wrong_way_accuracy looks like a percentage: give the fraction, between 0 and 1.'
        raise AssertionError(message)
    ok = 0.0 <= acc <= 1.0
    if not ok:
        message = f'wrong_way_accuracy should be a fraction between 0 and 1 (a count divided by 586); got {acc:g}.'
        raise AssertionError(message)
    paths = ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv')
    ames = pd.read_csv(next((p for p in paths if os.path.exists(p)), paths[0]))
    raw = ames[['Longitude', 'Latitude']].to_numpy(dtype=float)
    price = ames['Sale_Price'].to_numpy(dtype=float) / 100000
    cls = np.digitize(price, np.quantile(price, [1 / 3, 2 / 3]))
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    A = np.column_stack([(raw - raw[tr].mean(axis=0)) / raw[tr].std(axis=0), np.ones(len(raw))])
    fit = {label: np.linalg.lstsq(A[rows], target[rows], rcond=None)[0] for label, rows, target in [('train', tr, cls), ('validation', va, cls), ('all', idx, cls), ('price', tr, price)]}
    theta = arrays['class_theta'].ravel()
    if not np.allclose(theta, fit['train'], rtol=0.001, atol=0.0001):
        if np.allclose(theta, fit['validation'], rtol=0.001, atol=0.0001):
            message = 'class_theta was fitted on the VALIDATION houses: that is leakage (the model has seen the houses it is measured on). Fit on lonlat_train and class_train.'
            raise AssertionError(message)
        if np.allclose(theta, fit['all'], rtol=0.001, atol=0.0001):
            message = 'class_theta was fitted on ALL the houses, validation rows included: that is leakage.'
            raise AssertionError(message)
        if np.allclose(theta, fit['price'], rtol=0.001, atol=0.0001):
            message = 'class_theta was fitted to the prices: fit it against the training classes (class_train).'
            raise AssertionError(message)
        message = 'class_theta should be lstsq on [lonlat_train, 1] against the training classes (class_train).'
        raise AssertionError(message)
    pred = arrays['class_pred_valid']
    score = A[va] @ fit['train']
    want = np.clip(np.round(score), 0, 2)
    if not np.allclose(pred, np.round(pred)):
        message = 'class_pred_valid holds fractions: round the scores to the nearest class with np.round.'
        raise AssertionError(message)
    if np.array_equal(pred, np.floor(score)) and (not np.array_equal(pred, want)):
        message = 'class_pred_valid was rounded down (np.floor or int()): round to the nearest class, np.round.'
        raise AssertionError(message)
    if np.array_equal(pred, np.ceil(score)) and (not np.array_equal(pred, want)):
        message = 'class_pred_valid was rounded up (np.ceil): round to the nearest class, np.round.'
        raise AssertionError(message)
    ok = np.array_equal(pred, want)
    if not ok:
        message = 'class_pred_valid should be the rounded (and clipped to 0..2) score of each validation house.'
        raise AssertionError(message)
    valid_acc = np.mean(want == cls[va])
    train_acc = np.mean(np.clip(np.round(A[tr] @ fit['train']), 0, 2) == cls[tr])
    step = 0.5 / 586
    if abs(acc - train_acc) < step and abs(acc - valid_acc) >= step:
        message = 'wrong_way_accuracy was measured on the TRAINING houses: use the validation houses.'
        raise AssertionError(message)
    if abs(acc - (1 - valid_acc)) < step:
        message = 'wrong_way_accuracy is the error rate: give the fraction predicted RIGHT.'
        raise AssertionError(message)
    ok = abs(acc - valid_acc) < step
    if not ok:
        message = 'wrong_way_accuracy: the fraction of validation houses whose predicted class equals class_valid.'
        raise AssertionError(message)
