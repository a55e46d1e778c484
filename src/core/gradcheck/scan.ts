/**
 * The sweep of a scalar f against its claimed f′: evenly spaced points over [a, b] (endpoints included),
 * the kinks found between them (kinks.ts), and a numeric derivative at each point whose stencil never
 * straddles a kink: central where there is room, one-sided away from a kink within one step, both sides at
 * the kink itself. There the claim passes when it lies between the left and right derivatives (any
 * subgradient convention: ReLU′(0) = 0 or 1 or ½), so kinks are reported, not failed.
 */
import { findKinks, type Kink, type SampledGrid } from './kinks';
import { baseStep, numericDerivativeInto, type NumericEstimate, type ToleranceAt } from './finiteDifference';
import type { PointContext, Tally } from './tally';
import { linspaceInto } from '../sampling';
import { at, pass } from './work';

/**
 * f and f′ on a slice of the grid at once, for targets that have a fused evaluation (evaluateWithDerivative):
 * the same bits as f and df point by point, in about half the time.
 */
export type GridEvaluation = (xs: Float64Array, fx: Float64Array, dx: Float64Array) => void;

/** Where f′ jumps (kinks, checked as subgradients) and where f itself jumps (not checked), each sorted. */
export interface ScanResult {
  readonly kinks: number[];
  readonly jumps: number[];
}

/** Grid points evaluated between yields, and compared points (each a dozen or more calls of f) between yields. */
const GRID_SLICE = 512;
const COMPARE_SLICE = 8;

/**
 * Checks f′ against f on n points of [a, b] into `tally`; returns the kinks and jumps found, sorted. A generator so that a
 * caller can interleave other work (gradcheckIncremental): it yields its own progress in [0, 1] (undefined: no
 * news) after every small slice of work; draining it in one go (gradcheck) gives the same result.
 */
export function* scanScalar(
  f: (x: number) => number,
  df: (x: number) => number,
  a: number,
  b: number,
  n: number,
  tally: Tally,
  context?: PointContext,
  grid?: GridEvaluation,
): Generator<number | undefined, ScanResult, void> {
  const xs = new Float64Array(n);
  const fx = new Float64Array(n);
  const dx = new Float64Array(n);
  for (let start = 0; start < n; start += GRID_SLICE) {
    const end = Math.min(n, start + GRID_SLICE);
    linspaceInto(xs, a, b, start, end);
    if (grid) grid(xs.subarray(start, end), fx.subarray(start, end), dx.subarray(start, end));
    else {
      for (let i = start; i < end; i++) {
        fx[i] = f(xs[i]);
        dx[i] = df(xs[i]);
      }
    }
    if (end < n) yield (0.25 * end) / n;
  }
  // The passes over the grid that find kinks and jumps cannot tell their own progress: 26 % and 28 %.
  const sampled: SampledGrid = { xs, fx, dx };
  const kinks = yield* at(0.26, findKinks(f, df, sampled, tally.toleranceAt));
  const jumps = yield* at(0.28, findJumps(f, sampled, tally.toleranceAt));
  // Stencils never straddle a kink or a jump: both are barriers, sorted.
  const barriers = [...kinks.map((k) => k.x), ...jumps].sort((p, q) => p - q);
  yield 0.3;
  const estimate: NumericEstimate = { value: NaN, error: Infinity };
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (i % COMPARE_SLICE === COMPARE_SLICE - 1) yield 0.3 + (0.7 * i) / n;
    const x = xs[i];
    while (next < barriers.length && barriers[next] < x && !isAt(barriers[next], x)) next++;
    // A grid point on a kink is checked below, as the kink; on a jump, f′ does not exist.
    if (next < barriers.length && isAt(barriers[next], x)) continue;
    if (!Number.isFinite(fx[i])) {
      tally.skip('f is not finite');
      continue;
    }
    const left = next > 0 ? x - barriers[next - 1] : Infinity;
    const right = next < barriers.length ? barriers[next] - x : Infinity;
    estimateBetweenKinks(f, x, left, right, tally.targetAt, estimate);
    if (Number.isNaN(estimate.value)) tally.skip('no finite-difference stencil stayed finite');
    else tally.add(x, dx[i], estimate.value, estimate.error, context);
  }
  for (const kink of kinks) checkAtKink(df, kink, tally, context);
  return { kinks: kinks.map((k) => k.x), jumps };
}

/** More candidate jumps than this means f′ is wrong everywhere rather than f jumping at a few places. */
const MAX_JUMP_CANDIDATES = 32;
const EPSILON = 2.220446049250313e-16;

/**
 * Jumps of f between grid points: over [x_i, x_{i+1}] a smooth f changes by the trapezoid of its slopes,
 * ½(f′_i + f′_{i+1})·Δx, up to a curvature term of order |f′_{i+1} − f′_i|·Δx. An interval whose change
 * is unexplained by more than that, and by more than four times its neighbours' (a claimed f′ that is
 * wrong everywhere leaves every interval unexplained alike), is bisected on f: a jump keeps its size as
 * the bracket shrinks to adjacent doubles, a steep smooth stretch does not. Sorted; yields after each candidate
 * and between slices of the passes over the grid.
 */
