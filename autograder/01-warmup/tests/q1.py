# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case
OK_FORMAT = False
name = 'q1'
points = 4

@test_case(points=None, hidden=False)
def test_shapes_are_tuples(X_shape, W_shape, b_shape, logits_shape):
    import numbers
    answers = {'X_shape': X_shape, 'W_shape': W_shape, 'b_shape': b_shape, 'logits_shape': logits_shape}
    for name, value in answers.items():
        if value is ... or value is None:
            message = f'{name} is still blank: write it as a tuple of integers, such as (5, 7).'
            raise AssertionError(message)
        if isinstance(value, str):
            message = f'{name} is the text {value[:20]!r}: write the tuple itself, without quotes.'
            raise AssertionError(message)
        if isinstance(value, numbers.Integral) and (not isinstance(value, bool)):
            message = f'{name} is the number {value}, not a tuple: in Python (3) is just 3, so a 1-D shape needs a trailing comma, like ({value},).'
            raise AssertionError(message)
        ok = isinstance(value, (tuple, list)) and all((isinstance(d, numbers.Integral) and (not isinstance(d, bool)) for d in value))
        shown = repr(value)[:40] if isinstance(value, (tuple, list, float)) else f'a {type(value).__name__}'
        if not ok:
            message = f'{name} should be a tuple of integers such as (5, 7), not {shown}.'.replace('\n', ' ')
            raise AssertionError(message)

@test_case(points=None, hidden=False)
def test_shapes_follow_the_text(X_shape, W_shape, b_shape, logits_shape):
    import numbers
    answers = {'X_shape': X_shape, 'W_shape': W_shape, 'b_shape': b_shape, 'logits_shape': logits_shape}
    shapes = {}
    for name, value in answers.items():
        ok = isinstance(value, (tuple, list)) and all((isinstance(d, numbers.Integral) for d in value))
        if not ok:
            message = f'{name} is not a tuple of integers yet (see the message above), so it cannot be checked.'
            raise AssertionError(message)
        shapes[name] = tuple((int(d) for d in value))
    X, W, b, logits = shapes.values()
    problems = []
    if X == (2, 100):
        problems.append('X_shape is transposed: X has one row per house and one column per feature.')
    elif X != (100, 2):
        problems.append('X_shape: how many houses (rows) and how many features (columns) are there?')
    if W == (3, 2):
        problems.append('W_shape is transposed: X @ W needs W to have as many rows as X has columns (features), and one column per class.')
    elif W != (2, 3):
        problems.append('W_shape: W maps the features of one house to one score per class.')
    if b == (1, 3):
        problems.append('b_shape (1, 3) would broadcast too (the same row added to every house), but here the bias is one number per class in a 1-D array, as in the table above.')
    elif b in [(100, 3), (100,), (100, 1), (2,)]:
        problems.append(f'b_shape {b} is not what we want: the bias is one number per class, shared by every house. Broadcasting adds it to each row of X @ W, so it is 1-D.')
    elif b != (3,):
        problems.append('b_shape: the bias holds one number per class (and is 1-D).')
    if logits == (3, 100):
        problems.append('logits_shape is transposed: one row per house, one column per class.')
    elif logits == (100,):
        problems.append('logits_shape (100,) is one number per house, as in regression: a classifier gives every house one score per class.')
    elif logits != (100, 3):
        problems.append('logits_shape: X @ W + b gives one score per class for every house.')
    if not not problems:
        message = ' '.join(problems)
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_X_shape(X_shape):
    shape = tuple(X_shape) if isinstance(X_shape, (tuple, list)) else None
    if shape == (2, 100):
        message = 'X_shape is transposed: X has one row per house and one column per feature.'
        raise AssertionError(message)
    ok = shape == (100, 2)
    if not ok:
        message = 'X_shape: how many houses (rows) and how many features (columns) are there?'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_W_shape(W_shape):
    shape = tuple(W_shape) if isinstance(W_shape, (tuple, list)) else None
    if shape == (3, 2):
        message = 'W_shape is transposed: X @ W needs W to have as many rows as X has columns (features), and one column per class.'
        raise AssertionError(message)
    ok = shape == (2, 3)
    if not ok:
        message = 'W_shape: W maps the features of one house to one score per class.'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_b_shape(b_shape):
    shape = tuple(b_shape) if isinstance(b_shape, (tuple, list)) else None
    if shape == (1, 3):
        message = 'b_shape (1, 3) would broadcast too (the same row added to every house), but here the bias is one number per class in a 1-D array, as in the table above.'
        raise AssertionError(message)
    if shape in [(100, 3), (100,), (100, 1), (2,)]:
        message = f'b_shape {shape} is not what we want: the bias is one number per class, shared by every house. Broadcasting adds it to each row of X @ W, so it is 1-D.'
        raise AssertionError(message)
    ok = shape == (3,)
    if not ok:
        message = 'b_shape: the bias holds one number per class (and is 1-D).'
        raise AssertionError(message)

@test_case(points=None, hidden=True)
def test_logits_shape(logits_shape):
    shape = tuple(logits_shape) if isinstance(logits_shape, (tuple, list)) else None
    if shape == (3, 100):
        message = 'logits_shape is transposed: one row per house, one column per class.'
        raise AssertionError(message)
    ok = shape == (100, 3)
    if not ok:
        message = 'logits_shape: X @ W + b gives one score per class for every house.'
        raise AssertionError(message)
