/**
 * The core against the textbook formula written inline in JavaScript and against TensorFlow.js (CPU backend),
 * for every catalogue function: value + derivative over N = 1e6 elements (vector functions: rows of 10;
 * losses: N (y, ŷ) pairs, value and ∂ℓ/∂ŷ). Prints ns/element and the ratios core/naive and tfjs/core as a
 * Markdown table, then, for every function slower than 1.5× naive, where the time goes: the public API
 * (dist/core.js) against a loop over the family's own def written for that function alone.
 *
 * Run: `npm run bench` (builds dist/, then scripts/run-bench.mjs bundles this file with esbuild).
 * BENCH_N and BENCH_REPS override the size (default 1e6) and the repetitions (best of 5 after a warm-up).
 * Timings are never asserted: the machine's load is printed with them.
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-backend-cpu';
// tfjs-core's CommonJS build registers no gradients (the tfjs union package adds them from this ES module,
// which Node cannot load as is). The relative path makes esbuild bundle it; its copy of the engine, registry and
// Tensor class resolve to the same global ones as the external tfjs-core.
import '../node_modules/@tensorflow/tfjs-core/dist/register_all_gradients.js';
import erf from '@stdlib/math-base-special-erf';
import { createRequire } from 'node:module';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { catalogue } from '../src/core/catalogue';
import { mulberry32 as uniform } from '../src/core/sampling';
import type * as CoreModule from '../src/core/index';
import type { CatalogueEntry, Params } from '../src/core/functionTypes';

const N = Number(process.env.BENCH_N ?? 1e6);
const REPS = Number(process.env.BENCH_REPS ?? 5);
const ROW = 10;
/** A core slower than this many times the naive formula gets a breakdown. */
const TARGET = 1.5;

// The shipped bundle, not the sources: what users of dist/core.js get.
const root = join(__dirname, '..', '..');
const core = createRequire(__filename)(join(root, 'dist', 'core.js')) as typeof CoreModule;

type Pair = { value: Float64Array; derivative: Float64Array };
type Data = { x: Float64Array; y: Float64Array; yHat: Float64Array };

// ---------------------------------------------------------------------------------------------------------
// Naive formulas: what one would type from the textbook, no stable forms.

const sig = (x: number) => 1 / (1 + Math.exp(-x));
const SQRT_2_PI = Math.sqrt(2 / Math.PI);
const SELU_A = 1.6732632423543772;
const SELU_L = 1.0507009873554805;

type Scalar = [(x: number) => number, (x: number) => number];
type LossScalar = [(y: number, p: number) => number, (y: number, p: number) => number];

