# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q8"
points = 3

@test_case(points=None, hidden=False)
def test_training_run_form(lr_gd, steps_gd, history_gd):
    import numpy as np
    ok = isinstance(lr_gd, (int, float, np.floating)) and lr_gd is not ... and (float(lr_gd) > 0)
    assert ok, 'lr_gd should be a positive number.'
    ok = isinstance(steps_gd, (int, np.integer)) and 0 < int(steps_gd) <= 2000
    assert ok, 'steps_gd should be a whole number of steps between 1 and 2,000.'
    ok = history_gd is not None and len(history_gd) in (int(steps_gd), int(steps_gd) + 1)
    assert ok, 'history_gd should hold one loss per step.'

