/** The diagnostic texts (docs/lints.md quotes them). `a` is the activation as written, `l` the loss. */

export const messages = {
  sigmoidIntoBce: (a: string, l: string, logitsForm: string) =>
    `\`${a}\` feeds \`${l}\`, which takes the log of the probability: in float32 σ(z) rounds to 1 beyond |z| ≈ 17, and the gradient vanishes there. Drop the sigmoid and use \`${logitsForm}\`, which computes the same loss from the logits without saturating.`,
  sigmoidIntoBceKeras: (a: string, l: string) =>
    `\`${a}\` feeds \`${l}\` (from_logits=False). This is the documented Keras idiom: the TensorFlow backend recovers the logits from a Keras sigmoid; the JAX, PyTorch and NumPy backends clip the probability to [1e-7, 1 − 1e-7], where the gradient is zero. For a loss that does not depend on the backend, remove the sigmoid and pass from_logits=True.`,
  sigmoidIntoLogitsLoss: (a: string, l: string) =>
    `\`${a}\` feeds \`${l}\`, which applies the sigmoid itself: the loss sees σ(σ(z)), whose values stay in (0.5, 0.73) — a different loss that cannot reach its targets. Pass the logits.`,
  softmaxIntoCrossEntropy: (a: string, l: string) =>
    `\`${a}\` feeds \`${l}\`, which applies log_softmax itself: softmax is applied twice, the loss sees squashed logits in [0, 1], gradients shrink and training stalls. Pass the logits.`,
  logSoftmaxIntoCrossEntropy: (a: string, l: string) =>
    `\`${a}\` feeds \`${l}\`, which applies log_softmax itself. log_softmax is idempotent, so the loss is right — the extra log_softmax is redundant work. Pass the logits, or use a negative log-likelihood loss.`,
  softmaxIntoNll: (a: string, l: string) =>
    `\`${a}\` feeds \`${l}\`, which expects log-probabilities: it computes −p[target] instead of −log p[target], a different loss with a different gradient. Use log_softmax (same dim), or cross_entropy on the logits.`,
  activationThenFromLogits: (kind: string, l: string) =>
    `The last layer applies ${kind}, but \`${l}\` is told from_logits=True: it applies ${kind} a second time (the TensorFlow backend notices and warns; the JAX and PyTorch backends do not). Set from_logits=False, or make the last layer linear.`,
  linearThenProbabilities: (layer: string, l: string) =>
    `The last layer \`${layer}\` is linear (its outputs are logits), but \`${l}\` takes probabilities (from_logits is False): logits outside [0, 1] are clipped as if they were probabilities. Pass from_logits=True, or give the last layer an activation.`,
  logOfSigmoid: (expr: string, better: string) =>
    `\`${expr}\` becomes −∞ (and its gradient NaN) as soon as σ(x) rounds to 0 — around x = −88 in float32 — and loses precision well before. Use \`${better}\`, exact everywhere.`,
  logOfSoftmax: (expr: string, better: string) =>
    `\`${expr}\` is −∞ (with a NaN gradient) for every class whose probability rounds to 0 — a logit gap of about 88 in float32. Use \`${better}\`.`,
  noFixOtherUses: (name: string) => ` No quick fix: \`${name}\` is also used elsewhere, and changing it would change that use too.`,
  relatedLoss: (l: string) => `the loss \`${l}\``,
  relatedActivation: (a: string) => `the activation \`${a}\``,
  relatedLayer: (layer: string) => `the last layer \`${layer}\``,
};
