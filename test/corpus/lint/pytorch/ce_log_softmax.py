import torch.nn as nn
import torch.nn.functional as F

criterion = nn.CrossEntropyLoss(ignore_index=-100)


def lm_loss(model, tokens):
    out = model(tokens[:, :-1])
    log_probs = F.log_softmax(out, dim=-1)
    return criterion(log_probs.transpose(1, 2), tokens[:, 1:])
