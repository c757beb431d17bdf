# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q4"
points = 3

@test_case(points=None, hidden=False)
def test_probs_form(softmax_probs, probs_untrained, prob_row_sums):
    import torch
    assert callable(softmax_probs), 'softmax_probs should be a function: def softmax_probs(logits): ...'
    ok = isinstance(probs_untrained, torch.Tensor) and tuple(probs_untrained.shape) == (2344, 3)
    assert ok, 'probs_untrained should be a tensor of shape (2344, 3), like the logits.'
    ok = isinstance(prob_row_sums, torch.Tensor) and tuple(prob_row_sums.shape) == (2344,)
    assert ok, 'prob_row_sums should hold one total per house: shape (2344,). Sum over the class dimension.'
    ok = bool(torch.allclose(prob_row_sums.detach().cpu().float(), torch.ones(2344), atol=0.0001))
    assert ok, "Each house's probabilities should sum to 1: softmax across the classes (dim=1)."

@test_case(points=None, hidden=True)
def test_softmax_probs_values(softmax_probs):
    import torch
    gen = torch.Generator().manual_seed(5)
    for n, k in [(6, 3), (4, 4), (3, 3), (1, 5)]:
        Z = torch.randn(n, k, generator=gen) * 3
        try:
            P = softmax_probs(Z.clone())
        except Exception as e:
            raise AssertionError(f'softmax_probs raised {type(e).__name__} on a ({n}, {k}) tensor: {e}') from None
        assert isinstance(P, torch.Tensor), 'softmax_probs should return a torch tensor.'
        P = P.detach().double()
        want = torch.softmax(Z.double(), dim=1)
        if n > 1 and tuple(P.shape) == (n, k) and torch.allclose(P, torch.softmax(Z.double(), dim=0), atol=1e-05):
            raise AssertionError("softmax_probs takes the softmax over dim 0 (down each class, across houses): each house's probabilities must sum to 1, so use dim=1.")
        ok = tuple(P.shape) == (n, k) and bool(torch.allclose(P, want, atol=1e-05))
        assert ok, f'softmax_probs is wrong on a ({n}, {k}) tensor: exponentiate, then divide each row by its total.'
    big = torch.tensor([[1000.0, 1001.0, 999.0]])
    ok = bool(torch.isfinite(softmax_probs(big)).all())
    assert ok, "softmax_probs overflows on large logits: use torch.softmax, or subtract each row's maximum first."
    Z = torch.randn(4, 3, generator=gen, requires_grad=True)
    try:
        softmax_probs(Z)[:, 0].sum().backward()
    except Exception as e:
        raise AssertionError(f'softmax_probs should stay in PyTorch (gradients must flow): {type(e).__name__}: {e}') from None

@test_case(points=None, hidden=True)
def test_probs_untrained_values(probs_untrained, prob_row_sums, logits_untrained):
    import torch
    want = torch.softmax(logits_untrained.detach().cpu().double(), dim=1)
    ok = bool(torch.allclose(probs_untrained.detach().cpu().double(), want, atol=1e-05))
    assert ok, 'probs_untrained should be softmax_probs(logits_untrained).'
    ok = bool(torch.allclose(prob_row_sums.detach().cpu().double(), want.sum(dim=1), atol=1e-05))
    assert ok, 'prob_row_sums should be probs_untrained.sum(dim=1).'

