"""Activation functions written by hand with NumPy, as in a course notebook."""
import numpy as np


def sigmoid(x):
    return 1 / (1 + np.exp(-x))


def softmax(z):
    e = np.exp(z)
    return e / e.sum()


def softplus(x):
    return np.log(1 + np.exp(x))


def leaky_relu(x, alpha=0.1):
    return np.where(x > 0, x, alpha * x)


gelu = lambda x: 0.5 * x * (1 + np.tanh(np.sqrt(2 / np.pi) * (x + 0.044715 * x**3)))


def relu(x):
    return np.maximum(x, 0.5)


def forward(w, b, x):
    h = sigmoid(w @ x + b)
    p = softmax(h)
    q = leaky_relu(h, 0.2)
    y = x.relu()
    act_layer = relu
    relu_out = relu(h)
    return p, q, y, act_layer, relu_out, gelu(h)
