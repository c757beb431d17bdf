# Generated from source/03-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 6

@test_case(points=None, hidden=False)
def test_train_form(train, reg_lr, reg_epochs, reg_history):
    import torch
    assert callable(train), 'train should be a function: def train(model, X, y, lr, epochs): ...'
    torch.manual_seed(0)
    X = torch.randn(8, 2)
    y = X @ torch.tensor([[1.0], [-1.0]])
    try:
        history = train(torch.nn.Linear(2, 1), X, y, 0.1, 3)
    except Exception as e:
        raise AssertionError(f'train(nn.Linear(2, 1), X, y, 0.1, 3) raised {type(e).__name__}: {e}') from None
    ok = isinstance(history, (list, tuple)) and len(history) == 3
    assert ok, 'train(..., epochs=3) should return a list of 3 losses, one per epoch.'
    ok = all((isinstance(h, (int, float)) or (isinstance(h, torch.Tensor) and h.numel() == 1) for h in history))
    assert ok, 'Each entry of the history should be one number: append loss.item().'
    ok = isinstance(reg_lr, (int, float)) and isinstance(reg_epochs, int) and (0 < reg_epochs <= 1000)
    assert ok, 'reg_lr should be a number and reg_epochs a whole number between 1 and 1000.'
    ok = isinstance(reg_history, (list, tuple)) and len(reg_history) == reg_epochs
    assert ok, 'reg_history should be the list train returned: one loss per epoch.'

@test_case(points=None, hidden=True)
def test_train_behaviour(train):
    import copy
    import warnings
    import torch
    from torch.optim.optimizer import register_optimizer_step_post_hook

    def reference(model, X, y, lr, epochs, zero=True, backwards=1):
        loss_fn = torch.nn.MSELoss()
        opt = torch.optim.SGD(model.parameters(), lr=lr)
        history = []
        for _ in range(epochs):
            if zero:
                opt.zero_grad()
            loss = loss_fn(model(X), y)
            for k in range(backwards):
                loss.backward(retain_graph=k < backwards - 1)
            opt.step()
            history.append(loss.item())
        return history

    def flat(model):
        return torch.cat([p.detach().reshape(-1) for p in model.parameters()])
    torch.manual_seed(1)
    X = torch.randn(64, 2)
    y = X @ torch.tensor([[2.0], [-1.0]]) + 0.5
    lr = 0.1
    start_model = torch.nn.Linear(2, 1)
    start = flat(start_model).clone()

    def run_student(epochs):
        model = copy.deepcopy(start_model)
        steps = []
        handle = register_optimizer_step_post_hook(lambda *args: steps.append(1))
        try:
            with warnings.catch_warnings(record=True) as caught:
                warnings.simplefilter('always')
                history = train(model, X, y, lr, epochs)
        except Exception as e:
            text = str(e)
            if 'second time' in text:
                raise AssertionError('train called loss.backward() twice in one step: once per step is enough (the second call fails, or with retain_graph=True doubles the gradient).') from None
            if 'dtype' in text or 'Double' in text or 'Float' in text:
                raise AssertionError(f'train mixed float64 and float32 ({type(e).__name__}: {e}): keep the data and the model float32.') from None
            raise AssertionError(f'train(nn.Linear(2, 1), X, y, lr=0.1, epochs={epochs}) raised {type(e).__name__}: {e}') from None
        finally:
            handle.remove()
        if any(('target size' in str(w.message) for w in caught)):
            raise AssertionError('nn.MSELoss warned that the predictions and targets have different shapes: (n, 1) against (n,) broadcasts into an (n, n) table. Give predictions and targets the same shape (n, 1); do not squeeze.')
        ok = len(steps) > 0
        assert ok, 'train never called optimizer.step(): update the weights with the optimizer (optimizer = torch.optim.SGD(model.parameters(), lr=lr); optimizer.step()), not by assigning model.weight.data or p -= lr * p.grad.'
        ok = not torch.allclose(flat(model), start)
        assert ok, "train did not change the weights of the model it was given: build the optimizer from model.parameters() of the function's own model argument."
        ok = isinstance(history, (list, tuple)) and len(history) == epochs
        assert ok, 'train should return a list with one loss per epoch.'
        return (model, [float(h) for h in history])

    def twin_after(epochs, **kwargs):
        twin = copy.deepcopy(start_model)
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            history = reference(twin, X, y, lr, epochs, **kwargs)
        return (flat(twin), history)
    short = 5
    model, values = run_student(short)
    got = flat(model)
    candidates = [(dict(zero=False), 'Without optimizer.zero_grad() the gradients of all steps add up in .grad: call optimizer.zero_grad() at the start of every step.'), (dict(backwards=2), 'The update is twice too big, as if loss.backward() ran twice per step: call it once per step.')]
    for kwargs, message in candidates:
        if torch.allclose(got, twin_after(short, **kwargs)[0], rtol=0.0001, atol=1e-05):
            raise AssertionError(message)
    want, want_history = twin_after(short)
    ok = torch.allclose(got, want, rtol=0.0001, atol=1e-05)
    assert ok, f'After {short} steps of SGD with lr={lr} the weights differ from a correct loop on the same data: zero_grad, forward, MSELoss, backward, step, once each per epoch.'
    ok = all((abs(a - b) <= 0.0001 * max(1.0, abs(b)) for a, b in zip(values, want_history, strict=True)))
    assert ok, "The history should hold each epoch's loss (loss.item()), measured before that epoch's step."
    model, values = run_student(150)
    ok = values[-1] < values[0] and values[-1] < 0.001
    ok = ok and torch.allclose(flat(model), torch.tensor([2.0, -1.0, 0.5]), atol=0.01)
    assert ok, 'On a small noiseless problem train should reduce the loss and reach the true weights (2, -1), bias 0.5.'

@test_case(points=None, hidden=True)
def test_reg_fit(reg_model, reg_history, reg_lr, reg_epochs, X_train, y_train):
    import math
    import numpy as np
    losses = [float(h) for h in reg_history]
    if not all((math.isfinite(v) for v in losses)) or losses[-1] > losses[0]:
        raise AssertionError(f'The loss grew or became nan: a learning rate of {reg_lr} diverges (each step overshoots the minimum by more than the last). Choose a smaller reg_lr, such as 0.1.')
    A = np.column_stack([X_train, np.ones(len(X_train))])
    coef = np.linalg.lstsq(A, y_train, rcond=None)[0]
    layer = reg_model.linear
    w = layer.weight.detach().cpu().numpy().astype(float).ravel()
    b = float(layer.bias.detach().cpu().numpy().sum())
    gap = float(np.max(np.abs(np.append(w, b) - coef)))
    ok = gap < 0.001
    assert ok, "reg_model's weights are not within 1e-3 of the closed-form answer: train longer (reg_epochs) or with a larger reg_lr (but one that does not diverge)."

