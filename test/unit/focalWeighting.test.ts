/**
 * Focal loss's α weighting as each framework applies it: torchvision weights by default (alpha=0.25, alpha=-1
 * turns it off), optax only when alpha is given (alpha=None by default), Keras only with
 * apply_class_balancing=True. The core spells "off" as α < 0; the recognizer, the hover, the Formula view and
 * the playground's code snippet must all tell the same story for the code as written.
 */
import * as assert from 'node:assert/strict';
import { catalogue } from '../../src/core/catalogue';
import { catalogueProse } from '../../src/core/catalogue/prose';
import { linesFor } from '../../src/features/formulaView/formulaViewLines';
import { buildViewModel, placesOf } from '../../src/features/formulaView/formulaViewModel';
import { siteAt } from '../../src/features/formulaView/siteAt';
import { hoverMarkdown } from '../../src/features/hover/hoverMarkdown';
import { ThemeKind } from '../../src/features/hover/sparkline';
import { codeSnippet } from '../../src/features/playground/codeSnippet';
import { PARAM_GATES } from '../../src/frameworks';
import { frameworkNames } from '../../src/frameworks/table';
import { recognize } from '../../src/recognize';
import type { FunctionRef } from '../../src/recognize/site';

const CURSOR = '‸';
const KERAS = 'import keras\n';
const TF = 'import tensorflow as tf\n';
const OPTAX = 'import optax\n';
const TORCHVISION = 'import torchvision\nfrom torchvision.ops import sigmoid_focal_loss\n';

function at(snippet: string): FunctionRef {
  const offset = snippet.indexOf(CURSOR);
  const text = snippet.replace(CURSOR, '');
  const ref = recognize(text, offset, 'python');
  assert.ok(ref, `nothing recognised in:\n${text}`);
  assert.equal(ref.id, 'focal');
  return ref;
}

/** [what, snippet with ‸ on the name, α in effect (−1: off)]. */
type Case = [string, string, number];

const weighted: Case[] = [
  ['keras BinaryFocalCrossentropy(apply_class_balancing=True) takes alpha 0.25', `${KERAS}l = keras.losses.BinaryFocal‸Crossentropy(apply_class_balancing=True)`, 0.25],
  ['keras BinaryFocalCrossentropy(apply_class_balancing=True, alpha=0.4, gamma=3.0)', `${KERAS}l = keras.losses.BinaryFocal‸Crossentropy(apply_class_balancing=True, alpha=0.4, gamma=3.0)`, 0.4],
  ['tf.keras BinaryFocalCrossentropy(True, 0.4) positionally', `${TF}l = tf.keras.losses.BinaryFocal‸Crossentropy(True, 0.4)`, 0.4],
  ['tf.keras binary_focal_crossentropy(y, p, apply_class_balancing=True, alpha=0.1)', `${TF}l = tf.keras.losses.binary_focal_‸crossentropy(y, p, apply_class_balancing=True, alpha=0.1)`, 0.1],
  ['keras apply_class_balancing through a name bound to True', `${KERAS}balance = True\nl = keras.losses.BinaryFocal‸Crossentropy(apply_class_balancing=balance, alpha=0.3)`, 0.3],
  ['optax sigmoid_focal_loss(z, y, alpha=0.5)', `${OPTAX}l = optax.sigmoid_focal_‸loss(z, y, alpha=0.5)`, 0.5],
  ['optax ≤ 0.2.6 positional alpha', `${OPTAX}l = optax.sigmoid_focal_‸loss(z, y, 0.75, 2.0)`, 0.75],
  ['torchvision sigmoid_focal_loss(z, y) weighs by default', `${TORCHVISION}l = torchvision.ops.sigmoid_focal_‸loss(z, y)`, 0.25],
  ['torchvision sigmoid_focal_loss(z, y, alpha=0.5, reduction="mean")', `${TORCHVISION}l = sigmoid_focal_‸loss(z, y, alpha=0.5, reduction="mean")`, 0.5],
];

