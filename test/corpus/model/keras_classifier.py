"""A Keras 3 classifier with a capped-ReLU MobileNet-style stem.

Example:

>>> import keras
>>> x = keras.layers.Dense(8, activation="relu")(x)
>>> y = keras.layers.Dense(
...     1, activation="sigmoid")(x)

In prose: keras.layers.ReLU(max_value=6) is ReLU6, activation="relu" means the same.
"""
import keras
from keras import layers
from keras.src import losses as src_losses
import tensorflow as tf

ALPHA = 0.3


def build_model(num_classes: int = 10, width: int = 32):
    inputs = keras.Input(shape=(32, 32, 3))
    x = layers.Conv2D(width, 3, padding="same")(inputs)
    x = layers.ReLU(max_value=6)(x)
    x = layers.ReLU(6.0)(x)
    x = layers.ReLU(negative_slope=0.1)(x)
    x = layers.LeakyReLU(negative_slope=ALPHA)(x)
    x = layers.Conv2D(width, 3, activation="swish")(x)
    x = layers.Activation("gelu")(x)
    x = layers.GlobalAveragePooling2D()(x)
    x = layers.Dense(64, activation=tf.nn.relu)(x)
    outputs = layers.Dense(num_classes, activation="softmax")(x)
    return keras.Model(inputs, outputs)


def compile_model(model, learning_rate=1e-3):
    model.compile(
        optimizer=keras.optimizers.Adam(learning_rate),
        loss=keras.losses.CategoricalCrossentropy(from_logits=False),
        metrics=[keras.metrics.MeanSquaredError(), "accuracy"],
    )
    return model


def regression_head(units: int):
    huber = src_losses.Huber(delta=2.0)
    act_layer = "relu"
    layer = layers.Dense(units, activation=act_layer)
    return layer, huber, tf.nn.leaky_relu, keras.activations.hard_sigmoid


def custom_loss(y_true, y_pred):
    return keras.ops.mean(keras.ops.square(y_true - y_pred))


config = {"activation": "tanh", "loss": "binary_crossentropy", "relu_out": 3}
