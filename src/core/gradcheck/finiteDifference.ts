/**
 * Numeric derivatives of a scalar function, with an error estimate.
 *
 * Central differences C(h) = (f(x+h) − f(x−h)) / 2h have the error series f‴h²/6 + f⁽⁵⁾h⁴/120 + … (even powers
 * only), so Richardson extrapolation over h, h/2, h/4 removes the h² and h⁴ terms:
 *   R₁ = (4·C(h/2) − C(h)) / 3        error O(h⁴)
 *   R₂ = (16·R₁(h/2) − R₁(h)) / 15    error O(h⁶)
 * and the differences between the table's last entries bound R₂'s truncation error. One-sided differences
 * F(h) = (f(x+h) − f(x)) / h carry every power of h, so they take four levels (h … h/8) to reach O(h⁴); they
 * are what the checker uses at a kink, where the left and right derivatives differ, and next to one, where a
 * central stencil would straddle it.
 *
 * The step is scaled to the point, h = 2⁻⁶·max(|x|, 1): Richardson tolerates a large h (its truncation error
 * falls as h⁶) while the rounding error ε·|f|/h stays near 1e−13. Near overflow (exp close to 709.78) the
 * stencil shrinks until f stays finite on it, and the extrapolation is written so that no intermediate
 * (4·C(h/2), 2·F(h/2)) overflows where f′ itself is finite. Where the estimate is not good enough for the
 * tolerance (a domain edge such as p → 0 in BCE, a step in f″ as in Huber, a stencil leaving the domain), the
 * step shrinks eightfold and the estimate with the smallest error bound wins.
 */

export interface NumericEstimate {
  value: number;
  /** Truncation bound from the Richardson table plus the rounding bound ε·max|f|/h. */
  error: number;
}

export type Stencil = 'central' | 'forward' | 'backward';

/** Tolerance at a numeric value, so the adaptive step knows when an estimate is good enough. */
export type ToleranceAt = (numeric: number) => number;

const EPS = 2.220446049250313e-16;
const BASE_STEP = 1 / 64;
const SHRINK = 8;
const MAX_TRIES = 7;
/** An estimate is good enough when its error bound is this share of the tolerance at that point. */
const GOOD_ENOUGH = 0.05;
/** Successive differences of a smooth f's central (one-sided) table shrink by 4 (2); beyond these ratios, not smooth. */
const SLOW_CENTRAL = 0.35;
const SLOW_ONE_SIDED = 0.65;

/** The starting step at x: 2⁻⁶·max(|x|, 1). */
export function baseStep(x: number): number {
  return BASE_STEP * Math.max(Math.abs(x), 1);
}

/**
 * Central differences at steps h, h/2, h/4, extrapolated to O(h⁶), written into `out` (no allocation: the
 * checker calls this thousands of times per function, and garbage collection was a third of its time).
 */
export function centralRichardson(f: (x: number) => number, x: number, h: number, out: NumericEstimate): void {
  scratchMax = 0;
  const c0 = centralDifference(f, x, h);
  const c1 = centralDifference(f, x, h / 2);
  const c2 = centralDifference(f, x, h / 4);
  if (!(scratchMax < Infinity) || Number.isNaN(c0 + c1 + c2)) return notFinite(out);
  table[0] = c0;
  table[1] = c1;
  table[2] = c2;
  extrapolate(3, 2, SLOW_CENTRAL, out);
  out.error += (4 * EPS * scratchMax) / (h / 4);
}

/** The differences of one estimate, coarsest first (no allocation per point). */
const table = new Float64Array(4);

/**
 * Richardson extrapolation of table[0 … count−1], differences at steps halving from one entry to the next
 * whose error series has the powers p, 2p, 3p, … (p = 2 central, 1 one-sided): each level removes one power,
 * T ← T + (T − T_coarser)/(2^{p·level} − 1). Written this way rather than as (2^{p·level}·T − T_coarser)/…,
 * which would overflow where f′ is within a factor 2^{p·level} of the largest double (exp near 709.78).
 * Into `out`: the value, and as its error the larger of the last two levels' differences (|R₁(h/2) − R₁(h)|
 * as well as the last: when a stencil straddles a jump in f″, Huber's band edge, the last two levels can
 * agree by accident, the first two do not). A smooth f's raw differences shrink by 2^p per halving; slower
 * (more than `slow` of the previous difference) means f is not smooth at this scale and the table
 * underestimates its own error: then the whole table's span bounds it.
 */
