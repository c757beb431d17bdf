"""Lesson 05: wrong answers that must lose points (with their message) and right ones that must not.

Derived question by question from tests/variants/CHECKLIST.md (the item numbers are in the comments).
Every test of this lesson takes its truth from data/ames.csv, read by the test itself, or from fresh
inputs it makes; the variants that rewrite `df`, `price` or `lonlat` show that this holds.

Accepted alternatives (said in the lesson text or decided here): loops instead of vectorised code,
np.mean vs sum / n, X.T @ R vs np.dot, float32, plain Python numbers, lists or tuples for history, a
history recorded before or after each update, logsumexp forms of the cross-entropy, one-hot built
with np.eye or by hand, an accuracy within half a step (1/586) of the true one.
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


def lse(
    body="float(np.mean(m[:, 0] + np.log(np.exp(Z - m).sum(axis=1)) - Z[np.arange(len(y)), y]))",
    m="Z.max(axis=1, keepdims=True)",
    before="",
):
    """A cross_entropy_from_logits written like the answer key, with one part changed."""
    return f"def cross_entropy_from_logits(Z, y):\n    {before or 'pass'}\n    m = {m}\n    return {body}"


def loop(
    d="(P[i, j] - (1.0 if j == y[i] else 0.0)) / n",
    P="softmax(X @ W + b)",
    k="W.shape[1]",
    houses="range(n)",
    update="grad_W[:, j] += d * X[i]\n            grad_b[j] += d",
    before="",
):
    """A softmax_gradient_loop written like the answer key, with one part changed."""
    return f"""
