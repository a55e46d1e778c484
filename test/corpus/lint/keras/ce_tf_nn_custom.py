import tensorflow as tf


def loss_fn(logits, labels):
    probs = tf.nn.softmax(logits, axis=-1)
    xent = tf.nn.softmax_cross_entropy_with_logits(labels=labels, logits=probs)
    return tf.reduce_mean(xent)
