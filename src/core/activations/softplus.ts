/**
 * The smooth rectifiers softplus and Mish, and softsign.
 */
import { ddMul, ddQuotient, expTimes, fastTwoSum, log1pExp, logistic } from '../extendedPrecision';

/**
 * softplus(x) = log(1 + e^x); derivative σ(x).
 *
 * Stable form: max(x, 0) + log1p(e^(−|x|)). log(1 + e^x) overflows to +∞ for x > 709 and loses the
 * whole value to rounding for x < −37; this form gives softplus(800) = 800 and softplus(−40) = 4.2e−18.
 *
 * Special cases: softplus(0) = log 2, softplus(+∞) = +∞, softplus(−∞) = 0, softplus(NaN) = NaN;
 * softplus(x) = 0 for x < −745 (its true value e^x underflows).
 *
 * @example softplus(0) // returns 0.6931471805599453
 * @example softplus(800) // returns 800
 */
export function softplus(x: number): number {
  return log1pExp(x);
}

/**
 * softplus′(x) = σ(x) = 1/(1 + e^−x), by the overflow-free σ.
 *
 * @example softplusDerivative(0) // returns 0.5
 */
export function softplusDerivative(x: number): number {
  return logistic(x);
}

/** Below this x, Mish and Mish′ are smaller than the smallest subnormal. */
const MISH_UNDERFLOW = -800;

/**
 * Mish(x) = x·tanh(softplus(x)).
 *
 * Stable form: with e = e^x, tanh(log(1 + e)) = e(e + 2)/(e(e + 2) + 2) exactly. For x < 0 that
 * ratio is used, the factor e^x taken out and x·e^x formed through expTimes (e^x alone is subnormal
 * below −708 while Mish(x) ≈ x·e^x is not). For x ≥ 0, with w = e^−x, the tanh is
 * 1/(1 + 2w²/(1 + 2w)), which cannot overflow.
 *
 * Special cases: Mish(±0) = ±0, Mish(+∞) = +∞, Mish(−∞) = −0, Mish(NaN) = NaN.
 *
 * @example mish(1) // returns 0.8650983882673103
 */
export function mish(x: number): number {
  if (x >= 0) {
    const w = Math.exp(-x);
    return x / (1 + (2 * w * w) / (1 + 2 * w));
  }
  // Past the underflow (and at −∞) the value is −0.
  if (x < MISH_UNDERFLOW) return -0;
  const e = Math.exp(x); // NaN stays NaN through here
  const n = e * (e + 2);
  return expTimes((x * (e + 2)) / (n + 2), x);
}

/** Mish′ vanishes at x₀ ≈ −1.19243 (double-double); A3, A2, A1 are e^(3x₀), 4e^(2x₀), (6 + 4x₀)e^x₀. */
const MISH_ROOT_HI = -1.1924312145154952;
const MISH_ROOT_LO = -4.8484829848031044e-17;
const MISH_A3 = 0.027951242009170138;
const MISH_A2 = 0.3684065968836178;
const MISH_A1 = 0.3733670191691929;

/**
 * Mish′(x) = tanh(sp) + x·sech²(sp)·σ(x), sp = softplus(x).
 *
 * Stable form: with e = e^x and n = e(e + 2), Mish′ = e·B/(n + 2)² where
 * B = e³ + 4e² + (6 + 4x)e + 4(1 + x). For x ≥ 0 it is evaluated in w = e^−x as
 * t + x·4w²(1 + w)/(1 + 2w + 2w²)², all terms positive. For x < 0, B's terms cancel at the zero
 * x₀ ≈ −1.19243; subtracting B(x₀) = 0 with h = x − x₀ (exact through x₀ as a double-double) gives
 * B = e^(3x₀)·expm1(3h) + 4e^(2x₀)·expm1(2h) + (6 + 4x₀)e^(x₀)·expm1(h) + 4h(1 + e),
 * four terms with the sign of h, so nothing cancels; the factor e^x goes through expTimes.
 *
 * Special cases: Mish′(0) = 0.6, Mish′(+∞) = 1, Mish′(−∞) = −0, Mish′(NaN) = NaN.
 *
 * @example mishDerivative(0) // returns 0.6
 */
export function mishDerivative(x: number): number {
  if (x >= 0) {
    // +∞ would give ∞·0 in the second term; the limit is 1.
    if (x === Infinity) return 1;
    const w = Math.exp(-x);
    const t = 1 / (1 + (2 * w * w) / (1 + 2 * w));
    const d = 1 + 2 * w + 2 * w * w;
    // x times the small second factor, in that order, so a huge x cannot overflow against w = 0.
    return t + x * ((4 * w * w * (1 + w)) / (d * d));
  }
  // Past the underflow (and at −∞) the value is −0.
  if (x < MISH_UNDERFLOW) return -0;
  const e = Math.exp(x); // NaN stays NaN through here
  const h = x - MISH_ROOT_HI - MISH_ROOT_LO;
  const b = MISH_A3 * Math.expm1(3 * h) + MISH_A2 * Math.expm1(2 * h) + MISH_A1 * Math.expm1(h) + 4 * h * (1 + e);
  // (n + 2)² in double-double: only e(e + 2), at most 3/5 of n + 2, is rounded.
  const n2 = fastTwoSum(2, e * (e + 2));
  return expTimes(ddQuotient([b, 0], ddMul(n2, n2)), x);
}

/**
 * softsign(x) = x/(1 + |x|); derivative 1/(1 + |x|)².
 *
 * Special cases: softsign(±0) = ±0, softsign(±∞) = ±1 (not ∞/∞ = NaN), softsign(NaN) = NaN.
 *
 * @example softsign(1) // returns 0.5
 */
export function softsign(x: number): number {
  // ∞/∞ would be NaN; the limit is ±1.
  if (x === Infinity || x === -Infinity) return Math.sign(x);
  return x / (1 + Math.abs(x));
}

/** Above this 1 + |x|, (1 + |x|)² could overflow, so the square is divided out in two steps. */
const SOFTSIGN_SQUARE_LIMIT = 1e150;

/**
 * softsign′(x) = 1/(1 + |x|)². For |x| > 1e150 it is (1/d)/d, d = 1 + |x|, so the square does not
 * overflow to give 0 where the true value (≈ 1/x², subnormal only beyond 1.3e154) is not.
 *
 * Special cases: softsign′(0) = 1, softsign′(±∞) = 0, softsign′(NaN) = NaN.
 *
 * @example softsignDerivative(1) // returns 0.25
 */
export function softsignDerivative(x: number): number {
  const d = 1 + Math.abs(x);
  // The square would overflow: divide twice instead.
  if (d > SOFTSIGN_SQUARE_LIMIT) return 1 / d / d;
  return 1 / (d * d);
}
