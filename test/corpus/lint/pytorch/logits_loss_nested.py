import torch
import torch.nn.functional as F


def multilabel_loss(logits, targets, pos_weight):
    return F.binary_cross_entropy_with_logits(torch.sigmoid(logits), targets, pos_weight=pos_weight)
