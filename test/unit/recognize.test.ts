import * as assert from 'node:assert/strict';
import { catalogue } from '../../src/core/catalogue';
import { SAME_AS } from '../../src/frameworks/spellings';
import { frameworkNames } from '../../src/frameworks/table';
import { buildModel, createRecognizer, recognize } from '../../src/recognize';
import {
  ARG_SWITCHES,
  coreDefaults,
  EXTRA_QUALIFIED,
  LOSS_IDS,
  PLAIN_KEYWORDS,
  PLAIN_NAMES,
  PLAIN_POSITIONAL,
} from '../../src/frameworks';

/** The cursor in a snippet. */
const CURSOR = '‸';

type Lang = 'python' | 'javascript' | 'typescript' | 'javascriptreact' | 'typescriptreact';

interface Expected {
  id: string;
  params?: Record<string, number>;
  explicit?: string[];
  framework?: string | null;
  name?: string;
  written?: string;
}

/** [what it shows, snippet with ‸ at the cursor, language, expected or undefined]. */
type Row = [string, string, Lang, Expected | undefined];

const py = (what: string, snippet: string, expected: Expected | undefined): Row => [what, snippet, 'python', expected];
const js = (what: string, snippet: string, expected: Expected | undefined, lang: Lang = 'javascript'): Row => [what, snippet, lang, expected];

const TORCH = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';
const KERAS = 'import keras\nfrom keras import layers\n';
const TFJS = "import * as tf from '@tensorflow/tfjs';\n";

