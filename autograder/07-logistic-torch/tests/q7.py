# Generated from source/07-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q7'
points = 5

@test_case(points=None, hidden=False)
def test_accuracy_public(accuracy):
    import torch

    def describe(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        shape = getattr(value, 'shape', None)
        if shape is not None and (not callable(shape)):
            return f'a {type(value).__name__} of shape {tuple(shape)}'
        if isinstance(value, (str, int, float, type(None))):
            return repr(value)[:40]
        return f'a {type(value).__name__}'
    if not callable(accuracy):
        message = f'accuracy should be a function: def accuracy(logits, labels): ...; it is {describe(accuracy)}.'
        raise AssertionError(message)

    def score(Z, y, where):
        try:
            got = accuracy(Z.clone(), y.clone())
        except Exception as e:
            hint = ' (logits.argmax(dim=1) == labels) holds True/False: turn them into numbers with .float() before .mean().' if 'Bool' in str(e) else ''
            message = f'accuracy raised {type(e).__name__} on {where} ({str(e)[:120]}).{hint}'
            raise AssertionError(message) from None
        if isinstance(got, torch.Tensor) and got.numel() > 1:
            message = f'accuracy returned a tensor of shape {tuple(got.shape)}, one match per house: return their mean as a Python float, (... == labels).float().mean().item().'
            raise AssertionError(message)
        if isinstance(got, torch.Tensor):
            message = 'accuracy returned a 0-dimensional tensor: return a Python float, with .item().'
            raise AssertionError(message)
        ok = isinstance(got, (int, float)) and (not isinstance(got, bool))
        if not ok:
            message = f'accuracy should return a Python float; it returned {describe(got)} (a missing return?).'
            raise AssertionError(message)
        return float(got)
    square = torch.tensor([[3.0, 0.0, 0.0], [2.0, 1.0, 0.0], [0.0, 0.0, 1.0]])
    got = score(square, torch.tensor([0, 1, 2]), '3 houses and 3 classes')
    if abs(got - 1.0) < 1e-06:
        message = 'accuracy takes the argmax over the wrong dimension (dim=0, down each class): the classes are along dim=1.'
        raise AssertionError(message)
    if abs(got - 1 / 3) < 1e-06:
        message = 'accuracy takes one argmax over the whole tensor (no dim): each house needs its own predicted class, logits.argmax(dim=1).'
        raise AssertionError(message)
    Z = torch.tensor([[2.0, 0.0, 1.0], [0.0, 3.0, 1.0], [0.0, 0.5, 1.0], [1.0, 0.0, 0.0]])
    got = score(Z, torch.tensor([0, 1, 0, 2]), 'the example of 4 houses')
    if abs(got - 2.0) < 1e-06:
        message = "accuracy returns the NUMBER of correct houses (2 of the example's 4), not the fraction: divide by the number of houses, or take the mean."
        raise AssertionError(message)
    if got == 0.0:
        message = 'accuracy returned 0 on the example, where 2 of 4 houses are right: integer division (//) rounds the fraction down; use / or .float().mean().'
        raise AssertionError(message)
    if abs(got - 0.25) < 1e-06:
        message = 'accuracy picks the smallest logit (argmin): the predicted class is the one with the LARGEST logit, argmax.'
        raise AssertionError(message)
    ok = abs(got - 0.5) < 1e-06
    if not ok:
        message = f'accuracy of the example (4 houses, 2 predicted correctly) should be 0.5; it is {got}.'
        raise AssertionError(message)
    got = score(square, torch.tensor([0, 2, 1]), '3 houses and 3 classes')
    ok = abs(got - 1 / 3) < 1e-06
    if not ok:
        message = 'accuracy: the fraction of rows whose argmax over dim=1 equals the label.'
        raise AssertionError(message)

@test_case(points=None, hidden=False)
def test_logreg_training_public(logreg, logreg_train_losses, logreg_valid_losses, logreg_valid_acc, always_medium_acc, X_train, y_train, X_valid, y_valid, accuracy):
    import math
    import torch
    import torch.nn.functional as F

    def describe(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        shape = getattr(value, 'shape', None)
        if shape is not None and (not callable(shape)):
            return f'a {type(value).__name__} of shape {tuple(shape)}'
        if isinstance(value, (str, int, float, type(None))):
            return repr(value)[:40]
        return f'a {type(value).__name__}'
    ok = isinstance(logreg, torch.nn.Linear) and (logreg.in_features, logreg.out_features) == (2, 3)
    if not ok:
        message = f'logreg (question 3) should be the nn.Linear(2, 3) layer you train here; it is {describe(logreg)}.'
        raise AssertionError(message)
    model, prefix, tolerance = (logreg, 'logreg', 0.001)
    train_losses, valid_losses, valid_acc = (logreg_train_losses, logreg_valid_losses, logreg_valid_acc)
    ok = isinstance(X_train, torch.Tensor) and tuple(X_train.shape) == (2344, 2) and isinstance(y_train, torch.Tensor) and (tuple(y_train.shape) == (2344,))
    if not ok:
        message = 'X_train and y_train (question 2) should hold the 2344 training houses.'
        raise AssertionError(message)
    ok = isinstance(X_valid, torch.Tensor) and tuple(X_valid.shape) == (586, 2) and isinstance(y_valid, torch.Tensor) and (tuple(y_valid.shape) == (586,))
    if not ok:
        message = 'X_valid and y_valid should still hold the 586 validation houses (question 2): evaluate on all of them, not on a chosen part.'
        raise AssertionError(message)
    for name, losses in [(f'{prefix}_train_losses', train_losses), (f'{prefix}_valid_losses', valid_losses)]:
        ok = isinstance(losses, (list, tuple)) and len(losses) >= 100 and all((isinstance(v, float) for v in losses))
        if not ok:
            message = f"{name} should be the list of floats train_classifier returns (300 steps); it is {describe(losses)}{('' if not isinstance(losses, (list, tuple)) else f' of {len(losses)} values')}."
            raise AssertionError(message)
        ok = all((math.isfinite(v) for v in losses))
        if not ok:
            message = f'{name} holds values that are not finite: the training diverged.'
            raise AssertionError(message)
    with torch.no_grad():
        reached = float(F.cross_entropy(model(X_train), y_train))
    ok = abs(reached - train_losses[-1]) < tolerance
    if not ok:
        message = f'The last training loss ({train_losses[-1]:.4f}) is not the loss of {prefix} on X_train, y_train now ({reached:.4f}): either {prefix} is not the model these losses came from (train it with train_classifier), or it learned from other rows too; learning from the validation rows is leakage.'
        raise AssertionError(message)
    ok = isinstance(valid_acc, (int, float)) and (not isinstance(valid_acc, bool)) and (0 <= valid_acc <= 1)
    if not ok:
        message = f'{prefix}_valid_acc should be a fraction between 0 and 1 (a Python float); it is {describe(valid_acc)}.'
        raise AssertionError(message)
    tol = 0.5 / len(y_valid)
    with torch.no_grad():
        want = float((model(X_valid).argmax(dim=1) == y_valid).double().mean())
        on_train = float((model(X_train).argmax(dim=1) == y_train).double().mean())
    if abs(valid_acc - on_train) < tol and abs(on_train - want) > 2 * tol:
        message = f'{prefix}_valid_acc is the accuracy on the training set: measure it on X_valid, y_valid, the houses the model did not learn from.'
        raise AssertionError(message)
    try:
        yours = accuracy(model(X_valid), y_valid) if callable(accuracy) and abs(valid_acc - want) >= tol else None
    except Exception:
        yours = None
    if isinstance(yours, (int, float)) and abs(yours - valid_acc) < tol:
        message = f"{prefix}_valid_acc is what your accuracy function gives, but accuracy is not right yet (this question's first check says how): fix it, run its cell, then run this cell again."
        raise AssertionError(message)
    ok = abs(valid_acc - want) < tol
    if not ok:
        message = f'{prefix}_valid_acc ({valid_acc:.4f}) should be accuracy({prefix}(X_valid), y_valid) of the trained {prefix} ({want:.4f}): compute it after training, from the model as it is now.'
        raise AssertionError(message)
    ok = train_losses[-1] < 1.03
    if not ok:
        message = f'The final training loss is {train_losses[-1]:.4f}; 300 SGD steps with lr=0.5 reach about 1.017 (it should be at least 0.50 accurate and below 1.03).'
        raise AssertionError(message)
    ok = valid_acc >= 0.5
    if not ok:
        message = f"logreg's validation accuracy is {valid_acc:.3f}: after 300 SGD steps with lr=0.5 it should be at least 0.50."
        raise AssertionError(message)
    ok = isinstance(always_medium_acc, (int, float)) and (not isinstance(always_medium_acc, bool)) and (0 <= always_medium_acc <= 1)
    if not ok:
        message = f'always_medium_acc should be a fraction between 0 and 1 (a Python float); it is {describe(always_medium_acc)}.'
        raise AssertionError(message)
    if abs(always_medium_acc - float((y_train == 1).double().mean())) < 1e-06:
        message = 'always_medium_acc: the fraction of VALIDATION houses whose class is 1 (medium), not of the training houses.'
        raise AssertionError(message)
    ok = abs(always_medium_acc - float((y_valid == 1).double().mean())) < tol
    if not ok:
        message = 'always_medium_acc: the fraction of VALIDATION houses whose class is 1 (medium).'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_accuracy_other_inputs(accuracy):
    import torch
    if not callable(accuracy):
        message = 'accuracy should be a function.'
        raise AssertionError(message)
    gen = torch.Generator().manual_seed(3)
    for n, k in [(3, 3), (10, 3), (8, 5), (4, 4), (1, 3)]:
        Z = torch.randn(n, k, generator=gen)
        y = torch.randint(0, k, (n,), generator=gen)
        y[0] = Z[0].argmax()
        want = float((Z.argmax(dim=1) == y).double().mean())
        try:
            got = accuracy(Z.clone(), y.clone())
            got = float(got) if isinstance(got, (int, float)) and (not isinstance(got, bool)) else None
        except Exception as e:
            message = f'accuracy raised {type(e).__name__} on ({n}, {k}) logits.'
            raise AssertionError(message) from None
        if not got is not None:
            message = 'accuracy should return a Python float.'
            raise AssertionError(message)
        if n == k and abs(got - float((Z.argmax(dim=0) == y).double().mean())) < 1e-06 and (abs(got - want) > 1e-06):
            message = 'accuracy takes the argmax over the wrong dimension: the classes are along dim=1.'
            raise AssertionError(message)
        if abs(got - want * n) < 1e-06 and n > 1 and (want > 0):
            message = 'accuracy returns the NUMBER of correct houses, not the fraction: divide by the number of houses.'
            raise AssertionError(message)
        ok = abs(got - want) < 1e-06
        if not ok:
            message = 'accuracy: the mean of (logits.argmax(dim=1) == labels) over the rows.'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_logreg_on_the_data(logreg, logreg_train_losses, logreg_valid_losses, logreg_valid_acc, always_medium_acc, X_train, y_train, X_valid, y_valid):
    import copy
    import math
    import torch
    import torch.nn.functional as F
    from pathlib import Path
    import numpy as np
    import pandas as pd
    path = next((p for p in (Path('data/ames.csv'), Path('../data/ames.csv'), Path('../../data/ames.csv')) if p.exists()), None)
    if not path is not None:
        message = 'The grader found no data/ames.csv to check this answer against: tell your instructor.'
        raise AssertionError(message)
    houses_ref = pd.read_csv(path)
    lonlat_ref, price_ref = (houses_ref[c].to_numpy(dtype=float) for c in (['Longitude', 'Latitude'], 'Sale_Price'))
    order = np.random.RandomState(42).permutation(len(houses_ref))
    valid_ref, train_ref = np.split(order, [len(houses_ref) - int(0.8 * len(houses_ref))])
    class_ref = np.digitize(price_ref, np.quantile(price_ref, [1 / 3, 2 / 3]))
    mean_ref, std_ref = (lonlat_ref[train_ref].mean(axis=0), lonlat_ref[train_ref].std(axis=0))
    features_ref = (lonlat_ref - mean_ref) / std_ref
    X_all = torch.tensor(features_ref, dtype=torch.float32)
    y_all = torch.tensor(class_ref, dtype=torch.long)
    X_tr, X_va = (X_all[rows] for rows in (train_ref, valid_ref))
    y_tr, y_va = (y_all[rows] for rows in (train_ref, valid_ref))

    def fit(rows, make, lr):
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(0)
            model = make()
        optimizer = torch.optim.SGD(model.parameters(), lr=lr)
        for _ in range(300):
            optimizer.zero_grad()
            F.cross_entropy(model(X_all[rows]), y_all[rows]).backward()
            optimizer.step()
        with torch.no_grad():
            return torch.softmax(model(X_all), dim=1)

    def judge_rows(model, make, lr, same_recipe):
        """Which rows the model was fitted on, from reference fits made here on the grader's own split."""
        with torch.no_grad():
            P = torch.softmax(model(X_all), dim=1)
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            refs = {name: fit(rows, make, lr) for name, rows in [('train', train_ref), ('both', order), ('valid', valid_ref)]}
        finally:
            torch.set_num_threads(threads)
        dist = {name: float((P - R).abs().mean()) for name, R in refs.items()}
        nearest = min(dist, key=dist.get)
        leak = nearest != 'train' and dist[nearest] < same_recipe and (dist['train'] > same_recipe)
        return (leak, dist)
    ok = isinstance(logreg, torch.nn.Linear) and (logreg.in_features, logreg.out_features) == (2, 3)
    if not ok:
        message = 'logreg should be the trained nn.Linear(2, 3).'
        raise AssertionError(message)
    model = copy.deepcopy(logreg).cpu().float()
    prefix, tolerance, train_losses, valid_losses, valid_acc = ('logreg', 0.001, logreg_train_losses, logreg_valid_losses, logreg_valid_acc)
    for name, value, want in [('X_train', X_train, X_tr), ('X_valid', X_valid, X_va), ('y_train', y_train, y_tr), ('y_valid', y_valid, y_va)]:
        ok = isinstance(value, torch.Tensor) and tuple(value.shape) == tuple(want.shape) and bool(torch.allclose(value.detach().cpu().to(want.dtype), want, atol=0.002))
        if not ok:
            message = 'X_valid and y_valid should still hold the 586 validation houses (question 2): evaluate on all of them, not on a chosen part.' if name.endswith('valid') else f'{name} should still hold the 2344 training houses of question 2.'
            raise AssertionError(message)
    for name, losses in [(f'{prefix}_train_losses', train_losses), (f'{prefix}_valid_losses', valid_losses)]:
        ok = isinstance(losses, (list, tuple)) and len(losses) >= 100 and all((isinstance(v, float) and math.isfinite(v) for v in losses))
        if not ok:
            message = f'{name} should be the list of finite floats train_classifier returns (300 steps).'
            raise AssertionError(message)
    ok = isinstance(valid_acc, (int, float)) and (not isinstance(valid_acc, bool))
    if not ok:
        message = f'{prefix}_valid_acc should be a Python float.'
        raise AssertionError(message)
    ok = isinstance(always_medium_acc, (int, float)) and (not isinstance(always_medium_acc, bool))
    if not ok:
        message = 'always_medium_acc should be a Python float.'
        raise AssertionError(message)
    leak, dist = judge_rows(model, lambda: torch.nn.Linear(2, 3), 0.5, same_recipe=0.003)
    if leak:
        message = 'logreg was fitted on the validation rows (alone or with the training rows): that is leakage, and its validation accuracy then measures houses it has already seen. Train it on X_train, y_train only.'
        raise AssertionError(message)
    with torch.no_grad():
        reached = float(F.cross_entropy(model(X_tr), y_tr))
    ok = abs(reached - train_losses[-1]) < tolerance
    if not ok:
        message = f'The last training loss ({train_losses[-1]:.4f}) is not the loss of {prefix} on the training houses ({reached:.4f}): either {prefix} is not the model these losses came from (train it with train_classifier), or it learned from other rows too; learning from the validation rows is leakage.'
        raise AssertionError(message)
    with torch.no_grad():
        valid_acc = float((model(X_va).argmax(dim=1) == y_va).double().mean())
        train_loss = float(F.cross_entropy(model(X_tr), y_tr))
    ok = isinstance(logreg_valid_acc, (int, float)) and (not isinstance(logreg_valid_acc, bool))
    if not ok:
        message = 'logreg_valid_acc should be a Python float.'
        raise AssertionError(message)
    tol = 0.5 / len(y_va)
    ok = abs(float(logreg_valid_acc) - valid_acc) < tol
    if not ok:
        message = f'logreg_valid_acc ({float(logreg_valid_acc):.4f}) is not the accuracy of your logreg on the 586 validation houses ({valid_acc:.4f}): use accuracy(logreg(X_valid), y_valid) on all of them.'
        raise AssertionError(message)
    ok = valid_acc >= 0.5 and train_loss < 1.03
    if not ok:
        message = f'The trained logreg should reach a validation accuracy of at least 0.50 and a training loss below 1.03 (it has {valid_acc:.3f} and {train_loss:.4f}): train for 300 full-batch SGD steps with lr=0.5.'
        raise AssertionError(message)
    want = float((y_va == 1).double().mean())
    ok = isinstance(always_medium_acc, (int, float)) and abs(float(always_medium_acc) - want) < tol
    if not ok:
        message = 'always_medium_acc: the fraction of VALIDATION houses whose class is 1 (medium).'
        raise AssertionError(message)
