import torch
import torch.nn.functional as F


def weighted_loss(out, y, class_weight):
    p = out.sigmoid()
    return F.binary_cross_entropy(p, y, weight=class_weight, reduction="sum")
