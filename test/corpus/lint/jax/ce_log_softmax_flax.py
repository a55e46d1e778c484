import flax.linen as nn
import optax


def loss(logits, labels):
    return optax.softmax_cross_entropy_with_integer_labels(logits=nn.log_softmax(logits), labels=labels).mean()
