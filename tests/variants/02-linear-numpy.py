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


def numgrad(body, default="1e-5"):
    """A numerical_gradient whose loop body is ``body`` (copies ``up`` and ``down`` of w are made for it)."""
    return (
        f"def numerical_gradient(f, w, h={default}):\n    w = np.asarray(w, dtype=float)\n"
        "    grad = np.zeros(len(w))\n    for i in range(len(w)):\n"
        "        up, down = w.copy(), w.copy()\n        up[i] += h\n        down[i] -= h\n"
        f"        {body}\n    return grad"
    )


def relerr(body):
    head = "def relative_error(a, b):\n    a, b = np.asarray(a, dtype=float), np.asarray(b, dtype=float)\n"
    return f"{head}    return {body}"


CHECK = "check_error = relative_error(np.append(exact_w, exact_b), np.append(num_grad_w, num_grad_b))"


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
    # ---- q6: the derivation, step by step (2 sign, 14 skipped step, 6 normalisation, 4, 1 axis, 11, 16)
    Wrong("q6", "r_one = y_one - (x_one @ w_one + b_one)", "r_one has the wrong sign", mistake="residual-sign"),
    Wrong("q6", "r_one = x_one @ w_one - y_one", "r_one left out b_one", mistake="residual-without-b"),
    Wrong("q6", "r_one = float(x_one @ w_one)", "minus the price 1.0", mistake="residual-wrong-value"),
    Wrong("q6", "dr_dw = w_one", "dr_dw is w_one", mistake="slope-is-weights"),
    Wrong("q6", "dr_dw = 2 * r_one * x_one", "dr_dw is already the loss's slope", mistake="slope-of-loss-not-r"),
    Wrong("q6", "dr_dw = x_one.reshape(1, 2)", "shape (2,)", mistake="wrong-shape"),
    Wrong("q6", "dr_db = 0.0", "dr_db is 0", mistake="slope-along-b-zero"),
    Wrong("q6", "dr_db = b_one", "dr_db is b_one", mistake="slope-along-b-is-b"),
    Wrong("q6", "dloss_dw_one = r_one * dr_dw", "dloss_dw_one is missing the 2", mistake="no-factor-2"),
    Wrong("q6", "dloss_dw_one = 2 * dr_dw", "dloss_dw_one is missing r", mistake="no-residual"),
    Wrong("q6", "dloss_dw_one = -2 * r_one * dr_dw", "dloss_dw_one has the wrong sign", mistake="loss-slope-sign"),
    Wrong("q6", "dloss_dw_one = 2 * r_one * w_one", "dloss_dw_one used w_one", mistake="chain-rule-with-weights"),
    Wrong("q6", "dloss_dw_one = r_one ** 2 * dr_dw", "used r ** 2", mistake="square-not-differentiated"),
    Wrong("q6", "dloss_dw_one = float(np.sum(2 * r_one * dr_dw))", "one number per feature", mistake="wrong-shape"),
    Wrong("q6", "dloss_db_one = r_one", "dloss_db_one is missing the 2", mistake="no-factor-2"),
    Wrong("q6", "dloss_db_one = 2.0", "dloss_db_one is missing r", mistake="no-residual"),
    Wrong("q6", "dloss_db_one = 2 * r_one * b_one", "dloss_db_one used b_one", mistake="chain-rule-with-b"),
    Wrong("q6", "per_house = per_house.T", "per_house is transposed", mistake="per-house-transposed"),
    Wrong("q6", "per_house = r_three[:, None] * X_three", "per_house is missing the 2", mistake="no-factor-2"),
    Wrong("q6", "per_house = 2 * X_three", "per_house is missing the residuals", mistake="no-residual"),
    Wrong("q6", "per_house = 2 * r_one * X_three", "used r_one for every house", mistake="one-residual-for-all"),
    Wrong(
        "q6", "per_house = -2 * r_three[:, None] * X_three", "per_house has the wrong sign", mistake="loss-slope-sign"
    ),
    Wrong("q6", "grad_w_mean = per_house.sum(axis=0)", "the sum of the rows", mistake="sum-not-mean"),
    Wrong("q6", "grad_w_mean = per_house.mean(axis=1)", "one number per house", mistake="mean-over-features"),
    Wrong("q6", "grad_w_mean = per_house.mean()", "grad_w_mean is one number", mistake="mean-over-everything"),
    Wrong("q6", "r_one = ...", "r_one is still blank", mistake="blank"),
    Wrong("q6", "dr_dw = 'x_one'", "dr_dw should hold numbers", mistake="not-numbers"),
    # ---- q7: the gradient (2 sign, 6 normalisation, 4 transposition, 1 axis, 12, 14, 16)
    Wrong("q7", grad("-2 / len(y) * X.T @ r, -2 / len(y) * r.sum()"), "the wrong sign", mistake="wrong-sign"),
    Wrong("q7", grad("X.T @ r / len(y), r.sum() / len(y)"), "missing the factor 2", mistake="no-factor-2"),
    Wrong("q7", grad("2 * X.T @ r, 2 * r.sum()"), "missing the 1/n", mistake="no-1-over-n"),
    Wrong("q7", grad("X.T @ r, r.sum()"), "missing both the factor 2 and the 1/n", mistake="no-2-no-1-over-n"),
    Wrong(
        "q7",
        grad("-X.T @ r / len(y), -r.sum() / len(y)"),
        "wrong sign and is missing the factor 2",
        mistake="wrong-sign-no-factor-2",
    ),
    Wrong(
        "q7",
        "def mse_gradient(X, y, w, b):\n    r = X @ w.reshape(-1, 1) + b - y\n"
        "    return 2 / len(y) * X.T @ r, 2 / len(y) * r.sum()",
        "(n, n) matrix",
        mistake="column-residuals",
    ),
    Wrong(
        "q7", grad("2 / len(y) * X.T @ r, 2 / len(y) * r.mean()"), "divided by n twice", mistake="grad-b-divided-twice"
    ),
    Wrong("q7", grad("2 / len(y) * X.T @ r, r.mean()"), "grad_b is missing the factor 2", mistake="grad-b-no-factor-2"),
    Wrong(
        "q7",
        grad("2 / len(y) * X.T @ y, 2 / len(y) * r.sum()"),
        "used y instead of the residuals",
        mistake="y-not-residuals",
    ),
    Wrong(  # issue 22: ignoring the arguments is not blamed on a missing transpose
        "q7",
        "def mse_gradient(X, y, w, b):\n    r = predict(X_train, w, b) - y_train\n"
        "    return 2 / len(y_train) * X_train.T @ r, 2 / len(y_train) * r.sum()",
        "mse_gradient does not use its own arguments",
        mistake="ignores-arguments",
    ),
    Wrong(
        "q7",
        "def mse_gradient(X, y, w, b):\n    r = X @ w - y\n    return 2 / len(y) * X.T @ r, 2 / len(y) * r.sum()",
        "left b out of the residuals",
        mistake="residuals-without-b",
    ),
    Wrong("q7", grad("2 / len(y) * X @ r, 2 / len(y) * r.sum()"), "raised ValueError", mistake="no-transpose"),
    Wrong(
        "q7", grad("2 / len(y) * X @ r, 2 / len(y) * r.sum()"), "the transpose X.T", mistake="no-transpose"
    ),  # found in the browser
    Wrong(
        "q7",
        grad("2 * np.mean(X * r[:, None], axis=1), 2 * r.mean()"),
        "one entry per house",
        mistake="one-entry-per-house",
    ),
    Wrong(
        "q7", grad("2 / len(y) * r.sum(), 2 / len(y) * X.T @ r"), "returned (grad_b, grad_w)", mistake="pair-swapped"
    ),
    Wrong(
        "q7",
        grad("2 / 3 * X.T @ r, 2 / 3 * r.sum()"),
        "the example X = [[1.0, 0.0], [0.0, 1.0], [1.0, 1.0], [2.0, 0.0]], y = [1.0, 2.0, 3.0, 0.0], w = [1.0, -1.0], b = 0.5, grad_w should be",
        mistake="wrong-value",
    ),
    Wrong(  # issue 22: "On this example ..." now shows the example
        "q7",
        grad("2 / len(y) * X.T @ r, 2 / len(y) * r.sum() + 1.0"),
        "b = 0.0, grad_b should be",
        mistake="grad-b-wrong-value",
    ),
    Wrong(
        "q7",
        "def mse_gradient(X, y, w, b):\n    y -= X @ w + b\n    y *= -1\n    return 2 / len(y) * X.T @ y, 2 / len(y) * y.sum()",
        "changed X, y or w in place",
        mistake="changes-input",
    ),
    Wrong("q7", grad("2 / len(y) * X.T @ r"), "return a pair", mistake="not-a-pair"),
    Wrong(
        "q7", "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y", "mse_gradient returned None", mistake="no-return"
    ),
    # ---- q8: the numerical gradient and the relative error (2 sign, 6 normalisation, 10 step size, 12, 1 axis, 16)
    Wrong("q8", numgrad("grad[i] = (f(up) - f(w)) / h"), "one-sided difference", mistake="one-sided"),
    Wrong("q8", numgrad("grad[i] = (f(w) - f(down)) / h"), "one-sided difference", mistake="one-sided"),
    Wrong("q8", numgrad("grad[i] = (f(up) - f(down)) / h"), "divides by h: the points", mistake="divides-by-h"),
    Wrong("q8", numgrad("grad[i] = (f(up) - f(down)) / (4 * h)"), "divides by 4 * h", mistake="divides-by-4h"),
    Wrong(
        "q8", numgrad("grad[i] = (f(down) - f(up)) / (2 * h)"), "numerical_gradient has the wrong sign", mistake="sign"
    ),
    Wrong(
        "q8",
        numgrad("e = np.zeros(len(w)); e[i] = 1e-5\n        grad[i] = (f(w + e) - f(w - e)) / 2e-5"),
        "ignores the h it is given",
        mistake="ignores-h",
    ),
    Wrong(
        "q8",
        numgrad("grad[i] = (f(w + h) - f(w - h)) / (2 * h)"),
        "nudged every entry of w at once",
        mistake="all-entries-at-once",
    ),
    Wrong(
        "q8",
        numgrad("grad[i] = (f(up) - f(down)) / (2 * h)", default="1e-3"),
        "keep h=1e-5",
        mistake="wrong-default-step",
    ),
    Wrong(
        "q8",
        numgrad("grad[i] = (f(up) - f(down)) / (2 * h)", default="1e-9"),
        "keep h=1e-5",
        mistake="wrong-default-step",
    ),
    Wrong(
        "q8",
        "def numerical_gradient(f, w, h=1e-5):\n    grad = np.zeros(len(w))\n    for i in range(len(w)):\n"
        "        w[i] += h\n        up = f(w)\n        w[i] -= 2 * h\n        grad[i] = (up - f(w)) / (2 * h)\n"
        "    return grad",
        "changed w in place",
        mistake="changes-w",
    ),
    Wrong(
        "q8",
        "def numerical_gradient(f, w, h=1e-5):\n    grad = np.zeros(len(w))\n    for i in range(len(w)):\n"
        "        up, down = w, w.copy()\n        up[i] += h\n        down[i] -= h\n"
        "        grad[i] = (f(up) - f(down)) / (2 * h)\n    return grad",
        "changed w in place",
        mistake="changes-w",
    ),
    Wrong(
        "q8",
        numgrad("grad[i] = (f(up) - f(down)) / (2 * h)").replace("return grad", "return grad.sum()"),
        "one slope per entry of w",
        mistake="not-one-per-entry",
    ),
    Wrong(
        "q8",
        numgrad("grad[i] = (f(up) - f(down)) / (2 * h)").replace("    return grad", ""),
        "numerical_gradient returned None",
        mistake="no-return",
    ),
    Wrong("q8", "numerical_gradient = ...", "numerical_gradient should be a function", mistake="blank"),
    Wrong("q8", relerr("float(np.max(np.abs(a - b)))"), "returned the plain difference", mistake="plain-difference"),
    Wrong(
        "q8",
        relerr("float(np.max(np.abs(a - b) / np.maximum(np.abs(a), 1e-8)))"),
        "divided by |a| only",
        mistake="not-symmetric",
    ),
    Wrong(
        "q8",
        relerr("float(np.max(np.abs(a - b) / np.maximum(np.abs(b), 1e-8)))"),
        "divided by |b| only",
        mistake="not-symmetric",
    ),
    Wrong(
        "q8",
        relerr("float(np.mean(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)))"),
        "averaged the entries",
        mistake="mean-not-max",
    ),
    Wrong(
        "q8",
        relerr("float(np.linalg.norm(a - b) / (np.linalg.norm(a) + np.linalg.norm(b)))"),
        "compared whole arrays (norms)",
        mistake="norms",
    ),
    Wrong(
        "q8",
        relerr("float(np.sum(np.abs(a - b)) / np.sum(np.abs(a) + np.abs(b)))"),
        "added up before dividing",
        mistake="sums",
    ),
    Wrong(
        "q8",
        relerr("float(np.max(np.abs(a - b)) / np.max(np.abs(a) + np.abs(b)))"),
        "divided the largest difference by the largest",
        mistake="max-over-max",
    ),
    Wrong(
        "q8",
        relerr("float(np.max(np.abs(a - b) / (np.abs(a) + np.abs(b))))"),
        "(0 / 0)",
        mistake="no-floor",
    ),
    Wrong(
        "q8",
        relerr("float(np.max(np.abs(a - b) / np.maximum(a + b, 1e-8)))"),
        "divided by a + b",
        mistake="no-absolute-values",
    ),
    Wrong("q8", relerr("float(np.max(np.abs(a - b) / (a + b)))"), "the denominator was 0", mistake="zero-denominator"),
    Wrong(
        "q8",
        relerr("np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8)"),
        "should return one number, the largest",
        mistake="no-max",
    ),
    Wrong(
        "q8",
        relerr("max(np.abs(a - b) / np.maximum(np.abs(a) + np.abs(b), 1e-8))"),
        "np.max looks at every entry",
        mistake="python-max",
    ),
    Wrong("q8", "relative_error = None", "relative_error should be a function", mistake="blank"),
    # ---- q9: the check on the houses (13 typed-in, 14 skipped step, 11, 16)
    Wrong(
        "q9",
        "num_grad_w, num_grad_b = exact_w, exact_b\n" + CHECK,
        "mse_gradient's own numbers",
        mistake="formula-not-numerical",
    ),
    Wrong("q9", "check_error = relative_error(exact_w, exact_w)", "check_error is 0", mistake="compared-with-itself"),
    Wrong(
        "q9",
        "num_grad_w = numerical_gradient(f_w, np.zeros(3))\n" + CHECK,
        "num_grad_w should be numerical_gradient(f_w, w_check)",
        mistake="wrong-point",
    ),
    Wrong(
        "q9",
        "num_grad_b = numerical_gradient(f_w, w_check)",
        "num_grad_b should be one number",
        mistake="b-slope-shape",
    ),
    Wrong(
        "q9",
        "num_grad_b = 0.0",
        "num_grad_b should be the slope along b",
        mistake="b-slope-wrong",
    ),
    Wrong(
        "q9",
        "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y\n    return X.T @ r / len(y), 2 * r.mean()\n"
        "exact_w, exact_b = mse_gradient(X_train, y_train, w_check, b_check)\ncheck_error = 1e-12",
        "check_error says the gradients agree",
        mistake="check-misses-a-bug",
    ),
    Wrong(
        "q9",
        "check_error = np.array([check_error, check_error])",
        "check_error should be one finite number",
        mistake="not-one-number",
    ),
    Wrong("q9", "check_error = ...", "check_error is still blank", mistake="blank"),
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
    Right(
        "q6",
        "dr_dw = x_one.copy(); dr_db = 1\ndloss_dw_one = [2 * r_one * v for v in dr_dw]\n"
        "dloss_db_one = np.float32(2 * r_one)\nper_house = 2 * r_three[:, None] * X_three\n"
        "grad_w_mean = np.mean(per_house, axis=0).tolist()",
        "an int, a list, a float32 and broadcasting instead of a loop",
    ),
    Right(
        "q6",
        "per_house = [list(2 * r * x) for r, x in zip(r_three, X_three)]\ngrad_w_mean = 2 / 3 * X_three.T @ r_three",
        "a list of rows, and step 3's formula for the mean",
    ),
    # q8
    Right(
        "q8",
        "def numerical_gradient(f, w, h=1e-5):\n    grad = []\n    for i in range(len(w)):\n"
        "        old = w[i]\n        w[i] = old + h\n        up = f(w)\n        w[i] = old - h\n        down = f(w)\n"
        "        w[i] = old\n        grad.append((up - down) / 2 / h)\n    return grad",
        "nudging w itself and putting each entry back, returning a list",
    ),
    Right(
        "q8",
        "def numerical_gradient(f, w, h=1e-5):\n    steps = np.eye(len(w)) * h\n"
        "    return np.array([(f(w + e) - f(w - e)) / (2 * h) for e in steps])",
        "rows of a scaled identity matrix as the nudges",
    ),
    Right(
        "q8",
        "def relative_error(a, b):\n    a, b = np.asarray(a), np.asarray(b)\n"
        "    return np.amax(np.abs(a - b) / (np.abs(a) + np.abs(b) + 1e-8))",
        "1e-8 added to the denominator, np.amax, a NumPy scalar",
    ),
    Right(
        "q8",
        "def relative_error(a, b):\n    worst = 0.0\n"
        "    for x, y in zip(np.ravel(a), np.ravel(b)):\n"
        "        worst = max(worst, abs(x - y) / max(abs(x) + abs(y), 1e-8))\n    return worst",
        "a loop over the entries with Python's max and abs",
    ),
    # q9
    Right(
        "q9",
        "num_grad_b = numerical_gradient(f_b, np.array([b_check]), h=1e-4)\n"
        "num_grad_w = numerical_gradient(f_w, w_check, h=1e-3)\n" + CHECK,
        "other steps (the MSE is quadratic), num_grad_b as an array of one",
    ),
    Right(
        "q9",
        "def mse_gradient(X, y, w, b):\n    r = X @ w + b - y\n    return X.T @ r / len(y), 2 * r.mean()\n"
        "exact_w, exact_b = mse_gradient(X_train, y_train, w_check, b_check)\n" + CHECK,
        "a wrong mse_gradient that the check finds (question 7 loses the points, not question 9)",
    ),
    # q7
    Right("q7", GRADIENT_LOOPS, "loops returning lists"),
    Right(
        "q7",
        "def mse_gradient(X, y, w, b):\n    r = np.dot(X, w) + b - y\n"
        "    return 2 * np.dot(r, X) / len(y), 2 * np.mean(r)",
        "np.dot and np.mean",
    ),
    Right(
        "q7",
        "def mse_gradient(X, y, w, b):\n    r = (X @ w + b - y).reshape(-1, 1)\n"
        "    return 2 / len(y) * X.T @ r, np.float32(2 * r.mean())",
        "a (f, 1) gradient and a float32 grad_b",
    ),
    Right(
        "q7",
        "def mse_gradient(X, y, w, b):\n    r = predict(X, w, b) - y\n"
        "    return [2 * np.mean(r * X[:, j]) for j in range(X.shape[1])], 2 * float(np.mean(r))",
        "one mean per column, as a list",
    ),
]
