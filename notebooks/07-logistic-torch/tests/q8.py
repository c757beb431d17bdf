# Generated from source/07-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q8'
points = 3

@test_case(points=None, hidden=False)
def test_gradient_from_lesson05_public(gradient_from_lesson05, X_check, y_check, W_check, b_check):
    import warnings
    import numpy as np
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

    def as_numbers(value):
        if isinstance(value, torch.Tensor):
            value = value.detach().cpu().double().numpy()
        if value is None or value is ... or isinstance(value, str):
            return None
        try:
            return np.asarray(value, dtype=float)
        except (TypeError, ValueError, RuntimeError):
            return None

    def check(X, y, W, b, where):
        """gradient_from_lesson05 on one input, against X.T @ (P - Y) / n and the mean of P - Y."""
        n, f, k = (X.shape[0], X.shape[1], W.shape[1])
        try:
            with warnings.catch_warnings():
                warnings.simplefilter('ignore')
                result = gradient_from_lesson05(X.copy(), y.copy(), W.copy(), b.copy())
        except Exception as e:
            text = str(e) if len(str(e)) <= 100 else str(e)[:100] + '...'
            if 'matmul' in text or 'not aligned' in text:
                detail = '. The product of X, (n, f), with P - Y, (n, k), needs X transposed: grad_W = X.T @ (P - Y) / n.'
            elif type(e).__name__ == 'NameError':
                detail = f' ({text}): use the given softmax and one_hot, or paste the helpers your function needs too.'
            elif k != 3:
                detail = f' ({text}). This input has {k} classes: take k from W.shape[1], not a typed 3.'
            else:
                detail = f': {text}'
            message = f'gradient_from_lesson05 raised {type(e).__name__} on {where}{detail}'
            raise AssertionError(message) from None
        ok = isinstance(result, (tuple, list)) and len(result) == 2
        if not ok:
            message = f"gradient_from_lesson05 should return the pair (grad_W, grad_b), as lesson 05's softmax_gradient does; on {where} it returned {describe(result)}."
            raise AssertionError(message)
        grad_W, grad_b = (as_numbers(result[0]), as_numbers(result[1]))
        ok = grad_W is not None and grad_b is not None
        if not ok:
            message = f'gradient_from_lesson05 should return two arrays of numbers (grad_W, grad_b); on {where} it returned {describe(result[0])} and {describe(result[1])}.'
            raise AssertionError(message)
        Z = X @ W + b
        E = np.exp(Z - Z.max(axis=1, keepdims=True))
        P, Y = (E / E.sum(axis=1, keepdims=True), np.eye(k)[y])
        want_W, want_b = (X.T @ (P - Y) / n, (P - Y).mean(axis=0))
        if f != k and grad_W.shape == (k, f) and np.allclose(grad_W, want_W.T, atol=1e-07):
            message = f"grad_W is transposed, shape {(k, f)}: it should have W's shape {(f, k)}, one number per weight. Write X.T @ (P - Y) / n, not (P - Y).T @ X / n."
            raise AssertionError(message)
        ok = grad_W.shape == (f, k)
        hint = f' This input has {k} classes: take k from W.shape[1], not a typed 3.' if k != 3 else ''
        if not ok:
            message = f"grad_W should have W's shape {(f, k)} (features, classes); on {where} it has {grad_W.shape}.{hint}"
            raise AssertionError(message)
        ok = bool(np.all(np.isfinite(grad_W)) and np.all(np.isfinite(grad_b)))
        if not ok:
            message = f"gradient_from_lesson05 gives values that are not finite on {where} (logits up to {np.abs(Z).max():.0f}): the softmax must subtract each row's largest score before np.exp, as lesson 05's does."
            raise AssertionError(message)
        E0 = np.exp(Z - Z.max(axis=0, keepdims=True))
        hints = [(n * want_W, 'grad_W is n times too large: the loss is a MEAN over the houses, so divide X.T @ (P - Y) by n = len(y).'), (-want_W, 'grad_W has the wrong sign: the derivative of the loss with respect to the logits is P - Y, not Y - P.'), (X.T @ P / n, 'grad_W leaves out Y: the derivative with respect to the logits is P - Y, the probabilities minus the one-hot rows.'), (X.T @ (P - y[:, None]) / n, 'grad_W subtracts the labels themselves, not their one-hot rows: Y = one_hot(y, k), so that only the true class gets 1.'), (X.T @ (E0 / E0.sum(axis=0, keepdims=True) - Y) / n, "grad_W uses a softmax over axis 0: each house's probabilities must sum to 1, so the softmax runs across the classes, axis=1.")]
        for value, message in hints:
            if value.shape == grad_W.shape and np.allclose(grad_W, value, atol=1e-07) and (not np.allclose(grad_W, want_W, atol=1e-07)):
                raise AssertionError(message)
        ok = np.allclose(grad_W, want_W, atol=1e-07)
        if not ok:
            message = f'grad_W is wrong on {where}: it should be X.T @ (P - Y) / n, with P = softmax(X @ W + b) and Y = one_hot(y, k).'
            raise AssertionError(message)
        ok = grad_b.shape == (k,)
        if not ok:
            message = f"grad_b should have b's shape {(k,)}, one number per class; on {where} it has {grad_b.shape}. Average P - Y over the houses, axis=0."
            raise AssertionError(message)
        if np.allclose(grad_b, n * want_b, atol=1e-07) and n > 1:
            message = 'grad_b sums P - Y over the houses: it is the MEAN over the houses, (P - Y).mean(axis=0).'
            raise AssertionError(message)
        ok = np.allclose(grad_b, want_b, atol=1e-07)
        if not ok:
            message = f'grad_b is wrong on {where}: it should be the mean of P - Y over the houses, (P - Y).mean(axis=0).'
            raise AssertionError(message)
    if not callable(gradient_from_lesson05):
        message = f'gradient_from_lesson05 should be a function: def gradient_from_lesson05(X, y, W, b): ... (your lesson 05 softmax_gradient, renamed); it is {describe(gradient_from_lesson05)}.'
        raise AssertionError(message)
    for name, value, shape in [('X_check', X_check, (6, 2)), ('y_check', y_check, (6,)), ('W_check', W_check, (2, 3)), ('b_check', b_check, (3,))]:
        ok = isinstance(value, np.ndarray) and value.shape == shape
        if not ok:
            message = f'{name} (given) should be a NumPy array of shape {shape}; it is {describe(value)}: run the cell that makes the example again.'
            raise AssertionError(message)
    check(X_check, y_check, W_check, b_check, "the notebook's example")
    check(X_check, y_check, 1000 * W_check, b_check, 'the example with W_check * 1000 (logits in the thousands)')

