/**
 * What the pairing lints need to know about the frameworks beyond the main framework table (table.ts):
 * which argument of a loss is the prediction, which calls are logarithms, NLL losses and model containers,
 * and how each activation is spelled in its log form. Names are canonical (after the import aliases and
 * the table's prefix rewrites: `tf.` for TensorFlow in Python, `keras.` for Keras 3 and tf.keras).
 * They live beside the framework table so that every framework spelling has one home.
 */
import type { Framework } from '../core/functionTypes';
import { isTfjsModule } from './spellings';

/**
 * The prediction argument of a loss: position and keyword names, per framework.
 * - PyTorch `binary_cross_entropy(input, target, …)`, `nll_loss(input, target, …)`, modules `forward(input, target)`
 *   (pytorch/pytorch torch/nn/functional.py).
 * - Keras `binary_crossentropy(y_true, y_pred, from_logits=False, …)`, `Loss.__call__(y_true, y_pred)`
 *   (keras-team/keras keras/src/losses/losses.py); keras.ops `binary_crossentropy(target, output, …)`;
 *   tf.nn `sigmoid_cross_entropy_with_logits(labels=None, logits=None)` (tensorflow/tensorflow
 *   tensorflow/python/ops/nn_impl.py).
 * - optax `sigmoid_binary_cross_entropy(logits, labels)`, `softmax_cross_entropy(logits, labels)`
 *   (google-deepmind/optax optax/losses/_classification.py).
 * - TF.js `logLoss(labels, predictions, …)`, `sigmoidCrossEntropy(multiClassLabels, logits, …)`,
 *   `softmaxCrossEntropy(onehotLabels, logits, …)` (tensorflow/tfjs tfjs-core/src/ops/losses/*.ts).
 */
export const PREDICTION_ARGUMENT: Readonly<Record<Framework, { readonly index: number; readonly keywords: readonly string[] }>> = {
  pytorch: { index: 0, keywords: ['input'] },
  tensorflow: { index: 1, keywords: ['y_pred', 'output', 'logits'] },
  jax: { index: 0, keywords: ['logits'] },
  tfjs: { index: 1, keywords: [] },
};

/** Logarithms applied elementwise to a tensor (canonical names). */
export const LOG_FUNCTIONS: ReadonlySet<string> = new Set([
  'torch.log',
  'numpy.log',
  'jax.numpy.log',
  'tf.math.log',
  'tfjs:tf.log',
  'keras.ops.log',
]);

/** PyTorch's negative log-likelihood, which takes log-probabilities (pytorch/pytorch torch/nn/modules/loss.py). */
export const NLL_LOSSES: ReadonlyMap<string, 'class' | 'function'> = new Map([
  ['torch.nn.NLLLoss', 'class'],
  ['torch.nn.modules.loss.NLLLoss', 'class'],
  ['torch.nn.functional.nll_loss', 'function'],
]);

export const TORCH_SEQUENTIAL: ReadonlySet<string> = new Set(['torch.nn.Sequential', 'torch.nn.modules.container.Sequential']);
export const KERAS_SEQUENTIAL: ReadonlySet<string> = new Set(['keras.Sequential', 'keras.models.Sequential']);
export const KERAS_MODEL: ReadonlySet<string> = new Set(['keras.Model', 'keras.models.Model']);
export const KERAS_DENSE: ReadonlySet<string> = new Set(['keras.layers.Dense', 'keras.layers.core.Dense']);

/** Methods a PyTorch tensor has (torch/_tensor_docs.py) and a TF.js tensor has (tfjs-core/src/public/chained_ops). */
export const TENSOR_METHODS: Readonly<Record<'python' | 'js', ReadonlyMap<string, 'sigmoid' | 'softmax' | 'log_softmax' | 'log'>>> = {
  python: new Map([
    ['sigmoid', 'sigmoid'],
    ['sigmoid_', 'sigmoid'],
    ['softmax', 'softmax'],
    ['log_softmax', 'log_softmax'],
    ['log', 'log'],
  ]),
  js: new Map([
    ['sigmoid', 'sigmoid'],
    ['softmax', 'softmax'],
    ['logSoftmax', 'log_softmax'],
    ['log', 'log'],
  ]),
};

/** A module path that, once imported, makes `.sigmoid()`-style methods tensor methods. */
export function importsTensorLibrary(modules: readonly string[], family: 'python' | 'js'): boolean {
  if (family === 'python') return modules.some((m) => m === 'torch' || m.startsWith('torch.'));
  return modules.some(isTfjsModule);
}

/**
 * The log form of an activation, by the activation's canonical name: `torch.log(F.softmax(x, dim))` becomes
 * `F.log_softmax(x, dim)` by renaming the callee's last segment. PyTorch's log-sigmoid lives only in
 * torch.nn.functional (`logsigmoid`), so torch.sigmoid needs a module path (see fixes.ts).
 */
export const LOG_FORM: ReadonlyMap<string, string> = new Map([
  ['torch.softmax', 'log_softmax'],
  ['torch.special.softmax', 'log_softmax'],
  ['torch.nn.functional.softmax', 'log_softmax'],
  ['tf.nn.softmax', 'log_softmax'],
  ['tf.math.softmax', 'log_softmax'],
  ['keras.activations.softmax', 'log_softmax'],
  ['keras.ops.softmax', 'log_softmax'],
  ['jax.nn.softmax', 'log_softmax'],
  ['flax.linen.softmax', 'log_softmax'],
  ['flax.nnx.softmax', 'log_softmax'],
  ['tfjs:tf.softmax', 'logSoftmax'],
  ['torch.nn.functional.sigmoid', 'logsigmoid'],
  ['tf.nn.sigmoid', 'log_sigmoid'],
  ['tf.math.sigmoid', 'log_sigmoid'],
  ['keras.activations.sigmoid', 'log_sigmoid'],
  ['keras.ops.sigmoid', 'log_sigmoid'],
  ['jax.nn.sigmoid', 'log_sigmoid'],
  ['flax.linen.sigmoid', 'log_sigmoid'],
  ['flax.nnx.sigmoid', 'log_sigmoid'],
  ['tfjs:tf.sigmoid', 'logSigmoid'],
]);

/** Shown in messages: the function a log-of-* diagnostic recommends, per framework. */
export const LOG_SIGMOID_NAME: Readonly<Record<Framework, string>> = {
  pytorch: 'F.logsigmoid',
  tensorflow: 'tf.math.log_sigmoid',
  jax: 'jax.nn.log_sigmoid',
  tfjs: 'tf.logSigmoid',
};
export const LOG_SOFTMAX_NAME: Readonly<Record<Framework, string>> = {
  pytorch: 'F.log_softmax',
  tensorflow: 'tf.nn.log_softmax',
  jax: 'jax.nn.log_softmax',
  tfjs: 'tf.logSoftmax',
};
