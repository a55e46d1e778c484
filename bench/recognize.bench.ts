/**
 * The document model against the recognizer it replaced, side by side in one run (printed, never asserted):
 * - indexing: ms per 1,000 lines to build the model of a real-looking file (1k, 5k, 20k, 50k lines, Python and
 *   TF.js), vs the old recognizer's first call (which only lexed a window and read the imports);
 * - worst case: the first query on pathological documents (1 MB and 4 MB lines of `import`, `"""'''`,
 *   `require('a')`, deep brackets), new vs old;
 * - the first query after an edit (one line inserted at the start, the middle or the end of a 5k / 50k-line
 *   file): the model reuses the earlier version's work before the edit, the old recognizer lexes its window;
 * - hover query p50 / p95 on an indexed version, new vs old;
 * - large documents (over LARGE_DOCUMENT characters, read in windows around each query): the first query at the
 *   start, middle and end of a 5 MB real-looking file and after a one-line edit there, and the pathological
 *   documents at 1, 4 and 5 MB, beside the whole document's model (buildModel) in the same run;
 * - @lezer/python / @lezer/javascript parse times on the same texts, when those packages are installed
 *   (they are not dependencies: the measurement that decided against them is in the README).
 *
 * The old recognizer is read from git (commit BASELINE) and bundled with esbuild at run time; without git
 * history its columns say "n/a". Run: `npm run bench` (or `node scripts/run-bench.mjs recognize`).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { buildModel, createRecognizer } from '../src/recognize';
import { LARGE_DOCUMENT } from '../src/recognize/windowedModel';

/** The last commit with the hand-written window recognizer (src/recognize before the document model). */
const BASELINE = '40c22a6';
const ROOT = process.cwd();

type RecognizeFn = (text: string, offset: number, languageId: string) => unknown;

