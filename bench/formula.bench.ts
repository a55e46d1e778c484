/**
 * Formula compiler vs math.js vs the same formula hand-written in JavaScript: value and derivative together
 * (what the playground and the gradient check need), nanoseconds per element, printed side by side (never asserted).
 *
 *   npx tsc -p tsconfig.test.json && node out/bench/formula.bench.js
 *
 * Ours and hand-written run over 1e6 points; math.js is evaluated per point (its documented use,
 * `compile(expr).evaluate({x})`) over a 1e5-point subset and normalised per element.
 */
import * as os from 'node:os';
import { compileFormula } from '../src/core/formula';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const math = require('mathjs') as {
  compile(expr: string): { evaluate(scope: Record<string, number>): number };
  derivative(expr: string, variable: string): { compile(): { evaluate(scope: Record<string, number>): number } };
};

const N = 1_000_000;
const N_MATHJS = 100_000;
const WARMUP = 20;
const REPEATS = 15;

interface Case {
  readonly name: string;
  readonly formula: string;
  /** math.js spelling of the same function (no sigmoid; where is a ternary). */
  readonly mathjs: string;
  /** Hand-derived derivative for math.js when math.derivative cannot differentiate the expression. */
  readonly mathjsDerivative?: string;
  /** f and f′ in one hand-written loop that shares what they have in common (the target to match). */
  readonly handFused: (xs: Float64Array, values: Float64Array, derivatives: Float64Array) => void;
}

/** The four formulas of issue 10, each with the fused loop a careful person would write by hand. */
const cases: Case[] = [
  {
    name: 'x / (1 + exp(-1.702 * x))',
    formula: 'x / (1 + exp(-1.702 * x))',
    mathjs: 'x / (1 + exp(-1.702 x))',
    handFused: (xs, values, derivatives) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const e = Math.exp(-1.702 * x);
        const d = 1 + e;
        const s = 1 / d;
        values[i] = x * s;
        derivatives[i] = s + 1.702 * x * e * s * s;
      }
    },
  },
  {
    name: 'x * sigmoid(1.702 * x)',
    formula: 'x * sigmoid(1.702 * x)',
    mathjs: 'x / (1 + exp(-1.702 x))',
    handFused: (xs, values, derivatives) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        const e = Math.exp(-1.702 * x);
        const s = 1 / (1 + e);
        values[i] = x * s;
        derivatives[i] = s + 1.702 * x * s * (1 - s);
      }
    },
  },
  {
    name: 'log(1 + exp(x))',
    formula: 'log(1 + exp(x))',
    mathjs: 'log(1 + exp(x))',
    handFused: (xs, values, derivatives) => {
      for (let i = 0; i < xs.length; i++) {
        const e = Math.exp(xs[i]);
        values[i] = Math.log(1 + e);
        derivatives[i] = e / (1 + e);
      }
    },
  },
  {
    name: 'where(x > 0, x, 0.1 * x)',
    formula: 'where(x > 0, x, 0.1 * x)',
    mathjs: 'x > 0 ? x : 0.1 * x',
    mathjsDerivative: 'x > 0 ? 1 : 0.1',
    handFused: (xs, values, derivatives) => {
      for (let i = 0; i < xs.length; i++) {
        const x = xs[i];
        if (x > 0) {
          values[i] = x;
          derivatives[i] = 1;
        } else {
          values[i] = 0.1 * x;
          derivatives[i] = 0.1;
        }
      }
    },
  },
];

/**
 * Fastest nanoseconds per element of `run` over `n` elements, after warm-up calls: the optimising compiler
 * works in the background, and on a shared machine the minimum is the least disturbed measurement. Time is
 * this process's CPU time (user + system), which other processes on a loaded machine inflate far less than
 * wall time (as in core.bench.ts).
 */
function time(n: number, run: () => void, warmup = WARMUP, repeats = REPEATS): number {
  return timeTogether(n, [run], warmup, repeats)[0];
}

