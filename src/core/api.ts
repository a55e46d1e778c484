/**
 * The array-level surface of the core: validate the id, the parameters and the inputs once, then map the
 * family's scalar functions over the data. Errors name the bad value and what was expected; NaN in an
 * input is not an error (it flows through to NaN out).
 */
import { valueDerivativePairs } from './activations/pairs';
import { entryFor } from './catalogue';
import { functionInfos } from './catalogue/infos';
import { describeValue } from './describe';
import type { RowBatchVectorActivationDef } from './catalogue/activations';
import type { ActivationDef, CatalogueEntry, ElementwiseActivationDef, ElementwiseLossDef, FunctionInfo, LossDef, Params, ParamSpec, ValueDomain } from './functionTypes';

export type Reduction = 'none' | 'mean' | 'sum';

/** Options every loss accepts besides its own parameters. */
export interface LossOptions {
  reduction?: Reduction;
}

/** A loss's parameters by name, plus `reduction`. */
export type LossParams = Readonly<Record<string, number | Reduction | undefined>> & LossOptions;

/** Options of evaluate and jacobian besides the function's own parameters. */
export interface ActivationOptions {
  /**
   * Take x as a batch of rows of this many elements each (a [rows, rowLength] array, row-major): vector
   * activations (softmax, log_softmax) apply to each row on its own, and jacobian returns one
   * rowLength×rowLength block per row, back to back (rows·rowLength² numbers). x.length must be a multiple
   * of it. Elementwise activations give the same values either way, and block-diagonal Jacobians.
   */
  rowLength?: number;
}

export function listFunctions(): FunctionInfo[] {
  return functionInfos();
}

/**
 * Values of activation `id` at each x (softmax and log_softmax take x as one vector, or each row of
 * `options.rowLength` elements as one).
 */
export function evaluate(id: string, x: ArrayLike<number>, params?: Record<string, number>, options?: ActivationOptions): Float64Array {
  const { def, p, xs, rowLength } = prepareActivation(id, x, params, options, 'evaluate');
  if (def.shape === 'vector') {
    if (rowLength === undefined) return def.value(xs, p);
    const out = new Float64Array(xs.length);
    if (hasRowBatches(def)) def.valueRowsInto(xs, rowLength, out, p);
    else for (let r = 0; r < xs.length; r += rowLength) out.set(def.value(xs.subarray(r, r + rowLength), p), r);
    return out;
  }
  const out = new Float64Array(xs.length);
  valuesInto(def, xs, out, p);
  return out;
}

/**
 * f at each x, into out. The def's own batch loop inlines its scalar function; the shared loop here, for a
 * def without one, calls through a megamorphic site.
 */
function valuesInto(def: ElementwiseActivationDef, xs: Float64Array, out: Float64Array, p: Params): void {
  if (def.valueInto) def.valueInto(xs, out, p);
  else for (let i = 0; i < xs.length; i++) out[i] = def.value(xs[i], p);
}

/** f′ at each x, into out (the def's own batch loop where it has one, as in valuesInto). */
function derivativesInto(def: ElementwiseActivationDef, xs: Float64Array, out: Float64Array, p: Params): void {
  if (def.derivativeInto) def.derivativeInto(xs, out, p);
  else for (let i = 0; i < xs.length; i++) out[i] = def.derivative(xs[i], p);
}

/**
 * f and f′ of elementwise activation `id` at each x, in one call (what a plot or a gradient check needs):
 * one loop where value and derivative share work (σ and σ′ share e^(−|x|)), else the def's two batch loops.
 * Bit for bit what evaluate and derivative give.
 *
 * @example evaluateWithDerivative('sigmoid', [0]) // { values: [0.5], derivatives: [0.25] }
 */
export function evaluateWithDerivative(
  id: string,
  x: ArrayLike<number>,
  params?: Record<string, number>,
): { values: Float64Array; derivatives: Float64Array } {
  const { entry, def, p, xs } = prepareActivation(id, x, params, undefined, 'evaluateWithDerivative');
  if (def.shape === 'vector') {
    throw new Error(`evaluateWithDerivative: '${id}' couples its inputs, so it has no elementwise derivative; use jacobian('${id}', x)`);
  }
  const values = new Float64Array(xs.length);
  const derivatives = new Float64Array(xs.length);
  const pair = entry.params.length === 0 ? valueDerivativePairs.get(entry.id) : undefined;
  if (pair) {
    const out = new Float64Array(2);
    for (let i = 0; i < xs.length; i++) {
      pair(xs[i], out);
      values[i] = out[0];
      derivatives[i] = out[1];
    }
    return { values, derivatives };
  }
  valuesInto(def, xs, values, p);
  derivativesInto(def, xs, derivatives, p);
  return { values, derivatives };
}

