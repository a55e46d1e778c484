"""A small gated MLP classifier, written the way PyTorch model code is usually written.

The docstring mentions nn.GELU() and F.relu(x) in prose; only the example below is code:

    >>> block = GatedBlock(64)
    >>> y = F.silu(block(torch.randn(2, 64)))
"""
from functools import partial

import torch
import torch.nn as nn
import torch.nn.functional as F

LEAKY_SLOPE = 0.2
relu_out = None  # a variable, not the function


def make_act(act_layer=nn.GELU):
    act = act_layer()
    return act


class SquaredReLU(nn.Module):
    def forward(self, x):
        return torch.square(torch.clamp(x, min=0))


class CustomMSE(nn.Module):
    def forward(self, pred, target):
        return ((pred - target) ** 2).mean()


class GatedBlock(nn.Module):
    def __init__(self, dim, hidden_slope=0.05, act_layer="gelu"):
        super().__init__()
        self.fc1 = nn.Linear(dim, 4 * dim)
        self.fc2 = nn.Linear(4 * dim, dim)
        self.act = nn.GELU(approximate="tanh")
        self.relu = SquaredReLU()
        self.leaky = partial(nn.LeakyReLU, negative_slope=1e-3)()
        self.hidden = nn.LeakyReLU(hidden_slope)
        self.module_act = nn.LeakyReLU(LEAKY_SLOPE)
        self.plain = torch.nn.modules.activation.ReLU()
        self.named = nn.ELU(alpha=config_alpha)
        self.cfg_leaky = nn.LeakyReLU(cfg.leaky_relu_slope)

    def forward(self, x):
        h = self.act(self.fc1(x))
        h = self.relu(h)
        scale = 0.1
        h = F.leaky_relu(h, negative_slope=scale)
        h = F.leaky_relu(h, negative_slope=LEAKY_SLOPE)
        gate = h.sigmoid()
        probs = h.softmax(-1)
        logp = h.log_softmax(dim=-1)
        h = h.relu_()
        h = h.sigmoid_()
        h = h.tanh_()
        t = (gate * probs).tanh()
        u = h.relu()
        u = self.leaky(u)
        u = self.hidden(u)
        return self.fc2(t + u + logp)


def build(depth=2):
    acts = [partial(nn.LeakyReLU, negative_slope=1e-3)() for _ in range(depth)]
    silu = nn.SiLU()
    mish = create_act_layer("relu", inplace=True)
    gate = get_act_layer("silu")
    act = nn.Hardtanh() if depth > 8 else nn.ELU(alpha=0.5)
    elu = nn.ELU(alpha=0.5)
    y = elu(x)
    body = GatedBlock(64, act_layer="gelu")
    return acts, silu, mish, gate, body


def compute_loss(pred, target):
    # F.mse_loss(pred, target) would be the library's; this comment is prose.
    return CustomMSE()(pred, target)


act_layer = "relu"
