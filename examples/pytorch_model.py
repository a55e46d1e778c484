"""A small PyTorch classifier and its training step.

Hover an activation or a loss (nn.GELU, F.softmax, nn.HuberLoss, ...) to see its formula,
derivative and plot with the parameters written here.
"""
import torch
import torch.nn as nn
import torch.nn.functional as F


class TabularNet(nn.Module):
    def __init__(self, in_features: int = 16, hidden: int = 64, classes: int = 5):
        super().__init__()
        self.fc1 = nn.Linear(in_features, hidden)
        self.act1 = nn.LeakyReLU(0.2)
        self.fc2 = nn.Linear(hidden, hidden)
        self.act2 = nn.ReLU()
        self.fc3 = nn.Linear(hidden, hidden)
        self.act3 = nn.ELU(alpha=0.5)
        self.fc4 = nn.Linear(hidden, hidden)
        self.act4 = nn.SELU()
        self.classifier = nn.Linear(hidden, classes)
        self.outlier_head = nn.Linear(hidden, 1)
        self.value_head = nn.Linear(hidden, 1)

    def forward(self, x: torch.Tensor):
        h = self.act1(self.fc1(x))
        h = self.act2(self.fc2(h))
        h = F.gelu(self.fc3(h))
        h = self.act4(self.fc4(self.act3(h)))
        return self.classifier(h), self.outlier_head(h).squeeze(-1), self.value_head(h).squeeze(-1)


model = TabularNet()
optimizer = torch.optim.AdamW(model.parameters(), lr=1e-3)
class_loss = nn.CrossEntropyLoss(label_smoothing=0.1)
outlier_loss = nn.BCEWithLogitsLoss()
value_loss = nn.HuberLoss(delta=2.0)


def train_step(x, labels, is_outlier, value):
    logits, outlier_logit, predicted_value = model(x)
    loss = (
        class_loss(logits, labels)
        + outlier_loss(outlier_logit, is_outlier.float())
        + value_loss(predicted_value, value)
    )
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()


@torch.no_grad()
def predict(x):
    logits, outlier_logit, _ = model(x)
    probabilities = F.softmax(logits, dim=-1)
    outlier_probability = torch.sigmoid(outlier_logit)
    return probabilities, outlier_probability


if __name__ == "__main__":
    x = torch.randn(32, 16)
    labels = torch.randint(0, 5, (32,))
    is_outlier = torch.rand(32) < 0.1
    value = torch.randn(32) * 3
    for step in range(100):
        loss = train_step(x, labels, is_outlier, value)
    print(f"final loss {loss:.4f}")
