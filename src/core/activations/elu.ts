/**
 * The exponential linear units: ELU, SELU and CELU. All three are the identity (scaled, for SELU) for
 * x > 0 and a saturating exponential for x ≤ 0.
 */
import { twoProd } from '../extendedPrecision';

/**
 * SELU's α and λ (Klambauer et al. 2017), with all the digits every framework writes. They are parsed
 * from strings so the published 32 digits stay in the source (a numeric literal that long trips
 * no-loss-of-precision); the doubles are the nearest to those decimals.
 */
export const SELU_ALPHA = Number('1.6732632423543772848170429916717');
export const SELU_LAMBDA = Number('1.0507009873554804934193349852946');
/** λ·α rounded once from the exact product (multiplying the two doubles would round twice). */
const SELU_LAMBDA_ALPHA = 1.7580993408473768;

/**
 * ELU(x) = x for x > 0, α(e^x − 1) for x ≤ 0.
 *
 * Stable form: α·expm1(x). e^x − 1 cancels for small |x| and gives 0 at x = −1e−20, where the true
 * value is −1e−20·α.
 *
 * Special cases: ELU(±0) = ±0, ELU(+∞) = +∞, ELU(−∞) = −α, ELU(NaN) = NaN.
 *
 * @example elu(-1e-20, 1) // returns -1e-20
 * @example elu(-1, 1) // returns -0.6321205588285577
 */
export function elu(x: number, alpha: number): number {
  return x > 0 ? x : alpha * Math.expm1(x); // NaN goes to the second branch and stays NaN
}

/**
 * ELU′(x) = 1 for x > 0, α·e^x for x ≤ 0 (PyTorch's convention: α at x = 0).
 *
 * Special cases: ELU′(0) = α, ELU′(−∞) = 0, ELU′(NaN) = NaN.
 *
 * @example eluDerivative(0, 1) // returns 1
 */
export function eluDerivative(x: number, alpha: number): number {
  return x > 0 ? 1 : alpha * Math.exp(x);
}

/**
 * SELU(x) = λ·x for x > 0, λα(e^x − 1) for x ≤ 0, with α ≈ 1.6733 and λ ≈ 1.0507 fixed so that
 * activations keep zero mean and unit variance through deep stacks.
 *
 * Stable form: λα·expm1(x), with λα a single correctly rounded constant.
 *
 * Special cases: SELU(±0) = ±0, SELU(+∞) = +∞, SELU(−∞) = −λα ≈ −1.7581, SELU(NaN) = NaN.
 *
 * @example selu(1) // returns 1.0507009873554805
 * @example selu(-1e-20) // returns -1.7580993408473768e-20
 */
export function selu(x: number): number {
  return x > 0 ? SELU_LAMBDA * x : SELU_LAMBDA_ALPHA * Math.expm1(x);
}

/**
 * SELU′(x) = λ for x > 0, λα·e^x for x ≤ 0 (λα at x = 0, PyTorch's convention).
 *
 * Special cases: SELU′(−∞) = 0, SELU′(NaN) = NaN.
 *
 * @example seluDerivative(2) // returns 1.0507009873554805
 */
export function seluDerivative(x: number): number {
  return x > 0 ? SELU_LAMBDA : SELU_LAMBDA_ALPHA * Math.exp(x);
}

/** Below this x/α, expm1 is −1 and e^(x/α) is 0 in doubles. */
const CELU_SATURATION = -800;

/**
 * CELU(x) = x for x > 0, α(e^(x/α) − 1) for x ≤ 0 (α > 0). Unlike ELU its derivative is continuous
 * at 0 for every α.
 *
 * Stable form: α·expm1(x/α). The rounding of x/α does not grow through expm1 (its condition number
 * is at most 1 for negative arguments).
 *
 * Special cases: CELU(±0) = ±0, CELU(+∞) = +∞, CELU(−∞) = −α, CELU(NaN) = NaN.
 *
 * @example celu(-1e-20, 1) // returns -1e-20
 */
export function celu(x: number, alpha: number): number {
  return x > 0 ? x : alpha * Math.expm1(x / alpha);
}

/**
 * CELU′(x) = 1 for x > 0, e^(x/α) for x ≤ 0 (1 at x = 0 from both sides).
 *
 * Stable form: e^u has condition number |u|, so the rounding of u = x/α would cost up to |u|/2 ulps
 * (hundreds far out). u is therefore carried as a double-double: u_lo = (x − u_hi·α)/α with the
 * residual formed exactly, and e^(u_hi + u_lo) ≈ e^(u_hi)·(1 + u_lo).
 *
 * Special cases: CELU′(−∞) = 0, CELU′(NaN) = NaN.
 *
 * @example celuDerivative(-1, 1) // returns 0.36787944117144233
 */
export function celuDerivative(x: number, alpha: number): number {
  if (x > 0) return 1;
  const u = x / alpha;
  // Far left (and at −∞) e^u is 0; skip the residual, whose split would overflow.
  if (u < CELU_SATURATION) return 0;
  const [p, pLo] = twoProd(u, alpha);
  const uLo = (x - p - pLo) / alpha;
  const e = Math.exp(u); // NaN stays NaN through here
  return e + e * uLo;
}
