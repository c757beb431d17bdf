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

