"""Lesson 01: wrong answers that must lose points (with their message) and right ones that must not.

Derived from tests/variants/CHECKLIST.md, question by question; the comment before each group names
the checklist lines it covers. Every wrong answer here is caught by the public checks (what
``grader.check`` runs), because each question's public checks try the notebook's own example.
"""

from harness import Right, Wrong

WRONG = [
    # q1 shapes: transposition (4), off by one (5), types (7), one row vs many (11), blanks (16)
    Wrong("q1", "X_shape = (2, 100)", "X_shape is transposed", mistake="x-shape-transposed"),
    Wrong("q1", "W_shape = (3, 2)", "W_shape is transposed", mistake="w-shape-transposed"),
    Wrong("q1", "b_shape = (100, 3)", "the bias is one number per class", mistake="bias-not-one-per-class"),
    Wrong("q1", "b_shape = (1, 3)", "the bias is one number per class", mistake="bias-not-one-per-class"),
    Wrong("q1", "b_shape = (2,)", "the bias is one number per class", mistake="bias-not-one-per-class"),
    Wrong("q1", "logits_shape = (3, 100)", "logits_shape is transposed", mistake="logits-shape-transposed"),
    Wrong("q1", "logits_shape = (100,)", "one score per class", mistake="logits-shape-missing-classes"),
    Wrong("q1", "X_shape = (100, 3)", "how many features (columns)", mistake="x-shape-wrong-feature-count"),
    Wrong("q1", "W_shape = '(2, 3)'", "write the tuple itself, without quotes", mistake="shape-as-string"),
    Wrong("q1", "b_shape = (3)", "a 1-D shape needs a trailing comma", mistake="shape-missing-trailing-comma"),
    Wrong("q1", "X_shape = (100.0, 2.0)", "should be a tuple of integers", mistake="shape-not-integers"),
    Wrong("q1", "logits_shape = ...", "logits_shape is still blank", mistake="blank"),
    # q2 the demo arrays: skipped step (14), transposition (4), shapes from a wrong question 1,
    # typed-in values (13), normalisation of the bias (6), blanks (16)
    Wrong("q2", "logits_demo = X_demo @ W_demo", "the bias b_demo is missing", mistake="bias-missing"),
    # found in the browser: rng.normal(X_shape) without size= takes the tuple as the mean
    Wrong(
        "q2",
        "X_demo = rng.normal(X_shape); W_demo = rng.normal(W_shape); b_demo = rng.normal(b_shape)\n"
        "logits_demo = X_demo @ W_demo + b_demo",
        "rng.normal(X_shape) without size=",
        mistake="normal-without-size",
    ),
    Wrong(
        "q2",
        "X_demo = rng.normal(size=(2, 100)); X_demo = X_demo.T.copy(); W_demo = np.ones((2, 2))",
        "should have the shapes of question 1",
        mistake="arrays-not-question-1-shapes",
    ),
    Wrong(
        "q2",
        # question 1 answered with a transposed W: the student did use rng.normal(size=W_shape), and the
        # cell stopped at @, so logits_demo is still blank; the message must blame question 1
        "W_shape = (3, 2)\nW_demo = rng.normal(size=W_shape)\nlogits_demo = ...",
        "the shapes in question 1 are not right yet",
        mistake="arrays-not-question-1-shapes",
    ),
    Wrong(
        "q2",
        "b_demo = rng.normal(size=(100, 1)); logits_demo = X_demo @ W_demo + b_demo",
        "shapes of question 1",
        mistake="arrays-not-question-1-shapes",
    ),
    Wrong("q2", "logits_demo = (X_demo @ W_demo + b_demo).T", "logits_demo is transposed", mistake="logits-transposed"),
    Wrong(
        "q2",
        "logits_demo = X_demo @ W_demo * b_demo",
        "logits_demo should be X_demo @ W_demo + b_demo",
        mistake="wrong-formula",
    ),
    Wrong(
        "q2",
        "logits_demo = X_demo @ W_demo + b_demo[0]",
        "logits_demo should be X_demo @ W_demo + b_demo",
        mistake="wrong-formula",
    ),
    Wrong(
        "q2",
        "logits_demo = np.zeros((100, 3))",
        "logits_demo should be X_demo @ W_demo + b_demo",
        mistake="wrong-formula",
    ),
    Wrong("q2", "logits_demo = ...", "logits_demo should be the NumPy array", mistake="blank"),
    Wrong(
        "q2",
        "X_demo = 'rng.normal(size=X_shape)'",
        "X_demo should be a NumPy array of numbers",
        mistake="array-as-string",
    ),
    # q3 softmax by hand: skipped step (14), normalisation (6), log base (3), sign (2), rounding (8),
    # one number vs three (11), blanks (16). Typed-in values (13) are right here: the question asks
    # for the numbers of one example, and the rounded values a student would type are tested as right.
    Wrong("q3", "probs_by_hand = scores / scores.sum()", "exponentiate them first", mistake="no-exp"),
    Wrong(
        "q3",
        "exp_total = scores.sum()",
        "sum of the exponentials (not of the raw scores)",
        mistake="total-not-sum-of-exps",
    ),
    Wrong(
        "q3",
        "exp_total = exp_scores.mean()",
        "sum of the exponentials (not of the raw scores)",
        mistake="total-not-sum-of-exps",
    ),
    Wrong("q3", "probs_by_hand = np.exp(scores)", "Probabilities should add up to 1", mistake="not-normalised"),
    Wrong(
        "q3",
        "probs_by_hand = exp_scores / exp_scores.max()",
        "Probabilities should add up to 1",
        mistake="not-normalised",
    ),
    Wrong(
        "q3", "probs_by_hand = exp_scores / exp_total / 3", "Probabilities should add up to 1", mistake="not-normalised"
    ),
    Wrong(
        "q3",
        "exp_scores = 10 ** scores; exp_total = exp_scores.sum(); probs_by_hand = exp_scores / exp_total",
        "another base (10 or 2)",
        mistake="wrong-base",
    ),
    Wrong(
        "q3",
        "exp_scores = np.exp(-scores); exp_total = exp_scores.sum(); probs_by_hand = exp_scores / exp_total",
        "exp_scores used exp(-score)",
        mistake="negated-scores",
    ),
    Wrong("q3", "probs_by_hand = np.round(exp_scores / exp_total, 2)", "rounded to 1 or 2 decimals", mistake="rounded"),
    Wrong("q3", "exp_scores = np.exp(scores).sum()", "exp_scores should hold 3 numbers", mistake="exp-scores-summed"),
    Wrong("q3", "exp_total = exp_scores", "exp_total should be a single number", mistake="total-not-a-number"),
    Wrong("q3", "exp_total = ...", "exp_total should be a single number", mistake="total-not-a-number"),
    # found in the browser: math.exp(scores) stops the cell, so exp_scores stays blank; the message says where to look
    Wrong("q3", "exp_scores = ...", "if the cell above stopped with an error", mistake="blank"),
    # q4 softmax(z): narrow vs wide values (10), normalisation (6), log base (3), sign (2),
    # hard-coded size (11), in-place mutation (12), typed-in values (13), skipped step (14), junk (16)
    Wrong(
        "q4",
        "def softmax(z):\n    e = np.exp(z)\n    return e / e.sum()",
        "Subtract the largest score",
        mistake="no-max-shift",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    e = np.exp(z - z.min())\n    return e / e.sum()",
        "Subtract the largest score",
        mistake="no-max-shift",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    e = np.exp(z - z.mean())\n    return e / e.sum()",
        "Subtract the largest score",
        mistake="no-max-shift",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    return np.exp(z) / np.sum(z)",
        "divided by the sum of the raw scores",
        mistake="divided-by-raw-sum",
    ),
    Wrong("q4", "def softmax(z):\n    return np.exp(z - z.max())", "should add up to 1", mistake="not-normalised"),
    Wrong(
        "q4",
        "def softmax(z):\n    e = 10.0 ** (z - z.max())\n    return e / e.sum()",
        "another base",
        mistake="wrong-base",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    e = np.exp(z.max() - z)\n    return e / e.sum()",
        "keep the order of the scores",
        mistake="order-flipped",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    e = np.exp(z - z.max())\n    return e / (e[0] + e[1] + e[2])",
        "it should work for any number of scores",
        mistake="fixed-size",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    z -= z.max()\n    e = np.exp(z)\n    return e / e.sum()",
        "softmax changed the array it was given",
        mistake="changes-input",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    return np.array([0.2595, 0.7054, 0.0351])",
        "the same probabilities for different scores",
        mistake="ignores-argument",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    e = np.exp(z - z.max())\n    probs = e / e.sum()",
        "softmax returned nothing",
        mistake="no-return",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    e = np.exp(z - z.max())\n    return (e / e.sum()).max()",
        "not one number",
        mistake="returns-one-number",
    ),
    Wrong(
        "q4", "def softmax(z):\n    raise NotImplementedError", "raised NotImplementedError", mistake="not-implemented"
    ),
    Wrong("q4", "softmax = None", "softmax should be a function", mistake="not-a-function"),
    # found in the browser: the global scores instead of z, an axis on a 1-D array, rounded probabilities
    Wrong(
        "q4",
        "def softmax(z):\n    e = np.exp(scores - scores.max())\n    return e / e.sum()",
        "not from scores",
        mistake="ignores-argument",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    e = np.exp(z - np.max(z))\n    return e / e.sum(axis=1, keepdims=True)",
        "without axis=",
        mistake="axis-on-1d",
    ),
    Wrong(
        "q4",
        "def softmax(z):\n    e = np.exp(z - z.max())\n    return np.round(e / e.sum(), 3)",
        "softmax rounds",
        mistake="rounds",
    ),
    # q5 one house: sign (2), log base (3), off by one class (5), normalisation (6), types (7),
    # rounding (8), one number vs many (11), skipped step (14), a wrong softmax from question 4
    Wrong("q5", "loss_medium = np.log(probs_medium[1])", "MINUS the log", mistake="missing-minus"),
    Wrong("q5", "loss_medium = -np.log10(probs_medium[1])", "log base 10", mistake="log-base-10"),
    Wrong("q5", "loss_medium = -np.log2(probs_medium[1])", "log base 2", mistake="log-base-2"),
    Wrong("q5", "loss_medium = -np.log(probs_medium[0])", "probability of 'low'", mistake="wrong-class-probability"),
    Wrong("q5", "loss_medium = -np.log(probs_medium[2])", "probability of 'high'", mistake="wrong-class-probability"),
    Wrong("q5", "loss_medium = -np.sum(np.log(probs_medium))", "keeps only the true class", mistake="sums-all-classes"),
    Wrong(
        "q5",
        "loss_medium = -np.mean(medium_onehot * np.log(probs_medium))",
        "divided by the number of classes",
        mistake="mean-over-classes",
    ),
    Wrong("q5", "loss_medium = 1 - probs_medium[1]", "loss_medium is 1 - p", mistake="one-minus-p"),
    Wrong("q5", "loss_medium = -np.log(0.7)", "with the unrounded probability", mistake="loss-wrong-value"),
    Wrong(
        "q5",
        "loss_medium = -np.log(probs_medium[[1]])",
        "loss_medium should be a single number",
        mistake="loss-not-a-number",
    ),
    Wrong(
        "q5",
        "def softmax(z):\n    return np.exp(z) / np.exp(z).sum() / 2\n\n"
        "probs_medium = softmax(np.array([1.0, 2.0, -1.0]))\n"
        "loss_medium = -np.sum(medium_onehot * np.log(probs_medium))",
        "check that softmax passes question 4 first",
        mistake="loss-wrong-value",
    ),
    Wrong(
        "q5",
        "accuracy_medium = probs_medium[1]",
        "is the probability, not the accuracy",
        mistake="accuracy-is-probability",
    ),
    Wrong("q5", "accuracy_medium = 100", "not a percentage", mistake="accuracy-percentage"),
    Wrong("q5", "accuracy_medium = 0", "Was it right?", mistake="accuracy-wrong"),
    Wrong("q5", "predicted_label = 'low'", "largest probability", mistake="prediction-not-argmax"),
    Wrong(
        "q5",
        "predicted_label = classes[int(np.argmin(probs_medium))]",
        "largest probability",
        mistake="prediction-not-argmax",
    ),
    Wrong("q5", "predicted_label = 1", "should be a class name", mistake="prediction-index-not-name"),
    Wrong(
        "q5", "predicted_label = np.argmax(probs_medium)", "should be a class name", mistake="prediction-index-not-name"
    ),
    Wrong("q5", "predicted_label = 'Medium'", "spelled as in classes", mistake="class-name-misspelled"),
    Wrong(
        "q5",
        "medium_onehot = np.array([1, 0, 0])",
        "a 1 at the position of the true class",
        mistake="one-hot-wrong-position",
    ),
    Wrong("q5", "medium_onehot = 1", "the one-hot vector has one entry per class", mistake="one-hot-scalar"),
    Wrong("q5", "medium_onehot = np.array([0, 1])", "one entry per class (3 numbers)", mistake="one-hot-wrong-length"),
    Wrong(
        "q5", "medium_onehot = probs_medium", "a 1 at the position of the true class", mistake="one-hot-wrong-position"
    ),
    # found in the browser: a guard that said "Fill in" about a filled-in name of the wrong kind
    Wrong(
        "q5",
        "predicted_label = np.argmax(probs_medium); accuracy_medium = '1'",
        "a value of the right kind",
        mistake="prediction-index-not-name",
    ),
    # q6 a batch: axis (1), sign (2), log base (3), transposition (4), hard-coded size (5, 11),
    # normalisation (6), types (7), rounding and typed-in values (8, 13), narrow vs wide values (10),
    # in-place mutation (12), skipped step (14)
    Wrong(
        "q6",
        "def softmax_rows(Z):\n    e = np.exp(Z - Z.max())\n    return e / e.sum(axis=0, keepdims=True)",
        "normalised each COLUMN",
        mistake="normalised-columns",
    ),
    Wrong(
        "q6",
        "def softmax_rows(Z):\n    e = np.exp(Z)\n    return e / e.sum(axis=1, keepdims=True)",
        "overflows on large scores",
        mistake="no-row-max-shift",
    ),
    Wrong(
        "q6",
        "def softmax_rows(Z):\n    e = np.exp(Z - Z.max())\n    return e / e.sum(axis=1, keepdims=True)",
        "One maximum for the whole array",
        mistake="no-row-max-shift",
    ),
    Wrong(
        "q6",
        "def softmax_rows(Z):\n    e = np.exp(Z)\n    return e / e.sum()",
        "divide each row by its own total",
        mistake="not-row-wise",
    ),
    Wrong(
        "q6", "def softmax_rows(Z):\n    return softmax(Z)", "divide each row by its own total", mistake="not-row-wise"
    ),
    Wrong(
        "q6",
        "def softmax_rows(Z):\n    e = np.exp(Z - Z.max(axis=1))\n    return e / e.sum(axis=1, keepdims=True)",
        "needs keepdims=True",
        mistake="missing-keepdims",
    ),
    Wrong(
        "q6",
        "def softmax_rows(Z):\n    e = np.exp(Z - Z.max(axis=1, keepdims=True))\n    return e / e.sum(axis=1)",
        "needs keepdims=True",
        mistake="missing-keepdims",
    ),
    Wrong(
        "q6",
        "def softmax_rows(Z):\n    e = np.exp(Z - Z.max(axis=1, keepdims=True))\n"
        "    return (e / e.sum(axis=1, keepdims=True)).T",
        "softmax_rows should keep the shape",
        mistake="transposed",
    ),
    Wrong(
        "q6",
        "def softmax_rows(Z):\n    Z -= Z.max(axis=1, keepdims=True)\n    e = np.exp(Z)\n"
        "    return e / e.sum(axis=1, keepdims=True)",
        "softmax_rows changed the array it was given",
        mistake="changes-input",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return -np.sum(np.log(P[np.arange(len(labels)), labels]))",
        "summed over the houses",
        mistake="loss-summed",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return -np.mean(np.log10(P[np.arange(len(labels)), labels]))",
        "log base 10",
        mistake="loss-log-base-10",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return np.mean(np.log(P[np.arange(len(labels)), labels]))",
        "MINUS the log-probability",
        mistake="loss-missing-minus",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return -np.mean(np.log(P))",
        "pick only each house's TRUE class",
        mistake="loss-all-classes",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return -np.mean(np.log(P[:, labels]))",
        "P[np.arange(n), labels] picks one entry per row",
        mistake="loss-wrong-indexing",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return -np.sum(np.log(P[np.arange(len(labels)), labels])) / P.shape[1]",
        "divided by the number of classes",
        mistake="loss-mean-over-classes",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return -np.mean(np.log(P[np.arange(4), labels]))",
        "not a fixed 4",
        mistake="loss-fixed-size",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return -np.mean(np.log(P[np.arange(len(labels)), labels - 1]))",
        "the average over houses of -log(P[i, labels[i]])",
        mistake="loss-labels-shifted",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    loss = -np.mean(np.log(P[np.arange(len(labels)), labels]))",
        "mean_cross_entropy returned nothing",
        mistake="loss-no-return",
    ),
    Wrong(
        "q6",
        "batch_preds = batch_probs.argmax(axis=0)",
        "one entry per class, not per house",
        mistake="preds-wrong-axis",
    ),
    Wrong(
        "q6",
        "batch_preds = batch_probs.max(axis=1)",
        "not the largest probabilities (max)",
        mistake="preds-max-not-argmax",
    ),
    Wrong(
        "q6",
        "batch_probs = softmax(batch_logits)",
        "batch_probs should be softmax_rows(batch_logits)",
        mistake="probs-not-row-wise",
    ),
    Wrong("q6", "batch_loss = 4 * batch_loss", "take the mean", mistake="batch-loss-not-mean"),
    Wrong(
        "q6",
        "batch_loss = mean_cross_entropy(batch_logits, batch_labels)",
        "computed from the logits",
        mistake="loss-from-logits",
    ),
    Wrong("q6", "batch_loss = round(batch_loss, 4)", "typed in from the rounded printout", mistake="loss-typed-in"),
    Wrong("q6", "batch_accuracy = 3.0", "fraction of houses", mistake="accuracy-not-fraction"),
    Wrong("q6", "batch_accuracy = 75.0", "not a percentage", mistake="accuracy-percentage"),
    Wrong(
        "q6",
        "batch_accuracy = float(np.mean(batch_probs.max(axis=1)))",
        "fraction of houses",
        mistake="accuracy-not-fraction",
    ),
    # found in the browser: class names for the predictions (raised a Python error), a count for the accuracy
    Wrong(
        "q6",
        "batch_preds = np.array(classes)[batch_probs.argmax(axis=1)]",
        "not class names",
        mistake="preds-class-names",
    ),
    Wrong(
        "q6",
        "batch_accuracy = (batch_preds == batch_labels).sum()",
        "the number of right predictions",
        mistake="accuracy-not-fraction",
    ),
]

