import torch
import torch.nn as nn
import torch.nn.functional as F

ce = nn.CrossEntropyLoss(label_smoothing=0.05)
bce = nn.BCEWithLogitsLoss()
nll = nn.NLLLoss()


def losses(logits, labels, flag_logit, flag):
    a = ce(logits, labels)
    b = bce(flag_logit, flag)
    c = nll(F.log_softmax(logits, dim=-1), labels)
    d = F.nll_loss(logits.log_softmax(-1), labels)
    return a + b + c + d
