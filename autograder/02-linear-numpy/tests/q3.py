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

@test_case(points=None, hidden=True)
def test_guess_values(w_guess, b_guess, guess_mse, df):
    import numpy as np
    p = df['Sale_Price'].to_numpy(dtype=float) / 100000
    a = df['Gr_Liv_Area'].to_numpy(dtype=float) / 1000
    w, b = (float(w_guess), float(b_guess))
    if 50 < abs(w) < 500:
        raise AssertionError('w_guess looks like dollars per square foot: in our units (price in $100k, area in 1,000 sq ft) the slope is $100k per 1,000 sq ft.')
    want = np.mean((a * w + b - p) ** 2)
    ok = bool(np.isclose(float(guess_mse), want, rtol=0.0001))
    assert ok, 'guess_mse should be mse(predict_line(area, w_guess, b_guess), price), on all the houses.'
    best = np.mean((a * np.polyfit(a, p, 1)[0] + np.polyfit(a, p, 1)[1] - p) ** 2)
    ok = want < 1.5 * best
    assert ok, 'Your line is far from the cloud of points: look at the scatter plot again (slope and intercept).'

