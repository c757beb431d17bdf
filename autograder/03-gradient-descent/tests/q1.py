# Generated from source/03-gradient-descent.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q1'
points = 4

@test_case(points=None, hidden=False)
def test_gradient_descent_examples(gradient_descent):
    import numpy as np
    if not callable(gradient_descent):
        message = 'gradient_descent should be a function: def gradient_descent(X, y, lr, steps)'
        raise AssertionError(message)
    examples = [(np.array([[1.0], [2.0], [3.0]]), np.array([2.0, 4.0, 6.0]), 0.1, 3), (np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, -1.0]]), np.array([1.0, 2.0, 3.0, 0.5]), 0.05, 5), (np.array([[1.0], [2.0], [3.0]]), np.array([2.0, 4.0, 6.0]), 0.1, 60)]
    for X, y, lr, steps in examples:
        n, f = X.shape
        copies = (X.copy(), y.copy())

        def reference(w, b, X=X, y=y, lr=lr, steps=steps, n=n):
            losses = []
            for _ in range(steps):
                r = X @ w + b - y
                losses.append(np.mean(r ** 2))
                w, b = (w - lr * 2 / n * X.T @ r, b - lr * 2 / n * r.sum())
            return (w, b, np.array(losses + [np.mean((X @ w + b - y) ** 2)]))
        want_w, want_b, losses = reference(np.zeros(f), 0.0)
        try:
            out = gradient_descent(X, y, lr, steps)
        except Exception as e:
            message = f'gradient_descent raised {type(e).__name__} on an X of shape ({n}, {f}): {e} (does it start from w = np.zeros(X.shape[1]), not a fixed size, and use its own arguments X, y, lr and steps, not X_train and y_train?)'
            raise AssertionError(message) from None
        ok = out is not None
        if not ok:
            message = 'gradient_descent returned None: write its body (still `...`?) and end it with `return w, b, history`.'
            raise AssertionError(message)
        ok = np.array_equal(X, copies[0]) and np.array_equal(y, copies[1])
        if not ok:
            message = 'gradient_descent changed X or y in place: compute new arrays instead.'
            raise AssertionError(message)
        ok = isinstance(out, (tuple, list)) and len(out) == 3
        if not ok:
            message = 'gradient_descent should return three things: return w, b, history.'
            raise AssertionError(message)
        try:
            w, b = (np.asarray(out[0], dtype=float), np.asarray(out[1], dtype=float))
            h = np.asarray(out[2], dtype=float).ravel()
        except (TypeError, ValueError):
            message = 'gradient_descent should return w, b and history as numbers and arrays.'
            raise AssertionError(message) from None
        if np.ndim(out[0]) == 2 and w.size == f * n > f or b.size > 1:
            message = "gradient_descent's w or b grew to n times its size: an (n, 1) prediction minus (n,) targets broadcasts to an (n, n) matrix. Keep w 1-D (or make y a column too)."
            raise AssertionError(message)
        ok = w.size == f and b.size == 1
        if not ok:
            message = f"With {f} feature(s), w should hold {f} weight(s) and b one number; got shapes {w.shape}, {b.shape}. Start from w = np.zeros(X.shape[1]) and use the function's own arguments X and y, not X_train and y_train."
            raise AssertionError(message)
        stopped = 1 <= len(h) < steps and any((np.allclose(h, ref[:len(h)]) for ref in (losses, losses[1:])))
        if stopped:
            message = f'gradient_descent stopped after {len(h)} of its {steps} steps: do all `steps` updates, even once the loss hardly changes any more (for _ in range(steps), with no break).'
            raise AssertionError(message)
        ok = len(h) in (steps, steps + 1)
        if not ok:
            message = f'history should hold one loss per step ({steps} steps here); it has {len(h)} entries.'
            raise AssertionError(message)
        if np.all(np.isfinite(h)) and len(h) > 1 and (h[-1] > h[0]):
            message = 'The loss goes UP during training: each update should SUBTRACT lr times the gradient from the current w and b (w = w - lr * grad_w).'
            raise AssertionError(message)
        w, b = (w.ravel(), float(b.ravel()[0]))
        if b == 0.0 and abs(want_b) > 1e-06:
            message = 'b never changes: update the intercept too, b = b - lr * grad_b.'
            raise AssertionError(message)
        from_ones = reference(np.ones(f), 1.0)
        if np.allclose(w, from_ones[0]) and np.isclose(b, from_ones[1]):
            message = 'gradient_descent should start from zeros: w = np.zeros(X.shape[1]), b = 0.'
            raise AssertionError(message)
        ok = np.allclose(w, want_w) and bool(np.isclose(b, want_b))
        if not ok:
            message = f'gradient_descent(X, y, {lr}, {steps}) with X = {X.tolist()} and y = {y.tolist()} ends at w = {np.round(w, 4).tolist()}, b = {b:.4f}; it should end at w = {np.round(want_w, 4).tolist()}, b = {want_b:.4f}. Start from zeros, use the lr and steps it is given, and do exactly `steps` updates w = w - lr * grad_w, b = b - lr * grad_b.'
            raise AssertionError(message)
        ok = any((len(h) == len(ref) and np.allclose(h, ref) for ref in (losses[:-1], losses[1:], losses)))
        if not ok:
            message = 'history should hold the training MSE at each step (before or after each update).'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_gradient_descent_random(gradient_descent):
    import numpy as np
    if not callable(gradient_descent):
        message = 'gradient_descent should be a function: def gradient_descent(X, y, lr, steps)'
        raise AssertionError(message)
    rng = np.random.default_rng(208)
    for n, f, lr, steps, dtype in [(30, 3, 0.1, 25, float), (12, 1, 0.05, 40, float), (50, 5, 0.2, 10, float), (20, 2, 0.1, 15, np.float32)]:
        X = rng.normal(size=(n, f))
        y = X @ rng.normal(size=f) + 0.7 + 0.1 * rng.normal(size=n)
        X, y = (X.astype(dtype), y.astype(dtype))
        copies = (X.copy(), y.copy())
        Xf, yf = (X.astype(float), y.astype(float))
        w, b = (np.zeros(f), 0.0)
        losses = []
        for _ in range(steps):
            r = Xf @ w + b - yf
            losses.append(np.mean(r ** 2))
            w, b = (w - lr * 2 / n * Xf.T @ r, b - lr * 2 / n * r.sum())
        losses.append(np.mean((Xf @ w + b - yf) ** 2))
        losses = np.array(losses)
        try:
            got_w, got_b, history = gradient_descent(X, y, lr, steps)
            got_w, got_b = (np.asarray(got_w, dtype=float), np.asarray(got_b, dtype=float))
            h = np.asarray(history, dtype=float).ravel()
        except Exception as e:
            message = f'gradient_descent failed on X of shape ({n}, {f}) ({type(e).__name__}: {e}): it should return w, b, history.'
            raise AssertionError(message) from None
        ok = np.array_equal(X, copies[0]) and np.array_equal(y, copies[1])
        if not ok:
            message = 'gradient_descent changed X or y in place: compute new arrays instead.'
            raise AssertionError(message)
        if got_w.ndim == 2 and got_w.size == f * n > f or got_b.size > 1:
            message = "gradient_descent's w or b grew to n times its size: an (n, 1) prediction minus (n,) targets broadcasts to an (n, n) matrix. Keep w 1-D (or make y a column too)."
            raise AssertionError(message)
        ok = got_w.size == f and got_b.size == 1
        if not ok:
            message = f'gradient_descent should return w with {f} weights and b as one number: start from w = np.zeros(X.shape[1]) and use its own arguments X and y, not X_train and y_train.'
            raise AssertionError(message)
        got_w, got_b = (got_w.ravel(), float(got_b.ravel()[0]))
        stopped = 1 <= len(h) < steps and any((np.allclose(h, ref[:len(h)], rtol=0.001, atol=1e-08) for ref in (losses, losses[1:])))
        if stopped:
            message = f'gradient_descent stopped after {len(h)} of its {steps} steps: do all `steps` updates, even once the loss hardly changes any more (no break).'
            raise AssertionError(message)
        ok = len(h) in (steps, steps + 1)
        if not ok:
            message = f'history should hold one loss per step ({steps} steps); it has {len(h)} entries.'
            raise AssertionError(message)
        if np.all(np.isfinite(h)) and h[-1] > h[0] * 1.01:
            message = 'The loss goes UP during training: each update should SUBTRACT lr times the gradient from the current w and b (w = w - lr * grad_w).'
            raise AssertionError(message)
        tol = 0.001 if dtype is np.float32 else 0.0001
        ok = np.allclose(got_w, w, rtol=tol, atol=tol / 100) and bool(np.isclose(got_b, b, rtol=tol, atol=tol / 100))
        if not ok:
            message = f'gradient_descent ends at the wrong w and b ({steps} steps, lr={lr}, X of shape ({n}, {f})): start from zeros, and do exactly `steps` updates w -= lr * grad_w, b -= lr * grad_b.'
            raise AssertionError(message)
        ok = any((len(h) == len(ref) and np.allclose(h, ref, rtol=tol, atol=1e-08) for ref in (losses[:-1], losses[1:], losses)))
        if not ok:
            message = 'history should hold the training MSE at each step (before or after each update).'
            raise AssertionError(message)
