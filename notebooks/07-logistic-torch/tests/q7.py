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