const naiveActivations: Record<string, Scalar> = {
  relu: [(x) => (x > 0 ? x : 0), (x) => (x > 0 ? 1 : 0)],
  leaky_relu: [(x) => (x > 0 ? x : 0.01 * x), (x) => (x > 0 ? 1 : 0.01)],
  prelu: [(x) => (x > 0 ? x : 0.25 * x), (x) => (x > 0 ? 1 : 0.25)],
  hard_sigmoid_linear: [(x) => Math.min(Math.max(0.2 * x + 0.5, 0), 1), (x) => (x >= -2.5 && x <= 2.5 ? 0.2 : 0)],
  relu6: [(x) => Math.min(Math.max(x, 0), 6), (x) => (x > 0 && x < 6 ? 1 : 0)],
  sigmoid: [sig, (x) => sig(x) * (1 - sig(x))],
  log_sigmoid: [(x) => -Math.log(1 + Math.exp(-x)), (x) => 1 - sig(x)],
  silu: [(x) => x * sig(x), (x) => sig(x) * (1 + x * (1 - sig(x)))],
  hard_sigmoid: [(x) => Math.min(Math.max(x + 3, 0), 6) / 6, (x) => (x > -3 && x < 3 ? 1 / 6 : 0)],
  hard_swish: [(x) => (x * Math.min(Math.max(x + 3, 0), 6)) / 6, (x) => (x < -3 ? 0 : x > 3 ? 1 : (2 * x + 3) / 6)],
  tanh: [Math.tanh, (x) => 1 - Math.tanh(x) ** 2],
  elu: [(x) => (x > 0 ? x : Math.exp(x) - 1), (x) => (x > 0 ? 1 : Math.exp(x))],
  selu: [(x) => SELU_L * (x > 0 ? x : SELU_A * (Math.exp(x) - 1)), (x) => SELU_L * (x > 0 ? 1 : SELU_A * Math.exp(x))],
  celu: [(x) => (x > 0 ? x : Math.exp(x) - 1), (x) => (x > 0 ? 1 : Math.exp(x))],
  gelu: [
    (x) => 0.5 * x * (1 + erf(x / Math.SQRT2)),
    (x) => 0.5 * (1 + erf(x / Math.SQRT2)) + (x * Math.exp(-0.5 * x * x)) / Math.sqrt(2 * Math.PI),
  ],
  gelu_tanh: [
    (x) => 0.5 * x * (1 + Math.tanh(SQRT_2_PI * (x + 0.044715 * x ** 3))),
    (x) => {
      const t = Math.tanh(SQRT_2_PI * (x + 0.044715 * x ** 3));
      return 0.5 * (1 + t) + 0.5 * x * (1 - t * t) * SQRT_2_PI * (1 + 3 * 0.044715 * x * x);
    },
  ],
  softplus: [(x) => Math.log(1 + Math.exp(x)), sig],
  mish: [
    (x) => x * Math.tanh(Math.log(1 + Math.exp(x))),
    (x) => {
      const t = Math.tanh(Math.log(1 + Math.exp(x)));
      return t + x * (1 - t * t) * sig(x);
    },
  ],
  softsign: [(x) => x / (1 + Math.abs(x)), (x) => 1 / (1 + Math.abs(x)) ** 2],
};

const naiveLosses: Record<string, LossScalar> = {
  // On log-probabilities ŷ ≤ 0 (and for kl_div_log_target a log-probability target y ≤ 0).
  nll: [(y, p) => -y * p, (y) => -y],
  kl_div_log_target: [(y, p) => Math.exp(y) * (y - p), (y) => -Math.exp(y)],
  mse: [(y, p) => (p - y) ** 2, (y, p) => 2 * (p - y)],
  mae: [(y, p) => Math.abs(p - y), (y, p) => Math.sign(p - y)],
  log_cosh: [(y, p) => Math.log(Math.cosh(p - y)), (y, p) => Math.tanh(p - y)],
  huber: [
    (y, p) => (Math.abs(p - y) <= 1 ? 0.5 * (p - y) ** 2 : Math.abs(p - y) - 0.5),
    (y, p) => (Math.abs(p - y) <= 1 ? p - y : Math.sign(p - y)),
  ],
  smooth_l1: [
    (y, p) => (Math.abs(p - y) < 1 ? 0.5 * (p - y) ** 2 : Math.abs(p - y) - 0.5),
    (y, p) => (Math.abs(p - y) < 1 ? p - y : Math.sign(p - y)),
  ],
  bce: [(y, p) => -(y * Math.log(p) + (1 - y) * Math.log(1 - p)), (y, p) => (p - y) / (p * (1 - p))],
  bce_with_logits: [(y, z) => Math.max(z, 0) - z * y + Math.log(1 + Math.exp(-Math.abs(z))), (y, z) => sig(z) - y],
  focal: [
    (y, p) => -0.25 * y * (1 - p) ** 2 * Math.log(p) - 0.75 * (1 - y) * p ** 2 * Math.log(1 - p),
    (y, p) =>
      0.25 * y * (2 * (1 - p) * Math.log(p) - (1 - p) ** 2 / p) + 0.75 * (1 - y) * (p ** 2 / (1 - p) - 2 * p * Math.log(1 - p)),
  ],
  hinge: [(y, p) => Math.max(0, 1 - y * p), (y, p) => (y * p < 1 ? -y : 0)],
  squared_hinge: [(y, p) => Math.max(0, 1 - y * p) ** 2, (y, p) => -2 * y * Math.max(0, 1 - y * p)],
  cce: [(y, p) => -y * Math.log(p), (y, p) => -y / p],
  kl_div: [(y, p) => y * Math.log(y / p), (y, p) => -y / p],
};

