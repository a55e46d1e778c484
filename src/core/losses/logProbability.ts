/**
 * Losses on log-probabilities: the negative log-likelihood (nll, PyTorch's NLLLoss / F.nll_loss on the output
 * of log_softmax) and the KL divergence with log-space targets (kl_div_log_target: optax's
 * kl_divergence_with_log_targets, PyTorch's kl_div with log_target=True). Per element; the sample's loss is
 * the sum over classes. ŷ (and, for kl_div_log_target, y) are log-probabilities: ≤ 0, −∞ allowed.
 */

/** A check for values that must be log-probabilities (≤ 0; −∞ is the log of probability 0). */
export function checkLogProbability(what: string): (v: number) => string | undefined {
  return (v) => (v <= 0 ? undefined : `expected ${what} ≤ 0 (a log-probability), got ${v}`);
}

/**
 * Negative log-likelihood term ℓ_i = −y_i·ŷ_i, with ŷ_i = log p_i a log-probability and y_i the target's
 * weight on class i (1 for the target class of PyTorch's class-index form, 0 elsewhere). Gradient
 * ∂ℓ_i/∂ŷ_i = −y_i. One rounding: exact to half an ulp.
 *
 * Special cases: y = 0 drops the term even at ŷ = −∞ (no 0·∞); y > 0 with ŷ = −∞ gives +∞.
 * @example nll(1, -0.6931471805599453) // returns 0.6931471805599453
 * @example nll(0, -Infinity) // returns 0
 */
export function nll(y: number, logP: number): number {
  // Classes absent from the target contribute nothing, whatever the log-probability.
  if (y === 0) return 0;
  return -(y * logP);
}

/**
 * ∂/∂ŷ (−y·ŷ) = −y, whatever ŷ is (0 for y = 0).
 * @example nllGradient(1, -3) // returns -1
 */
export function nllGradient(y: number, logP: number): number {
  if (Number.isNaN(logP)) return NaN; // NaN in → NaN out
  return y === 0 ? 0 : -y;
}

/** Below this, e^y underflows toward the subnormals: the term is scaled by e^700 first (see klDivLogTarget). */
const EXP_SCALE_BELOW = -708;
const EXP_SCALE = 700;
const EXP_MINUS_SCALE = Math.exp(-EXP_SCALE);

/**
 * KL divergence term with the target in log space: ℓ_i = e^{y_i}·(y_i − ŷ_i), y_i = log t_i and ŷ_i = log p_i,
 * i.e. t_i·log(t_i/p_i) (optax.kl_divergence_with_log_targets; torch.nn.functional.kl_div(ŷ, y,
 * log_target=True) before its reduction). Gradient ∂ℓ_i/∂ŷ_i = −e^{y_i}.
 *
 * Accuracy: y − ŷ is exact when the two are within a factor 2 of each other (Sterbenz), so the cancellation
 * near ŷ = y costs nothing; e^y, the difference and the product add up to about 2 ulps. For y < −708, where
 * e^y alone would lose digits to the subnormals while the product can still be a normal double,
 * (e^{y+700}·(y − ŷ))·e^{−700} (y + 700 is exact there).
 *
 * Special cases: y = −∞ (target probability 0) gives 0, the limit of t·log t — PyTorch and optax compute
 * 0·∞ = NaN there; ŷ = −∞ with finite y gives +∞; a single term can be negative, the sum over a
 * distribution cannot.
 * @example klDivLogTarget(-0.6931471805599453, -1.3862943611198906) // returns 0.34657359027997264
 * @example klDivLogTarget(-Infinity, -2) // returns 0
 */
export function klDivLogTarget(logT: number, logP: number): number {
  if (Number.isNaN(logT) || Number.isNaN(logP)) return NaN; // NaN in → NaN out
  // Target probability 0: t·log t → 0.
  if (logT === -Infinity) return 0;
  const d = logT - logP;
  // The prediction puts no mass where the target has some.
  if (d === Infinity) return Infinity;
  if (logT < EXP_SCALE_BELOW) return Math.exp(logT + EXP_SCALE) * d * EXP_MINUS_SCALE;
  return Math.exp(logT) * d;
}

/**
 * ∂/∂ŷ e^y·(y − ŷ) = −e^y (−0 → 0 at y = −∞).
 * @example klDivLogTargetGradient(0, -1) // returns -1
 */
export function klDivLogTargetGradient(logT: number, logP: number): number {
  if (Number.isNaN(logT) || Number.isNaN(logP)) return NaN; // NaN in → NaN out
  if (logT === -Infinity) return 0;
  return -Math.exp(logT);
}
