# Generated from source/03-gradient-descent.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q3'
points = 3

@test_case(points=None, hidden=False)
def test_closed_form_and_dollars(w_closed, b_closed, closed_train_mse, valid_mae_dollars):
    import os
    import numpy as np
    import pandas as pd
    names = ['w_closed', 'b_closed', 'closed_train_mse', 'valid_mae_dollars']
    values = {}
    for name, value in zip(names, [w_closed, b_closed, closed_train_mse, valid_mae_dollars]):
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank.'
            raise AssertionError(message)
        try:
            values[name] = np.asarray(value, dtype=float).ravel()
        except (TypeError, ValueError):
            message = f'{name} should hold numbers; got a {type(value).__name__}.'
            raise AssertionError(message) from None
        size = 3 if name == 'w_closed' else 1
        what = 'the 3 feature weights (the first 3 numbers lstsq returns)' if size == 3 else 'a single number'
        ok = values[name].size == size and bool(np.all(np.isfinite(values[name])))
        if not ok:
            message = f'{name} should be {what}; got {values[name].size} number(s).'
            raise AssertionError(message)
    w, b = (values['w_closed'], values['b_closed'][0])
    paths = ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv')
    ames = pd.read_csv(next((p for p in paths if os.path.exists(p)), paths[0]))
    raw = ames[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    y = ames['Sale_Price'].to_numpy(dtype=float) / 100000
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    X = (raw - raw[tr].mean(axis=0)) / raw[tr].std(axis=0)
    A = np.column_stack([X, np.ones(len(X))])
    fits = {label: np.linalg.lstsq(A[rows], y[rows], rcond=None)[0] for label, rows in [('train', tr), ('validation', va), ('all', idx)]}
    theta = fits['train']
    if not np.allclose(w, theta[:3], rtol=0.001, atol=0.0001):
        if np.allclose(w, fits['validation'][:3], rtol=0.001, atol=0.0001):
            message = 'w_closed was fitted on the VALIDATION houses: that is leakage (the model has seen the houses it is measured on). Use A_train and y_train.'
            raise AssertionError(message)
        if np.allclose(w, fits['all'][:3], rtol=0.001, atol=0.0001):
            message = 'w_closed was fitted on ALL the houses, validation rows included: that is leakage.'
            raise AssertionError(message)
        if np.allclose(w, theta[1:], rtol=0.001, atol=0.0001):
            message = 'w_closed holds the last 3 numbers of lstsq: the first 3 are the weights, the last is b.'
            raise AssertionError(message)
        message = 'w_closed should be the first 3 numbers of lstsq on [X_train, 1] (A_train) and y_train.'
        raise AssertionError(message)
    ok = bool(np.isclose(b, theta[3], rtol=0.001))
    if not ok:
        message = 'b_closed should be the last number of lstsq on A_train, the weight of the column of ones (fitted without that column, there is no b).'
        raise AssertionError(message)
    r_train, r_valid = (A[tr] @ theta - y[tr], A[va] @ theta - y[va])
    got = values['closed_train_mse'][0]
    if np.isclose(got, np.mean(r_valid ** 2), rtol=0.001):
        message = 'closed_train_mse was measured on the validation houses: measure it on the TRAINING set.'
        raise AssertionError(message)
    if np.isclose(got, np.sqrt(np.mean(r_train ** 2)), rtol=0.001):
        message = 'closed_train_mse is the RMSE (a square root): the MSE is the mean of the squared errors.'
        raise AssertionError(message)
    ok = bool(np.isclose(got, np.mean(r_train ** 2), rtol=0.001))
    if not ok:
        message = 'closed_train_mse should be the MSE of the closed-form model on the TRAINING set.'
        raise AssertionError(message)
    got = values['valid_mae_dollars'][0]
    hints = [(np.mean(np.abs(r_valid)), 'valid_mae_dollars is in units of 100,000 dollars: multiply by 100,000.'), (np.mean(r_valid ** 2) * 100000.0, 'valid_mae_dollars is the MSE, not the MAE: average the ABSOLUTE errors.'), (np.mean(r_valid ** 2) * 10000000000.0, 'valid_mae_dollars is the MSE, not the MAE: average the ABSOLUTE errors.'), (np.mean(r_valid ** 2), 'valid_mae_dollars is the MSE, not the MAE: average the ABSOLUTE errors, in dollars.'), (np.sqrt(np.mean(r_valid ** 2)) * 100000.0, 'valid_mae_dollars is the RMSE: average the ABSOLUTE errors instead.'), (np.mean(np.abs(r_train)) * 100000.0, 'valid_mae_dollars was measured on the TRAINING set: use the validation set.'), (np.median(np.abs(r_valid)) * 100000.0, 'valid_mae_dollars is the median absolute error: take the mean.'), (np.sum(np.abs(r_valid)) * 100000.0, 'valid_mae_dollars is the sum of the absolute errors: take their mean.')]
    for wrong, message in hints:
        if bool(np.isclose(got, wrong, rtol=0.002)):
            raise AssertionError(message)
    ok = bool(np.isclose(got, np.mean(np.abs(r_valid)) * 100000.0, rtol=0.002))
    if not ok:
        message = 'valid_mae_dollars: the mean of |prediction - price| over the validation houses, times 100,000.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_closed_form_values(w_closed, b_closed, closed_train_mse, valid_mae_dollars):
    import os
    import numpy as np
    import pandas as pd
    try:
        w = np.asarray(w_closed, dtype=float).ravel()
        b, train_mse, mae = (float(np.asarray(v, dtype=float).ravel()[0]) for v in (b_closed, closed_train_mse, valid_mae_dollars))
    except (TypeError, ValueError, IndexError):
        message = 'w_closed should hold 3 numbers; b_closed, closed_train_mse and valid_mae_dollars one each.'
        raise AssertionError(message) from None
    ok = w.shape == (3,)
    if not ok:
        message = 'w_closed should hold the 3 feature weights (the first 3 numbers lstsq returns).'
        raise AssertionError(message)
    paths = ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv')
    ames = pd.read_csv(next((p for p in paths if os.path.exists(p)), paths[0]))
    raw = ames[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    y = ames['Sale_Price'].to_numpy(dtype=float) / 100000
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    A = np.column_stack([(raw - raw[tr].mean(axis=0)) / raw[tr].std(axis=0), np.ones(len(raw))])
    theta = np.linalg.lstsq(A[tr], y[tr], rcond=None)[0]
    leaked = [rows for rows in (va, idx) if np.allclose(w, np.linalg.lstsq(A[rows], y[rows], rcond=None)[0][:3], rtol=0.001)]
    if not not leaked:
        message = 'w_closed was fitted on validation rows: that is leakage. Use A_train and y_train.'
        raise AssertionError(message)
    ok = np.allclose(w, theta[:3], rtol=0.001, atol=0.0001) and bool(np.isclose(b, theta[3], rtol=0.001))
    if not ok:
        message = 'w_closed and b_closed should be lstsq on [X_train, 1] and y_train: the first 3 numbers, then the last.'
        raise AssertionError(message)
    ok = bool(np.isclose(train_mse, np.mean((A[tr] @ theta - y[tr]) ** 2), rtol=0.001))
    if not ok:
        message = 'closed_train_mse should be the MSE of the closed-form model on the TRAINING set.'
        raise AssertionError(message)
    ok = bool(np.isclose(mae, np.mean(np.abs(A[va] @ theta - y[va])) * 100000.0, rtol=0.002))
    if not ok:
        message = 'valid_mae_dollars: the mean of |prediction - price| over the validation houses, times 100,000.'
        raise AssertionError(message)
