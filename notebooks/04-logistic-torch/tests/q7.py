# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q7"
points = 2

@test_case(points=None, hidden=False)
def test_accuracy_basic(accuracy):
    import torch
    assert callable(accuracy), 'accuracy should be a function: def accuracy(logits, labels): ...'
    Z = torch.tensor([[2.0, 0.0, 1.0], [0.0, 3.0, 1.0], [0.0, 0.5, 1.0], [1.0, 0.0, 0.0]])
    y = torch.tensor([0, 1, 0, 2])
    try:
        got = float(accuracy(Z, y))
    except Exception as e:
        raise AssertionError(f'accuracy raised {type(e).__name__}: {e}') from None
    ok = 0.0 <= got <= 1.0
    assert ok, 'accuracy should be a fraction between 0 and 1.'
    ok = abs(got - 0.5) < 1e-06
    assert ok, 'accuracy of 4 houses with 2 predicted correctly should be 0.5.'

