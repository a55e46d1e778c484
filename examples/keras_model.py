"""A Keras binary classifier, a focal-loss variant, and a small multi-class head.

Hover activation="relu", layers.LeakyReLU(), keras.losses.Huber(delta=0.5), ... to see the math.
"""
import keras
import tensorflow as tf
from keras import layers

inputs = keras.Input(shape=(20,))
x = layers.Dense(64, activation="relu")(inputs)
x = layers.Dense(64)(x)
x = layers.LeakyReLU()(x)
x = layers.Dropout(0.2)(x)
x = layers.Dense(32)(x)
x = layers.Lambda(tf.nn.elu)(x)
outputs = layers.Dense(1, activation="sigmoid")(x)
model = keras.Model(inputs, outputs, name="churn")

model.compile(
    optimizer=keras.optimizers.Adam(1e-3),
    loss="binary_crossentropy",
    metrics=["accuracy"],
)

# Rare positives: the focal loss down-weights the easy, well-classified examples.
focal_model = keras.models.clone_model(model)
focal_model.compile(
    optimizer="adam",
    loss=keras.losses.BinaryFocalCrossentropy(gamma=3.0),
)

# A regression head that should not chase outliers.
regressor = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        layers.Dense(32, activation="relu"),
        layers.Dense(1),
    ]
)
regressor.compile(optimizer="adam", loss=keras.losses.Huber(delta=0.5))

# Three classes, probabilities out of a softmax.
classifier = keras.Sequential(
    [
        keras.Input(shape=(20,)),
        layers.Dense(32, activation="relu"),
        layers.Dense(3, activation="softmax"),
    ]
)
classifier.compile(optimizer="adam", loss="sparse_categorical_crossentropy")

if __name__ == "__main__":
    features = tf.random.normal((256, 20))
    churned = tf.cast(tf.random.uniform((256, 1)) < 0.1, tf.float32)
    model.fit(features, churned, epochs=2, batch_size=32)
    focal_model.fit(features, churned, epochs=2, batch_size=32)
