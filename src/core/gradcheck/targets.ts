/**
 * What each kind of target checks:
 * - an elementwise activation: f′ against f over the range;
 * - softmax / log_softmax: the full Jacobian at representative and random vectors, one check per size;
 * - an elementwise loss: ∂ℓ/∂ŷ against ℓ over the ŷ range, one check per label y (its plot labels plus the
 *   typical ones its label domain allows: 0, 1 and a soft 0.3 for probabilities and logits, ±1 for scores,
 *   0 and 0.7 for regression);
 * - a vector loss (cce_with_logits): the gradient of the summed loss, for one-hot and soft label vectors;
 * - {f, df}: the claimed df against f;
 * - {formula, derivative?}: the formula's automatic derivative, or the claimed one, against the formula.
 */
import { evaluateWithDerivative, resolveParams } from '../api';
import { entryFor } from '../catalogue';
import { formulaGradcheckTarget } from '../formula';
import type { CatalogueEntry, ElementwiseLossDef, LossDef, Params, PredictionSpace, VectorLossDef } from '../functionTypes';
import { scanScalar } from './scan';
import { Tally } from './tally';
import type {
  CatalogueGradcheckTarget,
  FormulaSourceGradcheckTarget,
  FunctionGradcheckTarget,
  GradcheckCheck,
  GradcheckTarget,
} from './gradcheckTypes';
import { checkJacobian, checkLossGradient } from './vector';
import { inSequence, type Work } from './work';

export interface CheckSettings {
  readonly range: readonly [number, number];
  readonly points: number;
  readonly atol: number;
  readonly rtol: number;
  /** The error model (true) or the fixed atol + rtol·|numeric| criterion (false). */
  readonly model: boolean;
  readonly seed: number;
  readonly labels?: readonly number[];
}

export interface TargetPlan {
  readonly name: string;
  /** The range when the options give none. */
  readonly range: readonly [number, number];
  /** Whether options.labels means anything here (elementwise losses only). */
  readonly takesLabels?: boolean;
  /** The checks, as work that yields its progress in [0, 1] (undefined: no news) between small slices. */
  run(settings: CheckSettings): Work<GradcheckCheck[]>;
}

const DEFAULT_RANGE: readonly [number, number] = [-5, 5];

/** Labels worth checking for each kind of prediction, before the loss's own label check filters them. */
const TYPICAL_LABELS: Readonly<Record<PredictionSpace, readonly number[]>> = {
  probability: [0, 1, 0.3],
  logit: [0, 1, 0.3],
  score: [-1, 1],
  real: [0, 0.7],
};

export function planFor(target: GradcheckTarget): TargetPlan {
  if (target === null || typeof target !== 'object') {
    throw new Error(
      `gradcheck: target must be { id, params? }, { f, df, label? } or { formula, derivative? }, got ${target === null ? 'null' : typeof target}`,
    );
  }
  if ('id' in target) return cataloguePlan(target);
  if ('f' in target || 'df' in target) return functionPlan(target as FunctionGradcheckTarget);
  if ('formula' in target) return formulaPlan(target);
  throw new Error(`gradcheck: target must have an id, f and df, or a formula; got keys ${JSON.stringify(Object.keys(target))}`);
}

function functionPlan(target: FunctionGradcheckTarget, range: readonly [number, number] = DEFAULT_RANGE): TargetPlan {
  for (const key of ['f', 'df'] as const) {
    if (typeof target[key] !== 'function') throw new Error(`gradcheck: ${key} must be a function, got ${typeof target[key]}`);
  }
  if (target.label !== undefined && typeof target.label !== 'string') {
    throw new Error(`gradcheck: label must be a string, got ${typeof target.label}`);
  }
  const name = target.label ?? 'f';
  return {
    name,
    range,
    *run(settings) {
      const tally = new Tally(settings.atol, settings.rtol, settings.model);
      const found = yield* scanScalar(target.f, target.df, settings.range[0], settings.range[1], settings.points, tally, undefined, target.grid);
      return [tally.result(name, found.kinks, found.jumps)];
    },
  };
}

/** A formula and, optionally, a claimed derivative (else its automatic one); FormulaError keeps its span. */
function formulaPlan(target: FormulaSourceGradcheckTarget): TargetPlan {
  const { formula, derivative, params, range } = target;
  if (typeof formula !== 'string') throw new Error(`gradcheck: formula must be a string, got ${typeof formula}`);
  if (derivative !== undefined && typeof derivative !== 'string') {
    throw new Error(`gradcheck: derivative must be a string, got ${typeof derivative}`);
  }
  return functionPlan(formulaGradcheckTarget(formula, derivative, params), range ?? DEFAULT_RANGE);
}

