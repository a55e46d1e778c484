/**
 * Arguments that switch one catalogue id into another: gelu `approximate`, Keras `from_logits`, and the
 * Keras / TF.js ReLU whose `max_value=6` makes it ReLU6 and whose `negative_slope` makes it a leaky ReLU.
 */

/** An argument whose literal value selects the catalogue id. */
export interface ArgSwitch {
  readonly keyword: string;
  /** Index of the argument when passed positionally; absent when it is keyword-only. */
  readonly position?: number;
  /** The id without the argument. */
  readonly byDefault: string;
  /** Literal value (string content, or 'true' / 'false') → id. */
  readonly cases: ReadonlyMap<string, string>;
}

const torchGelu = (position?: number): ArgSwitch => ({
  keyword: 'approximate',
  position,
  byDefault: 'gelu',
  cases: new Map([['tanh', 'gelu_tanh'], ['none', 'gelu']]),
});
const boolGelu = (byDefault: 'gelu' | 'gelu_tanh'): ArgSwitch => ({
  keyword: 'approximate',
  position: 1,
  byDefault,
  cases: new Map([['true', 'gelu_tanh'], ['false', 'gelu']]),
});
const fromLogits = (position: number, probabilities: string, logits: string): ArgSwitch => ({
  keyword: 'from_logits',
  position,
  byDefault: probabilities,
  cases: new Map([['true', logits], ['false', probabilities]]),
});

const logTarget = (position: number): ArgSwitch => ({
  keyword: 'log_target',
  position,
  byDefault: 'kl_div',
  cases: new Map([['true', 'kl_div_log_target'], ['false', 'kl_div']]),
});

/** Canonical name → its switch. */
export const ARG_SWITCHES: ReadonlyMap<string, ArgSwitch> = new Map([
  ['torch.nn.functional.gelu', torchGelu()],
  ['torch.nn.GELU', torchGelu(0)],
  ['tf.nn.gelu', boolGelu('gelu')],
  ['keras.activations.gelu', boolGelu('gelu')],
  ['keras.ops.gelu', boolGelu('gelu_tanh')],
  ['jax.nn.gelu', boolGelu('gelu_tanh')],
  ['flax.linen.gelu', boolGelu('gelu_tanh')],
  ['flax.nnx.gelu', boolGelu('gelu_tanh')],
  ['keras.losses.BinaryCrossentropy', fromLogits(0, 'bce', 'bce_with_logits')],
  ['keras.losses.binary_crossentropy', fromLogits(2, 'bce', 'bce_with_logits')],
  ['keras.ops.binary_crossentropy', fromLogits(2, 'bce', 'bce_with_logits')],
  ['keras.losses.CategoricalCrossentropy', fromLogits(0, 'cce', 'cce_with_logits')],
  ['keras.losses.categorical_crossentropy', fromLogits(2, 'cce', 'cce_with_logits')],
  ['keras.ops.categorical_crossentropy', fromLogits(2, 'cce', 'cce_with_logits')],
  ['keras.losses.SparseCategoricalCrossentropy', fromLogits(0, 'cce', 'cce_with_logits')],
  ['keras.losses.sparse_categorical_crossentropy', fromLogits(2, 'cce', 'cce_with_logits')],
  // The metrics (spellings.ts SAME_AS) take from_logits third: keras-team/keras keras/src/metrics/probabilistic_metrics.py
  // `BinaryCrossentropy(name="binary_crossentropy", dtype=None, from_logits=False, label_smoothing=0)`, and the same for
  // CategoricalCrossentropy and SparseCategoricalCrossentropy; the metric functions are the losses' own.
  ['keras.metrics.BinaryCrossentropy', fromLogits(2, 'bce', 'bce_with_logits')],
  ['keras.metrics.CategoricalCrossentropy', fromLogits(2, 'cce', 'cce_with_logits')],
  ['keras.metrics.SparseCategoricalCrossentropy', fromLogits(2, 'cce', 'cce_with_logits')],
  ['keras.metrics.binary_crossentropy', fromLogits(2, 'bce', 'bce_with_logits')],
  ['keras.metrics.categorical_crossentropy', fromLogits(2, 'cce', 'cce_with_logits')],
  ['keras.metrics.sparse_categorical_crossentropy', fromLogits(2, 'cce', 'cce_with_logits')],
  // pytorch/pytorch torch/nn/functional.py: kl_div(input, target, size_average=None, reduce=None, reduction='mean', log_target=False);
  // torch/nn/modules/loss.py: KLDivLoss(size_average=None, reduce=None, reduction='mean', log_target=False).
  ['torch.nn.functional.kl_div', logTarget(5)],
  ['torch.nn.KLDivLoss', logTarget(3)],
]);

