# Generated from source/03-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3

@test_case(points=None, hidden=False)
def test_models_form(LinearRegression, seq_model):
    import torch
    ok = isinstance(LinearRegression, type) and issubclass(LinearRegression, torch.nn.Module)
    assert ok, 'LinearRegression should be a class that subclasses nn.Module.'
    ok = isinstance(seq_model, torch.nn.Sequential)
    assert ok, 'seq_model should be an nn.Sequential: nn.Sequential(nn.Linear(3, 1)).'

@test_case(points=None, hidden=True)
def test_linear_regression_class(LinearRegression):
    import torch
    torch.manual_seed(3)
    try:
        model = LinearRegression(5)
    except Exception as e:
        raise AssertionError(f'LinearRegression(5) raised {type(e).__name__}: {e}. (Call super().__init__() before creating layers.)') from None
    layer = getattr(model, 'linear', None)
    ok = isinstance(layer, torch.nn.Linear)
    assert ok, 'LinearRegression should store its layer as self.linear = nn.Linear(n_features, 1).'
    ok = layer.in_features == 5 and layer.out_features == 1
    assert ok, f'LinearRegression(5) has nn.Linear({layer.in_features}, {layer.out_features}): use n_features inputs (not a fixed 3) and 1 output.'
    x = torch.randn(7, 5)
    try:
        with torch.no_grad():
            out = model(x)
    except Exception as e:
        raise AssertionError(f'model(x) raised {type(e).__name__}: {e}') from None
    ok = isinstance(out, torch.Tensor) and tuple(out.shape) == (7, 1)
    assert ok, "forward should return the layer's output, of shape (n, 1): return self.linear(x)."
    ok = torch.allclose(out, x @ layer.weight.T + layer.bias, atol=1e-05)
    assert ok, 'forward should return self.linear(x).'
    ok = sum((p.numel() for p in model.parameters())) == 6
    assert ok, 'LinearRegression(5) should have 6 parameters (5 weights and 1 bias) and no other layers.'

@test_case(points=None, hidden=True)
def test_seq_model(seq_model):
    import torch
    layers = list(seq_model)
    ok = len(layers) == 1 and isinstance(layers[0], torch.nn.Linear)
    assert ok, 'seq_model should hold exactly one layer, nn.Linear(3, 1).'
    if layers[0].in_features == 1 and layers[0].out_features == 3:
        raise AssertionError("seq_model's nn.Linear(1, 3) is transposed: in_features first (3), then out_features (1).")
    ok = layers[0].in_features == 3 and layers[0].out_features == 1
    assert ok, "seq_model's layer should be nn.Linear(3, 1)."
    want = 'cuda' if torch.cuda.is_available() else 'cpu'
    ok = layers[0].weight.device.type == want
    assert ok, 'seq_model is not on the device: call .to(device) on it.'

