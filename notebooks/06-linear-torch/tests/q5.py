# Generated from source/06-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q5'
points = 6

@test_case(points=None, hidden=False)
def test_train(train):
    import numbers
    import warnings
    import numpy as np
    import torch

    def shown(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        if value is None or isinstance(value, (bool, int, float, str)):
            return repr(value)[:60]
        return f'a {type(value).__name__}'
    if not callable(train):
        message = f'train is {shown(train)}; it should be a function: def train(model, X, y, lr, epochs): ...'
        raise AssertionError(message)
    X_np = np.random.RandomState(0).normal(size=(8, 2))
    X = torch.tensor(X_np, dtype=torch.float32)
    y = (X @ torch.tensor([[1.0], [-1.0]]) + 0.5).reshape(-1, 1)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        model = torch.nn.Linear(2, 1)
    start = np.append(model.weight.detach().double().numpy().ravel(), model.bias.item())
    lr, epochs = (0.05, 4)

    def descent(slip=None):
        """Lesson 03's gradient descent in NumPy from the same start, or with one typical slip."""
        Xd, yd = (X.double().numpy(), y.double().numpy().ravel())
        w, b, sum_w, sum_b, losses = (start[:2].copy(), start[2], 0.0, 0.0, [])
        for _ in range(epochs):
            r = Xd @ w + b - yd
            losses.append(float(np.mean(r ** 2)))
            gw, gb = (2 / len(r) * Xd.T @ r, 2 * np.mean(r))
            if slip == 'sum':
                gw, gb = (len(r) * gw, len(r) * gb)
            elif slip == 'twice':
                gw, gb = (2 * gw, 2 * gb)
            elif slip == 'accumulate':
                sum_w, sum_b = (sum_w + gw, sum_b + gb)
                gw, gb = (sum_w, sum_b)
            w, b = (w - lr * gw, b - lr * gb)
        return (np.append(w, b), losses)
    expected = {slip: descent(slip) for slip in (None, 'accumulate', 'twice', 'sum')}
    try:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter('always')
            history = train(model, X.clone(), y.clone(), lr, epochs)
    except Exception as e:
        text = str(e)
        if 'second time' in text:
            message = 'train called loss.backward() twice in one step: once per step is enough (the second call fails, or with retain_graph=True doubles the gradient).'
            raise AssertionError(message) from None
        if 'dtype' in text or 'Double' in text:
            message = f'train mixed float64 and float32 ({type(e).__name__}: {text[:150]}): keep the data and the model float32.'
            raise AssertionError(message) from None
        if 'must match the size' in text:
            message = f"train's predictions and targets have different numbers of rows ({type(e).__name__}: {text[:120]}). This check gives train 8 houses: does train use the X and y it is given, not X_train_t or y_train_t?"
            raise AssertionError(message) from None
        hint = ' This check gives train a model with 2 features: does train use the model it is given (not a new LinearRegression(3) or reg_model) and the X and y it is given?' if 'cannot be multiplied' in text else ''
        message = f'train(nn.Linear(2, 1), X, y, lr={lr}, epochs={epochs}) raised {type(e).__name__}: {text[:200]}.{hint}'
        raise AssertionError(message) from None
    if any(('target size' in str(w.message) for w in caught)):
        message = 'nn.MSELoss warned that the predictions and targets have different shapes: (n, 1) against (n,) broadcasts into an (n, n) table. Give predictions and targets the same shape (n, 1); do not squeeze.'
        raise AssertionError(message)
    ok = history is not None
    if not ok:
        message = 'train returned None: end it with return history, the list of losses.'
        raise AssertionError(message)
    ok = isinstance(history, (list, tuple)) and len(history) == epochs
    if not ok:
        message = f"train(..., epochs=4) should return a list of 4 losses, one per epoch; it returned {shown(history)}{(f' of length {len(history)}' if isinstance(history, (list, tuple)) else '')}."
        raise AssertionError(message)
    if any((isinstance(h, torch.Tensor) for h in history)):
        message = 'The history holds tensors: append loss.item(), a Python float (a tensor keeps the whole computation of its step alive).'
        raise AssertionError(message)
    ok = all((isinstance(h, numbers.Real) and (not isinstance(h, bool)) for h in history))
    if not ok:
        message = 'Each entry of the history should be one number: append loss.item().'
        raise AssertionError(message)
    got = np.append(model.weight.detach().cpu().double().numpy().ravel(), model.bias.item())
    if np.allclose(got, start):
        message = "The weights of the model train was given did not change. Either optimizer.step() was never called, or step() ran before loss.backward() (so .grad was empty when it ran; the order is zero_grad, forward, loss, backward, step), or the optimizer was built from another model's parameters (use model.parameters() of train's own model argument)."
        raise AssertionError(message)

    def close(a, b):
        return bool(np.allclose(a, b, rtol=0.0001, atol=1e-05))
    if not close(got, expected[None][0]):
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(0)
            other = torch.nn.Linear(2, 1)
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                train(other, X.clone(), y.clone(), lr / 2, epochs)
            halved = np.append(other.weight.detach().cpu().double().numpy().ravel(), other.bias.item())
        except Exception:
            halved = None
        if halved is not None and np.allclose(halved, got, rtol=1e-06, atol=1e-07):
            message = f'train gave the same weights with lr={lr} and with lr={lr / 2}: it does not use its lr argument. Build the optimizer with lr=lr, the learning rate train is given.'
            raise AssertionError(message)
    slips = {'accumulate': 'Without optimizer.zero_grad() the gradients of all steps add up in .grad: call optimizer.zero_grad() at the start of every step.', 'twice': 'The update is twice too big, as if loss.backward() ran twice per step (or lr were doubled): call backward once per step, with the lr train was given.', 'sum': 'The update is n times too big: the loss should be the MEAN squared error (nn.MSELoss()), not the sum.'}
    for slip, message in slips.items():
        if close(got, expected[slip][0]):
            raise AssertionError(message)
    want, want_history = expected[None]
    ok = close(got, want)
    if not ok:
        message = f"After {epochs} steps with lr={lr} the weights differ from lesson 03's gradient descent on the same data: use nn.MSELoss() and torch.optim.SGD(model.parameters(), lr=lr) (no momentum, no other optimizer), and zero_grad, forward, loss, backward, step once each per epoch."
        raise AssertionError(message)
    ok = close([float(h) for h in history], want_history)
    if not ok:
        message = "The history should hold each epoch's loss (loss.item()), measured before that epoch's step."
        raise AssertionError(message)

@test_case(points=None, hidden=False)
def test_reg_fit(reg_lr, reg_epochs, reg_history, reg_model):
    import math
    import numbers
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
    ok = isinstance(reg_lr, numbers.Real) and (not isinstance(reg_lr, bool)) and math.isfinite(reg_lr) and (reg_lr > 0)
    if not ok:
        message = f'reg_lr is {shown(reg_lr)}; it should be a positive number, such as 0.1.'
        raise AssertionError(message)
    ok = isinstance(reg_epochs, numbers.Integral) and (not isinstance(reg_epochs, bool)) and (0 < reg_epochs <= 1000)
    if not ok:
        message = f'reg_epochs is {shown(reg_epochs)}; it should be a whole number between 1 and 1000.'
        raise AssertionError(message)
    ok = isinstance(reg_history, (list, tuple)) and len(reg_history) == reg_epochs
    if not ok:
        message = f'reg_history is {shown(reg_history)}; it should be the list train returned, one loss per epoch ({reg_epochs}).'
        raise AssertionError(message)
    ok = all((isinstance(h, numbers.Real) and (not isinstance(h, bool)) for h in reg_history))
    if not ok:
        message = 'reg_history should hold numbers, one loss per epoch: append loss.item() in train.'
        raise AssertionError(message)
    losses = [float(h) for h in reg_history]
    if not all((math.isfinite(v) for v in losses)) or losses[-1] > losses[0]:
        message = f'The loss grew or became nan: a learning rate of {reg_lr} diverges (each step overshoots the minimum by more than the last). Choose a smaller reg_lr, such as 0.1.'
        raise AssertionError(message)
    try:
        layer = reg_model.linear
    except Exception:
        layer = None
    ok = isinstance(layer, torch.nn.Linear) and layer.in_features == 3 and (layer.out_features == 1)
    if not ok:
        message = 'reg_model should be the LinearRegression(3) the given cell makes and trains (with its .linear layer).'
        raise AssertionError(message)
    fitted = np.append(layer.weight.detach().cpu().double().numpy().ravel(), layer.bias.detach().cpu().double().sum())
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
    parts = {'train': train, 'valid': valid, 'all': np.concatenate([train, valid])}
    X = {k: (X_raw[r] - mean) / std for k, r in parts.items()}
    y = {k: price[r] for k, r in parts.items()}

    def closed_form(k):
        return np.linalg.lstsq(np.column_stack([X[k], np.ones(len(X[k]))]), y[k], rcond=None)[0]

    def descent(k):
        w, b = (np.zeros(3), 0.0)
        for _ in range(int(reg_epochs)):
            r = X[k] @ w + b - y[k]
            w, b = (w - reg_lr * 2 / len(r) * X[k].T @ r, b - reg_lr * 2 * np.mean(r))
        return np.append(w, b)

    def gap(target):
        return float(np.max(np.abs(fitted - target)))
    if gap(closed_form('train')) < 0.001:
        return
    if any((gap(closed_form(k)) < 0.001 or gap(descent(k)) < 0.0001 for k in ('valid', 'all'))):
        message = 'reg_model was fit on the validation rows (or on training + validation): that is leakage. The validation rows must stay unseen, to measure how the model does on new houses: train on X_train_t, y_train_t only.'
        raise AssertionError(message)
    if gap(descent('train')) < 0.0001:
        message = f"reg_model's weights are not within 1e-3 of the closed-form answer yet, after {reg_epochs} epochs with lr={reg_lr}: train longer (reg_epochs) or with a larger reg_lr (but one that does not diverge)."
        raise AssertionError(message)
    message = "reg_model's weights are neither lesson 03's closed-form answer nor its gradient descent from zero with your reg_lr and reg_epochs: train the zero-started model of the given cell on X_train_t and y_train_t, with train as the text describes it."
    raise AssertionError(message)
