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

