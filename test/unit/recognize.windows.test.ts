/**
 * The document model of a large document (issue 16): above LARGE_DOCUMENT characters a query is answered
 * from a window (the top-level statements around it, the document's imports and nearest module bindings),
 * so no query waits for the whole document. Where the code a query depends on fits in its window, the answer
 * must be the whole document's model's: checked here over every site of large documents made of the test
 * corpus and the examples. No timings here: bench/recognize.bench.ts prints them.
 */
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintVisible, type LintDiagnostic } from '../../src/lint';
import { Resolver as LintResolver } from '../../src/lint/lintResolver';
import { runRules } from '../../src/lint/rules';
import { buildModel, codeContextAt, documentModel, type DocumentModel, type Site } from '../../src/recognize';
import { LARGE_DOCUMENT, WINDOW } from '../../src/recognize/windowedModel';
import { outline, type Outline } from '../../src/recognize/outline';
import { MAX_LINE } from '../../src/recognize/scanner';

const root = join(__dirname, '..', '..', '..');

function files(dir: string, ends: readonly string[]): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...files(p, ends));
    else if (ends.some((x) => e.name.endsWith(x))) out.push(p);
  }
  return out.sort();
}

/** The corpus and the examples of a language, joined and repeated until the text is at least `size` long. */
function corpusDocument(ends: readonly string[], size: number): string {
  const parts = [...files(join(root, 'test', 'corpus'), ends), ...files(join(root, 'examples'), ends)].map((f) => readFileSync(f, 'utf8'));
  const once = parts.join('\n');
  let text = '';
  while (text.length < size) text += `${once}\n`;
  return text;
}

/** A site without the indices that are the model's own (calls, definitions), its target likewise. */
function comparable(site: Site | undefined): unknown {
  if (!site) return undefined;
  const { call: _call, definition: _definition, target, ...rest } = site;
  return { ...rest, target: comparable(target) };
}

let documents = 0;
/** The shared cache's model of `text` (a fresh key each time). */
function large(text: string, languageId: string): DocumentModel {
  const model = documentModel(text, languageId, 1, `windows-test-${documents++}`);
  assert.ok(model);
  return model;
}

