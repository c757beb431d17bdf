# Generated from source/03-logistic-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3

@test_case(points=None, hidden=False)
def test_train_binary_example(train_binary):
    import numpy as np

    def reference(X, t, lr, steps, w, b):
        losses = []
        for _ in range(steps):
            p = 1 / (1 + np.exp(-(X @ w + b)))
            losses.append(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))
            w, b = (w - lr * X.T @ (p - t) / len(t), b - lr * np.mean(p - t))
        p = 1 / (1 + np.exp(-(X @ w + b)))
        return (w, b, np.array(losses + [-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))]))
    ok = callable(train_binary)
    assert ok, 'train_binary should be a function: def train_binary(X, t, lr, steps): ...'
    examples = [(np.array([[2.0], [1.0], [-1.0], [0.0], [-2.0]]), np.array([1.0, 1.0, 0.0, 1.0, 0.0]), 0.2, 6), (np.array([[1.0, 0.5], [-1.0, 0.0], [0.5, -1.0], [-0.5, 1.5]]), np.array([1.0, 0.0, 1.0, 0.0]), 0.5, 4)]
    for X, t, lr, steps in examples:
        n, f = X.shape
        copies = (X.copy(), t.copy())
        want_w, want_b, losses = reference(X, t, lr, steps, np.zeros(f), 0.0)
        try:
            out = train_binary(X, t, lr, steps)
        except Exception as e:
            if type(e).__name__ == 'TypeError' and 'data type' in str(e):
                hint = 'np.zeros takes the shape first and a dtype second: w = np.zeros(X.shape[1]), b = 0.0'
            elif 'matmul' in str(e) or 'broadcast' in str(e):
                hint = 'a shape error: does w hold one weight per column of X, np.zeros(X.shape[1])? And does it use its own arguments X and t, not X_train and t_train?'
            else:
                hint = 'does it use its own arguments X, t, lr and steps, not X_train and t_train?'
            raise AssertionError(f'train_binary raised {type(e).__name__} on an X of shape ({n}, {f}): {str(e).strip()} ({hint})') from None
        ok = out is not None
        assert ok, 'train_binary returned None: write its body (still `...`?) and end it with `return w, b, history`.'
        ok = np.array_equal(X, copies[0]) and np.array_equal(t, copies[1])
        assert ok, 'train_binary changed X or t in place: compute new arrays instead.'
        ok = isinstance(out, (tuple, list)) and len(out) == 3
        assert ok, 'train_binary should return three things: return w, b, history.'
        try:
            w, b = (np.asarray(out[0], dtype=float).ravel(), np.asarray(out[1], dtype=float).ravel())
            h = np.asarray(out[2], dtype=float).ravel()
        except (TypeError, ValueError):
            raise AssertionError('train_binary should return w, b and history as numbers and arrays.') from None
        ok = w.size == f and b.size == 1
        assert ok, f'With {f} feature(s), w should hold {f} weight(s) and b one number; got shapes {w.shape}, {b.shape}.'
        if np.ndim(out[2]) == 0:
            raise AssertionError('history is a single number: start it as a list, history = [], and append one loss per step.')
        ok = len(h) in (steps, steps + 1)
        count = '1 entry (is `return` indented inside the for loop?)' if len(h) == 1 else f'{len(h)} entries'
        assert ok, f'history should hold one loss per step ({steps} steps here); it has {count}.'
        if np.all(np.isfinite(h)) and h[-1] > h[0]:
            raise AssertionError('The loss goes UP during training: each step should SUBTRACT lr times the gradient (w = w - lr * grad_w).')
        b = float(b[0])
        if b == 0.0 and abs(want_b) > 1e-06:
            raise AssertionError('b never changes: update the bias too, b = b - lr * grad_b.')
        if np.all(w == 0) and (not np.allclose(want_w, 0)):
            raise AssertionError('w never changes: update the weights too, w = w - lr * grad_w.')
        from_ones = reference(X, t, lr, steps, np.ones(f), 1.0)
        if np.allclose(w, from_ones[0]) and np.isclose(b, from_ones[1]):
            raise AssertionError('train_binary should start from zeros: w = np.zeros(X.shape[1]), b = 0.')
        ok = np.allclose(w, want_w) and bool(np.isclose(b, want_b))
        assert ok, f'train_binary ends at the wrong w and b on this example ({n} houses, lr={lr}, {steps} steps): start from zeros, use the lr and steps it is given, and do exactly `steps` updates w = w - lr * grad_w, b = b - lr * grad_b.'
        if len(h) == steps and np.allclose(h, losses[:-1] / np.log(10)):
            raise AssertionError('history holds the loss in log10: record bce(sigmoid(X @ w + b), t).')
        ok = any((len(h) == len(ref) and np.allclose(h, ref) for ref in (losses[:-1], losses[1:], losses)))
        assert ok, 'history should hold the training loss bce(sigmoid(X @ w + b), t) at each step (first value: log 2).'

@test_case(points=None, hidden=True)
def test_train_binary_fresh_inputs(train_binary):
    import numpy as np

    def reference(X, t, lr, steps, w, b):
        losses = []
        for _ in range(steps):
            p = 1 / (1 + np.exp(-(X @ w + b)))
            losses.append(-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)))
            w, b = (w - lr * X.T @ (p - t) / len(t), b - lr * np.mean(p - t))
        p = 1 / (1 + np.exp(-(X @ w + b)))
        return (w, b, np.array(losses + [-np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))]))
    assert callable(train_binary), 'train_binary should be a function: def train_binary(X, t, lr, steps): ...'
    rng = np.random.default_rng(304)
    for n, f, lr, steps, dtype in [(30, 3, 0.5, 20, float), (12, 1, 1.0, 35, float), (500, 5, 0.3, 10, float), (20, 2, 0.5, 15, np.float32)]:
        X = rng.normal(size=(n, f))
        t = (X @ rng.normal(size=f) + 0.5 * rng.normal(size=n) > 0).astype(float)
        want_w, want_b, losses = reference(X, t, lr, steps, np.zeros(f), 0.0)
        args = (X.astype(dtype), t.astype(dtype))
        copies = (args[0].copy(), args[1].copy())
        try:
            w, b, history = train_binary(args[0], args[1], lr, steps)
            w, b = (np.asarray(w, dtype=float).ravel(), np.asarray(b, dtype=float).ravel())
            h = np.asarray(history, dtype=float).ravel()
        except Exception as e:
            raise AssertionError(f'train_binary failed on X of shape ({n}, {f}) ({type(e).__name__}: {e}): it should return w, b, history.') from None
        ok = np.array_equal(args[0], copies[0]) and np.array_equal(args[1], copies[1])
        assert ok, 'train_binary changed X or t in place: compute new arrays instead.'
        ok = w.shape == (f,) and b.size == 1 and (len(h) in (steps, steps + 1))
        assert ok, f'train_binary should return w of shape ({f},), one number b and one loss per step ({steps}).'
        tol = 0.0001 if dtype is np.float32 else 1e-07
        ok = np.allclose(w, want_w, rtol=tol, atol=tol) and bool(np.isclose(b[0], want_b, rtol=tol, atol=tol))
        assert ok, f'train_binary ends at the wrong w and b on X of shape ({n}, {f}): from zeros, `steps` updates with lr.'
        ok = any((len(h) == len(ref) and np.allclose(h, ref, rtol=tol) for ref in (losses[:-1], losses[1:], losses)))
        assert ok, 'history should hold the training loss at each step.'

