# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q6'
points = 6

@test_case(points=None, hidden=False)
def test_batch_form(softmax_rows, mean_cross_entropy, batch_probs, batch_preds, batch_accuracy, batch_loss):
    import numpy as np
    for name, value in [('softmax_rows', softmax_rows), ('mean_cross_entropy', mean_cross_entropy)]:
        found = 'still blank' if value is ... else repr(value)[:40] if value is None or isinstance(value, str) else f'a {type(value).__name__}'
        if not callable(value):
            message = f'{name} should be a function (def {name}(...): ...); it is {found}.'
            raise AssertionError(message)
    for name, value, shape, what in [('batch_probs', batch_probs, (4, 3), 'one row per house and one column per class'), ('batch_preds', batch_preds, (4,), 'one predicted class number per house')]:
        blank = value is ... or value is None or isinstance(value, str)
        found = 'still blank' if value is ... else repr(value)[:30] if blank else f'of shape {np.shape(value)}'
        ok = not blank and np.shape(value) == shape
        if not ok:
            message = f'{name} should hold {what}: shape {shape}; it is {found}.'
            raise AssertionError(message)
    for name, value in [('batch_accuracy', batch_accuracy), ('batch_loss', batch_loss)]:
        blank = value is ... or value is None or isinstance(value, str)
        found = 'still blank' if value is ... else repr(value)[:30] if blank else f'an array of shape {np.shape(value)}'
        ok = not blank and np.ndim(value) == 0
        if not ok:
            message = f'{name} should be a single number; it is {found}.'
            raise AssertionError(message)
        try:
            float(value)
        except (TypeError, ValueError):
            message = f'{name} should be a single number.'
            raise AssertionError(message) from None

