# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q9"
points = 3

@test_case(points=None, hidden=False)
def test_closed_form_form(w_closed, b_closed, closed_train_mse, valid_mae_dollars):
    import numpy as np
    ok = w_closed is not None and w_closed is not ... and (np.size(w_closed) == 3)
    assert ok, 'w_closed should hold the 3 feature weights (the first 3 numbers lstsq returns).'
    for name, value in [('b_closed', b_closed), ('closed_train_mse', closed_train_mse), ('valid_mae_dollars', valid_mae_dollars)]:
        ok = value is not None and value is not ... and (np.size(value) == 1)
        assert ok, f'{name} should be a single number.'

@test_case(points=None, hidden=True)
def test_closed_form_values(w_closed, b_closed, closed_train_mse, valid_mae_dollars, df):
    import numpy as np
    raw = df[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    y = df['Sale_Price'].to_numpy(dtype=float) / 100000
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    mean, std = (raw[tr].mean(axis=0), raw[tr].std(axis=0))
    Xt, Xv = ((raw[tr] - mean) / std, (raw[va] - mean) / std)
    theta = np.linalg.lstsq(np.column_stack([Xt, np.ones(len(Xt))]), y[tr], rcond=None)[0]
    w, b = (theta[:3], theta[3])
    ok = np.allclose(np.asarray(w_closed, dtype=float).ravel(), w, rtol=0.001, atol=0.0001)
    assert ok, 'w_closed should be the first 3 numbers of lstsq on [X_train, 1] and y_train.'
    ok = bool(np.isclose(float(np.ravel(b_closed)[0]), b, rtol=0.001))
    assert ok, 'b_closed should be the last number of lstsq on [X_train, 1] (the weight of the column of ones).'
    ok = bool(np.isclose(float(np.ravel(closed_train_mse)[0]), np.mean((Xt @ w + b - y[tr]) ** 2), rtol=0.001))
    assert ok, 'closed_train_mse should be the MSE of the closed-form model on the TRAINING set.'
    r_valid = Xv @ w + b - y[va]
    r_train = Xt @ w + b - y[tr]
    got = float(np.ravel(valid_mae_dollars)[0])
    hints = [(np.mean(np.abs(r_valid)), 'valid_mae_dollars is in units of $100k: multiply by 100,000 to get dollars.'), (np.mean(r_valid ** 2) * 100000.0, 'valid_mae_dollars is the MSE, not the MAE: average the ABSOLUTE errors.'), (np.mean(r_valid ** 2) * 10000000000.0, 'valid_mae_dollars is the MSE, not the MAE: average the ABSOLUTE errors.'), (np.mean(r_valid ** 2), 'valid_mae_dollars is the MSE, not the MAE: average the ABSOLUTE errors, in dollars.'), (np.sqrt(np.mean(r_valid ** 2)) * 100000.0, 'valid_mae_dollars is the RMSE: average the ABSOLUTE errors instead.'), (np.mean(np.abs(r_train)) * 100000.0, 'valid_mae_dollars was measured on the TRAINING set: use the validation set.')]
    for value, message in hints:
        if bool(np.isclose(got, value, rtol=0.002)):
            raise AssertionError(message)
    ok = bool(np.isclose(got, np.mean(np.abs(r_valid)) * 100000.0, rtol=0.002))
    assert ok, 'valid_mae_dollars: the mean of |prediction - price| over the validation houses, times 100,000.'

