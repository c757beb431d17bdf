# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q3"
points = 3

@test_case(points=None, hidden=False)
def test_logreg_form(logreg, logreg_weight_shape, logreg_bias_shape, logits_untrained):
    import torch
    assert isinstance(logreg, torch.nn.Linear), 'logreg should be an nn.Linear layer.'
    if (logreg.in_features, logreg.out_features) == (3, 2):
        raise AssertionError('logreg is nn.Linear(3, 2): in_features is the number of features per house (2) and out_features the number of classes (3).')
    ok = (logreg.in_features, logreg.out_features) == (2, 3) and logreg.bias is not None
    assert ok, 'logreg should be nn.Linear(in_features=2, out_features=3, bias=True).'
    for name, value in [('logreg_weight_shape', logreg_weight_shape), ('logreg_bias_shape', logreg_bias_shape)]:
        ok = isinstance(value, (tuple, list, torch.Size)) and all((isinstance(d, int) for d in value))
        assert ok, f'{name} should be a tuple of integers such as (5, 7), not {value!r}.'
    ok = isinstance(logits_untrained, torch.Tensor) and tuple(logits_untrained.shape) == (2344, 3)
    assert ok, 'logits_untrained should be logreg(X_train): a tensor with one row per house, one column per class.'

@test_case(points=None, hidden=True)
def test_logreg_shapes(logreg_weight_shape, logreg_bias_shape):
    ws, bs = (tuple(logreg_weight_shape), tuple(logreg_bias_shape))
    if ws == (2, 3):
        raise AssertionError("logreg_weight_shape (2, 3) is the warm-up's W; nn.Linear stores the weight as (out_features, in_features).")
    ok = ws == (3, 2)
    assert ok, 'logreg_weight_shape: print logreg.weight.shape and compare.'
    ok = bs == (3,)
    assert ok, 'logreg_bias_shape: the bias holds one number per class (and is 1-D).'

@test_case(points=None, hidden=True)
def test_logits_untrained_values(logits_untrained, X_train):
    import torch
    Z = logits_untrained.detach().cpu().double()
    X = X_train.detach().cpu().double()
    A = torch.cat([X, torch.ones(len(X), 1, dtype=X.dtype)], dim=1)
    coef = torch.linalg.lstsq(A, Z).solution
    ok = bool(torch.allclose(A @ coef, Z, atol=0.0001))
    assert ok, 'logits_untrained should be logreg(X_train): a linear function of the standardized features.'

