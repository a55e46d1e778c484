/**
 * Huber and smooth-L1: quadratic near the target, linear beyond a threshold, on r = ŷ − y.
 * smooth_l1(β) = huber(δ = β)/β, so the two differ only in scale (PyTorch defines both).
 *
 * The residual is a double-double (see stable.ts): its rounding error is added back to first order,
 * which matters most just outside the band, where |r| − δ/2 loses a bit to cancellation.
 */
import { squareOverflowing } from '../extendedPrecision';
import { residual } from './stable';

/** Normal-range floor: below it r² has lost precision to the subnormals (or underflowed). */
const MIN_NORMAL = 2.2250738585072014e-308;

/**
 * Huber loss ℓ(y, ŷ) = ½r² for |r| ≤ δ, δ(|r| − ½δ) otherwise, with r = ŷ − y and δ > 0.
 * Gradient ∂ℓ/∂ŷ = r inside the band (that is ŷ − y: the common statement "y − ŷ" has the sign of
 * ∂ℓ/∂y), δ·sign(r) outside. Continuous with a continuous first derivative at |r| = δ.
 *
 * Special cases: NaN gives NaN; ±∞ residual gives +∞; δ must be > 0 (the catalogue checks it).
 * @example huber(0, 0.5, 1) // returns 0.125
 * @example huber(0, 3, 1) // returns 2.5
 */
export function huber(y: number, yHat: number, delta: number): number {
  const [r, e] = residual(y, yHat);
  const a = Math.abs(r);
  // Quadratic band.
  if (a <= delta) {
    const q = 0.5 * r * r;
    if (q < Infinity) return q + r * e;
    // A band wider than 1.8e154 (δ that large): r² overflows although ½(r + e)² may not, and q + re could be ∞ − ∞.
    return squareOverflowing(r, e, 0.5);
  }
  // Linear arms: δ(|r| − δ/2), with the residual's error term folded into |r|.
  return delta * (a - 0.5 * delta + Math.sign(r) * e);
}

/**
 * ∂/∂ŷ huber = ŷ − y for |ŷ − y| ≤ δ, δ·sign(ŷ − y) outside.
 * @example huberGradient(0, 0.5, 1) // returns 0.5
 * @example huberGradient(1, 0.5, 1) // returns -0.5
 * @example huberGradient(0, -3, 1) // returns -1
 */
export function huberGradient(y: number, yHat: number, delta: number): number {
  const r = yHat - y;
  if (Math.abs(r) <= delta) return r;
  return delta * Math.sign(r);
}

/**
 * Smooth L1 (PyTorch): ℓ = ½r²/β for |r| < β, |r| − ½β otherwise, r = ŷ − y, β > 0.
 * Gradient r/β inside, sign(r) outside. Equal to huber(δ = β)/β.
 *
 * Stable form: ½r²/β overflows in r² for large β while the quotient is finite, and underflows in r²
 * for tiny β while the quotient is normal; then it is evaluated as ½·r·(r/β).
 * @example smoothL1(0, 0.5, 1) // returns 0.125
 * @example smoothL1(0, 3, 1) // returns 2.5
 */
export function smoothL1(y: number, yHat: number, beta: number): number {
  const [r, e] = residual(y, yHat);
  const a = Math.abs(r);
  if (a < beta) {
    const q = 0.5 * r * r + r * e;
    // r² out of the normal range although q/β is not: scale through r/β instead.
    if (!(q >= MIN_NORMAL && q < Infinity)) return 0.5 * r * (r / beta);
    return q / beta;
  }
  return a - 0.5 * beta + Math.sign(r) * e;
}

/**
 * ∂/∂ŷ smooth_l1 = (ŷ − y)/β for |ŷ − y| < β, sign(ŷ − y) outside.
 * @example smoothL1Gradient(0, 0.5, 2) // returns 0.25
 */
export function smoothL1Gradient(y: number, yHat: number, beta: number): number {
  const r = yHat - y;
  if (Math.abs(r) < beta) return r / beta;
  return Math.sign(r);
}
