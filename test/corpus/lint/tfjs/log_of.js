import * as tf from '@tensorflow/tfjs';

export function logTerms(x, logits) {
  const a = tf.log(tf.softmax(logits));
  const b = x.sigmoid().log();
  return [a, b];
}
