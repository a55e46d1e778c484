import jax
import jax.numpy as jnp
import optax


def metrics(logits, labels, flag_logits, flags):
    loss = optax.softmax_cross_entropy_with_integer_labels(logits, labels).mean()
    flag_loss = optax.sigmoid_binary_cross_entropy(flag_logits, flags).mean()
    probs = jax.nn.softmax(logits)
    accuracy = jnp.mean(jnp.argmax(probs, -1) == labels)
    flag_acc = jnp.mean((jax.nn.sigmoid(flag_logits) > 0.5) == flags)
    smoothed = jnp.log(jax.nn.softmax(logits) + 1e-9)
    return loss + flag_loss, accuracy, flag_acc, smoothed
