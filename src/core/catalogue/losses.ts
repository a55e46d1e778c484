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

const alphaParam: ParamSpec = {
  name: 'alpha',
  default: 0.25,
  min: 0,
  max: 1,
  meaning: 'Weight of the positive class (the negative class gets 1 − α).',
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
    summary: 'The squared residual (ŷ − y)², averaged over elements with the mean reduction.',
    params: [],
    latex: '\\ell(y, \\hat{y}) = (\\hat{y} - y)^2',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = 2(\\hat{y} - y)',
    range: '[0, ∞)',
    properties: [
      'Convex and smooth everywhere',
      'Grows quadratically, so a few large residuals dominate the total',
      'Its minimiser over a set of targets is their mean',
      'Gradient proportional to the residual: large early, small near the optimum',
    ],
    useCases: [
      'Regression where large errors really are worse in proportion to their square',
      'Targets with Gaussian-like noise and few outliers',
      'Reconstruction terms in autoencoders and signal denoising',
    ],
    pairing: ['Use a linear output layer: squashing the output first (sigmoid, tanh) limits what it can fit'],
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
    summary: 'The absolute residual |ŷ − y|, averaged over elements with the mean reduction.',
    params: [],
    latex: '\\ell(y, \\hat{y}) = |\\hat{y} - y|',
    derivativeLatex:
      '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\operatorname{sign}(\\hat{y} - y) \\quad (0 \\text{ at } \\hat{y} = y)',
    range: '[0, ∞)',
    properties: [
      'Convex; not differentiable at ŷ = y (the gradient reported there is 0)',
      'Grows linearly, so outliers weigh no more than their distance',
      'Its minimiser over a set of targets is their median',
      'Gradient magnitude is constant: it does not shrink near the optimum',
    ],
    useCases: [
      'Regression with heavy-tailed noise or occasional gross errors',
      'Forecasting when the median is the quantity of interest',
      'Image-to-image losses where L2 gives blurry results',
    ],
    pairing: ['Linear output; consider a decaying learning rate, since the gradient does not vanish at the optimum'],
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
    summary: 'log cosh of the residual: quadratic for small residuals, close to |r| − log 2 for large ones.',
    params: [],
    latex: '\\ell(y, \\hat{y}) = \\log\\cosh(\\hat{y} - y)',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\tanh(\\hat{y} - y)',
    range: '[0, ∞)',
    properties: [
      'Convex and infinitely differentiable',
      'About r²/2 near zero and |r| − log 2 far out: a smooth Huber with δ ≈ 1',
      'Gradient bounded by ±1',
      'cosh overflows beyond |r| ≈ 710; the stable form never forms it',
    ],
    useCases: [
      'Regression that should resist outliers but keep a smooth second derivative',
      'Second-order or curvature-aware optimisers that dislike Huber\'s kink in the Hessian',
    ],
    pairing: ['Linear output layer, as for MSE and Huber'],
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
    summary: 'Squared error inside a band of half-width δ around the target, linear (slope δ) outside it.',
    params: [deltaParam],
    latex:
      '\\ell_\\delta(y, \\hat{y}) = \\begin{cases} \\tfrac{1}{2}(\\hat{y} - y)^2 & |\\hat{y} - y| \\le \\delta \\\\ ' +
      '\\delta\\left(|\\hat{y} - y| - \\tfrac{1}{2}\\delta\\right) & \\text{otherwise} \\end{cases}',
    derivativeLatex:
      '\\frac{\\partial \\ell_\\delta}{\\partial \\hat{y}} = \\begin{cases} \\hat{y} - y & |\\hat{y} - y| \\le \\delta \\\\ ' +
      '\\delta \\operatorname{sign}(\\hat{y} - y) & \\text{otherwise} \\end{cases}',
    range: '[0, ∞)',
    properties: [
      'Convex, with a continuous first derivative (the second jumps at |r| = δ)',
      'Gradient is ŷ − y inside the band (not y − ŷ) and clipped to ±δ outside',
      'Large δ tends to half the squared error; small δ, scaled by 1/δ, tends to the absolute error',
      'Less sensitive to outliers than MSE',
    ],
    useCases: [
      'Regression with occasional outliers that should not dominate the fit',
      'Value-function targets in deep Q-learning, where it bounds the TD-error gradient',
      'Bounding-box regression in object detectors',
    ],
    pairing: [
      'Linear output layer',
      'Keras and PyTorch HuberLoss share this definition; PyTorch SmoothL1Loss is this divided by β = δ',
    ],
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
    summary: 'PyTorch\'s smooth L1: ½r²/β for |r| < β, |r| − ½β beyond, with r = ŷ − y.',
    params: [betaParam],
    latex:
      '\\ell_\\beta(y, \\hat{y}) = \\begin{cases} \\dfrac{(\\hat{y} - y)^2}{2\\beta} & |\\hat{y} - y| < \\beta \\\\ ' +
      '|\\hat{y} - y| - \\tfrac{1}{2}\\beta & \\text{otherwise} \\end{cases}',
    derivativeLatex:
      '\\frac{\\partial \\ell_\\beta}{\\partial \\hat{y}} = \\begin{cases} \\dfrac{\\hat{y} - y}{\\beta} & |\\hat{y} - y| < \\beta \\\\ ' +
      '\\operatorname{sign}(\\hat{y} - y) & \\text{otherwise} \\end{cases}',
    range: '[0, ∞)',
    properties: [
      'Equal to huber(δ = β)/β: same shape, slope 1 outside the band whatever β is',
      'Tends to the absolute error as β → 0',
      'Convex with a continuous first derivative',
    ],
    useCases: [
      'Bounding-box regression (Fast R-CNN introduced it there)',
      'Regression that should behave like L1 for large errors but stay smooth at zero',
    ],
    pairing: ['Linear output layer; for slope δ outside the band use huber instead'],
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
    summary: 'Negative log-likelihood of a label y ∈ [0, 1] under a Bernoulli with probability ŷ.',
    params: [labelSmoothingParam('½')],
    latex: '\\ell(y, \\hat{y}) = -\\left[\\, y \\log \\hat{y} + (1 - y) \\log(1 - \\hat{y}) \\,\\right]',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\frac{\\hat{y} - y}{\\hat{y}\\,(1 - \\hat{y})}',
    range: '[0, ∞)',
    properties: [
      'Unbounded: it grows without limit as ŷ approaches the wrong end (690.8 at ŷ = 1e-300 for y = 1)',
      'Convex in ŷ; for soft labels its minimum is at ŷ = y, where it equals the entropy of y',
      'PyTorch\'s BCELoss clamps each log at −100, so it never reports more than 100 per term',
      'Gradient blows up like 1/ŷ, which is why it is usually fused with the sigmoid',
    ],
    useCases: [
      'Binary classification with a probability output',
      'Multi-label classification, one independent term per label',
      'Discriminator loss in GANs',
      'Reconstruction of data scaled to [0, 1]',
    ],
    pairing: [
      'Prefer bce_with_logits on raw logits to sigmoid followed by bce: one stable expression, no saturation',
    ],
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
    summary: 'Binary cross-entropy of σ(ŷ) computed directly from the logit ŷ, without forming σ.',
    params: [labelSmoothingParam('½')],
    latex: '\\ell(y, z) = \\max(z, 0) - z\\,y + \\log\\!\\left(1 + e^{-|z|}\\right), \\quad z = \\hat{y}',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\sigma(\\hat{y}) - y',
    range: '[0, ∞)',
    properties: [
      'Equal to bce(y, σ(ŷ)) but finite and exact for any finite logit',
      'Convex in the logit; grows linearly (slope 1) on the wrong side',
      'Gradient σ(ŷ) − y is bounded by 1 in magnitude and never saturates to 0 while wrong',
    ],
    useCases: [
      'Binary and multi-label classification from a linear final layer',
      'GAN discriminators trained on raw scores',
      'Any setting where the logits can be large (confident models)',
    ],
    pairing: [
      'Feed raw logits: no sigmoid before it (that would apply the sigmoid twice)',
      'PyTorch BCEWithLogitsLoss, Keras BinaryCrossentropy(from_logits=True) and optax.sigmoid_binary_cross_entropy implement this',
    ],
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
    summary: 'Cross-entropy scaled by (1 − p_t)^γ, so confidently correct examples contribute little.',
    params: [alphaParam, gammaParam],
    latex:
      '\\ell(y, \\hat{y}) = -\\alpha\\, y\\, (1 - \\hat{y})^{\\gamma} \\log \\hat{y} ' +
      '- (1 - \\alpha)(1 - y)\\, \\hat{y}^{\\gamma} \\log(1 - \\hat{y})',
    derivativeLatex:
      '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\alpha\\, y \\left[\\gamma (1 - \\hat{y})^{\\gamma - 1} \\log \\hat{y} ' +
      '- \\frac{(1 - \\hat{y})^{\\gamma}}{\\hat{y}}\\right] + (1 - \\alpha)(1 - y) \\left[\\frac{\\hat{y}^{\\gamma}}{1 - \\hat{y}} ' +
      '- \\gamma\\, \\hat{y}^{\\gamma - 1} \\log(1 - \\hat{y})\\right]',
    range: '[0, ∞)',
    properties: [
      'For a hard label: −α_t (1 − p_t)^γ log p_t, with p_t the probability given to the true class',
      'γ = 0 gives α-weighted binary cross-entropy; γ = 0, α = ½ is half of BCE',
      'Larger γ flattens the loss near the correct answer and keeps it steep on mistakes',
      'α balances the classes; α = 0.25 with γ = 2 are the defaults from the original paper',
    ],
    useCases: [
      'Dense object detection, where easy background anchors vastly outnumber objects',
      'Strongly imbalanced binary or multi-label problems',
      'Segmentation of small structures, such as lesions in medical images',
    ],
    pairing: [
      'torchvision.ops.sigmoid_focal_loss takes logits and applies the sigmoid inside; this entry takes probabilities',
      'Keras BinaryFocalCrossentropy applies α only with apply_class_balancing=True',
    ],
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
    summary: 'max(0, 1 − y·ŷ): zero once a ±1-labelled score is on the right side with margin 1.',
    params: [],
    latex: '\\ell(y, \\hat{y}) = \\max(0,\\, 1 - y\\,\\hat{y}), \\quad y \\in \\{-1, 1\\}',
    derivativeLatex:
      '\\frac{\\partial \\ell}{\\partial \\hat{y}} = \\begin{cases} -y & y\\,\\hat{y} \\le 1 \\\\ 0 & y\\,\\hat{y} > 1 \\end{cases}',
    range: '[0, ∞)',
    properties: [
      'Convex; a kink at the margin y·ŷ = 1, where the gradient reported is −y (as torch.clamp and tf.maximum pass it)',
      'Exactly zero, with zero gradient, for examples beyond the margin: sparse updates',
      'Grows linearly with the margin violation',
    ],
    useCases: [
      'Linear and kernel support vector machines',
      'Maximum-margin classifiers trained by (sub)gradient descent',
      'Adversarial losses in some GAN variants',
    ],
    pairing: [
      'Labels must be −1 and 1 and ŷ a raw score (no sigmoid); Keras silently maps 0/1 labels, this does not',
      'TF.js tf.losses.hingeLoss is the opposite: it always computes 2y − 1, so it needs 0/1 labels',
    ],
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
    summary: 'The square of the hinge loss, max(0, 1 − y·ŷ)², for labels ±1.',
    params: [],
    latex: '\\ell(y, \\hat{y}) = \\max(0,\\, 1 - y\\,\\hat{y})^2, \\quad y \\in \\{-1, 1\\}',
    derivativeLatex: '\\frac{\\partial \\ell}{\\partial \\hat{y}} = -2\\,y \\max(0,\\, 1 - y\\,\\hat{y})',
    range: '[0, ∞)',
    properties: [
      'Convex and differentiable everywhere (the gradient is 0 at the margin)',
      'Penalises large violations quadratically, so it is more outlier-sensitive than the hinge',
    ],
    useCases: [
      'L2-SVMs (LinearSVC\'s default loss in scikit-learn)',
      'Margin classifiers that need a smooth objective',
    ],
    pairing: ['Labels −1 and 1, raw scores as predictions'],
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
    summary: 'Cross-entropy between a target distribution y and predicted class probabilities ŷ, per class.',
    params: [],
    latex: '\\ell_i(y, \\hat{y}) = -\\,y_i \\log \\hat{y}_i \\quad (0 \\text{ when } y_i = 0)',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial \\hat{y}_i} = -\\frac{y_i}{\\hat{y}_i}',
    range: '[0, ∞)',
    properties: [
      'Sum over classes is the sample\'s loss; with one-hot targets only the true class counts',
      'Unbounded: −log of a vanishing probability grows without limit',
      'Classes with y_i = 0 contribute exactly 0, even where ŷ_i = 0',
    ],
    useCases: [
      'Multi-class classification with one-hot or label-smoothed targets',
      'Knowledge distillation with a teacher\'s soft targets',
    ],
    pairing: [
      'Softmax belongs inside the cross-entropy (cce_with_logits), not before it — applying it twice flattens the gradients',
    ],
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
    summary: 'Categorical cross-entropy of softmax(ŷ), computed from the logits with the max subtracted.',
    params: [labelSmoothingParam('the uniform 1/K')],
    latex:
      '\\ell_i(y, z) = -\\,y_i \\left( z_i - \\log \\sum_j e^{z_j} \\right), \\quad z = \\hat{y}',
    derivativeLatex:
      '\\frac{\\partial \\sum_k \\ell_k}{\\partial \\hat{y}_i} = \\operatorname{softmax}(\\hat{y})_i \\sum_j y_j - y_i',
    range: '[0, ∞)',
    properties: [
      'Equal to cce(y, softmax(ŷ)) but finite for any finite logits',
      'Invariant to adding a constant to every logit',
      'For targets that sum to 1 the gradient is softmax(ŷ) − y: bounded, never saturating while wrong',
    ],
    useCases: [
      'Multi-class classification from a linear final layer',
      'Language-model next-token training',
      'Distillation with temperature-scaled logits',
    ],
    pairing: [
      'Give it raw logits: softmax belongs inside the cross-entropy, not before it — applying it twice flattens the gradients',
      'PyTorch CrossEntropyLoss, Keras CategoricalCrossentropy(from_logits=True) and optax.softmax_cross_entropy implement this',
    ],
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
    summary: 'Per-class term y·log(y/ŷ) of KL(y ‖ ŷ), with ŷ a probability (Keras KLDivergence semantics).',
    params: [],
    latex: '\\ell_i(y, \\hat{y}) = y_i \\log \\frac{y_i}{\\hat{y}_i} \\quad (0 \\text{ when } y_i = 0)',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial \\hat{y}_i} = -\\frac{y_i}{\\hat{y}_i}',
    range: '[−1/e, ∞) per class; the sum over a distribution is ≥ 0',
    properties: [
      'Differs from categorical cross-entropy by the entropy of y, a constant in ŷ: same gradient',
      'Zero when ŷ = y; a single class\'s term can be negative, the total cannot',
      'Not symmetric: KL(y ‖ ŷ) ≠ KL(ŷ ‖ y)',
    ],
    useCases: [
      'Distillation, matching a student\'s distribution to a teacher\'s',
      'The regularising term of variational autoencoders (in its closed Gaussian form)',
      'Policy-update constraints in reinforcement learning (TRPO, PPO penalties)',
    ],
    pairing: [
      'PyTorch\'s kl_div expects log-probabilities as its input (and targets as probabilities unless log_target=True); this entry takes probabilities',
    ],
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
    summary: 'Cross-entropy when the prediction is already a log-probability ŷ = log p: −y·ŷ per class (PyTorch NLLLoss).',
    params: [],
    latex: '\\ell_i(y, \\hat{y}) = -\\,y_i\\,\\hat{y}_i, \\quad \\hat{y}_i = \\log p_i \\le 0',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial \\hat{y}_i} = -\\,y_i',
    range: '[0, ∞)',
    properties: [
      'With one-hot targets it is −ŷ of the true class: the sum over classes picks that one log-probability',
      'Linear in ŷ, so its gradient −y does not depend on the prediction at all',
      'Equals cce(y, e^ŷ); classes with y_i = 0 contribute exactly 0, even at ŷ_i = −∞',
      'PyTorch takes class indices as targets and averages over them (weighted by weight=) with reduction=\'mean\'',
    ],
    useCases: [
      'Multi-class classification when the model ends in log_softmax',
      'Sequence models that score tokens with log-probabilities',
      'Any likelihood-based objective written in log space',
    ],
    pairing: [
      'Feed it log_softmax outputs: log_softmax followed by nll equals cross-entropy on logits (cce_with_logits)',
      'Not probabilities, and not softmax outputs: a probability in (0, 1] is not a log-probability, and a positive ŷ is rejected',
    ],
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
    summary: 'KL(t ‖ p) per class with both sides given as log-probabilities: e^y·(y − ŷ), y = log t, ŷ = log p.',
    params: [],
    latex: '\\ell_i(y, \\hat{y}) = e^{y_i}\\,(y_i - \\hat{y}_i), \\quad y_i = \\log t_i,\\ \\hat{y}_i = \\log p_i',
    derivativeLatex: '\\frac{\\partial \\ell_i}{\\partial \\hat{y}_i} = -\\,e^{y_i}',
    range: '[−1/e, ∞) per class; the sum over a distribution is ≥ 0',
    properties: [
      'The same divergence as kl_div, t·log(t/p), but with no exp or log of tiny probabilities: it stays finite where t underflows',
      'Linear in ŷ, with gradient −t: the prediction\'s log-probability is pulled up in proportion to the target\'s mass',
      'Zero when ŷ = y; a target probability of 0 (y = −∞) contributes 0 here, where PyTorch and optax compute 0·∞ = NaN',
    ],
    useCases: [
      'Distillation from a teacher whose outputs are kept as log-probabilities',
      'Matching two log_softmax outputs without leaving log space',
      'Policy-distillation and trust-region penalties in reinforcement learning',
    ],
    pairing: [
      'Both arguments are log-probabilities (log_softmax outputs); PyTorch: F.kl_div(log_p, log_t, log_target=True, reduction=\'batchmean\')',
      'optax.kl_divergence_with_log_targets(log_predictions, log_targets) sums over the last axis',
    ],
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
