/**
 * Categorical losses: cross-entropy on probabilities (cce), on logits (cce_with_logits, a vector loss
 * coupled through the softmax normaliser) and the KL divergence (kl_div). Per element; the sample's
 * loss is the sum over classes.
 */
import { ddAdd, ddDiv, ddMul, ddNeg, ddScratch, expDD, expDDLite, productError, quotientOf, twoSum, type DoubleDouble } from '../extendedPrecision';

/**
 * Categorical cross-entropy term ℓ_i = −y_i·log ŷ_i on probabilities ŷ_i ∈ [0, 1], 0 when y_i = 0.
 * Gradient ∂ℓ_i/∂ŷ_i = −y_i/ŷ_i (0 when y_i = 0).
 *
 * Special cases: y = 0 drops the term even at ŷ = 0 (no 0·∞); ŷ = 0 with y > 0 gives +∞.
 * @example cce(1, 0.5) // returns 0.6931471805599453
 */
export function cce(y: number, p: number): number {
  // Classes absent from the target contribute nothing.
  if (y === 0) return 0;
  return -(y * Math.log(p));
}

/**
 * ∂/∂ŷ (−y log ŷ) = −y/ŷ.
 * @example cceGradient(1, 0.25) // returns -4
 */
export function cceGradient(y: number, p: number): number {
  if (y === 0) return 0;
  return -y / p;
}

/** Ratios outside this range are not normal doubles, so log y − log ŷ is used instead of log(y/ŷ). */
const RATIO_MIN = 1e-300;
const RATIO_MAX = 1e300;

/** Bounds of klDiv's common path (see there). */
const KL_Y_MIN = 1e-280;
const KL_P_MAX = 1e290;

/** log(y/p) for y, p > 0 without cancellation near y = p and without overflow of y/p. */
function logRatio(y: number, p: number): number {
  const q = y / p;
  // Near 1: y − p is exact (Sterbenz), so log1p((y − p)/p) keeps every digit.
  if (q >= 0.5 && q <= 2) return Math.log1p((y - p) / p);
  if (q > RATIO_MIN && q < RATIO_MAX) return Math.log(q);
  // Far apart: the logs differ by over 690, so their difference has no cancellation.
  return Math.log(y) - Math.log(p);
}

/**
 * Kullback–Leibler divergence term ℓ_i = y_i·log(y_i/ŷ_i), 0 when y_i = 0 (Keras KLDivergence;
 * PyTorch's kl_div takes log ŷ as its input instead). Gradient ∂ℓ_i/∂ŷ_i = −y_i/ŷ_i.
 *
 * Stable form: y·log q + (y − q·ŷ) with q = y/ŷ rounded and the remainder y − q·ŷ exact, so the term is
 * exact as ŷ → y (the remainder carries the cancellation); outside that path's bounds (ratios or
 * arguments near the ends of the doubles), y·log1p((y − ŷ)/ŷ) when y/ŷ ∈ [½, 2], log(y/ŷ) or
 * log y − log ŷ elsewhere. A single term can be negative (down to −1/e); the sum over a
 * distribution cannot.
 *
 * Special cases: y = 0 gives 0; ŷ = 0 with y > 0 gives +∞.
 * @example klDiv(0.5, 0.25) // returns 0.34657359027997264
 * @example klDiv(0, 0.3) // returns 0
 */
export function klDiv(y: number, p: number): number {
  const q = y / p;
  // Common case, without a branch on how close q is to 1: y·log(y/ŷ) = y·log q + y·log1p(r/(qŷ)) with
  // r = y − q·ŷ (exact: Dekker's product, and y − hi by Sterbenz), and y·log1p(r/(qŷ)) = r to within
  // |r|·2^-53 ≤ y·2^-106. log q of the rounded quotient is within an ulp of its own value even as q → 1, so
  // the cancellation near ŷ = y sits entirely in the exact r. The bounds keep q·ŷ's split and partial
  // products clear of overflow and of the subnormals; everything else takes the general path below.
  if (q > RATIO_MIN && q < RATIO_MAX && y > KL_Y_MIN && p < KL_P_MAX) {
    const hi = q * p;
    const lo = productError(q, p, hi);
    return y * Math.log(q) + (y - hi - lo);
  }
  if (Number.isNaN(y) || Number.isNaN(p)) return NaN;
  if (y === 0) return 0;
  // The target puts mass where the prediction has none.
  if (p === 0) return Infinity;
  return y * logRatio(y, p);
}

