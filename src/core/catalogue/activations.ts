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
    params: [],
    latex: '\\operatorname{ReLU}(x) = \\max(x, 0)',
    derivativeLatex: '\\operatorname{ReLU}\'(x) = \\begin{cases} 1 & x > 0 \\\\ 0 & x \\le 0 \\end{cases}',
    plotRange: [-4, 4],
    def: reluDef,
  },
  {
    id: 'leaky_relu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Leaky ReLU',
    params: [alphaParam(0.01, 0, 1000, [0, 1], 'Slope for negative inputs (PyTorch 0.01; Keras layers default to 0.3).')],
    latex: '\\operatorname{LeakyReLU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha x & x \\le 0 \\end{cases}',
    derivativeLatex: '\\operatorname{LeakyReLU}\'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha & x \\le 0 \\end{cases}',
    plotRange: [-4, 4],
    def: leakyReluDef,
  },
  {
    id: 'prelu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'PReLU',
    params: [alphaParam(0.25, -1000, 1000, [-0.5, 1], 'Slope for negative inputs; learned during training, here fixed for plotting.')],
    latex: '\\operatorname{PReLU}(x) = \\begin{cases} x & x > 0 \\\\ a x & x \\le 0 \\end{cases}',
    derivativeLatex: '\\frac{\\partial}{\\partial x}\\operatorname{PReLU}(x) = \\begin{cases} 1 & x > 0 \\\\ a & x \\le 0 \\end{cases}',
    plotRange: [-4, 4],
    def: leakyReluDef,
  },
  {
    id: 'relu6',
    kind: 'activation',
    shape: 'elementwise',
    title: 'ReLU6',
    params: [],
    latex: '\\operatorname{ReLU6}(x) = \\min(\\max(x, 0), 6)',
    derivativeLatex: '\\operatorname{ReLU6}\'(x) = \\begin{cases} 1 & 0 < x < 6 \\\\ 0 & \\text{otherwise} \\end{cases}',
    plotRange: [-3, 9],
    def: relu6Def,
  },
  {
    id: 'sigmoid',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Sigmoid',
    params: [],
    latex: '\\sigma(x) = \\frac{1}{1 + e^{-x}}',
    derivativeLatex: '\\sigma\'(x) = \\sigma(x)\\,(1 - \\sigma(x)) = \\sigma(x)\\,\\sigma(-x)',
    plotRange: [-8, 8],
    def: sigmoidDef,
  },
  {
    id: 'log_sigmoid',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Log-sigmoid',
    params: [],
    latex: '\\log\\sigma(x) = -\\log(1 + e^{-x})',
    derivativeLatex: '\\frac{d}{dx}\\log\\sigma(x) = 1 - \\sigma(x) = \\sigma(-x)',
    plotRange: [-8, 4],
    def: logSigmoidDef,
  },
  {
    id: 'silu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'SiLU (Swish)',
    params: [],
    latex: '\\operatorname{SiLU}(x) = x\\,\\sigma(x) = \\frac{x}{1 + e^{-x}}',
    derivativeLatex: '\\operatorname{SiLU}\'(x) = \\sigma(x)\\,\\bigl(1 + x\\,(1 - \\sigma(x))\\bigr)',
    plotRange: [-6, 4],
    def: siluDef,
  },
  {
    id: 'hard_sigmoid',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Hard sigmoid',
    params: [],
    latex:
      '\\operatorname{HardSigmoid}(x) = \\frac{\\operatorname{ReLU6}(x + 3)}{6} = \\begin{cases} 0 & x \\le -3 \\\\ \\frac{x + 3}{6} & -3 < x < 3 \\\\ 1 & x \\ge 3 \\end{cases}',
    derivativeLatex: '\\operatorname{HardSigmoid}\'(x) = \\begin{cases} \\frac{1}{6} & -3 < x < 3 \\\\ 0 & \\text{otherwise} \\end{cases}',
    plotRange: [-5, 5],
    def: hardSigmoidDef,
  },
  {
    id: 'hard_sigmoid_linear',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Hard sigmoid (0.2x + 0.5: Keras 2, TF.js)',
    params: [],
    latex:
      '\\operatorname{HardSigmoid}_{0.2}(x) = \\operatorname{clip}(0.2x + 0.5,\\, 0,\\, 1) = \\begin{cases} 0 & x \\le -2.5 \\\\ 0.2x + 0.5 & -2.5 < x < 2.5 \\\\ 1 & x \\ge 2.5 \\end{cases}',
    derivativeLatex: '\\operatorname{HardSigmoid}_{0.2}\'(x) = \\begin{cases} 0.2 & -2.5 \\le x \\le 2.5 \\\\ 0 & \\text{otherwise} \\end{cases}',
    plotRange: [-4, 4],
    def: hardSigmoidLinearDef,
  },
  {
    id: 'hard_swish',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Hard swish',
    params: [],
    latex:
      '\\operatorname{HardSwish}(x) = x\\,\\frac{\\operatorname{ReLU6}(x + 3)}{6} = \\begin{cases} 0 & x \\le -3 \\\\ \\frac{x(x + 3)}{6} & -3 < x < 3 \\\\ x & x \\ge 3 \\end{cases}',
    derivativeLatex:
      '\\operatorname{HardSwish}\'(x) = \\begin{cases} 0 & x < -3 \\\\ \\frac{2x + 3}{6} & -3 \\le x \\le 3 \\\\ 1 & x > 3 \\end{cases}',
    plotRange: [-5, 5],
    def: hardSwishDef,
  },
  {
    id: 'tanh',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Tanh',
    params: [],
    latex: '\\tanh(x) = \\frac{e^{x} - e^{-x}}{e^{x} + e^{-x}} = 2\\sigma(2x) - 1',
    derivativeLatex: '\\tanh\'(x) = 1 - \\tanh^2(x) = \\operatorname{sech}^2(x)',
    plotRange: [-4, 4],
    def: tanhDef,
  },
  {
    id: 'softmax',
    kind: 'activation',
    shape: 'vector',
    title: 'Softmax',
    params: [],
    latex: '\\operatorname{softmax}(x)_i = \\frac{e^{x_i}}{\\sum_j e^{x_j}}',
    derivativeLatex: '\\frac{\\partial s_i}{\\partial x_j} = s_i\\,(\\delta_{ij} - s_j), \\quad s = \\operatorname{softmax}(x)',
    plotRange: [-6, 6],
    def: softmaxDef,
  },
  {
    id: 'log_softmax',
    kind: 'activation',
    shape: 'vector',
    title: 'Log-softmax',
    params: [],
    latex: '\\operatorname{log\\_softmax}(x)_i = x_i - \\log \\sum_j e^{x_j}',
    derivativeLatex: '\\frac{\\partial \\operatorname{log\\_softmax}(x)_i}{\\partial x_j} = \\delta_{ij} - \\operatorname{softmax}(x)_j',
    plotRange: [-6, 6],
    def: logSoftmaxDef,
  },
  {
    id: 'elu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'ELU',
    params: [alphaParam(1, 0, 1000, [0, 3], 'Value the negative side saturates to (−α); also the slope at 0⁻.')],
    latex: '\\operatorname{ELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}',
    derivativeLatex: '\\operatorname{ELU}\'(x) = \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}',
    plotRange: [-4, 4],
    def: eluDef,
  },
  {
    id: 'selu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'SELU',
    params: [],
    latex:
      '\\operatorname{SELU}(x) = \\lambda \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x} - 1) & x \\le 0 \\end{cases}, \\quad \\alpha \\approx 1.6733,\\ \\lambda \\approx 1.0507',
    derivativeLatex: '\\operatorname{SELU}\'(x) = \\lambda \\begin{cases} 1 & x > 0 \\\\ \\alpha\\,e^{x} & x \\le 0 \\end{cases}',
    plotRange: [-4, 4],
    def: seluDef,
  },
  {
    id: 'celu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'CELU',
    params: [alphaParam(1, 0, 1000, [0.1, 3], 'Scale of the negative side: saturation value −α and decay length α.', true)],
    latex: '\\operatorname{CELU}(x) = \\begin{cases} x & x > 0 \\\\ \\alpha\\,(e^{x/\\alpha} - 1) & x \\le 0 \\end{cases}',
    derivativeLatex: '\\operatorname{CELU}\'(x) = \\begin{cases} 1 & x > 0 \\\\ e^{x/\\alpha} & x \\le 0 \\end{cases}',
    plotRange: [-4, 4],
    def: celuDef,
  },
  {
    id: 'gelu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'GELU',
    params: [],
    latex: '\\operatorname{GELU}(x) = x\\,\\Phi(x) = \\frac{x}{2}\\left(1 + \\operatorname{erf}\\!\\left(\\frac{x}{\\sqrt{2}}\\right)\\right)',
    derivativeLatex: '\\operatorname{GELU}\'(x) = \\Phi(x) + x\\,\\varphi(x), \\quad \\varphi(x) = \\frac{e^{-x^2/2}}{\\sqrt{2\\pi}}',
    plotRange: [-4, 4],
    def: geluDef,
  },
  {
    id: 'gelu_tanh',
    kind: 'activation',
    shape: 'elementwise',
    title: 'GELU (tanh approximation)',
    params: [],
    latex:
      '\\operatorname{GELU}_{\\tanh}(x) = \\frac{x}{2}\\left(1 + \\tanh\\!\\left(\\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)\\right)\\right)',
    derivativeLatex:
      '\\operatorname{GELU}_{\\tanh}\'(x) = \\frac{1 + \\tanh u}{2} + \\frac{x}{2}\\,\\operatorname{sech}^2(u)\\,\\sqrt{2/\\pi}\\,(1 + 3 \\cdot 0.044715\\,x^2), \\quad u = \\sqrt{2/\\pi}\\,(x + 0.044715\\,x^3)',
    plotRange: [-4, 4],
    def: geluTanhDef,
  },
  {
    id: 'softplus',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Softplus',
    params: [],
    latex: '\\operatorname{softplus}(x) = \\log(1 + e^{x})',
    derivativeLatex: '\\operatorname{softplus}\'(x) = \\sigma(x) = \\frac{1}{1 + e^{-x}}',
    plotRange: [-6, 6],
    def: softplusDef,
  },
  {
    id: 'mish',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Mish',
    params: [],
    latex: '\\operatorname{Mish}(x) = x\\,\\tanh(\\operatorname{softplus}(x)) = x\\,\\tanh(\\log(1 + e^{x}))',
    derivativeLatex:
      '\\operatorname{Mish}\'(x) = \\tanh(\\operatorname{sp}(x)) + x\\,\\operatorname{sech}^2(\\operatorname{sp}(x))\\,\\sigma(x), \\quad \\operatorname{sp} = \\operatorname{softplus}',
    plotRange: [-6, 4],
    def: mishDef,
  },
  {
    id: 'softsign',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Softsign',
    params: [],
    latex: '\\operatorname{softsign}(x) = \\frac{x}{1 + |x|}',
    derivativeLatex: '\\operatorname{softsign}\'(x) = \\frac{1}{(1 + |x|)^2}',
    plotRange: [-8, 8],
    def: softsignDef,
  },
];
