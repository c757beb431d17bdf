# Generated from source/04-logistic-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q6'
points = 3

@test_case(points=None, hidden=False)
def test_bce_from_scores_examples(bce_from_scores):
    import numpy as np
    ok = callable(bce_from_scores)
    if not ok:
        message = 'bce_from_scores should be a function (def bce_from_scores(z, t): ...), not a value: run its cell.'
        raise AssertionError(message)

    def truth(z, t):
        return t * np.logaddexp(0, -z) + (1 - t) * np.logaddexp(0, z)

    def run(z, t):
        z, t = (np.array(z, dtype=float), np.array(t, dtype=float))
        copies = (z.copy(), t.copy())
        said = f'bce_from_scores({z.tolist()}, {t.tolist()})'
        try:
            with np.errstate(all='ignore'):
                value = bce_from_scores(z, t)
        except Exception as e:
            message = f'{said} raised {type(e).__name__}: {e}'
            raise AssertionError(message) from None
        if not value is not None:
            message = 'bce_from_scores returned None: write its body (still `...`?) and end it with `return`.'
            raise AssertionError(message)
        ok = np.array_equal(z, copies[0]) and np.array_equal(t, copies[1])
        if not ok:
            message = 'bce_from_scores changed z or t in place: compute new arrays instead (z = ..., not z[...] = ...).'
            raise AssertionError(message)
        try:
            got = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            message = f'{said} should be a number; got a {type(value).__name__}.'
            raise AssertionError(message) from None
        if got.shape == z.shape and z.size > 1:
            message = f'{said} returned one loss per house: return their mean, one number.'
            raise AssertionError(message)
        ok = got.size == 1
        if not ok:
            message = f'{said} should be one number, the mean over the houses; got shape {got.shape}.'
            raise AssertionError(message)
        return (said, float(got.ravel()[0]))
    z, t = (np.array([-2.0, 0.5, 3.0]), np.array([0.0, 1.0, 1.0]))
    said, got = run(z, t)
    want = float(np.mean(truth(z, t)))
    hints = [(-want, 'is negative: the loss is MINUS the logs, and -log p = log(1 + e^(-z)) is positive.'), (float(np.mean(truth(z, 1 - t))), 'gives the loss of the opposite labels: log p = -log(1 + e^(-z)) goes with t = 1, log(1 - p) = -log(1 + e^z) with t = 0.'), (3 * want, 'summed over the houses: take the mean.'), (want / np.log(10), 'used log10: the cross-entropy uses the natural log (np.logaddexp is natural too).'), (want / np.log(2), 'used log2: the cross-entropy uses the natural log (np.logaddexp, not np.logaddexp2).')]
    for wrong, message in hints:
        if np.isfinite(got) and np.isclose(got, wrong, rtol=1e-06):
            message = f'{said} {message}'
            raise AssertionError(message)
    if abs(got - want) <= 5.1e-05 and (not np.isclose(got, want, rtol=1e-06)):
        message = f'{said} gives a rounded number (typed in?): compute it from z and t, with every digit.'
        raise AssertionError(message)
    ok = bool(np.isclose(got, want, rtol=1e-06))
    if not ok:
        message = f'{said} should be {want:.4f}, the mean of t * log(1 + e^(-z)) + (1 - t) * log(1 + e^z) (the same as bce(sigmoid(z), t)); got {got:.4f}.'
        raise AssertionError(message)
    said, again = run([1.0, -0.5], [0.0, 0.0])
    ok = not np.isclose(again, got) or np.isclose(again, np.mean(truth(np.array([1.0, -0.5]), np.zeros(2))))
    if not ok:
        message = f'{said} gives the same number as before: compute the loss from z and t, not a value typed in.'
        raise AssertionError(message)
    said, sure_right = run([40.0], [1.0])
    if np.isnan(sure_right):
        message = f'{said} is nan: sigmoid(40) rounds to exactly 1.0, and 1 * log(1) + 0 * log(0) is nan. Do not go through the sigmoid: write the loss with np.logaddexp, from z.'
        raise AssertionError(message)
    ok = np.isfinite(sure_right) and abs(sure_right) < 1e-12
    if not ok:
        message = f'{said} should be about 0 (4e-18, a sure right answer costs almost nothing); got {sure_right}.'
        raise AssertionError(message)
    z, t = (np.array([-1000.0, 1000.0, -1000.0, 1000.0]), np.array([1.0, 0.0, 0.0, 1.0]))
    said, got = run(z, t)
    ok = np.isfinite(got)
    if not ok:
        message = f'{said} gives {got}: np.exp(1000) overflows to inf (and sigmoid(1000) rounds to 1, so log(1 - p) is log 0). Use np.logaddexp(0, z) = log(1 + e^z) and np.logaddexp(0, -z) = log(1 + e^(-z)): they never overflow.'
        raise AssertionError(message)
    if got < 499:
        message = f'{said} is finite but too small, {got:.4g}: the two sure wrong answers cost 1000 each, so the mean is 500. Clipping p or z caps the loss; np.logaddexp keeps it exact.'
        raise AssertionError(message)
    ok = bool(np.isclose(got, 500.0, rtol=1e-09))
    if not ok:
        message = f'{said} should be 500: 1000, 1000, 0 and 0, the loss of each house from its score; got {got:.6g}.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_bce_from_scores_fresh_scores(bce_from_scores):
    import numpy as np
    if not callable(bce_from_scores):
        message = 'bce_from_scores should be a function: def bce_from_scores(z, t): ...'
        raise AssertionError(message)
    rng = np.random.default_rng(306)
    cases = [(1, 3.0, float), (17, 3.0, float), (1000, 50.0, float), (200, 10000.0, float), (64, 4.0, np.float32), (30, 1000000.0, float)]
    for n, scale, dtype in cases:
        z = (scale * rng.normal(size=n)).astype(dtype)
        t = rng.integers(0, 2, size=n).astype(dtype)
        zf, tf = (z.astype(float), t.astype(float))
        want = float(np.mean(tf * np.logaddexp(0, -zf) + (1 - tf) * np.logaddexp(0, zf)))
        copies = (z.copy(), t.copy())
        try:
            with np.errstate(all='ignore'):
                got = float(np.asarray(bce_from_scores(z, t), dtype=float).ravel()[0])
        except Exception as e:
            message = f'bce_from_scores failed on {n} scores ({type(e).__name__}: {e}): it should return one number.'
            raise AssertionError(message) from None
        ok = np.array_equal(z, copies[0]) and np.array_equal(t, copies[1])
        if not ok:
            message = 'bce_from_scores changed z or t in place: compute new arrays instead.'
            raise AssertionError(message)
        ok = np.isfinite(got)
        if not ok:
            message = f'bce_from_scores gives {got} on scores of size about {scale:g}: write it with np.logaddexp, from z.'
            raise AssertionError(message)
        tol = 1e-05 if dtype is np.float32 else 1e-06
        ok = bool(np.isclose(got, want, rtol=tol, atol=tol))
        if not ok:
            message = f'bce_from_scores is wrong on {n} random scores of size about {scale:g}: the mean of t * log(1 + e^(-z)) + (1 - t) * log(1 + e^z).'
            raise AssertionError(message)
    t_int = np.array([1, 0, 1, 0])
    z = np.array([2.0, -1.0, -700.0, 800.0])
    want = float(np.mean(t_int * np.logaddexp(0, -z) + (1 - t_int) * np.logaddexp(0, z)))
    try:
        with np.errstate(all='ignore'):
            got = float(np.asarray(bce_from_scores(z, t_int), dtype=float).ravel()[0])
    except Exception as e:
        message = f'bce_from_scores failed on integer labels ({type(e).__name__}: {e}).'
        raise AssertionError(message) from None
    ok = bool(np.isclose(got, want, rtol=1e-06))
    if not ok:
        message = 'bce_from_scores is wrong on integer labels 0 and 1: the same formula works for them.'
        raise AssertionError(message)
