# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q10"
points = 2

@test_case(points=None, hidden=False)
def test_grid_form(grid_probs_logreg, grid_class_logreg):
    import torch
    ok = isinstance(grid_probs_logreg, torch.Tensor) and tuple(grid_probs_logreg.shape) == (22500, 3)
    assert ok, 'grid_probs_logreg should hold 3 probabilities for each of the 150 * 150 grid points: shape (22500, 3).'
    ok = isinstance(grid_class_logreg, torch.Tensor) and tuple(grid_class_logreg.shape) == (150, 150)
    assert ok, 'grid_class_logreg should hold one class per grid point, reshaped to (150, 150).'

