/**
 * How PyTorch, TensorFlow / Keras 3, JAX / Flax / Optax and TensorFlow.js spell each catalogue function,
 * and how their arguments map onto the core's parameters. The recognizer (src/recognize) indexes this
 * table; the hover shows the notes side by side.
 *
 * Conventions: `name` is the canonical spelling (`tf.` for TensorFlow in Python, `keras.` for Keras 3 —
 * the recognizer also accepts `tensorflow.`, `tf.keras.` and `tf_keras.`; `tf.` for TF.js). A name whose
 * behaviour an argument switches (gelu `approximate`, Keras `from_logits`) is listed under both ids,
 * with a note saying which argument value selects that id. Only names that exist in the frameworks.
 */
import type { Framework, FrameworkName, Params } from '../core/types';

type Extra = Omit<FrameworkName, 'framework' | 'name' | 'form'>;

function entry(framework: Framework, name: string, form: FrameworkName['form'], extra: Extra = {}): FrameworkName {
  return { framework, name, form, ...extra };
}
const torchFn = (name: string, extra?: Extra) => entry('pytorch', name, 'function', extra);
const torchClass = (name: string, extra?: Extra) => entry('pytorch', name, 'class', extra);
const tfFn = (name: string, extra?: Extra) => entry('tensorflow', name, 'function', extra);
const tfClass = (name: string, extra?: Extra) => entry('tensorflow', name, 'class', extra);
const tfString = (name: string, extra?: Extra) => entry('tensorflow', name, 'string', extra);
const jaxFn = (name: string, extra?: Extra) => entry('jax', name, 'function', extra);
const jaxClass = (name: string, extra?: Extra) => entry('jax', name, 'class', extra);
const jsFn = (name: string, extra?: Extra) => entry('tfjs', name, 'function', extra);
const jsClass = (name: string, extra?: Extra) => entry('tfjs', name, 'class', extra);
const jsString = (name: string, extra?: Extra) => entry('tfjs', name, 'string', extra);

/** A parameter-free elementwise function: tensor first, nothing else the core cares about. */
const X = { positional: [null] } as const;

/** The function in jax.nn and its re-exports in flax.linen and flax.nnx (`linen`/`nnx` false where absent). */
function jaxFamily(fn: string, extra: Extra = X, where: { linen?: boolean; nnx?: boolean } = {}): FrameworkName[] {
  const out = [jaxFn(`jax.nn.${fn}`, extra)];
  if (where.linen !== false) out.push(jaxFn(`flax.linen.${fn}`, extra));
  if (where.nnx !== false) out.push(jaxFn(`flax.nnx.${fn}`, extra));
  return out;
}

/** keras.activations.X, keras.ops.X and the string name 'X' (the activation= argument of any layer). */
function kerasActivation(fn: string, extra: Extra = X, opsName: string | false = fn): FrameworkName[] {
  const out = [tfFn(`keras.activations.${fn}`, extra)];
  if (opsName) out.push(tfFn(`keras.ops.${opsName}`, extra));
  out.push(tfString(fn, stringOnly(extra)));
  return out;
}

/** A string name takes no arguments: keep only the defaults and the note. */
function stringOnly(extra: Extra): Extra {
  const { defaults, note } = extra;
  return { ...(defaults ? { defaults } : {}), ...(note ? { note } : {}) };
}

const alpha = (value: number): { defaults: Params } => ({ defaults: { alpha: value } });

const KERAS_LOSS_MEAN = 'Keras losses average over the last axis, then over the batch.';
const KERAS_CLIP = 'Keras clips predictions to [1e-7, 1 − 1e-7] before the log.';
const FROM_LOGITS = 'with from_logits=True (the default False takes probabilities)';

