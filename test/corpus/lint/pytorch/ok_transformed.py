import torch
import torch.nn.functional as F


def loss(logits, y, mask):
    p = torch.sigmoid(logits).clamp(1e-6, 1 - 1e-6)
    q = torch.sigmoid(logits) * mask
    r = torch.log(torch.sigmoid(logits) + 1e-8)
    return F.binary_cross_entropy(p, y) + F.binary_cross_entropy(q, y) + r.mean()
