"""Lesson 03: wrong answers that must lose points (with their message) and right ones that must not.

Derived question by question from tests/variants/CHECKLIST.md (the item numbers are in the comments).
Every test of this lesson takes its truth from data/ames.csv, read by the test itself, never from the
student's variables; the variants that rewrite `df` or the raw arrays show that this holds.

Accepted alternatives (said in the lesson text or decided here): loops instead of vectorised code,
float32 arrays, plain Python numbers, lists for history, w returned from gradient_descent as (f,) or
(f, 1) (with y made a column inside), a history recorded before or after each update, class
predictions clipped or not, an accuracy within half a step (1/586) of the true one.
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
    # ---- q1: gradient descent (2 sign, 4, 5 off by one, 12 in place, 14 skipped b, 16)
    Wrong(
        "q1",
        gd(update="w = w + lr * grad_w\n        b = b + lr * grad_b"),
        "The loss goes UP",
        mistake="loss-goes-up",
    ),
    Wrong("q1", GD_COLUMN_W, "(n, n) matrix", mistake="column-w-broadcasts"),
    Wrong("q1", gd(init="w = np.ones(X.shape[1]); b = 1.0"), "start from zeros", mistake="not-from-zeros"),
    Wrong("q1", gd(loop="range(steps - 1)"), "stopped after", mistake="stops-early"),
    Wrong("q1", gd(loop="range(steps + 1)"), "do exactly `steps` updates", mistake="wrong-w-and-b"),
    Wrong("q1", gd(loop="range(100)"), "one loss per step", mistake="wrong-number-of-steps"),
    Wrong(
        "q1",
        gd(update="w = w - 0.1 * grad_w\n        b = b - 0.1 * grad_b"),
        "do exactly `steps` updates",
        mistake="wrong-w-and-b",
    ),
    Wrong("q1", gd(update="w = w - lr * grad_w"), "b never changes", mistake="b-not-updated"),
    Wrong(
        "q1",
        gd(update="w = -lr * grad_w\n        b = -lr * grad_b"),
        "The loss goes UP",
        mistake="loss-goes-up",
    ),
    Wrong(
        "q1",
        gd(record="history.append(float(np.sqrt(mse(predict(X, w, b), y))))"),
        "the training MSE at each step",
        mistake="history-not-mse",
    ),
    Wrong(
        "q1",
        gd(before="X -= 0.0; y *= 1.0; y[0] = y[0] + 1.0"),
        "changed X or y in place",
        mistake="inputs-changed-in-place",
    ),
    Wrong(
        "q1",
        gd().replace("(X, y, w, b)", "(X_train, y_train, w, b)"),
        "not X_train and y_train",
        mistake="ignores-its-arguments",
    ),
    Wrong("q1", gd(ret="w, b"), "return three things", mistake="returns-two-things"),
    # issue 22: a loop that stops once the loss hardly changes passed the public checks
    Wrong(
        "q1",
        gd(
            record="history.append(mse(predict(X, w, b), y))\n        if len(history) > 1 and history[-2] - history[-1] < 1e-3:\n            break"
        ),
        "stopped after",
        mistake="stops-early",
    ),
    # issue 22: a function that ignores its arguments (X_train and y_train inside) was blamed on broadcasting
    Wrong(
        "q1",
        gd(
            record="history.append(mse(predict(X_train, w, b), y_train))",
            init="w = np.zeros(X_train.shape[1]); b = 0.0",
        ).replace("(X, y, w, b)", "(X_train, y_train, w, b)"),
        "not X_train and y_train",
        mistake="ignores-its-arguments",
    ),
    Wrong(
        "q1",
        "def gradient_descent(X, y, lr, steps):\n    w = np.zeros(X.shape[1])",
        "returned None",
        mistake="returns-none",
    ),
    Wrong(  # found in the browser: a w of a fixed size
        "q1",
        "def gradient_descent(X, y, lr, steps):\n    w, b, history = np.zeros(3), 0.0, []\n    for _ in range(steps):\n"
        "        history.append(mse(predict(X, w, b), y))\n        gw, gb = mse_gradient(X, y, w, b)\n"
        "        w, b = w - lr * gw, b - lr * gb\n    return w, b, history",
        "not X_train and y_train",
        mistake="ignores-its-arguments",
    ),
    # ---- q2: the training run (10 divergence, 5 too few steps, 7 types, 15 leakage, 16 blanks)
    Wrong(
        "q2",
        "lr_gd = 0.95\nwith np.errstate(all='ignore'):\n    " + train("X_train", "y_train"),
        "this learning rate diverges",
        mistake="lr-diverges",
    ),
    Wrong(
        "q2",
        "lr_gd, steps_gd = 0.01, 100\n" + train("X_train", "y_train"),
        "still falling: train longer",
        mistake="stopped-too-early",
    ),
    Wrong(
        "q2",
        "lr_gd, steps_gd = 0.001, 2000\n" + train("X_train", "y_train"),
        "still falling: train longer",
        mistake="stopped-too-early",
    ),
    Wrong("q2", "steps_gd = 200.0", "between 1 and 2,000", mistake="steps-out-of-range"),
    Wrong("q2", "steps_gd = 100_000", "between 1 and 2,000", mistake="steps-out-of-range"),
    Wrong("q2", "lr_gd = -0.1", "lr_gd should be a positive number", mistake="lr-not-positive-number"),
    Wrong("q2", "lr_gd = '0.1'", "lr_gd should be a positive number", mistake="lr-not-positive-number"),
    Wrong(
        "q2", "lr_gd = steps_gd = ...\nw_gd = b_gd = history_gd = None", "still blank", mistake="blank"
    ),  # not "diverges"
    Wrong("q2", "w_gd = b_gd = history_gd = None", "they come from the training line", mistake="training-line-not-run"),
    Wrong(
        "q2", train("X_valid", "y_valid"), "fit the VALIDATION houses: that is leakage", mistake="trained-on-validation"
    ),
    Wrong(
        "q2",
        train(ALL_X, ALL_Y),
        "fit ALL the houses, validation rows included: that is leakage",
        mistake="trained-on-all-rows",
    ),
    Wrong("q2", train("X_train_raw", "y_train", "3e-7"), "fit the RAW features", mistake="raw-features"),
    Wrong(
        "q2", "w_gd = np.round(w_gd, 1)", "do not come from training on X_train", mistake="weights-not-from-training"
    ),
    Wrong("q2", "history_gd = history_gd[:-5]", "one loss per step", mistake="history-cut-short"),
    # ---- q3: closed form and MAE in dollars (6, 3 units, 15 wrong rows / leakage, 4 order, 14 no bias)
    Wrong(
        "q3", f"valid_mae_dollars = float(np.mean({MAE}))", "in units of 100,000 dollars", mistake="mae-not-in-dollars"
    ),
    Wrong(
        "q3",
        "valid_mae_dollars = mse(predict(X_valid, w_closed, b_closed), y_valid) * 100_000",
        "the MSE, not the MAE",
        mistake="mse-for-mae",
    ),
    Wrong(
        "q3",
        "valid_mae_dollars = mse(predict(X_valid, w_closed, b_closed), y_valid) * 100_000 ** 2",
        "the MSE, not the MAE",
        mistake="mse-for-mae",
    ),
    Wrong(
        "q3",
        "valid_mae_dollars = np.sqrt(mse(predict(X_valid, w_closed, b_closed), y_valid)) * 100_000",
        "the RMSE",
        mistake="rmse-for-mae",
    ),
    Wrong(
        "q3",
        "valid_mae_dollars = float(np.mean(np.abs(predict(X_train, w_closed, b_closed) - y_train))) * 1e5",
        "measured on the TRAINING set",
        mistake="mae-on-training-rows",
    ),
    Wrong(
        "q3", f"valid_mae_dollars = float(np.median({MAE})) * 1e5", "median absolute error", mistake="median-for-mean"
    ),
    Wrong(
        "q3", f"valid_mae_dollars = float(np.sum({MAE})) * 1e5", "sum of the absolute errors", mistake="sum-for-mean"
    ),
    Wrong("q3", "w_closed, b_closed = theta[1:], theta[0]", "last 3 numbers of lstsq", mistake="weights-and-b-swapped"),
    Wrong(
        "q3",
        "closed_train_mse = mse(predict(X_valid, w_closed, b_closed), y_valid)",
        "on the TRAINING set",
        mistake="train-mse-on-validation",
    ),
    Wrong(
        "q3",
        "closed_train_mse = np.sqrt(closed_train_mse)",
        "is the RMSE (a square root)",
        mistake="rmse-for-train-mse",
    ),
    Wrong(
        "q3",
        "theta = np.linalg.lstsq(X_train, y_train, rcond=None)[0]\nw_closed, b_closed = theta, 0.0\n"
        "closed_train_mse = mse(predict(X_train, w_closed, b_closed), y_train)",
        "the weight of the column of ones",
        mistake="no-column-of-ones",
    ),
    Wrong(
        "q3",
        closed(LONLAT_1.format("X_valid"), "y_valid"),
        "fitted on the VALIDATION houses: that is leakage",
        mistake="fitted-on-validation",
    ),
    Wrong(
        "q3",
        closed(LONLAT_1.format(ALL_X), ALL_Y),
        "fitted on ALL the houses, validation rows included: that is leakage",
        mistake="fitted-on-all-rows",
    ),
    Wrong("q3", "w_closed = theta[:2]", "should be the 3 feature weights", mistake="wrong-number-of-weights"),
    Wrong("q3", "b_closed = None", "b_closed is still blank", mistake="blank"),
    # ---- q4: classification the wrong way (8 rounding, 9 class edges, 15 leakage, 6, 16)
    Wrong("q4", "class_pred_valid = class_score_valid", "round the scores", mistake="not-rounded"),
    Wrong(
        "q4", "class_pred_valid = np.floor(np.clip(class_score_valid, 0, 2))", "rounded down", mistake="rounded-down"
    ),
    Wrong("q4", "class_pred_valid = class_score_valid.astype(int)", "rounded down", mistake="rounded-down"),
    Wrong("q4", "class_pred_valid = np.ceil(class_score_valid)", "rounded up", mistake="rounded-up"),
    Wrong(
        "q4",
        "wrong_way_accuracy = float(np.mean(np.clip(np.round(np.column_stack([lonlat_train, "
        "np.ones(len(lonlat_train))]) @ class_theta), 0, 2) == class_train))",
        "on the TRAINING houses",
        mistake="accuracy-on-training-rows",
    ),
    Wrong(
        "q4",
        classes("lonlat_valid", "class_valid"),
        "fitted on the VALIDATION houses: that is leakage",
        mistake="fitted-on-validation",
    ),
    Wrong(
        "q4",
        classes("np.vstack([lonlat_train, lonlat_valid])", "np.concatenate([class_train, class_valid])"),
        "fitted on ALL the houses, validation rows included: that is leakage",
        mistake="fitted-on-all-rows",
    ),
    Wrong("q4", classes("lonlat_train", "y_train"), "fitted to the prices", mistake="fitted-to-prices"),
    Wrong(
        "q4",
        "class_theta = np.linalg.lstsq(lonlat_train, class_train, rcond=None)[0]",
        "class_theta should hold 3 numbers",
        mistake="wrong-number-of-weights",
    ),
    Wrong(
        "q4",
        "class_theta = np.linalg.lstsq(np.column_stack([X_train, np.ones(len(X_train))]), class_train, rcond=None)[0]",
        "class_theta should hold 3 numbers",
        mistake="wrong-number-of-weights",
    ),
    Wrong(
        "q4",
        "class_pred_valid = np.clip(np.round(lonlat_valid @ class_theta[:2]), 0, 2)",
        "rounded (and clipped to 0..2) score",
        mistake="no-intercept-in-score",
    ),
    Wrong(
        "q4",
        "class_pred_valid = np.clip(np.round(np.column_stack([lonlat_train, np.ones(len(lonlat_train))]) "
        "@ class_theta), 0, 2)",
        "one class per TRAINING house",
        mistake="predicted-training-rows",
    ),
    Wrong(
        "q4",
        "wrong_way_accuracy = float(np.sum(class_pred_valid == class_valid))",
        "(a count divided by 586)",
        mistake="count-not-fraction",
    ),
    Wrong(
        "q4",
        "wrong_way_accuracy = 100 * float(np.mean(class_pred_valid == class_valid))",
        "a percentage",
        mistake="percentage",
    ),
    Wrong(
        "q4",
        "wrong_way_accuracy = float(np.mean(class_pred_valid != class_valid))",
        "the error rate",
        mistake="error-rate",
    ),
    Wrong("q4", "wrong_way_accuracy = 1 / 3", "fraction of validation houses", mistake="typed-in-accuracy"),
    Wrong("q4", "class_theta = ...", "run the cell above it first", mistake="blank"),
    # found in the browser: the answer cell run before the cell that sets class_train and lonlat_train
    Wrong(
        "q4",
        "class_theta = class_pred_valid = wrong_way_accuracy = ...",
        "run the cell above it first",
        mistake="blank",
    ),
]

RIGHT = [
    # q1
    Right("q1", GD_COLUMN_RIGHT, "w as an (f, 1) column with y made a column"),
    Right("q1", GD_AFTER_STEP, "history recorded after each step, as an array, in-place updates of w"),
    Right("q1", GD_LOOPS_FLOAT32, "pure-Python loops on float32 data"),
    Right("q1", GD_WHILE, "a while loop, an integer b at the start, a tuple history"),
    # q2
    Right(
        "q2",
        "lr_gd, steps_gd = 0.5, 100\n" + train("X_train", "y_train"),
        "a larger learning rate, fewer steps",
    ),
    Right(
        "q2",
        "lr_gd, steps_gd = 0.01, 1000\n" + train("X_train", "y_train"),
        "a small learning rate, many steps",
    ),
    Right(
        "q2",
        "lr_gd, steps_gd = 0.1, np.int64(200)\n"
        "w_gd, b_gd, history_gd = gradient_descent(X_train.astype(np.float32), y_train.astype(np.float32), lr_gd, 200)",
        "float32 data and a NumPy integer",
    ),
    Right("q2", "lr_gd, steps_gd = np.float64(0.3), 2000\n" + train("X_train", "y_train"), "the most steps allowed"),
    # q3
    Right(
        "q3",
        "theta_all, *_ = np.linalg.lstsq(A_train, y_train, rcond=None)\n"
        "w_closed, b_closed = list(theta_all[:3]), theta_all[-1:]\n"
        "closed_train_mse = np.mean((A_train @ theta_all - y_train) ** 2)\n"
        "valid_mae_dollars = 100_000 * np.mean(np.abs(X_valid @ theta_all[:3] + theta_all[3] - y_valid))",
        "list weights, a 1-element b, arithmetic written inline",
    ),
    Right(
        "q3",
        "valid_mae_dollars = float(np.mean(np.abs(predict(X_valid, np.ravel(w_gd), b_gd) - y_valid))) * 100_000",
        "the MAE of the gradient-descent model",
    ),
    Right(
        "q3",
        "theta = np.linalg.solve(A_train.T @ A_train, A_train.T @ y_train)\n"
        "w_closed, b_closed = theta[:3], theta[3]\n"
        "closed_train_mse = mse(predict(X_train, w_closed, b_closed), y_train)\n"
        "valid_mae_dollars = round(float(np.mean(np.abs(predict(X_valid, w_closed, b_closed) - y_valid))) * 1e5)",
        "the normal equations, the MAE rounded to the dollar",
    ),
    # q4
    Right(
        "q4",
        "class_pred_valid = np.round(class_score_valid)\nwrong_way_accuracy = np.mean(class_pred_valid == class_valid)",
        "rounded without clipping, floats",
    ),
    Right("q4", "wrong_way_accuracy = round(wrong_way_accuracy, 3)", "the accuracy rounded within 1/586"),
    Right(
        "q4",
        "class_pred_valid = [min(2, max(0, int(round(s)))) for s in class_score_valid]\n"
        "wrong_way_accuracy = sum(int(p == c) for p, c in zip(class_pred_valid, class_valid)) / len(class_valid)",
        "a loop, a list of Python integers",
    ),
]
