"""Lesson 04: wrong answers that must lose points (with their message) and right ones that must not.

Derived question by question from tests/variants/CHECKLIST.md (the item numbers are in the comments).
Every test of this lesson takes its truth from data/ames.csv, read by the test itself, or from fresh
inputs it makes; the variants that rewrite `df`, `price` or `lonlat` show that this holds.

Accepted alternatives (said in the lesson text or decided here): booleans for `expensive`, loops
instead of vectorised code, np.mean vs sum / n, X.T @ r vs np.dot or (r @ X), scipy's expit or a
clipped 1 / (1 + exp(-z)) as the sigmoid (finite for every z, warnings aside), float32, plain Python
numbers, lists or tuples for history, a history recorded before or after each update, an accuracy
within half a step (1/586) of the true one, `>= 0.5` for `> 0.5`.
"""

from harness import Right, Wrong


def binary(
    init="w, b, history = np.zeros(X.shape[1]), 0.0, []",
    loop="range(steps)",
    record="history.append(bce(sigmoid(X @ w + b), t))",
    update="w, b = w - lr * grad_w, b - lr * grad_b",
    before="",
    ret="w, b, history",
):
    """A train_binary written like the answer key, with one part changed."""
    return f"""
def train_binary(X, t, lr, steps):
    {before or "pass"}
    {init}
    for _ in {loop}:
        {record}
        grad_w, grad_b = bce_gradient(X, t, w, b)
        {update}
    return {ret}
"""


def multi(
    init="W, b, history = np.zeros((X.shape[1], k)), np.zeros(k), []",
    loop="range(steps)",
    record="history.append(cross_entropy(softmax(X @ W + b), y))",
    update="W, b = W - lr * grad_W, b - lr * grad_b",
    before="",
    ret="W, b, history",
):
    """A train_softmax written like the answer key, with one part changed."""
    return f"""
def train_softmax(X, y, k, lr, steps):
    {before or "pass"}
    {init}
    for _ in {loop}:
        {record}
        grad_W, grad_b = softmax_gradient(X, y, W, b)
        {update}
    return {ret}
"""


def bgrad(body, r="sigmoid(X @ w + b) - t"):
    return f"def bce_gradient(X, t, w, b):\n    r = {r}\n    return {body}"


def sgrad(body, R="softmax(X @ W + b) - one_hot(y, W.shape[1])"):
    return f"def softmax_gradient(X, y, W, b):\n    R = {R}\n    return {body}"


def standardized(stats_rows):
    return (
        f"m, s = {stats_rows}.mean(axis=0), {stats_rows}.std(axis=0)\n"
        "X_train = (lonlat[train_idx] - m) / s\nX_valid = (lonlat[valid_idx] - m) / s"
    )


def run_binary(X, t):
    return f"w_bin, b_bin, history_bin = train_binary({X}, {t}, 0.5, 200)"


def run_soft(X, y):
    return f"W_soft, b_soft, history_soft = train_softmax({X}, {y}, 3, 1.0, 200)"


ALL_X, ALL_T, ALL_Y = (
    "np.vstack([X_train, X_valid])",
    "np.concatenate([t_train, t_valid])",
    "np.concatenate([y_train, y_valid])",
)
PROBS_VALID = "softmax(X_valid @ W_soft + b_soft)"

