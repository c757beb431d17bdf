"""Lesson 02: wrong answers that must lose points (with their message) and right ones that must not.

Derived question by question from tests/variants/CHECKLIST.md (the item numbers are in the comments).
Every test of this lesson takes its truth from data/ames.csv, read by the test itself, never from the
student's variables; the variants that rewrite `df` or the raw arrays show that this holds.

Accepted alternatives (said in the lesson text or decided here): loops instead of vectorised code,
np.mean vs sum / n, X.T @ r vs np.dot, float32 arrays, plain Python numbers, lists for history,
w returned from gradient_descent as (f,) or (f, 1) (with y made a column inside), a history recorded
before or after each update, np.std with ddof=0 or ddof=1 (pandas .std()), class predictions
clipped or not, an accuracy within half a step (1/586) of the true one. Not accepted: predict
returning an (n, 1) column (the text asks for (n,)).
"""

from harness import Right, Wrong


def gd(
    init="w = np.zeros(X.shape[1]); b = 0.0",
    loop="range(steps)",
    update="w = w - lr * grad_w\n        b = b - lr * grad_b",
    record="history.append(mse(predict(X, w, b), y))",
    before="",
    ret="w, b, history",
):
    """A gradient_descent written like the answer key, with one part changed."""
    return f"""
def gradient_descent(X, y, lr, steps):
    {before or "pass"}
    {init}
    history = []
    for _ in {loop}:
        {record}
        grad_w, grad_b = mse_gradient(X, y, w, b)
        {update}
    return {ret}
"""


GD_COLUMN_W = """
def gradient_descent(X, y, lr, steps):
    w = np.zeros((X.shape[1], 1)); b = 0.0; history = []
    for _ in range(steps):
        r = X @ w + b - y
        history.append(float(np.mean(r ** 2)))
        w = w - lr * 2 / len(y) * X.T @ r
        b = b - lr * 2 / len(y) * r.sum()
    return w, b, history
"""

GD_COLUMN_RIGHT = """
def gradient_descent(X, y, lr, steps):
    y_col = np.asarray(y).reshape(-1, 1)
    w = np.zeros((X.shape[1], 1)); b = 0.0; history = []
    for _ in range(steps):
        r = X @ w + b - y_col
        history.append(float(np.mean(r ** 2)))
        w = w - lr * 2 / len(y_col) * np.dot(X.T, r)
        b = b - lr * 2 / len(y_col) * float(r.sum())
    return w, b, history
"""

GD_AFTER_STEP = """
def gradient_descent(X, y, lr, steps):
    w = np.zeros(X.shape[1]); b = 0.0; history = np.zeros(steps)
    for step in range(steps):
        grad_w, grad_b = mse_gradient(X, y, w, b)
        w -= lr * grad_w
        b -= lr * grad_b
        history[step] = mse(predict(X, w, b), y)
    return w, b, history
"""

GD_LOOPS_FLOAT32 = """
def gradient_descent(X, y, lr, steps):
    X = np.asarray(X, dtype=np.float32); y = np.asarray(y, dtype=np.float32)
    n, f = X.shape
    w = [0.0] * f; b = 0.0; history = []
    for _ in range(steps):
        r = [sum(X[i, j] * w[j] for j in range(f)) + b - y[i] for i in range(n)]
        history.append(sum(ri * ri for ri in r) / n)
        w = [w[j] - lr * 2 * sum(X[i, j] * r[i] for i in range(n)) / n for j in range(f)]
        b = b - lr * 2 * sum(r) / n
    return np.array(w), b, history
"""

GD_WHILE = """
def gradient_descent(X, y, lr, steps):
    w, b, history, step = np.zeros(X.shape[1]), 0, [], 0
    while step < steps:
        r = X @ w + b - y
        history.append(np.mean(r ** 2))
        w = w - lr * 2 * np.mean(r[:, None] * X, axis=0)
        b = b - lr * 2 * np.mean(r)
        step += 1
    return w, b, tuple(history)
"""

GRADIENT_LOOPS = """
def mse_gradient(X, y, w, b):
    n, f = len(X), len(w)
    grad_w = [0.0] * f
    grad_b = 0.0
    for i in range(n):
        r = sum(X[i][j] * w[j] for j in range(f)) + b - y[i]
        for j in range(f):
            grad_w[j] += 2 * X[i][j] * r / n
        grad_b += 2 * r / n
    return grad_w, grad_b
"""


def grad(body):
    return f"def mse_gradient(X, y, w, b):\n    r = X @ w + b - y\n    return {body}"


def train(rows_x, rows_y, lr="lr_gd", steps="steps_gd"):
    return f"w_gd, b_gd, history_gd = gradient_descent({rows_x}, {rows_y}, {lr}, {steps})"


