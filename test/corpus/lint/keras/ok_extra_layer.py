import keras
from keras import layers

inputs = keras.Input((10,))
x = layers.Dense(10, activation="softmax")(inputs)
outputs = layers.Dense(10)(x)
model = keras.Model(inputs=inputs, outputs=outputs)
model.compile(loss=keras.losses.CategoricalCrossentropy(from_logits=True))
