/**
 * The loss half of the catalogue: for each id, its documentation (formula, gradient, range, advice)
 * joined with the scalar code of src/core/losses/*. Framework names live in frameworks.ts.
 */
import { bce, bceGradient, bceWithLogits, bceWithLogitsGradient, checkUnitInterval } from '../losses/bce';
import { cce, cceGradient, cceWithLogits, cceWithLogitsGradient, klDiv, klDivGradient } from '../losses/categorical';
import { focal, focalGradient } from '../losses/focal';
import { checkSignLabel, hinge, hingeGradient, squaredHinge, squaredHingeGradient } from '../losses/hinge';
import { huber, huberGradient, smoothL1, smoothL1Gradient } from '../losses/huber';
import { checkLogProbability, klDivLogTarget, klDivLogTargetGradient, nll, nllGradient } from '../losses/logProbability';
import { logCosh, logCoshGradient, mae, maeGradient, mse, mseGradient } from '../losses/regression';
import type { ParamSpec, ValueDomain } from '../functionTypes';
import type { LossDoc } from './docTypes';

const probabilityLabel = checkUnitInterval('a label');
const probabilityPrediction = checkUnitInterval('a probability');
/** The same checks as data (ValueDomain), for the api's batch scan; they must stay in step with the functions above. */
const UNIT_INTERVAL: ValueDomain = { kind: 'interval', min: 0, max: 1 };
const SIGN_LABELS: ValueDomain = { kind: 'set', values: [-1, 1] };
const logProbabilityLabel = checkLogProbability('a log-probability target');
const logProbabilityPrediction = checkLogProbability('a log-probability');
/** log-probabilities: (−∞, 0]. */
const LOG_PROBABILITY: ValueDomain = { kind: 'interval', min: -Infinity, max: 0 };

const deltaParam: ParamSpec = {
  name: 'delta',
  default: 1,
  min: 0,
  minExclusive: true,
  max: Number.MAX_VALUE,
  sliderRange: [0.1, 5],
  meaning: 'Half-width of the quadratic band: residuals beyond it are penalised linearly.',
};

const betaParam: ParamSpec = {
  name: 'beta',
  default: 1,
  min: 0,
  minExclusive: true,
  max: Number.MAX_VALUE,
  sliderRange: [0.1, 5],
  meaning: 'Where the quadratic part hands over to |r| − β/2; smaller β is closer to L1.',
};

/**
 * Focal α: the positive class's weight, or with α < 0 no weighting at all (torchvision
 * torchvision/ops/focal_loss.py: `if alpha >= 0:`). Every negative value means the same, so there is no
 * lower bound; the slider reaches −1, torchvision's spelling.
 */
const alphaParam: ParamSpec = {
  name: 'alpha',
  default: 0.25,
  min: -Infinity,
  max: 1,
  sliderRange: [-1, 1],
  offBelow: 0,
  meaning: 'Weight of the positive class (the negative class gets 1 − α); α < 0 (−1) switches the weighting off.',
};

/**
 * label_smoothing s (Keras BinaryCrossentropy / CategoricalCrossentropy, PyTorch CrossEntropyLoss, TF.js
 * sigmoidCrossEntropy / softmaxCrossEntropy): the targets are mixed with the uniform distribution before the
 * loss, y(1 − s) + s/K — K = 2 for the binary losses (toward ½), the number of classes for softmax ones.
 * keras-team/keras keras/src/losses/losses.py binary_crossentropy: `y_true * (1.0 - label_smoothing) + 0.5 * label_smoothing`;
 * categorical_crossentropy: `+ label_smoothing / num_classes`; pytorch/pytorch torch/nn/functional.py cross_entropy.
 */
const labelSmoothingParam = (toward: string): ParamSpec => ({
  name: 'label_smoothing',
  default: 0,
  min: 0,
  max: 1,
  sliderRange: [0, 0.5],
  meaning: `Label smoothing s: targets become y(1 − s) + s/K, moving them toward ${toward}.`,
});

/** The binary losses' smoothed label y(1 − s) + s/2; s = 0 leaves y untouched (bit for bit). */
function smoothBinary(y: number, s: number): number {
  return s === 0 ? y : y * (1 - s) + 0.5 * s;
}

