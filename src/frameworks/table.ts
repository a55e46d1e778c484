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
import type { Framework, FrameworkName, Params } from '../core/functionTypes';

type Extra = Omit<FrameworkName, 'framework' | 'name' | 'form'>;

/*
 * Where each row was checked (FACTS, issue 12): the file of the framework's own source that defines or exports
 * the name, as `owner/repo path`. Every row carries one in `source` (test/unit/frameworkFacts.test.ts fails on a
 * row without it); a fact that changed between versions says its range there and in its note.
 */
const SRC = {
  aten: 'pytorch/pytorch aten/src/ATen/native/native_functions.yaml',
  torchF: 'pytorch/pytorch torch/nn/functional.py',
  torchSpecial: 'pytorch/pytorch torch/special/__init__.py',
  torchActivation: 'pytorch/pytorch torch/nn/modules/activation.py',
  torchLoss: 'pytorch/pytorch torch/nn/modules/loss.py',
  torchvisionFocal: 'pytorch/vision torchvision/ops/focal_loss.py',
  tfNnOps: 'tensorflow/tensorflow tensorflow/python/ops/nn_ops.py',
  tfNnImpl: 'tensorflow/tensorflow tensorflow/python/ops/nn_impl.py',
  tfMath: 'tensorflow/tensorflow tensorflow/python/ops/math_ops.py',
  kerasActivations: 'keras-team/keras keras/src/activations/activations.py',
  kerasActivationStrings: 'keras-team/keras keras/src/activations/__init__.py',
  kerasOps: 'keras-team/keras keras/src/ops/nn.py',
  kerasOpsNumpy: 'keras-team/keras keras/src/ops/numpy.py',
  kerasLosses: 'keras-team/keras keras/src/losses/losses.py',
  kerasLossStrings: 'keras-team/keras keras/src/losses/__init__.py',
  jaxNn: 'jax-ml/jax jax/nn/__init__.py',
  jaxNumpy: 'jax-ml/jax jax/numpy/__init__.py',
  flaxLinen: 'google/flax flax/linen/__init__.py',
  flaxNnx: 'google/flax flax/nnx/__init__.py',
  optaxRegression: 'google-deepmind/optax optax/losses/_regression.py',
  optaxClassification: 'google-deepmind/optax optax/losses/_classification.py',
  tfjsLayers: 'tensorflow/tfjs tfjs-layers/src/layers/advanced_activations.ts',
  tfjsActivations: 'tensorflow/tfjs tfjs-layers/src/activations.ts',
  tfjsLossStrings: 'tensorflow/tfjs tfjs-layers/src/losses.ts',
  tfKerasActivations: 'keras-team/tf-keras tf_keras/activations.py',
} as const;
const tfApiDef = (op: string) => `tensorflow/tensorflow tensorflow/core/api_def/python_api/api_def_${op}.pbtxt`;
const kerasLayer = (file: string) => `keras-team/keras keras/src/layers/activations/${file}.py`;
const tfjsOp = (file: string) => `tensorflow/tfjs tfjs-core/src/ops/${file}.ts`;
const tfjsLoss = (file: string) => `tensorflow/tfjs tfjs-core/src/ops/losses/${file}.ts`;

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
  // Each module's export list was checked: jax/nn/__init__.py, flax/linen/__init__.py, flax/nnx/__init__.py.
  const out = [jaxFn(`jax.nn.${fn}`, { ...extra, source: SRC.jaxNn })];
  if (where.linen !== false) out.push(jaxFn(`flax.linen.${fn}`, { ...extra, source: SRC.flaxLinen }));
  if (where.nnx !== false) out.push(jaxFn(`flax.nnx.${fn}`, { ...extra, source: SRC.flaxNnx }));
  return out;
}

/** keras.activations.X, keras.ops.X and the string name 'X' (the activation= argument of any layer). */
function kerasActivation(fn: string, extra: Extra = X, opsName: string | false = fn): FrameworkName[] {
  const out = [tfFn(`keras.activations.${fn}`, { ...extra, source: SRC.kerasActivations })];
  // keras.ops.tanh is NumPy-style (keras/src/ops/numpy.py); the other activations are in keras/src/ops/nn.py.
  if (opsName) out.push(tfFn(`keras.ops.${opsName}`, { ...extra, source: opsName === 'tanh' ? SRC.kerasOpsNumpy : SRC.kerasOps }));
  out.push(tfString(fn, { ...stringOnly(extra), source: SRC.kerasActivationStrings }));
  return out;
}

/** A string name takes no arguments: keep only the defaults, the note and the Keras 2 fact. */
function stringOnly(extra: Extra): Extra {
  const { defaults, note, keras2 } = extra;
  return { ...(defaults ? { defaults } : {}), ...(note ? { note } : {}), ...(keras2 ? { keras2 } : {}) };
}

const alpha = (value: number): { defaults: Params } => ({ defaults: { alpha: value } });

const HARDSWISH_AT_3 = 'PyTorch′ at ±3 depends on the version: up to 2.6 the middle piece (−0.5 at −3, 1.5 at 3); after pytorch PR #148049 (2025) 0 at −3 and 1 at 3.';
/** tfjs-core/src/ops/losses/*.ts default `reduction = Reduction.SUM_BY_NONZERO_WEIGHTS` (compute_weighted_loss.ts). */
const TFJS_REDUCTION = 'Default reduction SUM_BY_NONZERO_WEIGHTS: the weighted sum over the count of non-zero weights (the mean when no weights are given).';
const KERAS_LOSS_MEAN = 'Keras losses average over the last axis, then over the batch.';
const KERAS_CLIP = 'Keras clips predictions to [1e-7, 1 − 1e-7] before the log.';
const FROM_LOGITS = 'with from_logits=True (the default False takes probabilities)';