WRONG = [
    # ---- q1: labels and standardization (9 ties, 2 flipped, 6 wrong statistic, 15 leakage, 1 axis, 7 types, 16)
    Wrong(
        "q1", "expensive = (price < np.median(price)).astype(int)", "1 for the CHEAP houses", mistake="labels-flipped"
    ),
    Wrong(
        "q1", "expensive = (price <= np.median(price)).astype(int)", "1 for the CHEAP houses", mistake="labels-flipped"
    ),
    Wrong(
        "q1",
        "expensive = (price >= np.median(price)).astype(int)",
        "exactly at the median",
        mistake="median-counted-expensive",
    ),
    Wrong(
        "q1",
        "expensive = (price > price.mean()).astype(int)",
        "compares with the MEAN price",
        mistake="mean-not-median",
    ),
    Wrong(
        "q1",
        "expensive = (price > np.median(price)).astype(int)[train_idx]",
        "shape (2930,)",
        mistake="labels-wrong-shape",
    ),
    Wrong(
        "q1",
        "expensive = np.where(price > np.median(price), 'yes', 'no')",
        "should hold 0s and 1s",
        mistake="labels-not-numbers",
    ),
    Wrong(
        "q1",
        "expensive = (price > np.median(price)).astype(int) * 2",
        "only 0 (not expensive) and 1",
        mistake="labels-not-zero-one",
    ),
    Wrong(
        "q1",
        "expensive = np.digitize(price, np.quantile(price, [1 / 3, 2 / 3]))",
        "only 0 (not expensive) and 1",
        mistake="labels-not-zero-one",
    ),
    Wrong(
        "q1",
        "expensive = np.sort((price > np.median(price)).astype(int))",
        "in the rows' order",
        mistake="labels-not-price-above-median",
    ),
    Wrong("q1", "expensive = ...", "expensive is still blank", mistake="labels-blank"),
    Wrong(
        "q1",
        standardized("lonlat[valid_idx]"),
        "VALIDATION rows' statistics: that is leakage",
        mistake="standardized-with-validation-stats",
    ),
    Wrong(
        "q1",
        standardized("lonlat"),
        "ALL the houses, validation rows included: that is leakage",
        mistake="standardized-with-all-rows",
    ),
    Wrong(
        "q1",
        "X_valid = (lonlat[valid_idx] - lonlat[valid_idx].mean(axis=0)) / lonlat[valid_idx].std(axis=0)",
        "VALIDATION rows' statistics: that is leakage",
        mistake="standardized-with-validation-stats",
    ),
    Wrong("q1", "X_train = lonlat[train_idx]", "X_train is not standardized", mistake="not-standardized"),
    Wrong("q1", "X_valid = lonlat[valid_idx] - lon_mean", "only had the mean subtracted", mistake="std-not-divided"),
    Wrong(
        "q1",
        "m, s = lonlat[train_idx].mean(), lonlat[train_idx].std()\nX_train = (lonlat[train_idx] - m) / s",
        "one mean and std for both columns",
        mistake="stats-without-axis",
    ),
    Wrong(
        "q1", "X_train, X_valid = X_valid, X_train", "it should hold the training houses", mistake="train-valid-swapped"
    ),
    Wrong(
        "q1",
        "X_valid = (lonlat[valid_idx] - lon_mean) * lon_std",
        "standardized with the TRAINING mean and std",
        mistake="standardized-wrongly",
    ),
    Wrong("q1", "X_train = X_train.T", "should have shape (2344, 2)", mistake="features-transposed"),
    Wrong("q1", "X_valid = None", "X_valid is still blank", mistake="features-blank"),
    Wrong(  # issue 12: the notebook's table and arrays rewritten to match; the test reads the data itself
        "q1",
        "price = price * 0 + 1\nexpensive = (price > price.mean()).astype(int)",
        "expensive should be 1 where price > np.median(price)",
        mistake="labels-not-price-above-median",
    ),
    # ---- q2: sigmoid (10 overflow, 2 sign, 14 skipped division, 8 rounding, 12 in place, 11 arrays, 16)
    Wrong(
        "q2",
        "def sigmoid(z):\n    return np.exp(z) / (1 + np.exp(z))",
        "sigmoid of large scores gives nan or inf",
        mistake="overflow-on-large-scores",
    ),
    Wrong("q2", "def sigmoid(z):\n    return 1 / (1 + np.exp(z))", "gives sigmoid(-z)", mistake="sigmoid-of-minus-z"),
    Wrong(
        "q2",
        "def sigmoid(z):\n    return np.exp(-z) / (1 + np.exp(-z))",
        "gives sigmoid(-z)",
        mistake="sigmoid-of-minus-z",
    ),
    Wrong(  # issue 22: the two sides of np.where swapped were called a flipped sign; the message now names both
        "q2",
        "def sigmoid(z):\n    e = np.exp(-np.abs(z))\n    return np.where(z >= 0, e / (1 + e), 1 / (1 + e))",
        "or the two sides of np.where are swapped",
        mistake="sigmoid-of-minus-z",
    ),
    Wrong("q2", "def sigmoid(z):\n    return np.exp(z)", "returned exp(z)", mistake="no-division"),
    Wrong("q2", "def sigmoid(z):\n    return np.tanh(z)", "computed tanh", mistake="tanh-not-sigmoid"),
    Wrong(
        "q2",
        "def sigmoid(z):\n    return (z >= 0).astype(float)",
        "0/1 decisions",
        mistake="decisions-not-probabilities",
    ),
    Wrong(
        "q2", "def sigmoid(z):\n    return np.round(1 / (1 + np.exp(-z)), 2)", "rounded its results", mistake="rounded"
    ),
    Wrong(
        "q2",
        "def sigmoid(z):\n    z *= -1\n    return 1 / (1 + np.exp(z))",
        "changed its input array z in place",
        mistake="input-changed-in-place",
    ),
    Wrong(
        "q2",
        "import math\ndef sigmoid(z):\n    return 1 / (1 + math.exp(-z))",
        "raised TypeError",
        mistake="math-exp-on-array",
    ),
    Wrong(
        "q2",
        "def sigmoid(z):\n    if z >= 0:\n        return 1 / (1 + np.exp(-z))\n    return np.exp(z) / (1 + np.exp(z))",
        "cannot test a whole array: use np.where",
        mistake="if-on-array",
    ),
    Wrong(
        "q2",
        "def sigmoid(z):\n    z = np.clip(z, -20, 20)\n    return 1 / (1 + np.exp(-z))",
        "should be about [0, 9.4e-14, 1, 1]",
        mistake="clipped-too-tight",
    ),
    Wrong(
        "q2",
        "def sigmoid(z):\n    return np.array([0.1192, 0.5, 0.9526])",
        "rounded (or typed in)",
        mistake="typed-in-values",
    ),
    Wrong("q2", "def sigmoid(z):\n    1 / (1 + np.exp(-z))", "sigmoid returned None", mistake="no-return"),
    Wrong("q2", "def sigmoid(z):\n    return 1 / (1 + np.exp(-z[0]))", "shape (3,)", mistake="one-score-only"),
    Wrong(  # np.where with 1 / (1 + e) on both sides: right for z >= 0 only
        "q2",
        "def sigmoid(z):\n    e = np.exp(-np.abs(z))\n    return np.where(z >= 0, 1 / (1 + e), 1 / (1 + e))",
        "wrong only where z < 0",
        mistake="wrong-for-negative-scores",
    ),
    Wrong(  # the abs left out of e = np.exp(-np.abs(z))
        "q2",
        "def sigmoid(z):\n    e = np.exp(-z)\n    return np.where(z >= 0, 1 / (1 + e), e / (1 + e))",
        "wrong only where z < 0",
        mistake="wrong-for-negative-scores",
    ),
    Wrong(
        "q2",
        "def sigmoid(z):\n    e = np.exp(-np.abs(z))\n    return np.where(z >= 0, e / (1 + e), e / (1 + e))",
        "wrong only where z >= 0",
        mistake="wrong-for-positive-scores",
    ),
    Wrong("q2", "sigmoid = 0.5", "should be a function", mistake="not-a-function"),
    # ---- q3: bce and its gradient (2 sign, 3 log base, 6 normalisation, 4 transposition, 14 no sigmoid, 16)
    Wrong(
        "q3",
        "def bce(p, t):\n    return np.mean(t * np.log(p) + (1 - t) * np.log(1 - p))",
        "bce is negative",
        mistake="loss-sign-dropped",
    ),
    Wrong(
        "q3",
        "def bce(p, t):\n    return -np.mean(t * np.log10(p) + (1 - t) * np.log10(1 - p))",
        "used log10",
        mistake="log10",
    ),
    Wrong(
        "q3",
        "def bce(p, t):\n    return -np.mean(t * np.log2(p) + (1 - t) * np.log2(1 - p))",
        "used log2",
        mistake="log2",
    ),
    Wrong(
        "q3",
        "def bce(p, t):\n    return -np.sum(t * np.log(p) + (1 - t) * np.log(1 - p))",
        "summed over the houses",
        mistake="loss-summed",
    ),
    Wrong(
        "q3",
        "def bce(p, t):\n    return -np.mean(t * np.log(1 - p) + (1 - t) * np.log(p))",
        "swapped the two terms",
        mistake="loss-terms-swapped",
    ),
    Wrong(
        "q3",
        "def bce(p, t):\n    return -np.mean(t * np.log(p))",
        "left out the houses with t = 0",
        mistake="loss-misses-negatives",
    ),
    Wrong(
        "q3", "def bce(p, t):\n    return np.mean((p - t) ** 2)", "computed the MSE", mistake="mse-not-cross-entropy"
    ),
    Wrong(
        "q3",
        "def bce(p, t):\n    return -np.mean(p * np.log(t) + (1 - p) * np.log(1 - t))",
        "are p and t swapped",
        mistake="p-and-t-swapped",
    ),
    Wrong(
        "q3",
        "def bce(p, t):\n    return -(t * np.log(p) + (1 - t) * np.log(1 - p))",
        "should return one number",
        mistake="loss-not-averaged",
    ),
    Wrong("q3", "def bce(p, t):\n    return 0.4149", "the mean of -log 0.9", mistake="loss-typed-in"),
    Wrong("q3", "def bce(p, t):\n    raise NotImplementedError", "raised NotImplementedError", mistake="loss-raises"),
    Wrong(
        "q3",
        "def bce(p, t):\n    return -np.mean(t * np.log(p) + (1 - t) * np.log(1 - p)) / len(t)",
        "divided by n twice",
        mistake="loss-divided-twice",
    ),
    Wrong(
        "q3",
        bgrad("X.T @ (t - sigmoid(X @ w + b)) / len(t), float(np.mean(t - sigmoid(X @ w + b)))"),
        "wrong sign",
        mistake="gradient-sign-flipped",
    ),
    Wrong("q3", bgrad("X.T @ r, float(np.sum(r))"), "missing the / n", mistake="gradient-not-averaged"),
    Wrong(
        "q3", bgrad("X.T @ r / len(t), float(np.sum(r))"), "grad_b is the SUM of p - t", mistake="bias-gradient-summed"
    ),
    Wrong("q3", bgrad("X.T @ r, float(np.mean(r))"), "grad_w is missing the / n", mistake="weight-gradient-summed"),
    Wrong("q3", bgrad("2 * X.T @ r / len(t), 2 * float(np.mean(r))"), "has a factor 2", mistake="gradient-factor-2"),
    Wrong(
        "q3",
        bgrad("X.T @ r / len(t), float(np.mean(r))", r="X @ w + b - t"),
        "used the scores z = X @ w + b",
        mistake="gradient-without-sigmoid",
    ),
    Wrong(
        "q3",
        bgrad("X.T @ r / len(t), float(np.mean(r))", r="sigmoid(X @ w) - t"),
        "left b out of the scores",
        mistake="gradient-without-bias",
    ),
    Wrong(
        "q3",
        bgrad("X @ r / len(t), float(np.mean(r))"),
        "it only ran because X is square here",
        mistake="gradient-not-transposed",
    ),
    Wrong(
        "q3", bgrad("float(np.mean(r)), X.T @ r / len(t)"), "returned (grad_b, grad_w)", mistake="gradient-pair-swapped"
    ),
    Wrong(  # issue 22: a NameError was offered "(A shape error? ...)"
        "q3",
        bgrad("X.T @ r / len(t), float(np.mean(r))", r="sigmoid(X @ W + b) - t"),
        "a name the function does not know",
        mistake="gradient-unknown-name",
    ),
    Wrong(
        "q3",
        bgrad("np.mean(X * r[:, None], axis=1), float(np.mean(r))"),
        ", grad_w should be [",
        mistake="gradient-wrong-axis",
    ),
    Wrong("q3", bgrad("X.T @ r / len(t)"), "should return a pair", mistake="gradient-not-a-pair"),
    Wrong(
        "q3",
        "def bce_gradient(X, t, w, b):\n    r = sigmoid(X @ w + b) - t",
        "bce_gradient returned None",
        mistake="gradient-no-return",
    ),
    Wrong(
        "q3",
        "def bce_gradient(X, t, w, b):\n    t -= sigmoid(X @ w + b)\n    return -X.T @ t / len(t), -float(np.mean(t))",
        "changed X, t or w in place",
        mistake="gradient-input-changed-in-place",
    ),
    Wrong(  # the overflowing sigmoid inside the gradient: finite scores, but nan for very large ones
        "q3",
        "def bce_gradient(X, t, w, b):\n    z = X @ w + b\n    r = np.exp(z) / (1 + np.exp(z)) - t\n"
        "    return X.T @ r / len(t), float(np.mean(r))",
        "nan or inf for large scores",
        public="the public examples use moderate scores; only the hidden check tries w scaled by 1000",
        mistake="gradient-overflows",
    ),
    Wrong(
        "q3",
        "def bce_gradient(X, t, w, b):\n    r = sigmoid(X @ w + b) - t\n    return X.T @ r / 3, float(np.mean(r))",
        "grad_w is wrong on X of shape",
        public="the public examples both have 3 houses, where / 3 and / n agree; the hidden check has other sizes",
        mistake="gradient-hard-coded-n",
    ),
    # ---- q4: train_binary (2 sign, 5 off by one, 12 in place, 14 skipped bias, 13 globals, 16)
    Wrong(
        "q4", binary(update="w, b = w + lr * grad_w, b + lr * grad_b"), "The loss goes UP", mistake="gradient-ascent"
    ),
    Wrong(
        "q4",
        binary(init="w, b, history = np.ones(X.shape[1]), 1.0, []"),
        "should start from zeros",
        mistake="not-from-zeros",
    ),
    Wrong("q4", binary(loop="range(steps - 1)"), "updates where it was asked for", mistake="wrong-number-of-updates"),
    Wrong("q4", binary(loop="range(steps + 1)"), "updates where it was asked for", mistake="wrong-number-of-updates"),
    Wrong("q4", binary(loop="range(200)"), "updates where it was asked for", mistake="wrong-number-of-updates"),
    Wrong(  # issue 22: stopping once the loss hardly changes passed; the third public example runs 100 steps
        "q4",
        binary(
            record="history.append(bce(sigmoid(X @ w + b), t))\n"
            "        if len(history) > 1 and history[-2] - history[-1] < 1e-4:\n            break"
        ),
        "updates where it was asked for",
        mistake="wrong-number-of-updates",
    ),
    Wrong(  # the same with a tolerance the public example cannot reach: the count of losses names it
        "q4",
        binary(
            record="history.append(bce(sigmoid(X @ w + b), t))\n"
            "        if len(history) > 1 and history[-2] - history[-1] < 1e-13:\n            break"
        ),
        "did the loop stop early?",
        mistake="stopped-early",
    ),
    Wrong(  # issue 22: the accuracy recorded in place of the loss rises, and was told to SUBTRACT
        "q4",
        binary(record="history.append(np.mean((sigmoid(X @ w + b) > 0.5) == t))"),
        "(an accuracy?), not the loss",
        mistake="history-holds-accuracy",
    ),
    Wrong(
        "q4",
        binary(update="w, b = w - 0.5 * grad_w, b - 0.5 * grad_b"),
        "where it was given lr = 0.2: use its argument lr",
        mistake="lr-hard-coded",
    ),
    Wrong("q4", binary(update="w = w - lr * grad_w"), "b never changes", mistake="bias-not-updated"),
    Wrong(
        "q4",
        binary(update="w, b = -lr * grad_w, -lr * grad_b"),
        "ends at the wrong w and b",
        mistake="update-not-a-step",
    ),
    Wrong(
        "q4",
        binary(record="history.append(bce(X @ w + b, t))"),
        "training loss bce(sigmoid(X @ w + b), t)",
        mistake="history-not-the-loss",
    ),
    Wrong(
        "q4",
        binary(record="history.append(bce(sigmoid(X @ w + b), t) / np.log(10))"),
        "history holds the loss in log10",
        mistake="history-in-log10",
    ),
    Wrong(
        "q4",
        binary(before="X *= 1.0; t *= 1.0; t[0] = 1 - t[0]"),
        "changed X or t in place",
        mistake="input-changed-in-place",
    ),
    Wrong(
        "q4",
        binary().replace("bce_gradient(X, t, w, b)", "bce_gradient(X_train, t_train, w, b)"),
        "like the training houses, met this X",
        mistake="uses-globals",
    ),
    Wrong("q4", binary(ret="w, b"), "return three things", mistake="not-three-results"),
    Wrong(
        "q4", "def train_binary(X, t, lr, steps):\n    w = np.zeros(X.shape[1])", "returned None", mistake="no-return"
    ),
    Wrong(
        "q4",
        binary(init="w, b, history = np.zeros(len(X)), 0.0, []"),
        "does w hold one weight per column of X",
        mistake="weights-one-per-row",
    ),
    Wrong(
        "q4",
        binary(init="w, b, history = np.zeros(X.shape[1], 0.0), 0.0, []"),
        "np.zeros takes the shape first",
        mistake="zeros-arguments",
    ),
    Wrong("q4", binary(update="b = b - lr * grad_b"), "w never changes", mistake="weights-not-updated"),
    Wrong(
        "q4",
        binary(record="history = bce(sigmoid(X @ w + b), t)"),
        "start it as a list, history = [], and append one loss per step",
        mistake="history-overwritten",
    ),
    Wrong(
        "q4",
        binary(update="w, b = w - lr * grad_w, b - lr * grad_b\n        return w, b, history"),
        "is `return` indented inside the for loop",
        mistake="return-inside-loop",
    ),
    Wrong("q4", "train_binary = None", "should be a function", mistake="not-a-function"),
    # ---- q5: training run and accuracies (15 leakage / wrong rows, 9 threshold, 8 percentage, 16)
    Wrong(
        "q5",
        run_binary("X_valid", "t_valid"),
        "trained on the VALIDATION houses: that is leakage",
        mistake="trained-on-validation",
    ),
    Wrong(
        "q5",
        run_binary(ALL_X, ALL_T),
        "trained on ALL the houses, validation rows included: that is leakage",
        mistake="trained-on-all-rows",
    ),
    Wrong(
        "q5",
        "w_bin, b_bin, history_bin = train_binary(X_train, t_train, 0.5, 5)",
        "one finite loss per step (200 steps)",
        mistake="history-wrong-length",
    ),
    Wrong(
        "q5", "w_bin, b_bin = w_bin[::-1], b_bin", "should come from train_binary", mistake="weights-not-from-training"
    ),
    Wrong("q5", "history_bin = history_bin[:100]", "one finite loss per step", mistake="history-wrong-length"),
    Wrong(
        "q5",
        "binary_valid_acc = float(np.mean((sigmoid(X_train @ w_bin + b_bin) > 0.5) == t_train))",
        "measured on the TRAINING houses",
        mistake="accuracy-on-training",
    ),
    Wrong(
        "q5",
        "binary_valid_acc = float(np.mean((sigmoid(X_valid @ w_bin + b_bin) > 0.5) != t_valid))",
        "is the error rate",
        mistake="error-rate-not-accuracy",
    ),
    Wrong(
        "q5",
        "binary_valid_acc = float(np.mean((sigmoid(X_valid @ w_bin + b_bin) > 0) == t_valid))",
        "a probability is always above 0",
        mistake="probability-above-zero",
    ),
    Wrong(
        "q5",
        "binary_valid_acc = 100 * binary_valid_acc",
        "looks like a percentage: give the fraction, between 0 and 1",
        mistake="accuracy-percentage",
    ),
    Wrong(
        "q5",
        "binary_valid_acc = float(np.sum((sigmoid(X_valid @ w_bin + b_bin) > 0.5) == t_valid))",
        "a fraction between 0 and 1 (a count divided by 586)",
        mistake="accuracy-count",
    ),
    Wrong("q5", "binary_valid_acc = 0.7", "the fraction of validation houses where", mistake="accuracy-typed-in"),
    Wrong(
        "q5",
        "majority_acc = float(np.mean(t_valid == np.bincount(t_valid).argmax()))",
        "majority class of the VALIDATION houses",
        mistake="majority-from-validation",
    ),
    Wrong(
        "q5",
        "majority_acc = float(np.mean(t_train == np.bincount(t_train).argmax()))",
        "majority_acc was measured on the TRAINING houses",
        mistake="majority-on-training",
    ),
    Wrong("q5", "majority_acc = 0.5", "most common label of t_train", mistake="majority-typed-in"),
    Wrong(  # issue 22: the score thresholded at 0.5 gives the same accuracy here by coincidence (70 of 140 flips)
        "q5",
        "valid_pred = (X_valid @ w_bin + b_bin > 0.5).astype(int)\nbinary_valid_acc = float(np.mean(valid_pred == t_valid))",
        "compares the SCORE X_valid @ w_bin + b_bin with 0.5",
        mistake="score-thresholded-at-half",
    ),
    Wrong(
        "q5",
        "valid_pred = sigmoid(X_valid @ w_bin + b_bin)",
        "valid_pred should hold 0s and 1s",
        mistake="pred-not-zero-one",
    ),
    Wrong(
        "q5",
        "valid_pred = (sigmoid(X_train @ w_bin + b_bin) > 0.5).astype(int)",
        "one per training house",
        mistake="pred-on-training",
    ),
    Wrong(
        "q5",
        "valid_pred = (sigmoid(X_valid @ w_bin + b_bin) < 0.5).astype(int)",
        "the houses the model finds CHEAP",
        mistake="pred-flipped",
    ),
    Wrong(
        "q5",
        "valid_pred = np.sort((sigmoid(X_valid @ w_bin + b_bin) > 0.5).astype(int))",
        "in order",
        mistake="pred-reordered",
    ),
    Wrong("q5", "valid_pred = ...", "valid_pred is still blank", mistake="pred-blank"),
    Wrong("q5", "majority_acc = ...", "majority_acc is still blank", mistake="majority-blank"),
    Wrong(
        "q5", "binary_valid_acc = 'about 0.71'", "binary_valid_acc should hold numbers", mistake="accuracy-not-a-number"
    ),
    # ---- q6: the loss from scores (10 overflow and capped values, 14 skipped step: through the sigmoid, 2 sign,
    #      9 labels swapped, 6 normalisation, 3 log base, 11 one number, 12 in place, 13 typed in, 16)
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return float(np.mean(t * np.log(1 + np.exp(-z)) + (1 - t) * np.log(1 + np.exp(z))))",
        "np.exp(1000) overflows to inf",
        mistake="exp-overflows",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return float(np.mean(np.log(1 + np.exp(z)) - t * z))",
        "np.exp(1000) overflows to inf",
        mistake="exp-overflows",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return bce(sigmoid(z), t)",
        "sigmoid(40) rounds to exactly 1.0",
        mistake="through-sigmoid",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    p = np.clip(sigmoid(z), 1e-15, 1 - 1e-15)\n    return bce(p, t)",
        "Clipping p or z caps the loss",
        mistake="capped-at-large-scores",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    z = np.clip(z, -500, 500)\n    return float(np.mean(t * np.log(1 + np.exp(-z)) + (1 - t) * np.log(1 + np.exp(z))))",
        "Clipping p or z caps the loss",
        mistake="capped-at-large-scores",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return float(np.mean(t * np.logaddexp(0, z) + (1 - t) * np.logaddexp(0, -z)))",
        "the loss of the opposite labels",
        mistake="labels-swapped",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return float(np.mean(-t * np.logaddexp(0, -z) - (1 - t) * np.logaddexp(0, z)))",
        "is negative: the loss is MINUS the logs",
        mistake="sign-dropped",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return float(np.sum(t * np.logaddexp(0, -z) + (1 - t) * np.logaddexp(0, z)))",
        "summed over the houses",
        mistake="summed",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return float(np.mean(t * np.logaddexp(0, -z) + (1 - t) * np.logaddexp(0, z))) / np.log(10)",
        "used log10",
        mistake="log10",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return float(np.mean(t * np.logaddexp2(0, -z / np.log(2)) + (1 - t) * np.logaddexp2(0, z / np.log(2))))",
        "used log2",
        mistake="log2",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return t * np.logaddexp(0, -z) + (1 - t) * np.logaddexp(0, z)",
        "returned one loss per house",
        mistake="not-averaged",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    z[z > 30] = 30.0\n    return float(np.mean(t * np.logaddexp(0, -z) + (1 - t) * np.logaddexp(0, z)))",
        "changed z or t in place",
        mistake="input-changed-in-place",
    ),
    Wrong(
        "q6", "def bce_from_scores(z, t):\n    return 0.2165", "gives a rounded number (typed in?)", mistake="typed-in"
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return 0.21653078226560707",
        "gives the same number as before",
        mistake="typed-in-every-digit",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    return float(np.mean(np.logaddexp(0, z)))",
        "the mean of t * log(1 + e^(-z)) + (1 - t) * log(1 + e^z)",
        mistake="wrong-formula",
    ),
    Wrong(
        "q6",
        "import math\ndef bce_from_scores(z, t):\n    return math.log(1 + math.exp(z))",
        "raised TypeError",
        mistake="raises",
    ),
    Wrong(
        "q6",
        "def bce_from_scores(z, t):\n    np.mean(np.logaddexp(0, z) - t * z)",
        "bce_from_scores returned None",
        mistake="no-return",
    ),
    Wrong("q6", "bce_from_scores = 0.2165", "should be a function", mistake="not-a-function"),
]

