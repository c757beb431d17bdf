"""Lesson 06: wrong answers that must lose points (with their message) and right ones that must not.

Derived from tests/variants/CHECKLIST.md, question by question (the checklist item is named in each
group's comment). Variants share the answer key's tensors and models (copied by the harness), and
build new objects instead of changing the answer key's in place.
"""

from harness import Right, Wrong

RETRAIN = (
    "torch.manual_seed(0)\n"
    "reg_model = LinearRegression(3).to(device)\n"
    "with torch.no_grad():\n"
    "    for param in reg_model.parameters():\n"
    "        param.zero_()\n"
    "reg_history = train(reg_model, X_train_t, y_train_t, lr=reg_lr, epochs=reg_epochs)\n"
)


def retrain_on(X: str, y: str) -> str:
    """The given training cell, fitting reg_model on other rows."""
    return RETRAIN.replace("X_train_t, y_train_t", f"{X}, {y}")


def autograd(
    loss: str = "torch.mean((X_train_t @ w_auto + b_auto - y_train_t) ** 2)",
    backward: str = "loss_auto.backward()",
    w: str = "w_start.reshape(3, 1)",
    grads: str = "grad_w_auto = w_auto.grad\ngrad_b_auto = b_auto.grad\n",
    matches: str = (
        "autograd_matches = bool(np.allclose(grad_w_auto.detach().cpu().numpy().ravel(), grad_w_numpy, rtol=1e-4)"
        " and np.isclose(grad_b_auto.item(), grad_b_numpy, rtol=1e-4))\n"
    ),
) -> str:
    """Question 2's answer with one part replaced (autograd_matches then computed honestly)."""
    return (
        f"w_auto = torch.tensor({w}, dtype=torch.float32, device=device, requires_grad=True)\n"
        "b_auto = torch.tensor([b_start], dtype=torch.float32, device=device, requires_grad=True)\n"
        f"loss_auto = {loss}\n{backward}\n{grads}{matches}"
    )


def regression_class(
    init: str = "self.linear = nn.Linear(n_features, 1)",
    forward: str = "return self.linear(x)",
    sup: str = "super().__init__()",
) -> str:
    """Question 4's class with one part replaced."""
    return (
        "class LinearRegression(nn.Module):\n    def __init__(self, n_features):\n"
        f"        {sup}\n        {init}\n    def forward(self, x):\n        {forward}\n"
    )


def loop(
    body: str,
    setup: str = "    optimizer = torch.optim.SGD(model.parameters(), lr=lr)\n",
    loss: str = "nn.MSELoss()",
    epochs: str = "epochs",
) -> str:
    """A train() whose epoch body is ``body`` (indented 8 spaces), after the lesson's set-up."""
    return (
        "def train(model, X, y, lr, epochs):\n"
        f"    loss_fn = {loss}\n"
        f"{setup}"
        "    history = []\n"
        f"    for _ in range({epochs}):\n"
        f"{body}"
        "    return history\n"
    )


GOOD_BODY = (
    "        optimizer.zero_grad()\n"
    "        loss = loss_fn(model(X), y)\n"
    "        loss.backward()\n"
    "        optimizer.step()\n"
    "        history.append(loss.item())\n"
)


def accumulate(steps: str) -> str:
    """Question 6 on a fresh layer (the answer key's acc_model must not change)."""
    return (
        "torch.manual_seed(0)\n"
        "acc_model = nn.Linear(3, 1).to(device)\n"
        "acc_optimizer = torch.optim.SGD(acc_model.parameters(), lr=0.1)\n"
        f"{steps}"
    )


ONCE = "acc_loss_fn(acc_model(X_train_t), y_train_t).backward()\n"
AFTER = "acc_optimizer.zero_grad()\ngrad_is_none = acc_model.weight.grad is None\n"

