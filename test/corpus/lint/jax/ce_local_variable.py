import jax
import optax


def cross_entropy(logits, one_hot):
    probs = jax.nn.softmax(logits, axis=-1)
    loss = optax.softmax_cross_entropy(probs, one_hot)
    return loss.mean()
