# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q9"
points = 3

@test_case(points=None, hidden=False)
def test_logreg_training_form(logreg_train_losses, logreg_valid_losses, logreg_valid_acc, always_medium_acc):
    import math
    ok = isinstance(logreg_train_losses, (list, tuple)) and len(logreg_train_losses) >= 100
    assert ok, 'logreg_train_losses should be the list returned by train_classifier (300 steps).'
    ok = isinstance(logreg_valid_losses, (list, tuple)) and len(logreg_valid_losses) == len(logreg_train_losses)
    assert ok, 'logreg_valid_losses should be the second list returned by train_classifier.'
    ok = all((math.isfinite(float(v)) for v in logreg_train_losses))
    assert ok, 'The training losses should be finite numbers.'
    for name, value in [('logreg_valid_acc', logreg_valid_acc), ('always_medium_acc', always_medium_acc)]:
        ok = isinstance(value, (int, float)) and 0 <= value <= 1
        assert ok, f'{name} should be a fraction between 0 and 1 (a Python float).'

@test_case(points=None, hidden=True)
def test_logreg_trained(logreg, logreg_train_losses, logreg_valid_acc, X_train, y_train, X_valid, y_valid):
    import torch
    with torch.no_grad():
        valid_acc = float((logreg(X_valid).argmax(dim=1) == y_valid).double().mean())
        train_acc = float((logreg(X_train).argmax(dim=1) == y_train).double().mean())
    if abs(float(logreg_valid_acc) - train_acc) < 1e-06 and abs(train_acc - valid_acc) > 1e-06:
        raise AssertionError('logreg_valid_acc is the accuracy on the training set: measure it on X_valid, y_valid, the houses the model did not learn from.')
    ok = abs(float(logreg_valid_acc) - valid_acc) < 1e-06
    assert ok, 'logreg_valid_acc should be accuracy(logreg(X_valid), y_valid), after training.'
    ok = valid_acc >= 0.5
    assert ok, 'The trained logreg should reach a validation accuracy of at least 0.50: train for 300 full-batch Adam steps with lr=0.1 (and check zero_grad).'
    ok = float(logreg_train_losses[-1]) < 1.03
    assert ok, 'The final training loss should be below 1.03 (about 1.017 at the optimum).'

@test_case(points=None, hidden=True)
def test_always_medium(always_medium_acc, y_valid):
    want = float((y_valid == 1).double().mean())
    ok = abs(float(always_medium_acc) - want) < 1e-06
    assert ok, 'always_medium_acc: the fraction of VALIDATION houses whose class is 1 (medium).'

