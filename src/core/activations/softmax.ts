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
import { productError } from '../extendedPrecision';

/** Veltkamp's splitting constant 2^27 + 1 (see extendedPrecision.ts). */
const SPLITTER = 134217729;

/*
 * The max-shifted exponentials every output is built from, written by shift() into module-level scratch
 * arrays that grow to the longest vector seen: one pass over x per call and no allocation besides the
 * result (the functions here never call back into user code, so the scratch cannot be reentered).
 */
/** e^(x_i − m), with the low part of x_i − m applied. */
let scratchE = new Float64Array(16);
/** x_i − m as hi + lo. */
let scratchHi = new Float64Array(16);
let scratchLo = new Float64Array(16);
/** 1 − s_i per element (Jacobians only). */
let scratchC = new Float64Array(16);
/** e_i split into 26 + 27 bits (Jacobian only): e_i·e_j exactly without splitting per entry. */
let scratchSplitHi = new Float64Array(16);
let scratchSplitLo = new Float64Array(16);
/** Index of the (first) maximum, from the last shift(). */
let shiftK = 0;
/** Σ_{j≠k} e^(x_j − m) from the last shift(): the normaliser is 1 + shiftT. */
let shiftT = 0;

/**
 * Fills the scratch arrays for the n elements x[from], …, x[from + n − 1] and sets shiftK (relative to
 * from) and shiftT. Returns false when the input has no defined result (NaN, several +∞, all −∞).
 */
function shift(x: Float64Array, from: number, n: number): boolean {
  if (scratchE.length < n) {
    const size = Math.max(n, 2 * scratchE.length);
    scratchE = new Float64Array(size);
    scratchHi = new Float64Array(size);
    scratchLo = new Float64Array(size);
    scratchC = new Float64Array(size);
    scratchSplitHi = new Float64Array(size);
    scratchSplitLo = new Float64Array(size);
  }
  const e = scratchE;
  const dHi = scratchHi;
  const dLo = scratchLo;
  let k = 0;
  let plusInfinities = 0;
  let hasNaN = false;
  let m = x[from];
  for (let i = 0; i < n; i++) {
    const xi = x[from + i];
    if (xi !== xi) hasNaN = true; // NaN
    if (xi === Infinity) plusInfinities++;
    if (xi > m) {
      k = i;
      m = xi;
    }
  }
  let t = 0;
  let compensation = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[from + i];
    if (xi === -Infinity || (m === Infinity && i !== k)) {
      // An entry infinitely far below the maximum contributes nothing.
      e[i] = 0;
      dHi[i] = -Infinity;
      dLo[i] = 0;
      continue;
    }
    if (i === k) {
      // The maximum itself: d = 0 exactly, e = 1 (also for a single +∞ entry).
      e[i] = 1;
      dHi[i] = 0;
      dLo[i] = 0;
      continue;
    }
    // x_i − m as hi + lo (Knuth's TwoSum). It can overflow to −∞ (x = [1.7e308, −1.7e308]); its low
    // part is then meaningless and taken as 0 (as it is for NaN).
    const hi = xi - m;
    const bb = hi - xi;
    const lo = hi - hi === 0 ? xi - (hi - bb) + (-m - bb) : 0;
    dHi[i] = hi;
    dLo[i] = lo;
    const ex = Math.exp(hi);
    const ei = ex + ex * lo;
    e[i] = ei;
    // Neumaier's compensated summation of the non-maximal terms.
    const s = t + ei;
    compensation += Math.abs(t) >= ei ? t - s + ei : ei - s + t;
    t = s;
  }
  shiftK = k;
  shiftT = t + compensation;
  return !(hasNaN || plusInfinities > 1 || m === -Infinity);
}

/** softmax of x[from … from + n − 1] into out[from …] (see softmax). */
function softmaxAt(x: Float64Array, from: number, n: number, out: Float64Array): void {
  if (!shift(x, from, n)) {
    out.fill(NaN, from, from + n);
    return;
  }
  const total = 1 + shiftT;
  const e = scratchE;
  for (let i = 0; i < n; i++) out[from + i] = e[i] / total;
}

/** log_softmax of x[from … from + n − 1] into out[from …] (see logSoftmax). */
function logSoftmaxAt(x: Float64Array, from: number, n: number, out: Float64Array): void {
  if (!shift(x, from, n)) {
    out.fill(NaN, from, from + n);
    return;
  }
  const logTotal = Math.log1p(shiftT);
  const dHi = scratchHi;
  const dLo = scratchLo;
  for (let i = 0; i < n; i++) out[from + i] = dHi[i] - logTotal + dLo[i];
}

