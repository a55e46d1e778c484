import * as assert from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { entryFor } from '../../src/core/catalogue';
import { SHOW_WHY } from '../../src/features/lint/showWhyTopics';
import { checkFormula } from '../../src/features/playground/evaluateSeries';
import { LINT_CODES, lintCells, lintText, type LintDiagnostic, type TextEdit } from '../../src/lint';

/** The case corpus: test/corpus/lint/<framework>/<case>.{py,js,ts} with <case>.expect.json beside each. */
const CORPUS = path.resolve(__dirname, '../../../test/corpus/lint');
const LANGUAGE: Readonly<Record<string, string>> = { '.py': 'python', '.js': 'javascript', '.ts': 'typescript' };

interface Expected {
  readonly about: string;
  readonly rules: readonly string[];
  readonly shape: string;
  readonly diagnostics: readonly {
    readonly code: string;
    readonly severity: string;
    readonly range: { readonly text: string; readonly line: number };
    readonly related: readonly { readonly text: string; readonly line: number }[];
    readonly messageIncludes?: readonly string[];
  }[];
}

interface Case {
  readonly name: string;
  readonly text: string;
  readonly languageId: string;
  readonly expected: Expected;
}

function corpus(): Case[] {
  const out: Case[] = [];
  for (const framework of fs.readdirSync(CORPUS).sort()) {
    for (const file of fs.readdirSync(path.join(CORPUS, framework)).sort()) {
      const ext = path.extname(file);
      if (!LANGUAGE[ext]) continue;
      const base = path.join(CORPUS, framework, file.slice(0, -ext.length));
      out.push({
        name: `${framework}/${file}`,
        text: fs.readFileSync(path.join(CORPUS, framework, file), 'utf8'),
        languageId: LANGUAGE[ext],
        expected: JSON.parse(fs.readFileSync(`${base}.expect.json`, 'utf8')) as Expected,
      });
    }
  }
  return out;
}

function lineOf(text: string, offset: number): number {
  return text.slice(0, offset).split('\n').length;
}

function describeDiagnostic(text: string, d: LintDiagnostic): string {
  const related = d.related.map((r) => `${JSON.stringify(text.slice(r.range.start, r.range.end))}@${lineOf(text, r.range.start)}`).join(', ');
  return `${d.code} ${d.severity} ${JSON.stringify(text.slice(d.range.start, d.range.end))}@${lineOf(text, d.range.start)} → [${related}]`;
}

function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let out = text;
  for (const edit of [...edits].sort((a, b) => b.start - a.start)) out = out.slice(0, edit.start) + edit.newText + out.slice(edit.end);
  return out;
}

/**
 * Python's and Node's own parsers say whether fixed files are still valid (TypeScript: not checked here).
 * All Python texts go to one python3 process; without python3 on the machine they are not checked.
 */
function syntaxErrors(texts: readonly { text: string; languageId: string }[]): (string | undefined)[] {
  const out: (string | undefined)[] = texts.map(() => undefined);
  const python = texts.map((t, i) => [t, i] as const).filter(([t]) => t.languageId === 'python');
  if (python.length > 0) {
    const script = 'import ast, json, sys\nout = []\nfor src in json.load(sys.stdin):\n    try:\n        ast.parse(src); out.append(None)\n    except SyntaxError as e:\n        out.append(str(e))\nprint(json.dumps(out))';
    const run = spawnSync('python3', ['-c', script], { input: JSON.stringify(python.map(([t]) => t.text)), encoding: 'utf8' });
    if (!run.error && run.status === 0) {
      const results = JSON.parse(run.stdout) as (string | null)[];
      python.forEach(([, i], k) => (out[i] = results[k] ?? undefined));
    }
  }
  texts.forEach((t, i) => {
    if (t.languageId !== 'javascript') return;
    const module = /^\s*(import|export)\b/m.test(t.text);
    const run = spawnSync(process.execPath, ['--check', `--input-type=${module ? 'module' : 'commonjs'}`], { input: t.text, encoding: 'utf8' });
    if (run.status !== 0) out[i] = run.stderr;
  });
  return out;
}

const cases = corpus();

