import torch
import torch.nn as nn

classifier = nn.Sequential(
    nn.Flatten(),
    nn.Linear(28 * 28, 512),
    nn.ReLU(),
    nn.Linear(512, 10),
    nn.Softmax(dim=1),
)
loss_fn = nn.CrossEntropyLoss()


def train(dataloader, optimizer):
    classifier.train()
    for X, y in dataloader:
        pred = classifier(X)
        loss = loss_fn(pred, y)
        loss.backward()
        optimizer.step()
        optimizer.zero_grad()
