/**
 * What the recognizer knows about names: the catalogue's framework names indexed by canonical spelling,
 * the spellings that mean the same module (`tensorflow.` = `tf.`, `tf.keras.` = `keras.`…), the aliases
 * people use without importing them in the snippet at hand (F, nn, jnp…), the arguments that switch one
 * function into another (gelu `approximate`, Keras `from_logits`), and plain names like `sigmoid`.
 */
import { catalogue } from '../core/catalogue';
import { frameworkNames } from '../frameworks/table';
import type { Framework, FrameworkName } from '../core/types';
import type { LanguageFamily } from './lexer';

/** One catalogue id a canonical name stands for, with the framework entry that says so. */
export interface NameHit {
  readonly id: string;
  readonly fn: FrameworkName;
}

export interface NameIndex {
  /** Canonical qualified name (`torch.nn.LeakyReLU`, `tf.layers.leakyReLU`) → ids. */
  readonly qualified: ReadonlyMap<string, readonly NameHit[]>;
  /** String names (`'relu'`, `'binary_crossentropy'`) → ids. */
  readonly strings: ReadonlyMap<string, readonly NameHit[]>;
}

const PYTHON_FRAMEWORKS: ReadonlySet<Framework> = new Set<Framework>(['pytorch', 'tensorflow', 'jax']);

function buildIndex(family: LanguageFamily): NameIndex {
  const qualified = new Map<string, NameHit[]>();
  const strings = new Map<string, NameHit[]>();
  for (const [id, names] of Object.entries(frameworkNames)) {
    for (const fn of names) {
      const ofFamily = family === 'python' ? PYTHON_FRAMEWORKS.has(fn.framework) : fn.framework === 'tfjs';
      if (!ofFamily) continue;
      const map = fn.form === 'string' ? strings : qualified;
      const list = map.get(fn.name) ?? [];
      list.push({ id, fn });
      map.set(fn.name, list);
    }
  }
  return { qualified, strings };
}

let indexes: Record<LanguageFamily, NameIndex> | undefined;

/** The index for a language family, built on first use from the catalogue's framework names. */
export function nameIndex(family: LanguageFamily): NameIndex {
  indexes ??= { python: buildIndex('python'), js: buildIndex('js') };
  return indexes[family];
}

/** Module prefixes that mean the same thing, longest first; applied repeatedly to a resolved Python path. */
const PYTHON_PREFIX_REWRITES: readonly (readonly [string, string])[] = [
  ['tensorflow.', 'tf.'],
  ['tf.keras.', 'keras.'],
  ['tf_keras.', 'keras.'],
  ['keras.api.', 'keras.'],
  ['keras.ops.nn.', 'keras.ops.'],
  // Keras 2's backend functions (K.sigmoid, K.binary_crossentropy…) live on as keras.ops.
  ['keras.backend.', 'keras.ops.'],
  ['optax.losses.', 'optax.'],
  ['torchvision.ops.focal_loss.', 'torchvision.ops.'],
  ['flax.linen.activation.', 'flax.linen.'],
  ['flax.nnx.nn.activations.', 'flax.nnx.'],
  ['jax._src.nn.functions.', 'jax.nn.'],
];

/** The canonical spelling of a resolved dotted Python path. */
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

/** Modules people use under a conventional name without the import being in view (a notebook cell…). */
export const CONVENTIONAL_ALIASES: Readonly<Record<LanguageFamily, Readonly<Record<string, string>>>> = {
  python: {
    torch: 'torch',
    torchvision: 'torchvision',
    F: 'torch.nn.functional',
    nn: 'torch.nn',
    tf: 'tensorflow',
    tensorflow: 'tensorflow',
    keras: 'keras',
    tf_keras: 'keras',
    K: 'keras.backend',
    layers: 'keras.layers',
    losses: 'keras.losses',
    activations: 'keras.activations',
    jax: 'jax',
    jnp: 'jax.numpy',
    jnn: 'jax.nn',
    flax: 'flax',
    linen: 'flax.linen',
    nnx: 'flax.nnx',
    optax: 'optax',
    np: 'numpy',
    numpy: 'numpy',
    scipy: 'scipy',
  },
  js: { tf: 'tf', tfjs: 'tf', tfl: 'tf', tfc: 'tf' },
};

/** Module roots whose import tells which framework a Python document uses. */
export function frameworkOfModule(path: string): Framework | undefined {
  const root = path.split('.', 1)[0];
  if (root === 'torch' || root === 'torchvision') return 'pytorch';
  if (root === 'tensorflow' || root === 'tf' || root === 'keras' || root === 'tf_keras') return 'tensorflow';
  if (root === 'jax' || root === 'flax' || root === 'optax') return 'jax';
  return undefined;
}

