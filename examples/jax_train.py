"""A Flax MLP with three heads trained by one Optax step.

Hover nn.relu, jax.nn.gelu, optax.huber_loss, ... to see the formula and the derivative.
"""
import flax.linen as nn
import jax
import jax.numpy as jnp
import optax


class MLP(nn.Module):
    hidden: int = 128
    classes: int = 10

    @nn.compact
    def __call__(self, x):
        x = nn.relu(nn.Dense(self.hidden)(x))
        x = jax.nn.gelu(nn.Dense(self.hidden)(x))
        x = jax.nn.selu(nn.Dense(self.hidden)(x))
        logits = nn.Dense(self.classes)(x)
        flag_logit = nn.Dense(1)(x)[..., 0]
        value = nn.Dense(1)(x)[..., 0]
        return logits, flag_logit, value


model = MLP()
optimizer = optax.adamw(learning_rate=3e-4)


def loss_fn(params, batch):
    logits, flag_logit, value = model.apply(params, batch["x"])
    labels = jax.nn.one_hot(batch["label"], 10)
    classification = optax.softmax_cross_entropy(logits, labels).mean()
    flag = optax.sigmoid_binary_cross_entropy(flag_logit, batch["flag"]).mean()
    regression = optax.huber_loss(value, batch["value"], delta=1.0).mean()
    return classification + flag + 0.5 * regression


@jax.jit
def train_step(params, opt_state, batch):
    loss, grads = jax.value_and_grad(loss_fn)(params, batch)
    updates, opt_state = optimizer.update(grads, opt_state, params)
    params = optax.apply_updates(params, updates)
    return params, opt_state, loss


if __name__ == "__main__":
    key = jax.random.PRNGKey(0)
    batch = {
        "x": jax.random.normal(key, (64, 32)),
        "label": jnp.arange(64) % 10,
        "flag": (jnp.arange(64) % 7 == 0).astype(jnp.float32),
        "value": jnp.linspace(-3.0, 3.0, 64),
    }
    params = model.init(key, batch["x"])
    opt_state = optimizer.init(params)
    for _ in range(100):
        params, opt_state, loss = train_step(params, opt_state, batch)
    print(f"final loss {loss:.4f}")