ALL_X = "np.vstack([X_train, X_valid])"
ALL_Y = "np.concatenate([y_train, y_valid])"
LONLAT_1 = "np.column_stack([{0}, np.ones(len({0}))])"


def closed(rows_a, rows_y):
    return (
        f"theta = np.linalg.lstsq({rows_a}, {rows_y}, rcond=None)[0]\n"
        "w_closed, b_closed = theta[:3], float(theta[3])\n"
        "closed_train_mse = mse(predict(X_train, w_closed, b_closed), y_train)\n"
        "valid_mae_dollars = float(np.mean(np.abs(predict(X_valid, w_closed, b_closed) - y_valid))) * 100_000"
    )


def classes(rows_x, rows_y):
    return (
        f"class_theta = np.linalg.lstsq({LONLAT_1.format(rows_x)}, {rows_y}, rcond=None)[0]\n"
        f"class_pred_valid = np.clip(np.round({LONLAT_1.format('lonlat_valid')} @ class_theta), 0, 2).astype(int)\n"
        "wrong_way_accuracy = float(np.mean(class_pred_valid == class_valid))"
    )


MAE = "np.abs(predict(X_valid, w_closed, b_closed) - y_valid)"

WRONG = [
    # ---- q1: units (6 normalisation, 7 types, 8 rounding, 4 swapped, 11 shape, 12 order, 16 blanks)
    Wrong("q1", "price = df['Sale_Price'].to_numpy()", "price is still in dollars"),
    Wrong("q1", "price = df['Sale_Price'].to_numpy() / 1000", "divided by 1,000"),
    Wrong("q1", "price = df['Sale_Price'].to_numpy() * 100_000", "multiplied by 100,000"),
    Wrong("q1", "area = df['Gr_Liv_Area'].to_numpy()", "area is still in square feet"),
    Wrong("q1", "area = df['Gr_Liv_Area'].to_numpy() / 100", "divided by 100"),
    Wrong("q1", "price, area = area, price", "swapped"),
    Wrong("q1", "price = df['Sale_Price'] / 100_000", "should be a NumPy array"),
    Wrong("q1", "area = list(df['Gr_Liv_Area'] / 1000)", "should be a NumPy array"),
    Wrong("q1", "price = df[['Sale_Price']].to_numpy() / 100_000", "shape (2930,)"),
    Wrong("q1", "price = df['Sale_Price'].to_numpy()[:100] / 100_000", "shape (2930,)"),
    Wrong("q1", "price = df['Sale_Price'].to_numpy() // 100_000", "lost its decimals"),
    Wrong("q1", "price = np.round(df['Sale_Price'].to_numpy() / 100_000, 1)", "was rounded"),
    Wrong("q1", "price = np.sort(df['Sale_Price'].to_numpy() / 100_000)", "original order"),
    Wrong("q1", "price = df['Sale_Price'].astype(str).to_numpy()", "should hold numbers"),
    Wrong("q1", "area = ...", "area is still blank"),
    Wrong(  # the table rewritten to match (issue 12): the test reads data/ames.csv itself
        "q1",
        "price = df['Sale_Price'].to_numpy() / 1000\ndf['Sale_Price'] = price * 100_000",
        "divided by 1,000",
    ),
    # ---- q2: predict_line and mse (14 skipped step, 12 in place, 6 normalisation, 8, 16)
    Wrong("q2", "def predict_line(x, w, b):\n    return x * w", "forgot the intercept"),
    Wrong("q2", "def predict_line(x, w, b):\n    return x * b + w", "swapped w and b"),
    Wrong("q2", "def predict_line(x, w, b):\n    x *= w\n    x += b\n    return x", "changed its input array"),
    Wrong("q2", "def predict_line(x, w, b):\n    x * w + b", "returned None"),
    Wrong("q2", "def predict_line(x, w, b):\n    return np.array([2.5, 4.5, 6.5])", "should be [3, -7]"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.mean(np.abs(y_hat - y))", "mean ABSOLUTE error (MAE)"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.sum((y_hat - y) ** 2)", "summed the squared errors"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.sum((y_hat - y) ** 2) / (len(y) - 1)", "divided by n - 1"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.sqrt(np.mean((y_hat - y) ** 2))", "took a square root"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.mean((y_hat - y) ** 2) / 2", "divided by 2"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.mean(y_hat - y)", "square them first"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.mean(y_hat - y) ** 2", "squared the MEAN error"),
    Wrong("q2", "def mse(y_hat, y):\n    return (y_hat - y) ** 2", "should return a single number"),
    Wrong("q2", "def mse(y_hat, y):\n    return 2.0", "should be 4.333"),
    # found in the browser: the example is printed as plain numbers, not np.float64(1.0)
    Wrong("q2", "def mse(y_hat, y):\n    return 2.0", "mse([1.0, 2.0, 3.0], [1.0, 4.0, 0.0]) should be 4.333"),
    Wrong("q2", "def mse(y_hat, y):\n    return round(float(np.mean((y_hat - y) ** 2)))", "should be 4.333"),
    Wrong("q2", "def mse(y_hat, y):\n    y -= y_hat\n    return float(np.mean(y ** 2))", "changed its input arrays"),
    Wrong("q2", "def mse(y_hat, y):\n    raise NotImplementedError", "raised NotImplementedError"),
    Wrong("q2", "mse = None", "should be functions"),
    # ---- q3: the guess (7 units, 15 rows, 13 typed-in, 16)
    Wrong(
        "q3", "w_guess = 112.0\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)", "dollars per square foot"
    ),
    Wrong(
        "q3",
        "w_guess, b_guess = 0.0, 1.8\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)",
        "far from the cloud",
    ),
    Wrong(  # the example: the text now says why it fails (1.5 times the best line's MSE)
        "q3",
        "w_guess, b_guess = 1.5, 0.0\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)",
        "the check accepts below 0.48",
    ),
    Wrong(
        "q3",
        "w_guess, b_guess = -1.1, 4.0\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)",
        "far from the cloud",
    ),
    Wrong("q3", "guess_mse = mse(predict_line(area[:100], w_guess, b_guess), price[:100])", "some of the houses"),
    Wrong("q3", "guess_mse = mse(predict_line(area, 1.0, 0.3), price)", "the MSE of your line on all"),
    Wrong("q3", "guess_mse = float(np.sum((area * w_guess + b_guess - price) ** 2))", "the MSE of your line on all"),
    Wrong("q3", "guess_mse = 0.3", "the MSE of your line on all"),
    Wrong("q3", "w_guess = '1.1'", "should be a single number"),
    Wrong("q3", "w_guess = [1.1]", "should be a single number"),
    Wrong("q3", "guess_mse = None", "guess_mse is still blank"),
    # ---- q4: predict (4 transposition, 1 axis, 2 sign, 11 one row, 12 in place, 13 typed-in, 14)
    Wrong("q4", "def predict(X, w, b):\n    return (X @ w + b).reshape(-1, 1)", "(n, n) matrix"),
    Wrong("q4", "def predict(X, w, b):\n    return X @ w", "forgot the intercept"),
    Wrong("q4", "def predict(X, w, b):\n    return X @ w - b", "subtracted b"),
    Wrong("q4", "def predict(X, w, b):\n    return X @ w + b * len(w)", "(X @ w + b)"),
    Wrong(
        "q4", "def predict(X, w, b):\n    X *= 1.0\n    X[0, 0] += 1.0\n    return X @ w + b", "changed X or w in place"
    ),
    Wrong("q4", "def predict(X, w, b):\n    return X[:, 0] * w[0] + b", "only the first feature"),
    Wrong("q4", "def predict(X, w, b):\n    return X * w + b", "multiplies elementwise"),
    Wrong("q4", "def predict(X, w, b):\n    return np.sum(X * w) + b", "a single number for 3 houses"),
    Wrong("q4", "def predict(X, w, b):\n    return np.sum(X * w, axis=0) + b", "one number per feature"),
    Wrong("q4", "def predict(X, w, b):\n    return X.T @ w + b", "raised ValueError"),
    # found in the browser: the operands of @ the wrong way round (the message names the order)
    Wrong("q4", "def predict(X, w, b):\n    return w @ X + b", "not w @ X"),
    Wrong("q4", "def predict(X, w, b):\n    return X[0] @ w + b", "a single number for 3 houses"),
    Wrong("q4", "def predict(X, w, b):\n    return np.array([4.5, 10.5, 16.5])", "should return shape (1,)"),
    Wrong("q4", "def predict(X, w, b):\n    X @ w + b", "returned None"),
    Wrong("q4", "predict = 'X @ w + b'", "should be a function"),
    # ---- q5: standardization (12 in place, 6, 1 axis, 15 wrong rows / leakage, 8 typed-in, 14, 16)
    Wrong(
        "q5",
        "def standardize(X, mean, std):\n    X -= mean\n    X /= std\n    return X",
        "changed its input X in place",
    ),
    Wrong(
        "q5",
        "def standardize(X, mean, std):\n    return (X - X.mean(axis=0)) / X.std(axis=0)",
        "used X's own mean and std",
    ),
    Wrong("q5", "def standardize(X, mean, std):\n    return X - mean", "only subtracted the mean"),
    Wrong("q5", "def standardize(X, mean, std):\n    return X / std", "only divided by std"),
    Wrong("q5", "def standardize(X, mean, std):\n    return X - mean / std", "put brackets around X - mean"),
    Wrong("q5", "def standardize(X, mean, std):\n    return (X - mean) * std", "multiplied by std"),
    Wrong("q5", "def standardize(X, mean, std):\n    (X - mean) / std", "returned None"),
    Wrong(
        "q5",
        "train_mean = X_valid_raw.mean(axis=0); train_std = X_valid_raw.std(axis=0)\n"
        "X_train = standardize(X_train_raw, train_mean, train_std)\n"
        "X_valid = standardize(X_valid_raw, train_mean, train_std)",
        "VALIDATION rows: that is leakage",
    ),
    Wrong(
        "q5",
        "train_mean = X_all.mean(axis=0); train_std = X_all.std(axis=0)\n"
        "X_train = standardize(X_train_raw, train_mean, train_std)\n"
        "X_valid = standardize(X_valid_raw, train_mean, train_std)",
        "ALL the houses, validation rows included: that is leakage",
    ),
    Wrong(
        "q5",
        "both = np.vstack([X_train_raw, X_valid_raw])\ntrain_mean = both.mean(axis=0); train_std = both.std(axis=0)",
        "that is leakage",
    ),
    Wrong(
        "q5",
        "X_valid = standardize(X_valid_raw, X_valid_raw.mean(axis=0), X_valid_raw.std(axis=0))",
        "standardized with its own statistics: that is leakage",
    ),
    Wrong(
        "q5",
        "X_train_raw = X_train_raw.copy(); X_train = X_train_raw\nX_train -= train_mean; X_train /= train_std",
        "changed it in place",
    ),
    Wrong(  # issue 12: in-place writes, with the table and the raw arrays rewritten to match
        "q5",
        "def standardize(X, mean, std):\n    X -= mean\n    X /= std\n    return X\n"
        "X_train = standardize(X_train_raw, train_mean, train_std)\n"
        "X_valid = standardize(X_valid_raw, X_valid_raw.mean(axis=0), X_valid_raw.std(axis=0))\n"
        "df[FEATURES] = 0.0",
        "changed its input X in place",
    ),
    Wrong("q5", "train_mean = X_train_raw.mean(); train_std = X_train_raw.std()", "use axis=0"),
    Wrong("q5", "train_mean = X_train_raw.mean(axis=1); train_std = X_train_raw.std(axis=1)", "not axis=1"),
    Wrong("q5", "train_std = X_train_raw.var(axis=0)", "is the variance"),
    Wrong("q5", "train_mean = np.array([1492.86, -93.64, 42.03])", "column means and standard deviations"),
    Wrong("q5", "X_train = X_train_raw", "X_train is not standardized"),
    Wrong("q5", "X_valid = X_valid_raw", "X_valid is not standardized"),
    Wrong("q5", "X_train = X_train_raw - train_mean", "standardized with the TRAINING mean and std"),
    Wrong("q5", "X_valid = standardize(X_train_raw, train_mean, train_std)", "one row per validation house"),
    Wrong("q5", "train_mean = None", "train_mean is still blank"),
    # ---- q6: the gradient (2 sign, 6 normalisation, 4 transposition, 1 axis, 12, 14, 16)
    Wrong("q6", grad("-2 / len(y) * X.T @ r, -2 / len(y) * r.sum()"), "the wrong sign"),
    Wrong("q6", grad("X.T @ r / len(y), r.sum() / len(y)"), "missing the factor 2"),
    Wrong("q6", grad("2 * X.T @ r, 2 * r.sum()"), "missing the 1/n"),
    Wrong("q6", grad("X.T @ r, r.sum()"), "missing both the factor 2 and the 1/n"),
    Wrong("q6", grad("-X.T @ r / len(y), -r.sum() / len(y)"), "wrong sign and is missing the factor 2"),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w.reshape(-1, 1) + b - y\n"
        "    return 2 / len(y) * X.T @ r, 2 / len(y) * r.sum()",
        "(n, n) matrix",
    ),
    Wrong("q6", grad("2 / len(y) * X.T @ r, 2 / len(y) * r.mean()"), "divided by n twice"),
    Wrong("q6", grad("2 / len(y) * X.T @ r, r.mean()"), "grad_b is missing the factor 2"),
    Wrong("q6", grad("2 / len(y) * X.T @ y, 2 / len(y) * r.sum()"), "used y instead of the residuals"),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w - y\n    return 2 / len(y) * X.T @ r, 2 / len(y) * r.sum()",
        "left b out of the residuals",
    ),
    Wrong("q6", grad("2 / len(y) * X @ r, 2 / len(y) * r.sum()"), "raised ValueError"),
    Wrong("q6", grad("2 / len(y) * X @ r, 2 / len(y) * r.sum()"), "the transpose X.T"),  # found in the browser
    Wrong(  # found in the browser: a w of a fixed size
        "q7",
        "def gradient_descent(X, y, lr, steps):\n    w, b, history = np.zeros(3), 0.0, []\n    for _ in range(steps):\n"
        "        history.append(mse(predict(X, w, b), y))\n        gw, gb = mse_gradient(X, y, w, b)\n"
        "        w, b = w - lr * gw, b - lr * gb\n    return w, b, history",
        "w = np.zeros(X.shape[1]), not a fixed size",
    ),
    Wrong("q6", grad("2 * np.mean(X * r[:, None], axis=1), 2 * r.mean()"), "one entry per house"),
    Wrong("q6", grad("2 / len(y) * r.sum(), 2 / len(y) * X.T @ r"), "returned (grad_b, grad_w)"),
    Wrong("q6", grad("2 / 3 * X.T @ r, 2 / 3 * r.sum()"), "On this example grad_w should be"),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    y -= X @ w + b\n    y *= -1\n    return 2 / len(y) * X.T @ y, 2 / len(y) * y.sum()",
        "changed X, y or w in place",
    ),
    Wrong("q6", grad("2 / len(y) * X.T @ r"), "return a pair"),
    Wrong("q6", "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y", "mse_gradient returned None"),
    # ---- q7: gradient descent (2 sign, 4, 5 off by one, 12 in place, 14 skipped b, 16)
    Wrong("q7", gd(update="w = w + lr * grad_w\n        b = b + lr * grad_b"), "The loss goes UP"),
    Wrong("q7", GD_COLUMN_W, "(n, n) matrix"),
    Wrong("q7", gd(init="w = np.ones(X.shape[1]); b = 1.0"), "start from zeros"),
    Wrong("q7", gd(loop="range(steps - 1)"), "one loss per step"),
    Wrong("q7", gd(loop="range(steps + 1)"), "do exactly `steps` updates"),
    Wrong("q7", gd(loop="range(100)"), "one loss per step"),
    Wrong("q7", gd(update="w = w - 0.1 * grad_w\n        b = b - 0.1 * grad_b"), "use the lr and steps it is given"),
    Wrong("q7", gd(update="w = w - lr * grad_w"), "b never changes"),
    Wrong("q7", gd(update="w = -lr * grad_w\n        b = -lr * grad_b"), "from the current w and b"),
    Wrong("q7", gd(record="history.append(float(np.sqrt(mse(predict(X, w, b), y))))"), "the training MSE at each step"),
    Wrong("q7", gd(before="X -= 0.0; y *= 1.0; y[0] = y[0] + 1.0"), "changed X or y in place"),
    Wrong("q7", gd().replace("(X, y, w, b)", "(X_train, y_train, w, b)"), "not X_train and y_train"),
    Wrong("q7", gd(ret="w, b"), "return three things"),
    Wrong("q7", "def gradient_descent(X, y, lr, steps):\n    w = np.zeros(X.shape[1])", "returned None"),
    # ---- q8: the training run (10 divergence, 5 too few steps, 7 types, 15 leakage, 16 blanks)
    Wrong(
        "q8",
        "lr_gd = 0.95\nwith np.errstate(all='ignore'):\n    " + train("X_train", "y_train"),
        "this learning rate diverges",
    ),
    Wrong("q8", "lr_gd, steps_gd = 0.01, 100\n" + train("X_train", "y_train"), "still falling: train longer"),
    Wrong("q8", "lr_gd, steps_gd = 0.001, 2000\n" + train("X_train", "y_train"), "still falling: train longer"),
    Wrong("q8", "steps_gd = 200.0", "whole number of steps"),
    Wrong("q8", "steps_gd = 100_000", "between 1 and 2,000"),
    Wrong("q8", "lr_gd = -0.1", "lr_gd should be a positive number"),
    Wrong("q8", "lr_gd = '0.1'", "lr_gd should be a positive number"),
    Wrong("q8", "lr_gd = steps_gd = ...\nw_gd = b_gd = history_gd = None", "still blank"),  # not "diverges"
    Wrong("q8", "w_gd = b_gd = history_gd = None", "they come from the training line"),
    # found in the browser: y_train unset (Run All before q1); the message names the q5 cell that sets it
    Wrong("q8", "y_train = None\nw_gd = b_gd = history_gd = None", "Run the q5 cell, then the q8 cell again"),
    Wrong("q8", train("X_valid", "y_valid"), "fit the VALIDATION houses: that is leakage"),
    Wrong("q8", train(ALL_X, ALL_Y), "fit ALL the houses, validation rows included: that is leakage"),
    Wrong("q8", train("X_train_raw", "y_train", "3e-7"), "fit the RAW features"),
    Wrong("q8", "w_gd = np.round(w_gd, 1)", "do not come from training on X_train"),
    Wrong("q8", "history_gd = history_gd[:-5]", "one loss per step"),
    # ---- q9: closed form and MAE in dollars (6, 3 units, 15 wrong rows / leakage, 4 order, 14 no bias)
    Wrong("q9", f"valid_mae_dollars = float(np.mean({MAE}))", "in units of 100,000 dollars"),
    Wrong(
        "q9", "valid_mae_dollars = mse(predict(X_valid, w_closed, b_closed), y_valid) * 100_000", "the MSE, not the MAE"
    ),
    Wrong(
        "q9",
        "valid_mae_dollars = mse(predict(X_valid, w_closed, b_closed), y_valid) * 100_000 ** 2",
        "the MSE, not the MAE",
    ),
    Wrong(
        "q9", "valid_mae_dollars = np.sqrt(mse(predict(X_valid, w_closed, b_closed), y_valid)) * 100_000", "the RMSE"
    ),
    Wrong(
        "q9",
        "valid_mae_dollars = float(np.mean(np.abs(predict(X_train, w_closed, b_closed) - y_train))) * 1e5",
        "measured on the TRAINING set",
    ),
    Wrong("q9", f"valid_mae_dollars = float(np.median({MAE})) * 1e5", "median absolute error"),
    Wrong("q9", f"valid_mae_dollars = float(np.sum({MAE})) * 1e5", "sum of the absolute errors"),
    Wrong("q9", "w_closed, b_closed = theta[1:], theta[0]", "last 3 numbers of lstsq"),
    Wrong("q9", "closed_train_mse = mse(predict(X_valid, w_closed, b_closed), y_valid)", "on the TRAINING set"),
    Wrong("q9", "closed_train_mse = np.sqrt(closed_train_mse)", "is the RMSE (a square root)"),
    Wrong(
        "q9",
        "theta = np.linalg.lstsq(X_train, y_train, rcond=None)[0]\nw_closed, b_closed = theta, 0.0\n"
        "closed_train_mse = mse(predict(X_train, w_closed, b_closed), y_train)",
        "the weight of the column of ones",
    ),
    Wrong(
        "q9",
        closed(LONLAT_1.format("X_valid"), "y_valid"),
        "fitted on the VALIDATION houses: that is leakage",
    ),
    Wrong(
        "q9",
        closed(LONLAT_1.format(ALL_X), ALL_Y),
        "fitted on ALL the houses, validation rows included: that is leakage",
    ),
    Wrong("q9", "w_closed = theta[:2]", "should be the 3 feature weights"),
    Wrong("q9", "b_closed = None", "b_closed is still blank"),
    # ---- q10: classification the wrong way (8 rounding, 9 class edges, 15 leakage, 6, 16)
    Wrong("q10", "class_pred_valid = class_score_valid", "round the scores"),
    Wrong("q10", "class_pred_valid = np.floor(np.clip(class_score_valid, 0, 2))", "rounded down"),
    Wrong("q10", "class_pred_valid = class_score_valid.astype(int)", "rounded down"),
    Wrong("q10", "class_pred_valid = np.ceil(class_score_valid)", "rounded up"),
    Wrong(
        "q10",
        "wrong_way_accuracy = float(np.mean(np.clip(np.round(np.column_stack([lonlat_train, "
        "np.ones(len(lonlat_train))]) @ class_theta), 0, 2) == class_train))",
        "on the TRAINING houses",
    ),
    Wrong("q10", classes("lonlat_valid", "class_valid"), "fitted on the VALIDATION houses: that is leakage"),
    Wrong(
        "q10",
        classes("np.vstack([lonlat_train, lonlat_valid])", "np.concatenate([class_train, class_valid])"),
        "fitted on ALL the houses, validation rows included: that is leakage",
    ),
    Wrong("q10", classes("lonlat_train", "y_train"), "fitted to the prices"),
    Wrong(
        "q10",
        "class_theta = np.linalg.lstsq(lonlat_train, class_train, rcond=None)[0]",
        "class_theta should hold 3 numbers",
    ),
    Wrong(
        "q10",
        "class_theta = np.linalg.lstsq(np.column_stack([X_train, np.ones(len(X_train))]), class_train, rcond=None)[0]",
        "class_theta should hold 3 numbers",
    ),
    Wrong(
        "q10",
        "class_pred_valid = np.clip(np.round(lonlat_valid @ class_theta[:2]), 0, 2)",
        "rounded (and clipped to 0..2) score",
    ),
    Wrong(
        "q10",
        "class_pred_valid = np.clip(np.round(np.column_stack([lonlat_train, np.ones(len(lonlat_train))]) "
        "@ class_theta), 0, 2)",
        "one class per TRAINING house",
    ),
    Wrong("q10", "wrong_way_accuracy = float(np.sum(class_pred_valid == class_valid))", "between 0 and 1"),
    Wrong("q10", "wrong_way_accuracy = 100 * float(np.mean(class_pred_valid == class_valid))", "a percentage"),
    Wrong("q10", "wrong_way_accuracy = float(np.mean(class_pred_valid != class_valid))", "the error rate"),
    Wrong("q10", "wrong_way_accuracy = 1 / 3", "fraction of validation houses"),
    Wrong("q10", "class_theta = ...", "class_theta is still blank"),
    # found in the browser: Run All first, then q1 and q5 answered without running the class cell again
    Wrong("q10", "class_theta = class_pred_valid = wrong_way_accuracy = ...", "run it again"),
]

