# Generated from source/03-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q1"
points = 3

@test_case(points=None, hidden=False)
def test_tensors_form(device, X_train_t, y_train_t, X_valid_t, y_valid_t):
    import torch
    ok = isinstance(device, (str, torch.device)) and str(device).split(':')[0] in ('cpu', 'cuda')
    assert ok, 'device should be "cuda" or "cpu": "cuda" if torch.cuda.is_available() else "cpu".'
    tensors = {'X_train_t': X_train_t, 'y_train_t': y_train_t, 'X_valid_t': X_valid_t, 'y_valid_t': y_valid_t}
    for name, value in tensors.items():
        ok = isinstance(value, torch.Tensor)
        assert ok, f'{name} should be a torch tensor: torch.tensor(array, dtype=torch.float32, device=device).'
        if value.dtype == torch.float64:
            raise AssertionError(f"{name} is float64 (NumPy's default): nn.Linear's weights are float32 and the two cannot be mixed. Pass dtype=torch.float32.")
        ok = value.dtype == torch.float32
        assert ok, f'{name} should have dtype torch.float32, not {value.dtype}.'
    shapes = {'X_train_t': (2344, 3), 'y_train_t': (2344, 1), 'X_valid_t': (586, 3), 'y_valid_t': (586, 1)}
    for name, want in shapes.items():
        shape = tuple(tensors[name].shape)
        if name.startswith('y') and shape == (want[0],):
            raise AssertionError(f'{name} has shape {shape}: the model predicts shape (n, 1), and nn.MSELoss would broadcast (n, 1) against (n,) into an (n, n) table (with only a warning). Use .reshape(-1, 1).')
        ok = shape == want
        assert ok, f'{name} should have shape {want}, not {shape}.'

@test_case(points=None, hidden=True)
def test_device_choice(device, X_train_t, y_train_t, X_valid_t, y_valid_t):
    import torch
    want = 'cuda' if torch.cuda.is_available() else 'cpu'
    ok = str(device).split(':')[0] == want
    assert ok, f'device is {str(device)!r} but {want!r} is what this machine has: write "cuda" if torch.cuda.is_available() else "cpu", so the notebook runs with and without a GPU.'
    for name, value in [('X_train_t', X_train_t), ('y_train_t', y_train_t), ('X_valid_t', X_valid_t), ('y_valid_t', y_valid_t)]:
        ok = value.device.type == want
        assert ok, f'{name} is on {value.device.type}, not on device: pass device=device (or call .to(device)).'

@test_case(points=None, hidden=True)
def test_tensors_values(X_train_t, y_train_t, X_valid_t, y_valid_t, X_train, y_train, X_valid, y_valid):
    import numpy as np
    pairs = [('X_train_t', X_train_t, X_train), ('y_train_t', y_train_t, y_train), ('X_valid_t', X_valid_t, X_valid), ('y_valid_t', y_valid_t, y_valid)]
    for name, tensor, array in pairs:
        got = tensor.detach().cpu().numpy().astype(float)
        want = np.asarray(array, dtype=float).reshape(got.shape) if got.size == np.size(array) else None
        ok = want is not None and np.allclose(got, want, rtol=1e-06, atol=1e-06)
        assert ok, f'{name} should hold the same numbers as the NumPy array it comes from, in the same order.'

