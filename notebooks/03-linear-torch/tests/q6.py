# Generated from source/03-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q6"
points = 2

@test_case(points=None, hidden=False)
def test_accumulate_form(grad_once, grad_twice):
    import torch
    for name, value in [('grad_once', grad_once), ('grad_twice', grad_twice)]:
        ok = isinstance(value, torch.Tensor) and tuple(value.shape) == (1, 3)
        assert ok, f'{name} should be a copy of acc_model.weight.grad: a tensor of shape (1, 3).'

