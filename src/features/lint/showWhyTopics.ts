/**
 * What "Show why in the playground" plots for each lint: the way the code computes it (a formula, evaluated by
 * the numeric core) next to the stable way (a catalogue function), on one axis, with one sentence. Softmax
 * cases are shown for two classes (logits [z, 0]), where softmax is σ(z). Pure: no vscode.
 */
import type { ShowWhyTopic } from '../../lint/lintTypes';

export interface ShowWhy {
  /** The composition as the code computes it. */
  readonly naive: { readonly formula: string };
  /** The stable form, from the catalogue (or a formula when the catalogue has no single-input form). */
  readonly stable: { readonly id: string } | { readonly formula: string };
  readonly sentence: string;
}

export const SHOW_WHY: Readonly<Record<ShowWhyTopic, ShowWhy>> = {
  'bce-of-sigmoid': {
    // BCE(σ(z), y = 0) = −log(1 − σ(z)); BCE-with-logits computes it as softplus(z).
    naive: { formula: '-log(1 - 1/(1 + exp(-x)))' },
    stable: { id: 'softplus' },
    sentence:
      'BCE after a sigmoid (target 0) next to BCE-with-logits, which is softplus(z): 1 − σ(z) rounds to 0 for large z — beyond z ≈ 17 in float32 (≈ 37 in the float64 shown here) — so the loss saturates and its gradient vanishes, while the logits form stays exact.',
  },
  'sigmoid-twice': {
    naive: { formula: '1/(1 + exp(-1/(1 + exp(-x))))' },
    stable: { id: 'sigmoid' },
    sentence: 'A logits loss applies σ again: σ(σ(z)) stays between 0.5 and 0.73 whatever z is, so the loss can never reach its targets.',
  },
  'softmax-twice': {
    // Two classes with logits [z, 0]: softmax gives σ(z); softmax of the probabilities gives σ(2σ(z) − 1).
    naive: { formula: '1/(1 + exp(-(2/(1 + exp(-x)) - 1)))' },
    stable: { id: 'sigmoid' },
    sentence: 'Softmax applied twice (two classes, logits [z, 0]): the class probability is stuck between 0.27 and 0.73, so gradients shrink and training stalls; applied once it is σ(z).',
  },
  'softmax-into-nll': {
    // NLL of softmax probabilities is −p; of log_softmax it is −log p = softplus(−z) for two classes.
    naive: { formula: '-1/(1 + exp(-x))' },
    stable: { formula: 'log(1 + exp(-x))' },
    sentence: 'NLL of softmax probabilities computes −p (here for two classes) instead of −log p: bounded, with a gradient that vanishes exactly where the model is most wrong.',
  },
  'log-of-sigmoid': {
    naive: { formula: 'log(1/(1 + exp(-x)))' },
    stable: { id: 'log_sigmoid' },
    sentence: 'log(σ(z)) becomes −∞ once σ(z) rounds to 0 (z below about −88 in float32, −745 in float64); log_sigmoid stays exact.',
  },
  'log-of-softmax': {
    naive: { formula: 'log(1/(1 + exp(-x)))' },
    stable: { id: 'log_sigmoid' },
    sentence: 'log(softmax(z)) for two classes is log(σ(z)): −∞ once the probability rounds to 0; log_softmax computes z − logsumexp(z) and stays exact.',
  },
};
