import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { catalogue } from '../../src/core/catalogue';
import { formulaFromCode } from '../../src/core/formula';
import { buildModel, codeContextAt, recognize, type DocumentModel, type Site } from '../../src/recognize';
import { plugImplementationChecker } from '../../src/recognize/implementationCheck';
import { checkImplementation } from '../../src/recognize/ownImplementation';

// The extension plugs the check in when its features bundle loads; here, at once.
plugImplementationChecker(checkImplementation);

const root = join(__dirname, '..', '..', '..');
const corpusDir = join(root, 'test', 'corpus', 'model');
const examplesDir = join(root, 'examples');

function load(dir: string, file: string): DocumentModel {
  const text = readFileSync(join(dir, file), 'utf8');
  return buildModel(text, file.endsWith('.py') ? 'python' : 'js');
}

/** The site at the `nth` occurrence of `anchor` (at `at` characters into it). */
function siteOn(model: DocumentModel, anchor: string, at = 0, nth = 0): Site | undefined {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = model.text.indexOf(anchor, i + 1);
    assert.ok(i >= 0, `anchor ${JSON.stringify(anchor)} #${nth} is not in the file`);
  }
  return model.siteAt(i + at);
}

const T = 'import torch\nimport torch.nn as nn\nimport torch.nn.functional as F\n';
const at = (snippet: string, language = 'python') => {
  const offset = snippet.indexOf('‸');
  return recognize(snippet.replace('‸', ''), offset, language);
};

