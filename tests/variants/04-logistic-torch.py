"""Lesson 04: wrong answers that must lose points (with their message) and right ones that must not."""

from harness import Right, Wrong

STANDARDIZE_WITH = """
feat_mean = lonlat[{rows}].mean(axis=0)
feat_std = lonlat[{rows}].std(axis=0)
X_train = torch.tensor((lonlat[train_idx] - feat_mean) / feat_std, dtype=torch.float32, device=device)
X_valid = torch.tensor((lonlat[valid_idx] - feat_mean) / feat_std, dtype=torch.float32, device=device)
"""

TRAIN_WITHOUT_ZERO_GRAD = """
def train_classifier(model, X, y, X_val, y_val, steps=300, lr=0.1):
    optimizer = torch.optim.Adam(model.parameters(), lr=lr)
    train_losses, valid_losses = [], []
    for step in range(steps):
        loss = F.cross_entropy(model(X), y)
        loss.backward()
        optimizer.step()
        train_losses.append(loss.item())
        with torch.no_grad():
            valid_losses.append(F.cross_entropy(model(X_val), y_val).item())
    return train_losses, valid_losses
"""


def train_variant(body: str) -> str:
    """A whole train_classifier whose loop body is ``body`` (indented 8 spaces)."""
    lines = "\n".join("        " + ln for ln in body.strip().split("\n"))
    return (
        "def train_classifier(model, X, y, X_val, y_val, steps=300, lr=0.1):\n"
        "    optimizer = torch.optim.Adam(model.parameters(), lr=lr)\n"
        "    train_losses, valid_losses = [], []\n"
        "    for step in range(steps):\n"
        f"{lines}\n"
        "    return train_losses, valid_losses\n"
    )


def ce_variant(expr: str) -> str:
    return f"def ce_by_hand(logits, labels):\n    probs = torch.softmax(logits, dim=1)\n    return {expr}\n"


ONEHOT = "F.one_hot(labels, logits.shape[1])"

