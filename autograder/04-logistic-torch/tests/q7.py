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

@test_case(points=None, hidden=True)
def test_accuracy_other_inputs(accuracy):
    import torch
    gen = torch.Generator().manual_seed(3)
    for n, k in [(3, 3), (10, 3), (8, 5), (4, 4)]:
        Z = torch.randn(n, k, generator=gen)
        y = torch.randint(0, k, (n,), generator=gen)
        y[0] = Z[0].argmax()
        try:
            got = float(accuracy(Z.clone(), y.clone()))
        except Exception as e:
            raise AssertionError(f'accuracy raised {type(e).__name__} on ({n}, {k}) logits: {e}') from None
        want = float((Z.argmax(dim=1) == y).double().mean())
        wrong_dim = float((Z.argmax(dim=0) == y).double().mean()) if n == k else None
        if wrong_dim is not None and abs(got - wrong_dim) < 1e-06 and (abs(got - want) > 1e-06):
            raise AssertionError('accuracy takes the argmax over the wrong dimension: the classes are along dim=1.')
        ok = abs(got - want) < 1e-06
        assert ok, 'accuracy: the mean of (logits.argmax(dim=1) == labels) over the rows.'

