# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 4

@test_case(points=None, hidden=False)
def test_tensors_form(X_train, X_valid, y_train, y_valid):
    import torch
    for name, value, shape in [('X_train', X_train, (2344, 2)), ('X_valid', X_valid, (586, 2))]:
        assert isinstance(value, torch.Tensor), f'{name} should be a torch tensor (torch.tensor(..., dtype=torch.float32)).'
        ok = tuple(value.shape) == shape
        assert ok, f'{name} should have shape {shape}: one row per house, one column per feature.'
        ok = value.dtype == torch.float32
        assert ok, f"{name} should be float32 (nn.Linear's weights are float32); it is {value.dtype}."
    for name, value, n in [('y_train', y_train, 2344), ('y_valid', y_valid, 586)]:
        assert isinstance(value, torch.Tensor), f'{name} should be a torch tensor.'
        if tuple(value.shape) == (n, 3):
            raise AssertionError(f"{name} is one-hot: PyTorch's cross-entropy wants one class index (0, 1 or 2) per house, shape ({n},).")
        ok = tuple(value.shape) == (n,)
        assert ok, f'{name} should hold one class index per house: shape ({n},).'
        ok = value.dtype == torch.long
        assert ok, f'{name} is {value.dtype}: class labels must be long class indices (dtype=torch.long), which is what F.cross_entropy expects.'

