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

@test_case(points=None, hidden=True)
def test_price_class_values(price_edges, price_class, price):
    import numpy as np
    want_edges = np.quantile(price, [1 / 3, 2 / 3])
    ok = np.shape(price_edges) == (2,) and np.allclose(np.asarray(price_edges, dtype=float), want_edges)
    assert ok, 'price_edges: the prices at 1/3 and 2/3 of the way through the sorted prices, over all houses.'
    got = np.asarray(price_class)
    ok = np.array_equal(got, np.digitize(price, want_edges))
    assert ok, 'price_class: np.digitize(price, price_edges) gives 0 below the first edge, 1 between, 2 above.'

