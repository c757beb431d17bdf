# Generated from source/06-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q3'
points = 3

@test_case(points=None, hidden=False)
def test_linear_layer(linear_model, weight_shape, bias_shape, env):
    import numbers
    import torch

    def shown(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        if value is None or isinstance(value, (bool, int, float, str)):
            return repr(value)[:60]
        return f'a {type(value).__name__}'
    ok = isinstance(linear_model, torch.nn.Linear)
    if not ok:
        message = f'linear_model is {shown(linear_model)}; it should be an nn.Linear layer: nn.Linear(in_features=..., out_features=..., bias=True).'
        raise AssertionError(message)
    if linear_model.in_features == 1 and linear_model.out_features == 3:
        message = 'nn.Linear(1, 3) is transposed: the first argument is in_features (3 features in), the second out_features (1 price out).'
        raise AssertionError(message)
    ok = linear_model.in_features == 3 and linear_model.out_features == 1
    if not ok:
        message = f'linear_model is nn.Linear({linear_model.in_features}, {linear_model.out_features}); it needs 3 features in, 1 output: nn.Linear(in_features=3, out_features=1).'
        raise AssertionError(message)
    ok = linear_model.bias is not None
    if not ok:
        message = "linear_model has no bias: keep bias=True (lesson 02's b)."
        raise AssertionError(message)
    ok = linear_model.weight.dtype == torch.float32
    if not ok:
        message = f"linear_model's weights are {linear_model.weight.dtype}: keep nn.Linear's float32, the dtype of the data."
        raise AssertionError(message)
    device = env.get('device') if hasattr(env, 'get') else None
    kind = str(device).split(':')[0] if isinstance(device, (str, torch.device)) else None
    ok = kind is None or linear_model.weight.device.type == kind
    if not ok:
        message = f'linear_model is on {linear_model.weight.device.type} but device is {kind!r}: call .to(device) on it.'
        raise AssertionError(message)
    for name, value in [('weight_shape', weight_shape), ('bias_shape', bias_shape)]:
        ok = isinstance(value, (tuple, list)) and all((isinstance(d, numbers.Integral) and (not isinstance(d, bool)) for d in value))
        if not ok:
            message = f'{name} is {shown(value)}; it should be a tuple of whole numbers such as (5, 7).'
            raise AssertionError(message)
    ws, bs = (tuple((int(d) for d in weight_shape)), tuple((int(d) for d in bias_shape)))
    if ws == (3, 1):
        message = 'weight_shape is transposed: PyTorch stores the weight as (out_features, in_features), one row per output. Read it from the layer: tuple(linear_model.weight.shape).'
        raise AssertionError(message)
    ok = ws == tuple(linear_model.weight.shape)
    if not ok:
        message = f"weight_shape is {ws}, but the layer's weight has shape {tuple(linear_model.weight.shape)}: read it from the layer."
        raise AssertionError(message)
    ok = bs == tuple(linear_model.bias.shape)
    if not ok:
        message = f"bias_shape is {bs}, but the layer's bias has shape {tuple(linear_model.bias.shape)}: one bias per output. Read it from the layer, tuple(linear_model.bias.shape)."
        raise AssertionError(message)
