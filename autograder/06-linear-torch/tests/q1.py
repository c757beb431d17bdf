# Generated from source/06-linear-torch.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q1'
points = 3

@test_case(points=None, hidden=False)
def test_tensors(device, X_train_t, y_train_t, X_valid_t, y_valid_t):
    from pathlib import Path
    import numpy as np
    import pandas as pd
    import torch

    def shown(value):
        if value is ...:
            return 'still the blank ... (fill in your answer)'
        if value is None or isinstance(value, (bool, int, float, str)):
            return repr(value)[:60]
        return f'a {type(value).__name__}'
    machine = 'cuda' if torch.cuda.is_available() else 'cpu'
    kind = str(device).split(':')[0] if isinstance(device, (str, torch.device)) else None
    ok = kind in ('cpu', 'cuda')
    if not ok:
        message = f'device is {shown(device)}; it should be "cuda" or "cpu": "cuda" if torch.cuda.is_available() else "cpu".'
        raise AssertionError(message)
    ok = kind == machine
    if not ok:
        message = f'device is {str(device)!r} but {machine!r} is what this machine has: write "cuda" if torch.cuda.is_available() else "cpu", so the notebook runs with and without a GPU.'
        raise AssertionError(message)
    tensors = {'X_train_t': X_train_t, 'y_train_t': y_train_t, 'X_valid_t': X_valid_t, 'y_valid_t': y_valid_t}
    shapes = {'X_train_t': (2344, 3), 'y_train_t': (2344, 1), 'X_valid_t': (586, 3), 'y_valid_t': (586, 1)}
    for name, value in tensors.items():
        ok = isinstance(value, torch.Tensor)
        if not ok:
            message = f'{name} is {shown(value)}, not a tensor: torch.tensor(array, dtype=torch.float32, device=device).'
            raise AssertionError(message)
        if value.dtype == torch.float64:
            message = f"{name} is float64 (NumPy's default): nn.Linear's weights are float32 and the two cannot be mixed. Pass dtype=torch.float32."
            raise AssertionError(message)
        ok = value.dtype == torch.float32
        why = 'an integer type drops the decimals' if not value.dtype.is_floating_point else 'the dtype of nn.Linear'
        if not ok:
            message = f'{name} has dtype {value.dtype}; it should be torch.float32 ({why}).'
            raise AssertionError(message)
        shape, want = (tuple(value.shape), shapes[name])
        if name.startswith('y') and shape == (want[0],):
            message = f'{name} has shape {shape}: the model predicts shape (n, 1), and (n, 1) minus (n,) broadcasts into an (n, n) table, so the loss is wrong (nn.MSELoss warns about it; a loss written by hand says nothing). Use .reshape(-1, 1).'
            raise AssertionError(message)
        if shape == want[::-1]:
            message = f'{name} has shape {shape}, the transpose of {want}: one row per house.'
            raise AssertionError(message)
        ok = shape == want
        if not ok:
            message = f'{name} should have shape {want} (one row per house of that part of the split), not {shape}.'
            raise AssertionError(message)
        ok = value.device.type == kind
        if not ok:
            message = f'{name} is on {value.device.type} but device is {kind!r}: pass device=device (or call .to(device)).'
            raise AssertionError(message)
    paths = (Path('data/ames.csv'), Path('../data/ames.csv'), Path('../../data/ames.csv'))
    path = next((p for p in paths if p.exists()), None)
    if not path is not None:
        message = 'This check could not find data/ames.csv (a set-up problem, not your answer).'
        raise AssertionError(message)
    ames = pd.read_csv(path)
    X_raw = ames[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    price = ames['Sale_Price'].to_numpy(dtype=float) / 100000
    idx = np.random.RandomState(42).permutation(len(ames))
    n_valid = len(ames) - int(0.8 * len(ames))
    valid, train = (idx[:n_valid], idx[n_valid:])
    mean, std = (X_raw[train].mean(axis=0), X_raw[train].std(axis=0))
    rows = {'X_train_t': train, 'y_train_t': train, 'X_valid_t': valid, 'y_valid_t': valid}
    sources = {'X_train_t': 'X_train', 'y_train_t': 'y_train', 'X_valid_t': 'X_valid', 'y_valid_t': 'y_valid'}
    for name, value in tensors.items():
        got = value.detach().cpu().double().numpy()
        r = rows[name]
        if name.startswith('X'):
            want = (X_raw[r] - mean) / std
            causes = [(X_raw[r], 'these are the raw features, not standardized.'), ((X_raw[r] - X_raw[r].mean(axis=0)) / X_raw[r].std(axis=0), "it was standardized with its own rows' mean and std. Only the TRAINING rows' mean and std may be used (statistics of the validation rows are leakage); X_valid already is standardized so."), ((X_raw[r] - X_raw.mean(axis=0)) / X_raw.std(axis=0), "it was standardized with the mean and std of ALL rows, validation rows included (leakage): use the training rows' mean and std, as X_train and X_valid do."), ((X_raw[valid if r is train else train] - mean) / std, 'it holds the other part of the split.')]
        else:
            want = price[r]
            causes = [(price[valid if r is train else train], 'it holds the other part of the split.')]
        if np.allclose(got, want.reshape(got.shape), rtol=1e-06, atol=1e-06):
            continue
        if got.shape[0] == want.shape[0] and np.allclose(np.sort(got, axis=0), np.sort(want.reshape(got.shape), axis=0), rtol=1e-06, atol=1e-06):
            message = f'{name} holds the right numbers, but the houses are in another order: keep the rows in the order of {sources[name]}, so that row i of the features and row i of the targets are the same house.'
            raise AssertionError(message)
        why = next((text for other, text in causes if other.shape[0] == got.shape[0] and np.allclose(got, other.reshape(got.shape), rtol=1e-05, atol=1e-05)), '')
        message = f"{name} should hold the same numbers as {sources[name]} (from the given cell), house by house in the same order{(': ' + why if why else '.')}"
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_tensors_hold_the_split(device, X_train_t, y_train_t, X_valid_t, y_valid_t):
    from pathlib import Path
    import numpy as np
    import pandas as pd
    import torch
    paths = (Path('data/ames.csv'), Path('../data/ames.csv'), Path('../../data/ames.csv'))
    path = next((p for p in paths if p.exists()), None)
    if not path is not None:
        message = 'The grader could not find data/ames.csv (a set-up problem, not your answer).'
        raise AssertionError(message)
    ames = pd.read_csv(path)
    X_raw = ames[['Gr_Liv_Area', 'Longitude', 'Latitude']].to_numpy(dtype=float)
    price = ames['Sale_Price'].to_numpy(dtype=float) / 100000
    idx = np.random.RandomState(42).permutation(len(ames))
    n_valid = len(ames) - int(0.8 * len(ames))
    valid, train = (idx[:n_valid], idx[n_valid:])
    mean, std = (X_raw[train].mean(axis=0), X_raw[train].std(axis=0))
    expected = {'X_train_t': (X_train_t, (X_raw[train] - mean) / std), 'y_train_t': (y_train_t, price[train].reshape(-1, 1)), 'X_valid_t': (X_valid_t, (X_raw[valid] - mean) / std), 'y_valid_t': (y_valid_t, price[valid].reshape(-1, 1))}
    kind = str(device).split(':')[0] if isinstance(device, (str, torch.device)) else None
    if not kind in ('cpu', 'cuda'):
        message = 'device should be "cuda" or "cpu": "cuda" if torch.cuda.is_available() else "cpu".'
        raise AssertionError(message)
    for name, (value, want) in expected.items():
        ok = isinstance(value, torch.Tensor) and value.dtype == torch.float32 and (tuple(value.shape) == want.shape)
        if not ok:
            message = f'{name} should be a float32 tensor of shape {want.shape}.'
            raise AssertionError(message)
        ok = value.device.type == kind
        if not ok:
            message = f'{name} is on {value.device.type} but device is {kind!r}: pass device=device (or call .to(device)).'
            raise AssertionError(message)
        ok = np.allclose(value.detach().cpu().double().numpy(), want, rtol=1e-06, atol=1e-06)
        if not ok:
            message = f'{name} should hold the same numbers as the NumPy array it comes from, in the same order.'
            raise AssertionError(message)
