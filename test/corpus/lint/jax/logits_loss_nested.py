import jax
import jax.numpy as jnp
import optax


def loss_fn(params, apply_fn, x, labels):
    logits = apply_fn(params, x)
    return optax.sigmoid_binary_cross_entropy(jax.nn.sigmoid(logits), labels).mean()
