# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q5'
points = 4

@test_case(points=None, hidden=False)
def test_medium_form(medium_onehot, predicted_label, accuracy_medium, loss_medium):
    import numbers
    import numpy as np
    if isinstance(medium_onehot, numbers.Integral) and (not isinstance(medium_onehot, bool)):
        message = f'medium_onehot is the class number {medium_onehot}: the one-hot vector has one entry per class, 0s and a single 1 at the true class.'
        raise AssertionError(message)
    blank = medium_onehot is ... or medium_onehot is None or isinstance(medium_onehot, str)
    ok = not blank and np.shape(medium_onehot) == (3,)
    if not ok:
        message = 'medium_onehot should have one entry per class (3 numbers).'
        raise AssertionError(message)
    if isinstance(predicted_label, numbers.Integral) or isinstance(predicted_label, np.integer):
        message = f'predicted_label should be a class name, not the class number {predicted_label}: look it up in classes.'
        raise AssertionError(message)
    found = 'still blank' if predicted_label is ... else f'a {type(predicted_label).__name__}'
    found = repr(predicted_label)[:40] if isinstance(predicted_label, str) else found
    ok = isinstance(predicted_label, str) and predicted_label in ['low', 'medium', 'high']
    if not ok:
        message = f"predicted_label should be a class name, one of 'low', 'medium', 'high' (spelled as in classes); it is {found}."
        raise AssertionError(message)
    for name, value in [('accuracy_medium', accuracy_medium), ('loss_medium', loss_medium)]:
        blank = value is ... or value is None or isinstance(value, str)
        ok = not blank and np.ndim(value) == 0
        found = 'still blank' if value is ... else repr(value)[:30] if blank else f'an array of shape {np.shape(value)}'
        if not ok:
            message = f'{name} should be a single number; it is {found}.'
            raise AssertionError(message)
        try:
            float(value)
        except (TypeError, ValueError):
            message = f'{name} should be a single number.'
            raise AssertionError(message) from None

@test_case(points=None, hidden=False)
def test_medium_on_this_house(medium_onehot, predicted_label, accuracy_medium, loss_medium):
    import numpy as np
    try:
        onehot = np.asarray(medium_onehot, dtype=float)
        accuracy = float(accuracy_medium)
        loss = float(loss_medium)
    except (TypeError, ValueError):
        message = 'First give all four names a value of the right kind (see the message above): this check needs them.'
        raise AssertionError(message) from None
    ok = onehot.shape == (3,) and isinstance(predicted_label, str)
    if not ok:
        message = 'First give all four names a value of the right kind (see the message above): this check needs them.'
        raise AssertionError(message)
    z = np.array([1.0, 2.0, -1.0])
    p = np.exp(z) / np.exp(z).sum()
    problems = []
    if not np.array_equal(onehot, [0, 1, 0]):
        problems.append('medium_onehot: a 1 at the position of the true class (medium is the 2nd class), 0 elsewhere.')
    classes = ['low', 'medium', 'high']
    if predicted_label != classes[int(np.argmax(p))]:
        problems.append(f'predicted_label is {predicted_label!r}: which class has the largest probability?')
    if np.isclose(accuracy, p[1], atol=0.001):
        problems.append('accuracy_medium is the probability, not the accuracy: was the prediction right (1) or wrong (0)?')
    elif np.isclose(accuracy, 100):
        problems.append('accuracy_medium is 1 when the prediction is right and 0 when it is wrong, not a percentage.')
    elif not np.isclose(accuracy, 1.0):
        problems.append('accuracy_medium: 1 if the predicted class is the true class, else 0. Was it right?')
    hints = [(np.log(p[1]), 'loss_medium is negative: the loss is MINUS the log of the probability.'), (-np.log10(p[1]), 'loss_medium used log base 10: cross-entropy uses the natural log, np.log.'), (-np.log2(p[1]), 'loss_medium used log base 2: cross-entropy uses the natural log, np.log.'), (-np.log(p[0]), "loss_medium used the probability of 'low': use the probability of the TRUE class, medium."), (-np.log(p[2]), "loss_medium used the probability of 'high': use the probability of the TRUE class, medium."), (-np.sum(np.log(p)), 'loss_medium summed the logs of all classes: the one-hot vector keeps only the true class.'), (-np.log(p[1]) / 3, 'loss_medium divided by the number of classes: sum over the classes, do not average.'), (1 - p[1], 'loss_medium is 1 - p: cross-entropy is -log(p) of the true class.')]
    hint = next((message for value, message in hints if np.isclose(loss, value, atol=0.001)), None)
    if hint:
        problems.append(hint)
    elif not np.isclose(loss, -np.log(p[1]), atol=0.001):
        problems.append(f'loss_medium should be -log(probability of the true class), -log({p[1]:.4f}) with the unrounded probability. If you took it from probs_medium, check that softmax passes question 4 first.')
    if not not problems:
        message = ' '.join(problems)
        raise AssertionError(message)