@test_case(points=None, hidden=False)
def test_autograd_gradient_public(autograd_grad_W, autograd_grad_b, gradients_agree, gradient_from_lesson05, X_check, y_check, W_check, b_check):
    import warnings
    import numpy as np
    import torch
    import torch.nn.functional as F

    def describe(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        shape = getattr(value, 'shape', None)
        if shape is not None and (not callable(shape)):
            return f'a {type(value).__name__} of shape {tuple(shape)}'
        if isinstance(value, (str, int, float, type(None))):
            return repr(value)[:40]
        return f'a {type(value).__name__}'

    def as_numbers(value):
        if isinstance(value, torch.Tensor):
            value = value.detach().cpu().double().numpy()
        if value is None or value is ... or isinstance(value, str):
            return None
        try:
            return np.asarray(value, dtype=float)
        except (TypeError, ValueError, RuntimeError):
            return None

    def autograd(X, y, W, b, on_probabilities=False):
        """W.grad and b.grad of F.cross_entropy on X @ W + b (or, the mistake, on its softmax)."""
        W_t, b_t = (torch.tensor(W, requires_grad=True), torch.tensor(b, requires_grad=True))
        Z = torch.tensor(X) @ W_t + b_t
        F.cross_entropy(torch.softmax(Z, dim=1) if on_probabilities else Z, torch.tensor(y)).backward()
        return (W_t.grad.numpy(), b_t.grad.numpy())
    for name, value, shape in [('X_check', X_check, (6, 2)), ('y_check', y_check, (6,)), ('W_check', W_check, (2, 3)), ('b_check', b_check, (3,))]:
        ok = isinstance(value, np.ndarray) and value.shape == shape
        if not ok:
            message = f'{name} (given) should be a NumPy array of shape {shape}; it is {describe(value)}: run the cell that makes the example again.'
            raise AssertionError(message)
    X, y, W, b = (np.array(a) for a in (X_check, y_check, W_check, b_check))
    want, on_probs = (autograd(X, y, W, b), autograd(X, y, W, b, on_probabilities=True))
    for i, (name, value, p) in enumerate([('autograd_grad_W', autograd_grad_W, 'W'), ('autograd_grad_b', autograd_grad_b, 'b')]):
        if value is None:
            message = f'{name} is None: PyTorch leaves .grad as None on a tensor made without requires_grad=True, and before backward() has run. Make {p} with torch.tensor({p}_check, requires_grad=True), call backward(), then read {p}.grad.'
            raise AssertionError(message)
        got = as_numbers(value)
        ok = got is not None and isinstance(value, (torch.Tensor, np.ndarray))
        if not ok:
            message = f'{name} should be {p}.grad, the tensor autograd fills in; it is {describe(value)}.'
            raise AssertionError(message)
        if got.ndim == 2 and got.shape == want[i].shape[::-1]:
            message = f"{name} has shape {got.shape}, nn.Linear's layout (out_features, in_features): here W is lesson 05's (2, 3), so make W from W_check itself and keep its gradient as it is."
            raise AssertionError(message)
        ok = got.shape == want[i].shape
        if not ok:
            message = f'{name} should have the shape of {p}_check, {want[i].shape}; it has {got.shape}.'
            raise AssertionError(message)
        hints = [(2 * want[i], f'{name} is twice the gradient: backward() ran twice on the same {p}, and .grad ADDS each new gradient to the one already there. Make {p} and the loss afresh and call backward() once.'), (on_probs[i], f'{name} is the gradient of the cross-entropy of probabilities: F.cross_entropy applies softmax itself, so give it the logits X @ W + b, not their softmax.'), (len(y) * want[i], f"{name} is n times the gradient: F.cross_entropy's loss is the mean over the houses (leave reduction as it is)."), (np.array((W, b)[i], dtype=float), f'{name} holds {p} itself: the gradient is {p}.grad, filled in by backward().')]
        for other, message in hints:
            if np.allclose(got, other, atol=1e-06) and (not np.allclose(got, want[i], atol=1e-06)):
                raise AssertionError(message)
        ok = np.allclose(got, want[i], atol=1e-06)
        if not ok:
            message = f'{name} is not the gradient of F.cross_entropy(X @ W + b, y) on the example: make X, y, W and b tensors from X_check, y_check, W_check and b_check ({p} with requires_grad=True), call backward(), read {p}.grad.'
            raise AssertionError(message)
    ok = isinstance(gradients_agree, (bool, np.bool_))
    if not ok:
        message = f'gradients_agree should be True or False, what np.allclose(...) and np.allclose(...) give; it is {describe(gradients_agree)}.'
        raise AssertionError(message)
    ok = callable(gradient_from_lesson05)
    if not ok:
        message = 'gradients_agree compares gradient_from_lesson05 with autograd: write gradient_from_lesson05 first (the other check of this question says what it needs), then run the whole cell again.'
        raise AssertionError(message)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter('ignore')
            mine = gradient_from_lesson05(X.copy(), y.copy(), W.copy(), b.copy())
        mine_W, mine_b = (as_numbers(mine[0]), as_numbers(mine[1]))
        agree = all((m is not None and m.shape == w.shape and np.allclose(m, w, atol=1e-06) for m, w in zip((mine_W, mine_b), want)))
    except Exception:
        agree = False
    if not gradients_agree and agree:
        message = 'gradients_agree is False, yet your gradient_from_lesson05 and autograd agree on the example within 1e-6: compare them with np.allclose(..., atol=1e-6), for W and for b, not with == (the last digits differ by rounding).'
        raise AssertionError(message)
    if not gradients_agree:
        message = 'gradients_agree is False, and rightly so: your gradient_from_lesson05 does not match autograd on the example yet. Fix it (the other check of this question says how) and run the cell again.'
        raise AssertionError(message)
    ok = agree
    if not ok:
        message = 'gradients_agree is True, but your gradient_from_lesson05 does not match autograd on the example: compute gradients_agree from the two gradients with np.allclose, do not type it, and run the whole cell again after changing the function.'
        raise AssertionError(message)
