# Generated from source/05-softmax-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q3'
points = 3

@test_case(points=None, hidden=False)
def test_cross_entropy_from_logits_examples(cross_entropy_from_logits):
    import numpy as np
    ok = callable(cross_entropy_from_logits)
    if not ok:
        message = 'cross_entropy_from_logits should be a function (def cross_entropy_from_logits(Z, y): ...), not a value: run its cell.'
        raise AssertionError(message)

    def call(Z, y, what):
        copy = Z.copy()
        try:
            with np.errstate(all='ignore'):
                value = cross_entropy_from_logits(Z, y)
        except Exception as e:
            message = f"cross_entropy_from_logits raised {type(e).__name__} on {what}: {str(e).strip()} (a row's maximum, Z.max(axis=1, keepdims=True), has shape (n, 1): it fits Z; without keepdims, (n,) does not)"
            raise AssertionError(message) from None
        if not value is not None:
            message = 'cross_entropy_from_logits returned None: write its body (still `...`?) and end it with `return`.'
            raise AssertionError(message)
        ok = np.array_equal(Z, copy)
        if not ok:
            message = 'cross_entropy_from_logits changed its input Z in place (Z -= ...?): compute a new array instead.'
            raise AssertionError(message)
        ok = np.size(value) == 1
        if not ok:
            message = f'cross_entropy_from_logits should return one number, the mean over the houses; got shape {np.shape(value)}.'
            raise AssertionError(message)
        return float(np.asarray(value, dtype=float).ravel()[0])

    def parts(Z, y):
        m = Z.max(axis=1, keepdims=True)
        return (m[:, 0], m[:, 0] + np.log(np.exp(Z - m).sum(axis=1)), Z[np.arange(len(y)), y])
    Z = np.array([[1.0, 2.0, -1.0], [0.0, 0.0, 3.0], [0.5, -0.5, 0.0], [2.0, 1.0, 0.0]])
    y = np.array([0, 2, 1, 1])
    m, lse, picked = parts(Z, y)
    want = float(np.mean(lse - picked))
    got = call(Z, y, 'four houses with small scores')
    hints = [(-want, "cross_entropy_from_logits has the wrong sign: a house's loss is its log-sum-exp MINUS its true class's score."), (np.mean(lse - m - picked), "the row's maximum was subtracted inside the exp but not added back after the log: log(sum_j e^(z_j)) = m + log(sum_j e^(z_j - m))."), (np.sum(lse - picked), 'cross_entropy_from_logits summed over the houses: take the mean.'), (np.mean(lse), "the true class's score is missing: subtract Z[i, y_i] from each house's log-sum-exp."), (np.mean(lse - m), "cross_entropy_from_logits subtracted each house's LARGEST score, not its true class's: subtract Z[i, y_i], picked with Z[np.arange(n), y]."), (np.mean(lse - Z[:, 0]), "cross_entropy_from_logits subtracted class 0's score for every house: subtract the true class's, Z[np.arange(n), y]."), (np.mean(lse / np.log(10) - picked), 'the log-sum-exp used log10: use the natural log, np.log.'), (np.mean(m + (lse - m) / np.log(10) - picked), 'the log-sum-exp used log10: use the natural log, np.log.')]
    for wrong, message in hints:
        if np.isclose(got, wrong, rtol=1e-09) and (not np.isclose(wrong, want, rtol=1e-09)):
            raise AssertionError(message)
    ok = bool(np.isclose(got, want, rtol=1e-09))
    if not ok:
        message = f'cross_entropy_from_logits(Z, y) with Z = {Z.tolist()} and y = {y.tolist()} should be {want:.6f}, the mean of log(sum_j e^(Z[i, j])) - Z[i, y_i]; got {got:.6f}.'
        raise AssertionError(message)
    one = np.array([[1000.0, 0.0, -1000.0]])
    got = call(one, np.array([0]), 'the scores [1000, 0, -1000] of a house that is truly class 0')
    ok = bool(np.isfinite(got))
    if not ok:
        message = f"cross_entropy_from_logits gives {got} for the scores [1000, 0, -1000] with true class 0 (its loss is about 0): exp(1000) overflows to inf. Subtract the row's largest score before exp, and add it back after the log."
        raise AssertionError(message)
    got = call(one, np.array([2]), 'the scores [1000, 0, -1000] of a house that is truly class 2')
    ok = bool(np.isfinite(got))
    if not ok:
        message = f"cross_entropy_from_logits gives {got} for a house whose true class scores -1000 (its loss is 2000): its probability, e^-2000, rounds to 0 and -log 0 is inf. Never form that probability: compute log(sum_j e^(z_j)) - z_y, the log-sum-exp with the row's maximum taken out."
        raise AssertionError(message)
    big = np.array([[1000.0, 0.0, -1000.0], [1000.0, 0.0, -1000.0], [0.0, -1.0, -2.0]])
    y_big = np.array([0, 2, 1])
    m, lse, picked = parts(big, y_big)
    want = float(np.mean(lse - picked))
    got = call(big, y_big, 'three houses, two with the scores [1000, 0, -1000]')
    ok = bool(np.isfinite(got))
    if not ok:
        message = f"cross_entropy_from_logits gives {got} when one row's scores, [0, -1, -2], lie far below another's largest, 1000: subtract EACH ROW's own maximum, Z.max(axis=1, keepdims=True). One maximum for the whole array sends that row to exp(-1000) = 0 and log 0."
        raise AssertionError(message)
    ok = bool(np.isclose(got, want, rtol=1e-09))
    if not ok:
        message = f"cross_entropy_from_logits of Z = {big.tolist()} with y = {y_big.tolist()} should be {want:.4f}: the houses' losses are about 0, 2000 and {lse[2] - picked[2]:.4f}; got {got:.4f}."
        raise AssertionError(message)
    Z1, y1 = (np.array([[3.0, -3.0]]), np.array([1]))
    want = float(np.log(np.exp(3.0) + np.exp(-3.0)) + 3.0)
    got = call(Z1, y1, 'one house with 2 scores')
    ok = bool(np.isclose(got, want, rtol=1e-09))
    if not ok:
        message = f'cross_entropy_from_logits([[3, -3]], [1]) should be {want:.6f}: it should work for any number of houses and classes.'
        raise AssertionError(message)
