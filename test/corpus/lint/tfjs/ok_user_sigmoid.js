const tfjs = require('@tensorflow/tfjs');

const sigmoid = (x) => 1 / (1 + Math.exp(-x));

function annealed(step, labels, probs) {
  const w = sigmoid(step / 1000);
  return tfjs.losses.logLoss(labels, probs).mul(w);
}

function plain(tf, x) {
  return tf.log(tf.sigmoid(x));
}

module.exports = { annealed, plain };
