# Generated from source/07-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q6'
points = 4

@test_case(points=None, hidden=False)
def test_train_classifier_public(train_classifier):
    import copy
    import torch
    import torch.nn.functional as F

    def describe(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        shape = getattr(value, 'shape', None)
        if shape is not None and (not callable(shape)):
            return f'a {type(value).__name__} of shape {tuple(shape)}'
        if isinstance(value, (str, int, float, type(None))):
            return repr(value)[:40]
        return f'a {type(value).__name__}'
    if not callable(train_classifier):
        message = f'train_classifier should be a function; it is {describe(train_classifier)}.'
        raise AssertionError(message)
    gen = torch.Generator().manual_seed(0)
    centers = torch.tensor([[-2.0, 0.0], [0.0, 2.0], [2.0, 0.0]])
    y = torch.arange(30) % 3
    X = centers[y] + torch.randn(30, 2, generator=gen)
    y_val = torch.arange(12) % 3
    X_val = centers[y_val] + torch.randn(12, 2, generator=gen) * 2
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(1)
        start = torch.nn.Linear(2, 3)
    with torch.no_grad():
        train_start = float(F.cross_entropy(start(X), y))
        valid_start = float(F.cross_entropy(start(X_val), y_val))
        on_valid = float(F.cross_entropy(start(X_val), y_val))
        on_both = float(F.cross_entropy(start(torch.cat([X, X_val])), torch.cat([y, y_val])))
        softmaxed = float(F.cross_entropy(torch.softmax(start(X), dim=1), y))
    probe = copy.deepcopy(start)
    F.cross_entropy(probe(X), y).backward()
    one_gradient = probe.weight.grad.clone()
    with torch.no_grad():
        probe.weight -= 0.1 * probe.weight.grad
        probe.bias -= 0.1 * probe.bias.grad
        valid_after_one_step = float(F.cross_entropy(probe(X_val), y_val))

    def run(steps, lr, sign=1.0):
        model = copy.deepcopy(start)
        try:
            result = train_classifier(model, sign * X, y.clone(), sign * X_val, y_val.clone(), steps=steps, lr=lr)
        except Exception as e:
            message = f'train_classifier(model, X, y, X_val, y_val, steps={steps}, lr={lr}) raised {type(e).__name__} ({str(e)[:160]}).'
            raise AssertionError(message) from None
        ok = isinstance(result, (tuple, list)) and len(result) == 2
        if not ok:
            message = f'train_classifier should return two lists, (train_losses, valid_losses); it returned {describe(result)}.'
            raise AssertionError(message)
        for name, losses in zip(('train_losses', 'valid_losses'), result):
            ok = isinstance(losses, (list, tuple)) and len(losses) == steps
            if isinstance(losses, (list, tuple)) and (not ok):
                where = ' (is the return indented inside the loop?)' if len(losses) == 1 else ''
                message = f'train_classifier(..., steps={steps}) should return {name} with one loss per step, {steps} in all; it holds {len(losses)}{where}.'
                raise AssertionError(message)
            if not ok:
                message = f'train_classifier(..., steps={steps}) should return {name} as a list with one loss per step; it returned {describe(losses)}.'
                raise AssertionError(message)
            ok = all((isinstance(v, float) for v in losses))
            if not ok:
                message = f'The recorded losses should be Python floats: use loss.item(). {name} holds {describe(losses[0])}.'
                raise AssertionError(message)
        return (model, list(result[0]), list(result[1]))

    def all_near(values, target):
        return all((abs(v - target) < 1e-05 for v in values))
    model, train_losses, valid_losses = run(3, 0.0)
    if all_near(train_losses, valid_start) and all_near(valid_losses, train_start):
        message = 'train_classifier returns the two lists the other way round: return train_losses, valid_losses.'
        raise AssertionError(message)
    if (all_near(train_losses, on_valid) or all_near(train_losses, on_both)) and (not all_near(train_losses, train_start)):
        message = 'train_classifier computes its training loss on the validation rows: learn from X and y only. A model that learns from the validation houses is then graded on houses it has seen (leakage).'
        raise AssertionError(message)
    if all_near(train_losses, softmaxed):
        message = 'train_classifier applies softmax before F.cross_entropy, which applies it again: pass the raw logits model(X).'
        raise AssertionError(message)
    _, flipped_train, flipped_valid = run(3, 0.0, sign=-1.0)
    for losses, flipped, start_loss, names in [(train_losses, flipped_train, train_start, ('training', 'X and y', 'X_train and y_train')), (valid_losses, flipped_valid, valid_start, ('validation', 'X_val and y_val', 'X_valid and y_valid'))]:
        if not all_near(losses, start_loss) and all_near(flipped, losses[0]):
            message = f"train_classifier's {names[0]} loss stays the same when it is given other {names[1]}: it uses the notebook's {names[2]}. Inside the function use its own arguments X, y, X_val and y_val, so that it trains on whatever data it is given (the MLP reuses it)."
            raise AssertionError(message)
    ok = all_near(train_losses, train_start)
    if not ok:
        message = 'train_losses should hold F.cross_entropy(model(X), y) at each step (with lr=0 the model never moves, so all equal the starting loss).'
        raise AssertionError(message)
    if all_near(valid_losses, train_start):
        message = 'valid_losses repeats the training loss: compute the loss on X_val and y_val.'
        raise AssertionError(message)
    ok = all_near(valid_losses, valid_start)
    if not ok:
        message = 'valid_losses: at each step, the cross-entropy of model(X_val) against y_val, under torch.no_grad().'
        raise AssertionError(message)
    left = model.weight.grad
    if left is not None and bool(torch.allclose(left, 3 * one_gradient, atol=1e-05)):
        message = 'train_classifier never resets the gradients: call optimizer.zero_grad() at every step, or each step adds its gradient to the old ones (after 3 steps .grad held 3 gradients).'
        raise AssertionError(message)
    model, train_losses, _ = run(20, 0.1)
    if max(train_losses) - min(train_losses) < 1e-07:
        message = 'The training loss never changes: at every step call loss.backward() and then optimizer.step(), in that order (step uses the gradients that backward has just computed).'
        raise AssertionError(message)
    ok = train_losses[-1] < train_losses[0]
    if not ok:
        message = 'The training loss should fall over 20 steps of lr=0.1 on an easy problem: zero_grad, loss, backward, step (minimize the loss, do not negate it).'
        raise AssertionError(message)
    ok = not bool(torch.allclose(model.weight.detach(), start.weight.detach()))
    if not ok:
        message = 'train_classifier should train the model it is given, in place: do not copy it or build a new one inside.'
        raise AssertionError(message)
    model, train_losses, valid_losses = run(1, 0.1)
    moved = model.weight.detach() - start.weight.detach()
    if float(moved.abs().max()) < 1e-07:
        message = "train_classifier's first step did not move the weights: call loss.backward() BEFORE optimizer.step()."
        raise AssertionError(message)
    if bool(torch.allclose(moved.abs(), torch.full_like(moved, 0.1), atol=0.002)):
        message = "train_classifier's first step moved every weight by about lr (0.1), whatever its gradient: that is Adam. Keep the given optimizer, optim.SGD(model.parameters(), lr=lr), which moves each weight by -lr times its gradient."
        raise AssertionError(message)
    ok = bool(torch.allclose(moved, -0.1 * one_gradient, atol=1e-05))
    if not ok:
        message = f"train_classifier's first step should move each weight by -lr times its gradient, as optim.SGD does (here {(-0.1 * one_gradient).flatten().numpy().round(4).tolist()}); yours moved them by {moved.flatten().numpy().round(4).tolist()}. Keep the given optimizer and call zero_grad, backward, step once per step."
        raise AssertionError(message)
    if abs(valid_losses[0] - valid_after_one_step) < 1e-06 and abs(valid_after_one_step - valid_start) > 1e-06:
        message = 'valid_losses[0] is the validation loss AFTER the first update, while train_losses[0] is the training loss before it: the two curves then describe different weights. Compute the validation loss before loss.backward() and optimizer.step(), on the same weights as the training loss.'
        raise AssertionError(message)
    ok = abs(valid_losses[0] - valid_start) < 1e-05
    if not ok:
        message = 'valid_losses[0] should be the validation loss of the starting weights, computed before the first optimizer.step().'
        raise AssertionError(message)
