/**
 * The playground's numbers: the host is the single place that computes. Given a validated series request
 * it samples x on a uniform grid and returns f and f′ (activations, formulas), ℓ and ∂ℓ/∂ŷ per target y
 * (losses) or sᵢ and ∂sᵢ/∂x (softmax-like functions, from the Jacobian) as Float64Arrays; VS Code
 * transfers typed arrays through postMessage without JSON, so NaN survives as a gap in the plot.
 */
import { evaluateWithDerivative, lossGradient, lossValue, resolveParams } from '../../core/api';
import { entryFor } from '../../core/catalogue';
import { compileFormula } from '../../core/formula';
import type { CompiledFormula } from '../../core/formula/formulaTypes';
import { FormulaError } from '../../core/formula/formulaTypes';
import type { CatalogueEntry, VectorActivationDef } from '../../core/functionTypes';
import type { FormulaInfo, ResultLine, SeriesRequest } from './playgroundMessages';
import { linspace } from '../../shared/grid';
import { messageOf } from '../../host/errorMessage';

export interface SeriesResult {
  readonly lines: ResultLine[];
  readonly formula?: FormulaInfo;
}

/** An evaluation that failed, with the formula span to highlight when the formula is at fault. */
export class SeriesError extends Error {
  constructor(
    message: string,
    readonly start?: number,
    readonly end?: number,
  ) {
    super(message);
  }
}

/** Default loss targets when the catalogue names none. */
const DEFAULT_LABELS = [0, 1];

export function evaluateSeries(request: SeriesRequest): SeriesResult {
  const xs = linspace(request.xMin, request.xMax, request.points);
  try {
    if (request.source.type === 'formula') return evaluateFormula(request.source.formula, xs, request.params);
    return { lines: catalogueLines(entryFor(request.source.id), xs, request) };
  } catch (error) {
    if (error instanceof SeriesError) throw error;
    if (error instanceof FormulaError) throw new SeriesError(error.message, error.start, error.end);
    throw new SeriesError(messageOf(error));
  }
}

/**
 * The lines of a catalogue function at `xs`. No formula compiler: the Formula view's webview imports this
 * (its deferred preview bundle) to redraw a slider drag without asking the host.
 */
export function catalogueLines(entry: CatalogueEntry, xs: Float64Array, request: Omit<SeriesRequest, 'source'>): ResultLine[] {
  if (entry.kind === 'loss') return evaluateLoss(entry, xs, request);
  if (entry.def.shape === 'vector') return evaluateSoftmax(entry, entry.def, xs, request);
  // f and f′ in one pass (NUMERICS, issue 10).
  const both = evaluateWithDerivative(entry.id, xs, request.params);
  return [{ role: 'f', values: both.values }, { role: 'df', values: both.derivatives }];
}

/** Compiles `source` (cached) and reports its LaTeX and free parameters, or throws FormulaError. */
export function checkFormula(source: string): FormulaInfo {
  const compiled = compileCached(source);
  return { latex: compiled.latex, derivativeLatex: compiled.derivativeLatex, params: [...compiled.params] };
}

const compiledBySource = new Map<string, CompiledFormula>();
const MAX_CACHED_FORMULAS = 64;

function compileCached(source: string): CompiledFormula {
  let compiled = compiledBySource.get(source);
  if (compiled) {
    // Refresh its place so the most recently used formulas stay cached.
    compiledBySource.delete(source);
  } else {
    compiled = compileFormula(source);
    if (compiledBySource.size >= MAX_CACHED_FORMULAS) compiledBySource.delete(compiledBySource.keys().next().value as string);
  }
  compiledBySource.set(source, compiled);
  return compiled;
}

function evaluateFormula(source: string, xs: Float64Array, given: Readonly<Record<string, number>>): SeriesResult {
  const compiled = compileCached(source);
  // A parameter found in the formula gets the value 1 until the user moves its slider.
  const params: Record<string, number> = {};
  for (const name of compiled.params) params[name] = given[name] ?? 1;
  // f and f′ in one loop sharing their subexpressions (NUMERICS, issue 10).
  const both = compiled.evaluateWithDerivative(xs, params);
  return {
    lines: [
      { role: 'f', values: both.values },
      { role: 'df', values: both.derivatives },
    ],
    formula: { latex: compiled.latex, derivativeLatex: compiled.derivativeLatex, params: [...compiled.params] },
  };
}

