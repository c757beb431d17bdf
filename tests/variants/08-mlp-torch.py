"""Lesson 08: wrong answers that must lose points (with their message) and right ones that must not.

Derived from CHECKLIST.md question by question; the checklist line is named in each comment.
"""

from harness import Right, Wrong


def accuracy_variant(expr: str) -> str:
    return f"def accuracy(logits, labels):\n    return {expr}\n"


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
        "train_classifier(mlp, X_train, y_train, X_valid, y_valid, steps=300, lr=0.05)\n"
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
    Wrong("q1", CHOSEN_ROWS.format(model="mlp"), "586 validation houses", mistake="validation-rows-chosen"),  # 15
]

RIGHT = [
    Right(
        "q1",
        "torch.manual_seed(1)\nmlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)).to(device)\n"
        "mlp_train_losses, mlp_valid_losses = train_classifier(mlp, X_train, y_train, X_valid, y_valid, 300, 0.05)\n"
        "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "seed 1: the last Adam steps still oscillate, so the loss after the last step is 0.0096 off the last one recorded",
    ),
    Right("q1", "mlp_valid_acc = round(mlp_valid_acc, 3)", "the accuracy rounded to 3 decimals (it moves in 1/586)"),
    Right(
        "q1",
        "from collections import OrderedDict\ntorch.manual_seed(1)\n"
        "mlp = nn.Sequential(OrderedDict(hidden=nn.Linear(2, n_hidden), relu=nn.ReLU(), out=nn.Linear(n_hidden, 3)))\n"
        "mlp.to(device)\nmlp_train_losses, mlp_valid_losses = train_classifier(mlp, X_train, y_train, X_valid, y_valid, "
        "steps=500, lr=0.05)\nmlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "named layers, another seed, more steps",
    ),
    Right(
        "q1",
        "torch.manual_seed(5)\nmlp = nn.Sequential(nn.Linear(2, 100), nn.ReLU(), nn.Linear(100, 3)).to(device)\n"
        "mlp_train_losses, mlp_valid_losses = train_classifier(mlp, X_train, y_train, X_valid, y_valid, 300, 0.02)\n"
        "mlp_valid_acc = accuracy(mlp(X_valid), y_valid)",
        "another seed and learning rate",
    ),
]
