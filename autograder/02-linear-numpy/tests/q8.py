# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q8'
points = 4

@test_case(points=None, hidden=False)
def test_numerical_gradient_examples(numerical_gradient, cube_sum, curvy_function):
    import warnings
    import numpy as np
    found = 'still blank' if numerical_gradient is ... else f'a {type(numerical_gradient).__name__}'
    ok = callable(numerical_gradient)
    if not ok:
        message = f'numerical_gradient should be a function, def numerical_gradient(f, w, h=1e-5); it is {found}.'
        raise AssertionError(message)

    def cube(v):
        return float(np.sum(np.asarray(v, dtype=float) ** 3))
    w, h = (np.array([1.0, -2.0, 0.5]), 0.1)
    try:
        ok = callable(cube_sum) and np.isclose(cube_sum(np.array([1.0, -2.0, 3.0])), cube(np.array([1.0, -2.0, 3.0])))
    except Exception:
        ok = False
    if not ok:
        message = 'cube_sum is not the given function any more: run the cell of question 8 as it is given.'
        raise AssertionError(message)
    exact = 3 * w ** 2
    central = exact + h ** 2
    together = (cube(w + h) - cube(w - h)) / (2 * h)
    hints = [(exact + 3 * w * h + h ** 2, 'one-sided'), (exact - 3 * w * h + h ** 2, 'one-sided'), (2 * central, 'numerical_gradient divides by h: the points w - h and w + h are 2 * h apart, so divide by 2 * h.'), (central / 2, 'numerical_gradient divides by 4 * h: the points w - h and w + h are 2 * h apart, so divide by 2 * h.'), (-central, 'numerical_gradient has the wrong sign: the upper point first, (f(w + h e_i) - f(w - h e_i)) / (2 * h).'), (exact, "numerical_gradient ignores the h it is given (0.1 here): nudge by the function's argument h."), (np.full(3, together), 'numerical_gradient nudged every entry of w at once: nudge one entry at a time.')]
    one_sided = 'numerical_gradient takes a one-sided difference, (f(w + h e_i) - f(w)) / h: step both ways, (f(w + h e_i) - f(w - h e_i)) / (2 * h), whose error is about h ** 2 instead of h.'
    w_copy = w.copy()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            out = numerical_gradient(cube_sum, w, h)
    except Exception as e:
        message = f'numerical_gradient(f, w, h) raised {type(e).__name__}: {e}'
        raise AssertionError(message) from None
    if not out is not None:
        message = 'numerical_gradient returned None: end it with `return` and the array of slopes.'
        raise AssertionError(message)
    ok = np.shape(w) == w_copy.shape and np.allclose(w, w_copy, rtol=0, atol=1e-12)
    if not ok:
        message = 'numerical_gradient changed w in place (w[i] += h?): nudge copies of w, w.copy().'
        raise AssertionError(message)
    try:
        got = np.asarray(out, dtype=float)
    except (TypeError, ValueError):
        message = 'numerical_gradient should return an array of numbers, one slope per entry of w.'
        raise AssertionError(message) from None
    ok = got.shape == w.shape
    if not ok:
        message = f'numerical_gradient should return one slope per entry of w, shape {w.shape} here; got shape {got.shape}.'
        raise AssertionError(message)
    for wrong, message in hints:
        if np.allclose(got, wrong, rtol=1e-06, atol=1e-09):
            message = one_sided if message == 'one-sided' else message
            raise AssertionError(message)
    ok = np.allclose(got, central, rtol=1e-06, atol=1e-09)
    if not ok:
        message = f'For f(v) = sum(v ** 3) at w = [1, -2, 0.5] with h = 0.1, numerical_gradient should give {np.round(central, 4).tolist()}: entry i is (f(w + h e_i) - f(w - h e_i)) / (2 * h), with e_i one at i and zero elsewhere; got {np.round(got, 4).tolist()}.'
        raise AssertionError(message)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            got = np.asarray(numerical_gradient(cube_sum, w), dtype=float)
    except Exception as e:
        message = f'numerical_gradient(f, w), with no h, raised {type(e).__name__}: {e}'
        raise AssertionError(message) from None
    ok = got.shape == w.shape and np.allclose(got, exact + 1e-10, rtol=0, atol=2e-09)
    if not ok:
        message = 'numerical_gradient(f, w) with no h given is off by more than the default step allows: keep h=1e-5 as the default in its first line, def numerical_gradient(f, w, h=1e-5).'
        raise AssertionError(message)
    A, c, w = (np.array([[2.0, 1.0], [1.0, 3.0]]), np.array([1.0, -1.0]), np.array([0.5, -0.2]))

    def curvy(v):
        return float(v @ A @ v / 2 + c @ np.sin(v) + np.sum(np.exp(v)))
    try:
        given = curvy_function(A.copy(), c.copy())
        ok = callable(given) and np.isclose(given(w), curvy(w), rtol=1e-12)
    except Exception:
        ok = False
    if not ok:
        message = 'curvy_function is not the given function any more: run the cell of question 8 as it is given.'
        raise AssertionError(message)
    want = [(curvy(w + e) - curvy(w - e)) / 2e-05 for e in np.eye(2) * 1e-05]
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            got = np.asarray(numerical_gradient(given, w), dtype=float)
    except Exception as e:
        message = f'numerical_gradient raised {type(e).__name__} on a second function: {e}'
        raise AssertionError(message) from None
    ok = got.shape == w.shape and np.allclose(got, want, rtol=1e-07, atol=1e-08)
    if not ok:
        message = "numerical_gradient works on sum(v ** 3) but not on curvy_function(A, c) at w = [0.5, -0.2]: does it use the f it is given, and only w's own entries?"
        raise AssertionError(message)