/**
 * ∂/∂ŷ y·log(y/ŷ) = −y/ŷ.
 * @example klDivGradient(0.5, 0.25) // returns -2
 */
export function klDivGradient(y: number, p: number): number {
  if (y === 0) return 0;
  return -y / p;
}

/** Index of the largest logit and the sum of e^(z_j − max) over the others; NaN max if any z is NaN. */
function maxAndRest(z: Float64Array): { max: number; argmax: number } {
  let argmax = 0;
  for (let j = 0; j < z.length; j++) {
    if (Number.isNaN(z[j])) return { max: NaN, argmax: j };
    if (z[j] > z[argmax]) argmax = j;
  }
  return { max: z[argmax], argmax };
}

/**
 * Softmax cross-entropy per class: ℓ_i = −y_i·log_softmax(z)_i, with
 * log_softmax(z)_i = (z_i − m) − log(1 + Σ_{j≠k} e^(z_j − m)), m = z_k = max z.
 * Gradient of the sum: ∂(Σℓ)/∂z_i = softmax(z)_i·Σ_j y_j − y_i.
 *
 * Stable form: subtracting the max keeps every exponential ≤ 1; the normaliser's log is log1p of the
 * non-maximal terms, exact when they are tiny; both parts of −log_softmax are ≥ 0, so no
 * cancellation. The gradient is written as (T_i·e_i − y_i·R_i)/(e_i + R_i), with T_i = Σ_{j≠i} y_j and
 * R_i = Σ_{j≠i} e^(z_j − m) (sums of non-negative terms, no 1 − s_i cancellation), and evaluated in
 * double-double, so it stays exact near its zero with soft labels.
 *
 * Special cases: y_i = 0 gives ℓ_i = 0; NaN anywhere in z gives NaN everywhere.
 * @example cceWithLogits([0, 1], [0, 0]) // returns [0, 0.6931471805599453]
 */
export function cceWithLogits(y: Float64Array, z: Float64Array): Float64Array {
  const n = z.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const { max, argmax } = maxAndRest(z);
  if (Number.isNaN(max)) return out.fill(NaN);
  let rest = 0;
  for (let j = 0; j < n; j++) {
    if (j === argmax) continue;
    // e^(d + δ) ≈ e^d (1 + δ): the rounding δ of z_j − m would be amplified by |d| otherwise.
    // TwoSum inline (no tuple per element); an infinite z_j − m gives e^d = 0 and no error term.
    const zj = z[j];
    const d = zj - max;
    const dbb = d - zj;
    const ej = Math.exp(d);
    if (ej !== 0) rest += ej + ej * (zj - (d - dbb) + (-max - dbb));
  }
  const logNormaliser = Math.log1p(rest);
  for (let i = 0; i < n; i++) {
    // Classes absent from the target contribute nothing.
    if (y[i] === 0) continue;
    const gap = max - z[i];
    // The gap overflows only for logits near ±1.8e308: halve everything, then double.
    out[i] = Number.isFinite(gap)
      ? y[i] * gap + y[i] * logNormaliser
      : 2 * (y[i] * (max / 2 - z[i] / 2) + (y[i] * logNormaliser) / 2);
  }
  return out;
}

/**
 * ∂(Σ_i ℓ_i)/∂z_i = softmax(z)_i·Σ_j y_j − y_i, exact near its zero (see cceWithLogits).
 * @example cceWithLogitsGradient([0, 1], [0, 0]) // returns [0.5, -0.5]
 */
