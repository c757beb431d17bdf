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

