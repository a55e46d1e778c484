import torch


def log_likelihood(scores, labels):
    pos = torch.log(torch.sigmoid(scores))
    neg = (-scores).sigmoid().log()
    return (labels * pos + (1 - labels) * neg).sum()
