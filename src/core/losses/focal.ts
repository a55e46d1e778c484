/**
 * Binary focal loss (Lin et al., 2017) on a probability p = ŷ ∈ [0, 1], label y ∈ [0, 1],
 * balance α ∈ [0, 1] (α < 0: no class weighting) and focusing exponent γ ≥ 0.
 */
import { ddAdd, ddDiv, ddMul, ddNeg, ddScratch, expDDLite, logDD, powDD, productError, twoProd, twoSum, type DoubleDouble } from '../extendedPrecision';

/**
 * Math.pow with the focusing exponents that need no call: x^1 = x and x^2 = x·x (the latter is what Math.pow
 * computes for an exponent of 2 anyway, so results are bit-identical; the call itself costs more than the loss).
 */
function pow(x: number, g: number): number {
  if (g === 2) return x * x;
  if (g === 1) return x;
  return Math.pow(x, g);
}

/**
 * (1 − p)^γ with 1 − p carried as a double-double q + e, corrected to first order:
 * (q + e)^γ ≈ q^γ (1 + γ e/q). Without it the rounding of 1 − p for small p would be multiplied by γ.
 */
function powOneMinus(p: number, gamma: number): number {
  // TwoSum inline (no tuple per element).
  const q = 1 - p;
  const bb = q - 1;
  const e = 1 - (q - bb) + (-p - bb);
  const base = pow(q, gamma);
  // q = 0 (p = 1) or no rounding: nothing to correct.
  if (q === 0 || e === 0) return base;
  return base + base * gamma * (e / q);
}

/**
 * Whether γ − 1 is exact in doubles (γ = 2, 3.5, 0.5: yes; γ = 0.1: no, γ − 1 rounds by 2.8e−17). Where it
 * is not, x^(γ−1) is taken as x^γ/x: the rounding of the exponent is multiplied by |log x| in the power
 * (690 at x = 1e−300, 8 ulps for γ = 0.1), the extra division costs half an ulp.
 */
function exactlyLess(gamma: number): boolean {
  const s = gamma - 1;
  const bb = s - gamma;
  return gamma - (s - bb) + (-1 - bb) === 0;
}

/** 1/(1 − p) with the rounding of 1 − p corrected to first order. */
function reciprocalOneMinus(p: number): number {
  const q = 1 - p;
  const bb = q - 1;
  const e = 1 - (q - bb) + (-p - bb);
  const r = 1 / q;
  if (q === 0 || e === 0) return r;
  return r - r * (e / q);
}

/** The positive class's weight w₁: α, or 1 when α < 0 switches the weighting off. */
function positiveWeight(alpha: number): number {
  return alpha < 0 ? 1 : alpha;
}

/** The negative class's weight w₀: 1 − α, or 1 when α < 0 switches the weighting off. */
function negativeWeight(alpha: number): number {
  return alpha < 0 ? 1 : 1 - alpha;
}

/**
 * Focal loss ℓ = −w₁·y·(1 − p)^γ·log p − w₀(1 − y)·p^γ·log(1 − p), with the class weights
 * (w₁, w₀) = (α, 1 − α) for α ≥ 0 and (1, 1) for α < 0: a negative α switches the weighting off, as
 * torchvision's alpha=-1 does (optax's alpha=None and Keras without apply_class_balancing compute the same).
 * For a hard label this is −α_t (1 − p_t)^γ log p_t with p_t = p, α_t = α when y = 1 and
 * p_t = 1 − p, α_t = 1 − α when y = 0 (α_t = 1 without weighting); soft labels weight both terms.
 * γ = 0 gives α-weighted BCE (α = ½: half of BCE; α < 0: BCE itself).
 *
 * Gradient ∂ℓ/∂p = w₁·y·[γ(1 − p)^(γ−1)·log p − (1 − p)^γ/p]
 *                + w₀(1 − y)·[p^γ/(1 − p) − γ·p^(γ−1)·log(1 − p)].
 * The first bracket is ≤ 0 and the second ≥ 0, and within each bracket both parts have the same
 * sign, so for hard labels nothing cancels.
 *
 * Stable form: log(1 − p) as log1p(−p); (1 − p)^γ with the rounding of 1 − p corrected; for soft
 * labels the gradient is evaluated in double-double, because its two brackets cancel near the minimum.
 *
 * Special cases: terms with a zero weight (y = 0 or 1, α = 0 or 1) are dropped, so no 0·∞;
 * γ(1 − p)^(γ−1) log p is 0 at p = 1 even for γ < 1 (its limit); p = 0 with y > 0 gives +∞.
 * @example focal(1, 0.5, 0.25, 2) // returns 0.04332169878499658
 * @example focal(1, 0.5, -1, 2) // returns 0.17328679513998632 (no weighting)
 * @example focal(0, 0, 0.25, 2) // returns 0
 */
