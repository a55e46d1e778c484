/**
 * The gain of an activation and the initialisation it implies.
 *
 * gain = 1/√E[φ(z)²], z ~ N(0, 1): weights with standard deviation gain/√fan_in keep the second moment of
 * the pre-activations at 1 from layer to layer (the variance map of propagation.ts with σ_w² = gain², σ_b² = 0,
 * at q = 1). This is He et al.'s derivation, and it gives PyTorch's `nn.init.calculate_gain` exactly for
 * relu (√2) and leaky_relu (√(2/(1 + α²))). PyTorch's other constants are conventions, not this formula
 * (pytorch/pytorch torch/nn/init.py, calculate_gain):
 * - tanh 5/3: the formula gives 1.5927 (5/3 is larger, pushing tanh nets toward the edge of chaos);
 * - sigmoid 1: the formula gives 1.8467 (it counts sigmoid's mean ½ as signal; PyTorch keeps Xavier's 1);
 * - selu 3/4: the formula gives 1 (SELU's fixed point, E[selu(z)²] = 1); PyTorch's 3/4 is "found empirically"
 *   (pytorch/pytorch#50664), and torch.nn.SELU's docstring says to use nonlinearity='linear' (gain 1) for
 *   self-normalising networks (pytorch/pytorch torch/nn/modules/activation.py, class SELU).
 *
 * Framework spellings: PyTorch nn.init (torch/nn/init.py); Keras string identifiers are the snake_case class
 * names (keras-team/keras keras/src/initializers/__init__.py: HeNormal → 'he_normal', LecunNormal →
 * 'lecun_normal', GlorotUniform → 'glorot_uniform'); JAX/Flax jax.nn.initializers (jax-ml/jax
 * jax/_src/nn/initializers.py); TF.js identifiers 'heNormal', 'leCunNormal', 'glorotUniform'
 * (tensorflow/tfjs tfjs-layers/src/initializers.ts).
 *
 * @example initFor('relu').pytorch // "nn.init.kaiming_normal_(w, nonlinearity='relu')"
 * @example initFor('tanh').gain // 1.5927…, where calculate_gain('tanh') is 5/3
 */
import { prepareActivation, sumsAt, type PreparedActivation } from './moments';

export type InitScheme = 'kaiming' | 'lecun' | 'xavier';

export interface InitRecommendation {
  readonly id: string;
  /** 1/√E[φ(z)²], computed. */
  readonly gain: number;
  /** nn.init.calculate_gain's value for this activation, where it has one. */
  readonly pytorchGain?: number;
  /** Why PyTorch's constant differs from the computed gain, where it does. */
  readonly convention?: string;
  readonly scheme: InitScheme;
  /** The gain the `pytorch` call applies (√2 for kaiming_normal_ with nonlinearity='relu', 1 for 'linear', …). */
  readonly callGain: number;
  /** He/Kaiming, LeCun or Glorot/Xavier, in words. */
  readonly schemeTitle: string;
  readonly pytorch: string;
  readonly keras: string;
  readonly jax: string;
  readonly tfjs: string;
  /** One line for the hover beyond the spelling (SELU's AlphaDropout). */
  readonly note?: string;
}

/** 1/√E[φ(z)²] for a prepared activation. */
export function gainOf(a: PreparedActivation): number {
  return 1 / Math.sqrt(sumsAt(a, 0, 1).secondMoment);
}

/** The computed gain of activation `id` (with `params`): 1/√E[φ(z)²]. */
export function gain(id: string, params?: Record<string, number>): number {
  return gainOf(prepareActivation(id, params, 'gain'));
}

const XAVIER_IDS = new Set(['tanh', 'sigmoid', 'softsign', 'hard_sigmoid']);
const SCHEME_TITLES: Record<InitScheme, string> = {
  kaiming: 'He (Kaiming)',
  lecun: 'LeCun',
  xavier: 'Glorot (Xavier)',
};