RIGHT = [
    # q1: lists (1), NumPy integers (2), a shape read off an array
    Right("q1", "X_shape, W_shape, b_shape, logits_shape = [100, 2], [2, 3], [3], [100, 3]", "lists instead of tuples"),
    Right(
        "q1",
        "X_shape = (np.int64(100), np.int64(2)); W_shape = tuple(np.array([2, 3]))\n"
        "b_shape = (np.int32(3),); logits_shape = (np.int64(100), 3)",
        "NumPy integers in the tuples",
    ),
    Right("q1", "X_shape = np.zeros((100, 2)).shape; logits_shape = np.empty((100, 3)).shape", "shapes of real arrays"),
    # q2: equivalent formulas (4), float32 (3), a loop (5)
    Right(
        "q2",
        "X_demo = np.ones((100, 2)); W_demo = np.zeros((2, 3)); b_demo = np.ones(3)\n"
        "logits_demo = np.dot(X_demo, W_demo) + b_demo",
        "np.dot and other values",
    ),
    Right("q2", "logits_demo = np.einsum('nf,fk->nk', X_demo, W_demo) + b_demo", "np.einsum"),
    Right(
        "q2",
        "X_demo, W_demo, b_demo = (a.astype(np.float32) for a in (X_demo, W_demo, b_demo))\n"
        "logits_demo = np.matmul(X_demo, W_demo) + b_demo",
        "float32 arrays and np.matmul",
    ),
    Right("q2", "logits_demo = np.array([x @ W_demo + b_demo for x in X_demo])", "a loop over houses"),
    # q3: rounding within what is checked (6), a loop (5), float32 (3), equivalent formulas (4), NumPy vs Python
    Right("q3", "probs_by_hand = [0.2595, 0.7054, 0.0351]", "rounded values typed as a list"),
    Right(
        "q3",
        "exp_scores = [float(np.exp(s)) for s in scores]; exp_total = sum(exp_scores)\n"
        "probs_by_hand = [e / exp_total for e in exp_scores]",
        "a loop with Python floats",
    ),
    Right(
        "q3",
        "exp_scores = np.exp(scores.astype(np.float32)); exp_total = exp_scores.sum()\n"
        "probs_by_hand = exp_scores / exp_total",
        "float32",
    ),
    Right(
        "q3",
        "import scipy.special\nexp_total = float(np.sum(exp_scores)); probs_by_hand = scipy.special.softmax(scores)",
        "scipy softmax and a Python float total",
    ),
    # q4: equivalent formulas (4), a loop returning a list (1, 5), float32 (3)
    Right("q4", "import scipy.special\nsoftmax = scipy.special.softmax", "scipy.special.softmax"),
    Right(
        "q4",
        "def softmax(z):\n    m = max(z)\n    e = [np.exp(v - m) for v in z]\n    t = sum(e)\n"
        "    return [v / t for v in e]",
        "a loop returning a list",
    ),
    Right(
        "q4", "def softmax(z):\n    z = z - np.max(z)\n    return np.exp(z) / np.exp(z).sum()", "no copy, shift by max"
    ),
    Right(
        "q4",
        "def softmax(z):\n    m = np.max(z)\n    return np.exp(z - m - np.log(np.sum(np.exp(z - m))))",
        "the log-sum-exp form",
    ),
    Right(
        "q4",
        "def softmax(z):\n    z = np.asarray(z, dtype=np.float32)\n    e = np.exp(z - z.max())\n    return e / e.sum()",
        "float32",
    ),
    # q5: lists (1), NumPy and Python scalars (2), float32 and rounding within what is checked (3, 6),
    # equivalent formulas (4)
    Right(
        "q5",
        "medium_onehot = [0, 1, 0]; predicted_label = 'medium'; accuracy_medium = 1\n"
        "loss_medium = -np.log(probs_medium[1])",
        "list one-hot, integer accuracy, direct -log p",
    ),
    Right("q5", "loss_medium = np.float32(-np.log(0.7054))", "float32 from the rounded probability"),
    Right("q5", "loss_medium = 0.349", "the printed loss, rounded to what the check resolves"),
    Right(
        "q5",
        "medium_onehot = np.eye(3)[1]; predicted_label = np.array(classes)[np.argmax(probs_medium)]\n"
        "accuracy_medium = predicted_label == 'medium'; loss_medium = -np.log(probs_medium @ medium_onehot)",
        "np.eye, a NumPy string, a bool accuracy, a dot product",
    ),
    # q6: equivalent formulas (4), loops (5), plain Python numbers (2), float32 (3)
    Right(
        "q6",
        "import scipy.special\ndef softmax_rows(Z):\n    return scipy.special.softmax(Z, axis=1)",
        "scipy softmax along axis 1",
    ),
    Right(
        "q6",
        "def softmax_rows(Z):\n    return np.array([softmax(row) for row in Z])",
        "the 1-D softmax of question 4, row by row",
    ),
    Right(
        "q6",
        "import scipy.special\ndef softmax_rows(Z):\n    return np.exp(Z - scipy.special.logsumexp(Z, axis=1, keepdims=True))",
        "log-sum-exp form",
    ),
    Right(
        "q6",
        "def mean_cross_entropy(P, labels):\n    total = 0.0\n    for row, y in zip(P, labels):\n"
        "        total += -np.log(row[y])\n    return total / len(labels)",
        "a loop over houses",
    ),
    Right(
        "q6",
        "def mean_cross_entropy(P, labels):\n    Y = np.eye(P.shape[1])[labels]\n"
        "    return -np.mean(np.sum(Y * np.log(P), axis=1))",
        "one-hot rows times the log-probabilities",
    ),
    Right("q6", "batch_accuracy = 0.75; batch_preds = [int(i) for i in batch_preds]", "plain Python numbers"),
    Right(
        "q6",
        "def softmax_rows(Z):\n    Z = np.asarray(Z, dtype=np.float32)\n    e = np.exp(Z - Z.max(axis=1)[:, None])\n"
        "    return e / e.sum(axis=1)[:, None]",
        "float32 with [:, None] broadcasting",
    ),
]