/** Qualified names outside the catalogue's four frameworks (NumPy / SciPy / jax.scipy): id, and framework if any. */
export const EXTRA_QUALIFIED: Readonly<Record<string, { readonly id: string; readonly framework?: Framework }>> = {
  'numpy.tanh': { id: 'tanh' },
  'scipy.special.expit': { id: 'sigmoid' },
  'scipy.special.log_expit': { id: 'log_sigmoid' },
  'scipy.special.softmax': { id: 'softmax' },
  'scipy.special.log_softmax': { id: 'log_softmax' },
  'jax.scipy.special.expit': { id: 'sigmoid', framework: 'jax' },
  'jax.scipy.special.log_softmax': { id: 'log_softmax', framework: 'jax' },
};

/** An argument whose literal value selects the catalogue id (gelu `approximate`, Keras `from_logits`). */
export interface ArgSwitch {
  readonly keyword: string;
  /** Index of the argument when passed positionally; absent when it is keyword-only. */
  readonly position?: number;
  /** The id without the argument. */
  readonly byDefault: string;
  /** Literal value (string content, or 'true' / 'false') → id. */
  readonly cases: Readonly<Record<string, string>>;
}

const torchGelu = (position?: number): ArgSwitch => ({
  keyword: 'approximate',
  position,
  byDefault: 'gelu',
  cases: { tanh: 'gelu_tanh', none: 'gelu' },
});
const boolGelu = (byDefault: 'gelu' | 'gelu_tanh'): ArgSwitch => ({
  keyword: 'approximate',
  position: 1,
  byDefault,
  cases: { true: 'gelu_tanh', false: 'gelu' },
});
const fromLogits = (position: number, probabilities: string, logits: string): ArgSwitch => ({
  keyword: 'from_logits',
  position,
  byDefault: probabilities,
  cases: { true: logits, false: probabilities },
});

export const ARG_SWITCHES: Readonly<Record<string, ArgSwitch>> = {
  'torch.nn.functional.gelu': torchGelu(),
  'torch.nn.GELU': torchGelu(0),
  'tf.nn.gelu': boolGelu('gelu'),
  'keras.activations.gelu': boolGelu('gelu'),
  'keras.ops.gelu': boolGelu('gelu_tanh'),
  'jax.nn.gelu': boolGelu('gelu_tanh'),
  'flax.linen.gelu': boolGelu('gelu_tanh'),
  'flax.nnx.gelu': boolGelu('gelu_tanh'),
  'keras.losses.BinaryCrossentropy': fromLogits(0, 'bce', 'bce_with_logits'),
  'keras.losses.binary_crossentropy': fromLogits(2, 'bce', 'bce_with_logits'),
  'keras.ops.binary_crossentropy': fromLogits(2, 'bce', 'bce_with_logits'),
  'keras.losses.CategoricalCrossentropy': fromLogits(0, 'cce', 'cce_with_logits'),
  'keras.losses.categorical_crossentropy': fromLogits(2, 'cce', 'cce_with_logits'),
  'keras.ops.categorical_crossentropy': fromLogits(2, 'cce', 'cce_with_logits'),
  'keras.losses.SparseCategoricalCrossentropy': fromLogits(0, 'cce', 'cce_with_logits'),
  'keras.losses.sparse_categorical_crossentropy': fromLogits(2, 'cce', 'cce_with_logits'),
  // F.kl_div(input, target, size_average, reduce, reduction, log_target=False); nn.KLDivLoss(size_average, reduce, reduction, log_target).
  'torch.nn.functional.kl_div': { keyword: 'log_target', position: 5, byDefault: 'kl_div', cases: { true: 'kl_div_log_target', false: 'kl_div' } },
  'torch.nn.KLDivLoss': { keyword: 'log_target', position: 3, byDefault: 'kl_div', cases: { true: 'kl_div_log_target', false: 'kl_div' } },
};

export const LOSS_IDS: ReadonlySet<string> = new Set([
  'mse', 'mae', 'bce', 'bce_with_logits', 'focal', 'huber', 'smooth_l1', 'hinge', 'squared_hinge', 'cce', 'cce_with_logits', 'kl_div', 'log_cosh', 'nll', 'kl_div_log_target',
]);

const NO_PARAMS: Readonly<Record<string, number>> = Object.freeze({});

/** Each catalogue id's parameter defaults, read once from its ParamSpecs (ids without parameters omitted). */
const DEFAULTS_BY_ID: ReadonlyMap<string, Readonly<Record<string, number>>> = new Map(
  [...catalogue]
    .filter(([, entry]) => entry.params.length > 0)
    .map(([id, entry]) => [id, Object.freeze(Object.fromEntries(entry.params.map((p) => [p.name, p.default])))]),
);

