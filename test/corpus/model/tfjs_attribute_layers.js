// A TF.js model class whose activations live on `this` and are applied later.
import * as tf from '@tensorflow/tfjs';

class GatedHead {
  constructor() {
    this.act = tf.layers.reLU();
    this.gate = tf.layers.leakyReLU({ alpha: 0.15 });
    this.relu = makeCustomLayer();
  }

  call(x) {
    const h = this.act.apply(x);
    const g = this.gate.apply(h);
    return this.relu.apply(g);
  }
}

const reluOut = 3;
export { GatedHead, reluOut };