@test_case(points=None, hidden=False)
def test_functions_on_these_houses(softmax_rows, mean_cross_entropy):
    import warnings
    import numpy as np
    ok = callable(softmax_rows) and callable(mean_cross_entropy)
    if not ok:
        message = 'softmax_rows and mean_cross_entropy should be functions (see the message above).'
        raise AssertionError(message)
    Z = np.array([[1.0, 2.0, -1.0], [2.5, 0.5, 0.0], [0.0, 0.2, 1.5], [0.3, 0.1, 0.2]])
    y = np.array([1, 0, 2, 2])
    want = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    big = np.array([[1000.0, 1001.0, 999.0], [-1000.0, -1001.0, -999.0]])
    got = {}
    for name, scores in [('batch_logits', Z), ('large scores', big)]:
        given = scores.copy()
        try:
            with warnings.catch_warnings(), np.errstate(all='ignore'):
                warnings.simplefilter('ignore')
                P = softmax_rows(given)
        except Exception as e:
            hint = ' A max or sum over axis=1 needs keepdims=True to line up with the rows.' if 'broadcast' in str(e) else ''
            message = f'softmax_rows on {name} raised {type(e).__name__}: {e}.{hint}'
            raise AssertionError(message) from None
        if not P is not None:
            message = 'softmax_rows returned nothing (None): end the function with return and the probabilities.'
            raise AssertionError(message)
        try:
            got[name] = np.asarray(P, dtype=float)
        except (TypeError, ValueError):
            message = f'softmax_rows should return an array of numbers, not a {type(P).__name__}.'
            raise AssertionError(message) from None
        ok = got[name].shape == scores.shape
        if not ok:
            message = f'softmax_rows should keep the shape: {scores.shape} in, {scores.shape} out; got {got[name].shape}.'
            raise AssertionError(message)
        ok = np.array_equal(given, scores)
        if not ok:
            message = 'softmax_rows changed the array it was given (Z -= ... works in place): write Z = Z - ... instead.'
            raise AssertionError(message)
    P = got['batch_logits']
    if np.allclose(P.sum(axis=0), 1.0) and (not np.allclose(P.sum(axis=1), 1.0)):
        message = 'softmax_rows normalised each COLUMN (axis=0): the probabilities of one house must sum to 1, so sum across the classes with axis=1.'
        raise AssertionError(message)
    ok = np.allclose(P.sum(axis=1), 1.0)
    if not ok:
        message = f'Each row of softmax_rows(batch_logits) should sum to 1; yours sum to {np.round(P.sum(axis=1), 4).tolist()}: divide each row by its own total.'
        raise AssertionError(message)
    ok = np.allclose(P, want, atol=1e-06)
    if not ok:
        message = 'softmax_rows: exponentiate, then divide each row by its own total (axis=1, keepdims=True).'
        raise AssertionError(message)
    ok = bool(np.all(np.isfinite(got['large scores'])))
    if not ok:
        message = "softmax_rows overflows on large scores (inf or nan for [[1000, 1001, 999], [-1000, -1001, -999]]): subtract each row's own maximum first, Z.max(axis=1, keepdims=True). One maximum for the whole array is not enough: the other rows then underflow to exp(-2000) = 0."
        raise AssertionError(message)
    want_big = np.exp(big - big.max(axis=1, keepdims=True))
    want_big = want_big / want_big.sum(axis=1, keepdims=True)
    ok = np.allclose(got['large scores'], want_big, atol=1e-06)
    if not ok:
        message = "softmax_rows is wrong on large scores: subtract each row's maximum, exponentiate, divide by the row total."
        raise AssertionError(message)
    cases = [('these four houses', want, y), ('5 houses with equal probabilities 1/3', np.full((5, 3), 1 / 3), np.array([0, 1, 2, 1, 0]))]
    for name, probs, labels in cases:
        picked = probs[np.arange(len(labels)), labels]
        try:
            with warnings.catch_warnings(), np.errstate(all='ignore'):
                warnings.simplefilter('ignore')
                loss = mean_cross_entropy(probs.copy(), labels.copy())
        except Exception as e:
            message = f'mean_cross_entropy on {name} raised {type(e).__name__}: {e}. It should work for any number of houses (len(labels), not a fixed 4).'
            raise AssertionError(message) from None
        if not loss is not None:
            message = 'mean_cross_entropy returned nothing (None): end it with return and the mean loss.'
            raise AssertionError(message)
        try:
            loss = float(loss)
        except (TypeError, ValueError):
            message = f'mean_cross_entropy should return one number, not a {type(loss).__name__}.'
            raise AssertionError(message) from None
        hints = [(-np.sum(np.log(picked)), 'mean_cross_entropy summed over the houses: take the MEAN, so the loss does not grow with the batch size.'), (np.mean(np.log(picked)), 'mean_cross_entropy is negative: the loss is MINUS the log-probability.'), (-np.mean(np.log10(picked)), 'mean_cross_entropy used log base 10: use the natural log, np.log.'), (-np.sum(np.log(picked)) / probs.shape[1], 'mean_cross_entropy divided by the number of classes: divide by the number of houses, len(labels).'), (-np.mean(np.log(probs[:, labels])), "mean_cross_entropy used P[:, labels], which picks every house's probability of every label (an n x n table): P[np.arange(n), labels] picks one entry per row."), (-np.mean(np.log(probs)), "mean_cross_entropy averaged the log of every probability: pick only each house's TRUE class.")]
        right = -np.mean(np.log(picked))
        for value, message in hints:
            if not np.isclose(value, right) and np.isclose(loss, value, atol=1e-06):
                raise AssertionError(message)
        ok = bool(np.isclose(loss, right, atol=1e-06))
        if not ok:
            message = f'mean_cross_entropy on {name} gave {loss:.4f}, not {right:.4f}: the average over houses of -log(P[i, labels[i]]). With equal probabilities 1/3 the loss should be ln 3 ≈ 1.0986.'
            raise AssertionError(message)

