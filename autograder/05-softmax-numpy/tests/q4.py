# Generated from source/05-softmax-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q4'
points = 3

@test_case(points=None, hidden=False)
def test_softmax_gradient_loop_examples(softmax_gradient_loop):
    import numpy as np

    def reference(X, y, W, b):
        Z = X @ W + b
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        P = E / E.sum(axis=1, keepdims=True)
        return (P, np.eye(W.shape[1])[y])
    ok = callable(softmax_gradient_loop)
    if not ok:
        message = 'softmax_gradient_loop should be a function (def softmax_gradient_loop(X, y, W, b): ...), not a value: run its cell.'
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
                out = softmax_gradient_loop(X, y, W, b)
        except Exception as e:
            kind, text = (type(e).__name__, str(e).strip())
            if kind == 'NameError':
                hint = 'a name it uses is not defined: use its own arguments X, y, W and b, and run the cells that define softmax and one_hot first'
            elif missing and kind in ('ValueError', 'IndexError'):
                hint = f'W has {k} columns, so there are {k} classes, though these labels hold no house of class {missing}: take the number of classes from W, k = W.shape[1], not from the labels or a fixed 3'
            elif kind == 'IndexError':
                hint = 'an index out of range: the houses run over range(n) with n = X.shape[0], the classes over range(k) with k = W.shape[1]; column j of grad_W is grad_W[:, j]'
            elif kind == 'ValueError' and ('matmul' in text or 'broadcast' in text or 'shape' in text):
                hint = "a shape error: house i's scores are X[i] @ W + b, k numbers; X[i] has f entries, like a column of grad_W, grad_W[:, j]"
            else:
                hint = 'run it on this example yourself and read the line the error points to'
            message = f'softmax_gradient_loop raised {kind} on X ({n}, {f}), W ({f}, {k}): {text} ({hint}).'
            raise AssertionError(message) from None
        ok = out is not None
        if not ok:
            message = 'softmax_gradient_loop returned None: write its body (still `...`?) and end it with `return grad_W, grad_b`.'
            raise AssertionError(message)
        ok = all((np.array_equal(a, c) for a, c in zip((X, y, W, b), copies)))
        if not ok:
            message = 'softmax_gradient_loop changed X, y, W or b in place: compute new arrays instead.'
            raise AssertionError(message)
        ok = isinstance(out, (tuple, list)) and len(out) == 2
        if not ok:
            message = 'softmax_gradient_loop should return a pair: return grad_W, grad_b.'
            raise AssertionError(message)
        try:
            gW, gb = (np.asarray(out[0], dtype=float), np.asarray(out[1], dtype=float))
        except (TypeError, ValueError):
            message = 'softmax_gradient_loop should return two arrays of numbers, grad_W and grad_b.'
            raise AssertionError(message) from None
        if gW.shape == (k,) and gb.shape == (f, k):
            message = 'softmax_gradient_loop returned (grad_b, grad_W): return grad_W first, then grad_b.'
            raise AssertionError(message)
        if gW.shape == (k, f) and f != k:
            message = f"grad_W has shape ({k}, {f}): it should have W's shape ({f}, {k}), one column per class."
            raise AssertionError(message)
        if missing and gW.ndim == 2 and (gW.shape[1] != k) and (gW.shape[1] in (len(set(y.tolist())), int(max(y)) + 1, 3)):
            message = f'grad_W has {gW.shape[1]} columns, but W has {k}: these labels hold no house of class {missing}, so take the number of classes from W, k = W.shape[1], not from the labels or a fixed 3.'
            raise AssertionError(message)
        ok = gW.shape == (f, k)
        if not ok:
            message = f"grad_W should have W's shape ({f}, {k}); got {gW.shape}."
            raise AssertionError(message)
        if gb.shape == (n,) and n != k:
            message = 'grad_b has one entry per house: it has one entry per class, each a sum over the houses.'
            raise AssertionError(message)
        if gb.size == 1:
            message = 'grad_b is a single number: it has one entry per class, grad_b = np.zeros(k), and grad_b[j] += d.'
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
        last = n - 1
        R_true = np.where(Y == 1, R, 0.0)
        hints = [(-want_W, -want_b, 'softmax_gradient_loop has the wrong sign: each term uses P[i, j] - Y[i, j] (Y - P is its negative).'), (n * want_W, n * want_b, "softmax_gradient_loop is missing the / n: the loss is a mean over the houses, so each house's term is divided by n."), (want_W, n * want_b, "grad_b adds up P[i, j] - Y[i, j] without the / n: each house's term is divided by n, as for grad_W."), (n * want_W, want_b, 'grad_W is missing the / n: add (P[i, j] - Y[i, j]) / n times X[i] to column j.'), (X.T @ R_lab / n, R_lab.mean(axis=0), 'softmax_gradient_loop subtracted the label y[i] itself, not the one-hot Y[i, j] (1 if j == y[i], else 0).'), (X.T @ (Z - Y) / n, (Z - Y).mean(axis=0), 'softmax_gradient_loop used the scores X @ W + b in place of the probabilities, their softmax.'), (X.T @ R_nob / n, R_nob.mean(axis=0), 'softmax_gradient_loop left b out of the scores: X[i] @ W + b.'), (X.T @ R_true / n, R_true.mean(axis=0), "only the true class's column moved: every class j gets (P[i, j] - Y[i, j]) / n, and for a class that is not y[i] that is P[i, j] / n."), (np.outer(X[last], R[last]) / n, R[last] / n, "grad_W and grad_b hold only the last house's term: ADD each house's term, grad_W[:, j] += ..., grad_b[j] += ....")]
        for wrong_W, wrong_b, message in hints:
            if wrong_W is not None and np.allclose(gW, wrong_W) and np.allclose(gb, wrong_b):
                if not (np.allclose(wrong_W, want_W) and np.allclose(wrong_b, want_b)):
                    raise AssertionError(message)
        ok = np.allclose(gW, want_W)
        if not ok:
            message = f'On the example {example}, grad_W should be {np.round(want_W, 4).tolist()}: the sum over the houses of X[i] times (P[i, j] - Y[i, j]) / n; got {np.round(gW, 4).tolist()}.'
            raise AssertionError(message)
        ok = np.allclose(gb, want_b)
        if not ok:
            message = f'On the example {example}, grad_b should be {np.round(want_b, 4).tolist()}: the sum over the houses of (P[i, j] - Y[i, j]) / n; got {np.round(gb, 4).tolist()}.'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_softmax_gradient_loop_fresh_inputs(softmax_gradient_loop):
    import numpy as np

    def vectorised(X, y, W, b):
        Z = X @ W + b
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        R = E / E.sum(axis=1, keepdims=True) - np.eye(W.shape[1])[y]
        return (X.T @ R / len(y), R.mean(axis=0))

    def loss(X, y, W, b):
        Z = X @ W + b
        m = Z.max(axis=1, keepdims=True)
        return np.mean(m[:, 0] + np.log(np.exp(Z - m).sum(axis=1)) - Z[np.arange(len(y)), y])
    if not callable(softmax_gradient_loop):
        message = 'softmax_gradient_loop should be a function.'
        raise AssertionError(message)
    rng = np.random.default_rng(313)
    for n, f, k, scale, dtype in [(1, 2, 3, 1.0, float), (10, 1, 2, 1.0, float), (40, 4, 5, 1.0, float), (30, 2, 3, 1000.0, float), (25, 3, 3, 1.0, np.float32), (12, 2, 5, 1.0, float)]:
        X = rng.normal(size=(n, f))
        y = rng.integers(0, k, size=n) if (n, k) != (12, 5) else rng.choice([1, 3], size=n)
        W, b = (scale * rng.normal(size=(f, k)), rng.normal(size=k))
        want_W, want_b = vectorised(X, y, W, b)
        try:
            with np.errstate(all='ignore'):
                grad_W, grad_b = softmax_gradient_loop(X.astype(dtype), y, W.astype(dtype), b.astype(dtype))
            gW, gb = (np.asarray(grad_W, dtype=float), np.asarray(grad_b, dtype=float))
        except Exception as e:
            message = f'softmax_gradient_loop failed on X ({n}, {f}) with {k} classes ({type(e).__name__}: {e}): use k = W.shape[1].'
            raise AssertionError(message) from None
        ok = gW.shape == (f, k) and gb.shape == (k,)
        if not ok:
            message = f'With X ({n}, {f}) and {k} classes, grad_W should have shape ({f}, {k}) and grad_b ({k},).'
            raise AssertionError(message)
        ok = bool(np.all(np.isfinite(gW))) and bool(np.all(np.isfinite(gb)))
        if not ok:
            message = "softmax_gradient_loop gives nan or inf for very large scores: your softmax should subtract each row's max."
            raise AssertionError(message)
        returned32 = any((np.asarray(g).dtype == np.float32 for g in (grad_W, grad_b)))
        tol = 0.0001 if dtype is np.float32 else 1e-06 if returned32 else 1e-10
        ok = np.allclose(gW, want_W, rtol=tol, atol=tol) and np.allclose(gb, want_b, rtol=tol, atol=tol)
        if not ok:
            message = f'softmax_gradient_loop disagrees with X.T @ (P - Y) / n and (P - Y).mean(axis=0) on X ({n}, {f}) with {k} classes.'
            raise AssertionError(message)
    n, f, k = (15, 3, 4)
    X, y = (rng.normal(size=(n, f)), rng.integers(0, k, size=n))
    W, b = (rng.normal(size=(f, k)), rng.normal(size=k))
    eps = 1e-06
    num_W = np.zeros_like(W)
    for i in np.ndindex(W.shape):
        step = np.zeros_like(W)
        step[i] = eps
        num_W[i] = (loss(X, y, W + step, b) - loss(X, y, W - step, b)) / (2 * eps)
    num_b = np.array([(loss(X, y, W, b + eps * e) - loss(X, y, W, b - eps * e)) / (2 * eps) for e in np.eye(k)])
    grad_W, grad_b = softmax_gradient_loop(X, y, W, b)
    diff = np.append(np.ravel(grad_W) - num_W.ravel(), np.ravel(grad_b) - num_b)
    ok = np.linalg.norm(diff) / np.linalg.norm(np.append(num_W.ravel(), num_b)) < 1e-06
    if not ok:
        message = 'softmax_gradient_loop disagrees with the finite-difference gradient check of the cross-entropy (4 classes).'
        raise AssertionError(message)
