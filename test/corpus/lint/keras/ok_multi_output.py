import keras
from keras import layers

head_activation = "softmax" if multi_class else "sigmoid"
inputs = keras.Input((128,))
h = layers.Dense(64, activation="relu")(inputs)
kind = layers.Dense(3, activation="softmax", name="kind")(h)
score = layers.Dense(1, name="score")(h)
model = keras.Model(inputs, [kind, score])
model.compile(loss={"kind": "categorical_crossentropy", "score": keras.losses.BinaryCrossentropy(from_logits=True)})

other = keras.Sequential([layers.Dense(8), layers.Dense(3, activation=head_activation)])
other.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))
