# Generated from source/07-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q1'
points = 2

@test_case(points=None, hidden=False)
def test_price_classes_public(price_edges, price_class, price):
    import numpy as np
    import torch

    def describe(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        shape = getattr(value, 'shape', None)
        if shape is not None and (not callable(shape)):
            return f'a {type(value).__name__} of shape {tuple(shape)}'
        if isinstance(value, (str, int, float, type(None))):
            return repr(value)[:40]
        return f'a {type(value).__name__}'

    def as_numbers(value):
        if isinstance(value, torch.Tensor):
            value = value.detach().cpu().double().numpy()
        if value is None or value is ... or isinstance(value, str):
            return None
        try:
            return np.asarray(value, dtype=float)
        except (TypeError, ValueError, RuntimeError):
            return None
    ok = isinstance(price, np.ndarray) and price.shape == (2930,)
    if not ok:
        message = 'price (given) should hold the 2930 sale prices: run the data cell again.'
        raise AssertionError(message)
    edges = as_numbers(price_edges)
    ok = edges is not None and edges.shape == (2,)
    if not ok:
        message = f'price_edges should hold the two prices that cut the sorted prices into thirds, shape (2,); it is {describe(price_edges)}.'
        raise AssertionError(message)
    if np.allclose(edges, np.quantile(price, [0.25, 0.75])):
        message = 'price_edges are the quartiles (1/4 and 3/4): cut at 1/3 and 2/3 of the way through the sorted prices.'
        raise AssertionError(message)
    ok = np.allclose(edges, np.quantile(price, [1 / 3, 2 / 3]))
    if not ok:
        message = f'price_edges {np.round(edges).tolist()} should be the prices at 1/3 and 2/3 of the way through the sorted prices of ALL houses: np.quantile(price, [1/3, 2/3]).'
        raise AssertionError(message)
    classes = as_numbers(price_class)
    ok = classes is not None and classes.shape == (2930,)
    if not ok:
        message = f'price_class should hold one class number per house, shape (2930,); it is {describe(price_class)}.'
        raise AssertionError(message)
    found = sorted(set(np.unique(classes).tolist()))
    ok = set(found) <= {0, 1, 2}
    if not ok:
        message = f'price_class should hold only the class numbers 0 (low), 1 (medium) and 2 (high); it holds {found[:6]}.'
        raise AssertionError(message)
    off_edge = ~np.isin(price, edges)
    want = np.digitize(price, edges)
    ok = np.array_equal(classes, want) or not np.array_equal(classes[off_edge], want[off_edge])
    if not ok:
        message = 'A house priced exactly at an edge belongs to the class above it, as np.digitize counts the edges at or below its price: use np.digitize(price, price_edges); price > edge and pd.qcut put it in the class below.'
        raise AssertionError(message)
    ok = np.array_equal(classes, np.digitize(price, edges))
    if not ok:
        message = 'price_class should be np.digitize(price, price_edges): 0 below the first edge, 1 between the edges, 2 above.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_price_classes_on_the_data(price_edges, price_class, price):
    import torch
    from pathlib import Path
    import numpy as np
    import pandas as pd
    path = next((p for p in (Path('data/ames.csv'), Path('../data/ames.csv'), Path('../../data/ames.csv')) if p.exists()), None)
    if not path is not None:
        message = 'The grader found no data/ames.csv to check this answer against: tell your instructor.'
        raise AssertionError(message)
    houses_ref = pd.read_csv(path)
    lonlat_ref, price_ref = (houses_ref[c].to_numpy(dtype=float) for c in (['Longitude', 'Latitude'], 'Sale_Price'))
    order = np.random.RandomState(42).permutation(len(houses_ref))
    valid_ref, train_ref = np.split(order, [len(houses_ref) - int(0.8 * len(houses_ref))])
    class_ref = np.digitize(price_ref, np.quantile(price_ref, [1 / 3, 2 / 3]))

    def as_numbers(value):
        if isinstance(value, torch.Tensor):
            value = value.detach().cpu().double().numpy()
        if value is None or value is ... or isinstance(value, str):
            return None
        try:
            return np.asarray(value, dtype=float)
        except (TypeError, ValueError, RuntimeError):
            return None
    ok = isinstance(price, np.ndarray) and price.shape == price_ref.shape and np.allclose(price, price_ref)
    if not ok:
        message = 'price (given) was changed: run the data cell again and leave price as it is.'
        raise AssertionError(message)
    edges, classes = (as_numbers(price_edges), as_numbers(price_class))
    want_edges = np.quantile(price_ref, [1 / 3, 2 / 3])
    ok = edges is not None and edges.shape == (2,) and np.allclose(edges, want_edges)
    if not ok:
        message = 'price_edges: the prices at 1/3 and 2/3 of the way through the sorted prices, over all houses.'
        raise AssertionError(message)
    ok = classes is not None and classes.shape == class_ref.shape and np.array_equal(classes, class_ref)
    if not ok:
        message = 'price_class: np.digitize(price, price_edges) gives 0 below the first edge, 1 between, 2 above.'
        raise AssertionError(message)