/** A softmax loss's smoothed targets y(1 − s) + s/K over the K classes of the vector; s = 0 returns y itself. */
function smoothCategorical(y: Float64Array, s: number): Float64Array {
  if (s === 0) return y;
  const out = new Float64Array(y.length);
  for (let i = 0; i < y.length; i++) out[i] = y[i] * (1 - s) + s / y.length;
  return out;
}

const gammaParam: ParamSpec = {
  name: 'gamma',
  default: 2,
  min: 0,
  max: Number.MAX_VALUE,
  sliderRange: [0, 5],
  meaning: 'Focusing exponent: larger γ shrinks the loss of well-classified examples faster.',
};

export const lossDocs: readonly LossDoc[] = [
  {
    id: 'mse',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Mean squared error',
    params: [],
    latex: '\\ell(y, \\hat{y}) = (\\hat{y} - y)^2',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = 2(\\hat{y} - y)',
    prediction: 'real',
    plotLabels: [0],
    plotRange: [-3, 3],
    def: {
      shape: 'elementwise',
      value: (y, yHat) => mse(y, yHat),
      gradient: (y, yHat) => mseGradient(y, yHat),
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = mse(y[i], yHat[i]);
      },
      gradientInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = mseGradient(y[i], yHat[i]);
      },
    },
  },
  {
    id: 'mae',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Mean absolute error (L1)',
    params: [],
    latex: '\\ell(y, \\hat{y}) = |\\hat{y} - y|',
    derivativeLatex:
      '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\operatorname{sign}(\\hat{y} - y) \\quad (0 \\text{ at } \\hat{y} = y)',
    prediction: 'real',
    plotLabels: [0],
    plotRange: [-3, 3],
    def: {
      shape: 'elementwise',
      value: (y, yHat) => mae(y, yHat),
      gradient: (y, yHat) => maeGradient(y, yHat),
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = mae(y[i], yHat[i]);
      },
      gradientInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = maeGradient(y[i], yHat[i]);
      },
    },
  },
  {
    id: 'log_cosh',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Log-cosh',
    params: [],
    latex: '\\ell(y, \\hat{y}) = \\log\\cosh(\\hat{y} - y)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\tanh(\\hat{y} - y)',
    prediction: 'real',
    plotLabels: [0],
    plotRange: [-4, 4],
    def: {
      shape: 'elementwise',
      value: (y, yHat) => logCosh(y, yHat),
      gradient: (y, yHat) => logCoshGradient(y, yHat),
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = logCosh(y[i], yHat[i]);
      },
      gradientInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = logCoshGradient(y[i], yHat[i]);
      },
    },
  },
  {
    id: 'huber',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Huber loss',
    params: [deltaParam],
    latex:
      '\\ell_\\delta(y, \\hat{y}) = \\begin{cases} \\tfrac{1}{2}(\\hat{y} - y)^2 & |\\hat{y} - y| \\le \\delta \\\\ ' +
      '\\delta\\left(|\\hat{y} - y| - \\tfrac{1}{2}\\delta\\right) & \\text{otherwise} \\end{cases}',
    derivativeLatex:
      '\\frac{\\partial \\ell_\\delta}{\\partial \\hat{y}} = \\begin{cases} \\hat{y} - y & |\\hat{y} - y| \\le \\delta \\\\ ' +
      '\\delta \\operatorname{sign}(\\hat{y} - y) & \\text{otherwise} \\end{cases}',
    prediction: 'real',
    plotLabels: [0],
    plotRange: [-3, 3],
    def: {
      shape: 'elementwise',
      value: (y, yHat, p) => huber(y, yHat, p.delta),
      gradient: (y, yHat, p) => huberGradient(y, yHat, p.delta),
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, p) => {
        const delta = p.delta;
        for (let i = 0; i < out.length; i++) out[i] = huber(y[i], yHat[i], delta);
      },
      gradientInto: (y, yHat, out, p) => {
        const delta = p.delta;
        for (let i = 0; i < out.length; i++) out[i] = huberGradient(y[i], yHat[i], delta);
      },
    },
  },
  {
    id: 'smooth_l1',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Smooth L1',
    params: [betaParam],
    latex:
      '\\ell_\\beta(y, \\hat{y}) = \\begin{cases} \\dfrac{(\\hat{y} - y)^2}{2\\beta} & |\\hat{y} - y| < \\beta \\\\ ' +
      '|\\hat{y} - y| - \\tfrac{1}{2}\\beta & \\text{otherwise} \\end{cases}',
    derivativeLatex:
      '\\frac{\\partial \\ell_\\beta}{\\partial \\hat{y}} = \\begin{cases} \\dfrac{\\hat{y} - y}{\\beta} & |\\hat{y} - y| < \\beta \\\\ ' +
      '\\operatorname{sign}(\\hat{y} - y) & \\text{otherwise} \\end{cases}',
    prediction: 'real',
    plotLabels: [0],
    plotRange: [-3, 3],
    def: {
      shape: 'elementwise',
      value: (y, yHat, p) => smoothL1(y, yHat, p.beta),
      gradient: (y, yHat, p) => smoothL1Gradient(y, yHat, p.beta),
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, p) => {
        const beta = p.beta;
        for (let i = 0; i < out.length; i++) out[i] = smoothL1(y[i], yHat[i], beta);
      },
      gradientInto: (y, yHat, out, p) => {
        const beta = p.beta;
        for (let i = 0; i < out.length; i++) out[i] = smoothL1Gradient(y[i], yHat[i], beta);
      },
    },
  },
  {
    id: 'bce',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Binary cross-entropy',
    params: [labelSmoothingParam('½')],
    latex: '\\ell(y, \\hat{y}) = -\\left[\\, y \\log \\hat{y} + (1 - y) \\log(1 - \\hat{y}) \\,\\right]',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\frac{\\hat{y} - y}{\\hat{y}\\,(1 - \\hat{y})}',
    prediction: 'probability',
    plotLabels: [0, 1],
    plotRange: [0, 1],
    def: {
      shape: 'elementwise',
      value: (y, yHat, p) => bce(smoothBinary(y, p.label_smoothing ?? 0), yHat),
      gradient: (y, yHat, p) => bceGradient(smoothBinary(y, p.label_smoothing ?? 0), yHat),
      checkLabel: probabilityLabel,
      checkPrediction: probabilityPrediction,
      labelDomain: UNIT_INTERVAL,
      predictionDomain: UNIT_INTERVAL,
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, p) => {
        const s = p.label_smoothing ?? 0;
        for (let i = 0; i < out.length; i++) out[i] = bce(smoothBinary(y[i], s), yHat[i]);
      },
      gradientInto: (y, yHat, out, p) => {
        const s = p.label_smoothing ?? 0;
        for (let i = 0; i < out.length; i++) out[i] = bceGradient(smoothBinary(y[i], s), yHat[i]);
      },
    },
  },
  {
    id: 'bce_with_logits',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Binary cross-entropy with logits',
    params: [labelSmoothingParam('½')],
    latex: '\\ell(y, z) = \\max(z, 0) - z\\,y + \\log\\!\\left(1 + e^{-|z|}\\right), \\quad z = \\hat{y}',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\sigma(\\hat{y}) - y',
    prediction: 'logit',
    plotLabels: [0, 1],
    plotRange: [-6, 6],
    def: {
      shape: 'elementwise',
      value: (y, yHat, p) => bceWithLogits(smoothBinary(y, p.label_smoothing ?? 0), yHat),
      gradient: (y, yHat, p) => bceWithLogitsGradient(smoothBinary(y, p.label_smoothing ?? 0), yHat),
      checkLabel: probabilityLabel,
      labelDomain: UNIT_INTERVAL,
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, p) => {
        const s = p.label_smoothing ?? 0;
        for (let i = 0; i < out.length; i++) out[i] = bceWithLogits(smoothBinary(y[i], s), yHat[i]);
      },
      gradientInto: (y, yHat, out, p) => {
        const s = p.label_smoothing ?? 0;
        for (let i = 0; i < out.length; i++) out[i] = bceWithLogitsGradient(smoothBinary(y[i], s), yHat[i]);
      },
    },
  },
  {
    id: 'focal',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Focal loss (binary)',
    params: [alphaParam, gammaParam],
    // The class weights (w₁, w₀) are (α, 1 − α), or (1, 1) when α < 0 switches the weighting off.
    latex:
      '\\begin{gathered}\\ell(y, \\hat{y}) = -w_1\\, y\\, (1 - \\hat{y})^{\\gamma} \\log \\hat{y} ' +
      '- w_0 (1 - y)\\, \\hat{y}^{\\gamma} \\log(1 - \\hat{y}) \\\\ ' +
      '(w_1, w_0) = (\\alpha,\\, 1 - \\alpha) \\text{ for } \\alpha \\ge 0, \\quad (1,\\, 1) \\text{ for } \\alpha < 0 \\text{ (no weighting)}\\end{gathered}',
    derivativeLatex:
      '\\frac{\\partial \\ell}{\\partial \\hat{y}} = w_1\\, y \\left[\\gamma (1 - \\hat{y})^{\\gamma - 1} \\log \\hat{y} ' +
      '- \\frac{(1 - \\hat{y})^{\\gamma}}{\\hat{y}}\\right] + w_0 (1 - y) \\left[\\frac{\\hat{y}^{\\gamma}}{1 - \\hat{y}} ' +
      '- \\gamma\\, \\hat{y}^{\\gamma - 1} \\log(1 - \\hat{y})\\right]',
    prediction: 'probability',
    plotLabels: [0, 1],
    plotRange: [0, 1],
    def: {
      shape: 'elementwise',
      value: (y, yHat, p) => focal(y, yHat, p.alpha, p.gamma),
      gradient: (y, yHat, p) => focalGradient(y, yHat, p.alpha, p.gamma),
      checkLabel: probabilityLabel,
      checkPrediction: probabilityPrediction,
      labelDomain: UNIT_INTERVAL,
      predictionDomain: UNIT_INTERVAL,
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, p) => {
        const alpha = p.alpha;
        const gamma = p.gamma;
        for (let i = 0; i < out.length; i++) out[i] = focal(y[i], yHat[i], alpha, gamma);
      },
      gradientInto: (y, yHat, out, p) => {
        const alpha = p.alpha;
        const gamma = p.gamma;
        for (let i = 0; i < out.length; i++) out[i] = focalGradient(y[i], yHat[i], alpha, gamma);
      },
    },
  },
  {
    id: 'hinge',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Hinge loss',
    params: [],
    latex: '\\ell(y, \\hat{y}) = \\max(0,\\, 1 - y\\,\\hat{y}), \\quad y \\in \\{-1, 1\\}',
    derivativeLatex:
      '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\begin{cases} -y & y\\,\\hat{y} \\le 1 \\\\ 0 & y\\,\\hat{y} > 1 \\end{cases}',
    prediction: 'score',
    plotLabels: [-1, 1],
    plotRange: [-3, 3],
    def: {
      shape: 'elementwise',
      value: (y, yHat) => hinge(y, yHat),
      gradient: (y, yHat) => hingeGradient(y, yHat),
      checkLabel: checkSignLabel,
      labelDomain: SIGN_LABELS,
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = hinge(y[i], yHat[i]);
      },
      gradientInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = hingeGradient(y[i], yHat[i]);
      },
    },
  },
  {
    id: 'squared_hinge',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Squared hinge loss',
    params: [],
    latex: '\\ell(y, \\hat{y}) = \\max(0,\\, 1 - y\\,\\hat{y})^2, \\quad y \\in \\{-1, 1\\}',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = -2\\,y \\max(0,\\, 1 - y\\,\\hat{y})',
    prediction: 'score',
    plotLabels: [-1, 1],
    plotRange: [-3, 3],
    def: {
      shape: 'elementwise',
      value: (y, yHat) => squaredHinge(y, yHat),
      gradient: (y, yHat) => squaredHingeGradient(y, yHat),
      checkLabel: checkSignLabel,
      labelDomain: SIGN_LABELS,
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = squaredHinge(y[i], yHat[i]);
      },
      gradientInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = squaredHingeGradient(y[i], yHat[i]);
      },
    },
  },
  {
    id: 'cce',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Categorical cross-entropy',
    params: [],
    latex: '\\ell_i(y, \\hat{y}) = -\\,y_i \\log \\hat{y}_i \\quad (0 \\text{ when } y_i = 0)',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial \\hat{y}_i} = -\\frac{y_i}{\\hat{y}_i}',
    prediction: 'probability',
    plotLabels: [1],
    plotRange: [0, 1],
    def: {
      shape: 'elementwise',
      value: (y, yHat) => cce(y, yHat),
      gradient: (y, yHat) => cceGradient(y, yHat),
      checkLabel: probabilityLabel,
      checkPrediction: probabilityPrediction,
      labelDomain: UNIT_INTERVAL,
      predictionDomain: UNIT_INTERVAL,
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = cce(y[i], yHat[i]);
      },
      gradientInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = cceGradient(y[i], yHat[i]);
      },
    },
  },
  {
    id: 'cce_with_logits',
    kind: 'loss',
    shape: 'vector',
    title: 'Softmax cross-entropy (with logits)',
    params: [labelSmoothingParam('the uniform 1/K')],
    latex:
      '\\ell_i(y, z) = -\\,y_i \\left( z_i - \\log \\sum_j e^{z_j} \\right), \\quad z = \\hat{y}',
    derivativeLatex:
      '\\frac{\\partial \\sum_k \\ell_k}{\\partial \\hat{y}_i} = \\operatorname{softmax}(\\hat{y})_i \\sum_j y_j - y_i',
    prediction: 'logit',
    plotLabels: [1],
    plotRange: [-6, 6],
    def: {
      shape: 'vector',
      value: (y, yHat, p) => cceWithLogits(smoothCategorical(y, p.label_smoothing ?? 0), yHat),
      gradient: (y, yHat, p) => cceWithLogitsGradient(smoothCategorical(y, p.label_smoothing ?? 0), yHat),
      checkLabel: probabilityLabel,
    },
  },
  {
    id: 'kl_div',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Kullback–Leibler divergence',
    params: [],
    latex: '\\ell_i(y, \\hat{y}) = y_i \\log \\frac{y_i}{\\hat{y}_i} \\quad (0 \\text{ when } y_i = 0)',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial \\hat{y}_i} = -\\frac{y_i}{\\hat{y}_i}',
    prediction: 'probability',
    plotLabels: [0.5],
    plotRange: [0, 1],
    def: {
      shape: 'elementwise',
      value: (y, yHat) => klDiv(y, yHat),
      gradient: (y, yHat) => klDivGradient(y, yHat),
      checkLabel: probabilityLabel,
      checkPrediction: probabilityPrediction,
      labelDomain: UNIT_INTERVAL,
      predictionDomain: UNIT_INTERVAL,
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = klDiv(y[i], yHat[i]);
      },
      gradientInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = klDivGradient(y[i], yHat[i]);
      },
    },
  },
  {
    id: 'nll',
    kind: 'loss',
    shape: 'elementwise',
    title: 'Negative log-likelihood (on log-probabilities)',
    params: [],
    latex: '\\ell_i(y, \\hat{y}) = -\\,y_i\\,\\hat{y}_i, \\quad \\hat{y}_i = \\log p_i \\le 0',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial \\hat{y}_i} = -\\,y_i',
    prediction: 'real',
    plotLabels: [1],
    plotRange: [-6, 0],
    def: {
      shape: 'elementwise',
      value: (y, yHat) => nll(y, yHat),
      gradient: (y, yHat) => nllGradient(y, yHat),
      checkLabel: probabilityLabel,
      checkPrediction: logProbabilityPrediction,
      labelDomain: UNIT_INTERVAL,
      predictionDomain: LOG_PROBABILITY,
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = nll(y[i], yHat[i]);
      },
      gradientInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = nllGradient(y[i], yHat[i]);
      },
    },
  },
  {
    id: 'kl_div_log_target',
    kind: 'loss',
    shape: 'elementwise',
    title: 'KL divergence with log targets',
    params: [],
    latex: '\\ell_i(y, \\hat{y}) = e^{y_i}\\,(y_i - \\hat{y}_i), \\quad y_i = \\log t_i,\\ \\hat{y}_i = \\log p_i',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial \\hat{y}_i} = -\\,e^{y_i}',
    prediction: 'real',
    plotLabels: [-0.6931471805599453],
    plotRange: [-6, 0],
    def: {
      shape: 'elementwise',
      value: (y, yHat) => klDivLogTarget(y, yHat),
      gradient: (y, yHat) => klDivLogTargetGradient(y, yHat),
      checkLabel: logProbabilityLabel,
      checkPrediction: logProbabilityPrediction,
      labelDomain: LOG_PROBABILITY,
      predictionDomain: LOG_PROBABILITY,
      // Batch forms: a loop of their own per loss, so V8 inlines the scalar function.
      valueInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = klDivLogTarget(y[i], yHat[i]);
      },
      gradientInto: (y, yHat, out, _p) => {
        for (let i = 0; i < out.length; i++) out[i] = klDivLogTargetGradient(y[i], yHat[i]);
      },
    },
  },
];
