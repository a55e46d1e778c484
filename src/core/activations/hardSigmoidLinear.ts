/**
 * The other hard sigmoid: clip(0.2x + 0.5, 0, 1), as Keras 2 defines it (keras-team/tf-keras
 * tf_keras/backend.py hard_sigmoid: `x * 0.2 + 0.5`, clipped to [0, 1]) and as TF.js's 'hardSigmoid' activation
 * computes it (tensorflow/tfjs tfjs-layers/src/backend/tfjs_backend.ts). Keras 3 and PyTorch use relu6(x + 3)/6
 * instead (sigmoid.ts hardSigmoid): slope 1/6 and saturation at ±3, against 0.2 and ±2.5 here.
 */

/**
 * hard_sigmoid_linear(x) = clip(0.2x + 0.5, 0, 1): 0 for x ≤ −2.5, 1 for x ≥ 2.5, (x + 2.5)/5 between.
 * Forming x + 2.5 before dividing keeps full relative precision near x = −2.5, where 0.2x + 0.5 would cancel.
 *
 * Special cases: hard_sigmoid_linear(±∞) = 1 / 0, hard_sigmoid_linear(NaN) = NaN.
 *
 * @example hardSigmoidLinear(1) // returns 0.7
 */
export function hardSigmoidLinear(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  if (x <= -2.5) return 0;
  if (x >= 2.5) return 1;
  return (x + 2.5) / 5;
}

/**
 * hard_sigmoid_linear′(x) = 0.2 for −2.5 ≤ x ≤ 2.5, else 0. At the kinks this is the gradient TensorFlow's and
 * TF.js's clip_by_value pass on (their masks include both bounds, and 0.2x + 0.5 lands exactly on 0 and 1 there).
 *
 * @example hardSigmoidLinearDerivative(2.5) // returns 0.2
 */
export function hardSigmoidLinearDerivative(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  return x >= -2.5 && x <= 2.5 ? 0.2 : 0;
}