describe('pairing lints over the case corpus', () => {
  for (const c of cases) {
    it(`${c.name}: ${c.expected.about}`, () => {
      const got = lintText(c.text, c.languageId);
      const actual = got.map((d) => describeDiagnostic(c.text, d));
      const wanted = c.expected.diagnostics.map(
        (d) => `${d.code} ${d.severity} ${JSON.stringify(d.range.text)}@${d.range.line} → [${d.related.map((r) => `${JSON.stringify(r.text)}@${r.line}`).join(', ')}]`,
      );
      assert.deepStrictEqual(actual, wanted);
      got.forEach((d, i) => {
        for (const part of c.expected.diagnostics[i].messageIncludes ?? []) assert.ok(d.message.includes(part), `message of ${d.code} lacks "${part}": ${d.message}`);
        assert.ok(!/\bundefined\b|\[object/.test(d.message), `message looks broken: ${d.message}`);
      });
    });
  }

  it('has at least as many negative cases as positive ones for every rule, and a positive for each', () => {
    for (const code of LINT_CODES) {
      const positives = cases.filter((c) => c.expected.diagnostics.some((d) => d.code === code)).length;
      const negatives = cases.filter((c) => c.expected.rules.includes(code) && !c.expected.diagnostics.some((d) => d.code === code)).length;
      assert.ok(positives >= 2, `${code}: ${positives} positive cases`);
      assert.ok(negatives >= positives, `${code}: ${negatives} negatives < ${positives} positives`);
    }
  });
});

describe('quick fixes', () => {
  const applied = cases.flatMap((c) =>
    lintText(c.text, c.languageId).flatMap((d) => d.fixes.map((fix) => ({ c, d, fix, text: applyEdits(c.text, fix.edits), languageId: c.languageId }))),
  );
  let errors: (string | undefined)[] = [];
  before(function () {
    this.timeout(60_000);
    errors = syntaxErrors(applied);
  });

  for (const c of cases) {
    const diagnostics = lintText(c.text, c.languageId);
    if (diagnostics.length === 0) continue;
    it(`${c.name}: every fix leaves the file valid and its diagnostic gone; one fix is preferred`, () => {
      for (const d of diagnostics) {
        if (d.fixes.length > 0) assert.strictEqual(d.fixes.filter((f) => f.isPreferred).length, 1, `${d.code}: ${d.fixes.filter((f) => f.isPreferred).length} preferred fixes`);
        for (const fix of d.fixes) {
          const i = applied.findIndex((a) => a.c === c && a.d.code === d.code && a.d.range.start === d.range.start && a.fix.title === fix.title);
          const fixed = applied[i].text;
          assert.notStrictEqual(fixed, c.text, `${fix.title} changes nothing`);
          assert.strictEqual(errors[i], undefined, `${fix.title} leaves invalid code:\n${fixed}`);
          const before = diagnostics.filter((a) => a.code === d.code).length;
          const after = lintText(fixed, c.languageId).filter((a) => a.code === d.code).length;
          assert.strictEqual(after, before - 1, `${fix.title}: ${d.code} still reported:\n${fixed}`);
        }
      }
    });
  }

  it('offers a fix for the common shapes (nested, local variable, Sequential, forward, Keras compile)', () => {
    const withFix = cases.flatMap((c) => lintText(c.text, c.languageId)).filter((d) => d.fixes.length > 0).length;
    const all = cases.flatMap((c) => lintText(c.text, c.languageId)).length;
    assert.ok(withFix / all >= 0.7, `${withFix} of ${all} diagnostics have a fix`);
  });

  it('nn.BCELoss keeps its arguments when it becomes nn.BCEWithLogitsLoss', () => {
    const text = 'import torch\nimport torch.nn as nn\ncrit = nn.BCELoss(weight=w, reduction="sum")\n\ndef f(z, y):\n    return crit(torch.sigmoid(z), y)\n';
    const [d] = lintText(text, 'python');
    assert.strictEqual(applyEdits(text, d.fixes[0].edits), 'import torch\nimport torch.nn as nn\ncrit = nn.BCEWithLogitsLoss(weight=w, reduction="sum")\n\ndef f(z, y):\n    return crit(z, y)\n');
  });

  it('a sigmoid also used for a metric: the loss reads the logits, the metric keeps the probabilities', () => {
    const c = cases.find((x) => x.name === 'pytorch/logits_loss_also_metric.py');
    assert.ok(c);
    const [d] = lintText(c.text, c.languageId);
    const fixed = applyEdits(c.text, d.fixes[0].edits);
    assert.ok(fixed.includes('loss = loss_fn(logits, target)'), fixed);
    assert.ok(fixed.includes('probs = torch.sigmoid(logits)'), fixed);
  });

  it('softmax into NLL offers log_softmax (preferred) and cross_entropy on the logits', () => {
    const c = cases.find((x) => x.name === 'pytorch/nll_nested.py');
    assert.ok(c);
    const [d] = lintText(c.text, c.languageId);
    assert.deepStrictEqual(
      d.fixes.map((f) => [f.title, f.isPreferred]),
      [
        ['Use log_softmax (same dim)', true],
        ['Pass the logits to cross_entropy', false],
      ],
    );
    assert.ok(applyEdits(c.text, d.fixes[0].edits).includes('F.nll_loss(F.log_softmax(output, dim=1), target)'));
    assert.ok(applyEdits(c.text, d.fixes[1].edits).includes('F.cross_entropy(output, target)'));
  });

  it('a model called twice gets no fix, and the message says why', () => {
    const text = 'import torch.nn as nn\nnet = nn.Sequential(nn.Linear(4, 1), nn.Sigmoid())\ncrit = nn.BCELoss()\n\ndef step(x, y):\n    loss = crit(net(x), y)\n    return loss, net(x)\n';
    const [d] = lintText(text, 'python');
    assert.strictEqual(d.code, 'sigmoid-into-bce');
    assert.deepStrictEqual(d.fixes, []);
    assert.ok(d.message.includes('No quick fix: `net` is also used elsewhere'), d.message);
  });
});

describe('lint settings, languages and notebooks', () => {
  const text = 'import torch\nimport torch.nn.functional as F\n\ndef f(z, y):\n    return F.binary_cross_entropy(torch.sigmoid(z), y), torch.log(torch.sigmoid(z))\n';

  it('a rule switched off in formulaPlayground.lint.rules is not reported; the others are', () => {
    assert.deepStrictEqual(lintText(text, 'python').map((d) => d.code), ['sigmoid-into-bce', 'log-of-sigmoid']);
    assert.deepStrictEqual(lintText(text, 'python', { 'sigmoid-into-bce': false }).map((d) => d.code), ['log-of-sigmoid']);
  });

  it('other languages get no diagnostics', () => {
    assert.deepStrictEqual(lintText(text, 'markdown'), []);
    assert.deepStrictEqual(lintText(text, 'plaintext'), []);
  });

  it('notebook cells are one program in execution order: a loss made in one cell and used in a later one', () => {
    const cells = ['import torch\nimport torch.nn as nn', 'criterion = nn.BCELoss()', 'loss = criterion(torch.sigmoid(logits), labels)'];
    const { diagnostics, spans, text: joined } = lintCells(cells);
    assert.strictEqual(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.strictEqual(d.code, 'sigmoid-into-bce');
    const cell = spans.find((s) => s.start <= d.range.start && d.range.end <= s.end);
    assert.strictEqual(cell?.cell, 2);
    assert.strictEqual(joined.slice(d.range.start, d.range.end), 'torch.sigmoid(logits)');
    const related = spans.find((s) => s.start <= d.related[0].range.start && d.related[0].range.end <= s.end);
    assert.strictEqual(related?.cell, 1);
  });

  it('cells in another order (the loss used before it is made) give nothing', () => {
    const cells = ['import torch\nimport torch.nn as nn', 'loss = criterion(torch.sigmoid(logits), labels)', 'criterion = nn.BCELoss()'];
    assert.deepStrictEqual(lintCells(cells).diagnostics, []);
  });

  it('a 1 MB line of nonsense does not throw and yields nothing', () => {
    assert.deepStrictEqual(lintText('import torch\n' + 'torch.sigmoid((((('.repeat(50_000), 'python'), []);
    assert.deepStrictEqual(lintText('"""\'\'\''.repeat(100_000), 'python'), []);
  });
});

describe('"Show why in the playground"', () => {
  it('every lint topic has a plottable comparison: a formula the playground accepts and a catalogue function (or formula)', () => {
    for (const topic of ['bce-of-sigmoid', 'sigmoid-twice', 'softmax-twice', 'softmax-into-nll', 'log-of-sigmoid', 'log-of-softmax'] as const) {
      const why = SHOW_WHY[topic];
      assert.deepStrictEqual(checkFormula(why.naive.formula).params, [], topic);
      if ('id' in why.stable) assert.strictEqual(entryFor(why.stable.id).id, why.stable.id);
      else checkFormula(why.stable.formula);
      assert.ok(why.sentence.length > 40 && why.sentence.length < 320, topic);
    }
  });

  it('every diagnostic of the corpus names a topic that exists', () => {
    for (const c of cases) for (const d of lintText(c.text, c.languageId)) assert.ok(Object.prototype.hasOwnProperty.call(SHOW_WHY, d.showWhy), d.showWhy);
  });
});
