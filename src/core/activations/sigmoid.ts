/**
 * The logistic family: sigmoid, log-sigmoid, SiLU (swish) and the piecewise-linear hard sigmoid and
 * hard swish. The smooth ones are built on the overflow-free σ of extendedPrecision.ts.
 */
import { expTimes, log1pExp, logistic, overOnePlusSquaredOf, sigmoidSlopeOf } from '../extendedPrecision';

/** Below this exponent expTimes rescales; above it expTimes(c, a) is exactly c·e^a (see extendedPrecision.ts). */
const EXP_RESCALE_BELOW = -700;

/**
 * σ(x) = 1/(1 + e^−x).
 *
 * Stable form: x ≥ 0 uses 1/(1 + e^−x) and x < 0 uses e^x/(1 + e^x), so e^(±x) never overflows and
 * the left tail keeps its full relative precision (σ(−740) = 4.2e−322, not 0).
 *
 * Special cases: σ(±0) = 0.5, σ(+∞) = 1, σ(−∞) = 0, σ(NaN) = NaN; σ(x) rounds to 1 for x > 37
 * and is subnormal for −745 < x < −708.
 *
 * @example sigmoid(0) // returns 0.5
 * @example sigmoid(-740) // returns 4.2e-322
 */
export function sigmoid(x: number): number {
  return logistic(x);
}

/**
 * σ′(x) = σ(x)·(1 − σ(x)) = σ(x)·σ(−x).
 *
 * Stable form: e^(−|x|)/(1 + e^(−|x|))² (sigmoidSlopeOf: one division, the rounding of 1 + e
 * corrected). Writing it as σ(1 − σ) subtracts two numbers that agree to the last bit once x > 37 and
 * returns 0; this form keeps the tail (σ′(50) = 1.9287e−22).
 *
 * Special cases: σ′(±0) = 0.25, σ′(±∞) = 0, σ′(NaN) = NaN.
 *
 * @example sigmoidDerivative(0) // returns 0.25
 * @example sigmoidDerivative(50) // returns 1.9287498479639178e-22
 */
export function sigmoidDerivative(x: number): number {
  const e = Math.exp(-Math.abs(x)); // NaN stays NaN through here
  return sigmoidSlopeOf(e);
}

/**
 * log σ(x) = −softplus(−x) = −(max(−x, 0) + log1p(e^(−|x|))).
 * Derivative: d/dx log σ(x) = 1 − σ(x) = σ(−x).
 *
 * Stable form: log(σ(x)) would take the log of 0 for x < −745 and of a rounded 1 for x > 37;
 * the softplus form is exact in both tails (log σ(−800) = −800, log σ(40) = −4.25e−18).
 *
 * Special cases: logσ(+∞) = 0, logσ(−∞) = −∞, logσ(NaN) = NaN.
 *
 * @example logSigmoid(0) // returns -0.6931471805599453
 */
export function logSigmoid(x: number): number {
  return -log1pExp(-x);
}

/**
 * (log σ)′(x) = σ(−x), computed by the stable σ.
 *
 * Special cases: (log σ)′(−∞) = 1, (log σ)′(+∞) = 0, NaN → NaN.
 *
 * @example logSigmoidDerivative(0) // returns 0.5
 */
export function logSigmoidDerivative(x: number): number {
  return logistic(-x);
}

/** Where SiLU′ = σ(x)(1 + x·σ(−x)) crosses zero, as a double-double (from the fixture generator). */
const SILU_ROOT_HI = -1.2784645427610737;
const SILU_ROOT_LO = -1.0946994183093437e-16;
/** e^root = −(1 + root), so 1 + x + e^x = h + e^root·expm1(h) with h = x − root. */
const SILU_EXP_ROOT = 0.2784645427610738;
/**
 * Outside [−2, −0.7] the factor 1 + x + e^x of SiLU′ is summed as it stands: there its terms cancel by at
 * most a factor 1.2 (or not at all, for x > −1), and a sweep of 20 000 points against mpmath gave at most
 * 2.4 ulps for SiLU′ that way, against up to 3.1 for the h + e^x₀·expm1(h) form (near x = 0).
 */
const SILU_DIRECT_BELOW = -2;
const SILU_DIRECT_ABOVE = -0.7;
/** Below this x both SiLU and SiLU′ are smaller than the smallest subnormal. */
const SILU_UNDERFLOW = -800;

/**
 * SiLU (swish) x·σ(x); derivative σ(x)·(1 + x·σ(−x)).
 *
 * Stable form: x ≥ 0 is x/(1 + e^−x); x < 0 is x·e^x/(1 + e^x) with the product x·e^x formed by
 * expTimes, because e^x alone turns subnormal (e^−710) while x·e^x is still normal (−3.18e−306).
 *
 * Special cases: silu(±0) = ±0, silu(+∞) = +∞, silu(−∞) = −0 (the limit, not −∞·0 = NaN),
 * silu(NaN) = NaN, silu(x) = −0 for x < −800.
 *
 * @example silu(1) // returns 0.7310585786300049
 * @example silu(-710) // returns -3.1782e-306
 */
