"""Lesson 08: wrong answers that must lose points (with their message) and right ones that must not.

Derived from CHECKLIST.md question by question; the checklist line is named in each comment.
"""

from harness import Right, Wrong


def accuracy_variant(expr: str) -> str:
    return f"def accuracy(logits, labels):\n    return {expr}\n"


MLP_ON = (
    "torch.manual_seed(0)\nmlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)).to(device)\n"
    "mlp_train_losses, mlp_valid_losses = train_classifier(mlp, {X}, {y}, X_valid, y_valid, 300, {lr}, "
    "optimizer_class=optim.Adam)\n"
    "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)"
)
BOTH = {"X": "torch.cat([X_train, X_valid])", "y": "torch.cat([y_train, y_valid])"}
VALID = {"X": "X_valid", "y": "y_valid"}
CHOSEN_ROWS = (
    "keep = {model}(X_valid).argmax(dim=1) == y_valid\n"
    "X_valid, y_valid = X_valid[keep], y_valid[keep]\n"
    "{model}_valid_acc = accuracy({model}(X_valid), y_valid)"
)


def minibatch_variant(
    loop: str = "optimizer.zero_grad()\nloss = F.cross_entropy(model(xb), yb)\nloss.backward()\noptimizer.step()\ntotal += loss.item() * len(yb)",
    end: str = "epoch_losses.append(total / len(y))",
    loader: str = "DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=True)",
    optimizer: str = "optimizer = torch.optim.Adam(model.parameters(), lr=lr)",
    epoch_start: str = "total = 0.0",
) -> str:
    """A whole train_minibatch with one part replaced (each part as written at its own indentation)."""

    def indent(block: str, spaces: int) -> str:
        return "\n".join(" " * spaces + ln for ln in block.strip("\n").split("\n"))

    return (
        "def train_minibatch(model, X, y, epochs, batch_size, lr):\n"
        f"{indent(optimizer, 4)}\n"
        f"    loader = {loader}\n"
        "    epoch_losses = []\n"
        "    for _ in range(epochs):\n"
        f"{indent(epoch_start, 8)}\n"
        "        for xb, yb in loader:\n"
        f"{indent(loop, 12)}\n"
        f"{indent(end, 8)}\n"
        "    return epoch_losses\n"
    )


STEP = "optimizer.zero_grad()\nloss = F.cross_entropy(model(xb), yb)\nloss.backward()\noptimizer.step()\n"
CHOICE = (
    "best_setting = max(search, key=search.get)\nbest_model = models[best_setting]\n"
    "test_acc = accuracy(best_model(X_test), y_test)"
)

