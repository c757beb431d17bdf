# Generated from source/06-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q2'
points = 4

@test_case(points=None, hidden=False)
def test_autograd(w_auto, b_auto, loss_auto, grad_w_auto, grad_b_auto, autograd_matches):
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
    for name, value in [('w_auto', w_auto), ('b_auto', b_auto), ('loss_auto', loss_auto)]:
        ok = isinstance(value, torch.Tensor)
        if not ok:
            message = f'{name} is {shown(value)}; it should be a torch tensor.'
            raise AssertionError(message)
    ok = w_auto.requires_grad and b_auto.requires_grad
    if not ok:
        message = 'w_auto and b_auto need requires_grad=True, or PyTorch records nothing to differentiate.'
        raise AssertionError(message)
    ok = w_auto.dtype == torch.float32 and b_auto.dtype == torch.float32
    if not ok:
        message = f'w_auto and b_auto should be float32, like the data (yours: {w_auto.dtype}, {b_auto.dtype}).'
        raise AssertionError(message)
    ok = tuple(w_auto.shape) in ((3, 1), (3,)) and tuple(b_auto.shape) in ((1,), ())
    if not ok:
        message = f'w_auto should have shape (3, 1) and b_auto shape (1,); yours are {tuple(w_auto.shape)}, {tuple(b_auto.shape)}.'
        raise AssertionError(message)
    ok = loss_auto.ndim == 0
    if not ok:
        message = f'loss_auto should be a single number (a 0-d tensor), not shape {tuple(loss_auto.shape)}: take the mean.'
        raise AssertionError(message)
    if any((isinstance(g, np.ndarray) for g in (grad_w_auto, grad_b_auto))):
        message = 'grad_w_auto or grad_b_auto is a NumPy array: keep them as the tensors w_auto.grad and b_auto.grad (turn a copy into NumPy only for the comparison in autograd_matches).'
        raise AssertionError(message)
    ok = isinstance(grad_w_auto, torch.Tensor) and isinstance(grad_b_auto, torch.Tensor)
    if not ok:
        message = f'grad_w_auto / grad_b_auto are {shown(grad_w_auto)} / {shown(grad_b_auto)}, not tensors: read w_auto.grad and b_auto.grad AFTER loss_auto.backward(). (.grad stays None without requires_grad=True, or on a tensor moved with .to() after creation.)'
        raise AssertionError(message)
    ok = w_auto.grad is not None and b_auto.grad is not None
    if not ok:
        message = 'w_auto.grad or b_auto.grad is None: call loss_auto.backward(), then read the gradients from w_auto.grad and b_auto.grad.'
        raise AssertionError(message)
    ok = tuple(grad_w_auto.shape) == tuple(w_auto.shape) and grad_b_auto.numel() == 1
    if not ok:
        message = 'grad_w_auto should have the shape of w_auto and grad_b_auto one number: they are w_auto.grad and b_auto.grad.'
        raise AssertionError(message)
    got_w = grad_w_auto.detach().cpu().double().numpy().ravel()
    got_b = float(grad_b_auto.detach().cpu().double().sum())
    ok = np.allclose(got_w, w_auto.grad.detach().cpu().double().numpy().ravel()) and np.isclose(got_b, float(b_auto.grad.detach().cpu().double().sum()))
    if not ok:
        message = 'grad_w_auto and grad_b_auto should be read from w_auto.grad and b_auto.grad, not typed in or computed apart.'
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
    n_valid = len(ames) - int(0.8 * len(ames))
    valid, train = (idx[:n_valid], idx[n_valid:])
    mean, std = (X_raw[train].mean(axis=0), X_raw[train].std(axis=0))
    X, y = ((X_raw[train] - mean) / std, price[train])
    w, b = (np.array([0.5, -0.2, 0.1]), 1.0)

    def gradient(X, y):
        r = X @ w + b - y
        return (2 / len(y) * X.T @ r, 2 * np.mean(r))

    def close(a, b_):
        return bool(np.allclose(a, b_, rtol=0.0001, atol=1e-06))
    gw, gb = gradient(X, y)
    ok = np.allclose(w_auto.detach().cpu().double().numpy().ravel(), w) and np.allclose(b_auto.detach().cpu().double().numpy(), b)
    if not ok and close(got_w, gw) and close(got_b, gb):
        message = 'w_auto and b_auto no longer hold w_start and b_start, although their gradients were taken there: something updated them after backward(). There is no update step in this question: leave them as they were.'
        raise AssertionError(message)
    if not ok:
        message = 'w_auto and b_auto should start at w_start and b_start: build them from those two values.'
        raise AssertionError(message)
    if close(got_w, 2 / len(y) * X.T @ (X @ w + b - y.mean())) and (not close(got_w, gw)):
        message = 'Your predictions and targets have different shapes ((n,) and (n, 1)): the subtraction broadcast into an (n, n) table. Make w_auto shape (3, 1) so that X_train_t @ w_auto is (n, 1) like y_train_t.'
        raise AssertionError(message)
    vw, vb = gradient((X_raw[valid] - mean) / std, price[valid])
    hints = [(2 * gw, 2 * gb, "The gradient is twice too large: loss.backward() ran twice, and .grad ADDS each backward's gradient to what is already there. Call it once on fresh tensors."), (len(y) * gw, len(y) * gb, 'The gradient is n times too large: the loss should be the MEAN of the squared errors, not their sum.'), (-gw, -gb, 'The gradient has the wrong sign: the residual is prediction minus target.'), (gw / 2, gb / 2, 'The gradient is half the right size: square the errors with ** 2 and do not divide by 2.'), (vw, vb, 'This is the gradient on the validation rows: compute loss_auto on X_train_t and y_train_t.')]
    for hw, hb, message in hints:
        if close(got_w, hw) and close(got_b, hb):
            raise AssertionError(message)
    ok = bool(np.isclose(float(loss_auto.detach().cpu()), np.mean((X @ w + b - y) ** 2), rtol=0.0001))
    if not ok:
        message = 'loss_auto should be the mean squared error of X_train_t @ w_auto + b_auto against y_train_t (all rows).'
        raise AssertionError(message)
    ok = close(got_w, gw) and close(got_b, gb)
    if not ok:
        message = 'grad_w_auto and grad_b_auto do not equal the gradient of the MSE at (w_start, b_start).'
        raise AssertionError(message)
    ok = isinstance(autograd_matches, (bool, np.bool_))
    if not ok:
        message = f'autograd_matches is {shown(autograd_matches)}; it should be True or False (the result of np.allclose).'
        raise AssertionError(message)
    ok = bool(autograd_matches)
    if not ok:
        message = "autograd_matches is False, yet your gradients equal lesson 02's. If you compared with np.allclose, flatten grad_w_auto with .ravel() first: shape (3, 1) against (3,) broadcasts into a (3, 3) table of every pair, and those are not all close. Compare with rtol=1e-4, as the text says."
        raise AssertionError(message)
