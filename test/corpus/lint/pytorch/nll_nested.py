import torch
import torch.nn.functional as F


def train(model, device, train_loader, optimizer):
    model.train()
    for data, target in train_loader:
        data, target = data.to(device), target.to(device)
        optimizer.zero_grad()
        output = model(data)
        loss = F.nll_loss(F.softmax(output, dim=1), target)
        loss.backward()
        optimizer.step()
