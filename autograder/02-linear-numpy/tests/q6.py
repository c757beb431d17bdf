# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q6'
points = 4

@test_case(points=None, hidden=False)
def test_chain_rule_for_one_house(r_one, dr_dw, dr_db, dloss_dw_one, dloss_db_one):
    import numpy as np
    x, y, w, b = (np.array([2.0, -1.0]), 1.0, np.array([0.5, 1.0]), 0.25)
    r = x @ w + b - y
    values = {}
    for name, value, shape in [('r_one', r_one, ()), ('dr_dw', dr_dw, (2,)), ('dr_db', dr_db, ()), ('dloss_dw_one', dloss_dw_one, (2,)), ('dloss_db_one', dloss_db_one, ())]:
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank: work it out from step 1 of the text, with NumPy.'
            raise AssertionError(message)
        try:
            values[name] = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            message = f'{name} should hold numbers; got a {type(value).__name__}.'
            raise AssertionError(message) from None
        kind = 'a single number' if shape == () else 'one number per feature, shape (2,)'
        ok = values[name].shape == shape
        if not ok:
            message = f'{name} should be {kind}; got shape {values[name].shape}.'
            raise AssertionError(message)
    got = values['r_one']
    if np.isclose(got, -r):
        message = 'r_one has the wrong sign: the residual is the prediction minus the price.'
        raise AssertionError(message)
    if np.isclose(got, x @ w - y):
        message = 'r_one left out b_one: the prediction is x_one @ w_one + b_one.'
        raise AssertionError(message)
    ok = bool(np.isclose(got, r))
    if not ok:
        message = f'r_one should be the prediction x_one @ w_one + b_one = {x @ w + b} minus the price {y}; got {float(got)}.'
        raise AssertionError(message)
    got = values['dr_dw']
    if np.allclose(got, w):
        message = "dr_dw is w_one: when w[j] grows, r grows by x[j] times as much, so dr_dw is the house's features."
        raise AssertionError(message)
    if np.allclose(got, 2 * r * x):
        message = "dr_dw is already the loss's slope: dr_dw is the slope of r itself, before the chain rule."
        raise AssertionError(message)
    ok = np.allclose(got, x)
    if not ok:
        message = f'dr_dw should say how fast r grows with each weight: r = x[0] * w[0] + x[1] * w[1] + b - y; got {got.tolist()}.'
        raise AssertionError(message)
    got = values['dr_db']
    if np.isclose(got, 0.0):
        message = 'dr_db is 0: r = x @ w + b - y grows one for one with b, so its slope along b is 1.'
        raise AssertionError(message)
    if np.isclose(got, b):
        message = 'dr_db is b_one: the slope says how fast r grows with b, not what b is; r grows one for one with b.'
        raise AssertionError(message)
    ok = bool(np.isclose(got, 1.0))
    if not ok:
        message = f'dr_db should say how fast r grows with b: r = x @ w + b - y; got {float(got)}.'
        raise AssertionError(message)
    got, want = (values['dloss_dw_one'], 2 * r * x)
    hints = [(r * x, "dloss_dw_one is missing the 2: the square's own slope is 2 * r (the outer slope of the chain rule)."), (2 * x, "dloss_dw_one is missing r: the square's slope is 2 * r, times the inner slope dr_dw."), (-want, 'dloss_dw_one has the wrong sign: 2 * r * dr_dw with r the prediction minus the price.'), (2 * r * w, "dloss_dw_one used w_one: the chain rule multiplies 2 * r by dr_dw, the house's features."), (r ** 2 * x, 'dloss_dw_one used r ** 2: the slope of the square r ** 2 is 2 * r, not r ** 2.')]
    for wrong, message in hints:
        if np.allclose(got, wrong):
            raise AssertionError(message)
    ok = np.allclose(got, want)
    if not ok:
        message = f"dloss_dw_one should be the chain rule's product: 2 * r_one times dr_dw; got {got.tolist()}."
        raise AssertionError(message)
    got, want = (values['dloss_db_one'], 2 * r)
    hints = [(r, "dloss_db_one is missing the 2: the square's own slope is 2 * r."), (2.0, "dloss_db_one is missing r: the square's slope is 2 * r, times dr_db."), (-want, 'dloss_db_one has the wrong sign: 2 * r * dr_db with r the prediction minus the price.'), (2 * r * b, 'dloss_db_one used b_one: the chain rule multiplies 2 * r by dr_db, which is 1.')]
    for wrong, message in hints:
        if np.isclose(got, wrong):
            raise AssertionError(message)
    ok = bool(np.isclose(got, want))
    if not ok:
        message = f"dloss_db_one should be the chain rule's product: 2 * r_one times dr_db; got {float(got)}."
        raise AssertionError(message)

