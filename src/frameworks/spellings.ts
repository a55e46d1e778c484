/**
 * How code reaches the rows of the framework table: module prefixes that mean the same module, the
 * aliases people use without an import in view, which module root means which framework, names outside
 * the four frameworks (NumPy, SciPy), PyTorch tensor methods, PyTorch Image Models' activation strings,
 * and plain names (`def sigmoid(x)`). Every lookup keyed by user text goes through a Map.
 */
import type { Framework } from '../core/functionTypes';

export type LanguageFamily = 'python' | 'js';

/**
 * Module prefixes that mean the same thing, applied repeatedly to a resolved Python path.
 * keras.src.*: what Keras 3's own code and many copies of it import (keras-team/keras keras/src/).
 * torch.nn.modules.*: where torch.nn's classes are defined (pytorch/pytorch torch/nn/modules/activation.py, loss.py).
 */
const PYTHON_PREFIX_REWRITES: readonly (readonly [string, string])[] = [
  ['tensorflow.', 'tf.'],
  ['tf.keras.', 'keras.'],
  ['tf_keras.', 'keras.'],
  ['keras.api.', 'keras.'],
  ['keras.src.activations.activations.', 'keras.activations.'],
  ['keras.src.losses.losses.', 'keras.losses.'],
  ['keras.src.layers.activations.', 'keras.layers.'],
  ['keras.src.', 'keras.'],
  ['keras.ops.nn.', 'keras.ops.'],
  // Keras 2's backend functions (K.sigmoid, K.binary_crossentropy…) live on as keras.ops.
  ['keras.backend.', 'keras.ops.'],
  ['optax.losses.', 'optax.'],
  ['torch.nn.modules.activation.', 'torch.nn.'],
  ['torch.nn.modules.loss.', 'torch.nn.'],
  ['torch.nn.modules.', 'torch.nn.'],
  ['torchvision.ops.focal_loss.', 'torchvision.ops.'],
  ['flax.linen.activation.', 'flax.linen.'],
  ['flax.nnx.nn.activations.', 'flax.nnx.'],
  ['jax._src.nn.functions.', 'jax.nn.'],
];

/** The canonical spelling of a resolved dotted Python path. Linear in the path's length. */
export function canonicalPython(path: string): string {
  let out = path;
  for (let changed = true, guard = 0; changed && guard < 8; guard++) {
    changed = false;
    for (const [from, to] of PYTHON_PREFIX_REWRITES) {
      if (out.startsWith(from)) {
        out = to + out.slice(from.length);
        changed = true;
      }
    }
  }
  return out;
}

/**
 * Canonical names that are the same function as a row of the table under another name.
 * jax.nn.tanh: jax/nn/__init__.py re-exports jax.numpy.tanh (jax-ml/jax jax/nn/__init__.py).
 * keras.metrics.*: the metric classes compute the loss's formula (keras-team/keras keras/src/metrics/regression_metrics.py,
 * probabilistic_metrics.py: MeanSquaredError calls mean_squared_error, BinaryCrossentropy binary_crossentropy…).
 */
export const SAME_AS: ReadonlyMap<string, string> = new Map([
  ['jax.nn.tanh', 'jax.numpy.tanh'],
  ['keras.metrics.MeanSquaredError', 'keras.losses.MeanSquaredError'],
  ['keras.metrics.MeanAbsoluteError', 'keras.losses.MeanAbsoluteError'],
  ['keras.metrics.mean_squared_error', 'keras.losses.mean_squared_error'],
  ['keras.metrics.mean_absolute_error', 'keras.losses.mean_absolute_error'],
  ['keras.metrics.BinaryCrossentropy', 'keras.losses.BinaryCrossentropy'],
  ['keras.metrics.CategoricalCrossentropy', 'keras.losses.CategoricalCrossentropy'],
  ['keras.metrics.SparseCategoricalCrossentropy', 'keras.losses.SparseCategoricalCrossentropy'],
  ['keras.metrics.binary_crossentropy', 'keras.losses.binary_crossentropy'],
  ['keras.metrics.categorical_crossentropy', 'keras.losses.categorical_crossentropy'],
  ['keras.metrics.sparse_categorical_crossentropy', 'keras.losses.sparse_categorical_crossentropy'],
  ['keras.metrics.KLDivergence', 'keras.losses.KLDivergence'],
  ['keras.metrics.LogCoshError', 'keras.losses.LogCosh'],
  ['keras.metrics.Hinge', 'keras.losses.Hinge'],
  ['keras.metrics.SquaredHinge', 'keras.losses.SquaredHinge'],
]);

