# Generated from source/01-warmup.ipynb by `python -m course build`. Edit the source, not this file.
from otter.test_files import test_case

OK_FORMAT = False

name = "q2"
points = 2

@test_case(points=None, hidden=False)
def test_demo_arrays(X_demo, W_demo, b_demo, logits_demo):
    import numpy as np
    for name, value in [('X_demo', X_demo), ('W_demo', W_demo), ('b_demo', b_demo), ('logits_demo', logits_demo)]:
        assert isinstance(value, np.ndarray), f'{name} should be a NumPy array (use rng.normal(size=...)).'

