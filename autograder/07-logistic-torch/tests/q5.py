# Generated from source/07-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q5'
points = 4

@test_case(points=None, hidden=False)
def test_cross_entropy_public(ce_by_hand, loss_by_hand, loss_nll, loss_functional, ce_module, loss_module, logits_untrained, y_train):
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

    def hints(Z, y):
        n = len(y)
        picked = torch.log_softmax(Z, dim=1)[torch.arange(n), y]
        return [(float(-picked.sum()), 'ce_by_hand sums over the houses: take the mean over the batch.'), (float(picked.mean()), 'ce_by_hand is negative: the loss is MINUS the log-probability.'), (float(-(picked / torch.log(torch.tensor(10.0))).mean()), 'ce_by_hand uses log base 10: use torch.log.'), (float(-(picked / torch.log(torch.tensor(2.0))).mean()), 'ce_by_hand uses log base 2: use torch.log.'), (float(-torch.log_softmax(Z, dim=0)[torch.arange(n), y].mean()), 'ce_by_hand takes the softmax over dim 0: the classes are along dim 1.'), (float(-torch.log_softmax(Z, dim=1).mean()), 'ce_by_hand averages the log of every probability: the one-hot targets keep only the true class.'), (float(-torch.log_softmax(Z, dim=1).sum(dim=1).mean()), 'ce_by_hand sums the log of every probability: the one-hot targets keep only the true class.')]

    def check_by_hand(Z, y, where):
        k = Z.shape[1]
        try:
            got = ce_by_hand(Z.clone(), y.clone())
        except Exception as e:
            hint = ' Take the number of classes from logits.shape[1], F.one_hot(labels, num_classes=logits.shape[1]): ce_by_hand must work for any number of classes, even in a batch that lacks the last one.' if k != 3 else ''
            message = f'ce_by_hand raised {type(e).__name__} on {where} ({k} classes).{hint}'
            raise AssertionError(message) from None
        try:
            got = float(torch.as_tensor(got).detach().cpu().double().reshape(()))
        except Exception:
            message = f'ce_by_hand should return one number, the mean loss; on {where} it returned {describe(got)}.'
            raise AssertionError(message) from None
        want = float(F.cross_entropy(Z, y))
        for value, message in hints(Z, y):
            if abs(got - value) < 1e-05 and abs(got - want) > 1e-05:
                raise AssertionError(message)
        ok = abs(got - want) < 0.0001
        if not ok:
            message = f'ce_by_hand is wrong on {where}: -(onehot * log(softmax(logits))), summed over the classes, averaged over the houses.'
            raise AssertionError(message)
    if not callable(ce_by_hand):
        message = f'ce_by_hand should be a function: def ce_by_hand(logits, labels): ...; it is {describe(ce_by_hand)}.'
        raise AssertionError(message)
    check_by_hand(torch.tensor([[2.0, 0.0, 1.0], [0.5, 1.5, -1.0]]), torch.tensor([0, 2]), 'a 2-house example')
    check_by_hand(torch.tensor([[0.0, 1.0, 2.0, 3.0], [1.0, 1.0, 0.0, 0.0], [3.0, 0.0, 0.0, 1.0]]), torch.tensor([2, 0, 1]), 'a 3-house example')
    numbers = {}
    for name, value in [('loss_by_hand', loss_by_hand), ('loss_nll', loss_nll), ('loss_functional', loss_functional), ('loss_module', loss_module)]:
        try:
            numbers[name] = float(torch.as_tensor(value).detach().cpu().double().reshape(()))
        except Exception:
            message = f'{name} should be a single number (a 0-dimensional tensor); it is {describe(value)}.'
            raise AssertionError(message) from None
        if not math.isfinite(numbers[name]):
            message = f'{name} is not finite ({numbers[name]}).'
            raise AssertionError(message)
    ok = isinstance(logits_untrained, torch.Tensor) and tuple(logits_untrained.shape) == (2344, 3)
    if not ok:
        message = 'logits_untrained (question 3) should be a (2344, 3) tensor before the losses can be checked.'
        raise AssertionError(message)
    ok = isinstance(y_train, torch.Tensor) and tuple(y_train.shape) == (2344,) and (y_train.dtype == torch.long)
    if not ok:
        message = 'y_train (question 2) should be a long tensor of shape (2344,) before the losses can be checked.'
        raise AssertionError(message)
    Z, y = (logits_untrained.detach().cpu().float(), y_train.detach().cpu())
    on_probs = float(F.cross_entropy(torch.softmax(Z, dim=1), y))
    for name in ('loss_by_hand', 'loss_functional', 'loss_module'):
        if abs(numbers[name] - on_probs) < 1e-05:
            message = f'{name} got probabilities: ce_by_hand, F.cross_entropy and nn.CrossEntropyLoss apply softmax themselves, so a softmax before them is applied twice. Pass the raw logits, not softmax_probs(...).'
            raise AssertionError(message)
    if abs(numbers['loss_nll'] - float(F.nll_loss(torch.softmax(Z, dim=1), y))) < 1e-05:
        message = 'loss_nll: F.nll_loss expects LOG-probabilities, so apply F.log_softmax(logits, dim=1) first.'
        raise AssertionError(message)
    if isinstance(ce_module, type) and getattr(ce_module, '__name__', '') == 'CrossEntropyLoss':
        message = 'ce_module is the class nn.CrossEntropyLoss itself: call it to make the loss object, nn.CrossEntropyLoss().'
        raise AssertionError(message)
    ok = isinstance(ce_module, torch.nn.CrossEntropyLoss)
    if not ok:
        message = f'ce_module should be the loss object nn.CrossEntropyLoss(); it is {describe(ce_module)}.'
        raise AssertionError(message)
    want = float(F.cross_entropy(Z, y))
    for name, number in numbers.items():
        if abs(number + want) < 0.0001:
            message = 'loss_nll is negative: F.nll_loss flips the sign itself, so give it F.log_softmax(logits, dim=1), not its negative.' if name == 'loss_nll' else f'{name} is negative: the loss is MINUS the mean log-probability of the true class.'
            raise AssertionError(message)
        if abs(number - want * len(y)) < 0.001 * len(y):
            message = f"{name} sums over the houses (reduction='sum'): the loss is the MEAN over the houses."
            raise AssertionError(message)
        ok = abs(number - want) < 0.0001
        if not ok:
            message = f'{name} disagrees with the others ({number:.4f}): all four ways compute the same mean cross-entropy of logits_untrained against y_train.'
            raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_cross_entropy_other_inputs(ce_by_hand, loss_by_hand, loss_nll, loss_functional, ce_module, loss_module, logits_untrained, y_train):
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
    valid_ref, train_ref = np.split(order, [len(houses_ref) - int(0.8 * len(houses_ref))])
    class_ref = np.digitize(price_ref, np.quantile(price_ref, [1 / 3, 2 / 3]))

    def describe(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        shape = getattr(value, 'shape', None)
        if shape is not None and (not callable(shape)):
            return f'a {type(value).__name__} of shape {tuple(shape)}'
        if isinstance(value, (str, int, float, type(None))):
            return repr(value)[:40]
        return f'a {type(value).__name__}'

    def hints(Z, y):
        n = len(y)
        picked = torch.log_softmax(Z, dim=1)[torch.arange(n), y]
        return [(float(-picked.sum()), 'ce_by_hand sums over the houses: take the mean over the batch.'), (float(picked.mean()), 'ce_by_hand is negative: the loss is MINUS the log-probability.'), (float(-(picked / torch.log(torch.tensor(10.0))).mean()), 'ce_by_hand uses log base 10: use torch.log.'), (float(-(picked / torch.log(torch.tensor(2.0))).mean()), 'ce_by_hand uses log base 2: use torch.log.'), (float(-torch.log_softmax(Z, dim=0)[torch.arange(n), y].mean()), 'ce_by_hand takes the softmax over dim 0: the classes are along dim 1.'), (float(-torch.log_softmax(Z, dim=1).mean()), 'ce_by_hand averages the log of every probability: the one-hot targets keep only the true class.'), (float(-torch.log_softmax(Z, dim=1).sum(dim=1).mean()), 'ce_by_hand sums the log of every probability: the one-hot targets keep only the true class.')]

    def check_by_hand(Z, y, where):
        k = Z.shape[1]
        try:
            got = ce_by_hand(Z.clone(), y.clone())
        except Exception as e:
            hint = ' Take the number of classes from logits.shape[1]: ce_by_hand must work for any number of classes.' if k != 3 else ''
            message = f'ce_by_hand raised {type(e).__name__} on {where} ({k} classes).{hint}'
            raise AssertionError(message) from None
        try:
            got = float(torch.as_tensor(got).detach().cpu().double().reshape(()))
        except Exception:
            message = f'ce_by_hand should return one number, the mean loss; on {where} it returned {describe(got)}.'
            raise AssertionError(message) from None
        want = float(F.cross_entropy(Z, y))
        for value, message in hints(Z, y):
            if abs(got - value) < 1e-05 and abs(got - want) > 1e-05:
                raise AssertionError(message)
        ok = abs(got - want) < 0.0001
        if not ok:
            message = f'ce_by_hand is wrong on {where}: -(onehot * log(softmax(logits))), summed over the classes, averaged over the houses.'
            raise AssertionError(message)
    if not callable(ce_by_hand):
        message = 'ce_by_hand should be a function.'
        raise AssertionError(message)
    gen = torch.Generator().manual_seed(9)
    for n, k in [(7, 4), (5, 3), (3, 3), (1, 2), (6, 5)]:
        Z = torch.randn(n, k, generator=gen) * 2
        y = torch.randint(0, k, (n,), generator=gen)
        check_by_hand(Z, y, f'({n}, {k}) logits')
    ok = isinstance(ce_module, torch.nn.CrossEntropyLoss)
    if not ok:
        message = 'ce_module should be the loss object nn.CrossEntropyLoss().'
        raise AssertionError(message)
    ok = isinstance(y_train, torch.Tensor) and tuple(y_train.shape) == (2344,) and bool((y_train.detach().cpu() == torch.tensor(class_ref[train_ref])).all())
    if not ok:
        message = 'y_train (question 2) should hold the classes of the training houses before the losses can be checked.'
        raise AssertionError(message)
    ok = isinstance(logits_untrained, torch.Tensor) and tuple(logits_untrained.shape) == (2344, 3)
    if not ok:
        message = 'logits_untrained should be a (2344, 3) tensor.'
        raise AssertionError(message)
    want = float(F.cross_entropy(logits_untrained.detach().cpu().float(), torch.tensor(class_ref[train_ref])))
    for name, value in [('loss_by_hand', loss_by_hand), ('loss_nll', loss_nll), ('loss_functional', loss_functional), ('loss_module', loss_module)]:
        try:
            number = float(torch.as_tensor(value).detach().cpu().double().reshape(()))
        except Exception:
            message = f'{name} should be a single number.'
            raise AssertionError(message) from None
        ok = abs(number - want) < 0.0001
        if not ok:
            message = f'{name} disagrees with the others: the mean cross-entropy of logits_untrained against the training labels.'
            raise AssertionError(message)
