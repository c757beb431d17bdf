# Generated from source/04-logistic-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q3'
points = 4

@test_case(points=None, hidden=False)
def test_bce_and_its_gradient_examples(bce, bce_gradient):
    import numpy as np
    ok = callable(bce) and callable(bce_gradient)
    if not ok:
        message = 'bce and bce_gradient should be functions (def ...), not values: run their cell.'
        raise AssertionError(message)
    p, t = (np.array([0.9, 0.2, 0.6]), np.array([1.0, 0.0, 0.0]))
    want = -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))
    try:
        with np.errstate(all='ignore'):
            value = bce(p, t)
        got = None if value is None or np.ndim(value) != 0 else float(value)
    except Exception as e:
        message = f'bce([0.9, 0.2, 0.6], [1, 0, 0]) raised {type(e).__name__}: {e}'
        raise AssertionError(message) from None
    if not value is not None:
        message = 'bce returned None: write its body (still `...`?) and end it with `return`.'
        raise AssertionError(message)
    ok = got is not None
    if not ok:
        message = f'bce should return one number, the mean over the houses; got shape {np.shape(value)}.'
        raise AssertionError(message)
    ok = np.array_equal(p, [0.9, 0.2, 0.6]) and np.array_equal(t, [1.0, 0.0, 0.0])
    if not ok:
        message = 'bce changed its input arrays in place: compute new arrays instead.'
        raise AssertionError(message)
    terms = t * np.log(p) + (1 - t) * np.log(1 - p)
    hints = [(-want, 'bce is negative: it is MINUS the mean of t * log(p) + (1 - t) * log(1 - p) (logs of numbers below 1 are negative).'), (want / np.log(10), 'bce used log10: the cross-entropy uses the natural log, np.log.'), (want / np.log(2), 'bce used log2: the cross-entropy uses the natural log, np.log.'), (3 * want, 'bce summed over the houses: take the mean.'), (-np.mean(t * np.log(1 - p) + (1 - t) * np.log(p)), 'bce swapped the two terms: log(p) goes with t = 1, log(1 - p) with t = 0.'), (-np.mean(t * np.log(p)), 'bce left out the houses with t = 0: add (1 - t) * log(1 - p).'), (-np.mean((1 - t) * np.log(1 - p)), 'bce left out the houses with t = 1: add t * log(p).'), (np.mean((p - t) ** 2), 'bce computed the MSE: the cross-entropy is -mean(t * log(p) + (1 - t) * log(1 - p)).'), (-np.sum(terms) / 2, 'bce divided by the wrong number: take the mean over the houses.'), (want / 3, 'bce divided by n twice: np.mean already divides by the number of houses.')]
    for wrong, message in hints:
        if np.isclose(got, wrong) and (not np.isclose(wrong, want)):
            raise AssertionError(message)
    if not np.isfinite(got):
        message = 'bce gave nan or inf on [0.9, 0.2, 0.6] and [1, 0, 0]: are p and t swapped? log(0) is -inf.'
        raise AssertionError(message)
    ok = bool(np.isclose(got, want))
    if not ok:
        message = f'bce([0.9, 0.2, 0.6], [1, 0, 0]) should be {want:.4f}: the mean of -log 0.9, -log 0.8, -log 0.4; got {got:.4f}.'
        raise AssertionError(message)
    examples = [(np.array([[1.0, 0.0, 2.0], [0.5, 1.0, 0.0], [0.0, 3.0, 1.0]]), np.array([0.0, 1.0, 1.0]), np.array([0.3, -0.2, 0.1]), -0.4), (np.array([[1.0, 2.0], [0.0, 1.0], [2.0, 0.0]]), np.array([1.0, 0.0, 1.0]), np.array([0.5, -1.0]), 0.2)]
    for X, t, w, b in examples:
        n, f = X.shape
        copies = [a.copy() for a in (X, t, w)]
        try:
            out = bce_gradient(X, t, w, b)
        except Exception as e:
            if type(e).__name__ == 'NameError':
                hint = ' (a name the function does not know: use its own arguments X, t, w and b, and your sigmoid)'
            elif any((word in str(e) for word in ('matmul', 'broadcast', 'shapes', 'aligned'))):
                hint = ' (a shape error: grad_w is X.T @ (p - t) / n, where X.T has shape (f, n) and p - t shape (n,))'
            else:
                hint = ''
            message = f'bce_gradient raised {type(e).__name__} on X of shape ({n}, {f}): {str(e).strip()}{hint}.'
            raise AssertionError(message) from None
        ok = out is not None
        if not ok:
            message = 'bce_gradient returned None: write its body (still `...`?) and end it with `return grad_w, grad_b`.'
            raise AssertionError(message)
        ok = all((np.array_equal(a, c) for a, c in zip((X, t, w), copies)))
        if not ok:
            message = 'bce_gradient changed X, t or w in place: compute new arrays instead.'
            raise AssertionError(message)
        ok = isinstance(out, (tuple, list)) and len(out) == 2
        if not ok:
            message = 'bce_gradient should return a pair: return grad_w, grad_b.'
            raise AssertionError(message)
        try:
            gw, gb = (np.asarray(out[0], dtype=float), np.asarray(out[1], dtype=float))
        except (TypeError, ValueError):
            message = 'bce_gradient should return two arrays of numbers, grad_w and grad_b.'
            raise AssertionError(message) from None
        if gw.size == 1 and gb.size == f and (f > 1):
            message = 'bce_gradient returned (grad_b, grad_w): return grad_w first, then grad_b.'
            raise AssertionError(message)
        ok = gw.size == f
        if not ok:
            message = f'grad_w should have one entry per feature, shape ({f},); got shape {gw.shape}.'
            raise AssertionError(message)
        ok = gb.size == 1
        if not ok:
            message = f'grad_b should be a single number; got shape {gb.shape}.'
            raise AssertionError(message)
        gw, gb = (gw.ravel(), float(gb.ravel()[0]))
        z = X @ w + b
        r = 1 / (1 + np.exp(-z)) - t
        want_w, want_b = (X.T @ r / n, r.mean())
        r_raw, r_nob = (z - t, 1 / (1 + np.exp(-(X @ w))) - t)
        hints = [(-want_w, -want_b, 'bce_gradient has the wrong sign: with r = p - t the gradient is X.T @ r / n (t - p is its negative).'), (n * want_w, n * want_b, 'bce_gradient is missing the / n: the loss is a mean, so is its gradient (X.T @ r / n, np.mean(r)).'), (want_w, n * want_b, 'grad_b is the SUM of p - t: the bias gradient is its mean, np.mean(p - t).'), (n * want_w, want_b, 'grad_w is missing the / n: X.T @ (p - t) / n.'), (2 * want_w, 2 * want_b, "bce_gradient has a factor 2: that belongs to the MSE; the cross-entropy's gradient is X.T @ (p - t) / n."), (X.T @ r_raw / n, r_raw.mean(), 'bce_gradient used the scores z = X @ w + b in place of the probabilities p = sigmoid(z).'), (X.T @ r_nob / n, r_nob.mean(), 'bce_gradient left b out of the scores: z = X @ w + b.'), (X @ r / n if n == f else None, want_b, 'grad_w multiplies by X, not its transpose: X.T @ (p - t) / n (it only ran because X is square here).')]
        for wrong_w, wrong_b, message in hints:
            if wrong_w is not None and np.allclose(gw, wrong_w) and np.isclose(gb, wrong_b) and (not (np.allclose(wrong_w, want_w) and np.isclose(wrong_b, want_b))):
                raise AssertionError(message)
        example = f'X = {X.tolist()}, t = {t.tolist()}, w = {w.tolist()}, b = {b}'
        ok = np.allclose(gw, want_w)
        if not ok:
            message = f'With {example}, grad_w should be {np.round(want_w, 4).tolist()}: X.T @ (p - t) / n; got {np.round(gw, 4).tolist()}.'
            raise AssertionError(message)
        ok = bool(np.isclose(gb, want_b))
        if not ok:
            message = f'With {example}, grad_b should be {want_b:.4f}: np.mean(p - t); got {gb:.4f}.'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_bce_and_gradient_fresh_inputs(bce, bce_gradient):
    import numpy as np
    if not (callable(bce) and callable(bce_gradient)):
        message = 'bce and bce_gradient should be functions.'
        raise AssertionError(message)
    rng = np.random.default_rng(303)
    for n in (1, 9, 400):
        p = rng.uniform(0.02, 0.98, size=n)
        t = rng.integers(0, 2, size=n).astype(float)
        want = -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))
        try:
            got = float(np.asarray(bce(p, t), dtype=float).ravel()[0])
        except Exception as e:
            message = f'bce failed on {n} houses ({type(e).__name__}: {e}): it should return one number.'
            raise AssertionError(message) from None
        ok = bool(np.isclose(got, want, rtol=1e-06))
        if not ok:
            message = f'bce is wrong on {n} random houses: -mean(t * log(p) + (1 - t) * log(1 - p)).'
            raise AssertionError(message)
    for n, f, scale, dtype in [(7, 1, 1.0, float), (40, 5, 1.0, float), (20000, 3, 1.0, float), (30, 4, 1000.0, float), (25, 2, 1.0, np.float32)]:
        X = rng.normal(size=(n, f))
        t = rng.integers(0, 2, size=n).astype(float)
        w = scale * rng.normal(size=f)
        b = float(rng.normal())
        z = X @ w + b
        e = np.exp(-np.abs(z))
        r = np.where(z >= 0, 1 / (1 + e), e / (1 + e)) - t
        want_w, want_b = (X.T @ r / n, r.mean())
        args = [a.astype(dtype) for a in (X, t, w)]
        try:
            with np.errstate(all='ignore'):
                grad_w, grad_b = bce_gradient(*args, dtype(b))
            gw, gb = (np.asarray(grad_w, dtype=float).ravel(), np.asarray(grad_b, dtype=float).ravel())
        except Exception as err:
            message = f'bce_gradient failed on X of shape ({n}, {f}) ({type(err).__name__}: {err}): it should return grad_w, grad_b.'
            raise AssertionError(message) from None
        ok = gw.shape == (f,) and gb.size == 1
        if not ok:
            message = f'grad_w should have shape ({f},) and grad_b one number; got {gw.shape} and {gb.shape}.'
            raise AssertionError(message)
        ok = bool(np.all(np.isfinite(gw))) and bool(np.isfinite(gb[0]))
        if not ok:
            message = 'bce_gradient gives nan or inf for large scores: compute p with your finite sigmoid.'
            raise AssertionError(message)
        tol = 0.0001 if dtype is np.float32 else 1e-07
        if np.allclose(gw, n * want_w, rtol=tol, atol=tol) and n > 1:
            message = 'grad_w is missing the / n: X.T @ (p - t) / n.'
            raise AssertionError(message)
        ok = np.allclose(gw, want_w, rtol=tol, atol=tol)
        if not ok:
            message = f'grad_w is wrong on X of shape ({n}, {f}): X.T @ (sigmoid(X @ w + b) - t) / n.'
            raise AssertionError(message)
        if np.isclose(gb[0], n * want_b, rtol=tol, atol=tol) and n > 1:
            message = 'grad_b is the SUM of p - t: the bias gradient is its mean.'
            raise AssertionError(message)
        ok = bool(np.isclose(gb[0], want_b, rtol=tol, atol=tol))
        if not ok:
            message = f'grad_b is wrong on X of shape ({n}, {f}): np.mean(sigmoid(X @ w + b) - t).'
            raise AssertionError(message)
