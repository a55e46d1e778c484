import torch
import torch.nn.functional as F

# Do not write: loss = F.binary_cross_entropy(torch.sigmoid(logits), y)
# nor F.nll_loss(F.softmax(out, dim=1), target) or torch.log(torch.sigmoid(x)).


def loss(logits, y):
    """Stable BCE.

    Unlike ``F.cross_entropy(F.softmax(logits, -1), y)`` this passes the logits.
    """
    snippet = "criterion(torch.sigmoid(logits), y)"
    log_line = f"torch.log(F.softmax(x, dim=-1)) was {snippet}"
    return F.binary_cross_entropy_with_logits(logits, y), log_line