describe('document model: large documents are read in windows', () => {
  for (const [label, ends, family, languageId] of [
    ['Python', ['.py'], 'python', 'python'],
    ['JavaScript / TypeScript', ['.js', '.ts'], 'js', 'javascript'],
  ] as const) {
    it(`answers every site of a large ${label} document as the whole document's model does`, () => {
      const text = corpusDocument(ends, 2 * LARGE_DOCUMENT);
      const full = buildModel(text, family);
      const windowed = large(text, languageId);
      assert.equal(full.windowed, false);
      assert.equal(windowed.windowed, true);
      assert.ok(full.sites.length > 1000, `${full.sites.length} sites`);
      const differ: string[] = [];
      for (const site of full.sites) {
        for (const offset of [site.range.start, site.range.end]) {
          const expected = JSON.stringify(comparable(full.siteAt(offset)));
          const actual = JSON.stringify(comparable(windowed.siteAt(offset)));
          if (expected !== actual && differ.length < 5) differ.push(`at ${offset} (${JSON.stringify(site.written)}): ${expected} ≠ ${actual}`);
        }
      }
      assert.deepEqual(differ, []);
      // Nothing is found where the whole model finds nothing either (prose, look-alikes), on a sample.
      for (let offset = 0; offset < text.length; offset += 997) {
        assert.equal(JSON.stringify(comparable(windowed.siteAt(offset))), JSON.stringify(comparable(full.siteAt(offset))), `at ${offset}`);
      }
    });
  }

  it('keeps a window for the offsets it covers: moving the cursor inside it builds nothing', () => {
    const text = corpusDocument(['.py'], LARGE_DOCUMENT + 1);
    const model = large(text, 'python');
    const offset = text.indexOf('class ', text.length >> 1);
    const w = model.windowAt(offset);
    assert.ok(w.span.start <= offset && offset < w.span.end);
    assert.ok(w.span.end - w.span.start <= WINDOW, `${w.span.end - w.span.start} characters`);
    for (const o of [w.span.start, (w.span.start + w.span.end) >> 1, w.span.end - 1]) assert.equal(model.windowAt(o), w);
    // The window's text is the document's at the same offsets, blanked outside what it reads.
    assert.equal(w.text.slice(w.span.start, w.span.end), text.slice(w.span.start, w.span.end));
    // A small document is its own window.
    const small = buildModel('import torch\ny = torch.relu(x)\n', 'python');
    assert.equal(small.windowAt(5), small);
  });

  it('resolves a module constant 3 MB above its use, and names its real line', () => {
    const filler = 'def f{i}(x):\n    return x * {i}\n\n\n';
    let body = '';
    for (let i = 0; body.length < 3_000_000; i++) body += filler.replaceAll('{i}', String(i));
    const text = `import torch.nn as nn\nimport torch.nn.functional as F\n\nSLOPE = 0.2\n\n\n${body}def use(x):\n    return F.leaky_relu(x, SLOPE)\n`;
    const site = large(text, 'python').siteAt(text.lastIndexOf('leaky_relu') + 2);
    assert.equal(site?.id, 'leaky_relu');
    assert.deepEqual(site?.params, { alpha: 0.2 });
    assert.equal(site?.sources?.alpha?.text, 'SLOPE = 0.2 (line 4)');
  });

  it('resolves self.act(x) to its assignment in the same class, and a tensor method by the imports at the top', () => {
    const filler = 'def g{i}(x):\n    """Docstring.\n\nclass NotCode:\n    import keras\n"""\n    return x\n\n\n';
    let body = '';
    for (let i = 0; body.length < LARGE_DOCUMENT; i++) body += filler.replaceAll('{i}', String(i));
    const cls = 'class Block(nn.Module):\n    def __init__(self):\n        super().__init__()\n        self.act = nn.GELU(approximate="tanh")\n\n    def forward(self, x):\n        return self.act(x).softmax(-1)\n';
    const text = `import torch\nimport torch.nn as nn\n\n${body}${cls}${body}`;
    const model = large(text, 'python');
    const use = model.siteAt(text.indexOf('self.act(x)') + 6);
    assert.equal(use?.id, 'gelu_tanh');
    assert.equal(use?.form, 'attribute');
    assert.equal(use?.target?.range.start, text.indexOf('nn.GELU'));
    assert.equal(model.siteAt(text.indexOf('softmax(-1)') + 2)?.form, 'method');
    // Code-like lines inside a docstring are not statements: no window starts there.
    const o = outline(text, 'python');
    const inString = text.indexOf('class NotCode');
    for (let i = 0; i < o.lineCount; i++) assert.notEqual(o.lines[i], inString);
  });

  it('reads a slice of a class longer than a window, with the lines that open its blocks', () => {
    let body = '';
    for (let i = 0; body.length < 3 * WINDOW; i++) body += `        h{i} = x * {i}\n`.replaceAll('{i}', String(i));
    const cls = `class Huge(nn.Module):\n    def forward(self, x):\n${body}        slope = 0.3\n        y = F.leaky_relu(h0, slope)\n${body}        return y\n`;
    let filler = '';
    for (let i = 0; filler.length < LARGE_DOCUMENT; i++) filler += `def f${i}(x):\n    return x\n\n\n`;
    const text = `import torch.nn as nn\nimport torch.nn.functional as F\n\n${filler}${cls}`;
    const model = large(text, 'python');
    const offset = text.indexOf('F.leaky_relu') + 3;
    const site = model.siteAt(offset);
    assert.equal(site?.id, 'leaky_relu');
    assert.deepEqual(site?.params, { alpha: 0.3 });
    // The window holds the slice and the class and method headers, not the whole class.
    const w = model.windowAt(offset);
    assert.ok(w.span.end - w.span.start <= 2 * WINDOW, `${w.span.end - w.span.start} characters`);
    assert.ok(w.text.includes('class Huge(nn.Module):') && w.text.includes('def forward(self, x):'));
    assert.equal(model.scopeAt(offset) > 0, true, 'the query sits in the method scope');
  });

  it('reads a document that is one statement (a class, comments only, a string) without losing the offset', () => {
    let body = '';
    for (let i = 0; body.length < LARGE_DOCUMENT + WINDOW; i++) body += `    def m${i}(self, x):\n        return F.relu(x) * ${i}\n\n`;
    const text = `import torch.nn.functional as F\nclass Big:\n${body}`;
    const model = large(text, 'python');
    const offset = text.indexOf('F.relu', text.length >> 1) + 3;
    assert.equal(model.siteAt(offset)?.id, 'relu');
    assert.equal(model.windowAt(offset + 10), model.windowAt(offset));
    const comments = '# a comment line\n'.repeat(Math.ceil(LARGE_DOCUMENT / 17) + 10);
    const quiet = large(comments, 'python');
    for (const at of [0, comments.length >> 1, comments.length]) assert.equal(quiet.siteAt(at), undefined);
    const quoted = `import torch.nn.functional as F\nx = """\n${'F.relu(x)\n'.repeat(Math.ceil(LARGE_DOCUMENT / 10) + 10)}"""\ny = F.gelu(x)\n`;
    const inString = large(quoted, 'python');
    assert.equal(inString.siteAt(quoted.indexOf('F.relu', quoted.length >> 1) + 3), undefined, 'code-like lines in a string');
    assert.equal(inString.siteAt(quoted.indexOf('F.gelu') + 3)?.id, 'gelu');
  });

  it('reads JavaScript windows past template literals and block comments that span lines', () => {
    const filler = 'function f{i}(x) {\n  const s = `\nimport * as tf from "x";\n${x}`;\n  /*\nconst y = tf.relu(x);\n  */\n  return s;\n}\n\n';
    let body = '';
    for (let i = 0; body.length < LARGE_DOCUMENT; i++) body += filler.replaceAll('{i}', String(i));
    const text = `import * as tf from '@tensorflow/tfjs';\nconst SLOPE = 0.25;\n${body}class Gate extends tf.layers.Layer {\n  constructor() {\n    super({});\n    this.act = tf.layers.leakyReLU({ alpha: SLOPE });\n  }\n\n  call(x) {\n    return this.act.apply(x);\n  }\n}\n${body}`;
    const full = buildModel(text, 'js');
    const model = large(text, 'javascript');
    const use = text.indexOf('act.apply') + 1;
    assert.equal(model.siteAt(use)?.id, 'leaky_relu');
    assert.deepEqual(model.siteAt(use)?.params, { alpha: 0.25 });
    for (const offset of [text.indexOf('tf.relu') + 4, text.lastIndexOf('tf.relu') + 4, use]) {
      assert.equal(JSON.stringify(comparable(model.siteAt(offset))), JSON.stringify(comparable(full.siteAt(offset))), `at ${offset}`);
    }
  });

  it('answers after and on pathological lines (5 MB lines of import, quotes, brackets) as the whole model does', () => {
    const MB5 = 5_000_000;
    const fill = (unit: string) => unit.repeat(Math.ceil(MB5 / unit.length));
    const cases: [string, string, 'python' | 'js'][] = [
      ['import', fill('import '), 'python'],
      ['quotes', `"""'''`.repeat(3 * Math.ceil(MB5 / 18)), 'python'],
      ['deep (', `x = ${'('.repeat(MB5)}`, 'python'],
      ['deep f(', `x = ${fill('f(')}`, 'python'],
      ['deep [{', `x = ${fill('[{')}`, 'js'],
      ["require('a')", fill("require('a');"), 'js'],
      ['many short lines', fill('y = F.relu(x)\n'), 'python'],
    ];
    for (const [label, body, family] of cases) {
      const after = family === 'python' ? '\nimport torch\nimport torch.nn.functional as F\ny = torch.relu(x)\n' : "\nimport * as tf from '@tensorflow/tfjs';\nconst y = tf.relu(x);\n";
      const text = `${body}${after}`;
      const model = large(text, family === 'python' ? 'python' : 'javascript');
      assert.equal(model.windowed, true, label);
      const at = text.lastIndexOf('relu');
      assert.equal(model.siteAt(at + 1)?.id, 'relu', `${label}: the call after the pathological text`);
      for (const offset of [0, 5, MAX_LINE - 10, MAX_LINE + 10, text.length >> 1, body.length - 1, body.length]) {
        assert.doesNotThrow(() => model.siteAt(offset), `${label} at ${offset}`);
      }
    }
    // The head of a long line is read, as in the whole model (its first MAX_LINE characters).
    const unit = 'var a=function(b){return tf.relu(b)+c/2},d=/re[l]u/g,e="x";';
    const line = unit.repeat(Math.ceil(LARGE_DOCUMENT / unit.length) + 10);
    const full = buildModel(line, 'js');
    const model = large(line, 'javascript');
    for (const offset of [line.indexOf('tf.relu') + 4, line.indexOf('tf.relu', MAX_LINE) + 4, line.length >> 1]) {
      assert.equal(JSON.stringify(comparable(model.siteAt(offset))), JSON.stringify(comparable(full.siteAt(offset))), `at ${offset}`);
    }
    assert.equal(model.siteAt(line.indexOf('tf.relu') + 4)?.id, 'relu');
  });
});

