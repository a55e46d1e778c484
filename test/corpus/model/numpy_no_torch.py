"""NumPy reference code: no torch import, so `.relu()` here is some object's own method."""
import numpy as np
import scipy.special


class Graph:
    def relu(self):
        return self

    def sigmoid(self):
        return self


def run(graph):
    out = graph.relu()
    out = out.sigmoid()
    out = out.tanh()
    scores = out.softmax(-1)
    return scores.log_softmax(-1)


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def relu(x):
    return np.maximum(0.1, x)


def softmax(z):
    e = np.exp(z)
    return e / e.sum()


def mish(x):
    for _ in range(1):
        pass
    return helper(x)


hidden = sigmoid(np.linspace(-3, 3, 7))
activated = relu(hidden)
reference = scipy.special.expit(hidden)