/** Row-wise softmax / log_softmax and their Jacobians, textbook. */
function naiveRows(id: string, x: Float64Array): Pair {
  const value = new Float64Array(x.length);
  const derivative = new Float64Array((x.length / ROW) * ROW * ROW);
  const s = new Float64Array(ROW);
  for (let r = 0; r < x.length; r += ROW) {
    let max = -Infinity;
    for (let i = 0; i < ROW; i++) max = Math.max(max, x[r + i]);
    let sum = 0;
    for (let i = 0; i < ROW; i++) sum += s[i] = Math.exp(x[r + i] - max);
    for (let i = 0; i < ROW; i++) s[i] /= sum;
    const j0 = r * ROW;
    for (let i = 0; i < ROW; i++) {
      value[r + i] = id === 'softmax' ? s[i] : x[r + i] - max - Math.log(sum);
      for (let j = 0; j < ROW; j++) {
        derivative[j0 + i * ROW + j] = id === 'softmax' ? s[i] * ((i === j ? 1 : 0) - s[j]) : (i === j ? 1 : 0) - s[j];
      }
    }
  }
  return { value, derivative };
}

function naiveCceWithLogits(y: Float64Array, z: Float64Array): Pair {
  const value = new Float64Array(z.length);
  const derivative = new Float64Array(z.length);
  for (let r = 0; r < z.length; r += ROW) {
    let max = -Infinity;
    for (let i = 0; i < ROW; i++) max = Math.max(max, z[r + i]);
    let sum = 0;
    for (let i = 0; i < ROW; i++) sum += Math.exp(z[r + i] - max);
    const logSum = max + Math.log(sum);
    for (let i = 0; i < ROW; i++) {
      value[r + i] = -y[r + i] * (z[r + i] - logSum);
      derivative[r + i] = Math.exp(z[r + i] - logSum) - y[r + i];
    }
  }
  return { value, derivative };
}

/**
 * The naive run of one function. Each elementwise loop is compiled on its own (new Function) so its call to
 * the formula sees one target and V8 inlines it, as if the formula were typed into the loop; one shared loop
 * would see every formula and call each through a megamorphic site.
 */
function naiveFor(entry: CatalogueEntry): (d: Data) => Pair {
  if (entry.id === 'softmax' || entry.id === 'log_softmax') return (d) => naiveRows(entry.id, d.x);
  if (entry.id === 'cce_with_logits') return (d) => naiveCceWithLogits(d.y, d.yHat);
  const [f, df] = entry.kind === 'activation' ? naiveActivations[entry.id] : naiveLosses[entry.id];
  const args = entry.kind === 'activation' ? 'd.x[i]' : 'd.y[i], d.yHat[i]';
  const loop = new Function(
    'f',
    'df',
    `return function naive_${entry.id}(d) {
       const n = ${entry.kind === 'activation' ? 'd.x' : 'd.yHat'}.length; const value = new Float64Array(n); const derivative = new Float64Array(n);
       for (let i = 0; i < n; i++) value[i] = f(${args});
       for (let i = 0; i < n; i++) derivative[i] = df(${args});
       return { value, derivative };
     };`,
  ) as (f: unknown, df: unknown) => (d: Data) => Pair;
  return loop(f, df);
}

// ---------------------------------------------------------------------------------------------------------
// The core through its public API.

function coreRun(entry: CatalogueEntry, d: Data): Pair {
  if (entry.kind === 'activation') {
    if (entry.shape === 'elementwise') return { value: core.evaluate(entry.id, d.x), derivative: core.derivative(entry.id, d.x) };
    // A batch of rows in one call each: every row's value, and every row's 10×10 Jacobian back to back.
    const rows = { rowLength: ROW };
    return { value: core.evaluate(entry.id, d.x, undefined, rows), derivative: core.jacobian(entry.id, d.x, undefined, rows) };
  }
  if (entry.shape === 'elementwise') {
    return { value: core.lossValue(entry.id, d.y, d.yHat), derivative: core.lossGradient(entry.id, d.y, d.yHat) };
  }
  const value = new Float64Array(d.yHat.length);
  const derivative = new Float64Array(d.yHat.length);
  for (let r = 0; r < d.yHat.length; r += ROW) {
    const y = d.y.subarray(r, r + ROW);
    const z = d.yHat.subarray(r, r + ROW);
    value.set(core.lossValue(entry.id, y, z), r);
    derivative.set(core.lossGradient(entry.id, y, z), r);
  }
  return { value, derivative };
}

