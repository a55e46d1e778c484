import math
import torch
import torch.nn.functional as F


def terms(x, probs, temperature):
    a = F.logsigmoid(x)
    b = torch.log(probs)
    c = torch.log1p(-torch.sigmoid(x))
    d = math.log(temperature)
    e = F.log_softmax(x, dim=-1)
    return a, b, c, d, e
