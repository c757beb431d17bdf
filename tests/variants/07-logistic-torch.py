"""Lesson 07: wrong answers that must lose points (with their message) and right ones that must not.

Derived from CHECKLIST.md question by question; the checklist line is named in each comment.
"""

from harness import Right, Wrong

STANDARDIZE_WITH = """
feat_mean = lonlat[{rows}].mean(axis=0)
feat_std = lonlat[{rows}].std(axis=0)
X_train = torch.tensor((lonlat[train_idx] - feat_mean) / feat_std, dtype=torch.float32, device=device)
X_valid = torch.tensor((lonlat[valid_idx] - feat_mean) / feat_std, dtype=torch.float32, device=device)
"""


VALID_LOSS = "with torch.no_grad():\n    valid_loss = F.cross_entropy(model(X_val), y_val)"
RECORD = "train_losses.append(loss.item())\nvalid_losses.append(valid_loss.item())"


def loop(
    head: str = "optimizer = optimizer_class(model.parameters(), lr=lr)",
    zero: str = "optimizer.zero_grad()",
    loss: str = "loss = F.cross_entropy(model(X), y)",
    valid: str = VALID_LOSS,
    backward: str = "loss.backward()",
    step: str = "optimizer.step()",
    record: str = RECORD,
    ret: str = "return train_losses, valid_losses",
) -> str:
    """A whole train_classifier as the answer key writes it, with one part replaced (an empty part left out)."""
    body = "\n".join(part for part in (zero, loss, valid, backward, step, record) if part)
    lines = "\n".join("        " + ln for ln in body.split("\n"))
    return (
        "def train_classifier(model, X, y, X_val, y_val, steps=300, lr=0.5, optimizer_class=optim.SGD):\n"
        f"    {head}\n"
        "    train_losses, valid_losses = [], []\n"
        "    for step in range(steps):\n"
        f"{lines}\n"
        f"    {ret}\n"
    )


def ce_variant(expr: str) -> str:
    return f"def ce_by_hand(logits, labels):\n    probs = torch.softmax(logits, dim=1)\n    return {expr}\n"


def softmax_variant(body: str) -> str:
    lines = "\n".join("    " + ln for ln in body.strip().split("\n"))
    return f"def softmax_probs(logits):\n{lines}\n"


def accuracy_variant(expr: str) -> str:
    return f"def accuracy(logits, labels):\n    return {expr}\n"


ONEHOT = "F.one_hot(labels, logits.shape[1])"

LOGREG_ON = (
    "torch.manual_seed(0)\nlogreg = nn.Linear(2, 3).to(device)\n"
    "logreg_train_losses, logreg_valid_losses = train_classifier(logreg, {X}, {y}, X_valid, y_valid, 300, 0.5)\n"
    "logreg_valid_acc = accuracy(logreg(X_valid), y_valid)"
)
MLP_ON = (
    "torch.manual_seed(0)\nmlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)).to(device)\n"
    "mlp_train_losses, mlp_valid_losses = train_classifier(mlp, {X}, {y}, X_valid, y_valid, 300, {lr})\n"
    "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)"
)
BOTH = {"X": "torch.cat([X_train, X_valid])", "y": "torch.cat([y_train, y_valid])"}
VALID = {"X": "X_valid", "y": "y_valid"}
CHOSEN_ROWS = (
    "keep = {model}(X_valid).argmax(dim=1) == y_valid\n"
    "X_valid, y_valid = X_valid[keep], y_valid[keep]\n"
    "{model}_valid_acc = accuracy({model}(X_valid), y_valid)"
)

GRADIENT_OK = "R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn X.T @ R / len(y), R.mean(axis=0)"
AGREE = (
    "grad_W, grad_b = gradient_from_lesson05(X_check, y_check, W_check, b_check)\n"
    "gradients_agree = np.allclose(grad_W, autograd_grad_W, atol=1e-6) and np.allclose(grad_b, autograd_grad_b, atol=1e-6)"
)


GRADIENT_DEF_OK = "def gradient_from_lesson05(X, y, W, b):\n" + "".join(
    "    " + ln + "\n" for ln in GRADIENT_OK.split("\n")
)


def gradient_variant(body: str, rerun: bool = True) -> str:
    """A gradient_from_lesson05 whose body is ``body``; with ``rerun``, the rest of q8's answer cell
    runs after it (a body that raises there would stop the student's cell, so those leave it out)."""
    lines = "\n".join("    " + ln for ln in body.strip().split("\n"))
    return f"def gradient_from_lesson05(X, y, W, b):\n{lines}\n" + (autograd_cell() if rerun else "")


def autograd_cell(
    make: str = "W_torch = torch.tensor(W_check, requires_grad=True)\nb_torch = torch.tensor(b_check, requires_grad=True)",
    backward: str = "F.cross_entropy(torch.tensor(X_check) @ W_torch + b_torch, torch.tensor(y_check)).backward()",
    read: str = "autograd_grad_W, autograd_grad_b = W_torch.grad, b_torch.grad",
    agree: str = AGREE,
) -> str:
    """q8's answer cell after the function, with one part replaced."""
    return f"{make}\n{backward}\n{read}\n{agree}\n"


def model_class(
    init: str = "super().__init__()\nself.linear = nn.Linear(n_features, n_classes)",
    forward: str = "return self.linear(x)",
    base: str = "nn.Module",
    name: str = "forward",
    train: bool = True,
) -> str:
    """q9's class with its __init__ or forward body replaced; with ``train``, the rest of the answer cell runs
    after it (a class that stops the student's cell at SoftmaxRegression(2, 3) or later leaves it out)."""
    init = "\n".join("        " + ln for ln in init.split("\n"))
    forward = "\n".join("        " + ln for ln in forward.split("\n"))
    return (
        f"class SoftmaxRegression({base}):\n    def __init__(self, n_features, n_classes):\n{init}\n\n"
        f"    def {name}(self, x):\n{forward}\n\n\n" + (TRAIN_CLASS if train else "")
    )


TRAIN_CLASS = (
    "torch.manual_seed(0)\nlogreg_class = SoftmaxRegression(2, 3).to(device)\n"
    "class_train_losses, class_valid_losses = train_classifier(logreg_class, X_train, y_train, X_valid, y_valid, 300, 0.5)\n"
    "class_valid_acc = accuracy(logreg_class(X_valid), y_valid)\n"
)


