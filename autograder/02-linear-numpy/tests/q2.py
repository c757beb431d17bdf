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

@test_case(points=None, hidden=True)
def test_predict_line_values(predict_line):
    import numpy as np
    rng = np.random.default_rng(202)
    for n in (1, 5, 40):
        x = rng.normal(size=n)
        w, b = (float(rng.normal()), float(rng.normal()))
        x_copy = x.copy()
        try:
            got = np.asarray(predict_line(x, w, b), dtype=float)
        except Exception as e:
            raise AssertionError(f'predict_line raised {type(e).__name__} on {n} houses: {e}') from None
        ok = np.array_equal(x, x_copy)
        assert ok, 'predict_line changed its input array x in place: compute a new array instead.'
        ok = got.shape == (n,)
        assert ok, f'predict_line should return one prediction per house, shape ({n},); got {got.shape}.'
        if np.allclose(got, x * w, atol=1e-06) and abs(b) > 0.001:
            raise AssertionError('predict_line forgot the intercept: add b.')
        ok = np.allclose(got, x * w + b, atol=1e-06)
        assert ok, 'predict_line is wrong on random inputs: it should be x * w + b.'

@test_case(points=None, hidden=True)
def test_mse_values(mse):
    import numpy as np
    rng = np.random.default_rng(2030)
    for n in (7, 50, 1):
        y_hat = rng.normal(size=n)
        y = rng.normal(size=n)
        r = y_hat - y
        copies = (y_hat.copy(), y.copy())
        try:
            got = float(mse(y_hat, y))
        except Exception as e:
            raise AssertionError(f'mse raised {type(e).__name__} on {n} houses: {e}') from None
        ok = np.array_equal(y_hat, copies[0]) and np.array_equal(y, copies[1])
        assert ok, 'mse changed its input arrays in place: compute new arrays instead.'
        hints = [(np.mean(np.abs(r)), 'mse computed the mean ABSOLUTE error (MAE): square the errors instead.'), (np.sqrt(np.mean(r ** 2)), 'mse took a square root (that is the RMSE): the MSE is the mean of the squares.'), (np.sum(r ** 2), 'mse summed the squared errors: divide by the number of houses (take the mean).'), (np.mean(r ** 2) / 2, 'mse divided by 2: the MSE here is the plain mean of the squared errors.'), (np.mean(r), 'mse averaged the raw errors: square them first, or positive and negative errors cancel.')]
        for value, message in hints:
            if n > 1 and bool(np.isclose(got, value, rtol=1e-05)) and (not np.isclose(value, np.mean(r ** 2))):
                raise AssertionError(message)
        ok = bool(np.isclose(got, np.mean(r ** 2), rtol=1e-05))
        assert ok, 'mse is wrong on random inputs: the mean over houses of (y_hat - y) ** 2.'
    got32 = float(mse(np.array([1.0, 2.0], dtype=np.float32), np.array([1.0, 4.0], dtype=np.float32)))
    ok = bool(np.isclose(got32, 2.0, rtol=1e-05))
    assert ok, 'mse should also work on float32 arrays.'