WRONG = [
    # q1: the MLP
    Wrong(
        "q1",
        "mlp = nn.Sequential(nn.Linear(2, 100), nn.Identity(), nn.Linear(100, 3))",
        "two linear layers in a row",
        mistake="no-relu",
    ),  # 14
    Wrong(
        "q1",
        "mlp = nn.Sequential(nn.Linear(2, 100), nn.Sigmoid(), nn.Linear(100, 3))",
        "middle part is nn.Sigmoid",
        mistake="other-nonlinearity",
    ),
    Wrong(
        "q1",
        "mlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU())",
        "should have three parts",
        mistake="missing-output-layer",
    ),  # 5
    Wrong(
        "q1",
        "mlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3), nn.Softmax(dim=1))",
        "applies the softmax itself",
        mistake="extra-softmax",
    ),  # 14/6 an extra softmax (issue 22: it said only "it has 4 parts")
    Wrong("q1", "mlp = nn.Linear(2, 3)", "should be an nn.Sequential", mistake="not-sequential"),
    Wrong(
        "q1",
        "torch.manual_seed(0)\nmlp = nn.Sequential(nn.Linear(2, 10), nn.ReLU(), nn.Linear(10, 3))\n"
        "train_classifier(mlp, X_train, y_train, X_valid, y_valid, steps=300, lr=0.05, optimizer_class=optim.Adam)\n"
        "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "100 hidden units",
        mistake="wrong-hidden-size",
    ),
    Wrong(
        "q1",
        "mlp_valid_acc = accuracy(mlp(X_train), y_train)",
        "accuracy on the training set",
        mistake="accuracy-on-training-rows",
    ),  # 15
    Wrong("q1", "mlp_valid_acc = torch.tensor(mlp_valid_acc)", "a Python float", mistake="accuracy-not-float"),  # 7
    Wrong(
        "q1",
        accuracy_variant("(logits.argmax() == labels).float().mean().item()")
        + "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "no longer the function given at the top",
        mistake="accuracy-redefined",
    ),  # 1 a wrong accuracy in place of the given one
    Wrong("q1", "mlp_train_losses = mlp_train_losses[-50:]", "(300 steps)", mistake="losses-cut-short"),  # 5
    Wrong(
        "q1",
        "torch.manual_seed(0)\nmlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3))\n"
        "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "has not been trained",
        mistake="untrained-model",
    ),  # 14 no training
    Wrong(
        "q1", MLP_ON.format(lr=0.00005, X="X_train", y="y_train"), "at least 0.58", mistake="learning-rate-too-small"
    ),  # 10 too small a rate
    Wrong(
        "q1", MLP_ON.format(lr=0.05, **VALID), "fitted on the validation rows", mistake="trained-on-validation-rows"
    ),  # 15
    Wrong(
        "q1",
        MLP_ON.format(lr=0.05, **BOTH),
        "fitted on the validation rows",
        public="telling a fit on training + validation rows from a fit on the training rows takes refitting the model, which the hidden checks do",
        mistake="trained-on-validation-rows",
    ),  # 15
    Wrong("q1", CHOSEN_ROWS.format(model="mlp"), "293 validation houses", mistake="validation-rows-chosen"),  # 15
    Wrong(
        "q1",
        MLP_ON.format(lr=0.05, X="X_train", y="y_train").replace(", optimizer_class=optim.Adam", ""),
        "unless you pass optimizer_class=optim.Adam",
        mistake="mlp-trained-without-adam",
    ),  # train_classifier's default optimizer, SGD, at Adam's rate: accuracy 0.62, above 0.58
    # q3: train_minibatch
    Wrong(
        "q3",
        minibatch_variant(loop=STEP.replace("optimizer.zero_grad()\n", "") + "total += loss.item() * len(yb)"),
        "add up from batch to batch",
        mistake="no-zero-grad",
    ),  # 14 skipped step
    Wrong(
        "q3",
        minibatch_variant(
            loop=STEP + "total += loss.item()\nbatches += 1",
            end="epoch_losses.append(total / batches)",
            epoch_start="total, batches = 0.0, 0",
        ),
        "as if every batch had the same size",
        mistake="unweighted-batch-mean",
    ),  # 6 normalisation
    Wrong(
        "q3", minibatch_variant(end="epoch_losses.append(total)"), "is the total over all", mistake="total-not-divided"
    ),  # 6 no / n
    Wrong(
        "q3",
        minibatch_variant(loop=STEP + "total += loss.item()", end="epoch_losses.append(total)"),
        "added up the batch means",
        mistake="batch-means-added",
    ),
    Wrong(
        "q3",
        minibatch_variant(loop=STEP + "total += loss.item()"),
        "sum of the batch MEANS by the number of rows",
        mistake="batch-means-over-rows",
    ),  # 6  # 6
    Wrong(
        "q3",
        minibatch_variant(
            loader="DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=True, drop_last=True)"
        ),
        "leaves out the rows of the last",
        mistake="last-batch-dropped",
    ),  # 5 off by one
    Wrong(
        "q3",
        minibatch_variant(loader="DataLoader(TensorDataset(X, y), batch_size=batch_size)"),
        "same order every epoch",
        mistake="no-shuffle",
    ),
    Wrong(
        "q3",
        minibatch_variant(
            optimizer="pass", epoch_start="total = 0.0\noptimizer = torch.optim.Adam(model.parameters(), lr=lr)"
        ),
        "new Adam each epoch",
        mistake="optimizer-made-each-epoch",
    ),
    Wrong(
        "q3",
        minibatch_variant(
            loop=STEP + "with torch.no_grad():\n    total += F.cross_entropy(model(xb), yb).item() * len(yb)"
        ),
        "loss after the step",
        mistake="loss-after-step",
    ),
    Wrong(
        "q3",
        minibatch_variant(loop=STEP + "epoch_losses.append(loss.item())", end="pass"),
        "one per batch",
        mistake="loss-per-batch",
    ),  # 11
    Wrong(
        "q3", minibatch_variant(loop=STEP + "total += loss * len(yb)"), "are tensors", mistake="losses-are-tensors"
    ),  # 7 types
    Wrong(
        "q3",
        minibatch_variant(loader="DataLoader(TensorDataset(X, y), batch_size=64, shuffle=True)"),
        "one step per epoch",
        mistake="batch-size-ignored",
    ),  # 11 a hard-coded size
    Wrong(
        "q3",
        minibatch_variant(
            loader="DataLoader(TensorDataset(X_train, y_train), batch_size=batch_size, shuffle=True)",
            end="epoch_losses.append(total / len(y_train))",
        ),
        "With lr=0 the model does not change",
        mistake="global-training-rows",
    ),  # 15 wrong rows: the notebook's data, not the arguments
    Wrong(
        "q3",
        minibatch_variant(optimizer="optimizer = torch.optim.SGD(model.parameters(), lr=lr)"),
        "steps of full-batch Adam",
        mistake="not-adam",
    ),
    Wrong(
        "q3",
        minibatch_variant(end="epoch_losses.append(total / len(y))").replace("    return epoch_losses\n", ""),
        "returned nothing",
        mistake="no-return",
    ),
    # q4: choosing on validation, reporting once on test
    Wrong(
        "q4",
        "search = {key: accuracy(m(X_test), y_test) for key, m in models.items()}\n" + CHOICE,
        "accuracies on the test houses",
        mistake="chosen-on-test",
    ),
    Wrong(
        "q4",
        "search = {key: accuracy(m(X_train), y_train) for key, m in models.items()}\n" + CHOICE,
        "search holds training accuracies",
        mistake="chosen-on-training-rows",
    ),  # 15
    Wrong(
        "q4",
        "best_setting = min(search, key=search.get)\nbest_model = models[best_setting]\ntest_acc = accuracy(best_model(X_test), y_test)",
        "LOWEST",
        mistake="lowest-chosen",
    ),
    Wrong(
        "q4",
        "test_acc = search[best_setting]",
        "chosen model's validation accuracy",
        mistake="validation-reported-as-final",
    ),
    Wrong(
        "q4",
        "test_acc = accuracy(best_model(X_train), y_train)",
        "accuracy(best_model(X_test), y_test)",
        mistake="test-acc-on-other-rows",
    ),  # 15
    Wrong(
        "q4", "test_acc = round(test_acc, 2)", "accuracy(best_model(X_test), y_test)", mistake="test-acc-on-other-rows"
    ),  # 8 rounding past 1/293
    Wrong(
        "q4",
        "test_acc = (best_model(X_test).argmax(dim=1) == y_test).float().mean()",
        "a Python float",
        mistake="test-acc-not-float",
    ),  # 7
    Wrong("q4", "best_setting = '(100, 0.05)'", "one of the keys of search", mistake="setting-not-a-key"),  # 7 a string
    Wrong("q4", "best_model = models[(10, 0.005)]", "models[best_setting]", mistake="best-model-not-chosen"),
]

