# Generated from source/07-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q4'
points = 3

@test_case(points=None, hidden=False)
def test_softmax_public(softmax_probs, probs_untrained, prob_row_sums, logits_untrained):
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
    if not callable(softmax_probs):
        message = f'softmax_probs should be a function: def softmax_probs(logits): ...; it is {describe(softmax_probs)}.'
        raise AssertionError(message)
    example = torch.tensor([[1.0, 2.0, 3.0], [1000.0, 1001.0, 999.0]])
    given = example.clone()
    try:
        P = softmax_probs(given)
    except Exception as e:
        hint = ''
        if 'return_types' in str(e):
            hint = ' logits.max(dim=1) gives a pair (values, indices): take its .values, with keepdim=True.'
        elif 'must match the size' in str(e):
            hint = ' Keep the reduced dimension with keepdim=True (in .max and .sum): a (2, 1) column of row maxima or totals lines up with the rows, a (2,) vector does not.'
        message = f'softmax_probs raised {type(e).__name__} on the example [[1, 2, 3], [1000, 1001, 999]] ({str(e)[:120]}).{hint}'
        raise AssertionError(message) from None
    if not isinstance(P, torch.Tensor):
        message = f'softmax_probs should return a torch tensor; it returned {describe(P)} (a missing return?).'
        raise AssertionError(message)
    ok = torch.equal(given, example)
    if not ok:
        message = "softmax_probs changed its input in place (`logits -= ...`): compute a new tensor, so that the caller's logits stay as they were."
        raise AssertionError(message)
    ok = tuple(P.shape) == (2, 3)
    if not ok:
        message = f'softmax_probs should return a tensor of the same shape as its input, (2, 3) for the example; it returned {tuple(P.shape)}.'
        raise AssertionError(message)
    P = P.detach().cpu().double()
    ok = bool(torch.isfinite(P).all())
    if not ok:
        message = "softmax_probs overflows on large logits (exp(1000) is inf, inf / inf is nan): use torch.softmax, or subtract each row's maximum first."
        raise AssertionError(message)
    want = torch.softmax(example.double(), dim=1)
    if torch.allclose(P, torch.softmax(example.double(), dim=0), atol=1e-05):
        message = "softmax_probs takes the softmax over dim 0 (down each class, across houses): each house's probabilities must sum to 1, so use dim=1."
        raise AssertionError(message)
    if torch.allclose(P.exp(), want, atol=1e-05):
        message = 'softmax_probs returns LOG-probabilities: use torch.softmax, not torch.log_softmax.'
        raise AssertionError(message)
    if torch.allclose(P, torch.sigmoid(example.double()), atol=1e-05):
        message = 'softmax_probs uses the sigmoid, which squashes each score on its own: softmax divides each row by its total, so it sums to 1.'
        raise AssertionError(message)
    sums = P.sum(dim=1)
    ok = bool(torch.allclose(sums, torch.ones(2, dtype=sums.dtype), atol=1e-05))
    if not ok:
        message = f"Each row of softmax_probs should sum to 1 (one house's probabilities); the example's rows sum to {sums.numpy().round(3).tolist()}: divide each row by its total."
        raise AssertionError(message)
    ok = bool(torch.allclose(P, want, atol=1e-05))
    if not ok:
        message = "softmax_probs is wrong on the example: exponentiate (after subtracting each row's maximum), then divide each row by its total."
        raise AssertionError(message)
    try:
        flows = bool(softmax_probs(example.clone().requires_grad_(True)).requires_grad)
    except Exception:
        flows = False
    if not flows:
        message = 'softmax_probs should stay in PyTorch so that gradients flow back to the logits (gradients must flow): no .numpy() or torch.tensor(...) inside.'
        raise AssertionError(message)
    ok = isinstance(logits_untrained, torch.Tensor) and tuple(logits_untrained.shape) == (2344, 3)
    if not ok:
        message = 'logits_untrained (question 3) should be a (2344, 3) tensor before the probabilities can be checked.'
        raise AssertionError(message)
    ok = isinstance(probs_untrained, torch.Tensor) and tuple(probs_untrained.shape) == (2344, 3)
    if not ok:
        message = f'probs_untrained should be a tensor of shape (2344, 3), like the logits; it is {describe(probs_untrained)}.'
        raise AssertionError(message)
    want = torch.softmax(logits_untrained.detach().cpu().double(), dim=1)
    ok = bool(torch.allclose(probs_untrained.detach().cpu().double(), want, atol=1e-05))
    if not ok:
        message = "probs_untrained should be softmax_probs(logits_untrained): each house's probabilities, summing to 1."
        raise AssertionError(message)
    ok = isinstance(prob_row_sums, torch.Tensor) and tuple(prob_row_sums.shape) == (2344,)
    if not ok:
        message = f'prob_row_sums should hold one total per house: shape (2344,), a sum over the class dimension (dim=1); it is {describe(prob_row_sums)}.'
        raise AssertionError(message)
    ok = bool(torch.allclose(prob_row_sums.detach().cpu().double(), want.sum(dim=1), atol=1e-05))
    if not ok:
        message = 'prob_row_sums should be probs_untrained.sum(dim=1).'
        raise AssertionError(message)
