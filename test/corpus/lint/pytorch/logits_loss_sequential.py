import torch.nn as nn

head = nn.Sequential(nn.Linear(256, 128), nn.GELU(), nn.Linear(128, 20), nn.Sigmoid())
criterion = nn.BCEWithLogitsLoss()


def compute_loss(features, tags):
    scores = head(features)
    return criterion(scores, tags)
