/**
 * Regression losses on the residual r = ŷ − y: squared error, absolute error and log-cosh.
 *
 * The residual is formed as a double-double (ŷ − y rounded, plus the rounding error) so that the
 * subtraction's own rounding does not add to the error of the loss; the error term corrects the
 * value to first order (ℓ(r + e) ≈ ℓ(r) + ℓ′(r)·e).
 */

import { productError, squareOverflowing } from '../extendedPrecision';

/**
 * Squared error ℓ(y, ŷ) = (ŷ − y)², gradient ∂ℓ/∂ŷ = 2(ŷ − y).
 *
 * Special cases: NaN in gives NaN; a residual above about 1.34e154 squares to +∞ (the true value is
 * not a finite double either), never NaN: mse(0, 1.8e308) = mse(−1e300, −1e8) = +∞.
 * @example mse(0, 3) // returns 9
 * @example mse(1, 0.5) // returns 0.25
 */
export function mse(y: number, yHat: number): number {
  // residual(y, yHat) inline (TwoSum without the pair); e is NaN when r is not finite.
  const r = yHat - y;
  const bb = r - yHat;
  const e = yHat - (r - bb) + (-y - bb);
  // Infinite residual: the loss is +∞ (the error term is meaningless there); a NaN residual stays NaN.
  if (e !== e) return r * r;
  const s = r * r;
  // |r| < 1.34e154: 2re cannot overflow.
  if (s < Infinity) return s + 2 * r * e;
  // r² overflows: r² + 2re could be ∞ − ∞.
  return squareOverflowing(r, e);
}

/**
 * ∂/∂ŷ (ŷ − y)² = 2(ŷ − y).
 * @example mseGradient(0, 3) // returns 6
 */
export function mseGradient(y: number, yHat: number): number {
  // residual(y, yHat) inline, as in mse.
  const r = yHat - y;
  const bb = r - yHat;
  const e = yHat - (r - bb) + (-y - bb);
  // Infinite or NaN residual: no error term.
  if (e !== e) return 2 * r;
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
/**
 * From this |r| on, (|r| − log 2) + log1p(e^(−2|r|)) is a sum of two non-negative parts whose second,
 * the only one that is not exact, is at most a quarter of an ulp of the result per ulp of its own error
 * (log1p(e^−2) = 0.127 against log cosh 1 = 0.434), so the value stays within one ulp.
 */
const LOGCOSH_ASYMPTOTIC_LIMIT = 1;
/**
 * g(s) = (log cosh √s − s/2)/s² on s ∈ [0, 1], lowest degree first: a least-squares fit (relative weight)
 * at 64 Chebyshev nodes with mpmath at 100 digits, then rounded to doubles; its relative error is below
 * 9e-17 on [0, 1]. log cosh x = x²/2 + x⁴·g(x²), and |x⁴·g| ≤ 0.15·log cosh x there, so the error of g
 * and of its Horner evaluation reaches the result scaled down by that factor.
 */
const LOGCOSH_G = [
  -0.08333333333333333, 0.022222222222222143, -0.006746031746024938, 0.0021869488533859823,
  -0.0007386029567458054, 0.00025658053002061877, -9.098933587598166e-5, 3.2777752201066355e-5,
  -1.1950938978682498e-5, 4.390801061597495e-6, -1.6083957396523291e-6, 5.70906413372798e-7,
  -1.8474357193688928e-7, 4.9149377689994644e-8, -9.139078526977606e-9, 8.576935747643577e-10,
] as const;
const [G0, G1, G2, G3, G4, G5, G6, G7, G8, G9, G10, G11, G12, G13, G14, G15] = LOGCOSH_G;


/** log cosh x for x ≥ 0 (finite). */
function logCoshNonNegative(x: number): number {
  // Near 0: series, so the result keeps full relative precision down to the subnormals.
  if (x < LOGCOSH_SERIES_LIMIT) {
    const x2 = x * x;
    return 0.5 * x2 * (1 - x2 * (1 / 6 - x2 * (2 / 45)));
  }
  if (x < LOGCOSH_ASYMPTOTIC_LIMIT) {
    // Middle range: x²/2 exactly (Dekker's product, x < 1 so no overflow), plus the small x⁴·g(x²).
    const s = x * x;
    const sLo = productError(x, x, s);
    const s2 = s * s;
    // Estrin's scheme in s: pairs, then pairs of pairs (shorter dependency chain than Horner).
    const s4 = s2 * s2;
    const s8 = s4 * s4;
    const p01 = G0 + G1 * s;
    const p23 = G2 + G3 * s;
    const p45 = G4 + G5 * s;
    const p67 = G6 + G7 * s;
    const p89 = G8 + G9 * s;
    const p1011 = G10 + G11 * s;
    const p1213 = G12 + G13 * s;
    const p1415 = G14 + G15 * s;
    const q0 = p01 + p23 * s2;
    const q1 = p45 + p67 * s2;
    const q2 = p89 + p1011 * s2;
    const q3 = p1213 + p1415 * s2;
    const g = q0 + q1 * s4 + (q2 + q3 * s4) * s8;
    return 0.5 * s + (0.5 * sLo + s2 * g);
  }
  // Tail: cosh x = e^x (1 + e^−2x)/2, so log cosh x = (x − log 2) + log1p(e^−2x); both parts ≥ 0.
  const d = x - Math.LN2;
  const bb = d - x;
  const de = x - (d - bb) + (-Math.LN2 - bb);
  return d + (de - 2.3190468138462996e-17 + Math.log1p(Math.exp(-2 * x)));
}

/**
 * Log-cosh loss ℓ(y, ŷ) = log cosh(ŷ − y), gradient tanh(ŷ − y).
 *
 * Stable form: cosh overflows beyond |r| ≈ 710, so the tail uses |r| − log 2 + log1p(e^(−2|r|));
 * near 0 the series r²/2 − r⁴/12 + r⁶/45 avoids log(1 + tiny); for 10⁻³ ≤ |r| < 1 it is r²/2 (exact, as
 * a double-double) plus r⁴·g(r²) with g a fitted polynomial, a correction of at most 15% of the result.
 *
 * Special cases: ±∞ residual gives +∞; NaN gives NaN; behaves like r²/2 near 0 and |r| − log 2 far out.
 * @example logCosh(0, 0) // returns 0
 * @example logCosh(0, 1000) // returns 999.3068528194401
 */
export function logCosh(y: number, yHat: number): number {
  // The residual r + e = ŷ − y exactly (TwoSum, inline so that no pair is allocated).
  const r = yHat - y;
  const x = Math.abs(r);
  // Infinite residual: cosh is infinite.
  if (x === Infinity) return Infinity;
  const bb = r - yHat;
  const e = yHat - (r - bb) + (-y - bb);
  return logCoshNonNegative(x) + Math.tanh(r) * e;
}

/**
 * ∂/∂ŷ log cosh(ŷ − y) = tanh(ŷ − y), bounded by ±1 like a smoothed sign.
 * @example logCoshGradient(0, 0) // returns 0
 */
export function logCoshGradient(y: number, yHat: number): number {
  const r = yHat - y;
  const t = Math.tanh(r);
  // Infinite residual: no error term (TwoSum's would be NaN).
  if (!Number.isFinite(r)) return t;
  const bb = r - yHat;
  const e = yHat - (r - bb) + (-y - bb);
  // tanh′ = 1 − tanh² carries the residual's rounding error into the result.
  return t + (1 - t) * (1 + t) * e;
}
