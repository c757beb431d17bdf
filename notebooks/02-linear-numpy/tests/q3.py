# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q3'
points = 2

@test_case(points=None, hidden=False)
def test_guess_is_a_line_through_the_cloud(w_guess, b_guess, guess_mse):
    import os
    import numpy as np
    import pandas as pd
    values = {}
    for name, value in [('w_guess', w_guess), ('b_guess', b_guess), ('guess_mse', guess_mse)]:
        ok = value is not ... and value is not None
        if not ok:
            message = f'{name} is still blank: set it to a number.'
            raise AssertionError(message)
        ok = isinstance(value, (int, float, np.integer, np.floating)) and (not isinstance(value, bool))
        if not ok:
            message = f'{name} should be a single number, not a {type(value).__name__}.'
            raise AssertionError(message)
        values[name] = float(value)
        ok = bool(np.isfinite(values[name]))
        if not ok:
            message = f'{name} should be a finite number; got {values[name]}.'
            raise AssertionError(message)
    paths = ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv')
    ames = pd.read_csv(next((p for p in paths if os.path.exists(p)), paths[0]))
    p = ames['Sale_Price'].to_numpy(dtype=float) / 100000
    a = ames['Gr_Liv_Area'].to_numpy(dtype=float) / 1000
    w, b = (values['w_guess'], values['b_guess'])
    if 50 < abs(w) < 500:
        message = 'w_guess looks like dollars per square foot: in our units (price in 100,000 dollars, area in 1,000 sq ft) the slope is the rise in price, in 100,000 dollars, per 1,000 sq ft.'
        raise AssertionError(message)
    want = np.mean((a * w + b - p) ** 2)
    close = dict(rtol=0.0001, atol=5e-05)
    if np.isclose(values['guess_mse'], np.mean((a[:100] * w + b - p[:100]) ** 2), **close):
        message = 'guess_mse was measured on some of the houses: use all of them (area and price).'
        raise AssertionError(message)
    ok = bool(np.isclose(values['guess_mse'], want, **close))
    if not ok:
        message = f"guess_mse should be mse(predict_line(area, w_guess, b_guess), price), the MSE of your line on all the houses: that is {want:.4f}, not {values['guess_mse']:.4f}."
        raise AssertionError(message)
    slope, intercept = np.polyfit(a, p, 1)
    best = np.mean((a * slope + intercept - p) ** 2)
    ok = want < 1.5 * best
    if not ok:
        message = f"Your line is far from the cloud of points: its MSE is {want:.2f}, and the check accepts below {1.5 * best:.2f} (1.5 times the best line's {best:.2f}). Look at the scatter plot again: where does the cloud sit at 1,000 and at 3,000 sq ft?"
        raise AssertionError(message)
