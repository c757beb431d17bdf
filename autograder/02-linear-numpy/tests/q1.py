# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 2

@test_case(points=None, hidden=False)
def test_price_area_units(price, area):
    import os
    import numpy as np
    import pandas as pd
    paths = ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv')
    ames = pd.read_csv(next((p for p in paths if os.path.exists(p)), paths[0]))
    columns = {'price': ('Sale_Price', 100000, 'dollars', ames['Sale_Price'].to_numpy(dtype=float)), 'area': ('Gr_Liv_Area', 1000, 'square feet', ames['Gr_Liv_Area'].to_numpy(dtype=float))}
    answers = {'price': price, 'area': area}
    for name, value in answers.items():
        column, unit, old_unit, raw = columns[name]
        other = 'area' if name == 'price' else 'price'
        ok = value is not ... and value is not None
        assert ok, f'{name} is still blank: set it to df[{column!r}] in its new unit, as a NumPy array.'
        ok = isinstance(value, np.ndarray)
        assert ok, f'{name} should be a NumPy array, not a {type(value).__name__}: use df[...].to_numpy().'
        ok = value.shape == (2930,)
        assert ok, f'{name} should be 1-D with one number per house, shape (2930,); got shape {value.shape}.'
        ok = value.dtype.kind in 'iuf'
        assert ok, f'{name} should hold numbers; its dtype is {value.dtype}.'
        v = value.astype(float)
        if np.allclose(v, raw):
            raise AssertionError(f'{name} is still in {old_unit}: divide {column} by {unit:,}.')
        if np.allclose(v, columns[other][3] / columns[other][1]):
            raise AssertionError(f'{name} holds the {other} values: price and area are swapped.')
        if np.allclose(v, raw * unit):
            raise AssertionError(f'{name} was multiplied by {unit:,}: divide {column} by {unit:,} instead.')
        for factor in (10, 100, 1000, 10000, 100000, 1000000):
            if factor != unit and np.allclose(v, raw / factor):
                raise AssertionError(f'{name} was divided by {factor:,}: to get its unit, divide by {unit:,}.')
        if np.allclose(v, np.floor(raw / unit)):
            raise AssertionError(f'{name} lost its decimals (integer division // or int()): divide with /.')
        if np.allclose(np.sort(v), np.sort(raw / unit)) and (not np.allclose(v, raw / unit)):
            raise AssertionError(f'{name} holds the right numbers in another order: keep the original order.')
        if np.allclose(v, raw / unit, atol=0.051) and (not np.allclose(v, raw / unit, rtol=1e-05)):
            raise AssertionError(f'{name} was rounded: keep every digit of {column} / {unit:,}.')
        ok = np.allclose(v, raw / unit, rtol=1e-05)
        assert ok, f"{name} should be {column} divided by {unit:,}, one number per house in the rows' order."

@test_case(points=None, hidden=True)
def test_price_area_every_house(price, area):
    import os
    import numpy as np
    import pandas as pd
    paths = ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv')
    ames = pd.read_csv(next((p for p in paths if os.path.exists(p)), paths[0]))
    for name, value, column, unit in [('price', price, 'Sale_Price', 100000), ('area', area, 'Gr_Liv_Area', 1000)]:
        want = ames[column].to_numpy(dtype=float) / unit
        ok = isinstance(value, np.ndarray) and value.shape == want.shape and (value.dtype.kind in 'iuf')
        assert ok, f'{name} should be a NumPy array of numbers with shape {want.shape}.'
        ok = bool(np.all(np.isfinite(value))) and np.allclose(value.astype(float), want, rtol=1e-05)
        assert ok, f"{name} should be {column} divided by {unit:,}, one number per house in the rows' order."

