import keras
from keras import layers

loss_fn = keras.losses.CategoricalCrossentropy(from_logits=True, label_smoothing=0.1)
model = keras.Sequential([
    layers.Input((64,)),
    layers.Dense(5),
    layers.Activation("softmax"),
])
model.compile(optimizer="sgd", loss=loss_fn)
