# Generated from source/04-logistic-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q5'
points = 3

@test_case(points=None, hidden=False)
def test_binary_model_and_baseline(w_bin, b_bin, history_bin, valid_pred, binary_valid_acc, majority_acc):
    import os
    import numpy as np
    import pandas as pd
    ames = pd.read_csv(next((p for p in ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv') if os.path.exists(p)), 'data/ames.csv'))
    price = ames['Sale_Price'].to_numpy(dtype=float)
    raw = ames[['Longitude', 'Latitude']].to_numpy(dtype=float)
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    X = (raw - raw[tr].mean(axis=0)) / raw[tr].std(axis=0)
    t = (price > np.median(price)).astype(float)

    def fit(rows, lr=0.5, steps=200):
        w, b = (np.zeros(2), 0.0)
        for _ in range(steps):
            p = 1 / (1 + np.exp(-(X[rows] @ w + b)))
            w, b = (w - lr * X[rows].T @ (p - t[rows]) / len(rows), b - lr * np.mean(p - t[rows]))
        return (w, b)

    def accuracy(w, b, rows):
        return float(np.mean((X[rows] @ w + b > 0) == t[rows]))
    answers = {'w_bin': w_bin, 'b_bin': b_bin, 'history_bin': history_bin, 'valid_pred': valid_pred, 'binary_valid_acc': binary_valid_acc, 'majority_acc': majority_acc}
    arrays = {}
    for name, value in answers.items():
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank.'
            raise AssertionError(message)
        try:
            arrays[name] = np.asarray(value, dtype=float).ravel()
        except (TypeError, ValueError):
            message = f'{name} should hold numbers; got a {type(value).__name__}.'
            raise AssertionError(message) from None
    w, b, h = (arrays['w_bin'], arrays['b_bin'], arrays['history_bin'])
    ok = w.size == 2 and b.size == 1
    if not ok:
        message = "w_bin should hold 2 weights (longitude, latitude) and b_bin one number: train_binary's w and b."
        raise AssertionError(message)
    ok = len(h) in (200, 201) and bool(np.all(np.isfinite(h)))
    if not ok:
        message = f'history_bin should hold one finite loss per step (200 steps); it has {len(h)} entries.'
        raise AssertionError(message)
    b = float(b[0])
    trained = fit(tr)

    def near(fitted):
        return np.allclose(w, fitted[0], rtol=0.001, atol=0.0001) and bool(np.isclose(b, fitted[1], rtol=0.001, atol=0.0001))
    if not near(trained):
        if near(fit(va)):
            message = 'w_bin and b_bin were trained on the VALIDATION houses: that is leakage (the model has seen the houses it is measured on). Train on X_train and t_train.'
            raise AssertionError(message)
        if near(fit(idx)):
            message = 'w_bin and b_bin were trained on ALL the houses, validation rows included: that is leakage.'
            raise AssertionError(message)
        message = 'w_bin and b_bin should come from train_binary(X_train, t_train, 0.5, 200).'
        raise AssertionError(message)
    pred, score = (arrays['valid_pred'], X[va] @ w + b)
    if pred.shape == (len(tr),):
        message = 'valid_pred has 2344 entries, one per training house: predict the 586 validation houses.'
        raise AssertionError(message)
    ok = pred.shape == (len(va),)
    if not ok:
        message = f'valid_pred should hold one prediction per validation house, shape (586,); got shape {pred.shape}.'
        raise AssertionError(message)
    ok = set(np.unique(pred).tolist()) <= {0.0, 1.0}
    if not ok:
        message = 'valid_pred should hold 0s and 1s: a house is predicted 1 when its probability is above 0.5, else 0.'
        raise AssertionError(message)
    if np.array_equal(pred, (score > 0.5).astype(float)):
        message = 'valid_pred compares the SCORE X_valid @ w_bin + b_bin with 0.5: it is the PROBABILITY, sigmoid(score), that is compared with 0.5, and sigmoid(score) > 0.5 exactly when score > 0.'
        raise AssertionError(message)
    if np.array_equal(pred, (score <= 0).astype(float)):
        message = 'valid_pred is 1 for the houses the model finds CHEAP: 1 where the probability is above 0.5.'
        raise AssertionError(message)
    ok = np.array_equal(pred, (score > 0).astype(float))
    if not ok:
        message = 'valid_pred: 1 where sigmoid(X_valid @ w_bin + b_bin) > 0.5, else 0, one per validation house in order.'
        raise AssertionError(message)
    for name in ('binary_valid_acc', 'majority_acc'):
        ok = arrays[name].size == 1
        if not ok:
            message = f'{name} should be a single number.'
            raise AssertionError(message)
        acc = float(arrays[name][0])
        if 1 < acc <= 100:
            message = f'{name} looks like a percentage: give the fraction, between 0 and 1.'
            raise AssertionError(message)
        ok = 0 <= acc <= 1
        if not ok:
            message = f'{name} should be a fraction between 0 and 1 (a count divided by 586); got {acc:g}.'
            raise AssertionError(message)
    step = 0.5 / 586
    acc = float(arrays['binary_valid_acc'][0])
    want = accuracy(*trained, va)
    if abs(acc - accuracy(*trained, tr)) < step:
        message = 'binary_valid_acc was measured on the TRAINING houses: use the validation houses.'
        raise AssertionError(message)
    if abs(acc - (1 - want)) < step:
        message = 'binary_valid_acc is the error rate: give the fraction predicted RIGHT.'
        raise AssertionError(message)
    if abs(acc - np.mean(t[va])) < step:
        message = 'binary_valid_acc is the accuracy of calling every house expensive: a house is expensive when its probability is above 0.5 (a probability is always above 0).'
        raise AssertionError(message)
    ok = abs(acc - want) < step
    if not ok:
        message = 'binary_valid_acc: the fraction of validation houses where (probability > 0.5) equals t_valid.'
        raise AssertionError(message)
    base = float(arrays['majority_acc'][0])
    majority = np.bincount(t[tr].astype(int)).argmax()
    if abs(base - np.mean(t[va] == 1 - majority)) < step:
        message = 'majority_acc answers the majority class of the VALIDATION houses: a baseline may only know the training labels (peeking at the validation labels is leakage). Take the most common class of t_train.'
        raise AssertionError(message)
    if abs(base - np.mean(t[tr] == majority)) < step:
        message = 'majority_acc was measured on the TRAINING houses: use the validation houses.'
        raise AssertionError(message)
    ok = abs(base - np.mean(t[va] == majority)) < step
    if not ok:
        message = 'majority_acc: the fraction of validation houses whose label is the most common label of t_train.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_binary_model_from_the_data(w_bin, b_bin, history_bin, valid_pred, binary_valid_acc, majority_acc):
    import os
    import numpy as np
    import pandas as pd
    ames = pd.read_csv(next((p for p in ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv') if os.path.exists(p)), 'data/ames.csv'))
    price = ames['Sale_Price'].to_numpy(dtype=float)
    raw = ames[['Longitude', 'Latitude']].to_numpy(dtype=float)
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    X = (raw - raw[tr].mean(axis=0)) / raw[tr].std(axis=0)
    t = (price > np.median(price)).astype(float)

    def fit(rows, lr=0.5, steps=200):
        w, b = (np.zeros(2), 0.0)
        for _ in range(steps):
            p = 1 / (1 + np.exp(-(X[rows] @ w + b)))
            w, b = (w - lr * X[rows].T @ (p - t[rows]) / len(rows), b - lr * np.mean(p - t[rows]))
        return (w, b)

    def accuracy(w, b, rows):
        return float(np.mean((X[rows] @ w + b > 0) == t[rows]))
    try:
        w = np.asarray(w_bin, dtype=float).ravel()
        b, acc, base = (float(np.asarray(v, dtype=float).ravel()[0]) for v in (b_bin, binary_valid_acc, majority_acc))
    except (TypeError, ValueError, IndexError):
        message = 'w_bin should hold 2 numbers; b_bin, binary_valid_acc and majority_acc one each.'
        raise AssertionError(message) from None
    try:
        h = np.asarray(history_bin, dtype=float).ravel()
    except (TypeError, ValueError):
        message = 'history_bin should be the list of losses train_binary returns.'
        raise AssertionError(message) from None
    ok = len(h) in (200, 201) and bool(np.all(np.isfinite(h)))
    if not ok:
        message = 'history_bin should hold one finite loss per step (200 steps).'
        raise AssertionError(message)
    want_w, want_b = fit(tr)
    leaked = [rows for rows in (va, idx) if w.size == 2 and np.allclose(w, fit(rows)[0], rtol=0.001, atol=0.0001)]
    if not not leaked:
        message = 'w_bin was trained on validation rows: that is leakage. Train on X_train and t_train.'
        raise AssertionError(message)
    ok = w.size == 2 and np.allclose(w, want_w, rtol=0.001, atol=0.0001) and bool(np.isclose(b, want_b, rtol=0.001, atol=0.0001))
    if not ok:
        message = 'w_bin and b_bin should come from train_binary(X_train, t_train, 0.5, 200).'
        raise AssertionError(message)
    try:
        pred = np.asarray(valid_pred, dtype=float).ravel()
    except (TypeError, ValueError):
        message = 'valid_pred should hold one 0 or 1 per validation house.'
        raise AssertionError(message) from None
    ok = pred.shape == (len(va),) and np.array_equal(pred, (X[va] @ w + b > 0).astype(float))
    if not ok:
        message = 'valid_pred should be 1 where the probability is above 0.5 (the score above 0), else 0, per validation house.'
        raise AssertionError(message)
    ok = abs(acc - accuracy(want_w, want_b, va)) < 0.5 / 586
    if not ok:
        message = 'binary_valid_acc: the fraction of validation houses predicted right (probability > 0.5).'
        raise AssertionError(message)
    majority = np.bincount(t[tr].astype(int)).argmax()
    ok = abs(base - np.mean(t[va] == majority)) < 0.5 / 586
    if not ok:
        message = 'majority_acc: the validation accuracy of always answering the most common class of t_train.'
        raise AssertionError(message)
