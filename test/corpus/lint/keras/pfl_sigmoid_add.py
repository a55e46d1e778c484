import tensorflow as tf

model = tf.keras.Sequential()
model.add(tf.keras.layers.Dense(32, activation="relu", input_shape=(8,)))
model.add(tf.keras.layers.Dense(1, activation="sigmoid"))
model.compile(optimizer="rmsprop", loss=tf.keras.losses.BinaryCrossentropy(from_logits=True))
