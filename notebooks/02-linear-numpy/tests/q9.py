# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q9'
points = 2

@test_case(points=None, hidden=False)
def test_gradient_check_on_the_houses(num_grad_w, num_grad_b, check_error, exact_w, exact_b):
    import os
    import numpy as np
    import pandas as pd
    paths = ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv')
    ames = pd.read_csv(next((p for p in paths if os.path.exists(p)), paths[0]))
    raw = ames[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    idx = np.random.RandomState(42).permutation(len(raw))
    X = raw[idx[586:]]
    X = (X - X.mean(axis=0)) / X.std(axis=0)
    y = ames['Sale_Price'].to_numpy(dtype=float)[idx[586:]] / 100000
    rng = np.random.default_rng(0)
    w = rng.normal(size=3)
    b = float(rng.normal())
    r = X @ w + b - y
    true_w, true_b = (2 / len(y) * X.T @ r, 2 / len(y) * r.sum())
    for name, value in [('num_grad_w', num_grad_w), ('num_grad_b', num_grad_b), ('check_error', check_error)]:
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank: compute it with your functions of question 8.'
            raise AssertionError(message)
    try:
        gw, gb = (np.asarray(num_grad_w, dtype=float), np.asarray(num_grad_b, dtype=float))
        error = np.asarray(check_error, dtype=float)
    except (TypeError, ValueError):
        message = 'num_grad_w, num_grad_b and check_error should hold numbers.'
        raise AssertionError(message) from None
    ok = gw.shape == (3,)
    if not ok:
        message = f'num_grad_w should hold one slope per weight, shape (3,); got shape {gw.shape}.'
        raise AssertionError(message)
    ok = gb.size == 1
    if not ok:
        message = f'num_grad_b should be one number (the slope along b); got shape {gb.shape}.'
        raise AssertionError(message)
    ok = exact_w is not ... and exact_w is not None and (exact_b is not ...) and (exact_b is not None)
    if not ok:
        message = 'exact_w and exact_b are not there yet: answer question 7 (mse_gradient), then run this cell again.'
        raise AssertionError(message)
    try:
        exact = np.append(np.ravel(np.asarray(exact_w, dtype=float)), np.ravel(np.asarray(exact_b, dtype=float)))
    except (TypeError, ValueError):
        exact = None
    ok = exact is not None and exact.shape == (4,)
    if not ok:
        message = "exact_w and exact_b should be mse_gradient's numbers at the check point (3 weights, 1 intercept): answer question 7, then run this cell again."
        raise AssertionError(message)
    numeric = np.append(gw, gb.ravel())
    if np.array_equal(exact, numeric):
        message = "num_grad_w and num_grad_b are mse_gradient's own numbers: compute them with numerical_gradient (f_w at w_check, f_b at [b_check]), so that the check compares two different ways."
        raise AssertionError(message)
    ok = np.allclose(gw, true_w, rtol=0.0001, atol=1e-06)
    if not ok:
        message = 'num_grad_w should be numerical_gradient(f_w, w_check): the slopes of the training MSE along each weight.'
        raise AssertionError(message)
    ok = bool(np.isclose(gb.ravel()[0], true_b, rtol=0.0001, atol=1e-06))
    if not ok:
        message = 'num_grad_b should be the slope along b: numerical_gradient(f_b, np.array([b_check])), its one entry.'
        raise AssertionError(message)
    ok = error.shape == () and bool(np.isfinite(error))
    if not ok:
        message = 'check_error should be one finite number: relative_error of the two gradients, all four numbers of each.'
        raise AssertionError(message)
    error = float(error)
    if error == 0.0:
        message = "check_error is 0: it should compare mse_gradient's numbers with the numerical ones, not a gradient with itself."
        raise AssertionError(message)
    if bool(np.all(np.isfinite(exact))):
        with np.errstate(all='ignore'):
            own = float(np.max(np.abs(exact - numeric) / np.maximum(np.abs(exact) + np.abs(numeric), 1e-08)))
        if own < 1e-06 and error >= 1e-06:
            message = f'check_error is {error:.2g}, but your two gradients agree to {own:.0e}: compare all four numbers, np.append(exact_w, exact_b) against np.append(num_grad_w, num_grad_b), with relative_error.'
            raise AssertionError(message)
        if own >= 1e-06 and error < 1e-06:
            message = "check_error says the gradients agree, but mse_gradient's numbers differ from the numerical ones: compare all four numbers, np.append(exact_w, exact_b) against np.append(num_grad_w, num_grad_b)."
            raise AssertionError(message)
