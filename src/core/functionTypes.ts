/**
 * Shapes shared by every part of the numeric core. A family file (activations/*.ts, losses/*.ts)
 * exports plain scalar functions; the catalogue pairs them with their documentation and framework
 * names; api.ts validates input and maps them over arrays.
 */

/** Parameter values by name, e.g. `{ alpha: 0.2 }`. */
export type Params = Readonly<Record<string, number>>;

export type FunctionKind = 'activation' | 'loss';

export type Framework = 'pytorch' | 'tensorflow' | 'jax' | 'tfjs';

/** One tunable parameter of a catalogue function. */
export interface ParamSpec {
  readonly name: string;
  readonly default: number;
  /** Smallest allowed value (inclusive unless `minExclusive`). */
  readonly min: number;
  /** Largest allowed value (inclusive unless `maxExclusive`). */
  readonly max: number;
  readonly minExclusive?: boolean;
  readonly maxExclusive?: boolean;
  /** Suggested slider range for plots (defaults to [min, max] clipped to something finite). */
  readonly sliderRange?: readonly [number, number];
  /**
   * Values below this switch the parameter's effect off, and are shown as "off" (focal α < 0: no class
   * weighting, torchvision's alpha=-1). Absent: every allowed value is in effect.
   */
  readonly offBelow?: number;
  /** One line: what the parameter does. */
  readonly meaning: string;
}

/** An activation applied to each element on its own. */
export interface ElementwiseActivationDef {
  readonly shape: 'elementwise';
  value(x: number, p: Params): number;
  derivative(x: number, p: Params): number;
  /**
   * Optional batch forms: out[i] = value(x[i]) written as a loop of its own, so V8 inlines the scalar
   * function (a loop shared by every function calls through a megamorphic site, ≈ 15 ns per element).
   */
  valueInto?(x: Float64Array, out: Float64Array, p: Params): void;
  derivativeInto?(x: Float64Array, out: Float64Array, p: Params): void;
}

/** An activation whose outputs couple the whole vector (softmax, log_softmax). */
export interface VectorActivationDef {
  readonly shape: 'vector';
  value(x: Float64Array, p: Params): Float64Array;
  /** Row-major n×n: J[i*n + j] = ∂f_i/∂x_j. */
  jacobian(x: Float64Array, p: Params): Float64Array;
}

export type ActivationDef = ElementwiseActivationDef | VectorActivationDef;

/** A loss ℓ(y, ŷ) computed per element (reduction 'none'). */
export interface ElementwiseLossDef {
  readonly shape: 'elementwise';
  value(y: number, yHat: number, p: Params): number;
  /** ∂ℓ/∂ŷ. */
  gradient(y: number, yHat: number, p: Params): number;
  /** A message naming the problem when y is outside the loss's label domain, else undefined. */
  checkLabel?(y: number): string | undefined;
  /** A message naming the problem when ŷ is outside the loss's prediction domain, else undefined. */
  checkPrediction?(yHat: number): string | undefined;
  /**
   * Optional data forms of the checks above, so the api can scan a batch with a tight comparison loop and
   * call checkLabel/checkPrediction only on the element that fails (for its message).
   */
  labelDomain?: ValueDomain;
  predictionDomain?: ValueDomain;
  /** Optional batch forms (see ElementwiseActivationDef.valueInto). */
  valueInto?(y: Float64Array, yHat: Float64Array, out: Float64Array, p: Params): void;
  gradientInto?(y: Float64Array, yHat: Float64Array, out: Float64Array, p: Params): void;
}

/** The values a loss accepts, as data: a closed interval, or a finite set (hinge labels ±1). */
export type ValueDomain =
  | { readonly kind: 'interval'; readonly min: number; readonly max: number }
  | { readonly kind: 'set'; readonly values: readonly number[] };

/** A loss whose per-element terms couple the vector (cce_with_logits: the softmax normaliser). */
export interface VectorLossDef {
  readonly shape: 'vector';
  /** ℓ per element; their sum is the sample's loss. */
  value(y: Float64Array, yHat: Float64Array, p: Params): Float64Array;
  /** ∂(Σℓ)/∂ŷ_i per element. */
  gradient(y: Float64Array, yHat: Float64Array, p: Params): Float64Array;
  checkLabel?(y: number): string | undefined;
  checkPrediction?(yHat: number): string | undefined;
}

export type LossDef = ElementwiseLossDef | VectorLossDef;