/**
 * ReLUs whose arguments make them another function: `layers.ReLU(max_value=6)` is ReLU6 and
 * `layers.ReLU(negative_slope=0.1)` a leaky ReLU (keras-team/keras keras/src/layers/activations/relu.py:
 * `ReLU(max_value=None, negative_slope=0.0, threshold=0.0)`; keras/src/activations/activations.py:
 * `relu(x, negative_slope=0.0, max_value=None, threshold=0.0)`; tensorflow/tfjs
 * tfjs-layers/src/layers/advanced_activations.ts: `reLU({maxValue})`).
 * Each entry: where max_value and negative_slope sit (position, keyword / object property).
 */
export interface ReluSwitch {
  readonly maxValue: { readonly position?: number; readonly keyword: string };
  readonly negativeSlope?: { readonly position?: number; readonly keyword: string };
  readonly threshold?: { readonly position?: number; readonly keyword: string };
}

export const RELU_SWITCHES: ReadonlyMap<string, ReluSwitch> = new Map<string, ReluSwitch>([
  ['keras.layers.ReLU', { maxValue: { position: 0, keyword: 'max_value' }, negativeSlope: { position: 1, keyword: 'negative_slope' }, threshold: { position: 2, keyword: 'threshold' } }],
  ['keras.activations.relu', { maxValue: { position: 2, keyword: 'max_value' }, negativeSlope: { position: 1, keyword: 'negative_slope' }, threshold: { position: 3, keyword: 'threshold' } }],
  ['tf.layers.reLU', { maxValue: { keyword: 'maxValue' } }],
]);

/**
 * The id a ReLU's literal arguments select, and the parameters that come with it: max_value = 6 (and no
 * slope or threshold) → relu6; a non-zero negative_slope without max_value → leaky_relu with α; otherwise relu.
 */
export function switchRelu(values: { maxValue?: number; negativeSlope?: number; threshold?: number }): { id: string; alpha?: number } {
  const { maxValue, negativeSlope, threshold } = values;
  const plainSlope = negativeSlope === undefined || negativeSlope === 0;
  const plainThreshold = threshold === undefined || threshold === 0;
  if (maxValue === 6 && plainSlope && plainThreshold) return { id: 'relu6' };
  if (maxValue === undefined && !plainSlope && plainThreshold) return { id: 'leaky_relu', alpha: negativeSlope };
  return { id: 'relu' };
}

/**
 * A boolean argument that switches one parameter on: Keras' binary focal crossentropy applies α only with
 * apply_class_balancing=True (keras-team/keras keras/src/losses/losses.py binary_focal_crossentropy:
 * `if apply_class_balancing:` around the α weight; keras-team/tf-keras tf_keras/backend.py the same). Without
 * the argument, or with False, α is off whatever alpha says.
 */
export interface ParamGate {
  readonly keyword: string;
  /** Index of the argument when passed positionally. */
  readonly position: number;
  /** The parameter the argument switches on. */
  readonly param: string;
  /** The parameter's value while switched off (focal α: −1, no class weighting). */
  readonly off: number;
  /** Its value when switched on without one given (the framework's default for it). */
  readonly on: number;
}

const classBalancing = (position: number): ParamGate => ({ keyword: 'apply_class_balancing', position, param: 'alpha', off: -1, on: 0.25 });

/** Canonical name → its gate: `BinaryFocalCrossentropy(apply_class_balancing=False, alpha=0.25, gamma=2.0, …)`. */
export const PARAM_GATES: ReadonlyMap<string, ParamGate> = new Map([
  ['keras.losses.BinaryFocalCrossentropy', classBalancing(0)],
  ['keras.losses.binary_focal_crossentropy', classBalancing(2)],
]);