/**
 * A loop over the family's def with no API around it, compiled separately for each function so that its call
 * to def.value / def.derivative sees one target (monomorphic, inlinable), unlike the API's shared loop.
 */
function directLoop(entry: CatalogueEntry): (d: Data) => void {
  const body =
    entry.kind === 'activation'
      ? `const n = d.x.length; const v = new Float64Array(n); const g = new Float64Array(n);
         for (let i = 0; i < n; i++) v[i] = def.value(d.x[i], p);
         for (let i = 0; i < n; i++) g[i] = def.derivative(d.x[i], p);`
      : `const n = d.y.length; const v = new Float64Array(n); const g = new Float64Array(n);
         for (let i = 0; i < n; i++) v[i] = def.value(d.y[i], d.yHat[i], p);
         for (let i = 0; i < n; i++) g[i] = def.gradient(d.y[i], d.yHat[i], p);`;
  const params = defaults(entry);
  const loop = new Function('def', 'p', `return function direct_${entry.id}(d) { ${body} };`) as (
    def: unknown,
    p: Params,
  ) => (d: Data) => void;
  return loop(entry.def, params);
}

/**
 * The same loop shared by every function, as in api.ts: after the warm-up over all functions its call to
 * def.value is megamorphic. API − shared loop is then the validation and setup; shared − direct the dispatch.
 */
function sharedLoop(entry: CatalogueEntry, p: Params, d: Data): void {
  const def = entry.def;
  if (def.shape !== 'elementwise') return;
  if (entry.kind === 'activation') {
    const act = def as Extract<CatalogueEntry, { kind: 'activation' }>['def'] & { shape: 'elementwise' };
    const n = d.x.length;
    const v = new Float64Array(n);
    const g = new Float64Array(n);
    for (let i = 0; i < n; i++) v[i] = act.value(d.x[i], p);
    for (let i = 0; i < n; i++) g[i] = act.derivative(d.x[i], p);
    return;
  }
  const loss = def as Extract<CatalogueEntry, { kind: 'loss' }>['def'] & { shape: 'elementwise' };
  const n = d.y.length;
  const v = new Float64Array(n);
  const g = new Float64Array(n);
  for (let i = 0; i < n; i++) v[i] = loss.value(d.y[i], d.yHat[i], p);
  for (let i = 0; i < n; i++) g[i] = loss.gradient(d.y[i], d.yHat[i], p);
}

function defaults(entry: CatalogueEntry): Params {
  return Object.fromEntries(entry.params.map((s) => [s.name, s.default]));
}

// ---------------------------------------------------------------------------------------------------------
// TensorFlow.js: value by tf ops, derivative by tf.grad of the summed output. † = no native op, composed.

type TfFn = (x: tf.Tensor) => tf.Tensor;
type TfLoss = (y: tf.Tensor, p: tf.Tensor) => tf.Tensor;