function cataloguePlan(target: CatalogueGradcheckTarget): TargetPlan {
  let entry: CatalogueEntry;
  let p: Params;
  try {
    entry = entryFor(target.id);
    p = resolveParams(entry, target.params);
  } catch (error) {
    throw new Error(`gradcheck: ${(error as Error).message}`);
  }
  const given = Object.entries(target.params ?? {});
  const name = given.length ? `${entry.id}(${given.map(([k, v]) => `${k}=${v}`).join(', ')})` : entry.id;
  const range = entry.plotRange ?? DEFAULT_RANGE;
  const plan = (run: (settings: CheckSettings) => Work<GradcheckCheck[]>): TargetPlan => ({ name, range, run });

  if (entry.kind === 'activation') {
    const def = entry.def;
    if (def.shape === 'elementwise') {
      return plan(function* (s) {
        const tally = new Tally(s.atol, s.rtol, s.model);
        // The grid in one fused pass per slice (evaluateWithDerivative: the same bits as value and derivative).
        const grid = (xs: Float64Array, fx: Float64Array, dx: Float64Array) => {
          const both = evaluateWithDerivative(entry.id, xs, p);
          fx.set(both.values);
          dx.set(both.derivatives);
        };
        const found = yield* scanScalar((x) => def.value(x, p), (x) => def.derivative(x, p), s.range[0], s.range[1], s.points, tally, undefined, grid);
        return [tally.result('f′', found.kinks, found.jumps)];
      });
    }
    return plan(function* (s) {
      const tallies = new Map<number, Tally>();
      const tallyFor = (n: number) => {
        let tally = tallies.get(n);
        if (!tally) tallies.set(n, (tally = new Tally(s.atol, s.rtol, s.model)));
        return tally;
      };
      yield* checkJacobian((x) => def.value(x, p), (x) => def.jacobian(x, p), s.range[0], s.range[1], s.points, s.seed, tallyFor);
      return [...tallies.entries()].sort(([a], [b]) => a - b).map(([n, tally]) => tally.result(`Jacobian, n = ${n}`, []));
    });
  }
  const def = entry.def;
  if (def.shape === 'elementwise') {
    const labels = (given?: readonly number[]) => labelsFor(entry.id, def, entry.plotLabels, entry.prediction, given);
    return { name, range, takesLabels: true, run: (s) => elementwiseLossChecks(def, p, labels(s.labels), s) };
  }
  return plan((s) => vectorLossChecks(def, p, s));
}

function elementwiseLossChecks(def: ElementwiseLossDef, p: Params, labels: number[], s: CheckSettings): Work<GradcheckCheck[]> {
  return inSequence(labels.map((y) => function* () {
    const tally = new Tally(s.atol, s.rtol, s.model);
    // Outside the prediction domain the loss is undefined: NaN there makes the stencil shrink or turn inward.
    const f = def.checkPrediction
      ? (yHat: number) => (def.checkPrediction!(yHat) === undefined ? def.value(y, yHat, p) : NaN)
      : (yHat: number) => def.value(y, yHat, p);
    const found = yield* scanScalar(f, (yHat) => def.gradient(y, yHat, p), s.range[0], s.range[1], s.points, tally, { label: y });
    return tally.result(`y = ${y}`, found.kinks, found.jumps);
  }));
}

function vectorLossChecks(def: VectorLossDef, p: Params, s: CheckSettings): Work<GradcheckCheck[]> {
  const kinds: [string, (n: number, k: number, random: () => number) => Float64Array][] = [
    ['one-hot y', (n, k) => Float64Array.from({ length: n }, (_, i) => (i === k % n ? 1 : 0))],
  ];
  if (def.checkLabel?.(0.3) === undefined) {
    kinds.push([
      'soft y',
      (n, _k, random) => {
        const y = Float64Array.from({ length: n }, () => 0.05 + random());
        const total = y.reduce((a, b) => a + b, 0);
        return y.map((v) => v / total);
      },
    ]);
  }
  return inSequence(kinds.map(([label, labelFor], kind) => function* () {
    const tally = new Tally(s.atol, s.rtol, s.model);
    const value = (y: Float64Array, yHat: Float64Array) => def.value(y, yHat, p);
    const gradient = (y: Float64Array, yHat: Float64Array) => def.gradient(y, yHat, p);
    yield* checkLossGradient(value, gradient, labelFor, s.range[0], s.range[1], s.points, s.seed + kind, tally);
    return tally.result(label, []);
  }));
}

/** The labels to check: given ones (each must be allowed), else plot labels plus typical ones the loss allows. */
function labelsFor(
  id: string,
  def: LossDef,
  plotLabels: readonly number[] | undefined,
  prediction: PredictionSpace | undefined,
  given: readonly number[] | undefined,
): number[] {
  if (given) {
    for (const y of given) {
      const problem = def.checkLabel?.(y);
      if (problem) throw new Error(`gradcheck: ${id}: label y = ${y} is not allowed: ${problem}`);
    }
    return [...new Set(given)];
  }
  const candidates = [...(plotLabels ?? []), ...TYPICAL_LABELS[prediction ?? 'real']];
  const labels = [...new Set(candidates)].filter((y) => def.checkLabel?.(y) === undefined);
  if (labels.length === 0) throw new Error(`gradcheck: ${id}: none of the labels ${candidates.join(', ')} is allowed`);
  return labels;
}
