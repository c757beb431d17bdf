# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q2'
points = 2

@test_case(points=None, hidden=False)
def test_demo_arrays(X_demo, W_demo, b_demo, logits_demo):
    import numpy as np
    for name, value, size in [('X_demo', X_demo, 'X_shape'), ('W_demo', W_demo, 'W_shape'), ('b_demo', b_demo, 'b_shape')]:
        ok = isinstance(value, np.ndarray) and np.issubdtype(value.dtype, np.number)
        found = 'still blank' if value is ... else f'a {type(value).__name__}'
        if not ok:
            message = f'{name} should be a NumPy array of numbers, such as rng.normal(size={size}); it is {found}.'
            raise AssertionError(message)
    shapes = [X_demo.shape, W_demo.shape, b_demo.shape]
    if shapes == [(2,), (2,), (1,)]:
        message = 'X_demo, W_demo and b_demo have the shapes (2,), (2,) and (1,): rng.normal(X_shape) without size= takes X_shape as the MEAN and draws one number per entry of the tuple. Write rng.normal(size=X_shape).'
        raise AssertionError(message)
    ok = shapes == [(100, 2), (2, 3), (3,)]
    if not ok:
        message = f'X_demo, W_demo and b_demo should have the shapes of question 1; yours are {shapes}. If you built them with rng.normal(size=X_shape) and so on, the shapes in question 1 are not right yet: fix them there, then run both cells again.'
        raise AssertionError(message)
    ok = isinstance(logits_demo, np.ndarray) and np.issubdtype(logits_demo.dtype, np.number)
    found = 'still blank' if logits_demo is ... else f'a {type(logits_demo).__name__}'
    if not ok:
        message = f'logits_demo should be the NumPy array X_demo @ W_demo + b_demo; it is {found}.'
        raise AssertionError(message)
    if logits_demo.shape == (3, 100):
        message = 'logits_demo is transposed: one row per house and one column per class.'
        raise AssertionError(message)
    ok = logits_demo.shape == (100, 3)
    if not ok:
        message = f'logits_demo should have one row per house and one column per class, not shape {logits_demo.shape}.'
        raise AssertionError(message)
    if not np.allclose(b_demo, 0) and np.allclose(logits_demo, X_demo @ W_demo):
        message = 'logits_demo should be X_demo @ W_demo + b_demo: the bias b_demo is missing.'
        raise AssertionError(message)
    ok = np.allclose(logits_demo, X_demo @ W_demo + b_demo)
    if not ok:
        message = 'logits_demo should be X_demo @ W_demo + b_demo (matrix product, then add the bias).'
        raise AssertionError(message)