/** The initialisation activation `id` implies, with each framework's spelling. */
export function initFor(id: string, params?: Record<string, number>): InitRecommendation {
  const a = prepareActivation(id, params, 'initFor');
  const g = gainOf(a);
  const shown = round(g);
  const alpha = a.params.alpha;
  if (id === 'relu') {
    return { ...schemeFields(id, g, 'kaiming'), pytorchGain: Math.SQRT2, callGain: Math.SQRT2, pytorch: "nn.init.kaiming_normal_(w, nonlinearity='relu')" };
  }
  if (id === 'leaky_relu' || id === 'prelu') {
    return {
      ...schemeFields(id, g, 'kaiming'),
      pytorchGain: Math.sqrt(2 / (1 + alpha * alpha)),
      callGain: Math.sqrt(2 / (1 + alpha * alpha)),
      pytorch: `nn.init.kaiming_normal_(w, a=${alpha}, nonlinearity='leaky_relu')`,
    };
  }
  if (id === 'selu') {
    return {
      ...schemeFields(id, g, 'lecun'),
      pytorchGain: 3 / 4,
      convention: "calculate_gain('selu') = 3/4 was found empirically (pytorch/pytorch#50664); SELU's fixed point needs gain 1",
      callGain: 1,
      pytorch: "nn.init.kaiming_normal_(w, nonlinearity='linear')",
      note: 'self-normalising with lecun_normal and AlphaDropout (plain dropout breaks it)',
    };
  }
  if (id === 'tanh') {
    return {
      ...schemeFields(id, g, 'xavier'),
      pytorchGain: 5 / 3,
      callGain: 5 / 3,
      convention: `calculate_gain('tanh') = 5/3 is a convention; 1/√E[tanh(z)²] = ${shown}`,
      pytorch: "nn.init.xavier_uniform_(w, gain=nn.init.calculate_gain('tanh'))",
    };
  }
  if (id === 'sigmoid') {
    return {
      ...schemeFields(id, g, 'xavier'),
      pytorchGain: 1,
      callGain: 1,
      convention: `calculate_gain('sigmoid') = 1 is Xavier's convention; 1/√E[σ(z)²] = ${shown} counts σ's mean ½ as signal`,
      pytorch: 'nn.init.xavier_uniform_(w)',
    };
  }
  if (XAVIER_IDS.has(id)) return { ...schemeFields(id, g, 'xavier'), callGain: Number(shown), pytorch: `nn.init.xavier_uniform_(w, gain=${shown})` };
  return {
    ...schemeFields(id, g, 'kaiming'),
    callGain: Math.SQRT2,
    pytorch: `nn.init.kaiming_normal_(w, nonlinearity='relu')`,
    note: `calculate_gain has no '${id}': nonlinearity='relu' gives √2; the variance-preserving gain is ${shown} (nn.init.normal_(w, std=${shown}/math.sqrt(fan_in)))`,
  };
}

/** Each scheme's initializer, as Keras, JAX and TF.js spell it. */
const SCHEME_CALLS: Record<InitScheme, { readonly keras: string; readonly jax: string; readonly tfjs: string }> = {
  kaiming: { keras: "'he_normal'", jax: 'jax.nn.initializers.he_normal()', tfjs: "'heNormal'" },
  lecun: { keras: "'lecun_normal'", jax: 'jax.nn.initializers.lecun_normal()', tfjs: "'leCunNormal'" },
  xavier: { keras: "'glorot_uniform'", jax: 'jax.nn.initializers.glorot_uniform()', tfjs: "'glorotUniform'" },
};

/** The fields every recommendation of `scheme` shares: its title and its Keras, JAX and TF.js spellings. */
function schemeFields<S extends InitScheme>(id: string, g: number, scheme: S) {
  return { id, gain: g, scheme, schemeTitle: SCHEME_TITLES[scheme], ...SCHEME_CALLS[scheme] };
}

/** Four decimals, for a gain written into code. */
function round(g: number): string {
  return String(Math.round(g * 1e4) / 1e4);
}
