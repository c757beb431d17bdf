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

