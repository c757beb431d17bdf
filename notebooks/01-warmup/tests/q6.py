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

