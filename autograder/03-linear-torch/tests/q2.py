# Generated from source/03-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 4

@test_case(points=None, hidden=False)
def test_autograd_form(w_auto, b_auto, loss_auto, grad_w_auto, grad_b_auto, autograd_matches):
    import torch
    for name, value in [('w_auto', w_auto), ('b_auto', b_auto), ('loss_auto', loss_auto)]:
        ok = isinstance(value, torch.Tensor)
        assert ok, f'{name} should be a torch tensor.'
    ok = w_auto.requires_grad and b_auto.requires_grad
    assert ok, 'w_auto and b_auto need requires_grad=True, or PyTorch records nothing to differentiate.'
    ok = w_auto.dtype == torch.float32 and b_auto.dtype == torch.float32
    assert ok, 'w_auto and b_auto should be float32, like the data.'
    ok = tuple(w_auto.shape) in ((3, 1), (3,)) and tuple(b_auto.shape) in ((1,), ())
    assert ok, f'w_auto should have shape (3, 1) and b_auto shape (1,); yours are {tuple(w_auto.shape)}, {tuple(b_auto.shape)}.'
    ok = loss_auto.ndim == 0
    assert ok, f'loss_auto should be a single number (a 0-d tensor), not shape {tuple(loss_auto.shape)}: take the mean.'
    ok = isinstance(grad_w_auto, torch.Tensor) and isinstance(grad_b_auto, torch.Tensor)
    assert ok, 'grad_w_auto / grad_b_auto are not tensors: read w_auto.grad and b_auto.grad AFTER loss_auto.backward(). (.grad stays None without requires_grad=True, or on a tensor moved with .to() after creation.)'
    ok = tuple(grad_w_auto.shape) == tuple(w_auto.shape)
    assert ok, 'grad_w_auto should have the shape of w_auto: it is w_auto.grad.'
    ok = type(autograd_matches).__name__ in ('bool', 'bool_')
    assert ok, 'autograd_matches should be True or False (the result of np.allclose).'

@test_case(points=None, hidden=True)
def test_autograd_values(w_auto, b_auto, loss_auto, grad_w_auto, grad_b_auto, X_train, y_train):
    import numpy as np
    X, y = (np.asarray(X_train, dtype=float), np.asarray(y_train, dtype=float))
    w = np.array([0.5, -0.2, 0.1])
    b = 1.0
    ok = np.allclose(w_auto.detach().cpu().numpy().ravel(), w) and np.allclose(b_auto.detach().cpu().numpy(), b)
    assert ok, 'w_auto and b_auto should start at w_start and b_start.'
    r = X @ w + b - y
    gw, gb = (2 / len(y) * X.T @ r, 2 * np.mean(r))
    got_w = grad_w_auto.detach().cpu().numpy().astype(float).ravel()
    got_b = float(grad_b_auto.detach().cpu().numpy().sum())

    def close(a, b_):
        return bool(np.allclose(a, b_, rtol=0.001, atol=1e-05))
    r_bcast = X @ w + b - y.mean()
    if close(got_w, 2 / len(y) * X.T @ r_bcast) and (not close(got_w, gw)):
        raise AssertionError('Your predictions and targets have different shapes ((n,) and (n, 1)): the subtraction broadcast into an (n, n) table. Make w_auto shape (3, 1) so that X_train_t @ w_auto is (n, 1) like y_train_t.')
    hints = [(2 * gw, 2 * gb, "The gradient is twice too large: loss.backward() ran twice, and .grad ADDS each backward's gradient to what is already there. Call it once on fresh tensors."), (len(y) * gw, len(y) * gb, 'The gradient is n times too large: the loss should be the MEAN of the squared errors, not their sum.'), (-gw, -gb, 'The gradient has the wrong sign: the residual is prediction minus target.'), (gw / 2, gb / 2, 'The gradient is half the right size: square the errors with ** 2 and do not divide by 2.')]
    for hw, hb, message in hints:
        if close(got_w, hw) and close(got_b, hb):
            raise AssertionError(message)
    ok = bool(np.isclose(float(loss_auto.detach()), np.mean(r ** 2), rtol=0.0001))
    assert ok, 'loss_auto should be the mean squared error of X_train_t @ w_auto + b_auto against y_train_t.'
    ok = close(got_w, gw) and close(got_b, gb)
    assert ok, 'grad_w_auto and grad_b_auto do not equal the gradient of the MSE at (w_start, b_start).'

@test_case(points=None, hidden=True)
def test_autograd_matches(autograd_matches):
    ok = autograd_matches is not None and autograd_matches is not ... and bool(autograd_matches)
    assert ok, "autograd_matches should be True: autograd's gradient equals lesson 02's formula."

