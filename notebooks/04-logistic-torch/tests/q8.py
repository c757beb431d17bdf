# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q8"
points = 4

@test_case(points=None, hidden=False)
def test_train_classifier_runs(train_classifier):
    import torch
    assert callable(train_classifier), 'train_classifier should be a function.'
    torch.manual_seed(0)
    X = torch.randn(12, 2)
    y = torch.arange(12) % 3
    model = torch.nn.Linear(2, 3)
    try:
        result = train_classifier(model, X, y, X[:6], y[:6], steps=5, lr=0.1)
        train_losses, valid_losses = result
    except Exception as e:
        raise AssertionError(f'train_classifier raised {type(e).__name__}: {e}') from None
    ok = len(train_losses) == 5 and len(valid_losses) == 5
    assert ok, 'train_classifier should return two lists with one loss per step.'
    ok = all((isinstance(v, float) for v in list(train_losses) + list(valid_losses)))
    assert ok, 'The recorded losses should be Python floats: use loss.item().'