export function focal(y: number, p: number, alpha: number, gamma: number): number {
  let loss = 0;
  const positive = positiveWeight(alpha) * y;
  // Positive-class term, absent when its weight is 0.
  if (positive !== 0) loss += positive * powOneMinus(p, gamma) * -Math.log(p);
  const negative = negativeWeight(alpha) * (1 - y);
  // Negative-class term, absent when its weight is 0.
  if (negative !== 0) loss += negative * pow(p, gamma) * -Math.log1p(-p);
  if (Number.isNaN(y) || Number.isNaN(p)) return NaN;
  return loss;
}

/**
 * ∂/∂p of the focal loss (see focal for the formula).
 * @example focalGradient(1, 0.5, 0.25, 2) // returns -0.29828679513998635
 */
export function focalGradient(y: number, p: number, alpha: number, gamma: number): number {
  if (Number.isNaN(y) || Number.isNaN(p)) return NaN;
  const unweighted = alpha < 0;
  // Soft label inside (0, 1) with both weights non-zero: the two brackets have opposite signs and cancel near the minimum.
  if (y > 0 && y < 1 && (unweighted || (alpha > 0 && alpha < 1)) && p > 0 && p < 1) {
    // Tiny p: the double-double path's products would overflow in Dekker's split of 1/p.
    if (p < TINY) return softLabelGradientTinyP(y, p, alpha);
    // Fast tier first; NaN means the terms cancel too much (or leave its range): take the exact path.
    const fast = softLabelGradientFast(y, p, alpha, gamma);
    if (fast === fast) return fast;
    return softLabelGradient(y, p, alpha, gamma);
  }
  let gradient = 0;
  const positive = positiveWeight(alpha) * y;
  if (positive !== 0) {
    let bracket = -powOneMinus(p, gamma) / p;
    // The γ-part vanishes for γ = 0 and at p = 1 (where (1 − p)^(γ−1)·log p → 0).
    if (gamma !== 0 && p !== 1) {
      const power = exactlyLess(gamma) ? powOneMinus(p, gamma - 1) : powOneMinus(p, gamma) * reciprocalOneMinus(p);
      bracket += gamma * power * Math.log(p);
    }
    gradient += positive * bracket;
  }
  const negative = negativeWeight(alpha) * (1 - y);
  if (negative !== 0) {
    let bracket = pow(p, gamma) * reciprocalOneMinus(p);
    // The γ-part vanishes for γ = 0 and at p = 0 (where p^(γ−1)·log(1 − p) → 0).
    if (gamma !== 0 && p !== 0) bracket -= gamma * (exactlyLess(gamma) ? pow(p, gamma - 1) : pow(p, gamma) / p) * Math.log1p(-p);
    gradient += negative * bracket;
  }
  return gradient;
}

/**
 * The soft-label gradient for p < 1e−250: there −w₁y·(1 − p)^γ/p is everything to within a relative 1e−247
 * (the other parts are γ·log p, γ·p^γ and p^γ, against 1/p), and (1 − p)^γ rounds to 1. w₁y is kept exact
 * as a double-double, so the only rounding is the quotient's (and +∞ once w₁y/p overflows, as it should).
 */
function softLabelGradientTinyP(y: number, p: number, alpha: number): number {
  const w = positiveWeight(alpha);
  const a = w * y;
  const aLo = productError(w, y, a);
  return -(a / p + aLo / p);
}

/**
 * The focal gradient for soft labels, entirely in double-double: the negative positive-class bracket
 * and the positive negative-class bracket nearly cancel around the minimiser, where a plain double
 * keeps only rounding noise.
 */
