# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q7"
points = 4

@test_case(points=None, hidden=False)
def test_gradient_descent_worked_case(gradient_descent):
    import numpy as np
    assert callable(gradient_descent), 'gradient_descent should be a function: def gradient_descent(X, y, lr, steps)'
    try:
        out = gradient_descent(np.array([[1.0], [2.0], [3.0]]), np.array([2.0, 4.0, 6.0]), 0.1, 3)
    except Exception as e:
        raise AssertionError(f'gradient_descent raised {type(e).__name__}: {e}') from None
    ok = isinstance(out, (tuple, list)) and len(out) == 3
    assert ok, 'gradient_descent should return three things: return w, b, history.'
    w, b, history = out
    ok = np.asarray(w).size == 1 and np.asarray(b).size == 1
    assert ok, 'With one feature, w should hold 1 weight and b one number.'
    ok = len(history) in (3, 4)
    assert ok, f'history should hold one loss per step (3 steps here); it has {len(history)} entries.'

@test_case(points=None, hidden=True)
def test_gradient_descent_random(gradient_descent):
    import numpy as np
    rng = np.random.default_rng(208)
    for n, f, lr, steps in [(30, 3, 0.1, 25), (12, 1, 0.05, 40), (50, 5, 0.2, 10)]:
        X = rng.normal(size=(n, f))
        y = X @ rng.normal(size=f) + 0.7 + 0.1 * rng.normal(size=n)
        copies = (X.copy(), y.copy())
        w, b = (np.zeros(f), 0.0)
        losses = []
        for _ in range(steps):
            r = X @ w + b - y
            losses.append(np.mean(r ** 2))
            w, b = (w - lr * 2 / n * X.T @ r, b - lr * 2 / n * r.sum())
        losses.append(np.mean((X @ w + b - y) ** 2))
        losses = np.array(losses)
        try:
            got_w, got_b, history = gradient_descent(X, y, lr, steps)
        except Exception as e:
            raise AssertionError(f'gradient_descent raised {type(e).__name__} on X of shape ({n}, {f}): {e}') from None
        ok = np.array_equal(X, copies[0]) and np.array_equal(y, copies[1])
        assert ok, 'gradient_descent changed X or y in place: compute new arrays instead.'
        got_w = np.asarray(got_w, dtype=float)
        if got_w.size == f * n or np.asarray(got_b).size > 1:
            raise AssertionError("gradient_descent's w or b grew to n times its size: an (n, 1) prediction minus (n,) targets broadcasts to an (n, n) matrix. Keep w 1-D (or make y a column too).")
        ok = got_w.size == f and np.asarray(got_b).size == 1
        assert ok, f'gradient_descent should return w with {f} weights and b as one number.'
        got_w, got_b = (got_w.ravel(), float(np.asarray(got_b, dtype=float).ravel()[0]))
        h = np.asarray(history, dtype=float).ravel()
        ok = len(h) in (steps, steps + 1)
        assert ok, f'history should hold one loss per step ({steps} steps); it has {len(h)} entries.'
        if np.all(np.isfinite(h)) and h[-1] > h[0] * 1.01:
            raise AssertionError('The loss goes UP during training: the update should SUBTRACT lr times the gradient.')
        ok = np.allclose(got_w, w, rtol=0.0001, atol=1e-06) and bool(np.isclose(got_b, b, rtol=0.0001, atol=1e-06))
        assert ok, f'gradient_descent ends at the wrong w and b ({steps} steps, lr={lr}, X of shape ({n}, {f})): start from zeros, and do exactly `steps` updates w -= lr * grad_w, b -= lr * grad_b.'
        ok = any((len(h) == len(ref) and np.allclose(h, ref, rtol=0.0001, atol=1e-08) for ref in (losses[:-1], losses[1:], losses)))
        assert ok, 'history should hold the training MSE at each step (before or after each update).'

