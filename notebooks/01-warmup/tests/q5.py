# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 4

@test_case(points=None, hidden=False)
def test_medium_form(medium_onehot, predicted_label, accuracy_medium, loss_medium):
    import numpy as np
    ok = medium_onehot is not ... and np.shape(medium_onehot) == (3,)
    assert ok, 'medium_onehot should have one entry per class (3 numbers).'
    ok = isinstance(predicted_label, str)
    assert ok, "predicted_label should be a class name, one of 'low', 'medium', 'high'."
    for name, value in [('accuracy_medium', accuracy_medium), ('loss_medium', loss_medium)]:
        ok = value is not ... and value is not None and (np.ndim(value) == 0)
        assert ok, f'{name} should be a single number.'

