# Generated from source/06-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q6'
points = 2

@test_case(points=None, hidden=False)
def test_accumulate(grad_once, grad_twice, grad_is_none):
    from pathlib import Path
    import numpy as np
    import pandas as pd
    import torch

    def shown(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        if value is None or isinstance(value, (bool, int, float, str)):
            return repr(value)[:60]
        return f'a {type(value).__name__}'
    for name, value in [('grad_once', grad_once), ('grad_twice', grad_twice)]:
        ok = isinstance(value, torch.Tensor) and tuple(value.shape) == (1, 3)
        if not ok:
            message = f'{name} is {shown(value)}; it should be a copy of acc_model.weight.grad: a tensor of shape (1, 3).'
            raise AssertionError(message)
    paths = (Path('data/ames.csv'), Path('../data/ames.csv'), Path('../../data/ames.csv'))
    path = next((p for p in paths if p.exists()), None)
    if not path is not None:
        message = 'This check could not find data/ames.csv (a set-up problem, not your answer).'
        raise AssertionError(message)
    ames = pd.read_csv(path)
    X_raw = ames[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    price = ames['Sale_Price'].to_numpy(dtype=float) / 100000
    idx = np.random.RandomState(42).permutation(len(ames))
    train = idx[len(ames) - int(0.8 * len(ames)):]
    X = (X_raw[train] - X_raw[train].mean(axis=0)) / X_raw[train].std(axis=0)
    y = price[train]
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        layer = torch.nn.Linear(3, 1)
    w, b = (layer.weight.detach().double().numpy().ravel(), float(layer.bias.item()))
    true_grad = 2 / len(y) * X.T @ (X @ w + b - y)
    once = grad_once.detach().cpu().double().numpy().ravel()
    twice = grad_twice.detach().cpu().double().numpy().ravel()

    def close(a, b_):
        return bool(np.allclose(a, b_, rtol=0.0001, atol=1e-06))
    if close(once, 2 * true_grad):
        message = 'grad_once already holds two gradients: it is the same tensor as .grad, which the second backward changed. Store a copy: acc_model.weight.grad.clone().'
        raise AssertionError(message)
    ok = close(once, true_grad)
    if not ok:
        message = "grad_once should be the weight's gradient after one backward() on the fresh layer acc_model."
        raise AssertionError(message)
    if close(twice, once):
        message = 'grad_twice equals grad_once: call backward() a second time without zeroing in between, then clone.'
        raise AssertionError(message)
    if not twice.any():
        message = 'grad_twice is all zeros: it is the same tensor as .grad, which zero_grad(set_to_none=False) filled with zeros afterwards. Store a copy: acc_model.weight.grad.clone().'
        raise AssertionError(message)
    ok = close(twice, 2 * true_grad)
    if not ok:
        message = 'grad_twice should be .grad after a second backward() without zero_grad: twice the gradient.'
        raise AssertionError(message)
    ok = isinstance(grad_is_none, (bool, np.bool_))
    if not ok:
        message = f'grad_is_none is {shown(grad_is_none)}; it should be True or False: acc_model.weight.grad is None.'
        raise AssertionError(message)
    ok = bool(grad_is_none)
    if not ok:
        message = 'grad_is_none is False: after acc_optimizer.zero_grad() (its default set_to_none=True) .grad is None. Call zero_grad() with no arguments, then test acc_model.weight.grad is None.'
        raise AssertionError(message)
