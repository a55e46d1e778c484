/**
 * The array-level surface of the core: validate the id, the parameters and the inputs once, then map the
 * family's scalar functions over the data. Errors name the bad value and what was expected; NaN in an
 * input is not an error (it flows through to NaN out).
 */
import { entryFor, functionInfos } from './catalogue';
import type { CatalogueEntry, FunctionInfo, LossDef, Params, ParamSpec } from './types';

export type Reduction = 'none' | 'mean' | 'sum';

/** Options every loss accepts besides its own parameters. */
export interface LossOptions {
  reduction?: Reduction;
}

/** A loss's parameters by name, plus `reduction`. */
export type LossParams = Readonly<Record<string, number | Reduction | undefined>> & LossOptions;

export function listFunctions(): FunctionInfo[] {
  return functionInfos();
}

/** Values of activation `id` at each x (softmax and log_softmax take x as one vector). */
export function evaluate(id: string, x: ArrayLike<number>, params?: Record<string, number>): Float64Array {
  const entry = activationEntry(id, 'evaluate');
  const p = resolveParams(entry, params);
  const xs = toFloat64(x, 'x');
  const def = entry.def;
  if (def.shape === 'vector') return def.value(xs, p);
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = def.value(xs[i], p);
  return out;
}

/** Elementwise f′ of activation `id`; vector activations have a Jacobian instead and throw, naming it. */
export function derivative(id: string, x: ArrayLike<number>, params?: Record<string, number>): Float64Array {
  const entry = activationEntry(id, 'derivative');
  const p = resolveParams(entry, params);
  const xs = toFloat64(x, 'x');
  const def = entry.def;
  if (def.shape === 'vector') {
    throw new Error(`derivative: '${id}' couples its inputs, so it has no elementwise derivative; use jacobian('${id}', x)`);
  }
  const out = new Float64Array(xs.length);
  for (let i = 0; i < xs.length; i++) out[i] = def.derivative(xs[i], p);
  return out;
}

/** Row-major n×n Jacobian of activation `id` at x; diagonal for elementwise activations. */
export function jacobian(id: string, x: ArrayLike<number>, params?: Record<string, number>): Float64Array {
  const entry = activationEntry(id, 'jacobian');
  const p = resolveParams(entry, params);
  const xs = toFloat64(x, 'x');
  const def = entry.def;
  if (def.shape === 'vector') return def.jacobian(xs, p);
  const n = xs.length;
  const out = new Float64Array(n * n);
  for (let i = 0; i < n; i++) out[i * n + i] = def.derivative(xs[i], p);
  return out;
}

/** ℓ(y, ŷ) per element, or reduced to one number (a length-1 array) with `reduction`. */
export function lossValue(
  id: string,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  params?: LossParams,
): Float64Array {
  const { entry, p, y, yHat, reduction } = prepareLoss(id, yTrue, yPred, params, 'lossValue');
  const def = entry.def;
  let out: Float64Array;
  if (def.shape === 'vector') out = def.value(y, yHat, p);
  else {
    out = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) out[i] = def.value(y[i], yHat[i], p);
  }
  return reduce(out, reduction);
}

/** ∂ℓ/∂ŷ per element; with reduction 'mean' each element's share of the mean (divided by n). */
export function lossGradient(
  id: string,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  params?: LossParams,
): Float64Array {
  const { entry, p, y, yHat, reduction } = prepareLoss(id, yTrue, yPred, params, 'lossGradient');
  const def = entry.def;
  let out: Float64Array;
  if (def.shape === 'vector') out = def.gradient(y, yHat, p);
  else {
    out = new Float64Array(y.length);
    for (let i = 0; i < y.length; i++) out[i] = def.gradient(y[i], yHat[i], p);
  }
  if (reduction === 'mean' && out.length > 0) for (let i = 0; i < out.length; i++) out[i] /= out.length;
  return out;
}

