# Generated from source/08-mlp-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q1'
points = 3

@test_case(points=None, hidden=False)
def test_mlp_public(mlp, mlp_train_losses, mlp_valid_losses, mlp_valid_acc, X_train, y_train, X_valid, y_valid):
    import math
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
    if not isinstance(mlp, torch.nn.Sequential):
        message = f'mlp should be an nn.Sequential of three parts; it is {describe(mlp)}.'
        raise AssertionError(message)
    layers = list(mlp)
    if len(layers) == 4 and isinstance(layers[-1], (torch.nn.Softmax, torch.nn.LogSoftmax)):
        message = f'mlp ends with nn.{type(layers[-1]).__name__}: F.cross_entropy (inside train_classifier) applies the softmax itself, so the model must give raw scores (logits). Remove that last part: nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3).'
        raise AssertionError(message)
    ok = len(layers) == 3
    if not ok:
        message = f'mlp should have three parts: nn.Linear(2, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 3); it has {len(layers)}.'
        raise AssertionError(message)
    first, middle, last = layers
    ok = isinstance(first, torch.nn.Linear) and isinstance(last, torch.nn.Linear)
    if not ok:
        message = "mlp's first and last parts should be nn.Linear layers: nn.Linear(2, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 3)."
        raise AssertionError(message)
    if isinstance(middle, (torch.nn.Identity, torch.nn.Linear, torch.nn.Dropout)):
        message = 'mlp has no nn.ReLU between its layers: two linear layers in a row are still one linear model. Put nn.ReLU() between them.'
        raise AssertionError(message)
    if not isinstance(middle, torch.nn.ReLU):
        message = f"mlp's middle part is nn.{type(middle).__name__}, where this lesson's MLP uses nn.ReLU(); it is a non-linearity too, so the model is not linear, but write the MLP as given: nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)."
        raise AssertionError(message)
    ok = (first.in_features, first.out_features, last.in_features, last.out_features) == (2, 100, 100, 3)
    if not ok:
        message = 'mlp should be nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)): 2 features in, 100 hidden units, 3 classes out.'
        raise AssertionError(message)
    model, prefix, tolerance = (mlp, 'mlp', 0.003)
    train_losses, valid_losses, valid_acc = (mlp_train_losses, mlp_valid_losses, mlp_valid_acc)
    ok = isinstance(X_train, torch.Tensor) and tuple(X_train.shape) == (2344, 2) and isinstance(y_train, torch.Tensor) and (tuple(y_train.shape) == (2344,))
    if not ok:
        message = 'X_train and y_train (given at the top) should hold the 2344 training houses.'
        raise AssertionError(message)
    ok = isinstance(X_valid, torch.Tensor) and tuple(X_valid.shape) == (293, 2) and isinstance(y_valid, torch.Tensor) and (tuple(y_valid.shape) == (293,))
    if not ok:
        message = 'X_valid and y_valid should still hold the 293 validation houses (given at the top): evaluate on all of them, not on a chosen part.'
        raise AssertionError(message)
    for name, losses in [(f'{prefix}_train_losses', train_losses), (f'{prefix}_valid_losses', valid_losses)]:
        ok = isinstance(losses, (list, tuple)) and len(losses) >= 100 and all((isinstance(v, float) for v in losses))
        if not ok:
            message = f"{name} should be the list of floats train_classifier returns (300 steps); it is {describe(losses)}{('' if not isinstance(losses, (list, tuple)) else f' of {len(losses)} values')}."
            raise AssertionError(message)
        ok = all((math.isfinite(v) for v in losses))
        if not ok:
            message = f'{name} holds values that are not finite: the training diverged.'
            raise AssertionError(message)
    ok = train_losses[-1] < train_losses[0]
    if not ok:
        message = f"{prefix}'s training loss did not fall ({train_losses[0]:.3f} to {train_losses[-1]:.3f}): train it with train_classifier."
        raise AssertionError(message)
    with torch.no_grad():
        reached = float(F.cross_entropy(model(X_train), y_train))
    recent = max((abs(a - b) for a, b in zip(train_losses[-10:], train_losses[-9:])))
    with torch.no_grad():
        on_valid = float(F.cross_entropy(model(X_valid), y_valid))
    if on_valid < reached - 0.15:
        message = f'{prefix} does far better on the validation houses (loss {on_valid:.3f}) than on the training houses ({reached:.3f}): it was fitted on the validation rows. That is leakage: its validation accuracy then measures houses it has already seen. Train it on X_train, y_train only.'
        raise AssertionError(message)
    if abs(reached - train_losses[0]) < abs(reached - train_losses[-1]) and train_losses[0] - train_losses[-1] > 0.05:
        message = f'{prefix} has not been trained: its loss on the training houses is {reached:.4f}, where its recorded losses start ({train_losses[0]:.4f}), not where they end ({train_losses[-1]:.4f}). Train {prefix} itself with train_classifier, after building it (building it again afterwards starts from scratch).'
        raise AssertionError(message)
    ok = abs(reached - train_losses[-1]) < tolerance + 3 * recent
    if not ok:
        message = f'The last training loss ({train_losses[-1]:.4f}) is not the loss of {prefix} on X_train, y_train now ({reached:.4f}): either {prefix} is not the model these losses came from (train it with train_classifier), or it learned from other rows too; learning from the validation rows is leakage.'
        raise AssertionError(message)
    ok = isinstance(valid_acc, (int, float)) and (not isinstance(valid_acc, bool)) and (0 <= valid_acc <= 1)
    if not ok:
        message = f'{prefix}_valid_acc should be a fraction between 0 and 1 (a Python float); it is {describe(valid_acc)}.'
        raise AssertionError(message)
    with torch.no_grad():
        want = float((model(X_valid).argmax(dim=1) == y_valid).double().mean())
        on_train = float((model(X_train).argmax(dim=1) == y_train).double().mean())
    if abs(valid_acc - on_train) < 0.25 / len(y_train) and abs(on_train - want) > 0.5 / len(y_valid):
        message = f'{prefix}_valid_acc is the accuracy on the training set: measure it on X_valid, y_valid, the houses the model did not learn from.'
        raise AssertionError(message)
    ok = abs(valid_acc - want) < 0.25 / len(y_valid)
    if not ok:
        message = f'{prefix}_valid_acc should be accuracy({prefix}(X_valid), y_valid), after training (if it is, accuracy is no longer the function given at the top: run that cell again).'
        raise AssertionError(message)
    ok = valid_acc >= 0.58
    if not ok:
        message = f"The MLP's validation accuracy is {valid_acc:.3f}; trained with train_classifier for 300 steps, lr=0.05 and optimizer_class=optim.Adam, it should be at least 0.58."
        raise AssertionError(message)
    ok = len(train_losses) < 300 or train_losses[-1] < 0.82
    if not ok:
        message = f"{prefix}'s training loss is still {train_losses[-1]:.3f} after {len(train_losses)} steps, where 300 Adam steps with lr=0.05 bring it to about 0.75 or below: train_classifier uses plain gradient descent (optim.SGD) unless you pass optimizer_class=optim.Adam."
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_mlp_on_the_data(mlp, mlp_train_losses, mlp_valid_losses, mlp_valid_acc, X_train, y_train, X_valid, y_valid):
    import copy
    import math
    import torch
    import torch.nn.functional as F
    from pathlib import Path
    import numpy as np
    import pandas as pd
    path = next((p for p in (Path('data/ames.csv'), Path('../data/ames.csv'), Path('../../data/ames.csv')) if p.exists()), None)
    if not path is not None:
        message = 'The grader found no data/ames.csv to check this answer against: tell your instructor.'
        raise AssertionError(message)
    houses_ref = pd.read_csv(path)
    lonlat_ref, price_ref = (houses_ref[c].to_numpy(dtype=float) for c in (['Longitude', 'Latitude'], 'Sale_Price'))
    order = np.random.RandomState(42).permutation(len(houses_ref))
    held_ref, train_ref = np.split(order, [len(houses_ref) - int(0.8 * len(houses_ref))])
    valid_ref = held_ref[:len(held_ref) // 2]
    class_ref = np.digitize(price_ref, np.quantile(price_ref, [1 / 3, 2 / 3]))
    mean_ref, std_ref = (lonlat_ref[train_ref].mean(axis=0), lonlat_ref[train_ref].std(axis=0))
    features_ref = (lonlat_ref - mean_ref) / std_ref
    X_all = torch.tensor(features_ref, dtype=torch.float32)
    y_all = torch.tensor(class_ref, dtype=torch.long)
    X_tr, X_va = (X_all[rows] for rows in (train_ref, valid_ref))
    y_tr, y_va = (y_all[rows] for rows in (train_ref, valid_ref))

    def describe(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        shape = getattr(value, 'shape', None)
        if shape is not None and (not callable(shape)):
            return f'a {type(value).__name__} of shape {tuple(shape)}'
        if isinstance(value, (str, int, float, type(None))):
            return repr(value)[:40]
        return f'a {type(value).__name__}'

    def fit(rows, make, lr):
        with torch.random.fork_rng(devices=[]):
            torch.manual_seed(0)
            model = make()
        optimizer = torch.optim.Adam(model.parameters(), lr=lr)
        for _ in range(300):
            optimizer.zero_grad()
            F.cross_entropy(model(X_all[rows]), y_all[rows]).backward()
            optimizer.step()
        with torch.no_grad():
            return torch.softmax(model(X_all), dim=1)

    def judge_rows(model, make, lr, same_recipe):
        """Which rows the model was fitted on, from reference fits made here on the grader's own split."""
        with torch.no_grad():
            P = torch.softmax(model(X_all), dim=1)
        threads = torch.get_num_threads()
        torch.set_num_threads(1)
        try:
            row_sets = [('train', train_ref), ('both', np.concatenate([train_ref, valid_ref])), ('both, validation first', np.concatenate([valid_ref, train_ref])), ('valid', valid_ref)]
            refs = {name: fit(rows, make, lr) for name, rows in row_sets}
        finally:
            torch.set_num_threads(threads)
        dist = {name: float((P - R).abs().mean()) for name, R in refs.items()}
        nearest = min(dist, key=dist.get)
        leak = nearest != 'train' and dist[nearest] < same_recipe and (dist['train'] > same_recipe)
        return (leak, dist)
    if not isinstance(mlp, torch.nn.Sequential):
        message = f'mlp should be an nn.Sequential of three parts; it is {describe(mlp)}.'
        raise AssertionError(message)
    layers = list(mlp)
    if len(layers) == 4 and isinstance(layers[-1], (torch.nn.Softmax, torch.nn.LogSoftmax)):
        message = f'mlp ends with nn.{type(layers[-1]).__name__}: F.cross_entropy (inside train_classifier) applies the softmax itself, so the model must give raw scores (logits). Remove that last part: nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3).'
        raise AssertionError(message)
    ok = len(layers) == 3
    if not ok:
        message = f'mlp should have three parts: nn.Linear(2, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 3); it has {len(layers)}.'
        raise AssertionError(message)
    first, middle, last = layers
    ok = isinstance(first, torch.nn.Linear) and isinstance(last, torch.nn.Linear)
    if not ok:
        message = "mlp's first and last parts should be nn.Linear layers: nn.Linear(2, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 3)."
        raise AssertionError(message)
    if isinstance(middle, (torch.nn.Identity, torch.nn.Linear, torch.nn.Dropout)):
        message = 'mlp has no nn.ReLU between its layers: two linear layers in a row are still one linear model. Put nn.ReLU() between them.'
        raise AssertionError(message)
    if not isinstance(middle, torch.nn.ReLU):
        message = f"mlp's middle part is nn.{type(middle).__name__}, where this lesson's MLP uses nn.ReLU(); it is a non-linearity too, so the model is not linear, but write the MLP as given: nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)."
        raise AssertionError(message)
    ok = (first.in_features, first.out_features, last.in_features, last.out_features) == (2, 100, 100, 3)
    if not ok:
        message = 'mlp should be nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)): 2 features in, 100 hidden units, 3 classes out.'
        raise AssertionError(message)
    model = copy.deepcopy(mlp).cpu().float()
    prefix, tolerance, train_losses, valid_losses, valid_acc = ('mlp', 0.003, mlp_train_losses, mlp_valid_losses, mlp_valid_acc)
    for name, value, want in [('X_train', X_train, X_tr), ('X_valid', X_valid, X_va), ('y_train', y_train, y_tr), ('y_valid', y_valid, y_va)]:
        ok = isinstance(value, torch.Tensor) and tuple(value.shape) == tuple(want.shape) and bool(torch.allclose(value.detach().cpu().to(want.dtype), want, atol=0.002))
        if not ok:
            message = 'X_valid and y_valid should still hold the 293 validation houses (given at the top): evaluate on all of them, not on a chosen part.' if name.endswith('valid') else f'{name} should still hold the 2344 training houses given at the top.'
            raise AssertionError(message)
    for name, losses in [(f'{prefix}_train_losses', train_losses), (f'{prefix}_valid_losses', valid_losses)]:
        ok = isinstance(losses, (list, tuple)) and len(losses) >= 100 and all((isinstance(v, float) and math.isfinite(v) for v in losses))
        if not ok:
            message = f'{name} should be the list of finite floats train_classifier returns (300 steps).'
            raise AssertionError(message)
    ok = isinstance(valid_acc, (int, float)) and (not isinstance(valid_acc, bool))
    if not ok:
        message = f'{prefix}_valid_acc should be a Python float.'
        raise AssertionError(message)

    def make():
        return torch.nn.Sequential(torch.nn.Linear(2, 100), torch.nn.ReLU(), torch.nn.Linear(100, 3))
    leak, dist = judge_rows(model, make, 0.05, same_recipe=0.01)
    with torch.no_grad():
        Z = model(X_all)
        gap = float(F.cross_entropy(Z[valid_ref], y_va)) - float(F.cross_entropy(Z[train_ref], y_tr))
    if leak or gap < -0.15:
        message = 'mlp was fitted on the validation rows (alone or with the training rows): that is leakage, and its validation accuracy then measures houses it has already seen. Train it on X_train, y_train only.'
        raise AssertionError(message)
    with torch.no_grad():
        reached = float(F.cross_entropy(model(X_tr), y_tr))
    recent = max((abs(a - b) for a, b in zip(train_losses[-10:], train_losses[-9:])))
    if abs(reached - train_losses[0]) < abs(reached - train_losses[-1]) and train_losses[0] - train_losses[-1] > 0.05:
        message = f'{prefix} has not been trained: its loss on the training houses is {reached:.4f}, where its recorded losses start ({train_losses[0]:.4f}), not where they end ({train_losses[-1]:.4f}). Train {prefix} itself with train_classifier, after building it (building it again afterwards starts from scratch).'
        raise AssertionError(message)
    ok = abs(reached - train_losses[-1]) < tolerance + 3 * recent
    if not ok:
        message = f'The last training loss ({train_losses[-1]:.4f}) is not the loss of {prefix} on the training houses ({reached:.4f}): either {prefix} is not the model these losses came from (train it with train_classifier), or it learned from other rows too; learning from the validation rows is leakage.'
        raise AssertionError(message)
    with torch.no_grad():
        valid_acc = float((Z[valid_ref].argmax(dim=1) == y_va).double().mean())
    ok = isinstance(mlp_valid_acc, (int, float)) and (not isinstance(mlp_valid_acc, bool))
    if not ok:
        message = 'mlp_valid_acc should be a Python float.'
        raise AssertionError(message)
    ok = abs(float(mlp_valid_acc) - valid_acc) < 0.25 / len(y_va)
    if not ok:
        message = f'mlp_valid_acc ({float(mlp_valid_acc):.4f}) is not the accuracy of your mlp on the 293 validation houses ({valid_acc:.4f}): use accuracy(mlp(X_valid), y_valid) on all of them.'
        raise AssertionError(message)
    ok = valid_acc >= 0.58
    if not ok:
        message = f'The trained MLP should reach a validation accuracy of at least 0.58 (it has {valid_acc:.3f}): train_classifier for 300 steps, lr=0.05, optimizer_class=optim.Adam.'
        raise AssertionError(message)
    ok = len(train_losses) < 300 or train_losses[-1] < 0.82
    if not ok:
        message = f"{prefix}'s training loss is still {train_losses[-1]:.3f} after {len(train_losses)} steps, where 300 Adam steps with lr=0.05 bring it to about 0.75 or below: train_classifier uses plain gradient descent (optim.SGD) unless you pass optimizer_class=optim.Adam."
        raise AssertionError(message)
