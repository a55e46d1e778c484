/**
 * softmax and log_softmax over a vector, with their Jacobians.
 *
 * softmax_i(x) = e^(x_i) / Σ_j e^(x_j);  log_softmax_i(x) = x_i − log Σ_j e^(x_j).
 * Jacobians: ∂s_i/∂x_j = s_i(δ_ij − s_j);  ∂log s_i/∂x_j = δ_ij − s_j.
 *
 * Stable form: with m = max x and d_i = x_i − m, every e^(d_i) ≤ 1, so nothing overflows
 * (softmax([1000, 1001, 1002]) is finite). Three further steps keep the result within a few ulps:
 * - d_i is carried as a double-double (x_i − m rounds when the exponents differ, and e^d turns an
 *   absolute error in d into a relative one);
 * - the sum Σ e^(d_j) = 1 + T, where T sums every term but the maximum's with Neumaier's compensated
 *   summation, and log Σ = log1p(T): log(1 + T) would lose T when it is small (x = [0, −30]);
 * - 1 − s_k for the largest element k is T/(1 + T), not a subtraction that cancels to 0.
 *
 * Special cases: an empty vector gives an empty result; any NaN makes every output NaN; a single +∞
 * entry gives its limit (softmax one-hot, log_softmax 0 there and −∞ elsewhere); two or more +∞
 * entries, or all entries −∞, have no limit and give NaN; −∞ entries otherwise have softmax 0.
 */
import { twoSum } from '../numeric';

/** The max-shifted exponentials every output is built from. */
interface Shifted {
  readonly n: number;
  /** e^(x_i − m), with the low part of x_i − m applied. */
  readonly e: Float64Array;
  /** x_i − m as hi + lo. */
  readonly dHi: Float64Array;
  readonly dLo: Float64Array;
  /** Index of the (first) maximum. */
  readonly k: number;
  /** Σ_{j≠k} e^(x_j − m): the normaliser is 1 + t. */
  readonly t: number;
  /** True when the input has no defined result (NaN, several +∞, all −∞). */
  readonly undefinedResult: boolean;
}

function shift(x: Float64Array): Shifted {
  const n = x.length;
  const e = new Float64Array(n);
  const dHi = new Float64Array(n);
  const dLo = new Float64Array(n);
  let k = 0;
  let plusInfinities = 0;
  let hasNaN = false;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(x[i])) hasNaN = true;
    if (x[i] === Infinity) plusInfinities++;
    if (x[i] > x[k]) k = i;
  }
  const m = x[k];
  const undefinedResult = hasNaN || plusInfinities > 1 || m === -Infinity;
  let t = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    if (x[i] === -Infinity || (m === Infinity && i !== k)) {
      // An entry infinitely far below the maximum contributes nothing.
      dHi[i] = -Infinity;
      continue;
    }
    if (i === k) {
      // The maximum itself: d = 0 exactly, e = 1 (also for a single +∞ entry).
      e[i] = 1;
      continue;
    }
    const [hi, lo] = twoSum(x[i], -m);
    dHi[i] = hi;
    // x_i − m can overflow to −∞ (x = [1.7e308, −1.7e308]); its low part is then meaningless.
    dLo[i] = Number.isFinite(hi) ? lo : 0;
    const ei = Math.exp(hi);
    e[i] = ei + ei * dLo[i];
    // Neumaier's compensated summation of the non-maximal terms.
    const s = t + e[i];
    compensation += Math.abs(t) >= e[i] ? t - s + e[i] : e[i] - s + t;
    t = s;
  }
  return { n, e, dHi, dLo, k, t: t + compensation, undefinedResult };
}

/**
 * softmax(x)_i = e^(x_i − m)/(1 + T), T = Σ_{j≠k} e^(x_j − m) (see the module comment).
 *
 * @example softmax(Float64Array.of(1000, 1001, 1002)) // returns [0.09003057317038046, 0.24472847105479767, 0.6652409557748219]
 */
export function softmax(x: Float64Array): Float64Array {
  const sh = shift(x);
  const out = new Float64Array(sh.n);
  if (sh.undefinedResult) return out.fill(NaN);
  const total = 1 + sh.t;
  for (let i = 0; i < sh.n; i++) out[i] = sh.e[i] / total;
  return out;
}

/**
 * log_softmax(x)_i = (x_i − m) − log1p(T), the first term a double-double (see the module comment).
 * Both terms are ≤ 0, so their sum does not cancel.
 *
 * @example logSoftmax(Float64Array.of(-1e4, 0, 1e4)) // returns [-20000, -10000, 0]
 */
export function logSoftmax(x: Float64Array): Float64Array {
  const sh = shift(x);
  const out = new Float64Array(sh.n);
  if (sh.undefinedResult) return out.fill(NaN);
  const logTotal = Math.log1p(sh.t);
  for (let i = 0; i < sh.n; i++) out[i] = sh.dHi[i] - logTotal + sh.dLo[i];
  return out;
}

/** 1 − s_i for each i: T/(1 + T) at the maximum (no cancellation), 1 − s_i elsewhere (s_i ≤ 1/2). */
function complements(sh: Shifted, s: Float64Array): Float64Array {
  const out = new Float64Array(sh.n);
  for (let i = 0; i < sh.n; i++) out[i] = i === sh.k ? sh.t / (1 + sh.t) : 1 - s[i];
  return out;
}

/**
 * Jacobian of softmax, row-major n×n: J[i·n + j] = ∂s_i/∂x_j = s_i(δ_ij − s_j).
 * The diagonal s_i(1 − s_i) uses the exact complement, so it does not collapse to 0 when s_i ≈ 1.
 *
 * @example softmaxJacobian(Float64Array.of(0, 0)) // returns [0.25, -0.25, -0.25, 0.25]
 */
export function softmaxJacobian(x: Float64Array): Float64Array {
  const n = x.length;
  const s = softmax(x);
  const out = new Float64Array(n * n);
  if (n > 0 && Number.isNaN(s[0])) return out.fill(NaN);
  const c = complements(shift(x), s);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = i === j ? s[i] * c[i] : -s[i] * s[j];
  }
  return out;
}

/**
 * Jacobian of log_softmax, row-major n×n: J[i·n + j] = ∂log s_i/∂x_j = δ_ij − s_j.
 *
 * @example logSoftmaxJacobian(Float64Array.of(0, 0)) // returns [0.5, -0.5, -0.5, 0.5]
 */
export function logSoftmaxJacobian(x: Float64Array): Float64Array {
  const n = x.length;
  const s = softmax(x);
  const out = new Float64Array(n * n);
  if (n > 0 && Number.isNaN(s[0])) return out.fill(NaN);
  const c = complements(shift(x), s);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) out[i * n + j] = i === j ? c[i] : -s[j];
  }
  return out;
}
