import tensorflow as tf
from models import build_classifier

model = build_classifier(num_classes=10)
model.compile(optimizer="adam", loss=tf.keras.losses.SparseCategoricalCrossentropy(from_logits=True))
