// A TensorFlow.js model for a small regression task, and two losses computed by hand.
// Hover activation: 'relu', tf.layers.leakyReLU, tf.losses.huberLoss, ... to see the math.
import * as tf from '@tensorflow/tfjs';

export function buildModel() {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [4], units: 8, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 8 }));
  model.add(tf.layers.leakyReLU({ alpha: 0.1 }));
  model.add(tf.layers.dense({ units: 1 }));
  model.compile({ optimizer: tf.train.adam(0.01), loss: tf.losses.huberLoss });
  return model;
}

export function marginLoss(labels, scores) {
  // Labels in {0, 1}; hingeLoss maps them to {-1, +1} itself.
  return tf.losses.hingeLoss(labels, scores);
}

export function robustLoss(targets, predictions) {
  return tf.losses.huberLoss(targets, predictions, undefined, 0.5);
}

export function probability(logits) {
  return tf.sigmoid(logits);
}

export async function train() {
  const xs = tf.randomNormal([64, 4]);
  const ys = xs.sum(1, true).add(tf.randomNormal([64, 1], 0, 0.1));
  const model = buildModel();
  const history = await model.fit(xs, ys, { epochs: 20, batchSize: 16, verbose: 0 });
  return history.history.loss.at(-1);
}
