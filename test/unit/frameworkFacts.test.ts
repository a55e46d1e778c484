/**
 * The framework table's facts (issue 12): every row names where it was checked, and each correction the audit
 * found holds — checked through the table and, where it matters, through the recognizer and the hover.
 */
import * as assert from 'node:assert/strict';
import { catalogue } from '../../src/core/catalogue';
import { catalogueProse } from '../../src/core/catalogue/prose';
import type { ElementwiseLossDef, FrameworkName, VectorLossDef } from '../../src/core/functionTypes';
import { frameworkNames } from '../../src/frameworks/table';
import { recognize } from '../../src/recognize';

/** `owner/repo path…`: a repository of one of the frameworks, then a file in it. */
const SOURCE_NOTE = /^(pytorch\/pytorch|pytorch\/vision|tensorflow\/tensorflow|tensorflow\/tfjs|keras-team\/keras|keras-team\/tf-keras|jax-ml\/jax|google\/flax|google-deepmind\/optax) [\w./-]+\.(py|ts|yaml|pbtxt)\b/;

function row(id: string, name: string, form?: FrameworkName['form']): FrameworkName {
  const found = (frameworkNames[id] ?? []).find((f) => f.name === name && (form === undefined || f.form === form));
  assert.ok(found, `'${id}' has no row '${name}'${form ? ` (${form})` : ''}`);
  return found;
}

function hasRow(id: string, name: string): boolean {
  return (frameworkNames[id] ?? []).some((f) => f.name === name);
}

describe('framework table: every row says where it was checked', () => {
  it('walks every row of every entry and finds a source note naming a framework repository and a file', () => {
    let rows = 0;
    const missing: string[] = [];
    for (const [id, names] of Object.entries(frameworkNames)) {
      for (const fn of names) {
        rows++;
        if (typeof fn.source !== 'string' || !SOURCE_NOTE.test(fn.source)) missing.push(`${id}: ${fn.framework} ${fn.name} → ${String(fn.source)}`);
        if (fn.keras2 && !/^keras-team\/tf-keras\b/.test(fn.keras2.source)) missing.push(`${id}: ${fn.name} keras2 → ${fn.keras2.source}`);
      }
    }
    assert.ok(rows > 200, `only ${rows} rows walked`);
    assert.deepEqual(missing, []);
  });

  it('fails on a row without a source (the check itself can fail)', () => {
    const bare: FrameworkName = { framework: 'pytorch', name: 'torch.relu', form: 'function' };
    assert.equal(SOURCE_NOTE.test(bare.source ?? ''), false);
    assert.equal(SOURCE_NOTE.test('somewhere in the docs'), false);
  });

  it('every catalogue id has rows, and every table id is in the catalogue', () => {
    for (const id of Object.keys(frameworkNames)) assert.ok(catalogue.has(id), `table id '${id}' is not in the catalogue`);
    for (const id of catalogue.keys()) assert.ok((frameworkNames[id] ?? []).length > 0, `catalogue id '${id}' has no framework rows`);
  });
});

