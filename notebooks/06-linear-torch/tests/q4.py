# Generated from source/06-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q4'
points = 3

@test_case(points=None, hidden=False)
def test_models(LinearRegression, seq_model, env):
    import torch

    def shown(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        if value is None or isinstance(value, (bool, int, float, str)):
            return repr(value)[:60]
        return f'a {type(value).__name__}'
    if isinstance(LinearRegression, type) and (not issubclass(LinearRegression, torch.nn.Module)):
        message = 'LinearRegression is a class, but not an nn.Module: write class LinearRegression(nn.Module): so that it subclasses nn.Module (which gives it parameters(), .to() and model(x)).'
        raise AssertionError(message)
    ok = isinstance(LinearRegression, type) and issubclass(LinearRegression, torch.nn.Module)
    if not ok:
        message = f'LinearRegression is {shown(LinearRegression)}; it should be a class that subclasses nn.Module.'
        raise AssertionError(message)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        try:
            model = LinearRegression(2)
        except Exception as e:
            if 'Module.__init__' in str(e):
                message = 'LinearRegression(2) failed: call super().__init__() at the start of __init__, before creating layers (nn.Module must set itself up before it can hold a layer).'
                raise AssertionError(message) from None
            message = f'LinearRegression(2) raised {type(e).__name__}: {str(e)[:200]}'
            raise AssertionError(message) from None
    try:
        layer = model.linear
    except Exception:
        layer = None
    ok = isinstance(layer, torch.nn.Linear)
    if not ok:
        message = 'LinearRegression should store its layer as self.linear = nn.Linear(n_features, 1).'
        raise AssertionError(message)
    if (layer.in_features, layer.out_features) == (1, 2):
        message = 'LinearRegression(2) has nn.Linear(1, 2), transposed: in_features (n_features) first, then out_features (1).'
        raise AssertionError(message)
    ok = layer.in_features == 2 and layer.out_features == 1
    if not ok:
        message = f'LinearRegression(2) has nn.Linear({layer.in_features}, {layer.out_features}): use n_features inputs (not a fixed 3) and 1 output.'
        raise AssertionError(message)
    ok = layer.bias is not None
    if not ok:
        message = "LinearRegression's layer has no bias: keep bias=True (lesson 02's b)."
        raise AssertionError(message)
    x = torch.randn(4, 2, generator=torch.Generator().manual_seed(1)).to(layer.weight.device)
    try:
        out = model(x.clone())
    except Exception as e:
        if 'forward' in str(e):
            message = 'model(x) found no forward method: define it as def forward(self, x), spelled exactly so (nn.Module calls forward when you write model(x)).'
            raise AssertionError(message) from None
        message = f'LinearRegression(2) applied to 4 houses with 2 features raised {type(e).__name__}: {str(e)[:200]}. forward should use self.linear, the layer this model holds.'
        raise AssertionError(message) from None
    ok = out is not None
    if not ok:
        message = 'forward returned None: end it with return self.linear(x).'
        raise AssertionError(message)
    ok = isinstance(out, torch.Tensor) and tuple(out.shape) == (4, 1)
    if not ok:
        message = f"forward should return the layer's output, of shape (n, 1); for 4 houses it returned {shown(out)}{(' of shape ' + str(tuple(out.shape)) if isinstance(out, torch.Tensor) else '')}: return self.linear(x)."
        raise AssertionError(message)
    with torch.no_grad():
        want = x @ layer.weight.T + layer.bias
    ok = torch.allclose(out.detach().double(), want.double(), atol=1e-05)
    if not ok:
        message = "forward should return self.linear(x), the layer's output and nothing else."
        raise AssertionError(message)
    ok = sum((p.numel() for p in model.parameters())) == 3
    if not ok:
        message = 'LinearRegression(2) should have 3 parameters (2 weights and 1 bias) and no other layers.'
        raise AssertionError(message)
    ok = isinstance(seq_model, torch.nn.Sequential)
    if not ok:
        message = f'seq_model is {shown(seq_model)}; it should be an nn.Sequential: nn.Sequential(nn.Linear(3, 1)).'
        raise AssertionError(message)
    layers = list(seq_model)
    ok = len(layers) == 1 and isinstance(layers[0], torch.nn.Linear)
    if not ok:
        message = f'seq_model should hold exactly one layer, nn.Linear(3, 1); it holds {[type(m).__name__ for m in layers]}.'
        raise AssertionError(message)
    if layers[0].in_features == 1 and layers[0].out_features == 3:
        message = "seq_model's nn.Linear(1, 3) is transposed: in_features first (3), then out_features (1)."
        raise AssertionError(message)
    ok = layers[0].in_features == 3 and layers[0].out_features == 1
    if not ok:
        message = "seq_model's layer should be nn.Linear(3, 1)."
        raise AssertionError(message)
    device = env.get('device') if hasattr(env, 'get') else None
    kind = str(device).split(':')[0] if isinstance(device, (str, torch.device)) else None
    ok = kind is None or layers[0].weight.device.type == kind
    if not ok:
        message = f'seq_model is on {layers[0].weight.device.type} but device is {kind!r}: call .to(device) on it.'
        raise AssertionError(message)
