# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q11"
points = 3

@test_case(points=None, hidden=False)
def test_mlp_form(mlp, mlp_valid_acc):
    import torch
    assert isinstance(mlp, torch.nn.Sequential), 'mlp should be an nn.Sequential of three layers.'
    ok = len(mlp) == 3
    assert ok, 'mlp should have three parts: nn.Linear(2, n_hidden), nn.ReLU(), nn.Linear(n_hidden, 3).'
    ok = isinstance(mlp_valid_acc, (int, float)) and 0 <= mlp_valid_acc <= 1
    assert ok, 'mlp_valid_acc should be a fraction between 0 and 1 (a Python float).'

@test_case(points=None, hidden=True)
def test_mlp_layers_and_accuracy(mlp, mlp_valid_acc, X_valid, y_valid):
    import torch
    layers = list(mlp)
    if not any((isinstance(m, torch.nn.ReLU) for m in layers)):
        raise AssertionError('mlp has no nn.ReLU: two linear layers in a row are still one linear model. Put nn.ReLU() between them.')
    ok = isinstance(layers[0], torch.nn.Linear) and isinstance(layers[1], torch.nn.ReLU) and isinstance(layers[2], torch.nn.Linear) and ((layers[0].in_features, layers[0].out_features) == (2, 100)) and ((layers[2].in_features, layers[2].out_features) == (100, 3))
    assert ok, 'mlp should be nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)).'
    with torch.no_grad():
        valid_acc = float((mlp(X_valid).argmax(dim=1) == y_valid).double().mean())
    ok = abs(float(mlp_valid_acc) - valid_acc) < 1e-06
    assert ok, 'mlp_valid_acc should be accuracy(mlp(X_valid), y_valid), after training.'
    ok = valid_acc >= 0.58
    assert ok, 'The trained MLP should reach a validation accuracy of at least 0.58 (300 Adam steps, lr=0.05).'