/**
 * ℓ(y, ŷ) and ∂ℓ/∂ŷ against ŷ = x for each target y. Points outside the loss's prediction domain (a
 * probability outside [0, 1]) are NaN, a gap, rather than an error for the whole plot. A vector loss
 * (cross-entropy over logits) plots its summed loss against the first logit, the others from sliders,
 * for each target class y.
 */
function evaluateLoss(entry: Extract<CatalogueEntry, { kind: 'loss' }>, xs: Float64Array, request: Omit<SeriesRequest, 'source'>): ResultLine[] {
  const labels = request.labels?.length ? request.labels : (entry.plotLabels ?? DEFAULT_LABELS);
  const def = entry.def;
  const lines: ResultLine[] = [];
  if (def.shape === 'vector') {
    // One small vector per x: the family's functions directly, with the parameters resolved once.
    const p = resolveParams(entry, request.params);
    const others = request.others ?? [0, 0];
    const n = others.length + 1;
    for (const label of labels) {
      const cls = Math.round(label);
      if (cls < 0 || cls >= n) throw new SeriesError(`${entry.id}: target class must be in 0..${n - 1}, got ${label}`);
      const f = new Float64Array(xs.length);
      const df = new Float64Array(xs.length);
      const y = new Float64Array(n);
      y[cls] = 1;
      const logits = Float64Array.from([0, ...others]);
      for (let k = 0; k < xs.length; k++) {
        logits[0] = xs[k];
        const terms = def.value(y, logits, p);
        let sum = 0;
        for (const t of terms) sum += t;
        f[k] = sum;
        df[k] = def.gradient(y, logits, p)[0];
      }
      lines.push({ role: 'f', label, values: f }, { role: 'df', label, values: df });
    }
    return lines;
  }
  const inDomain: number[] = [];
  for (let k = 0; k < xs.length; k++) if (!def.checkPrediction?.(xs[k])) inDomain.push(k);
  const yHat = Float64Array.from(inDomain, (k) => xs[k]);
  for (const label of labels) {
    const y = new Float64Array(yHat.length).fill(label);
    const value = lossValue(entry.id, y, yHat, request.params);
    const gradient = lossGradient(entry.id, y, yHat, request.params);
    lines.push({ role: 'f', label, values: scatter(value, inDomain, xs.length) }, { role: 'df', label, values: scatter(gradient, inDomain, xs.length) });
  }
  return lines;
}

function scatter(values: Float64Array, at: readonly number[], length: number): Float64Array {
  if (at.length === length) return values;
  const out = new Float64Array(length).fill(NaN);
  for (let i = 0; i < at.length; i++) out[at[i]] = values[i];
  return out;
}

/** Component i of f([x, z₂, z₃, …]) against x, and ∂fᵢ/∂x = J[i][0], parameters resolved once. */
function evaluateSoftmax(entry: CatalogueEntry, def: VectorActivationDef, xs: Float64Array, request: Omit<SeriesRequest, 'source'>): ResultLine[] {
  const p = resolveParams(entry, request.params);
  const others = request.others ?? [0, 0];
  const n = others.length + 1;
  const i = request.component ?? 0;
  if (i >= n) throw new SeriesError(`${entry.id}: component must be in 0..${n - 1}, got ${i}`);
  const f = new Float64Array(xs.length);
  const df = new Float64Array(xs.length);
  const v = Float64Array.from([0, ...others]);
  for (let k = 0; k < xs.length; k++) {
    v[0] = xs[k];
    f[k] = def.value(v, p)[i];
    df[k] = def.jacobian(v, p)[i * n];
  }
  return [
    { role: 'f', values: f },
    { role: 'df', values: df },
  ];
}
