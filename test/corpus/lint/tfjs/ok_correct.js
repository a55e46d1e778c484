import * as tf from '@tensorflow/tfjs';

// tf.losses.softmaxCrossEntropy(labels, tf.softmax(logits)) would apply softmax twice
const NOTE = 'tf.log(tf.softmax(x)) underflows';

export function step(labels, logits, flags, flagLogits) {
  const loss = tf.losses.softmaxCrossEntropy(labels, logits);
  const flagLoss = tf.losses.sigmoidCrossEntropy(flags, flagLogits);
  const predicted = tf.softmax(logits).argMax(-1);
  const p = tf.sigmoid(flagLogits);
  const logLoss = tf.losses.logLoss(flags, p.clipByValue(1e-6, 1 - 1e-6));
  return { loss: loss.add(flagLoss), predicted, logLoss, NOTE };
}
