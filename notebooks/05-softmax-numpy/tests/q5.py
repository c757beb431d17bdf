# Generated from source/05-softmax-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q5'
points = 3

@test_case(points=None, hidden=False)
def test_softmax_gradient_examples(softmax_gradient):
    import numpy as np

    def reference(X, y, W, b):
        Z = X @ W + b
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        P = E / E.sum(axis=1, keepdims=True)
        return (P, np.eye(W.shape[1])[y])
    ok = callable(softmax_gradient)
    if not ok:
        message = 'softmax_gradient should be a function (def softmax_gradient(X, y, W, b): ...), not a value: run its cell.'
        raise AssertionError(message)
    examples = [(np.array([[1.0, 0.0, 2.0], [0.5, 1.0, 0.0], [0.0, 3.0, 1.0]]), np.array([1, 0, 2]), np.array([[0.1, 0.2, -0.3], [0.0, -0.4, 0.5], [0.3, 0.1, 0.0]]), np.array([0.2, -0.1, 0.0])), (np.array([[1.0, 0.5], [-1.0, 2.0], [0.0, -1.0], [2.0, 1.0]]), np.array([0, 2, 1, 2]), np.array([[0.2, -0.1, 0.4], [0.3, 0.1, -0.2]]), np.array([0.1, 0.0, -0.3])), (np.array([[0.5, -1.0], [1.0, 1.0], [-0.5, 0.0], [2.0, -0.5]]), np.array([0, 2, 0, 2]), np.array([[0.1, 0.3, -0.2, 0.0], [-0.1, 0.2, 0.4, 0.1]]), np.array([0.0, 0.1, -0.1, 0.2]))]
    for X, y, W, b in examples:
        n, f = X.shape
        k = W.shape[1]
        example = f'X = {X.tolist()}, y = {y.tolist()}, W = {W.tolist()}, b = {b.tolist()}'
        missing = sorted(set(range(k)) - set(y.tolist()))
        copies = [a.copy() for a in (X, y, W, b)]
        try:
            with np.errstate(all='ignore'):
                out = softmax_gradient(X, y, W, b)
        except Exception as e:
            kind, text = (type(e).__name__, str(e).strip())
            if kind == 'NameError':
                hint = 'a name it uses is not defined: use its own arguments X, y, W and b, and run the cells that define softmax and one_hot first'
            elif missing and kind in ('ValueError', 'IndexError'):
                hint = f'W has {k} columns, so there are {k} classes, though these labels hold no house of class {missing}: take the number of classes from W, k = W.shape[1], not from the labels or a fixed 3'
            elif kind == 'ValueError' and ('matmul' in text or 'broadcast' in text or 'shape' in text):
                hint = 'a shape error: grad_W is X.T @ (P - Y) / n with Y = one_hot(y, k), k = W.shape[1]: (f, n) times (n, k)'
            else:
                hint = 'run it on this example yourself and read the line the error points to'
            message = f'softmax_gradient raised {kind} on X ({n}, {f}), W ({f}, {k}): {text} ({hint}).'
            raise AssertionError(message) from None
        ok = out is not None
        if not ok:
            message = 'softmax_gradient returned None: write its body (still `...`?) and end it with `return grad_W, grad_b`.'
            raise AssertionError(message)
        ok = all((np.array_equal(a, c) for a, c in zip((X, y, W, b), copies)))
        if not ok:
            message = 'softmax_gradient changed X, y, W or b in place: compute new arrays instead.'
            raise AssertionError(message)
        ok = isinstance(out, (tuple, list)) and len(out) == 2
        if not ok:
            message = 'softmax_gradient should return a pair: return grad_W, grad_b.'
            raise AssertionError(message)
        try:
            gW, gb = (np.asarray(out[0], dtype=float), np.asarray(out[1], dtype=float))
        except (TypeError, ValueError):
            message = 'softmax_gradient should return two arrays of numbers, grad_W and grad_b.'
            raise AssertionError(message) from None
        if gW.shape == (k,) and gb.shape == (f, k):
            message = 'softmax_gradient returned (grad_b, grad_W): return grad_W first, then grad_b.'
            raise AssertionError(message)
        if gW.shape == (k, f) and f != k:
            message = f"grad_W has shape ({k}, {f}), that of (P - Y).T @ X: transpose it, X.T @ (P - Y) / n has W's shape ({f}, {k})."
            raise AssertionError(message)
        ok = gW.shape == (f, k)
        if not ok:
            message = f"grad_W should have W's shape ({f}, {k}); got {gW.shape}."
            raise AssertionError(message)
        if gb.shape == (n,) and n != k:
            message = 'grad_b has one entry per house: average P - Y over the houses, axis=0, one entry per class.'
            raise AssertionError(message)
        if gb.size == 1:
            message = 'grad_b is a single number: average P - Y over the houses only, .mean(axis=0), one entry per class.'
            raise AssertionError(message)
        ok = gb.shape == (k,)
        if not ok:
            message = f'grad_b should have one entry per class, shape ({k},); got {gb.shape}.'
            raise AssertionError(message)
        P, Y = reference(X, y, W, b)
        R = P - Y
        want_W, want_b = (X.T @ R / n, R.mean(axis=0))
        Z = X @ W + b
        Pn, _ = reference(X, y, W, np.zeros(k))
        R_nob = Pn - Y
        R_lab = P - y[:, None]
        hints = [(-want_W, -want_b, 'softmax_gradient has the wrong sign: the gradient uses P - Y (Y - P is its negative).'), (n * want_W, n * want_b, 'softmax_gradient is missing the / n: the loss is a mean, so is its gradient.'), (want_W, n * want_b, 'grad_b is the SUM of P - Y over the houses: the bias gradient is its mean, axis=0.'), (n * want_W, want_b, 'grad_W is missing the / n: X.T @ (P - Y) / n.'), (X.T @ R_lab / n, R_lab.mean(axis=0), 'softmax_gradient subtracted the labels y, not the one-hot Y: use one_hot(y, k).'), (X.T @ (Z - Y) / n, (Z - Y).mean(axis=0), 'softmax_gradient used the logits X @ W + b in place of the probabilities P = softmax(logits).'), (X.T @ R_nob / n, R_nob.mean(axis=0), 'softmax_gradient left b out of the logits: X @ W + b.'), (X @ R / n if n == f else None, want_b, 'grad_W multiplies by X, not its transpose: X.T @ (P - Y) / n (it only ran because X is square here).'), (R.T @ X / n if f == k else None, want_b, 'grad_W is (P - Y).T @ X / n, of shape (k, f): transpose it, X.T @ (P - Y) / n.')]
        for wrong_W, wrong_b, message in hints:
            if wrong_W is not None and np.allclose(gW, wrong_W) and np.allclose(gb, wrong_b):
                if not (np.allclose(wrong_W, want_W) and np.allclose(wrong_b, want_b)):
                    raise AssertionError(message)
        ok = np.allclose(gW, want_W)
        if not ok:
            message = f'On the example {example}, grad_W should be {np.round(want_W, 4).tolist()}: X.T @ (P - Y) / n; got {np.round(gW, 4).tolist()}.'
            raise AssertionError(message)
        if n == k and np.allclose(gb, R.mean(axis=1)) and (not np.allclose(gb, want_b)):
            message = 'grad_b averaged over the classes (axis=1): average P - Y over the houses, axis=0.'
            raise AssertionError(message)
        ok = np.allclose(gb, want_b)
        if not ok:
            message = f'On the example {example}, grad_b should be {np.round(want_b, 4).tolist()}: (P - Y).mean(axis=0); got {np.round(gb, 4).tolist()}.'
            raise AssertionError(message)