describe('document model: what the hover resolves', () => {
  it('tensor methods in a file that imports torch, with the in-place forms', () => {
    assert.equal(at(`${T}p = logits.soft‸max(-1)`)?.id, 'softmax');
    assert.equal(at(`${T}p = scores.log_‸softmax(dim=-1)`)?.id, 'log_softmax');
    assert.equal(at(`${T}h.re‸lu_()`)?.id, 'relu');
    assert.equal(at(`${T}y = x.sig‸moid_()`)?.frameworkName?.name, 'torch.Tensor.sigmoid_');
    assert.equal(at(`${T}y = (a + b).ta‸nh()`)?.id, 'tanh');
  });
  it('no tensor method in a file without torch, nor on self or a module', () => {
    assert.equal(at('import numpy as np\ny = x.re‸lu()'), undefined);
    assert.equal(at(`${T}y = math.ta‸nh(x)`), undefined);
    assert.equal(at(`${T}class M:\n    def f(self, x):\n        return self.re‸lu(x)`), undefined);
  });
  it('self.NAME(x) resolves to its assignment, hover range on NAME', () => {
    const text = `${T}class B(nn.Module):\n    def __init__(self):\n        self.act = nn.GELU(approximate="tanh")\n    def forward(self, x):\n        return self.act(x)\n`;
    const offset = text.lastIndexOf('act(x)') + 1;
    const site = recognize(text, offset, 'python');
    assert.equal(site?.id, 'gelu_tanh');
    assert.equal(text.slice(site!.range.start, site!.range.end), 'act');
  });
  it('this.NAME.apply(x) in a JS class resolves to this.NAME = tf.layers…', () => {
    const text = "import * as tf from '@tensorflow/tfjs';\nclass M {\n  constructor() { this.act = tf.layers.leakyReLU({ alpha: 0.25 }); }\n  call(x) { return this.act.apply(x); }\n}\n";
    const site = recognize(text, text.lastIndexOf('act.apply') + 1, 'javascript');
    assert.equal(site?.id, 'leaky_relu');
    assert.deepEqual(site?.params, { alpha: 0.25 });
  });
  it('self.relu bound to something that is not a framework call gets nothing', () => {
    const text = `${T}class B(nn.Module):\n    def __init__(self):\n        self.relu = SquaredReLU()\n    def forward(self, x):\n        return self.relu(x)\n`;
    assert.equal(recognize(text, text.lastIndexOf('relu(x)') + 1, 'python'), undefined);
  });
  it('partial(nn.LeakyReLU, negative_slope=1e-3) carries its keyword, and names bound to it do too', () => {
    const text = `${T}from functools import partial\nact = partial(nn.LeakyReLU, negative_slope=1e-3)\nlayer = act()\n`;
    assert.deepEqual(recognize(text, text.indexOf('LeakyReLU'), 'python')?.params, { alpha: 0.001 });
    assert.deepEqual(recognize(text, text.lastIndexOf('act()'), 'python')?.params, { alpha: 0.001 });
  });
  it('a parameter given by a name bound to a literal is resolved and says where from', () => {
    const text = `${T}leaky_relu_slope = 0.2\ndef block(slope=0.3):\n    a = nn.LeakyReLU(leaky_relu_slope)\n    s2 = 0.05\n    b = nn.LeakyReLU(s2)\n    c = nn.LeakyReLU(slope)\n`;
    const a = recognize(text, text.indexOf('LeakyReLU(leaky'), 'python');
    assert.deepEqual(a?.params, { alpha: 0.2 });
    assert.match(a?.sources?.alpha?.text ?? '', /leaky_relu_slope = 0\.2 \(line 4\)/);
    assert.deepEqual(recognize(text, text.indexOf('LeakyReLU(s2)'), 'python')?.params, { alpha: 0.05 });
    assert.deepEqual(recognize(text, text.indexOf('LeakyReLU(slope)'), 'python')?.params, { alpha: 0.3 });
  });
  it('a name whose value is not known here is said to be unknown, never shown as the default in effect', () => {
    const text = `${T}act = nn.LeakyReLU(cfg.leaky_relu_slope)\nb = F.leaky_relu(x, negative_slope=compute())\n`;
    const a = recognize(text, text.indexOf('LeakyReLU'), 'python');
    assert.deepEqual(a?.unknown, { alpha: 'cfg.leaky_relu_slope' });
    assert.deepEqual(a?.explicit, []);
    assert.deepEqual(recognize(text, text.indexOf('leaky_relu('), 'python')?.unknown, { alpha: 'compute()' });
  });
  it('Keras ReLU(max_value=6) and ReLU(6.0) are ReLU6; ReLU(negative_slope=a) is a leaky ReLU with α = a', () => {
    const K = 'from keras import layers\n';
    assert.equal(at(`${K}x = layers.Re‸LU(max_value=6)(x)`)?.id, 'relu6');
    assert.equal(at(`${K}x = layers.Re‸LU(6.0)(x)`)?.id, 'relu6');
    assert.equal(at(`${K}x = layers.Re‸LU(max_value=3)(x)`)?.id, 'relu');
    const leaky = at(`${K}x = layers.Re‸LU(negative_slope=0.1)(x)`);
    assert.equal(leaky?.id, 'leaky_relu');
    assert.deepEqual(leaky?.params, { alpha: 0.1 });
    assert.equal(at("import * as tf from '@tensorflow/tfjs';\nconst a = tf.layers.re‸LU({ maxValue: 6 });", 'javascript')?.id, 'relu6');
  });
  it('PyTorch Image Models activation strings: act_layer=, get_act_layer(), create_act_layer()', () => {
    const X = `${T}from timm.layers import get_act_layer, create_act_layer\n`;
    assert.equal(at(`${X}b = Block(act_layer="ge‸lu")`)?.id, 'gelu');
    assert.equal(at(`${X}a = get_act_layer("si‸lu")`)?.id, 'silu');
    const c = at(`${X}a = create_act_layer("leaky_re‸lu", negative_slope=0.2, inplace=True)`);
    assert.equal(c?.id, 'leaky_relu');
    assert.deepEqual(c?.params, { alpha: 0.2 });
    assert.equal(at(`${X}a = get_act_layer("quick_ge‸lu")`), undefined);
  });
  it('names that were missing: jax.nn.tanh, torch.nn.modules.activation.ReLU, keras.metrics.MeanSquaredError, keras.src', () => {
    assert.equal(at('import jax\ny = jax.nn.ta‸nh(x)')?.id, 'tanh');
    assert.equal(at('import torch\nm = torch.nn.modules.activation.Re‸LU()')?.id, 'relu');
    assert.equal(at('import keras\nm = keras.metrics.MeanSquared‸Error()')?.id, 'mse');
    assert.equal(at('from keras.src import layers\nx = layers.Re‸LU()(x)')?.id, 'relu');
    assert.equal(at('import keras.src.losses as L\nl = L.Hu‸ber(delta=2.0)')?.id, 'huber');
  });
  it('doctest lines inside docstrings are code; prose in docstrings and comments is not', () => {
    const text = 'def f():\n    """Uses nn.GELU() in prose.\n\n    >>> x = keras.layers.Dense(8, activation="relu")(x)\n    >>> y = F.silu(\n    ...     x)\n    """\n# F.relu(x) in a comment\n';
    assert.equal(recognize(text, text.indexOf('"relu"') + 2, 'python')?.id, 'relu');
    assert.equal(recognize(text, text.indexOf('F.silu') + 3, 'python')?.id, 'silu');
    assert.equal(recognize(text, text.indexOf('nn.GELU') + 4, 'python'), undefined);
    assert.equal(recognize(text, text.indexOf('F.relu') + 3, 'python'), undefined);
  });
  it('look-alikes get nothing: relu_out, act_layer as a variable, compute_loss, CustomMSE', () => {
    const text = `${T}relu_out = relu_count + 1\ndef mlp(act_layer=nn.GELU):\n    act = act_layer()\n    return act(x)\nloss = compute_loss(x)\nclass CustomMSE(nn.Module):\n    pass\n`;
    for (const word of ['relu_out', 'relu_count', 'act_layer()', 'act(x)', 'compute_loss', 'CustomMSE']) {
      assert.equal(recognize(text, text.indexOf(word) + 1, 'python'), undefined, word);
    }
  });
  it('built-in property names are plain identifiers: no throw, no hover', () => {
    for (const [snippet, language] of [
      ['hasOwnProperty.call(o, k)', 'python'],
      ['constructor', 'python'],
      ['f(constructor="relu")', 'python'],
      ['x.toString()', 'python'],
      ['np.constructor(x)', 'python'],
      ['__proto__.relu(x)', 'javascript'],
      ['nn.LeakyReLU(constructor=0.2)', 'python'],
    ] as const) {
      for (let offset = 0; offset <= snippet.length; offset++) {
        const site = recognize(snippet, offset, language);
        assert.ok(site === undefined || !/constructor|toString|hasOwn|proto/.test(site.written), `${snippet} at ${offset}`);
      }
    }
    assert.deepEqual(recognize('import torch.nn as nn\na = nn.LeakyReLU(constructor=0.2)', 30, 'python')?.params, { alpha: 0.01 });
  });
  it('pathological long lines index and answer (1 MB and 4 MB of import, """\'\'\', require, deep brackets)', () => {
    const cases: [string, string][] = [
      [`${'import '.repeat(150_000)}\nimport torch\ny = torch.relu(x)`, 'python'],
      [`${'"""\'\'\''.repeat(170_000)}\nimport torch\ny = torch.relu(x)`, 'python'],
      [`x = ${'('.repeat(500_000)}\nimport torch\ny = torch.relu(x)`, 'python'],
      [`${"require('a');".repeat(80_000)}\nconst y = tf.relu(x);`, 'javascript'],
      [`${'import '.repeat(600_000)}\nimport torch\ny = torch.relu(x)`, 'python'],
    ];
    for (const [text, language] of cases) {
      const offset = text.lastIndexOf('relu');
      assert.doesNotThrow(() => recognize(text, offset, language));
    }
    // After a balanced run of brackets the code is read as code again.
    const deep = `x = ${'('.repeat(100_000)}${')'.repeat(100_000)}\nimport torch\ny = torch.relu(x)`;
    assert.equal(recognize(deep, deep.lastIndexOf('relu'), 'python')?.id, 'relu');
  });
  it('a tensor method name called with arguments a tensor method cannot take is some other object\'s method', () => {
    // A torch.fx interpreter calls the module's method with the traced arguments: not Tensor.relu.
    assert.equal(at(`${T}out = mod.re‸lu(*args, **kwargs)`), undefined);
    assert.equal(at(`${T}out = layer.sig‸moid(h)`), undefined);
    assert.equal(at(`${T}out = layer.ta‸nh_(h, alpha=2)`), undefined);
    assert.equal(at(`${T}p = logits.soft‸max(*dims)`), undefined);
    assert.equal(at(`${T}p = logits.soft‸max(-1, torch.float32, 3)`), undefined);
    assert.equal(at(`${T}p = logits.soft‸max(dim=-1, dtype=torch.float32)`)?.id, 'softmax');
    assert.equal(at(`${T}p = logits.log_soft‸max(1, torch.float64)`)?.id, 'log_softmax');
    assert.equal(at(`${T}p = logits.log_soft‸max(axis=1)`), undefined);
  });
  it('compares an own definition once the checker is plugged in, also on a site built before (the extension plugs it in after activation)', () => {
    const text = 'import numpy as np\n\ndef sigmoid(x):\n    return 1 / (1 + np.exp(-x))\n';
    plugImplementationChecker(undefined);
    try {
      const site = buildModel(text, 'python').siteAt(text.indexOf('sigmoid') + 2);
      assert.equal(site?.form, 'definition');
      // Read through a function: the property is computed on each read until a comparison is made.
      const check = () => site?.implementation;
      assert.equal(check(), undefined, 'no checker yet: no comparison');
      plugImplementationChecker(checkImplementation);
      assert.equal(check()?.status, 'matches', JSON.stringify(check()));
    } finally {
      plugImplementationChecker(checkImplementation);
    }
  });

  it("a framework's own source defines the function: the catalogue hover without \"your implementation\"", () => {
    const lib = 'import jax.numpy as jnp\nfrom optax._src import base\n\ndef hinge_loss(scores, labels):\n    return jnp.maximum(0, 1 - scores * labels)\n\ndef sigmoid(x):\n    return 1 / (1 + jnp.exp(-x))\n\ny = sigmoid(z)\n';
    const def = recognize(lib, lib.indexOf('hinge_loss') + 2, 'python');
    assert.equal(def?.id, 'hinge');
    assert.equal(def?.implementation, undefined);
    assert.equal(recognize(lib, lib.indexOf('def sigmoid') + 5, 'python')?.implementation, undefined);
    assert.equal(recognize(lib, lib.lastIndexOf('sigmoid(z)') + 2, 'python')?.implementation, undefined);
    const keras = 'from keras.src import backend\nfrom keras.src.api_export import keras_export\n\ndef relu(x):\n    return backend.numpy.maximum(x, 0)\n';
    assert.equal(recognize(keras, keras.indexOf('def relu') + 5, 'python')?.implementation, undefined);
    // The same definitions in a user's file (public imports only, `from keras.src import layers` included) are checked.
    const user = 'import jax.numpy as jnp\nimport torch._dynamo\nfrom keras.src import layers\n\ndef sigmoid(x):\n    return 1 / (1 + jnp.exp(-x))\n';
    assert.equal(recognize(user, user.indexOf('def sigmoid') + 5, 'python')?.implementation?.status, 'matches');
  });
  it('keras.metrics cross-entropies switch on from_logits like the losses', () => {
    const K = 'import keras\nfrom keras import metrics\n';
    assert.equal(at(`${K}m = metrics.CategoricalCross‸entropy(from_logits=True)`)?.id, 'cce_with_logits');
    assert.equal(at(`${K}m = keras.metrics.BinaryCross‸entropy(from_logits=True)`)?.id, 'bce_with_logits');
    assert.equal(at(`${K}m = metrics.SparseCategoricalCross‸entropy(from_logits=True)`)?.id, 'cce_with_logits');
    assert.equal(at(`${K}m = metrics.BinaryCross‸entropy("bce", None, True)`)?.id, 'bce_with_logits');
    assert.equal(at(`${K}m = metrics.BinaryCross‸entropy()`)?.id, 'bce');
    const text = `${K}metric = metrics.CategoricalCrossentropy(from_logits=True)\nvalue = metric(y_true, logits)\n`;
    assert.equal(recognize(text, text.lastIndexOf('metric(') + 2, 'python')?.id, 'cce_with_logits');
  });
  it('a catalogue name that the scope binds to a value is that value, not the function', () => {
    const text = 'import numpy as np\n\ndef leaky_relu(x, slope=0.2):\n    return np.where(x > 0, x, slope * x)\n\ndef wrap(x):\n    leaky_relu = backend_op(x)\n    return Tensor(leaky_relu)\n\ndef use(x, sigmoid):\n    return sigmoid(x)\n\nout = leaky_relu(x)\n';
    assert.equal(recognize(text, text.indexOf('Tensor(leaky_relu') + 9, 'python'), undefined);
    assert.equal(recognize(text, text.indexOf('return sigmoid') + 9, 'python'), undefined);
    assert.equal(recognize(text, text.lastIndexOf('leaky_relu(x)') + 2, 'python')?.id, 'leaky_relu');
    const js = 'function softplus(x) { return Math.log1p(Math.exp(x)); }\nconst gelu = (x) => { return x; };\nconst a = softplus(2);\nconst b = gelu(a);\n';
    assert.equal(recognize(js, js.indexOf('softplus(2)') + 2, 'javascript')?.id, 'softplus');
    assert.equal(recognize(js, js.indexOf('gelu(a)') + 2, 'javascript')?.id, 'gelu');
  });
  it('a value computed by a call that takes an arrow is no definition of the function', () => {
    const js = "import * as tf from '@tensorflow/tfjs';\nconst meanAbsoluteError = tf.tidy(() => {\n  return errors.mean();\n});\nconst mae = (a, b) => a.sub(b).abs().mean();\nconst softplus = async (x) => x;\n";
    assert.equal(recognize(js, js.indexOf('meanAbsoluteError') + 3, 'javascript'), undefined);
    assert.equal(recognize(js, js.indexOf('mae =') + 1, 'javascript')?.id, 'mae');
    assert.equal(recognize(js, js.indexOf('softplus =') + 1, 'javascript')?.id, 'softplus');
  });
  it('own implementations are compared with the catalogue and their numeric traps named', () => {
    const m = load(corpusDir, 'numpy_own_functions.py');
    assert.equal(siteOn(m, 'def sigmoid', 5)?.implementation?.status, 'matches');
    assert.equal(siteOn(m, 'h = sigmoid', 5)?.implementation?.status, 'matches');
    const soft = siteOn(m, 'def softmax', 5);
    assert.equal(soft?.implementation?.status, 'unchecked');
    assert.match(soft?.implementation?.traps[0] ?? '', /np\.exp\(z\)` overflows for z > 709: subtract the max first/);
    assert.match(siteOn(m, 'def softplus', 5)?.implementation?.traps[0] ?? '', /overflows for x > 709: use `np\.logaddexp\(0, x\)`/);
    assert.match(siteOn(m, 'gelu =', 0)?.implementation?.message ?? '', /matches GELU \(tanh/);
    assert.match(siteOn(m, 'def relu', 5)?.implementation?.message ?? '', /differs from ReLU at x = /);
    assert.equal(siteOn(m, 'leaky_relu(h, 0.2)')?.params.alpha, 0.2);
  });
});

/** [file, anchor, offset into anchor, nth, expected id or null, expected params] */
type Expectation = [string, string, number, number, string | null, Record<string, number>?];
const EXPECTED: Expectation[] = [
  ['pytorch_vit_block.py', 'scores.softmax', 8, 0, 'softmax'],
  ['pytorch_vit_block.py', 'self.gate(out)', 6, 0, 'sigmoid'],
  ['pytorch_vit_block.py', 'self.relu(out)', 6, 0, null],
  ['pytorch_vit_block.py', 'act_layer="gelu"', 12, 0, 'gelu'],
  ['pytorch_vit_block.py', 'self.act = act_layer()', 6, 0, null],
  ['pytorch_vit_block.py', 'self.act(x)', 6, 0, null],
  ['pytorch_vit_block.py', 'self.leaky(self.act(x))', 6, 0, 'leaky_relu', { alpha: 0.2 }],
  ['pytorch_vit_block.py', 'self.leaky(self.act(x))', 17, 0, 'gelu_tanh'],
  ['pytorch_vit_block.py', 'nn.LeakyReLU(cfg', 3, 0, 'leaky_relu', { alpha: 0.01 }],
  ['pytorch_vit_block.py', 'create_act_layer("silu"', 18, 0, 'silu'],
  ['pytorch_vit_block.py', 'act(),', 0, 0, 'leaky_relu', { alpha: 0.001 }],
  ['pytorch_vit_block.py', 'nn.LeakyReLU(slope)', 3, 0, 'leaky_relu', { alpha: 0.1 }],
  ['pytorch_vit_block.py', 'logits.relu_()', 8, 0, 'relu'],
  ['pytorch_vit_block.py', '.tanh()', 2, 0, 'tanh'],
  ['pytorch_vit_block.py', 'F.kl_div', 3, 0, 'kl_div'],
  ['pytorch_vit_block.py', 'relu_out', 1, 0, null],
  ['pytorch_vit_block.py', 'compute_loss', 1, 0, null],
  ['pytorch_vit_block.py', 'CustomMSE', 1, 0, null],
  ['pytorch_vit_block.py', 'partial(nn.LayerNorm', 11, 0, null],
  ['keras_classifier.py', 'layers.ReLU(max_value=6)', 8, 1, 'relu6'],
  ['keras_classifier.py', 'layers.ReLU(6.0)', 8, 0, 'relu6'],
  ['keras_classifier.py', 'layers.ReLU(negative_slope', 8, 0, 'leaky_relu', { alpha: 0.1 }],
  ['keras_classifier.py', 'LeakyReLU(negative_slope=ALPHA)', 2, 0, 'leaky_relu', { alpha: 0.3 }],
  ['keras_classifier.py', '"swish"', 2, 0, 'silu'],
  ['keras_classifier.py', 'Activation("gelu")', 13, 0, 'gelu'],
  ['keras_classifier.py', 'metrics.MeanSquaredError', 10, 0, 'mse'],
  ['keras_classifier.py', 'src_losses.Huber', 12, 0, 'huber', { delta: 2 }],
  ['keras_classifier.py', 'activation="relu")(x)', 13, 0, 'relu'],
  ['keras_classifier.py', 'is ReLU6', 4, 0, null],
  ['keras_classifier.py', 'activation=act_layer', 12, 0, null],
  ['keras_classifier.py', 'custom_loss', 2, 0, null],
  ['keras_classifier.py', '"relu_out"', 2, 0, null],
  ['keras_classifier.py', '"binary_crossentropy"', 3, 0, 'bce'],
  ['jax_flax_train.py', 'jax.nn.gelu', 8, 0, 'gelu'],
  ['jax_flax_train.py', 'nnx.leaky_relu', 6, 0, 'leaky_relu', { alpha: 0.05 }],
  ['jax_flax_train.py', 'jax.nn.tanh', 8, 0, 'tanh'],
  ['jax_flax_train.py', 'optax.huber_loss', 8, 0, 'huber', { delta: 0.5 }],
  ['jax_flax_train.py', 'relu_count', 2, 0, null],
  ['jax_flax_train.py', 'loss_fn', 2, 0, null],
  ['numpy_own_functions.py', 'x.relu()', 3, 0, null],
  ['numpy_own_functions.py', 'relu_out', 2, 0, null],
  ['numpy_own_functions.py', 'np.maximum', 4, 0, null],
  ['tfjs_classifier.js', 'this.act.apply', 6, 0, 'relu6'],
  ['tfjs_classifier.js', 'this.gate.apply', 6, 0, 'leaky_relu', { alpha: 0.15 }],
  ['tfjs_classifier.js', 'this.relu(g)', 6, 0, null],
  ['tfjs_classifier.js', "'gelu_new'", 2, 0, 'gelu_tanh'],
  ['tfjs_classifier.js', 'L.dense', 3, 0, null],
  ['tfjs_classifier.js', 'reluCount', 2, 0, null],
  ['tfjs_classifier.js', 'computeLoss', 2, 0, null],
  ['tfjs_classifier.js', 'huberLoss', 2, 0, 'huber', { delta: 2 }],
  ['pytorch_vit_block.py', 'self.drop(x)', 6, 0, null],
  ['pytorch_vit_block.py', 'norm_layer(dim)', 2, 0, null],
  ['pytorch_vit_block.py', 'math.sqrt', 6, 0, null],
  ['pytorch_vit_block.py', 'probs.max', 7, 0, null],
  ['pytorch_vit_block.py', 'confidence.mean()', 12, 0, null],
  ['keras_classifier.py', 'keras.Input', 7, 0, null],
  ['keras_classifier.py', '"accuracy"', 2, 0, null],
  ['keras_classifier.py', 'keras.ops.mean', 11, 0, null],
  ['jax_flax_train.py', 'jnp.argmax', 5, 0, null],
  ['jax_flax_train.py', 'nnx.Linear', 6, 0, null],
  ['tfjs_classifier.js', 'tf.sequential', 4, 0, null],
  ["tfjs_classifier.js", "'adam'", 2, 0, null],
  ['tfjs_classifier.js', 'makeRelu', 2, 0, null],
  ['numpy_own_functions.py', 'np.where', 4, 0, null],
  ['torch_gated_mlp.py', 'F.silu(block', 3, 0, 'silu'],
  ['torch_gated_mlp.py', 'nn.GELU() and', 4, 0, null],
  ['torch_gated_mlp.py', 'F.relu(x) in prose', 3, 0, null],
  ['torch_gated_mlp.py', 'relu_out', 2, 0, null],
  ['torch_gated_mlp.py', 'act = act_layer()', 7, 0, null],
  ['torch_gated_mlp.py', 'return act', 8, 0, null],
  ['torch_gated_mlp.py', 'class CustomMSE', 8, 0, null],
  ['torch_gated_mlp.py', 'def compute_loss', 6, 0, null],
  ['torch_gated_mlp.py', 'self.act(self.fc1', 6, 0, 'gelu_tanh'],
  ['torch_gated_mlp.py', 'self.relu(h)', 6, 0, null],
  ['torch_gated_mlp.py', 'nn.LeakyReLU, negative_slope=1e-3)()', 4, 0, 'leaky_relu', { alpha: 0.001 }],
  ['torch_gated_mlp.py', 'nn.LeakyReLU(hidden_slope)', 4, 0, 'leaky_relu', { alpha: 0.05 }],
  ['torch_gated_mlp.py', 'nn.LeakyReLU(LEAKY_SLOPE)', 4, 0, 'leaky_relu', { alpha: 0.2 }],
  ['torch_gated_mlp.py', 'nn.LeakyReLU(cfg', 4, 0, 'leaky_relu', { alpha: 0.01 }],
  ['torch_gated_mlp.py', 'activation.ReLU()', 12, 0, 'relu'],
  ['torch_gated_mlp.py', 'negative_slope=scale', -10, 0, 'leaky_relu', { alpha: 0.1 }],
  ['torch_gated_mlp.py', 'h.sigmoid()', 3, 0, 'sigmoid'],
  ['torch_gated_mlp.py', 'h.softmax(-1)', 3, 0, 'softmax'],
  ['torch_gated_mlp.py', 'h.log_softmax(dim=-1)', 3, 0, 'log_softmax'],
  ['torch_gated_mlp.py', 'h.relu_()', 3, 0, 'relu'],
  ['torch_gated_mlp.py', 'h.sigmoid_()', 3, 0, 'sigmoid'],
  ['torch_gated_mlp.py', 'h.tanh_()', 3, 0, 'tanh'],
  ['torch_gated_mlp.py', 'create_act_layer("relu"', 19, 0, 'relu'],
  ['torch_gated_mlp.py', 'get_act_layer("silu"', 16, 0, 'silu'],
  ['torch_gated_mlp.py', 'act_layer="gelu")', 12, 1, 'gelu'],
  ['torch_gated_mlp.py', 'act_layer = "relu"', 1, 0, null],
  ['torch_gated_mlp.py', 'act_layer = "relu"', 14, 0, null],
  ['numpy_no_torch.py', 'graph.relu()', 7, 0, null],
  ['numpy_no_torch.py', 'out.sigmoid()', 5, 0, null],
  ['numpy_no_torch.py', 'out.tanh()', 5, 0, null],
  ['numpy_no_torch.py', 'out.softmax(-1)', 5, 0, null],
  ['numpy_no_torch.py', 'scores.log_softmax', 8, 0, null],
  ['numpy_no_torch.py', 'def relu(self)', 5, 0, null],
  ['numpy_no_torch.py', 'def sigmoid(self)', 5, 0, null],
  ['numpy_no_torch.py', 'def sigmoid(x)', 5, 0, 'sigmoid'],
  ['numpy_no_torch.py', 'hidden = sigmoid', 10, 0, 'sigmoid'],
  ['numpy_no_torch.py', 'def mish', 5, 0, 'mish'],
  ['keras_switches.py', 'layers.ReLU(max_value=6)', 8, 0, 'relu6'],
  ['keras_switches.py', 'layers.ReLU(6.0)', 8, 0, 'relu6'],
  ['keras_switches.py', 'layers.ReLU(negative_slope=0.1)', 8, 0, 'leaky_relu', { alpha: 0.1 }],
  ['keras_switches.py', 'src_layers.ReLU()', 12, 0, 'relu'],
  ['keras_switches.py', 'LeakyReLU(negative_slope=ALPHA)', 2, 0, 'leaky_relu', { alpha: 0.3 }],
  ['keras_switches.py', 'jax.nn.tanh', 8, 0, 'tanh'],
  ['keras_switches.py', 'metrics.MeanSquaredError', 10, 0, 'mse'],
  ['keras_switches.py', 'def head', 5, 0, null],
  ['tfjs_attribute_layers.js', 'this.act.apply', 6, 0, 'relu'],
  ['tfjs_attribute_layers.js', 'this.gate.apply', 6, 0, 'leaky_relu', { alpha: 0.15 }],
  ['tfjs_attribute_layers.js', 'this.relu.apply', 6, 0, null],
  ['tfjs_attribute_layers.js', 'reluOut', 2, 0, null],
  ['tfjs_attribute_layers.js', 'makeCustomLayer', 2, 0, null],
  ['torch_gated_mlp.py', 'torch.square', 7, 0, null],
  ['torch_gated_mlp.py', 'torch.clamp', 7, 0, null],
  ['numpy_no_torch.py', 'np.maximum(0.1', 4, 0, null],
  ['numpy_no_torch.py', 'np.linspace', 4, 0, null],
  ['keras_switches.py', 'ALPHA = 0.3', 1, 0, null],
  ['tfjs_attribute_layers.js', 'class GatedHead', 8, 0, null],
  ['torch_gated_mlp.py', 'self.leaky(u)', 6, 0, 'leaky_relu', { alpha: 0.001 }],
  ['torch_gated_mlp.py', 'self.hidden(u)', 6, 0, 'leaky_relu', { alpha: 0.05 }],
  ['torch_gated_mlp.py', 'y = elu(x)', 5, 0, 'elu', { alpha: 0.5 }],
  ['torch_gated_mlp.py', 'act = nn.Hardtanh()', 1, 0, null],
  ['numpy_own_functions.py', 'e.sum()', 2, 0, null],
];

describe('document model: the corpus (test/corpus/model)', () => {
  const models = new Map<string, DocumentModel>();
  const model = (file: string) => {
    let m = models.get(file);
    if (!m) models.set(file, (m = load(corpusDir, file)));
    return m;
  };
  for (const [file, anchor, offset, nth, id, params] of EXPECTED) {
    it(`${file}: ${anchor} → ${id ?? 'nothing'}`, () => {
      const site = siteOn(model(file), anchor, offset, nth);
      assert.equal(site?.id ?? null, id, `${anchor}: got ${site?.id}`);
      if (params) assert.deepEqual(site?.params, params);
    });
  }
  it('has as many negatives as positives', () => {
    const negatives = EXPECTED.filter((e) => e[4] === null).length;
    assert.ok(negatives * 2 >= EXPECTED.length, `${negatives} negatives of ${EXPECTED.length}`);
  });
});

/** `leaky_relu(x, 0.2)` → id and the numeric arguments after x. */
function parseFormula(formula: string): { id: string; args: number[] } | undefined {
  const m = /^([a-z0-9_]+)\(x(?:, ([^()]*))?\)$/.exec(formula);
  if (!m) return undefined;
  const args = m[2] ? m[2].split(',').map((s) => Number(s.trim())) : [];
  return args.every(Number.isFinite) ? { id: m[1], args } : undefined;
}

let appliedCompared = 0;
describe('Plot Selection agrees with the hover on every call site of examples/ and the corpus', () => {
  after(() => assert.ok(appliedCompared >= 5, `only ${appliedCompared} self.NAME(x) / NAME(x) sites compared`));
  const files: [string, string][] = [
    ...readdirSync(examplesDir).filter((f) => /\.(py|js)$/.test(f)).map((f): [string, string] => [examplesDir, f]),
    ...readdirSync(corpusDir).filter((f) => /\.(py|js)$/.test(f)).map((f): [string, string] => [corpusDir, f]),
  ];
  for (const [dir, file] of files) {
    it(`${file}: each activation call the model resolves translates to the same id and parameters`, () => {
      const m = load(dir, file);
      let compared = 0;
      for (const site of m.sites) {
        const entry = catalogue.get(site.id);
        if (!entry || entry.kind !== 'activation' || entry.def.shape !== 'elementwise') continue;
        if (site.call < 0 || site.unknown || !['call', 'method', 'attribute', 'alias'].includes(site.form)) continue;
        const call = m.syntax.calls[site.call];
        const chain = m.syntax.chains[call.chain];
        const start = chain.starts[0];
        let selection = m.text.slice(start, call.close);
        const applied = site.form === 'attribute' || site.form === 'alias';
        if (site.frameworkName?.form === 'class' && !applied) selection += '(x)';
        if (applied) {
          // self.act(h), this.act.apply(h), act(h): the module applied to one tensor, selected with x.
          const first = call.args[0];
          if (call.args.length !== 1 || first.key !== undefined) continue;
          selection = m.text.slice(start, first.valueStart) + 'x' + m.text.slice(first.valueEnd, call.close);
        } else if (site.frameworkName?.form !== 'class' && site.form !== 'method') {
          // A function called on something other than one plain tensor: select it with x instead.
          const first = call.args[0];
          if (!first || first.key !== undefined) continue;
          selection = m.text.slice(start, first.valueStart) + 'x' + m.text.slice(first.valueEnd, call.close);
        } else if (site.form === 'method') selection = 'x' + m.text.slice(site.range.start - 1, call.close);
        const formula = formulaFromCode(selection, m.family === 'python' ? 'python' : 'javascript', codeContextAt(m, start, selection));
        const parsed = parseFormula(formula);
        assert.ok(parsed, `${selection} → ${formula}`);
        assert.equal(parsed.id, site.id, `${selection} → ${formula}`);
        const expected = entry.params.map((p) => site.params[p.name]);
        assert.deepEqual(parsed.args, expected.slice(0, parsed.args.length), `${selection} → ${formula}`);
        for (let i = parsed.args.length; i < expected.length; i++) assert.equal(expected[i], entry.params[i].default, `${selection}: ${entry.params[i].name}`);
        compared++;
        if (applied) appliedCompared++;
      }
      assert.ok(compared > 0 || !/\b(relu|gelu|sigmoid|tanh|softmax)\b/.test(m.text), `${file}: nothing compared`);
    });
  }
});