def softmax_gradient_loop(X, y, W, b):
    {before or "pass"}
    n, f = X.shape
    k = {k}
    P = {P}
    grad_W, grad_b = np.zeros((f, k)), np.zeros(k)
    for i in {houses}:
        for j in range(k):
            d = {d}
            {update}
    return grad_W, grad_b
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
    # ---- q1: softmax and two classes (1 axis, 10 overflow, 6 normalisation, 14, 2 order, 12, 11, 16)
    Wrong(
        "q1",
        "def softmax(Z):\n    E = np.exp(Z)\n    return E / E.sum(axis=0)",
        "normalised each COLUMN",
        mistake="columns-normalised",
    ),
    Wrong(
        "q1",
        "def softmax(Z):\n    E = np.exp(Z)\n    return E / E.sum()",
        "sum of the whole array",
        mistake="whole-array-sum",
    ),
    Wrong(
        "q1",
        "def softmax(Z):\n    return np.exp(Z - Z.max(axis=1, keepdims=True))",
        "did not divide by the row's sum",
        mistake="no-division-by-row-sum",
    ),
    Wrong(
        "q1",
        "def softmax(Z):\n    E = np.exp(Z)\n    return E / E.sum(axis=1, keepdims=True)",
        "nan for large scores",
        mistake="no-row-max-shift",
    ),
    Wrong(
        "q1",
        "def softmax(Z):\n    E = np.exp(Z - Z.max())\n    return E / E.sum(axis=1, keepdims=True)",
        "nan for large scores",
        mistake="no-row-max-shift",
    ),
    Wrong(
        "q1",
        "def softmax(Z):\n    E = np.exp(Z - Z.max(axis=1))\n    return E / E.sum(axis=1)",
        "keepdims=True keeps it a column",
        mistake="no-keepdims",
    ),
    Wrong(
        "q1",
        "def softmax(Z):\n    Z = Z - Z.max(axis=1, keepdims=True)\n    return Z - np.log(np.exp(Z).sum(axis=1, keepdims=True))",
        "returned the log of the probabilities",
        mistake="returns-log-probabilities",
    ),
    Wrong(
        "q1",
        "def softmax(Z):\n    Z -= Z.max(axis=1, keepdims=True)\n    E = np.exp(Z)\n    return E / E.sum(axis=1, keepdims=True)",
        "changed its input Z in place",
        mistake="mutates-z",
    ),
    Wrong(
        "q1",
        "def softmax(Z):\n    E = np.exp(Z - Z.max(axis=1, keepdims=True))\n    return (E / E.sum(axis=1, keepdims=True))[0]",
        "should keep the shape of Z",
        mistake="wrong-output-shape",
    ),
    Wrong(
        "q1",
        "def softmax(Z):\n    E = np.exp(Z - Z.max(axis=1, keepdims=True))",
        "softmax returned None",
        mistake="softmax-returns-none",
    ),
    Wrong(
        "q1",
        "two_class_gap = float(np.max(np.abs(softmax(Z_pairs)[:, 1] - sigmoid(Z_pairs[:, 0] - Z_pairs[:, 1]))))",
        "class 1's probability with sigmoid(z0 - z1)",
        mistake="gap-sides-mismatched",
    ),
    Wrong(
        "q1",
        "two_class_gap = float(np.max(np.abs(softmax(Z_pairs)[:, 1] - sigmoid(Z_pairs[:, 1]))))",
        "the sigmoid takes the DIFFERENCE",
        mistake="gap-sigmoid-of-one-score",
    ),
    Wrong(
        "q1",
        "two_class_gap = float(np.max(np.abs(softmax(Z_pairs)[:, 0] - sigmoid(Z_pairs[:, 1] - Z_pairs[:, 0]))))",
        "class 1's probability with sigmoid(z0 - z1)",
        mistake="gap-sides-mismatched",
    ),
    Wrong(
        "q1",
        "two_class_gap = np.abs(softmax(Z_pairs)[:, 1] - sigmoid(Z_pairs[:, 1] - Z_pairs[:, 0]))",
        "single number",
        mistake="gap-not-a-number",
    ),
    Wrong("q1", "two_class_gap = '0'", "single number, not a str", mistake="gap-a-string"),
    Wrong(
        "q1",
        "def sigmoid(z):\n    return 1 / (1 + np.exp(-z)) + 1e-6",
        "disagree: check sigmoid (given at the top)",
        mistake="given-sigmoid-changed",
    ),
    Wrong("q1", "two_class_gap = None", "two_class_gap is still blank", mistake="gap-blank"),
    Wrong(
        "q1",
        "def softmax(Z):\n    E = np.exp(Z - Z.max(axis=0, keepdims=True))\n    return E / E.sum(axis=1, keepdims=True)",
        "each COLUMN's largest score",
        mistake="column-max-shift",
    ),
    Wrong(  # keepdims on the max but not on the sum
        "q1",
        "def softmax(Z):\n    E = np.exp(Z - Z.max(axis=1, keepdims=True))\n    return E / E.sum(axis=1)",
        "keepdims=True keeps it a column",
        mistake="no-keepdims",
    ),
    # ---- q2: cross-entropy (2 sign, 3 log base, 6 n, 16); q5: its vectorised gradient (4 transposition, 1 axis, 14 one-hot)
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return np.mean(np.log(P[np.arange(len(y)), y]))",
        "is negative",
        mistake="ce-sign-dropped",
    ),
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return -np.mean(np.log10(P[np.arange(len(y)), y]))",
        "used log10",
        mistake="ce-log10",
    ),
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return -np.sum(np.log(P[np.arange(len(y)), y]))",
        "summed over the houses",
        mistake="ce-sum-not-mean",
    ),
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return -np.mean(one_hot(y, P.shape[1]) * np.log(P))",
        "divided by n * k",
        mistake="ce-mean-over-classes-too",
    ),
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return -np.mean(np.log(P.max(axis=1)))",
        "LARGEST probability",
        mistake="ce-largest-probability",
    ),
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return -np.mean(np.log(P[:, 0]))",
        "class 0's probability",
        mistake="ce-class-0-only",
    ),
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return -np.mean(np.log(1 - P[np.arange(len(y)), y]))",
        "used log(1 - P)",
        mistake="ce-log-one-minus-p",
    ),
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return -np.mean(np.log(P[:, y]))",
        "the mean of -log 0.7",
        mistake="ce-wrong-indexing",
    ),
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return -np.log(P[np.arange(len(y)), y])",
        "should return one number",
        mistake="ce-not-averaged",
    ),
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return -np.mean(y * np.log(P))",
        "raised ValueError",
        mistake="ce-labels-times-log",
    ),
    Wrong("q5", sgrad("X.T @ (-R) / len(y), -R.mean(axis=0)"), "wrong sign", mistake="grad-sign-flipped"),
    Wrong("q5", sgrad("X.T @ R, R.sum(axis=0)"), "missing the / n", mistake="grad-no-division-by-n"),
    Wrong("q5", sgrad("X.T @ R / len(y), R.sum(axis=0)"), "grad_b is the SUM of P - Y", mistake="grad-b-sum"),
    Wrong("q5", sgrad("X.T @ R, R.mean(axis=0)"), "grad_W is missing the / n", mistake="grad-w-no-division-by-n"),
    Wrong(
        "q5",
        sgrad("X.T @ R / len(y), R.mean(axis=0)", R="softmax(X @ W + b) - y[:, None]"),
        "subtracted the labels y, not the one-hot Y",
        mistake="grad-labels-not-one-hot",
    ),
    Wrong(
        "q5",
        sgrad("X.T @ R / len(y), R.mean(axis=0)", R="X @ W + b - one_hot(y, W.shape[1])"),
        "used the logits X @ W + b",
        mistake="grad-logits-not-probabilities",
    ),
    Wrong(
        "q5",
        sgrad("X.T @ R / len(y), R.mean(axis=0)", R="softmax(X @ W) - one_hot(y, W.shape[1])"),
        "left b out of the logits",
        mistake="grad-no-bias-in-logits",
    ),
    Wrong(
        "q5",
        sgrad("X @ R / len(y), R.mean(axis=0)"),
        "it only ran because X is square here",
        mistake="grad-x-not-transposed",
    ),
    Wrong(
        "q5", sgrad("R.T @ X / len(y), R.mean(axis=0)"), "transpose it, X.T @ (P - Y) / n", mistake="grad-w-transposed"
    ),
    Wrong(
        "q5",
        sgrad("X.T @ R / len(y), R.mean(axis=1)"),
        "average P - Y over the houses, axis=0",
        mistake="grad-b-wrong-axis",
    ),
    Wrong("q5", sgrad("X.T @ R / len(y), R.mean()"), "grad_b is a single number", mistake="grad-b-global-mean"),
    Wrong("q5", sgrad("R.mean(axis=0), X.T @ R / len(y)"), "returned (grad_b, grad_W)", mistake="grad-order-swapped"),
    Wrong("q5", sgrad("X.T @ R / len(y)"), "should return a pair", mistake="grad-not-a-pair"),
    Wrong(
        "q5",
        sgrad("X.T @ R / len(y), R.mean(axis=0)", R="softmax(X @ W + b) - one_hot(y, 3)"),
        "take the number of classes from W",
        mistake="grad-classes-not-from-w",
    ),
    Wrong(
        "q5",
        "def softmax_gradient(X, y, W, b):\n    Z = X @ W + b\n    E = np.exp(Z)\n    R = E / E.sum(axis=1, keepdims=True) - one_hot(y, W.shape[1])\n"
        "    return X.T @ R / len(y), R.mean(axis=0)",
        "nan or inf for very large logits",
        public="the public examples use moderate logits; only the hidden check scales W by 1000",
        mistake="grad-unstable-softmax",
    ),
    Wrong(
        "q5",
        "def softmax_gradient(X, y, W, b):\n    W -= 0.0\n    b += 1.0\n    R = softmax(X @ W + b - 1.0) - one_hot(y, W.shape[1])\n"
        "    b -= 1.0\n    W[0, 0] += 1e-3\n    return X.T @ R / len(y), R.mean(axis=0)",
        "changed X, y, W or b in place",
        mistake="grad-mutates-inputs",
    ),
    Wrong(
        "q5",
        "def softmax_gradient(X, y, W, b):\n    R = softmax(X @ W + b)",
        "softmax_gradient returned None",
        mistake="grad-returns-none",
    ),
    Wrong("q2", "cross_entropy = 1.0986", "cross_entropy should be a function", mistake="ce-a-number"),
    Wrong(
        "q2",
        "def cross_entropy(P, y):\n    return -np.mean(np.log(P[np.arange(len(y)), y])) / len(y)",
        "divided by n twice",
        mistake="ce-divided-twice",
    ),
    # issue 22: a NameError was called "(A shape error? ...)"; "On this example" never showed the example;
    # the number of classes taken from the labels passed while every example held every class
    Wrong(
        "q5",
        sgrad("X.T @ R / len(y), R.mean(axis=0)", R="softmax(X @ W + b) - one_hot(labels, W.shape[1])"),
        "a name it uses is not defined",
        mistake="grad-undefined-name",
    ),
    Wrong(
        "q5",
        sgrad("X.T @ R / (len(y) - 1), R.mean(axis=0)"),
        "On the example X = [[1.0, 0.0, 2.0], [0.5, 1.0, 0.0], [0.0, 3.0, 1.0]], y = [1, 0, 2]",
        mistake="grad-w-wrong-value",
    ),
    Wrong(
        "q5",
        sgrad("X.T @ R / len(y), R.mean(axis=0)", R="softmax(X @ W + b) - one_hot(y, y.max() + 1)"),
        "take the number of classes from W",
        mistake="grad-classes-not-from-w",
    ),
    Wrong(
        "q5",
        sgrad("X.T @ R / len(y), R.mean(axis=0)", R="softmax(X @ W + b) - one_hot(y, len(np.unique(y)))"),
        "take the number of classes from W",
        mistake="grad-classes-not-from-w",
    ),
    # ---- q3: the cross-entropy from logits (2 sign, 3 log base, 6 mean, 10 overflow and underflow, 1 axis, 12, 14, 16)
    Wrong(
        "q3",
        lse(body="float(np.mean(Z[np.arange(len(y)), y] - (m[:, 0] + np.log(np.exp(Z - m).sum(axis=1)))))"),
        "has the wrong sign",
        mistake="lse-sign-flipped",
    ),
    Wrong(
        "q3",
        lse(body="float(np.mean(np.log(np.exp(Z - m).sum(axis=1)) - Z[np.arange(len(y)), y]))"),
        "not added back after the log",
        mistake="lse-max-not-added-back",
    ),
    Wrong(
        "q3",
        lse(body="float(np.sum(m[:, 0] + np.log(np.exp(Z - m).sum(axis=1)) - Z[np.arange(len(y)), y]))"),
        "summed over the houses",
        mistake="lse-sum-not-mean",
    ),
    Wrong(
        "q3",
        lse(body="float(np.mean(m[:, 0] + np.log(np.exp(Z - m).sum(axis=1))))"),
        "the true class's score is missing",
        mistake="lse-no-true-score",
    ),
    Wrong(
        "q3",
        lse(body="float(np.mean(m[:, 0] + np.log(np.exp(Z - m).sum(axis=1)) - m[:, 0]))"),
        "subtracted each house's LARGEST score",
        mistake="lse-largest-score",
    ),
    Wrong(
        "q3",
        lse(body="float(np.mean(m[:, 0] + np.log(np.exp(Z - m).sum(axis=1)) - Z[:, 0]))"),
        "class 0's score for every house",
        mistake="lse-class-0",
    ),
    Wrong(
        "q3",
        lse(body="float(np.mean(m[:, 0] + np.log10(np.exp(Z - m).sum(axis=1)) - Z[np.arange(len(y)), y]))"),
        "used log10",
        mistake="lse-log10",
    ),
    Wrong(
        "q3",
        lse(body="float(np.mean(np.log(np.exp(Z).sum(axis=1)) - Z[np.arange(len(y)), y]))"),
        "exp(1000) overflows to inf",
        mistake="lse-no-max-shift",
    ),
    Wrong(
        "q3",
        "def cross_entropy_from_logits(Z, y):\n    return cross_entropy(softmax(Z), y)",
        "rounds to 0 and -log 0 is inf",
        mistake="log-of-softmax-underflows",
    ),
    Wrong(
        "q3",
        "def cross_entropy_from_logits(Z, y):\n    P = softmax(Z)\n    return -np.mean(np.log(P[np.arange(len(y)), y]))",
        "rounds to 0 and -log 0 is inf",
        mistake="log-of-softmax-underflows",
    ),
    Wrong(
        "q3",
        lse(m="Z.max()", body="float(np.mean(m + np.log(np.exp(Z - m).sum(axis=1)) - Z[np.arange(len(y)), y]))"),
        "EACH ROW's own maximum",
        mistake="lse-global-max",
    ),
    Wrong(
        "q3",
        lse(m="Z.max(axis=1)", body="float(np.mean(m + np.log(np.exp(Z - m).sum(axis=1)) - Z[np.arange(len(y)), y]))"),
        "without keepdims, (n,) does not",
        mistake="lse-no-keepdims",
    ),
    Wrong(
        "q3",
        lse(before="Z -= Z.max(axis=1, keepdims=True) * 0 + 1.0"),
        "changed its input Z in place",
        mistake="lse-mutates-z",
    ),
    Wrong(
        "q3",
        "def cross_entropy_from_logits(Z, y):\n    m = Z.max(axis=1, keepdims=True)",
        "returned None",
        mistake="lse-returns-none",
    ),
    Wrong(
        "q3",
        lse(body="m[:, 0] + np.log(np.exp(Z - m).sum(axis=1)) - Z[np.arange(len(y)), y]"),
        "should return one number",
        mistake="lse-not-averaged",
    ),
    Wrong("q3", "cross_entropy_from_logits = 2000.0", "should be a function", mistake="lse-a-number"),
    # ---- q4: the gradient with loops (2 sign, 6 n, 14 one-hot and softmax, 5 houses, 11 classes from W, 12, 16)
    Wrong(
        "q4", loop(d="((1.0 if j == y[i] else 0.0) - P[i, j]) / n"), "has the wrong sign", mistake="loop-sign-flipped"
    ),
    Wrong(
        "q4",
        loop(d="P[i, j] - (1.0 if j == y[i] else 0.0)"),
        "is missing the / n: the loss is a mean",
        mistake="loop-no-division-by-n",
    ),
    Wrong(
        "q4",
        loop(update="grad_W[:, j] += d * X[i]\n            grad_b[j] += d * n"),
        "without the / n",
        mistake="loop-b-no-division",
    ),
    Wrong("q4", loop(d="(P[i, j] - y[i]) / n"), "subtracted the label y[i] itself", mistake="loop-label-not-one-hot"),
    Wrong(
        "q4",
        loop(P="X @ W + b"),
        "used the scores X @ W + b in place of the probabilities",
        mistake="loop-logits-not-probabilities",
    ),
    Wrong("q4", loop(P="softmax(X @ W)"), "left b out of the scores", mistake="loop-no-bias"),
    Wrong(
        "q4",
        loop(d="(P[i, j] - 1.0) / n if j == y[i] else 0.0"),
        "only the true class's column moved",
        mistake="loop-true-class-only",
    ),
    Wrong(
        "q4",
        loop(update="grad_W[:, j] = d * X[i]\n            grad_b[j] = d"),
        "hold only the last house's term",
        mistake="loop-overwrites",
    ),
    Wrong("q4", loop(k="int(y.max()) + 1"), "take the number of classes from W", mistake="loop-classes-not-from-w"),
    Wrong("q4", loop(k="len(np.unique(y))"), "take the number of classes from W", mistake="loop-classes-not-from-w"),
    Wrong(
        "q4",
        loop(d="(probs[i, j] - (1.0 if j == y[i] else 0.0)) / n"),
        "a name it uses is not defined",
        mistake="loop-undefined-name",
    ),
    Wrong("q4", loop(before="X -= X.mean(axis=0)"), "changed X, y, W or b in place", mistake="loop-mutates-inputs"),
    Wrong(
        "q4",
        loop(houses="range(n - 1)"),
        "On the example X = [[1.0, 0.0, 2.0], [0.5, 1.0, 0.0], [0.0, 3.0, 1.0]], y = [1, 0, 2]",
        mistake="loop-skips-a-house",
    ),
    Wrong(
        "q4",
        "def softmax_gradient_loop(X, y, W, b):\n    grad_W, grad_b = np.zeros(W.shape), np.zeros(W.shape[1])",
        "softmax_gradient_loop returned None",
        mistake="loop-returns-none",
    ),
    # ---- q6: train_softmax (2 sign, 4 transposed W, 5 off by one, 14 bias, 13 globals, 16)
    Wrong("q6", multi(update="W, b = W + lr * grad_W, b + lr * grad_b"), "The loss goes UP", mistake="gradient-ascent"),
    Wrong(
        "q6",
        "def train_softmax(X, y, k, lr, steps):\n    W, b, history = np.zeros((k, X.shape[1])), np.zeros(k), []\n"
        "    for _ in range(steps):\n        history.append(cross_entropy(softmax(X @ W.T + b), y))\n"
        "        grad_W, grad_b = softmax_gradient(X, y, W.T, b)\n        W, b = W - lr * grad_W.T, b - lr * grad_b\n"
        "    return W, b, history",
        "it should be (f, k)",
        mistake="w-transposed",
    ),
    Wrong(
        "q6",
        multi(init="W, b, history = np.zeros((X.shape[1], 3)), np.zeros(3), []"),
        "W should have shape (1, 2)",
        mistake="three-classes-fixed",
    ),
    Wrong("q6", multi(loop="range(steps - 1)"), "history should hold one loss per step", mistake="one-step-too-few"),
    Wrong("q6", multi(loop="range(steps + 1)"), "ends at the wrong W and b on this example", mistake="wrong-end-point"),
    Wrong(
        "q6",
        multi(update="W, b = W - 1.0 * grad_W, b - 1.0 * grad_b"),
        "ends at the wrong W and b on this example",
        mistake="wrong-end-point",
    ),
    Wrong("q6", multi(update="W = W - lr * grad_W"), "b never changes", mistake="b-not-updated"),
    Wrong(
        "q6",
        multi(init="W, b, history = np.ones((X.shape[1], k)), np.ones(k), []"),
        "ends at the wrong W and b on this example",
        mistake="wrong-end-point",
    ),
    Wrong(
        "q6",
        multi(record="history.append(cross_entropy(softmax(X @ W + b), y) / np.log(10))"),
        "the training cross-entropy at each step (starting from ln",
        mistake="history-wrong-loss",
    ),
    Wrong(
        "q6",
        multi().replace("softmax_gradient(X, y, W, b)", "softmax_gradient(X_train, y_train, W, b)"),
        "does W have one row per column of X",
        mistake="matmul-shape-error",
    ),
    Wrong("q6", multi(ret="W, b"), "return three things", mistake="no-history-returned"),
    Wrong("q6", multi(before="X *= 1.0; X[0, 0] = X[0, 0] + 1.0"), "changed X or y in place", mistake="mutates-x"),
    Wrong(
        "q6",
        multi(init="W, b, history = np.zeros(X.shape[1], k), np.zeros(k), []"),
        "as one tuple",
        mistake="zeros-shape-not-a-tuple",
    ),
    Wrong(
        "q6",
        multi(init="W, b, history = np.zeros((len(X), k)), np.zeros(k), []"),
        "does W have one row per column of X",
        mistake="matmul-shape-error",
    ),
    Wrong(
        "q6",
        multi(update="W, b = W - lr * grad_W, b - lr * grad_W"),
        "one bias per class",
        mistake="b-updated-with-grad-w",
    ),
    Wrong("q6", multi(update="b = b - lr * grad_b"), "W never changes", mistake="w-not-updated"),
    Wrong(
        "q6",
        multi(record="history = cross_entropy(softmax(X @ W + b), y)"),
        "history is a single number",
        mistake="history-overwritten",
    ),
    Wrong(
        "q6",
        "def train_softmax(X, y, k, lr, steps):\n    W = np.zeros((X.shape[1], k))",
        "returned None",
        mistake="returns-none",
    ),
    Wrong(
        "q6",
        multi(init="W, b, history = np.zeros((X.shape[1], k)), np.zeros(k), []\n    X = X[:100]; y = y[:100]"),
        "ends at the wrong W and b with",
        public="the public examples have 5 and 4 houses, fewer than 100; the hidden check has 400",
        mistake="first-100-rows-only",
    ),
    # issue 22: the number of classes taken from the labels, and stopping early, passed
    Wrong(
        "q6",
        multi(init="W, b, history = np.zeros((X.shape[1], len(np.unique(y)))), np.zeros(len(np.unique(y))), []"),
        "take the number of classes from the argument k",
        mistake="classes-from-labels",
    ),
    Wrong(
        "q6",
        multi(init="k = int(y.max()) + 1\n    W, b, history = np.zeros((X.shape[1], k)), np.zeros(k), []"),
        "take the number of classes from the argument k",
        mistake="classes-from-labels",
    ),
    Wrong(
        "q6",
        multi(
            record="history.append(cross_entropy(softmax(X @ W + b), y))\n"
            "        if len(history) > 1 and history[-2] - history[-1] < 0.01:\n            break"
        ),
        "the loop stopped early",
        mistake="stops-early",
    ),
    # ---- q7: training run, untrained loss, accuracy (15 leakage, 13 typed-in, 1 argmax axis, 8, 16)
    Wrong(
        "q7",
        run_soft("X_valid", "y_valid"),
        "trained on the VALIDATION houses: that is leakage",
        mistake="trained-on-validation",
    ),
    Wrong(
        "q7",
        run_soft(ALL_X, ALL_Y),
        "trained on ALL the houses, validation rows included: that is leakage",
        mistake="trained-on-all-rows",
    ),
    Wrong(
        "q7",
        "W_soft, b_soft, history_soft = train_softmax(X_train, y_train, 3, 0.01, 200)",
        "should come from train_softmax",
        mistake="wrong-learning-rate",
    ),
    Wrong("q7", "W_soft = W_soft.T", "should have shape (2, 3)", mistake="w-soft-transposed"),
    Wrong("q7", "history_soft = history_soft[-1]", "one finite loss per step", mistake="history-last-loss-only"),
    Wrong("q7", "untrained_loss = np.log(3)", "untrained_loss is ln 3", mistake="untrained-loss-ln3"),
    Wrong("q7", "untrained_loss = 1.0986", "untrained_loss is ln 3", mistake="untrained-loss-ln3"),
    Wrong(
        "q7",
        "untrained_loss = cross_entropy(softmax(X_valid @ W_small + b_small), y_valid)",
        "measured on the validation houses",
        mistake="untrained-loss-on-validation",
    ),
    Wrong("q7", "untrained_loss = history_soft[-1]", "the TRAINED model's loss", mistake="untrained-loss-is-trained"),
    Wrong(
        "q7",
        "untrained_loss = history_soft[0]",
        "untrained_loss is ln 3",
        mistake="untrained-loss-ln3",
    ),
    Wrong(
        "q7",
        "untrained_loss = cross_entropy(softmax(X_train @ W_small + b_small), y_train) / np.log(10)",
        "cross_entropy(softmax(X_train @ W_small + b_small), y_train)",
        mistake="untrained-loss-log10",
    ),
    Wrong(
        "q7",
        "softmax_valid_acc = float(np.mean(softmax(X_train @ W_soft + b_soft).argmax(axis=1) == y_train))",
        "measured on the TRAINING houses",
        mistake="accuracy-on-training",
    ),
    Wrong(
        "q7",
        f"softmax_valid_acc = float(np.mean({PROBS_VALID}.argmax(axis=1) != y_valid))",
        "is the error rate",
        mistake="error-rate-not-accuracy",
    ),
    Wrong(
        "q7",
        f"softmax_valid_acc = float(np.mean({PROBS_VALID}.max(axis=1) == y_valid))",
        "equals y_valid (argmax over the classes, axis=1)",
        mistake="accuracy-wrong-value",
    ),
    Wrong(
        "q7",
        f"softmax_valid_acc = float(np.mean({PROBS_VALID}.argmax(axis=0)[:1] == y_valid))",
        "equals y_valid (argmax over the classes, axis=1)",
        mistake="accuracy-wrong-value",
    ),
    Wrong(
        "q7", "softmax_valid_acc = 100 * softmax_valid_acc", "looks like a percentage", mistake="accuracy-percentage"
    ),
    Wrong(
        "q7",
        f"softmax_valid_acc = int(np.sum({PROBS_VALID}.argmax(axis=1) == y_valid))",
        "a count divided by 586",
        mistake="accuracy-count",
    ),
    Wrong(
        "q7",
        "softmax_valid_acc = 0.52",
        "equals y_valid (argmax over the classes, axis=1)",
        mistake="accuracy-wrong-value",
    ),
    Wrong("q7", "W_soft = ...", "W_soft is still blank", mistake="w-soft-blank"),
]

