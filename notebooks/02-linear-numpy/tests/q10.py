# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q10"
points = 3

@test_case(points=None, hidden=False)
def test_wrong_way_form(class_theta, class_pred_valid, wrong_way_accuracy):
    import numpy as np
    ok = class_theta is not None and class_theta is not ... and (np.size(class_theta) == 3)
    assert ok, 'class_theta should hold 3 numbers: a weight for longitude, one for latitude, and the intercept.'
    ok = class_pred_valid is not None and np.shape(class_pred_valid) == (586,)
    assert ok, 'class_pred_valid should hold one predicted class per validation house, shape (586,).'
    ok = wrong_way_accuracy is not None and wrong_way_accuracy is not ... and (np.size(wrong_way_accuracy) == 1)
    ok = ok and 0.0 <= float(np.ravel(wrong_way_accuracy)[0]) <= 1.0
    assert ok, 'wrong_way_accuracy should be a single number between 0 and 1.'

