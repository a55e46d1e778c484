import math
import torch
import torch.nn.functional as F


def sigmoid(step, total, k=10.0):
    """Ramp from 0 to 1 over training (KL annealing)."""
    return 1.0 / (1.0 + math.exp(-k * (step / total - 0.5)))


def vae_loss(recon, x, mu, logvar, step, total):
    rec = F.binary_cross_entropy(recon, x, reduction="sum")
    kl = -0.5 * torch.sum(1 + logvar - mu.pow(2) - logvar.exp())
    beta = sigmoid(step, total)
    return rec + beta * kl, math.log(sigmoid(step, total))


def smoothed(labels, softmax):
    return F.cross_entropy(softmax(labels), labels)