const NONE = tf.Reduction.NONE;
const tfActivations: Record<string, [TfFn, boolean]> = {
  relu: [(x) => tf.relu(x), true],
  leaky_relu: [(x) => tf.leakyRelu(x, 0.01), true],
  prelu: [(x) => tf.prelu(x, tf.scalar(0.25)), true],
  relu6: [(x) => tf.relu6(x), true],
  sigmoid: [(x) => tf.sigmoid(x), true],
  log_sigmoid: [(x) => tf.logSigmoid(x), true],
  silu: [(x) => tf.mul(x, tf.sigmoid(x)), false],
  hard_sigmoid: [(x) => tf.div(tf.relu6(tf.add(x, 3)), 6), false],
  hard_swish: [(x) => tf.mul(x, tf.div(tf.relu6(tf.add(x, 3)), 6)), false],
  tanh: [(x) => tf.tanh(x), true],
  softmax: [(x) => tf.softmax(x), true],
  log_softmax: [(x) => tf.logSoftmax(x), true],
  elu: [(x) => tf.elu(x), true],
  selu: [(x) => tf.selu(x), true],
  celu: [(x) => tf.elu(x), false],
  gelu: [(x) => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.erf(tf.div(x, Math.SQRT2)))), false],
  gelu_tanh: [
    (x) => tf.mul(tf.mul(x, 0.5), tf.add(1, tf.tanh(tf.mul(SQRT_2_PI, tf.add(x, tf.mul(0.044715, tf.pow(x, 3))))))),
    false,
  ],
  softplus: [(x) => tf.softplus(x), true],
  mish: [(x) => tf.mul(x, tf.tanh(tf.softplus(x))), false],
  softsign: [(x) => tf.div(x, tf.add(1, tf.abs(x))), false],
};

const tfLosses: Record<string, [TfLoss, boolean]> = {
  mse: [(y, p) => tf.losses.meanSquaredError(y, p, undefined, NONE), true],
  mae: [(y, p) => tf.losses.absoluteDifference(y, p, undefined, NONE), true],
  log_cosh: [(y, p) => tf.log(tf.cosh(tf.sub(p, y))), false],
  huber: [(y, p) => tf.losses.huberLoss(y, p, undefined, 1, NONE), true],
  smooth_l1: [(y, p) => tf.losses.huberLoss(y, p, undefined, 1, NONE), false],
  bce: [(y, p) => tf.losses.logLoss(y, p, undefined, 1e-7, NONE), true],
  bce_with_logits: [(y, p) => tf.losses.sigmoidCrossEntropy(y, p, undefined, 0, NONE), true],
  focal: [
    (y, p) =>
      tf.sub(
        tf.mul(tf.mul(-0.25, y), tf.mul(tf.square(tf.sub(1, p)), tf.log(p))),
        tf.mul(tf.mul(0.75, tf.sub(1, y)), tf.mul(tf.square(p), tf.log(tf.sub(1, p)))),
      ),
    false,
  ],
  // tf.losses.hingeLoss takes labels in {0, 1} and maps them to {−1, 1} itself.
  hinge: [(y, p) => tf.losses.hingeLoss(tf.div(tf.add(y, 1), 2), p, undefined, NONE), true],
  squared_hinge: [(y, p) => tf.square(tf.relu(tf.sub(1, tf.mul(y, p)))), false],
  cce: [(y, p) => tf.neg(tf.mul(y, tf.log(p))), false],
  cce_with_logits: [(y, p) => tf.losses.softmaxCrossEntropy(y, p, undefined, 0, NONE), true],
  kl_div: [(y, p) => tf.mul(y, tf.log(tf.div(y, p))), false],
};

function tfRun(entry: CatalogueEntry, t: { x: tf.Tensor; y: tf.Tensor; yHat: tf.Tensor; dy: tf.Tensor }): void {
  const vector = entry.shape === 'vector';
  if (entry.kind === 'activation') {
    const [f] = tfActivations[entry.id];
    // Vector functions: tf.grad gives the vector–Jacobian product with a random upstream gradient, not the n×n Jacobian.
    const summed = vector ? (x: tf.Tensor) => tf.sum(tf.mul(f(x), t.dy)) : (x: tf.Tensor) => tf.sum(f(x));
    tf.tidy(() => {
      f(t.x).dataSync();
      tf.grad(summed)(t.x).dataSync();
    });
    return;
  }
  const [loss] = tfLosses[entry.id];
  tf.tidy(() => {
    loss(t.y, t.yHat).dataSync();
    tf.grad((p: tf.Tensor) => tf.sum(loss(t.y, p)))(t.yHat).dataSync();
  });
}

// ---------------------------------------------------------------------------------------------------------

