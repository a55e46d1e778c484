/**
 * Value and derivative of an activation in one call, for the fused formula loop (evaluateWithDerivative):
 * σ and σ′ share e^(−|x|), softplus and softplus′ = σ share it too. Each pair gives bit for bit what the
 * separate functions give (the same operations on the same e), so fusing changes speed, never results.
 */
import { overOnePlusSquaredOf } from '../extendedPrecision';

/** Writes f(x) to out[0] and f′(x) to out[1]. */
export type ValueDerivativePair = (x: number, out: Float64Array) => void;

/**
 * σ(x) and σ′(x) from one e = e^(−|x|): σ = 1/(1 + e) for x ≥ 0 and e/(1 + e) for x < 0 (logistic's two
 * branches, whose exponentials are both e^(−|x|)), σ′ = e/(1 + e)² (sigmoidDerivative). NaN gives NaN, NaN.
 */
function sigmoidPair(x: number, out: Float64Array): void {
  const e = Math.exp(-Math.abs(x));
  out[0] = x >= 0 ? 1 / (1 + e) : e / (1 + e);
  out[1] = overOnePlusSquaredOf(e, e);
}

/** softplus(x) = max(x, 0) + log1p(e^(−|x|)) (log1pExp) and softplus′ = σ(x), from one exponential. */
function softplusPair(x: number, out: Float64Array): void {
  const e = Math.exp(-Math.abs(x));
  out[0] = Math.max(x, 0) + Math.log1p(e);
  out[1] = x >= 0 ? 1 / (1 + e) : e / (1 + e);
}

/** Catalogue ids with a fused pair (parameterless activations only). */
export const valueDerivativePairs: ReadonlyMap<string, ValueDerivativePair> = new Map([
  ['sigmoid', sigmoidPair],
  ['softplus', softplusPair],
]);