// Built in one pure call, so a bundle that never reads the table (the webviews' preview) drops it whole.
export const frameworkNames: Readonly<Record<string, readonly FrameworkName[]>> = /* @__PURE__ */ (() => ({
  // ----------------------------------------------------------------------------------------- activations
  relu: [
    torchFn('torch.relu', { ...X, source: SRC.aten }),
    torchFn('torch.nn.functional.relu', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.ReLU', { source: SRC.torchActivation }),
    tfFn('tf.nn.relu', { ...X, source: tfApiDef('Relu') }),
    ...kerasActivation('relu', {
      ...X,
      note: 'negative_slope, max_value and threshold turn it into a leaky / capped / shifted ReLU.',
      // tf_keras/activations.py: def relu(x, alpha=0.0, max_value=None, threshold=0.0)
      keras2: { note: 'Keras 2: relu(x, alpha=0.0, max_value=None, threshold=0.0): alpha (not negative_slope) is the leaky slope.', source: SRC.tfKerasActivations },
    }),
    tfClass('keras.layers.ReLU', { source: kerasLayer('relu'), note: 'negative_slope, max_value and threshold turn it into a leaky / capped / shifted ReLU.' }),
    ...jaxFamily('relu'),
    jsFn('tf.relu', { ...X, source: tfjsOp('relu') }),
    jsClass('tf.layers.reLU', { source: SRC.tfjsLayers, note: 'maxValue caps the output.' }),
    jsString('relu', { source: SRC.tfjsActivations }),
  ],
  leaky_relu: [
    torchFn('torch.nn.functional.leaky_relu', { source: SRC.torchF, positional: [null, 'alpha'], keywords: { negative_slope: 'alpha' }, ...alpha(0.01) }),
    torchClass('torch.nn.LeakyReLU', { source: SRC.torchActivation, positional: ['alpha'], keywords: { negative_slope: 'alpha' }, ...alpha(0.01) }),
    tfFn('tf.nn.leaky_relu', { source: SRC.tfNnOps, positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(0.2), note: 'Default slope 0.2, not 0.01.' }),
    tfFn('keras.activations.leaky_relu', { source: SRC.kerasActivations, positional: [null, 'alpha'], keywords: { negative_slope: 'alpha' }, ...alpha(0.2), note: 'Default slope 0.2, not 0.01.' }),
    tfFn('keras.ops.leaky_relu', { source: SRC.kerasOps, positional: [null, 'alpha'], keywords: { negative_slope: 'alpha' }, ...alpha(0.2), note: 'Default slope 0.2, not 0.01.' }),
    tfClass('keras.layers.LeakyReLU', {
      source: kerasLayer('leaky_relu'),
      positional: ['alpha'],
      keywords: { negative_slope: 'alpha', alpha: 'alpha' },
      ...alpha(0.3),
      note: 'Default slope 0.3 (the layer), unlike keras.activations.leaky_relu (0.2); alpha= is the deprecated spelling of negative_slope.',
      keras2: { note: 'Keras 2: LeakyReLU(alpha=0.3); there is no negative_slope keyword.', source: 'keras-team/tf-keras tf_keras/layers/activation/leaky_relu.py' },
    }),
    tfString('leaky_relu', {
      source: SRC.kerasActivationStrings,
      ...alpha(0.2),
      note: "The string 'leaky_relu' uses keras.activations.leaky_relu: slope 0.2.",
      // tf_keras/activations.py keeps `leaky_relu = tf.nn.leaky_relu` as a module global so deserialize() finds it.
      keras2: { note: "Keras 2: the string 'leaky_relu' uses tf.nn.leaky_relu: slope 0.2.", source: SRC.tfKerasActivations },
    }),
    ...jaxFamily('leaky_relu', { positional: [null, 'alpha'], keywords: { negative_slope: 'alpha' }, ...alpha(0.01) }),
    jsFn('tf.leakyRelu', { source: tfjsOp('leaky_relu'), positional: [null, 'alpha'], ...alpha(0.2), note: 'Default slope 0.2.' }),
    jsClass('tf.layers.leakyReLU', { source: SRC.tfjsLayers, keywords: { alpha: 'alpha' }, ...alpha(0.3), note: 'Default slope 0.3 (the layer), unlike tf.leakyRelu (0.2).' }),
  ],
  prelu: [
    torchFn('torch.nn.functional.prelu', { source: SRC.torchF, positional: [null, null], note: 'The slope is the weight tensor (one per channel or one shared).' }),
    torchClass('torch.nn.PReLU', {
      source: SRC.torchActivation,
      positional: [null, 'alpha'],
      keywords: { init: 'alpha' },
      ...alpha(0.25),
      note: 'α is learned; init is its starting value, num_parameters=C learns one per channel.',
    }),
    tfClass('keras.layers.PReLU', { source: kerasLayer('prelu'), ...alpha(0), note: "α is learned and starts at 0 (alpha_initializer='zeros'): a ReLU until trained." }),
    jaxClass('flax.linen.PReLU', { source: SRC.flaxLinen, keywords: { negative_slope_init: 'alpha' }, ...alpha(0.01), note: 'α is learned and starts at 0.01 (negative_slope_init).' }),
    jaxClass('flax.nnx.PReLU', { source: SRC.flaxNnx, positional: ['alpha'], keywords: { negative_slope_init: 'alpha' }, ...alpha(0.01), note: 'α is learned and starts at 0.01 (negative_slope_init).' }),
    jsFn('tf.prelu', { source: tfjsOp('prelu'), positional: [null, null], note: 'The slope is a tensor argument.' }),
    jsClass('tf.layers.prelu', { source: SRC.tfjsLayers, ...alpha(0), note: 'α is learned and starts at 0 (alphaInitializer zeros).' }),
  ],
  sigmoid: [
    torchFn('torch.sigmoid', { ...X, source: SRC.aten }),
    torchFn('torch.special.expit', { ...X, source: SRC.torchSpecial }),
    torchFn('torch.nn.functional.sigmoid', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.Sigmoid', { source: SRC.torchActivation }),
    tfFn('tf.nn.sigmoid', { ...X, source: SRC.tfMath }),
    tfFn('tf.math.sigmoid', { ...X, source: SRC.tfMath }),
    tfFn('tf.sigmoid', { ...X, source: SRC.tfMath }),
    ...kerasActivation('sigmoid'),
    ...jaxFamily('sigmoid'),
    jsFn('tf.sigmoid', { ...X, source: tfjsOp('sigmoid') }),
    jsString('sigmoid', { source: SRC.tfjsActivations }),
  ],
  tanh: [
    torchFn('torch.tanh', { ...X, source: SRC.aten }),
    torchFn('torch.nn.functional.tanh', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.Tanh', { source: SRC.torchActivation }),
    tfFn('tf.nn.tanh', { ...X, source: tfApiDef('Tanh') }),
    tfFn('tf.math.tanh', { ...X, source: tfApiDef('Tanh') }),
    tfFn('tf.tanh', { ...X, source: tfApiDef('Tanh') }),
    ...kerasActivation('tanh'),
    jaxFn('jax.numpy.tanh', { ...X, source: SRC.jaxNumpy }),
    jaxFn('jax.nn.tanh', { ...X, source: SRC.jaxNn }),
    jaxFn('flax.linen.tanh', { ...X, source: SRC.flaxLinen }),
    jaxFn('flax.nnx.tanh', { ...X, source: SRC.flaxNnx }),
    jsFn('tf.tanh', { ...X, source: tfjsOp('tanh') }),
    jsString('tanh', { source: SRC.tfjsActivations }),
  ],
  softmax: [
    torchFn('torch.softmax', { source: SRC.aten, ...X, note: 'Give dim explicitly.' }),
    torchFn('torch.special.softmax', { ...X, source: SRC.torchSpecial }),
    torchFn('torch.nn.functional.softmax', { source: SRC.torchF, ...X, note: 'Give dim explicitly; the implicit choice is deprecated.' }),
    torchClass('torch.nn.Softmax', { source: SRC.torchActivation, note: 'Give dim explicitly; the implicit choice is deprecated.' }),
    tfFn('tf.nn.softmax', { ...X, source: SRC.tfNnOps }),
    tfFn('tf.math.softmax', { ...X, source: SRC.tfNnOps }),
    ...kerasActivation('softmax'),
    tfClass('keras.layers.Softmax', { source: kerasLayer('softmax') }),
    ...jaxFamily('softmax'),
    jsFn('tf.softmax', { ...X, source: tfjsOp('softmax') }),
    // advanced_activations.ts: `readonly DEFAULT_AXIS = 1.0`, while SoftmaxLayerArgs documents `Defaults to -1`.
    jsClass('tf.layers.softmax', { source: SRC.tfjsLayers, note: 'Default axis is 1 in the code (its docs say −1): give axis explicitly for inputs of rank 3 or more.' }),
    jsString('softmax', { source: SRC.tfjsActivations }),
  ],
  log_softmax: [
    torchFn('torch.log_softmax', { ...X, source: SRC.aten }),
    torchFn('torch.special.log_softmax', { ...X, source: SRC.torchSpecial }),
    torchFn('torch.nn.functional.log_softmax', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.LogSoftmax', { source: SRC.torchActivation }),
    tfFn('tf.nn.log_softmax', { ...X, source: SRC.tfNnOps }),
    tfFn('tf.math.log_softmax', { ...X, source: SRC.tfNnOps }),
    ...kerasActivation('log_softmax'),
    ...jaxFamily('log_softmax'),
    jsFn('tf.logSoftmax', { ...X, source: tfjsOp('log_softmax') }),
    jsString('logSoftmax', { source: SRC.tfjsActivations }),
  ],
  elu: [
    torchFn('torch.nn.functional.elu', { source: SRC.torchF, positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    torchClass('torch.nn.ELU', { source: SRC.torchActivation, positional: ['alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    tfFn('tf.nn.elu', { source: tfApiDef('Elu'), ...X, ...alpha(1), note: 'No α argument: always α = 1.' }),
    ...kerasActivation('elu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    tfClass('keras.layers.ELU', { source: kerasLayer('elu'), positional: ['alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    ...jaxFamily('elu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    jsFn('tf.elu', { source: tfjsOp('elu'), ...X, ...alpha(1), note: 'No α argument: always α = 1.' }),
    // ELU's constructor throws NotImplementedError for args.alpha ≠ 1; the 'elu' string goes through K.elu, which throws too.
    jsClass('tf.layers.elu', { source: SRC.tfjsLayers, keywords: { alpha: 'alpha' }, ...alpha(1), note: 'Only alpha = 1 works: any other alpha throws NotImplementedError.' }),
    jsString('elu', { ...alpha(1), source: `${SRC.tfjsActivations}, tfjs-layers/src/backend/tfjs_backend.ts`, note: 'Always α = 1 (K.elu throws for any other alpha).' }),
  ],
  selu: [
    torchFn('torch.selu', { ...X, source: SRC.aten }),
    torchFn('torch.nn.functional.selu', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.SELU', { source: SRC.torchActivation }),
    tfFn('tf.nn.selu', { ...X, source: tfApiDef('Selu') }),
    ...kerasActivation('selu'),
    ...jaxFamily('selu'),
    jsFn('tf.selu', { ...X, source: tfjsOp('selu') }),
    jsString('selu', { source: SRC.tfjsActivations }),
  ],
  gelu: [
    torchFn('torch.nn.functional.gelu', { source: SRC.torchF, ...X, note: "Exact (erf) by default; approximate='tanh' gives gelu_tanh." }),
    torchClass('torch.nn.GELU', { source: SRC.torchActivation, note: "Exact (erf) by default; approximate='tanh' gives gelu_tanh." }),
    tfFn('tf.nn.gelu', { source: SRC.tfNnOps, ...X, note: 'Exact by default (approximate=False).' }),
    tfFn('keras.activations.gelu', { source: SRC.kerasActivations, ...X, note: 'Exact by default (approximate=False).' }),
    tfString('gelu', { source: SRC.kerasActivationStrings, note: "The string 'gelu' uses keras.activations.gelu: exact." }),
    tfFn('keras.ops.gelu', { source: SRC.kerasOps, ...X, note: 'with approximate=False (the default True is gelu_tanh).' }),
    ...jaxFamily('gelu', { ...X, note: 'with approximate=False (the default True is gelu_tanh).' }),
    jsString('gelu', { source: SRC.tfjsActivations, note: "TF.js 'gelu' is exact (erf); 'gelu_new' is the tanh approximation." }),
  ],
  gelu_tanh: [
    torchFn('torch.nn.functional.gelu', { source: SRC.torchF, ...X, note: "with approximate='tanh' (the default 'none' is the exact gelu)." }),
    torchClass('torch.nn.GELU', { source: SRC.torchActivation, note: "with approximate='tanh' (the default 'none' is the exact gelu)." }),
    tfFn('tf.nn.gelu', { source: SRC.tfNnOps, ...X, note: 'with approximate=True (the default False is the exact gelu).' }),
    tfFn('keras.activations.gelu', { source: SRC.kerasActivations, ...X, note: 'with approximate=True (the default False is the exact gelu).' }),
    tfFn('keras.ops.gelu', { source: SRC.kerasOps, ...X, note: 'Tanh approximation by default (approximate=True), unlike keras.activations.gelu.' }),
    ...jaxFamily('gelu', { ...X, note: 'Tanh approximation by default (approximate=True), unlike PyTorch.' }),
    jsString('gelu_new', { source: SRC.tfjsActivations, note: "TF.js 'gelu_new' is the tanh approximation." }),
  ],
  silu: [
    torchFn('torch.nn.functional.silu', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.SiLU', { source: SRC.torchActivation }),
    tfFn('tf.nn.silu', { source: SRC.tfNnImpl, ...X, note: 'beta (default 1) scales the sigmoid’s input: x·σ(βx).' }),
    tfFn('tf.nn.swish', { ...X, source: SRC.tfNnImpl }),
    ...kerasActivation('silu'),
    ...kerasActivation('swish'),
    ...jaxFamily('silu'),
    ...jaxFamily('swish'),
    jsString('swish', { source: SRC.tfjsActivations, note: 'TF.js swish is x·σ(x).' }),
  ],
  mish: [
    torchFn('torch.nn.functional.mish', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.Mish', { source: SRC.torchActivation }),
    ...kerasActivation('mish', X, false),
    jaxFn('jax.nn.mish', { ...X, source: SRC.jaxNn }),
    jsString('mish', { source: SRC.tfjsActivations }),
  ],
  softplus: [
    torchFn('torch.nn.functional.softplus', { source: SRC.torchF, ...X, note: 'beta (default 1) gives softplus(βx)/β; above threshold=20 it returns x.' }),
    torchClass('torch.nn.Softplus', { source: SRC.torchActivation, note: 'beta (default 1) gives softplus(βx)/β; above threshold=20 it returns x.' }),
    tfFn('tf.nn.softplus', { ...X, source: SRC.tfMath }),
    tfFn('tf.math.softplus', { ...X, source: SRC.tfMath }),
    ...kerasActivation('softplus'),
    ...jaxFamily('softplus'),
    jsFn('tf.softplus', { ...X, source: tfjsOp('softplus') }),
    jsString('softplus', { source: SRC.tfjsActivations }),
  ],
  softsign: [
    torchFn('torch.nn.functional.softsign', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.Softsign', { source: SRC.torchActivation }),
    tfFn('tf.nn.softsign', { ...X, source: tfApiDef('Softsign') }),
    tfFn('tf.math.softsign', { ...X, source: tfApiDef('Softsign') }),
    ...kerasActivation('softsign'),
    ...jaxFamily('soft_sign'),
    jsString('softsign', { source: SRC.tfjsActivations }),
  ],
  relu6: [
    torchFn('torch.nn.functional.relu6', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.ReLU6', { source: SRC.torchActivation }),
    tfFn('tf.nn.relu6', { ...X, source: SRC.tfNnOps }),
    ...kerasActivation('relu6'),
    ...jaxFamily('relu6'),
    jsFn('tf.relu6', { ...X, source: tfjsOp('relu6') }),
    jsString('relu6', { source: SRC.tfjsActivations }),
  ],
  hard_sigmoid: [
    torchFn('torch.nn.functional.hardsigmoid', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.Hardsigmoid', { source: SRC.torchActivation }),
    ...kerasActivation('hard_sigmoid', {
      ...X,
      note: 'Keras 3: relu6(x + 3)/6.',
      // Keras 2 is tf.keras ≤ 2.15 and the tf_keras package (TF ≥ 2.16 with TF_USE_LEGACY_KERAS=1): backend.hard_sigmoid.
      keras2: {
        note: 'Keras 2: clip(0.2x + 0.5, 0, 1), slope 0.2 saturating at ±2.5 — in tf.keras ≤ 2.15 and in tf_keras (TF ≥ 2.16 with TF_USE_LEGACY_KERAS=1).',
        id: 'hard_sigmoid_linear',
        source: `${SRC.tfKerasActivations}, tf_keras/backend.py`,
      },
    }),
    ...jaxFamily('hard_sigmoid'),
  ],
  hard_sigmoid_linear: [
    // tfjs-layers/src/activations.ts HardSigmoid → backend/tfjs_backend.ts hardSigmoid: clipByValue(0.5 + 0.2·x, 0, 1).
    jsString('hardSigmoid', {
      source: `${SRC.tfjsActivations}, tfjs-layers/src/backend/tfjs_backend.ts`,
      note: 'TF.js computes clip(0.2x + 0.5, 0, 1), as Keras 2 did — not relu6(x + 3)/6 like Keras 3 and PyTorch.',
    }),
  ],
  hard_swish: [
    torchFn('torch.nn.functional.hardswish', { ...X, source: `${SRC.torchF}; backward: aten/src/ATen/native/cpu/Activation.cpp (±3 changed by PR #148049)`, note: HARDSWISH_AT_3 }),
    torchClass('torch.nn.Hardswish', { source: `${SRC.torchActivation}; backward: aten/src/ATen/native/cpu/Activation.cpp (±3 changed by PR #148049)`, note: HARDSWISH_AT_3 }),
    ...kerasActivation('hard_silu'),
    ...kerasActivation('hard_swish'),
    ...jaxFamily('hard_silu'),
    ...jaxFamily('hard_swish'),
  ],
  celu: [
    torchFn('torch.celu', { source: SRC.aten, positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    torchFn('torch.nn.functional.celu', { source: SRC.torchF, positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    torchClass('torch.nn.CELU', { source: SRC.torchActivation, positional: ['alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    ...kerasActivation('celu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
    ...jaxFamily('celu', { positional: [null, 'alpha'], keywords: { alpha: 'alpha' }, ...alpha(1) }),
  ],
  log_sigmoid: [
    torchFn('torch.nn.functional.logsigmoid', { ...X, source: SRC.torchF }),
    torchClass('torch.nn.LogSigmoid', { source: SRC.torchActivation }),
    tfFn('tf.math.log_sigmoid', { ...X, source: SRC.tfMath }),
    ...kerasActivation('log_sigmoid'),
    ...jaxFamily('log_sigmoid'),
    jsFn('tf.logSigmoid', { ...X, source: tfjsOp('log_sigmoid') }),
  ],

  // ---------------------------------------------------------------------------------------------- losses
  mse: [
    torchFn('torch.nn.functional.mse_loss', { source: SRC.torchF, positional: [null, null], note: 'Arguments are (input=ŷ, target=y); reduction mean over all elements.' }),
    torchClass('torch.nn.MSELoss', { source: SRC.torchLoss, note: 'Called as loss(input=ŷ, target=y); reduction mean over all elements.' }),
    tfClass('keras.losses.MeanSquaredError', { source: SRC.kerasLosses, note: KERAS_LOSS_MEAN }),
    tfFn('keras.losses.mean_squared_error', { source: SRC.kerasLosses, positional: [null, null], note: `(y_true, y_pred). ${KERAS_LOSS_MEAN}` }),
    tfString('mean_squared_error', { source: SRC.kerasLossStrings, note: KERAS_LOSS_MEAN }),
    tfString('mse', { source: SRC.kerasLossStrings, note: KERAS_LOSS_MEAN }),
    tfString('MSE', { source: SRC.kerasLossStrings, note: KERAS_LOSS_MEAN }),
    jaxFn('optax.l2_loss', { source: SRC.optaxRegression, positional: [null, null], note: 'Half the squared error: ½(ŷ − y)², no reduction.' }),
    jaxFn('optax.squared_error', { source: SRC.optaxRegression, positional: [null, null], note: '(predictions, targets): (ŷ − y)², no reduction.' }),
    jsFn('tf.losses.meanSquaredError', { source: tfjsLoss('mean_squared_error'), positional: [null, null], note: `(labels, predictions, weights?, reduction?). ${TFJS_REDUCTION}` }),
    jsString('meanSquaredError', { source: SRC.tfjsLossStrings }),
  ],
  mae: [
    torchFn('torch.nn.functional.l1_loss', { source: SRC.torchF, positional: [null, null] }),
    torchClass('torch.nn.L1Loss', { source: SRC.torchLoss }),
    tfClass('keras.losses.MeanAbsoluteError', { source: SRC.kerasLosses, note: KERAS_LOSS_MEAN }),
    tfFn('keras.losses.mean_absolute_error', { source: SRC.kerasLosses, positional: [null, null], note: KERAS_LOSS_MEAN }),
    tfString('mean_absolute_error', { source: SRC.kerasLossStrings, note: KERAS_LOSS_MEAN }),
    tfString('mae', { source: SRC.kerasLossStrings, note: KERAS_LOSS_MEAN }),
    tfString('MAE', { source: SRC.kerasLossStrings, note: KERAS_LOSS_MEAN }),
    jsFn('tf.losses.absoluteDifference', { source: tfjsLoss('absolute_difference'), positional: [null, null], note: `(labels, predictions, weights?, reduction?). ${TFJS_REDUCTION}` }),
    jsString('meanAbsoluteError', { source: SRC.tfjsLossStrings }),
  ],
  bce: [
    torchFn('torch.nn.functional.binary_cross_entropy', { source: SRC.torchF, positional: [null, null], note: 'Clamps each log at −100, so the loss never exceeds 100.' }),
    torchClass('torch.nn.BCELoss', { source: SRC.torchLoss, note: 'Clamps each log at −100, so the loss never exceeds 100.' }),
    tfClass('keras.losses.BinaryCrossentropy', { source: SRC.kerasLosses, positional: [null, 'label_smoothing'], keywords: { label_smoothing: 'label_smoothing' }, note: `${KERAS_CLIP} from_logits=True gives bce_with_logits.` }),
    tfFn('keras.losses.binary_crossentropy', { source: SRC.kerasLosses, positional: [null, null, null, 'label_smoothing'], keywords: { label_smoothing: 'label_smoothing' }, note: `${KERAS_CLIP} ${KERAS_LOSS_MEAN}` }),
    tfFn('keras.ops.binary_crossentropy', { source: SRC.kerasOps, positional: [null, null], note: `(target, output). ${KERAS_CLIP}` }),
    tfString('binary_crossentropy', { source: SRC.kerasLossStrings, note: KERAS_CLIP }),
    tfString('bce', { source: SRC.kerasLossStrings, note: KERAS_CLIP }),
    tfString('BCE', { source: SRC.kerasLossStrings, note: KERAS_CLIP }),
    jsFn('tf.losses.logLoss', { source: tfjsLoss('log_loss'), positional: [null, null], note: `(labels, predictions, weights?, epsilon = 1e-7, reduction?): ε is added inside both logs. ${TFJS_REDUCTION}` }),
    jsString('binaryCrossentropy', {
      source: `${SRC.tfjsLossStrings}; ε: tfjs-core/src/backends/backend.ts, tfjs-backend-webgl/src/backend_webgl.ts`,
      note: "Clips predictions to [ε, 1 − ε] with the backend's ε: 1e-7 in float32, 1e-4 on WebGL with float16 textures.",
    }),
  ],
  bce_with_logits: [
    torchFn('torch.nn.functional.binary_cross_entropy_with_logits', { source: SRC.torchF, positional: [null, null], note: 'pos_weight multiplies the positive term.' }),
    torchClass('torch.nn.BCEWithLogitsLoss', { source: SRC.torchLoss, note: 'pos_weight multiplies the positive term.' }),
    // TF2: sigmoid_cross_entropy_with_logits_v2(labels=None, logits=None, name=None), exported with v1=[]; TF1's has _sentinel.
    tfFn('tf.nn.sigmoid_cross_entropy_with_logits', { source: SRC.tfNnImpl, positional: [null, null], note: '(labels, logits): labels first, positional in TF2 (keyword-only only in TF1); no reduction.' }),
    tfClass('keras.losses.BinaryCrossentropy', { source: SRC.kerasLosses, positional: [null, 'label_smoothing'], keywords: { label_smoothing: 'label_smoothing' }, note: FROM_LOGITS }),
    tfFn('keras.losses.binary_crossentropy', { source: SRC.kerasLosses, positional: [null, null, null, 'label_smoothing'], keywords: { label_smoothing: 'label_smoothing' }, note: FROM_LOGITS }),
    tfFn('keras.ops.binary_crossentropy', { source: SRC.kerasOps, positional: [null, null], note: FROM_LOGITS }),
    jaxFn('optax.sigmoid_binary_cross_entropy', { source: SRC.optaxClassification, positional: [null, null], note: '(logits, labels): logits first; no reduction.' }),
    jsFn('tf.losses.sigmoidCrossEntropy', { source: tfjsLoss('sigmoid_cross_entropy'), positional: [null, null, null, 'label_smoothing'], note: `(multiClassLabels, logits, weights?, labelSmoothing = 0, reduction?): labelSmoothing s moves labels toward ½: y(1 − s) + s/2. ${TFJS_REDUCTION}` }),
  ],
  focal: [
    // α < 0 is the core's "no class weighting" (torchvision's own spelling: `if alpha >= 0:` around the weight).
    torchFn('torchvision.ops.sigmoid_focal_loss', {
      source: SRC.torchvisionFocal,
      positional: [null, null, 'alpha', 'gamma'],
      keywords: { alpha: 'alpha', gamma: 'gamma' },
      defaults: { alpha: 0.25, gamma: 2 },
      note: "Takes logits (applies the sigmoid inside); reduction='none' by default; α = 0.25 applies unless alpha=-1 (any alpha < 0) turns the weighting off.",
    }),
    // keras/src/losses/losses.py: `if apply_class_balancing:` around the α weight; the gate is PARAM_GATES (switches.ts).
    tfClass('keras.losses.BinaryFocalCrossentropy', {
      source: SRC.kerasLosses,
      positional: [null, 'alpha', 'gamma'],
      keywords: { alpha: 'alpha', gamma: 'gamma' },
      defaults: { alpha: -1, gamma: 2 },
      note: 'No α weighting by default: alpha (0.25) applies only with apply_class_balancing=True (default False); from_logits=True takes logits.',
    }),
    tfFn('keras.losses.binary_focal_crossentropy', {
      source: SRC.kerasLosses,
      positional: [null, null, null, 'alpha', 'gamma'],
      keywords: { alpha: 'alpha', gamma: 'gamma' },
      defaults: { alpha: -1, gamma: 2 },
      note: 'No α weighting by default: alpha (0.25) applies only with apply_class_balancing=True (default False).',
    }),
    tfString('binary_focal_crossentropy', { source: SRC.kerasLossStrings, defaults: { alpha: -1, gamma: 2 }, note: 'No class balancing: alpha is not applied.' }),
    jaxFn('optax.sigmoid_focal_loss', {
      // alpha and gamma became keyword-only in optax 0.2.7 (v0.2.6 took them third and fourth). Both are read.
      // `if alpha is None: return loss` since v0.2.6; up to v0.2.5 `alpha = -1 if alpha is None` and a negative alpha was off.
      source: `${SRC.optaxClassification} (alpha, gamma keyword-only since v0.2.7; alpha=None is no weighting)`,
      positional: [null, null, 'alpha', 'gamma'],
      keywords: { alpha: 'alpha', gamma: 'gamma' },
      defaults: { alpha: -1, gamma: 2 },
      note: '(logits, labels, *, alpha=None, gamma=2.0): takes logits; alpha=None (the default) is no weighting, an alpha given applies (since optax 0.2.6 even a negative one; up to 0.2.5 a negative alpha was off); alpha and gamma are keyword-only since optax 0.2.7 (positional up to 0.2.6).',
    }),
  ],
  huber: [
    torchFn('torch.nn.functional.huber_loss', { source: SRC.torchF, positional: [null, null, null, 'delta'], keywords: { delta: 'delta' }, defaults: { delta: 1 } }),
    torchClass('torch.nn.HuberLoss', { source: SRC.torchLoss, positional: [null, 'delta'], keywords: { delta: 'delta' }, defaults: { delta: 1 } }),
    tfClass('keras.losses.Huber', { source: SRC.kerasLosses, positional: ['delta'], keywords: { delta: 'delta' }, defaults: { delta: 1 }, note: KERAS_LOSS_MEAN }),
    tfFn('keras.losses.huber', { source: SRC.kerasLosses, positional: [null, null, 'delta'], keywords: { delta: 'delta' }, defaults: { delta: 1 }, note: KERAS_LOSS_MEAN }),
    tfString('huber', { source: SRC.kerasLossStrings, defaults: { delta: 1 }, note: KERAS_LOSS_MEAN }),
    // delta became keyword-only in optax 0.2.7 (v0.2.6: `delta: float = 1.0` third; v0.2.7: after `*`). Both are read.
    jaxFn('optax.huber_loss', {
      source: `${SRC.optaxRegression} (delta keyword-only since v0.2.7)`,
      positional: [null, null, 'delta'],
      keywords: { delta: 'delta' },
      defaults: { delta: 1 },
      note: '(predictions, targets=None, *, delta=1.0): delta is keyword-only since optax 0.2.7 (a positional delta is a TypeError there; up to 0.2.6 it was the third argument); no reduction.',
    }),
    jsFn('tf.losses.huberLoss', { source: tfjsLoss('huber_loss'), positional: [null, null, null, 'delta'], defaults: { delta: 1 }, note: `(labels, predictions, weights?, delta = 1, reduction?). ${TFJS_REDUCTION}` }),
  ],
  smooth_l1: [
    torchFn('torch.nn.functional.smooth_l1_loss', {
      source: SRC.torchF,
      positional: [null, null, null, null, null, 'beta'],
      keywords: { beta: 'beta' },
      defaults: { beta: 1 },
      note: 'Equals huber_loss / beta; beta=0 is L1.',
    }),
    torchClass('torch.nn.SmoothL1Loss', { source: SRC.torchLoss, positional: [null, null, null, 'beta'], keywords: { beta: 'beta' }, defaults: { beta: 1 }, note: 'Equals HuberLoss / beta; beta=0 is L1.' }),
  ],
  hinge: [
    tfClass('keras.losses.Hinge', { source: SRC.kerasLosses, note: 'Labels 0/1 are converted to −1/1.' }),
    tfFn('keras.losses.hinge', { source: SRC.kerasLosses, positional: [null, null], note: 'Labels 0/1 are converted to −1/1.' }),
    tfString('hinge', { source: SRC.kerasLossStrings, note: 'Labels 0/1 are converted to −1/1.' }),
    jaxFn('optax.hinge_loss', { source: SRC.optaxClassification, positional: [null, null], note: '(predictor_outputs, targets): targets in {−1, 1}.' }),
    // hinge_loss.ts maps every label through 2·labels − 1, whatever it is: 0/1 in, ±1 used.
    jsFn('tf.losses.hingeLoss', {
      source: tfjsLoss('hinge_loss'),
      positional: [null, null],
      note: '(labels, predictions, weights?, reduction = SUM_BY_NONZERO_WEIGHTS). Requires 0/1 labels: it always computes 2·labels − 1, so ±1 labels silently give wrong losses (−1 becomes −3).',
    }),
    jsString('hinge', { source: SRC.tfjsLossStrings }),
  ],
  squared_hinge: [
    tfClass('keras.losses.SquaredHinge', { source: SRC.kerasLosses, note: 'Labels 0/1 are converted to −1/1.' }),
    tfFn('keras.losses.squared_hinge', { source: SRC.kerasLosses, positional: [null, null], note: 'Labels 0/1 are converted to −1/1.' }),
    tfString('squared_hinge', { source: SRC.kerasLossStrings, note: 'Labels 0/1 are converted to −1/1.' }),
    jsString('squaredHinge', { source: SRC.tfjsLossStrings }),
  ],
  cce: [
    tfClass('keras.losses.CategoricalCrossentropy', { source: SRC.kerasLosses, note: `${KERAS_CLIP} Predictions are renormalised to sum to 1; label_smoothing moves targets toward 1/K (modelled in cce_with_logits only); from_logits=True gives cce_with_logits.` }),
    tfFn('keras.losses.categorical_crossentropy', { source: SRC.kerasLosses, positional: [null, null], note: KERAS_CLIP }),
    tfFn('keras.ops.categorical_crossentropy', { source: SRC.kerasOps, positional: [null, null], note: `(target, output). ${KERAS_CLIP}` }),
    tfString('categorical_crossentropy', { source: SRC.kerasLossStrings, note: KERAS_CLIP }),
    tfClass('keras.losses.SparseCategoricalCrossentropy', { source: SRC.kerasLosses, note: 'Labels are class indices, not one-hot vectors.' }),
    tfFn('keras.losses.sparse_categorical_crossentropy', { source: SRC.kerasLosses, positional: [null, null], note: 'Labels are class indices, not one-hot vectors.' }),
    tfString('sparse_categorical_crossentropy', { source: SRC.kerasLossStrings, note: 'Labels are class indices, not one-hot vectors.' }),
    jsString('categoricalCrossentropy', { source: SRC.tfjsLossStrings }),
    jsString('sparseCategoricalCrossentropy', { source: SRC.tfjsLossStrings, note: 'Labels are class indices, not one-hot vectors.' }),
  ],
  cce_with_logits: [
    torchFn('torch.nn.functional.cross_entropy', { source: SRC.torchF, positional: [null, null, null, null, null, null, null, 'label_smoothing'], keywords: { label_smoothing: 'label_smoothing' }, note: 'Targets are class indices or probabilities; label_smoothing mixes in the uniform distribution.' }),
    torchClass('torch.nn.CrossEntropyLoss', { source: SRC.torchLoss, positional: [null, null, null, null, null, 'label_smoothing'], keywords: { label_smoothing: 'label_smoothing' }, note: 'Targets are class indices or probabilities; label_smoothing mixes in the uniform distribution.' }),
    // TF2: softmax_cross_entropy_with_logits_v2(labels, logits, axis=-1, name=None), exported with v1=[].
    tfFn('tf.nn.softmax_cross_entropy_with_logits', { source: SRC.tfNnOps, positional: [null, null], note: '(labels, logits): labels first, positional in TF2 (keyword-only only in TF1); no reduction.' }),
    tfFn('tf.nn.sparse_softmax_cross_entropy_with_logits', { source: SRC.tfNnOps, positional: [null, null], note: '(labels, logits): labels are class indices.' }),
    tfClass('keras.losses.CategoricalCrossentropy', { source: SRC.kerasLosses, positional: [null, 'label_smoothing'], keywords: { label_smoothing: 'label_smoothing' }, note: FROM_LOGITS }),
    tfFn('keras.losses.categorical_crossentropy', { source: SRC.kerasLosses, positional: [null, null, null, 'label_smoothing'], keywords: { label_smoothing: 'label_smoothing' }, note: FROM_LOGITS }),
    tfFn('keras.ops.categorical_crossentropy', { source: SRC.kerasOps, positional: [null, null], note: FROM_LOGITS }),
    tfClass('keras.losses.SparseCategoricalCrossentropy', { source: SRC.kerasLosses, note: `${FROM_LOGITS}; labels are class indices.` }),
    tfFn('keras.losses.sparse_categorical_crossentropy', { source: SRC.kerasLosses, positional: [null, null], note: `${FROM_LOGITS}; labels are class indices.` }),
    jaxFn('optax.softmax_cross_entropy', { source: SRC.optaxClassification, positional: [null, null], note: '(logits, labels): logits first; no reduction.' }),
    jaxFn('optax.softmax_cross_entropy_with_integer_labels', { source: SRC.optaxClassification, positional: [null, null], note: '(logits, labels): labels are class indices.' }),
    jsFn('tf.losses.softmaxCrossEntropy', { source: tfjsLoss('softmax_cross_entropy'), positional: [null, null, null, 'label_smoothing'], note: `(onehotLabels, logits, weights?, labelSmoothing = 0, reduction?): labelSmoothing s moves labels toward 1/K: y(1 − s) + s/K. ${TFJS_REDUCTION}` }),
  ],
  kl_div: [
    torchFn('torch.nn.functional.kl_div', {
      source: SRC.torchF,
      positional: [null, null],
      note: "input is log-probabilities, target probabilities (log_target=False; log_target=True is kl_div_log_target); use reduction='batchmean' for the true KL.",
    }),
    torchClass('torch.nn.KLDivLoss', { source: SRC.torchLoss, note: "input is log-probabilities, target probabilities; use reduction='batchmean' for the true KL." }),
    tfClass('keras.losses.KLDivergence', { source: SRC.kerasLosses, note: 'Both arguments are probabilities (clipped to [1e-7, 1]): (y_true, y_pred).' }),
    tfFn('keras.losses.kl_divergence', { source: SRC.kerasLosses, positional: [null, null], note: 'Both arguments are probabilities (clipped to [1e-7, 1]).' }),
    tfString('kl_divergence', { source: SRC.kerasLossStrings }),
    tfString('kld', { source: SRC.kerasLossStrings }),
    tfString('KLD', { source: SRC.kerasLossStrings }),
    jaxFn('optax.kl_divergence', { source: SRC.optaxClassification, positional: [null, null], note: '(log_predictions, targets): predictions as log-probabilities.' }),
    jsString('kullbackLeiblerDivergence', { source: SRC.tfjsLossStrings }),
  ],
  nll: [
    // torch/nn/functional.py: nll_loss(input, target, weight=None, size_average=None, ignore_index=-100, reduce=None, reduction='mean')
    torchFn('torch.nn.functional.nll_loss', {
      source: SRC.torchF,
      positional: [null, null],
      note: "(input, target): input is log-probabilities (log_softmax output), target class indices; reduction='mean' averages over the targets (weighted by weight=).",
    }),
    torchClass('torch.nn.NLLLoss', {
      source: SRC.torchLoss,
      note: "Called as loss(input, target): log-probabilities and class indices; ignore_index=-100 skips those targets.",
    }),
  ],
  kl_div_log_target: [
    // torch/nn/functional.py: kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False)
    torchFn('torch.nn.functional.kl_div', {
      source: SRC.torchF,
      positional: [null, null],
      note: "with log_target=True: (input, target) both log-probabilities, exp(target)·(target − input); use reduction='batchmean' for the true KL.",
    }),
    torchClass('torch.nn.KLDivLoss', {
      source: SRC.torchLoss,
      note: "with log_target=True: loss(input, target) both log-probabilities; use reduction='batchmean' for the true KL.",
    }),
    // optax/losses/_classification.py: exp(log_targets) * (log_targets - log_predictions), summed over axis.
    jaxFn('optax.kl_divergence_with_log_targets', {
      source: SRC.optaxClassification,
      positional: [null, null],
      note: '(log_predictions, log_targets): predictions first, both log-probabilities; summed over the last axis.',
    }),
  ],
  log_cosh: [
    tfClass('keras.losses.LogCosh', { source: SRC.kerasLosses, note: KERAS_LOSS_MEAN }),
    tfFn('keras.losses.log_cosh', { source: SRC.kerasLosses, positional: [null, null], note: KERAS_LOSS_MEAN }),
    tfString('log_cosh', { source: SRC.kerasLossStrings, note: KERAS_LOSS_MEAN }),
    jaxFn('optax.log_cosh', { source: SRC.optaxRegression, positional: [null, null], note: '(predictions, targets=None); no reduction.' }),
    jsString('logcosh', { source: SRC.tfjsLossStrings }),
  ],
}))();