function dataFor(entry: CatalogueEntry, n = N): Data {
  const r = uniform(42);
  const x = Float64Array.from({ length: n }, () => -6 + 12 * r());
  const y = new Float64Array(n);
  const yHat = new Float64Array(n);
  const prediction = entry.prediction ?? 'real';
  for (let i = 0; i < n; i++) {
    if (entry.id === 'cce_with_logits') y[i] = i % ROW === Math.floor(i / ROW) % ROW ? 1 : 0;
    else if (prediction === 'score') y[i] = r() < 0.5 ? -1 : 1;
    else if (entry.id === 'kl_div' || entry.id === 'cce' || entry.id === 'nll') y[i] = 0.01 + 0.99 * r();
    else if (entry.id === 'kl_div_log_target') y[i] = -12 * r();
    else if (prediction === 'real') y[i] = -2 + 4 * r();
    else y[i] = r() < 0.5 ? Math.round(r()) : r();
    yHat[i] = prediction === 'probability' ? 1e-6 + (1 - 2e-6) * r() : prediction === 'logit' ? -6 + 12 * r() : -3 + 6 * r();
    // Log-probabilities are ≤ 0.
    if (entry.id === 'nll' || entry.id === 'kl_div_log_target') yHat[i] = -12 * r();
  }
  return { x, y, yHat };
}

/** CPU time of one run in ms: this process's user + system time, which a loaded machine inflates less than wall time. */
function cpuTime(run: () => unknown): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/**
 * The best of REPS runs of each, after one warm-up each, in ms of CPU time. The runs are interleaved (a, b, c,
 * a, b, c, …) so that a burst of load on a shared machine hits all of them rather than one. Everything measured
 * runs on the main thread (tfjs's CPU backend included); garbage-collector threads count, fairly, since the
 * allocations are the code's own.
 */
function best(...runs: (() => unknown)[]): number[] {
  for (const run of runs) run();
  const fastest = runs.map(() => Infinity);
  for (let k = 0; k < REPS; k++) runs.forEach((run, i) => (fastest[i] = Math.min(fastest[i], cpuTime(run))));
  return fastest;
}

/** Largest relative gap between the core's and the naive values, to catch a naive formula that is wrong. */
function disagreement(a: Float64Array, b: Float64Array): number {
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    const gap = Math.abs(a[i] - b[i]);
    if (gap > 1e-9) worst = Math.max(worst, gap / Math.max(Math.abs(a[i]), Math.abs(b[i])));
  }
  return worst;
}

function fmt(v: number, digits = 1): string {
  return Number.isFinite(v) ? v.toFixed(digits) : 'n/a';
}