const unweighted: Case[] = [
  ['keras BinaryFocalCrossentropy() applies no α', `${KERAS}l = keras.losses.BinaryFocal‸Crossentropy()`, -1],
  ['keras BinaryFocalCrossentropy(alpha=0.4) ignores alpha', `${KERAS}l = keras.losses.BinaryFocal‸Crossentropy(alpha=0.4, gamma=3.0)`, -1],
  ['keras BinaryFocalCrossentropy(apply_class_balancing=False, alpha=0.3)', `${KERAS}l = keras.losses.BinaryFocal‸Crossentropy(apply_class_balancing=False, alpha=0.3)`, -1],
  ['tf.keras BinaryFocalCrossentropy(False, 0.4) positionally', `${TF}l = tf.keras.losses.BinaryFocal‸Crossentropy(False, 0.4)`, -1],
  ['tf.keras binary_focal_crossentropy(y, p)', `${TF}l = tf.keras.losses.binary_focal_‸crossentropy(y, p)`, -1],
  ["loss='binary_focal_crossentropy'", `${KERAS}model.compile(optimizer='adam', loss='binary_focal_cross‸entropy')`, -1],
  ['optax sigmoid_focal_loss(z, y)', `${OPTAX}l = optax.sigmoid_focal_‸loss(z, y)`, -1],
  ['optax sigmoid_focal_loss(z, y, alpha=None)', `${OPTAX}l = optax.sigmoid_focal_‸loss(z, y, alpha=None, gamma=2.0)`, -1],
  ['torchvision sigmoid_focal_loss(z, y, alpha=-1)', `${TORCHVISION}l = torchvision.ops.sigmoid_focal_‸loss(z, y, alpha=-1)`, -1],
];

describe('focal α weighting: what the recognizer reads', () => {
  for (const [what, snippet, alpha] of [...weighted, ...unweighted]) {
    it(`${what} → α ${alpha < 0 ? 'off' : alpha}`, () => {
      assert.equal(at(snippet).params.alpha, alpha);
    });
  }

  it('torchvision sigmoid_focal_loss(z, y, -1, 2) positionally is off, set in code', () => {
    const ref = at(`${TORCHVISION}l = sigmoid_focal_‸loss(z, y, -1, 2)`);
    assert.deepEqual(ref.params, { alpha: -1, gamma: 2 });
    assert.deepEqual([...ref.explicit].sort(), ['alpha', 'gamma']);
  });

  it('Keras: an alpha written without apply_class_balancing=True is not explicit, and the source says it is ignored', () => {
    const ref = at(`${KERAS}l = keras.losses.BinaryFocal‸Crossentropy(alpha=0.4, gamma=3.0)`);
    assert.deepEqual(ref.explicit, ['gamma']);
    assert.deepEqual(ref.sources?.alpha, { from: 'gate', text: 'alpha=0.4 is ignored: apply_class_balancing=False (the default)' });
  });

  it('Keras: apply_class_balancing set to something not known here leaves α unknown, never 0.25 or off as fact', () => {
    const ref = at(`${KERAS}def make(flag):\n    return keras.losses.BinaryFocal‸Crossentropy(apply_class_balancing=flag)`);
    assert.deepEqual(ref.unknown, { alpha: 'apply_class_balancing=flag' });
    assert.equal(ref.explicit.includes('alpha'), false);
  });

  it('the gate covers both Keras spellings at their positions (class: first, function: third)', () => {
    assert.equal(PARAM_GATES.get('keras.losses.BinaryFocalCrossentropy')?.position, 0);
    assert.equal(PARAM_GATES.get('keras.losses.binary_focal_crossentropy')?.position, 2);
    for (const [name, gate] of PARAM_GATES) {
      const row = frameworkNames.focal.find((f) => f.name === name);
      assert.ok(row, `${name} is no focal row`);
      assert.equal(row.defaults?.[gate.param], gate.off, `${name}: the table's default is the gate's off value`);
    }
  });
});

