# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 6

@test_case(points=None, hidden=False)
def test_batch_form(softmax_rows, mean_cross_entropy, batch_probs, batch_preds, batch_accuracy, batch_loss):
    import numpy as np
    ok = callable(softmax_rows) and callable(mean_cross_entropy)
    assert ok, 'softmax_rows and mean_cross_entropy should be functions.'
    ok = np.shape(batch_probs) == (4, 3)
    assert ok, 'batch_probs should have one row per house and one column per class: shape (4, 3).'
    ok = np.shape(batch_preds) == (4,)
    assert ok, 'batch_preds should hold one predicted class number per house: shape (4,).'
    for name, value in [('batch_accuracy', batch_accuracy), ('batch_loss', batch_loss)]:
        ok = value is not ... and value is not None and (np.ndim(value) == 0)
        assert ok, f'{name} should be a single number.'

@test_case(points=None, hidden=True)
def test_softmax_rows(softmax_rows):
    import numpy as np
    rng = np.random.default_rng(7)
    for n, k in [(5, 3), (2, 4), (1, 3)]:
        Z = rng.normal(scale=2.0, size=(n, k))
        want = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
        try:
            P = np.asarray(softmax_rows(Z.copy()), dtype=float)
        except Exception as e:
            raise AssertionError(f'softmax_rows raised {type(e).__name__} on a ({n}, {k}) array: {e}') from None
        ok = P.shape == Z.shape
        assert ok, f'softmax_rows should keep the shape: ({n}, {k}) in, ({n}, {k}) out; got {P.shape}.'
        down_columns = np.exp(Z) / np.exp(Z).sum(axis=0, keepdims=True)
        if n > 1 and np.allclose(P, down_columns):
            raise AssertionError('softmax_rows normalised each COLUMN (axis=0): the probabilities of one house must sum to 1, so sum across the classes with axis=1.')
        ok = np.allclose(P, want, atol=1e-06)
        assert ok, 'softmax_rows: exponentiate, then divide each row by its own total (axis=1, keepdims=True).'
    big = np.array([[1000.0, 1001.0, 999.0]])
    with np.errstate(all='ignore'):
        P = np.asarray(softmax_rows(big), dtype=float)
    ok = bool(np.all(np.isfinite(P)))
    assert ok, "softmax_rows overflows on large scores: subtract each row's maximum first."

@test_case(points=None, hidden=True)
def test_mean_cross_entropy(mean_cross_entropy):
    import numpy as np
    rng = np.random.default_rng(11)
    Z = rng.normal(size=(6, 4))
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    labels = rng.integers(0, 4, size=6)
    picked = P[np.arange(6), labels]
    want = -np.mean(np.log(picked))
    try:
        got = float(mean_cross_entropy(P.copy(), labels.copy()))
    except Exception as e:
        raise AssertionError(f'mean_cross_entropy raised {type(e).__name__}: {e}') from None
    hints = [(-np.sum(np.log(picked)), 'mean_cross_entropy summed over the houses: take the MEAN, so the loss does not grow with the batch size.'), (np.mean(np.log(picked)), 'mean_cross_entropy is negative: the loss is MINUS the log-probability.'), (-np.mean(np.log10(picked)), 'mean_cross_entropy used log base 10: use the natural log, np.log.'), (-np.mean(np.log(P)), "mean_cross_entropy averaged the log of every probability: pick only each house's TRUE class.")]
    for value, message in hints:
        if bool(np.isclose(got, value, atol=1e-06)):
            raise AssertionError(message)
    ok = bool(np.isclose(got, want, atol=1e-06))
    assert ok, 'mean_cross_entropy: the average over houses of -log(P[i, labels[i]]).'
    uniform = float(mean_cross_entropy(np.full((5, 3), 1 / 3), np.array([0, 1, 2, 1, 0])))
    ok = bool(np.isclose(uniform, np.log(3)))
    assert ok, 'With equal probabilities 1/3 the loss should be ln 3 ≈ 1.0986.'

@test_case(points=None, hidden=True)
def test_batch_values(batch_probs, batch_preds, batch_accuracy, batch_loss):
    import numpy as np
    Z = np.array([[1.0, 2.0, -1.0], [2.5, 0.5, 0.0], [0.0, 0.2, 1.5], [0.3, 0.1, 0.2]])
    y = np.array([1, 0, 2, 2])
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    ok = np.allclose(np.asarray(batch_probs, dtype=float), P, atol=1e-06)
    assert ok, 'batch_probs should be softmax_rows(batch_logits): each row sums to 1.'
    preds = np.asarray(batch_preds)
    if preds.shape == (3,):
        raise AssertionError('batch_preds has one entry per class, not per house: argmax over axis=1, across the classes.')
    ok = np.array_equal(preds, P.argmax(axis=1))
    assert ok, 'batch_preds: for each house, the index of its largest probability (argmax with axis=1).'
    ok = bool(np.isclose(float(batch_accuracy), np.mean(P.argmax(axis=1) == y)))
    assert ok, 'batch_accuracy: the fraction of houses whose prediction equals its label.'
    want = -np.mean(np.log(P[np.arange(4), y]))
    if bool(np.isclose(float(batch_loss), 4 * want)):
        raise AssertionError('batch_loss is a sum over houses: take the mean.')
    ok = bool(np.isclose(float(batch_loss), want, atol=1e-06))
    assert ok, 'batch_loss: mean_cross_entropy(batch_probs, batch_labels).'

