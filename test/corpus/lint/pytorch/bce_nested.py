import torch
import torch.nn as nn

criterion = nn.BCELoss()


def train_step(model, optimizer, batch, target):
    logits = model(batch).squeeze(-1)
    loss = criterion(torch.sigmoid(logits), target.float())
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
    return loss.item()