const rows: Row[] = [
  // ------------------------------------------------------------------ PyTorch
  py('torch.relu', `${TORCH}y = torch.re‸lu(x)`, { id: 'relu', framework: 'pytorch', name: 'torch.relu', written: 'torch.relu' }),
  py('F.relu through the F alias', `${TORCH}y = F.re‸lu(x)`, { id: 'relu', name: 'torch.nn.functional.relu', written: 'F.relu' }),
  py('nn.ReLU', `${TORCH}act = nn.Re‸LU()`, { id: 'relu', name: 'torch.nn.ReLU' }),
  py('nn.LeakyReLU() has torch’s 0.01', `${TORCH}act = nn.LeakyRe‸LU()`, { id: 'leaky_relu', params: { alpha: 0.01 }, explicit: [] }),
  py('nn.LeakyReLU(0.2) reads the positional slope', `${TORCH}act = nn.Leaky‸ReLU(0.2)`, { id: 'leaky_relu', params: { alpha: 0.2 }, explicit: ['alpha'] }),
  py('nn.LeakyReLU(negative_slope=0.1)', `${TORCH}act = nn.LeakyReLU‸(negative_slope=0.1)`, { id: 'leaky_relu', params: { alpha: 0.1 }, explicit: ['alpha'] }),
  py('F.leaky_relu(x, 0.2)', `${TORCH}y = F.leaky_‸relu(x, 0.2)`, { id: 'leaky_relu', params: { alpha: 0.2 }, explicit: ['alpha'] }),
  py('F.leaky_relu with a negative exponent literal', `${TORCH}y = F.leaky_‸relu(x, negative_slope=1e-3)`, { id: 'leaky_relu', params: { alpha: 0.001 } }),
  py('F.leaky_relu with a variable keeps the default', `${TORCH}y = F.leaky_‸relu(x, negative_slope=slope)`, { id: 'leaky_relu', params: { alpha: 0.01 }, explicit: [] }),
  py('F.leaky_relu with nested calls in the arguments', `${TORCH}y = F.leaky_‸relu(torch.cat([a, b], dim=1), negative_slope=0.05)`, { id: 'leaky_relu', params: { alpha: 0.05 } }),
  py('arguments spread over lines with a comment', `${TORCH}y = F.leaky_‸relu(\n    x,  # input\n    negative_slope=0.3,\n)`, { id: 'leaky_relu', params: { alpha: 0.3 } }),
  py('torch.nn.functional fully written', 'import torch\ny = torch.nn.functional.binary_cross_entropy_with‸_logits(z, t)', { id: 'bce_with_logits', written: 'torch.nn.functional.binary_cross_entropy_with_logits' }),
  py('cursor on the first segment', `${TORCH}y = tor‸ch.nn.functional.sigmoid(x)`, { id: 'sigmoid', written: 'torch.nn.functional.sigmoid' }),
  py('cursor on a dot', `${TORCH}y = F‸.sigmoid(x)`, { id: 'sigmoid', written: 'F.sigmoid' }),
  py('cursor just after the name', `${TORCH}y = F.sigmoid‸(x)`, { id: 'sigmoid' }),
  py('nn.PReLU(init=0.1)', `${TORCH}act = nn.PRe‸LU(init=0.1)`, { id: 'prelu', params: { alpha: 0.1 }, explicit: ['alpha'] }),
  py('nn.PReLU(1, 0.3): init is the second positional', `${TORCH}act = nn.PRe‸LU(1, 0.3)`, { id: 'prelu', params: { alpha: 0.3 } }),
  py('nn.ELU(alpha=0.5)', `${TORCH}act = nn.E‸LU(alpha=0.5)`, { id: 'elu', params: { alpha: 0.5 }, explicit: ['alpha'] }),
  py('F.elu(x, 2.0)', `${TORCH}y = F.e‸lu(x, 2.0)`, { id: 'elu', params: { alpha: 2 } }),
  py('nn.CELU()', `${TORCH}act = nn.CE‸LU()`, { id: 'celu', params: { alpha: 1 } }),
  py('torch.celu(x, alpha=-0.5)', `${TORCH}y = torch.ce‸lu(x, alpha=-0.5)`, { id: 'celu', params: { alpha: -0.5 } }),
  py('nn.SELU', `${TORCH}act = nn.SE‸LU()`, { id: 'selu' }),
  py('nn.GELU() is exact', `${TORCH}act = nn.GE‸LU()`, { id: 'gelu', name: 'torch.nn.GELU' }),
  py("nn.GELU(approximate='tanh') is gelu_tanh", `${TORCH}act = nn.GE‸LU(approximate='tanh')`, { id: 'gelu_tanh', name: 'torch.nn.GELU' }),
  py("nn.GELU('tanh') positionally", `${TORCH}act = nn.GE‸LU('tanh')`, { id: 'gelu_tanh' }),
  py("F.gelu(x, approximate='none')", `${TORCH}y = F.ge‸lu(x, approximate='none')`, { id: 'gelu' }),
  py('F.gelu(x, approximate="tanh")', `${TORCH}y = F.ge‸lu(x, approximate="tanh")`, { id: 'gelu_tanh' }),
  py('nn.SiLU', `${TORCH}act = nn.Si‸LU()`, { id: 'silu' }),
  py('F.mish', `${TORCH}y = F.mi‸sh(x)`, { id: 'mish' }),
  py('nn.Softplus', `${TORCH}act = nn.Soft‸plus(beta=2)`, { id: 'softplus', params: {} }),
  py('F.softsign', `${TORCH}y = F.soft‸sign(x)`, { id: 'softsign' }),
  py('nn.ReLU6', `${TORCH}act = nn.Re‸LU6()`, { id: 'relu6' }),
  py('nn.Hardsigmoid', `${TORCH}act = nn.Hard‸sigmoid()`, { id: 'hard_sigmoid' }),
  py('F.hardswish', `${TORCH}y = F.hard‸swish(x)`, { id: 'hard_swish' }),
  py('F.logsigmoid', `${TORCH}y = F.log‸sigmoid(x)`, { id: 'log_sigmoid' }),
  py('torch.softmax', `${TORCH}p = torch.soft‸max(z, dim=-1)`, { id: 'softmax' }),
  py('nn.LogSoftmax', `${TORCH}m = nn.LogSoft‸max(dim=1)`, { id: 'log_softmax' }),
  py('torch.tanh', `${TORCH}h = torch.ta‸nh(x)`, { id: 'tanh' }),
  py('torch.special.expit', `${TORCH}p = torch.special.ex‸pit(z)`, { id: 'sigmoid' }),
  py('nn.MSELoss', `${TORCH}crit = nn.MSE‸Loss()`, { id: 'mse' }),
  py('F.l1_loss', `${TORCH}l = F.l1_‸loss(p, y)`, { id: 'mae' }),
  py('nn.BCELoss carries the clamp note', `${TORCH}crit = nn.BCE‸Loss()`, { id: 'bce', name: 'torch.nn.BCELoss' }),
  py('nn.BCEWithLogitsLoss', `${TORCH}crit = nn.BCEWith‸LogitsLoss()`, { id: 'bce_with_logits' }),
  py('nn.HuberLoss(delta=2.0)', `${TORCH}crit = nn.Huber‸Loss(delta=2.0)`, { id: 'huber', params: { delta: 2 }, explicit: ['delta'] }),
  py("nn.HuberLoss('mean', 0.5) positionally", `${TORCH}crit = nn.Huber‸Loss('mean', 0.5)`, { id: 'huber', params: { delta: 0.5 } }),
  py('F.huber_loss default delta', `${TORCH}l = F.huber_‸loss(p, y)`, { id: 'huber', params: { delta: 1 }, explicit: [] }),
  py('nn.SmoothL1Loss(beta=0.5)', `${TORCH}crit = nn.SmoothL1‸Loss(beta=0.5)`, { id: 'smooth_l1', params: { beta: 0.5 } }),
  py('F.smooth_l1_loss(p, y, beta=2)', `${TORCH}l = F.smooth_l1_‸loss(p, y, beta=2)`, { id: 'smooth_l1', params: { beta: 2 } }),
  py('nn.CrossEntropyLoss', `${TORCH}crit = nn.CrossEntropy‸Loss(label_smoothing=0.1)`, { id: 'cce_with_logits' }),
  py('F.kl_div', `${TORCH}l = F.kl_‸div(logp, q, reduction='batchmean')`, { id: 'kl_div' }),
  py('torchvision sigmoid_focal_loss', 'from torchvision.ops import sigmoid_focal_loss\nl = sigmoid_focal_‸loss(z, y, alpha=0.5, gamma=1.5)', { id: 'focal', params: { alpha: 0.5, gamma: 1.5 }, explicit: ['alpha', 'gamma'] }),
  py('torchvision.ops.sigmoid_focal_loss defaults', 'import torchvision\nl = torchvision.ops.sigmoid_focal‸_loss(z, y)', { id: 'focal', params: { alpha: 0.25, gamma: 2 } }),
  py('from torch import nn', 'from torch import nn\nact = nn.Re‸LU()', { id: 'relu', framework: 'pytorch' }),
  py('from torch.nn import functional as Fn', 'from torch.nn import functional as Fn\ny = Fn.s‸elu(x)', { id: 'selu', written: 'Fn.selu' }),
  py('from torch.nn.functional import relu (bare name)', 'from torch.nn.functional import relu\ny = re‸lu(x)', { id: 'relu', framework: 'pytorch', name: 'torch.nn.functional.relu' }),
  py('from torch.nn.functional import * (star import)', 'from torch.nn.functional import *\ny = leaky_re‸lu(x, 0.3)', { id: 'leaky_relu', params: { alpha: 0.3 }, framework: 'pytorch' }),
  py('parenthesised multi-line from-import', 'from torch.nn import (\n    ReLU,\n    LeakyReLU as LR,\n)\nact = L‸R(0.2)', { id: 'leaky_relu', params: { alpha: 0.2 }, written: 'LR' }),
  py('no imports: F means torch.nn.functional', 'y = F.leaky_‸relu(x)', { id: 'leaky_relu', params: { alpha: 0.01 }, framework: 'pytorch' }),
  py('no imports: nn means torch.nn', 'act = n‸n.Tanh()', { id: 'tanh', framework: 'pytorch' }),
  py('a Jupyter cell without its imports', 'logits = model(x)\nloss = nn.functional.cross_‸entropy(logits, y)', { id: 'cce_with_logits' }),

  // ------------------------------------------------------------------ TensorFlow / Keras
  py('tf.nn.relu', 'import tensorflow as tf\ny = tf.nn.re‸lu(x)', { id: 'relu', framework: 'tensorflow', name: 'tf.nn.relu' }),
  py('tf.nn.elu', 'import tensorflow as tf\ny = tf.nn.e‸lu(x)', { id: 'elu', params: { alpha: 1 } }),
  py('tf.nn.leaky_relu defaults to 0.2', 'import tensorflow as tf\ny = tf.nn.leaky_‸relu(x)', { id: 'leaky_relu', params: { alpha: 0.2 }, explicit: [] }),
  py('tf.nn.leaky_relu(x, alpha=0.1)', 'import tensorflow as tf\ny = tf.nn.leaky_‸relu(x, alpha=0.1)', { id: 'leaky_relu', params: { alpha: 0.1 } }),
  py('tensorflow.math.sigmoid without alias', 'import tensorflow\ny = tensorflow.math.sig‸moid(x)', { id: 'sigmoid', name: 'tf.math.sigmoid' }),
  py('tf.keras.activations.gelu is exact', 'import tensorflow as tf\ny = tf.keras.activations.ge‸lu(x)', { id: 'gelu', name: 'keras.activations.gelu' }),
  py('tf.keras.activations.gelu(approximate=True)', 'import tensorflow as tf\ny = tf.keras.activations.ge‸lu(x, approximate=True)', { id: 'gelu_tanh' }),
  py('keras.ops.gelu defaults to the tanh form', 'import keras\ny = keras.ops.ge‸lu(x)', { id: 'gelu_tanh', name: 'keras.ops.gelu' }),
  py('keras.ops.gelu(x, False) positionally', 'import keras\ny = keras.ops.ge‸lu(x, False)', { id: 'gelu' }),
  py('tf.nn.gelu(x, approximate=True)', 'import tensorflow as tf\ny = tf.nn.ge‸lu(x, approximate=True)', { id: 'gelu_tanh' }),
  py('keras.activations.leaky_relu 0.2', `${KERAS}y = keras.activations.leaky‸_relu(x)`, { id: 'leaky_relu', params: { alpha: 0.2 } }),
  py('layers.LeakyReLU() is 0.3', `${KERAS}act = layers.Leaky‸ReLU()`, { id: 'leaky_relu', params: { alpha: 0.3 }, explicit: [], name: 'keras.layers.LeakyReLU' }),
  py('layers.LeakyReLU(negative_slope=0.1)', `${KERAS}act = layers.Leaky‸ReLU(negative_slope=0.1)`, { id: 'leaky_relu', params: { alpha: 0.1 } }),
  py('layers.LeakyReLU(alpha=0.05), the deprecated keyword', `${KERAS}act = layers.Leaky‸ReLU(alpha=0.05)`, { id: 'leaky_relu', params: { alpha: 0.05 } }),
  py('from tensorflow.keras import layers', 'from tensorflow.keras import layers\nact = layers.E‸LU(alpha=0.7)', { id: 'elu', params: { alpha: 0.7 } }),
  py('from tensorflow import keras', 'from tensorflow import keras\nl = keras.losses.Hu‸ber(delta=0.5)', { id: 'huber', params: { delta: 0.5 }, explicit: ['delta'] }),
  py('keras.losses.Huber(2.0) positionally', `${KERAS}l = keras.losses.Hu‸ber(2.0)`, { id: 'huber', params: { delta: 2 } }),
  py('keras.losses.huber(y, p, delta=3)', `${KERAS}l = keras.losses.hu‸ber(y, p, delta=3)`, { id: 'huber', params: { delta: 3 } }),
  py('BinaryFocalCrossentropy(gamma=3.0)', `${KERAS}l = keras.losses.BinaryFocal‸Crossentropy(gamma=3.0)`, { id: 'focal', params: { alpha: -1, gamma: 3 }, explicit: ['gamma'] }),
  py('BinaryFocalCrossentropy(True, 0.4, 1.0) positionally', `${KERAS}l = keras.losses.BinaryFocal‸Crossentropy(True, 0.4, 1.0)`, { id: 'focal', params: { alpha: 0.4, gamma: 1 } }),
  py('BinaryCrossentropy() takes probabilities', `${KERAS}l = keras.losses.BinaryCross‸entropy()`, { id: 'bce', name: 'keras.losses.BinaryCrossentropy' }),
  py('BinaryCrossentropy(from_logits=True)', `${KERAS}l = keras.losses.BinaryCross‸entropy(from_logits=True)`, { id: 'bce_with_logits', name: 'keras.losses.BinaryCrossentropy' }),
  py('CategoricalCrossentropy(from_logits=True)', `${KERAS}l = keras.losses.CategoricalCross‸entropy(from_logits=True)`, { id: 'cce_with_logits' }),
  py('SparseCategoricalCrossentropy()', `${KERAS}l = keras.losses.SparseCategorical‸Crossentropy()`, { id: 'cce' }),
  py('keras.losses.binary_crossentropy(y, p, True)', `${KERAS}l = keras.losses.binary_cross‸entropy(y, p, True)`, { id: 'bce_with_logits' }),
  py('tf.nn.sigmoid_cross_entropy_with_logits', 'import tensorflow as tf\nl = tf.nn.sigmoid_cross_entropy‸_with_logits(labels=y, logits=z)', { id: 'bce_with_logits' }),
  py('tf.nn.softmax_cross_entropy_with_logits', 'import tensorflow as tf\nl = tf.nn.softmax_cross‸_entropy_with_logits(labels=y, logits=z)', { id: 'cce_with_logits' }),
  py('keras.losses.Hinge', `${KERAS}l = keras.losses.Hi‸nge()`, { id: 'hinge' }),
  py('keras.losses.SquaredHinge', `${KERAS}l = keras.losses.Squared‸Hinge()`, { id: 'squared_hinge' }),
  py('keras.losses.KLDivergence', `${KERAS}l = keras.losses.KL‸Divergence()`, { id: 'kl_div' }),
  py('keras.losses.LogCosh', `${KERAS}l = keras.losses.Log‸Cosh()`, { id: 'log_cosh' }),
  py('keras.losses.MeanAbsoluteError', `${KERAS}l = keras.losses.MeanAbsolute‸Error()`, { id: 'mae' }),
  py('keras.activations.hard_silu', `${KERAS}y = keras.activations.hard_‸silu(x)`, { id: 'hard_swish' }),
  py('keras.ops.swish', `${KERAS}y = keras.ops.sw‸ish(x)`, { id: 'silu' }),
  py('keras.layers.Softmax', `${KERAS}s = layers.Soft‸max()`, { id: 'softmax' }),
  py('keras.layers.PReLU starts at 0', `${KERAS}p = layers.PRe‸LU()`, { id: 'prelu', params: { alpha: 0 } }),
  py('K.sigmoid resolves through keras.ops', 'y = K.sig‸moid(x)', { id: 'sigmoid', name: 'keras.ops.sigmoid' }),
  py('tf.math.log_sigmoid', 'import tensorflow as tf\ny = tf.math.log_‸sigmoid(x)', { id: 'log_sigmoid' }),
  py('activation="relu" keyword argument', `${KERAS}d = layers.Dense(64, activation="re‸lu")`, { id: 'relu', framework: 'tensorflow', written: '"relu"' }),
  py("activation='leaky_relu' string has Keras' 0.2", `${KERAS}d = layers.Dense(64, activation='leaky_‸relu')`, { id: 'leaky_relu', params: { alpha: 0.2 } }),
  py('activation="gelu" string is exact', `${KERAS}d = layers.Dense(64, activation="ge‸lu")`, { id: 'gelu' }),
  py('loss="binary_crossentropy"', `${KERAS}model.compile(optimizer="adam", loss="binary_cross‸entropy")`, { id: 'bce', written: '"binary_crossentropy"' }),
  py('loss="mse"', `${KERAS}model.compile(loss="m‸se")`, { id: 'mse' }),
  py("loss='huber' has delta 1", `${KERAS}model.compile(loss='hu‸ber')`, { id: 'huber', params: { delta: 1 } }),
  py("loss='categorical_crossentropy' on its own line", `${KERAS}model.compile(\n    optimizer='adam',\n    loss='categorical_cross‸entropy',\n)`, { id: 'cce' }),
  py("loss='Huber' names the class", `${KERAS}model.compile(loss='Hu‸ber')`, { id: 'huber', name: 'keras.losses.Huber' }),
  py("layers.Activation('swish')", `${KERAS}a = layers.Activation('sw‸ish')`, { id: 'silu' }),
  py('dict key "activation"', `cfg = {"units": 3, "activation": "tan‸h"}`, { id: 'tanh' }),
  py('activation string in a PyTorch file is PyTorch’s', 'import torch.nn as nn\nlayer = nn.TransformerEncoderLayer(512, 8, activation="ge‸lu")', { id: 'gelu', framework: 'pytorch' }),

  // ------------------------------------------------------------------ JAX / Flax / Optax
  py('jax.nn.selu', 'import jax\ny = jax.nn.se‸lu(x)', { id: 'selu', framework: 'jax', name: 'jax.nn.selu' }),
  py('jax.nn.gelu defaults to the tanh form', 'import jax\ny = jax.nn.ge‸lu(x)', { id: 'gelu_tanh', name: 'jax.nn.gelu' }),
  py('jax.nn.gelu(x, approximate=False)', 'import jax\ny = jax.nn.ge‸lu(x, approximate=False)', { id: 'gelu', name: 'jax.nn.gelu' }),
  py('jax.nn.leaky_relu 0.01', 'import jax\ny = jax.nn.leaky_‸relu(x)', { id: 'leaky_relu', params: { alpha: 0.01 } }),
  py('jax.nn.leaky_relu(x, negative_slope=0.2)', 'import jax\ny = jax.nn.leaky_‸relu(x, negative_slope=0.2)', { id: 'leaky_relu', params: { alpha: 0.2 } }),
  py('jax.nn.celu(x, 0.5)', 'import jax\ny = jax.nn.ce‸lu(x, 0.5)', { id: 'celu', params: { alpha: 0.5 } }),
  py('jax.nn.soft_sign', 'import jax\ny = jax.nn.soft_‸sign(x)', { id: 'softsign' }),
  py('from jax import nn as jnn', 'from jax import nn as jnn\ny = jnn.sw‸ish(x)', { id: 'silu', written: 'jnn.swish' }),
  py('jnp.tanh', 'import jax.numpy as jnp\ny = jnp.ta‸nh(x)', { id: 'tanh', framework: 'jax', name: 'jax.numpy.tanh' }),
  py('flax.linen as nn: nn.relu is Flax', 'import flax.linen as nn\ny = nn.re‸lu(x)', { id: 'relu', framework: 'jax', name: 'flax.linen.relu', written: 'nn.relu' }),
  py('from flax import linen as nn', 'from flax import linen as nn\ny = nn.ge‸lu(x)', { id: 'gelu_tanh', name: 'flax.linen.gelu' }),
  py('flax PReLU(negative_slope_init=0.2)', 'import flax.linen as nn\np = nn.PRe‸LU(negative_slope_init=0.2)', { id: 'prelu', params: { alpha: 0.2 } }),
  py('from flax import nnx', 'from flax import nnx\ny = nnx.hard_‸silu(x)', { id: 'hard_swish', name: 'flax.nnx.hard_silu' }),
  py('optax.huber_loss', 'import optax\nl = optax.huber_‸loss(p, t)', { id: 'huber', params: { delta: 1 }, framework: 'jax' }),
  py('optax.huber_loss(p, t, delta=0.25)', 'import optax\nl = optax.huber_‸loss(p, t, delta=0.25)', { id: 'huber', params: { delta: 0.25 }, explicit: ['delta'] }),
  py('from optax import huber_loss', 'from optax import huber_loss\nl = huber_lo‸ss(p, t, 2.0)', { id: 'huber', params: { delta: 2 }, written: 'huber_loss' }),
  py('optax.losses.huber_loss', 'import optax\nl = optax.losses.huber_‸loss(p, t)', { id: 'huber', name: 'optax.huber_loss' }),
  py('optax.sigmoid_binary_cross_entropy', 'import optax\nl = optax.sigmoid_binary_cross_‸entropy(z, y)', { id: 'bce_with_logits' }),
  py('optax.softmax_cross_entropy', 'import optax\nl = optax.softmax_cross_‸entropy(z, y)', { id: 'cce_with_logits' }),
  py('optax.sigmoid_focal_loss(gamma=3)', 'import optax\nl = optax.sigmoid_focal_‸loss(z, y, gamma=3)', { id: 'focal', params: { alpha: -1, gamma: 3 } }),
  py('optax.l2_loss is half MSE (the note says so)', 'import optax\nl = optax.l2_‸loss(p, t)', { id: 'mse', name: 'optax.l2_loss' }),
  py('optax.hinge_loss', 'import optax\nl = optax.hinge_‸loss(s, y)', { id: 'hinge' }),
  py('optax.log_cosh', 'import optax\nl = optax.log_‸cosh(p, t)', { id: 'log_cosh' }),
  py('optax.kl_divergence', 'import optax\nl = optax.kl_‸divergence(logp, q)', { id: 'kl_div' }),

  // ------------------------------------------------------------------ NumPy-style and plain definitions
  py('def sigmoid(x):', 'import numpy as np\n\ndef sig‸moid(x):\n    return 1 / (1 + np.exp(-x))', { id: 'sigmoid', framework: null, written: 'sigmoid' }),
  py('a call to a plain sigmoid', 'probs = sig‸moid(out)', { id: 'sigmoid', framework: null }),
  py('def leaky_relu(x, alpha=0.1) reads the default', 'def leaky_‸relu(x, alpha=0.1):\n    return np.where(x > 0, x, alpha * x)', { id: 'leaky_relu', params: { alpha: 0.1 }, explicit: ['alpha'] }),
  py('a plain call leaky_relu(x, 0.3)', 'y = leaky_‸relu(x, 0.3)', { id: 'leaky_relu', params: { alpha: 0.3 } }),
  py('def huber_loss(y, p, delta: float = 2.0)', 'def huber_‸loss(y, p, delta: float = 2.0):\n    ...', { id: 'huber', params: { delta: 2 } }),
  py('a bare reference to a defined function', 'def softplus(x):\n    return np.log1p(np.exp(x))\n\nact = soft‸plus', { id: 'softplus' }),
  py('sigmoid = lambda x: …', 'sig‸moid = lambda x: 1 / (1 + np.exp(-x))', { id: 'sigmoid' }),
  py('np.tanh', 'import numpy as np\ny = np.ta‸nh(x)', { id: 'tanh', framework: null }),
  py('scipy.special.expit', 'from scipy.special import expit\np = ex‸pit(z)', { id: 'sigmoid', framework: null }),

  // ------------------------------------------------------------------ Python negatives
  py('an identifier that contains relu', 'relu_co‸unt = 3', undefined),
  py('sigmoid_temperature', 'sigmoid_temp‸erature = 0.5', undefined),
  py('my_relu is not relu', 'y = my_re‸lu(x)', undefined),
  py('np.maximum is not a ReLU', 'import numpy as np\ny = np.maxi‸mum(out, 1.0)', undefined),
  py('self.relu is a member of something else', 'y = self.re‸lu(x)', undefined),
  py('a method on an expression', 'y = model(x).sig‸moid()', undefined),
  py('a comment', '# apply F.re‸lu here\ny = x', undefined),
  py('a docstring', 'def f(x):\n    """Apply the sig‸moid."""\n    return x', undefined),
  py('a multi-line docstring started far above', `"""\n${'notes\n'.repeat(30)}use F.leaky_‸relu(x)\n"""`, undefined),
  py('a string that is not an activation value', 'print("re‸lu")', undefined),
  py('a string in an unrelated keyword', 'plt.plot(x, label="re‸lu")', undefined),
  py('an assignment of a string is not a key', 'activation = "re‸lu"', undefined),
  py('a loss key with an activation name', 'model.compile(loss="re‸lu")', undefined),
  py('a keyword argument named relu', 'f(re‸lu=True)', undefined),
  py('a bare name nobody defines', 'x = re‸lu', undefined),
  py('an argument, not the name', 'y = F.leaky_relu(x, negative_slope=0.‸1)', undefined),
  py('a number', 'y = 1.5‸e3', undefined),
  py('whitespace', 'y = F.relu(x)  ‸  ', undefined),
  py('an unknown module function', 'import torch\ny = torch.ma‸tmul(a, b)', undefined),
  py('a name only in a non-framework module', 'import mylib\ny = mylib.re‸lu(x)', undefined),

  // ------------------------------------------------------------------ TensorFlow.js
  js('tf.relu', `${TFJS}const y = tf.re‸lu(x);`, { id: 'relu', framework: 'tfjs', name: 'tf.relu' }),
  js('tf.leakyRelu defaults to 0.2', `${TFJS}const y = tf.leaky‸Relu(x);`, { id: 'leaky_relu', params: { alpha: 0.2 }, explicit: [] }),
  js('tf.leakyRelu(x, 0.1)', `${TFJS}const y = tf.leaky‸Relu(x, 0.1);`, { id: 'leaky_relu', params: { alpha: 0.1 }, explicit: ['alpha'] }),
  js('tf.layers.leakyReLU() is 0.3', `${TFJS}const l = tf.layers.leaky‸ReLU();`, { id: 'leaky_relu', params: { alpha: 0.3 } }),
  js('tf.layers.leakyReLU({alpha: 0.1})', `${TFJS}const l = tf.layers.leaky‸ReLU({alpha: 0.1});`, { id: 'leaky_relu', params: { alpha: 0.1 }, explicit: ['alpha'] }),
  js('tf.layers.leakyReLU with a variable', `${TFJS}const l = tf.layers.leaky‸ReLU({ alpha });`, { id: 'leaky_relu', params: { alpha: 0.3 }, explicit: [] }),
  js('tf.layers.elu({alpha: 0.5})', `${TFJS}const l = tf.layers.e‸lu({ alpha: 0.5, name: 'e' });`, { id: 'elu', params: { alpha: 0.5 } }),
  js('tf.layers.reLU', `${TFJS}const l = tf.layers.re‸LU();`, { id: 'relu' }),
  js('tf.layers.softmax', `${TFJS}const l = tf.layers.soft‸max();`, { id: 'softmax' }),
  js('tf.logSoftmax', `${TFJS}const y = tf.log‸Softmax(x);`, { id: 'log_softmax' }),
  js('tf.losses.huberLoss default', `${TFJS}const l = tf.losses.huber‸Loss(y, p);`, { id: 'huber', params: { delta: 1 } }),
  js('tf.losses.huberLoss(y, p, undefined, 2)', `${TFJS}const l = tf.losses.huber‸Loss(y, p, undefined, 2);`, { id: 'huber', params: { delta: 2 } }),
  js('tf.losses.hingeLoss', `${TFJS}const l = tf.losses.hinge‸Loss(y, p);`, { id: 'hinge' }),
  js('tf.losses.sigmoidCrossEntropy', `${TFJS}const l = tf.losses.sigmoid‸CrossEntropy(y, z);`, { id: 'bce_with_logits' }),
  js('tf.losses.softmaxCrossEntropy', `${TFJS}const l = tf.losses.softmax‸CrossEntropy(y, z);`, { id: 'cce_with_logits' }),
  js('tf.losses.meanSquaredError', `${TFJS}const l = tf.losses.meanSquared‸Error(y, p);`, { id: 'mse' }),
  js('tf.losses.absoluteDifference', `${TFJS}const l = tf.losses.absolute‸Difference(y, p);`, { id: 'mae' }),
  js('tf.losses.logLoss', `${TFJS}const l = tf.losses.log‸Loss(y, p);`, { id: 'bce', name: 'tf.losses.logLoss' }),
  js("activation: 'relu' in tf.layers.dense", `${TFJS}tf.layers.dense({ units: 8, activation: 're‸lu' });`, { id: 'relu', framework: 'tfjs', written: "'relu'" }),
  js("activation: 'gelu_new' is the tanh form", `${TFJS}tf.layers.dense({ units: 8, activation: 'gelu_‸new' });`, { id: 'gelu_tanh' }),
  js("activation: 'hardSigmoid' (0.2x + 0.5: its own id)", `${TFJS}tf.layers.dense({ units: 8, activation: 'hard‸Sigmoid' });`, { id: 'hard_sigmoid_linear' }),
  js("loss: 'meanSquaredError' in compile", `${TFJS}model.compile({ optimizer: 'sgd', loss: 'meanSquared‸Error' });`, { id: 'mse' }),
  js("loss: 'binaryCrossentropy'", `${TFJS}model.compile({ optimizer: 'adam', loss: "binaryCross‸entropy" });`, { id: 'bce' }),
  js('require binds tf', "const tf = require('@tensorflow/tfjs-node');\nconst y = tf.sig‸moid(x);", { id: 'sigmoid', framework: 'tfjs' }),
  js('destructured require', "const { layers } = require('@tensorflow/tfjs');\nconst l = layers.leaky‸ReLU({ alpha: 0.2 });", { id: 'leaky_relu', params: { alpha: 0.2 } }),
  js('named import with alias', "import { leakyRelu as lrelu } from '@tensorflow/tfjs';\nconst y = lre‸lu(x, 0.05);", { id: 'leaky_relu', params: { alpha: 0.05 }, written: 'lrelu' }, 'typescript'),
  js('import tf from a different alias name', "import * as tfjs from '@tensorflow/tfjs-core';\nconst y = tfjs.ta‸nh(x);", { id: 'tanh' }, 'typescript'),
  js('no import: tf means TF.js in JavaScript', 'const y = tf.sel‸u(x);', { id: 'selu', framework: 'tfjs' }, 'typescriptreact'),
  js('function softplus(x) in JS', 'function soft‸plus(x) {\n  return Math.log1p(Math.exp(x));\n}', { id: 'softplus', framework: null }),
  js('const sigmoid = (x) => …', 'const sig‸moid = (x) => 1 / (1 + Math.exp(-x));', { id: 'sigmoid' }),
  js('a JSX file calling tf.softmax', "import * as tf from '@tensorflow/tfjs';\nconst P = () => <div>{tf.soft‸max(x).toString()}</div>;", { id: 'softmax' }, 'javascriptreact'),
  // JavaScript negatives
  js('reluCount', 'const relu‸Count = 0;', undefined),
  js('a // comment', '// call tf.re‸lu here', undefined),
  js('a block comment', '/* tf.sig‸moid */ const a = 1;', undefined),
  js('an unrelated string', "console.log('re‸lu');", undefined),
  js('an object key named relu', 'const o = { re‸lu: 1 };', undefined),
  js('a method on another object', 'const y = model.sig‸moid(x);', undefined),
  js('a non-TF.js module', "import * as m from 'mathjs';\nconst y = m.ta‸nh(x);", undefined),
  js('a regex literal', 'const r = /tf\\.re‸lu/;', undefined),
  js('a template literal', 'const s = `tf.re‸lu`;', undefined),
  js('Python-only names do not exist in TF.js', `${TFJS}const y = tf.nn.re‸lu(x);`, undefined),
];

