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

@test_case(points=None, hidden=True)
def test_medium_prediction(medium_onehot, predicted_label, accuracy_medium):
    import numpy as np
    ok = np.array_equal(np.asarray(medium_onehot), [0, 1, 0])
    assert ok, 'medium_onehot: a 1 at the position of the true class (medium is the 2nd class), 0 elsewhere.'
    ok = predicted_label == 'medium'
    assert ok, 'predicted_label: which class has the largest probability?'
    if bool(np.isclose(float(accuracy_medium), 0.7054, atol=0.001)):
        raise AssertionError('accuracy_medium is the probability, not the accuracy: was the prediction right (1) or wrong (0)?')
    ok = bool(np.isclose(float(accuracy_medium), 1.0))
    assert ok, 'accuracy_medium: 1 if the predicted class is the true class, else 0.'

@test_case(points=None, hidden=True)
def test_medium_loss(loss_medium):
    import numpy as np
    loss = float(loss_medium)
    p = np.exp([1.0, 2.0, -1.0]) / np.exp([1.0, 2.0, -1.0]).sum()
    hints = [(-np.log(p[1]), None), (np.log(p[1]), 'loss_medium is negative: the loss is MINUS the log of the probability.'), (-np.log10(p[1]), 'loss_medium used log base 10: cross-entropy uses the natural log, np.log.'), (-np.log(p[0]), "loss_medium used the probability of 'low': use the probability of the TRUE class, medium."), (-np.log(p[2]), "loss_medium used the probability of 'high': use the probability of the TRUE class, medium."), (-np.sum(np.log(p)), 'loss_medium summed the logs of all classes: the one-hot vector keeps only the true class.'), (1 - p[1], 'loss_medium is 1 - p: cross-entropy is -log(p) of the true class.')]
    for value, message in hints[1:]:
        if bool(np.isclose(loss, value, atol=0.001)):
            raise AssertionError(message)
    ok = bool(np.isclose(loss, hints[0][0], atol=0.001))
    assert ok, 'loss_medium should be -log(probability of the true class), about 0.35.'