describe('focal α weighting: what the user sees', () => {
  const svgs = undefined;
  const hover = (snippet: string) => hoverMarkdown(at(snippet), { themeKind: ThemeKind.Dark, showPlot: false, prose: catalogueProse, svgs }) ?? '';

  it('the hover says "α = off" for Keras without class balancing, and why', () => {
    const md = hover(`${KERAS}l = keras.losses.BinaryFocal‸Crossentropy(alpha=0.4)`);
    assert.match(md, /`α = off` \*alpha=0\.4 is ignored: apply\\_class\\_balancing=False \(the default\)\*/);
    assert.doesNotMatch(md, /`α = 0\.4`/);
  });

  it('the hover shows the α in effect for Keras with class balancing and for torchvision', () => {
    assert.match(hover(`${KERAS}l = keras.losses.BinaryFocal‸Crossentropy(apply_class_balancing=True, alpha=0.4)`), /`α = 0\.4` \*set in code\*/);
    assert.match(hover(`${TORCHVISION}l = torchvision.ops.sigmoid_focal_‸loss(z, y)`), /`α = 0\.25` \*PyTorch default\*/);
    assert.match(hover(`${TORCHVISION}l = torchvision.ops.sigmoid_focal_‸loss(z, y, alpha=-1)`), /`α = off` \*set in code\*/);
  });

  it('the defaults table: PyTorch 0.25, Keras and Optax off', () => {
    const md = hover(`${OPTAX}l = optax.sigmoid_focal_‸loss(z, y)`);
    assert.match(md, /\| PyTorch \| 0\.25 \| 2 \|/);
    assert.match(md, /\| Keras \| off \| 2 \|/);
    assert.match(md, /\| \*\*Optax\*\* \| off \| 2 \|/);
    assert.match(md, /`α = off` \*Optax default\*/);
  });

  it('the Formula view plots Keras focal without α even when alpha is written, and does not offer to edit it', () => {
    const text = `${KERAS}l = keras.losses.BinaryFocalCrossentropy(alpha=0.4)`;
    const ref = siteAt(text, text.indexOf('Focal') + 2, 'python', 'test:focal-gate', 1);
    assert.ok(ref);
    const call = { ref, text, family: 'python' as const, file: 'm.py', line: 2 };
    const view = buildViewModel(call, {}, false, []);
    assert.ok(view);
    const alpha = view.params.find((p) => p.name === 'alpha');
    assert.equal(alpha?.value, -1);
    assert.equal(alpha?.action, 'none');
    assert.deepEqual(placesOf(catalogue.get('focal')!, call).get('alpha'), { kind: 'fixed', why: 'alpha=0.4 is ignored: apply_class_balancing=False (the default)' });
    // The plotted lines are the unweighted loss's, not those of α = 0.4 or 0.25.
    const plotted = (lines: typeof view.lines) => lines.map((l) => [l.role, Array.from(l.values)]);
    assert.deepEqual(plotted(view.lines), plotted(linesFor('focal', { alpha: -1, gamma: 2 }, 0, 1, 'code')));
    assert.notDeepEqual(plotted(view.lines), plotted(linesFor('focal', { alpha: 0.4, gamma: 2 }, 0, 1, 'code')));
    assert.equal(view.compareLabel, undefined, 'no "defaults" comparison: the code is at Keras’ defaults');
  });

  it('the Formula view keeps an editable α for torchvision and Keras with class balancing', () => {
    for (const text of [`${TORCHVISION}l = torchvision.ops.sigmoid_focal_loss(z, y, alpha=0.5)`, `${KERAS}l = keras.losses.BinaryFocalCrossentropy(apply_class_balancing=True, alpha=0.5)`]) {
      const ref = siteAt(text, text.lastIndexOf('ocal') + 2, 'python', `test:focal-${text.length}`, 1);
      assert.ok(ref);
      const view = buildViewModel({ ref, text, family: 'python', file: 'm.py', line: 2 }, {}, false, []);
      const alpha = view?.params.find((p) => p.name === 'alpha');
      assert.equal(alpha?.value, 0.5, text);
      assert.equal(alpha?.action, 'apply', text);
    }
  });

  it("the playground's code spells each framework's off and on: Keras adds apply_class_balancing=True, optax leaves alpha out", () => {
    const info = { ...catalogue.get('focal')!, frameworks: frameworkNames.focal };
    const snippet = (alpha: number, framework: 'pytorch' | 'tensorflow' | 'jax') => codeSnippet(info, { alpha, gamma: 2 }, framework);
    assert.equal(snippet(-1, 'tensorflow'), 'keras.losses.BinaryFocalCrossentropy(gamma=2.0)');
    assert.equal(snippet(0.5, 'tensorflow'), 'keras.losses.BinaryFocalCrossentropy(apply_class_balancing=True, alpha=0.5, gamma=2.0)');
    assert.equal(snippet(-1, 'jax'), 'optax.sigmoid_focal_loss(y_true, y_pred, gamma=2.0)');
    assert.equal(snippet(0.5, 'jax'), 'optax.sigmoid_focal_loss(y_true, y_pred, alpha=0.5, gamma=2.0)');
    assert.equal(snippet(-1, 'pytorch'), 'torchvision.ops.sigmoid_focal_loss(input, target, alpha=-1.0, gamma=2.0)');
    assert.equal(snippet(0.25, 'pytorch'), 'torchvision.ops.sigmoid_focal_loss(input, target, alpha=0.25, gamma=2.0)');
  });
});
