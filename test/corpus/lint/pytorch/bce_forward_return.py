import torch
import torch.nn as nn
import torch.nn.functional as F


class ClickModel(nn.Module):
    def __init__(self, n_features):
        super().__init__()
        self.hidden = nn.Linear(n_features, 32)
        self.fc = nn.Linear(32, 1)

    def forward(self, x):
        h = F.relu(self.hidden(x))
        return torch.sigmoid(self.fc(h))


net = ClickModel(12)


def epoch(batches, opt):
    for x, clicked in batches:
        loss = F.binary_cross_entropy(net(x), clicked)
        opt.zero_grad()
        loss.backward()
        opt.step()