@test_case(points=None, hidden=False)
def test_relative_error_examples(relative_error):
    import warnings
    import numpy as np
    found = 'still blank' if relative_error is ... else f'a {type(relative_error).__name__}'
    ok = callable(relative_error)
    if not ok:
        message = f'relative_error should be a function, def relative_error(a, b); it is {found}.'
        raise AssertionError(message)
    cases = [([1.0, 2.0], [1.0, 2.1], 0.1 / 4.1, 'entry 1 differs by 0.1, against |2| + |2.1| = 4.1'), ([-1.0, 3.0], [1.0, 3.0], 1.0, 'entry 0 differs by 2, against |-1| + |1| = 2'), ([0.0, 1.0], [0.0, 1.0], 0.0, 'equal arrays, with a zero in both'), ([[1.0, -2.0], [0.5, 0.0]], [[1.0, -2.0], [0.4, 0.0]], 0.1 / 0.9, 'a 2-D pair: 0.1 against 0.9')]
    symmetric = 'divide by |a| + |b|, so that relative_error(a, b) equals relative_error(b, a)'
    for a, b, want, why in cases:
        a, b = (np.array(a), np.array(b))
        copies = (a.copy(), b.copy())
        diff, size = (np.abs(a - b), np.abs(a) + np.abs(b))
        with np.errstate(all='ignore'):
            hints = [(diff.max(), 'relative_error returned the plain difference |a - b|: divide each by |a| + |b|.'), ((diff / np.abs(a)).max(), f'relative_error divided by |a| only: {symmetric}.'), ((diff / np.abs(b)).max(), f'relative_error divided by |b| only: {symmetric}.'), ((diff / np.maximum(size, 1e-08)).mean(), 'relative_error averaged the entries: take the largest (np.max), so one bad entry cannot hide.'), (np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)), 'relative_error compared whole arrays (norms): compare entry by entry, then take the largest.'), (diff.sum() / size.sum(), 'relative_error added up before dividing: divide entry by entry, then take the largest.'), (diff.max() / size.max(), 'relative_error divided the largest difference by the largest |a| + |b|: divide entry by entry, then take the largest of the ratios.'), ((diff / np.maximum(a + b, 1e-08)).max(), 'relative_error divided by a + b: use absolute values, |a| + |b| (a + b is 0 when a = -b).')]
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                out = relative_error(a, b)
        except Exception as e:
            hint = " Python's max() compares whole rows of a 2-D array: np.max looks at every entry." if 'ambiguous' in str(e) else ''
            message = f'relative_error({a.tolist()}, {b.tolist()}) raised {type(e).__name__}: {e}.{hint}'
            raise AssertionError(message) from None
        if not out is not None:
            message = 'relative_error returned None: end it with `return` and the number.'
            raise AssertionError(message)
        ok = np.array_equal(a, copies[0]) and np.array_equal(b, copies[1])
        if not ok:
            message = 'relative_error changed a or b in place: compute new arrays instead.'
            raise AssertionError(message)
        try:
            got = np.asarray(out, dtype=float)
        except (TypeError, ValueError):
            message = f'relative_error should return a number; got a {type(out).__name__}.'
            raise AssertionError(message) from None
        ok = got.shape == ()
        if not ok:
            message = f'relative_error should return one number, the largest over the entries (np.max); got shape {got.shape}.'
            raise AssertionError(message)
        got = float(got)
        if np.isnan(got) and want == 0.0:
            message = 'relative_error of two equal arrays with zeros in them is nan (0 / 0): divide by np.maximum(|a| + |b|, 1e-8), so two zeros give 0.'
            raise AssertionError(message)
        if np.isinf(got) or np.isnan(got):
            message = f'relative_error({a.tolist()}, {b.tolist()}) is {got}: the denominator was 0. Use absolute values, |a| + |b| (a + b is 0 when a = -b), kept at least 1e-8.'
            raise AssertionError(message)
        for wrong, message in hints:
            if np.isfinite(wrong) and np.isclose(got, wrong, rtol=1e-06, atol=1e-12) and (not np.isclose(wrong, want)):
                raise AssertionError(message)
        ok = bool(np.isclose(got, want, rtol=1e-06, atol=1e-12))
        if not ok:
            message = f'relative_error({a.tolist()}, {b.tolist()}) should be {want:.4g} ({why}): the largest over the entries of |a - b| / max(|a| + |b|, 1e-8); got {got:.4g}.'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_numerical_gradient_on_fresh_functions(numerical_gradient, curvy_function, cube_sum):
    import warnings
    import numpy as np
    if not callable(numerical_gradient):
        message = 'numerical_gradient should be a function: def numerical_gradient(f, w, h=1e-5).'
        raise AssertionError(message)
    rng = np.random.default_rng(208)

    def central(f, w, h):
        out = np.zeros(w.shape)
        for i in range(w.size):
            e = np.zeros(w.shape)
            e[i] = h
            out[i] = (f(w + e) - f(w - e)) / (2 * h)
        return out

    def forward(f, w, h):
        out = np.zeros(w.shape)
        for i in range(w.size):
            e = np.zeros(w.shape)
            e[i] = h
            out[i] = (f(w + e) - f(w)) / h
        return out
    for n, h in [(1, 0.3), (4, None), (6, 0.001), (3, 0.05)]:
        A, c = (rng.normal(size=(n, n)), rng.normal(size=n))

        def f(v, A=A, c=c):
            v = np.asarray(v, dtype=float)
            return float(v @ A @ v / 2 + c @ np.sin(v) + np.sum(np.exp(v)))
        w = rng.normal(size=n)
        try:
            given = curvy_function(A.copy(), c.copy())
            ok = callable(given) and np.isclose(given(w), f(w), rtol=1e-12)
        except Exception:
            ok = False
        if not ok:
            message = 'curvy_function is not the given function any more: run the cell of question 8 as it is given.'
            raise AssertionError(message)
        w_copy = w.copy()
        step = 1e-05 if h is None else h
        want = central(f, w, step)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                out = numerical_gradient(given, w) if h is None else numerical_gradient(given, w, h)
            got = np.asarray(out, dtype=float)
        except Exception as e:
            message = f'numerical_gradient failed on a function of {n} weights ({type(e).__name__}: {e}).'
            raise AssertionError(message) from None
        ok = np.allclose(w, w_copy, rtol=0, atol=1e-12)
        if not ok:
            message = 'numerical_gradient changed w in place: nudge copies of w.'
            raise AssertionError(message)
        ok = got.shape == w.shape
        if not ok:
            message = f'numerical_gradient should return one slope per entry of w, shape {w.shape}; got {got.shape}.'
            raise AssertionError(message)
        close = dict(rtol=1e-07, atol=1e-08)
        if np.allclose(got, want, **close):
            continue
        if np.allclose(got, forward(f, w, step), **close) or np.allclose(got, forward(f, w, -step), **close):
            message = 'numerical_gradient takes a one-sided difference: use (f(w + h e_i) - f(w - h e_i)) / (2 * h).'
            raise AssertionError(message)
        if np.allclose(got, 2 * want, **close):
            message = 'numerical_gradient divides by h: the two points are 2 * h apart.'
            raise AssertionError(message)
        if h is not None and np.allclose(got, central(f, w, 1e-05), **close):
            message = f'numerical_gradient ignores the h it is given ({h} here): nudge by h.'
            raise AssertionError(message)
        if h is None:
            message = 'numerical_gradient(f, w) with no h does not step by the default h=1e-5.'
            raise AssertionError(message)
        message = 'numerical_gradient is wrong on a fresh function: entry i is (f(w + h e_i) - f(w - h e_i)) / (2 * h).'
        raise AssertionError(message)
    w, h = (rng.normal(size=5), 0.02)
    want = 3 * w ** 2 + h ** 2
    try:
        got = np.asarray(numerical_gradient(cube_sum, w, h), dtype=float)
    except Exception as e:
        message = f'numerical_gradient failed on sum(v ** 3) ({type(e).__name__}: {e}).'
        raise AssertionError(message) from None
    ok = got.shape == want.shape and np.allclose(got, want, rtol=1e-07, atol=1e-08)
    if not ok:
        message = 'numerical_gradient is wrong on sum(v ** 3) at a fresh w: (f(w + h e_i) - f(w - h e_i)) / (2 * h).'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_relative_error_on_fresh_arrays(relative_error):
    import warnings
    import numpy as np
    if not callable(relative_error):
        message = 'relative_error should be a function: def relative_error(a, b).'
        raise AssertionError(message)
    rng = np.random.default_rng(209)
    for shape in [(5,), (3, 4), (1,), (7,)]:
        a = rng.normal(size=shape)
        b = a + rng.normal(scale=0.1, size=shape) * rng.integers(0, 2, size=shape)
        a.flat[0] = b.flat[0] = 0.0
        diff, size = (np.abs(a - b), np.abs(a) + np.abs(b))
        want = float(np.max(diff / np.maximum(size, 1e-08)))
        copies = (a.copy(), b.copy())
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                got = np.asarray(relative_error(a, b), dtype=float)
        except Exception as e:
            message = f'relative_error failed on arrays of shape {shape} ({type(e).__name__}: {e}).'
            raise AssertionError(message) from None
        ok = np.array_equal(a, copies[0]) and np.array_equal(b, copies[1])
        if not ok:
            message = 'relative_error changed a or b in place.'
            raise AssertionError(message)
        ok = got.shape == ()
        if not ok:
            message = 'relative_error should return one number, the largest over the entries.'
            raise AssertionError(message)
        got = float(got)
        ok = bool(np.isfinite(got))
        if not ok:
            message = 'relative_error is not finite: divide by max(|a| + |b|, 1e-8), with absolute values.'
            raise AssertionError(message)
        with np.errstate(all='ignore'):
            hints = [(diff.max(), 'relative_error returned the plain difference: divide by |a| + |b|.'), ((diff / np.maximum(np.abs(a), 1e-08)).max(), 'relative_error divided by |a| only: divide by |a| + |b|.'), ((diff / np.maximum(size, 1e-08)).mean(), 'relative_error averaged the entries: take the largest.'), (diff.max() / size.max(), 'relative_error divided the largest difference by the largest |a| + |b|.')]
        for wrong, message in hints:
            if np.isclose(got, wrong, rtol=1e-06) and (not np.isclose(wrong, want, rtol=1e-06)):
                raise AssertionError(message)
        ok = bool(np.isclose(got, want, rtol=1e-06, atol=1e-12))
        if not ok:
            message = 'relative_error is wrong on fresh arrays: the largest of |a - b| / max(|a| + |b|, 1e-8).'
            raise AssertionError(message)
