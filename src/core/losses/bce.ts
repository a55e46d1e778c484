/**
 * Binary cross-entropy on probabilities (bce) and on logits (bce_with_logits), labels y ∈ [0, 1]
 * (soft labels allowed). No clamping anywhere: the exact value is returned, up to +∞.
 */
import { ddAdd, ddDiv, ddMul, ddNeg, ddScratch, expDD, expDDLite, EXP_LITE_LIMIT, log1pExp, logistic, productError, quotientOf, twoSum } from '../extendedPrecision';

/** Shared domain check: labels and probabilities must lie in [0, 1]. */
export function checkUnitInterval(what: string): (v: number) => string | undefined {
  return (v) => (v >= 0 && v <= 1 ? undefined : `expected ${what} in [0, 1], got ${v}`);
}

/**
 * Binary cross-entropy ℓ(y, p) = −(y·log p + (1 − y)·log(1 − p)), p = ŷ ∈ [0, 1].
 * Gradient ∂ℓ/∂p = (p − y)/(p(1 − p)), i.e. −1/p for y = 1 and 1/(1 − p) for y = 0.
 *
 * Stable form: log(1 − p) as log1p(−p), exact for tiny p; each term is ≥ 0 so the sum does not
 * cancel; the gradient as one quotient (p − y)/(p(1 − p)), whose numerator is exact near p = y,
 * instead of −y/p + (1 − y)/(1 − p), which cancels there.
 *
 * Special cases: a term whose weight is 0 is dropped, so y = 0, p = 0 gives 0 (not 0·−∞ = NaN);
 * y = 1, p = 0 gives +∞; unbounded above (not limited to 1): bce(1, 1e-300) = 690.77…
 * PyTorch's BCELoss clamps each log at −100 (at most 100 per term); this is the math without it.
 * @example bce(1, 0.5) // returns 0.6931471805599453
 * @example bce(1, 1e-300) // returns 690.7755278982137
 * @example bce(0, 0) // returns 0
 */
export function bce(y: number, p: number): number {
  // Hard labels: only one term exists (0 − log, so a zero loss is +0 rather than −0).
  if (y === 1) return 0 - Math.log(p);
  if (y === 0) return 0 - Math.log1p(-p);
  return -(y * Math.log(p)) - (1 - y) * Math.log1p(-p);
}

/**
 * ∂/∂p bce = (p − y)/(p(1 − p)).
 * @example bceGradient(1, 0.25) // returns -4
 * @example bceGradient(0, 0.75) // returns 4
 */
export function bceGradient(y: number, p: number): number {
  if (y === 1) return -1 / p;
  if (y === 0) return 1 / (1 - p);
  return (p - y) / (p * (1 - p));
}

/**
 * Binary cross-entropy on a logit z = ŷ: ℓ = max(z, 0) − z·y + log1p(e^(−|z|)), equal to
 * bce(y, σ(z)) but without forming σ(z), which rounds to 0 or 1 and loses the loss.
 * Gradient ∂ℓ/∂z = σ(z) − y.
 *
 * Stable form: for z ≥ 0 the value is z(1 − y) + log1p(e^(−z)), for z < 0 it is −z·y + log1p(e^z):
 * sums of non-negative parts with no overflow. The gradient for y = 1 is −σ(−z) (not σ(z) − 1, which
 * is 0 for z > 37); for soft labels σ(z) − y = ((1 − y) − y·e^(−z))/(1 + e^(−z)) is formed in
 * double-double, so it stays exact where σ(z) ≈ y.
 *
 * Special cases: exact at |z| = 1e4 (value 1e4 or 0, gradient ±1 or 0); NaN gives NaN.
 * @example bceWithLogits(1, 0) // returns 0.6931471805599453
 * @example bceWithLogits(0, 10000) // returns 10000
 */
export function bceWithLogits(y: number, z: number): number {
  if (y === 0) return log1pExp(z);
  if (y === 1) return log1pExp(-z);
  if (z >= 0) return z * (1 - y) + Math.log1p(Math.exp(-z));
  return -z * y + Math.log1p(Math.exp(z));
}

