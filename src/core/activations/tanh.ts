/**
 * The hyperbolic tangent and its derivative.
 */
import { SQUARE_UNDERFLOW } from '../extendedPrecision';
import { overOnePlusSquaredOf } from '../extendedPrecision';

/**
 * tanh(x) = (e^x − e^−x)/(e^x + e^−x) = 2σ(2x) − 1.
 *
 * Math.tanh (fdlibm's algorithm in V8: expm1 based, so no cancellation near 0) is within 1 ulp over
 * the whole range; the fixtures check it.
 *
 * Special cases: tanh(±0) = ±0, tanh(±∞) = ±1, tanh(NaN) = NaN; tanh(x) rounds to ±1 for |x| > 19.1.
 *
 * @example tanh(0.5) // returns 0.46211715726000974
 */
export function tanh(x: number): number {
  return Math.tanh(x);
}

/**
 * tanh′(x) = 1 − tanh²(x) = sech²(x).
 *
 * Stable form: 4e^(−2|x|)/(1 + e^(−2|x|))². 1 − tanh² subtracts two equal doubles once |x| > 19
 * and returns 0, while the true value is still 4e^(−2|x|) (tanh′(50) = 1.5e−43). Past |x| = 354,
 * e^(−2|x|) is subnormal, so it is formed as (4·e^(−|x|))·e^(−|x|), rounding only once in that range.
 *
 * Special cases: tanh′(±0) = 1, tanh′(±∞) = 0, tanh′(NaN) = NaN; tanh′(x) = 0 for |x| > 373.
 *
 * @example tanhDerivative(0) // returns 1
 * @example tanhDerivative(50) // returns 1.4880e-43
 */
export function tanhDerivative(x: number): number {
  const a = Math.abs(x);
  if (a > SQUARE_UNDERFLOW) {
    // e^(−2|x|) would be subnormal: square e^(−|x|) after scaling by 4.
    const e1 = Math.exp(-a);
    return 4 * e1 * e1;
  }
  const e = Math.exp(-2 * a); // NaN stays NaN through here
  return overOnePlusSquaredOf(4 * e, e);
}
