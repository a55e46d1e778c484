import keras
from keras import layers

clf = keras.Sequential([layers.Input((16,)), layers.Dense(32, activation="relu"), layers.Dense(4, activation="softmax")])
clf.compile(optimizer="adam", loss="sparse_categorical_crossentropy", metrics=["accuracy"])

logit_model = keras.Sequential([layers.Input((16,)), layers.Dense(4)])
logit_model.compile(optimizer="adam", loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True))

reg = keras.Sequential([layers.Input((16,)), layers.Dense(1, activation="sigmoid")])
reg.compile(optimizer="adam", loss="mse")