RIGHT = [
    # q1
    Right(
        "q1",
        "def softmax(Z):\n    out = []\n    for row in Z:\n        e = np.exp(row - max(row))\n        out.append(e / e.sum())\n"
        "    return np.array(out)\n"
        "two_class_gap = max(abs(a - c) for a, c in zip(softmax(Z_pairs)[:, 1], sigmoid(Z_pairs[:, 1] - Z_pairs[:, 0])))",
        "a loop over rows, a Python max",
    ),
    Right(
        "q1",
        "from scipy.special import logsumexp\ndef softmax(Z):\n    return np.exp(Z - logsumexp(Z, axis=1, keepdims=True))\n"
        "two_class_gap = 0.0",
        "the logsumexp form; the gap typed as 0 (it is 0 to rounding)",
    ),
    Right(
        "q1",
        "def softmax(Z):\n    E = np.exp(Z - np.max(Z, axis=-1)[:, None])\n    return E / np.sum(E, axis=-1)[:, None]\n"
        "two_class_gap = np.abs(softmax(Z_pairs)[:, 1] - sigmoid(np.diff(Z_pairs, axis=1)[:, 0])).max()",
        "axis=-1 and [:, None] for keepdims, np.diff for z1 - z0, a NumPy float",
    ),
    # q2
    Right(
        "q2",
        "def cross_entropy(P, y):\n    Y = one_hot(y, P.shape[1])\n    return -np.sum(Y * np.log(P)) / len(y)",
        "the one-hot sum",
    ),
    Right(
        "q2",
        "def cross_entropy(P, y):\n    return -sum(np.log(P[i, label]) for i, label in enumerate(y)) / len(y)",
        "a loop over the houses, a NumPy float",
    ),
    # q3
    Right(
        "q3",
        "from scipy.special import logsumexp\ndef cross_entropy_from_logits(Z, y):\n"
        "    return np.mean(logsumexp(Z, axis=1) - Z[np.arange(len(y)), y])",
        "scipy's logsumexp, a NumPy float",
    ),
    Right(
        "q3",
        "def cross_entropy_from_logits(Z, y):\n    total = 0.0\n    for z, label in zip(Z, y):\n"
        "        m = max(z)\n        total += m + np.log(np.sum(np.exp(z - m))) - z[label]\n    return total / len(y)",
        "a loop over the houses, a Python max",
    ),
    Right(
        "q3",
        "def cross_entropy_from_logits(Z, y):\n    Z = np.asarray(Z, dtype=float)\n    S = Z - Z.max(axis=1)[:, None]\n"
        "    log_P = S - np.log(np.exp(S).sum(axis=1))[:, None]\n    return -log_P[np.arange(len(y)), y].mean()",
        "the log-softmax first, then the true class's entry",
    ),
    # q4
    Right(
        "q4",
        "def softmax_gradient_loop(X, y, W, b):\n    n, f = X.shape\n    k = W.shape[1]\n"
        "    grad_W = np.zeros((f, k)); grad_b = np.zeros(k)\n    for i in range(n):\n"
        "        p = softmax((X[i] @ W + b)[None, :])[0]\n        for j in range(k):\n"
        "            d = (p[j] - (j == y[i])) / n\n            for a in range(f):\n                grad_W[a, j] += X[i, a] * d\n"
        "            grad_b[j] += d\n    return grad_W, grad_b",
        "house by house softmax, a third loop over the features, a boolean for Y",
    ),
    Right(
        "q4",
        "def softmax_gradient_loop(X, y, W, b):\n    P = softmax(X @ W + b)\n    Y = one_hot(y, W.shape[1])\n"
        "    grad_W = np.zeros(W.shape); grad_b = [0.0] * W.shape[1]\n"
        "    for i in range(len(X)):\n        for j in range(W.shape[1]):\n"
        "            grad_W[:, j] += X[i] * (P[i, j] - Y[i, j]) / len(X)\n"
        "            grad_b[j] += (P[i, j] - Y[i, j]) / len(X)\n    return grad_W, grad_b",
        "one_hot for Y, the bias gradient as a list",
    ),
    # q5
    Right(
        "q5",
        "def softmax_gradient(X, y, W, b):\n    P = softmax(np.dot(X, W) + b)\n    P[np.arange(len(y)), y] -= 1\n"
        "    return np.dot(X.T, P) / len(y), P.sum(axis=0) / len(y)",
        "P - Y by subtracting 1 in place on P, np.dot",
    ),
    Right(
        "q5",
        "def softmax_gradient(X, y, W, b):\n    n, f = X.shape\n    k = W.shape[1]\n    P = softmax(X @ W + b)\n"
        "    gW = np.zeros((f, k)); gb = np.zeros(k)\n    for i in range(n):\n        r = P[i].copy(); r[y[i]] -= 1\n"
        "        gW += np.outer(X[i], r) / n\n        gb += r / n\n    return gW, gb",
        "a loop over houses",
    ),
    Right(
        "q5",
        "def softmax_gradient(X, y, W, b):\n    R = softmax(X @ W + b) - (np.arange(W.shape[1]) == np.asarray(y)[:, None])\n"
        "    return ((R.T @ X) / len(y)).T.astype(np.float32), R.mean(axis=0).tolist()",
        "one-hot by comparison, the transpose of (P - Y).T @ X, float32 and a list",
    ),
    Right(
        "q5",
        "def softmax_gradient(X, y, W, b):\n    P = softmax(X @ W + b)\n    Y = np.eye(W.shape[1])[y]\n"
        "    return np.einsum('nf,nk->fk', X, P - Y) / X.shape[0], np.mean(P - Y, axis=0)",
        "np.einsum for X.T @ (P - Y)",
    ),
    # q6
    Right(
        "q6",
        "def train_softmax(X, y, k, lr, steps):\n    W = np.zeros((X.shape[1], k)); b = np.zeros(k); history = []\n"
        "    for _ in range(steps):\n        gW, gb = softmax_gradient(X, y, W, b)\n        W -= lr * gW\n        b -= lr * gb\n"
        "        history.append(cross_entropy(softmax(X @ W + b), y))\n    return W, b, history",
        "history after each step, in-place updates",
    ),
    Right(
        "q6",
        multi(init="W, b, history = np.zeros((X.shape[1], k)), 0.0, []"),
        "b started as the number 0.0 (the first step broadcasts it to k biases)",
    ),
    # q7
    Right(
        "q7",
        "softmax_valid_acc = np.mean(np.argmax(X_valid @ W_soft + b_soft, axis=1) == y_valid)\n"
        "untrained_loss = np.float32(untrained_loss)",
        "the argmax of the logits (the same class), a float32 loss",
    ),
    Right("q7", "softmax_valid_acc = round(softmax_valid_acc, 3)", "rounded within 1/586"),
    Right(  # issue 12: the notebook's table rewritten after answering: the tests read the data themselves
        "q7",
        "df['Sale_Price'] = 0.0\nprice = price * 0\nlonlat = lonlat * 0\ny_valid = y_valid * 0",
        "the given arrays rewritten after answering",
    ),
]
