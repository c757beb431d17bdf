"""Lesson 01: wrong answers that must lose points (with their message) and right ones that must not."""

from harness import Right, Wrong

WRONG = [
    Wrong("q1", "X_shape = (2, 100)", "X_shape is transposed"),
    Wrong("q1", "W_shape = (3, 2)", "W_shape is transposed"),
    Wrong("q1", "b_shape = (100, 3)", "the bias is one number per class"),
    Wrong("q1", "b_shape = (1, 3)", "the bias is one number per class"),
    Wrong("q1", "logits_shape = (3, 100)", "logits_shape is transposed"),
    Wrong("q1", "W_shape = '(2, 3)'", "should be a tuple of integers"),
    Wrong("q2", "logits_demo = X_demo @ W_demo", "logits_demo should be X_demo @ W_demo + b_demo"),
    Wrong(
        "q2",
        "X_demo = rng.normal(size=(2, 100)); X_demo = X_demo.T.copy(); W_demo = np.ones((2, 2))",
        "should have the shapes of question 1",
    ),
    Wrong("q3", "probs_by_hand = scores / scores.sum()", "exponentiate them first"),
    Wrong("q3", "exp_total = scores.sum()", "sum of the exponentials (not of the raw scores)"),
    Wrong("q3", "probs_by_hand = np.exp(scores)", "Probabilities should add up to 1"),
    Wrong("q4", "def softmax(z):\n    e = np.exp(z)\n    return e / e.sum()", "Subtract the largest score"),
    Wrong("q4", "def softmax(z):\n    return np.exp(z) / np.sum(z)", "softmax is wrong on a vector"),
    Wrong("q4", "def softmax(z):\n    raise NotImplementedError", "raised NotImplementedError"),
    Wrong("q4", "softmax = None", "softmax should be a function"),
    Wrong("q5", "loss_medium = np.log(probs_medium[1])", "MINUS the log"),
    Wrong("q5", "loss_medium = -np.log10(probs_medium[1])", "log base 10"),
    Wrong("q5", "loss_medium = -np.log(probs_medium[0])", "probability of 'low'"),
    Wrong("q5", "loss_medium = -np.log(probs_medium[2])", "probability of 'high'"),
    Wrong("q5", "loss_medium = -np.sum(np.log(probs_medium))", "keeps only the true class"),
    Wrong("q5", "accuracy_medium = probs_medium[1]", "is the probability, not the accuracy"),
    Wrong("q5", "predicted_label = 'low'", "largest probability"),
    Wrong("q5", "predicted_label = 1", "should be a class name"),
    Wrong("q5", "medium_onehot = np.array([1, 0, 0])", "a 1 at the position of the true class"),
    Wrong(
        "q6",
        "def softmax_rows(Z):\n    e = np.exp(Z - Z.max())\n    return e / e.sum(axis=0, keepdims=True)",
        "normalised each COLUMN",
    ),
    Wrong(
        "q6",
        "def softmax_rows(Z):\n    e = np.exp(Z)\n    return e / e.sum(axis=1, keepdims=True)",
        "overflows on large scores",
    ),
    Wrong("q6", "def softmax_rows(Z):\n    e = np.exp(Z)\n    return e / e.sum()", "divide each row by its own total"),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return -np.sum(np.log(P[np.arange(len(labels)), labels]))",
        "summed over the houses",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return -np.mean(np.log10(P[np.arange(len(labels)), labels]))",
        "log base 10",
    ),
    Wrong(
        "q6",
        "def mean_cross_entropy(P, labels):\n    return np.mean(np.log(P[np.arange(len(labels)), labels]))",
        "MINUS the log-probability",
    ),
    Wrong(
        "q6", "def mean_cross_entropy(P, labels):\n    return -np.mean(np.log(P))", "pick only each house's TRUE class"
    ),
    Wrong("q6", "batch_preds = batch_probs.argmax(axis=0)", "one entry per class, not per house"),
    Wrong("q6", "batch_loss = 4 * batch_loss", "take the mean"),
    Wrong("q6", "batch_accuracy = 3.0", "fraction of houses"),
]

RIGHT = [
    Right("q1", "X_shape, W_shape, b_shape, logits_shape = [100, 2], [2, 3], [3], [100, 3]", "lists instead of tuples"),
    Right(
        "q2",
        "X_demo = np.ones((100, 2)); W_demo = np.zeros((2, 3)); b_demo = np.ones(3)\n"
        "logits_demo = np.dot(X_demo, W_demo) + b_demo",
        "np.dot and other values",
    ),
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
        "q5",
        "medium_onehot = [0, 1, 0]; predicted_label = 'medium'; accuracy_medium = 1\n"
        "loss_medium = -np.log(probs_medium[1])",
        "list one-hot, integer accuracy, direct -log p",
    ),
    Right("q5", "loss_medium = np.float32(-np.log(0.7054))", "float32 from the rounded probability"),
    Right(
        "q6",
        "import scipy.special\ndef softmax_rows(Z):\n    return scipy.special.softmax(Z, axis=1)",
        "scipy softmax along axis 1",
    ),
    Right(
        "q6",
        "def mean_cross_entropy(P, labels):\n    total = 0.0\n    for row, y in zip(P, labels):\n"
        "        total += -np.log(row[y])\n    return total / len(labels)",
        "a loop over houses",
    ),
    Right("q6", "batch_accuracy = 0.75; batch_preds = [int(i) for i in batch_preds]", "plain Python numbers"),
    Right(
        "q6",
        "def softmax_rows(Z):\n    Z = np.asarray(Z, dtype=np.float32)\n    e = np.exp(Z - Z.max(axis=1)[:, None])\n"
        "    return e / e.sum(axis=1)[:, None]",
        "float32 with [:, None] broadcasting",
    ),
]
