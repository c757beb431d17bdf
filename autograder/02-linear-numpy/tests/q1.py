# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q1'
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
        if not ok:
            message = f'{name} is still blank: set it to df[{column!r}] in its new unit, as a NumPy array.'
            raise AssertionError(message)
        ok = isinstance(value, np.ndarray)
        if not ok:
            message = f'{name} should be a NumPy array, not a {type(value).__name__}: use df[...].to_numpy().'
            raise AssertionError(message)
        ok = value.shape == (2930,)
        if not ok:
            message = f'{name} should be 1-D with one number per house, shape (2930,); got shape {value.shape}.'
            raise AssertionError(message)
        ok = value.dtype.kind in 'iuf'
        if not ok:
            message = f'{name} should hold numbers; its dtype is {value.dtype}.'
            raise AssertionError(message)
        v = value.astype(float)
        if np.allclose(v, raw):
            message = f'{name} is still in {old_unit}: divide {column} by {unit:,}.'
            raise AssertionError(message)
        if np.allclose(v, columns[other][3] / columns[other][1]):
            message = f'{name} holds the {other} values: price and area are swapped.'
            raise AssertionError(message)
        if np.allclose(v, raw * unit):
            message = f'{name} was multiplied by {unit:,}: divide {column} by {unit:,} instead.'
            raise AssertionError(message)
        for factor in (10, 100, 1000, 10000, 100000, 1000000):
            if factor != unit and np.allclose(v, raw / factor):
                message = f'{name} was divided by {factor:,}: to get its unit, divide by {unit:,}.'
                raise AssertionError(message)
        if np.allclose(v, np.floor(raw / unit)):
            message = f'{name} lost its decimals (integer division // or int()): divide with /.'
            raise AssertionError(message)
        if np.allclose(np.sort(v), np.sort(raw / unit)) and (not np.allclose(v, raw / unit)):
            message = f'{name} holds the right numbers in another order: keep the original order.'
            raise AssertionError(message)
        if np.allclose(v, raw / unit, atol=0.051) and (not np.allclose(v, raw / unit, rtol=1e-05)):
            message = f'{name} was rounded: keep every digit of {column} / {unit:,}.'
            raise AssertionError(message)
        ok = np.allclose(v, raw / unit, rtol=1e-05)
        if not ok:
            message = f"{name} should be {column} divided by {unit:,}, one number per house in the rows' order."
            raise AssertionError(message)

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
        if not ok:
            message = f'{name} should be a NumPy array of numbers with shape {want.shape}.'
            raise AssertionError(message)
        ok = bool(np.all(np.isfinite(value))) and np.allclose(value.astype(float), want, rtol=1e-05)
        if not ok:
            message = f"{name} should be {column} divided by {unit:,}, one number per house in the rows' order."
            raise AssertionError(message)
