import jax
import jax.numpy as jnp


def log_probs(x, logits):
    return jnp.log(jax.nn.sigmoid(x)), jnp.log(jax.nn.softmax(logits, axis=-1))
