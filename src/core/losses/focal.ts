/**
 * Binary focal loss (Lin et al., 2017) on a probability p = ŷ ∈ [0, 1], label y ∈ [0, 1],
 * balance α ∈ [0, 1] and focusing exponent γ ≥ 0.
 */
import { ddAdd, ddDiv, ddMul, ddNeg, logDD, powDD, twoProd, twoSum, type DoubleDouble } from '../numeric';

/**
 * (1 − p)^γ with 1 − p carried as a double-double q + e, corrected to first order:
 * (q + e)^γ ≈ q^γ (1 + γ e/q). Without it the rounding of 1 − p for small p would be multiplied by γ.
 */
function powOneMinus(p: number, gamma: number): number {
  const [q, e] = twoSum(1, -p);
  const base = Math.pow(q, gamma);
  // q = 0 (p = 1) or no rounding: nothing to correct.
  if (q === 0 || e === 0) return base;
  return base + base * gamma * (e / q);
}

/** 1/(1 − p) with the rounding of 1 − p corrected to first order. */
function reciprocalOneMinus(p: number): number {
  const [q, e] = twoSum(1, -p);
  const r = 1 / q;
  if (q === 0 || e === 0) return r;
  return r - r * (e / q);
}

/**
 * Focal loss ℓ = −α·y·(1 − p)^γ·log p − (1 − α)(1 − y)·p^γ·log(1 − p).
 * For a hard label this is −α_t (1 − p_t)^γ log p_t with p_t = p, α_t = α when y = 1 and
 * p_t = 1 − p, α_t = 1 − α when y = 0; soft labels weight both terms. γ = 0 gives α-weighted BCE
 * (α = ½: half of BCE).
 *
 * Gradient ∂ℓ/∂p = α·y·[γ(1 − p)^(γ−1)·log p − (1 − p)^γ/p]
 *                + (1 − α)(1 − y)·[p^γ/(1 − p) − γ·p^(γ−1)·log(1 − p)].
 * The first bracket is ≤ 0 and the second ≥ 0, and within each bracket both parts have the same
 * sign, so for hard labels nothing cancels.
 *
 * Stable form: log(1 − p) as log1p(−p); (1 − p)^γ with the rounding of 1 − p corrected; for soft
 * labels the gradient is evaluated in double-double, because its two brackets cancel near the minimum.
 *
 * Special cases: terms with a zero weight (y = 0 or 1, α = 0 or 1) are dropped, so no 0·∞;
 * γ(1 − p)^(γ−1) log p is 0 at p = 1 even for γ < 1 (its limit); p = 0 with y > 0 gives +∞.
 * @example focal(1, 0.5, 0.25, 2) // returns 0.04332169878499658
 * @example focal(0, 0, 0.25, 2) // returns 0
 */
export function focal(y: number, p: number, alpha: number, gamma: number): number {
  let loss = 0;
  const positive = alpha * y;
  // Positive-class term, absent when its weight is 0.
  if (positive !== 0) loss += positive * powOneMinus(p, gamma) * -Math.log(p);
  const negative = (1 - alpha) * (1 - y);
  // Negative-class term, absent when its weight is 0.
  if (negative !== 0) loss += negative * Math.pow(p, gamma) * -Math.log1p(-p);
  if (Number.isNaN(y) || Number.isNaN(p)) return NaN;
  return loss;
}

/**
 * ∂/∂p of the focal loss (see focal for the formula).
 * @example focalGradient(1, 0.5, 0.25, 2) // returns -0.29828679513998635
 */
export function focalGradient(y: number, p: number, alpha: number, gamma: number): number {
  if (Number.isNaN(y) || Number.isNaN(p)) return NaN;
  // Soft label inside (0, 1): the two brackets have opposite signs and cancel near the minimum.
  if (y > 0 && y < 1 && alpha > 0 && alpha < 1 && p > 0 && p < 1) return softLabelGradient(y, p, alpha, gamma);
  let gradient = 0;
  const positive = alpha * y;
  if (positive !== 0) {
    let bracket = -powOneMinus(p, gamma) / p;
    // The γ-part vanishes for γ = 0 and at p = 1 (where (1 − p)^(γ−1)·log p → 0).
    if (gamma !== 0 && p !== 1) bracket += gamma * powOneMinus(p, gamma - 1) * Math.log(p);
    gradient += positive * bracket;
  }
  const negative = (1 - alpha) * (1 - y);
  if (negative !== 0) {
    let bracket = Math.pow(p, gamma) * reciprocalOneMinus(p);
    // The γ-part vanishes for γ = 0 and at p = 0 (where p^(γ−1)·log(1 − p) → 0).
    if (gamma !== 0 && p !== 0) bracket -= gamma * Math.pow(p, gamma - 1) * Math.log1p(-p);
    gradient += negative * bracket;
  }
  return gradient;
}

/**
 * The focal gradient for soft labels, entirely in double-double: the negative positive-class bracket
 * and the positive negative-class bracket nearly cancel around the minimiser, where a plain double
 * keeps only rounding noise.
 */
function softLabelGradient(y: number, p: number, alpha: number, gamma: number): number {
  const q = twoSum(1, -p);
  const pd: DoubleDouble = [p, 0];
  const logP = logDD(pd);
  const logQ = logDD(q);
  // Positive class: αy·[γ q^(γ−1) log p − q^γ/p].
  let positive = ddNeg(ddDiv(powDD(q, gamma), pd));
  if (gamma !== 0) positive = ddAdd(positive, ddMul([gamma, 0], ddMul(powDD(q, gamma - 1), logP)));
  positive = ddMul(twoProd(alpha, y), positive);
  // Negative class: (1 − α)(1 − y)·[p^γ/q − γ p^(γ−1) log q].
  let negative = ddDiv(powDD(pd, gamma), q);
  if (gamma !== 0) negative = ddAdd(negative, ddNeg(ddMul([gamma, 0], ddMul(powDD(pd, gamma - 1), logQ))));
  negative = ddMul(ddMul(twoSum(1, -alpha), twoSum(1, -y)), negative);
  return ddAdd(positive, negative)[0];
}
