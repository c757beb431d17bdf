# Generated from source/03-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=None, hidden=False)
def test_linear_form(linear_model, weight_shape, bias_shape):
    import torch
    ok = isinstance(linear_model, torch.nn.Linear)
    assert ok, 'linear_model should be an nn.Linear layer: nn.Linear(in_features=..., out_features=..., bias=True).'
    for name, value in [('weight_shape', weight_shape), ('bias_shape', bias_shape)]:
        ok = isinstance(value, (tuple, list)) and all((isinstance(d, int) for d in value))
        assert ok, f'{name} should be a tuple of integers such as (5, 7), not {value!r}.'

