"""Lesson 02: wrong answers that must lose points (with their message) and right ones that must not.

Accepted alternatives (said in the lesson text or decided here): loops instead of vectorised code,
np.mean vs sum / n, X.T @ r vs np.dot, float32 arrays, plain Python numbers, lists for history,
w returned from gradient_descent as (f,) or (f, 1) (with y made a column inside), a history recorded
before or after each update, np.std with ddof=0 or ddof=1 (pandas .std()), class predictions
clipped or not. Not accepted: predict returning an (n, 1) column (the text asks for (n,)).
"""

from harness import Right, Wrong

GD_WRONG_SIGN = """
def gradient_descent(X, y, lr, steps):
    w = np.zeros(X.shape[1]); b = 0.0; history = []
    for _ in range(steps):
        history.append(mse(predict(X, w, b), y))
        grad_w, grad_b = mse_gradient(X, y, w, b)
        w = w + lr * grad_w
        b = b + lr * grad_b
    return w, b, history
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

GD_NOT_FROM_ZERO = """
def gradient_descent(X, y, lr, steps):
    w = np.ones(X.shape[1]); b = 1.0; history = []
    for _ in range(steps):
        history.append(mse(predict(X, w, b), y))
        grad_w, grad_b = mse_gradient(X, y, w, b)
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, b, history
"""

GD_OFF_BY_ONE = """
def gradient_descent(X, y, lr, steps):
    w = np.zeros(X.shape[1]); b = 0.0; history = []
    for _ in range(steps - 1):
        history.append(mse(predict(X, w, b), y))
        grad_w, grad_b = mse_gradient(X, y, w, b)
        w = w - lr * grad_w
        b = b - lr * grad_b
    return w, b, history
"""

GD_MUTATES = """
def gradient_descent(X, y, lr, steps):
    X -= 0.0
    y *= 1.0
    y[0] = y[0] + 1.0
    w = np.zeros(X.shape[1]); b = 0.0; history = []
    for _ in range(steps):
        history.append(mse(predict(X, w, b), y))
        grad_w, grad_b = mse_gradient(X, y, w, b)
        w = w - lr * grad_w
        b = b - lr * grad_b
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

