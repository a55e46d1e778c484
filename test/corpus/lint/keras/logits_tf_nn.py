import tensorflow as tf


def multilabel(logits, labels):
    return tf.nn.sigmoid_cross_entropy_with_logits(labels=labels, logits=tf.math.sigmoid(logits))