export function silu(x: number): number {
  // e^(−|x|) is e^−x on the right and e^x on the left: one exponential ahead of the branch on the sign.
  const e = Math.exp(-Math.abs(x)); // NaN stays NaN through here
  const q = x / (1 + e);
  if (x >= 0) return q;
  // expTimes(c, x) is c·e^x exactly as long as e^x is normal; reuse e there rather than a second exp.
  if (x >= EXP_RESCALE_BELOW) return q * e;
  // Past the underflow (and at −∞) the value is −0.
  return x < SILU_UNDERFLOW ? -0 : expTimes(q, x);
}

/**
 * SiLU′(x) = σ(x)·(1 + x·σ(−x)).
 *
 * Stable form: for x ≥ 0 both terms are positive and (1 + x·e^−x/(1 + e^−x))/(1 + e^−x) is used.
 * For x < 0, SiLU′ = e^x·(1 + x + e^x)/(1 + e^x)², and the factor 1 + x + e^x vanishes at
 * x₀ ≈ −1.27846, where its terms cancel. With h = x − x₀ taken exactly (x₀ as a double-double) and
 * e^x₀ = −(1 + x₀) it is rewritten as h + e^x₀·expm1(h): two terms of the same sign, so the
 * cancellation disappears and the zero crossing is exact to an ulp. Outside [−2, −0.7], where little or
 * nothing cancels, 1 + x + e^x is summed directly (one expm1 fewer, and at least as accurate).
 *
 * Special cases: SiLU′(0) = 0.5, SiLU′(+∞) = 1, SiLU′(−∞) = −0, SiLU′(NaN) = NaN.
 *
 * @example siluDerivative(0) // returns 0.5
 */
export function siluDerivative(x: number): number {
  // e^(−|x|) is e^−x on the right and e^x on the left: one exponential ahead of the branch on the sign.
  const e = Math.exp(-Math.abs(x));
  if (x >= 0) {
    // +∞ would give ∞·0 in the second term; the limit is 1.
    if (x === Infinity) return 1;
    const d = 1 + e;
    return (1 + (x * e) / d) / d;
  }
  // Past the underflow (and at −∞) the value is −0.
  if (x < SILU_UNDERFLOW) return -0;
  let numerator: number;
  if (x < SILU_DIRECT_BELOW || x > SILU_DIRECT_ABOVE) {
    // Away from the zero 1 + x + e^x cancels little (condition ≤ 1.2) and is summed directly: no expm1.
    numerator = 1 + x + e;
  } else {
    const h = x - SILU_ROOT_HI - SILU_ROOT_LO;
    numerator = h + SILU_EXP_ROOT * Math.expm1(h);
  }
  const ratio = overOnePlusSquaredOf(numerator, e);
  return x < EXP_RESCALE_BELOW ? expTimes(ratio, x) : ratio * e;
}

/**
 * hard_sigmoid(x) = relu6(x + 3)/6 (PyTorch's definition: 0 for x ≤ −3, 1 for x ≥ 3, (x + 3)/6
 * between). Forming x + 3 before dividing keeps full relative precision near x = −3.
 *
 * Special cases: hard_sigmoid(±∞) = 1 / 0, hard_sigmoid(NaN) = NaN.
 *
 * @example hardSigmoid(0) // returns 0.5
 */
export function hardSigmoid(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  if (x <= -3) return 0;
  if (x >= 3) return 1;
  return (x + 3) / 6;
}

/**
 * hard_sigmoid′(x) = 1/6 for −3 < x < 3, else 0 (PyTorch: 0 at both kinks).
 *
 * @example hardSigmoidDerivative(-3) // returns 0
 */
export function hardSigmoidDerivative(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  return x > -3 && x < 3 ? 1 / 6 : 0;
}

/**
 * hard_swish(x) = x·relu6(x + 3)/6: 0 for x ≤ −3, x for x ≥ 3, x(x + 3)/6 between.
 *
 * Special cases: hard_swish(+∞) = +∞, hard_swish(−∞) = 0, hard_swish(NaN) = NaN.
 *
 * @example hardSwish(1) // returns 0.6666666666666666
 */
export function hardSwish(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  if (x <= -3) return 0;
  if (x >= 3) return x;
  return (x * (x + 3)) / 6;
}

/**
 * hard_swish′(x) = 0 for x < −3, (2x + 3)/6 for −3 ≤ x ≤ 3, 1 for x > 3. These are PyTorch's
 * backward rules, which take the middle piece at both kinks (−0.5 at x = −3, 1.5 at x = 3).
 * (2x + 3)/6 rather than x/3 + 1/2: 2x + 3 is exact near the zero at x = −1.5, so no cancellation.
 *
 * @example hardSwishDerivative(0) // returns 0.5
 * @example hardSwishDerivative(3) // returns 1.5
 */
export function hardSwishDerivative(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  if (x < -3) return 0;
  if (x <= 3) return (2 * x + 3) / 6;
  return 1;
}
