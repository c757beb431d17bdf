# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q2'
points = 3

@test_case(points=None, hidden=False)
def test_line_and_mse_examples(predict_line, mse):
    import numpy as np
    ok = callable(predict_line) and callable(mse)
    if not ok:
        message = 'predict_line and mse should be functions (def ...), not values: run their cell.'
        raise AssertionError(message)
    x = np.array([1.0, 2.0, 3.0])
    try:
        out = predict_line(x, 2.0, 0.5)
        y_hat = None if out is None else np.asarray(out, dtype=float)
    except Exception as e:
        message = f'predict_line([1, 2, 3], 2.0, 0.5) raised {type(e).__name__}: {e}'
        raise AssertionError(message) from None
    if not y_hat is not None:
        message = 'predict_line returned None: write its body (still `...`?) and end it with `return`.'
        raise AssertionError(message)
    ok = np.array_equal(x, [1.0, 2.0, 3.0])
    if not ok:
        message = 'predict_line changed its input array x in place (x *= w?): compute a new array instead.'
        raise AssertionError(message)
    ok = y_hat.shape == (3,)
    if not ok:
        message = f'predict_line of 3 houses should return 3 predictions, shape (3,); got shape {y_hat.shape}.'
        raise AssertionError(message)
    if np.allclose(y_hat, [2.0, 4.0, 6.0]):
        message = 'predict_line forgot the intercept: add b.'
        raise AssertionError(message)
    if np.allclose(y_hat, [2.5, 3.0, 3.5]):
        message = 'predict_line swapped w and b: the slope w multiplies x, then b is added.'
        raise AssertionError(message)
    ok = np.allclose(y_hat, [2.5, 4.5, 6.5])
    if not ok:
        message = f'predict_line([1, 2, 3], w=2, b=0.5) should be [2.5, 4.5, 6.5] (x * w + b); got {y_hat}.'
        raise AssertionError(message)
    try:
        y_hat = np.asarray(predict_line(np.array([0.0, 10.0]), -1.0, 3.0), dtype=float)
    except Exception as e:
        message = f'predict_line([0, 10], -1.0, 3.0) raised {type(e).__name__}: {e}'
        raise AssertionError(message) from None
    ok = y_hat.shape == (2,) and np.allclose(y_hat, [3.0, -7.0])
    if not ok:
        message = f'predict_line([0, 10], w=-1, b=3) should be [3, -7] (x * w + b); got {y_hat}.'
        raise AssertionError(message)
    for a, c, want, steps in [([1.0, 2.0, 3.0], [1.0, 4.0, 0.0], 13 / 3, 'the errors are 0, -2, 3, their squares 0, 4, 9, the mean 13/3'), ([1.0, 2.0], [1.0, 4.0], 2.0, 'the errors are 0 and -2, their squares 0 and 4, the mean 2')]:
        a, c = (np.array(a), np.array(c))
        r = a - c
        try:
            value = mse(a, c)
            got = None if value is None or np.ndim(value) != 0 else float(value)
        except Exception as e:
            message = f'mse raised {type(e).__name__}: {e}'
            raise AssertionError(message) from None
        if not value is not None:
            message = 'mse returned None: write its body (still `...`?) and end it with `return`.'
            raise AssertionError(message)
        ok = got is not None
        if not ok:
            message = f'mse should return a single number (the mean over the houses); got shape {np.shape(value)}.'
            raise AssertionError(message)
        ok = np.array_equal(a - c, r)
        if not ok:
            message = 'mse changed its input arrays in place: compute new arrays instead.'
            raise AssertionError(message)
        hints = [(np.mean(np.abs(r)), 'mse computed the mean ABSOLUTE error (MAE): square the errors instead.'), (np.sqrt(np.mean(r ** 2)), 'mse took a square root (that is the RMSE): the MSE is the mean of the squares.'), (np.sum(r ** 2), 'mse summed the squared errors: divide by the number of houses (take the mean).'), (np.sum(r ** 2) / (len(r) - 1), 'mse divided by n - 1: the MSE divides by n, the number of houses.'), (np.mean(r ** 2) / 2, 'mse divided by 2: the MSE here is the plain mean of the squared errors.'), (np.mean(r) ** 2, 'mse squared the MEAN error: square each error first, then take the mean.'), (np.mean(r), 'mse averaged the raw errors: square them first, or positive and negative errors cancel.'), (-np.mean(r), 'mse averaged the raw errors: square them first, or positive and negative errors cancel.')]
        for wrong, message in hints:
            if len(r) > 2 and np.isclose(got, wrong) and (not np.isclose(wrong, want)):
                raise AssertionError(message)
        ok = bool(np.isclose(got, want))
        if not ok:
            message = f'mse({a.tolist()}, {c.tolist()}) should be {want:.4g}: {steps}; got {got:.4g}.'
            raise AssertionError(message)
