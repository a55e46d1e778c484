/**
 * Value and derivative of an activation in one call, for the fused formula loop (evaluateWithDerivative):
 * σ and σ′ share e^(−|x|), softplus and softplus′ = σ share it too. Each pair gives bit for bit what the
 * separate functions give (the same operations on the same e), so fusing changes speed, never results.
 *
 * Each pair exists twice, as a function (for api.evaluateWithDerivative on a built-in) and as source text
 * that the formula code generator pastes into its loop (a call per point through a scratch array costs more
 * than the arithmetic: 36 against 23 ns per point for x·σ(1.702x) and its derivative). The two are the same
 * operations in the same order; test/unit/formula.numerics.test.ts checks the bits.
 */
import { sigmoidSlopeOf } from '../extendedPrecision';

/** Writes f(x) to out[0] and f′(x) to out[1]. */
export type ValueDerivativePair = (x: number, out: Float64Array) => void;

/**
 * σ(x) and σ′(x) from one e = e^(−|x|): σ = 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0 (logistic's two
 * branches, whose exponentials are both e^(−|x|)), σ′ = e/(1 + e)² (sigmoidSlopeOf). NaN gives NaN, NaN.
 */
function sigmoidPair(x: number, out: Float64Array): void {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  out[0] = (x >= 0 ? 1 : e) / d;
  out[1] = sigmoidSlopeOf(e);
}

/** softplus(x) = max(x, 0) + log1p(e^(−|x|)) (log1pExp) and softplus′ = σ(x), from one exponential. */
function softplusPair(x: number, out: Float64Array): void {
  const e = Math.exp(-Math.abs(x));
  const d = 1 + e;
  out[0] = Math.max(x, 0) + Math.log1p(e);
  out[1] = (x >= 0 ? 1 : e) / d;
}

/** Catalogue ids with a fused pair (parameterless activations only). */
export const valueDerivativePairs: ReadonlyMap<string, ValueDerivativePair> = new Map([
  ['sigmoid', sigmoidPair],
  ['softplus', softplusPair],
]);

/** Names the generated loop gives a pasted pair: its input, fresh temporaries, and table functions by name. */
export interface PairNames {
  readonly input: string;
  /** A fresh temporary name each call. */
  readonly temp: () => string;
  /** The generated name of built-in `name` (exp, abs, log1p, max). */
  readonly builtin: (name: 'exp' | 'abs' | 'log1p' | 'max') => string;
}

/** Source lines computing a pair, and the names holding f and f′. */
export interface PairSource {
  readonly lines: readonly string[];
  readonly value: string;
  readonly derivative: string;
}

/**
 * The pairs above as source for the formula loop: identical operations, so identical bits. Only generated
 * names and fixed operators appear in the text (see codegen.ts on what generated source may contain).
 */
export const pairSources: ReadonlyMap<string, (n: PairNames) => PairSource> = new Map([
  [
    'sigmoid',
    (n: PairNames): PairSource => {
      const [e, d, s, q, ds] = [n.temp(), n.temp(), n.temp(), n.temp(), n.temp()];
      return {
        lines: [
          `const ${e} = ${n.builtin('exp')}(-${n.builtin('abs')}(${n.input}));`,
          `const ${d} = 1 + ${e};`,
          // One division of the chosen numerator: the same bits as x ≥ 0 ? 1/d : e/d, without a branch.
          `const ${s} = (${n.input} >= 0 ? 1 : ${e}) / ${d};`,
          // sigmoidSlopeOf(e), written out.
          `const ${q} = ${e} / (${d} * ${d});`,
          `const ${ds} = ${q} - ${q} * (${e} - (${d} - 1)) * (3 - ${d});`,
        ],
        value: s,
        derivative: ds,
      };
    },
  ],
  [
    'softplus',
    (n: PairNames): PairSource => {
      const [e, d, f, s] = [n.temp(), n.temp(), n.temp(), n.temp()];
      return {
        lines: [
          `const ${e} = ${n.builtin('exp')}(-${n.builtin('abs')}(${n.input}));`,
          `const ${d} = 1 + ${e};`,
          `const ${f} = ${n.builtin('max')}(${n.input}, 0) + ${n.builtin('log1p')}(${e});`,
          // One division of the chosen numerator: the same bits as x ≥ 0 ? 1/d : e/d, without a branch.
          `const ${s} = (${n.input} >= 0 ? 1 : ${e}) / ${d};`,
        ],
        value: f,
        derivative: s,
      };
    },
  ],
]);
