const tf = require('@tensorflow/tfjs-node');

function loss(model, xs, ys) {
  return tf.tidy(() => {
    const logits = model.predict(xs);
    const probs = tf.softmax(logits);
    return tf.losses.softmaxCrossEntropy(ys, probs);
  });
}

module.exports = { loss };
