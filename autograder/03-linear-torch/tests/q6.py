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

@test_case(points=None, hidden=True)
def test_accumulate_values(grad_once, grad_twice, grad_after_zero, acc_model, X_train, y_train):
    import numpy as np
    X, y = (np.asarray(X_train, dtype=float), np.asarray(y_train, dtype=float))
    w = acc_model.weight.detach().cpu().numpy().astype(float).ravel()
    b = float(acc_model.bias.detach().cpu().numpy().sum())
    true_grad = 2 / len(y) * X.T @ (X @ w + b - y)
    once = grad_once.detach().cpu().numpy().astype(float).ravel()
    twice = grad_twice.detach().cpu().numpy().astype(float).ravel()
    if np.allclose(once, 2 * true_grad, rtol=0.001):
        raise AssertionError('grad_once already holds two gradients: it is the same tensor as .grad, which the second backward changed. Store a copy: acc_model.weight.grad.clone().')
    ok = np.allclose(once, true_grad, rtol=0.001, atol=1e-06)
    assert ok, "grad_once should be the weight's gradient after one backward() on a fresh layer."
    if np.allclose(twice, once, rtol=0.001):
        raise AssertionError('grad_twice equals grad_once: call backward() a second time without zeroing in between, then clone.')
    ok = np.allclose(twice, 2 * true_grad, rtol=0.001, atol=1e-06)
    assert ok, 'grad_twice should be .grad after a second backward() without zero_grad: twice the gradient.'
    ok = grad_after_zero is None or (hasattr(grad_after_zero, 'abs') and float(grad_after_zero.abs().sum()) == 0.0)
    assert ok, 'grad_after_zero should be acc_model.weight.grad after acc_optimizer.zero_grad(): None (or zeros).'

