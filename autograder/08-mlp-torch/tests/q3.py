# Generated from source/08-mlp-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q3'
points = 4

@test_case(points=None, hidden=False)
def test_train_minibatch_public(train_minibatch):
    import copy
    import math
    import torch
    import torch.nn.functional as F
    if not callable(train_minibatch):
        message = 'train_minibatch should be a function: def train_minibatch(model, X, y, epochs, batch_size, lr): ...'
        raise AssertionError(message)

    def made_up(n, f, k, seed):
        """n rows of f features with labels among k classes, and a small MLP for them (its own seed)."""
        g = torch.Generator().manual_seed(seed)
        X, y = (torch.randn(n, f, generator=g), torch.randint(0, k, (n,), generator=g))
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            model = torch.nn.Sequential(torch.nn.Linear(f, 6), torch.nn.ReLU(), torch.nn.Linear(6, k))
        return (X, y, model)

    def run(model, X, y, epochs, batch_size, lr):
        where = f'{len(y)} rows, batches of {batch_size}, {epochs} epochs, lr={lr}'
        try:
            with torch.random.fork_rng(devices=[]):
                losses = train_minibatch(model, X.clone(), y.clone(), epochs, batch_size, lr)
        except Exception as e:
            message = f'train_minibatch raised {type(e).__name__} on {where} ({str(e)[:150]}).'
            raise AssertionError(message) from None
        if losses is None:
            message = 'train_minibatch returned nothing (None): end it with return and the list of epoch losses.'
            raise AssertionError(message)
        if isinstance(losses, torch.Tensor) or not isinstance(losses, (list, tuple)):
            message = f'train_minibatch should return a list with one float per epoch; it returned a {type(losses).__name__}.'
            raise AssertionError(message)
        steps = epochs * -(-len(y) // batch_size)
        if len(losses) == steps and steps != epochs:
            message = f"train_minibatch returned {len(losses)} values for {epochs} epochs: one per batch. Return one per epoch, the mean loss over that epoch's rows."
            raise AssertionError(message)
        ok = len(losses) == epochs
        if not ok:
            message = f'train_minibatch returned {len(losses)} values for {epochs} epochs ({where}): append one loss at the end of each epoch.'
            raise AssertionError(message)
        if any((isinstance(v, torch.Tensor) for v in losses)):
            message = "train_minibatch's losses are tensors: add loss.item(), a Python float, to the epoch's total (a tensor would keep the whole graph alive)."
            raise AssertionError(message)
        ok = all((isinstance(v, (int, float)) and (not isinstance(v, bool)) and math.isfinite(v) for v in losses))
        if not ok:
            message = 'train_minibatch should return finite Python floats, one per epoch.'
            raise AssertionError(message)
        return [float(v) for v in losses]

    def parameters(model):
        return torch.cat([p.detach().flatten() for p in model.parameters()])
    X, y, model = made_up(9, 2, 3, seed=1)
    with torch.no_grad():
        row_losses = F.cross_entropy(model(X), y, reduction='none').double()
    total, n = (float(row_losses.sum()), len(y))
    full = total / n
    for loss in run(model, X, y, 2, 4, 0.0):
        if abs(loss - full) < 1e-05:
            continue
        alone = [float(v) for v in row_losses]
        if abs(loss - total) < 0.0001:
            message = f"train_minibatch's epoch loss ({loss:.4f}) is the total over all {n} rows: divide it by the number of rows, len(y)."
            raise AssertionError(message)
        if any((abs(loss - ((total - r) / 4 + r)) < 0.0001 for r in alone)):
            message = "train_minibatch added up the batch means: an epoch's loss is their average over the rows, each batch weighted by its size."
            raise AssertionError(message)
        if any((abs(loss - ((total - r) / 4 + r) / 3) < 0.0001 for r in alone)):
            message = 'train_minibatch averaged the batch means as if every batch had the same size: with 9 rows in batches of 4, the last batch has 1 row. Add loss.item() * len(yb) for each batch and divide by len(y) at the end of the epoch.'
            raise AssertionError(message)
        if any((abs(loss - ((total - r) / 4 + r) / n) < 0.0001 for r in alone)):
            message = "train_minibatch divided the sum of the batch MEANS by the number of rows: multiply each batch's mean by its number of rows first (loss.item() * len(yb)), then divide the epoch's total by len(y)."
            raise AssertionError(message)
        if any((abs(loss - (total - r) / d) < 0.0001 for r in alone for d in (n - 1, n, 12))):
            message = "train_minibatch's epoch loss leaves out the rows of the last, smaller batch: every row should be in one batch each epoch (no drop_last, no range(len(y) // batch_size))."
            raise AssertionError(message)
        message = f"With lr=0 the model does not change, so every epoch's loss should be the mean loss over all {n} rows, {full:.4f}; train_minibatch gave {loss:.4f}. Each row should be in exactly one batch per epoch, and each batch's mean loss should count as many times as the batch has rows."
        raise AssertionError(message)
    X, y, model = made_up(12, 3, 4, seed=2)
    start = copy.deepcopy(model)

    def replay(epochs, lr, zero=True, new_optimizer=False, after=False, batches=None):
        """Adam on ``start`` over the given batches (all rows at once by default), with one mistake if asked."""
        m = copy.deepcopy(start)
        optimizer, out = (torch.optim.Adam(m.parameters(), lr=lr), [])
        for _ in range(epochs):
            if new_optimizer:
                optimizer = torch.optim.Adam(m.parameters(), lr=lr)
            total = 0.0
            for rows in batches or [slice(None)]:
                if zero:
                    optimizer.zero_grad()
                loss = F.cross_entropy(m(X[rows]), y[rows])
                loss.backward()
                optimizer.step()
                with torch.no_grad():
                    total += (float(F.cross_entropy(m(X[rows]), y[rows])) if after else loss.item()) * len(y[rows])
            out.append(total / len(y))
        return (parameters(m), out)
    losses = run(model, X, y, 3, 16, 0.1)
    got = parameters(model)
    if torch.allclose(got, parameters(start)):
        message = 'train_minibatch did not change the model: for each batch call loss.backward(), then optimizer.step().'
        raise AssertionError(message)
    want, want_losses = replay(3, 0.1)
    if not torch.allclose(got, want, atol=0.0001):
        for kwargs, message in [({'zero': False}, 'The gradients add up from batch to batch: call optimizer.zero_grad() before each loss.backward().'), ({'new_optimizer': True}, 'train_minibatch makes a new Adam each epoch, which forgets its running averages: make the optimizer once, before the loops.')]:
            if torch.allclose(got, replay(3, 0.1, **kwargs)[0], atol=0.0001):
                raise AssertionError(message)
        message = 'With one batch holding every row (batch_size larger than len(y)), train_minibatch should take exactly the steps of full-batch Adam: torch.optim.Adam(model.parameters(), lr=lr) made once, then zero_grad, F.cross_entropy(model(xb), yb), backward, step for each batch. Its weights end elsewhere.'
        raise AssertionError(message)
    if max((abs(a - b) for a, b in zip(losses, want_losses))) > 0.0001:
        if max((abs(a - b) for a, b in zip(losses, replay(3, 0.1, after=True)[1]))) < 0.0001:
            message = 'train_minibatch records the loss after the step: add the loss of the batch the step was computed from (loss.item() before optimizer.step()).'
            raise AssertionError(message)
        message = f'With one batch per epoch, the epoch losses should be those of full-batch Adam, {[round(v, 4) for v in want_losses]}; train_minibatch gave {[round(v, 4) for v in losses]}.'
        raise AssertionError(message)
    X, y, model = made_up(12, 3, 4, seed=3)
    start = copy.deepcopy(model)
    run(model, X, y, 3, 4, 0.1)
    got = parameters(model)
    in_order = [slice(0, 4), slice(4, 8), slice(8, 12)]
    if torch.allclose(got, replay(3, 0.1, batches=in_order)[0], atol=1e-05):
        message = 'train_minibatch takes the batches in the same order every epoch: give the DataLoader shuffle=True.'
        raise AssertionError(message)
    if torch.allclose(got, replay(3, 0.1)[0], atol=0.0001):
        message = "train_minibatch takes one step per epoch on all the rows: loop over the DataLoader's batches, of batch_size rows each."
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_train_minibatch_on_fresh_data(train_minibatch):
    import copy
    import math
    import torch
    import torch.nn.functional as F
    if not callable(train_minibatch):
        message = 'train_minibatch should be a function: def train_minibatch(model, X, y, epochs, batch_size, lr): ...'
        raise AssertionError(message)

    def made_up(n, f, k, seed):
        """n rows of f features with labels among k classes, and a small MLP for them (its own seed)."""
        g = torch.Generator().manual_seed(seed)
        X, y = (torch.randn(n, f, generator=g), torch.randint(0, k, (n,), generator=g))
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(seed)
            model = torch.nn.Sequential(torch.nn.Linear(f, 6), torch.nn.ReLU(), torch.nn.Linear(6, k))
        return (X, y, model)

    def run(model, X, y, epochs, batch_size, lr):
        where = f'{len(y)} rows, batches of {batch_size}, {epochs} epochs, lr={lr}'
        try:
            with torch.random.fork_rng(devices=[]):
                losses = train_minibatch(model, X.clone(), y.clone(), epochs, batch_size, lr)
        except Exception as e:
            message = f'train_minibatch raised {type(e).__name__} on {where} ({str(e)[:150]}).'
            raise AssertionError(message) from None
        if losses is None:
            message = 'train_minibatch returned nothing (None): end it with return and the list of epoch losses.'
            raise AssertionError(message)
        if isinstance(losses, torch.Tensor) or not isinstance(losses, (list, tuple)):
            message = f'train_minibatch should return a list with one float per epoch; it returned a {type(losses).__name__}.'
            raise AssertionError(message)
        steps = epochs * -(-len(y) // batch_size)
        if len(losses) == steps and steps != epochs:
            message = f"train_minibatch returned {len(losses)} values for {epochs} epochs: one per batch. Return one per epoch, the mean loss over that epoch's rows."
            raise AssertionError(message)
        ok = len(losses) == epochs
        if not ok:
            message = f'train_minibatch returned {len(losses)} values for {epochs} epochs ({where}): append one loss at the end of each epoch.'
            raise AssertionError(message)
        if any((isinstance(v, torch.Tensor) for v in losses)):
            message = "train_minibatch's losses are tensors: add loss.item(), a Python float, to the epoch's total (a tensor would keep the whole graph alive)."
            raise AssertionError(message)
        ok = all((isinstance(v, (int, float)) and (not isinstance(v, bool)) and math.isfinite(v) for v in losses))
        if not ok:
            message = 'train_minibatch should return finite Python floats, one per epoch.'
            raise AssertionError(message)
        return [float(v) for v in losses]

    def parameters(model):
        return torch.cat([p.detach().flatten() for p in model.parameters()])
    X, y, model = made_up(23, 3, 4, seed=11)
    with torch.no_grad():
        row_losses = F.cross_entropy(model(X), y, reduction='none').double()
    total, n = (float(row_losses.sum()), len(y))
    full = total / n
    for loss in run(model, X, y, 3, 5, 0.0):
        if abs(loss - full) < 1e-05:
            continue
        if abs(loss - total) < 0.0001:
            message = f"train_minibatch's epoch loss ({loss:.4f}) is the total over all {n} rows: divide it by the number of rows, len(y)."
            raise AssertionError(message)
        message = f"With lr=0 the model does not change, so every epoch's loss should be the mean loss over all {n} rows, {full:.4f}; train_minibatch gave {loss:.4f}. Each row should be in exactly one batch per epoch, and each batch's mean loss should count as many times as the batch has rows."
        raise AssertionError(message)
    X, y, model = made_up(17, 3, 4, seed=12)
    start = copy.deepcopy(model)

    def replay(epochs, lr, zero=True, new_optimizer=False, after=False, batches=None):
        """Adam on ``start`` over the given batches (all rows at once by default), with one mistake if asked."""
        m = copy.deepcopy(start)
        optimizer, out = (torch.optim.Adam(m.parameters(), lr=lr), [])
        for _ in range(epochs):
            if new_optimizer:
                optimizer = torch.optim.Adam(m.parameters(), lr=lr)
            total = 0.0
            for rows in batches or [slice(None)]:
                if zero:
                    optimizer.zero_grad()
                loss = F.cross_entropy(m(X[rows]), y[rows])
                loss.backward()
                optimizer.step()
                with torch.no_grad():
                    total += (float(F.cross_entropy(m(X[rows]), y[rows])) if after else loss.item()) * len(y[rows])
            out.append(total / len(y))
        return (parameters(m), out)
    losses = run(model, X, y, 4, 32, 0.05)
    got = parameters(model)
    if torch.allclose(got, parameters(start)):
        message = 'train_minibatch did not change the model: for each batch call loss.backward(), then optimizer.step().'
        raise AssertionError(message)
    want, want_losses = replay(4, 0.05)
    if not torch.allclose(got, want, atol=0.0001):
        for kwargs, message in [({'zero': False}, 'The gradients add up from batch to batch: call optimizer.zero_grad() before each loss.backward().'), ({'new_optimizer': True}, 'train_minibatch makes a new Adam each epoch, which forgets its running averages: make the optimizer once, before the loops.')]:
            if torch.allclose(got, replay(4, 0.05, **kwargs)[0], atol=0.0001):
                raise AssertionError(message)
        message = 'With one batch holding every row (batch_size larger than len(y)), train_minibatch should take exactly the steps of full-batch Adam: torch.optim.Adam(model.parameters(), lr=lr) made once, then zero_grad, F.cross_entropy(model(xb), yb), backward, step for each batch. Its weights end elsewhere.'
        raise AssertionError(message)
    if max((abs(a - b) for a, b in zip(losses, want_losses))) > 0.0001:
        if max((abs(a - b) for a, b in zip(losses, replay(4, 0.05, after=True)[1]))) < 0.0001:
            message = 'train_minibatch records the loss after the step: add the loss of the batch the step was computed from (loss.item() before optimizer.step()).'
            raise AssertionError(message)
        message = f'With one batch per epoch, the epoch losses should be those of full-batch Adam, {[round(v, 4) for v in want_losses]}; train_minibatch gave {[round(v, 4) for v in losses]}.'
        raise AssertionError(message)
    X, y, model = made_up(20, 3, 4, seed=13)
    start = copy.deepcopy(model)
    run(model, X, y, 3, 6, 0.05)
    got = parameters(model)
    in_order = [slice(0, 6), slice(6, 12), slice(12, 18), slice(18, 20)]
    if torch.allclose(got, replay(3, 0.05, batches=in_order)[0], atol=1e-05):
        message = 'train_minibatch takes the batches in the same order every epoch: give the DataLoader shuffle=True.'
        raise AssertionError(message)
    if torch.allclose(got, replay(3, 0.05)[0], atol=0.0001):
        message = "train_minibatch takes one step per epoch on all the rows: loop over the DataLoader's batches, of batch_size rows each."
        raise AssertionError(message)
