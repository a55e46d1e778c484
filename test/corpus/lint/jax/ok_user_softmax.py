import numpy as np
import optax


def softmax(z):
    e = np.exp(z - z.max())
    return e / e.sum()


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def check(logits, labels):
    return optax.softmax_cross_entropy(softmax(logits), labels), np.log(sigmoid(logits))
