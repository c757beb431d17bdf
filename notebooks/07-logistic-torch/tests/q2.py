# Generated from source/07-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q2'
points = 4

@test_case(points=None, hidden=False)
def test_features_and_labels_public(feat_mean, feat_std, X_train, X_valid, y_train, y_valid, lonlat, train_idx, valid_idx, price_class):
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
    ok = isinstance(lonlat, np.ndarray) and lonlat.shape == (2930, 2)
    if not ok:
        message = "lonlat (given) should hold each house's longitude and latitude, shape (2930, 2): run the data cell again."
        raise AssertionError(message)
    ok = np.allclose(lonlat.mean(axis=0), [-93.6428969, 42.0344822], atol=1e-05)
    if not ok:
        message = f'lonlat was changed in place (its mean is now {np.round(lonlat.mean(axis=0), 3).tolist()}): `lonlat -= ...` rewrites the data for every later cell. Make new arrays, (lonlat[train_idx] - feat_mean) / feat_std, and run the data cell again.'
        raise AssertionError(message)
    for name, rows, n in [('train_idx', train_idx, 2344), ('valid_idx', valid_idx, 586)]:
        ok = isinstance(rows, np.ndarray) and rows.shape == (n,)
        if not ok:
            message = f'{name} (given) should hold {n} row numbers: run the data cell again.'
            raise AssertionError(message)
    mean, std = (as_numbers(feat_mean), as_numbers(feat_std))
    for name, value, array in [('feat_mean', feat_mean, mean), ('feat_std', feat_std, std)]:
        ok = array is not None and array.shape == (2,)
        if not ok:
            message = f'{name} should hold one number per feature (longitude, latitude), shape (2,); it is {describe(value)}. Use axis=0.'
            raise AssertionError(message)
    for rows, message in [(valid_idx, 'You are standardizing with validation statistics: compute feat_mean and feat_std from the training rows only (using the validation houses is leakage).'), (slice(None), 'You standardized with the statistics of the whole dataset, validation rows included (leakage): use the training rows only.')]:
        if np.allclose(mean, lonlat[rows].mean(axis=0), rtol=0, atol=2e-05):
            raise AssertionError(message)
    ok = np.allclose(mean, lonlat[train_idx].mean(axis=0), rtol=0, atol=2e-05)
    if not ok:
        message = 'feat_mean should be the mean of each feature over the training rows: lonlat[train_idx].mean(axis=0).'
        raise AssertionError(message)
    ok = np.allclose(std, lonlat[train_idx].std(axis=0), rtol=0.001)
    if not ok:
        message = 'feat_std should be the standard deviation of each feature over the training rows (np.std, axis=0).'
        raise AssertionError(message)
    for name, value, rows, label in [('X_train', X_train, train_idx, 'train_idx'), ('X_valid', X_valid, valid_idx, 'valid_idx')]:
        if not isinstance(value, torch.Tensor):
            message = f'{name} should be a torch tensor (torch.tensor(..., dtype=torch.float32)); it is {describe(value)}.'
            raise AssertionError(message)
        ok = tuple(value.shape) == (len(rows), 2)
        if not ok:
            message = f'{name} should have shape {(len(rows), 2)}: one row per house, one column per feature; it has {tuple(value.shape)}.'
            raise AssertionError(message)
        ok = value.dtype == torch.float32
        if not ok:
            message = f"{name} should be float32 (nn.Linear's weights are float32); it is {value.dtype}."
            raise AssertionError(message)
        got = value.detach().cpu().double().numpy()
        if np.allclose(got, lonlat[rows], atol=0.001):
            message = f'{name} is not standardized: subtract feat_mean and divide by feat_std.'
            raise AssertionError(message)
        ok = np.allclose(got, (lonlat[rows] - mean) / std, atol=0.002)
        if not ok:
            message = f'{name} should be (lonlat[{label}] - feat_mean) / feat_std: the rows {label}, in that order.'
            raise AssertionError(message)
    classes = as_numbers(price_class)
    ok = classes is not None and classes.shape == (2930,)
    if not ok:
        message = 'price_class (question 1) should hold one class per house before the labels can be checked.'
        raise AssertionError(message)
    for name, value, rows, label in [('y_train', y_train, train_idx, 'train_idx'), ('y_valid', y_valid, valid_idx, 'valid_idx')]:
        n = len(rows)
        if not isinstance(value, torch.Tensor):
            message = f'{name} should be a torch tensor; it is {describe(value)}.'
            raise AssertionError(message)
        if tuple(value.shape) == (n, 3):
            message = f"{name} is one-hot: PyTorch's cross-entropy wants one class index (0, 1 or 2) per house, shape ({n},)."
            raise AssertionError(message)
        ok = tuple(value.shape) == (n,)
        if not ok:
            message = f'{name} should hold one class index per house: shape ({n},); it has {tuple(value.shape)}.'
            raise AssertionError(message)
        ok = value.dtype == torch.long
        if not ok:
            message = f'{name} is {value.dtype}: class labels must be long class indices (dtype=torch.long), which is what F.cross_entropy expects.'
            raise AssertionError(message)
        ok = np.array_equal(value.detach().cpu().numpy(), classes[rows])
        if not ok:
            message = f'{name}: the price classes of the rows {label}, in that order.'
            raise AssertionError(message)
