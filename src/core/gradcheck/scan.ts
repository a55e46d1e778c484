/**
 * The sweep of a scalar f against its claimed f′: evenly spaced points over [a, b] (endpoints included),
 * the kinks found between them (kinks.ts), and a numeric derivative at each point whose stencil never
 * straddles a kink: central where there is room, one-sided away from a kink within one step, both sides at
 * the kink itself. There the claim passes when it lies between the left and right derivatives (any
 * subgradient convention: ReLU′(0) = 0 or 1 or ½), so kinks are reported, not failed.
 */
import { findKinks, type Kink } from './kinks';
import { baseStep, numericDerivativeInto, type NumericEstimate, type ToleranceAt } from './numeric';
import type { PointContext, Tally } from './tally';

/**
 * f and f′ on a slice of the grid at once, for targets that have a fused evaluation (evaluateWithDerivative):
 * the same bits as f and df point by point, in about half the time.
 */
export type GridEvaluation = (xs: Float64Array, fx: Float64Array, dx: Float64Array) => void;

/** Grid points evaluated between yields, and compared points (each a dozen or more calls of f) between yields. */
const GRID_SLICE = 512;
const COMPARE_SLICE = 8;

/**
 * Checks f′ against f on n points of [a, b] into `tally`; returns the kinks' x, sorted. A generator so that a
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
): Generator<number | undefined, number[], void> {
  const xs = new Float64Array(n);
  const fx = new Float64Array(n);
  const dx = new Float64Array(n);
  // The last point is b exactly, not a + (b − a)·1 rounded.
  for (let i = 0; i < n; i++) xs[i] = i === n - 1 ? b : a + ((b - a) * i) / (n - 1);
  for (let start = 0; start < n; start += GRID_SLICE) {
    const end = Math.min(n, start + GRID_SLICE);
    if (grid) grid(xs.subarray(start, end), fx.subarray(start, end), dx.subarray(start, end));
    else {
      for (let i = start; i < end; i++) {
        fx[i] = f(xs[i]);
        dx[i] = df(xs[i]);
      }
    }
    if (end < n) yield (0.25 * end) / n;
  }
  const kinks = yield* findKinks(f, df, xs, fx, dx, tally.toleranceAt);
  yield 0.3;
  const estimate: NumericEstimate = { value: NaN, error: Infinity };
  let next = 0;
  for (let i = 0; i < n; i++) {
    if (i % COMPARE_SLICE === COMPARE_SLICE - 1) yield 0.3 + (0.7 * i) / n;
    const x = xs[i];
    while (next < kinks.length && kinks[next].x < x && !isAt(kinks[next].x, x)) next++;
    // A grid point on a kink is checked below, as the kink.
    if (next < kinks.length && isAt(kinks[next].x, x)) continue;
    if (!Number.isFinite(fx[i])) {
      tally.skip();
      continue;
    }
    const left = next > 0 ? x - kinks[next - 1].x : Infinity;
    const right = next < kinks.length ? kinks[next].x - x : Infinity;
    estimateBetweenKinks(f, x, left, right, tally.toleranceAt, estimate);
    if (Number.isNaN(estimate.value)) tally.skip();
    else tally.add(x, dx[i], estimate.value, estimate.error, context);
  }
  for (const kink of kinks) checkAtKink(df, kink, tally, context);
  return kinks.map((k) => k.x);
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
