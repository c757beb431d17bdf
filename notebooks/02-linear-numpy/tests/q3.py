# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 2

@test_case(points=None, hidden=False)
def test_guess_form(w_guess, b_guess, guess_mse):
    import numpy as np
    for name, value in [('w_guess', w_guess), ('b_guess', b_guess), ('guess_mse', guess_mse)]:
        ok = value is not None and value is not ... and (np.ndim(value) == 0)
        assert ok, f'{name} should be a single number.'