@test_case(points=None, hidden=False)
def test_batch_values_on_these_houses(batch_probs, batch_preds, batch_accuracy, batch_loss):
    import numpy as np
    try:
        probs = np.asarray(batch_probs, dtype=float)
        preds = np.asarray(batch_preds)
        accuracy = float(batch_accuracy)
        loss = float(batch_loss)
    except (TypeError, ValueError):
        message = 'First give the four batch_ names numbers (see the message above): this check needs them.'
        raise AssertionError(message) from None
    ok = probs.shape == (4, 3)
    if not ok:
        message = 'batch_probs should have one row per house and one column per class: shape (4, 3).'
        raise AssertionError(message)
    Z = np.array([[1.0, 2.0, -1.0], [2.5, 0.5, 0.0], [0.0, 0.2, 1.5], [0.3, 0.1, 0.2]])
    y = np.array([1, 0, 2, 2])
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    problems = []
    if not np.allclose(probs, P, atol=1e-06):
        problems.append('batch_probs should be softmax_rows(batch_logits): each row sums to 1.')
    if preds.dtype.kind not in 'biuf':
        problems.append(f"batch_preds should hold class numbers (0 = low, 1 = medium, 2 = high), as batch_labels does, not {preds.dtype.kind in 'USO' and 'class names' or 'values of type ' + str(preds.dtype)}: argmax with axis=1.")
    elif preds.shape == (3,):
        problems.append('batch_preds has one entry per class, not per house: argmax over axis=1, across the classes.')
    elif preds.shape == (4,) and np.allclose(preds.astype(float), P.max(axis=1)):
        problems.append('batch_preds should be class numbers (argmax), not the largest probabilities (max).')
    elif not (preds.shape == (4,) and np.array_equal(preds, P.argmax(axis=1))):
        problems.append('batch_preds: for each house, the index of its largest probability (argmax with axis=1).')
    right_accuracy = np.mean(P.argmax(axis=1) == y)
    if np.isclose(accuracy, 100 * right_accuracy):
        problems.append('batch_accuracy should be a fraction of houses between 0 and 1, not a percentage.')
    elif np.isclose(accuracy, 4 * right_accuracy):
        problems.append(f'batch_accuracy is {accuracy:g}, the number of right predictions: divide by the number of houses (the mean of batch_preds == batch_labels): the fraction of houses predicted right, between 0 and 1.')
    elif not np.isclose(accuracy, right_accuracy):
        problems.append('batch_accuracy: the fraction of houses whose prediction equals its label.')
    want = -np.mean(np.log(P[np.arange(4), y]))
    if np.isclose(loss, 4 * want):
        problems.append('batch_loss is a sum over houses: take the mean.')
    elif np.isclose(loss, -np.mean(np.log(Z[np.arange(4), y]))):
        problems.append('batch_loss was computed from the logits: pass the probabilities, batch_probs, to mean_cross_entropy.')
    elif np.isclose(loss, want, atol=0.0001) and (not np.isclose(loss, want, atol=1e-06)):
        problems.append('batch_loss looks typed in from the rounded printout: compute it with mean_cross_entropy.')
    elif not np.isclose(loss, want, atol=1e-06):
        problems.append('batch_loss: mean_cross_entropy(batch_probs, batch_labels).')
    if not not problems:
        message = ' '.join(problems)
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_softmax_rows(softmax_rows):
    import warnings
    import numpy as np
    if not callable(softmax_rows):
        message = 'softmax_rows should be a function: def softmax_rows(Z): ...'
        raise AssertionError(message)
    rng = np.random.default_rng(7)
    mixed = np.array([[1000.0, 1001.0, 999.0], [0.0, 0.5, -0.5], [-800.0, -802.0, -801.0]])
    for Z in [rng.normal(scale=2.0, size=(5, 3)), rng.normal(scale=2.0, size=(2, 4)), rng.normal(size=(1, 3)), mixed]:
        n, k = Z.shape
        want = np.exp(Z - Z.max(axis=1, keepdims=True))
        want = want / want.sum(axis=1, keepdims=True)
        before = Z.copy()
        try:
            with warnings.catch_warnings(), np.errstate(all='ignore'):
                warnings.simplefilter('ignore')
                got = softmax_rows(Z)
        except Exception as e:
            message = f'softmax_rows raised {type(e).__name__} on a ({n}, {k}) array: {e}'
            raise AssertionError(message) from None
        if not got is not None:
            message = 'softmax_rows returned nothing (None): end it with return and the probabilities.'
            raise AssertionError(message)
        try:
            P = np.asarray(got, dtype=float)
        except (TypeError, ValueError):
            message = f'softmax_rows should return an array of numbers, not a {type(got).__name__}.'
            raise AssertionError(message) from None
        ok = P.shape == Z.shape
        if not ok:
            message = f'softmax_rows should keep the shape: ({n}, {k}) in, ({n}, {k}) out; got {P.shape}.'
            raise AssertionError(message)
        ok = np.array_equal(Z, before)
        if not ok:
            message = 'softmax_rows changed the array it was given: write Z = Z - ..., not Z -= ....'
            raise AssertionError(message)
        columns = np.exp(Z - Z.max(axis=0, keepdims=True))
        if n > 1 and np.allclose(P, columns / columns.sum(axis=0, keepdims=True)):
            message = 'softmax_rows normalised each COLUMN (axis=0): the probabilities of one house must sum to 1, so sum across the classes with axis=1.'
            raise AssertionError(message)
        ok = bool(np.all(np.isfinite(P)))
        if not ok:
            message = "softmax_rows overflows or underflows on large scores: subtract each row's own maximum first."
            raise AssertionError(message)
        ok = np.allclose(P, want, atol=1e-06)
        if not ok:
            message = 'softmax_rows: exponentiate, then divide each row by its own total (axis=1, keepdims=True).'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_mean_cross_entropy(mean_cross_entropy):
    import warnings
    import numpy as np
    if not callable(mean_cross_entropy):
        message = 'mean_cross_entropy should be a function: def mean_cross_entropy(P, labels): ...'
        raise AssertionError(message)
    rng = np.random.default_rng(11)
    Z = rng.normal(size=(6, 4))
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    labels = rng.integers(0, 4, size=6)
    picked = P[np.arange(6), labels]
    want = -np.mean(np.log(picked))
    try:
        with warnings.catch_warnings(), np.errstate(all='ignore'):
            warnings.simplefilter('ignore')
            got = mean_cross_entropy(P.copy(), labels.copy())
    except Exception as e:
        message = f'mean_cross_entropy raised {type(e).__name__} on 6 houses and 4 classes: {e}'
        raise AssertionError(message) from None
    if not got is not None:
        message = 'mean_cross_entropy returned nothing (None): end it with return and the mean loss.'
        raise AssertionError(message)
    try:
        got = float(got)
    except (TypeError, ValueError):
        message = f'mean_cross_entropy should return one number, not a {type(got).__name__}.'
        raise AssertionError(message) from None
    hints = [(-np.sum(np.log(picked)), 'mean_cross_entropy summed over the houses: take the MEAN, so the loss does not grow with the batch size.'), (np.mean(np.log(picked)), 'mean_cross_entropy is negative: the loss is MINUS the log-probability.'), (-np.mean(np.log10(picked)), 'mean_cross_entropy used log base 10: use the natural log, np.log.'), (-np.mean(np.log(P)), "mean_cross_entropy averaged the log of every probability: pick only each house's TRUE class.")]
    for value, message in hints:
        if bool(np.isclose(got, value, atol=1e-06)):
            raise AssertionError(message)
    ok = bool(np.isclose(got, want, atol=1e-06))
    if not ok:
        message = 'mean_cross_entropy: the average over houses of -log(P[i, labels[i]]).'
        raise AssertionError(message)
    try:
        with warnings.catch_warnings(), np.errstate(all='ignore'):
            warnings.simplefilter('ignore')
            uniform = float(mean_cross_entropy(np.full((5, 3), 1 / 3), np.array([0, 1, 2, 1, 0])))
    except Exception as e:
        message = f'mean_cross_entropy raised {type(e).__name__} on 5 houses: {e}'
        raise AssertionError(message) from None
    ok = bool(np.isclose(uniform, np.log(3)))
    if not ok:
        message = 'With equal probabilities 1/3 the loss should be ln 3 ≈ 1.0986.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_batch_values(batch_probs, batch_preds, batch_accuracy, batch_loss):
    import numpy as np
    try:
        probs = np.asarray(batch_probs, dtype=float)
        preds = np.asarray(batch_preds)
        accuracy = float(batch_accuracy)
        loss = float(batch_loss)
    except (TypeError, ValueError):
        message = 'batch_probs, batch_preds, batch_accuracy and batch_loss should all hold numbers.'
        raise AssertionError(message) from None
    Z = np.array([[1.0, 2.0, -1.0], [2.5, 0.5, 0.0], [0.0, 0.2, 1.5], [0.3, 0.1, 0.2]])
    y = np.array([1, 0, 2, 2])
    P = np.exp(Z) / np.exp(Z).sum(axis=1, keepdims=True)
    ok = probs.shape == (4, 3) and np.allclose(probs, P, atol=1e-06)
    if not ok:
        message = 'batch_probs should be softmax_rows(batch_logits): each row sums to 1.'
        raise AssertionError(message)
    if preds.shape == (3,):
        message = 'batch_preds has one entry per class, not per house: argmax over axis=1, across the classes.'
        raise AssertionError(message)
    ok = preds.shape == (4,) and np.array_equal(preds, P.argmax(axis=1))
    if not ok:
        message = 'batch_preds: for each house, the index of its largest probability (argmax with axis=1).'
        raise AssertionError(message)
    ok = bool(np.isclose(accuracy, np.mean(P.argmax(axis=1) == y)))
    if not ok:
        message = 'batch_accuracy: the fraction of houses whose prediction equals its label.'
        raise AssertionError(message)
    want = -np.mean(np.log(P[np.arange(4), y]))
    if bool(np.isclose(loss, 4 * want)):
        message = 'batch_loss is a sum over houses: take the mean.'
        raise AssertionError(message)
    ok = bool(np.isclose(loss, want, atol=1e-06))
    if not ok:
        message = 'batch_loss: mean_cross_entropy(batch_probs, batch_labels).'
        raise AssertionError(message)