RIGHT = [
    # q1
    Right(
        "q1",
        "price = df.Sale_Price.values.astype(np.float32) / 1e5\narea = np.array(df['Gr_Liv_Area']) * 0.001",
        ".values, float32, multiply by 0.001",
    ),
    Right("q1", "price = np.asarray(df['Sale_Price'], dtype=float) * 1e-5", "np.asarray and 1e-5"),
    # q2
    Right(
        "q2",
        "def predict_line(x, w, b):\n    return np.array([xi * w + b for xi in x])\n"
        "def mse(y_hat, y):\n    return sum((a - c) ** 2 for a, c in zip(y_hat, y)) / len(y)",
        "loops and sum / n",
    ),
    Right(
        "q2",
        "def mse(y_hat, y):\n    r = np.asarray(y) - np.asarray(y_hat)\n    return np.dot(r, r) / r.size",
        "y - y_hat and np.dot",
    ),
    Right(
        "q2",
        "def predict_line(x, w, b):\n    return [xi * w + b for xi in x]\n"
        "def mse(y_hat, y):\n    return np.float32(np.mean(np.square(np.subtract(y_hat, y))))",
        "a list of predictions, np.square, a float32 result",
    ),
    # q3
    Right(
        "q3",
        "w_guess, b_guess = 1, 0.3\nguess_mse = np.mean((area * w_guess + b_guess - price) ** 2)",
        "integers and the MSE written inline",
    ),
    Right(
        "q3",
        "w_guess, b_guess = np.float64(1.2), np.int64(0)\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)",
        "NumPy scalars, another line through the cloud",
    ),
    Right(
        "q3",
        "guess_mse = round(mse(predict_line(area, w_guess, b_guess), price), 5)",
        "the MSE rounded to 5 digits",
    ),
    # q4
    Right(
        "q4",
        "def predict(X, w, b):\n    return np.array([sum(x_ij * w_j for x_ij, w_j in zip(row, w)) + b for row in X])",
        "a loop over rows",
    ),
    Right("q4", "def predict(X, w, b):\n    return np.dot(X, w) + b", "np.dot"),
    Right("q4", "def predict(X, w, b):\n    return np.einsum('nf,f->n', X, w) + b", "np.einsum"),
    Right("q4", "def predict(X, w, b):\n    return (X * w).sum(axis=1) + b", "elementwise product summed over axis=1"),
    Right(
        "q4",
        "def predict(X, w, b):\n    return (np.asarray(X, dtype=np.float32) @ np.asarray(w, dtype=np.float32) + b)",
        "float32",
    ),
    # q5
    Right(
        "q5",
        "train_mean = np.array(df.iloc[train_idx][FEATURES].mean())\n"
        "train_std = np.array(df.iloc[train_idx][FEATURES].std())\n"
        "X_train = standardize(X_train_raw, train_mean, train_std)\n"
        "X_valid = standardize(X_valid_raw, train_mean, train_std)",
        "pandas statistics (std with ddof=1)",
    ),
    Right(
        "q5",
        "def standardize(X, mean, std):\n    out = np.empty_like(X, dtype=float)\n"
        "    for j in range(X.shape[1]):\n        out[:, j] = (X[:, j] - mean[j]) / std[j]\n    return out\n"
        "X_train = standardize(X_train_raw, train_mean, train_std).astype(np.float32)\n"
        "X_valid = standardize(X_valid_raw, train_mean, train_std).astype(np.float32)",
        "a loop over columns, float32 results",
    ),
    Right(
        "q5",
        "def standardize(X, mean, std):\n    X = X.copy()\n    X -= mean\n    X /= std\n    return X\n"
        "train_mean = list(np.mean(X_train_raw, axis=0)); train_std = tuple(np.std(X_train_raw, axis=0))\n"
        "X_train = standardize(X_train_raw, np.array(train_mean), np.array(train_std))\n"
        "X_valid = standardize(X_valid_raw, np.array(train_mean), np.array(train_std))",
        "in-place updates on a copy, list and tuple statistics",
    ),
    # q6
    Right("q6", GRADIENT_LOOPS, "loops returning lists"),
    Right(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = np.dot(X, w) + b - y\n"
        "    return 2 * np.dot(r, X) / len(y), 2 * np.mean(r)",
        "np.dot and np.mean",
    ),
    Right(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = (X @ w + b - y).reshape(-1, 1)\n"
        "    return 2 / len(y) * X.T @ r, np.float32(2 * r.mean())",
        "a (f, 1) gradient and a float32 grad_b",
    ),
    Right(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = predict(X, w, b) - y\n"
        "    return [2 * np.mean(r * X[:, j]) for j in range(X.shape[1])], 2 * float(np.mean(r))",
        "one mean per column, as a list",
    ),
    # q7
    Right("q7", GD_COLUMN_RIGHT, "w as an (f, 1) column with y made a column"),
    Right("q7", GD_AFTER_STEP, "history recorded after each step, as an array, in-place updates of w"),
    Right("q7", GD_LOOPS_FLOAT32, "pure-Python loops on float32 data"),
    Right("q7", GD_WHILE, "a while loop, an integer b at the start, a tuple history"),
    # q8
    Right(
        "q8",
        "lr_gd, steps_gd = 0.5, 100\n" + train("X_train", "y_train"),
        "a larger learning rate, fewer steps",
    ),
    Right(
        "q8",
        "lr_gd, steps_gd = 0.01, 1000\n" + train("X_train", "y_train"),
        "a small learning rate, many steps",
    ),
    Right(
        "q8",
        "lr_gd, steps_gd = 0.1, np.int64(200)\n"
        "w_gd, b_gd, history_gd = gradient_descent(X_train.astype(np.float32), y_train.astype(np.float32), lr_gd, 200)",
        "float32 data and a NumPy integer",
    ),
    Right("q8", "lr_gd, steps_gd = np.float64(0.3), 2000\n" + train("X_train", "y_train"), "the most steps allowed"),
    # q9
    Right(
        "q9",
        "theta_all, *_ = np.linalg.lstsq(A_train, y_train, rcond=None)\n"
        "w_closed, b_closed = list(theta_all[:3]), theta_all[-1:]\n"
        "closed_train_mse = np.mean((A_train @ theta_all - y_train) ** 2)\n"
        "valid_mae_dollars = 100_000 * np.mean(np.abs(X_valid @ theta_all[:3] + theta_all[3] - y_valid))",
        "list weights, a 1-element b, arithmetic written inline",
    ),
    Right(
        "q9",
        "valid_mae_dollars = float(np.mean(np.abs(predict(X_valid, np.ravel(w_gd), b_gd) - y_valid))) * 100_000",
        "the MAE of the gradient-descent model",
    ),
    Right(
        "q9",
        "theta = np.linalg.solve(A_train.T @ A_train, A_train.T @ y_train)\n"
        "w_closed, b_closed = theta[:3], theta[3]\n"
        "closed_train_mse = mse(predict(X_train, w_closed, b_closed), y_train)\n"
        "valid_mae_dollars = round(float(np.mean(np.abs(predict(X_valid, w_closed, b_closed) - y_valid))) * 1e5)",
        "the normal equations, the MAE rounded to the dollar",
    ),
    # q10
    Right(
        "q10",
        "class_pred_valid = np.round(class_score_valid)\nwrong_way_accuracy = np.mean(class_pred_valid == class_valid)",
        "rounded without clipping, floats",
    ),
    Right("q10", "wrong_way_accuracy = round(wrong_way_accuracy, 3)", "the accuracy rounded within 1/586"),
    Right(
        "q10",
        "class_pred_valid = [min(2, max(0, int(round(s)))) for s in class_score_valid]\n"
        "wrong_way_accuracy = sum(int(p == c) for p, c in zip(class_pred_valid, class_valid)) / len(class_valid)",
        "a loop, a list of Python integers",
    ),
]