/** CPU time of one call of `run`, in nanoseconds. */
function cpuNanoseconds(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) * 1000;
}

/**
 * The same for several loops at once, taking turns (one run of each per round): on a machine shared with
 * other work, loops timed one after another can meet a different load, and their ratio then measures that.
 */
function timeTogether(n: number, runs: readonly (() => void)[], warmup = WARMUP, repeats = REPEATS): number[] {
  for (let w = 0; w < warmup; w++) for (const run of runs) run();
  const best = runs.map(() => Infinity);
  for (let r = 0; r < repeats; r++) {
    runs.forEach((run, k) => {
      best[k] = Math.min(best[k], cpuNanoseconds(run) / n);
    });
  }
  return best;
}

function main(): void {
  const xs = new Float64Array(N);
  for (let i = 0; i < N; i++) xs[i] = -6 + (12 * i) / (N - 1);
  const subset = xs.filter((_, i) => i % (N / N_MATHJS) === 0);
  const values = new Float64Array(N);
  const derivatives = new Float64Array(N);
  let sink = 0;

  const rows: string[][] = [];
  for (const c of cases) {
    const compiled = compileFormula(c.formula);
    const mathValue = math.compile(c.mathjs);
    const mathDerivative = c.mathjsDerivative ? math.compile(c.mathjsDerivative) : math.derivative(c.mathjs, 'x').compile();
    // Into preallocated arrays, like the hand-written loop (the allocating call is the 'alloc' column).
    const into = { values: new Float64Array(N), derivatives: new Float64Array(N) };
    const [tFused, tHand] = timeTogether(N, [
      () => (sink += compiled.evaluateWithDerivative(xs, undefined, into).derivatives[7]),
      () => c.handFused(xs, values, derivatives),
    ]);
    const tAllocating = time(N, () => (sink += compiled.evaluateWithDerivative(xs).derivatives[7]));
    const tTwoPass = time(N, () => (sink += compiled.evaluate(xs)[7] + compiled.derivative(xs)[7]));
    // math.js is 30–300× slower: fewer runs of it (its ratio to ours does not need two digits).
    const tMath = time(
      subset.length,
      () => {
        for (let i = 0; i < subset.length; i++) sink += mathValue.evaluate({ x: subset[i] }) + mathDerivative.evaluate({ x: subset[i] });
      },
      2,
      3,
    );
    rows.push([
      c.name + (c.mathjsDerivative ? ' *' : ''),
      tFused.toFixed(2),
      tAllocating.toFixed(2),
      tTwoPass.toFixed(2),
      tHand.toFixed(2),
      tMath.toFixed(1),
      `${(tFused / tHand).toFixed(2)}×`,
      `${(tTwoPass / tHand).toFixed(2)}×`,
      `${(tMath / tFused).toFixed(0)}×`,
    ]);
  }

  const header = ['f and f′ of', 'fused ns/el', 'fused+alloc ns/el', 'two-pass ns/el', 'hand fused ns/el', 'math.js ns/el', 'fused/hand', 'two-pass/hand', 'math.js/fused'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (cells: string[]) => cells.map((cell, i) => (i < 1 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(
    `formula bench: value and derivative together; ours (evaluateWithDerivative, and evaluate + derivative) and a hand-written fused loop over ${N.toExponential(0)} points, math.js over a ${N_MATHJS.toExponential(0)}-point subset, per element; CPU time, fastest of ${REPEATS} after ${WARMUP} warm-up runs (math.js: 3 after 2), fused and hand-written taking turns (target: fused/hand ≤ 1.3×); load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`,
  );
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const row of rows) console.log(line(row));
  console.log('* math.derivative cannot differentiate a conditional: math.js runs the hand-derived derivative there.');
  console.log('  fused and hand-written write into preallocated arrays; fused+alloc and two-pass allocate their outputs; ours checks parameters.');
  if (Number.isNaN(sink)) console.log('(sink)');
}

main();
