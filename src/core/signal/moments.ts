/**
 * Gaussian moments of an activation: for a pre-activation h ~ N(μ, σ²), the mean E[φ(h)], the second
 * moment E[φ(h)²] and the derivative's second moment E[φ′(h)²], with φ and φ′ the core's own (exact to a
 * few ulps) functions. The integrals are Gaussian quadrature on the smooth pieces of φ (quadrature.ts),
 * within 1e−12 of mpmath's `quad` on 200+ (μ, σ) points per activation (test/fixtures/signal.json).
 *
 * Special cases: σ = 0 gives φ(μ), φ(μ)², φ′(μ)² (a point mass); softmax and log_softmax are rejected,
 * naming why (they couple a vector, so a layer's output is not φ of one Gaussian pre-activation).
 *
 * @example gaussianMoments('relu', 0, 1) // { mean: 0.3989422804014327, secondMoment: 0.5, derivativeSecondMoment: 0.5 }
 * @example gaussianMoments('selu', 0, 1) // mean ≈ 0, secondMoment ≈ 1 (SELU's fixed point)
 */
import { resolveParams } from '../api';
import { entryFor } from '../catalogue';
import type { ElementwiseActivationDef, Params } from '../functionTypes';
import { gaussianSums, type GaussianSums, type IntegrandShape, type PointEvaluator } from './quadrature';
import { shapeOf } from './shapes';

export interface GaussianMoments {
  /** E[φ(μ + σz)], z ~ N(0, 1). */
  readonly mean: number;
  /** E[φ(μ + σz)²]. */
  readonly secondMoment: number;
  /** E[φ′(μ + σz)²]. */
  readonly derivativeSecondMoment: number;
}

/** An activation ready for the quadrature: its φ/φ′ evaluator, its kinks and features, its parameters. */
export interface PreparedActivation {
  readonly id: string;
  readonly params: Params;
  readonly def: ElementwiseActivationDef;
  readonly shape: IntegrandShape;
  readonly evaluate: PointEvaluator;
}

/** Looks up and checks `id` and its parameters for the signal functions (`caller` names who asks). */
export function prepareActivation(id: string, params: Record<string, number> | undefined, caller: string): PreparedActivation {
  if (typeof id !== 'string') throw new Error(`${caller}: id must be a string naming an activation, got ${JSON.stringify(id)}`);
  const entry = entryFor(id);
  if (entry.kind !== 'activation') {
    throw new Error(`${caller}: '${id}' is a loss, not an activation; signal propagation needs an elementwise activation`);
  }
  if (entry.def.shape !== 'elementwise') {
    throw new Error(
      `${caller}: '${id}' is not elementwise (it couples a whole vector, so a unit's output is not φ of its own ` +
        `Gaussian pre-activation); signal propagation needs an elementwise activation`,
    );
  }
  const p = resolveParams(entry, params);
  const shape = shapeOf(id, p);
  if (shape === undefined) throw new Error(`${caller}: '${id}' has no kink table in core/signal/shapes.ts yet`);
  const def = entry.def;
  const evaluate: PointEvaluator = (x, out) => {
    out[0] = def.value(x, p);
    out[1] = def.derivative(x, p);
  };
  return { id, params: p, def, shape, evaluate };
}

/** The quadrature sums at (μ, σ) for a prepared activation; σ = 0 is the point mass at μ. */
export function sumsAt(a: PreparedActivation, mu: number, sigma: number): GaussianSums {
  if (sigma === 0) {
    const phi = a.def.value(mu, a.params);
    const dphi = a.def.derivative(mu, a.params);
    return { mean: phi, absMean: Math.abs(phi), secondMoment: phi * phi, derivativeSecondMoment: dphi * dphi, steinSlope: 0, evaluations: 2 };
  }
  return gaussianSums(a.evaluate, a.shape, mu, sigma);
}

/**
 * E[φ(μ + σz)], E[φ(μ + σz)²] and E[φ′(μ + σz)²] for z ~ N(0, 1): σ is a standard deviation (σ ≥ 0),
 * `params` the activation's parameters (defaults otherwise).
 */
export function gaussianMoments(id: string, mu: number, sigma: number, params?: Record<string, number>): GaussianMoments {
  const a = prepareActivation(id, params, 'gaussianMoments');
  if (typeof mu !== 'number' || !Number.isFinite(mu)) throw new Error(`gaussianMoments: mu must be a finite number, got ${String(mu)}`);
  if (typeof sigma !== 'number' || !Number.isFinite(sigma) || sigma < 0) {
    throw new Error(`gaussianMoments: sigma (a standard deviation) must be a finite number ≥ 0, got ${String(sigma)}`);
  }
  const s = sumsAt(a, mu, sigma);
  return { mean: s.mean, secondMoment: s.secondMoment, derivativeSecondMoment: s.derivativeSecondMoment };
}
