/**
 * Regression losses on the residual r = ŷ − y: squared error, absolute error and log-cosh.
 *
 * The residual is formed as a double-double (ŷ − y rounded, plus the rounding error) so that the
 * subtraction's own rounding does not add to the error of the loss; the error term corrects the
 * value to first order (ℓ(r + e) ≈ ℓ(r) + ℓ′(r)·e).
 */
import { ddAdd, expDD, twoSum, type DoubleDouble } from '../numeric';
import { residual } from './stable';

/**
 * Squared error ℓ(y, ŷ) = (ŷ − y)², gradient ∂ℓ/∂ŷ = 2(ŷ − y).
 *
 * Special cases: NaN in gives NaN; a residual above about 1.34e154 squares to +∞ (the true value is
 * not a finite double either).
 * @example mse(0, 3) // returns 9
 * @example mse(1, 0.5) // returns 0.25
 */
export function mse(y: number, yHat: number): number {
  const [r, e] = residual(y, yHat);
  return r * r + 2 * r * e;
}

/**
 * ∂/∂ŷ (ŷ − y)² = 2(ŷ − y).
 * @example mseGradient(0, 3) // returns 6
 */
export function mseGradient(y: number, yHat: number): number {
  const [r, e] = residual(y, yHat);
  return 2 * r + 2 * e;
}

/**
 * Absolute error ℓ(y, ŷ) = |ŷ − y|, gradient sign(ŷ − y).
 *
 * Special cases: at ŷ = y the gradient is 0 (the subgradient PyTorch's sign and abs backward use).
 * @example mae(0, -3) // returns 3
 */
export function mae(y: number, yHat: number): number {
  return Math.abs(yHat - y);
}

/**
 * ∂/∂ŷ |ŷ − y| = sign(ŷ − y), 0 at ŷ = y.
 * @example maeGradient(2, 1) // returns -1
 */
export function maeGradient(y: number, yHat: number): number {
  const r = yHat - y;
  // The kink: 0 is the subgradient frameworks report.
  if (r === 0) return 0;
  return Math.sign(r);
}

/** Below this |r|, log cosh r is its Taylor series r²/2 − r⁴/12 + r⁶/45 (next term < 2^-66 relative). */
const LOGCOSH_SERIES_LIMIT = 1e-3;
/** Above this |r|, |r| − log 2 + log1p(e^(−2|r|)) has no cancellation worth correcting. */
const LOGCOSH_ASYMPTOTIC_LIMIT = 2;

/** log cosh x for x ≥ 0. */
function logCoshNonNegative(x: number): number {
  // Near 0: series, so the result keeps full relative precision down to the subnormals.
  if (x < LOGCOSH_SERIES_LIMIT) {
    const x2 = x * x;
    return 0.5 * x2 * (1 - x2 * (1 / 6 - x2 * (2 / 45)));
  }
  if (x < LOGCOSH_ASYMPTOTIC_LIMIT) {
    // Middle range: cosh x − 1 = (e^x + e^−x − 2)/2 in double-double, then log1p of it; the
    // double-double keeps the 1 − 1 cancellation from eating the digits.
    const u = ddAdd(ddAdd(expDD(x), expDD(-x)), [-2, 0]);
    const half: DoubleDouble = [u[0] / 2, u[1] / 2];
    return Math.log1p(half[0]) + half[1] / (1 + half[0]);
  }
  // Tail: cosh x = e^x (1 + e^−2x)/2, so log cosh x = (x − log 2) + log1p(e^−2x); both parts ≥ 0.
  const [d, de] = twoSum(x, -Math.LN2);
  return d + (de - 2.3190468138462996e-17 + Math.log1p(Math.exp(-2 * x)));
}

/**
 * Log-cosh loss ℓ(y, ŷ) = log cosh(ŷ − y), gradient tanh(ŷ − y).
 *
 * Stable form: cosh overflows beyond |r| ≈ 710, so the tail uses |r| − log 2 + log1p(e^(−2|r|));
 * near 0 the series r²/2 − r⁴/12 + r⁶/45 avoids log(1 + tiny); in between, cosh r − 1 is formed in
 * double-double before log1p.
 *
 * Special cases: ±∞ residual gives +∞; NaN gives NaN; behaves like r²/2 near 0 and |r| − log 2 far out.
 * @example logCosh(0, 0) // returns 0
 * @example logCosh(0, 1000) // returns 999.3068528194401
 */
export function logCosh(y: number, yHat: number): number {
  const [r, e] = residual(y, yHat);
  const x = Math.abs(r);
  // Infinite residual: cosh is infinite.
  if (x === Infinity) return Infinity;
  return logCoshNonNegative(x) + Math.tanh(r) * e;
}

/**
 * ∂/∂ŷ log cosh(ŷ − y) = tanh(ŷ − y), bounded by ±1 like a smoothed sign.
 * @example logCoshGradient(0, 0) // returns 0
 */
export function logCoshGradient(y: number, yHat: number): number {
  const [r, e] = residual(y, yHat);
  const t = Math.tanh(r);
  // tanh′ = 1 − tanh² carries the residual's rounding error into the result.
  return t + (1 - t) * (1 + t) * e;
}