WRONG = [
    # q1: price classes
    Wrong("q1", "price_class = np.digitize(price, price_edges) + 1", "only the class numbers 0 (low)"),
    Wrong("q1", "price_edges = np.quantile(price, [0.25, 0.75])", "at 1/3 and 2/3 of the way"),
    Wrong("q1", "price_class = np.digitize(price, [150000.0, 200000.0])", "np.digitize(price, price_edges)"),
    Wrong("q1", "price_class = None", "one class number per house"),
    # q2: standardization and tensors
    Wrong("q2", STANDARDIZE_WITH.format(rows="valid_idx"), "standardizing with validation statistics"),
    Wrong("q2", STANDARDIZE_WITH.format(rows=":"), "statistics of the whole dataset"),
    Wrong("q2", "y_train = y_train.float()", "long class indices"),
    Wrong("q2", "y_valid = y_valid.double()", "long class indices"),
    Wrong("q2", "y_train = F.one_hot(y_train, 3)", "is one-hot"),
    Wrong(
        "q2",
        "X_train = torch.tensor(lonlat[train_idx], dtype=torch.float32, device=device)",
        "X_train is not standardized",
    ),
    Wrong("q2", "X_train = X_train.double()", "should be float32"),
    Wrong("q2", "X_valid = X_valid.T", "should have shape (586, 2)"),
    Wrong(
        "q2",
        "y_valid = torch.tensor(price_class[valid_idx][::-1].copy(), device=device)",
        "y_valid: the price classes of the rows valid_idx",
    ),
    # q3: the model
    Wrong("q3", "logreg = nn.Linear(3, 2)", "logreg is nn.Linear(3, 2)"),
    Wrong("q3", "logreg = nn.Linear(2, 3, bias=False)", "bias=True"),
    Wrong("q3", "logreg = nn.Sequential(nn.Linear(2, 3))", "should be an nn.Linear layer"),
    Wrong("q3", "logreg_weight_shape = (2, 3)", "is the warm-up's W"),
    Wrong("q3", "logreg_bias_shape = (1, 3)", "one number per class"),
    Wrong("q3", "logreg_weight_shape = '(3, 2)'", "should be a tuple of integers"),
    Wrong("q3", "logits_untrained = torch.randn(2344, 3)", "a linear function of the standardized features"),
    Wrong("q3", "logits_untrained = logreg(X_train).T", "one row per house, one column per class"),
    # q4: softmax
    Wrong("q4", "def softmax_probs(logits):\n    return torch.softmax(logits, dim=0)", "softmax over dim 0"),
    Wrong(
        "q4",
        "def softmax_probs(logits):\n    e = torch.exp(logits)\n    return e / e.sum(dim=1, keepdim=True)",
        "overflows on large logits",
    ),
    Wrong(
        "q4",
        "def softmax_probs(logits):\n    e = torch.exp(logits - logits.max())\n    return e / e.sum()",
        "divide each row by its total",
    ),
    Wrong(
        "q4",
        "def softmax_probs(logits):\n    z = logits.detach().numpy()\n    e = np.exp(z - z.max(axis=1, keepdims=True))\n"
        "    return torch.tensor(e / e.sum(axis=1, keepdims=True))",
        "gradients must flow",
    ),
    Wrong("q4", "prob_row_sums = probs_untrained.sum(dim=0)", "one total per house"),
    Wrong(
        "q4",
        "probs_untrained = torch.softmax(logits_untrained, dim=0)\nprob_row_sums = probs_untrained.sum(dim=1)",
        "Each house's probabilities should sum to 1",
    ),
    Wrong(
        "q4",
        "probs_untrained = logits_untrained / logits_untrained.sum(dim=1, keepdim=True)",
        "probs_untrained should be softmax_probs(logits_untrained)",
    ),
    # q5: cross-entropy four ways
    Wrong("q5", "loss_functional = F.cross_entropy(probs_untrained, y_train)", "loss_functional got probabilities"),
    Wrong("q5", "loss_module = ce_module(softmax_probs(logits_untrained), y_train)", "loss_module got probabilities"),
    Wrong("q5", "loss_nll = F.nll_loss(probs_untrained, y_train)", "expects LOG-probabilities"),
    Wrong("q5", ce_variant(f"-({ONEHOT} * torch.log(probs)).sum()"), "sums over the houses"),
    Wrong("q5", ce_variant(f"({ONEHOT} * torch.log(probs)).sum(dim=1).mean()"), "ce_by_hand is negative"),
    Wrong("q5", ce_variant(f"-({ONEHOT} * torch.log10(probs)).sum(dim=1).mean()"), "log base 10"),
    Wrong("q5", ce_variant("-torch.log(probs).mean()"), "averages the log of every probability"),
    Wrong(
        "q5",
        f"def ce_by_hand(logits, labels):\n    probs = torch.softmax(logits, dim=0)\n"
        f"    return -({ONEHOT} * torch.log(probs)).sum(dim=1).mean()",
        "ce_by_hand takes the softmax over dim 0",
    ),
    Wrong("q5", "ce_module = nn.NLLLoss()", "should be the loss object nn.CrossEntropyLoss()"),
    Wrong("q5", "loss_by_hand = ce_by_hand(logits_untrained, y_train) * 1.1", "loss_by_hand disagrees"),
    Wrong("q5", "loss_functional = F.cross_entropy(logits_untrained, y_train, reduction='sum')", "close to ln 3"),
    # q6: why ln 3
    Wrong("q6", "ln3_reason = 'c'", "the balance of the classes does not matter"),
    Wrong("q6", "ln3_reason = 'd'", "where training STARTS"),
    Wrong("q6", "ln3_reason = 'a'", "what are the probabilities"),
    Wrong("q6", "ln3_reason = 2", "one letter as a string"),
    # q7: accuracy
    Wrong(
        "q7",
        "def accuracy(logits, labels):\n    return (logits.argmax(dim=0) == labels).float().mean().item()",
        "argmax over the wrong dimension",
    ),
    Wrong(
        "q7",
        "def accuracy(logits, labels):\n    return (logits.argmax(dim=1) == labels).sum().item()",
        "fraction between 0 and 1",
    ),
    Wrong(
        "q7",
        "def accuracy(logits, labels):\n    return (logits.argmin(dim=1) == labels).float().mean().item()",
        "with 2 predicted correctly",
    ),
    Wrong("q7", "def accuracy(logits, labels):\n    return logits.argmax(dim=1) == labels", "accuracy raised"),
    # q8: the training loop
    Wrong("q8", TRAIN_WITHOUT_ZERO_GRAD, "never resets the gradients"),
    Wrong(
        "q8",
        TRAIN_WITHOUT_ZERO_GRAD.replace("torch.optim.Adam", "torch.optim.SGD").replace(
            "        loss = F", "        optimizer.zero_grad()\n        loss = F"
        ),
        "uses SGD",
    ),
    Wrong(
        "q8",
        train_variant(
            "optimizer.zero_grad()\nloss = F.cross_entropy(model(X), y)\nloss.backward()\n"
            "train_losses.append(loss.item())\nvalid_losses.append(loss.item())"
        ),
        "The training loss never changes",
    ),
    Wrong(
        "q8",
        train_variant(
            "optimizer.zero_grad()\nloss = F.cross_entropy(model(X), y)\nloss.backward()\noptimizer.step()\n"
            "train_losses.append(loss.item())\nvalid_losses.append(loss.item())"
        ),
        "valid_losses repeats the training loss",
    ),
    Wrong(
        "q8",
        train_variant(
            "optimizer.zero_grad()\nloss = F.cross_entropy(torch.softmax(model(X), dim=1), y)\nloss.backward()\n"
            "optimizer.step()\ntrain_losses.append(loss.item())\n"
            "with torch.no_grad():\n    valid_losses.append(F.cross_entropy(model(X_val), y_val).item())"
        ),
        "differ from full-batch Adam",
    ),
    Wrong(
        "q8",
        train_variant(
            "optimizer.zero_grad()\nloss = F.cross_entropy(model(X), y)\nloss.backward()\noptimizer.step()\n"
            "train_losses.append(loss)\nvalid_losses.append(F.cross_entropy(model(X_val), y_val))"
        ),
        "use loss.item()",
    ),
    Wrong(
        "q8",
        train_variant(
            "optimizer.zero_grad()\nloss = F.cross_entropy(model(X), y)\nloss.backward()\noptimizer.step()\n"
            "train_losses.append(loss.item())\n"
            "with torch.no_grad():\n    valid_losses.append(F.cross_entropy(model(X_val[:5]), y_val[:5]).item())"
        ),
        "valid_losses: at each step",
    ),
    # q9: training logreg and measuring it
    Wrong("q9", "logreg_valid_acc = accuracy(logreg(X_train), y_train)", "accuracy on the training set"),
    Wrong("q9", "always_medium_acc = (y_train == 1).float().mean().item()", "fraction of VALIDATION houses"),
    Wrong(
        "q9",
        "torch.manual_seed(0)\nlogreg = nn.Linear(2, 3).to(device)\n"
        "logreg_train_losses, logreg_valid_losses = train_classifier(logreg, X_train, y_train, X_valid, y_valid, "
        "steps=150, lr=0.001)\nlogreg_valid_acc = accuracy(logreg(X_valid), y_valid)",
        "at least 0.50",
    ),
    Wrong("q9", "logreg_train_losses = logreg_train_losses[:10]", "(300 steps)"),
    Wrong("q9", "logreg_valid_acc = torch.tensor(logreg_valid_acc)", "a Python float"),
    # q10: the map
    Wrong("q10", "grid_class_logreg = grid_probs_logreg.argmax(dim=1)", "reshaped to (150, 150)"),
    Wrong("q10", "grid_probs_logreg = logreg(grid_points).detach()", "should be softmax_probs(logreg(grid_points))"),
    Wrong("q10", "grid_probs_logreg = softmax_probs(logreg(grid_points))", "torch.no_grad()"),
    Wrong(
        "q10", "grid_class_logreg = grid_probs_logreg.argmin(dim=1).reshape(150, 150)", "the argmax over the classes"
    ),
    # q11: the MLP
    Wrong("q11", "mlp = nn.Sequential(nn.Linear(2, 100), nn.Identity(), nn.Linear(100, 3))", "has no nn.ReLU"),
    Wrong("q11", "mlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU())", "three parts"),
    Wrong("q11", "mlp = nn.Linear(2, 3)", "should be an nn.Sequential"),
    Wrong(
        "q11",
        "torch.manual_seed(0)\nmlp = nn.Sequential(nn.Linear(2, 10), nn.ReLU(), nn.Linear(10, 3))\n"
        "train_classifier(mlp, X_train, y_train, X_valid, y_valid, steps=300, lr=0.05)\n"
        "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)",
    ),
    Wrong("q11", "mlp_valid_acc = accuracy(mlp(X_train), y_train)", "accuracy(mlp(X_valid), y_valid)"),
    Wrong(
        "q11",
        "torch.manual_seed(0)\nmlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3))\n"
        "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "at least 0.58",
    ),
]