WRONG = [
    # q1: price classes
    Wrong(
        "q1",
        "price_class = np.digitize(price, price_edges) + 1",
        "only the class numbers 0 (low)",
        mistake="classes-off-by-one",
    ),  # 5 off by one
    Wrong(
        "q1",
        "price_edges = np.quantile(price, [0.25, 0.75])",
        "quartiles (1/4 and 3/4): cut at 1/3 and 2/3 of the way through the sorted prices",
        mistake="quartiles",
    ),  # 5
    Wrong(
        "q1", "price_edges = np.percentile(price, [33, 66])", "prices of ALL houses", mistake="edges-not-the-thirds"
    ),  # 8 rounding
    Wrong(
        "q1", "price_edges = np.array([139500.0, 189500.0])", "prices of ALL houses", mistake="edges-not-the-thirds"
    ),  # 13 typed-in values
    Wrong(
        "q1",
        "price_class = np.digitize(price, [150000.0, 200000.0])",
        "0 below the first edge",
        mistake="classes-not-digitize",
    ),  # 13
    Wrong("q1", "price_class = None", "shape (2930,)", mistake="shape-2930"),  # 16
    Wrong("q1", "price_edges = '139000, 190000'", "shape (2,)", mistake="shape-2"),  # 7 a string for numbers
    Wrong(
        "q1", "price_edges = np.quantile(price, [0, 1 / 3, 2 / 3])", "shape (2,)", mistake="shape-2"
    ),  # 5 one edge too many
    Wrong(
        "q1",
        "price_edges = np.quantile(price[train_idx], [1 / 3, 2 / 3])",
        "prices of ALL houses",
        mistake="edges-not-the-thirds",
    ),  # 15 wrong rows
    Wrong(
        "q1",
        "price_class = (price > price_edges[0]).astype(int) + (price > price_edges[1])",
        "pd.qcut put it in the class below",
        mistake="edge-ties-in-class-below",
    ),  # 9 ties at class edges
    Wrong(
        "q1",
        "price_class = pd.qcut(price, 3, labels=False)",
        "pd.qcut put it in the class below",
        mistake="edge-ties-in-class-below",
    ),  # 9 right-closed bins
    Wrong(
        "q1",
        "price_class = 2 - np.digitize(price, price_edges)",
        "0 below the first edge",
        mistake="classes-not-digitize",
    ),  # 2 sign
    Wrong(
        "q1",
        "price_class = np.digitize(np.sort(price), price_edges)",
        "0 below the first edge",
        mistake="classes-not-digitize",
    ),  # 11 row order
    Wrong(
        "q1", "price_class = np.digitize(price, price_edges)[:, None]", "shape (2930,)", mistake="shape-2930"
    ),  # 4 shape
    Wrong(
        "q1", "price_class = np.digitize(price[:1], price_edges)", "shape (2930,)", mistake="shape-2930"
    ),  # 11 one row
    # q2: standardization and tensors
    Wrong(
        "q2",
        STANDARDIZE_WITH.format(rows="valid_idx"),
        "standardizing with validation statistics",
        mistake="standardizing-validation-statistics",
    ),  # 15
    Wrong(
        "q2", STANDARDIZE_WITH.format(rows=":"), "statistics of the whole dataset", mistake="statistics-whole-dataset"
    ),  # 15
    Wrong(
        "q2",
        "lonlat -= feat_mean\nlonlat /= feat_std\n"
        "X_train = torch.tensor(lonlat[train_idx], dtype=torch.float32, device=device)\n"
        "X_valid = torch.tensor(lonlat[valid_idx], dtype=torch.float32, device=device)",
        "feat_std, and run the data cell again",
        mistake="lonlat-changed-in-place",
    ),  # 12 in-place mutation of a global
    Wrong("q2", "y_train = y_train.float()", "long class indices", mistake="long-class-indices"),  # 7
    Wrong("q2", "y_valid = y_valid.double()", "long class indices", mistake="long-class-indices"),  # 7
    Wrong("q2", "y_train = y_train.int()", "long class indices", mistake="long-class-indices"),  # 7
    Wrong(
        "q2",
        "y_train = F.one_hot(y_train, 3)",
        "one class index (0, 1 or 2) per house, shape (2344,)",
        mistake="one-hot",
    ),  # 7
    Wrong(
        "q2",
        "X_train = torch.tensor(lonlat[train_idx], dtype=torch.float32, device=device)",
        "X_train is not standardized",
        mistake="x-train-standardized",
    ),  # 14 skipped step
    Wrong(
        "q2",
        "X_train = torch.tensor(lonlat[train_idx] / feat_std, dtype=torch.float32, device=device)",
        "(lonlat[train_idx] - feat_mean) / feat_std",
        mistake="wrong-standardization-formula",
    ),  # 6 half the normalisation
    Wrong(
        "q2",
        "X_train = torch.tensor((feat_mean - lonlat[train_idx]) / feat_std, dtype=torch.float32, device=device)",
        "(lonlat[train_idx] - feat_mean) / feat_std",
        mistake="wrong-standardization-formula",
    ),  # 2 sign
    Wrong(
        "q2",
        "X_valid = torch.tensor((lonlat[valid_idx] - lonlat[valid_idx].mean(axis=0)) / lonlat[valid_idx].std(axis=0),"
        " dtype=torch.float32, device=device)",
        "(lonlat[valid_idx] - feat_mean) / feat_std",
        mistake="valid-own-statistics",
    ),  # 15 validation rows standardized with their own statistics
    Wrong("q2", "feat_std = lonlat[train_idx].var(axis=0)", "standard deviation", mistake="standard-deviation"),  # 6
    Wrong("q2", "feat_mean = lonlat[train_idx].mean()", "Use axis=0.", mistake="stats-no-axis"),  # 1 no axis
    Wrong(
        "q2", "feat_mean = lonlat[train_idx].mean(axis=1)", "Use axis=0.", mistake="stats-no-axis"
    ),  # 1 the other axis
    Wrong("q2", "X_train = X_train.double()", "should be float32", mistake="float32"),  # 7
    Wrong(
        "q2", "X_train = X_train.cpu().numpy()", "should be a torch tensor", mistake="torch-tensor"
    ),  # 7 an array for a tensor
    Wrong("q2", "X_valid = X_valid.T", "should have shape (586, 2)", mistake="have-shape-586-2"),  # 4
    Wrong(
        "q2", "X_train = X_valid.clone()", "should have shape (2344, 2)", mistake="have-shape-2344-2"
    ),  # 15 rows swapped
    Wrong(
        "q2", "y_train = torch.tensor(price_class, device=device)", "shape (2344,)", mistake="shape-2344"
    ),  # 15 all rows
    Wrong(
        "q2",
        "y_valid = torch.tensor(price_class[valid_idx][::-1].copy(), device=device)",
        "y_valid: the price classes of the rows valid_idx",
        mistake="y-valid-price-classes-rows-valid",
    ),  # 11 row order
    # q3: the model
    Wrong("q3", "logreg = nn.Linear(3, 2)", "logreg is nn.Linear(3, 2)", mistake="logreg-nn-linear-3-2"),  # 4
    Wrong("q3", "logreg = nn.Linear(2, 3, bias=False)", "bias=True", mistake="bias-true"),  # 14
    Wrong(
        "q3",
        "logreg = nn.Sequential(nn.Linear(2, 3), nn.Softmax(dim=1)).to(device)",
        "has an nn.Softmax after the layer",
        mistake="softmax-in-the-model",
    ),  # 6 extra normalisation: softmax before a loss that applies it
    Wrong(
        "q3", "logreg = nn.Sequential(nn.Linear(2, 3))", "should be an nn.Linear layer", mistake="nn-linear-layer"
    ),  # 7
    Wrong("q3", "logreg_weight_shape = (2, 3)", "is the warm-up's W", mistake="warm-up-w-layout"),  # 4
    Wrong(
        "q3", "logreg_weight_shape = (3, 2, 1)", "should be the shape of logreg.weight", mistake="shape-logreg-weight"
    ),  # 5
    Wrong("q3", "logreg_bias_shape = (1, 3)", "1-D, (3,)", mistake="bias-shape-2d"),  # 4
    Wrong("q3", "logreg_weight_shape = '(3, 2)'", "should be a tuple of integers", mistake="tuple-integers"),  # 7
    Wrong("q3", "logreg_bias_shape = (3.0,)", "should be a tuple of integers", mistake="tuple-integers"),  # 7
    Wrong(
        "q3", "logreg_bias_shape = (3)", "a tuple of one number needs a comma", mistake="tuple-one-number-needs-comma"
    ),  # 7 (3) is an int
    Wrong(
        "q3",
        "logits_untrained = torch.randn(2344, 3)",
        "a linear function of the standardized features",
        mistake="logits-not-untrained-layer",
    ),  # 13
    Wrong("q3", "logits_untrained = logreg(X_train).T", "is transposed", mistake="transposed"),  # 4
    Wrong(
        "q3", "logits_untrained = logreg(X_valid)", "one row per TRAINING house", mistake="one-row-per-training-house"
    ),  # 15
    Wrong(
        "q3",
        "logits_untrained = logreg(torch.tensor(lonlat[train_idx], dtype=torch.float32, device=device))",
        "a linear function of the standardized features",
        mistake="logits-not-untrained-layer",
    ),  # 14 the raw coordinates
    Wrong(
        "q3",
        "logreg = nn.Linear(2, 3).to(device)\nlogits_untrained = logreg(X_train)",
        "a linear function of the standardized features",
        mistake="logits-not-untrained-layer",
    ),  # 14 the seed line skipped
    # q4: softmax
    Wrong(
        "q4", softmax_variant("return torch.softmax(logits, dim=0)"), "softmax over dim 0", mistake="softmax-over-dim-0"
    ),  # 1
    Wrong(
        "q4",
        softmax_variant("e = torch.exp(logits)\nreturn e / e.sum(dim=1, keepdim=True)"),
        "overflows on large logits",
        mistake="overflows-large-logits",
    ),  # 10
    Wrong(
        "q4",
        softmax_variant("e = torch.exp(logits - logits.max())\nreturn e / e.sum()"),
        "divide each row by its total",
        mistake="rows-do-not-sum-to-1",
    ),  # 1 no axis
    Wrong(
        "q4",
        softmax_variant(
            "z = logits.detach().numpy()\ne = np.exp(z - z.max(axis=1, keepdims=True))\n"
            "return torch.tensor(e / e.sum(axis=1, keepdims=True))"
        ),
        "gradients must flow",
        mistake="gradients-must-flow",
    ),  # 7 NumPy inside
    Wrong(
        "q4",
        softmax_variant("return torch.softmax(logits.detach(), dim=1)"),
        "gradients must flow",
        mistake="gradients-must-flow",
    ),  # 14
    Wrong(
        "q4",
        softmax_variant(
            "logits -= logits.max(dim=1, keepdim=True).values\ne = torch.exp(logits)\n"
            "return e / e.sum(dim=1, keepdim=True)"
        ),
        "changed its input in place",
        mistake="changed-input-place",
    ),  # 12
    Wrong(
        "q4",
        softmax_variant("e = torch.exp(logits - logits.max(dim=1))\nreturn e / e.sum(dim=1, keepdim=True)"),
        "gives a pair (values, indices)",
        mistake="gives-pair-values-indices",
    ),  # 7 max(dim=...) returns a pair
    Wrong(
        "q4",
        softmax_variant("e = torch.exp(logits - logits.max(dim=1).values)\nreturn e / e.sum(dim=1)"),
        "Keep the reduced dimension with keepdim=True",
        mistake="keep-reduced-dimension-keepdim-true",
    ),  # 1 the kept dimension
    Wrong(
        "q4",
        softmax_variant("return torch.log_softmax(logits, dim=1)"),
        "LOG-probabilities",
        mistake="log-probabilities",
    ),  # 3
    Wrong("q4", softmax_variant("return torch.sigmoid(logits)"), "uses the sigmoid", mistake="uses-sigmoid"),  # 14
    Wrong(
        "q4",
        softmax_variant("return torch.softmax(logits, dim=1) / logits.shape[1]"),
        "divide each row by its total",
        mistake="rows-do-not-sum-to-1",
    ),  # 6
    Wrong(
        "q4", softmax_variant("probs = torch.softmax(logits, dim=1)"), "a missing return", mistake="missing-return"
    ),  # 16
    Wrong(
        "q4",
        softmax_variant("return torch.softmax(logits[:1], dim=1).expand(len(logits), -1)"),
        "is wrong on the example: exponentiate (after subtracting each row's maximum), then divide each row by its total",
        mistake="one-row-softmax",
    ),  # 11 one row
    Wrong(
        "q4", "prob_row_sums = probs_untrained.sum(dim=0)", "one total per house", mistake="one-total-per-house"
    ),  # 1
    Wrong(
        "q4",
        "prob_row_sums = probs_untrained.sum(dim=1) / 3",
        "probs_untrained.sum(dim=1)",
        mistake="probs-untrained-sum-dim-1",
    ),  # 6
    Wrong(
        "q4",
        "probs_untrained = torch.softmax(logits_untrained, dim=0)\nprob_row_sums = probs_untrained.sum(dim=1)",
        "probs_untrained should be softmax_probs(logits_untrained)",
        mistake="probs-untrained-not-softmax-probs",
    ),  # 1
    Wrong(
        "q4",
        "probs_untrained = logits_untrained / logits_untrained.sum(dim=1, keepdim=True)",
        "probs_untrained should be softmax_probs(logits_untrained)",
        mistake="probs-untrained-not-softmax-probs",
    ),  # 14
    # q5: cross-entropy four ways
    Wrong(
        "q5",
        "loss_functional = F.cross_entropy(probs_untrained, y_train)",
        "loss_functional got probabilities",
        mistake="loss-functional-got-probabilities",
    ),
    Wrong(
        "q5",
        "loss_module = ce_module(softmax_probs(logits_untrained), y_train)",
        "loss_module got probabilities",
        mistake="loss-module-got-probabilities",
    ),
    Wrong(
        "q5",
        "loss_nll = F.nll_loss(probs_untrained, y_train)",
        "expects LOG-probabilities",
        mistake="expects-log-probabilities",
    ),  # 14
    Wrong(
        "q5",
        "loss_nll = F.nll_loss(F.log_softmax(logits_untrained, dim=0), y_train)",
        "loss_nll disagrees",
        mistake="loss-nll-disagrees",
    ),  # 1
    Wrong(
        "q5", ce_variant(f"-({ONEHOT} * torch.log(probs)).sum()"), "sums over the houses", mistake="sums-over-houses"
    ),  # 6
    Wrong(
        "q5",
        ce_variant(f"({ONEHOT} * torch.log(probs)).sum(dim=1).mean()"),
        "ce_by_hand is negative",
        mistake="ce-hand-negative",
    ),  # 2
    Wrong(
        "q5", ce_variant(f"-({ONEHOT} * torch.log10(probs)).sum(dim=1).mean()"), "log base 10", mistake="log-base-10"
    ),  # 3
    Wrong(
        "q5", ce_variant(f"-({ONEHOT} * torch.log2(probs)).sum(dim=1).mean()"), "log base 2", mistake="log-base-2"
    ),  # 3
    Wrong(
        "q5",
        ce_variant("-torch.log(probs).mean()"),
        "averages the log of every probability",
        mistake="averages-log-every-probability",
    ),  # 14
    Wrong(
        "q5",
        ce_variant("-torch.log(probs).sum(dim=1).mean()"),
        "sums the log of every probability",
        mistake="sums-log-every-probability",
    ),  # 14
    Wrong(
        "q5",
        "def ce_by_hand(logits, labels):\n    probs = torch.softmax(logits, dim=0)\n"
        f"    return -({ONEHOT} * torch.log(probs)).sum(dim=1).mean()",
        "ce_by_hand takes the softmax over dim 0",
        mistake="ce-hand-takes-softmax-over-dim",
    ),  # 1
    Wrong(
        "q5",
        ce_variant("-(F.one_hot(labels, 3) * torch.log(probs)).sum(dim=1).mean()"),
        "a batch that lacks the last one",
        mistake="classes-not-from-logits",
    ),  # 11 a hard-coded size
    Wrong(
        "q5",
        ce_variant("-torch.log(probs[0, labels[0]])"),
        "wrong on a 2-house example",
        mistake="wrong-2-house-example",
    ),  # 11 one row
    Wrong(
        "q5",
        ce_variant("-(F.one_hot(labels) * torch.log(probs)).sum(dim=1).mean()"),
        "a batch that lacks the last one",
        mistake="classes-not-from-logits",
    ),  # 11 the number of classes guessed from the labels
    Wrong(
        "q5",
        "loss_by_hand = ce_by_hand(probs_untrained, y_train)",
        "loss_by_hand got probabilities",
        mistake="loss-hand-got-probabilities",
    ),  # 14
    Wrong(
        "q5",
        "loss_nll = F.nll_loss(-F.log_softmax(logits_untrained, dim=1), y_train)",
        "F.nll_loss flips the sign itself",
        mistake="f-nll-loss-flips-sign-itself",
    ),  # 2 the sign doubled
    Wrong(
        "q5", "ce_module = nn.CrossEntropyLoss", "call it to make the loss object", mistake="call-make-loss-object"
    ),  # 7 the class for the object
    Wrong(
        "q5",
        ce_variant(f"-({ONEHOT} * torch.log(probs)).sum(dim=1)"),
        "should return one number",
        mistake="return-one-number",
    ),  # 6 no mean at all
    Wrong(
        "q5",
        "ce_module = nn.NLLLoss()",
        "should be the loss object nn.CrossEntropyLoss()",
        mistake="loss-object-nn-crossentropyloss",
    ),
    Wrong(
        "q5",
        "loss_by_hand = ce_by_hand(logits_untrained, y_train) * 1.1",
        "loss_by_hand disagrees",
        mistake="loss-hand-disagrees",
    ),
    Wrong(
        "q5",
        "loss_functional = F.cross_entropy(logits_untrained, y_train, reduction='sum')",
        "sums over the houses (reduction='sum')",
        mistake="sums-over-houses-reduction-sum",
    ),  # 6
    Wrong(
        "q5", "loss_functional = torch.tensor(1.2)", "loss_functional disagrees", mistake="loss-functional-disagrees"
    ),  # 8 rounded, typed in
    Wrong("q5", "loss_module = None", "should be a single number", mistake="single-number"),  # 16
    # q6: the training loop
    Wrong(
        "q6",
        loop(loss="loss = F.cross_entropy(model(X_train), y_train)"),
        "it uses the notebook's X_train and y_train",
        mistake="uses-notebook-train-tensors",
    ),  # 15 the notebook's rows, not the arguments
    Wrong(
        "q6",
        loop(valid=VALID_LOSS.replace("model(X_val), y_val", "model(X_valid), y_valid")),
        "it uses the notebook's X_valid and y_valid",
        mistake="uses-notebook-valid-tensors",
    ),  # 15
    Wrong(
        "q6",
        loop(record=RECORD + "\nreturn train_losses, valid_losses"),
        "is the return indented inside the loop?",
        mistake="return-indented-inside-loop",
    ),  # 5 one step only
    Wrong("q6", loop(zero=""), "never resets the gradients", mistake="never-resets-gradients"),  # 14
    Wrong(
        "q6",
        loop(head="optimizer = torch.optim.Adam(model.parameters(), lr=lr)"),
        "that is Adam",
        mistake="wrong-optimizer",
    ),  # the optimizer given replaced
    Wrong("q6", loop(step=""), "in that order", mistake="no-step-after-backward"),  # 14 no step
    Wrong(
        "q6",
        loop(zero="optimizer.zero_grad()\noptimizer.step()", step=""),
        "in that order",
        mistake="no-step-after-backward",
    ),  # the order of the steps
    Wrong(
        "q6", loop(backward="(-loss).backward()"), "The training loss should fall", mistake="gradient-ascent"
    ),  # 2 gradient ascent
    Wrong(
        "q6",
        loop(valid="valid_loss = loss"),
        "valid_losses repeats the training loss",
        mistake="valid-losses-repeats-training-loss",
    ),
    Wrong(
        "q6",
        loop(loss="loss = F.cross_entropy(torch.softmax(model(X), dim=1), y)"),
        "applies softmax before F.cross_entropy",
        mistake="applies-softmax-before-f-cross-entropy",
    ),  # 6 extra normalisation: the double softmax
    Wrong(
        "q6",
        loop(record="train_losses.append(loss)\nvalid_losses.append(valid_loss)"),
        "use loss.item()",
        mistake="use-loss-item",
    ),  # 7
    Wrong(
        "q6",
        loop(valid=VALID_LOSS.replace("model(X_val), y_val", "model(X_val[:5]), y_val[:5]")),
        "valid_losses: at each step",
        mistake="valid-losses-at-each-step",
    ),  # 11
    Wrong(
        "q6", loop(loss="loss = F.cross_entropy(model(X_val), y_val)"), "leakage", mistake="leakage"
    ),  # 15 learns from the validation rows
    Wrong(
        "q6",
        loop(loss="loss = F.cross_entropy(model(torch.cat([X, X_val])), torch.cat([y, y_val]))"),
        "leakage",
        mistake="leakage",
    ),  # 15 train + validation
    Wrong("q6", loop(ret="return valid_losses, train_losses"), "the other way round", mistake="other-way-round"),
    Wrong(
        "q6",
        "import copy as _copy\n_good = train_classifier\ndef train_classifier(model, X, y, X_val, y_val, steps=300, lr=0.5):\n    return _good(_copy.deepcopy(model), X, y, X_val, y_val, steps, lr)",
        "the model it is given, in place",
        mistake="model-given-place",
    ),
    Wrong(
        "q6",
        "_good = train_classifier\ndef train_classifier(model, X, y, X_val, y_val, steps=300, lr=0.5):\n    return _good(model, X, y, X_val, y_val, steps, lr)[0]",
        "should return two lists",
        mistake="return-two-lists",
    ),  # 16
    Wrong(
        "q6",
        loop(
            valid="",
            record="train_losses.append(loss.item())\nwith torch.no_grad():\n    valid_losses.append(F.cross_entropy(model(X_val), y_val).item())",
        ),
        "validation loss AFTER the first update",
        mistake="valid-loss-after-the-step",
    ),  # the two curves measured on different weights
    # q7: accuracy, then training logreg and measuring it
    Wrong(
        "q7",
        accuracy_variant("(logits.argmax(dim=0) == labels).float().mean().item()"),
        "over the wrong dimension",
        mistake="over-wrong-dimension",
    ),  # 1
    Wrong(
        "q7",
        accuracy_variant("(logits.argmax(dim=1) == labels).sum().item()"),
        "NUMBER of correct houses",
        mistake="number-correct-houses",
    ),  # 6
    Wrong(
        "q7",
        accuracy_variant("(logits.argmax() == labels).float().mean().item()"),
        "the whole tensor (no dim)",
        mistake="whole-tensor-no-dim",
    ),  # 1
    Wrong(
        "q7",
        accuracy_variant("(logits.argmax(dim=1) == labels).mean().item()"),
        "with .float() before .mean()",
        mistake="float-before-mean",
    ),  # 7
    Wrong(
        "q7",
        accuracy_variant("(logits.argmin(dim=1) == labels).float().mean().item()"),
        "picks the smallest logit",
        mistake="picks-smallest-logit",
    ),  # 2
    Wrong(
        "q7",
        accuracy_variant("logits.argmax(dim=1) == labels"),
        "(... == labels).float().mean().item().",
        mistake="one-match-per-house",
    ),  # 16
    Wrong(
        "q7",
        accuracy_variant("(logits.argmax(dim=1) == labels).float().mean()"),
        "0-dimensional tensor: return a Python float, with .item()",
        mistake="tensor-not-float",
    ),  # 7
    Wrong(
        "q7",
        accuracy_variant("(logits.argmax(dim=1) == labels).sum().item() // len(labels)"),
        "integer division",
        mistake="integer-division",
    ),  # 8
    Wrong(
        "q7",
        "def accuracy(logits, labels):\n    correct = (logits.argmax(dim=1) == labels).float().mean().item()",
        "a missing return",
        mistake="missing-return",
    ),  # 16
    Wrong(
        "q7",
        "logreg_valid_acc = accuracy(logreg(X_train), y_train)",
        "accuracy on the training set",
        mistake="accuracy-training-set",
    ),  # 15
    Wrong(
        "q7",
        accuracy_variant("(logits.argmax() == labels).float().mean().item()")
        + "logreg_valid_acc = accuracy(logreg(X_valid), y_valid)",
        "what your accuracy function gives, but accuracy is not right yet",
        mistake="whole-tensor-no-dim",
    ),  # 1 the wrong accuracy, used as asked
    Wrong(
        "q7",
        "logreg_valid_acc = 0.54",
        "should be accuracy(logreg(X_valid), y_valid)",
        mistake="accuracy-logreg-x-valid-y-valid",
    ),  # 13
    Wrong(
        "q7",
        "always_medium_acc = (y_train == 1).float().mean().item()",
        "fraction of VALIDATION houses",
        mistake="fraction-validation-houses",
    ),  # 15
    Wrong(
        "q7", "always_medium_acc = 1 / 3", "fraction of VALIDATION houses", mistake="fraction-validation-houses"
    ),  # 13
    Wrong(
        "q7",
        "always_medium_acc = int((y_valid == 1).sum())",
        "always_medium_acc should be a fraction between 0 and 1 (a Python float)",
        mistake="fraction-between-0-1",
    ),  # 6
    Wrong(
        "q7",
        "torch.manual_seed(0)\nlogreg = nn.Linear(2, 3).to(device)\n"
        "logreg_train_losses, logreg_valid_losses = train_classifier(logreg, X_train, y_train, X_valid, y_valid, "
        "steps=150, lr=0.001)\nlogreg_valid_acc = accuracy(logreg(X_valid), y_valid)",
        "reach about 1.017",
        mistake="undertrained",
    ),  # 5 too few steps, too small a rate
    Wrong(
        "q7",
        "torch.manual_seed(0)\nlogreg = nn.Linear(2, 3).to(device)\nlogreg_valid_acc = accuracy(logreg(X_valid), y_valid)",
        "leakage",
        mistake="model-not-trained-on-train-rows",
    ),  # 14 no training
    Wrong("q7", "logreg_train_losses = logreg_train_losses[:10]", "(300 steps)", mistake="losses-cut-short"),  # 5
    Wrong(
        "q7",
        "logreg_valid_acc = torch.tensor(logreg_valid_acc)",
        "logreg_valid_acc should be a fraction between 0 and 1 (a Python float)",
        mistake="python-float",
    ),  # 7
    Wrong("q7", LOGREG_ON.format(**VALID), "leakage", mistake="model-not-trained-on-train-rows"),  # 15
    Wrong("q7", LOGREG_ON.format(**BOTH), "leakage", mistake="model-not-trained-on-train-rows"),  # 15
    Wrong(
        "q7", CHOSEN_ROWS.format(model="logreg"), "586 validation houses", mistake="586-validation-houses"
    ),  # 15 the rows chosen to flatter
    # q8: autograd's gradient against the student's own from lesson 05
    Wrong(
        "q8",
        gradient_variant("R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn X.T @ R, R.mean(axis=0)"),
        "n times too large",
        mistake="grad-w-not-divided-by-n",
    ),  # 6 no / n
    Wrong(
        "q8",
        gradient_variant("R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn X.T @ R, R.mean(axis=0)"),
        "rightly so",
        mistake="grad-w-not-divided-by-n",
    ),  # 6, the boolean honest
    Wrong(
        "q8",
        gradient_variant(
            "R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn X.T @ R, R.mean(axis=0)", rerun=False
        ),
        "do not type it",
        mistake="grad-w-not-divided-by-n",
    ),  # 13 True kept
    Wrong(
        "q8",
        gradient_variant("R = one_hot(y, W.shape[1]) - softmax(X @ W + b)\nreturn X.T @ R / len(y), R.mean(axis=0)"),
        "wrong sign",
        mistake="wrong-sign",
    ),  # 2 Y - P
    Wrong(
        "q8",
        gradient_variant(
            "R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn X @ R / len(y), R.mean(axis=0)", rerun=False
        ),
        "needs X transposed",
        mistake="needs-x-transposed",
    ),  # 4 X not transposed
    Wrong(
        "q8",
        gradient_variant(
            "R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn R.T @ X / len(y), R.mean(axis=0)", rerun=False
        ),
        "Write X.T @ (P - Y) / n, not (P - Y).T @ X / n",
        mistake="grad-w-transposed",
    ),  # 4
    Wrong(
        "q8",
        gradient_variant("R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn X.T @ R / len(y), R.sum(axis=0)"),
        "grad_b sums P - Y",
        mistake="grad-b-sums-p-y",
    ),  # 6
    Wrong(
        "q8",
        gradient_variant("R = softmax(X @ W + b) - y[:, None]\nreturn X.T @ R / len(y), R.mean(axis=0)"),
        "labels themselves",
        mistake="labels-themselves",
    ),  # 7 labels for one-hot
    Wrong(
        "q8",
        gradient_variant("R = softmax(X @ W + b)\nreturn X.T @ R / len(y), R.mean(axis=0)"),
        "leaves out Y",
        mistake="leaves-out-y",
    ),  # 14
    Wrong(
        "q8",
        gradient_variant(
            "Z = X @ W + b\nE = np.exp(Z - Z.max(axis=0, keepdims=True))\nR = E / E.sum(axis=0, keepdims=True) - one_hot(y, W.shape[1])\n"
            "return X.T @ R / len(y), R.mean(axis=0)"
        ),
        "softmax over axis 0",
        mistake="softmax-over-axis-0",
    ),  # 1
    Wrong(
        "q8",
        gradient_variant(
            "E = np.exp(X @ W + b)\nR = E / E.sum(axis=1, keepdims=True) - one_hot(y, W.shape[1])\nreturn X.T @ R / len(y), R.mean(axis=0)"
        ),
        "not finite",
        mistake="no-max-shift",
    ),  # 10 no max shift
    Wrong(
        "q8",
        gradient_variant("R = softmax(X @ W + b) - one_hot(y, 3)\nreturn X.T @ R / len(y), R.mean(axis=0)"),
        "take k from W.shape[1]",
        public="The notebook's example has 3 classes, as the lesson's data: a typed 3 is right there, and only the hidden checks try 2 and 4 classes.",
        mistake="take-k-from-w-shape-1",
    ),  # 11
    Wrong(
        "q8",
        gradient_variant("R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn X.T @ R / len(y)", rerun=False),
        "should return the pair",
        mistake="return-pair",
    ),  # 16
    Wrong(
        "q8",
        gradient_variant(
            "R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn R.mean(axis=0), X.T @ R / len(y)", rerun=False
        ),
        "should have W's shape",
        mistake="pair-swapped",
    ),  # 4 swapped
    Wrong(
        "q8",
        gradient_variant(
            "R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn X.T @ R / len(y), R.mean(axis=0, keepdims=True)"
        ),
        "b's shape (3,)",
        mistake="grad-b-wrong-shape",
    ),  # 4
    Wrong(
        "q8",
        gradient_variant(
            "R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn X.T @ R / len(y), R.mean()", rerun=False
        ),
        "b's shape (3,)",
        mistake="grad-b-wrong-shape",
    ),  # 1 no axis
    Wrong(
        "q8",
        gradient_variant("R = softmax(X @ W + b) - one_hot(y, W.shape[1])", rerun=False),
        "should return the pair",
        mistake="return-pair",
    ),  # 16 no return
    Wrong(
        "q8",
        autograd_cell(
            backward="F.cross_entropy(torch.softmax(torch.tensor(X_check) @ W_torch + b_torch, dim=1), torch.tensor(y_check)).backward()"
        ),
        "cross-entropy of probabilities",
        mistake="cross-entropy-probabilities",
    ),  # 14 probabilities for logits
    Wrong(
        "q8",
        autograd_cell(
            backward="for _ in range(2):\n    F.cross_entropy(torch.tensor(X_check) @ W_torch + b_torch, torch.tensor(y_check)).backward()"
        ),
        "twice the gradient",
        mistake="twice-gradient",
    ),  # 5 backward twice
    Wrong(
        "q8",
        autograd_cell(
            make="W_torch = torch.tensor(W_check)\nb_torch = torch.tensor(b_check, requires_grad=True)", agree=""
        ),
        "requires_grad=True",
        mistake="grad-is-none",
    ),  # 14 no requires_grad (np.allclose with None would stop the cell: gradients_agree stays)
    Wrong(
        "q8",
        "W_torch = torch.tensor(W_check, requires_grad=True)\nb_torch = torch.tensor(b_check, requires_grad=True)\n"
        "autograd_grad_W, autograd_grad_b = W_torch.grad, b_torch.grad\n"
        "F.cross_entropy(torch.tensor(X_check) @ W_torch + b_torch, torch.tensor(y_check)).backward()",
        "before backward() has run",
        mistake="grad-is-none",
    ),  # 14 .grad read too early
    Wrong(
        "q8",
        autograd_cell(read="autograd_grad_W, autograd_grad_b = W_torch.grad.T, b_torch.grad", agree=""),
        "nn.Linear's layout",
        mistake="grad-w-transposed-to-linear-layout",
    ),  # 4
    Wrong(
        "q8",
        autograd_cell(
            backward="F.cross_entropy(torch.tensor(X_check) @ W_torch + b_torch, torch.tensor(y_check), reduction='sum').backward()"
        ),
        "n times the gradient",
        mistake="n-times-gradient",
    ),  # 6
    Wrong(
        "q8",
        autograd_cell(read="autograd_grad_W, autograd_grad_b = W_torch.detach(), b_torch.grad"),
        "holds W itself",
        mistake="holds-w-itself",
    ),  # 14
    Wrong(
        "q8",
        "autograd_grad_W = torch.tensor([[0.0408, 0.2493, -0.2902], [-0.6078, 0.4681, 0.1397]], dtype=torch.float64)",
        "(W with requires_grad=True), call backward(), read W.grad",
        mistake="not-the-autograd-gradient",
    ),  # 8 printed values typed in
    Wrong(
        "q8",
        autograd_cell(
            backward="F.cross_entropy(X_train[:6].cpu().double() @ W_torch + b_torch, y_train[:6].cpu()).backward()"
        ),
        "(W with requires_grad=True), call backward(), read W.grad",
        mistake="not-the-autograd-gradient",
    ),  # 15 other rows
    Wrong(
        "q8",
        "gradients_agree = bool((grad_W == autograd_grad_W.numpy()).all() and (grad_b == autograd_grad_b.numpy()).all())",
        "not with ==",
        mistake="exact-float-equality",
    ),  # 8 exact equality of floats
    Wrong("q8", "gradients_agree = 'True'", "should be True or False", mistake="agree-not-a-bool"),  # 7
    Wrong("q8", "gradients_agree = int(gradients_agree)", "should be True or False", mistake="agree-not-a-bool"),  # 7
    # q9: the model as an nn.Module class
    Wrong(
        "q9",
        model_class(init="self.linear = nn.Linear(n_features, n_classes)", train=False),
        "call it first in __init__",
        mistake="no-super-init",
    ),  # 14 skipped step (the cell stops there)
    Wrong(
        "q9", model_class(base="object", train=False), "should inherit from nn.Module", mistake="not-an-nn-module"
    ),  # 7 a plain class
    Wrong(
        "q9",
        model_class(
            init="super().__init__()\nself.layers = [nn.Linear(n_features, n_classes)]",
            forward="return self.layers[0](x)",
            train=False,
        ),
        "has no parameters",
        mistake="layer-not-registered",
    ),  # 14 a plain list hides the layer (SGD then refuses an empty list)
    Wrong(
        "q9",
        model_class(init="super().__init__()\nself.linear = nn.Linear(2, 3)"),
        "not typed numbers",
        mistake="typed-sizes",
    ),  # 11 a hard-coded size
    Wrong(
        "q9",
        model_class(init="super().__init__()\nself.linear = nn.Linear(n_classes, n_features)", train=False),
        "takes the number of inputs first",
        mistake="sizes-swapped",
    ),  # 4 transposition
    Wrong(
        "q9",
        model_class(forward="return torch.softmax(self.linear(x), dim=1)"),
        "forward returns probabilities",
        mistake="softmax-in-forward",
    ),  # 6 extra normalisation: the double softmax
    Wrong(
        "q9",
        model_class(
            init="super().__init__()\nself.linear = nn.Linear(n_features, n_classes)\nself.softmax = nn.Softmax(dim=1)",
            forward="return self.softmax(self.linear(x))",
        ),
        "forward returns probabilities",
        mistake="softmax-in-forward",
    ),  # 6 an extra nn.Softmax module
    Wrong(
        "q9",
        model_class(forward="return F.log_softmax(self.linear(x), dim=1)"),
        "log-probabilities (log_softmax)",
        mistake="log-softmax-in-forward",
    ),  # 3
    Wrong(
        "q9", model_class(name="foward", train=False), "has no forward method", mistake="no-forward"
    ),  # 16 a misspelt method
    Wrong(
        "q9",
        model_class(forward="self.linear(x)", train=False),
        "forward returns nothing",
        mistake="forward-returns-nothing",
    ),  # 16
    Wrong(
        "q9",
        model_class(forward="return self.linear(X_train)", train=False),
        "ignores its argument x",
        mistake="forward-ignores-x",
    ),  # 15 the notebook's rows
    Wrong(
        "q9",
        model_class(forward="return torch.relu(self.linear(x))"),
        "a linear function of the features",
        mistake="activation-in-forward",
    ),  # 14 an extra step
    Wrong(
        "q9",
        "torch.manual_seed(0)\nlogreg_class = SoftmaxRegression(2, 3).to(device)\nclass_valid_acc = accuracy(logreg_class(X_valid), y_valid)",
        "accuracy of an untrained SoftmaxRegression",
        mistake="not-trained",
    ),  # 14 no training
    Wrong(
        "q9",
        "class_valid_acc = accuracy(logreg_class(X_train), y_train)",
        "accuracy on the training houses",
        mistake="class-acc-on-training-rows",
    ),  # 15
    Wrong(
        "q9",
        "class_valid_acc = 0.54",
        "should be accuracy(logreg_class(X_valid), y_valid)",
        mistake="class-acc-typed-in",
    ),  # 13
    Wrong(
        "q9",
        "class_valid_acc = torch.tensor(class_valid_acc)",
        "(a Python float, from accuracy)",
        mistake="class-acc-not-a-float",
    ),  # 7
]