function run(snippet: string, lang: Lang) {
  const offset = snippet.indexOf(CURSOR);
  assert.ok(offset >= 0, `snippet has no cursor: ${snippet}`);
  const text = snippet.slice(0, offset) + snippet.slice(offset + CURSOR.length);
  return { text, offset, ref: recognize(text, offset, lang) };
}

describe('recognize(): snippets across the frameworks', () => {
  it(`has at least 120 snippets (${rows.length})`, () => {
    assert.ok(rows.length >= 120);
  });
  for (const [what, snippet, lang, expected] of rows) {
    const title = expected ? `${what} → ${expected.id}` : `${what} → nothing`;
    it(title, () => {
      const { text, offset, ref } = run(snippet, lang);
      if (!expected) {
        assert.equal(ref, undefined, `expected nothing, got ${JSON.stringify(ref)}`);
        return;
      }
      assert.ok(ref, 'expected a function, got nothing');
      assert.equal(ref.id, expected.id);
      if (expected.params) assert.deepEqual(ref.params, expected.params);
      if (expected.explicit) assert.deepEqual([...ref.explicit].sort(), [...expected.explicit].sort());
      if (expected.framework !== undefined) assert.equal(ref.framework, expected.framework ?? undefined);
      if (expected.name) assert.equal(ref.frameworkName?.name, expected.name);
      if (expected.written) assert.equal(ref.written, expected.written);
      // The range is what is written, and the cursor is on it.
      assert.equal(text.slice(ref.range.start, ref.range.end), ref.written);
      assert.ok(ref.range.start <= offset && offset <= ref.range.end, 'the cursor lies on the range');
    });
  }
});