/**
 * After shift(): s_i into scratchE (in place) and 1 − s_i into scratchC, the latter T/(1 + T) at the
 * maximum (no cancellation) and 1 − s_i elsewhere (s_i ≤ 1/2).
 */
function probabilitiesAndComplements(n: number): void {
  const s = scratchE;
  const c = scratchC;
  const t = shiftT;
  const total = 1 + t;
  for (let i = 0; i < n; i++) {
    s[i] = s[i] / total;
    c[i] = 1 - s[i];
  }
  c[shiftK] = t / total;
}

/**
 * The softmax Jacobian of x[from … from + n − 1] into the n×n block of out starting at `at`:
 * J_ij = s_i(δ_ij − s_j), with every s_i = e_i/Σ a double-double (e_i = e^(x_i − m) carrying the low part of
 * x_i − m, Σ = 1 + T summed with TwoSum) and each entry one rounding of an exact product (Dekker, with each
 * s_i split once per row). −s_i·s_j from two rounded probabilities was up to 5 ulps off; here what is left is
 * Math.exp's rounding of e_i and e_j and the final one: at most 2 ulps against mpmath. The diagonal's
 * 1 − s_i is exact as well: T/Σ at the maximum, where it would cancel, 1 − s_i by TwoSum elsewhere.
 */
function softmaxJacobianAt(x: Float64Array, from: number, n: number, out: Float64Array, at: number): void {
  if (!shift(x, from, n)) {
    out.fill(NaN, at, at + n * n);
    return;
  }
  const sHi = scratchE;
  const sLo = scratchC;
  const dHi = scratchHi;
  const dLo = scratchLo;
  const splitHi = scratchSplitHi;
  const splitLo = scratchSplitLo;
  const k = shiftK;
  // e_i as E_i + E_i·lo_i (into sHi, sLo for now), and T = Σ_{j≠k} e_j as a double-double.
  let tHi = 0;
  let tLo = 0;
  for (let i = 0; i < n; i++) {
    if (i === k) {
      sHi[i] = 1;
      sLo[i] = 0;
      continue;
    }
    const ex = Math.exp(dHi[i]);
    const lo = ex * dLo[i];
    sHi[i] = ex;
    sLo[i] = lo === lo ? lo : 0;
    const sum = tHi + ex;
    const bb = sum - tHi;
    tLo += tHi - (sum - bb) + (ex - bb) + sLo[i];
    tHi = sum;
  }
  // Σ = 1 + T as a double-double (T ≥ 0).
  const zHi = 1 + tHi;
  const zb = zHi - 1;
  const zLo = 1 - (zHi - zb) + (tHi - zb) + tLo;
  // s_i = e_i/Σ: a quotient and its correction from the exact remainder; then s_i's high part split.
  for (let i = 0; i < n; i++) {
    const e = sHi[i];
    const q = e / zHi;
    const qz = q * zHi;
    const remainder = e - qz - productError(q, zHi, qz) + sLo[i] - q * zLo;
    const r = remainder / zHi;
    // Renormalise (|r| ≤ ulp(q)).
    const hi = q + r;
    sHi[i] = hi;
    sLo[i] = r - (hi - q);
    const t = SPLITTER * hi;
    splitHi[i] = t - (t - hi);
    splitLo[i] = hi - splitHi[i];
  }
  for (let i = 0, row = at; i < n; i++, row += n) {
    const a = sHi[i];
    const aLo = sLo[i];
    const aH = splitHi[i];
    const aL = splitLo[i];
    for (let j = 0; j < n; j++) {
      const b = sHi[j];
      const p = a * b;
      const error = aH * splitHi[j] - p + aH * splitLo[j] + aL * splitHi[j] + aL * splitLo[j];
      out[row + j] = -(p + (error + a * sLo[j] + aLo * b));
    }
    // 1 − s_i exactly: T/Σ at the maximum (a double-double quotient), else 1 − s_i by TwoSum.
    let cHi: number;
    let cLo: number;
    if (i === k) {
      cHi = tHi / zHi;
      const cz = cHi * zHi;
      cLo = (tHi - cz - productError(cHi, zHi, cz) + tLo - cHi * zLo) / zHi;
    } else {
      cHi = 1 - a;
      const cb = cHi - 1;
      cLo = 1 - (cHi - cb) + (-a - cb) - aLo;
    }
    const p = a * cHi;
    out[row + i] = p + ((p === 0 ? 0 : productError(a, cHi, p)) + a * cLo + aLo * cHi);
  }
}

