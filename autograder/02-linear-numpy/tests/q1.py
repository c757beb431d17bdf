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

@test_case(points=None, hidden=True)
def test_price_area_values(price, area, df):
    import numpy as np
    dollars = df['Sale_Price'].to_numpy(dtype=float)
    sqft = df['Gr_Liv_Area'].to_numpy(dtype=float)
    p = np.asarray(price, dtype=float)
    a = np.asarray(area, dtype=float)
    if np.allclose(p, dollars):
        raise AssertionError('price is still in dollars: divide by 100,000 to get units of $100k.')
    for factor in (1000, 10000, 1000000):
        if np.allclose(p, dollars / factor):
            raise AssertionError(f'price was divided by {factor:,}: the unit is $100k, so divide by 100,000.')
    ok = np.allclose(p, dollars / 100000, rtol=1e-05)
    assert ok, "price should be Sale_Price divided by 100,000, in the rows' original order."
    if np.allclose(a, sqft):
        raise AssertionError('area is still in square feet: divide Gr_Liv_Area by 1,000.')
    ok = np.allclose(a, sqft / 1000, rtol=1e-05)
    assert ok, "area should be Gr_Liv_Area divided by 1,000, in the rows' original order."