describe('recognize(): contracts', () => {
  it('returns nothing for languages it does not handle', () => {
    assert.equal(recognize('torch.relu(x)', 3, 'rust'), undefined);
    assert.equal(recognize('torch.relu(x)', 3, 'plaintext'), undefined);
  });
  it('returns nothing for offsets outside the text', () => {
    assert.equal(recognize('torch.relu(x)', -1, 'python'), undefined);
    assert.equal(recognize('torch.relu(x)', 999, 'python'), undefined);
    assert.equal(recognize('torch.relu(x)', 1.5, 'python'), undefined);
    assert.equal(recognize('', 0, 'python'), undefined);
  });
  it('gives every frameworkName it returns from the catalogue itself', () => {
    const ref = recognize('nn.LeakyReLU(0.2)', 4, 'python');
    assert.ok(ref?.frameworkName);
    assert.ok(frameworkNames.leaky_relu.includes(ref.frameworkName));
  });
  it('follows an edit to the imports on the next call', () => {
    const torchText = 'import torch.nn as nn\ny = nn.relu';
    const flaxText = 'import flax.linen as nn\ny = nn.relu';
    const offset = torchText.indexOf('nn.relu') + 4;
    assert.equal(recognize(torchText, offset, 'python'), undefined, 'torch.nn has no relu function');
    assert.equal(recognize(flaxText, offset + 1, 'python')?.frameworkName?.name, 'flax.linen.relu');
  });
  it('keys its cache by document and version when given them', () => {
    const recognizer = createRecognizer(2);
    const v1 = 'import torch.nn.functional as G\ny = G.relu(x)';
    const v2 = 'import jax.nn as G\n\ny = G.relu(x)';
    assert.equal(recognizer.recognize(v1, v1.indexOf('G.relu') + 2, 'python', { key: 'a.py', version: 1 })?.framework, 'pytorch');
    assert.equal(recognizer.recognize(v2, v2.indexOf('G.relu') + 2, 'python', { key: 'a.py', version: 2 })?.framework, 'jax');
    recognizer.clear();
  });
});

