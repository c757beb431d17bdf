"""Lesson 03: wrong answers that must lose points (with their message) and right ones that must not.

Variants share the answer key's tensors and models (a shallow copy of its namespace), so each one builds
new objects instead of changing the answer key's in place.
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


def autograd(
    loss: str = "torch.mean((X_train_t @ w_auto + b_auto - y_train_t) ** 2)",
    backward: str = "loss_auto.backward()",
    w: str = "w_start.reshape(3, 1)",
    grads: str = "grad_w_auto = w_auto.grad\ngrad_b_auto = b_auto.grad\n",
) -> str:
    """Question 2's answer with one part replaced."""
    return (
        f"w_auto = torch.tensor({w}, dtype=torch.float32, device=device, requires_grad=True)\n"
        "b_auto = torch.tensor([b_start], dtype=torch.float32, device=device, requires_grad=True)\n"
        f"loss_auto = {loss}\n{backward}\n{grads}"
    )


def loop(body: str, setup: str = "    optimizer = torch.optim.SGD(model.parameters(), lr=lr)\n") -> str:
    """A train() whose epoch body is ``body`` (indented 8 spaces), after the lesson's set-up."""
    return (
        "def train(model, X, y, lr, epochs):\n"
        "    loss_fn = nn.MSELoss()\n"
        f"{setup}"
        "    history = []\n"
        "    for _ in range(epochs):\n"
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

WRONG = [
    # q1: tensors, dtype, shape, device
    Wrong("q1", "X_train_t = torch.from_numpy(X_train)", "is float64 (NumPy's default)"),
    Wrong("q1", "y_valid_t = torch.tensor(y_valid, dtype=torch.float64).reshape(-1, 1)", "y_valid_t is float64"),
    Wrong("q1", "y_train_t = torch.tensor(y_train, dtype=torch.float32)", "has shape (2344,)"),
    Wrong("q1", "X_train_t = X_train", "should be a torch tensor"),
    Wrong("q1", "X_valid_t = torch.tensor(X_valid, dtype=torch.float32).T", "X_valid_t should have shape (586, 3)"),
    Wrong("q1", 'device = "cpu" if torch.cuda.is_available() else "cuda"', "is what this machine has"),
    Wrong("q1", "device = ...", 'device should be "cuda" or "cpu"'),
    Wrong("q1", "X_train_t = torch.tensor(X_raw[train_idx], dtype=torch.float32)", "should hold the same numbers"),
    Wrong(
        "q1",
        "v = X_raw[valid_idx]\nX_valid_t = torch.tensor((v - v.mean(axis=0)) / v.std(axis=0), dtype=torch.float32)",
        "X_valid_t should hold the same numbers",
    ),
    Wrong(
        "q1",
        "y_train_t = torch.tensor(price[:2344], dtype=torch.float32).reshape(-1, 1)",
        "y_train_t should hold the same numbers",
    ),
    # q2: autograd
    Wrong(
        "q2",
        autograd(backward="loss_auto.backward(retain_graph=True)\nloss_auto.backward()"),
        "loss.backward() ran twice",
    ),
    Wrong("q2", autograd(loss="torch.sum((X_train_t @ w_auto + b_auto - y_train_t) ** 2)"), "n times too large"),
    Wrong("q2", autograd(w="w_start"), "different shapes ((n,) and (n, 1))"),
    Wrong("q2", autograd(loss="torch.mean((X_train_t @ w_auto + b_auto - y_train_t) ** 2) / 2"), "half the right size"),
    Wrong("q2", autograd(grads="grad_w_auto = -w_auto.grad\ngrad_b_auto = -b_auto.grad\n"), "wrong sign"),
    Wrong(
        "q2",
        autograd(grads="grad_w_auto = torch.zeros(3, 1)\ngrad_b_auto = torch.zeros(1)\n"),
        "do not equal the gradient of the MSE",
    ),
    Wrong(
        "q2",
        "w_auto = torch.tensor(w_start.reshape(3, 1), dtype=torch.float32)\ngrad_w_auto = w_auto.grad",
        "need requires_grad=True",
    ),
    Wrong(
        "q2",
        autograd(backward="pass", grads="grad_w_auto = w_auto.grad\ngrad_b_auto = b_auto.grad\n"),
        "read w_auto.grad and b_auto.grad AFTER loss_auto.backward()",
    ),
    Wrong("q2", "w_auto = torch.tensor(w_start.reshape(3, 1), requires_grad=True)", "should be float32"),
    Wrong(
        "q2",
        "loss_auto = (X_train_t @ w_auto.detach() + b_auto.detach() - y_train_t) ** 2",
        "should be a single number",
    ),
    Wrong("q2", "autograd_matches = False", "should be True"),
    Wrong("q2", "autograd_matches = 'yes'", "should be True or False"),
    Wrong("q2", autograd(w="np.zeros((3, 1))"), "should start at w_start"),
    # q3: nn.Linear
    Wrong("q3", "linear_model = nn.Linear(1, 3)", "nn.Linear(1, 3) is transposed"),
    Wrong("q3", "linear_model = nn.Linear(3, 2)", "3 features in, 1 output"),
    Wrong("q3", "linear_model = nn.Linear(3, 1, bias=False)", "has no bias"),
    Wrong("q3", "weight_shape = (3, 1)", "weight_shape is transposed"),
    Wrong("q3", "bias_shape = ()", "one bias per output"),
    Wrong("q3", "weight_shape = linear_model.weight.shape[0]", "should be a tuple of integers"),
    Wrong("q3", "linear_model = nn.Sequential(nn.Linear(3, 1))", "should be an nn.Linear layer"),
    # q4: nn.Module subclass and nn.Sequential
    Wrong(
        "q4",
        "class LinearRegression(nn.Module):\n    def __init__(self, n_features):\n        super().__init__()\n"
        "        self.linear = nn.Linear(3, 1)\n    def forward(self, x):\n        return self.linear(x)\n",
        "use n_features inputs",
    ),
    Wrong(
        "q4",
        "class LinearRegression(nn.Module):\n    def __init__(self, n_features):\n"
        "        self.linear = nn.Linear(n_features, 1)\n    def forward(self, x):\n        return self.linear(x)\n",
        "Call super().__init__() before creating layers",
    ),
    Wrong(
        "q4",
        "class LinearRegression(nn.Module):\n    def __init__(self, n_features):\n        super().__init__()\n"
        "        self.layer = nn.Linear(n_features, 1)\n    def forward(self, x):\n        return self.layer(x)\n",
        "store its layer as self.linear",
    ),
    Wrong(
        "q4",
        "class LinearRegression(nn.Module):\n    def __init__(self, n_features):\n        super().__init__()\n"
        "        self.linear = nn.Linear(n_features, 1)\n    def forward(self, x):\n        return self.linear(x).squeeze()\n",
        "of shape (n, 1)",
    ),
    Wrong(
        "q4",
        "class LinearRegression(nn.Module):\n    def __init__(self, n_features):\n        super().__init__()\n"
        "        self.linear = nn.Linear(n_features, 1)\n        self.extra = nn.Linear(1, 1)\n"
        "    def forward(self, x):\n        return self.linear(x)\n",
        "should have 6 parameters",
    ),
    Wrong(
        "q4",
        "class LinearRegression:\n    def __init__(self, n_features):\n        self.linear = nn.Linear(n_features, 1)\n",
        "subclasses nn.Module",
    ),
    Wrong("q4", "seq_model = nn.Sequential(nn.Linear(1, 3))", "seq_model's nn.Linear(1, 3) is transposed"),
    Wrong("q4", "seq_model = nn.Linear(3, 1)", "should be an nn.Sequential"),
    Wrong("q4", "seq_model = nn.Sequential(nn.Linear(3, 1), nn.ReLU())", "exactly one layer"),
    # q5: the training loop
    Wrong(
        "q5",
        loop(
            "        loss = loss_fn(model(X), y)\n        loss.backward()\n        optimizer.step()\n"
            "        history.append(loss.item())\n"
        ),
        "Without optimizer.zero_grad()",
    ),
    Wrong(
        "q5",
        loop(
            "        optimizer.zero_grad()\n        loss = loss_fn(model(X), y)\n        loss.backward()\n"
            "        loss.backward()\n        optimizer.step()\n        history.append(loss.item())\n"
        ),
        "loss.backward() twice in one step",
    ),
    Wrong(
        "q5",
        loop(
            "        optimizer.zero_grad()\n        loss = loss_fn(model(X), y)\n"
            "        loss.backward(retain_graph=True)\n        loss.backward()\n        optimizer.step()\n"
            "        history.append(loss.item())\n"
        ),
        "twice too big",
    ),
    Wrong(
        "q5",
        loop(
            "        model.zero_grad()\n        loss = loss_fn(model(X), y)\n        loss.backward()\n"
            "        model.weight.data = model.weight.data - lr * model.weight.grad\n"
            "        model.bias.data = model.bias.data - lr * model.bias.grad\n"
            "        history.append(loss.item())\n",
            setup="",
        ),
        "never called optimizer.step()",
    ),
    Wrong(
        "q5",
        loop(
            "        model.zero_grad()\n        loss = loss_fn(model(X), y)\n        loss.backward()\n"
            "        with torch.no_grad():\n            for p in model.parameters():\n"
            "                p -= lr * p.grad\n        history.append(loss.item())\n",
            setup="",
        ),
        "never called optimizer.step()",
    ),
    Wrong("q5", loop(GOOD_BODY.replace("model(X)", "model(X).squeeze()")), "nn.MSELoss warned"),
    Wrong("q5", loop(GOOD_BODY.replace("model(X)", "model(X.double())")), "mixed float64 and float32"),
    Wrong(
        "q5",
        loop(GOOD_BODY, setup="    optimizer = torch.optim.SGD(reg_model.parameters(), lr=lr)\n"),
        "did not change the weights of the model it was given",
    ),
    Wrong(
        "q5",
        loop(GOOD_BODY, setup="    optimizer = torch.optim.SGD(model.parameters(), lr=0.01)\n"),
        "differ from a correct loop",
    ),
    Wrong(
        "q5",
        loop(
            "        optimizer.zero_grad()\n        loss = loss_fn(model(X), y)\n        loss.backward()\n"
            "        optimizer.step()\n        history.append(loss_fn(model(X), y).item())\n"
        ),
        "measured before that epoch's step",
    ),
    Wrong("q5", "def train(model, X, y, lr, epochs):\n    return None\n", "should return a list of 3 losses"),
    Wrong("q5", "def train(model, X, y, lr, epochs):\n    raise NotImplementedError\n", "raised NotImplementedError"),
    Wrong("q5", "train = None", "train should be a function"),
    Wrong("q5", "reg_lr = 1.0\n" + RETRAIN, "diverges"),
    Wrong("q5", "reg_lr = 0.001\n" + RETRAIN, "not within 1e-3 of the closed-form answer"),
    Wrong("q5", "reg_epochs = 5000", "between 1 and 1000"),
    # q6: gradients accumulate
    Wrong(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad\n{ONCE}grad_twice = acc_model.weight.grad.clone()\n"
            "acc_optimizer.zero_grad()\ngrad_after_zero = acc_model.weight.grad\n"
        ),
        "grad_once already holds two gradients",
    ),
    Wrong(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad.clone()\nacc_optimizer.zero_grad()\n{ONCE}"
            "grad_twice = acc_model.weight.grad.clone()\nacc_optimizer.zero_grad()\n"
            "grad_after_zero = acc_model.weight.grad\n"
        ),
        "grad_twice equals grad_once",
    ),
    Wrong(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad.clone()\n{ONCE}grad_twice = acc_model.weight.grad.clone()\n"
            "grad_after_zero = acc_model.weight.grad\n"
        ),
        "None (or zeros)",
    ),
    Wrong("q6", "grad_once = acc_model.weight.detach().clone()", "gradient after one backward()"),
    Wrong("q6", "grad_twice = 3 * grad_once", "twice the gradient"),
    Wrong("q6", "grad_once = acc_model.bias.grad", "tensor of shape (1, 3)"),
]