describe('pairing lints on a large document: the windows shown', () => {
  for (const [label, ends, family, languageId] of [
    ['Python', ['.py'], 'python', 'python'],
    ['JavaScript / TypeScript', ['.js', '.ts'], 'js', 'javascript'],
  ] as const) {
    it(`finds, window by window over the whole text, what the whole ${label} document's lint finds`, () => {
      const parts = files(join(root, 'test', 'corpus', 'lint'), ends).map((f) => readFileSync(f, 'utf8'));
      let text = '';
      while (text.length < LARGE_DOCUMENT + 1) text += `${parts.join('\n')}\n`;
      const key = (d: LintDiagnostic) => `${d.code}@${d.range.start}-${d.range.end}: ${d.message}`;
      const whole = runRules(new LintResolver(buildModel(text, family))).map(key);
      assert.ok(whole.length > 20, `${whole.length} diagnostics`);
      const document = { key: `lint-windows-${label}`, version: 1 };
      const first = lintVisible(text, languageId, [{ start: 0, end: text.length }], {}, document);
      assert.equal(first.more, true, 'a few windows per call');
      let result = first;
      for (let calls = 1; result.more; calls++) {
        assert.ok(calls < 100, 'every window is linted after a bounded number of calls');
        result = lintVisible(text, languageId, [{ start: 0, end: text.length }], {}, document);
      }
      assert.deepEqual([...new Set(result.diagnostics.map(key))].sort(), [...new Set(whole)].sort());
      // Only the windows over what is shown: a range in the middle gives its diagnostics only.
      const middle = text.length >> 1;
      const shown = lintVisible(text, languageId, [{ start: middle, end: middle + 200 }], {}, { key: `lint-shown-${label}`, version: 1 });
      assert.ok(shown.diagnostics.length < whole.length);
      assert.ok(shown.diagnostics.every((d) => whole.includes(key(d))));
    });
  }
});

