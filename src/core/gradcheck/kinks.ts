/**
 * Finding kinks: points where f is continuous but its left and right derivatives differ (ReLU at 0, hinge at
 * the margin, MAE at r = 0). A grid rarely lands on one exactly, so candidates come from what the grid shows
 * between neighbours, and each is then located and verified:
 * - a jump in the analytic derivative: the differences d_i = f′(x_{i+1}) − f′(x_i) of a smooth f′ vary slowly,
 *   so |d_i − (d_{i−1} + d_{i+1})/2| stands out (≈ the jump) at the interval holding the kink; bisection on f′
 *   then pins it to adjacent doubles;
 * - a kink in f that the claimed f′ does not show: the same test one order up, on second differences of f,
 *   located by intersecting the tangent lines from either side, which is exact for piecewise-linear f;
 * - verification: the one-sided derivatives there (Richardson, see finiteDifference.ts) must differ beyond the tolerance
 *   and beyond their error bounds. A C¹ join such as Huber's |r| = δ or smooth L1's |r| = β, where only f″
 *   jumps, becomes a candidate (f′ bends sharply) and fails verification: no false kink.
 */
import { baseStep, numericDerivative, type ToleranceAt } from './finiteDifference';
import { pass } from './work';

export interface Kink {
  readonly x: number;
  /** The left and right derivatives, and the larger of their error bounds. */
  readonly left: number;
  readonly right: number;
  readonly error: number;
}

/** The grid and f, f′ on it (the claimed f′: analytic values), as the sweep evaluated them. */
export interface SampledGrid {
  readonly xs: Float64Array;
  readonly fx: Float64Array;
  readonly dx: Float64Array;
}

/** More candidates than this means f′ is noise, not a few kinks; the rest are checked as ordinary points. */
const MAX_CANDIDATES = 64;

/**
 * Kinks of f inside [xs[0], xs[n−1]], sorted, given f and f′ on the grid; yields (nothing) after each candidate
 * and between slices of the passes over the grid.
 */
export function* findKinks(f: (x: number) => number, df: (x: number) => number, grid: SampledGrid, toleranceAt: ToleranceAt): Generator<undefined, Kink[], void> {
  const { xs, fx, dx } = grid;
  const brackets = yield* derivativeJumps(xs, dx, toleranceAt);
  const located: { x: number; width: number }[] = [];
  for (const [i, j] of brackets) {
    yield;
    const jump = bisectJump(df, xs[i], xs[j], dx[i], dx[j]);
    if (jump.size > toleranceAt(jump.derivative)) located.push(jump);
    else {
      // f′ bends sharply but does not jump: a C¹ join (Huber), or a kink of f that the claimed f′ smooths over.
      const x = intersectTangents(f, xs[Math.max(i - 1, 0)], xs[Math.min(j + 1, xs.length - 1)], toleranceAt);
      if (x !== undefined) located.push(x);
    }
  }
  for (const i of yield* curvatureSpikes(xs, fx, toleranceAt)) {
    if (located.length >= MAX_CANDIDATES) break;
    // A spike next to a jump of f′ is that jump, seen through f.
    if (brackets.some(([lo, hi]) => i >= lo - 2 && i <= hi + 2)) continue;
    yield;
    const x = intersectTangents(f, xs[i - 1], xs[i + 1], toleranceAt);
    if (x !== undefined) located.push(x);
  }
  const kinks: Kink[] = [];
  for (const { x, width } of located.slice(0, MAX_CANDIDATES)) {
    const at = snap(x, width);
    if (kinks.some((k) => Math.abs(k.x - at) <= 1e-9 * Math.max(1, Math.abs(at)))) continue;
    yield;
    const kink = verify(f, at, toleranceAt);
    if (kink) kinks.push(kink);
  }
  return kinks.sort((a, b) => a.x - b.x);
}

/**
 * Grid intervals [i, i+1] where f′ jumps by more than the tolerance. One pass in slices, and no arrays: the
 * differences are recomputed where needed (a neighbour's only at the rare candidate), so a 1e6-point grid
 * allocates nothing here for the garbage collector to stop the host over.
 */
function* derivativeJumps(xs: Float64Array, dx: Float64Array, toleranceAt: ToleranceAt): Generator<undefined, [number, number][], void> {
  const m = xs.length - 1;
  /** The differences of f′ along the grid, d_i = f′(x_{i+1}) − f′(x_i), and how far each is from smooth. */
  const d = (i: number) => dx[i + 1] - dx[i];
  const e = (i: number) => Math.abs(d(i) - expected(d, m, i));
  const out: [number, number][] = [];
  yield* pass(0, m, (lo, hi) => {
    for (let i = lo; i < hi && out.length < MAX_CANDIDATES; i++) {
      const here = e(i);
      if (!(here > toleranceAt(Math.max(Math.abs(dx[i]), Math.abs(dx[i + 1]))))) continue;
      if ((i > 0 && e(i - 1) > here) || (i < m - 1 && e(i + 1) > here)) continue;
      out.push([i, i + 1]);
    }
  });
  return out;
}