/**
 * ∂/∂z bce_with_logits = σ(z) − y.
 * @example bceWithLogitsGradient(1, 0) // returns -0.5
 * @example bceWithLogitsGradient(0, -10000) // returns 0 (true value e^-10000 underflows)
 */
export function bceWithLogitsGradient(y: number, z: number): number {
  if (y === 0) return logistic(z);
  // σ(z) − 1 = −σ(−z), exact in the tail.
  if (y === 1) return -logistic(-z);
  if (Number.isNaN(z) || Number.isNaN(y)) return NaN;
  // Fast path: the same quotient with e^(−|z|) to 2^-72 (expDDLite), enough wherever the numerator cancels
  // by less than 2^16; it returns NaN to send the rare points nearer the zero to the full double-double.
  if (z >= -EXP_LITE_LIMIT && z <= EXP_LITE_LIMIT) {
    const fast = softLabelGradient(y, z);
    if (fast === fast) return fast;
  }
  const oneMinusY = twoSum(1, -y);
  if (z >= 0) {
    // σ(z) − y = ((1 − y) − y·E)/(1 + E), E = e^−z ≤ 1.
    const e = expDD(-z);
    const numerator = ddAdd(oneMinusY, ddNeg(ddMul(e, [y, 0])));
    return ddDiv(numerator, ddAdd([1, 0], e))[0];
  }
  // σ(z) − y = (F(1 − y) − y)/(1 + F), F = e^z < 1.
  const f = expDD(z);
  const numerator = ddAdd(ddMul(f, oneMinusY), [-y, 0]);
  return ddDiv(numerator, ddAdd([1, 0], f))[0];
}

/** The fast path accepts a numerator at least this fraction of the sum of its parts' magnitudes. */
const CANCELLATION_LIMIT = 2 ** -16;

/**
 * σ(z) − y for a soft label, |z| ≤ EXP_LITE_LIMIT, as in bceWithLogitsGradient but allocation-free: with
 * E = e^(−|z|) to 2^-72 from expDDLite, the numerator ((1 − y) − y·E for z ≥ 0, E(1 − y) − y for z < 0) and
 * the denominator 1 + E are formed as double-doubles by inline TwoSum/Dekker products, then divided with one
 * correction. E's error reaches the result multiplied by the numerator's cancellation, so when the numerator
 * is below 2^-16 of its parts (error over 2^-56 relative) this returns NaN and the caller takes expDD.
 */
function softLabelGradient(y: number, z: number): number {
  const eHi = expDDLite(-Math.abs(z));
  const eLo = ddScratch[0];
  // 1 − y = a + aErr exactly.
  const a = 1 - y;
  const abb = a - 1;
  const aErr = 1 - (a - abb) + (-y - abb);
  let nHi: number;
  let nLo: number;
  let scale: number;
  if (z >= 0) {
    // N = (1 − y) − y·E.
    const p = y * eHi;
    const pErr = productError(y, eHi, p) + y * eLo;
    const s = a - p;
    const sbb = s - a;
    const sErr = a - (s - sbb) + (-p - sbb);
    nHi = s;
    nLo = sErr + aErr - pErr;
    scale = Math.abs(a) + p;
  } else {
    // N = E·(1 − y) − y.
    const p = eHi * a;
    const pErr = productError(eHi, a, p) + eHi * aErr + eLo * a;
    const s = p - y;
    const sbb = s - p;
    const sErr = p - (s - sbb) + (-y - sbb);
    nHi = s;
    nLo = sErr + pErr;
    scale = p + y;
  }
  const n = nHi + nLo;
  nLo = nLo - (n - nHi);
  if (!(Math.abs(n) >= CANCELLATION_LIMIT * scale)) return NaN;
  // D = 1 + E (E ≤ 1, so FastTwoSum applies).
  const d = 1 + eHi;
  const dLo = eHi - (d - 1) + eLo;
  return quotientOf(n, nLo, d, dLo);
}