RIGHT = [
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
        "typed-in values, nn.MSELoss, cloned gradients",
    ),
    Right(
        "q3",
        "torch.manual_seed(1)\nlinear_model = nn.Linear(3, 1)\n"
        "weight_shape = list(linear_model.weight.size())\nbias_shape = [1]",
        "positional arguments, lists, size()",
    ),
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
    Right(
        "q4",
        "class LinearRegression(nn.Module):\n    def __init__(self, n_features):\n        super().__init__()\n"
        "        self.linear = nn.Linear(n_features, 1)\n"
        "    def forward(self, x):\n        y = self.linear(x)\n        return y.reshape(-1, 1)\n",
        "reshape to (n, 1) in forward",
    ),
    Right("q5", loop(GOOD_BODY.replace("model(X)", "model.forward(X)")), "calling model.forward directly"),
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
    Right("q5", "reg_lr = 0.3\nreg_epochs = 60\n" + RETRAIN, "a larger learning rate that still converges"),
    Right("q5", "reg_lr = 0.05\nreg_epochs = 300\n" + RETRAIN, "a smaller learning rate, more epochs"),
    Right(
        "q6",
        accumulate(
            f"{ONCE}grad_once = acc_model.weight.grad.detach().clone()\n{ONCE}"
            "grad_twice = torch.clone(acc_model.weight.grad)\n"
            "acc_optimizer.zero_grad(set_to_none=False)\ngrad_after_zero = acc_model.weight.grad\n"
        ),
        "detach().clone(), torch.clone, zeros instead of None",
    ),
    Right(
        "q6",
        accumulate(
            "loss_one = acc_loss_fn(acc_model(X_train_t), y_train_t)\nloss_one.backward()\n"
            "grad_once = acc_model.weight.grad.clone()\n"
            "loss_two = acc_loss_fn(acc_model(X_train_t), y_train_t)\nloss_two.backward()\n"
            "grad_twice = acc_model.weight.grad.clone()\nacc_model.zero_grad()\n"
            "grad_after_zero = acc_model.weight.grad\n"
        ),
        "named losses, model.zero_grad()",
    ),
]