describe('the catalogue’s framework names', () => {
  it('lists a name under two ids only when an argument switches between them', () => {
    const seen = new Map<string, string[]>();
    for (const [id, names] of Object.entries(frameworkNames)) {
      for (const fn of names) {
        const key = `${fn.framework}:${fn.form}:${fn.name}`;
        seen.set(key, [...(seen.get(key) ?? []), id]);
      }
    }
    for (const [key, ids] of seen) {
      if (ids.length === 1) continue;
      const name = key.split(':').slice(2).join(':');
      const sw = ARG_SWITCHES.get(name);
      assert.ok(sw, `${key} is listed under ${ids.join(', ')} without an argument switch`);
      assert.ok(ids.includes(sw.byDefault), `${key}: the default ${sw.byDefault} is not among ${ids.join(', ')}`);
    }
  });
  it('maps parameters only onto the core’s parameters of that id', () => {
    for (const [id, names] of Object.entries(frameworkNames)) {
      const core = Object.keys(coreDefaults(id));
      for (const fn of names) {
        const mapped = [...(fn.positional ?? []).filter((p): p is string => p !== null), ...Object.values(fn.keywords ?? {}), ...Object.keys(fn.defaults ?? {})];
        for (const p of mapped) assert.ok(core.includes(p), `${fn.name} (${id}) maps onto '${p}', which ${id} does not have`);
      }
    }
  });
  it('covers every framework for the common activations', () => {
    for (const id of ['relu', 'leaky_relu', 'sigmoid', 'tanh', 'softmax', 'elu', 'selu', 'softplus', 'relu6']) {
      const frameworks = new Set(frameworkNames[id].map((fn) => fn.framework));
      assert.deepEqual([...frameworks].sort(), ['jax', 'pytorch', 'tensorflow', 'tfjs'], id);
    }
  });
  it('has the framework Leaky ReLU defaults of the numerics notes', () => {
    const slope = (name: string) => frameworkNames.leaky_relu.find((fn) => fn.name === name)?.defaults?.alpha;
    assert.equal(slope('torch.nn.functional.leaky_relu'), 0.01);
    assert.equal(slope('tf.nn.leaky_relu'), 0.2);
    assert.equal(slope('keras.activations.leaky_relu'), 0.2);
    assert.equal(slope('keras.layers.LeakyReLU'), 0.3);
    assert.equal(slope('jax.nn.leaky_relu'), 0.01);
    assert.equal(slope('tf.layers.leakyReLU'), 0.3);
    assert.equal(slope('tf.leakyRelu'), 0.2);
  });
});