/** Modules people use under a conventional name without the import being in view (a notebook cell…). */
const CONVENTIONAL: Readonly<Record<LanguageFamily, ReadonlyMap<string, string>>> = {
  python: new Map([
    ['torch', 'torch'],
    ['torchvision', 'torchvision'],
    ['F', 'torch.nn.functional'],
    ['nn', 'torch.nn'],
    ['tf', 'tensorflow'],
    ['tensorflow', 'tensorflow'],
    ['keras', 'keras'],
    ['tf_keras', 'keras'],
    ['K', 'keras.backend'],
    ['layers', 'keras.layers'],
    ['losses', 'keras.losses'],
    ['activations', 'keras.activations'],
    ['jax', 'jax'],
    ['jnp', 'jax.numpy'],
    ['jnn', 'jax.nn'],
    ['flax', 'flax'],
    ['linen', 'flax.linen'],
    ['nnx', 'flax.nnx'],
    ['optax', 'optax'],
    ['np', 'numpy'],
    ['numpy', 'numpy'],
    ['scipy', 'scipy'],
  ]),
  js: new Map([
    ['tf', 'tf'],
    ['tfjs', 'tf'],
    ['tfl', 'tf'],
    ['tfc', 'tf'],
  ]),
};

/** The module a conventional alias stands for (`F` → torch.nn.functional), or undefined. */
export function conventionalAlias(family: LanguageFamily, name: string): string | undefined {
  return CONVENTIONAL[family].get(name);
}

/** The TF.js root every `@tensorflow/tfjs*` import resolves to. */
export const TFJS_ROOT = 'tf';

export function isTfjsModule(module: string): boolean {
  return module === '@tensorflow/tfjs' || module.startsWith('@tensorflow/tfjs-');
}

/** Module roots whose import tells which framework a Python document uses. */
export function frameworkOfModule(path: string): Framework | undefined {
  const dot = path.indexOf('.');
  const root = dot < 0 ? path : path.slice(0, dot);
  switch (root) {
    case 'torch':
    case 'torchvision':
    case 'timm':
      return 'pytorch';
    case 'tensorflow':
    case 'tf':
    case 'keras':
    case 'tf_keras':
      return 'tensorflow';
    case 'jax':
    case 'flax':
    case 'optax':
      return 'jax';
    default:
      return undefined;
  }
}

/** Qualified names outside the catalogue's four frameworks (NumPy / SciPy / jax.scipy): id, and framework if any. */
export const EXTRA_QUALIFIED: ReadonlyMap<string, { readonly id: string; readonly framework?: Framework }> = new Map([
  ['numpy.tanh', { id: 'tanh' }],
  ['scipy.special.expit', { id: 'sigmoid' }],
  ['scipy.special.log_expit', { id: 'log_sigmoid' }],
  ['scipy.special.softmax', { id: 'softmax' }],
  ['scipy.special.log_softmax', { id: 'log_softmax' }],
  ['jax.scipy.special.expit', { id: 'sigmoid', framework: 'jax' as Framework }],
  ['jax.scipy.special.log_softmax', { id: 'log_softmax', framework: 'jax' as Framework }],
]);

/**
 * PyTorch tensor methods → the torch function of the table they call (pytorch/pytorch
 * torch/_tensor_docs.py: "See :func:`torch.sigmoid`", `relu_` "In-place version of relu").
 * Recognised only in documents that import torch.
 */
