# Generated from source/04-logistic-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q2'
points = 2

@test_case(points=None, hidden=False)
def test_sigmoid_values_and_large_scores(sigmoid):
    import numpy as np
    ok = callable(sigmoid)
    if not ok:
        message = 'sigmoid should be a function (def sigmoid(z): ...), not a value: run its cell.'
        raise AssertionError(message)
    z = np.array([-2.0, 0.0, 3.0])
    want = 1 / (1 + np.exp(-z))
    try:
        with np.errstate(all='ignore'):
            out = sigmoid(z)
        got = None if out is None else np.asarray(out, dtype=float)
    except Exception as e:
        hint = ' (`if z >= 0` cannot test a whole array: use np.where)' if 'ambiguous' in str(e) else ''
        message = f'sigmoid([-2, 0, 3]) raised {type(e).__name__}: {e}{hint}'
        raise AssertionError(message) from None
    if not got is not None:
        message = 'sigmoid returned None: write its body (still `...`?) and end it with `return`.'
        raise AssertionError(message)
    ok = np.array_equal(z, [-2.0, 0.0, 3.0])
    if not ok:
        message = 'sigmoid changed its input array z in place (z *= -1?): compute a new array instead.'
        raise AssertionError(message)
    ok = got.shape == (3,)
    if not ok:
        message = f'sigmoid of 3 scores should return 3 probabilities, shape (3,); got shape {got.shape}.'
        raise AssertionError(message)
    hints = [(1 / (1 + np.exp(z)), 'sigmoid gives sigmoid(-z) (sigmoid(3) should be near 1): either the sign is flipped, it is 1 / (1 + exp(-z)), or the two sides of np.where are swapped: 1 / (1 + e) where z >= 0, e / (1 + e) elsewhere.'), (np.exp(z), 'sigmoid returned exp(z): divide, exp(z) / (1 + exp(z)) is 1 / (1 + exp(-z)).'), (np.tanh(z), 'sigmoid computed tanh: the sigmoid is 1 / (1 + exp(-z)), between 0 and 1.'), ((z >= 0).astype(float), 'sigmoid returned 0/1 decisions: return the probability 1 / (1 + exp(-z)).'), ((z > 0).astype(float), 'sigmoid returned 0/1 decisions: return the probability 1 / (1 + exp(-z)).'), (np.round(want, 2), 'sigmoid rounded its results: keep every digit.')]
    for wrong, message in hints:
        if got.shape == wrong.shape and np.allclose(got, wrong, equal_nan=True):
            raise AssertionError(message)
    if np.allclose(got, want, atol=0.0051) and (not np.allclose(got, want, rtol=1e-06)):
        message = "sigmoid's results are rounded (or typed in): compute 1 / (1 + exp(-z)) and keep every digit."
        raise AssertionError(message)
    for side, where, formula in [(z < 0, 'z < 0 (sigmoid(-2) = 0.1192)', 'e / (1 + e)'), (z >= 0, 'z >= 0 (sigmoid(3) = 0.9526)', '1 / (1 + e)')]:
        if np.allclose(got[~side], want[~side], rtol=1e-06) and (not np.allclose(got[side], want[side], rtol=1e-06)):
            message = f'sigmoid is wrong only where {where}: there, with e = np.exp(-np.abs(z)), it is {formula}.'
            raise AssertionError(message)
    ok = np.allclose(got, want, rtol=1e-06)
    if not ok:
        message = f'sigmoid([-2, 0, 3]) should be [0.1192, 0.5, 0.9526], 1 / (1 + exp(-z)); got {np.round(got, 4).tolist()}.'
        raise AssertionError(message)
    big = np.array([-1000.0, -30.0, 30.0, 1000.0])
    try:
        with np.errstate(all='ignore'):
            got = np.asarray(sigmoid(big), dtype=float)
    except Exception as e:
        message = f'sigmoid([-1000, -30, 30, 1000]) raised {type(e).__name__}: {e}'
        raise AssertionError(message) from None
    ok = got.shape == (4,) and bool(np.all(np.isfinite(got)))
    if not ok:
        message = 'sigmoid of large scores gives nan or inf: np.exp(1000) overflows to inf, and inf / inf is nan. Take exp of -|z| only: e = np.exp(-np.abs(z)), then 1 / (1 + e) where z >= 0 and e / (1 + e) elsewhere.'
        raise AssertionError(message)
    ok = np.allclose(got, [0.0, 9.357623e-14, 1.0, 1.0], rtol=1e-06, atol=1e-15)
    if not ok:
        message = f'sigmoid([-1000, -30, 30, 1000]) should be about [0, 9.4e-14, 1, 1]; got {got.tolist()}.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_sigmoid_random_shapes_and_extremes(sigmoid):
    import numpy as np
    if not callable(sigmoid):
        message = 'sigmoid should be a function: def sigmoid(z): ...'
        raise AssertionError(message)
    rng = np.random.default_rng(302)
    cases = [rng.normal(scale=4, size=50), rng.normal(scale=3, size=(40, 3)), rng.normal(size=7).astype(np.float32), np.array([-745.0, -700.0, -40.0, 0.0, 40.0, 700.0, 1e+300]), rng.normal(scale=10000.0, size=5000)]
    for z in cases:
        copy = z.copy()
        zf = z.astype(float)
        e = np.exp(-np.abs(zf))
        want = np.where(zf >= 0, 1 / (1 + e), e / (1 + e))
        try:
            with np.errstate(all='ignore'):
                out = sigmoid(z)
            got = None if out is None else np.asarray(out, dtype=float)
        except Exception as err:
            message = f'sigmoid raised {type(err).__name__} on an array of shape {z.shape}: {err}'
            raise AssertionError(message) from None
        if not got is not None:
            message = 'sigmoid returned None: end it with `return`.'
            raise AssertionError(message)
        ok = np.array_equal(z, copy)
        if not ok:
            message = 'sigmoid changed its input array z in place: compute a new array instead.'
            raise AssertionError(message)
        ok = got.shape == z.shape
        if not ok:
            message = f'sigmoid should keep the shape of z, {z.shape}; got {got.shape}.'
            raise AssertionError(message)
        ok = bool(np.all(np.isfinite(got)))
        if not ok:
            message = 'sigmoid gives nan or inf for large |z| (exp overflows): take exp of -|z| only.'
            raise AssertionError(message)
        tol = 1e-06 if z.dtype == np.float32 else 1e-09
        ok = np.allclose(got, want, rtol=tol, atol=1e-15)
        if not ok:
            message = f'sigmoid is wrong on random scores of shape {z.shape}: 1 / (1 + exp(-z)) elementwise.'
            raise AssertionError(message)
