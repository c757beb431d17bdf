# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q4'
points = 3

@test_case(points=None, hidden=False)
def test_softmax_on_this_house(softmax):
    import warnings
    import numpy as np
    found = 'still blank' if softmax is ... else repr(softmax)[:40] if softmax is None or isinstance(softmax, str) else f'a {type(softmax).__name__}'
    if not callable(softmax):
        message = f'softmax should be a function, def softmax(z): ...; it is {found}.'
        raise AssertionError(message)
    z = np.array([1.0, 2.0, -1.0])
    try:
        with warnings.catch_warnings(), np.errstate(all='ignore'):
            warnings.simplefilter('ignore')
            got = softmax(z.copy())
    except Exception as e:
        hint = " z is 1-D here (one house's scores): use z.max() and e.sum() without axis=; axis=1 is for the 2-D batch of question 6." if 'axis' in str(e) else ''
        message = f'softmax([1, 2, -1]) raised {type(e).__name__}: {e}.{hint}'
        raise AssertionError(message) from None
    if got is None:
        message = 'softmax returned nothing (None): end the function with return and the probabilities.'
        raise AssertionError(message)
    try:
        p = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        message = f'softmax should return numbers, not a {type(got).__name__}.'
        raise AssertionError(message) from None
    found = 'one number' if p.ndim == 0 else f'an array of shape {p.shape}'
    if not p.shape == (3,):
        message = f'softmax of 3 scores should return 3 probabilities, not {found}.'
        raise AssertionError(message)
    if np.allclose(p, np.exp(z) / z.sum()):
        message = 'softmax divided by the sum of the raw scores: divide each exponential by the sum of the exponentials.'
        raise AssertionError(message)
    right = np.exp(z) / np.exp(z).sum()
    if not np.allclose(p, right, atol=1e-06) and any((np.allclose(p, right.round(d)) for d in (1, 2, 3))):
        message = 'softmax rounds its probabilities: return the full values (round only when you print), so that they add up to 1 and large scores keep their small differences.'
        raise AssertionError(message)
    ok = bool(np.isclose(p.sum(), 1.0))
    if not ok:
        message = f'The probabilities returned by softmax should add up to 1, not {p.sum():.4f}: divide by their total.'
        raise AssertionError(message)
    if np.allclose(p, 10.0 ** z / (10.0 ** z).sum()) or np.allclose(p, 2.0 ** z / (2.0 ** z).sum()):
        message = 'softmax used another base (10 ** z or 2 ** z): softmax uses e, np.exp.'
        raise AssertionError(message)
    if np.argmax(p) != np.argmax(z):
        message = 'softmax should keep the order of the scores (the largest score gets the largest probability): did a minus sign flip it?'
        raise AssertionError(message)
    want = np.exp(z) / np.exp(z).sum()
    ok = np.allclose(p, want, atol=1e-06)
    if not ok:
        message = 'softmax is wrong on a vector: softmax([1, 2, -1]) should give probs_by_hand of question 3.'
        raise AssertionError(message)

