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

@test_case(points=None, hidden=True)
def test_grid_values(grid_probs_logreg, grid_class_logreg, logreg, grid_points):
    import torch
    with torch.no_grad():
        want = torch.softmax(logreg(grid_points), dim=1).cpu().double()
    P = grid_probs_logreg.detach().cpu().double()
    ok = bool(torch.allclose(P, want, atol=1e-05))
    assert ok, 'grid_probs_logreg should be softmax_probs(logreg(grid_points)), with the trained model.'
    ok = not grid_probs_logreg.requires_grad
    assert ok, 'Compute grid_probs_logreg inside `with torch.no_grad():` (we only look, we do not train).'
    C = grid_class_logreg.detach().cpu()
    ok = torch.equal(C, want.argmax(dim=1).reshape(150, 150))
    assert ok, 'grid_class_logreg: the argmax over the classes (dim=1), reshaped to (150, 150).'