/** The log_softmax Jacobian of x[from … from + n − 1] into the n×n block of out starting at `at`. */
function logSoftmaxJacobianAt(x: Float64Array, from: number, n: number, out: Float64Array, at: number): void {
  if (!shift(x, from, n)) {
    out.fill(NaN, at, at + n * n);
    return;
  }
  probabilitiesAndComplements(n);
  const s = scratchE;
  const c = scratchC;
  for (let i = 0, row = at; i < n; i++, row += n) {
    for (let j = 0; j < n; j++) out[row + j] = -s[j];
    out[row + i] = c[i];
  }
}

/**
 * softmax(x)_i = e^(x_i − m)/(1 + T), T = Σ_{j≠k} e^(x_j − m) (see the module comment).
 *
 * @example softmax(Float64Array.of(1000, 1001, 1002)) // returns [0.09003057317038046, 0.24472847105479767, 0.6652409557748219]
 */
export function softmax(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  softmaxAt(x, 0, x.length, out);
  return out;
}

/**
 * log_softmax(x)_i = (x_i − m) − log1p(T), the first term a double-double (see the module comment).
 * Both terms are ≤ 0, so their sum does not cancel.
 *
 * @example logSoftmax(Float64Array.of(-1e4, 0, 1e4)) // returns [-20000, -10000, 0]
 */
export function logSoftmax(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length);
  logSoftmaxAt(x, 0, x.length, out);
  return out;
}

/**
 * Jacobian of softmax, row-major n×n: J[i·n + j] = ∂s_i/∂x_j = s_i(δ_ij − s_j).
 * The diagonal s_i(1 − s_i) uses the exact complement, so it does not collapse to 0 when s_i ≈ 1.
 *
 * @example softmaxJacobian(Float64Array.of(0, 0)) // returns [0.25, -0.25, -0.25, 0.25]
 */
export function softmaxJacobian(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length * x.length);
  softmaxJacobianAt(x, 0, x.length, out, 0);
  return out;
}

/**
 * Jacobian of log_softmax, row-major n×n: J[i·n + j] = ∂log s_i/∂x_j = δ_ij − s_j.
 *
 * @example logSoftmaxJacobian(Float64Array.of(0, 0)) // returns [0.5, -0.5, -0.5, 0.5]
 */
export function logSoftmaxJacobian(x: Float64Array): Float64Array {
  const out = new Float64Array(x.length * x.length);
  logSoftmaxJacobianAt(x, 0, x.length, out, 0);
  return out;
}

/*
 * Row batches: x holds consecutive rows of n elements (a [rows, n] array, row-major) and each row gets its
 * own softmax; out has x's length, or rows·n² for the Jacobians (row r's block at r·n²). x.length must be a
 * multiple of n (the api checks it). Every row gives exactly what the single-vector function gives for it.
 */

/** softmax of every row of n elements of x, into out. */
export function softmaxRowsInto(x: Float64Array, n: number, out: Float64Array): void {
  if (!(n > 0)) return; // nothing to do, and no endless loop
  for (let from = 0; from < x.length; from += n) softmaxAt(x, from, n, out);
}

/** log_softmax of every row of n elements of x, into out. */
export function logSoftmaxRowsInto(x: Float64Array, n: number, out: Float64Array): void {
  if (!(n > 0)) return; // nothing to do, and no endless loop
  for (let from = 0; from < x.length; from += n) logSoftmaxAt(x, from, n, out);
}

/** The softmax Jacobian of every row of n elements of x, into out (rows·n² entries). */
export function softmaxJacobianRowsInto(x: Float64Array, n: number, out: Float64Array): void {
  if (!(n > 0)) return; // nothing to do, and no endless loop
  for (let from = 0, at = 0; from < x.length; from += n, at += n * n) softmaxJacobianAt(x, from, n, out, at);
}

/** The log_softmax Jacobian of every row of n elements of x, into out (rows·n² entries). */
export function logSoftmaxJacobianRowsInto(x: Float64Array, n: number, out: Float64Array): void {
  if (!(n > 0)) return; // nothing to do, and no endless loop
  for (let from = 0, at = 0; from < x.length; from += n, at += n * n) logSoftmaxJacobianAt(x, from, n, out, at);
}
