# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q4'
points = 3

@test_case(points=None, hidden=False)
def test_predict_examples(predict):
    import numpy as np
    if not callable(predict):
        message = 'predict should be a function: def predict(X, w, b): ...'
        raise AssertionError(message)
    examples = [(np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]), np.array([2.0, 1.0]), 0.5), (np.array([[1.0, -2.0]]), np.array([0.5, 2.0]), 1.0)]
    for X, w, b in examples:
        n, f = X.shape
        X_copy, w_copy = (X.copy(), w.copy())
        try:
            out = predict(X, w, b)
            got = None if out is None else np.asarray(out, dtype=float)
        except Exception as e:
            hint = ''
            if 'matmul' in str(e):
                try:
                    predict(np.eye(f), w.copy(), b)
                    hint = ' X @ w needs as many weights as X has columns: write X @ w (not w @ X or X.T @ w).'
                except Exception:
                    hint = ' Here X has as many columns as w has weights, so predict does not use its own arguments: compute with X, w and b, not X_train or other names from the notebook.'
            message = f'predict on an X of shape ({n}, {f}) raised {type(e).__name__}: {e}.{hint}'
            raise AssertionError(message) from None
        if not got is not None:
            message = 'predict returned None: write its body (still `...`?) and end it with `return`.'
            raise AssertionError(message)
        ok = np.array_equal(X, X_copy) and np.array_equal(w, w_copy)
        if not ok:
            message = 'predict changed X or w in place: compute a new array instead.'
            raise AssertionError(message)
        if got.shape == (n, 1) and n > 1:
            message = f'predict returned shape ({n}, 1): predictions must be 1-D, shape (n,), like the targets; an (n, 1) column minus (n,) targets silently broadcasts to an (n, n) matrix.'
            raise AssertionError(message)
        if got.shape == (n, f) and f > 1:
            message = 'predict returned an (n, f) array: X * w multiplies elementwise; X @ w also sums.'
            raise AssertionError(message)
        if got.shape == () and n > 1:
            message = f'predict returned a single number for {n} houses: it should return one prediction per house (X @ w sums each row).'
            raise AssertionError(message)
        if got.shape == (f,) and n != f:
            message = f'predict returned one number per feature ({f}), not per house ({n}): use X @ w.'
            raise AssertionError(message)
        ok = got.shape == (n,)
        if not ok:
            message = f'predict on {n} houses should return shape ({n},); got {got.shape}.'
            raise AssertionError(message)
        want = X @ w + b
        if np.allclose(got, X @ w):
            message = 'predict forgot the intercept: add b.'
            raise AssertionError(message)
        if np.allclose(got, X @ w - b):
            message = 'predict subtracted b: it should be X @ w + b.'
            raise AssertionError(message)
        if np.allclose(got, X[:, 0] * w[0] + b):
            message = 'predict used only the first feature: it should be X @ w + b, over all features.'
            raise AssertionError(message)
        ok = np.allclose(got, want)
        if not ok:
            message = f'predict({X.tolist()}, w={w.tolist()}, b={b}) should be {want.tolist()} (X @ w + b).'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_predict_random(predict):
    import numpy as np
    if not callable(predict):
        message = 'predict should be a function: def predict(X, w, b): ...'
        raise AssertionError(message)
    rng = np.random.default_rng(204)
    for n, f, dtype in [(1, 1, float), (1, 4, float), (6, 1, float), (30, 3, float), (17, 8, float), (5, 3, np.float32)]:
        X = rng.normal(size=(n, f)).astype(dtype)
        w = rng.normal(size=f).astype(dtype)
        b = dtype(rng.normal())
        X_copy, w_copy = (X.copy(), w.copy())
        try:
            out = predict(X, w, b)
            got = None if out is None else np.asarray(out, dtype=float)
        except Exception as e:
            message = f'predict raised {type(e).__name__} on X of shape ({n}, {f}): {e}'
            raise AssertionError(message) from None
        if not got is not None:
            message = 'predict returned None: write its body (still `...`?) and end it with `return`.'
            raise AssertionError(message)
        ok = np.array_equal(X, X_copy) and np.array_equal(w, w_copy)
        if not ok:
            message = 'predict changed X or w in place: compute a new array instead.'
            raise AssertionError(message)
        if got.shape == (n, 1) and n > 1:
            message = 'predict returned an (n, 1) column: predictions must be 1-D, shape (n,); an (n, 1) column minus (n,) targets silently broadcasts to an (n, n) matrix.'
            raise AssertionError(message)
        ok = got.shape == (n,)
        if not ok:
            message = f'predict on X of shape ({n}, {f}) should return shape ({n},); got {got.shape}.'
            raise AssertionError(message)
        want = X.astype(float) @ w.astype(float) + float(b)
        if np.allclose(got, X.astype(float) @ w.astype(float), rtol=0.0001, atol=1e-05):
            message = 'predict forgot the intercept: add b.'
            raise AssertionError(message)
        ok = np.allclose(got, want, rtol=0.0001, atol=1e-05)
        if not ok:
            message = f'predict is wrong on a random X of shape ({n}, {f}): it should be X @ w + b.'
            raise AssertionError(message)