@test_case(points=None, hidden=False)
def test_softmax_large_and_equal_scores(softmax):
    import warnings
    import numpy as np
    if not callable(softmax):
        message = 'softmax should be a function (see the message above).'
        raise AssertionError(message)
    results = {}
    for z in ((1000.0, 1001.0, 998.0), (-1000.0, 0.0, 1000.0), (0.0, 0.0, 0.0, 0.0)):
        try:
            with warnings.catch_warnings(), np.errstate(all='ignore'):
                warnings.simplefilter('ignore')
                got = softmax(np.array(z))
        except Exception as e:
            hint = ' z is 1-D here: use z.max() and e.sum() without axis=.' if 'axis' in str(e) else ''
            message = f'softmax({list(z)}) raised {type(e).__name__}: {e}.{hint}'
            raise AssertionError(message) from None
        ok = got is not None
        if not ok:
            message = 'softmax returned nothing (None): end the function with return and the probabilities.'
            raise AssertionError(message)
        try:
            results[z] = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            message = f'softmax should return numbers, not a {type(got).__name__}.'
            raise AssertionError(message) from None
    large = [(z, p) for z, p in results.items() if len(z) == 3]
    for z, p in large:
        found = 'one number' if p.ndim == 0 else f'an array of shape {p.shape}'
        if not p.shape == (3,):
            message = f'softmax of 3 scores should return 3 probabilities, not {found}.'
            raise AssertionError(message)
        ok = bool(np.all(np.isfinite(p)))
        if not ok:
            message = f'softmax({list(z)}) gave inf or nan: np.exp overflows for large scores. Subtract the largest score before exponentiating (it does not change the answer).'
            raise AssertionError(message)
    if np.allclose(large[0][1], large[1][1]):
        message = 'softmax gives the same probabilities for different scores: compute them from its argument z, not from scores, probs_by_hand or numbers typed in.'
        raise AssertionError(message)
    for z, p in large:
        z = np.array(z)
        want = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
        if not np.allclose(p, want, atol=1e-06) and any((np.allclose(p, want.round(d)) for d in (1, 2, 3))):
            message = 'softmax rounds its probabilities: return the full values (round only when you print).'
            raise AssertionError(message)
        ok = np.allclose(p, want, atol=1e-06)
        if not ok:
            message = f'softmax is wrong on the large scores {z.tolist()}: subtract the maximum, exponentiate, divide.'
            raise AssertionError(message)
    ok = results[0.0, 0.0, 0.0, 0.0].shape == (4,) and np.allclose(results[0.0, 0.0, 0.0, 0.0], 0.25)
    if not ok:
        message = 'softmax of 4 equal scores should give 1/4 each: it should work for any number of scores (use z.max() and e.sum(), not a fixed 3).'
        raise AssertionError(message)
    z = np.array([1.0, 2.0, -1.0])
    with warnings.catch_warnings(), np.errstate(all='ignore'):
        warnings.simplefilter('ignore')
        softmax(z)
    ok = np.array_equal(z, [1.0, 2.0, -1.0])
    if not ok:
        message = 'softmax changed the array it was given (z -= ... works in place): write z = z - z.max() instead.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_softmax_values(softmax):
    import warnings
    import numpy as np
    if not callable(softmax):
        message = 'softmax should be a function: def softmax(z): ...'
        raise AssertionError(message)
    rng = np.random.default_rng(123)
    for n in (2, 3, 5, 10):
        z = rng.normal(scale=3.0, size=n)
        want = np.exp(z) / np.exp(z).sum()
        before = z.copy()
        try:
            with warnings.catch_warnings(), np.errstate(all='ignore'):
                warnings.simplefilter('ignore')
                got = softmax(z)
        except Exception as e:
            message = f'softmax raised {type(e).__name__} on {n} scores: {e}'
            raise AssertionError(message) from None
        try:
            p = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            message = f'softmax should return numbers, not a {type(got).__name__}.'
            raise AssertionError(message) from None
        if not got is not None:
            message = 'softmax returned nothing (None): end the function with return and the probabilities.'
            raise AssertionError(message)
        ok = p.shape == (n,) and np.allclose(p, want, atol=1e-06)
        if not ok:
            message = f'softmax is wrong on a vector of {n} random scores: exponentiate, then divide by the total.'
            raise AssertionError(message)
        ok = np.array_equal(z, before)
        if not ok:
            message = 'softmax changed the array it was given: write z = z - z.max(), not z -= z.max().'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_softmax_extreme_scores(softmax):
    import warnings
    import numpy as np
    if not callable(softmax):
        message = 'softmax should be a function: def softmax(z): ...'
        raise AssertionError(message)
    for z in (np.array([1000.0, 1001.0, 998.0]), np.array([-1000.0, -1001.0, -998.0]), np.array([0.0, 800.0, -800.0])):
        want = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
        try:
            with warnings.catch_warnings(), np.errstate(all='ignore'):
                warnings.simplefilter('ignore')
                got = softmax(z.copy())
        except Exception as e:
            message = f'softmax raised {type(e).__name__} on the scores {z.tolist()}: {e}'
            raise AssertionError(message) from None
        try:
            p = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            message = f'softmax should return numbers, not a {type(got).__name__}.'
            raise AssertionError(message) from None
        if not got is not None:
            message = 'softmax returned nothing (None): end the function with return and the probabilities.'
            raise AssertionError(message)
        ok = p.shape == z.shape and bool(np.all(np.isfinite(p)))
        if not ok:
            message = f'softmax({z.tolist()}) gave inf or nan: np.exp overflows for large scores and underflows to 0 for very negative ones. Subtract the largest score before exponentiating (it does not change the answer).'
            raise AssertionError(message)
        ok = np.allclose(p, want, atol=1e-06)
        if not ok:
            message = f'softmax is wrong on the scores {z.tolist()}: subtract the maximum, exponentiate, divide by the total.'
            raise AssertionError(message)
