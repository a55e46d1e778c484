/**
 * Generic numeric helpers shared by the activation and loss families: error-free transformations
 * (double-double arithmetic), the logistic function and softplus in their stable forms, and an
 * exponential that stays exact when e^a alone would underflow.
 *
 * A double-double is an unevaluated sum hi + lo with |lo| ≤ ulp(hi)/2, about 106 significant bits.
 * JavaScript has no fused multiply-add, so products are split with Veltkamp's constant (2^27 + 1);
 * the split overflows for |a| above about 1e300, so callers keep double-double work to moderate values.
 */

/** A double-double: the value is hi + lo. */
export type DoubleDouble = readonly [hi: number, lo: number];

const SPLITTER = 134217729; // 2^27 + 1

/** a + b exactly, as [rounded sum, rounding error] (Knuth's TwoSum, no ordering needed). */
export function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  const bb = s - a;
  const err = a - (s - bb) + (b - bb);
  return [s, err];
}

/** a + b exactly when |a| ≥ |b| (Dekker's FastTwoSum); used to renormalise hi + lo. */
export function fastTwoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  return [s, b - (s - a)];
}

/** a · b exactly, as [rounded product, rounding error] (Dekker's product with Veltkamp splitting). */
export function twoProd(a: number, b: number): DoubleDouble {
  const p = a * b;
  let t = SPLITTER * a;
  const aHi = t - (t - a);
  const aLo = a - aHi;
  t = SPLITTER * b;
  const bHi = t - (t - b);
  const bLo = b - bHi;
  const err = aHi * bHi - p + aHi * bLo + aLo * bHi + aLo * bLo;
  return [p, err];
}

/** (a.hi + a.lo) · (b.hi + b.lo) in double-double, relative error about 2^-104. */
export function ddMul(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [p, e] = twoProd(a[0], b[0]);
  return fastTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

/** (a.hi + a.lo) + (b.hi + b.lo) in double-double. */
export function ddAdd(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [s, e] = twoSum(a[0], b[0]);
  return fastTwoSum(s, e + a[1] + b[1]);
}

/**
 * (a.hi + a.lo)/(b.hi + b.lo) rounded to a double: one quotient, then one correction from the exact
 * remainder a − q·b, so the result is within about 0.5 ulp of the double-double quotient.
 */
export function ddQuotient(a: DoubleDouble, b: DoubleDouble): number {
  const q = a[0] / b[0];
  const [p, pLo] = twoProd(q, b[0]);
  const remainder = a[0] - p - pLo + a[1] - q * b[1];
  return q + remainder / b[0];
}

/**
 * Σ c_k·h^k by Horner's rule in double-double, with the coefficients given as parallel hi/lo arrays
 * (lowest degree first). Used where a polynomial's terms cancel and plain doubles would lose bits.
 */
export function ddHorner(hi: readonly number[], lo: readonly number[], h: DoubleDouble): DoubleDouble {
  let acc: DoubleDouble = [hi[hi.length - 1], lo[lo.length - 1]];
  for (let k = hi.length - 2; k >= 0; k--) acc = ddAdd(ddMul(acc, h), [hi[k], lo[k]]);
  return acc;
}

/** e^(-64) as a double-double: the rescaling factor of expTimes. */
const EXP_NEG_64_HI = 1.603810890548638e-28;
const EXP_NEG_64_LO = -7.361325221284214e-45;
/** Below this exponent e^a leaves the normal range (e^-708.4 ≈ 2.2e-308), so it is rescaled first. */
const EXP_RESCALE_BELOW = -700;

/**
 * c · e^(aHi + aLo), exact to a couple of ulps even where e^a alone is subnormal or zero but the
 * product is not (x·e^x at x = −710 is 3e−306 while e^−710 is subnormal).
 *
 * The low part enters to first order, e^(aHi+aLo) ≈ e^aHi·(1 + aLo), which is exact to double
 * precision for |aLo| < 1e−9. Below the normal range the exponent is shifted by 64 (an exact
 * addition at those magnitudes), the product formed, and e^−64 (a double-double) applied last, so
 * only the final multiplication rounds into the subnormal range.
 *
 * Special cases: c = 0 gives ±0; aHi = −∞ gives ±0 (for finite c); NaN in either gives NaN.
 */
export function expTimes(c: number, aHi: number, aLo = 0): number {
  if (aHi < EXP_RESCALE_BELOW) {
    // Subnormal range: shift the exponent so the intermediate stays normal.
    const r = c * Math.exp(aHi + 64);
    const rc = r + r * aLo;
    return rc * EXP_NEG_64_HI + rc * EXP_NEG_64_LO;
  }
  const r = c * Math.exp(aHi);
  return r + r * aLo;
}

/**
 * The logistic sigmoid σ(x) = 1/(1 + e^−x), evaluated so that e^(±x) never overflows:
 * x ≥ 0 uses 1/(1 + e^−x), x < 0 uses e^x/(1 + e^x). Both forms are within about 2 ulps.
 *
 * Special cases: σ(±0) = 0.5, σ(+∞) = 1, σ(−∞) = 0, σ(NaN) = NaN; σ(x) is subnormal for
 * −745 < x < −708 and 0 below.
 *
 * @example logistic(0) // returns 0.5
 */
export function logistic(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x); // NaN falls through here and stays NaN
  return e / (1 + e);
}

/** Beyond this |x|, e^(−2|x|) is subnormal, so a squared exponential is better formed as e^(−|x|)·e^(−|x|). */
export const SQUARE_UNDERFLOW = 354;

/**
 * σ′(x) = σ(x)·σ(−x) = e^(−|x|)/(1 + e^(−|x|))². The form 1 − σ(x) would cancel to 0 for x > 37;
 * this one keeps every bit out to the underflow of e^(−|x|).
 *
 * Special cases: σ′(±0) = 0.25, σ′(±∞) = 0, σ′(NaN) = NaN.
 *
 * @example logisticDerivative(50) // returns 1.9287498479639178e-22
 */
export function logisticDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x)); // NaN stays NaN through here
  return overOnePlusSquared([e, 0], e);
}

/**
 * n/(1 + e)² for 0 ≤ e ≤ 1 with 1 + e and its square kept as double-doubles, so the only roundings
 * are those already in n and e plus one final division (the shape of σ′, tanh′ and SiLU′).
 */
export function overOnePlusSquared(n: DoubleDouble, e: number): number {
  const d = fastTwoSum(1, e);
  return ddQuotient(n, ddMul(d, d));
}

/**
 * softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)). The split keeps e^x from overflowing
 * for large x and keeps log1p's accuracy for the small second term; it is log1pexp in stdlib.
 *
 * Special cases: softplus(+∞) = +∞, softplus(−∞) = 0, softplus(NaN) = NaN; for x < −745 the
 * result underflows to 0 (its true value is e^x).
 *
 * @example log1pExp(800) // returns 800
 */
export function log1pExp(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}
