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

