# Generated from source/03-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q5"
points = 6

@test_case(points=None, hidden=False)
def test_train_form(train, reg_lr, reg_epochs, reg_history):
    import torch
    assert callable(train), 'train should be a function: def train(model, X, y, lr, epochs): ...'
    torch.manual_seed(0)
    X = torch.randn(8, 2)
    y = X @ torch.tensor([[1.0], [-1.0]])
    try:
        history = train(torch.nn.Linear(2, 1), X, y, 0.1, 3)
    except Exception as e:
        raise AssertionError(f'train(nn.Linear(2, 1), X, y, 0.1, 3) raised {type(e).__name__}: {e}') from None
    ok = isinstance(history, (list, tuple)) and len(history) == 3
    assert ok, 'train(..., epochs=3) should return a list of 3 losses, one per epoch.'
    ok = all((isinstance(h, (int, float)) or (isinstance(h, torch.Tensor) and h.numel() == 1) for h in history))
    assert ok, 'Each entry of the history should be one number: append loss.item().'
    ok = isinstance(reg_lr, (int, float)) and isinstance(reg_epochs, int) and (0 < reg_epochs <= 1000)
    assert ok, 'reg_lr should be a number and reg_epochs a whole number between 1 and 1000.'
    ok = isinstance(reg_history, (list, tuple)) and len(reg_history) == reg_epochs
    assert ok, 'reg_history should be the list train returned: one loss per epoch.'

