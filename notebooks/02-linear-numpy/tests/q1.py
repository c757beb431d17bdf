# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=None, hidden=False)
def test_price_area_form(price, area):
    import numpy as np
    for name, value in [('price', price), ('area', area)]:
        ok = isinstance(value, np.ndarray)
        assert ok, f'{name} should be a NumPy array: use df[...].to_numpy().'
        ok = value.shape == (2930,)
        assert ok, f'{name} should be 1-D with one number per house, shape (2930,); got {value.shape}.'