WRONG = [
    # q1 -- types (7): float64, a NumPy array, a list, an integer dtype
    Wrong("q1", "X_train_t = torch.from_numpy(X_train)", "is float64 (NumPy's default)", mistake="float64-data"),
    Wrong(
        "q1",
        "y_valid_t = torch.tensor(y_valid, dtype=torch.float64).reshape(-1, 1)",
        "y_valid_t is float64",
        mistake="float64-data",
    ),
    Wrong("q1", "X_train_t = X_train", "X_train_t is a ndarray, not a tensor", mistake="numpy-array-not-tensor"),
    Wrong("q1", "X_valid_t = X_valid.tolist()", "X_valid_t is a list, not a tensor", mistake="list-not-tensor"),
    Wrong(
        "q1",
        "X_train_t = torch.tensor(X_train, dtype=torch.int32)",
        "should be torch.float32 (an integer type",
        mistake="integer-dtype",
    ),
    Wrong(
        "q1",
        "y_train_t = torch.tensor(y_train, dtype=torch.float16).reshape(-1, 1)",
        "y_train_t has dtype torch.float16",
        mistake="float16-dtype",
    ),
    Wrong(  # found in the browser: float16 was blamed as "an integer type"
        "q1",
        "y_train_t = torch.tensor(y_train, dtype=torch.float16).reshape(-1, 1)",
        "should be torch.float32 (the dtype of nn.Linear)",
        mistake="float16-dtype",
    ),
    # q1 -- transposition (4), one row vs many (11), off by one (5)
    Wrong(
        "q1",
        "X_valid_t = torch.tensor(X_valid, dtype=torch.float32).T",
        "the transpose of (586, 3)",
        mistake="transposed-features",
    ),
    Wrong(
        "q1",
        "y_train_t = torch.tensor(y_train, dtype=torch.float32).reshape(1, -1)",
        "the transpose of (2344, 1)",
        mistake="targets-as-a-row",
    ),
    Wrong(
        "q1",
        "y_train_t = torch.tensor(y_train, dtype=torch.float32)",
        "has shape (2344,)",
        mistake="targets-not-reshaped",
    ),
    Wrong(
        "q1",
        "y_valid_t = torch.tensor(y_valid[:-1], dtype=torch.float32).reshape(-1, 1)",
        "y_valid_t should have shape (586, 1)",
        mistake="rows-missing",
    ),
    Wrong(
        "q1",
        "X_train_t = torch.tensor(X_train[1:], dtype=torch.float32)",
        "X_train_t should have shape (2344, 3)",
        mistake="rows-missing",
    ),
    # q1 -- the device: flipped condition, blank, not a device name
    Wrong(
        "q1",
        'device = "cpu" if torch.cuda.is_available() else "cuda"',
        "is what this machine has",
        mistake="device-condition-flipped",
    ),
    Wrong(
        "q1",
        "device = ...",
        'device is still the blank ... (fill in your answer); it should be "cuda" or "cpu"',
        mistake="device-blank",
    ),
    Wrong("q1", 'device = "gpu"', "device is 'gpu'; it should be", mistake="device-not-a-name"),
    Wrong(
        "q1",
        "device = torch.cuda.is_available()",
        'device is False; it should be "cuda" or "cpu"',
        mistake="device-a-bool",
    ),
    # q1 -- skipped step (14): no standardization; wrong rows (15): leakage and the other part of the split
    Wrong(
        "q1",
        "X_train_t = torch.tensor(X_raw[train_idx], dtype=torch.float32, device=device)",
        "these are the raw features, not standardized",
        mistake="not-standardized",
    ),
    Wrong(
        "q1",
        "v = X_raw[valid_idx]\nX_valid_t = torch.tensor((v - v.mean(axis=0)) / v.std(axis=0), dtype=torch.float32, device=device)",
        "standardized with its own rows' mean and std",
        mistake="standardized-with-own-rows",
    ),
    Wrong(
        "q1",
        "v = (X_raw[valid_idx] - X_raw.mean(axis=0)) / X_raw.std(axis=0)\nX_valid_t = torch.tensor(v, dtype=torch.float32, device=device)",
        "mean and std of ALL rows, validation rows included (leakage)",
        mistake="standardized-with-all-rows",
    ),
    Wrong(
        "q1",
        "y_train_t = torch.tensor(price[:2344], dtype=torch.float32, device=device).reshape(-1, 1)",
        "y_train_t should hold the same numbers as y_train",
        mistake="numbers-differ",
    ),
    Wrong(
        "q1",
        "y_valid_t = torch.tensor(y_valid[::-1].copy(), dtype=torch.float32, device=device).reshape(-1, 1)",
        "the houses are in another order",
        mistake="rows-reordered",
    ),
    # q1 -- rounding (8) and typed-in values (13)
    Wrong(
        "q1",
        "X_train_t = torch.tensor(np.round(X_train, 1), dtype=torch.float32, device=device)",
        "X_train_t should hold the same numbers",
        mistake="numbers-differ",
    ),
    Wrong(
        "q1",
        "y_valid_t = torch.full((586, 1), 1.8, device=device)",
        "y_valid_t should hold the same numbers as y_valid",
        mistake="numbers-differ",
    ),
    # q2 -- normalisation (6): the sum, half the MSE, n - 1
    Wrong(
        "q2",
        autograd(loss="torch.sum((X_train_t @ w_auto + b_auto - y_train_t) ** 2)"),
        "n times too large",
        mistake="loss-summed",
    ),
    Wrong(
        "q2",
        autograd(loss="torch.mean((X_train_t @ w_auto + b_auto - y_train_t) ** 2) / 2"),
        "half the right size",
        mistake="loss-halved",
    ),
    Wrong(
        "q2",
        autograd(loss="torch.sum((X_train_t @ w_auto + b_auto - y_train_t) ** 2) / (len(y_train_t) - 1)"),
        "loss_auto should be the mean squared error",
        mistake="loss-not-the-mse",
    ),
    Wrong(
        "q2",
        autograd(loss="torch.mean(torch.abs(X_train_t @ w_auto + b_auto - y_train_t))"),
        "loss_auto should be the mean squared error",
        mistake="loss-not-the-mse",
    ),
    # q2 -- sign (2), backward twice, the broadcast (n, n) table from a (3,) weight (11)
    Wrong(
        "q2",
        autograd(grads="grad_w_auto = -w_auto.grad\ngrad_b_auto = -b_auto.grad\n"),
        "read from w_auto.grad",
        mistake="grads-not-read-from-grad",
    ),
    Wrong(
        "q2",
        autograd(backward="loss_auto.backward(retain_graph=True)\nloss_auto.backward()"),
        "loss.backward() ran twice",
        mistake="backward-twice",
    ),
    Wrong("q2", autograd(w="w_start"), "different shapes ((n,) and (n, 1))", mistake="weight-1d-broadcast"),
    # q2 -- transposition (4)
    Wrong(
        "q2",
        autograd(w="w_start.reshape(1, 3)", loss="torch.mean((X_train_t @ w_auto.T + b_auto - y_train_t) ** 2)"),
        "w_auto should have shape (3, 1)",
        mistake="weight-transposed",
    ),
    # q2 -- types (7)
    Wrong(
        "q2",
        "w_auto = torch.tensor(w_start.reshape(3, 1), requires_grad=True)",
        "should be float32",
        mistake="not-float32",
    ),
    Wrong(
        "q2",
        "b_auto = torch.tensor(np.array([b_start]), requires_grad=True)",
        "should be float32",
        mistake="not-float32",
    ),
    Wrong("q2", "autograd_matches = 'yes'", "it should be True or False", mistake="matches-not-a-bool"),
    Wrong(
        "q2", "autograd_matches = 1", "autograd_matches is 1; it should be True or False", mistake="matches-not-a-bool"
    ),
    Wrong(
        "q2",
        "grad_w_auto = w_auto.grad.cpu().numpy()",
        "is a NumPy array: keep them as the tensors",
        mistake="grads-as-numpy",
    ),
    # q2 -- skipped steps (14): no requires_grad, no backward, a detached loss; the answer's own check wrong
    Wrong(
        "q2",
        "w_auto = torch.tensor(w_start.reshape(3, 1), dtype=torch.float32)\ngrad_w_auto = w_auto.grad",
        "need requires_grad=True",
        mistake="no-requires-grad",
    ),
    Wrong(
        "q2",
        autograd(backward="pass", matches="autograd_matches = True\n"),
        "read w_auto.grad and b_auto.grad AFTER loss_auto.backward()",
        mistake="no-backward",
    ),
    Wrong(
        "q2",
        "loss_auto = (X_train_t @ w_auto.detach() + b_auto.detach() - y_train_t) ** 2",
        "should be a single number",
        mistake="loss-not-a-number",
    ),
    Wrong(
        "q2", "autograd_matches = False", "autograd_matches is False, yet your gradients equal", mistake="matches-false"
    ),
    Wrong(
        "q2",
        autograd(
            matches="autograd_matches = np.allclose(grad_w_auto.detach().cpu().numpy(), grad_w_numpy, rtol=1e-4)\n"
        ),
        "flatten grad_w_auto with .ravel() first",
        mistake="matches-false",
    ),
    # q2 -- typed-in values (13): the printed gradient, no backward
    Wrong(
        "q2",
        autograd(
            backward="pass",
            grads="grad_w_auto = torch.tensor(np.round(grad_w_numpy, 5).reshape(3, 1), dtype=torch.float32)\n"
            "grad_b_auto = torch.tensor([round(float(grad_b_numpy), 5)], dtype=torch.float32)\n",
        ),
        "w_auto.grad or b_auto.grad is None: call loss_auto.backward()",
        mistake="grads-typed-in",
    ),
    Wrong(
        "q2",
        autograd(grads="grad_w_auto = w_auto.grad\ngrad_b_auto = torch.tensor([-1.57], device=device)\n"),
        "not typed in or computed apart",
        mistake="grads-not-read-from-grad",
    ),
    # q2 -- a wrong start, an update step taken (12), the wrong rows (15), one row (11)
    Wrong("q2", autograd(w="np.zeros((3, 1))"), "should start at w_start and b_start", mistake="wrong-start"),
    Wrong(
        "q2",
        autograd(backward="loss_auto.backward()\nwith torch.no_grad():\n    w_auto -= 0.1 * w_auto.grad"),
        "no update step in this question",
        mistake="updated-after-backward",
    ),
    Wrong(
        "q2",
        autograd(loss="torch.mean((X_valid_t @ w_auto + b_auto - y_valid_t) ** 2)"),
        "the gradient on the validation rows",
        mistake="validation-rows",
    ),
    Wrong(
        "q2",
        autograd(loss="torch.mean((X_train_t[:1] @ w_auto + b_auto - y_train_t[:1]) ** 2)"),
        "loss_auto should be the mean squared error",
        mistake="loss-not-the-mse",
    ),
    # q3 -- transposition (4), off by one (5), skipped bias (14)
    Wrong("q3", "linear_model = nn.Linear(1, 3)", "nn.Linear(1, 3) is transposed", mistake="layer-transposed"),
    Wrong("q3", "linear_model = nn.Linear(3, 2)", "it needs 3 features in, 1 output", mistake="wrong-layer-size"),
    Wrong("q3", "linear_model = nn.Linear(2, 1)", "linear_model is nn.Linear(2, 1)", mistake="wrong-layer-size"),
    Wrong("q3", "linear_model = nn.Linear(3, 1, bias=False)", "has no bias", mistake="no-bias"),
    Wrong("q3", "weight_shape = (3, 1)", "weight_shape is transposed", mistake="weight-shape-transposed"),
    # q3 -- shapes not read from the layer
    Wrong("q3", "bias_shape = ()", "one bias per output", mistake="bias-shape-not-read"),
    Wrong(
        "q3",
        "bias_shape = (1, 1)",
        "bias_shape is (1, 1), but the layer's bias has shape (1,)",
        mistake="bias-shape-not-read",
    ),
    Wrong("q3", "bias_shape = tuple(linear_model.weight.shape)", "bias_shape is (1, 3)", mistake="bias-shape-not-read"),
    Wrong(
        "q3",
        "weight_shape = (1, 3, 1)",
        "weight_shape is (1, 3, 1), but the layer's weight",
        mistake="weight-shape-not-read",
    ),
    # q3 -- types (7): an int, a string, floats, another module, float64 weights
    Wrong(
        "q3",
        "weight_shape = linear_model.weight.shape[0]",
        "it should be a tuple of whole numbers",
        mistake="shape-not-a-tuple",
    ),
    Wrong(
        "q3", "weight_shape = '(1, 3)'", "weight_shape is '(1, 3)'; it should be a tuple", mistake="shape-not-a-tuple"
    ),
    Wrong("q3", "weight_shape = (1.0, 3.0)", "it should be a tuple of whole numbers", mistake="shape-not-a-tuple"),
    Wrong(
        "q3",
        "linear_model = nn.Sequential(nn.Linear(3, 1))",
        "linear_model is a Sequential; it should be an nn.Linear",
        mistake="linear-is-sequential",
    ),
    Wrong("q3", "linear_model = nn.Linear(3, 1).double()", "keep nn.Linear's float32", mistake="float64-weights"),
    # q4 -- hard-coded sizes (11), off by one (5), transposition (4)
    Wrong(
        "q4",
        regression_class(init="self.linear = nn.Linear(3, 1)"),
        "use n_features inputs",
        mistake="wrong-layer-size",
    ),
    Wrong(
        "q4",
        regression_class(init="self.linear = nn.Linear(n_features + 1, 1)"),
        "LinearRegression(2) has nn.Linear(3, 1)",
        mistake="wrong-layer-size",
    ),
    Wrong(
        "q4",
        regression_class(init="self.linear = nn.Linear(1, n_features)"),
        "has nn.Linear(1, 2), transposed",
        mistake="layer-transposed",
    ),
    Wrong(
        "q4",
        regression_class(init="self.linear = nn.Linear(n_features, n_features)"),
        "and 1 output",
        mistake="wrong-layer-size",
    ),
    Wrong(
        "q4",
        regression_class(init="self.linear = nn.Linear(n_features, 1, bias=False)"),
        "layer has no bias",
        mistake="no-bias",
    ),
    Wrong(
        "q4",
        regression_class(forward="return linear_model(x)"),
        "forward should use self.linear",
        mistake="forward-uses-global",
    ),
    # q4 -- skipped steps (14): super().__init__, forward, the return
    Wrong(
        "q4", regression_class(sup="pass"), "call super().__init__() at the start of __init__", mistake="no-super-init"
    ),
    Wrong(
        "q4",
        regression_class(sup="super().__init__"),
        "call super().__init__() at the start of __init__",
        mistake="no-super-init",
    ),
    Wrong(
        "q4",
        "class LinearRegression(nn.Module):\n    def __init__(self, n_features):\n        super().__init__()\n"
        "        self.linear = nn.Linear(n_features, 1)\n    def foward(self, x):\n        return self.linear(x)\n",
        "found no forward method",
        mistake="forward-misspelled",
    ),
    Wrong("q4", regression_class(forward="self.linear(x)"), "forward returned None", mistake="forward-no-return"),
    # q4 -- names, shapes and extras
    Wrong(
        "q4",
        regression_class(init="self.layer = nn.Linear(n_features, 1)", forward="return self.layer(x)"),
        "store its layer as self.linear",
        mistake="layer-not-self-linear",
    ),
    Wrong(
        "q4",
        regression_class(init="self.layers = [nn.Linear(n_features, 1)]", forward="return self.layers[0](x)"),
        "store its layer as self.linear",
        mistake="layer-not-self-linear",
    ),
    Wrong(
        "q4",
        regression_class(forward="return self.linear(x).squeeze()"),
        "of shape (n, 1)",
        mistake="output-not-n-by-1",
    ),
    Wrong("q4", regression_class(forward="return self.linear(x).T"), "of shape (n, 1)", mistake="output-not-n-by-1"),
    Wrong(
        "q4",
        regression_class(forward="return torch.relu(self.linear(x))"),
        "the layer's output and nothing else",
        mistake="extra-in-forward",
    ),
    Wrong(
        "q4",
        regression_class(init="self.linear = nn.Linear(n_features, 1)\n        self.extra = nn.Linear(1, 1)"),
        "should have 3 parameters",
        mistake="extra-layer",
    ),
    Wrong(
        "q4",
        "class LinearRegression:\n    def __init__(self, n_features):\n        self.linear = nn.Linear(n_features, 1)\n",
        "subclasses nn.Module",
        mistake="not-an-nn-module",
    ),
    Wrong(  # found in the browser: the message said "LinearRegression is a type"
        "q4",
        "class LinearRegression:\n    def __init__(self, n_features):\n        self.linear = nn.Linear(n_features, 1)\n",
        "is a class, but not an nn.Module",
        mistake="not-an-nn-module",
    ),
    # q4 -- seq_model
    Wrong(
        "q4",
        "seq_model = nn.Sequential(nn.Linear(1, 3))",
        "seq_model's nn.Linear(1, 3) is transposed",
        mistake="seq-transposed",
    ),
    Wrong(
        "q4",
        "seq_model = nn.Linear(3, 1)",
        "seq_model is a Linear; it should be an nn.Sequential",
        mistake="seq-not-sequential",
    ),
    Wrong(
        "q4", "seq_model = nn.Sequential(nn.Linear(3, 1), nn.ReLU())", "exactly one layer", mistake="seq-extra-layers"
    ),
    Wrong(
        "q4",
        "seq_model = nn.Sequential(nn.Linear(3, 1), nn.Linear(1, 1))",
        "exactly one layer",
        mistake="seq-extra-layers",
    ),
    Wrong(
        "q4",
        "seq_model = nn.Sequential(nn.Linear(3, 2))",
        "seq_model's layer should be nn.Linear(3, 1)",
        mistake="seq-wrong-size",
    ),
    # q5 -- skipped steps (14): zero_grad, backward, step; the order of backward and step
    Wrong(
        "q5",
        loop(
            "        loss = loss_fn(model(X), y)\n        loss.backward()\n        optimizer.step()\n"
            "        history.append(loss.item())\n"
        ),
        "Without optimizer.zero_grad()",
        mistake="no-zero-grad",
    ),
    Wrong(
        "q5",
        loop(
            "        optimizer.zero_grad()\n        loss = loss_fn(model(X), y)\n        optimizer.step()\n"
            "        loss.backward()\n        history.append(loss.item())\n"
        ),
        "step() ran before loss.backward()",
        mistake="weights-unchanged",
    ),
    Wrong(
        "q5",
        loop(
            "        optimizer.zero_grad()\n        loss = loss_fn(model(X), y)\n        optimizer.step()\n"
            "        history.append(loss.item())\n"
        ),
        "step() ran before loss.backward()",
        mistake="weights-unchanged",
    ),
    Wrong(
        "q5",
        loop(
            "        optimizer.zero_grad()\n        loss = loss_fn(model(X), y)\n        loss.backward()\n"
            "        history.append(loss.item())\n"
        ),
        "optimizer.step() was never called",
        mistake="weights-unchanged",
    ),
    # q5 -- backward twice (with and without retain_graph), the sum (6), a doubled lr
    Wrong(
        "q5",
        loop(
            "        optimizer.zero_grad()\n        loss = loss_fn(model(X), y)\n        loss.backward()\n"
            "        loss.backward()\n        optimizer.step()\n        history.append(loss.item())\n"
        ),
        "loss.backward() twice in one step",
        mistake="backward-twice",
    ),
    Wrong(
        "q5",
        loop(
            "        optimizer.zero_grad()\n        loss = loss_fn(model(X), y)\n"
            "        loss.backward(retain_graph=True)\n        loss.backward()\n        optimizer.step()\n"
            "        history.append(loss.item())\n"
        ),
        "twice too big",
        mistake="update-doubled",
    ),
    Wrong(
        "q5",
        loop(GOOD_BODY, setup="    optimizer = torch.optim.SGD(model.parameters(), lr=2 * lr)\n"),
        "twice too big",
        mistake="update-doubled",
    ),
    Wrong("q5", loop(GOOD_BODY, loss="nn.MSELoss(reduction='sum')"), "n times too big", mistake="mse-summed"),
    # q5 -- shapes (11), types (7)
    Wrong(
        "q5",
        loop(GOOD_BODY.replace("model(X)", "model(X).squeeze()")),
        "nn.MSELoss warned",
        mistake="prediction-squeezed",
    ),
    Wrong(
        "q5",
        loop(GOOD_BODY.replace("model(X)", "model(X.double())")),
        "mixed float64 and float32",
        mistake="float64-in-train",
    ),
    Wrong(
        "q5", loop(GOOD_BODY.replace("loss.item()", "loss")), "The history holds tensors", mistake="history-of-tensors"
    ),
    Wrong(
        "q5",
        loop(GOOD_BODY.replace("loss.item()", "str(loss.item())")),
        "should be one number",
        mistake="history-not-numbers",
    ),
    # q5 -- another model (the notebook's global), another optimizer or loss, a fixed lr
    Wrong(
        "q5",
        loop(GOOD_BODY, setup="    optimizer = torch.optim.SGD(reg_model.parameters(), lr=lr)\n"),
        "another model's parameters",
        mistake="weights-unchanged",
    ),
    Wrong(  # found in the browser: train made its own model instead of training the one it is given
        "q5",
        loop(
            GOOD_BODY,
            setup="    model = LinearRegression(3)\n    optimizer = torch.optim.SGD(model.parameters(), lr=lr)\n",
        ),
        "does train use the model it is given",
        mistake="new-model-inside-train",
    ),
    Wrong(
        "q5",
        loop(GOOD_BODY, setup="    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)\n"),
        "it does not use its lr argument",
        mistake="lr-ignored",
    ),
    Wrong(  # the lesson's own 0.1 typed into train: it passed every check while they all used lr=0.1
        "q5",
        loop(GOOD_BODY, setup="    optimizer = torch.optim.SGD(model.parameters(), lr=0.1)\n"),
        "it does not use its lr argument",
        mistake="lr-ignored",
    ),
    Wrong(  # ignoring the function's arguments: the notebook's targets instead of the y it is given
        "q5",
        loop(GOOD_BODY.replace("loss_fn(model(X), y)", "loss_fn(model(X), y_train_t)")),
        "does train use the X and y it is given",
        mistake="ignores-its-data",
    ),
    Wrong(
        "q5",
        loop(GOOD_BODY, setup="    optimizer = torch.optim.Adam(model.parameters(), lr=lr)\n"),
        "no other optimizer",
        mistake="not-lesson-03-descent",
    ),
    Wrong(
        "q5",
        loop(GOOD_BODY, setup="    optimizer = torch.optim.SGD(model.parameters(), lr=lr, momentum=0.9)\n"),
        "no momentum",
        mistake="not-lesson-03-descent",
    ),
    Wrong("q5", loop(GOOD_BODY, loss="nn.L1Loss()"), "use nn.MSELoss()", mistake="not-lesson-03-descent"),
    # q5 -- off by one (5), the loss after the step
    Wrong(
        "q5", loop(GOOD_BODY, epochs="epochs - 1"), "should return a list of 4 losses", mistake="wrong-number-of-epochs"
    ),
    Wrong(
        "q5", loop(GOOD_BODY, epochs="epochs + 1"), "it returned a list of length 5", mistake="wrong-number-of-epochs"
    ),
    Wrong(
        "q5",
        loop(
            "        optimizer.zero_grad()\n        loss = loss_fn(model(X), y)\n        loss.backward()\n"
            "        optimizer.step()\n        history.append(loss_fn(model(X), y).item())\n"
        ),
        "measured before that epoch's step",
        mistake="loss-after-step",
    ),
    # q5 -- in-place mutation of the inputs (12)
    Wrong(
        "q5",
        loop(GOOD_BODY).replace("    loss_fn =", "    X -= X.mean(dim=0)\n    loss_fn =", 1),
        "differ from lesson 03's gradient descent",
        mistake="not-lesson-03-descent",
    ),
    # q5 -- blanks and junk (16)
    Wrong(
        "q5", "def train(model, X, y, lr, epochs):\n    return None\n", "train returned None", mistake="returns-none"
    ),
    Wrong(
        "q5",
        "def train(model, X, y, lr, epochs):\n    raise NotImplementedError\n",
        "raised NotImplementedError",
        mistake="raises",
    ),
    Wrong("q5", "train = None", "train is None; it should be a function", mistake="train-blank"),
    # q5 -- the hyper-parameters: diverging, too small, too few epochs, out of range, not numbers
    Wrong("q5", "reg_lr = 1.0\n" + RETRAIN, "a learning rate of 1.0 diverges", mistake="lr-diverges"),
    Wrong(
        "q5", "reg_lr = 0.001\n" + RETRAIN, "train longer (reg_epochs) or with a larger reg_lr", mistake="not-converged"
    ),
    Wrong("q5", "reg_epochs = 10\n" + RETRAIN, "after 10 epochs with lr=0.1", mistake="not-converged"),
    Wrong("q5", "reg_epochs = 5000", "between 1 and 1000", mistake="bad-epochs"),
    Wrong("q5", "reg_epochs = 100.0", "reg_epochs is 100.0; it should be a whole number", mistake="bad-epochs"),
    Wrong("q5", "reg_lr = '0.1'", "reg_lr is '0.1'; it should be a positive number", mistake="bad-lr"),
    Wrong("q5", "reg_lr = -0.1", "it should be a positive number", mistake="bad-lr"),
    # q5 -- wrong rows (15): fitting on the validation rows, on training + validation
    Wrong("q5", retrain_on("X_valid_t", "y_valid_t"), "that is leakage", mistake="leakage"),
    Wrong(
        "q5",
        retrain_on("torch.cat([X_train_t, X_valid_t])", "torch.cat([y_train_t, y_valid_t])"),
        "that is leakage",
        mistake="leakage",
    ),
    # q5 -- not the lesson's model, a history that is not train's
    Wrong(
        "q5",
        "reg_model = seq_model",
        "reg_model should be the LinearRegression(3)",
        mistake="reg-model-not-lesson-model",
    ),
    Wrong("q5", "reg_history = reg_history[:-1]", "one loss per epoch (100)", mistake="history-not-train-output"),
    # q6 -- copies (12): not cloned, cloned then zeroed in place
    Wrong(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad\n{ONCE}grad_twice = acc_model.weight.grad.clone()\n{AFTER}"
        ),
        "grad_once already holds two gradients",
        mistake="grad-once-not-cloned",
    ),
    Wrong(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad.clone()\n{ONCE}grad_twice = acc_model.weight.grad\n"
            "acc_optimizer.zero_grad(set_to_none=False)\ngrad_is_none = acc_model.weight.grad is None\n"
        ),
        "grad_twice is all zeros",
        mistake="grad-twice-not-cloned",
    ),
    # q6 -- skipped step (14): zeroing in between, no zero_grad at the end; another zero_grad
    Wrong(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad.clone()\nacc_optimizer.zero_grad()\n{ONCE}"
            f"grad_twice = acc_model.weight.grad.clone()\n{AFTER}"
        ),
        "grad_twice equals grad_once",
        mistake="zeroed-in-between",
    ),
    Wrong(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad.clone()\n{ONCE}grad_twice = acc_model.weight.grad.clone()\n"
            "grad_is_none = acc_model.weight.grad is None\n"
        ),
        "grad_is_none is False",
        mistake="grad-not-none",
    ),
    Wrong(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad.clone()\n{ONCE}grad_twice = acc_model.weight.grad.clone()\n"
            "acc_optimizer.zero_grad(set_to_none=False)\ngrad_is_none = acc_model.weight.grad is None\n"
        ),
        "Call zero_grad() with no arguments",
        mistake="grad-not-none",
    ),
    # q6 -- the wrong tensor, the wrong rows (15), an update in between (12), typed values (13)
    Wrong(
        "q6",
        "grad_once = acc_model.weight.detach().clone()",
        "gradient after one backward()",
        mistake="grad-once-wrong",
    ),
    Wrong("q6", "grad_once = acc_model.bias.grad", "tensor of shape (1, 3)", mistake="grad-once-not-weight-grad"),
    Wrong("q6", "grad_twice = 3 * grad_once", "twice the gradient", mistake="grad-twice-wrong"),
    Wrong(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad.clone()\n"
            "acc_loss_fn(acc_model(X_valid_t), y_valid_t).backward()\n"
            f"grad_twice = acc_model.weight.grad.clone()\n{AFTER}"
        ),
        "twice the gradient",
        mistake="grad-twice-wrong",
    ),
    Wrong(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad.clone()\nacc_optimizer.step()\n{ONCE}"
            f"grad_twice = acc_model.weight.grad.clone()\n{AFTER}"
        ),
        "twice the gradient",
        mistake="grad-twice-wrong",
    ),
    Wrong(
        "q6",
        "grad_once = torch.tensor([[-1.32, 1.0, -1.36]])",
        "gradient after one backward()",
        mistake="grad-once-wrong",
    ),
    # q6 -- types (7)
    Wrong("q6", "grad_is_none = 'True'", "it should be True or False", mistake="grad-is-none-not-bool"),
    Wrong("q6", "grad_once = acc_model.weight.grad", "grad_once is None", mistake="grad-once-not-weight-grad"),
]

