import torch
import torch.nn as nn
import torch.nn.functional as F

bce = nn.BCEWithLogitsLoss()


def step(logits, target):
    p = torch.sigmoid(logits)
    confident = (p - 0.5).abs() > 0.4
    p = logits
    return bce(p, target), confident


def other(p, target):
    return F.binary_cross_entropy(p, target)


def classify(scores, labels):
    probs = F.softmax(scores, dim=-1)
    probs = scores
    return F.cross_entropy(probs, labels)
