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

@test_case(points=None, hidden=True)
def test_linear_layer(linear_model, device):
    import torch
    if linear_model.in_features == 1 and linear_model.out_features == 3:
        raise AssertionError('nn.Linear(1, 3) is transposed: the first argument is in_features (3 features in), the second out_features (1 price out).')
    ok = linear_model.in_features == 3 and linear_model.out_features == 1
    assert ok, 'linear_model: 3 features in, 1 output: nn.Linear(in_features=3, out_features=1).'
    ok = linear_model.bias is not None
    assert ok, "linear_model has no bias: keep bias=True (lesson 02's b)."
    want = 'cuda' if torch.cuda.is_available() else 'cpu'
    ok = linear_model.weight.device.type == want
    assert ok, 'linear_model is not on the device: call .to(device) on it.'
    with torch.no_grad():
        out = linear_model(torch.randn(5, 3, device=want))
    ok = tuple(out.shape) == (5, 1)
    assert ok, 'linear_model should turn 5 houses into predictions of shape (5, 1).'

@test_case(points=None, hidden=True)
def test_linear_shapes(weight_shape, bias_shape):
    ws, bs = (tuple(weight_shape), tuple(bias_shape))
    if ws == (3, 1):
        raise AssertionError('weight_shape is transposed: PyTorch stores the weight as (out_features, in_features), one row per output. Read it from the layer: tuple(linear_model.weight.shape).')
    ok = ws == (1, 3)
    assert ok, 'weight_shape: read it from the layer, tuple(linear_model.weight.shape).'
    ok = bs == (1,)
    assert ok, 'bias_shape: one bias per output, so (1,). Read it from the layer.'