RIGHT = [
    # q1: torch.device, from_numpy().float(), as_tensor, [:, None], float32 NumPy first, 'cuda:0'
    Right(
        "q1",
        "device = torch.device('cuda' if torch.cuda.is_available() else 'cpu')\n"
        "X_train_t = torch.from_numpy(X_train).float().to(device)\n"
        "y_train_t = torch.from_numpy(y_train).float().unsqueeze(1).to(device)\n"
        "X_valid_t = torch.as_tensor(X_valid, dtype=torch.float32).to(device)\n"
        "y_valid_t = torch.tensor(y_valid[:, None], dtype=torch.float32, device=device)",
        "torch.device, from_numpy().float(), unsqueeze, as_tensor, [:, None]",
    ),
    Right(
        "q1", "y_train_t = torch.tensor(y_train.reshape(-1, 1)).to(torch.float32).view(-1, 1)", ".to(float32), .view"
    ),
    Right(
        "q1",
        "X_train_t = torch.tensor(X_train.astype(np.float32), device=device)\n"
        "y_valid_t = torch.tensor(list(y_valid), dtype=torch.float32, device=device).reshape(586, 1)",
        "float32 NumPy first, a list, an explicit reshape",
    ),
    Right(
        "q1",
        "device = 'cuda:0' if torch.cuda.is_available() else 'cpu'\n"
        "X_train_t = torch.tensor((X_raw[train_idx] - feature_mean) / feature_std, dtype=torch.float32, device=device)",
        "'cuda:0', standardization redone from the training statistics",
    ),
    # q2
    Right(
        "q2",
        "w_auto = torch.from_numpy(w_start).float().reshape(3, 1).to(device).requires_grad_()\n"
        "b_auto = torch.tensor(b_start, dtype=torch.float32, device=device, requires_grad=True)\n"
        "loss_auto = nn.functional.mse_loss(X_train_t @ w_auto + b_auto, y_train_t)\n"
        "loss_auto.backward()\n"
        "grad_w_auto, grad_b_auto = w_auto.grad, b_auto.grad\n"
        "autograd_matches = np.allclose(grad_w_auto.cpu().numpy().ravel(), grad_w_numpy, rtol=1e-4)",
        "requires_grad_(), 0-d bias, F.mse_loss, np.bool_ result",
    ),
    Right(
        "q2",
        "w_auto = torch.tensor([[0.5], [-0.2], [0.1]], device=device, requires_grad=True)\n"
        "b_auto = torch.tensor([1.0], device=device, requires_grad=True)\n"
        "loss_auto = nn.MSELoss()(X_train_t @ w_auto + b_auto, y_train_t)\n"
        "loss_auto.backward()\n"
        "grad_w_auto = w_auto.grad.clone(); grad_b_auto = b_auto.grad.clone()\n"
        "autograd_matches = True",
        "typed-in start values, nn.MSELoss, cloned gradients, a typed-in True",
    ),
    Right(
        "q2",
        autograd(
            loss="((X_train_t @ w_auto + b_auto - y_train_t) ** 2).sum() / len(y_train_t)",
            grads="grad_w_auto = w_auto.grad.detach()\ngrad_b_auto = b_auto.grad.detach()\n",
        ),
        "sum divided by n, detached gradients",
    ),
    Right(
        "q2",
        autograd(
            loss="torch.mean(torch.square(y_train_t - (torch.matmul(X_train_t, w_auto) + b_auto)))",
            matches="autograd_matches = all(abs(a - b) <= 1e-4 * abs(b) + 1e-6 for a, b in "
            "zip(grad_w_auto.ravel().tolist() + [grad_b_auto.item()], list(grad_w_numpy) + [grad_b_numpy]))\n",
        ),
        "target minus prediction squared, torch.matmul, a loop for the comparison",
    ),
    # q3
    Right(
        "q3",
        "torch.manual_seed(1)\nlinear_model = nn.Linear(3, 1).to(device)\n"
        "weight_shape = list(linear_model.weight.size())\nbias_shape = [1]",
        "positional arguments, lists, size()",
    ),
    Right("q3", "weight_shape = linear_model.weight.shape\nbias_shape = linear_model.bias.shape", "torch.Size"),
    Right(
        "q3",
        "weight_shape = tuple(np.array(linear_model.weight.shape))\nbias_shape = (np.int64(1),)",
        "NumPy integers in the tuples",
    ),
    Right("q3", "weight_shape = (1, 3)\nbias_shape = (1,)", "typed-in shapes"),
    # q4
    Right(
        "q4",
        "class LinearRegression(nn.Module):\n    def __init__(self, n_features):\n"
        "        super(LinearRegression, self).__init__()\n        self.n_features = n_features\n"
        "        self.linear = nn.Linear(in_features=n_features, out_features=1, bias=True)\n"
        "    def forward(self, x):\n        return self.linear.forward(x)\n"
        "from collections import OrderedDict\n"
        "seq_model = nn.Sequential(OrderedDict(linear=nn.Linear(3, 1))).to(device)",
        "old-style super, extra plain attribute, forward() called directly, named Sequential",
    ),
    Right("q4", regression_class(forward="y = self.linear(x)\n        return y.reshape(-1, 1)"), "reshape to (n, 1)"),
    Right(
        "q4",
        regression_class(forward="return x @ self.linear.weight.T + self.linear.bias"),
        "the layer's formula written out",
    ),
    Right(
        "q4",
        "seq_model = nn.Sequential()\nseq_model.add_module('layer', nn.Linear(3, 1))\nseq_model = seq_model.to(device)",
        "add_module",
    ),
    # q5
    Right("q5", loop(GOOD_BODY.replace("model(X)", "model.forward(X)")), "calling model.forward directly"),
    Right(
        "q5",
        loop(GOOD_BODY, setup="    optimizer = torch.optim.SGD(model.parameters(), lr)\n"),
        "the learning rate passed by position",
    ),
    Right("q5", loop(GOOD_BODY.replace("loss_fn(model(X), y)", "loss_fn(y, model(X))")), "the MSE's arguments swapped"),
    Right(
        "q5",
        loop(
            "        optimizer = torch.optim.SGD(model.parameters(), lr=lr)\n" + GOOD_BODY,
            setup="",
        ),
        "a new optimizer every epoch (plain SGD keeps no state)",
    ),
    Right(
        "q5",
        loop(
            "        y_pred = model(X)\n        loss = loss_fn(y_pred, y)\n        loss.backward()\n"
            "        optimizer.step()\n        optimizer.zero_grad()\n        history.append(float(loss))\n"
        ),
        "zero_grad at the end of each step, float(loss)",
    ),
    Right(
        "q5",
        loop(
            GOOD_BODY.replace("optimizer.zero_grad()", "model.zero_grad(set_to_none=False)").replace(
                "loss.item()", "loss.detach().cpu().item()"
            )
        ),
        "model.zero_grad(set_to_none=False), detach().cpu().item()",
    ),
    Right(
        "q5",
        "def train(model, X, y, lr, epochs):\n"
        "    loss_fn = nn.MSELoss(reduction='mean')\n"
        "    optimizer = torch.optim.SGD(params=model.parameters(), lr=lr)\n"
        "    losses = []\n    epoch = 0\n"
        "    while epoch < epochs:\n"
        "        optimizer.zero_grad()\n        loss = loss_fn(model(X), y)\n"
        "        losses.append(loss.item())\n        loss.backward()\n        optimizer.step()\n"
        "        epoch += 1\n    return losses\n",
        "while loop, keyword arguments, loss recorded before backward",
    ),
    Right(
        "q5",
        loop(GOOD_BODY.replace("loss_fn(model(X), y)", "torch.mean((model(X) - y) ** 2)")),
        "the MSE written out",
    ),
    Right("q5", loop(GOOD_BODY.replace("loss.item()", "np.float32(loss.item())")), "NumPy floats in the history"),
    # q5 -- a hand-written update is SGD's update: the grader compares the weights, which it sees for itself,
    # not which call made them (a count of optimizer steps would be the student's process's word)
    Right(
        "q5",
        loop(
            "        model.zero_grad()\n        loss = loss_fn(model(X), y)\n        loss.backward()\n"
            "        model.weight.data = model.weight.data - lr * model.weight.grad\n"
            "        model.bias.data = model.bias.data - lr * model.bias.grad\n"
            "        history.append(loss.item())\n",
            setup="",
        ),
        "a hand-written update of .data",
    ),
    Right(
        "q5",
        loop(
            "        model.zero_grad()\n        loss = loss_fn(model(X), y)\n        loss.backward()\n"
            "        with torch.no_grad():\n            for p in model.parameters():\n"
            "                p -= lr * p.grad\n        history.append(loss.item())\n",
            setup="",
        ),
        "a hand-written update under no_grad",
    ),
    Right("q5", "reg_lr = 0.3\nreg_epochs = 60\n" + RETRAIN, "a larger learning rate that still converges"),
    Right("q5", "reg_lr = 0.05\nreg_epochs = 300\n" + RETRAIN, "a smaller learning rate, more epochs"),
    Right("q5", "reg_lr = 0.5\nreg_epochs = np.int64(100)\n" + RETRAIN, "lr 0.5, a NumPy integer for the epochs"),
    Right("q5", "reg_epochs = 1000\n" + RETRAIN, "the largest number of epochs allowed"),
    # q6
    Right(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad.detach().clone()\n{ONCE}"
            "grad_twice = torch.clone(acc_model.weight.grad)\n"
            "acc_optimizer.zero_grad()\ngrad_is_none = bool(acc_model.weight.grad is None)\n"
        ),
        "detach().clone(), torch.clone",
    ),
    Right(
        "q6",
        accumulate(
            "loss_one = acc_loss_fn(acc_model(X_train_t), y_train_t)\nloss_one.backward()\n"
            "grad_once = acc_model.weight.grad.clone()\n"
            "loss_two = acc_loss_fn(acc_model(X_train_t), y_train_t)\nloss_two.backward()\n"
            "grad_twice = acc_model.weight.grad.clone()\nacc_model.zero_grad()\n"
            "grad_is_none = acc_model.weight.grad is None\n"
        ),
        "named losses, model.zero_grad()",
    ),
    Right(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad + 0\n{ONCE}grad_twice = acc_model.weight.grad.detach().cpu()"
            ".clone()\nacc_optimizer.zero_grad()\ngrad_is_none = np.bool_(acc_model.weight.grad is None)\n"
        ),
        "a copy by + 0, a CPU copy, np.bool_",
    ),
    Right("q6", "grad_is_none = True", "typed-in True"),
]
