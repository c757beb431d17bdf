# Generated from source/07-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q9'
points = 4

@test_case(points=None, hidden=False)
def test_model_class_public(SoftmaxRegression, class_train_losses, class_valid_losses, class_valid_acc, X_train, y_train, X_valid, y_valid):
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

    def build(n_features, n_classes):
        try:
            with torch.random.fork_rng(devices=[]):
                torch.manual_seed(0)
                return SoftmaxRegression(n_features, n_classes)
        except Exception as e:
            text = str(e)[:160]
            if 'before Module.__init__() call' in text:
                message = 'SoftmaxRegression(...) raised AttributeError: nn.Module keeps track of its layers only once super().__init__() has run, so call it first in __init__, before making the layer.'
                raise AssertionError(message) from None
            message = f'SoftmaxRegression({n_features}, {n_classes}) raised {type(e).__name__} ({text}).'
            raise AssertionError(message) from None

    def logits(model, x, where):
        try:
            out = model(x.clone())
        except Exception as e:
            text = str(e)[:160]
            if 'forward' in text and ('missing' in text or type(e).__name__ == 'NotImplementedError'):
                message = 'SoftmaxRegression has no forward method, so calling the model does not know what to do: write def forward(self, x): inside the class (check its spelling and indentation).'
                raise AssertionError(message) from None
            hint = ''
            if 'cannot be multiplied' in text:
                hint = ' nn.Linear takes the number of inputs first: nn.Linear(n_features, n_classes).'
            message = f"The model's forward raised {type(e).__name__} on {where} ({text}).{hint}"
            raise AssertionError(message) from None
        if out is None:
            message = 'forward returns nothing (None): end it with return and the logits, self.linear(x).'
            raise AssertionError(message)
        if not isinstance(out, torch.Tensor):
            message = f'forward should return a tensor of logits; it returned {describe(out)}.'
            raise AssertionError(message)
        return out
    ok = isinstance(SoftmaxRegression, type)
    if not ok:
        message = f'SoftmaxRegression should be a class, class SoftmaxRegression(nn.Module): ...; it is {describe(SoftmaxRegression)}.'
        raise AssertionError(message)
    ok = issubclass(SoftmaxRegression, torch.nn.Module)
    if not ok:
        message = 'SoftmaxRegression should inherit from nn.Module, class SoftmaxRegression(nn.Module):, so that PyTorch finds its parameters and calls its forward.'
        raise AssertionError(message)
    model = build(2, 3)
    n_params = sum((p.numel() for p in model.parameters()))
    ok = n_params > 0
    if not ok:
        message = 'SoftmaxRegression(2, 3) has no parameters: store the layer on self (self.linear = nn.Linear(...)). A layer kept in a local variable or in a plain Python list is invisible to model.parameters(), so nothing would be trained.'
        raise AssertionError(message)
    if n_params == 3 * 2 + 2:
        message = 'SoftmaxRegression(2, 3) holds 8 numbers, those of nn.Linear(3, 2): nn.Linear takes the number of inputs first, nn.Linear(n_features, n_classes).'
        raise AssertionError(message)
    ok = n_params == 2 * 3 + 3
    if not ok:
        message = f'SoftmaxRegression(2, 3) should hold 2 × 3 weights and 3 biases, 9 numbers; it holds {n_params}.'
        raise AssertionError(message)
    x = torch.tensor([[0.0, 0.0], [1.0, 0.0], [0.0, 1.0], [0.5, -2.0], [-1.0, 3.0]])
    out = logits(model, x, '5 houses with 2 features')
    if tuple(out.shape) != (5, 3) and out.ndim == 2 and (out.shape[1] == 3) and (out.shape[0] != 5):
        message = f"forward gave {out.shape[0]} rows for 5 houses: it ignores its argument x and uses other data (the notebook's X_train?). Return the layer applied to x."
        raise AssertionError(message)
    ok = tuple(out.shape) == (5, 3)
    if not ok:
        message = f'forward should give one row of 3 logits per house, shape (5, 3) for 5 houses; it gave {tuple(out.shape)}.'
        raise AssertionError(message)
    out = out.detach().double()
    if bool((out > 0).all()) and torch.allclose(out.sum(dim=1), torch.ones(5, dtype=out.dtype), atol=1e-05):
        message = 'forward returns probabilities (each row sums to 1): return the raw logits, self.linear(x). F.cross_entropy applies softmax itself, so a softmax in forward is applied twice and the model learns from a distorted loss.'
        raise AssertionError(message)
    if bool((out <= 0).all()) and torch.allclose(out.exp().sum(dim=1), torch.ones(5, dtype=out.dtype), atol=1e-05):
        message = 'forward returns log-probabilities (log_softmax): return the raw logits, self.linear(x); F.cross_entropy applies log_softmax itself.'
        raise AssertionError(message)
    b, W = (out[0], torch.stack([out[1] - out[0], out[2] - out[0]]))
    ok = torch.allclose(out, x.double() @ W + b, atol=1e-05)
    if not ok:
        message = 'forward should return the layer applied to x, nothing more: a linear function of the features (no activation, no softmax).'
        raise AssertionError(message)
    wider = build(4, 5)
    n_wide = sum((p.numel() for p in wider.parameters()))
    ok = n_wide == 4 * 5 + 5
    if not ok:
        message = f'SoftmaxRegression(4, 5) holds {n_wide} numbers, not 4 × 5 + 5 = 25: size the layer with the arguments, nn.Linear(n_features, n_classes), not typed numbers.'
        raise AssertionError(message)
    import math
    ok = all((isinstance(value, torch.Tensor) and tuple(value.shape) == shape for value, shape in [(X_train, (2344, 2)), (y_train, (2344,)), (X_valid, (586, 2)), (y_valid, (586,))]))
    if not ok:
        message = 'X_train, y_train, X_valid and y_valid (question 2) should hold the 2344 training and 586 validation houses before the training can be checked.'
        raise AssertionError(message)
    for name, losses in [('class_train_losses', class_train_losses), ('class_valid_losses', class_valid_losses)]:
        ok = isinstance(losses, (list, tuple)) and len(losses) >= 100 and all((isinstance(v, float) and math.isfinite(v) for v in losses))
        if not ok:
            message = f'{name} should be the list of finite floats train_classifier returns for logreg_class (300 steps); it is {describe(losses)}.'
            raise AssertionError(message)
    ok = class_train_losses[-1] < 1.03
    if not ok:
        message = f'logreg_class does not look trained: its last training loss is {class_train_losses[-1]:.4f}, where 300 SGD steps with lr=0.5 reach about 1.017. Train it with train_classifier(logreg_class, X_train, y_train, X_valid, y_valid, 300, 0.5).'
        raise AssertionError(message)
    ok = isinstance(class_valid_acc, (int, float)) and (not isinstance(class_valid_acc, bool)) and (0 <= class_valid_acc <= 1)
    if not ok:
        message = f'class_valid_acc should be a fraction between 0 and 1 (a Python float, from accuracy); it is {describe(class_valid_acc)}.'
        raise AssertionError(message)
    X_fit, y_fit = (X_train.detach().cpu().float(), y_train.detach().cpu())
    X_val, y_val = (X_valid.detach().cpu().float(), y_valid.detach().cpu())
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        reference = torch.nn.Linear(2, 3)
    optimizer = torch.optim.SGD(reference.parameters(), lr=0.5)
    for _ in range(300):
        optimizer.zero_grad()
        F.cross_entropy(reference(X_fit), y_fit).backward()
        optimizer.step()
    with torch.no_grad():
        want = float((reference(X_val).argmax(dim=1) == y_val).double().mean())
        on_train = float((reference(X_fit).argmax(dim=1) == y_fit).double().mean())
        untrained = float((build(2, 3)(X_val.clone()).argmax(dim=1).cpu() == y_val).double().mean())
    tol = 1.5 / len(y_val)
    if abs(class_valid_acc - on_train) < 0.5 / len(y_val) and abs(on_train - want) >= tol:
        message = 'class_valid_acc is the accuracy on the training houses: measure it on X_valid, y_valid.'
        raise AssertionError(message)
    if abs(class_valid_acc - untrained) < 0.5 / len(y_val) and abs(untrained - want) >= tol:
        message = 'class_valid_acc is the accuracy of an untrained SoftmaxRegression: train logreg_class first, then measure it.'
        raise AssertionError(message)
    ok = abs(class_valid_acc - want) < tol
    if not ok:
        message = f'class_valid_acc ({class_valid_acc:.4f}) should be accuracy(logreg_class(X_valid), y_valid) of the trained logreg_class (about {want:.4f}).'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_model_class_other_sizes_and_the_data(SoftmaxRegression, class_train_losses, class_valid_losses, class_valid_acc, X_train, y_train, X_valid, y_valid):
    from pathlib import Path
    import numpy as np
    import pandas as pd
    import torch
    import torch.nn.functional as F
    ok = isinstance(SoftmaxRegression, type) and issubclass(SoftmaxRegression, torch.nn.Module)
    if not ok:
        message = 'SoftmaxRegression should be a class that inherits from nn.Module.'
        raise AssertionError(message)
    gen = torch.Generator().manual_seed(17)
    for n, f, k in [(7, 5, 4), (1, 3, 2), (12, 2, 3)]:
        try:
            with torch.random.fork_rng(devices=[]):
                torch.manual_seed(k)
                model = SoftmaxRegression(f, k)
            x = torch.randn(n, f, generator=gen)
            out = model(x.clone())
        except Exception as e:
            message = f'SoftmaxRegression({f}, {k}) on {n} rows of {f} features raised {type(e).__name__}.'
            raise AssertionError(message) from None
        ok = sum((p.numel() for p in model.parameters())) == f * k + k
        if not ok:
            message = f'SoftmaxRegression({f}, {k}) should hold {f} × {k} weights and {k} biases, from its arguments.'
            raise AssertionError(message)
        ok = isinstance(out, torch.Tensor) and tuple(out.shape) == (n, k)
        if not ok:
            message = f'SoftmaxRegression({f}, {k}) should give {n} rows of {k} logits for {n} rows of input.'
            raise AssertionError(message)
        probe = torch.cat([torch.zeros(1, f), torch.eye(f), x])
        with torch.no_grad():
            z = model(probe.clone()).double()
        b, W = (z[0], z[1:f + 1] - z[0])
        ok = torch.allclose(z[f + 1:], x.double() @ W + b, atol=1e-05)
        if not ok:
            message = f'SoftmaxRegression({f}, {k}) should return raw logits, a linear function of its input (no softmax, no activation).'
            raise AssertionError(message)
        params = [p.detach().double() for p in model.parameters()]
        weights = [p.T if tuple(p.shape) == (k, f) else p for p in params if tuple(p.shape) in ((k, f), (f, k))]
        biases = [p for p in params if tuple(p.shape) == (k,)]
        ok = len(weights) == 1 and len(biases) == 1 and torch.allclose(weights[0], W, atol=1e-05) and torch.allclose(biases[0], b, atol=1e-05)
        if not ok:
            message = f"SoftmaxRegression({f}, {k})'s logits should come from the one weight matrix and bias stored on the model (its parameters())."
            raise AssertionError(message)
    path = next((p for p in (Path('data/ames.csv'), Path('../data/ames.csv'), Path('../../data/ames.csv')) if p.exists()), None)
    if not path is not None:
        message = 'The grader found no data/ames.csv to check this answer against: tell your instructor.'
        raise AssertionError(message)
    houses_ref = pd.read_csv(path)
    lonlat_ref, price_ref = (houses_ref[c].to_numpy(dtype=float) for c in (['Longitude', 'Latitude'], 'Sale_Price'))
    order = np.random.RandomState(42).permutation(len(houses_ref))
    valid_ref, train_ref = np.split(order, [len(houses_ref) - int(0.8 * len(houses_ref))])
    class_ref = np.digitize(price_ref, np.quantile(price_ref, [1 / 3, 2 / 3]))
    mean_ref, std_ref = (lonlat_ref[train_ref].mean(axis=0), lonlat_ref[train_ref].std(axis=0))
    X_all = torch.tensor((lonlat_ref - mean_ref) / std_ref, dtype=torch.float32)
    y_all = torch.tensor(class_ref, dtype=torch.long)
    for value, want in [(X_train, X_all[train_ref]), (y_train, y_all[train_ref]), (X_valid, X_all[valid_ref]), (y_valid, y_all[valid_ref])]:
        ok = isinstance(value, torch.Tensor) and tuple(value.shape) == tuple(want.shape) and bool(torch.allclose(value.detach().cpu().to(want.dtype), want, atol=0.002))
        if not ok:
            message = "X_train, y_train, X_valid and y_valid (question 2) should still hold the training and validation houses of the course's split."
            raise AssertionError(message)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        reference = torch.nn.Linear(2, 3)
    optimizer = torch.optim.SGD(reference.parameters(), lr=0.5)
    for _ in range(300):
        optimizer.zero_grad()
        F.cross_entropy(reference(X_all[train_ref]), y_all[train_ref]).backward()
        optimizer.step()
    with torch.no_grad():
        acc = float((reference(X_all[valid_ref]).argmax(dim=1) == y_all[valid_ref]).double().mean())
    ok = isinstance(class_train_losses, (list, tuple)) and len(class_train_losses) >= 100 and isinstance(class_train_losses[-1], float) and (class_train_losses[-1] < 1.03)
    if not ok:
        message = "class_train_losses should be train_classifier's list for logreg_class, ending below 1.03 (300 SGD steps with lr=0.5)."
        raise AssertionError(message)
    with torch.no_grad():
        valid_loss = float(F.cross_entropy(reference(X_all[valid_ref]), y_all[valid_ref]))
    ok = isinstance(class_valid_losses, (list, tuple)) and len(class_valid_losses) == len(class_train_losses) and isinstance(class_valid_losses[-1], float) and (abs(class_valid_losses[-1] - valid_loss) < 0.002)
    if not ok:
        message = f"class_valid_losses should be train_classifier's validation losses for logreg_class, ending near {valid_loss:.3f}, the validation loss of the trained model."
        raise AssertionError(message)
    ok = isinstance(class_valid_acc, (int, float)) and (not isinstance(class_valid_acc, bool)) and (abs(float(class_valid_acc) - acc) < 1.5 / len(valid_ref))
    if not ok:
        message = 'class_valid_acc should be the accuracy of logreg_class on the 586 validation houses.'
        raise AssertionError(message)
