/**
 * The document model's guards (issue 16): brackets nested deeper than MAX_DEPTH and lines longer than MAX_LINE
 * are muted (no calls, chains or sites there), documents over MAX_DOCUMENT get an empty model, and the code
 * around a pathological region is read as usual. No timings here: bench/recognize.bench.ts prints them.
 */
import * as assert from 'node:assert/strict';
import { buildModel, documentModel, type DocumentModel } from '../../src/recognize';
import { MAX_DOCUMENT } from '../../src/recognize/model';
import { MAX_DEPTH, MAX_LINE } from '../../src/recognize/syntax';
import { Tok } from '../../src/recognize/scanner';

const PY = 'import torch\nimport torch.nn.functional as F\n';

/** The id of the site at `at` characters into the `nth` occurrence of `anchor`. */
function idAt(model: DocumentModel, anchor: string, at = 2, nth = 0): string | undefined {
  let i = -1;
  for (let k = 0; k <= nth; k++) {
    i = model.text.indexOf(anchor, i + 1);
    assert.ok(i >= 0, `anchor ${JSON.stringify(anchor)} #${nth} is not in the text`);
  }
  return model.siteAt(i + at)?.id;
}

describe('document model: guards against pathological documents', () => {
  it('records calls down to MAX_DEPTH brackets and nothing below, and reads the next line as usual', () => {
    const deep = MAX_DEPTH + 20;
    const line = `y = F.relu(${'('.repeat(deep)}F.gelu(x)${')'.repeat(deep)}, inplace=True)`;
    assert.ok(line.length < MAX_LINE);
    const model = buildModel(`${PY}${line}\nz = F.sigmoid(x)\n`, 'python');
    assert.equal(idAt(model, 'F.relu'), 'relu');
    assert.equal(idAt(model, 'F.gelu'), undefined, 'a call below MAX_DEPTH has no site');
    assert.ok(!model.syntax.chains.some((c) => c.segments.join('.') === 'F.gelu'), 'no chain is recorded below MAX_DEPTH');
    assert.equal(idAt(model, 'F.sigmoid'), 'sigmoid');
    // The outer call still closes where it is written, with its keyword argument.
    const relu = model.syntax.calls.find((c) => c.chain >= 0 && model.syntax.chains[c.chain].segments.join('.') === 'F.relu');
    assert.ok(relu);
    assert.equal(relu.close, model.text.indexOf('\nz = '));
    assert.deepEqual(
      relu.args.map((a) => a.key),
      [undefined, 'inplace'],
    );
    assert.equal(model.sites.filter((s) => s.id === 'gelu').length, 0);
  });

  it('deep calls just under the limit are still recorded', () => {
    const n = MAX_DEPTH - 2;
    const model = buildModel(`${PY}y = ${'F.relu('.repeat(n)}x${')'.repeat(n)}\n`, 'python');
    assert.equal(model.syntax.calls.length, n);
    assert.equal(model.sites.filter((s) => s.id === 'relu').length, n);
  });

  it('mutes a line past its first MAX_LINE characters, keeps the lines around it', () => {
    const long = `data = [${'1, '.repeat(Math.ceil(MAX_LINE / 3) + 10)}F.gelu(x)]`;
    assert.ok(long.length > MAX_LINE);
    const model = buildModel(`${PY}a = F.relu(x)\n${long}\nb = F.sigmoid(x, )\n`, 'python');
    assert.equal(idAt(model, 'F.relu'), 'relu');
    assert.equal(idAt(model, 'F.gelu'), undefined, 'no site on an overlong line');
    assert.equal(idAt(model, 'F.sigmoid'), 'sigmoid');
    assert.ok(!model.sites.some((s) => s.id === 'gelu'));
  });

  it('forgets brackets left open on an overlong line (Python and JavaScript)', () => {
    const py = buildModel(`x = ${'f('.repeat(MAX_LINE)}\nimport torch\ny = torch.relu(x)\n`, 'python');
    assert.equal(idAt(py, 'torch.relu', 7), 'relu');
    assert.deepEqual(py.syntax.imports.modules, ['torch']);
    assert.ok(py.syntax.calls.length <= MAX_DEPTH + 1, `${py.syntax.calls.length} calls`);
    const js = buildModel(`import * as tf from '@tensorflow/tfjs';\nconst m = [${'{a: tf.sigmoid(['.repeat(MAX_LINE / 10)}\nconst y = tf.relu(x);\n`, 'js');
    assert.equal(idAt(js, 'tf.sigmoid', 4), 'sigmoid', 'the first MAX_LINE characters are read');
    assert.equal(js.siteAt(js.text.lastIndexOf('tf.sigmoid') + 4), undefined, 'the rest of the line is not');
    assert.equal(idAt(js, 'tf.relu', 4), 'relu');
  });

  it('gives a document over MAX_DOCUMENT an empty model', () => {
    const line = 'y = F.relu(x)\n';
    const text = `${PY}${line.repeat(Math.ceil(MAX_DOCUMENT / line.length) + 1)}`;
    assert.ok(text.length > MAX_DOCUMENT);
    const model = buildModel(text, 'python');
    assert.equal(model.text, text);
    assert.equal(model.syntax.calls.length, 0);
    assert.equal(model.sites.length, 0);
    assert.equal(model.siteAt(text.indexOf('F.relu') + 2), undefined);
    const small = buildModel(`${PY}${line}`, 'python');
    assert.equal(idAt(small, 'F.relu'), 'relu');
  });

  it('indexes 5 MB pathological documents (one line each) and finds the real call placed after them', () => {
    const MB5 = 5_000_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(MB5 / unit.length));
    // `"""'''` in units of three: the triple-quoted strings it opens all close.
    const quotes = `"""'''`.repeat(3 * Math.ceil(MB5 / 18));
    const cases: [string, string, 'python' | 'js'][] = [
      ['import', fill('import '), 'python'],
      ['quotes', quotes, 'python'],
      ['deep (', `x = ${'('.repeat(MB5)}`, 'python'],
      ['deep f(', `x = ${fill('f(')}`, 'python'],
      ['deep [{', `x = ${fill('[{')}`, 'js'],
      ["require('a')", fill("require('a');"), 'js'],
      ['import (JS)', fill('import '), 'js'],
    ];
    for (const [label, body, family] of cases) {
      const after = family === 'python' ? '\nimport torch\ny = torch.relu(x)\n' : "\nimport * as tf from '@tensorflow/tfjs';\nconst y = tf.relu(x);\n";
      const text = `${body}${after}`;
      assert.ok(text.length >= MB5 && text.length <= MAX_DOCUMENT, `${label}: ${text.length} characters`);
      const model = buildModel(text, family);
      const at = text.lastIndexOf('relu');
      const site = model.siteAt(at + 1);
      assert.equal(site?.id, 'relu', `${label}: the call after the pathological line`);
      assert.equal(site?.range.end, at + 4, label);
      // Only the line's first MAX_LINE characters are kept as tokens.
      assert.ok(model.tokens.count < MAX_LINE + 100, `${label}: ${model.tokens.count} tokens`);
    }
  });

  it("closes, in an overlong line's tail, the brackets opened before it (a list that ends on a long line)", () => {
    const long = `${'1, '.repeat(Math.ceil(MAX_LINE / 3) + 10)}F.gelu(x), tf.gelu(x)]`;
    for (const [family, head, tail] of [
      ['python', `${PY}data = [\n`, '\nb = F.sigmoid(x)\n'],
      ['js', "import * as tf from '@tensorflow/tfjs';\nconst data = [\n", '\nconst b = tf.sigmoid(x);\n'],
    ] as const) {
      const model = buildModel(`${head}${long}${tail}`, family);
      assert.equal(model.siteAt(model.text.indexOf('sigmoid') + 2)?.id, 'sigmoid', family);
      assert.equal(model.siteAt(model.text.indexOf('gelu') + 2), undefined, family);
      // The tail keeps one token: the `]` that closes the list opened on the line before.
      const { tokens } = model;
      const tailFrom = model.text.indexOf('1, ') + MAX_LINE;
      const kept: string[] = [];
      for (let t = 0; t < tokens.count; t++) {
        if (tokens.start[t] >= tailFrom && tokens.start[t] < model.text.indexOf('\n', tailFrom) && tokens.kind[t] !== Tok.NL) kept.push(model.text.slice(tokens.start[t], tokens.end[t]));
      }
      assert.deepEqual(kept, [']'], family);
    }
  });

  it('builds a document version once: the same key and version give the same model', () => {
    const text = `${PY}y = F.relu(x)\n`;
    const a = documentModel(text, 'python', 1, 'limits-test');
    assert.ok(a);
    assert.equal(documentModel(text, 'python', 1, 'limits-test'), a);
    const b = documentModel(`${text}z = 1\n`, 'python', 2, 'limits-test');
    assert.notEqual(b, a);
    assert.equal(documentModel(`${text}z = 1\n`, 'python', 2, 'limits-test'), b);
  });

  it('a document opened again under the same name starts at version 1 with other text: a new model, not the old one', () => {
    // An untitled name is reused as soon as its editor closes; both texts have the same length.
    const first = documentModel('import torch.nn as nn\nact = nn.LeakyReLU(0.1)\n', 'python', 1, 'untitled:Untitled-1');
    const again = documentModel('import torch.nn as nn\nact = nn.LeakyReLU(0.2)\n', 'python', 1, 'untitled:Untitled-1');
    assert.notEqual(again, first);
    assert.equal(again?.siteAt(again.text.indexOf('LeakyReLU') + 2)?.params.alpha, 0.2);
  });
});
