/**
 * The Formula view's code edits, in plain Node: where a parameter is written in a recognised call and the
 * one text change that sets it (the literal, a named constant's literal, or the framework's keyword).
 */
import * as assert from 'node:assert/strict';
import { changeFor, formatLiteral, locateParameter, type Family } from '../../src/features/formulaView/parameterEdits';
import { buildViewModel } from '../../src/features/formulaView/formulaViewModel';
import { argumentSite, siteAt } from '../../src/features/formulaView/siteAt';

/** The document after setting `param` = `value` on the call whose name contains the cursor marker `|`. */
function setIn(source: string, languageId: string, param: string, value: number): string {
  const offset = source.indexOf('|');
  const text = source.replace('|', '');
  const ref = siteAt(text, offset, languageId, `test:${source}`, 1);
  assert.ok(ref, `nothing recognised at the cursor in ${source}`);
  const family: Family = languageId === 'python' ? 'python' : 'js';
  const place = locateParameter(text, ref.range.end, family, ref.frameworkName, param);
  const change = changeFor(place, value, family);
  assert.ok(change, `no edit for ${param}: ${place.kind === 'fixed' ? place.why : place.kind}`);
  return text.slice(0, change.start) + change.text + text.slice(change.end);
}

describe('Formula view: writing a parameter into the code', () => {
  it('rewrites only the literal of nn.LeakyReLU(0.2)', () => {
    assert.equal(setIn('act = nn.Leaky|ReLU(0.2)  # slope\n', 'python', 'alpha', 0.25), 'act = nn.LeakyReLU(0.25)  # slope\n');
  });

  it('rewrites a keyword literal and keeps a float a float', () => {
    assert.equal(setIn('loss = nn.Huber|Loss(delta=2.0)\n', 'python', 'delta', 3), 'loss = nn.HuberLoss(delta=3.0)\n');
  });

  it("adds PyTorch's keyword negative_slope= to nn.LeakyReLU()", () => {
    assert.equal(setIn('import torch.nn as nn\nact = nn.Leaky|ReLU()\n', 'python', 'alpha', 0.1), 'import torch.nn as nn\nact = nn.LeakyReLU(negative_slope=0.1)\n');
  });

  it("adds TensorFlow's keyword alpha= to tf.nn.leaky_relu(x)", () => {
    assert.equal(setIn('import tensorflow as tf\ny = tf.nn.leaky|_relu(x)\n', 'python', 'alpha', 0.1), 'import tensorflow as tf\ny = tf.nn.leaky_relu(x, alpha=0.1)\n');
  });

  it('edits the named constant in the same file, not the call', () => {
    const source = 'import torch.nn as nn\nSLOPE = 0.2  # tuned\nact = nn.Leaky|ReLU(SLOPE)\n';
    assert.equal(setIn(source, 'python', 'alpha', 0.3), 'import torch.nn as nn\nSLOPE = 0.3  # tuned\nact = nn.LeakyReLU(SLOPE)\n');
  });

  it('adds an option to the config object of tf.layers.leakyReLU', () => {
    assert.equal(setIn("import * as tf from '@tensorflow/tfjs';\nconst a = tf.layers.leaky|ReLU();\n", 'javascript', 'alpha', 0.1), "import * as tf from '@tensorflow/tfjs';\nconst a = tf.layers.leakyReLU({alpha: 0.1});\n");
    assert.equal(
      setIn("import * as tf from '@tensorflow/tfjs';\nconst a = tf.layers.leaky|ReLU({alpha: 0.3});\n", 'javascript', 'alpha', 0.1),
      "import * as tf from '@tensorflow/tfjs';\nconst a = tf.layers.leakyReLU({alpha: 0.1});\n",
    );
  });

  it('refuses an expression rather than guessing', () => {
    const text = 'import torch.nn as nn\nact = nn.LeakyReLU(0.1 * k)\n';
    const ref = siteAt(text, text.indexOf('Leaky') + 2, 'python', 'test:expr', 1);
    assert.ok(ref);
    const place = locateParameter(text, ref.range.end, 'python', ref.frameworkName, 'alpha');
    assert.equal(place.kind, 'fixed');
  });

  it('formats literals the way the code wrote them', () => {
    assert.equal(formatLiteral(0.25, '0.2', 'python'), '0.25');
    assert.equal(formatLiteral(3, '2.0', 'python'), '3.0');
    assert.equal(formatLiteral(3, '2', 'python'), '3');
    assert.equal(formatLiteral(1e-7, '1e-6', 'python'), '1e-7');
  });

  it('builds a view with the parameters in effect and the framework-default comparison', () => {
    const text = 'import torch.nn as nn\nact = nn.LeakyReLU(0.2)\n';
    const ref = siteAt(text, text.indexOf('Leaky') + 2, 'python', 'test:view', 1);
    assert.ok(ref);
    const view = buildViewModel({ ref, text, family: 'python', file: 'm.py', line: 1 }, {}, false, []);
    assert.ok(view);
    assert.equal(view.params[0].value, 0.2);
    assert.equal(view.params[0].defaultValue, 0.01);
    assert.equal(view.params[0].action, 'apply');
    assert.equal(view.compareLabel, 'PyTorch defaults');
    assert.deepEqual(view.lines.map((l) => `${l.with}:${l.role}`), ['code:f', 'code:df', 'default:f', 'default:df']);
  });

  it('at a use self.act(x), edits the literal of the assignment self.act = nn.LeakyReLU(0.2)', () => {
    const text = 'import torch.nn as nn\n\nclass Net(nn.Module):\n    def __init__(self):\n        self.act = nn.LeakyReLU(0.2)\n\n    def forward(self, x):\n        return self.act(x)\n';
    const ref = siteAt(text, text.lastIndexOf('act(x)') + 1, 'python', 'test:attribute', 1);
    assert.ok(ref, 'self.act(x) is not recognised');
    const site = argumentSite(ref);
    const place = locateParameter(text, site.range.end, 'python', site.frameworkName, 'alpha');
    assert.equal(place.kind, 'literal');
    const change = changeFor(place, 0.3, 'python');
    assert.ok(change);
    assert.equal(text.slice(0, change.start) + change.text + text.slice(change.end), text.replace('LeakyReLU(0.2)', 'LeakyReLU(0.3)'));
  });
});