/**
 * How a framework spells a catalogue function, and how its arguments map onto the core's parameters.
 * Example: torch.nn.LeakyReLU(0.2) → `{ framework: 'pytorch', name: 'torch.nn.LeakyReLU', form: 'class',
 * positional: ['alpha'], keywords: { negative_slope: 'alpha' }, defaults: { alpha: 0.01 } }`.
 */
export interface FrameworkName {
  readonly framework: Framework;
  /** Fully qualified name (`torch.nn.functional.leaky_relu`) or, for form 'string', the string itself. */
  readonly name: string;
  /** 'function' is called on tensors; 'class' is constructed then applied; 'string' is `activation="relu"`. */
  readonly form: 'function' | 'class' | 'string';
  /** Core parameter name for each positional argument, null for a tensor argument. */
  readonly positional?: readonly (string | null)[];
  /** Framework keyword → core parameter name. */
  readonly keywords?: Readonly<Record<string, string>>;
  /** This framework's defaults for the core's parameters, where it has the parameter at all. */
  readonly defaults?: Params;
  /** One line on how this framework differs (clamping, approximation, argument order). */
  readonly note?: string;
  /**
   * Where the row was checked: `owner/repo path` in the framework's own source, plus the version range
   * when the fact changed (`google-deepmind/optax optax/losses/_regression.py (≥ 0.2.7)`). Every row has one.
   */
  readonly source?: string;
  /** Keras 3 names only: how Keras 2 (tf.keras ≤ 2.15, the tf_keras package) differs, when it does. */
  readonly keras2?: Keras2Fact;
}

/** What a Keras 3 name is in Keras 2, where that differs (src/frameworks/generations.ts decides which applies). */
export interface Keras2Fact {
  /** The name does not exist in Keras 2. */
  readonly absent?: boolean;
  /** What Keras 2 does instead, in one line; replaces the Keras 3 note on Keras 2 code. */
  readonly note?: string;
  /** The catalogue id Keras 2's behaviour matches, when it is another function (hard_sigmoid: 0.2x + 0.5). */
  readonly id?: string;
  /** Keras 2's defaults for the core's parameters, where they differ. */
  readonly defaults?: Params;
  /** Where the Keras 2 fact was checked (keras-team/tf-keras …). */
  readonly source: string;
}

/** What a loss's x axis (ŷ) is, so plots can name it. */
export type PredictionSpace = 'probability' | 'logit' | 'real' | 'score';

/**
 * What the views know about one function, without the code and without its prose: what the hover, the
 * recognizer, the lints and the panels read at once. The prose is FunctionProse (catalogue/prose.ts).
 */
export interface FunctionFacts {
  readonly id: string;
  readonly kind: FunctionKind;
  /** 'elementwise' or 'vector' (softmax, log_softmax, cce_with_logits). */
  readonly shape: 'elementwise' | 'vector';
  readonly title: string;
  readonly params: readonly ParamSpec[];
  /** LaTeX of f (for losses ℓ(y, ŷ)). */
  readonly latex: string;
  /** LaTeX of f′ (for losses ∂ℓ/∂ŷ). */
  readonly derivativeLatex: string;
  /** A sensible x range for a plot. */
  readonly plotRange: readonly [number, number];
  /** Losses only: what ŷ is, and the labels y worth plotting (e.g. [0, 1], [-1, 1]). */
  readonly prediction?: PredictionSpace;
  readonly plotLabels?: readonly number[];
}

/**
 * What the views say about one function in words (src/core/catalogue/prose.ts). The extension's host bundle
 * does not carry it: the hover reads it from dist/catalogue/prose.json on first use.
 */
export interface FunctionProse {
  /** One sentence: what it is. */
  readonly summary: string;
  /** Output range in words or interval notation, e.g. '(0, 1)'. */
  readonly range: string;
  readonly properties: readonly string[];
  readonly useCases: readonly string[];
  /** Pairing advice, mostly for losses (BCE with logits rather than sigmoid + BCE). */
  readonly pairing: readonly string[];
}

/** Everything the views know about one function, without the code: what listFunctions() returns. */
export interface FunctionInfo extends FunctionFacts, FunctionProse {
  /** How each framework spells it (src/frameworks/table.ts). */
  readonly frameworks: readonly FrameworkName[];
}

/** A catalogue row: the facts plus the code (the prose is apart, FunctionProse). */
export type CatalogueEntry =
  | (FunctionFacts & { readonly kind: 'activation'; readonly def: ActivationDef })
  | (FunctionFacts & { readonly kind: 'loss'; readonly def: LossDef });