/** Elementwise f′ of activation `id`; vector activations have a Jacobian instead and throw, naming it. */
export function derivative(id: string, x: ArrayLike<number>, params?: Record<string, number>): Float64Array {
  const { def, p, xs } = prepareActivation(id, x, params, undefined, 'derivative');
  if (def.shape === 'vector') {
    throw new Error(`derivative: '${id}' couples its inputs, so it has no elementwise derivative; use jacobian('${id}', x)`);
  }
  const out = new Float64Array(xs.length);
  derivativesInto(def, xs, out, p);
  return out;
}

/**
 * Row-major n×n Jacobian of activation `id` at x; diagonal for elementwise activations. With
 * `options.rowLength`, one rowLength×rowLength block per row of x, back to back.
 */
export function jacobian(id: string, x: ArrayLike<number>, params?: Record<string, number>, options?: ActivationOptions): Float64Array {
  const { def, p, xs, rowLength } = prepareActivation(id, x, params, options, 'jacobian');
  checkJacobianSize(id, xs.length, rowLength ?? xs.length);
  if (def.shape === 'vector') {
    if (rowLength === undefined) return def.jacobian(xs, p);
    const out = new Float64Array(xs.length * rowLength);
    if (hasRowBatches(def)) def.jacobianRowsInto(xs, rowLength, out, p);
    else {
      const block = rowLength * rowLength;
      for (let r = 0, at = 0; r < xs.length; r += rowLength, at += block) {
        out.set(def.jacobian(xs.subarray(r, r + rowLength), p), at);
      }
    }
    return out;
  }
  const n = xs.length;
  // Blocks of `block` elements on the diagonal: the whole vector, or each row.
  const block = rowLength ?? n;
  const out = new Float64Array(n * block);
  const diagonal = new Float64Array(n);
  derivativesInto(def, xs, diagonal, p);
  // Element i sits in block ⌊i/block⌋ (which starts at ⌊i/block⌋·block²), at its row and column i mod block.
  for (let i = 0; i < n; i++) out[i * block + (i % block)] = diagonal[i];
  return out;
}

/** The most numbers a Jacobian may have: 2^24 (128 MB of doubles; a full one for n ≤ 4096). */
const MAX_JACOBIAN_ENTRIES = 2 ** 24;

/** Refuses, before allocating, a Jacobian of n·block numbers beyond MAX_JACOBIAN_ENTRIES, naming the size. */
function checkJacobianSize(id: string, n: number, block: number): void {
  const entries = n * block;
  if (entries <= MAX_JACOBIAN_ENTRIES) return;
  const gigabytes = (entries * 8) / 1e9;
  throw new Error(
    `jacobian('${id}'): x has ${n} elements, so the Jacobian would have ${entries.toExponential(2)} entries ` +
      `(${gigabytes >= 1 ? `${gigabytes.toFixed(1)} GB` : `${(gigabytes * 1e3).toFixed(0)} MB`}); the limit is ${MAX_JACOBIAN_ENTRIES} entries. ` +
      `Pass { rowLength } to get one block per row, or use derivative() for an elementwise activation`,
  );
}

/** options.rowLength, checked: a positive integer dividing x.length; undefined when not given. */
function checkRowLength(id: string, xs: Float64Array, options: ActivationOptions): number | undefined {
  if (typeof options !== 'object') throw new Error(`${id}: options must be an object, got ${typeof options}`);
  const rowLength = options.rowLength;
  if (rowLength === undefined) return undefined;
  if (typeof rowLength !== 'number' || !Number.isInteger(rowLength) || rowLength < 1) {
    throw new Error(
      `${id}: rowLength must be a positive integer, got ${describeValue(rowLength)}`,
    );
  }
  if (xs.length % rowLength !== 0) {
    throw new Error(`${id}: x has ${xs.length} elements, not a whole number of rows of ${rowLength}`);
  }
  return rowLength;
}

function hasRowBatches(def: ActivationDef): def is RowBatchVectorActivationDef {
  return 'valueRowsInto' in def && 'jacobianRowsInto' in def;
}

/** ℓ(y, ŷ) per element, or reduced to one number (a length-1 array) with `reduction`. */
export function lossValue(id: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>, params?: LossParams): Float64Array {
  const { def, p, y, yHat, reduction } = prepareLoss(id, yTrue, yPred, params, 'lossValue');
  const out = def.shape === 'vector' ? def.value(y, yHat, p) : elementwiseLossTerms(def, y, yHat, p, 'value');
  return reduce(out, reduction);
}

