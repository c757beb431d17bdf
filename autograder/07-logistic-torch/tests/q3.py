# Generated from source/07-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q3'
points = 3

@test_case(points=None, hidden=False)
def test_logreg_public(logreg, logreg_weight_shape, logreg_bias_shape, logits_untrained, X_train):
    import numbers
    import torch

    def describe(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        shape = getattr(value, 'shape', None)
        if shape is not None and (not callable(shape)):
            return f'a {type(value).__name__} of shape {tuple(shape)}'
        if isinstance(value, (str, int, float, type(None))):
            return repr(value)[:40]
        return f'a {type(value).__name__}'
    if isinstance(logreg, torch.nn.Sequential) and any((isinstance(m, torch.nn.Softmax) for m in logreg.modules())):
        message = 'logreg has an nn.Softmax after the layer: F.cross_entropy applies softmax itself, so the model must give raw logits (a softmax before it would be applied twice). Make logreg the nn.Linear layer alone.'
        raise AssertionError(message)
    if not isinstance(logreg, torch.nn.Linear):
        message = f'logreg should be an nn.Linear layer; it is {describe(logreg)}.'
        raise AssertionError(message)
    if (logreg.in_features, logreg.out_features) == (3, 2):
        message = 'logreg is nn.Linear(3, 2): in_features is the number of features per house (2) and out_features the number of classes (3).'
        raise AssertionError(message)
    ok = (logreg.in_features, logreg.out_features) == (2, 3) and logreg.bias is not None
    if not ok:
        message = 'logreg should be nn.Linear(in_features=2, out_features=3, bias=True).'
        raise AssertionError(message)
    for name, value in [('logreg_weight_shape', logreg_weight_shape), ('logreg_bias_shape', logreg_bias_shape)]:
        if isinstance(value, numbers.Integral) and (not isinstance(value, bool)):
            message = f'{name} is the number {value}, not a tuple: in Python ({value}) is just {value}; a tuple of one number needs a comma, ({value},).'
            raise AssertionError(message)
        ok = isinstance(value, (tuple, list, torch.Size)) and all((isinstance(d, numbers.Integral) and (not isinstance(d, bool)) for d in value))
        if not ok:
            message = f'{name} should be a tuple of integers such as (5, 7); it is {describe(value)}.'
            raise AssertionError(message)
    if tuple(logreg_weight_shape) == (2, 3):
        message = "logreg_weight_shape (2, 3) is the warm-up's W; nn.Linear stores the weight the other way round, as (out_features, in_features): print logreg.weight.shape."
        raise AssertionError(message)
    ok = tuple(logreg_weight_shape) == tuple(logreg.weight.shape)
    if not ok:
        message = 'logreg_weight_shape should be the shape of logreg.weight: print logreg.weight.shape and compare.'
        raise AssertionError(message)
    if tuple(logreg_bias_shape) == (1, 3):
        message = 'logreg_bias_shape: the bias holds one number per class and is 1-D, (3,), not (1, 3).'
        raise AssertionError(message)
    ok = tuple(logreg_bias_shape) == tuple(logreg.bias.shape)
    if not ok:
        message = 'logreg_bias_shape: the bias holds one number per class; print logreg.bias.shape.'
        raise AssertionError(message)
    ok = isinstance(X_train, torch.Tensor) and tuple(X_train.shape) == (2344, 2)
    if not ok:
        message = 'X_train (question 2) should be a (2344, 2) tensor before the logits can be checked.'
        raise AssertionError(message)
    if not isinstance(logits_untrained, torch.Tensor):
        message = f'logits_untrained should be logreg(X_train), a tensor; it is {describe(logits_untrained)}.'
        raise AssertionError(message)
    if tuple(logits_untrained.shape) == (3, 2344):
        message = 'logits_untrained is transposed: one row per house, one column per class, shape (2344, 3).'
        raise AssertionError(message)
    ok = tuple(logits_untrained.shape) == (2344, 3)
    if not ok:
        message = f'logits_untrained should be logreg(X_train): one row per TRAINING house, one column per class, (2344, 3); it has {tuple(logits_untrained.shape)}.'
        raise AssertionError(message)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        start = torch.nn.Linear(2, 3)
    with torch.no_grad():
        want = start(X_train.detach().cpu().float()).double()
    ok = bool(torch.allclose(logits_untrained.detach().cpu().double(), want, atol=0.0001))
    if not ok:
        message = 'logits_untrained should be logreg(X_train) right after creating logreg (seed 0), before any training: a linear function of the standardized features.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_logreg_on_the_data(logreg, logreg_weight_shape, logreg_bias_shape, logits_untrained, X_train):
    import torch
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
    valid_ref, train_ref = np.split(order, [len(houses_ref) - int(0.8 * len(houses_ref))])
    class_ref = np.digitize(price_ref, np.quantile(price_ref, [1 / 3, 2 / 3]))
    mean_ref, std_ref = (lonlat_ref[train_ref].mean(axis=0), lonlat_ref[train_ref].std(axis=0))
    features_ref = (lonlat_ref - mean_ref) / std_ref
    X_all = torch.tensor(features_ref, dtype=torch.float32)
    y_all = torch.tensor(class_ref, dtype=torch.long)
    X_tr, X_va = (X_all[rows] for rows in (train_ref, valid_ref))
    y_tr, y_va = (y_all[rows] for rows in (train_ref, valid_ref))
    ok = isinstance(X_train, torch.Tensor) and tuple(X_train.shape) == (2344, 2) and bool(torch.allclose(X_train.detach().cpu().float(), X_tr, atol=0.002))
    if not ok:
        message = 'X_train (question 2) should hold the standardized training features before the logits can be checked.'
        raise AssertionError(message)
    if isinstance(logreg, torch.nn.Sequential) and any((isinstance(m, torch.nn.Softmax) for m in logreg.modules())):
        message = 'logreg has an nn.Softmax after the layer: F.cross_entropy applies softmax itself, so the model must give raw logits (a softmax before it would be applied twice). Make logreg the nn.Linear layer alone.'
        raise AssertionError(message)
    ok = isinstance(logreg, torch.nn.Linear) and (logreg.in_features, logreg.out_features) == (2, 3) and (logreg.bias is not None)
    if not ok:
        message = 'logreg should be nn.Linear(in_features=2, out_features=3, bias=True).'
        raise AssertionError(message)
    try:
        shapes = (tuple((int(d) for d in logreg_weight_shape)), tuple((int(d) for d in logreg_bias_shape)))
    except (TypeError, ValueError):
        message = 'logreg_weight_shape and logreg_bias_shape should be tuples of integers.'
        raise AssertionError(message) from None
    if shapes[0] == (2, 3):
        message = "logreg_weight_shape (2, 3) is the warm-up's W; nn.Linear stores the weight as (out_features, in_features)."
        raise AssertionError(message)
    ok = shapes == ((3, 2), (3,))
    if not ok:
        message = 'logreg_weight_shape and logreg_bias_shape: print logreg.weight.shape and logreg.bias.shape.'
        raise AssertionError(message)
    with torch.random.fork_rng(devices=[]):
        torch.manual_seed(0)
        start = torch.nn.Linear(2, 3)
    with torch.no_grad():
        want = start(X_tr).double()
    ok = isinstance(logits_untrained, torch.Tensor) and tuple(logits_untrained.shape) == (2344, 3)
    if not ok:
        message = 'logits_untrained should be a (2344, 3) tensor: one row per training house, one column per class.'
        raise AssertionError(message)
    ok = bool(torch.allclose(logits_untrained.detach().cpu().double(), want, atol=0.0001))
    if not ok:
        message = 'logits_untrained should be logreg(X_train), the untrained layer (seed 0) on the standardized training features.'
        raise AssertionError(message)
