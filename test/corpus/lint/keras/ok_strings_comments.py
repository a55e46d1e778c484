import keras

# model.compile(loss=keras.losses.SparseCategoricalCrossentropy(from_logits=True)) after a softmax Dense is wrong
HELP = "Dense(10, activation='softmax') + from_logits=True double-applies softmax; tf.math.log(tf.sigmoid(z))"
model = keras.Sequential([keras.layers.Dense(1)])
model.compile(loss=keras.losses.BinaryCrossentropy(from_logits=True))