/**
 * ℓ or ∂ℓ/∂ŷ of an elementwise loss at each (y, ŷ): the def's own batch loop where it has one (it inlines its
 * scalar function), else one shared loop.
 */
function elementwiseLossTerms(def: ElementwiseLossDef, y: Float64Array, yHat: Float64Array, p: Params, of: 'value' | 'gradient'): Float64Array {
  const out = new Float64Array(y.length);
  if (of === 'value') {
    if (def.valueInto) def.valueInto(y, yHat, out, p);
    else for (let i = 0; i < y.length; i++) out[i] = def.value(y[i], yHat[i], p);
  } else if (def.gradientInto) def.gradientInto(y, yHat, out, p);
  else for (let i = 0; i < y.length; i++) out[i] = def.gradient(y[i], yHat[i], p);
  return out;
}

/** ∂ℓ/∂ŷ per element; with reduction 'mean' each element's share of the mean (divided by n). */
export function lossGradient(id: string, yTrue: ArrayLike<number>, yPred: ArrayLike<number>, params?: LossParams): Float64Array {
  const { def, p, y, yHat, reduction } = prepareLoss(id, yTrue, yPred, params, 'lossGradient');
  const out = def.shape === 'vector' ? def.gradient(y, yHat, p) : elementwiseLossTerms(def, y, yHat, p, 'gradient');
  if (reduction === 'mean' && out.length > 0) {
    const n = out.length;
    for (let i = 0; i < n; i++) out[i] /= n;
  }
  return out;
}

/** Each entry's defaults, built once and frozen: the common call without parameters allocates nothing. */
const defaultParams = new WeakMap<object, Params>();

function defaultsOf(entry: Pick<CatalogueEntry, 'id' | 'params'>): Params {
  let p = defaultParams.get(entry);
  if (p === undefined) {
    const out: Record<string, number> = {};
    for (const spec of entry.params) out[spec.name] = spec.default;
    p = Object.freeze(out);
    defaultParams.set(entry, p);
  }
  return p;
}

/**
 * The parameters in effect: defaults overlaid with `given`, each checked against its ParamSpec. Without
 * `given` this is the entry's shared, frozen defaults object.
 */
export function resolveParams(entry: Pick<CatalogueEntry, 'id' | 'params'>, given?: Record<string, unknown>): Params {
  if (given === undefined || given === null) return defaultsOf(entry);
  if (typeof given !== 'object') throw new Error(`${entry.id}: params must be an object, got ${typeof given}`);
  const out: Record<string, number> = { ...defaultsOf(entry) };
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
    return `${spec.name} must be a number, got ${describeValue(value)}`;
  }
  const lowOk = spec.minExclusive ? value > spec.min : value >= spec.min;
  const highOk = spec.maxExclusive ? value < spec.max : value <= spec.max;
  if (!lowOk) return `${spec.name} must be ${spec.minExclusive ? '>' : '≥'} ${spec.min}, got ${value}`;
  if (!highOk) return `${spec.name} must be ${spec.maxExclusive ? '<' : '≤'} ${spec.max}, got ${value}`;
  return undefined;
}

/** Whether `value` switches the parameter's effect off (below its `offBelow`: focal α < 0 is no weighting). */
export function isParamOff(spec: ParamSpec, value: number): boolean {
  return spec.offBelow !== undefined && value < spec.offBelow;
}

function activationEntry(id: string, caller: string): Extract<CatalogueEntry, { kind: 'activation' }> {
  const entry = entryFor(id);
  if (entry.kind !== 'activation') {
    throw new Error(`${caller}: '${id}' is a loss; use lossValue/lossGradient(id, yTrue, yPred)`);
  }
  return entry;
}

/** The entry of activation `id`, its parameters, x as a Float64Array, and `options.rowLength` checked against x. */
function prepareActivation(
  id: string,
  x: ArrayLike<number>,
  params: Record<string, number> | undefined,
  options: ActivationOptions | undefined,
  caller: string,
) {
  const entry = activationEntry(id, caller);
  const p = resolveParams(entry, params);
  const xs = toFloat64(x, 'x');
  const rowLength = options === undefined || options === null ? undefined : checkRowLength(id, xs, options);
  return { entry, def: entry.def, p, xs, rowLength };
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
    throw new Error(`${id}: reduction must be 'none', 'mean' or 'sum', got ${describeValue(reduction)}`);
  }
  const p = resolveParams(entry, params);
  const y = toFloat64(yTrue, 'yTrue');
  const yHat = toFloat64(yPred, 'yPred');
  if (y.length !== yHat.length) {
    throw new Error(`${id}: yTrue and yPred must have the same length, got ${y.length} and ${yHat.length}`);
  }
  checkDomain(entry.id, entry.def, y, yHat);
  return { entry, def: entry.def, p, y, yHat, reduction };
}