function softLabelGradient(y: number, p: number, alpha: number, gamma: number): number {
  // α < 0: no class weighting, w₁ = w₀ = 1.
  const unweighted = alpha < 0;
  const q = twoSum(1, -p);
  const pd: DoubleDouble = [p, 0];
  const logP = logDD(pd);
  const logQ = logDD(q);
  // Positive class: w₁y·[γ q^(γ−1) log p − q^γ/p].
  let positive = ddNeg(ddDiv(powDD(q, gamma), pd));
  if (gamma !== 0) positive = ddAdd(positive, ddMul([gamma, 0], ddMul(ddDiv(powDD(q, gamma), q), logP)));
  positive = ddMul(unweighted ? [y, 0] : twoProd(alpha, y), positive);
  // Negative class: w₀(1 − y)·[p^γ/q − γ p^(γ−1) log q].
  let negative = ddDiv(powDD(pd, gamma), q);
  if (gamma !== 0) negative = ddAdd(negative, ddNeg(ddMul([gamma, 0], ddMul(ddDiv(powDD(pd, gamma), pd), logQ))));
  negative = ddMul(unweighted ? twoSum(1, -y) : ddMul(twoSum(1, -alpha), twoSum(1, -y)), negative);
  return ddAdd(positive, negative)[0];
}

// ---------------------------------------------------------------------------------------------------------
// Fast soft-label gradient: allocation-free double-double with expDDLite (2^-72), NaN meaning "fall back".

/** The fast path accepts a sum at least this fraction of the sum of its two terms' magnitudes. */
const CANCELLATION_LIMIT = 2 ** -8;
/** Below |x − 1| = 2^-6 log x is taken from the log1p series instead of a Newton step on expDDLite. */
const LOG_SERIES_BELOW = 2 ** -6;
/** The fast path's range: terms above this magnitude (so every low part stays normal), exponents below 600. */
const TINY = 1e-250;
const EXP_ARGUMENT_LIMIT = 600;
/** Low part of the last double-double helper result below (read right after the call). */
let lo = 0;

/** (ah + al)(bh + bl), high part returned, low part in lo. */
function mulDD(ah: number, al: number, bh: number, bl: number): number {
  const p = ah * bh;
  const e = productError(ah, bh, p) + ah * bl + al * bh;
  const s = p + e;
  lo = e - (s - p);
  return s;
}

/** (ah + al) + (bh + bl), high part returned, low part in lo. */
function addDD(ah: number, al: number, bh: number, bl: number): number {
  const s = ah + bh;
  const bb = s - ah;
  const e = ah - (s - bb) + (bh - bb) + al + bl;
  const r = s + e;
  lo = e - (r - s);
  return r;
}

/** (ah + al)/(bh + bl) to about 2^-100, high part returned, low part in lo. */
function divDD(ah: number, al: number, bh: number, bl: number): number {
  const q = ah / bh;
  const qb = mulDD(q, 0, bh, bl);
  const rh = addDD(ah, al, -qb, -lo);
  const c = rh / bh;
  const r = q + c;
  lo = c - (r - q);
  return r;
}

/**
 * log x for 0 < x = xh + xl ≤ 1 (high part returned, low part in lo): the log1p series in double-double for
 * |x − 1| < 2^-6, else Math.log plus one Newton step on expDDLite (absolute error about 2^-72, relative
 * 2^-66 since |log x| > 2^-6 there).
 */
function logLite(xh: number, xl: number): number {
  const t = xh - 1; // exact for xh ≥ 1/2 (Sterbenz)
  if (-t < LOG_SERIES_BELOW) {
    const th = t + xl;
    const tl = xl - (th - t);
    // log1p(t) = t − t²/2 + t³(1/3 − t/4 + … − t¹⁰/12); the tail is below 2^-12 of t.
    const sq = mulDD(th, tl, th, tl);
    const sqLo = lo;
    const tail =
      sq *
      th *
      (1 / 3 -
        th * (1 / 4 - th * (1 / 5 - th * (1 / 6 - th * (1 / 7 - th * (1 / 8 - th * (1 / 9 - th * (1 / 10 - th * (1 / 11 - th / 12)))))))));
    const h = addDD(th, tl, -0.5 * sq, -0.5 * sqLo);
    return addDD(h, lo, tail, 0);
  }
  const l = Math.log(xh);
  const eh = expDDLite(-l);
  const el = ddScratch[0];
  // x·e^(−l) − 1, with xh·eh − 1 exact (the product is near 1) plus its rounding error.
  const p = xh * eh;
  const r = p - 1 + productError(xh, eh, p) + xh * el + xl * eh;
  const h = l + r;
  lo = r - (h - l);
  return h;
}

