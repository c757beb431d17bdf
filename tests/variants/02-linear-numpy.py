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
    Wrong("q1", "price = df['Sale_Price'].to_numpy()", "price is still in dollars", mistake="price-in-dollars"),
    Wrong("q1", "price = df['Sale_Price'].to_numpy() / 1000", "divided by 1,000", mistake="price-divided-by-1000"),
    Wrong(
        "q1", "price = df['Sale_Price'].to_numpy() * 100_000", "multiplied by 100,000", mistake="multiplied-not-divided"
    ),
    Wrong("q1", "area = df['Gr_Liv_Area'].to_numpy()", "area is still in square feet", mistake="area-in-square-feet"),
    Wrong("q1", "area = df['Gr_Liv_Area'].to_numpy() / 100", "divided by 100", mistake="area-divided-by-100"),
    Wrong("q1", "price, area = area, price", "swapped", mistake="price-area-swapped"),
    Wrong("q1", "price = df['Sale_Price'] / 100_000", "should be a NumPy array", mistake="not-a-numpy-array"),
    Wrong("q1", "area = list(df['Gr_Liv_Area'] / 1000)", "should be a NumPy array", mistake="not-a-numpy-array"),
    Wrong("q1", "price = df[['Sale_Price']].to_numpy() / 100_000", "shape (2930,)", mistake="wrong-shape"),
    Wrong("q1", "price = df['Sale_Price'].to_numpy()[:100] / 100_000", "shape (2930,)", mistake="wrong-shape"),
    Wrong("q1", "price = df['Sale_Price'].to_numpy() // 100_000", "lost its decimals", mistake="integer-division"),
    Wrong("q1", "price = np.round(df['Sale_Price'].to_numpy() / 100_000, 1)", "was rounded", mistake="rounded"),
    Wrong("q1", "price = np.sort(df['Sale_Price'].to_numpy() / 100_000)", "original order", mistake="sorted"),
    Wrong("q1", "price = df['Sale_Price'].astype(str).to_numpy()", "should hold numbers", mistake="not-numbers"),
    Wrong("q1", "area = ...", "area is still blank", mistake="blank"),
    Wrong(  # the table rewritten to match (issue 12): the test reads data/ames.csv itself
        "q1",
        "price = df['Sale_Price'].to_numpy() / 1000\ndf['Sale_Price'] = price * 100_000",
        "divided by 1,000",
        mistake="price-divided-by-1000",
    ),
    # ---- q2: predict_line and mse (14 skipped step, 12 in place, 6 normalisation, 8, 16)
    Wrong("q2", "def predict_line(x, w, b):\n    return x * w", "forgot the intercept", mistake="line-no-intercept"),
    Wrong("q2", "def predict_line(x, w, b):\n    return x * b + w", "swapped w and b", mistake="line-w-b-swapped"),
    Wrong(
        "q2",
        "def predict_line(x, w, b):\n    x *= w\n    x += b\n    return x",
        "changed its input array",
        mistake="line-changes-input",
    ),
    Wrong("q2", "def predict_line(x, w, b):\n    x * w + b", "returned None", mistake="no-return"),
    Wrong(
        "q2",
        "def predict_line(x, w, b):\n    return np.array([2.5, 4.5, 6.5])",
        "should be [3, -7]",
        mistake="line-typed-in",
    ),
    Wrong(
        "q2",
        "def mse(y_hat, y):\n    return np.mean(np.abs(y_hat - y))",
        "mean ABSOLUTE error (MAE)",
        mistake="mse-is-mae",
    ),
    Wrong(
        "q2",
        "def mse(y_hat, y):\n    return np.sum((y_hat - y) ** 2)",
        "summed the squared errors",
        mistake="mse-sum-not-mean",
    ),
    Wrong(
        "q2",
        "def mse(y_hat, y):\n    return np.sum((y_hat - y) ** 2) / (len(y) - 1)",
        "divided by n - 1",
        mistake="mse-n-minus-1",
    ),
    Wrong(
        "q2",
        "def mse(y_hat, y):\n    return np.sqrt(np.mean((y_hat - y) ** 2))",
        "took a square root",
        mistake="mse-is-rmse",
    ),
    Wrong("q2", "def mse(y_hat, y):\n    return np.mean((y_hat - y) ** 2) / 2", "divided by 2", mistake="mse-halved"),
    Wrong("q2", "def mse(y_hat, y):\n    return np.mean(y_hat - y)", "square them first", mistake="mse-not-squared"),
    Wrong(
        "q2",
        "def mse(y_hat, y):\n    return np.mean(y_hat - y) ** 2",
        "squared the MEAN error",
        mistake="mse-square-of-mean",
    ),
    Wrong(
        "q2",
        "def mse(y_hat, y):\n    return (y_hat - y) ** 2",
        "should return a single number",
        mistake="mse-not-one-number",
    ),
    Wrong("q2", "def mse(y_hat, y):\n    return 2.0", "should be 4.333", mistake="mse-wrong-value"),
    # found in the browser: the example is printed as plain numbers, not np.float64(1.0)
    Wrong(
        "q2",
        "def mse(y_hat, y):\n    return 2.0",
        "mse([1.0, 2.0, 3.0], [1.0, 4.0, 0.0]) should be 4.333",
        mistake="mse-wrong-value",
    ),
    Wrong(
        "q2",
        "def mse(y_hat, y):\n    return round(float(np.mean((y_hat - y) ** 2)))",
        "should be 4.333",
        mistake="mse-wrong-value",
    ),
    Wrong(
        "q2",
        "def mse(y_hat, y):\n    y -= y_hat\n    return float(np.mean(y ** 2))",
        "changed its input arrays",
        mistake="mse-changes-input",
    ),
    Wrong("q2", "def mse(y_hat, y):\n    raise NotImplementedError", "raised NotImplementedError", mistake="raises"),
    Wrong("q2", "mse = None", "should be functions", mistake="not-functions"),
    # ---- q3: the guess (7 units, 15 rows, 13 typed-in, 16)
    Wrong(
        "q3",
        "w_guess = 112.0\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)",
        "dollars per square foot",
        mistake="slope-in-dollars-per-sqft",
    ),
    Wrong(
        "q3",
        "w_guess, b_guess = 0.0, 1.8\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)",
        "far from the cloud",
        mistake="line-far-from-cloud",
    ),
    Wrong(  # the example: the text now says why it fails (1.5 times the best line's MSE)
        "q3",
        "w_guess, b_guess = 1.5, 0.0\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)",
        "the check accepts below 0.48",
        mistake="line-far-from-cloud",
    ),
    Wrong(
        "q3",
        "w_guess, b_guess = -1.1, 4.0\nguess_mse = mse(predict_line(area, w_guess, b_guess), price)",
        "far from the cloud",
        mistake="line-far-from-cloud",
    ),
    Wrong(
        "q3",
        "guess_mse = mse(predict_line(area[:100], w_guess, b_guess), price[:100])",
        "some of the houses",
        mistake="mse-on-some-houses",
    ),
    Wrong(
        "q3",
        "guess_mse = mse(predict_line(area, 1.0, 0.3), price)",
        "the MSE of your line on all",
        mistake="guess-mse-not-of-the-line",
    ),
    Wrong(
        "q3",
        "guess_mse = float(np.sum((area * w_guess + b_guess - price) ** 2))",
        "the MSE of your line on all",
        mistake="guess-mse-not-of-the-line",
    ),
    Wrong("q3", "guess_mse = 0.3", "the MSE of your line on all", mistake="guess-mse-not-of-the-line"),
    Wrong("q3", "w_guess = '1.1'", "should be a single number", mistake="not-a-number"),
    Wrong("q3", "w_guess = [1.1]", "should be a single number", mistake="not-a-number"),
    Wrong("q3", "guess_mse = None", "guess_mse is still blank", mistake="blank"),
    # ---- q4: predict (4 transposition, 1 axis, 2 sign, 11 one row, 12 in place, 13 typed-in, 14)
    Wrong(
        "q4",
        "def predict(X, w, b):\n    return (X @ w + b).reshape(-1, 1)",
        "(n, n) matrix",
        mistake="column-predictions",
    ),
    Wrong("q4", "def predict(X, w, b):\n    return X @ w", "forgot the intercept", mistake="no-intercept"),
    Wrong("q4", "def predict(X, w, b):\n    return X @ w - b", "subtracted b", mistake="subtracts-b"),
    Wrong("q4", "def predict(X, w, b):\n    return X @ w + b * len(w)", "(X @ w + b)", mistake="wrong-value"),
    Wrong(
        "q4",
        "def predict(X, w, b):\n    X *= 1.0\n    X[0, 0] += 1.0\n    return X @ w + b",
        "changed X or w in place",
        mistake="changes-input",
    ),
    Wrong(
        "q4",
        "def predict(X, w, b):\n    return X[:, 0] * w[0] + b",
        "only the first feature",
        mistake="first-feature-only",
    ),
    Wrong("q4", "def predict(X, w, b):\n    return X * w + b", "multiplies elementwise", mistake="elementwise-product"),
    Wrong(
        "q4",
        "def predict(X, w, b):\n    return np.sum(X * w) + b",
        "a single number for 3 houses",
        mistake="one-number-for-all",
    ),
    Wrong(
        "q4",
        "def predict(X, w, b):\n    return np.sum(X * w, axis=0) + b",
        "one number per feature",
        mistake="sum-over-houses",
    ),
    Wrong("q4", "def predict(X, w, b):\n    return X.T @ w + b", "raised ValueError", mistake="matmul-operands-wrong"),
    # issue 22 (as in lesson 03's gradient descent): a function that ignores its arguments is told so
    Wrong(
        "q4",
        "def predict(X, w, b):\n    return X_train @ w + b",
        "predict does not use its own arguments",
        mistake="ignores-arguments",
    ),
    # found in the browser: the operands of @ the wrong way round (the message names the order)
    Wrong("q4", "def predict(X, w, b):\n    return w @ X + b", "not w @ X", mistake="matmul-operands-wrong"),
    Wrong(
        "q4",
        "def predict(X, w, b):\n    return X[0] @ w + b",
        "a single number for 3 houses",
        mistake="one-number-for-all",
    ),
    Wrong(
        "q4",
        "def predict(X, w, b):\n    return np.array([4.5, 10.5, 16.5])",
        "should return shape (1,)",
        mistake="typed-in",
    ),
    Wrong("q4", "def predict(X, w, b):\n    X @ w + b", "returned None", mistake="no-return"),
    Wrong("q4", "predict = 'X @ w + b'", "should be a function", mistake="not-a-function"),
    # ---- q5: standardization (12 in place, 6, 1 axis, 15 wrong rows / leakage, 8 typed-in, 14, 16)
    Wrong(
        "q5",
        "def standardize(X, mean, std):\n    X -= mean\n    X /= std\n    return X",
        "changed its input X in place",
        mistake="standardize-in-place",
    ),
    Wrong(
        "q5",
        "def standardize(X, mean, std):\n    return (X - X.mean(axis=0)) / X.std(axis=0)",
        "used X's own mean and std",
        mistake="standardize-own-statistics",
    ),
    Wrong(
        "q5",
        "def standardize(X, mean, std):\n    return X - mean",
        "only subtracted the mean",
        mistake="standardize-no-division",
    ),
    Wrong(
        "q5",
        "def standardize(X, mean, std):\n    return X / std",
        "only divided by std",
        mistake="standardize-no-centering",
    ),
    Wrong(
        "q5",
        "def standardize(X, mean, std):\n    return X - mean / std",
        "put brackets around X - mean",
        mistake="standardize-precedence",
    ),
    Wrong(
        "q5",
        "def standardize(X, mean, std):\n    return (X - mean) * std",
        "multiplied by std",
        mistake="standardize-multiplies",
    ),
    Wrong("q5", "def standardize(X, mean, std):\n    (X - mean) / std", "returned None", mistake="no-return"),
    Wrong(
        "q5",
        "train_mean = X_valid_raw.mean(axis=0); train_std = X_valid_raw.std(axis=0)\n"
        "X_train = standardize(X_train_raw, train_mean, train_std)\n"
        "X_valid = standardize(X_valid_raw, train_mean, train_std)",
        "VALIDATION rows: that is leakage",
        mistake="statistics-from-validation",
    ),
    Wrong(
        "q5",
        "train_mean = X_all.mean(axis=0); train_std = X_all.std(axis=0)\n"
        "X_train = standardize(X_train_raw, train_mean, train_std)\n"
        "X_valid = standardize(X_valid_raw, train_mean, train_std)",
        "ALL the houses, validation rows included: that is leakage",
        mistake="statistics-from-all-houses",
    ),
    Wrong(
        "q5",
        "both = np.vstack([X_train_raw, X_valid_raw])\ntrain_mean = both.mean(axis=0); train_std = both.std(axis=0)",
        "ALL the houses, validation rows included: that is leakage",  # train + validation are all the houses
        mistake="statistics-from-all-houses",
    ),
    Wrong(
        "q5",
        "X_valid = standardize(X_valid_raw, X_valid_raw.mean(axis=0), X_valid_raw.std(axis=0))",
        "standardized with its own statistics: that is leakage",
        mistake="valid-own-statistics",
    ),
    Wrong(
        "q5",
        "X_train_raw = X_train_raw.copy(); X_train = X_train_raw\nX_train -= train_mean; X_train /= train_std",
        "changed it in place",
        mistake="raw-changed-in-place",
    ),
    Wrong(  # issue 12: in-place writes, with the table and the raw arrays rewritten to match
        "q5",
        "def standardize(X, mean, std):\n    X -= mean\n    X /= std\n    return X\n"
        "X_train = standardize(X_train_raw, train_mean, train_std)\n"
        "X_valid = standardize(X_valid_raw, X_valid_raw.mean(axis=0), X_valid_raw.std(axis=0))\n"
        "df[FEATURES] = 0.0",
        "changed its input X in place",
        mistake="standardize-in-place",
    ),
    Wrong(
        "q5",
        "train_mean = X_train_raw.mean(); train_std = X_train_raw.std()",
        "use axis=0",
        mistake="statistics-no-axis",
    ),
    Wrong(
        "q5",
        "train_mean = X_train_raw.mean(axis=1); train_std = X_train_raw.std(axis=1)",
        "not axis=1",
        mistake="statistics-axis-1",
    ),
    Wrong("q5", "train_std = X_train_raw.var(axis=0)", "is the variance", mistake="variance-not-std"),
    Wrong(
        "q5",
        "train_mean = np.array([1492.86, -93.64, 42.03])",
        "column means and standard deviations",
        mistake="statistics-typed-in",
    ),
    Wrong("q5", "X_train = X_train_raw", "X_train is not standardized", mistake="train-not-standardized"),
    Wrong("q5", "X_valid = X_valid_raw", "X_valid is not standardized", mistake="valid-not-standardized"),
    Wrong(
        "q5",
        "X_train = X_train_raw - train_mean",
        "standardized with the TRAINING mean and std",
        mistake="train-only-centered",
    ),
    Wrong(
        "q5",
        "X_valid = standardize(X_train_raw, train_mean, train_std)",
        "one row per validation house",
        mistake="valid-from-training-rows",
    ),
    Wrong("q5", "train_mean = None", "train_mean is still blank", mistake="blank"),
    # ---- q6: the gradient (2 sign, 6 normalisation, 4 transposition, 1 axis, 12, 14, 16)
    Wrong("q6", grad("-2 / len(y) * X.T @ r, -2 / len(y) * r.sum()"), "the wrong sign", mistake="wrong-sign"),
    Wrong("q6", grad("X.T @ r / len(y), r.sum() / len(y)"), "missing the factor 2", mistake="no-factor-2"),
    Wrong("q6", grad("2 * X.T @ r, 2 * r.sum()"), "missing the 1/n", mistake="no-1-over-n"),
    Wrong("q6", grad("X.T @ r, r.sum()"), "missing both the factor 2 and the 1/n", mistake="no-2-no-1-over-n"),
    Wrong(
        "q6",
        grad("-X.T @ r / len(y), -r.sum() / len(y)"),
        "wrong sign and is missing the factor 2",
        mistake="wrong-sign-no-factor-2",
    ),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w.reshape(-1, 1) + b - y\n"
        "    return 2 / len(y) * X.T @ r, 2 / len(y) * r.sum()",
        "(n, n) matrix",
        mistake="column-residuals",
    ),
    Wrong(
        "q6", grad("2 / len(y) * X.T @ r, 2 / len(y) * r.mean()"), "divided by n twice", mistake="grad-b-divided-twice"
    ),
    Wrong("q6", grad("2 / len(y) * X.T @ r, r.mean()"), "grad_b is missing the factor 2", mistake="grad-b-no-factor-2"),
    Wrong(
        "q6",
        grad("2 / len(y) * X.T @ y, 2 / len(y) * r.sum()"),
        "used y instead of the residuals",
        mistake="y-not-residuals",
    ),
    Wrong(  # issue 22: ignoring the arguments is not blamed on a missing transpose
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = predict(X_train, w, b) - y_train\n"
        "    return 2 / len(y_train) * X_train.T @ r, 2 / len(y_train) * r.sum()",
        "mse_gradient does not use its own arguments",
        mistake="ignores-arguments",
    ),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    r = X @ w - y\n    return 2 / len(y) * X.T @ r, 2 / len(y) * r.sum()",
        "left b out of the residuals",
        mistake="residuals-without-b",
    ),
    Wrong("q6", grad("2 / len(y) * X @ r, 2 / len(y) * r.sum()"), "raised ValueError", mistake="no-transpose"),
    Wrong(
        "q6", grad("2 / len(y) * X @ r, 2 / len(y) * r.sum()"), "the transpose X.T", mistake="no-transpose"
    ),  # found in the browser
    Wrong(
        "q6",
        grad("2 * np.mean(X * r[:, None], axis=1), 2 * r.mean()"),
        "one entry per house",
        mistake="one-entry-per-house",
    ),
    Wrong(
        "q6", grad("2 / len(y) * r.sum(), 2 / len(y) * X.T @ r"), "returned (grad_b, grad_w)", mistake="pair-swapped"
    ),
    Wrong(
        "q6",
        grad("2 / 3 * X.T @ r, 2 / 3 * r.sum()"),
        "the example X = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0]], y = [1.0, 2.0, 3.0, 0.0], w = [1.0, -1.0], b = 0.5, grad_w should be",
        mistake="wrong-value",
    ),
    Wrong(  # issue 22: "On this example ..." now shows the example
        "q6",
        grad("2 / len(y) * X.T @ r, 2 / len(y) * r.sum() + 1.0"),
        "b = 0.0, grad_b should be",
        mistake="grad-b-wrong-value",
    ),
    Wrong(
        "q6",
        "def mse_gradient(X, y, w, b):\n    y -= X @ w + b\n    y *= -1\n    return 2 / len(y) * X.T @ y, 2 / len(y) * y.sum()",
        "changed X, y or w in place",
        mistake="changes-input",
    ),
    Wrong("q6", grad("2 / len(y) * X.T @ r"), "return a pair", mistake="not-a-pair"),
    Wrong(
        "q6", "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y", "mse_gradient returned None", mistake="no-return"
    ),
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
    Right(  # issue 22: "that is 0.3228, not 0.3228" for the MSE rounded as its cell prints it
        "q3",
        "w_guess, b_guess = 1.1, 0.1\nguess_mse = round(mse(predict_line(area, w_guess, b_guess), price), 4)",
        "the MSE rounded to the 4 decimals its cell prints",
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
