# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q8"
points = 3

@test_case(points=None, hidden=False)
def test_training_run_form(lr_gd, steps_gd, history_gd):
    import numpy as np
    ok = isinstance(lr_gd, (int, float, np.floating)) and lr_gd is not ... and (float(lr_gd) > 0)
    assert ok, 'lr_gd should be a positive number.'
    ok = isinstance(steps_gd, (int, np.integer)) and 0 < int(steps_gd) <= 2000
    assert ok, 'steps_gd should be a whole number of steps between 1 and 2,000.'
    ok = history_gd is not None and len(history_gd) in (int(steps_gd), int(steps_gd) + 1)
    assert ok, 'history_gd should hold one loss per step.'

@test_case(points=None, hidden=True)
def test_training_reaches_closed_form(lr_gd, steps_gd, w_gd, b_gd, history_gd, df):
    import numpy as np
    h = np.asarray(history_gd, dtype=float).ravel()
    if not np.all(np.isfinite(h)) or h[-1] > h[0]:
        raise AssertionError('The training loss blows up: this learning rate diverges (each step overshoots the minimum further). Try a smaller lr_gd.')
    raw = df[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    y = df['Sale_Price'].to_numpy(dtype=float) / 100000
    tr = np.random.RandomState(42).permutation(len(raw))[586:]
    X = (raw[tr] - raw[tr].mean(axis=0)) / raw[tr].std(axis=0)
    A = np.column_stack([X, np.ones(len(X))])
    best = np.mean((A @ np.linalg.lstsq(A, y[tr], rcond=None)[0] - y[tr]) ** 2)
    w = np.asarray(w_gd, dtype=float).ravel()
    got = np.mean((X @ w + float(np.asarray(b_gd, dtype=float).ravel()[0]) - y[tr]) ** 2)
    ok = got <= best * 1.001
    assert ok, 'Gradient descent stops more than 0.1 % above the best possible training MSE: the learning rate is too small or there are too few steps (look at the loss curve: is it still falling?).'

