/**
 * The piecewise-linear rectifiers: ReLU, leaky ReLU, PReLU and ReLU6. Every value and derivative is
 * one comparison and at most one rounded multiplication, so each is within 0.5 ulp.
 *
 * Kinks follow PyTorch's backward rules: the derivative at a breakpoint is the one of the flat or
 * negative side (relu′(0) = 0, leaky_relu′(0) = α, relu6′(0) = relu6′(6) = 0).
 */

/**
 * relu(x) = max(x, 0); relu′(x) = 1 for x > 0, else 0.
 *
 * Special cases: relu(±0) = 0, relu(+∞) = +∞, relu(−∞) = 0, relu(NaN) = NaN.
 *
 * @example relu(-2) // returns 0
 * @example relu(3.5) // returns 3.5
 */
export function relu(x: number): number {
  // NaN fails every comparison; return it rather than 0.
  if (Number.isNaN(x)) return x;
  return x > 0 ? x : 0;
}

/**
 * relu′(x) = 1 for x > 0 and 0 for x ≤ 0 (PyTorch: the gradient at 0 is 0).
 *
 * Special cases: relu′(0) = 0, relu′(±∞) = 1 / 0, relu′(NaN) = NaN.
 *
 * @example reluDerivative(0) // returns 0
 */
export function reluDerivative(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  return x > 0 ? 1 : 0;
}

/**
 * leaky_relu(x) = x for x > 0, α·x otherwise; derivative 1 for x > 0, α for x ≤ 0 (PyTorch's
 * convention puts the kink on the negative side). PReLU is the same function with a learned α.
 *
 * Special cases: leaky_relu(±0) = ±0, leaky_relu(+∞) = +∞, leaky_relu(−∞) = −∞ for α > 0 and 0 for
 * α = 0, leaky_relu(NaN) = NaN.
 *
 * @example leakyRelu(-2, 0.01) // returns -0.02
 */
export function leakyRelu(x: number, alpha: number): number {
  if (x > 0) return x;
  // α = 0 at x = −∞ would give 0·∞ = NaN; the limit is 0.
  if (alpha === 0 && x === -Infinity) return 0;
  return alpha * x;
}

/**
 * leaky_relu′(x) = 1 for x > 0, α for x ≤ 0 (PyTorch: the gradient at 0 is α).
 *
 * Special cases: leaky_relu′(0) = α, leaky_relu′(NaN) = NaN.
 *
 * @example leakyReluDerivative(0, 0.01) // returns 0.01
 */
export function leakyReluDerivative(x: number, alpha: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  return x > 0 ? 1 : alpha;
}

/**
 * relu6(x) = min(max(x, 0), 6); derivative 1 on the open interval (0, 6), 0 elsewhere (PyTorch's
 * hardtanh backward treats both ends as flat).
 *
 * Special cases: relu6(+∞) = 6, relu6(−∞) = 0, relu6(NaN) = NaN.
 *
 * @example relu6(7) // returns 6
 */
export function relu6(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  return x <= 0 ? 0 : x >= 6 ? 6 : x;
}

/**
 * relu6′(x) = 1 for 0 < x < 6, else 0 (so relu6′(0) = relu6′(6) = 0).
 *
 * @example relu6Derivative(6) // returns 0
 */
export function relu6Derivative(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  return x > 0 && x < 6 ? 1 : 0;
}
