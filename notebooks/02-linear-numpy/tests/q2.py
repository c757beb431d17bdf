# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 3

@test_case(points=None, hidden=False)
def test_line_and_mse_worked_case(predict_line, mse):
    import numpy as np
    ok = callable(predict_line) and callable(mse)
    assert ok, 'predict_line and mse should be functions.'
    try:
        y_hat = np.asarray(predict_line(np.array([1.0, 2.0, 3.0]), 2.0, 0.5), dtype=float)
    except Exception as e:
        raise AssertionError(f'predict_line([1, 2, 3], 2.0, 0.5) raised {type(e).__name__}: {e}') from None
    ok = y_hat.shape == (3,)
    assert ok, f'predict_line of 3 houses should return 3 predictions, shape (3,); got {y_hat.shape}.'
    ok = np.allclose(y_hat, [2.5, 4.5, 6.5])
    assert ok, 'predict_line([1, 2, 3], w=2, b=0.5) should be [2.5, 4.5, 6.5]: x * w + b.'
    try:
        value = mse(np.array([1.0, 2.0]), np.array([1.0, 4.0]))
    except Exception as e:
        raise AssertionError(f'mse raised {type(e).__name__}: {e}') from None
    ok = value is not None and np.ndim(value) == 0
    assert ok, 'mse should return a single number.'
    ok = bool(np.isclose(float(value), 2.0))
    assert ok, 'mse([1, 2], [1, 4]) should be 2.0: the errors are 0 and -2, their squares 0 and 4, the mean 2.'

