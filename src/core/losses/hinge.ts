/**
 * Margin losses for labels y ∈ {−1, 1} and raw scores ŷ: hinge and squared hinge, on the margin
 * m = 1 − y·ŷ (y·ŷ is exact because |y| = 1; 1 − yŷ is kept as a double-double).
 */
import { squareOverflowing } from '../extendedPrecision';

/** The label check shared by both: anything but ±1 is an error that names the conversion. */
export function checkSignLabel(y: number): string | undefined {
  if (y === 1 || y === -1) return undefined;
  return `expected a label of -1 or 1, got ${y}` + (y === 0 ? ' (map 0/1 labels to -1/1 with 2y - 1)' : '');
}

/**
 * Hinge loss ℓ(y, ŷ) = max(0, 1 − y·ŷ).
 * Gradient ∂ℓ/∂ŷ = −y where y·ŷ < 1, 0 where y·ŷ > 1. At the margin y·ŷ = 1 the loss has a kink;
 * this returns −y there, the choice of torch.clamp(…, min=0) and tf.maximum, which pass the gradient
 * on ties.
 *
 * Special cases: NaN gives NaN; ŷ = −y·∞ gives +∞.
 * @example hinge(1, 0.3) // returns 0.7
 * @example hinge(-1, -2) // returns 0
 */
export function hinge(y: number, yHat: number): number {
  return Math.max(0, 1 - y * yHat);
}

/**
 * ∂/∂ŷ max(0, 1 − yŷ) = −y inside the margin (including on it), 0 beyond.
 * @example hingeGradient(1, 0.3) // returns -1
 * @example hingeGradient(1, 1) // returns -1 (margin convention)
 */
export function hingeGradient(y: number, yHat: number): number {
  const m = 1 - y * yHat;
  if (Number.isNaN(m)) return NaN;
  return m >= 0 ? -y : 0;
}

/**
 * Squared hinge ℓ(y, ŷ) = max(0, 1 − y·ŷ)², gradient −2y·max(0, 1 − y·ŷ), continuous at the margin.
 * @example squaredHinge(1, 0.5) // returns 0.25
 */
export function squaredHinge(y: number, yHat: number): number {
  // m + e = 1 − yŷ exactly (TwoSum inline, so that no pair is allocated); e is NaN when m is not finite.
  const b = -y * yHat;
  const m = 1 + b;
  const bb = m - 1;
  const e = 1 - (m - bb) + (b - bb);
  // Beyond the margin c = 0, and c² + 2ce = 0 for any finite e: no branch on which side of it ŷ is.
  const c = Math.max(m, 0);
  // Infinite or NaN margin (e is NaN): 0 beyond the margin (m = −∞), +∞ for m = +∞, NaN for NaN.
  if (e !== e) return c * c;
  const s = c * c;
  if (s < Infinity) return s + 2 * c * e;
  // c² overflows: c² + 2ce could be ∞ − ∞.
  return squareOverflowing(c, e);
}

/**
 * ∂/∂ŷ max(0, 1 − yŷ)² = −2y·max(0, 1 − yŷ).
 * @example squaredHingeGradient(-1, 0.5) // returns 3
 */
export function squaredHingeGradient(y: number, yHat: number): number {
  // TwoSum inline, as in squaredHinge.
  const b = -y * yHat;
  const m = 1 + b;
  if (m > 0) {
    const bb = m - 1;
    const e = 1 - (m - bb) + (b - bb);
    // An infinite margin has no error term (e is NaN there).
    return -2 * y * (e === e ? m + e : m);
  }
  // Beyond the margin (m ≤ 0), or NaN.
  return m <= 0 ? 0 : NaN;
}
