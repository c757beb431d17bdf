# Generated from source/04-logistic-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 4

@test_case(points=None, hidden=False)
def test_tensors_form(X_train, X_valid, y_train, y_valid):
    import torch
    for name, value, shape in [('X_train', X_train, (2344, 2)), ('X_valid', X_valid, (586, 2))]:
        assert isinstance(value, torch.Tensor), f'{name} should be a torch tensor (torch.tensor(..., dtype=torch.float32)).'
        ok = tuple(value.shape) == shape
        assert ok, f'{name} should have shape {shape}: one row per house, one column per feature.'
        ok = value.dtype == torch.float32
        assert ok, f"{name} should be float32 (nn.Linear's weights are float32); it is {value.dtype}."
    for name, value, n in [('y_train', y_train, 2344), ('y_valid', y_valid, 586)]:
        assert isinstance(value, torch.Tensor), f'{name} should be a torch tensor.'
        if tuple(value.shape) == (n, 3):
            raise AssertionError(f"{name} is one-hot: PyTorch's cross-entropy wants one class index (0, 1 or 2) per house, shape ({n},).")
        ok = tuple(value.shape) == (n,)
        assert ok, f'{name} should hold one class index per house: shape ({n},).'
        ok = value.dtype == torch.long
        assert ok, f'{name} is {value.dtype}: class labels must be long class indices (dtype=torch.long), which is what F.cross_entropy expects.'

@test_case(points=None, hidden=True)
def test_standardized_with_training_statistics(feat_mean, feat_std, X_train, X_valid, lonlat, train_idx, valid_idx):
    import numpy as np
    Xt = X_train.detach().cpu().double().numpy()
    Xv = X_valid.detach().cpu().double().numpy()
    mean, std = (lonlat[train_idx].mean(axis=0), lonlat[train_idx].std(axis=0))
    for stats_rows, message in [(valid_idx, 'You are standardizing with validation statistics: compute the mean and std from the training rows only.'), (slice(None), 'You standardized with the statistics of the whole dataset: use the training rows only.')]:
        m, s = (lonlat[stats_rows].mean(axis=0), lonlat[stats_rows].std(axis=0))
        if np.allclose(Xt, (lonlat[train_idx] - m) / s, atol=0.002):
            raise AssertionError(message)
    ok = np.allclose(np.asarray(feat_mean, dtype=float), mean, rtol=0.0001) and np.allclose(np.asarray(feat_std, dtype=float), std, rtol=0.001)
    assert ok, 'feat_mean and feat_std: the mean and std (np.std, ddof=0) of each feature over the training rows.'
    if np.allclose(Xt, lonlat[train_idx], atol=0.001):
        raise AssertionError('X_train is not standardized: subtract feat_mean and divide by feat_std.')
    ok = np.allclose(Xt, (lonlat[train_idx] - mean) / std, atol=0.002)
    assert ok, 'X_train: (lonlat - feat_mean) / feat_std for the rows train_idx, in that order.'
    ok = np.allclose(Xv, (lonlat[valid_idx] - mean) / std, atol=0.002)
    assert ok, 'X_valid: the validation rows, standardized with the TRAINING mean and std.'

@test_case(points=None, hidden=True)
def test_label_tensors(y_train, y_valid, price, train_idx, valid_idx):
    import numpy as np
    cls = np.digitize(price, np.quantile(price, [1 / 3, 2 / 3]))
    ok = np.array_equal(y_train.detach().cpu().numpy(), cls[train_idx])
    assert ok, 'y_train: the price classes of the rows train_idx, in that order.'
    ok = np.array_equal(y_valid.detach().cpu().numpy(), cls[valid_idx])
    assert ok, 'y_valid: the price classes of the rows valid_idx, in that order.'

