import * as tf from '@tensorflow/tfjs';

export function lossFn(labels, logits) {
  return tf.losses.logLoss(labels, tf.sigmoid(logits));
}