describe('outline of a large document after an edit', () => {
  /** The arrays an outline is compared by. */
  const shape = (o: Outline) => ({
    lines: [...o.lines.subarray(0, o.lineCount)],
    levels: [...o.levels.subarray(0, o.lineCount)],
    tops: [...o.tops.subarray(0, o.topCount)],
    binds: [...o.binds.subarray(0, o.topCount)],
    long: [...o.long],
  });
  for (const [label, ends, family, edits] of [
    ['Python', ['.py'], 'python', ['extra = F.relu(x)\n', '"""\n', "'''", '@decorator\n', 'def sigmoid(x):\n    return x\n', '    indented = 1\n', '(', 'x = [\n', `z = ${'1, '.repeat(MAX_LINE / 2)}\n`, '#']],
    ['JavaScript', ['.js', '.ts'], 'js', ['const extra = tf.relu(x);\n', '`\n', '/*\n', '*/', 'const a = `${b}`;\n', "import * as tf from '@tensorflow/tfjs';\n", '}\n', '/re[/]gex/;\n']],
  ] as const) {
    it(`is the same read from the earlier version's as read afresh (${label}: insertions, deletions, strings opened)`, () => {
      const text = corpusDocument(ends, 120_000);
      const before = outline(text, family);
      let seed = 7;
      const random = (n: number) => {
        seed = (seed * 1103515245 + 12345) % 2147483648;
        return seed % n;
      };
      for (const inserted of edits) {
        for (const where of [0, text.length >> 1, text.length, text.indexOf('\n', random(text.length)) + 1, random(text.length)]) {
          for (const removed of [0, random(400)]) {
            const edited = text.slice(0, where) + inserted + text.slice(Math.min(text.length, where + removed));
            const edit = { start: where, oldEnd: Math.min(text.length, where + removed), newEnd: where + inserted.length };
            assert.deepEqual(shape(outline(edited, family, { outline: before, edit })), shape(outline(edited, family)), `${JSON.stringify(inserted)} at ${where}, ${removed} removed`);
          }
        }
      }
    });
  }

  it('answers after an edit as a fresh model of the edited text does (the document model cache)', () => {
    const text = corpusDocument(['.py'], LARGE_DOCUMENT + 1);
    const key = 'outline-edit-test';
    documentModel(text, 'python', 1, key)?.siteAt(text.length >> 1);
    const at = text.indexOf('\n', text.length >> 1) + 1;
    const edited = `${text.slice(0, at)}import torch.nn.functional as F\nextra = F.relu(x)\n${text.slice(at)}`;
    const model = documentModel(edited, 'python', 2, key);
    const fresh = buildModel(edited, 'python');
    for (const offset of [edited.indexOf('F.relu(x)', at) + 3, at - 10, edited.length - 5]) {
      assert.equal(JSON.stringify(comparable(model?.siteAt(offset))), JSON.stringify(comparable(fresh.siteAt(offset))), `at ${offset}`);
    }
    assert.equal(model?.siteAt(edited.indexOf('F.relu(x)', at) + 3)?.id, 'relu');
  });
});

describe('Plot Selection on a large document', () => {
  it('reads the imports, the constants and the resolved callees at the selection from its window', () => {
    let body = '';
    for (let i = 0; body.length < 2 * LARGE_DOCUMENT; i++) body += `def f${i}(x):\n    return x * ${i}\n\n\n`;
    const tail = 'class Head(nn.Module):\n    def __init__(self):\n        self.act = nn.LeakyReLU(0.2)\n\n    def forward(self, h):\n        slope = 0.3\n        return self.act(h) + L.relu(h) * slope\n';
    const text = `import torch.nn as nn\nimport torch.nn.functional as L\n\n${body}${tail}`;
    const selected = 'self.act(h) + L.relu(h) * slope';
    const offset = text.lastIndexOf(selected);
    const model = large(text, 'python');
    const context = codeContextAt(model, offset, selected);
    assert.equal(context.aliases?.get('L'), 'torch.nn.functional');
    assert.equal(context.constants?.get('slope'), 0.3);
    assert.deepEqual(context.callees?.get('self.act'), { id: 'leaky_relu', params: { alpha: 0.2 } });
    assert.deepEqual(context, codeContextAt(buildModel(text, 'python'), offset, selected));
  });
});