WRONG = [
    # q1: units
    Wrong("q1", "price = df['Sale_Price'].to_numpy()", "price is still in dollars"),
    Wrong("q1", "price = df['Sale_Price'].to_numpy() / 1000", "divided by 1,000"),
    Wrong("q1", "area = df['Gr_Liv_Area'].to_numpy()", "area is still in square feet"),
    Wrong("q1", "price = df['Sale_Price'] / 100_000", "should be a NumPy array"),
    Wrong("q1", "price = np.sort(df['Sale_Price'].to_numpy() / 100_000)", "original order"),
    # q2: predict_line and mse
    Wrong("q2", "def predict_line(x, w, b):\n    return x * w", "forgot the intercept"),
    Wrong("q2", "def predict_line(x, w, b):\n    x *= w\n    x += b\n    return x", "changed its input array"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.mean(np.abs(y_hat - y))", "mean ABSOLUTE error (MAE)"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.sum((y_hat - y) ** 2)", "summed the squared errors"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.sqrt(np.mean((y_hat - y) ** 2))", "took a square root"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.mean((y_hat - y) ** 2) / 2", "divided by 2"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.mean(y_hat - y)", "square them first"),
    Wrong("q2", "def mse(y_hat, y):\n    raise NotImplementedError", "raised NotImplementedError"),
    Wrong("q2", "mse = None", "should be functions"),
    # q3: the guess
    Wrong(
        "q3", "w_guess = 112.0\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)", "dollars per square foot"
    ),
    Wrong(
        "q3",
        "w_guess, b_guess = 0.0, 1.8\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)",
        "far from the cloud",
    ),
    Wrong("q3", "guess_mse = mse(predict_line(area[:100], w_guess, b_guess), price[:100])", "on all the houses"),
    Wrong("q3", "guess_mse = None", "should be a single number"),
    # q4: predict
    Wrong("q4", "def predict(X, w, b):\n    return (X @ w + b).reshape(-1, 1)", "(n, n) matrix"),
    Wrong("q4", "def predict(X, w, b):\n    return X @ w", "forgot the intercept"),
    Wrong("q4", "def predict(X, w, b):\n    return X @ w + b * len(w)", "it should be X @ w + b"),
    Wrong(
        "q4", "def predict(X, w, b):\n    X *= 1.0\n    X[0, 0] += 1.0\n    return X @ w + b", "changed X or w in place"
    ),
    Wrong("q4", "def predict(X, w, b):\n    return X[:, 0] * w[0] + b", "should be X @ w + b"),
    # q5: standardization
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
    Wrong("q5", "def standardize(X, mean, std):\n    return X - mean", "(X - mean) / std"),
    Wrong(
        "q5",
        "train_mean = X_valid_raw.mean(axis=0); train_std = X_valid_raw.std(axis=0)",
        "come from the VALIDATION set",
    ),
    Wrong(
        "q5",
        "train_mean = X_all.mean(axis=0); train_std = X_all.std(axis=0)\n"
        "X_train = standardize(X_train_raw, train_mean, train_std)\n"
        "X_valid = standardize(X_valid_raw, train_mean, train_std)",
        "come from the WHOLE data set",
    ),
    Wrong(
        "q5",
        "X_valid = standardize(X_valid_raw, X_valid_raw.mean(axis=0), X_valid_raw.std(axis=0))",
        "standardized with its own statistics",
    ),
    Wrong(
        "q5",
        "X_train_raw = X_train_raw.copy(); X_train = X_train_raw\nX_train -= train_mean; X_train /= train_std",
        "changed in place",
    ),
    Wrong("q5", "train_mean = X_train_raw.mean(); train_std = X_train_raw.std()", "use axis=0"),
    Wrong("q5", "X_train = X_train_raw - train_mean", "X_train should be X_train_raw standardized"),
    # q6: the gradient
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y\n    return -2 / len(y) * X.T @ r, -2 / len(y) * r.sum()",
        "the wrong sign",
    ),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y\n    return X.T @ r / len(y), r.sum() / len(y)",
        "missing the factor 2",
    ),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y\n    return 2 * X.T @ r, 2 * r.sum()",
        "missing the 1/n",
    ),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y\n    return X.T @ r, r.sum()",
        "missing both the factor 2 and the 1/n",
    ),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w.reshape(-1, 1) + b - y\n"
        "    return 2 / len(y) * X.T @ r, 2 / len(y) * r.sum()",
        "(n, n) matrix",
    ),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y\n    return 2 / len(y) * X.T @ r, 2 / len(y) * r.mean()",
        "grad_b is wrong",
    ),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y\n    return 2 / len(y) * X.T @ y, 2 / len(y) * r.sum()",
        "grad_w is wrong",
    ),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    y -= X @ w + b\n    y *= -1\n    return 2 / len(y) * X.T @ y, 2 / len(y) * y.sum()",
        "changed X, y or w in place",
    ),
    Wrong(
        "q6", "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y\n    return 2 / len(y) * X.T @ r", "return a pair"
    ),
    # q7: gradient descent
    Wrong("q7", GD_WRONG_SIGN, "The loss goes UP"),
    Wrong("q7", GD_COLUMN_W, "(n, n) matrix"),
    Wrong("q7", GD_NOT_FROM_ZERO, "start from zeros"),
    Wrong("q7", GD_OFF_BY_ONE, "one loss per step"),
    Wrong("q7", GD_MUTATES, "changed X or y in place"),
    Wrong("q7", "def gradient_descent(X, y, lr, steps):\n    return np.zeros(X.shape[1]), 0.0", "return three things"),
    # q8: the training run
    Wrong(
        "q8",
        "lr_gd = 0.95\nwith np.errstate(all='ignore'):\n"
        "    w_gd, b_gd, history_gd = gradient_descent(X_train, y_train, lr_gd, steps_gd)",
        "diverges",
    ),
    Wrong(
        "q8",
        "lr_gd, steps_gd = 0.01, 100\nw_gd, b_gd, history_gd = gradient_descent(X_train, y_train, lr_gd, steps_gd)",
        "more than 0.1 % above",
    ),
    Wrong("q8", "steps_gd = 200.0", "whole number of steps"),
    Wrong("q8", "steps_gd = 100_000", "between 1 and 2,000"),
    # q9: closed form and MAE in dollars
    Wrong(
        "q9",
        "valid_mae_dollars = float(np.mean(np.abs(predict(X_valid, w_closed, b_closed) - y_valid)))",
        "in units of $100k",
    ),
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
        "on the TRAINING set",
    ),
    Wrong("q9", "w_closed, b_closed = theta[1:], theta[0]", "first 3 numbers of lstsq"),
    Wrong("q9", "closed_train_mse = mse(predict(X_valid, w_closed, b_closed), y_valid)", "on the TRAINING set"),
    Wrong(
        "q9",
        "theta = np.linalg.lstsq(X_train, y_train, rcond=None)[0]\nw_closed, b_closed = theta, 0.0\n"
        "closed_train_mse = mse(predict(X_train, w_closed, b_closed), y_train)",
        "weight of the column of ones",
    ),
    # q10: classification the wrong way
    Wrong("q10", "class_pred_valid = class_score_valid", "round the scores"),
    Wrong("q10", "class_pred_valid = np.floor(np.clip(class_score_valid, 0, 2))", "rounded (and clipped"),
    Wrong(
        "q10",
        "wrong_way_accuracy = float(np.mean(np.clip(np.round(np.column_stack([lonlat_train, "
        "np.ones(len(lonlat_train))]) @ class_theta), 0, 2) == class_train))",
        "on the TRAINING houses",
    ),
    Wrong(
        "q10",
        "class_theta = np.linalg.lstsq(np.column_stack([lonlat_valid, np.ones(len(lonlat_valid))]), "
        "class_valid, rcond=None)[0]",
        "against the training classes",
    ),
    Wrong("q10", "wrong_way_accuracy = float(np.sum(class_pred_valid == class_valid))", "between 0 and 1"),
]

