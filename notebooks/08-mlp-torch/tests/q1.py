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