export const TENSOR_METHODS: ReadonlyMap<string, string> = new Map([
  ['relu', 'torch.relu'],
  ['relu_', 'torch.relu'],
  ['sigmoid', 'torch.sigmoid'],
  ['sigmoid_', 'torch.sigmoid'],
  ['tanh', 'torch.tanh'],
  ['tanh_', 'torch.tanh'],
  ['softmax', 'torch.softmax'],
  ['log_softmax', 'torch.log_softmax'],
]);

/**
 * PyTorch Image Models' activation names (`act_layer="gelu"`, `get_act_layer("silu")`,
 * `create_act_layer("relu", inplace=True)`) → the torch class its _ACT_LAYER_DEFAULT maps them to
 * (huggingface/pytorch-image-models timm/layers/create_act.py). quick_gelu, hard_mish and identity
 * have no catalogue entry.
 */
export const TIMM_ACTIVATIONS: ReadonlyMap<string, string> = new Map([
  ['silu', 'torch.nn.SiLU'],
  ['swish', 'torch.nn.SiLU'],
  ['mish', 'torch.nn.Mish'],
  ['relu', 'torch.nn.ReLU'],
  ['relu6', 'torch.nn.ReLU6'],
  ['leaky_relu', 'torch.nn.LeakyReLU'],
  ['elu', 'torch.nn.ELU'],
  ['prelu', 'torch.nn.PReLU'],
  ['celu', 'torch.nn.CELU'],
  ['selu', 'torch.nn.SELU'],
  ['gelu', 'torch.nn.GELU'],
  ['gelu_tanh', 'torch.nn.GELU'],
  ['sigmoid', 'torch.nn.Sigmoid'],
  ['tanh', 'torch.nn.Tanh'],
  ['hard_sigmoid', 'torch.nn.Hardsigmoid'],
  ['hardsigmoid', 'torch.nn.Hardsigmoid'],
  ['hard_swish', 'torch.nn.Hardswish'],
  ['hardswish', 'torch.nn.Hardswish'],
]);

/** timm's factories whose first argument is an activation name. */
export const TIMM_FACTORIES: ReadonlySet<string> = new Set(['get_act_layer', 'create_act_layer', 'get_act_fn']);

/** Keyword arguments whose string value is a timm activation name. */
export const TIMM_KEYS: ReadonlySet<string> = new Set(['act_layer', 'act_fn', 'gate_layer', 'act']);

/** Identifiers that name a catalogue function on their own: `def sigmoid(x)`, `huberLoss(a, b)`. */
export const PLAIN_NAMES: ReadonlyMap<string, string> = new Map(
  Object.entries({
    relu: 'relu', leaky_relu: 'leaky_relu', leakyRelu: 'leaky_relu', leakyReLU: 'leaky_relu', prelu: 'prelu',
    sigmoid: 'sigmoid', tanh: 'tanh', softmax: 'softmax', log_softmax: 'log_softmax', logSoftmax: 'log_softmax',
    elu: 'elu', selu: 'selu', gelu: 'gelu', gelu_tanh: 'gelu_tanh', gelu_new: 'gelu_tanh', silu: 'silu', swish: 'silu',
    mish: 'mish', softplus: 'softplus', softsign: 'softsign', soft_sign: 'softsign', relu6: 'relu6',
    hard_sigmoid: 'hard_sigmoid', hardsigmoid: 'hard_sigmoid', hardSigmoid: 'hard_sigmoid', hard_swish: 'hard_swish',
    hardswish: 'hard_swish', hardSwish: 'hard_swish', hard_silu: 'hard_swish', celu: 'celu', log_sigmoid: 'log_sigmoid',
    logsigmoid: 'log_sigmoid', logSigmoid: 'log_sigmoid',
    mse: 'mse', mse_loss: 'mse', mean_squared_error: 'mse', meanSquaredError: 'mse', mae: 'mae', l1_loss: 'mae',
    mean_absolute_error: 'mae', meanAbsoluteError: 'mae', bce: 'bce', bce_loss: 'bce', binary_cross_entropy: 'bce',
    binary_crossentropy: 'bce', binaryCrossentropy: 'bce', bce_with_logits: 'bce_with_logits',
    binary_cross_entropy_with_logits: 'bce_with_logits', focal: 'focal', focal_loss: 'focal', focalLoss: 'focal',
    binary_focal_loss: 'focal', huber: 'huber', huber_loss: 'huber', huberLoss: 'huber', smooth_l1: 'smooth_l1',
    smooth_l1_loss: 'smooth_l1', hinge: 'hinge', hinge_loss: 'hinge', hingeLoss: 'hinge', squared_hinge: 'squared_hinge',
    squared_hinge_loss: 'squared_hinge', cce: 'cce', categorical_crossentropy: 'cce', categorical_cross_entropy: 'cce',
    categoricalCrossentropy: 'cce', cce_with_logits: 'cce_with_logits', softmax_cross_entropy: 'cce_with_logits',
    kl_div: 'kl_div', kl_divergence: 'kl_div', klDivergence: 'kl_div', log_cosh: 'log_cosh', logcosh: 'log_cosh',
    log_cosh_loss: 'log_cosh',
  }),
);

