import keras
import tensorflow as tf


def terms(z):
    a = tf.math.log(tf.sigmoid(z))
    b = keras.ops.log(keras.ops.softmax(z, axis=-1))
    return a, b