export function cceWithLogitsGradient(y: Float64Array, z: Float64Array): Float64Array {
  const n = z.length;
  const out = new Float64Array(n);
  if (n === 0) return out;
  const { max } = maxAndRest(z);
  if (Number.isNaN(max)) return out.fill(NaN);
  // Fast path (allocation-free, expDDLite); false sends the row to the exact expDD path below.
  if (fastGradientInto(y, z, max, out)) return out;
  // e_j = e^(z_j − m) with the subtraction's rounding error folded in: e^(d + δ) ≈ e^d (1 + δ).
  const e: DoubleDouble[] = [];
  for (let j = 0; j < n; j++) {
    const [d, dErr] = twoSum(z[j], -max);
    const ej = d === -Infinity || Number.isNaN(d) ? ([0, 0] as DoubleDouble) : expDD(d);
    e.push(dErr === 0 ? ej : ddMul(ej, twoSum(1, dErr)));
  }
  // Prefix and suffix sums give Σ_{j≠i} without subtracting anything.
  const zero: DoubleDouble = [0, 0];
  const ePrefix: DoubleDouble[] = [zero];
  const yPrefix: DoubleDouble[] = [zero];
  for (let j = 0; j < n; j++) {
    ePrefix.push(ddAdd(ePrefix[j], e[j]));
    yPrefix.push(ddAdd(yPrefix[j], [y[j], 0]));
  }
  let eSuffix = zero;
  let ySuffix = zero;
  for (let i = n - 1; i >= 0; i--) {
    const restE = ddAdd(ePrefix[i], eSuffix);
    const restY = ddAdd(yPrefix[i], ySuffix);
    const numerator = ddAdd(ddMul(restY, e[i]), ddNeg(ddMul([y[i], 0], restE)));
    out[i] = ddDiv(numerator, ddAdd(e[i], restE))[0];
    eSuffix = ddAdd(eSuffix, e[i]);
    ySuffix = ddAdd(ySuffix, [y[i], 0]);
  }
  return out;
}

/** The fast gradient accepts a numerator at least this fraction of the sum of its parts' magnitudes. */
const CANCELLATION_LIMIT = 2 ** -16;
/** The fast gradient's range: e^(z_j − m) ≥ e^-500 and nonzero labels of magnitude in [1e-60, 1e150], so no
 * product or error term leaves the normal range and Veltkamp's split cannot overflow. */
const FAST_GAP_LIMIT = -500;
const FAST_LABEL_MIN = 1e-60;
const FAST_LABEL_MAX = 1e150;
/** Scratch for the fast gradient: e_j (hi, lo), then the prefix sums of e and of y (hi, lo), grown on demand. */
let fastScratch = new Float64Array(0);

/**
 * The gradient of cceWithLogits allocation-free, written into out: e_j = e^(z_j − m) from expDDLite (2^-72) with
 * the rounding of z_j − m folded in, prefix/suffix sums and (T_i·e_i − y_i·R_i)/(e_i + R_i) in inline double-double.
 * e's error reaches the result multiplied by the numerator's cancellation, so it returns false (and the caller takes
 * the expDD path for the whole row) when some numerator is below 2^-16 of its parts, or when the row leaves the
 * range above (a gap below −500, a label outside [1e-60, 1e150], non-finite values). For a one-hot row nothing
 * cancels: T_i·e_i alone for i ≠ k, −R_k for the label's class.
 */
