# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 4

@test_case(points=None, hidden=False)
def test_gradient_worked_case(mse_gradient):
    import numpy as np
    assert callable(mse_gradient), 'mse_gradient should be a function: def mse_gradient(X, y, w, b): ...'
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([1.0, 2.0, 3.0])
    try:
        out = mse_gradient(X, y, np.zeros(2), 0.0)
    except Exception as e:
        raise AssertionError(f'mse_gradient raised {type(e).__name__}: {e}') from None
    ok = isinstance(out, (tuple, list)) and len(out) == 2
    assert ok, 'mse_gradient should return a pair: return grad_w, grad_b.'
    grad_w, grad_b = (np.asarray(out[0], dtype=float), np.asarray(out[1], dtype=float))
    ok = grad_w.size == 2 and grad_w.shape in [(2,), (2, 1)]
    assert ok, f'grad_w should have one entry per feature, shape (2,); got {grad_w.shape}.'
    ok = grad_b.size == 1
    assert ok, f'grad_b should be a single number; got shape {grad_b.shape}.'
    ok = np.allclose(grad_w.ravel(), [-8 / 3, -10 / 3]) and bool(np.isclose(float(grad_b.ravel()[0]), -4.0))
    assert ok, 'On this tiny example grad_w should be [-8/3, -10/3] and grad_b should be -4 (work it out on paper).'

@test_case(points=None, hidden=True)
def test_gradient_random(mse_gradient):
    import numpy as np
    rng = np.random.default_rng(206)
    for n, f in [(3, 1), (7, 3), (40, 5), (13, 2)]:
        X = rng.normal(size=(n, f))
        y = rng.normal(size=n)
        w = rng.normal(size=f)
        b = float(rng.normal())
        copies = [a.copy() for a in (X, y, w)]
        try:
            grad_w, grad_b = mse_gradient(X, y, w, b)
        except Exception as e:
            raise AssertionError(f'mse_gradient raised {type(e).__name__} on X of shape ({n}, {f}): {e}') from None
        ok = all((np.array_equal(a, c) for a, c in zip((X, y, w), copies)))
        assert ok, 'mse_gradient changed X, y or w in place: compute new arrays instead.'
        gw = np.asarray(grad_w, dtype=float)
        gb = np.asarray(grad_b, dtype=float)
        if gw.size == f * n and n > 1:
            raise AssertionError('grad_w has n times too many entries: the residuals became an (n, n) matrix, because an (n, 1) prediction minus (n,) targets broadcasts. Keep w and the predictions 1-D.')
        ok = gw.size == f and gb.size == 1
        assert ok, f'grad_w should have shape ({f},) and grad_b one number; got {gw.shape} and {gb.shape}.'
        gw, gb = (gw.ravel(), float(gb.ravel()[0]))
        r = X @ w + b - y
        want_w, want_b = (2 / n * X.T @ r, 2 / n * r.sum())
        hints = [(-1.0, 'mse_gradient has the wrong sign: with r = prediction - y, the gradient is +2/n X.T @ r (gradient descent then SUBTRACTS it).'), (0.5, 'mse_gradient is missing the factor 2 (from differentiating the square).'), (n / 1.0, 'mse_gradient is missing the 1/n: the MSE is a mean, so its gradient is divided by n.'), (n / 2.0, 'mse_gradient is missing both the factor 2 and the 1/n.'), (-0.5, 'mse_gradient has the wrong sign and is missing the factor 2.'), (-1.0 * n, 'mse_gradient has the wrong sign and is missing the 1/n.')]
        for factor, message in hints:
            if np.allclose(gw, factor * want_w, rtol=0.0001) and bool(np.isclose(gb, factor * want_b, rtol=0.0001)):
                raise AssertionError(message)
        ok = np.allclose(gw, want_w, rtol=0.0001, atol=1e-07)
        assert ok, f'grad_w is wrong on a random X of shape ({n}, {f}): 2/n * X.T @ (X @ w + b - y).'
        ok = bool(np.isclose(gb, want_b, rtol=0.0001, atol=1e-07))
        assert ok, 'grad_b is wrong on random inputs: 2/n times the SUM of the residuals (X @ w + b - y).'

@test_case(points=None, hidden=True)
def test_gradient_matches_finite_differences(mse_gradient):
    import numpy as np
    rng = np.random.default_rng(207)
    n, f = (11, 4)
    X = rng.normal(size=(n, f))
    y = rng.normal(size=n)
    w = rng.normal(size=f)
    b = float(rng.normal())

    def loss(w_, b_):
        return np.mean((X @ w_ + b_ - y) ** 2)
    eps = 1e-06
    num_w = np.array([(loss(w + eps * e, b) - loss(w - eps * e, b)) / (2 * eps) for e in np.eye(f)])
    num_b = (loss(w, b + eps) - loss(w, b - eps)) / (2 * eps)
    try:
        grad_w, grad_b = mse_gradient(X.astype(np.float32), y.astype(np.float32), w.astype(np.float32), np.float32(b))
    except Exception as e:
        raise AssertionError(f'mse_gradient raised {type(e).__name__} on float32 inputs: {e}') from None
    ok = np.allclose(np.asarray(grad_w, dtype=float).ravel(), num_w, rtol=0.001, atol=0.0001)
    ok = ok and bool(np.isclose(float(np.asarray(grad_b).ravel()[0]), num_b, rtol=0.001, atol=0.0001))
    assert ok, 'mse_gradient disagrees with the finite-difference gradient check (on float32 inputs).'