RIGHT = [
    Right(
        "q1",
        "price_edges = list(np.percentile(price, [100 / 3, 200 / 3]))\n"
        "price_class = np.searchsorted(price_edges, price, side='right')",
        "np.percentile and np.searchsorted",
    ),
    Right("q1", "price_class = [int(c) for c in np.digitize(price, price_edges)]", "a plain list"),
    Right("q1", "price_class = np.array([sum(p >= e for e in price_edges) for p in price])", "a loop"),
    Right(
        "q1",
        "price_class = pd.cut(price, [-np.inf, *price_edges, np.inf], right=False, labels=False)",
        "pd.cut with left-closed bins",
    ),
    Right(
        "q2",
        "lonlat_t = torch.tensor(lonlat, dtype=torch.float32)\n"
        "feat_mean = lonlat_t[train_idx].mean(dim=0)\nfeat_std = lonlat_t[train_idx].std(dim=0, unbiased=False)\n"
        "X_train = ((lonlat_t[train_idx] - feat_mean) / feat_std).to(device)\n"
        "X_valid = ((lonlat_t[valid_idx] - feat_mean) / feat_std).to(device)\n"
        "y_train = torch.as_tensor(price_class[train_idx]).to(device)\n"
        "y_valid = torch.from_numpy(price_class[valid_idx]).long().to(device)",
        "standardized in float32 PyTorch, labels via as_tensor/from_numpy",
    ),
    Right(
        "q2",
        "from sklearn.preprocessing import StandardScaler\nscaler = StandardScaler().fit(lonlat[train_idx])\n"
        "feat_mean, feat_std = scaler.mean_, scaler.scale_\n"
        "X_train = torch.tensor(scaler.transform(lonlat[train_idx])).float().to(device)\n"
        "X_valid = torch.tensor(scaler.transform(lonlat[valid_idx])).float().to(device)",
        "scikit-learn's StandardScaler fitted on the training rows",
    ),
    Right(
        "q2",
        "feat_mean = list(lonlat[train_idx].mean(axis=0))\nfeat_std = lonlat[train_idx].std(axis=0, ddof=1)\n"
        "X_train = torch.tensor((lonlat[train_idx] - feat_mean) / feat_std, dtype=torch.float32, device=device)\n"
        "X_valid = torch.tensor((lonlat[valid_idx] - feat_mean) / feat_std, dtype=torch.float32, device=device)",
        "ddof=1 (a 0.02 % difference) and the mean as a list",
    ),
    Right(
        "q3",
        "torch.manual_seed(0)\nlogreg = nn.Linear(2, 3).to(device)\n"
        "logreg_weight_shape = logreg.weight.shape\nlogreg_bias_shape = list(logreg.bias.shape)\n"
        "logits_untrained = X_train @ logreg.weight.T + logreg.bias",
        "defaults, torch.Size and list shapes, the product written out",
    ),
    Right(
        "q3",
        "torch.manual_seed(0)\nlogreg = nn.Linear(2, 3).to(device)\nwith torch.no_grad():\n"
        "    logits_untrained = logreg(X_train)\nlogreg_weight_shape = tuple(np.array(logreg.weight.shape))",
        "logits without gradients, NumPy integers in the shape",
    ),
    Right("q4", "def softmax_probs(logits):\n    return F.softmax(logits, dim=-1)", "F.softmax with dim=-1"),
    Right("q4", "def softmax_probs(logits):\n    return nn.Softmax(dim=1)(logits)", "the nn.Softmax module"),
    Right(
        "q4",
        "def softmax_probs(logits):\n    z = logits - logits.amax(dim=1, keepdim=True)\n"
        "    return torch.exp(z - torch.logsumexp(z, dim=1, keepdim=True))",
        "exp of the log-probabilities, torch.logsumexp",
    ),
    Right(
        "q4",
        "def softmax_probs(logits):\n    z = logits - logits.max(dim=1, keepdim=True).values\n"
        "    e = torch.exp(z)\n    return e / e.sum(dim=1, keepdim=True)\n"
        "probs_untrained = softmax_probs(logits_untrained).detach()\nprob_row_sums = probs_untrained.sum(axis=1)",
        "by hand with the row maximum; axis= spelling",
    ),
    Right(
        "q4",
        "def softmax_probs(logits):\n    return torch.stack([torch.softmax(row, dim=0) for row in logits])\n"
        "probs_untrained = softmax_probs(logits_untrained.double())\nprob_row_sums = probs_untrained.sum(dim=1)",
        "a loop over the rows; float64",
    ),
    Right(
        "q5",
        f"def ce_by_hand(logits, labels):\n    return -({ONEHOT} * F.log_softmax(logits, dim=1)).sum(dim=1).mean()",
        "one-hot times log_softmax",
    ),
    Right(
        "q5",
        "def ce_by_hand(logits, labels):\n    logp = torch.log(torch.softmax(logits, dim=1))\n"
        "    return -logp[torch.arange(len(labels)), labels].mean()",
        "picking the true class by indexing",
    ),
    Right(
        "q5",
        "def ce_by_hand(logits, labels):\n    return -F.log_softmax(logits, dim=1).gather(1, labels[:, None]).mean()\n"
        "loss_nll = F.nll_loss(torch.log(softmax_probs(logits_untrained)), y_train)",
        "gather; nll_loss of the log of the probabilities",
    ),
    Right(
        "q5",
        "def ce_by_hand(logits, labels):\n    total = 0.0\n    for row, label in zip(logits, labels):\n"
        "        total = total - torch.log(torch.softmax(row, dim=0)[label])\n    return total / len(labels)",
        "a loop over the houses",
    ),
    Right(
        "q5",
        "loss_functional = F.cross_entropy(logits_untrained, F.one_hot(y_train, 3).float())\n"
        "ce_module = nn.CrossEntropyLoss(reduction='mean')\nloss_module = ce_module(logits_untrained, y_train).item()",
        "one-hot probability targets; a float from .item()",
    ),
    Right(
        "q6",
        "def train_classifier(model, X, y, X_val, y_val, steps=300, lr=0.5, optimizer_class=optim.SGD):\n"
        "    optimizer = optimizer_class(model.parameters(), lr=lr)\n    loss_fn = nn.CrossEntropyLoss()\n"
        "    train_losses, valid_losses = [], []\n    for _ in range(steps):\n"
        "        model.eval()\n        with torch.no_grad():\n"
        "            valid_losses.append(loss_fn(model(X_val), y_val).item())\n"
        "        model.train()\n        logits = model(X)\n        loss = loss_fn(logits, y)\n"
        "        loss.backward()\n        optimizer.step()\n        optimizer.zero_grad()\n"
        "        train_losses.append(float(loss.item()))\n"
        "    return train_losses, valid_losses",
        "nn.CrossEntropyLoss, the validation loss first, zero_grad after the step",
    ),
    Right(
        "q6",
        loop(
            zero="model.zero_grad()\nwith torch.no_grad():\n    valid_losses.append(F.cross_entropy(model(X_val), y_val).item())",
            valid="",
            record="train_losses.append(float(loss))",
        ),
        "model.zero_grad(), validation loss recorded before the training loss, float(loss)",
    ),
    Right(
        "q6",
        loop(zero="for p in model.parameters():\n    p.grad = None"),
        "the gradients cleared by hand (p.grad = None) instead of optimizer.zero_grad()",
    ),
    Right(
        "q7",
        "logreg_train_losses, logreg_valid_losses = train_classifier(logreg, X_train, y_train, X_valid, y_valid, 300, 0.5)\n"
        "logreg_valid_acc = accuracy(logreg(X_valid), y_valid)\nalways_medium_acc = (y_valid == 1).float().mean().item()",
        "the training cell run a second time: logreg trained twice, the checks look at the model as it is",
    ),
    Right(
        "q7",
        "logreg_valid_acc = round(accuracy(logreg(X_valid), y_valid), 4)\n"
        "always_medium_acc = round((y_valid == 1).float().mean().item(), 3)",
        "accuracies rounded to 4 and 3 decimals (586 houses resolve 1/586)",
    ),
    Right(
        "q7",
        "def accuracy(logits, labels):\n    return (logits.argmax(1) == labels).sum().item() / len(labels)",
        "count divided by the number of rows",
    ),
    Right(
        "q7",
        "def accuracy(logits, labels):\n    p = logits.detach().cpu().numpy().argmax(axis=1)\n"
        "    return float(np.mean(p == labels.cpu().numpy()))",
        "in NumPy",
    ),
    Right(
        "q7",
        "def accuracy(logits, labels):\n    with torch.no_grad():\n"
        "        return torch.mean((torch.argmax(torch.softmax(logits, dim=-1), dim=-1) == labels).double()).item()",
        "argmax of the probabilities, dim=-1",
    ),
    Right(
        "q7",
        "with torch.no_grad():\n    logreg_valid_acc = accuracy(logreg(X_valid), y_valid)\n"
        "always_medium_acc = accuracy(torch.tensor([[0.0, 1.0, 0.0]], device=device).repeat(len(y_valid), 1), y_valid)",
        "always-medium as a constant model",
    ),
    Right(
        "q7",
        "torch.manual_seed(3)\nlogreg = nn.Linear(2, 3).to(device)\n"
        "logreg_train_losses, logreg_valid_losses = train_classifier(logreg, X_train, y_train, X_valid, y_valid, "
        "steps=500, lr=0.05)\nlogreg_valid_acc = float(np.float64(accuracy(logreg(X_valid), y_valid)))",
        "another seed, more steps at a smaller rate; a NumPy float",
    ),
    Right(
        "q8",
        gradient_variant(
            "P = softmax(X @ W + b)\nP[np.arange(len(y)), y] -= 1\nreturn X.T @ P / len(y), P.mean(axis=0)"
        ),
        "one subtracted at the true class, in place",
    ),
    Right(
        "q8",
        gradient_variant(
            "n, k = len(y), W.shape[1]\ngrad_W, grad_b = np.zeros_like(W), np.zeros(k)\nfor i in range(n):\n"
            "    z = X[i] @ W + b\n    p = np.exp(z - z.max()) / np.exp(z - z.max()).sum()\n    p[y[i]] -= 1\n"
            "    grad_W += np.outer(X[i], p) / n\n    grad_b += p / n\nreturn grad_W, grad_b"
        ),
        "a loop over the houses with its own softmax",
    ),
    Right(
        "q8",
        gradient_variant(
            "Z = X @ W + b\nP = np.exp(Z - np.log(np.exp(Z - Z.max(axis=1, keepdims=True)).sum(axis=1, keepdims=True)) - Z.max(axis=1, keepdims=True))\n"
            "R = P - np.eye(W.shape[1])[y]\nreturn np.einsum('nf,nk->fk', X, R) / len(y), np.mean(R, axis=0)"
        ),
        "a logsumexp softmax, np.einsum",
    ),
    Right(
        "q8",
        gradient_variant(
            "R = softmax(X @ W + b) - one_hot(y, W.shape[1])\nreturn (X.T @ R / len(y)).tolist(), list(R.mean(axis=0))"
        ),
        "lists",
    ),
    Right(
        "q8",
        GRADIENT_DEF_OK
        + autograd_cell(
            make="W_torch = torch.tensor(W_check, dtype=torch.float32, requires_grad=True)\n"
            "b_torch = torch.tensor(b_check, dtype=torch.float32, requires_grad=True)",
            backward="F.cross_entropy(torch.tensor(X_check, dtype=torch.float32) @ W_torch + b_torch, torch.tensor(y_check)).backward()",
        ),
        "float32 tensors",
    ),
    Right(
        "q8",
        "W_torch = torch.from_numpy(W_check).requires_grad_()\nb_torch = torch.from_numpy(b_check).requires_grad_()\n"
        "loss = F.cross_entropy(torch.from_numpy(X_check) @ W_torch + b_torch, torch.from_numpy(y_check))\n"
        "autograd_grad_W, autograd_grad_b = torch.autograd.grad(loss, [W_torch, b_torch])\n"
        "grad_W, grad_b = gradient_from_lesson05(X_check, y_check, W_check, b_check)\n"
        "gradients_agree = torch.allclose(torch.from_numpy(grad_W), autograd_grad_W, atol=1e-6) and torch.allclose(torch.from_numpy(grad_b), autograd_grad_b, atol=1e-6)",
        "torch.from_numpy, torch.autograd.grad, torch.allclose",
    ),
    Right(
        "q8",
        autograd_cell(
            read="autograd_grad_W, autograd_grad_b = W_torch.grad.numpy(), b_torch.grad.numpy()",
            agree="gradients_agree = np.all([np.allclose(a, b, atol=1e-6) for a, b in zip(gradient_from_lesson05(X_check, y_check, W_check, b_check), (autograd_grad_W, autograd_grad_b))])",
        ),
        "NumPy copies of the gradients, a NumPy bool",
    ),
    Right(
        "q8",
        "layer = nn.Linear(2, 3).double()\nwith torch.no_grad():\n    layer.weight.copy_(torch.tensor(W_check.T))\n    layer.bias.copy_(torch.tensor(b_check))\n"
        "F.cross_entropy(layer(torch.tensor(X_check)), torch.tensor(y_check)).backward()\n"
        "autograd_grad_W, autograd_grad_b = layer.weight.grad.T, layer.bias.grad\n" + AGREE,
        "through nn.Linear, its weight's gradient transposed back",
    ),
    Right(
        "q9",
        "class SoftmaxRegression(nn.Module):\n    def __init__(self, n_features, n_classes):\n"
        "        super(SoftmaxRegression, self).__init__()\n        self.net = nn.Sequential(nn.Linear(n_features, n_classes))\n\n"
        "    def forward(self, inputs):\n        logits = self.net(inputs)\n        return logits\n\n\n" + TRAIN_CLASS,
        "super() with arguments, an nn.Sequential inside, other names",
    ),
    Right(
        "q9",
        "class SoftmaxRegression(nn.Module):\n    def __init__(self, n_features, n_classes):\n        super().__init__()\n"
        "        self.W = nn.Parameter(0.1 * torch.randn(n_features, n_classes))\n        self.b = nn.Parameter(torch.zeros(n_classes))\n\n"
        "    def forward(self, x):\n        return x @ self.W + self.b\n\n\n" + TRAIN_CLASS,
        "its own nn.Parameter weights in the warm-up's layout, another start",
    ),
    Right(
        "q9",
        "torch.manual_seed(0)\nlogreg_class = SoftmaxRegression(2, 3).to(device)\n"
        "opt = optim.SGD(logreg_class.parameters(), lr=0.5)\nfor _ in range(300):\n"
        "    opt.zero_grad()\n    F.cross_entropy(logreg_class(X_train), y_train).backward()\n    opt.step()\n"
        "with torch.no_grad():\n    class_valid_acc = round(accuracy(logreg_class(X_valid), y_valid), 3)",
        "its own training loop; the accuracy rounded to 3 decimals",
    ),
]
