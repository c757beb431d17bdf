# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=None, hidden=False)
def test_price_class_form(price_class):
    import numpy as np
    ok = price_class is not None and price_class is not ... and (np.shape(price_class) == (2930,))
    assert ok, 'price_class should hold one class number per house: shape (2930,).'
    ok = set(np.unique(np.asarray(price_class)).tolist()) <= {0, 1, 2}
    assert ok, 'price_class should hold only the class numbers 0 (low), 1 (medium) and 2 (high).'

