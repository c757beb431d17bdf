# Generated from source/03-gradient-descent.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q2'
points = 3

@test_case(points=None, hidden=False)
def test_training_run_reaches_the_minimum(lr_gd, steps_gd, w_gd, b_gd, history_gd):
    import os
    import numpy as np
    import pandas as pd
    ok = lr_gd is not ... and lr_gd is not None and (steps_gd is not ...) and (steps_gd is not None)
    if not ok:
        message = 'lr_gd and steps_gd are still blank: choose a learning rate (start with 0.01) and a number of steps.'
        raise AssertionError(message)
    shown = [value if np.ndim(value) == 0 else f'a {type(value).__name__}' for value in (lr_gd, steps_gd)]
    ok = isinstance(lr_gd, (int, float, np.integer, np.floating)) and (not isinstance(lr_gd, bool)) and (lr_gd > 0)
    if not ok:
        message = f'lr_gd should be a positive number; got {shown[0]!r:.40}.'
        raise AssertionError(message)
    ok = isinstance(steps_gd, (int, np.integer)) and (not isinstance(steps_gd, bool)) and (0 < int(steps_gd) <= 2000)
    if not ok:
        message = f'steps_gd should be a whole number of steps between 1 and 2,000; got {shown[1]!r:.40}.'
        raise AssertionError(message)
    ok = w_gd is not None and b_gd is not None and (history_gd is not None)
    if not ok:
        message = 'w_gd, b_gd and history_gd are not set: they come from the training line of the q2 cell, which runs once gradient_descent (q1) works. Run the q1 cell, then the q2 cell again.'
        raise AssertionError(message)
    try:
        h = np.asarray(history_gd, dtype=float).ravel()
        w = np.asarray(w_gd, dtype=float).ravel()
        b = float(np.asarray(b_gd, dtype=float).ravel()[0])
    except (TypeError, ValueError, IndexError):
        message = 'w_gd, b_gd and history_gd should be numbers and arrays from gradient_descent.'
        raise AssertionError(message) from None
    ok = len(h) in (int(steps_gd), int(steps_gd) + 1)
    if not ok:
        message = f'history_gd should hold one loss per step ({int(steps_gd)}); it has {len(h)} entries.'
        raise AssertionError(message)
    ok = w.shape == (3,)
    if not ok:
        message = f'w_gd should hold 3 weights, one per feature; got {w.size}.'
        raise AssertionError(message)
    if not np.all(np.isfinite(h)) or not np.all(np.isfinite(w)) or h[-1] > h[0]:
        message = f'The training loss blows up with lr_gd = {lr_gd}: this learning rate diverges (each step overshoots the minimum further). Try a smaller lr_gd.'
        raise AssertionError(message)
    paths = ('data/ames.csv', '../data/ames.csv', '../../data/ames.csv')
    ames = pd.read_csv(next((p for p in paths if os.path.exists(p)), paths[0]))
    raw = ames[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    y = ames['Sale_Price'].to_numpy(dtype=float) / 100000
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va, every = (idx[586:], idx[:586], idx)
    A = np.column_stack([(raw - raw[tr].mean(axis=0)) / raw[tr].std(axis=0), np.ones(len(raw))])

    def excess(rows):
        best = np.linalg.lstsq(A[rows], y[rows], rcond=None)[0]
        return np.mean((A[rows] @ np.append(w, b) - y[rows]) ** 2) / np.mean((A[rows] @ best - y[rows]) ** 2)
    if excess(tr) > 1.001 and excess(va) <= 1.001:
        message = 'w_gd and b_gd fit the VALIDATION houses: that is leakage (the model has seen the houses it is measured on). Train on X_train and y_train.'
        raise AssertionError(message)
    if excess(tr) > 1.001 and excess(every) <= 1.001:
        message = 'w_gd and b_gd fit ALL the houses, validation rows included: that is leakage. Train on X_train and y_train only.'
        raise AssertionError(message)
    raw_fit = np.mean((raw[tr] @ w + b - y[tr]) ** 2) < np.mean((A[tr] @ np.append(w, b) - y[tr]) ** 2)
    if excess(tr) > 1.001 and raw_fit:
        message = 'w_gd and b_gd fit the RAW features (X_train_raw) better than the standardized ones: train on the standardized X_train.'
        raise AssertionError(message)
    if excess(tr) > 1.001 and len(h) > 1 and (h[-1] < h[-2] * (1 - 1e-06)):
        message = f'Gradient descent stops {100 * (excess(tr) - 1):.1f} % above the best training MSE while the loss is still falling: train longer (more steps) or with a larger lr_gd (look at the loss curve below).'
        raise AssertionError(message)
    ok = excess(tr) <= 1.001
    if not ok:
        message = 'The loss no longer falls, but w_gd and b_gd are more than 0.1 % above the best training MSE: they do not come from training on X_train, y_train. Check the training line (this check standardizes the training houses itself, as the given cell at the top does).'
        raise AssertionError(message)
