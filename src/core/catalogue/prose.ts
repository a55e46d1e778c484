/**
 * What the views say about each function in words: the one-sentence summary, the output range, properties,
 * typical uses and pairing advice. Kept apart from the math (activations.ts, losses.ts) so the extension's
 * host bundle does not carry it: the build writes this table to dist/catalogue/prose.json, which the hover
 * reads once (src/features/hover/catalogueProse.ts); the core's listFunctions() joins it in (infos.ts).
 */
import type { FunctionProse } from '../functionTypes';

export const catalogueProse: Readonly<Record<string, FunctionProse>> = {
  relu: {
    summary: 'Passes positive inputs through unchanged and replaces negative ones with zero.',
    range: '[0, ∞)',
    properties: [
      'Piecewise linear and cheap: one comparison per element.',
      'Gradient is exactly 1 for active units, so it does not shrink through deep stacks.',
      'Units whose input stays negative get zero gradient and can stop learning ("dying ReLU").',
      'Not differentiable at 0; the derivative there is taken as 0, as in PyTorch.',
    ],
    useCases: [
      'Default hidden-layer activation for MLPs and CNNs.',
      'Baseline when comparing newer activations.',
      'Sparse representations: roughly half the units are exactly zero.',
    ],
    pairing: ['Pair with He (Kaiming) initialisation, which is derived for ReLU’s halved variance.'],
  },
  leaky_relu: {
    summary: 'ReLU with a small fixed slope alpha for negative inputs instead of a flat zero.',
    range: '(−∞, ∞) for α > 0; [0, ∞) for α = 0',
    properties: [
      'Never fully flat for α > 0, so negative units still receive gradient.',
      'Monotonic for α ≥ 0; reduces to ReLU at α = 0 and to the identity at α = 1.',
      'At x = 0 the derivative is taken as α (PyTorch’s convention).',
      'Default slope differs between frameworks: 0.01, 0.2 or 0.3.',
    ],
    useCases: [
      'Drop-in ReLU replacement when many units die during training.',
      'GAN discriminators, commonly with α = 0.2.',
      'Sparse-gradient settings where some signal for negative inputs helps.',
    ],
    pairing: ['Check the slope when porting code: the same name has a different default per framework.'],
  },
  prelu: {
    summary: 'Leaky ReLU whose negative slope alpha is a learned parameter (initialised to 0.25 in PyTorch).',
    range: '(−∞, ∞) for a > 0',
    properties: [
      'The slope is trained with the network, per layer or per channel.',
      'Monotonic only while the learned slope stays ≥ 0; nothing forces that.',
      'Derivative with respect to the input is 1 or a; at x = 0 it is a.',
      'Adds one parameter per channel (or one per layer), a negligible cost.',
    ],
    useCases: [
      'Deep CNNs for image classification, where it was introduced.',
      'Replacing a hand-tuned leaky slope with a learned one.',
      'Small models where every bit of capacity helps.',
    ],
    pairing: ['Exclude the slope from weight decay, or it is pulled toward 0 (plain ReLU).'],
  },
  relu6: {
    summary: 'ReLU clipped at 6, so outputs stay in [0, 6].',
    range: '[0, 6]',
    properties: [
      'Bounded output, friendly to low-precision and fixed-point inference.',
      'Zero gradient on both flat parts, including at the kinks 0 and 6 (PyTorch’s convention).',
      'Building block of hard sigmoid and hard swish.',
    ],
    useCases: [
      'Mobile networks (MobileNet v1/v2).',
      'Models that will be quantised to 8 bits.',
      'Keeping activations in a known range for embedded targets.',
    ],
    pairing: [],
  },
  sigmoid: {
    summary: 'The logistic function, squashing any real number into (0, 1).',
    range: '(0, 1)',
    properties: [
      'Smooth, monotonic and symmetric: σ(−x) = 1 − σ(x).',
      'Derivative peaks at 0.25 at x = 0, so gradients shrink through stacked sigmoids.',
      'Saturates for |x| beyond about 5; computed here without losing the tiny tail values.',
      'Output is not zero-centred.',
    ],
    useCases: [
      'Probability output of a binary classifier.',
      'Independent per-label probabilities in multi-label classification.',
      'Gates in LSTMs and GRUs, and attention or gating weights.',
    ],
    pairing: [
      'For a binary output, feed the logits to BCE-with-logits instead of sigmoid then BCE: it is exact in the tails and does not clamp.',
    ],
  },
  log_sigmoid: {
    summary: 'The logarithm of the sigmoid, log σ(x) = −softplus(−x).',
    range: '(−∞, 0)',
    properties: [
      'Monotonic increasing and concave.',
      'Behaves like x for very negative x and approaches 0 from below for large x.',
      'Computed as −softplus(−x), never as the log of a rounded sigmoid.',
    ],
    useCases: [
      'Log-likelihood of a binary event given its logit.',
      'Negative-sampling objectives (word2vec) and pairwise ranking losses.',
      'Log-space probability pipelines that must not underflow.',
    ],
    pairing: ['Use it instead of log(sigmoid(x)), which returns −∞ for x below about −745.'],
  },
  silu: {
    summary: 'The input times its own sigmoid, x·σ(x): a smooth ReLU-like curve with a small negative dip.',
    range: '[≈ −0.2785, ∞)',
    properties: [
      'Smooth everywhere; not monotonic: minimum ≈ −0.2785 at x ≈ −1.2785.',
      'Tends to x for large x and to 0 from below for very negative x.',
      'Derivative slightly exceeds 1 for x around 2.4, and crosses 0 at x ≈ −1.2785.',
      'Swish with β = 1; found by automated search, same as the sigmoid-weighted linear unit.',
    ],
    useCases: [
      'Hidden layers of EfficientNet and many modern CNNs.',
      'Feed-forward blocks of transformer variants (inside SwiGLU).',
      'Reinforcement-learning value networks, where it was proposed.',
    ],
    pairing: [],
  },
  hard_sigmoid: {
    summary: 'A piecewise-linear stand-in for the sigmoid: relu6(x + 3)/6.',
    range: '[0, 1]',
    properties: [
      'No exponentials: a multiply-add and two clamps.',
      'Exactly 0 below −3 and exactly 1 above 3; derivative 0 at both kinks (PyTorch).',
      'Matches σ at x = 0 but has slope 1/6 there instead of 1/4.',
      'Keras 2 (tf.keras ≤ 2.15 and the tf_keras package) and TF.js use clip(0.2x + 0.5, 0, 1) instead (hard_sigmoid_linear); this is PyTorch’s and Keras 3’s definition.',
    ],
    useCases: [
      'Gates on mobile and quantised models.',
      'Squeeze-and-excitation blocks in MobileNetV3.',
      'Anywhere a sigmoid is too slow for the target hardware.',
    ],
    pairing: [],
  },
  hard_sigmoid_linear: {
    summary: 'The piecewise-linear sigmoid of Keras 2 and TF.js: clip(0.2x + 0.5, 0, 1), saturating at ±2.5.',
    range: '[0, 1]',
    properties: [
      'Slope 0.2 instead of 1/6, and flat beyond ±2.5 instead of ±3: not the same function as hard_sigmoid',
      'Matches σ at x = 0 (0.5) with a slope closer to σ′(0) = 0.25',
      'Derivative 0.2 at the kinks too, as TensorFlow’s and TF.js’s clip_by_value gradients pass it',
    ],
    useCases: [
      'Models written for Keras 2 (tf.keras ≤ 2.15, tf_keras) with activation="hard_sigmoid"',
      'TF.js layers with activation: "hardSigmoid"',
      'Porting a Keras 2 model to Keras 3 or PyTorch: their hard sigmoid differs from this one',
    ],
    pairing: ['When porting to Keras 3 or PyTorch, expect different outputs for |x| > 0.5: their hard sigmoid is relu6(x + 3)/6'],
  },
  hard_swish: {
    summary: 'A piecewise approximation of SiLU: x·relu6(x + 3)/6.',
    range: '[−0.375, ∞)',
    properties: [
      'Quadratic between −3 and 3, linear above, zero below.',
      'Not monotonic: minimum −0.375 at x = −1.5.',
      'Derivative jumps at ±3; this takes the middle piece there (−0.5 at −3, 1.5 at 3), as PyTorch up to 2.6 does — since pytorch PR #148049 (2025) PyTorch gives 0 at −3 and 1 at 3.',
    ],
    useCases: [
      'MobileNetV3 hidden layers.',
      'Replacing SiLU on hardware without fast exponentials.',
      'Quantisation-friendly networks.',
    ],
    pairing: [],
  },
  tanh: {
    summary: 'The hyperbolic tangent, squashing any real number into (−1, 1) around zero.',
    range: '(−1, 1)',
    properties: [
      'Odd, smooth and monotonic; zero-centred output.',
      'Derivative is 1 at the origin and decays like 4e^(−2|x|).',
      'A rescaled sigmoid: tanh(x) = 2σ(2x) − 1.',
      'Saturates for |x| beyond about 3, which slows learning in deep stacks.',
    ],
    useCases: [
      'Hidden state of RNNs, LSTMs and GRUs.',
      'Outputs that must lie in (−1, 1), such as normalised images in GAN generators.',
      'Bounded continuous actions in reinforcement learning.',
    ],
    pairing: ['Pair with Xavier (Glorot) initialisation, derived for symmetric saturating units.'],
  },
  softmax: {
    summary: 'Turns a vector of scores into a probability distribution proportional to their exponentials.',
    range: '(0, 1) per element, summing to 1',
    properties: [
      'Outputs are positive and sum to 1.',
      'Unchanged by adding the same constant to every input (computed by subtracting the max).',
      'Couples the whole vector: the Jacobian is dense, not diagonal.',
      'Approaches a one-hot argmax as the score gaps grow.',
    ],
    useCases: [
      'Class probabilities of a multi-class classifier at inference.',
      'Attention weights in transformers.',
      'Policies over discrete actions in reinforcement learning.',
    ],
    pairing: [
      'Feed logits to cross-entropy on logits (PyTorch CrossEntropyLoss, Keras from_logits=True); do not apply softmax first.',
    ],
  },
  log_softmax: {
    summary: 'The logarithm of softmax, x_i − log Σ_j e^(x_j), computed without forming the probabilities.',
    range: '(−∞, 0] per element',
    properties: [
      'Each output is ≤ 0 and their exponentials sum to 1.',
      'Shift-invariant like softmax; stays finite where softmax underflows to 0.',
      'The Jacobian has rows that each sum to 0.',
    ],
    useCases: [
      'Input to negative-log-likelihood loss (PyTorch NLLLoss).',
      'Log-probabilities for sequence scoring and beam search.',
      'Knowledge distillation with KL divergence on log-probabilities.',
    ],
    pairing: [
      'log_softmax followed by NLLLoss equals cross-entropy on logits; use one of the two, not softmax then log.',
    ],
  },
  elu: {
    summary: 'Identity for positive inputs and a saturating exponential α(e^x − 1) for negative ones.',
    range: '(−α, ∞)',
    properties: [
      'Negative outputs push mean activations toward zero.',
      'Smooth at 0 only for α = 1; the derivative at 0 is taken as α (PyTorch).',
      'Monotonic for α ≥ 0; saturates to −α for very negative inputs.',
      'Exact near 0 thanks to expm1: ELU(−1e−20) = −1e−20.',
    ],
    useCases: [
      'Hidden layers of deep fully connected networks.',
      'CNNs where faster convergence than ReLU is wanted.',
      'Normalising flows and other models that need a smooth invertible-ish unit.',
    ],
    pairing: [],
  },
  selu: {
    summary: 'A scaled ELU whose fixed constants make activations self-normalise to zero mean and unit variance.',
    range: '(−λα, ∞) ≈ (−1.7581, ∞)',
    properties: [
      'α = 1.6732632423543772848170429916717 and λ = 1.0507009873554804934193349852946 in every framework.',
      'Slope λ > 1 on the positive side; saturates to −λα on the negative side.',
      'Self-normalising only with the matching initialisation and dropout variant.',
      'Derivative jumps at 0 (λ on the right, λα on the left; λα at 0 itself).',
    ],
    useCases: [
      'Deep fully connected networks without batch normalisation.',
      'Tabular-data MLPs.',
      'Experiments on self-normalising networks.',
    ],
    pairing: ['Use LeCun-normal initialisation and AlphaDropout; ordinary dropout breaks the self-normalisation.'],
  },
  celu: {
    summary: 'A continuously differentiable ELU: α(e^(x/α) − 1) for negative inputs.',
    range: '(−α, ∞)',
    properties: [
      'Derivative is continuous at 0 for every α > 0 (both sides give 1).',
      'Equals ELU when α = 1.',
      'Monotonic; saturates to −α.',
    ],
    useCases: [
      'ELU replacement when α ≠ 1 is wanted without a derivative jump.',
      'Smooth hidden layers for second-order or curvature-sensitive methods.',
      'Scale-consistent networks: CELU is homogeneous in (x, α).',
    ],
    pairing: [],
  },
  gelu: {
    summary: 'Weights each input by the standard normal CDF of itself, x·Φ(x) (exact erf form).',
    range: '[≈ −0.17, ∞)',
    properties: [
      'Smooth and not monotonic: minimum ≈ −0.17 at x ≈ −0.7518, where the derivative crosses 0.',
      'Tends to x for large x and to 0 from below, very fast, for negative x.',
      'Exact in the left tail here: GELU(−8.95) = −1.5908e−18, not 0.',
      'Differs from the tanh approximation by at most about 5e−4.',
    ],
    useCases: [
      'Feed-forward blocks of BERT, GPT-2 and ViT.',
      'Most transformer encoders and decoders.',
      'Replacing ReLU where a smooth gate helps optimisation.',
    ],
    pairing: ['Check which form a checkpoint was trained with; PyTorch defaults to erf, jax.nn.gelu to the tanh form.'],
  },
  gelu_tanh: {
    summary: 'The tanh-based approximation of GELU used by the original BERT and GPT-2 code.',
    range: '[≈ −0.17, ∞)',
    properties: [
      'Within about 5e−4 of the erf form everywhere.',
      'Equals x·σ(2u), so it never needs erf and never cancels.',
      'Derivative crosses 0 at x ≈ −0.7525.',
      'Its left tail decays like e^(−0.071|x|³), faster than the exact form.',
      'The cubic coefficient is the double nearest 0.044715, as in PyTorch (aten/src/ATen/native/cpu/Activation.cpp) and JAX (jax/_src/nn/functions.py); the exact decimal would differ by ~100 ulps at x = −18.',
    ],
    useCases: [
      'Reproducing GPT-2 and original BERT numerics exactly.',
      'JAX/Flax models (jax.nn.gelu defaults to it).',
      'Hardware without a fast erf.',
    ],
    pairing: ['In PyTorch select it with approximate="tanh"; mixing the two forms between training and inference shifts outputs slightly.'],
  },
  softplus: {
    summary: 'A smooth approximation of ReLU, log(1 + e^x), whose derivative is the sigmoid.',
    range: '(0, ∞)',
    properties: [
      'Smooth, strictly positive, convex and monotonic.',
      'Tends to x for large x and to e^x for very negative x.',
      'Computed as max(x, 0) + log1p(e^(−|x|)): softplus(800) = 800, no overflow.',
      'PyTorch’s beta and threshold options are not modelled (threshold switches to x above 20).',
    ],
    useCases: [
      'Making a network output strictly positive (variances, rates, scales).',
      'Smooth ReLU substitute in theory and in second-order methods.',
      'Building block of Mish and of log-sigmoid.',
    ],
    pairing: ['For a positive scale parameter, softplus is gentler than exp, which can overflow.'],
  },
  mish: {
    summary: 'A self-gated smooth activation, x·tanh(softplus(x)).',
    range: '[≈ −0.3088, ∞)',
    properties: [
      'Smooth and not monotonic: minimum ≈ −0.3088 at x ≈ −1.1924.',
      'Close to SiLU in shape, with a slightly deeper negative dip.',
      'Tends to x for large x and to x·e^x for very negative x.',
    ],
    useCases: [
      'YOLOv4 and other detection backbones.',
      'CNN image classifiers as a SiLU alternative.',
      'Experiments with smooth self-gated units.',
    ],
    pairing: [],
  },
  softsign: {
    summary: 'A rational squashing function x/(1 + |x|), like tanh but with polynomial tails.',
    range: '(−1, 1)',
    properties: [
      'Odd, monotonic and zero-centred.',
      'Approaches ±1 like 1/x rather than exponentially, so it saturates more gently than tanh.',
      'No exponentials: one absolute value, one add, one divide.',
    ],
    useCases: [
      'Cheap tanh substitute in hidden layers.',
      'Bounded outputs where gradients must not vanish as quickly as with tanh.',
      'Sequence models on constrained hardware.',
    ],
    pairing: [],
  },
  mse: {
    summary: 'The squared residual (ŷ − y)², averaged over elements with the mean reduction.',
    range: '[0, ∞)',
    properties: [
      'Convex and smooth everywhere',
      'Grows quadratically, so a few large residuals dominate the total',
      'Its minimiser over a set of targets is their mean',
      'Gradient proportional to the residual: large early, small near the optimum',
    ],
    useCases: [
      'Regression where large errors really are worse in proportion to their square',
      'Targets with Gaussian-like noise and few outliers',
      'Reconstruction terms in autoencoders and signal denoising',
    ],
    pairing: ['Use a linear output layer: squashing the output first (sigmoid, tanh) limits what it can fit'],
  },
  mae: {
    summary: 'The absolute residual |ŷ − y|, averaged over elements with the mean reduction.',
    range: '[0, ∞)',
    properties: [
      'Convex; not differentiable at ŷ = y (the gradient reported there is 0)',
      'Grows linearly, so outliers weigh no more than their distance',
      'Its minimiser over a set of targets is their median',
      'Gradient magnitude is constant: it does not shrink near the optimum',
    ],
    useCases: [
      'Regression with heavy-tailed noise or occasional gross errors',
      'Forecasting when the median is the quantity of interest',
      'Image-to-image losses where L2 gives blurry results',
    ],
    pairing: ['Linear output; consider a decaying learning rate, since the gradient does not vanish at the optimum'],
  },
  log_cosh: {
    summary: 'log cosh of the residual: quadratic for small residuals, close to |r| − log 2 for large ones.',
    range: '[0, ∞)',
    properties: [
      'Convex and infinitely differentiable',
      'About r²/2 near zero and |r| − log 2 far out: a smooth Huber with δ ≈ 1',
      'Gradient bounded by ±1',
      'cosh overflows beyond |r| ≈ 710; the stable form never forms it',
    ],
    useCases: [
      'Regression that should resist outliers but keep a smooth second derivative',
      'Second-order or curvature-aware optimisers that dislike Huber\'s kink in the Hessian',
    ],
    pairing: ['Linear output layer, as for MSE and Huber'],
  },
  huber: {
    summary: 'Squared error inside a band of half-width δ around the target, linear (slope δ) outside it.',
    range: '[0, ∞)',
    properties: [
      'Convex, with a continuous first derivative (the second jumps at |r| = δ)',
      'Gradient is ŷ − y inside the band (not y − ŷ) and clipped to ±δ outside',
      'Large δ tends to half the squared error; small δ, scaled by 1/δ, tends to the absolute error',
      'Less sensitive to outliers than MSE',
    ],
    useCases: [
      'Regression with occasional outliers that should not dominate the fit',
      'Value-function targets in deep Q-learning, where it bounds the TD-error gradient',
      'Bounding-box regression in object detectors',
    ],
    pairing: [
      'Linear output layer',
      'Keras and PyTorch HuberLoss share this definition; PyTorch SmoothL1Loss is this divided by β = δ',
    ],
  },
  smooth_l1: {
    summary: 'PyTorch\'s smooth L1: ½r²/β for |r| < β, |r| − ½β beyond, with r = ŷ − y.',
    range: '[0, ∞)',
    properties: [
      'Equal to huber(δ = β)/β: same shape, slope 1 outside the band whatever β is',
      'Tends to the absolute error as β → 0',
      'Convex with a continuous first derivative',
    ],
    useCases: [
      'Bounding-box regression (Fast R-CNN introduced it there)',
      'Regression that should behave like L1 for large errors but stay smooth at zero',
    ],
    pairing: ['Linear output layer; for slope δ outside the band use huber instead'],
  },
  bce: {
    summary: 'Negative log-likelihood of a label y ∈ [0, 1] under a Bernoulli with probability ŷ.',
    range: '[0, ∞)',
    properties: [
      'Unbounded: it grows without limit as ŷ approaches the wrong end (690.8 at ŷ = 1e-300 for y = 1)',
      'Convex in ŷ; for soft labels its minimum is at ŷ = y, where it equals the entropy of y',
      'PyTorch\'s BCELoss clamps each log at −100, so it never reports more than 100 per term',
      'Gradient blows up like 1/ŷ, which is why it is usually fused with the sigmoid',
    ],
    useCases: [
      'Binary classification with a probability output',
      'Multi-label classification, one independent term per label',
      'Discriminator loss in GANs',
      'Reconstruction of data scaled to [0, 1]',
    ],
    pairing: [
      'Prefer bce_with_logits on raw logits to sigmoid followed by bce: one stable expression, no saturation',
    ],
  },
  bce_with_logits: {
    summary: 'Binary cross-entropy of σ(ŷ) computed directly from the logit ŷ, without forming σ.',
    range: '[0, ∞)',
    properties: [
      'Equal to bce(y, σ(ŷ)) but finite and exact for any finite logit',
      'Convex in the logit; grows linearly (slope 1) on the wrong side',
      'Gradient σ(ŷ) − y is bounded by 1 in magnitude and never saturates to 0 while wrong',
    ],
    useCases: [
      'Binary and multi-label classification from a linear final layer',
      'GAN discriminators trained on raw scores',
      'Any setting where the logits can be large (confident models)',
    ],
    pairing: [
      'Feed raw logits: no sigmoid before it (that would apply the sigmoid twice)',
      'PyTorch BCEWithLogitsLoss, Keras BinaryCrossentropy(from_logits=True) and optax.sigmoid_binary_cross_entropy implement this',
    ],
  },
  focal: {
    summary: 'Cross-entropy scaled by (1 − p_t)^γ, so confidently correct examples contribute little.',
    range: '[0, ∞)',
    properties: [
      'For a hard label: −α_t (1 − p_t)^γ log p_t, with p_t the probability given to the true class',
      'γ = 0 gives α-weighted binary cross-entropy; γ = 0, α = ½ is half of BCE',
      'Larger γ flattens the loss near the correct answer and keeps it steep on mistakes',
      'α balances the classes; α = 0.25 with γ = 2 are the defaults from the original paper',
      'α < 0 switches the weighting off (both classes weigh 1): γ = 0 then gives BCE itself',
    ],
    useCases: [
      'Dense object detection, where easy background anchors vastly outnumber objects',
      'Strongly imbalanced binary or multi-label problems',
      'Segmentation of small structures, such as lesions in medical images',
    ],
    pairing: [
      'torchvision.ops.sigmoid_focal_loss takes logits and applies the sigmoid inside; this entry takes probabilities',
      'Keras BinaryFocalCrossentropy applies α only with apply_class_balancing=True, optax.sigmoid_focal_loss only when alpha is given (default None); torchvision applies α = 0.25 unless alpha=-1',
    ],
  },
  hinge: {
    summary: 'max(0, 1 − y·ŷ): zero once a ±1-labelled score is on the right side with margin 1.',
    range: '[0, ∞)',
    properties: [
      'Convex; a kink at the margin y·ŷ = 1, where the gradient reported is −y (as torch.clamp and tf.maximum pass it)',
      'Exactly zero, with zero gradient, for examples beyond the margin: sparse updates',
      'Grows linearly with the margin violation',
    ],
    useCases: [
      'Linear and kernel support vector machines',
      'Maximum-margin classifiers trained by (sub)gradient descent',
      'Adversarial losses in some GAN variants',
    ],
    pairing: [
      'Labels must be −1 and 1 and ŷ a raw score (no sigmoid); Keras silently maps 0/1 labels, this does not',
      'TF.js tf.losses.hingeLoss is the opposite: it always computes 2y − 1, so it needs 0/1 labels',
    ],
  },
  squared_hinge: {
    summary: 'The square of the hinge loss, max(0, 1 − y·ŷ)², for labels ±1.',
    range: '[0, ∞)',
    properties: [
      'Convex and differentiable everywhere (the gradient is 0 at the margin)',
      'Penalises large violations quadratically, so it is more outlier-sensitive than the hinge',
    ],
    useCases: [
      'L2-SVMs (LinearSVC\'s default loss in scikit-learn)',
      'Margin classifiers that need a smooth objective',
    ],
    pairing: ['Labels −1 and 1, raw scores as predictions'],
  },
  cce: {
    summary: 'Cross-entropy between a target distribution y and predicted class probabilities ŷ, per class.',
    range: '[0, ∞)',
    properties: [
      'Sum over classes is the sample\'s loss; with one-hot targets only the true class counts',
      'Unbounded: −log of a vanishing probability grows without limit',
      'Classes with y_i = 0 contribute exactly 0, even where ŷ_i = 0',
    ],
    useCases: [
      'Multi-class classification with one-hot or label-smoothed targets',
      'Knowledge distillation with a teacher\'s soft targets',
    ],
    pairing: [
      'Softmax belongs inside the cross-entropy (cce_with_logits), not before it — applying it twice flattens the gradients',
    ],
  },
  cce_with_logits: {
    summary: 'Categorical cross-entropy of softmax(ŷ), computed from the logits with the max subtracted.',
    range: '[0, ∞)',
    properties: [
      'Equal to cce(y, softmax(ŷ)) but finite for any finite logits',
      'Invariant to adding a constant to every logit',
      'For targets that sum to 1 the gradient is softmax(ŷ) − y: bounded, never saturating while wrong',
    ],
    useCases: [
      'Multi-class classification from a linear final layer',
      'Language-model next-token training',
      'Distillation with temperature-scaled logits',
    ],
    pairing: [
      'Give it raw logits: softmax belongs inside the cross-entropy, not before it — applying it twice flattens the gradients',
      'PyTorch CrossEntropyLoss, Keras CategoricalCrossentropy(from_logits=True) and optax.softmax_cross_entropy implement this',
    ],
  },
  kl_div: {
    summary: 'Per-class term y·log(y/ŷ) of KL(y ‖ ŷ), with ŷ a probability (Keras KLDivergence semantics).',
    range: '[−1/e, ∞) per class; the sum over a distribution is ≥ 0',
    properties: [
      'Differs from categorical cross-entropy by the entropy of y, a constant in ŷ: same gradient',
      'Zero when ŷ = y; a single class\'s term can be negative, the total cannot',
      'Not symmetric: KL(y ‖ ŷ) ≠ KL(ŷ ‖ y)',
    ],
    useCases: [
      'Distillation, matching a student\'s distribution to a teacher\'s',
      'The regularising term of variational autoencoders (in its closed Gaussian form)',
      'Policy-update constraints in reinforcement learning (TRPO, PPO penalties)',
    ],
    pairing: [
      'PyTorch\'s kl_div expects log-probabilities as its input (and targets as probabilities unless log_target=True); this entry takes probabilities',
    ],
  },
  nll: {
    summary: 'Cross-entropy when the prediction is already a log-probability ŷ = log p: −y·ŷ per class (PyTorch NLLLoss).',
    range: '[0, ∞)',
    properties: [
      'With one-hot targets it is −ŷ of the true class: the sum over classes picks that one log-probability',
      'Linear in ŷ, so its gradient −y does not depend on the prediction at all',
      'Equals cce(y, e^ŷ); classes with y_i = 0 contribute exactly 0, even at ŷ_i = −∞',
      'PyTorch takes class indices as targets and averages over them (weighted by weight=) with reduction=\'mean\'',
    ],
    useCases: [
      'Multi-class classification when the model ends in log_softmax',
      'Sequence models that score tokens with log-probabilities',
      'Any likelihood-based objective written in log space',
    ],
    pairing: [
      'Feed it log_softmax outputs: log_softmax followed by nll equals cross-entropy on logits (cce_with_logits)',
      'Not probabilities, and not softmax outputs: a probability in (0, 1] is not a log-probability, and a positive ŷ is rejected',
    ],
  },
  kl_div_log_target: {
    summary: 'KL(t ‖ p) per class with both sides given as log-probabilities: e^y·(y − ŷ), y = log t, ŷ = log p.',
    range: '[−1/e, ∞) per class; the sum over a distribution is ≥ 0',
    properties: [
      'The same divergence as kl_div, t·log(t/p), but with no exp or log of tiny probabilities: it stays finite where t underflows',
      'Linear in ŷ, with gradient −t: the prediction\'s log-probability is pulled up in proportion to the target\'s mass',
      'Zero when ŷ = y; a target probability of 0 (y = −∞) contributes 0 here, where PyTorch and optax compute 0·∞ = NaN',
    ],
    useCases: [
      'Distillation from a teacher whose outputs are kept as log-probabilities',
      'Matching two log_softmax outputs without leaving log space',
      'Policy-distillation and trust-region penalties in reinforcement learning',
    ],
    pairing: [
      'Both arguments are log-probabilities (log_softmax outputs); PyTorch: F.kl_div(log_p, log_t, log_target=True, reduction=\'batchmean\')',
      'optax.kl_divergence_with_log_targets(log_predictions, log_targets) sums over the last axis',
    ],
  },
};
