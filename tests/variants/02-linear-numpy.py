"""Lesson 02: wrong answers that must lose points (with their message) and right ones that must not.

Derived question by question from tests/variants/CHECKLIST.md (the item numbers are in the comments).
Every test of this lesson takes its truth from data/ames.csv, read by the test itself, never from the
student's variables; the variants that rewrite `df` or the raw arrays show that this holds.

Accepted alternatives (said in the lesson text or decided here): loops instead of vectorised code,
np.mean vs sum / n, X.T @ r vs np.dot, float32 arrays, plain Python numbers, np.std with ddof=0 or
ddof=1 (pandas .std()). Not accepted: predict returning an (n, 1) column (the text asks for (n,)).
"""

from harness import Right, Wrong

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
]