/** x^g for 0 < x = xh + xl ≤ 1 and g ≥ 0 (high part returned, low part in lo); NaN when e^(g log x) leaves the range. */
function powLite(xh: number, xl: number, g: number): number {
  if (g === 0) {
    lo = 0;
    return 1;
  }
  if (g === 1) {
    lo = xl;
    return xh;
  }
  if (g === 2) return mulDD(xh, xl, xh, xl);
  const lh = logLite(xh, xl);
  const ll = lo;
  const ah = mulDD(lh, ll, g, 0);
  const al = lo;
  if (!(ah >= -EXP_ARGUMENT_LIMIT)) return NaN;
  const eh = expDDLite(ah);
  // e^(ah + al) ≈ e^ah (1 + al).
  return mulDD(eh, ddScratch[0], 1, al);
}

/**
 * The soft-label focal gradient as in softLabelGradient but allocation-free:
 * [w₁y·q^γ·(γ p log p − q) + w₀(1 − y)·p^γ·(p − γ q log q)] / (p q), q = 1 − p carried exactly, each
 * bracket a sum of same-signed parts (no cancellation), logs and powers from logLite/powLite (about 2^-66).
 * The two terms cancel near the minimiser, multiplying their error: beyond 2^8 (or out of range) it returns NaN
 * and the caller takes the double-double path.
 */
function softLabelGradientFast(y: number, p: number, alpha: number, gamma: number): number {
  // γ < 0 would make each bracket cancel internally; huge γ or tiny p leave the range checked below.
  if (!(gamma >= 0 && gamma <= 64) || !(p >= 1e-100)) return NaN;
  // q = 1 − p exactly.
  const qh = 1 - p;
  let bb = qh - 1;
  const ql = 1 - (qh - bb) + (-p - bb);
  // α < 0: no class weighting, w₁ = w₀ = 1.
  const unweighted = alpha < 0;
  // Positive term w₁y·q^γ·(γ p log p − q).
  const lp = logLite(p, 0);
  const lpl = lo;
  const gp = mulDD(gamma, 0, p, 0);
  const gpl = lo;
  let b = mulDD(gp, gpl, lp, lpl);
  b = addDD(b, lo, -qh, -ql);
  const b1l = lo;
  let w = mulDD(unweighted ? 1 : alpha, 0, y, 0);
  let wl = lo;
  const pq = powLite(qh, ql, gamma);
  if (pq !== pq) return NaN;
  w = mulDD(w, wl, pq, lo);
  const n1 = mulDD(w, lo, b, b1l);
  const n1l = lo;
  // Negative term w₀(1 − y)·p^γ·(p − γ q log q).
  const lq = logLite(qh, ql);
  const lql = lo;
  const gq = mulDD(gamma, 0, qh, ql);
  b = mulDD(gq, lo, lq, lql);
  b = addDD(p, 0, -b, -lo);
  const b2l = lo;
  const oa = unweighted ? 1 : 1 - alpha;
  bb = oa - 1;
  const oal = unweighted ? 0 : 1 - (oa - bb) + (-alpha - bb);
  const oy = 1 - y;
  bb = oy - 1;
  const oyl = 1 - (oy - bb) + (-y - bb);
  w = mulDD(oa, oal, oy, oyl);
  wl = lo;
  const pp = powLite(p, 0, gamma);
  if (pp !== pp) return NaN;
  w = mulDD(w, wl, pp, lo);
  const n2 = mulDD(w, lo, b, b2l);
  const n2l = lo;
  const a1 = Math.abs(n1);
  const a2 = Math.abs(n2);
  if (!(a1 >= TINY && a2 >= TINY && a1 + a2 < Infinity)) return NaN;
  const s = addDD(n1, n1l, n2, n2l);
  const sl = lo;
  if (!(Math.abs(s) >= CANCELLATION_LIMIT * (a1 + a2))) return NaN;
  const d = mulDD(p, 0, qh, ql);
  return divDD(s, sl, d, lo);
}