/** Where a plain function's parameters sit when called positionally: `leaky_relu(x, 0.2)`, `huber(y, p, 2)`. */
export const PLAIN_POSITIONAL: ReadonlyMap<string, readonly (string | null)[]> = new Map([
  ['leaky_relu', [null, 'alpha']],
  ['prelu', [null, 'alpha']],
  ['elu', [null, 'alpha']],
  ['celu', [null, 'alpha']],
  ['huber', [null, null, 'delta']],
  ['smooth_l1', [null, null, 'beta']],
  ['focal', [null, null, 'alpha', 'gamma']],
]);

/** Keyword spellings of the core's parameters in hand-written code. */
export const PLAIN_KEYWORDS: ReadonlyMap<string, string> = new Map([
  ['alpha', 'alpha'],
  ['negative_slope', 'alpha'],
  ['negativeSlope', 'alpha'],
  ['slope', 'alpha'],
  ['delta', 'delta'],
  ['beta', 'beta'],
  ['gamma', 'gamma'],
  ['label_smoothing', 'label_smoothing'],
  ['labelSmoothing', 'label_smoothing'],
]);

/** Keys whose string value names an activation or a loss: `activation="relu"`, `{loss: 'hinge'}`. */
export const STRING_KEYS: ReadonlyMap<string, 'activation' | 'loss'> = new Map([
  ['activation', 'activation'],
  ['recurrent_activation', 'activation'],
  ['recurrentActivation', 'activation'],
  ['loss', 'loss'],
]);

/**
 * Modules whose functions formulaFromCode translates by their last name (np.exp → exp, F.relu → relu):
 * NumPy, math, JAX, PyTorch, TensorFlow/Keras, Flax, and JavaScript's Math.
 */
export const MATH_MODULES: ReadonlySet<string> = new Set([
  'np', 'numpy', 'jnp', 'jax.numpy', 'jax', 'jax.nn', 'jax.lax', 'lax', 'jax.scipy.special', 'scipy.special', 'special',
  'torch', 'torch.nn.functional', 'nn.functional', 'F', 'functional', 'torch.special', 'torch.nn', 'nn',
  'tf', 'tf.math', 'tf.nn', 'tf.keras.activations', 'keras.activations', 'keras.ops', 'tf.keras.ops', 'ops',
  'keras.ops.nn', 'activations', 'math', 'Math', 'tf.math.special', 'flax.linen', 'nnx', 'tensorflow', 'tensorflow.math',
  'tensorflow.nn', 'tf_keras.activations', 'keras', 'keras.src.activations', 'keras.src.ops',
]);