async function main(): Promise<void> {
  await tf.setBackend('cpu');
  await tf.ready();
  // The first op prints tfjs's "install tfjs-node" banner: get it out of the way before the table.
  tf.tidy(() => tf.add(1, 1).dataSync());
  console.log(`## Core benchmark: value + derivative, CPU ns per element (N = ${N}, best of ${REPS} after a warm-up)`);
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}, tfjs ${tf.version_core} backend ${tf.getBackend()} (float32)\n`,
  );
  console.log('| function | core | naive JS | tfjs | core / naive | tfjs / core |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: |');
  // Every function through the API first, as in a session that has plotted several: otherwise the first
  // function measured would enjoy a monomorphic call in api.ts's shared loops (defs without batch loops) that no
  // real session keeps.
  for (const entry of catalogue.values()) {
    const small = dataFor(entry, 10 * ROW);
    for (let k = 0; k < 20; k++) coreRun(entry, small);
  }
  const slow: { entry: CatalogueEntry; core: number; naive: number; data: Data }[] = [];
  const composed: string[] = [];
  const warnings: string[] = [];
  for (const entry of catalogue.values()) {
    const data = dataFor(entry);
    const elements = entry.kind === 'activation' ? data.x.length : data.yHat.length;
    const naiveRun = naiveFor(entry);
    const gap = disagreement(coreRun(entry, data).value, naiveRun(data).value);
    if (gap > 1e-6) warnings.push(`${entry.id}: core and naive values differ by up to ${gap.toExponential(1)} (relative)`);

    const native = entry.kind === 'activation' ? tfActivations[entry.id]?.[1] : tfLosses[entry.id]?.[1];
    if (native === false) composed.push(entry.id);
    const shape = entry.shape === 'vector' ? [N / ROW, ROW] : [N];
    // tfjs takes Float32Array, not Float64Array (and computes in float32).
    const tensors = {
      x: tf.tensor(Float32Array.from(data.x), shape),
      y: tf.tensor(Float32Array.from(data.y), shape),
      yHat: tf.tensor(Float32Array.from(data.yHat), shape),
      dy: tf.tensor(Float32Array.from(data.x, (v) => v / 6), shape),
    };
    const runs: (() => unknown)[] = [() => coreRun(entry, data), () => naiveRun(data)];
    if (native !== undefined) runs.push(() => tfRun(entry, tensors));
    const [coreMs, naiveMs, tfMs = NaN] = best(...runs);
    Object.values(tensors).forEach((t) => t.dispose());
    const ns = (ms: number) => (ms * 1e6) / elements;
    const ratio = coreMs / naiveMs;
    if (ratio > TARGET) slow.push({ entry, core: ns(coreMs), naive: ns(naiveMs), data });
    const mark = native === false ? ' †' : entry.shape === 'vector' && entry.kind === 'activation' ? ' ‡' : '';
    console.log(
      `| ${entry.id} | ${fmt(ns(coreMs))} | ${fmt(ns(naiveMs))} | ${fmt(ns(tfMs))}${mark} | ${fmt(ratio, 2)}${ratio > TARGET ? ' ⚠' : ''} | ${fmt(tfMs / coreMs, 2)} |`,
    );
  }
  console.log(`\n† tfjs has no native op: composed from tf ops (${composed.join(', ')}); celu with α = 1 is tf.elu.`);
  console.log('‡ core and naive compute the full 10×10 Jacobian per row; tfjs (tf.grad) only a vector–Jacobian product.');
  console.log('⚠ over the 1.5× naive target. tfjs times include dataSync; tfjs computes in float32.');
  for (const w of warnings) console.log(`note: ${w}`);

  if (slow.length === 0) return;
  console.log(`\n### Where the time goes (functions over ${TARGET}× naive), ns per element`);
  console.log(
    'API = dist/core.js. Shared loop = one loop for every function calling def.value / def.derivative, as api.ts\n' +
      'does for a def without its own valueInto/derivativeInto (megamorphic call). Direct loop = the same loop compiled for that function alone (monomorphic, inlined).\n' +
      'Validation = API − shared (resolveParams, toFloat64, per-element checkLabel/checkPrediction for losses);\n' +
      'dispatch = shared − direct; math = direct / naive (the stable formula against the textbook one).\n',
  );
  console.log('| function | API | shared loop | direct loop | naive | validation | dispatch | math (direct / naive) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  // Every elementwise def passes through the shared loop first, so its call sites are megamorphic as in api.ts.
  for (const entry of catalogue.values()) {
    const small = dataFor(entry, 10 * ROW);
    for (let k = 0; k < 20; k++) sharedLoop(entry, defaults(entry), small);
  }
  for (const { entry, core: coreNs, naive: naiveNs, data } of slow) {
    if (entry.shape === 'vector') {
      console.log(`| ${entry.id} | ${fmt(coreNs)} | – | – | ${fmt(naiveNs)} | one API call per batch of rows of ${ROW} | – | – |`);
      continue;
    }
    const elements = entry.kind === 'activation' ? data.x.length : data.yHat.length;
    const p = defaults(entry);
    const loop = directLoop(entry);
    const [sharedMs, directMs] = best(
      () => sharedLoop(entry, p, data),
      () => loop(data),
    );
    const sharedNs = (sharedMs * 1e6) / elements;
    const directNs = (directMs * 1e6) / elements;
    console.log(
      `| ${entry.id} | ${fmt(coreNs)} | ${fmt(sharedNs)} | ${fmt(directNs)} | ${fmt(naiveNs)} | ${fmt(coreNs - sharedNs)} | ${fmt(sharedNs - directNs)} | ${fmt(directNs / naiveNs, 2)} |`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