RIGHT = [
    Right(
        "q1",
        "price = df.Sale_Price.values.astype(np.float32) / 1e5\narea = np.array(df['Gr_Liv_Area']) * 0.001",
        ".values, float32, multiply by 0.001",
    ),
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
        "q3",
        "w_guess, b_guess = 1, 0.3\nguess_mse = np.mean((area * w_guess + b_guess - price) ** 2)",
        "integers and the MSE written inline",
    ),
    Right(
        "q4",
        "def predict(X, w, b):\n    return np.array([sum(x_ij * w_j for x_ij, w_j in zip(row, w)) + b for row in X])",
        "a loop over rows",
    ),
    Right("q4", "def predict(X, w, b):\n    return np.dot(X, w) + b", "np.dot"),
    Right(
        "q4",
        "def predict(X, w, b):\n    return (np.asarray(X, dtype=np.float32) @ np.asarray(w, dtype=np.float32) + b)",
        "float32",
    ),
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
    Right("q7", GD_COLUMN_RIGHT, "w as an (f, 1) column with y made a column"),
    Right("q7", GD_AFTER_STEP, "history recorded after each step, as an array, in-place updates of w"),
    Right("q7", GD_LOOPS_FLOAT32, "pure-Python loops on float32 data"),
    Right(
        "q8",
        "lr_gd, steps_gd = 0.5, 100\nw_gd, b_gd, history_gd = gradient_descent(X_train, y_train, lr_gd, steps_gd)",
        "a larger learning rate, fewer steps",
    ),
    Right(
        "q8",
        "lr_gd, steps_gd = 0.01, 1000\nw_gd, b_gd, history_gd = gradient_descent(X_train, y_train, lr_gd, steps_gd)",
        "a small learning rate, many steps",
    ),
    Right(
        "q8",
        "lr_gd, steps_gd = 0.1, np.int64(200)\n"
        "w_gd, b_gd, history_gd = gradient_descent(X_train.astype(np.float32), y_train.astype(np.float32), lr_gd, 200)",
        "float32 data and a NumPy integer",
    ),
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
        "q10",
        "class_pred_valid = np.round(class_score_valid)\nwrong_way_accuracy = np.mean(class_pred_valid == class_valid)",
        "rounded without clipping, floats",
    ),
]
