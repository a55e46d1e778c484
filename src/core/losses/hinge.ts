/**
 * Margin losses for labels y ∈ {−1, 1} and raw scores ŷ: hinge and squared hinge, on the margin
 * m = 1 − y·ŷ (y·ŷ is exact because |y| = 1; 1 − yŷ is kept as a double-double).
 */
import { twoSum } from '../numeric';

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
  const [m, e] = twoSum(1, -y * yHat);
  if (Number.isNaN(m)) return NaN;
  // Beyond the margin.
  if (m <= 0) return 0;
  return m * m + 2 * m * e;
}

/**
 * ∂/∂ŷ max(0, 1 − yŷ)² = −2y·max(0, 1 − yŷ).
 * @example squaredHingeGradient(-1, 0.5) // returns 3
 */
export function squaredHingeGradient(y: number, yHat: number): number {
  const [m, e] = twoSum(1, -y * yHat);
  if (Number.isNaN(m)) return NaN;
  if (m <= 0) return 0;
  return -2 * y * (m + e);
}