@test_case(points=None, hidden=False)
def test_mean_of_the_houses_gradients(per_house, grad_w_mean):
    import numpy as np
    X = np.array([[2.0, -1.0], [0.0, 1.0], [1.0, 3.0]])
    y, w, b = (np.array([1.0, 2.0, 0.0]), np.array([0.5, 1.0]), 0.25)
    r = X @ w + b - y
    want_rows = 2 * r[:, None] * X
    for name, value in [('per_house', per_house), ('grad_w_mean', grad_w_mean)]:
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank: work it out from step 2 of the text.'
            raise AssertionError(message)
    try:
        rows, mean = (np.asarray(per_house, dtype=float), np.asarray(grad_w_mean, dtype=float))
    except (TypeError, ValueError):
        message = 'per_house and grad_w_mean should be arrays of numbers.'
        raise AssertionError(message) from None
    if rows.shape == (2, 3):
        message = 'per_house is transposed: one ROW per house (3 rows), one column per feature.'
        raise AssertionError(message)
    ok = rows.shape == (3, 2)
    if not ok:
        message = f'per_house should have one row per house and one column per feature, shape (3, 2); got {rows.shape}.'
        raise AssertionError(message)
    hints = [(r[:, None] * X, 'per_house is missing the 2: each row is 2 * r_i * x_i, step 1 for house i.'), (2 * X, "per_house is missing the residuals: each row is 2 * r_i * x_i, with house i's own r_i."), (2 * r[0] * X, 'per_house used r_one for every house: each house has its own residual, r_three[i].'), (-want_rows, 'per_house has the wrong sign: r is the prediction minus the price, as in r_three.'), (np.tile(2 * r[:, None] * w, 1), "per_house used w_one: each row is 2 * r_i times house i's features, X_three[i].")]
    for wrong, message in hints:
        if np.allclose(rows, wrong):
            raise AssertionError(message)
    ok = np.allclose(rows, want_rows)
    if not ok:
        message = f"per_house row i should be house i's dloss/dw, 2 * r_three[i] * X_three[i]; got {rows.tolist()}."
        raise AssertionError(message)
    if mean.shape == ():
        message = 'grad_w_mean is one number: it needs one slope per feature, the mean DOWN the rows (axis=0).'
        raise AssertionError(message)
    if mean.shape == (3,):
        message = 'grad_w_mean has one number per house: average over the houses, down the rows (axis=0).'
        raise AssertionError(message)
    ok = mean.shape == (2,)
    if not ok:
        message = f'grad_w_mean should hold one slope per feature, shape (2,); got {mean.shape}.'
        raise AssertionError(message)
    if np.allclose(mean, want_rows.sum(axis=0)):
        message = 'grad_w_mean is the sum of the rows: the MSE is a MEAN of the losses, so take the mean.'
        raise AssertionError(message)
    ok = np.allclose(mean, want_rows.mean(axis=0))
    if not ok:
        message = f'grad_w_mean should be the mean of the rows of per_house (axis=0); got {mean.tolist()}.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_derivation_values(r_one, dr_dw, dr_db, dloss_dw_one, dloss_db_one, per_house, grad_w_mean):
    import numpy as np
    x, y, w, b = (np.array([2.0, -1.0]), 1.0, np.array([0.5, 1.0]), 0.25)
    X, ys = (np.array([[2.0, -1.0], [0.0, 1.0], [1.0, 3.0]]), np.array([1.0, 2.0, 0.0]))
    r, rs = (x @ w + b - y, X @ w + b - ys)
    wanted = [('r_one', r_one, r), ('dr_dw', dr_dw, x), ('dr_db', dr_db, 1.0), ('dloss_dw_one', dloss_dw_one, 2 * r * x), ('dloss_db_one', dloss_db_one, 2 * r), ('per_house', per_house, 2 * rs[:, None] * X), ('grad_w_mean', grad_w_mean, 2 / 3 * X.T @ rs)]
    for name, value, want in wanted:
        try:
            got = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            message = f'{name} should hold numbers.'
            raise AssertionError(message) from None
        ok = got.shape == np.shape(want) and bool(np.all(np.isfinite(got))) and np.allclose(got, want)
        if not ok:
            message = f'{name} does not follow the steps of the text (its public check says how).'
            raise AssertionError(message)