function extrapolate(count: number, power: number, slow: number, out: NumericEstimate): void {
  const raw = table[count - 1];
  const notSmooth = Math.abs(table[count - 1] - table[count - 2]) > slow * Math.abs(table[count - 2] - table[count - 3]);
  let previous = NaN;
  for (let level = 1; level < count; level++) {
    const divisor = 2 ** (power * level) - 1;
    previous = table[count - 1];
    for (let j = count - 1; j >= level; j--) table[j] = table[j] + (table[j] - table[j - 1]) / divisor;
  }
  const value = table[count - 1];
  let truncation = Math.max(Math.abs(value - previous), Math.abs(previous - table[count - 2]));
  if (notSmooth) truncation = Math.max(truncation, Math.abs(value - raw));
  out.value = value;
  out.error = truncation;
}

/** The largest |f| seen by the differences since the last reset (Infinity once any f was not finite). */
let scratchMax = 0;

function centralDifference(f: (x: number) => number, x: number, step: number): number {
  const xp = x + step;
  const xm = x - step;
  const fp = f(xp);
  const fm = f(xm);
  trackMagnitude(fp);
  trackMagnitude(fm);
  // xp − xm is the step actually taken, after x ± step rounded.
  return (fp - fm) / (xp - xm);
}

function trackMagnitude(v: number): void {
  const a = Math.abs(v);
  if (!(a < Infinity)) scratchMax = Infinity;
  else if (a > scratchMax) scratchMax = a;
}

function notFinite(out: NumericEstimate): void {
  out.value = NaN;
  out.error = Infinity;
}

/** One-sided differences (forward when side = 1, backward when side = −1) at h … h/8, extrapolated to O(h⁴), into `out`. */
export function oneSidedRichardson(f: (x: number) => number, x: number, h: number, side: 1 | -1, out: NumericEstimate): void {
  const f0 = f(x);
  scratchMax = 0;
  trackMagnitude(f0);
  const t0 = oneSidedDifference(f, x, f0, side * h);
  const t1 = oneSidedDifference(f, x, f0, (side * h) / 2);
  const t2 = oneSidedDifference(f, x, f0, (side * h) / 4);
  const t3 = oneSidedDifference(f, x, f0, (side * h) / 8);
  if (!(scratchMax < Infinity) || Number.isNaN(t0 + t1 + t2 + t3)) return notFinite(out);
  table[0] = t0;
  table[1] = t1;
  table[2] = t2;
  table[3] = t3;
  // One-sided differences carry every power of h: three levels remove h, h² and h³ (slow: (1 − p)^1.5 at p = 1).
  extrapolate(4, 1, SLOW_ONE_SIDED, out);
  out.error += (24 * EPS * scratchMax) / (h / 8);
}

function oneSidedDifference(f: (x: number) => number, x: number, f0: number, step: number): number {
  const xk = x + step;
  const fk = f(xk);
  trackMagnitude(fk);
  return (fk - f0) / (xk - x);
}

/**
 * The derivative at x by `stencil`, starting at step h and shrinking it until the error bound is a small share
 * of the tolerance there; returns the estimate with the smallest error bound (NaN when no stencil stayed finite).
 */
export function numericDerivative(
  f: (x: number) => number,
  x: number,
  h: number,
  stencil: Stencil,
  toleranceAt: ToleranceAt,
): NumericEstimate {
  const best: NumericEstimate = { value: NaN, error: Infinity };
  numericDerivativeInto(f, x, h, stencil, toleranceAt, best);
  return best;
}

const attempt: NumericEstimate = { value: NaN, error: Infinity };

/** numericDerivative, written into `best`. */
export function numericDerivativeInto(
  f: (x: number) => number,
  x: number,
  h: number,
  stencil: Stencil,
  toleranceAt: ToleranceAt,
  best: NumericEstimate,
): void {
  best.value = NaN;
  best.error = Infinity;
  for (let tries = 0; tries < MAX_TRIES; tries++, h /= SHRINK) {
    if (stencil === 'central') centralRichardson(f, x, h, attempt);
    else oneSidedRichardson(f, x, h, stencil === 'forward' ? 1 : -1, attempt);
    if (attempt.error < best.error) {
      best.value = attempt.value;
      best.error = attempt.error;
    }
    if (best.error <= GOOD_ENOUGH * toleranceAt(best.value)) break;
  }
}