describe('framework table: the corrections of issue 12', () => {
  it('optax.huber_loss: delta keyword-only since 0.2.7, both spellings read, the change named', () => {
    const fn = row('huber', 'optax.huber_loss');
    assert.match(fn.source!, /optax\/losses\/_regression\.py.*0\.2\.7/);
    assert.match(fn.note!, /\*, delta=1\.0\).*keyword-only since optax 0\.2\.7/);
    assert.equal(recognize('optax.huber_loss(p, t, delta=2.0)', 3, 'python')?.params.delta, 2);
    assert.equal(recognize('optax.huber_loss(p, t, 2.0)', 3, 'python')?.params.delta, 2);
  });

  it('optax.sigmoid_focal_loss: alpha and gamma keyword-only since 0.2.7', () => {
    const fn = row('focal', 'optax.sigmoid_focal_loss');
    assert.match(fn.note!, /\(logits, labels, \*, alpha=None, gamma=2\.0\)/);
    assert.match(fn.note!, /keyword-only since optax 0\.2\.7/);
    assert.equal(recognize('optax.sigmoid_focal_loss(z, y, gamma=3.0)', 3, 'python')?.params.gamma, 3);
  });

  it('TF.js hingeLoss requires 0/1 labels (always 2·labels − 1) and says ±1 labels go wrong', () => {
    const fn = row('hinge', 'tf.losses.hingeLoss');
    assert.match(fn.note!, /Requires 0\/1 labels/);
    assert.match(fn.note!, /2·labels − 1/);
    assert.match(fn.note!, /±1 labels silently give wrong losses/);
    assert.doesNotMatch(fn.note!, /converted to −1\/1/);
    assert.match(fn.source!, /tfjs-core\/src\/ops\/losses\/hinge_loss\.ts/);
  });

  it('TF.js tf.layers.elu and the elu string: any alpha ≠ 1 throws', () => {
    assert.match(row('elu', 'tf.layers.elu').note!, /alpha throws NotImplementedError/);
    const tfjsString = frameworkNames.elu.find((f) => f.framework === 'tfjs' && f.form === 'string');
    assert.match(tfjsString?.note ?? '', /Always α = 1/);
  });

  it('PyTorch Hardswish′ at ±3 names both versions (≤ 2.6: −0.5 / 1.5; after PR #148049: 0 / 1)', () => {
    for (const name of ['torch.nn.functional.hardswish', 'torch.nn.Hardswish']) {
      const fn = row('hard_swish', name);
      assert.match(fn.note!, /up to 2\.6 .*−0\.5 at −3, 1\.5 at 3/);
      assert.match(fn.note!, /#148049.*0 at −3 and 1 at 3/);
    }
    assert.ok(catalogueProse.hard_swish.properties.some((p) => /#148049/.test(p) && /2\.6/.test(p)), 'the catalogue property names the versions');
  });

  it('flax.linen.hard_silu exists (flax/linen/__init__.py exports it)', () => {
    assert.equal(row('hard_swish', 'flax.linen.hard_silu').source, 'google/flax flax/linen/__init__.py');
    assert.equal(recognize('flax.linen.hard_silu(x)', 12, 'python')?.id, 'hard_swish');
  });

  it('TF2 tf.nn.sigmoid/softmax_cross_entropy_with_logits take positional (labels, logits)', () => {
    for (const [id, name] of [
      ['bce_with_logits', 'tf.nn.sigmoid_cross_entropy_with_logits'],
      ['cce_with_logits', 'tf.nn.softmax_cross_entropy_with_logits'],
    ] as const) {
      const fn = row(id, name);
      assert.deepEqual(fn.positional, [null, null]);
      assert.match(fn.note!, /^\(labels, logits\): labels first, positional in TF2 \(keyword-only only in TF1\)/);
    }
  });

  it('Keras hard_sigmoid: Keras 2 includes tf_keras, and its fact cites tf-keras', () => {
    const fn = row('hard_sigmoid', 'keras.activations.hard_sigmoid');
    assert.match(fn.keras2!.note!, /0\.2x \+ 0\.5/);
    assert.match(fn.keras2!.note!, /tf_keras/);
    assert.match(fn.keras2!.source, /^keras-team\/tf-keras tf_keras\/activations\.py/);
    assert.equal(row('hard_sigmoid', 'hard_sigmoid', 'string').keras2?.note, fn.keras2!.note);
  });

  it("TF.js 'binaryCrossentropy' clips with the backend's ε: 1e-7 in float32, 1e-4 on WebGL float16", () => {
    const fn = row('bce', 'binaryCrossentropy', 'string');
    assert.match(fn.note!, /1e-7 in float32, 1e-4 on WebGL/);
  });

  it("Keras loss strings include 'BCE' as well as 'bce'", () => {
    row('bce', 'BCE', 'string');
    row('bce', 'bce', 'string');
    assert.equal(recognize("model.compile(loss='BCE')", 21, 'python')?.id, 'bce');
  });

  it('jax.nn.tanh is in the table (jax/nn/__init__.py re-exports it)', () => {
    assert.equal(row('tanh', 'jax.nn.tanh').source, 'jax-ml/jax jax/nn/__init__.py');
    assert.equal(recognize('jax.nn.tanh(x)', 8, 'python')?.id, 'tanh');
  });

  it("TF.js losses name their default reduction SUM_BY_NONZERO_WEIGHTS, and tf.layers.softmax's axis 1 vs −1", () => {
    for (const [id, name] of [
      ['mse', 'tf.losses.meanSquaredError'],
      ['mae', 'tf.losses.absoluteDifference'],
      ['bce', 'tf.losses.logLoss'],
      ['bce_with_logits', 'tf.losses.sigmoidCrossEntropy'],
      ['huber', 'tf.losses.huberLoss'],
      ['hinge', 'tf.losses.hingeLoss'],
      ['cce_with_logits', 'tf.losses.softmaxCrossEntropy'],
    ] as const) {
      assert.match(row(id, name).note!, /SUM_BY_NONZERO_WEIGHTS/, name);
    }
    assert.match(row('softmax', 'tf.layers.softmax').note!, /axis is 1 in the code \(its docs say −1\)/);
  });

  it('keeps names out that the frameworks do not have (flax.linen.mish, keras.ops.mish)', () => {
    assert.equal(hasRow('mish', 'flax.linen.mish'), false);
    assert.equal(hasRow('mish', 'keras.ops.mish'), false);
  });
});

describe('losses on log-probabilities: nll and kl_div_log_target', () => {
  it('F.nll_loss and nn.NLLLoss are nll; kl_div with log_target=True is kl_div_log_target, without it kl_div', () => {
    assert.equal(recognize('F.nll_loss(F.log_softmax(z, dim=-1), y)', 4, 'python')?.id, 'nll');
    assert.equal(recognize('nn.NLLLoss()', 4, 'python')?.id, 'nll');
    assert.equal(recognize('F.kl_div(log_p, log_t, reduction="batchmean", log_target=True)', 4, 'python')?.id, 'kl_div_log_target');
    assert.equal(recognize('F.kl_div(log_p, t, reduction="batchmean")', 4, 'python')?.id, 'kl_div');
    assert.equal(recognize('nn.KLDivLoss(reduction="batchmean", log_target=True)', 4, 'python')?.id, 'kl_div_log_target');
    assert.equal(recognize('optax.kl_divergence_with_log_targets(log_p, log_t)', 8, 'python')?.id, 'kl_div_log_target');
  });
});

describe('label smoothing, read from the call and applied', () => {
  it('PyTorch CrossEntropyLoss(label_smoothing=…) and F.cross_entropy(…, label_smoothing=…) are read', () => {
    assert.equal(recognize('nn.CrossEntropyLoss(label_smoothing=0.1)', 4, 'python')?.params.label_smoothing, 0.1);
    const ref = recognize('F.cross_entropy(logits, y, label_smoothing=0.05)', 4, 'python');
    assert.equal(ref?.id, 'cce_with_logits');
    assert.equal(ref?.params.label_smoothing, 0.05);
  });

  it('Keras BinaryCrossentropy(from_logits=True, label_smoothing=0.2) is bce_with_logits with s = 0.2; the positional spelling too', () => {
    const text = 'import keras\nloss = keras.losses.BinaryCrossentropy(from_logits=True, label_smoothing=0.2)\n';
    const ref = recognize(text, text.indexOf('BinaryCross') + 3, 'python');
    assert.equal(ref?.id, 'bce_with_logits');
    assert.equal(ref?.params.label_smoothing, 0.2);
    const positional = 'import keras\nloss = keras.losses.BinaryCrossentropy(False, 0.1)\n';
    assert.equal(recognize(positional, positional.indexOf('BinaryCross') + 3, 'python')?.params.label_smoothing, 0.1);
  });

  it('TF.js sigmoidCrossEntropy(labels, logits, weights, 0.1) reads labelSmoothing from its fourth argument', () => {
    const text = 'tf.losses.sigmoidCrossEntropy(labels, logits, undefined, 0.1)';
    assert.equal(recognize(text, 12, 'javascript')?.params.label_smoothing, 0.1);
  });

  it('binary smoothing moves labels toward ½ (y(1 − s) + s/2), categorical toward 1/K, and s = 0 changes nothing', () => {
    const bce = catalogue.get('bce')!.def as ElementwiseLossDef;
    assert.equal(bce.value(1, 0.7, { label_smoothing: 0.2 }), bce.value(0.9, 0.7, { label_smoothing: 0 }));
    assert.equal(bce.value(0, 0.7, { label_smoothing: 0.2 }), bce.value(0.1, 0.7, { label_smoothing: 0 }));
    assert.equal(bce.value(1, 0.7, { label_smoothing: 0 }), bce.value(1, 0.7, {}));
    const cce = catalogue.get('cce_with_logits')!.def as VectorLossDef;
    const z = Float64Array.from([2, 0, -1, 0.5]);
    const smoothed = cce.value(Float64Array.from([1, 0, 0, 0]), z, { label_smoothing: 0.2 });
    const manual = cce.value(Float64Array.from([0.85, 0.05, 0.05, 0.05]), z, { label_smoothing: 0 });
    for (let i = 0; i < 4; i++) assert.ok(Math.abs(smoothed[i] - manual[i]) <= 1e-15 * Math.abs(manual[i]) + 1e-300, `class ${i}`);
  });
});