/** What d(i) would be if the sequence d(0 … m−1) were smooth there: the mean of its neighbours, or the extrapolation at an end. */
function expected(d: (i: number) => number, m: number, i: number): number {
  if (m < 3) return m === 2 ? d(1 - i) : 0;
  if (i === 0) return 2 * d(1) - d(2);
  if (i === m - 1) return 2 * d(m - 2) - d(m - 3);
  return (d(i - 1) + d(i + 1)) / 2;
}

/** Grid indices where the second difference of f spikes: a kink within one spacing of xs[i] (one pass in slices, no arrays). */
function* curvatureSpikes(xs: Float64Array, fx: Float64Array, toleranceAt: ToleranceAt): Generator<undefined, number[], void> {
  const n = xs.length;
  if (n < 7) return [];
  /** The second difference of f at i (1 ≤ i ≤ n − 2), and how far it is from its neighbours' mean (2 ≤ i ≤ n − 3). */
  const s = (i: number) => fx[i - 1] - 2 * fx[i] + fx[i + 1];
  const g = (i: number) => Math.abs(s(i) - (s(i - 1) + s(i + 1)) / 2);
  const out: number[] = [];
  yield* pass(3, n - 3, (lo, hi) => {
    for (let i = lo; i < hi && out.length < MAX_CANDIDATES; i++) {
      const spacing = xs[i + 1] - xs[i];
      const slope = Math.abs(fx[i + 1] - fx[i - 1]) / (2 * spacing);
      // A kink with jump J gives g ≥ J·spacing/4; rounding of f gives about 4ε|f|.
      const threshold = Math.max((toleranceAt(slope) * spacing) / 8, 64 * 2.2e-16 * Math.abs(fx[i]));
      const here = g(i);
      if (!(here > threshold) || g(i - 1) > here || g(i + 1) > here) continue;
      out.push(i);
    }
  });
  return out;
}

/**
 * Bisection on f′ between a and b, keeping the half whose ends differ most; `size` is the jump left between
 * the final ends (about 0 when f′ is continuous), `derivative` the larger of the two one-sided values.
 */
function bisectJump(
  df: (x: number) => number,
  a: number,
  b: number,
  da: number,
  db: number,
): { x: number; width: number; size: number; derivative: number } {
  // Down to ~1e−14 relative: finer is lost when snapping, and ReLU's bracket at 0 would else run into subnormals.
  while (b - a > 1e-14 * Math.max(1, Math.abs(a), Math.abs(b))) {
    const m = a + (b - a) / 2;
    if (m <= a || m >= b) break;
    const dm = df(m);
    if (Math.abs(dm - da) <= Math.abs(db - dm)) {
      a = m;
      da = dm;
    } else {
      b = m;
      db = dm;
    }
  }
  return { x: a + (b - a) / 2, width: b - a, size: Math.abs(db - da), derivative: Math.max(Math.abs(da), Math.abs(db)) };
}

/**
 * Where the tangents from lo (left side) and hi (right side) meet, repeated on a bracket eight times smaller
 * around the last estimate; undefined when the slopes agree (no kink in [lo, hi]).
 */
function intersectTangents(
  f: (x: number) => number,
  lo: number,
  hi: number,
  toleranceAt: ToleranceAt,
): { x: number; width: number } | undefined {
  let estimate: { x: number; width: number } | undefined;
  for (let iteration = 0; iteration < 8; iteration++) {
    const left = numericDerivative(f, lo, baseStep(lo), 'backward', toleranceAt).value;
    const right = numericDerivative(f, hi, baseStep(hi), 'forward', toleranceAt).value;
    if (!(Math.abs(left - right) > toleranceAt(Math.max(Math.abs(left), Math.abs(right))))) break;
    const x = (f(hi) - f(lo) + left * lo - right * hi) / (left - right);
    if (!(x >= lo && x <= hi)) break;
    const width = (hi - lo) / 16;
    estimate = { x, width };
    lo = Math.max(lo, x - width);
    hi = Math.min(hi, x + width);
  }
  return estimate;
}

/** The shortest decimal within `width` of x (so ReLU's kink reads 0, not 3e−22). */
function snap(x: number, width: number): number {
  const slack = Math.max(width, 4 * 2.2e-16 * Math.abs(x));
  for (let digits = 0; digits <= 15; digits++) {
    const scale = 10 ** digits;
    const rounded = Math.round(x * scale) / scale;
    if (Math.abs(rounded - x) <= slack) return rounded === 0 ? 0 : rounded;
  }
  return x;
}

/** A kink at x when the one-sided derivatives differ beyond the tolerance and their own error bounds. */
function verify(f: (x: number) => number, x: number, toleranceAt: ToleranceAt): Kink | undefined {
  if (!Number.isFinite(f(x))) return undefined;
  const h = baseStep(x);
  const left = numericDerivative(f, x, h, 'backward', toleranceAt);
  const right = numericDerivative(f, x, h, 'forward', toleranceAt);
  const jump = Math.abs(left.value - right.value);
  const tolerance = toleranceAt(Math.max(Math.abs(left.value), Math.abs(right.value)));
  if (!(jump > tolerance && jump > 4 * (left.error + right.error))) return undefined;
  return { x, left: left.value, right: right.value, error: Math.max(left.error, right.error) };
}
