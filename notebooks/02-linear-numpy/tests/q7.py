# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q7"
points = 4

@test_case(points=None, hidden=False)
def test_gradient_descent_worked_case(gradient_descent):
    import numpy as np
    assert callable(gradient_descent), 'gradient_descent should be a function: def gradient_descent(X, y, lr, steps)'
    try:
        out = gradient_descent(np.array([[1.0], [2.0], [3.0]]), np.array([2.0, 4.0, 6.0]), 0.1, 3)
    except Exception as e:
        raise AssertionError(f'gradient_descent raised {type(e).__name__}: {e}') from None
    ok = isinstance(out, (tuple, list)) and len(out) == 3
    assert ok, 'gradient_descent should return three things: return w, b, history.'
    w, b, history = out
    ok = np.asarray(w).size == 1 and np.asarray(b).size == 1
    assert ok, 'With one feature, w should hold 1 weight and b one number.'
    ok = len(history) in (3, 4)
    assert ok, f'history should hold one loss per step (3 steps here); it has {len(history)} entries.'

