# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q8"
points = 4

@test_case(points=None, hidden=False)
def test_train_classifier_runs(train_classifier):
    import torch
    assert callable(train_classifier), 'train_classifier should be a function.'
    torch.manual_seed(0)
    X = torch.randn(12, 2)
    y = torch.arange(12) % 3
    model = torch.nn.Linear(2, 3)
    try:
        result = train_classifier(model, X, y, X[:6], y[:6], steps=5, lr=0.1)
        train_losses, valid_losses = result
    except Exception as e:
        raise AssertionError(f'train_classifier raised {type(e).__name__}: {e}') from None
    ok = len(train_losses) == 5 and len(valid_losses) == 5
    assert ok, 'train_classifier should return two lists with one loss per step.'
    ok = all((isinstance(v, float) for v in list(train_losses) + list(valid_losses)))
    assert ok, 'The recorded losses should be Python floats: use loss.item().'

@test_case(points=None, hidden=True)
def test_train_classifier_behaviour(train_classifier):
    import copy
    import torch
    import torch.nn.functional as F
    gen = torch.Generator().manual_seed(21)
    centers = torch.tensor([[-2.0, 0.0], [0.0, 2.0], [2.0, 0.0]])
    y = torch.randint(0, 3, (60,), generator=gen)
    X = centers[y] + torch.randn(60, 2, generator=gen)
    y_val = torch.randint(0, 3, (30,), generator=gen)
    X_val = centers[y_val] + torch.randn(30, 2, generator=gen)
    torch.manual_seed(4)
    start = torch.nn.Linear(2, 3)

    def reference(optimizer_class, zero_grad, steps=25, lr=0.1):
        model = copy.deepcopy(start)
        opt = optimizer_class(model.parameters(), lr=lr)
        train, before, after = ([], [], [])
        for _ in range(steps):
            if zero_grad:
                opt.zero_grad()
            with torch.no_grad():
                before.append(float(F.cross_entropy(model(X_val), y_val)))
            loss = F.cross_entropy(model(X), y)
            loss.backward()
            opt.step()
            train.append(loss.item())
            with torch.no_grad():
                after.append(float(F.cross_entropy(model(X_val), y_val)))
        return (model, train, before, after)

    def close(a, b, tol=0.0001):
        return len(a) == len(b) and all((abs(u - v) <= tol * max(1.0, abs(v)) for u, v in zip(a, b, strict=True)))
    model = copy.deepcopy(start)
    try:
        train_losses, valid_losses = train_classifier(model, X, y, X_val, y_val, steps=25, lr=0.1)
        train_losses = [float(v) for v in train_losses]
        valid_losses = [float(v) for v in valid_losses]
    except Exception as e:
        raise AssertionError(f'train_classifier raised {type(e).__name__} on a small problem: {e}') from None
    ref_model, ref_train, ref_before, ref_after = reference(torch.optim.Adam, True)
    if close(train_losses, reference(torch.optim.Adam, False)[1]):
        raise AssertionError('train_classifier never resets the gradients: call optimizer.zero_grad() at every step, or each step adds its gradient to the old ones.')
    if close(train_losses, reference(torch.optim.SGD, True)[1]):
        raise AssertionError('train_classifier uses SGD: this lesson trains with torch.optim.Adam.')
    if len(train_losses) > 1 and max(train_losses) - min(train_losses) < 1e-07:
        raise AssertionError('The training loss never changes: call loss.backward() and optimizer.step().')
    ok = close(train_losses, ref_train)
    assert ok, "train_classifier's training losses differ from full-batch Adam on cross-entropy with the given lr (zero_grad, loss, backward, step, record loss.item())."
    if close(valid_losses, ref_train):
        raise AssertionError('valid_losses repeats the training loss: compute the loss on X_val and y_val.')
    ok = close(valid_losses, ref_after) or close(valid_losses, ref_before)
    assert ok, 'valid_losses: at each step, the cross-entropy of model(X_val) against y_val, under torch.no_grad().'
    ok = all((torch.allclose(p, q, atol=1e-05) for p, q in zip(model.parameters(), ref_model.parameters(), strict=True)))
    assert ok, 'train_classifier should train the model it is given, in place.'

