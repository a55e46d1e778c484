/**
 * The lines of a catalogue function on a grid: f and f′ (activations), ℓ and ∂ℓ/∂ŷ per target y (losses), sᵢ
 * and ∂sᵢ/∂x (softmax-like functions, from the Jacobian). Apart from evaluateSeries.ts because it needs no
 * formula compiler: the Formula view uses it in the host bundle and in its webview's preview bundle, neither
 * of which carries the compiler.
 */
import { evaluateWithDerivative, lossGradient, lossValue, resolveParams } from '../../core/api';
import { entryFor } from '../../core/catalogue';
import { linspace } from '../../shared/grid';
import type { CatalogueEntry, VectorActivationDef } from '../../core/functionTypes';
import type { ResultLine, SeriesRequest } from './playgroundMessages';

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

/**
 * The lines of a playground series of a catalogue function, on its request's grid: what the host answers to
 * `evaluate`, and what the playground's page computes itself once the preview bundle has loaded.
 */
export function catalogueSeriesLines(request: SeriesRequest): ResultLine[] {
  if (request.source.type !== 'catalogue') throw new SeriesError('a custom formula is computed by the formula compiler');
  return catalogueLines(entryFor(request.source.id), linspace(request.xMin, request.xMax, request.points), request);
}

/** The lines of a catalogue function at `xs`. */
export function catalogueLines(entry: CatalogueEntry, xs: Float64Array, request: Omit<SeriesRequest, 'source'>): ResultLine[] {
  if (entry.kind === 'loss') return evaluateLoss(entry, xs, request);
  if (entry.def.shape === 'vector') return evaluateSoftmax(entry, entry.def, xs, request);
  // f and f′ in one pass (NUMERICS, issue 10).
  const both = evaluateWithDerivative(entry.id, xs, request.params);
  return [{ role: 'f', values: both.values }, { role: 'df', values: both.derivatives }];
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
