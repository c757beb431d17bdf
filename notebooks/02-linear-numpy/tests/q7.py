# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q7'
points = 4

@test_case(points=None, hidden=False)
def test_gradient_examples(mse_gradient):
    import numpy as np
    if not callable(mse_gradient):
        message = 'mse_gradient should be a function: def mse_gradient(X, y, w, b): ...'
        raise AssertionError(message)
    examples = [(np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]]), np.array([1.0, 2.0, 3.0]), np.zeros(2), 0.0), (np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0]]), np.array([1.0, 2.0, 3.0, 0.0]), np.array([1.0, -1.0]), 0.5)]
    for X, y, w, b in examples:
        n, f = X.shape
        copies = [a.copy() for a in (X, y, w)]
        try:
            out = mse_gradient(X, y, w, b)
        except Exception as e:
            hint = ''
            if 'matmul' in str(e):
                try:
                    mse_gradient(np.eye(f), np.ones(f), w.copy(), b)
                    hint = ' grad_w is X.T @ r: the transpose X.T (shape (f, n)) times the n residuals.'
                except Exception:
                    hint = ' Here X has as many columns as w has weights, so mse_gradient does not use its own arguments: compute with X, y, w and b, not X_train, y_train or other names from the notebook.'
            message = f'mse_gradient raised {type(e).__name__} on {n} houses: {e}.{hint}'
            raise AssertionError(message) from None
        ok = out is not None
        if not ok:
            message = 'mse_gradient returned None: write its body (still `...`?) and end it with `return grad_w, grad_b`.'
            raise AssertionError(message)
        ok = all((np.array_equal(a, c) for a, c in zip((X, y, w), copies)))
        if not ok:
            message = 'mse_gradient changed X, y or w in place: compute new arrays instead.'
            raise AssertionError(message)
        ok = isinstance(out, (tuple, list)) and len(out) == 2
        if not ok:
            message = 'mse_gradient should return a pair: return grad_w, grad_b.'
            raise AssertionError(message)
        try:
            gw, gb = (np.asarray(out[0], dtype=float), np.asarray(out[1], dtype=float))
        except (TypeError, ValueError):
            message = 'mse_gradient should return two arrays of numbers, grad_w and grad_b.'
            raise AssertionError(message) from None
        if gw.size == 1 and gb.size == f:
            message = 'mse_gradient returned (grad_b, grad_w): return grad_w first, then grad_b.'
            raise AssertionError(message)
        if gw.size == f * n:
            message = 'grad_w has n times too many entries: the residuals became an (n, n) matrix, because an (n, 1) prediction minus (n,) targets broadcasts. Keep w and the predictions 1-D.'
            raise AssertionError(message)
        if gw.size == n and n != f:
            message = 'grad_w has one entry per house: it needs one per feature, X.T @ r (shape (f,)).'
            raise AssertionError(message)
        ok = gw.size == f and gw.shape in [(f,), (f, 1)]
        if not ok:
            message = f'grad_w should have one entry per feature, shape ({f},); got shape {gw.shape}.'
            raise AssertionError(message)
        ok = gb.size == 1
        if not ok:
            message = f'grad_b should be a single number; got shape {gb.shape}.'
            raise AssertionError(message)
        gw, gb = (gw.ravel(), float(gb.ravel()[0]))
        r = X @ w + b - y
        want_w, want_b = (2 / n * X.T @ r, 2 / n * r.sum())
        hints = [(-1.0, 'mse_gradient has the wrong sign: with r = prediction - y, the gradient is +2/n X.T @ r (gradient descent then SUBTRACTS it).'), (0.5, 'mse_gradient is missing the factor 2 (from differentiating the square).'), (n / 1.0, 'mse_gradient is missing the 1/n: the MSE is a mean, so its gradient is divided by n.'), (n / 2.0, 'mse_gradient is missing both the factor 2 and the 1/n.'), (-0.5, 'mse_gradient has the wrong sign and is missing the factor 2.'), (-1.0 * n, 'mse_gradient has the wrong sign and is missing the 1/n.')]
        for factor, message in hints:
            if np.allclose(gw, factor * want_w) and np.isclose(gb, factor * want_b):
                raise AssertionError(message)
        r_no_b = X @ w - y
        if b != 0 and np.allclose(gw, 2 / n * X.T @ r_no_b) and np.isclose(gb, 2 / n * r_no_b.sum()):
            message = 'mse_gradient left b out of the residuals: r = X @ w + b - y.'
            raise AssertionError(message)
        if not np.allclose(gw, want_w) and np.allclose(gw, 2 / n * X.T @ y):
            message = 'grad_w used y instead of the residuals: 2/n * X.T @ (X @ w + b - y).'
            raise AssertionError(message)
        example = f'X = {X.tolist()}, y = {y.tolist()}, w = {w.tolist()}, b = {b}'
        ok = np.allclose(gw, want_w)
        if not ok:
            message = f'On the example {example}, grad_w should be {np.round(want_w, 4).tolist()} (2/n * X.T @ r, with r = X @ w + b - y = {r.tolist()}); got {np.round(gw, 4).tolist()}.'
            raise AssertionError(message)
        if np.isclose(gb, want_b / n):
            message = 'grad_b is divided by n twice: 2/n times the SUM of the residuals (or 2 * their mean).'
            raise AssertionError(message)
        if np.isclose(gb, want_b / 2):
            message = 'grad_b is missing the factor 2: 2/n times the sum of the residuals.'
            raise AssertionError(message)
        ok = bool(np.isclose(gb, want_b))
        if not ok:
            message = f'On the example {example}, grad_b should be {want_b:.4g} (2/n times the sum of the residuals r = {r.tolist()}); got {gb:.4g}.'
            raise AssertionError(message)
