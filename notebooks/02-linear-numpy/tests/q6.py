# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 4

@test_case(points=None, hidden=False)
def test_gradient_worked_case(mse_gradient):
    import numpy as np
    assert callable(mse_gradient), 'mse_gradient should be a function: def mse_gradient(X, y, w, b): ...'
    X = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])
    y = np.array([1.0, 2.0, 3.0])
    try:
        out = mse_gradient(X, y, np.zeros(2), 0.0)
    except Exception as e:
        raise AssertionError(f'mse_gradient raised {type(e).__name__}: {e}') from None
    ok = isinstance(out, (tuple, list)) and len(out) == 2
    assert ok, 'mse_gradient should return a pair: return grad_w, grad_b.'
    grad_w, grad_b = (np.asarray(out[0], dtype=float), np.asarray(out[1], dtype=float))
    ok = grad_w.size == 2 and grad_w.shape in [(2,), (2, 1)]
    assert ok, f'grad_w should have one entry per feature, shape (2,); got {grad_w.shape}.'
    ok = grad_b.size == 1
    assert ok, f'grad_b should be a single number; got shape {grad_b.shape}.'
    ok = np.allclose(grad_w.ravel(), [-8 / 3, -10 / 3]) and bool(np.isclose(float(grad_b.ravel()[0]), -4.0))
    assert ok, 'On this tiny example grad_w should be [-8/3, -10/3] and grad_b should be -4 (work it out on paper).'

