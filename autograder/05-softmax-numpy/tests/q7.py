# Generated from source/05-softmax-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q7'
points = 3

@test_case(points=None, hidden=False)
def test_softmax_model_loss_and_accuracy(W_soft, b_soft, history_soft, untrained_loss, softmax_valid_acc):
    import os
    import numpy as np
    import pandas as pd
    ames = pd.read_csv(next((p for p in ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv') if os.path.exists(p)), 'data/ames.csv'))
    price = ames['Sale_Price'].to_numpy(dtype=float)
    raw = ames[['Longitude', 'Latitude']].to_numpy(dtype=float)
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    X = (raw - raw[tr].mean(axis=0)) / raw[tr].std(axis=0)
    y = np.digitize(price, np.quantile(price, [1 / 3, 2 / 3]))

    def probs(W, b, rows):
        Z = X[rows] @ W + b
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        return E / E.sum(axis=1, keepdims=True)

    def fit(rows, lr=1.0, steps=200):
        W, b, Y = (np.zeros((2, 3)), np.zeros(3), np.eye(3)[y[rows]])
        for _ in range(steps):
            R = probs(W, b, rows) - Y
            W, b = (W - lr * X[rows].T @ R / len(rows), b - lr * R.mean(axis=0))
        return (W, b)

    def loss(W, b, rows):
        return float(-np.mean(np.log(probs(W, b, rows)[np.arange(len(rows)), y[rows]])))
    answers = {'W_soft': W_soft, 'b_soft': b_soft, 'history_soft': history_soft, 'untrained_loss': untrained_loss, 'softmax_valid_acc': softmax_valid_acc}
    arrays = {}
    for name, value in answers.items():
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank.'
            raise AssertionError(message)
        try:
            arrays[name] = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            message = f'{name} should hold numbers; got a {type(value).__name__}.'
            raise AssertionError(message) from None
    W, b, h = (arrays['W_soft'], arrays['b_soft'].ravel(), arrays['history_soft'].ravel())
    ok = W.shape == (2, 3) and b.shape == (3,)
    if not ok:
        message = f"W_soft should have shape (2, 3) and b_soft (3,): train_softmax's W and b; got {W.shape} and {b.shape}."
        raise AssertionError(message)
    ok = len(h) in (200, 201) and bool(np.all(np.isfinite(h)))
    if not ok:
        message = f'history_soft should hold one finite loss per step (200 steps); it has {len(h)} entries.'
        raise AssertionError(message)
    trained = fit(tr)

    def near(fitted):
        return np.allclose(W, fitted[0], rtol=0.001, atol=0.0001) and np.allclose(b, fitted[1], rtol=0.001, atol=0.0001)
    if not near(trained):
        if near(fit(va)):
            message = 'W_soft and b_soft were trained on the VALIDATION houses: that is leakage (the model has seen the houses it is measured on). Train on X_train and y_train.'
            raise AssertionError(message)
        if near(fit(idx)):
            message = 'W_soft and b_soft were trained on ALL the houses, validation rows included: that is leakage.'
            raise AssertionError(message)
        message = 'W_soft and b_soft should come from train_softmax(X_train, y_train, 3, 1.0, 200).'
        raise AssertionError(message)
    W_small, b_small = (np.random.default_rng(1).normal(scale=0.1, size=(2, 3)), np.zeros(3))
    ok = arrays['untrained_loss'].size == 1
    if not ok:
        message = 'untrained_loss should be a single number.'
        raise AssertionError(message)
    got = float(arrays['untrained_loss'].ravel()[0])
    want = loss(W_small, b_small, tr)
    if np.isclose(got, np.log(3), rtol=0.0001, atol=0) and (not np.isclose(want, np.log(3), rtol=0.0001, atol=0)):
        message = "untrained_loss is ln 3 (typed in, or the zero model's history_soft[0]): compute the cross-entropy of W_small, b_small on the training houses."
        raise AssertionError(message)
    if np.isclose(got, loss(W_small, b_small, va), rtol=1e-06):
        message = 'untrained_loss was measured on the validation houses: use the training houses.'
        raise AssertionError(message)
    if np.isclose(got, loss(*trained, tr), rtol=1e-06):
        message = "untrained_loss is the TRAINED model's loss: use the untrained W_small and b_small."
        raise AssertionError(message)
    ok = bool(np.isclose(got, want, rtol=1e-06))
    if not ok:
        message = f'untrained_loss should be cross_entropy(softmax(X_train @ W_small + b_small), y_train), about {want:.4f}.'
        raise AssertionError(message)
    ok = arrays['softmax_valid_acc'].size == 1
    if not ok:
        message = 'softmax_valid_acc should be a single number.'
        raise AssertionError(message)
    acc = float(arrays['softmax_valid_acc'].ravel()[0])
    if 1 < acc <= 100:
        message = 'softmax_valid_acc looks like a percentage: give the fraction, between 0 and 1.'
        raise AssertionError(message)
    ok = 0 <= acc <= 1
    if not ok:
        message = f'softmax_valid_acc should be a fraction between 0 and 1 (a count divided by 586); got {acc:g}.'
        raise AssertionError(message)
    step = 0.5 / 586
    W0, b0 = trained
    want = float(np.mean(probs(W0, b0, va).argmax(axis=1) == y[va]))
    if abs(acc - np.mean(probs(W0, b0, tr).argmax(axis=1) == y[tr])) < step:
        message = 'softmax_valid_acc was measured on the TRAINING houses: use the validation houses.'
        raise AssertionError(message)
    if abs(acc - (1 - want)) < step:
        message = 'softmax_valid_acc is the error rate: give the fraction predicted RIGHT.'
        raise AssertionError(message)
    ok = abs(acc - want) < step
    if not ok:
        message = 'softmax_valid_acc: the fraction of validation houses whose most probable class, softmax(X_valid @ W_soft + b_soft).argmax(axis=1), equals y_valid (argmax over the classes, axis=1).'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_softmax_model_from_the_data(W_soft, b_soft, history_soft, untrained_loss, softmax_valid_acc):
    import os
    import numpy as np
    import pandas as pd
    ames = pd.read_csv(next((p for p in ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv') if os.path.exists(p)), 'data/ames.csv'))
    price = ames['Sale_Price'].to_numpy(dtype=float)
    raw = ames[['Longitude', 'Latitude']].to_numpy(dtype=float)
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    X = (raw - raw[tr].mean(axis=0)) / raw[tr].std(axis=0)
    y = np.digitize(price, np.quantile(price, [1 / 3, 2 / 3]))

    def probs(W, b, rows):
        Z = X[rows] @ W + b
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        return E / E.sum(axis=1, keepdims=True)

    def fit(rows, lr=1.0, steps=200):
        W, b, Y = (np.zeros((2, 3)), np.zeros(3), np.eye(3)[y[rows]])
        for _ in range(steps):
            R = probs(W, b, rows) - Y
            W, b = (W - lr * X[rows].T @ R / len(rows), b - lr * R.mean(axis=0))
        return (W, b)

    def loss(W, b, rows):
        return float(-np.mean(np.log(probs(W, b, rows)[np.arange(len(rows)), y[rows]])))
    try:
        W, b = (np.asarray(W_soft, dtype=float), np.asarray(b_soft, dtype=float).ravel())
        got, acc = (float(np.asarray(v, dtype=float).ravel()[0]) for v in (untrained_loss, softmax_valid_acc))
    except (TypeError, ValueError, IndexError):
        message = 'W_soft and b_soft should be arrays; untrained_loss and softmax_valid_acc numbers.'
        raise AssertionError(message) from None
    ok = W.shape == (2, 3) and b.shape == (3,)
    if not ok:
        message = 'W_soft should have shape (2, 3) and b_soft (3,).'
        raise AssertionError(message)
    try:
        h = np.asarray(history_soft, dtype=float).ravel()
    except (TypeError, ValueError):
        message = 'history_soft should be the list of losses train_softmax returns.'
        raise AssertionError(message) from None
    ok = len(h) in (200, 201) and bool(np.all(np.isfinite(h)))
    if not ok:
        message = 'history_soft should hold one finite loss per step (200 steps).'
        raise AssertionError(message)
    leaked = [rows for rows in (va, idx) if np.allclose(W, fit(rows)[0], rtol=0.001, atol=0.0001)]
    if not not leaked:
        message = 'W_soft was trained on validation rows: that is leakage. Train on X_train and y_train.'
        raise AssertionError(message)
    W0, b0 = fit(tr)
    ok = np.allclose(W, W0, rtol=0.001, atol=0.0001) and np.allclose(b, b0, rtol=0.001, atol=0.0001)
    if not ok:
        message = 'W_soft and b_soft should come from train_softmax(X_train, y_train, 3, 1.0, 200).'
        raise AssertionError(message)
    W_small = np.random.default_rng(1).normal(scale=0.1, size=(2, 3))
    ok = bool(np.isclose(got, loss(W_small, np.zeros(3), tr), rtol=1e-06))
    if not ok:
        message = 'untrained_loss: the training cross-entropy of W_small and b_small.'
        raise AssertionError(message)
    ok = abs(acc - np.mean(probs(W0, b0, va).argmax(axis=1) == y[va])) < 0.5 / 586
    if not ok:
        message = 'softmax_valid_acc: the fraction of validation houses whose most probable class is y_valid.'
        raise AssertionError(message)