RIGHT = [
    # q1
    Right(
        "q1",
        "expensive = price > np.median(price)\n"
        "stats = pd.DataFrame(lonlat[train_idx]).agg(['mean', 'std']).to_numpy()\n"
        "X_train = (lonlat[train_idx] - stats[0]) / stats[1]\nX_valid = (lonlat[valid_idx] - stats[0]) / stats[1]",
        "booleans, pandas statistics (std with ddof=1)",
    ),
    Right(
        "q1",
        "expensive = [int(p > np.median(price)) for p in price]\n"
        "X_train = ((lonlat[train_idx] - lon_mean) / lon_std).astype(np.float32)",
        "a list of Python integers, float32 features",
    ),
    Right(
        "q1",
        "expensive = (df['Sale_Price'] > df['Sale_Price'].median()).astype(int)\n"
        "X_train = (lonlat[train_idx] - lonlat[train_idx].mean(0)) / np.sqrt(lonlat[train_idx].var(0))",
        "a pandas Series for expensive, the std as the root of the variance",
    ),
    # q2
    Right("q2", "from scipy.special import expit\ndef sigmoid(z):\n    return expit(z)", "scipy's expit"),
    Right(
        "q2",
        "def sigmoid(z):\n    z = np.clip(z, -500, 500)\n    return 1 / (1 + np.exp(-z))",
        "clipped at |z| = 500 (exp(500) is finite)",
    ),
    Right(
        "q2",
        "def sigmoid(z):\n    with np.errstate(over='ignore'):\n        return 1 / (1 + np.exp(-np.asarray(z, dtype=float)))",
        "the plain formula: 1 / (1 + inf) = 0 is finite, the warning silenced",
    ),
    Right("q2", "def sigmoid(z):\n    return 0.5 * (1 + np.tanh(z / 2))", "the tanh form"),
    Right(
        "q2",
        "def sigmoid(z):\n    return np.where(z >= 0, 1 / (1 + np.exp(-z)), np.exp(z) / (1 + np.exp(z)))",
        "np.where of the two plain formulas: both are computed (overflow warnings), the finite one is kept",
    ),
    # q3
    Right(
        "q3",
        "def bce(p, t):\n    return sum(-np.log(pi) if ti == 1 else -np.log(1 - pi) for pi, ti in zip(p, t)) / len(t)\n"
        "def bce_gradient(X, t, w, b):\n    r = sigmoid(np.dot(X, w) + b) - t\n    return r @ X / len(t), r.sum() / len(t)",
        "a loop for the loss, r @ X for the gradient",
    ),
    Right(
        "q3",
        "def bce(p, t):\n    return np.float32(-np.mean(np.where(t == 1, np.log(p), np.log1p(-p))))\n"
        "def bce_gradient(X, t, w, b):\n    p = sigmoid(X @ w + b)\n"
        "    return [np.mean((p - t) * X[:, j]) for j in range(X.shape[1])], np.mean(p - t)",
        "np.where and log1p, a float32 loss, a list gradient",
    ),
    # q4
    Right(
        "q4",
        "def train_binary(X, t, lr, steps):\n    w = np.zeros(X.shape[1]); b = 0; history = np.zeros(steps)\n"
        "    for i in range(steps):\n        gw, gb = bce_gradient(X, t, w, b)\n        w -= lr * gw\n        b -= lr * gb\n"
        "        history[i] = bce(sigmoid(X @ w + b), t)\n    return w, b, history",
        "history after each step, an array, in-place updates of w",
    ),
    Right(
        "q4",
        "def train_binary(X, t, lr, steps):\n    w, b, history, step = np.zeros(X.shape[1]), 0.0, [], 0\n"
        "    while step < steps:\n        p = sigmoid(X @ w + b)\n        history.append(bce(p, t))\n"
        "        w, b = w - lr * X.T @ (p - t) / len(t), b - lr * np.mean(p - t)\n        step += 1\n"
        "    return w, b, tuple(history)",
        "a while loop, the gradient written inline, a tuple history",
    ),
    # q5
    Right(
        "q5",
        "binary_valid_acc = np.mean((X_valid @ w_bin + b_bin >= 0) == t_valid)\n"
        "majority_acc = np.mean(t_valid == int(np.mean(t_train) > 0.5))",
        "the score compared with 0, a NumPy float, the majority by the mean",
    ),
    Right(
        "q5",
        "binary_valid_acc = round(binary_valid_acc, 3)\nmajority_acc = round(majority_acc, 3)",
        "rounded within 1/586",
    ),
    Right(
        "q5",
        "binary_valid_acc = (np.round(sigmoid(X_valid @ w_bin + b_bin)) == t_valid).mean()\n"
        "majority_acc = np.mean(t_valid == (t_train.sum() > len(t_train) / 2))",
        "np.round of the probabilities, the majority as a boolean",
    ),
    Right(
        "q5",
        "valid_pred = X_valid @ w_bin + b_bin > 0\nbinary_valid_acc = np.mean(valid_pred == t_valid)",
        "booleans from the score compared with 0",
    ),
    Right("q5", "valid_pred = [int(p > 0.5) for p in sigmoid(X_valid @ w_bin + b_bin)]", "a list of Python integers"),
    # q6
    Right(
        "q6",
        "def bce_from_scores(z, t):\n    return np.mean(np.logaddexp(0, z) - t * z)",
        "log(1 + e^z) - t z, the two terms folded into one",
    ),
    Right(
        "q6",
        "def bce_from_scores(z, t):\n    return float(np.mean(np.maximum(z, 0) - t * z + np.log1p(np.exp(-np.abs(z)))))",
        "the max form with log1p",
    ),
    Right(
        "q6",
        "from scipy.special import log_expit\ndef bce_from_scores(z, t):\n    return -np.mean(t * log_expit(z) + (1 - t) * log_expit(-z))",
        "scipy's log_expit",
    ),
    Right(
        "q6",
        "import torch\ndef bce_from_scores(z, t):\n    zt, tt = (torch.as_tensor(np.asarray(a, dtype=float)) for a in (z, t))\n    return torch.nn.functional.binary_cross_entropy_with_logits(zt, tt).item()",
        "PyTorch's binary_cross_entropy_with_logits",
    ),
    Right(
        "q6",
        "import math\ndef bce_from_scores(z, t):\n    total = 0.0\n    for zi, ti in zip(z, t):\n        total += max(zi, 0) - ti * zi + math.log1p(math.exp(-abs(zi)))\n    return total / len(z)",
        "a loop over the houses with math",
    ),
    Right(
        "q6",
        "def bce_from_scores(z, t):\n    return np.float32(np.mean(np.where(t == 1, np.logaddexp(0, -z), np.logaddexp(0, z))))",
        "np.where on the label, a float32 result",
    ),
]
