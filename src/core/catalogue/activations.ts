/**
 * The math and prose of every activation: formula, derivative, range, properties, typical uses and
 * pairing advice, with the scalar code from src/core/activations wired into `def`. Framework names
 * live in frameworks.ts.
 */
import { celu, celuDerivative, elu, eluDerivative, selu, seluDerivative } from '../activations/elu';
import { gelu, geluDerivative, geluTanh, geluTanhDerivative } from '../activations/gelu';
import { leakyRelu, leakyReluDerivative, relu, relu6, relu6Derivative, reluDerivative } from '../activations/relu';
import {
  hardSigmoid,
  hardSigmoidDerivative,
  hardSwish,
  hardSwishDerivative,
  logSigmoid,
  logSigmoidDerivative,
  sigmoid,
  sigmoidDerivative,
  silu,
  siluDerivative,
} from '../activations/sigmoid';
import {
  logSoftmax,
  logSoftmaxJacobian,
  logSoftmaxJacobianRowsInto,
  logSoftmaxRowsInto,
  softmax,
  softmaxJacobian,
  softmaxJacobianRowsInto,
  softmaxRowsInto,
} from '../activations/softmax';
import {
  mish,
  mishDerivative,
  softplus,
  softplusDerivative,
  softsign,
  softsignDerivative,
} from '../activations/softplus';
import { tanh, tanhDerivative } from '../activations/tanh';
import { hardSigmoidLinear, hardSigmoidLinearDerivative } from '../activations/hardSigmoidLinear';
import type { ElementwiseActivationDef, Params, ParamSpec, VectorActivationDef } from '../functionTypes';
import type { ActivationDoc } from './docTypes';

/*
 * The defs: each function with its own batch loops. Every loop is a separate function literal, so V8 sees one
 * target at its call and inlines the scalar function; a loop shared by all of them (or made by a factory)
 * calls through a megamorphic site instead, about 15–30 ns per element.
 */

const reluDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => relu(x),
  derivative: (x) => reluDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = relu(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = reluDerivative(x[i]);
  },
};

const relu6Def: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => relu6(x),
  derivative: (x) => relu6Derivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = relu6(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = relu6Derivative(x[i]);
  },
};

const sigmoidDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => sigmoid(x),
  derivative: (x) => sigmoidDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = sigmoid(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = sigmoidDerivative(x[i]);
  },
};

const logSigmoidDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => logSigmoid(x),
  derivative: (x) => logSigmoidDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = logSigmoid(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = logSigmoidDerivative(x[i]);
  },
};

const siluDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => silu(x),
  derivative: (x) => siluDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = silu(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = siluDerivative(x[i]);
  },
};

const hardSigmoidDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => hardSigmoid(x),
  derivative: (x) => hardSigmoidDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = hardSigmoid(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = hardSigmoidDerivative(x[i]);
  },
};

const hardSigmoidLinearDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => hardSigmoidLinear(x),
  derivative: (x) => hardSigmoidLinearDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = hardSigmoidLinear(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = hardSigmoidLinearDerivative(x[i]);
  },
};

const hardSwishDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => hardSwish(x),
  derivative: (x) => hardSwishDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = hardSwish(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = hardSwishDerivative(x[i]);
  },
};

const tanhDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => tanh(x),
  derivative: (x) => tanhDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = tanh(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = tanhDerivative(x[i]);
  },
};

const seluDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => selu(x),
  derivative: (x) => seluDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = selu(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = seluDerivative(x[i]);
  },
};

const geluDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => gelu(x),
  derivative: (x) => geluDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = gelu(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = geluDerivative(x[i]);
  },
};

const geluTanhDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => geluTanh(x),
  derivative: (x) => geluTanhDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = geluTanh(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = geluTanhDerivative(x[i]);
  },
};

const softplusDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => softplus(x),
  derivative: (x) => softplusDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = softplus(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = softplusDerivative(x[i]);
  },
};

const mishDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => mish(x),
  derivative: (x) => mishDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = mish(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = mishDerivative(x[i]);
  },
};

const softsignDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x) => softsign(x),
  derivative: (x) => softsignDerivative(x),
  valueInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = softsign(x[i]);
  },
  derivativeInto(x, out) {
    for (let i = 0; i < x.length; i++) out[i] = softsignDerivative(x[i]);
  },
};

const leakyReluDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x, p) => leakyRelu(x, p.alpha),
  derivative: (x, p) => leakyReluDerivative(x, p.alpha),
  valueInto(x, out, p) {
    const alpha = p.alpha;
    for (let i = 0; i < x.length; i++) out[i] = leakyRelu(x[i], alpha);
  },
  derivativeInto(x, out, p) {
    const alpha = p.alpha;
    for (let i = 0; i < x.length; i++) out[i] = leakyReluDerivative(x[i], alpha);
  },
};

const eluDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x, p) => elu(x, p.alpha),
  derivative: (x, p) => eluDerivative(x, p.alpha),
  valueInto(x, out, p) {
    const alpha = p.alpha;
    for (let i = 0; i < x.length; i++) out[i] = elu(x[i], alpha);
  },
  derivativeInto(x, out, p) {
    const alpha = p.alpha;
    for (let i = 0; i < x.length; i++) out[i] = eluDerivative(x[i], alpha);
  },
};

const celuDef: ElementwiseActivationDef = {
  shape: 'elementwise',
  value: (x, p) => celu(x, p.alpha),
  derivative: (x, p) => celuDerivative(x, p.alpha),
  valueInto(x, out, p) {
    const alpha = p.alpha;
    for (let i = 0; i < x.length; i++) out[i] = celu(x[i], alpha);
  },
  derivativeInto(x, out, p) {
    const alpha = p.alpha;
    for (let i = 0; i < x.length; i++) out[i] = celuDerivative(x[i], alpha);
  },
};

/**
 * A vector activation that can also take a batch of rows at once (x holds consecutive rows of n elements,
 * row-major): out gets each row's value (x's length), or each row's n×n Jacobian back to back (rows·n²).
 * The api uses these for evaluate/jacobian with a rowLength, instead of one call and allocation per row.
 */
export interface RowBatchVectorActivationDef extends VectorActivationDef {
  valueRowsInto(x: Float64Array, n: number, out: Float64Array, p: Params): void;
  jacobianRowsInto(x: Float64Array, n: number, out: Float64Array, p: Params): void;
}

const softmaxDef: RowBatchVectorActivationDef = {
  shape: 'vector',
  value: (x) => softmax(x),
  jacobian: (x) => softmaxJacobian(x),
  valueRowsInto: (x, n, out) => softmaxRowsInto(x, n, out),
  jacobianRowsInto: (x, n, out) => softmaxJacobianRowsInto(x, n, out),
};

const logSoftmaxDef: RowBatchVectorActivationDef = {
  shape: 'vector',
  value: (x) => logSoftmax(x),
  jacobian: (x) => logSoftmaxJacobian(x),
  valueRowsInto: (x, n, out) => logSoftmaxRowsInto(x, n, out),
  jacobianRowsInto: (x, n, out) => logSoftmaxJacobianRowsInto(x, n, out),
};

function alphaParam(def: number, min: number, max: number, slider: [number, number], meaning: string, minExclusive = false): ParamSpec {
  return { name: 'alpha', default: def, min, max, minExclusive, sliderRange: slider, meaning };
}