describe('recognize(): robustness and speed', () => {
  /** Best of `runs` timings: the machine is shared, so one slow run says little; an algorithmic blow-up is slow every time. */
  /** A flat copy (as an editor's getText() returns), distinct per run so each first call really is first. */
  const fresh = (text: string, run: number): string => {
    const copy = `${text}${' '.repeat(run + 1)}`;
    copy.indexOf('\u0001');
    return copy;
  };

  it('answers on a 1 MB minified line without throwing (timings: npm run bench)', () => {
    const unit = 'var a=function(b){return tf.relu(b)+c/2},d=/re[l]u/g,e="x";';
    const line = unit.repeat(Math.ceil(1_000_000 / unit.length));
    const target = line.indexOf('tf.relu', line.length >> 1) + 4;
    const texts = [0, 1, 2, 3, 4].map((run) => fresh(line, run));
    for (const offset of [5, line.length >> 1, line.length - 3, target]) assert.doesNotThrow(() => recognize(texts[4], offset, 'javascript'));
    // Only the first MAX_LINE (20,000) characters of an overlong line are read (src/recognize/syntax.ts).
    assert.equal(recognize(texts[4], target, 'javascript'), undefined);
    assert.equal(recognize(texts[4], line.indexOf('tf.relu') + 4, 'javascript')?.id, 'relu');
  });

  it('survives NUL bytes and binary-looking text', () => {
    let binary = '';
    for (let i = 0; i < 200_000; i++) binary += String.fromCharCode((i * 7919) % 256);
    const text = `import torch\n${binary}\ny = torch.sigmoid(x)\n\u0000\u0000relu\u0000(`;
    for (const offset of [0, 100, 50_000, text.length - 3, text.length]) {
      assert.doesNotThrow(() => recognize(text, offset, 'python'));
      assert.doesNotThrow(() => recognize(text, offset, 'typescript'));
    }
    assert.equal(recognize(text, text.indexOf('torch.sigmoid') + 8, 'python')?.id, 'sigmoid');
  });

  it('answers on a 50,000-line file with the parameters of the last line (timings: npm run bench)', () => {
    const lines: string[] = ['import torch', 'import torch.nn.functional as F', '"""module docstring"""'];
    for (let i = 0; i < 50_000; i++) lines.push(i % 3 ? `x${i} = F.leaky_relu(x${i - 1}, negative_slope=0.${(i % 9) + 1})` : `# step ${i}: "quoted" 'text'`);
    const text = lines.join('\n');
    const target = text.lastIndexOf('F.leaky_relu') + 3;
    const texts = [0, 1, 2, 3, 4].map((run) => fresh(text, run));
    const ref = recognize(texts[4], target, 'python');
    assert.equal(ref?.id, 'leaky_relu');
    assert.deepEqual(ref?.params, { alpha: Number(`0.${(49_999 % 9) + 1}`) });
  });

  it('does not backtrack on pathological argument lists', () => {
    const text = `F.leaky_relu(${'('.repeat(20_000)}${'x=, '.repeat(20_000)}`;
    assert.equal(recognize(text, 3, 'python')?.id, 'leaky_relu');
  });

  it('does not backtrack on an endless dotted chain', () => {
    const text = `y = ${'a.'.repeat(200_000)}relu(x)`;
    assert.equal(recognize(text, text.length - 6, 'python'), undefined);
  });

  it('reads a file of unterminated strings and regex-like slashes without throwing', () => {
    const text = `${"'\"`/*/".repeat(100_000)}\ntf.relu(x)`;
    assert.doesNotThrow(() => recognize(fresh(text, 0), text.length - 8, 'javascript'));
  });

  it('answers 2,000 positions of a 5,000-line file, each the same as a fresh model would (timings: npm run bench)', () => {
    const body = ['import torch.nn as nn', 'import keras', 'act = nn.LeakyReLU(0.2)', "d = keras.layers.Dense(3, activation='relu')", '# F.relu', 'y = sigmoid(x)', 'n = relu_count + 1'];
    const text = Array.from({ length: 5000 }, (_, i) => body[i % body.length]).join('\n');
    recognize(text, 10, 'python');
    const model = buildModel(text, 'python');
    for (let i = 0; i < 2000; i++) {
      const offset = (i * 7919) % text.length;
      assert.deepEqual(recognize(text, offset, 'python'), model.siteAt(offset), `at ${offset}`);
    }
  });
});

describe('the recognizer’s tables against the catalogue', () => {
  /** The ParamSpec names of a catalogue id (asserting the id exists). */
  const paramsOf = (id: string, where: string): string[] => {
    const entry = catalogue.get(id);
    assert.ok(entry, `${where}: '${id}' is not a catalogue id`);
    return entry.params.map((p) => p.name);
  };

  it('uses only catalogue ids in frameworks.ts, and maps every argument onto a ParamSpec of that id', () => {
    for (const [id, names] of Object.entries(frameworkNames)) {
      const params = paramsOf(id, 'frameworks.ts');
      for (const fn of names) {
        const where = `${fn.framework} ${fn.name} (${id})`;
        for (const p of fn.positional ?? []) if (p !== null) assert.ok(params.includes(p), `${where}: positional '${p}' is not a parameter of ${id}`);
        for (const [keyword, p] of Object.entries(fn.keywords ?? {})) {
          assert.ok(params.includes(p), `${where}: keyword ${keyword} → '${p}' is not a parameter of ${id}`);
        }
        for (const p of Object.keys(fn.defaults ?? {})) assert.ok(params.includes(p), `${where}: default for '${p}', not a parameter of ${id}`);
      }
    }
  });

  it('uses only catalogue ids in its plain names, extra names, argument switches and loss ids', () => {
    for (const [name, id] of PLAIN_NAMES) paramsOf(id, `PLAIN_NAMES.${name}`);
    for (const [name, extra] of EXTRA_QUALIFIED) paramsOf(extra.id, `EXTRA_QUALIFIED['${name}']`);
    for (const [name, sw] of ARG_SWITCHES) {
      for (const id of [sw.byDefault, ...sw.cases.values()]) paramsOf(id, `ARG_SWITCHES['${name}']`);
    }
    const losses = [...catalogue.values()].filter((e) => e.kind === 'loss').map((e) => e.id);
    assert.deepEqual([...LOSS_IDS].sort(), losses.sort(), 'LOSS_IDS is exactly the catalogue’s losses');
  });

  it('lists every id an argument switch can select under that name in frameworks.ts', () => {
    for (const [name, sw] of ARG_SWITCHES) {
      for (const id of new Set([sw.byDefault, ...sw.cases.values()])) {
        // keras.metrics.BinaryCrossentropy is listed under the loss it computes (SAME_AS).
        const listed = SAME_AS.get(name) ?? name;
        assert.ok(frameworkNames[id]?.some((fn) => fn.name === listed), `ARG_SWITCHES['${name}'] selects ${id}, which does not list ${listed}`);
      }
    }
  });

  it('maps plain positional arguments and keywords onto real ParamSpecs', () => {
    for (const [id, positions] of PLAIN_POSITIONAL) {
      const params = paramsOf(id, 'PLAIN_POSITIONAL');
      for (const p of positions) if (p !== null) assert.ok(params.includes(p), `PLAIN_POSITIONAL.${id}: '${p}' is not a parameter of ${id}`);
    }
    const allParams = new Set([...catalogue.values()].flatMap((e) => e.params.map((p) => p.name)));
    for (const [keyword, p] of PLAIN_KEYWORDS) assert.ok(allParams.has(p), `PLAIN_KEYWORDS.${keyword} → '${p}' is no catalogue parameter`);
    // Every plain function with parameters can be given them by keyword.
    for (const id of new Set(PLAIN_NAMES.values())) {
      for (const p of paramsOf(id, 'PLAIN_NAMES')) assert.ok([...PLAIN_KEYWORDS.values()].includes(p), `${id}: no plain keyword reaches '${p}'`);
    }
  });

  it('takes the core defaults from the catalogue’s ParamSpecs', () => {
    for (const [id, entry] of catalogue) {
      assert.deepEqual(coreDefaults(id), Object.fromEntries(entry.params.map((p) => [p.name, p.default])), id);
    }
    assert.deepEqual(coreDefaults('no_such_id'), {});
    assert.deepEqual(coreDefaults('focal'), { alpha: 0.25, gamma: 2 });
    assert.ok(Object.isFrozen(coreDefaults('leaky_relu')), 'shared defaults are frozen');
  });
});