RIGHT = [
    Right(
        "q1",
        "price_edges = list(np.percentile(price, [100 / 3, 200 / 3]))\n"
        "price_class = np.searchsorted(price_edges, price, side='right')",
        "np.percentile and np.searchsorted",
    ),
    Right("q1", "price_class = [int(c) for c in np.digitize(price, price_edges)]", "a plain list"),
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
        "q3",
        "torch.manual_seed(0)\nlogreg = nn.Linear(2, 3).to(device)\n"
        "logreg_weight_shape = logreg.weight.shape\nlogreg_bias_shape = list(logreg.bias.shape)\n"
        "logits_untrained = X_train @ logreg.weight.T + logreg.bias",
        "defaults, torch.Size and list shapes, the product written out",
    ),
    Right(
        "q3",
        "with torch.no_grad():\n    logits_untrained = logreg(X_train)",
        "logits without gradients",
    ),
    Right("q4", "def softmax_probs(logits):\n    return F.softmax(logits, dim=-1)", "F.softmax with dim=-1"),
    Right("q4", "def softmax_probs(logits):\n    return nn.Softmax(dim=1)(logits)", "the nn.Softmax module"),
    Right(
        "q4",
        "def softmax_probs(logits):\n    z = logits - logits.max(dim=1, keepdim=True).values\n"
        "    e = torch.exp(z)\n    return e / e.sum(dim=1, keepdim=True)\n"
        "probs_untrained = softmax_probs(logits_untrained).detach()\nprob_row_sums = probs_untrained.sum(axis=1)",
        "by hand with the row maximum; axis= spelling",
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
        "loss_functional = F.cross_entropy(logits_untrained, F.one_hot(y_train, 3).float())\n"
        "ce_module = nn.CrossEntropyLoss(reduction='mean')\nloss_module = ce_module(logits_untrained, y_train).item()",
        "one-hot probability targets; a float from .item()",
    ),
    Right("q6", "ln3_reason = 'B '", "upper case with a space"),
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
        "q8",
        "def train_classifier(model, X, y, X_val, y_val, steps=300, lr=0.1):\n"
        "    optimizer = torch.optim.Adam(model.parameters(), lr=lr)\n    loss_fn = nn.CrossEntropyLoss()\n"
        "    train_losses, valid_losses = [], []\n    for _ in range(steps):\n"
        "        model.train()\n        logits = model(X)\n        loss = loss_fn(logits, y)\n"
        "        loss.backward()\n        optimizer.step()\n        optimizer.zero_grad()\n"
        "        train_losses.append(float(loss.item()))\n        model.eval()\n        with torch.no_grad():\n"
        "            valid_losses.append(loss_fn(model(X_val), y_val).item())\n"
        "    return train_losses, valid_losses",
        "nn.CrossEntropyLoss, zero_grad after the step",
    ),
    Right(
        "q8",
        train_variant(
            "model.zero_grad()\nwith torch.no_grad():\n    valid_losses.append(F.cross_entropy(model(X_val), y_val).item())\n"
            "loss = F.cross_entropy(model(X), y)\nloss.backward()\noptimizer.step()\ntrain_losses.append(loss.item())"
        ),
        "model.zero_grad(), validation loss before the update",
    ),
    Right(
        "q9",
        "with torch.no_grad():\n    logreg_valid_acc = accuracy(logreg(X_valid), y_valid)\n"
        "always_medium_acc = accuracy(torch.tensor([[0.0, 1.0, 0.0]], device=device).repeat(len(y_valid), 1), y_valid)",
        "always-medium as a constant model",
    ),
    Right(
        "q10",
        "grid_probs_logreg = torch.softmax(logreg(grid_points), dim=1).detach()\n"
        "grid_class_logreg = logreg(grid_points).argmax(1).view(grid_size, grid_size)",
        "detach instead of no_grad; argmax of the logits; view",
    ),
    Right(
        "q11",
        "from collections import OrderedDict\ntorch.manual_seed(1)\n"
        "mlp = nn.Sequential(OrderedDict(hidden=nn.Linear(2, n_hidden), relu=nn.ReLU(), out=nn.Linear(n_hidden, 3)))\n"
        "mlp.to(device)\nmlp_train_losses, mlp_valid_losses = train_classifier(mlp, X_train, y_train, X_valid, y_valid, "
        "steps=500, lr=0.05)\nmlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "named layers, another seed, more steps",
    ),
]