/**
 * Rejects the first element (in index order, the label before the prediction at the same index) outside the
 * loss's domain. With the domains as data, a tight comparison loop scans each side and the def's check only
 * builds the message of the element it stops at; otherwise every element goes through the check.
 */
function checkDomain(id: string, def: LossDef, y: Float64Array, yHat: Float64Array): void {
  if (def.shape === 'elementwise' && (def.labelDomain !== undefined || def.predictionDomain !== undefined)) {
    const label = firstProblem(y, def.labelDomain, def.checkLabel);
    const prediction = firstProblem(yHat, def.predictionDomain, def.checkPrediction);
    if (label !== undefined && (prediction === undefined || label.index <= prediction.index)) {
      throw new Error(`${id}: yTrue[${label.index}] = ${y[label.index]}: ${label.message}`);
    }
    if (prediction !== undefined) {
      throw new Error(`${id}: yPred[${prediction.index}] = ${yHat[prediction.index]}: ${prediction.message}`);
    }
    return;
  }
  // Nothing to check (mse, mae, …): no per-element pass at all.
  if (def.checkLabel === undefined && def.checkPrediction === undefined) return;
  checkEach(id, def, y, yHat);
}

/** The first non-NaN element `check` rejects, found through `domain` when given. */
function firstProblem(
  values: Float64Array,
  domain: ValueDomain | undefined,
  check: ((v: number) => string | undefined) | undefined,
): { index: number; message: string } | undefined {
  const n = values.length;
  if (domain === undefined) {
    if (check === undefined) return undefined;
    for (let i = 0; i < n; i++) {
      const message = Number.isNaN(values[i]) ? undefined : check(values[i]);
      if (message) return { index: i, message };
    }
    return undefined;
  }
  for (let i = nextOutside(values, domain, 0); i < n; i = nextOutside(values, domain, i + 1)) {
    // The check has the final word (and the wording); the domain only finds the candidates.
    const message = check === undefined ? describeDomain(domain) : check(values[i]);
    if (message) return { index: i, message };
  }
  return undefined;
}

/** The first index ≥ from whose value is outside `domain` (NaN is never outside), or values.length. */
function nextOutside(values: Float64Array, domain: ValueDomain, from: number): number {
  const n = values.length;
  if (domain.kind === 'interval') {
    const { min, max } = domain;
    for (let i = from; i < n; i++) if (values[i] < min || values[i] > max) return i;
    return n;
  }
  const allowed = domain.values;
  // Sets of one or two values (hinge labels ±1): plain equalities, no generic membership test per element.
  // NaN equals neither, so `v === v` (not NaN) is tested only on the rare element that matches none.
  if (allowed.length <= 2) {
    const a = allowed.length > 0 ? allowed[0] : NaN;
    const b = allowed.length > 1 ? allowed[1] : a;
    if (b === -a) {
      // {−a, a} (hinge's ±1): |v| = |a| is the one comparison, and it does not branch on which of the two v
      // is, which random labels would mispredict half the time.
      const size = Math.abs(a);
      for (let i = from; i < n; i++) {
        const v = values[i];
        if (Math.abs(v) !== size && v === v) return i;
      }
      return n;
    }
    for (let i = from; i < n; i++) {
      const v = values[i];
      if (v !== a && v !== b && v === v) return i;
    }
    return n;
  }
  for (let i = from; i < n; i++) {
    const v = values[i];
    if (v === v && !allowed.includes(v)) return i; // v === v: not NaN
  }
  return n;
}

/** A message for a def that gives its domain as data but no check function. */
function describeDomain(domain: ValueDomain): string {
  return domain.kind === 'interval' ? `must be in [${domain.min}, ${domain.max}]` : `must be one of ${domain.values.join(', ')}`;
}

function checkEach(id: string, def: LossDef, y: Float64Array, yHat: Float64Array): void {
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
    if (typeof v !== 'number') throw new Error(`${name}[${i}] must be a number, got ${describeValue(v)}`);
    out[i] = v;
  }
  return out;
}
