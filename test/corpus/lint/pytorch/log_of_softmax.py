import torch
import torch.nn.functional as F


def entropy_terms(logits):
    log_p = torch.log(F.softmax(logits, dim=-1))
    probs = logits.softmax(dim=-1)
    return -(probs * log_p).sum(-1), probs.log()
