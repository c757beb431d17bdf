# Generated from source/02-linear-numpy.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q10"
points = 3

@test_case(points=None, hidden=False)
def test_wrong_way_form(class_theta, class_pred_valid, wrong_way_accuracy):
    import numpy as np
    ok = class_theta is not None and class_theta is not ... and (np.size(class_theta) == 3)
    assert ok, 'class_theta should hold 3 numbers: a weight for longitude, one for latitude, and the intercept.'
    ok = class_pred_valid is not None and np.shape(class_pred_valid) == (586,)
    assert ok, 'class_pred_valid should hold one predicted class per validation house, shape (586,).'
    ok = wrong_way_accuracy is not None and wrong_way_accuracy is not ... and (np.size(wrong_way_accuracy) == 1)
    ok = ok and 0.0 <= float(np.ravel(wrong_way_accuracy)[0]) <= 1.0
    assert ok, 'wrong_way_accuracy should be a single number between 0 and 1.'

@test_case(points=None, hidden=True)
def test_wrong_way_values(class_theta, class_pred_valid, wrong_way_accuracy, df):
    import numpy as np
    raw = df[['Longitude', 'Latitude']].to_numpy(dtype=float)
    price = df['Sale_Price'].to_numpy(dtype=float) / 100000
    cls = np.digitize(price, np.quantile(price, [1 / 3, 2 / 3]))
    idx = np.random.RandomState(42).permutation(len(raw))
    tr, va = (idx[586:], idx[:586])
    mean, std = (raw[tr].mean(axis=0), raw[tr].std(axis=0))
    At = np.column_stack([(raw[tr] - mean) / std, np.ones(len(tr))])
    Av = np.column_stack([(raw[va] - mean) / std, np.ones(len(va))])
    theta = np.linalg.lstsq(At, cls[tr], rcond=None)[0]
    ok = np.allclose(np.asarray(class_theta, dtype=float).ravel(), theta, rtol=0.001, atol=0.0001)
    assert ok, 'class_theta should be lstsq on [lonlat_train, 1] against the training classes (class_train).'
    pred = np.asarray(class_pred_valid, dtype=float)
    if not np.allclose(pred, np.round(pred)):
        raise AssertionError('class_pred_valid holds fractions: round the scores to the nearest class with np.round.')
    want = np.clip(np.round(Av @ theta), 0, 2)
    ok = np.array_equal(pred, want)
    assert ok, 'class_pred_valid should be the rounded (and clipped to 0..2) prediction for each validation house.'
    got = float(np.ravel(wrong_way_accuracy)[0])
    train_acc = np.mean(np.clip(np.round(At @ theta), 0, 2) == cls[tr])
    if bool(np.isclose(got, train_acc)) and (not np.isclose(train_acc, np.mean(want == cls[va]))):
        raise AssertionError('wrong_way_accuracy was measured on the TRAINING houses: use the validation houses.')
    ok = bool(np.isclose(got, np.mean(want == cls[va])))
    assert ok, 'wrong_way_accuracy: the fraction of validation houses whose predicted class equals class_valid.'

