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