/** The parameters in effect: defaults overlaid with `given`, each checked against its ParamSpec. */
export function resolveParams(entry: Pick<CatalogueEntry, 'id' | 'params'>, given?: Record<string, unknown>): Params {
  const out: Record<string, number> = {};
  for (const spec of entry.params) out[spec.name] = spec.default;
  if (given === undefined || given === null) return out;
  if (typeof given !== 'object') throw new Error(`${entry.id}: params must be an object, got ${typeof given}`);
  for (const [name, value] of Object.entries(given)) {
    if (name === 'reduction') continue;
    const spec = entry.params.find((s) => s.name === name);
    if (!spec) {
      const known = entry.params.map((s) => s.name);
      throw new Error(
        `${entry.id}: unknown parameter '${name}'` +
          (known.length ? ` (expected one of: ${known.join(', ')})` : ' (it takes no parameters)'),
      );
    }
    const problem = checkParam(spec, value);
    if (problem) throw new Error(`${entry.id}: ${problem}`);
    out[name] = value as number;
  }
  return out;
}

/** A message naming the problem when `value` is not allowed for `spec`, else undefined. */
export function checkParam(spec: ParamSpec, value: unknown): string | undefined {
  if (typeof value !== 'number' || Number.isNaN(value)) {
    return `${spec.name} must be a number, got ${typeof value === 'number' ? 'NaN' : JSON.stringify(value)}`;
  }
  const lowOk = spec.minExclusive ? value > spec.min : value >= spec.min;
  const highOk = spec.maxExclusive ? value < spec.max : value <= spec.max;
  if (!lowOk) return `${spec.name} must be ${spec.minExclusive ? '>' : '≥'} ${spec.min}, got ${value}`;
  if (!highOk) return `${spec.name} must be ${spec.maxExclusive ? '<' : '≤'} ${spec.max}, got ${value}`;
  return undefined;
}

function activationEntry(id: string, caller: string): Extract<CatalogueEntry, { kind: 'activation' }> {
  const entry = entryFor(id);
  if (entry.kind !== 'activation') {
    throw new Error(`${caller}: '${id}' is a loss; use lossValue/lossGradient(id, yTrue, yPred)`);
  }
  return entry;
}

function prepareLoss(
  id: string,
  yTrue: ArrayLike<number>,
  yPred: ArrayLike<number>,
  params: LossParams | undefined,
  caller: string,
) {
  const entry = entryFor(id);
  if (entry.kind !== 'loss') throw new Error(`${caller}: '${id}' is an activation; use evaluate/derivative(id, x)`);
  const reduction = (params?.reduction ?? 'none') as Reduction;
  if (reduction !== 'none' && reduction !== 'mean' && reduction !== 'sum') {
    throw new Error(`${id}: reduction must be 'none', 'mean' or 'sum', got ${JSON.stringify(reduction)}`);
  }
  const p = resolveParams(entry, params);
  const y = toFloat64(yTrue, 'yTrue');
  const yHat = toFloat64(yPred, 'yPred');
  if (y.length !== yHat.length) {
    throw new Error(`${id}: yTrue and yPred must have the same length, got ${y.length} and ${yHat.length}`);
  }
  checkDomain(entry.id, entry.def, y, yHat);
  return { entry, p, y, yHat, reduction };
}

function checkDomain(id: string, def: LossDef, y: Float64Array, yHat: Float64Array): void {
  for (let i = 0; i < y.length; i++) {
    // NaN flows through to NaN out rather than being reported as out of domain.
    const labelProblem = Number.isNaN(y[i]) ? undefined : def.checkLabel?.(y[i]);
    if (labelProblem) throw new Error(`${id}: yTrue[${i}] = ${y[i]}: ${labelProblem}`);
    const predictionProblem = Number.isNaN(yHat[i]) ? undefined : def.checkPrediction?.(yHat[i]);
    if (predictionProblem) throw new Error(`${id}: yPred[${i}] = ${yHat[i]}: ${predictionProblem}`);
  }
}

function reduce(values: Float64Array, reduction: Reduction): Float64Array {
  if (reduction === 'none') return values;
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += values[i];
  return Float64Array.of(reduction === 'sum' ? sum : values.length ? sum / values.length : NaN);
}

/** Copies array-like numbers into a Float64Array, rejecting what is not a list of numbers. */
export function toFloat64(values: ArrayLike<number>, name: string): Float64Array {
  if (values instanceof Float64Array) return values;
  if (values === null || typeof values !== 'object' || typeof values.length !== 'number') {
    throw new Error(`${name} must be an array of numbers, got ${values === null ? 'null' : typeof values}`);
  }
  const out = new Float64Array(values.length);
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (typeof v !== 'number') throw new Error(`${name}[${i}] must be a number, got ${JSON.stringify(v)}`);
    out[i] = v;
  }
  return out;
}