export const activationDocs: readonly ActivationDoc[] = [
  {
    id: 'relu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'ReLU',
    summary: 'Passes positive inputs through unchanged and replaces negative ones with zero.',
    params: [],
    latex: '\\operatorname{ReLU}(x) = \\max(x, 0)',
    derivativeLatex: '\\operatorname{ReLU}\'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}',
    range: '[0, ∞)',
    properties: [
      'Piecewise linear and cheap: one comparison per element.',
      'Gradient is exactly 1 for active units, so it does not shrink through deep stacks.',
      'Units whose input stays negative get zero gradient and can stop learning ("dying ReLU").',
      'Not differentiable at 0; the derivative there is taken as 0, as in PyTorch.',
    ],
    useCases: [
      'Default hidden-layer activation for MLPs and CNNs.',
      'Baseline when comparing newer activations.',
      'Sparse representations: roughly half the units are exactly zero.',
    ],
    pairing: ['Pair with He (Kaiming) initialisation, which is derived for ReLU’s halved variance.'],
    plotRange: [-4, 4],
    def: reluDef,
  },
  {
    id: 'leaky_relu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Leaky ReLU',
    summary: 'ReLU with a small fixed slope alpha for negative inputs instead of a flat zero.',
    params: [alphaParam(0.01, 0, 1000, [0, 1], 'Slope for negative inputs (PyTorch 0.01; Keras layers default to 0.3).')],
    latex: '\\operatorname{LeakyReLU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}',
    derivativeLatex: '\\operatorname{LeakyReLU}\'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}',
    range: '(−∞, ∞) for α > 0; [0, ∞) for α = 0',
    properties: [
      'Never fully flat for α > 0, so negative units still receive gradient.',
      'Monotonic for α ≥ 0; reduces to ReLU at α = 0 and to the identity at α = 1.',
      'At x = 0 the derivative is taken as α (PyTorch’s convention).',
      'Default slope differs between frameworks: 0.01, 0.2 or 0.3.',
    ],
    useCases: [
      'Drop-in ReLU replacement when many units die during training.',
      'GAN discriminators, commonly with α = 0.2.',
      'Sparse-gradient settings where some signal for negative inputs helps.',
    ],
    pairing: ['Check the slope when porting code: the same name has a different default per framework.'],
    plotRange: [-4, 4],
    def: leakyReluDef,
  },
  {
    id: 'prelu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'PReLU',
    summary: 'Leaky ReLU whose negative slope alpha is a learned parameter (initialised to 0.25 in PyTorch).',
    params: [alphaParam(0.25, -1000, 1000, [-0.5, 1], 'Slope for negative inputs; learned during training, here fixed for plotting.')],
    latex: '\\operatorname{PReLU}(x) = \\begin{cases} x & x > 0 \\\\ a x & x \\le 0 \\end{cases}',
    derivativeLatex: '\\frac{\\partial}{\\partial x}\\operatorname{PReLU}(x) = \\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}',
    range: '(−∞, ∞) for a > 0',
    properties: [
      'The slope is trained with the network, per layer or per channel.',
      'Monotonic only while the learned slope stays ≥ 0; nothing forces that.',
      'Derivative with respect to the input is 1 or a; at x = 0 it is a.',
      'Adds one parameter per channel (or one per layer), a negligible cost.',
    ],
    useCases: [
      'Deep CNNs for image classification, where it was introduced.',
      'Replacing a hand-tuned leaky slope with a learned one.',
      'Small models where every bit of capacity helps.',
    ],
    pairing: ['Exclude the slope from weight decay, or it is pulled toward 0 (plain ReLU).'],
    plotRange: [-4, 4],
    def: leakyReluDef,
  },
  {
    id: 'relu6',
    kind: 'activation',
    shape: 'elementwise',
    title: 'ReLU6',
    summary: 'ReLU clipped at 6, so outputs stay in [0, 6].',
    params: [],
    latex: '\\operatorname{ReLU6}(x) = \\min(\\max(x, 0), 6)',
    derivativeLatex: '\\operatorname{ReLU6}\'(x) = \\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}',
    range: '[0, 6]',
    properties: [
      'Bounded output, friendly to low-precision and fixed-point inference.',
      'Zero gradient on both flat parts, including at the kinks 0 and 6 (PyTorch’s convention).',
      'Building block of hard sigmoid and hard swish.',
    ],
    useCases: [
      'Mobile networks (MobileNet v1/v2).',
      'Models that will be quantised to 8 bits.',
      'Keeping activations in a known range for embedded targets.',
    ],
    pairing: [],
    plotRange: [-3, 9],
    def: relu6Def,
  },
  {
    id: 'sigmoid',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Sigmoid',
    summary: 'The logistic function, squashing any real number into (0, 1).',
    params: [],
    latex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
    derivativeLatex: '\\sigma\'(x) = \\sigma(x)\\,(1 - \\sigma(x)) = \\sigma(x)\\,\\sigma(-x)',
    range: '(0, 1)',
    properties: [
      'Smooth, monotonic and symmetric: σ(−x) = 1 − σ(x).',
      'Derivative peaks at 0.25 at x = 0, so gradients shrink through stacked sigmoids.',
      'Saturates for |x| beyond about 5; computed here without losing the tiny tail values.',
      'Output is not zero-centred.',
    ],
    useCases: [
      'Probability output of a binary classifier.',
      'Independent per-label probabilities in multi-label classification.',
      'Gates in LSTMs and GRUs, and attention or gating weights.',
    ],
    pairing: [
      'For a binary output, feed the logits to BCE-with-logits instead of sigmoid then BCE: it is exact in the tails and does not clamp.',
    ],
    plotRange: [-8, 8],
    def: sigmoidDef,
  },
  {
    id: 'log_sigmoid',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Log-sigmoid',
    summary: 'The logarithm of the sigmoid, log σ(x) = −softplus(−x).',
    params: [],
    latex: '\\log\\sigma(x) = -\\log(1 + e^{-x})',
    derivativeLatex: '\\frac{d}{dx}\\log\\sigma(x) = 1 - \\sigma(x) = \\sigma(-x)',
    range: '(−∞, 0)',
    properties: [
      'Monotonic increasing and concave.',
      'Behaves like x for very negative x and approaches 0 from below for large x.',
      'Computed as −softplus(−x), never as the log of a rounded sigmoid.',
    ],
    useCases: [
      'Log-likelihood of a binary event given its logit.',
      'Negative-sampling objectives (word2vec) and pairwise ranking losses.',
      'Log-space probability pipelines that must not underflow.',
    ],
    pairing: ['Use it instead of log(sigmoid(x)), which returns −∞ for x below about −745.'],
    plotRange: [-8, 4],
    def: logSigmoidDef,
  },
  {
    id: 'silu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'SiLU (Swish)',
    summary: 'The input times its own sigmoid, x·σ(x): a smooth ReLU-like curve with a small negative dip.',
    params: [],
    latex: '\\operatorname{SiLU}(x) = x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}',
    derivativeLatex: '\\operatorname{SiLU}\'(x) = \\sigma(x)\\,\\bigl(1 + x\\,(1 - \\sigma(x))\\bigr)',
    range: '[≈ −0.2785, ∞)',
    properties: [
      'Smooth everywhere; not monotonic: minimum ≈ −0.2785 at x ≈ −1.2785.',
      'Tends to x for large x and to 0 from below for very negative x.',
      'Derivative slightly exceeds 1 for x around 2.4, and crosses 0 at x ≈ −1.2785.',
      'Swish with β = 1; found by automated search, same as the sigmoid-weighted linear unit.',
    ],
    useCases: [
      'Hidden layers of EfficientNet and many modern CNNs.',
      'Feed-forward blocks of transformer variants (inside SwiGLU).',
      'Reinforcement-learning value networks, where it was proposed.',
    ],
    pairing: [],
    plotRange: [-6, 4],
    def: siluDef,
  },
  {
    id: 'hard_sigmoid',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Hard sigmoid',
    summary: 'A piecewise-linear stand-in for the sigmoid: relu6(x + 3)/6.',
    params: [],
    latex:
      '\\operatorname{HardSigmoid}(x) = \\frac{\\operatorname{ReLU6}(x + 3)}{6} = \\begin{cases} 0 & x \\le -3 \\\\ \\frac{x + 3}{6} & -3 < x < 3 \\\\ 1 & x \\ge 3 \\end{cases}',
    derivativeLatex: '\\operatorname{HardSigmoid}\'(x) = \\begin{cases} \\frac{1}{6} & -3 < x < 3 \\\\ 0 & \\text{otherwise} \\end{cases}',
    range: '[0, 1]',
    properties: [
      'No exponentials: a multiply-add and two clamps.',
      'Exactly 0 below −3 and exactly 1 above 3; derivative 0 at both kinks (PyTorch).',
      'Matches σ at x = 0 but has slope 1/6 there instead of 1/4.',
      'Keras 2 (tf.keras ≤ 2.15 and the tf_keras package) and TF.js use clip(0.2x + 0.5, 0, 1) instead (hard_sigmoid_linear); this is PyTorch’s and Keras 3’s definition.',
    ],
    useCases: [
      'Gates on mobile and quantised models.',
      'Squeeze-and-excitation blocks in MobileNetV3.',
      'Anywhere a sigmoid is too slow for the target hardware.',
    ],
    pairing: [],
    plotRange: [-5, 5],
    def: hardSigmoidDef,
  },
  {
    id: 'hard_sigmoid_linear',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Hard sigmoid (0.2x + 0.5: Keras 2, TF.js)',
    summary: 'The piecewise-linear sigmoid of Keras 2 and TF.js: clip(0.2x + 0.5, 0, 1), saturating at ±2.5.',
    params: [],
    latex:
      '\\operatorname{HardSigmoid}_{0.2}(x) = \\operatorname{clip}(0.2x + 0.5,\\, 0,\\, 1) = \\begin{cases} 0 & x \\le -2.5 \\\\ 0.2x + 0.5 & -2.5 < x < 2.5 \\\\ 1 & x \\ge 2.5 \\end{cases}',
    derivativeLatex: '\\operatorname{HardSigmoid}_{0.2}\'(x) = \\begin{cases} 0.2 & -2.5 \\le x \\le 2.5 \\\\ 0 & \\text{otherwise} \\end{cases}',
    range: '[0, 1]',
    properties: [
      'Slope 0.2 instead of 1/6, and flat beyond ±2.5 instead of ±3: not the same function as hard_sigmoid',
      'Matches σ at x = 0 (0.5) with a slope closer to σ′(0) = 0.25',
      'Derivative 0.2 at the kinks too, as TensorFlow’s and TF.js’s clip_by_value gradients pass it',
    ],
    useCases: [
      'Models written for Keras 2 (tf.keras ≤ 2.15, tf_keras) with activation="hard_sigmoid"',
      'TF.js layers with activation: "hardSigmoid"',
      'Porting a Keras 2 model to Keras 3 or PyTorch: their hard sigmoid differs from this one',
    ],
    pairing: ['When porting to Keras 3 or PyTorch, expect different outputs for |x| > 0.5: their hard sigmoid is relu6(x + 3)/6'],
    plotRange: [-4, 4],
    def: hardSigmoidLinearDef,
  },
  {
    id: 'hard_swish',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Hard swish',
    summary: 'A piecewise approximation of SiLU: x·relu6(x + 3)/6.',
    params: [],
    latex:
      '\\operatorname{HardSwish}(x) = x\\,\\frac{\\operatorname{ReLU6}(x + 3)}{6} = \\begin{cases} 0 & x \\le -3 \\\\ \\frac{x(x + 3)}{6} & -3 < x < 3 \\\\ x & x \\ge 3 \\end{cases}',
    derivativeLatex:
      '\\operatorname{HardSwish}\'(x) = \\begin{cases} 0 & x < -3 \\\\ \\frac{2x + 3}{6} & -3 \\le x \\le 3 \\\\ 1 & x > 3 \\end{cases}',
    range: '[−0.375, ∞)',
    properties: [
      'Quadratic between −3 and 3, linear above, zero below.',
      'Not monotonic: minimum −0.375 at x = −1.5.',
      'Derivative jumps at ±3; this takes the middle piece there (−0.5 at −3, 1.5 at 3), as PyTorch up to 2.6 does — since pytorch PR #148049 (2025) PyTorch gives 0 at −3 and 1 at 3.',
    ],
    useCases: [
      'MobileNetV3 hidden layers.',
      'Replacing SiLU on hardware without fast exponentials.',
      'Quantisation-friendly networks.',
    ],
    pairing: [],
    plotRange: [-5, 5],
    def: hardSwishDef,
  },
  {
    id: 'tanh',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Tanh',
    summary: 'The hyperbolic tangent, squashing any real number into (−1, 1) around zero.',
    params: [],
    latex: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\\sigma(2x) - 1',
    derivativeLatex: '\\tanh\'(x) = 1 - \\tanh^2(x) = \\operatorname{sech}^2(x)',
    range: '(−1, 1)',
    properties: [
      'Odd, smooth and monotonic; zero-centred output.',
      'Derivative is 1 at the origin and decays like 4e^(−2|x|).',
      'A rescaled sigmoid: tanh(x) = 2σ(2x) − 1.',
      'Saturates for |x| beyond about 3, which slows learning in deep stacks.',
    ],
    useCases: [
      'Hidden state of RNNs, LSTMs and GRUs.',
      'Outputs that must lie in (−1, 1), such as normalised images in GAN generators.',
      'Bounded continuous actions in reinforcement learning.',
    ],
    pairing: ['Pair with Xavier (Glorot) initialisation, derived for symmetric saturating units.'],
    plotRange: [-4, 4],
    def: tanhDef,
  },
  {
    id: 'softmax',
    kind: 'activation',
    shape: 'vector',
    title: 'Softmax',
    summary: 'Turns a vector of scores into a probability distribution proportional to their exponentials.',
    params: [],
    latex: '\\operatorname{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}',
    derivativeLatex: '\\frac{\\partial s_i}{\\partial x_j} = s_i\\,(\\delta_{ij} - s_j), \\quad s = \\operatorname{softmax}(x)',
    range: '(0, 1) per element, summing to 1',
    properties: [
      'Outputs are positive and sum to 1.',
      'Unchanged by adding the same constant to every input (computed by subtracting the max).',
      'Couples the whole vector: the Jacobian is dense, not diagonal.',
      'Approaches a one-hot argmax as the score gaps grow.',
    ],
    useCases: [
      'Class probabilities of a multi-class classifier at inference.',
      'Attention weights in transformers.',
      'Policies over discrete actions in reinforcement learning.',
    ],
    pairing: [
      'Feed logits to cross-entropy on logits (PyTorch CrossEntropyLoss, Keras from_logits=True); do not apply softmax first.',
    ],
    plotRange: [-6, 6],
    def: softmaxDef,
  },
  {
    id: 'log_softmax',
    kind: 'activation',
    shape: 'vector',
    title: 'Log-softmax',
    summary: 'The logarithm of softmax, x_i − log Σ_j e^(x_j), computed without forming the probabilities.',
    params: [],
    latex: '\\operatorname{log\\_softmax}(x)_i = x_i - \\log \\sum_j e^{x_j}',
    derivativeLatex: '\\frac{\\partial \\operatorname{log\\_softmax}(x)_i}{\\partial x_j} = \\delta_{ij} - \\operatorname{softmax}(x)_j',
    range: '(−∞, 0] per element',
    properties: [
      'Each output is ≤ 0 and their exponentials sum to 1.',
      'Shift-invariant like softmax; stays finite where softmax underflows to 0.',
      'The Jacobian has rows that each sum to 0.',
    ],
    useCases: [
      'Input to negative-log-likelihood loss (PyTorch NLLLoss).',
      'Log-probabilities for sequence scoring and beam search.',
      'Knowledge distillation with KL divergence on log-probabilities.',
    ],
    pairing: [
      'log_softmax followed by NLLLoss equals cross-entropy on logits; use one of the two, not softmax then log.',
    ],
    plotRange: [-6, 6],
    def: logSoftmaxDef,
  },
  {
    id: 'elu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'ELU',
    summary: 'Identity for positive inputs and a saturating exponential α(e^x − 1) for negative ones.',
    params: [alphaParam(1, 0, 1000, [0, 3], 'Value the negative side saturates to (−α); also the slope at 0⁻.')],
    latex: '\\operatorname{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}',
    derivativeLatex: '\\operatorname{ELU}\'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}',
    range: '(−α, ∞)',
    properties: [
      'Negative outputs push mean activations toward zero.',
      'Smooth at 0 only for α = 1; the derivative at 0 is taken as α (PyTorch).',
      'Monotonic for α ≥ 0; saturates to −α for very negative inputs.',
      'Exact near 0 thanks to expm1: ELU(−1e−20) = −1e−20.',
    ],
    useCases: [
      'Hidden layers of deep fully connected networks.',
      'CNNs where faster convergence than ReLU is wanted.',
      'Normalising flows and other models that need a smooth invertible-ish unit.',
    ],
    pairing: [],
    plotRange: [-4, 4],
    def: eluDef,
  },
  {
    id: 'selu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'SELU',
    summary: 'A scaled ELU whose fixed constants make activations self-normalise to zero mean and unit variance.',
    params: [],
    latex:
      '\\operatorname{SELU}(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}, \\quad \\alpha \\approx 1.6733,\\ \\lambda \\approx 1.0507',
    derivativeLatex: '\\operatorname{SELU}\'(x) = \\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}',
    range: '(−λα, ∞) ≈ (−1.7581, ∞)',
    properties: [
      'α = 1.6732632423543772848170429916717 and λ = 1.0507009873554804934193349852946 in every framework.',
      'Slope λ > 1 on the positive side; saturates to −λα on the negative side.',
      'Self-normalising only with the matching initialisation and dropout variant.',
      'Derivative jumps at 0 (λ on the right, λα on the left; λα at 0 itself).',
    ],
    useCases: [
      'Deep fully connected networks without batch normalisation.',
      'Tabular-data MLPs.',
      'Experiments on self-normalising networks.',
    ],
    pairing: ['Use LeCun-normal initialisation and AlphaDropout; ordinary dropout breaks the self-normalisation.'],
    plotRange: [-4, 4],
    def: seluDef,
  },
  {
    id: 'celu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'CELU',
    summary: 'A continuously differentiable ELU: α(e^(x/α) − 1) for negative inputs.',
    params: [alphaParam(1, 0, 1000, [0.1, 3], 'Scale of the negative side: saturation value −α and decay length α.', true)],
    latex: '\\operatorname{CELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x/\\alpha} - 1) & x \\le 0 \\end{cases}',
    derivativeLatex: '\\operatorname{CELU}\'(x) = \\begin{cases} 1 & x > 0 \\\\ e^{x/\\alpha} & x \\le 0 \\end{cases}',
    range: '(−α, ∞)',
    properties: [
      'Derivative is continuous at 0 for every α > 0 (both sides give 1).',
      'Equals ELU when α = 1.',
      'Monotonic; saturates to −α.',
    ],
    useCases: [
      'ELU replacement when α ≠ 1 is wanted without a derivative jump.',
      'Smooth hidden layers for second-order or curvature-sensitive methods.',
      'Scale-consistent networks: CELU is homogeneous in (x, α).',
    ],
    pairing: [],
    plotRange: [-4, 4],
    def: celuDef,
  },
  {
    id: 'gelu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'GELU',
    summary: 'Weights each input by the standard normal CDF of itself, x·Φ(x) (exact erf form).',
    params: [],
    latex: '\\operatorname{GELU}(x) = x\\,\\Phi(x) = \\frac{x}{2}\\left(1 + \\operatorname{erf}\\!\\left(\\frac{x}{\\sqrt{2}}\\right)\\right)',
    derivativeLatex: '\\operatorname{GELU}\'(x) = \\Phi(x) + x\\,\\varphi(x), \\quad \\varphi(x) = \\frac{e^{-x^2/2}}{\\sqrt{2\\pi}}',
    range: '[≈ −0.17, ∞)',
    properties: [
      'Smooth and not monotonic: minimum ≈ −0.17 at x ≈ −0.7518, where the derivative crosses 0.',
      'Tends to x for large x and to 0 from below, very fast, for negative x.',
      'Exact in the left tail here: GELU(−8.95) = −1.5908e−18, not 0.',
      'Differs from the tanh approximation by at most about 5e−4.',
    ],
    useCases: [
      'Feed-forward blocks of BERT, GPT-2 and ViT.',
      'Most transformer encoders and decoders.',
      'Replacing ReLU where a smooth gate helps optimisation.',
    ],
    pairing: ['Check which form a checkpoint was trained with; PyTorch defaults to erf, jax.nn.gelu to the tanh form.'],
    plotRange: [-4, 4],
    def: geluDef,
  },
  {
    id: 'gelu_tanh',
    kind: 'activation',
    shape: 'elementwise',
    title: 'GELU (tanh approximation)',
    summary: 'The tanh-based approximation of GELU used by the original BERT and GPT-2 code.',
    params: [],
    latex:
      '\\operatorname{GELU}_{\\tanh}(x) = \\frac{x}{2}\\left(1 + \\tanh\\!\\left(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)\\right)\\right)',
    derivativeLatex:
      '\\operatorname{GELU}_{\\tanh}\'(x) = \\frac{1 + \\tanh u}{2} + \\frac{x}{2}\\,\\operatorname{sech}^2(u)\\,\\sqrt{2/\\pi}\\,(1 + 3 \\cdot 0.044715\\,x^2), \\quad u = \\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)',
    range: '[≈ −0.17, ∞)',
    properties: [
      'Within about 5e−4 of the erf form everywhere.',
      'Equals x·σ(2u), so it never needs erf and never cancels.',
      'Derivative crosses 0 at x ≈ −0.7525.',
      'Its left tail decays like e^(−0.071|x|³), faster than the exact form.',
      'The cubic coefficient is the double nearest 0.044715, as in PyTorch (aten/src/ATen/native/cpu/Activation.cpp) and JAX (jax/_src/nn/functions.py); the exact decimal would differ by ~100 ulps at x = −18.',
    ],
    useCases: [
      'Reproducing GPT-2 and original BERT numerics exactly.',
      'JAX/Flax models (jax.nn.gelu defaults to it).',
      'Hardware without a fast erf.',
    ],
    pairing: ['In PyTorch select it with approximate="tanh"; mixing the two forms between training and inference shifts outputs slightly.'],
    plotRange: [-4, 4],
    def: geluTanhDef,
  },
  {
    id: 'softplus',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Softplus',
    summary: 'A smooth approximation of ReLU, log(1 + e^x), whose derivative is the sigmoid.',
    params: [],
    latex: '\\operatorname{softplus}(x) = \\log(1 + e^{x})',
    derivativeLatex: '\\operatorname{softplus}\'(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}',
    range: '(0, ∞)',
    properties: [
      'Smooth, strictly positive, convex and monotonic.',
      'Tends to x for large x and to e^x for very negative x.',
      'Computed as max(x, 0) + log1p(e^(−|x|)): softplus(800) = 800, no overflow.',
      'PyTorch’s beta and threshold options are not modelled (threshold switches to x above 20).',
    ],
    useCases: [
      'Making a network output strictly positive (variances, rates, scales).',
      'Smooth ReLU substitute in theory and in second-order methods.',
      'Building block of Mish and of log-sigmoid.',
    ],
    pairing: ['For a positive scale parameter, softplus is gentler than exp, which can overflow.'],
    plotRange: [-6, 6],
    def: softplusDef,
  },
  {
    id: 'mish',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Mish',
    summary: 'A self-gated smooth activation, x·tanh(softplus(x)).',
    params: [],
    latex: '\\operatorname{Mish}(x) = x\\,\\tanh(\\operatorname{softplus}(x)) = x\\,\\tanh(\\log(1 + e^{x}))',
    derivativeLatex:
      '\\operatorname{Mish}\'(x) = \\tanh(\\operatorname{sp}(x)) + x\\,\\operatorname{sech}^2(\\operatorname{sp}(x))\\,\\sigma(x), \\quad \\operatorname{sp} = \\operatorname{softplus}',
    range: '[≈ −0.3088, ∞)',
    properties: [
      'Smooth and not monotonic: minimum ≈ −0.3088 at x ≈ −1.1924.',
      'Close to SiLU in shape, with a slightly deeper negative dip.',
      'Tends to x for large x and to x·e^x for very negative x.',
    ],
    useCases: [
      'YOLOv4 and other detection backbones.',
      'CNN image classifiers as a SiLU alternative.',
      'Experiments with smooth self-gated units.',
    ],
    pairing: [],
    plotRange: [-6, 4],
    def: mishDef,
  },
  {
    id: 'softsign',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Softsign',
    summary: 'A rational squashing function x/(1 + |x|), like tanh but with polynomial tails.',
    params: [],
    latex: '\\operatorname{softsign}(x) = \\frac{x}{1 + |x|}',
    derivativeLatex: '\\operatorname{softsign}\'(x) = \\frac{1}{(1 + |x|)^2}',
    range: '(−1, 1)',
    properties: [
      'Odd, monotonic and zero-centred.',
      'Approaches ±1 like 1/x rather than exponentially, so it saturates more gently than tanh.',
      'No exponentials: one absolute value, one add, one divide.',
    ],
    useCases: [
      'Cheap tanh substitute in hidden layers.',
      'Bounded outputs where gradients must not vanish as quickly as with tanh.',
      'Sequence models on constrained hardware.',
    ],
    pairing: [],
    plotRange: [-8, 8],
    def: softsignDef,
  },
];