function* findJumps(f: (x: number) => number, { xs, fx, dx }: SampledGrid, toleranceAt: ToleranceAt): Generator<undefined, number[], void> {
  const m = xs.length - 1;
  const tolerance = toleranceAt(0);
  /** How much of f's change over [x_i, x_{i+1}] its slopes leave unexplained (0 where that is not finite). */
  const unexplained = (i: number) => {
    const r = Math.abs(fx[i + 1] - fx[i] - 0.5 * (dx[i] + dx[i + 1]) * (xs[i + 1] - xs[i]));
    return Number.isFinite(r) ? r : 0;
  };
  // One pass in slices, and no arrays: a neighbour's share is recomputed at the rare interval that needs it.
  const candidates: { i: number; r: number }[] = [];
  yield* pass(0, m, (lo, hi) => {
    for (let i = lo; i < hi && candidates.length < MAX_JUMP_CANDIDATES; i++) {
      const r = unexplained(i);
      const step = xs[i + 1] - xs[i];
      const allowance = 4 * Math.abs(dx[i + 1] - dx[i]) * step + 64 * EPSILON * (Math.abs(fx[i]) + Math.abs(fx[i + 1])) + tolerance * step;
      if (!(r > allowance)) continue;
      const neighbour = Math.max(i > 0 ? unexplained(i - 1) : 0, i < m - 1 ? unexplained(i + 1) : 0);
      if (r > 4 * neighbour) candidates.push({ i, r });
    }
  });
  const jumps: number[] = [];
  for (const { i, r } of candidates) {
    yield;
    const jump = bisectJump(f, xs[i], xs[i + 1], fx[i], fx[i + 1], r);
    if (jump !== undefined) jumps.push(jump);
  }
  return jumps;
}

/**
 * Halves [a, b] keeping the half where f changes most, down to adjacent doubles; the jump's x (the midpoint
 * of the last bracket) when f still changes there by at least half of `size` (the jump seen on the grid),
 * else undefined (a steep smooth stretch, not a jump).
 */
function bisectJump(f: (x: number) => number, a: number, b: number, fa: number, fb: number, size: number): number | undefined {
  for (let k = 0; k < 1100; k++) {
    const mid = a + (b - a) / 2;
    if (mid <= a || mid >= b) break;
    const fm = f(mid);
    if (!Number.isFinite(fm)) return undefined;
    if (Math.abs(fm - fa) >= Math.abs(fb - fm)) {
      b = mid;
      fb = fm;
    } else {
      a = mid;
      fa = fm;
    }
  }
  if (!(Math.abs(fb - fa) >= 0.5 * size)) return undefined;
  // The shortest decimal in the bracket (ends included) reads best: 0.25 for where(x > 0.25, …), not 0.25000000000000006.
  for (let digits = 0; digits <= 17; digits++) {
    const scale = 10 ** digits;
    const rounded = Math.round(b * scale) / scale;
    if (rounded >= a && rounded <= b) return rounded;
  }
  return b;
}

function isAt(kink: number, x: number): boolean {
  return Math.abs(kink - x) <= 1e-12 * Math.max(1, Math.abs(x));
}

/**
 * The numeric derivative at x with the nearest kinks `left` and `right` away (Infinity when none), into
 * `out`: central where the stencil fits between them, else one-sided on the roomier side.
 */
function estimateBetweenKinks(
  f: (x: number) => number,
  x: number,
  left: number,
  right: number,
  toleranceAt: ToleranceAt,
  out: NumericEstimate,
): void {
  const h = baseStep(x);
  if (left > h && right > h) numericDerivativeInto(f, x, h, 'central', toleranceAt, out);
  else if (right >= left) numericDerivativeInto(f, x, Math.min(h, right / 2), 'forward', toleranceAt, out);
  else numericDerivativeInto(f, x, Math.min(h, left / 2), 'backward', toleranceAt, out);
  if (!Number.isNaN(out.value)) return;
  // At a domain edge (BCE at p = 0 with y = 0) only the inward side exists.
  numericDerivativeInto(f, x, Math.min(h, right / 2), 'forward', toleranceAt, out);
  if (!Number.isNaN(out.value)) return;
  numericDerivativeInto(f, x, Math.min(h, left / 2), 'backward', toleranceAt, out);
}

/** At a kink the claim passes when it lies within [min(left, right), max(left, right)] up to the tolerance. */
function checkAtKink(df: (x: number) => number, kink: Kink, tally: Tally, context?: PointContext): void {
  const analytic = df(kink.x);
  const lo = Math.min(kink.left, kink.right);
  const hi = Math.max(kink.left, kink.right);
  // The nearest subgradient to the claim stands in for "numeric"; NaN stays NaN and fails.
  const nearest = analytic < lo ? lo : analytic > hi ? hi : analytic;
  tally.add(kink.x, analytic, nearest, kink.error, context);
}
