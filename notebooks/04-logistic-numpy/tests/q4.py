# Generated from source/04-logistic-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q4'
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
    if not ok:
        message = 'train_binary should be a function: def train_binary(X, t, lr, steps): ...'
        raise AssertionError(message)
    examples = [(np.array([[2.0], [1.0], [-1.0], [0.0], [-2.0]]), np.array([1.0, 1.0, 0.0, 1.0, 0.0]), 0.2, 6), (np.array([[1.0, 0.5], [-1.0, 0.0], [0.5, -1.0], [-0.5, 1.5]]), np.array([1.0, 0.0, 1.0, 0.0]), 0.5, 4), (np.array([[2.0], [1.0], [-1.0], [0.0], [-2.0], [0.5]]), np.array([1.0, 0.0, 0.0, 1.0, 0.0, 1.0]), 1.0, 100)]
    for X, t, lr, steps in examples:
        n, f = X.shape
        copies = (X.copy(), t.copy())
        want_w, want_b, losses = reference(X, t, lr, steps, np.zeros(f), 0.0)
        try:
            out = train_binary(X, t, lr, steps)
        except Exception as e:
            if type(e).__name__ == 'TypeError' and 'data type' in str(e):
                hint = 'np.zeros takes the shape first and a dtype second: w = np.zeros(X.shape[1]), b = 0.0'
            elif '2344' in str(e) or (f != 2 and 'different from 2)' in str(e)):
                hint = 'an array of 2 columns or 2344 rows, like the training houses, met this X: use its own arguments X and t, not X_train and t_train'
            elif 'matmul' in str(e) or 'broadcast' in str(e):
                hint = 'a shape error: does w hold one weight per column of X, np.zeros(X.shape[1])?'
            elif type(e).__name__ == 'NameError':
                hint = 'a name the function does not know: use its own arguments X, t, lr and steps'
            else:
                hint = 'does it use its own arguments X, t, lr and steps, not X_train and t_train?'
            message = f'train_binary raised {type(e).__name__} on an X of shape ({n}, {f}): {str(e).strip()} ({hint})'
            raise AssertionError(message) from None
        ok = out is not None
        if not ok:
            message = 'train_binary returned None: write its body (still `...`?) and end it with `return w, b, history`.'
            raise AssertionError(message)
        ok = np.array_equal(X, copies[0]) and np.array_equal(t, copies[1])
        if not ok:
            message = 'train_binary changed X or t in place: compute new arrays instead.'
            raise AssertionError(message)
        ok = isinstance(out, (tuple, list)) and len(out) == 3
        if not ok:
            message = 'train_binary should return three things: return w, b, history.'
            raise AssertionError(message)
        try:
            w, b = (np.asarray(out[0], dtype=float).ravel(), np.asarray(out[1], dtype=float).ravel())
            h = np.asarray(out[2], dtype=float).ravel()
        except (TypeError, ValueError):
            message = 'train_binary should return w, b and history as numbers and arrays.'
            raise AssertionError(message) from None
        ok = w.size == f and b.size == 1
        if not ok:
            message = f'With {f} feature(s), w should hold {f} weight(s) and b one number; got shapes {w.shape}, {b.shape}.'
            raise AssertionError(message)
        if np.ndim(out[2]) == 0:
            message = 'history is a single number: start it as a list, history = [], and append one loss per step.'
            raise AssertionError(message)
        b = float(b[0])

        def ends_at(fitted, w=w, b=b):
            return np.allclose(w, fitted[0]) and bool(np.isclose(b, fitted[1]))
        right_end = ends_at((want_w, want_b))
        for k in sorted({len(h) - 1, len(h), len(h) + 1, steps - 1, steps + 1, 200} - {steps}):
            if 0 < k and len(h) > 1 and (not right_end) and ends_at(reference(X, t, lr, k, np.zeros(f), 0.0)):
                message = f'train_binary made {k} updates where it was asked for {steps}: loop exactly `steps` times (for _ in range(steps)), without stopping early when the loss hardly changes any more.'
                raise AssertionError(message)
        ok = len(h) in (steps, steps + 1)
        count = '1 entry (is `return` indented inside the for loop?)' if len(h) == 1 else f'{len(h)} entries'
        count += ' (did the loop stop early?)' if 1 < len(h) < steps else ''
        if not ok:
            message = f'history should hold one loss per step ({steps} steps here); it has {count}.'
            raise AssertionError(message)
        if not right_end and ends_at(reference(X, t, -lr, steps, np.zeros(f), 0.0)):
            message = 'The loss goes UP during training: each step should SUBTRACT lr times the gradient (w = w - lr * grad_w).'
            raise AssertionError(message)
        if not right_end:
            if b == 0.0 and abs(want_b) > 1e-06:
                message = 'b never changes: update the bias too, b = b - lr * grad_b.'
                raise AssertionError(message)
            if np.all(w == 0) and (not np.allclose(want_w, 0)):
                message = 'w never changes: update the weights too, w = w - lr * grad_w.'
                raise AssertionError(message)
            if ends_at(reference(X, t, lr, steps, np.ones(f), 1.0)):
                message = 'train_binary should start from zeros: w = np.zeros(X.shape[1]), b = 0.'
                raise AssertionError(message)
            if lr != 0.5 and ends_at(reference(X, t, 0.5, steps, np.zeros(f), 0.0)):
                message = f'train_binary stepped with lr = 0.5 where it was given lr = {lr}: use its argument lr.'
                raise AssertionError(message)
            if np.all(np.isfinite(h)) and h[-1] > h[0]:
                message = 'The loss goes UP during training: each step should SUBTRACT lr times the gradient (w = w - lr * grad_w).'
                raise AssertionError(message)
        ok = right_end
        if not ok:
            message = f'train_binary ends at the wrong w and b on this example ({n} houses, lr={lr}, {steps} steps): start from zeros, use the lr and steps it is given, and do exactly `steps` updates w = w - lr * grad_w, b = b - lr * grad_b.'
            raise AssertionError(message)
        if len(h) == steps and np.allclose(h, losses[:-1] / np.log(10)):
            message = 'history holds the loss in log10: record bce(sigmoid(X @ w + b), t).'
            raise AssertionError(message)
        if np.all((h >= 0) & (h <= 1)) and np.allclose(h * n, np.round(h * n)):
            message = f'history holds fractions of the {n} houses (an accuracy?), not the loss: record bce(sigmoid(X @ w + b), t), which falls as the model learns.'
            raise AssertionError(message)
        ok = any((len(h) == len(ref) and np.allclose(h, ref) for ref in (losses[:-1], losses[1:], losses)))
        if not ok:
            message = 'history should hold the training loss bce(sigmoid(X @ w + b), t) at each step (first value: log 2).'
            raise AssertionError(message)