function fastGradientInto(y: Float64Array, z: Float64Array, max: number, out: Float64Array): boolean {
  const n = z.length;
  if (!(max > -Infinity && max < Infinity)) return false;
  if (fastScratch.length < 6 * n + 4) fastScratch = new Float64Array(6 * n + 4);
  const s = fastScratch;
  // Layout: e at [2j, 2j + 1]; prefix of e at E0 + 2j; prefix of y at Y0 + 2j (j = 0…n).
  const E0 = 2 * n;
  const Y0 = 4 * n + 2;
  s[E0] = 0;
  s[E0 + 1] = 0;
  s[Y0] = 0;
  s[Y0 + 1] = 0;
  for (let j = 0; j < n; j++) {
    const yj = y[j];
    const ay = Math.abs(yj);
    if (!(ay === 0 || (ay >= FAST_LABEL_MIN && ay <= FAST_LABEL_MAX))) return false;
    const zj = z[j];
    const d = zj - max;
    if (!(d >= FAST_GAP_LIMIT)) return false;
    const dbb = d - zj;
    const dErr = zj - (d - dbb) + (-max - dbb);
    const eh = expDDLite(d);
    // e^(d + δ) ≈ e^d (1 + δ).
    const el = ddScratch[0] + eh * dErr;
    const eHi = eh + el;
    const eLo = el - (eHi - eh);
    s[2 * j] = eHi;
    s[2 * j + 1] = eLo;
    // Prefix sums, double-double additions (TwoSum of the highs, lows added, renormalised).
    let a = s[E0 + 2 * j];
    let sum = a + eHi;
    let bb = sum - a;
    let lo = a - (sum - bb) + (eHi - bb) + s[E0 + 2 * j + 1] + eLo;
    let hi = sum + lo;
    s[E0 + 2 * j + 3] = lo - (hi - sum);
    s[E0 + 2 * j + 2] = hi;
    a = s[Y0 + 2 * j];
    sum = a + yj;
    bb = sum - a;
    lo = a - (sum - bb) + (yj - bb) + s[Y0 + 2 * j + 1];
    hi = sum + lo;
    s[Y0 + 2 * j + 3] = lo - (hi - sum);
    s[Y0 + 2 * j + 2] = hi;
  }
  let seHi = 0;
  let seLo = 0;
  let syHi = 0;
  let syLo = 0;
  for (let i = n - 1; i >= 0; i--) {
    const eHi = s[2 * i];
    const eLo = s[2 * i + 1];
    const yi = y[i];
    // R_i = prefix_i + suffix (e), T_i likewise (y).
    let a = s[E0 + 2 * i];
    let sum = a + seHi;
    let bb = sum - a;
    let lo = a - (sum - bb) + (seHi - bb) + s[E0 + 2 * i + 1] + seLo;
    const rHi = sum + lo;
    const rLo = lo - (rHi - sum);
    a = s[Y0 + 2 * i];
    sum = a + syHi;
    bb = sum - a;
    lo = a - (sum - bb) + (syHi - bb) + s[Y0 + 2 * i + 1] + syLo;
    const tHi = sum + lo;
    const tLo = lo - (tHi - sum);
    // P = T_i·e_i (double-double product).
    const p = tHi * eHi;
    const pLo = productError(tHi, eHi, p) + tHi * eLo + tLo * eHi;
    // Q = y_i·R_i.
    const q = yi * rHi;
    const qLo = productError(yi, rHi, q) + yi * rLo;
    // N = P − Q.
    sum = p - q;
    bb = sum - p;
    lo = p - (sum - bb) + (-q - bb) + pLo - qLo;
    const nHi = sum + lo;
    const nLo = lo - (nHi - sum);
    if (!(Math.abs(nHi) >= CANCELLATION_LIMIT * (Math.abs(p) + Math.abs(q)))) return false;
    // D = e_i + R_i (both ≥ 0).
    sum = eHi + rHi;
    bb = sum - eHi;
    lo = eHi - (sum - bb) + (rHi - bb) + eLo + rLo;
    const dHi = sum + lo;
    const dLo = lo - (dHi - sum);
    out[i] = quotientOf(nHi, nLo, dHi, dLo);
    // Suffix sums.
    sum = seHi + eHi;
    bb = sum - seHi;
    lo = seHi - (sum - bb) + (eHi - bb) + seLo + eLo;
    seHi = sum + lo;
    seLo = lo - (seHi - sum);
    sum = syHi + yi;
    bb = sum - syHi;
    lo = syHi - (sum - bb) + (yi - bb) + syLo;
    syHi = sum + lo;
    syLo = lo - (syHi - sum);
  }
  return true;
}
