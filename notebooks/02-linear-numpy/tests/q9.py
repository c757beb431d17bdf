# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q9"
points = 3

@test_case(points=None, hidden=False)
def test_closed_form_form(w_closed, b_closed, closed_train_mse, valid_mae_dollars):
    import numpy as np
    ok = w_closed is not None and w_closed is not ... and (np.size(w_closed) == 3)
    assert ok, 'w_closed should hold the 3 feature weights (the first 3 numbers lstsq returns).'
    for name, value in [('b_closed', b_closed), ('closed_train_mse', closed_train_mse), ('valid_mae_dollars', valid_mae_dollars)]:
        ok = value is not None and value is not ... and (np.size(value) == 1)
        assert ok, f'{name} should be a single number.'

