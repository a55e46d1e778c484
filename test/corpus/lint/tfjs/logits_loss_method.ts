import * as tf from '@tensorflow/tfjs';

export function multiLabelLoss(labels: tf.Tensor, logits: tf.Tensor): tf.Scalar {
  return tf.losses.sigmoidCrossEntropy(labels, logits.sigmoid()) as tf.Scalar;
}
