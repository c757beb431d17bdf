# Generated from source/05-softmax-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q1'
points = 3

@test_case(points=None, hidden=False)
def test_softmax_and_two_classes(softmax, sigmoid, two_class_gap):
    import numpy as np
    ok = callable(softmax)
    if not ok:
        message = 'softmax should be a function (def softmax(Z): ...), not a value: run its cell.'
        raise AssertionError(message)

    def call(Z, what):
        copy = Z.copy()
        try:
            with np.errstate(all='ignore'):
                out = softmax(Z)
            got = None if out is None else np.asarray(out, dtype=float)
        except Exception as e:
            message = f"softmax raised {type(e).__name__} on {what}: {str(e).strip()} (a row's max or sum, Z.max(axis=1) or E.sum(axis=1), has shape (n,): keepdims=True keeps it a column, (n, 1), that fits Z)"
            raise AssertionError(message) from None
        if not got is not None:
            message = 'softmax returned None: write its body (still `...`?) and end it with `return`.'
            raise AssertionError(message)
        ok = np.array_equal(Z, copy)
        if not ok:
            message = 'softmax changed its input Z in place (Z -= ...?): compute a new array instead.'
            raise AssertionError(message)
        ok = got.shape == Z.shape
        if not ok:
            message = f'softmax should keep the shape of Z, {Z.shape} for {what}; got {got.shape}.'
            raise AssertionError(message)
        return got
    Z = np.array([[1.0, 2.0, -1.0], [0.0, 0.0, 3.0]])
    got = call(Z, "the warm-up's scores")
    E = np.exp(Z - Z.max(axis=1, keepdims=True))
    want = E / E.sum(axis=1, keepdims=True)
    if np.allclose(got, np.exp(Z) / np.exp(Z).sum(axis=0)):
        message = 'softmax normalised each COLUMN (axis=0): each row (one house) should sum to 1, axis=1.'
        raise AssertionError(message)
    if np.allclose(got, np.exp(Z) / np.exp(Z).sum()):
        message = 'softmax divided by the sum of the whole array: divide each row by its own sum (axis=1).'
        raise AssertionError(message)
    shifted = np.exp(Z - Z.max(axis=0, keepdims=True))
    if np.allclose(got, shifted / shifted.sum(axis=1, keepdims=True)):
        message = "softmax subtracted each COLUMN's largest score (axis=0), which changes the probabilities: subtract each row's own largest score, Z.max(axis=1, keepdims=True) (one number per house cancels in the division)."
        raise AssertionError(message)
    if np.allclose(got, np.exp(Z)) or np.allclose(got, np.exp(Z - Z.max(axis=1, keepdims=True))):
        message = "softmax did not divide by the row's sum: the probabilities of a house should add up to 1."
        raise AssertionError(message)
    if np.allclose(got, np.log(want)):
        message = 'softmax returned the log of the probabilities: return the probabilities themselves.'
        raise AssertionError(message)
    ok = np.allclose(got, want, rtol=1e-06)
    if not ok:
        message = f'softmax([[1, 2, -1], [0, 0, 3]]) should be {np.round(want, 4).tolist()}; got {np.round(got, 4).tolist()}.'
        raise AssertionError(message)
    big = np.array([[1000.0, 0.0, -1000.0], [0.0, -1.0, -2.0]])
    got = call(big, 'large scores')
    ok = bool(np.all(np.isfinite(got)))
    if not ok:
        message = "softmax gives nan for large scores: np.exp(1000) overflows to inf. Subtract each row's largest score first, Z - Z.max(axis=1, keepdims=True); one max for the whole array (Z - Z.max()) is not enough for rows far below it."
        raise AssertionError(message)
    E = np.exp(big - big.max(axis=1, keepdims=True))
    ok = np.allclose(got, E / E.sum(axis=1, keepdims=True), atol=1e-12)
    if not ok:
        message = 'softmax of [[1000, 0, -1000], [0, -1, -2]] should be about [[1, 0, 0], [0.665, 0.245, 0.090]].'
        raise AssertionError(message)
    got = call(np.array([[2.0, -1.0]]), 'one house with 2 scores')
    ok = np.allclose(got, [[1 / (1 + np.exp(-3.0)), 1 / (1 + np.exp(3.0))]])
    if not ok:
        message = 'softmax of one row [[2, -1]] should be [[0.953, 0.047]]: it should work for any number of rows and classes.'
        raise AssertionError(message)
    ok = two_class_gap is not ... and two_class_gap is not None
    if not ok:
        message = 'two_class_gap is still blank: the largest |softmax(Z_pairs)[:, 1] - sigmoid(z1 - z0)|.'
        raise AssertionError(message)
    ok = isinstance(two_class_gap, (int, float, np.integer, np.floating)) and (not isinstance(two_class_gap, bool))
    if not ok:
        message = f'two_class_gap should be a single number, not a {type(two_class_gap).__name__}.'
        raise AssertionError(message)
    gap = float(two_class_gap)
    pairs = np.random.default_rng(3).normal(scale=5, size=(1000, 2))
    E = np.exp(pairs - pairs.max(axis=1, keepdims=True))
    p1 = E[:, 1] / E.sum(axis=1)
    if np.isclose(gap, np.max(np.abs(p1 - 1 / (1 + np.exp(pairs[:, 1] - pairs[:, 0])))), rtol=1e-06):
        message = "two_class_gap compares class 1's probability with sigmoid(z0 - z1), or class 0's with sigmoid(z1 - z0): class 1's probability, softmax(Z_pairs)[:, 1], is sigmoid(z1 - z0)."
        raise AssertionError(message)
    if np.isclose(gap, np.max(np.abs(p1 - 1 / (1 + np.exp(-pairs[:, 1])))), rtol=1e-06):
        message = 'two_class_gap compares with sigmoid(z1): the sigmoid takes the DIFFERENCE z1 - z0.'
        raise AssertionError(message)
    ok = np.isfinite(gap) and 0 <= gap < 1e-09
    if not ok:
        message = f'two_class_gap is {gap:.3g}: softmax(Z_pairs)[:, 1] and sigmoid(Z_pairs[:, 1] - Z_pairs[:, 0]) should agree to rounding (below 1e-9). Check both functions, and take the largest ABSOLUTE difference.'
        raise AssertionError(message)
    ok = callable(sigmoid)
    if not ok:
        message = 'sigmoid (given at the top) should be a function: run the given cell again.'
        raise AssertionError(message)
    try:
        with np.errstate(all='ignore'):
            mine = np.asarray(sigmoid(pairs[:, 1] - pairs[:, 0]), dtype=float)
    except Exception as e:
        message = f'sigmoid (given at the top) raised {type(e).__name__} on the pairs: {e}'
        raise AssertionError(message) from None
    ok = mine.shape == (1000,) and bool(np.max(np.abs(call(pairs, 'Z_pairs')[:, 1] - mine)) < 1e-09)
    if not ok:
        message = 'Your softmax(Z_pairs)[:, 1] and sigmoid(z1 - z0) disagree: check sigmoid (given at the top) and softmax.'
        raise AssertionError(message)