RIGHT = [
    Right(
        "q3",
        minibatch_variant(
            loader="DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=True, generator=torch.Generator().manual_seed(1))",
            loop="loss = F.cross_entropy(model(xb), yb)\nmodel.zero_grad()\nloss.backward()\noptimizer.step()\ntotal = total + loss.detach() * xb.shape[0]\nseen += len(yb)",
            epoch_start="total, seen = torch.tensor(0.0), 0",
            end="epoch_losses.append((total / seen).item())",
        ),
        "its own generator, model.zero_grad(), a tensor total turned into a float at the end, rows counted",
    ),
    Right(
        "q3",
        "def train_minibatch(model, X, y, epochs, batch_size, lr):\n"
        "    optimizer = torch.optim.Adam(model.parameters(), lr=lr)\n"
        "    out = []\n"
        "    for epoch in range(epochs):\n"
        "        sums = []\n"
        "        for xb, yb in DataLoader(TensorDataset(X, y), batch_size=batch_size, shuffle=True):\n"
        "            loss = F.cross_entropy(model(xb), yb)\n"
        "            loss.backward()\n"
        "            optimizer.step()\n"
        "            optimizer.zero_grad()\n"
        "            sums.append(loss.item() * len(yb))\n"
        "        out.append(sum(sums) / len(X))\n"
        "    return out\n",
        "a new DataLoader each epoch, zero_grad after the step, a list of per-batch sums",
    ),
    Right(
        "q4",
        "search = {key: float(np.float64(accuracy(m(X_valid), y_valid))) for key, m in models.items()}\n"
        "best_setting = sorted(search.items(), key=lambda item: item[1])[-1][0]\nbest_model = models[best_setting]\n"
        "test_acc = round(accuracy(best_model(X_test), y_test), 3)",
        "a dict comprehension, sorted() for the best, the test accuracy rounded to 3 decimals",
    ),
    Right(
        "q1",
        "torch.manual_seed(1)\nmlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)).to(device)\n"
        "mlp_train_losses, mlp_valid_losses = train_classifier(mlp, X_train, y_train, X_valid, y_valid, 300, 0.05, "
        "optimizer_class=optim.Adam)\n"
        "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "seed 1: the last Adam steps still oscillate, so the loss after the last step is 0.0096 off the last one recorded",
    ),
    Right("q1", "mlp_valid_acc = round(mlp_valid_acc, 3)", "the accuracy rounded to 3 decimals (it moves in 1/293)"),
    Right(
        "q1",
        "from collections import OrderedDict\ntorch.manual_seed(1)\n"
        "mlp = nn.Sequential(OrderedDict(hidden=nn.Linear(2, n_hidden), relu=nn.ReLU(), out=nn.Linear(n_hidden, 3)))\n"
        "mlp.to(device)\nmlp_train_losses, mlp_valid_losses = train_classifier(mlp, X_train, y_train, X_valid, y_valid, "
        "steps=500, lr=0.05, optimizer_class=optim.Adam)\nmlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "named layers, another seed, more steps",
    ),
    Right(
        "q1",
        "torch.manual_seed(5)\nmlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)).to(device)\n"
        "mlp_train_losses, mlp_valid_losses = train_classifier(mlp, X_train, y_train, X_valid, y_valid, 300, 0.02, "
        "optimizer_class=optim.Adam)\n"
        "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "another seed and learning rate",
    ),
]