/**
 * The core's parameters and their defaults for `id`, from the catalogue (`{ alpha: 0.01 }` for leaky_relu,
 * `{}` for relu or an unknown id): the last layer under the framework's defaults and the code's arguments.
 * Frozen and shared; copy it before changing anything.
 */
export function coreDefaults(id: string): Readonly<Record<string, number>> {
  return DEFAULTS_BY_ID.get(id) ?? NO_PARAMS;
}

/** Identifiers that name a catalogue function on their own: `def sigmoid(x)`, `huberLoss(a, b)`. */
export const PLAIN_NAMES: Readonly<Record<string, string>> = {
  relu: 'relu',
  leaky_relu: 'leaky_relu',
  leakyRelu: 'leaky_relu',
  leakyReLU: 'leaky_relu',
  prelu: 'prelu',
  sigmoid: 'sigmoid',
  tanh: 'tanh',
  softmax: 'softmax',
  log_softmax: 'log_softmax',
  logSoftmax: 'log_softmax',
  elu: 'elu',
  selu: 'selu',
  gelu: 'gelu',
  gelu_tanh: 'gelu_tanh',
  gelu_new: 'gelu_tanh',
  silu: 'silu',
  swish: 'silu',
  mish: 'mish',
  softplus: 'softplus',
  softsign: 'softsign',
  soft_sign: 'softsign',
  relu6: 'relu6',
  hard_sigmoid: 'hard_sigmoid',
  hardsigmoid: 'hard_sigmoid',
  hardSigmoid: 'hard_sigmoid',
  hard_swish: 'hard_swish',
  hardswish: 'hard_swish',
  hardSwish: 'hard_swish',
  hard_silu: 'hard_swish',
  celu: 'celu',
  log_sigmoid: 'log_sigmoid',
  logsigmoid: 'log_sigmoid',
  logSigmoid: 'log_sigmoid',
  mse: 'mse',
  mse_loss: 'mse',
  mean_squared_error: 'mse',
  meanSquaredError: 'mse',
  mae: 'mae',
  l1_loss: 'mae',
  mean_absolute_error: 'mae',
  meanAbsoluteError: 'mae',
  bce: 'bce',
  bce_loss: 'bce',
  binary_cross_entropy: 'bce',
  binary_crossentropy: 'bce',
  binaryCrossentropy: 'bce',
  bce_with_logits: 'bce_with_logits',
  binary_cross_entropy_with_logits: 'bce_with_logits',
  focal: 'focal',
  focal_loss: 'focal',
  focalLoss: 'focal',
  binary_focal_loss: 'focal',
  huber: 'huber',
  huber_loss: 'huber',
  huberLoss: 'huber',
  smooth_l1: 'smooth_l1',
  smooth_l1_loss: 'smooth_l1',
  hinge: 'hinge',
  hinge_loss: 'hinge',
  hingeLoss: 'hinge',
  squared_hinge: 'squared_hinge',
  squared_hinge_loss: 'squared_hinge',
  cce: 'cce',
  categorical_crossentropy: 'cce',
  categorical_cross_entropy: 'cce',
  categoricalCrossentropy: 'cce',
  cce_with_logits: 'cce_with_logits',
  softmax_cross_entropy: 'cce_with_logits',
  kl_div: 'kl_div',
  kl_divergence: 'kl_div',
  klDivergence: 'kl_div',
  log_cosh: 'log_cosh',
  logcosh: 'log_cosh',
  log_cosh_loss: 'log_cosh',
};

/** Where a plain function's parameters sit when called positionally: `leaky_relu(x, 0.2)`, `huber(y, p, 2)`. */
export const PLAIN_POSITIONAL: Readonly<Record<string, readonly (string | null)[]>> = {
  leaky_relu: [null, 'alpha'],
  prelu: [null, 'alpha'],
  elu: [null, 'alpha'],
  celu: [null, 'alpha'],
  huber: [null, null, 'delta'],
  smooth_l1: [null, null, 'beta'],
  focal: [null, null, 'alpha', 'gamma'],
};

/** Keyword spellings of the core's parameters in hand-written code. */
export const PLAIN_KEYWORDS: Readonly<Record<string, string>> = {
  alpha: 'alpha',
  negative_slope: 'alpha',
  negativeSlope: 'alpha',
  slope: 'alpha',
  delta: 'delta',
  beta: 'beta',
  gamma: 'gamma',
};

/** Keys whose string value names an activation or a loss: `activation="relu"`, `{loss: 'hinge'}`. */
export const STRING_KEYS: Readonly<Record<string, 'activation' | 'loss'>> = {
  activation: 'activation',
  recurrent_activation: 'activation',
  recurrentActivation: 'activation',
  loss: 'loss',
};
