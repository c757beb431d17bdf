# Generated from source/08-mlp-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q4'
points = 4

@test_case(points=None, hidden=False)
def test_choice_public(search, best_setting, best_model, test_acc, models, X_train, y_train, X_valid, y_valid, X_test, y_test):
    import torch
    grid = [(10, 0.005), (10, 0.05), (100, 0.005), (100, 0.05)]
    for name, X, y, n in [('train', X_train, y_train, 2344), ('valid', X_valid, y_valid, 293), ('test', X_test, y_test, 293)]:
        ok = isinstance(X, torch.Tensor) and tuple(X.shape) == (n, 2) and isinstance(y, torch.Tensor) and (tuple(y.shape) == (n,))
        if not ok:
            message = f'X_{name} and y_{name} (given at the top) should still hold the {n} houses of that set: run the cell at the top again.'
            raise AssertionError(message)
    ok = isinstance(search, dict) and isinstance(models, dict) and all((key in models for key in grid))
    if not ok:
        message = 'search and models should be the dicts the loop fills, one entry per setting (n_hidden, lr): run the loop cell again.'
        raise AssertionError(message)
    ok = sorted(search, key=str) == sorted(grid, key=str)
    if not ok:
        message = f'search should have one entry per setting, the keys {grid}; it has {sorted(search, key=str)[:6]}.'
        raise AssertionError(message)

    def acc(model, X, y):
        with torch.no_grad():
            return float((model(X).argmax(dim=1) == y).double().mean())
    tol_valid, tol_test, tol_train = (0.25 / len(y_valid), 0.25 / len(y_test), 0.25 / len(y_train))
    on_test = {key: acc(models[key], X_test, y_test) for key in grid}
    for key in grid:
        value = search[key]
        if value is ...:
            message = f"search[{key}] is still the blank ...: store the model's validation accuracy there."
            raise AssertionError(message)
        ok = isinstance(value, (int, float)) and (not isinstance(value, bool))
        if not ok:
            message = f'search[{key}] should be a Python float, as accuracy(...) returns; it is a {type(value).__name__}.'
            raise AssertionError(message)
        valid = acc(models[key], X_valid, y_valid)
        if abs(value - valid) < tol_valid:
            continue
        if abs(value - on_test[key]) < tol_test:
            message = 'search holds accuracies on the test houses: compare and choose on the validation houses (X_valid, y_valid). The test houses give one final number for the model already chosen; choosing on them makes that number optimistic.'
            raise AssertionError(message)
        if abs(value - acc(models[key], X_train, y_train)) < tol_train:
            message = 'search holds training accuracies: measure each model on the validation houses, which it did not learn from.'
            raise AssertionError(message)
        message = f'search[{key}] ({value:.4f}) should be the validation accuracy of the model trained with that setting, accuracy(model(X_valid), y_valid) ({valid:.4f}).'
        raise AssertionError(message)
    if best_setting is ...:
        message = 'best_setting is still the blank ...: the key of search with the highest validation accuracy.'
        raise AssertionError(message)
    if isinstance(best_setting, list):
        best_setting = tuple(best_setting)
    ok = isinstance(best_setting, tuple) and best_setting in search
    if not ok:
        message = f"best_setting should be one of the keys of search, a tuple (n_hidden, lr); it is {' '.join(str(best_setting).split())[:40]}."
        raise AssertionError(message)
    best_valid = max(search.values())
    if search[best_setting] < best_valid:
        if search[best_setting] == min(search.values()):
            message = f'best_setting {best_setting} has the LOWEST validation accuracy in search: keep the highest.'
            raise AssertionError(message)
        if on_test[best_setting] == max(on_test.values()):
            message = f'best_setting {best_setting} is the best on the test houses, not on the validation houses: choose by search, the validation accuracies. Choosing on the test houses makes the final number optimistic.'
            raise AssertionError(message)
        message = f'best_setting {best_setting} does not have the highest validation accuracy in search ({best_valid:.4f}).'
        raise AssertionError(message)
    mine = torch.cat([p.detach().flatten() for p in best_model.parameters()]) if isinstance(best_model, torch.nn.Module) else None
    theirs = torch.cat([p.detach().flatten() for p in models[best_setting].parameters()])
    ok = mine is not None and mine.shape == theirs.shape and bool(torch.equal(mine, theirs))
    if not ok:
        message = 'best_model should be models[best_setting], the model trained with the chosen setting.'
        raise AssertionError(message)
    if test_acc is ...:
        message = 'test_acc is still the blank ...: the accuracy of best_model on the test houses.'
        raise AssertionError(message)
    ok = isinstance(test_acc, (int, float)) and (not isinstance(test_acc, bool))
    if not ok:
        message = f'test_acc should be a Python float, as accuracy(...) returns; it is a {type(test_acc).__name__}.'
        raise AssertionError(message)
    right = on_test[best_setting]
    if abs(test_acc - right) < tol_test:
        return
    if abs(test_acc - search[best_setting]) < tol_valid:
        message = "test_acc is the chosen model's validation accuracy: that number helped choose the model, so it is optimistic. Report the accuracy of best_model on the test houses, X_test and y_test."
        raise AssertionError(message)
    if abs(test_acc - max(on_test.values())) < tol_test:
        message = 'test_acc is the best test accuracy of the four models: picking the best on the test houses is choosing on them. Report the test accuracy of the model chosen on validation, best_model, only.'
        raise AssertionError(message)
    message = f'test_acc ({test_acc:.4f}) should be accuracy(best_model(X_test), y_test) ({right:.4f}).'
    raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_choice_on_the_data(search, best_setting, best_model, test_acc, models, X_train, y_train, X_valid, y_valid, X_test, y_test):
    import copy
    from pathlib import Path
    import numpy as np
    import pandas as pd
    import torch
    import torch.nn.functional as F
    path = next((p for p in (Path('data/ames.csv'), Path('../data/ames.csv'), Path('../../data/ames.csv')) if p.exists()), None)
    if not path is not None:
        message = 'The grader found no data/ames.csv to check this answer against: tell your instructor.'
        raise AssertionError(message)
    houses_ref = pd.read_csv(path)
    lonlat_ref, price_ref = (houses_ref[c].to_numpy(dtype=float) for c in (['Longitude', 'Latitude'], 'Sale_Price'))
    order = np.random.RandomState(42).permutation(len(houses_ref))
    held_ref, train_ref = np.split(order, [len(houses_ref) - int(0.8 * len(houses_ref))])
    valid_ref, test_ref = np.split(held_ref, [len(held_ref) // 2])
    class_ref = np.digitize(price_ref, np.quantile(price_ref, [1 / 3, 2 / 3]))
    mean_ref, std_ref = (lonlat_ref[train_ref].mean(axis=0), lonlat_ref[train_ref].std(axis=0))
    X_all = torch.tensor((lonlat_ref - mean_ref) / std_ref, dtype=torch.float32)
    y_all = torch.tensor(class_ref, dtype=torch.long)
    rows = {'training': train_ref, 'validation': valid_ref, 'test': test_ref}
    given = {'training': (X_train, y_train), 'validation': (X_valid, y_valid), 'test': (X_test, y_test)}
    for name, (X, y) in given.items():
        want_X, want_y = (X_all[rows[name]], y_all[rows[name]])
        ok = isinstance(X, torch.Tensor) and tuple(X.shape) == tuple(want_X.shape) and isinstance(y, torch.Tensor) and (tuple(y.shape) == tuple(want_y.shape)) and bool(torch.allclose(X.detach().cpu().float(), want_X, atol=0.002)) and bool(torch.equal(y.detach().cpu().long(), want_y))
        if not ok:
            message = f'The {name} tensors given at the top should still hold the {len(want_y)} {name} houses: run that cell again.'
            raise AssertionError(message)
    grid = [(10, 0.005), (10, 0.05), (100, 0.005), (100, 0.05)]
    ok = isinstance(search, dict) and isinstance(models, dict) and all((key in models for key in grid))
    if not ok:
        message = 'search and models should be the dicts the loop fills, one entry per setting (n_hidden, lr).'
        raise AssertionError(message)
    ok = sorted(search, key=str) == sorted(grid, key=str)
    if not ok:
        message = f'search should have one entry per setting, the keys {grid}.'
        raise AssertionError(message)
    acc, loss = ({}, {})
    for key in grid:
        model = models[key]
        ok = isinstance(model, torch.nn.Module)
        if not ok:
            message = f'models[{key}] should be the trained MLP.'
            raise AssertionError(message)
        model = copy.deepcopy(model).cpu().float()
        layers = list(model) if isinstance(model, torch.nn.Sequential) else []
        ok = len(layers) == 3 and isinstance(layers[0], torch.nn.Linear) and (layers[0].out_features == key[0])
        if not ok:
            message = f'models[{key}] should be nn.Sequential(nn.Linear(2, {key[0]}), nn.ReLU(), nn.Linear({key[0]}, 3)), as the loop builds it.'
            raise AssertionError(message)
        with torch.no_grad():
            Z = model(X_all)
        for name, r in rows.items():
            acc[key, name] = float((Z[r].argmax(dim=1) == y_all[r]).double().mean())
        loss[key] = float(F.cross_entropy(Z[train_ref], y_all[train_ref]))
        ok = loss[key] < 0.95
        if not ok:
            message = f'models[{key}] has a training loss of {loss[key]:.3f}: it should be trained, 300 steps of train_classifier.'
            raise AssertionError(message)
    tol = {name: 0.25 / len(r) for name, r in rows.items()}
    for key in grid:
        value = search[key]
        ok = isinstance(value, (int, float)) and (not isinstance(value, bool))
        if not ok:
            message = f'search[{key}] should be a Python float.'
            raise AssertionError(message)
        if abs(value - acc[key, 'validation']) < tol['validation']:
            continue
        if abs(value - acc[key, 'test']) < tol['test']:
            message = 'search holds accuracies on the test houses: compare and choose on the validation houses (X_valid, y_valid).'
            raise AssertionError(message)
        message = f"search[{key}] should be the model's accuracy on the 293 validation houses ({acc[key, 'validation']:.4f})."
        raise AssertionError(message)
    best = tuple(best_setting) if isinstance(best_setting, (tuple, list)) else best_setting
    ok = isinstance(best, tuple) and best in search and (search[best] == max(search.values()))
    if not ok:
        message = 'best_setting should be the key of search with the highest validation accuracy.'
        raise AssertionError(message)
    ok = isinstance(best_model, torch.nn.Module)
    if not ok:
        message = 'best_model should be models[best_setting].'
        raise AssertionError(message)
    mine = torch.cat([p.detach().cpu().flatten() for p in best_model.parameters()])
    theirs = torch.cat([p.detach().cpu().flatten() for p in models[best].parameters()])
    ok = mine.shape == theirs.shape and bool(torch.equal(mine, theirs))
    if not ok:
        message = 'best_model should be models[best_setting], the model trained with the chosen setting.'
        raise AssertionError(message)
    ok = isinstance(test_acc, (int, float)) and (not isinstance(test_acc, bool))
    if not ok:
        message = 'test_acc should be a Python float.'
        raise AssertionError(message)
    if abs(test_acc - acc[best, 'test']) >= tol['test'] and abs(test_acc - acc[best, 'validation']) < tol['validation']:
        message = "test_acc is the chosen model's validation accuracy: report its accuracy on the test houses."
        raise AssertionError(message)
    ok = abs(test_acc - acc[best, 'test']) < tol['test']
    if not ok:
        message = f"test_acc should be the accuracy of the chosen model on the 293 test houses ({acc[best, 'test']:.4f})."
        raise AssertionError(message)
