# Generated from source/03-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 4

@test_case(points=None, hidden=False)
def test_autograd_form(w_auto, b_auto, loss_auto, grad_w_auto, grad_b_auto, autograd_matches):
    import torch
    for name, value in [('w_auto', w_auto), ('b_auto', b_auto), ('loss_auto', loss_auto)]:
        ok = isinstance(value, torch.Tensor)
        assert ok, f'{name} should be a torch tensor.'
    ok = w_auto.requires_grad and b_auto.requires_grad
    assert ok, 'w_auto and b_auto need requires_grad=True, or PyTorch records nothing to differentiate.'
    ok = w_auto.dtype == torch.float32 and b_auto.dtype == torch.float32
    assert ok, 'w_auto and b_auto should be float32, like the data.'
    ok = tuple(w_auto.shape) in ((3, 1), (3,)) and tuple(b_auto.shape) in ((1,), ())
    assert ok, f'w_auto should have shape (3, 1) and b_auto shape (1,); yours are {tuple(w_auto.shape)}, {tuple(b_auto.shape)}.'
    ok = loss_auto.ndim == 0
    assert ok, f'loss_auto should be a single number (a 0-d tensor), not shape {tuple(loss_auto.shape)}: take the mean.'
    ok = isinstance(grad_w_auto, torch.Tensor) and isinstance(grad_b_auto, torch.Tensor)
    assert ok, 'grad_w_auto / grad_b_auto are not tensors: read w_auto.grad and b_auto.grad AFTER loss_auto.backward(). (.grad stays None without requires_grad=True, or on a tensor moved with .to() after creation.)'
    ok = tuple(grad_w_auto.shape) == tuple(w_auto.shape)
    assert ok, 'grad_w_auto should have the shape of w_auto: it is w_auto.grad.'
    ok = type(autograd_matches).__name__ in ('bool', 'bool_')
    assert ok, 'autograd_matches should be True or False (the result of np.allclose).'

