# Generated from source/05-softmax-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q6'
points = 3

@test_case(points=None, hidden=False)
def test_train_softmax_example(train_softmax):
    import numpy as np

    def reference(X, y, k, lr, steps, W, b):
        Y, losses = (np.eye(k)[y], [])
        for _ in range(steps + 1):
            Z = X @ W + b
            E = np.exp(Z - Z.max(axis=1, keepdims=True))
            P = E / E.sum(axis=1, keepdims=True)
            losses.append(-np.mean(np.log(P[np.arange(len(y)), y])))
            if len(losses) <= steps:
                W, b = (W - lr * X.T @ (P - Y) / len(y), b - lr * (P - Y).mean(axis=0))
        return (W, b, np.array(losses))
    ok = callable(train_softmax)
    if not ok:
        message = 'train_softmax should be a function: def train_softmax(X, y, k, lr, steps): ...'
        raise AssertionError(message)
    examples = [(np.array([[2.0], [1.0], [-1.0], [-2.0]]), np.array([1, 1, 0, 0]), 2, 0.3, 6), (np.array([[1.0, 0.5], [-1.0, 0.0], [0.5, -1.0], [-0.5, 1.5], [0.0, 0.2]]), np.array([0, 1, 2, 1, 0]), 3, 0.5, 4), (np.array([[0.5, -1.0], [1.0, 1.0], [-0.5, 0.0], [2.0, -0.5]]), np.array([0, 2, 0, 2]), 4, 0.5, 5), (np.array([[1.0], [1.0], [-1.0], [-1.0]]), np.array([0, 1, 0, 1]), 2, 1.0, 30)]
    for X, y, k, lr, steps in examples:
        n, f = X.shape
        copies = (X.copy(), y.copy())
        want_W, want_b, losses = reference(X, y, k, lr, steps, np.zeros((f, k)), np.zeros(k))
        try:
            out = train_softmax(X, y, k, lr, steps)
        except Exception as e:
            if type(e).__name__ == 'TypeError' and 'data type' in str(e):
                hint = 'np.zeros takes the whole shape as one tuple, then a dtype: W = np.zeros((X.shape[1], k))'
            elif type(e).__name__ in ('IndexError', 'ValueError') and len(set(y.tolist())) < k:
                hint = f'the labels {y.tolist()} hold no house of some of the {k} classes: take the number of classes from the argument k (in softmax_gradient from W.shape[1]), never from the labels'
            elif 'matmul' in str(e) or 'broadcast' in str(e):
                hint = 'a shape error: does W have one row per column of X and one column per class, np.zeros((X.shape[1], k))? And does it use its own arguments X and y, not X_train and y_train?'
            else:
                hint = 'does it use its own arguments X, y, k, lr and steps?'
            message = f'train_softmax raised {type(e).__name__} on X of shape ({n}, {f}) and {k} classes: {str(e).strip()} ({hint})'
            raise AssertionError(message) from None
        ok = out is not None
        if not ok:
            message = 'train_softmax returned None: write its body (still `...`?) and end it with `return W, b, history`.'
            raise AssertionError(message)
        ok = np.array_equal(X, copies[0]) and np.array_equal(y, copies[1])
        if not ok:
            message = 'train_softmax changed X or y in place: compute new arrays instead.'
            raise AssertionError(message)
        ok = isinstance(out, (tuple, list)) and len(out) == 3
        if not ok:
            message = 'train_softmax should return three things: return W, b, history.'
            raise AssertionError(message)
        try:
            W, b = (np.asarray(out[0], dtype=float), np.asarray(out[1], dtype=float))
            h = np.asarray(out[2], dtype=float).ravel()
        except (TypeError, ValueError):
            message = 'train_softmax should return W, b and history as arrays and numbers.'
            raise AssertionError(message) from None
        if W.shape == (k, f) and f != k:
            message = f'W has shape ({k}, {f}): it should be (f, k) = ({f}, {k}), one column per class, so that X @ W works.'
            raise AssertionError(message)
        from_labels = {len(set(y.tolist())), int(max(y)) + 1}
        if W.ndim == 2 and W.shape[0] == f and (W.shape[1] != k) and (W.shape[1] in from_labels):
            message = f'W has {W.shape[1]} columns, but k = {k} classes were asked for, and the labels {y.tolist()} hold no house of some of them: take the number of classes from the argument k, never from the labels.'
            raise AssertionError(message)
        ok = W.shape == (f, k)
        if not ok:
            message = f'With {f} feature(s) and {k} classes, W should have shape ({f}, {k}); got {W.shape}.'
            raise AssertionError(message)
        ok = b.shape == (k,)
        if not ok:
            message = f'b should hold one bias per class, shape ({k},) like grad_b; got {b.shape}.'
            raise AssertionError(message)
        if np.ndim(out[2]) == 0:
            message = 'history is a single number: start it as a list, history = [], and append one loss per step.'
            raise AssertionError(message)
        if 1 < len(h) < steps - 1:
            message = f'history has {len(h)} losses for {steps} steps: the loop stopped early (a `break` when the loss changes little?). Do all `steps` updates: whoever calls train_softmax decides how long it trains.'
            raise AssertionError(message)
        ok = len(h) in (steps, steps + 1)
        count = '1 entry (is `return` indented inside the for loop?)' if len(h) == 1 else f'{len(h)} entries'
        if not ok:
            message = f'history should hold one loss per step ({steps} steps here); it has {count}.'
            raise AssertionError(message)
        if np.all(np.isfinite(h)) and h[-1] > h[0]:
            message = 'The loss goes UP during training: each step should SUBTRACT lr times the gradient.'
            raise AssertionError(message)
        if np.all(b == 0) and (not np.allclose(want_b, 0)):
            message = 'b never changes: update the biases too, b = b - lr * grad_b.'
            raise AssertionError(message)
        if np.all(W == 0) and (not np.allclose(want_W, 0)):
            message = 'W never changes: update the weights too, W = W - lr * grad_W.'
            raise AssertionError(message)
        ok = np.allclose(W, want_W) and np.allclose(b, want_b)
        if not ok:
            message = f'train_softmax ends at the wrong W and b on this example ({n} houses, {k} classes, lr={lr}, {steps} steps): start from zeros, use the lr, k and steps it is given, and do exactly `steps` updates.'
            raise AssertionError(message)
        ok = any((len(h) == len(ref) and np.allclose(h, ref) for ref in (losses[:-1], losses[1:], losses)))
        if not ok:
            message = f'history should hold the training cross-entropy at each step (starting from ln {k} = {np.log(k):.4f}).'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_train_softmax_fresh_inputs(train_softmax):
    import numpy as np

    def reference(X, y, k, lr, steps, W, b):
        Y, losses = (np.eye(k)[y], [])
        for _ in range(steps + 1):
            Z = X @ W + b
            E = np.exp(Z - Z.max(axis=1, keepdims=True))
            P = E / E.sum(axis=1, keepdims=True)
            losses.append(-np.mean(np.log(P[np.arange(len(y)), y])))
            if len(losses) <= steps:
                W, b = (W - lr * X.T @ (P - Y) / len(y), b - lr * (P - Y).mean(axis=0))
        return (W, b, np.array(losses))
    if not callable(train_softmax):
        message = 'train_softmax should be a function: def train_softmax(X, y, k, lr, steps): ...'
        raise AssertionError(message)
    rng = np.random.default_rng(309)
    for n, f, k, lr, steps, dtype in [(30, 3, 4, 0.5, 20, float), (12, 1, 2, 1.0, 30, float), (400, 5, 5, 0.3, 10, float), (20, 2, 3, 0.5, 15, np.float32), (16, 2, 6, 0.5, 12, float)]:
        X = rng.normal(size=(n, f))
        y = rng.integers(0, k, size=n) if k != 6 else rng.choice([0, 2, 3], size=n)
        want_W, want_b, losses = reference(X, y, k, lr, steps, np.zeros((f, k)), np.zeros(k))
        args = (X.astype(dtype), y)
        try:
            W, b, history = train_softmax(args[0], args[1], k, lr, steps)
            W, b, h = (np.asarray(v, dtype=float) for v in (W, b, history))
        except Exception as e:
            message = f'train_softmax failed on X of shape ({n}, {f}) with {k} classes ({type(e).__name__}: {e}).'
            raise AssertionError(message) from None
        ok = W.shape == (f, k) and b.shape == (k,) and (len(h.ravel()) in (steps, steps + 1))
        if not ok:
            message = f'train_softmax should return W ({f}, {k}), b ({k},) and one loss per step, with {k} classes.'
            raise AssertionError(message)
        tol = 0.0001 if dtype is np.float32 else 1e-07
        ok = np.allclose(W, want_W, rtol=tol, atol=tol) and np.allclose(b, want_b, rtol=tol, atol=tol)
        if not ok:
            message = f'train_softmax ends at the wrong W and b with {k} classes and X of shape ({n}, {f}).'
            raise AssertionError(message)
        h = h.ravel()
        ok = any((len(h) == len(ref) and np.allclose(h, ref, rtol=tol) for ref in (losses[:-1], losses[1:], losses)))
        if not ok:
            message = 'history should hold the training cross-entropy at each step.'
            raise AssertionError(message)
