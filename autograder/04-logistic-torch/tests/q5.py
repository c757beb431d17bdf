# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 4

@test_case(points=None, hidden=False)
def test_losses_form(ce_by_hand, loss_by_hand, loss_nll, loss_functional, loss_module):
    import math
    import torch
    assert callable(ce_by_hand), 'ce_by_hand should be a function: def ce_by_hand(logits, labels): ...'
    values = {'loss_by_hand': loss_by_hand, 'loss_nll': loss_nll, 'loss_functional': loss_functional, 'loss_module': loss_module}
    for name, value in values.items():
        ok = value is not None and value is not ... and (torch.as_tensor(value).numel() == 1)
        assert ok, f'{name} should be a single number (a 0-dimensional tensor).'
        ok = math.isfinite(float(torch.as_tensor(value).detach()))
        assert ok, f'{name} is not finite.'
    ok = abs(float(torch.as_tensor(loss_functional).detach()) - math.log(3)) < 0.3
    assert ok, 'Before training the loss should be close to ln 3 = 1.0986: pass the logits and the class indices.'

@test_case(points=None, hidden=True)
def test_ce_by_hand_other_inputs(ce_by_hand):
    import torch
    import torch.nn.functional as F
    gen = torch.Generator().manual_seed(9)
    for n, k in [(7, 4), (5, 3), (3, 3)]:
        Z = torch.randn(n, k, generator=gen) * 2
        y = torch.randint(0, k, (n,), generator=gen)
        try:
            got = float(torch.as_tensor(ce_by_hand(Z.clone(), y.clone())).detach())
        except Exception as e:
            raise AssertionError(f'ce_by_hand raised {type(e).__name__} on ({n}, {k}) logits: {e}') from None
        want = float(F.cross_entropy(Z, y))
        picked = torch.log_softmax(Z, dim=1)[torch.arange(n), y]
        hints = [(float(-picked.sum()), 'ce_by_hand sums over the houses: take the mean over the batch.'), (float(picked.mean()), 'ce_by_hand is negative: the loss is MINUS the log-probability.'), (float(-(picked / torch.log(torch.tensor(10.0))).mean()), 'ce_by_hand uses log base 10: use torch.log.'), (float(-torch.log_softmax(Z, dim=0)[torch.arange(n), y].mean()), 'ce_by_hand takes the softmax over dim 0: the classes are along dim 1.'), (float(-torch.log(torch.softmax(Z, dim=1)).mean()), 'ce_by_hand averages the log of every probability: the one-hot targets keep only the true class.')]
        for value, message in hints:
            if abs(got - value) < 1e-05 and abs(got - want) > 1e-05:
                raise AssertionError(message)
        ok = abs(got - want) < 0.0001
        assert ok, f'ce_by_hand is wrong on ({n}, {k}) logits: -(onehot * log(softmax(logits))), summed over classes, averaged over houses.'

@test_case(points=None, hidden=True)
def test_four_losses_agree(loss_by_hand, loss_nll, loss_functional, loss_module, ce_module, logits_untrained, y_train):
    import torch
    import torch.nn.functional as F
    Z = logits_untrained.detach().cpu().float()
    y = y_train.detach().cpu()
    want = float(F.cross_entropy(Z, y))
    on_probs = float(F.cross_entropy(torch.softmax(Z, dim=1), y))
    for name, value in [('loss_functional', loss_functional), ('loss_module', loss_module)]:
        if abs(float(torch.as_tensor(value).detach()) - on_probs) < 1e-05:
            raise AssertionError(f'{name} got probabilities: F.cross_entropy and nn.CrossEntropyLoss apply softmax themselves, so pass the raw logits, not softmax_probs(...).')
    if abs(float(torch.as_tensor(loss_nll).detach()) - float(F.nll_loss(torch.softmax(Z, dim=1), y))) < 1e-05:
        raise AssertionError('loss_nll: F.nll_loss expects LOG-probabilities, so apply F.log_softmax(logits, dim=1) first.')
    ok = isinstance(ce_module, torch.nn.CrossEntropyLoss)
    assert ok, 'ce_module should be the loss object nn.CrossEntropyLoss().'
    for name, value in [('loss_by_hand', loss_by_hand), ('loss_nll', loss_nll), ('loss_functional', loss_functional), ('loss_module', loss_module)]:
        ok = abs(float(torch.as_tensor(value).detach()) - want) < 0.0001
        assert ok, f'{name} disagrees with the others: the four losses must agree, on logits_untrained and y_train.'

