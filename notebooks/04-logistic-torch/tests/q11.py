# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q11"
points = 3

@test_case(points=None, hidden=False)
def test_mlp_form(mlp, mlp_valid_acc):
    import torch
    assert isinstance(mlp, torch.nn.Sequential), 'mlp should be an nn.Sequential of three layers.'
    ok = len(mlp) == 3
    assert ok, 'mlp should have three parts: nn.Linear(2, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 3).'
    ok = isinstance(mlp_valid_acc, (int, float)) and 0 <= mlp_valid_acc <= 1
    assert ok, 'mlp_valid_acc should be a fraction between 0 and 1 (a Python float).'

