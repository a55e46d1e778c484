import torch
from torch import nn

model = nn.Sequential(
    nn.Linear(30, 64),
    nn.ReLU(),
    nn.Dropout(0.1),
    nn.Linear(64, 1),
    nn.Sigmoid(),
)
loss_fn = nn.BCELoss(reduction="mean")
optimizer = torch.optim.Adam(model.parameters(), lr=3e-4)

for features, labels in loader:
    prediction = model(features)
    loss = loss_fn(prediction, labels.unsqueeze(1))
    optimizer.zero_grad()
    loss.backward()
    optimizer.step()