function loadBaseline(): RecognizeFn | undefined {
  try {
    const dir = join(ROOT, 'out', 'bench-baseline', 'recognize');
    mkdirSync(dir, { recursive: true });
    for (const file of ['recognizer', 'lexer', 'imports', 'args', 'names', 'types', 'index']) {
      const shown = spawnSync('git', ['show', `${BASELINE}:src/recognize/${file}.ts`], { cwd: ROOT, encoding: 'utf8' });
      if (shown.status !== 0) return undefined;
      // Its imports of the core and the table point at today's files.
      const source = shown.stdout.replace(/from '\.\.\/core\//g, `from '${ROOT}/src/core/`).replace(/from '\.\.\/frameworks\/table'/g, `from '${ROOT}/src/frameworks/table'`);
      writeFileSync(join(dir, `${file}.ts`), source);
    }
    // A computed name: the bench is itself bundled, and esbuild must stay a runtime module here.
    const esbuildName = 'esbuild';
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const esbuild = require(esbuildName) as typeof import('esbuild');
    const outfile = join(ROOT, 'out', 'bench-baseline', 'recognizer.cjs');
    esbuild.buildSync({ entryPoints: [join(dir, 'index.ts')], outfile, bundle: true, platform: 'node', format: 'cjs', logLevel: 'error' });
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(outfile) as { recognize: RecognizeFn }).recognize;
  } catch {
    return undefined;
  }
}

interface Parser {
  parse(text: string): unknown;
}
function optionalParser(name: string): Parser | undefined {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(name) as { parser: Parser }).parser;
  } catch {
    return undefined;
  }
}

const PY_TEMPLATE = `import math
import torch
import torch.nn as nn
import torch.nn.functional as F
from functools import partial

SLOPE = 0.2


class Block{i}(nn.Module):
    """Residual block {i}.

    >>> block = Block{i}(64)
    """

    def __init__(self, dim: int, act_layer=nn.GELU, drop: float = 0.1):
        super().__init__()
        self.fc1 = nn.Linear(dim, 4 * dim)
        self.act = nn.GELU(approximate="tanh")
        self.leaky = nn.LeakyReLU(SLOPE)
        self.gate = partial(nn.LeakyReLU, negative_slope=1e-3)()
        self.fc2 = nn.Linear(4 * dim, dim)

    def forward(self, x):
        # a comment mentioning F.relu(x)
        h = self.act(self.fc1(x))
        h = F.leaky_relu(h, negative_slope=0.05) + self.leaky(h)
        scores = (h @ h.transpose(-2, -1)) / math.sqrt(h.shape[-1])
        attn = scores.softmax(dim=-1)
        relu_count = (h > 0).sum()
        return self.fc2(attn @ h).sigmoid() + 0 * relu_count


def loss_fn{i}(logits, labels):
    crit = nn.CrossEntropyLoss(label_smoothing=0.1)
    return crit(logits, labels) + F.binary_cross_entropy_with_logits(logits[:, 0], labels.float())
`;

const JS_TEMPLATE = `const SLOPE{i} = 0.15;

class Gated{i} extends tf.layers.Layer {
  constructor(units) {
    super({});
    this.act = tf.layers.reLU({ maxValue: 6 });
    this.gate = tf.layers.leakyReLU({ alpha: SLOPE{i} });
  }

  call(inputs) {
    // tf.sigmoid in a comment
    const x = this.act.apply(inputs);
    return this.gate.apply(x);
  }
}

function build{i}(n) {
  const model = tf.sequential();
  model.add(tf.layers.dense({ inputShape: [16], units: 32, activation: 'relu' }));
  model.add(tf.layers.dense({ units: n, activation: 'softmax' }));
  model.compile({ optimizer: 'adam', loss: 'categoricalCrossentropy' });
  const reluCount = 3;
  return [model, tf.leakyRelu(tf.zeros([2]), 0.1), reluCount, /re[l]u/g.test('x')];
}
`;

function generate(template: string, header: string, lines: number): string {
  const out = [header];
  let count = 0;
  for (let i = 0; count < lines; i++) {
    const block = template.replace(/\{i\}/g, String(i));
    out.push(block);
    count += block.split('\n').length;
  }
  return out.join('\n');
}

function time(f: () => unknown): number {
  const t0 = performance.now();
  f();
  return performance.now() - t0;
}

/** Best of `runs` on fresh flat copies (each first call really is first). */
function bestFirst(text: string, runs: number, f: (t: string) => unknown): number {
  let best = Infinity;
  for (let run = 1; run <= runs; run++) {
    const fresh = `${text}${' '.repeat(run)}`;
    fresh.indexOf('\u0001');
    best = Math.min(best, time(() => f(fresh)));
  }
  return best;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
}

function positions(text: string, count: number): number[] {
  const out: number[] = [];
  let seed = 12345;
  for (let i = 0; i < count; i++) {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    out.push(seed % text.length);
  }
  return out;
}

function queries(text: string, languageId: string, f: RecognizeFn, count: number): { p50: number; p95: number } {
  const offsets = positions(text, count);
  for (const offset of offsets.slice(0, 200)) f(text, offset, languageId);
  const times = offsets.map((offset) => time(() => f(text, offset, languageId))).sort((a, b) => a - b);
  return { p50: percentile(times, 0.5), p95: percentile(times, 0.95) };
}

const old = loadBaseline();
const lezerPython = optionalParser('@lezer/python');
const lezerJs = optionalParser('@lezer/javascript');
const fmt = (n: number | undefined, width = 10) => (n === undefined ? 'n/a' : n < 10 ? n.toFixed(3) : n.toFixed(1)).padStart(width);

// Timings are wall-clock: on a loaded machine every column grows, the old recognizer's too.
console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`);
console.log(`baseline: the window recognizer of commit ${BASELINE}${old ? '' : ' (unavailable: no git history)'}; lezer: ${lezerPython ? 'installed' : 'not installed'}\n`);
/** The worst first query (a fresh recognizer's first answer) on any document up to 5 MB, over every table below. */
let worstFirst = 0;
let worstWhere = '';
function noteFirst(ms: number, where: string): void {
  if (ms > worstFirst) {
    worstFirst = ms;
    worstWhere = where;
  }
}

console.log(`Indexing real-looking files: ms per 1,000 lines (model: full index; old: its first call = lex window + imports);`);
console.log(`first query: a fresh recognizer's first answer in the middle (above ${LARGE_DOCUMENT.toLocaleString('en')} characters: the window there)`);
console.log(`${'file'.padEnd(26)}${'lines'.padStart(8)}${'model'.padStart(10)}${'old'.padStart(10)}${'lezer'.padStart(10)}${'model ms'.padStart(10)}${'first query'.padStart(13)}`);
const PY_HEADER = '# generated benchmark file';
const JS_HEADER = "import * as tf from '@tensorflow/tfjs';";
for (const [label, template, header, family, languageId, lezer] of [
  ['python', PY_TEMPLATE, PY_HEADER, 'python', 'python', lezerPython],
  ['tf.js', JS_TEMPLATE, JS_HEADER, 'js', 'javascript', lezerJs],
] as const) {
  for (const lines of [1000, 5000, 20_000, 50_000]) {
    const text = generate(template, header, lines);
    const n = text.split('\n').length;
    const runs = lines >= 20_000 ? 2 : 3;
    const model = bestFirst(text, runs, (t) => buildModel(t, family));
    const oldMs = old ? bestFirst(text, runs, (t) => old(t, t.length >> 1, languageId)) : undefined;
    const lezerMs = lezer && lines <= 20_000 ? bestFirst(text, 1, (t) => lezer.parse(t)) : undefined;
    const first = bestFirst(text, runs, (t) => createRecognizer().recognize(t, t.length >> 1, languageId));
    noteFirst(first, `${label}, ${lines} lines`);
    const per = (ms: number | undefined) => (ms === undefined ? undefined : (ms * 1000) / n);
    console.log(`${`${label}, ${lines} lines`.padEnd(26)}${String(n).padStart(8)}${fmt(per(model))}${fmt(per(oldMs))}${fmt(per(lezerMs))}${fmt(model)}${fmt(first, 13)}`);
  }
}

console.log('\nWorst case: the first query on pathological documents, ms (model: a fresh recognizer, in windows above LARGE_DOCUMENT; whole: buildModel + the query)');
console.log(`${'document'.padEnd(34)}${'MB'.padStart(6)}${'model'.padStart(10)}${'whole'.padStart(10)}${'old'.padStart(10)}${'lezer'.padStart(10)}`);
const pathological: [string, string, string][] = [];
for (const mb of [1, 4, 5]) {
  const n = mb * 1_000_000;
  const fill = (unit: string) => unit.repeat(Math.ceil(n / unit.length));
  pathological.push(
    [`${mb} MB line of import`, fill('import '), 'python'],
    // In units of three, so the triple-quoted strings it opens all close.
    [`${mb} MB line of """'''`, `"""'''`.repeat(3 * Math.ceil(n / 18)), 'python'],
    [`${mb} MB line of require('a')`, fill("require('a');"), 'javascript'],
    [`${mb} MB line of import (JS)`, fill('import '), 'javascript'],
    [`${mb} MB of ( (deep brackets)`, `x = ${'('.repeat(n)}`, 'python'],
    [`${mb} MB of f(f(f( (deep calls)`, `x = ${fill('f(')}`, 'python'],
    [`${mb} MB of [{ (deep, JS)`, `x = ${fill('[{')}`, 'javascript'],
  );
}
// The model on every document first, then the old recognizer: its garbage (seconds of allocation on a 4 MB
// line) would otherwise be collected during the model's next measurement.
let worst = 0;
const texts = pathological.map(([, body, languageId]) => `${body}\n${languageId === 'python' ? 'import torch\ny = torch.relu(x)' : "import * as tf from '@tensorflow/tfjs';\nconst y = tf.relu(x);"}\n`);
const modelMs = pathological.map(([, , languageId], i) => {
  const text = texts[i];
  let hit = false;
  const ms = bestFirst(text, 2, (t) => (hit = createRecognizer().recognize(t, t.lastIndexOf('relu') + 1, languageId)?.id === 'relu'));
  worst = Math.max(worst, ms);
  noteFirst(ms, pathological[i][0]);
  return { ms, hit };
});
const wholeMs = pathological.map(([, , languageId], i) => bestFirst(texts[i], 1, (t) => buildModel(t, languageId === 'python' ? 'python' : 'js').siteAt(t.lastIndexOf('relu') + 1)));
pathological.forEach(([label, , languageId], i) => {
  const text = texts[i];
  const family = languageId === 'python' ? 'python' : 'js';
  // The old recognizer takes seconds a line at 4 MB and more: measured up to 4 MB.
  const oldMs = old && text.length <= 4_100_000 ? bestFirst(text, 1, (t) => old(t, t.lastIndexOf('relu') + 1, languageId)) : undefined;
  const lezer = family === 'python' ? lezerPython : lezerJs;
  const lezerMs = lezer && text.length <= 1_100_000 ? bestFirst(text, 1, (t) => lezer.parse(t)) : undefined;
  console.log(`${label.padEnd(34)}${(text.length / 1e6).toFixed(2).padStart(6)}${fmt(modelMs[i].ms)}${fmt(wholeMs[i])}${fmt(oldMs)}${fmt(lezerMs)}${modelMs[i].hit ? '' : '  (the call after it was not found)'}`);
});
console.log(`worst model time on a pathological document: ${worst.toFixed(1)} ms (issue 16 target: ≤ 50 ms up to 5 MB)`);

console.log('\nThe first query after an edit: one line inserted, ms (model: the recognizer holds the version before the edit; old: its first call)');
console.log(`${'file'.padEnd(26)}${'edit at'.padStart(9)}${'model'.padStart(10)}${'old'.padStart(10)}${'full index'.padStart(12)}`);
for (const [label, template, header, languageId] of [
  ['python', PY_TEMPLATE, PY_HEADER, 'python'],
  ['tf.js', JS_TEMPLATE, JS_HEADER, 'javascript'],
] as const) {
  for (const lines of [5000, 50_000]) {
    const text = generate(template, header, lines);
    const family = languageId === 'python' ? 'python' : 'js';
    const inserted = languageId === 'python' ? 'extra = F.relu(x)\n' : 'const extra = tf.relu(x);\n';
    for (const [where, fraction] of [['start', 0], ['middle', 0.5], ['end', 1]] as const) {
      const at = fraction === 0 ? text.indexOf('\n') + 1 : fraction === 1 ? text.length : text.indexOf('\n', text.length >> 1) + 1;
      const edited = `${text.slice(0, at)}${fraction === 1 ? '\n' : ''}${inserted}${text.slice(at)}`;
      edited.indexOf('\u0001');
      const query = edited.indexOf('extra = ') + inserted.indexOf('relu') - inserted.indexOf('extra') + 1;
      let model = Infinity;
      for (let run = 0; run < 3; run++) {
        const recognizer = createRecognizer();
        recognizer.recognize(text, 0, languageId, { key: 'edit', version: 1 });
        model = Math.min(model, time(() => recognizer.recognize(edited, query, languageId, { key: 'edit', version: 2 })));
      }
      const oldMs = old ? bestFirst(edited, 3, (t) => old(t, query, languageId)) : undefined;
      const full = bestFirst(edited, 2, (t) => buildModel(t, family));
      console.log(`${`${label}, ${lines} lines`.padEnd(26)}${where.padStart(9)}${fmt(model)}${fmt(oldMs)}${fmt(full, 12)}`);
    }
  }
}

console.log('\nA 5 MB real-looking file (read in windows): the first query at the start, middle and end, ms — a fresh recognizer;');
console.log('after an edit: one line inserted there, the recognizer holding the version before; whole: buildModel + the query');
console.log(`${'file'.padEnd(26)}${'MB'.padStart(6)}${'query at'.padStart(10)}${'first'.padStart(10)}${'after edit'.padStart(12)}${'whole'.padStart(10)}`);
const FIVE_MB: [string, string, string, 'python' | 'javascript'][] = [
  ['python', PY_TEMPLATE, PY_HEADER, 'python'],
  ['tf.js', JS_TEMPLATE, JS_HEADER, 'javascript'],
];
// Compiled first (not measured): one document's queries here and there, as the extension host has compiled
// this code after its first large document; each figure below is then a document's first query.
for (const [, template, header, languageId] of FIVE_MB) {
  const text = generate(template, header, 60_000);
  const recognizer = createRecognizer();
  for (let at = 0; at < text.length; at += text.length >> 3) recognizer.recognize(text, at, languageId, { key: 'compile', version: at });
}
for (const [label, template, header, languageId] of FIVE_MB) {
  const family = languageId === 'python' ? 'python' : 'js';
  let text = generate(template, header, 1000);
  text = generate(template, header, Math.floor((1000 * 5_000_000) / text.length));
  const inserted = languageId === 'python' ? 'extra = F.relu(x)\n' : 'const extra = tf.relu(x);\n';
  for (const [where, fraction] of [['start', 0], ['middle', 0.5], ['end', 1]] as const) {
    const at = fraction === 0 ? text.indexOf('\n') + 1 : fraction === 1 ? text.length : text.indexOf('\n', Math.floor(text.length * fraction)) + 1;
    // The first call of a top-level statement at that place.
    const query = fraction === 1 ? text.lastIndexOf('relu') + 1 : text.indexOf('relu', at) + 1;
    const first = bestFirst(text, 2, (t) => createRecognizer().recognize(t, query, languageId));
    noteFirst(first, `5 MB ${label}, first query at the ${where}`);
    const edited = `${text.slice(0, at)}${fraction === 1 ? '\n' : ''}${inserted}${text.slice(at)}`;
    edited.indexOf('\u0001');
    const editQuery = edited.indexOf(inserted, Math.max(0, at - 1)) + inserted.indexOf('relu') + 1;
    let afterEdit = Infinity;
    for (let run = 0; run < 2; run++) {
      const recognizer = createRecognizer();
      recognizer.recognize(text, query, languageId, { key: 'edit5', version: 1 });
      afterEdit = Math.min(afterEdit, time(() => recognizer.recognize(edited, editQuery, languageId, { key: 'edit5', version: 2 })));
    }
    noteFirst(afterEdit, `5 MB ${label}, first query after an edit at the ${where}`);
    const whole = bestFirst(text, 1, (t) => buildModel(t, family).siteAt(query));
    console.log(`${label.padEnd(26)}${(text.length / 1e6).toFixed(2).padStart(6)}${where.padStart(10)}${fmt(first)}${fmt(afterEdit, 12)}${fmt(whole)}`);
  }
}

console.log('\nHover query on an indexed version: ms per query (2,000 positions)');
console.log(`${'file'.padEnd(26)}${'model p50'.padStart(11)}${'model p95'.padStart(11)}${'old p50'.padStart(10)}${'old p95'.padStart(10)}`);
for (const [label, text, languageId] of [
  ['python, 5,000 lines', generate(PY_TEMPLATE, PY_HEADER, 5000), 'python'],
  ['python, 50,000 lines', generate(PY_TEMPLATE, PY_HEADER, 50_000), 'python'],
  ['tf.js, 5,000 lines', generate(JS_TEMPLATE, JS_HEADER, 5000), 'javascript'],
] as const) {
  const recognizer = createRecognizer();
  const doc = { key: label, version: 1 };
  const mine = queries(text, languageId, (t, o, l) => recognizer.recognize(t, o, l, doc), 2000);
  const theirs = old ? queries(text, languageId, old, 2000) : undefined;
  console.log(`${label.padEnd(26)}${fmt(mine.p50, 11)}${fmt(mine.p95, 11)}${fmt(theirs?.p50)}${fmt(theirs?.p95)}`);
}
{
  // A 5 MB file read in windows: random positions (most need a window built: up to 8 are kept), and a cursor
  // walking down the file 40 characters a step (a window is built each ~32 KB).
  let text = generate(PY_TEMPLATE, PY_HEADER, 1000);
  text = generate(PY_TEMPLATE, PY_HEADER, Math.floor((1000 * 5_000_000) / text.length));
  const recognizer = createRecognizer();
  const doc = { key: 'queries5', version: 1 };
  const f: RecognizeFn = (t, o, l) => recognizer.recognize(t, o, l, doc);
  const random = queries(text, 'python', f, 2000);
  const walk: number[] = [];
  for (let o = text.length >> 2, n = 0; n < 4000; n++, o += 40) walk.push(time(() => f(text, o, 'python')));
  walk.sort((a, b) => a - b);
  console.log(`${'python 5 MB, random'.padEnd(26)}${fmt(random.p50, 11)}${fmt(random.p95, 11)}${fmt(undefined)}${fmt(undefined)}`);
  console.log(`${'python 5 MB, cursor walk'.padEnd(26)}${fmt(percentile(walk, 0.5), 11)}${fmt(percentile(walk, 0.95), 11)}${fmt(undefined)}${fmt(undefined)}`);
}

console.log(`\nworst first-query time at ≤ 5 MB: ${worstFirst.toFixed(1)} ms (limit 50 ms) — ${worstWhere}`);
