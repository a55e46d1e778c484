// A TF.js classifier with a capped ReLU and a custom layer that stores its activation.
const tf = require('@tensorflow/tfjs');
const { layers: L } = require('@tensorflow/tfjs');

const SLOPE = 0.15;

class GatedDense extends tf.layers.Layer {
  constructor(units) {
    super({});
    this.units = units;
    this.act = tf.layers.reLU({ maxValue: 6 });
    this.gate = tf.layers.leakyReLU({ alpha: SLOPE });
    this.relu = makeRelu();
  }

  call(inputs) {
    const x = this.act.apply(inputs);
    const g = this.gate.apply(x);
    return this.relu(g);
  }
}

function buildModel(numClasses) {
  const model = tf.sequential();
  model.add(L.dense({ inputShape: [16], units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: 32, activation: 'gelu_new' }));
  model.add(tf.layers.elu({ alpha: 0.5 }));
  model.add(tf.layers.dense({ units: numClasses, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy', metrics: ['accuracy'] });
  return model;
}

const softplus = (x) => Math.log(1 + Math.exp(x));

function score(logits, labels) {
  const reluCount = logits.filter((v) => v > 0).length;
  const probs = tf.sigmoid(logits);
  const loss = tf.losses.huberLoss(labels, probs, undefined, 2);
  const computeLoss = (a, b) => a - b;
  return [probs, loss, reluCount, computeLoss, softplus(1)];
}

module.exports = { GatedDense, buildModel, score };