export const frameworkNames: Readonly<Record<string, readonly FrameworkName[]>> = {
  // ----------------------------------------------------------------------------------------- activations
  relu: [
    torchFn('torch.relu', X),
    torchFn('torch.nn.functional.relu', X),
    torchClass('torch.nn.ReLU'),
    tfFn('tf.nn.relu', X),
    ...kerasActivation('relu', { ...X, note: 'negative_slope, max_value and threshold turn it into a leaky / capped / shifted ReLU.' }),
    tfClass('keras.layers.ReLU', { note: 'negative_slope, max_value and threshold turn it into a leaky / capped / shifted ReLU.' }),
    ...jaxFamily('relu'),
    jsFn('tf.relu', X),
    jsClass('tf.layers.reLU', { note: 'maxValue caps the output.' }),
    jsString('relu'),
  ],
  leaky_relu: [
    torchFn('torch.nn.functional.leaky_relu', { positional: [null, 'alpha'], keywords: { negative_slope: 'alpha' }, ...alpha(0.01) }),
    torchClass('torch.nn.LeakyReLU', { positional: ['alpha'], keywords: { negative_slope: 'alpha' }, ...alpha(0.01) }),
    tfFn('tf.nn.leaky_relu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(0.2), note: 'Default slope 0.2, not 0.01.' }),
    tfFn('keras.activations.leaky_relu', { positional: [null, 'alpha'], keywords: { negative_slope: 'alpha' }, ...alpha(0.2), note: 'Default slope 0.2, not 0.01.' }),
    tfFn('keras.ops.leaky_relu', { positional: [null, 'alpha'], keywords: { negative_slope: 'alpha' }, ...alpha(0.2), note: 'Default slope 0.2, not 0.01.' }),
    tfClass('keras.layers.LeakyReLU', {
      positional: ['alpha'],
      keywords: { negative_slope: 'alpha', alpha: 'alpha' },
      ...alpha(0.3),
      note: 'Default slope 0.3 (the layer), unlike keras.activations.leaky_relu (0.2); alpha= is the deprecated spelling of negative_slope.',
    }),
    tfString('leaky_relu', { ...alpha(0.2), note: "The string 'leaky_relu' uses keras.activations.leaky_relu: slope 0.2." }),
    ...jaxFamily('leaky_relu', { positional: [null, 'alpha'], keywords: { negative_slope: 'alpha' }, ...alpha(0.01) }),
    jsFn('tf.leakyRelu', { positional: [null, 'alpha'], ...alpha(0.2), note: 'Default slope 0.2.' }),
    jsClass('tf.layers.leakyReLU', { keywords: { alpha: 'alpha' }, ...alpha(0.3), note: 'Default slope 0.3 (the layer), unlike tf.leakyRelu (0.2).' }),
  ],
  prelu: [
    torchFn('torch.nn.functional.prelu', { positional: [null, null], note: 'The slope is the weight tensor (one per channel or one shared).' }),
    torchClass('torch.nn.PReLU', {
      positional: [null, 'alpha'],
      keywords: { init: 'alpha' },
      ...alpha(0.25),
      note: 'α is learned; init is its starting value, num_parameters=C learns one per channel.',
    }),
    tfClass('keras.layers.PReLU', { ...alpha(0), note: "α is learned and starts at 0 (alpha_initializer='zeros'): a ReLU until trained." }),
    jaxClass('flax.linen.PReLU', { keywords: { negative_slope_init: 'alpha' }, ...alpha(0.01), note: 'α is learned and starts at 0.01 (negative_slope_init).' }),
    jaxClass('flax.nnx.PReLU', { positional: ['alpha'], keywords: { negative_slope_init: 'alpha' }, ...alpha(0.01), note: 'α is learned and starts at 0.01 (negative_slope_init).' }),
    jsFn('tf.prelu', { positional: [null, null], note: 'The slope is a tensor argument.' }),
    jsClass('tf.layers.prelu', { ...alpha(0), note: 'α is learned and starts at 0 (alphaInitializer zeros).' }),
  ],
  sigmoid: [
    torchFn('torch.sigmoid', X),
    torchFn('torch.special.expit', X),
    torchFn('torch.nn.functional.sigmoid', X),
    torchClass('torch.nn.Sigmoid'),
    tfFn('tf.nn.sigmoid', X),
    tfFn('tf.math.sigmoid', X),
    tfFn('tf.sigmoid', X),
    ...kerasActivation('sigmoid'),
    ...jaxFamily('sigmoid'),
    jsFn('tf.sigmoid', X),
    jsString('sigmoid'),
  ],
  tanh: [
    torchFn('torch.tanh', X),
    torchFn('torch.nn.functional.tanh', X),
    torchClass('torch.nn.Tanh'),
    tfFn('tf.nn.tanh', X),
    tfFn('tf.math.tanh', X),
    tfFn('tf.tanh', X),
    ...kerasActivation('tanh'),
    jaxFn('jax.numpy.tanh', X),
    jaxFn('flax.linen.tanh', X),
    jaxFn('flax.nnx.tanh', X),
    jsFn('tf.tanh', X),
    jsString('tanh'),
  ],
  softmax: [
    torchFn('torch.softmax', { ...X, note: 'Give dim explicitly.' }),
    torchFn('torch.special.softmax', X),
    torchFn('torch.nn.functional.softmax', { ...X, note: 'Give dim explicitly; the implicit choice is deprecated.' }),
    torchClass('torch.nn.Softmax', { note: 'Give dim explicitly; the implicit choice is deprecated.' }),
    tfFn('tf.nn.softmax', X),
    tfFn('tf.math.softmax', X),
    ...kerasActivation('softmax'),
    tfClass('keras.layers.Softmax'),
    ...jaxFamily('softmax'),
    jsFn('tf.softmax', X),
    jsClass('tf.layers.softmax'),
    jsString('softmax'),
  ],
  log_softmax: [
    torchFn('torch.log_softmax', X),
    torchFn('torch.special.log_softmax', X),
    torchFn('torch.nn.functional.log_softmax', X),
    torchClass('torch.nn.LogSoftmax'),
    tfFn('tf.nn.log_softmax', X),
    tfFn('tf.math.log_softmax', X),
    ...kerasActivation('log_softmax'),
    ...jaxFamily('log_softmax'),
    jsFn('tf.logSoftmax', X),
    jsString('logSoftmax'),
  ],
  elu: [
    torchFn('torch.nn.functional.elu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    torchClass('torch.nn.ELU', { positional: ['alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    tfFn('tf.nn.elu', { ...X, ...alpha(1), note: 'No α argument: always α = 1.' }),
    ...kerasActivation('elu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    tfClass('keras.layers.ELU', { positional: ['alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    ...jaxFamily('elu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    jsFn('tf.elu', { ...X, ...alpha(1), note: 'No α argument: always α = 1.' }),
    jsClass('tf.layers.elu', { keywords: { alpha: 'alpha' }, ...alpha(1) }),
    jsString('elu', alpha(1)),
  ],
  selu: [
    torchFn('torch.selu', X),
    torchFn('torch.nn.functional.selu', X),
    torchClass('torch.nn.SELU'),
    tfFn('tf.nn.selu', X),
    ...kerasActivation('selu'),
    ...jaxFamily('selu'),
    jsFn('tf.selu', X),
    jsString('selu'),
  ],
  gelu: [
    torchFn('torch.nn.functional.gelu', { ...X, note: "Exact (erf) by default; approximate='tanh' gives gelu_tanh." }),
    torchClass('torch.nn.GELU', { note: "Exact (erf) by default; approximate='tanh' gives gelu_tanh." }),
    tfFn('tf.nn.gelu', { ...X, note: 'Exact by default (approximate=False).' }),
    tfFn('keras.activations.gelu', { ...X, note: 'Exact by default (approximate=False).' }),
    tfString('gelu', { note: "The string 'gelu' uses keras.activations.gelu: exact." }),
    tfFn('keras.ops.gelu', { ...X, note: 'with approximate=False (the default True is gelu_tanh).' }),
    ...jaxFamily('gelu', { ...X, note: 'with approximate=False (the default True is gelu_tanh).' }),
    jsString('gelu', { note: "TF.js 'gelu' is exact (erf); 'gelu_new' is the tanh approximation." }),
  ],
  gelu_tanh: [
    torchFn('torch.nn.functional.gelu', { ...X, note: "with approximate='tanh' (the default 'none' is the exact gelu)." }),
    torchClass('torch.nn.GELU', { note: "with approximate='tanh' (the default 'none' is the exact gelu)." }),
    tfFn('tf.nn.gelu', { ...X, note: 'with approximate=True (the default False is the exact gelu).' }),
    tfFn('keras.activations.gelu', { ...X, note: 'with approximate=True (the default False is the exact gelu).' }),
    tfFn('keras.ops.gelu', { ...X, note: 'Tanh approximation by default (approximate=True), unlike keras.activations.gelu.' }),
    ...jaxFamily('gelu', { ...X, note: 'Tanh approximation by default (approximate=True), unlike PyTorch.' }),
    jsString('gelu_new', { note: "TF.js 'gelu_new' is the tanh approximation." }),
  ],
  silu: [
    torchFn('torch.nn.functional.silu', X),
    torchClass('torch.nn.SiLU'),
    tfFn('tf.nn.silu', { ...X, note: 'beta (default 1) scales the sigmoid’s input: x·σ(βx).' }),
    tfFn('tf.nn.swish', X),
    ...kerasActivation('silu'),
    ...kerasActivation('swish'),
    ...jaxFamily('silu'),
    ...jaxFamily('swish'),
    jsString('swish', { note: 'TF.js swish is x·σ(x).' }),
  ],
  mish: [
    torchFn('torch.nn.functional.mish', X),
    torchClass('torch.nn.Mish'),
    ...kerasActivation('mish', X, false),
    jaxFn('jax.nn.mish', X),
    jsString('mish'),
  ],
  softplus: [
    torchFn('torch.nn.functional.softplus', { ...X, note: 'beta (default 1) gives softplus(βx)/β; above threshold=20 it returns x.' }),
    torchClass('torch.nn.Softplus', { note: 'beta (default 1) gives softplus(βx)/β; above threshold=20 it returns x.' }),
    tfFn('tf.nn.softplus', X),
    tfFn('tf.math.softplus', X),
    ...kerasActivation('softplus'),
    ...jaxFamily('softplus'),
    jsFn('tf.softplus', X),
    jsString('softplus'),
  ],
  softsign: [
    torchFn('torch.nn.functional.softsign', X),
    torchClass('torch.nn.Softsign'),
    tfFn('tf.nn.softsign', X),
    tfFn('tf.math.softsign', X),
    ...kerasActivation('softsign'),
    ...jaxFamily('soft_sign'),
    jsString('softsign'),
  ],
  relu6: [
    torchFn('torch.nn.functional.relu6', X),
    torchClass('torch.nn.ReLU6'),
    tfFn('tf.nn.relu6', X),
    ...kerasActivation('relu6'),
    ...jaxFamily('relu6'),
    jsFn('tf.relu6', X),
    jsString('relu6'),
  ],
  hard_sigmoid: [
    torchFn('torch.nn.functional.hardsigmoid', X),
    torchClass('torch.nn.Hardsigmoid'),
    ...kerasActivation('hard_sigmoid', { ...X, note: 'Keras 3: relu6(x + 3)/6; Keras 2 (tf.keras ≤ 2.15) used clip(0.2x + 0.5, 0, 1).' }),
    ...jaxFamily('hard_sigmoid'),
    jsString('hardSigmoid', { note: 'TF.js uses clip(0.2x + 0.5, 0, 1), not relu6(x + 3)/6: slope 0.2, saturating at ±2.5.' }),
  ],
  hard_swish: [
    torchFn('torch.nn.functional.hardswish', X),
    torchClass('torch.nn.Hardswish'),
    ...kerasActivation('hard_silu'),
    ...kerasActivation('hard_swish'),
    ...jaxFamily('hard_silu', X, { linen: false }),
    ...jaxFamily('hard_swish'),
  ],
  celu: [
    torchFn('torch.celu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    torchFn('torch.nn.functional.celu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    torchClass('torch.nn.CELU', { positional: ['alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    ...kerasActivation('celu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    ...jaxFamily('celu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
  ],
  log_sigmoid: [
    torchFn('torch.nn.functional.logsigmoid', X),
    torchClass('torch.nn.LogSigmoid'),
    tfFn('tf.math.log_sigmoid', X),
    ...kerasActivation('log_sigmoid'),
    ...jaxFamily('log_sigmoid'),
    jsFn('tf.logSigmoid', X),
  ],

  // ---------------------------------------------------------------------------------------------- losses
  mse: [
    torchFn('torch.nn.functional.mse_loss', { positional: [null, null], note: 'Arguments are (input=ŷ, target=y); reduction mean over all elements.' }),
    torchClass('torch.nn.MSELoss', { note: 'Called as loss(input=ŷ, target=y); reduction mean over all elements.' }),
    tfClass('keras.losses.MeanSquaredError', { note: KERAS_LOSS_MEAN }),
    tfFn('keras.losses.mean_squared_error', { positional: [null, null], note: `(y_true, y_pred). ${KERAS_LOSS_MEAN}` }),
    tfString('mean_squared_error', { note: KERAS_LOSS_MEAN }),
    tfString('mse', { note: KERAS_LOSS_MEAN }),
    tfString('MSE', { note: KERAS_LOSS_MEAN }),
    jaxFn('optax.l2_loss', { positional: [null, null], note: 'Half the squared error: ½(ŷ − y)², no reduction.' }),
    jaxFn('optax.squared_error', { positional: [null, null], note: '(predictions, targets): (ŷ − y)², no reduction.' }),
    jsFn('tf.losses.meanSquaredError', { positional: [null, null], note: '(labels, predictions, weights?, reduction?).' }),
    jsString('meanSquaredError'),
  ],
  mae: [
    torchFn('torch.nn.functional.l1_loss', { positional: [null, null] }),
    torchClass('torch.nn.L1Loss'),
    tfClass('keras.losses.MeanAbsoluteError', { note: KERAS_LOSS_MEAN }),
    tfFn('keras.losses.mean_absolute_error', { positional: [null, null], note: KERAS_LOSS_MEAN }),
    tfString('mean_absolute_error', { note: KERAS_LOSS_MEAN }),
    tfString('mae', { note: KERAS_LOSS_MEAN }),
    tfString('MAE', { note: KERAS_LOSS_MEAN }),
    jsFn('tf.losses.absoluteDifference', { positional: [null, null], note: '(labels, predictions, weights?, reduction?).' }),
    jsString('meanAbsoluteError'),
  ],
  bce: [
    torchFn('torch.nn.functional.binary_cross_entropy', { positional: [null, null], note: 'Clamps each log at −100, so the loss never exceeds 100.' }),
    torchClass('torch.nn.BCELoss', { note: 'Clamps each log at −100, so the loss never exceeds 100.' }),
    tfClass('keras.losses.BinaryCrossentropy', { note: `${KERAS_CLIP} from_logits=True gives bce_with_logits.` }),
    tfFn('keras.losses.binary_crossentropy', { positional: [null, null], note: `${KERAS_CLIP} ${KERAS_LOSS_MEAN}` }),
    tfFn('keras.ops.binary_crossentropy', { positional: [null, null], note: `(target, output). ${KERAS_CLIP}` }),
    tfString('binary_crossentropy', { note: KERAS_CLIP }),
    tfString('bce', { note: KERAS_CLIP }),
    jsFn('tf.losses.logLoss', { positional: [null, null], note: '(labels, predictions, weights?, epsilon = 1e-7, reduction?): ε is added inside both logs.' }),
    jsString('binaryCrossentropy', { note: 'Clips predictions to [ε, 1 − ε], ε = 1e-7.' }),
  ],
  bce_with_logits: [
    torchFn('torch.nn.functional.binary_cross_entropy_with_logits', { positional: [null, null], note: 'pos_weight multiplies the positive term.' }),
    torchClass('torch.nn.BCEWithLogitsLoss', { note: 'pos_weight multiplies the positive term.' }),
    tfFn('tf.nn.sigmoid_cross_entropy_with_logits', { note: 'Keyword-only: (labels=y, logits=z); no reduction.' }),
    tfClass('keras.losses.BinaryCrossentropy', { note: FROM_LOGITS }),
    tfFn('keras.losses.binary_crossentropy', { positional: [null, null], note: FROM_LOGITS }),
    tfFn('keras.ops.binary_crossentropy', { positional: [null, null], note: FROM_LOGITS }),
    jaxFn('optax.sigmoid_binary_cross_entropy', { positional: [null, null], note: '(logits, labels): logits first; no reduction.' }),
    jsFn('tf.losses.sigmoidCrossEntropy', { positional: [null, null], note: '(multiClassLabels, logits, weights?, labelSmoothing?, reduction?).' }),
  ],
  focal: [
    torchFn('torchvision.ops.sigmoid_focal_loss', {
      positional: [null, null, 'alpha', 'gamma'],
      keywords: { alpha: 'alpha', gamma: 'gamma' },
      defaults: { alpha: 0.25, gamma: 2 },
      note: "Takes logits (applies the sigmoid inside); reduction='none' by default; alpha=-1 turns the weighting off.",
    }),
    tfClass('keras.losses.BinaryFocalCrossentropy', {
      positional: [null, 'alpha', 'gamma'],
      keywords: { alpha: 'alpha', gamma: 'gamma' },
      defaults: { alpha: 0.25, gamma: 2 },
      note: 'alpha is applied only with apply_class_balancing=True (default False); from_logits=True takes logits.',
    }),
    tfFn('keras.losses.binary_focal_crossentropy', {
      positional: [null, null, null, 'alpha', 'gamma'],
      keywords: { alpha: 'alpha', gamma: 'gamma' },
      defaults: { alpha: 0.25, gamma: 2 },
      note: 'alpha is applied only with apply_class_balancing=True (default False).',
    }),
    tfString('binary_focal_crossentropy', { defaults: { alpha: 0.25, gamma: 2 }, note: 'No class balancing: alpha is not applied.' }),
    jaxFn('optax.sigmoid_focal_loss', {
      positional: [null, null, 'alpha', 'gamma'],
      keywords: { alpha: 'alpha', gamma: 'gamma' },
      defaults: { gamma: 2 },
      note: '(logits, labels): takes logits; alpha defaults to None (no weighting).',
    }),
  ],
  huber: [
    torchFn('torch.nn.functional.huber_loss', { positional: [null, null, null, 'delta'], keywords: { delta: 'delta' }, defaults: { delta: 1 } }),
    torchClass('torch.nn.HuberLoss', { positional: [null, 'delta'], keywords: { delta: 'delta' }, defaults: { delta: 1 } }),
    tfClass('keras.losses.Huber', { positional: ['delta'], keywords: { delta: 'delta' }, defaults: { delta: 1 }, note: KERAS_LOSS_MEAN }),
    tfFn('keras.losses.huber', { positional: [null, null, 'delta'], keywords: { delta: 'delta' }, defaults: { delta: 1 }, note: KERAS_LOSS_MEAN }),
    tfString('huber', { defaults: { delta: 1 }, note: KERAS_LOSS_MEAN }),
    jaxFn('optax.huber_loss', { positional: [null, null, 'delta'], keywords: { delta: 'delta' }, defaults: { delta: 1 }, note: '(predictions, targets=None, delta=1.0); no reduction.' }),
    jsFn('tf.losses.huberLoss', { positional: [null, null, null, 'delta'], defaults: { delta: 1 }, note: '(labels, predictions, weights?, delta = 1, reduction?).' }),
  ],
  smooth_l1: [
    torchFn('torch.nn.functional.smooth_l1_loss', {
      positional: [null, null, null, null, null, 'beta'],
      keywords: { beta: 'beta' },
      defaults: { beta: 1 },
      note: 'Equals huber_loss / beta; beta=0 is L1.',
    }),
    torchClass('torch.nn.SmoothL1Loss', { positional: [null, null, null, 'beta'], keywords: { beta: 'beta' }, defaults: { beta: 1 }, note: 'Equals HuberLoss / beta; beta=0 is L1.' }),
  ],
  hinge: [
    tfClass('keras.losses.Hinge', { note: 'Labels 0/1 are converted to −1/1.' }),
    tfFn('keras.losses.hinge', { positional: [null, null], note: 'Labels 0/1 are converted to −1/1.' }),
    tfString('hinge', { note: 'Labels 0/1 are converted to −1/1.' }),
    jaxFn('optax.hinge_loss', { positional: [null, null], note: '(predictor_outputs, targets): targets in {−1, 1}.' }),
    jsFn('tf.losses.hingeLoss', { positional: [null, null], note: 'Labels 0/1 are converted to −1/1.' }),
    jsString('hinge'),
  ],
  squared_hinge: [
    tfClass('keras.losses.SquaredHinge', { note: 'Labels 0/1 are converted to −1/1.' }),
    tfFn('keras.losses.squared_hinge', { positional: [null, null], note: 'Labels 0/1 are converted to −1/1.' }),
    tfString('squared_hinge', { note: 'Labels 0/1 are converted to −1/1.' }),
    jsString('squaredHinge'),
  ],
  cce: [
    tfClass('keras.losses.CategoricalCrossentropy', { note: `${KERAS_CLIP} Predictions are renormalised to sum to 1; from_logits=True gives cce_with_logits.` }),
    tfFn('keras.losses.categorical_crossentropy', { positional: [null, null], note: KERAS_CLIP }),
    tfFn('keras.ops.categorical_crossentropy', { positional: [null, null], note: `(target, output). ${KERAS_CLIP}` }),
    tfString('categorical_crossentropy', { note: KERAS_CLIP }),
    tfClass('keras.losses.SparseCategoricalCrossentropy', { note: 'Labels are class indices, not one-hot vectors.' }),
    tfFn('keras.losses.sparse_categorical_crossentropy', { positional: [null, null], note: 'Labels are class indices, not one-hot vectors.' }),
    tfString('sparse_categorical_crossentropy', { note: 'Labels are class indices, not one-hot vectors.' }),
    jsString('categoricalCrossentropy'),
    jsString('sparseCategoricalCrossentropy', { note: 'Labels are class indices, not one-hot vectors.' }),
  ],
  cce_with_logits: [
    torchFn('torch.nn.functional.cross_entropy', { positional: [null, null], note: 'Targets are class indices or probabilities; label_smoothing mixes in the uniform distribution.' }),
    torchClass('torch.nn.CrossEntropyLoss', { note: 'Targets are class indices or probabilities; label_smoothing mixes in the uniform distribution.' }),
    tfFn('tf.nn.softmax_cross_entropy_with_logits', { note: 'Keyword-only: (labels=y, logits=z); no reduction.' }),
    tfFn('tf.nn.sparse_softmax_cross_entropy_with_logits', { note: 'Labels are class indices.' }),
    tfClass('keras.losses.CategoricalCrossentropy', { note: FROM_LOGITS }),
    tfFn('keras.losses.categorical_crossentropy', { positional: [null, null], note: FROM_LOGITS }),
    tfFn('keras.ops.categorical_crossentropy', { positional: [null, null], note: FROM_LOGITS }),
    tfClass('keras.losses.SparseCategoricalCrossentropy', { note: `${FROM_LOGITS}; labels are class indices.` }),
    tfFn('keras.losses.sparse_categorical_crossentropy', { positional: [null, null], note: `${FROM_LOGITS}; labels are class indices.` }),
    jaxFn('optax.softmax_cross_entropy', { positional: [null, null], note: '(logits, labels): logits first; no reduction.' }),
    jaxFn('optax.softmax_cross_entropy_with_integer_labels', { positional: [null, null], note: '(logits, labels): labels are class indices.' }),
    jsFn('tf.losses.softmaxCrossEntropy', { positional: [null, null], note: '(onehotLabels, logits, weights?, labelSmoothing?, reduction?).' }),
  ],
  kl_div: [
    torchFn('torch.nn.functional.kl_div', {
      positional: [null, null],
      note: "input is log-probabilities, target probabilities (log_target=False); use reduction='batchmean' for the true KL.",
    }),
    torchClass('torch.nn.KLDivLoss', { note: "input is log-probabilities, target probabilities; use reduction='batchmean' for the true KL." }),
    tfClass('keras.losses.KLDivergence', { note: 'Both arguments are probabilities (clipped to [1e-7, 1]): (y_true, y_pred).' }),
    tfFn('keras.losses.kl_divergence', { positional: [null, null], note: 'Both arguments are probabilities (clipped to [1e-7, 1]).' }),
    tfString('kl_divergence'),
    tfString('kld'),
    tfString('KLD'),
    jaxFn('optax.kl_divergence', { positional: [null, null], note: '(log_predictions, targets): predictions as log-probabilities.' }),
    jsString('kullbackLeiblerDivergence'),
  ],
  log_cosh: [
    tfClass('keras.losses.LogCosh', { note: KERAS_LOSS_MEAN }),
    tfFn('keras.losses.log_cosh', { positional: [null, null], note: KERAS_LOSS_MEAN }),
    tfString('log_cosh', { note: KERAS_LOSS_MEAN }),
    jaxFn('optax.log_cosh', { positional: [null, null], note: '(predictions, targets=None); no reduction.' }),
    jsString('logcosh'),
  ],
};
