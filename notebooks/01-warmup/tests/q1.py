# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 4

@test_case(points=None, hidden=False)
def test_shapes_are_tuples(X_shape, W_shape, b_shape, logits_shape):
    answers = {'X_shape': X_shape, 'W_shape': W_shape, 'b_shape': b_shape, 'logits_shape': logits_shape}
    for name, value in answers.items():
        ok = isinstance(value, (tuple, list)) and all((isinstance(d, int) for d in value))
        assert ok, f'{name} should be a tuple of integers such as (5, 7), not {value!r}.'

