/**
 * What a hover costs outside VS Code: recognize(text, offset) + hoverMarkdown(ref) per call, p50 / p95,
 * on a generated 5,000-line model file, a 50,000-line file, a 1 MB minified line and binary text.
 * The VS Code adapter (src/features/hover/hoverProvider.ts) adds a cached getText() and a NUL check around the cursor, also timed
 * here. Printed, never asserted. Run: `npm run bench` (or `node out/bench/hover.bench.js` after compile-tests).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { hoverMarkdown, type FormulaSvgTable } from '../src/features/hover/hoverMarkdown';
import { ThemeKind } from '../src/features/hover/sparkline';

/** As in src/features/hover/hoverProvider.ts (which imports 'vscode', so it cannot be loaded here). */
const MAX_LINE_CHARS = 20_000;
import { createRecognizer } from '../src/recognize';

const SVG_FILE = join(__dirname, '..', '..', 'src', 'generated', 'formulaSvgs.json');
const svgs: FormulaSvgTable | undefined = existsSync(SVG_FILE) ? (JSON.parse(readFileSync(SVG_FILE, 'utf8')) as FormulaSvgTable) : undefined;

const PY_HEADER = [
  'import torch',
  'import torch.nn as nn',
  'import torch.nn.functional as F',
  'from tensorflow import keras',
  'from tensorflow.keras import layers',
  'import jax',
  'import optax',
];
const PY_LINES = [
  'act{i} = nn.LeakyReLU(0.2)',
  'y{i} = F.gelu(x{i})',
  'd{i} = layers.Dense(64, activation="selu")',
  'loss{i} = optax.huber_loss(pred{i}, target{i}, delta=2.0)',
  'crit{i} = nn.HuberLoss(delta=2.0)',
  'h{i} = jax.nn.gelu(h{i})',
  'z{i} = layers.LeakyReLU()(z{i})',
  'b{i} = nn.BCEWithLogitsLoss()',
  '    x{i} = self.conv{i}(x{i}) + residual{i}  # plain code, nothing to recognise',
  'for step{i} in range(100): total{i} += step{i} * 0.5',
];

function pythonFile(lines: number): string {
  const out = [...PY_HEADER];
  for (let i = 0; out.length < lines; i++) out.push(PY_LINES[i % PY_LINES.length].replace(/\{i\}/g, String(i)));
  return out.join('\n');
}

function minifiedLine(chars: number): string {
  let s = 'import*as tf from"@tensorflow/tfjs";';
  for (let i = 0; s.length < chars; i++) s += `var a${i}=tf.relu(b${i}),c${i}=tf.layers.leakyReLU({alpha:.1}),l${i}=tf.losses.hingeLoss(y,p);`;
  return s;
}

function binaryText(bytes: number): string {
  let seed = 12345;
  let s = '';
  for (let i = 0; i < bytes; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    s += String.fromCharCode(seed & 0xff);
  }
  return s;
}

/** Offsets inside each occurrence of the names a user would hover, plus some on plain code. */
function offsets(text: string, needles: readonly string[], max: number): number[] {
  const out: number[] = [];
  for (const needle of needles) {
    for (let at = text.indexOf(needle); at >= 0 && out.length < max; at = text.indexOf(needle, at + needle.length)) {
      out.push(at + Math.floor(needle.length / 2));
      at += Math.floor(text.length / (max / needles.length)); // spread over the file
    }
  }
  for (let i = 0; out.length < max * 1.2; i++) out.push(Math.floor(((i * 7919) % 1000) / 1000 * text.length));
  return out;
}

function percentile(samples: number[], q: number): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))];
}

interface Row {
  name: string;
  first: number;
  p50: number;
  p95: number;
  max: number;
  hits: number;
  calls: number;
}

/** As in src/features/hover/hoverProvider.ts: one recognizer, documents keyed by name and version. */
const recognizer = createRecognizer(8);
const recognize = (text: string, offset: number, languageId: string) =>
  recognizer.recognize(text, offset, languageId, { key: `bench:${text.length}`, version: 1 });

const lineStarts = new Map<string, number[]>();

/** The length of the line holding `offset`; VS Code's document model answers this in O(log n) too. */
function lineLength(text: string, offset: number): number {
  let starts = lineStarts.get(text);
  if (!starts) {
    starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    lineStarts.set(text, starts);
  }
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return (lo + 1 < starts.length ? starts[lo + 1] - 1 : text.length) - starts[lo];
}

/** One hover as the provider does it, minus VS Code: long-line and NUL guards, recognize, Markdown. */
function hover(text: string, offset: number, languageId: string): boolean {
  if (lineLength(text, offset) > MAX_LINE_CHARS) return false;
  if (text.slice(Math.max(0, offset - 4096), offset + 4096).includes('\0')) return false;
  const ref = recognize(text, offset, languageId);
  if (!ref) return false;
  return hoverMarkdown(ref, { themeKind: ThemeKind.Dark, showPlot: true, svgs }) !== undefined;
}

function measure(name: string, text: string, languageId: string, positions: number[], rawRecognize = false): Row {
  const call = rawRecognize ? (o: number) => recognize(text, o, languageId) !== undefined : (o: number) => hover(text, o, languageId);
  const t0 = performance.now();
  call(positions[0]);
  const first = performance.now() - t0;
  const samples: number[] = [];
  let hits = 0;
  for (const offset of positions) {
    const t = performance.now();
    if (call(offset)) hits++;
    samples.push(performance.now() - t);
  }
  return { name, first, p50: percentile(samples, 0.5), p95: percentile(samples, 0.95), max: Math.max(...samples), hits, calls: samples.length };
}

function main(): void {
  const needles = ['LeakyReLU', 'gelu', '"selu"', 'huber_loss', 'HuberLoss', 'BCEWithLogitsLoss'];
  const py5k = pythonFile(5_000);
  const py50k = pythonFile(50_000);
  const js1m = minifiedLine(1_000_000);
  const bin = binaryText(200_000);
  const rows = [
    measure('5,000-line Python file', py5k, 'python', offsets(py5k, needles, 500)),
    measure('50,000-line Python file', py50k, 'python', offsets(py50k, needles, 300)),
    measure('1 MB minified JS line (guarded)', js1m, 'javascript', offsets(js1m, ['tf.relu', 'leakyReLU', 'hingeLoss'], 150)),
    measure('1 MB minified line (recognize)', js1m, 'javascript', offsets(js1m, ['tf.relu', 'leakyReLU', 'hingeLoss'], 150), true),
    measure('binary text (guarded)', bin, 'python', offsets(bin, ['\0'], 100)),
    measure('binary text (recognize only)', bin, 'python', offsets(bin, ['\0'], 100), true),
  ];
  const t = performance.now();
  const copy = py5k.split('\n').join('\n');
  const joinMs = performance.now() - t;

  console.log(`hover: recognize + hoverMarkdown per call (formula SVGs ${svgs ? 'loaded' : 'missing: run npm run build'})`);
  console.log(`${'input'.padEnd(32)} ${'first'.padStart(8)} ${'p50'.padStart(8)} ${'p95'.padStart(8)} ${'max'.padStart(8)}  hovers`);
  for (const r of rows) {
    const ms = (v: number) => `${v.toFixed(3)}`.padStart(8);
    console.log(`${r.name.padEnd(32)} ${ms(r.first)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)}  ${r.hits}/${r.calls}`);
  }
  console.log(`(ms; a 5,000-line getText()-sized join costs ${joinMs.toFixed(3)} ms, paid once per document version; ${copy.length} chars)`);
}

main();
