# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3

@test_case(points=None, hidden=False)
def test_softmax_on_this_house(softmax):
    import warnings
    import numpy as np
    found = 'still blank' if softmax is ... else repr(softmax)[:40] if softmax is None or isinstance(softmax, str) else f'a {type(softmax).__name__}'
    assert callable(softmax), f'softmax should be a function, def softmax(z): ...; it is {found}.'
    z = np.array([1.0, 2.0, -1.0])
    try:
        with warnings.catch_warnings(), np.errstate(all='ignore'):
            warnings.simplefilter('ignore')
            got = softmax(z.copy())
    except Exception as e:
        hint = " z is 1-D here (one house's scores): use z.max() and e.sum() without axis=; axis=1 is for the 2-D batch of question 6." if 'axis' in str(e) else ''
        raise AssertionError(f'softmax([1, 2, -1]) raised {type(e).__name__}: {e}.{hint}') from None
    if got is None:
        raise AssertionError('softmax returned nothing (None): end the function with return and the probabilities.')
    try:
        p = np.asarray(got, dtype=float)
    except (TypeError, ValueError):
        raise AssertionError(f'softmax should return numbers, not a {type(got).__name__}.') from None
    found = 'one number' if p.ndim == 0 else f'an array of shape {p.shape}'
    assert p.shape == (3,), f'softmax of 3 scores should return 3 probabilities, not {found}.'
    if np.allclose(p, np.exp(z) / z.sum()):
        raise AssertionError('softmax divided by the sum of the raw scores: divide each exponential by the sum of the exponentials.')
    right = np.exp(z) / np.exp(z).sum()
    if not np.allclose(p, right, atol=1e-06) and any((np.allclose(p, right.round(d)) for d in (1, 2, 3))):
        raise AssertionError('softmax rounds its probabilities: return the full values (round only when you print), so that they add up to 1 and large scores keep their small differences.')
    ok = bool(np.isclose(p.sum(), 1.0))
    assert ok, f'The probabilities returned by softmax should add up to 1, not {p.sum():.4f}: divide by their total.'
    if np.allclose(p, 10.0 ** z / (10.0 ** z).sum()) or np.allclose(p, 2.0 ** z / (2.0 ** z).sum()):
        raise AssertionError('softmax used another base (10 ** z or 2 ** z): softmax uses e, np.exp.')
    if np.argmax(p) != np.argmax(z):
        raise AssertionError('softmax should keep the order of the scores (the largest score gets the largest probability): did a minus sign flip it?')
    want = np.exp(z) / np.exp(z).sum()
    ok = np.allclose(p, want, atol=1e-06)
    assert ok, 'softmax is wrong on a vector: softmax([1, 2, -1]) should give probs_by_hand of question 3.'

@test_case(points=None, hidden=False)
def test_softmax_large_and_equal_scores(softmax):
    import warnings
    import numpy as np
    assert callable(softmax), 'softmax should be a function (see the message above).'
    results = {}
    for z in ((1000.0, 1001.0, 998.0), (-1000.0, 0.0, 1000.0), (0.0, 0.0, 0.0, 0.0)):
        try:
            with warnings.catch_warnings(), np.errstate(all='ignore'):
                warnings.simplefilter('ignore')
                got = softmax(np.array(z))
        except Exception as e:
            hint = ' z is 1-D here: use z.max() and e.sum() without axis=.' if 'axis' in str(e) else ''
            raise AssertionError(f'softmax({list(z)}) raised {type(e).__name__}: {e}.{hint}') from None
        ok = got is not None
        assert ok, 'softmax returned nothing (None): end the function with return and the probabilities.'
        try:
            results[z] = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            raise AssertionError(f'softmax should return numbers, not a {type(got).__name__}.') from None
    large = [(z, p) for z, p in results.items() if len(z) == 3]
    for z, p in large:
        found = 'one number' if p.ndim == 0 else f'an array of shape {p.shape}'
        assert p.shape == (3,), f'softmax of 3 scores should return 3 probabilities, not {found}.'
        ok = bool(np.all(np.isfinite(p)))
        assert ok, f'softmax({list(z)}) gave inf or nan: np.exp overflows for large scores. Subtract the largest score before exponentiating (it does not change the answer).'
    if np.allclose(large[0][1], large[1][1]):
        raise AssertionError('softmax gives the same probabilities for different scores: compute them from its argument z, not from scores, probs_by_hand or numbers typed in.')
    for z, p in large:
        z = np.array(z)
        want = np.exp(z - z.max()) / np.exp(z - z.max()).sum()
        if not np.allclose(p, want, atol=1e-06) and any((np.allclose(p, want.round(d)) for d in (1, 2, 3))):
            raise AssertionError('softmax rounds its probabilities: return the full values (round only when you print).')
        ok = np.allclose(p, want, atol=1e-06)
        assert ok, f'softmax is wrong on the large scores {z.tolist()}: subtract the maximum, exponentiate, divide.'
    ok = results[0.0, 0.0, 0.0, 0.0].shape == (4,) and np.allclose(results[0.0, 0.0, 0.0, 0.0], 0.25)
    assert ok, 'softmax of 4 equal scores should give 1/4 each: it should work for any number of scores (use z.max() and e.sum(), not a fixed 3).'
    z = np.array([1.0, 2.0, -1.0])
    with warnings.catch_warnings(), np.errstate(all='ignore'):
        warnings.simplefilter('ignore')
        softmax(z)
    ok = np.array_equal(z, [1.0, 2.0, -1.0])
    assert ok, 'softmax changed the array it was given (z -= ... works in place): write z = z - z.max() instead.'

