/**
 * What the Formula view shows for one recognised call: title, framework, LaTeX, one slider per parameter
 * (with where its value is written and whether the code can be edited), and the plot's lines — f and f′
 * (ℓ and ∂ℓ/∂ŷ per target y) with the parameters in effect, and with the framework's defaults when those
 * differ. The host computes every view's numbers (formulaViewLines.ts, the core); the webview computes
 * only the preview of a slider drag, with the same function. Pure: no 'vscode'.
 */
import { checkParam } from '../../core/api';
import { catalogue } from '../../core/catalogue';
import type { CatalogueEntry, FrameworkName, ParamSpec } from '../../core/functionTypes';
import type { FunctionRef } from '../../recognize/site';
import { frameworkDefault } from '../../frameworks';
import { frameworkLabel, symbolFor } from '../hover/hoverMarkdown';
import type { ViewDiagnostic, ViewModel, ViewParam } from './formulaViewMessages';
import { linesFor } from './formulaViewLines';
import { type Family, literalNumber, locateParameter, type ParameterPlace } from './parameterEdits';

/** A recognised call with the document text around it: enough to build the view and to edit the code. */
export interface CallContext {
  readonly ref: FunctionRef;
  /** The site whose argument list holds the parameters (`self.act = nn.LeakyReLU(0.2)` for `self.act(x)`); `ref` when absent. */
  readonly args?: FunctionRef;
  readonly text: string;
  readonly family: Family;
  readonly file: string;
  readonly line: number;
}

/** The slider's span: the catalogue's sliderRange, else [min, max] made finite, avoiding excluded ends. */
function sliderBounds(spec: ParamSpec, value: number): { min: number; max: number; step: number } {
  let [lo, hi] = spec.sliderRange ?? [spec.min, spec.max];
  if (!Number.isFinite(lo)) lo = Number.isFinite(hi) ? Math.min(spec.default, hi) - 10 : spec.default - 5;
  if (!Number.isFinite(hi)) hi = Math.max(spec.default, lo) + (Number.isFinite(spec.min) ? 10 : 5);
  const step = niceStep((hi - lo) / 200);
  if (spec.minExclusive && lo <= spec.min) lo = spec.min + step;
  if (spec.maxExclusive && hi >= spec.max) hi = spec.max - step;
  // The value written in the code is always reachable.
  return { min: Math.min(lo, value), max: Math.max(hi, value), step };
}

/** 1, 2 or 5 times a power of ten, at most `raw`. */
function niceStep(raw: number): number {
  const p = 10 ** Math.floor(Math.log10(raw));
  const m = raw / p;
  return Number(((m >= 5 ? 5 : m >= 2 ? 2 : 1) * p).toPrecision(3));
}

/** Where each of the entry's parameters is written in the call. */
export function placesOf(entry: CatalogueEntry, call: CallContext): Map<string, ParameterPlace> {
  const places = new Map<string, ParameterPlace>();
  const site = call.args ?? call.ref;
  for (const spec of entry.params) {
    // Switched off by another argument (Keras focal α without apply_class_balancing=True): a value written for it does nothing.
    const gate = site.sources?.[spec.name];
    if (gate?.from === 'gate') places.set(spec.name, { kind: 'fixed', why: gate.text });
    else places.set(spec.name, locateParameter(call.text, site.range.end, call.family, site.frameworkName, spec.name));
  }
  return places;
}

/** The framework's default for a parameter (or the catalogue's, without a framework row that sets it). */
function defaultInEffect(spec: ParamSpec, fn: FrameworkName | undefined): number {
  return (fn && frameworkDefault(fn, spec.name)) ?? spec.default;
}

/**
 * The parameters in effect at the call: the recognizer's values, with a named constant's literal read from
 * this file when the recognizer could not (it then reports the name as unknown), and `overrides` (a slider
 * being dragged) on top.
 */
export function paramsOf(entry: CatalogueEntry, call: CallContext, places: Map<string, ParameterPlace>, overrides: Readonly<Record<string, number>>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const spec of entry.params) {
    const place = places.get(spec.name);
    const given = call.ref.params[spec.name];
    let value = typeof given === 'number' ? given : defaultInEffect(spec, call.ref.frameworkName);
    if (place?.kind === 'constant' || place?.kind === 'literal') value = literalNumber(place.text) ?? value;
    const override = overrides[spec.name];
    out[spec.name] = typeof override === 'number' ? override : value;
  }
  return out;
}

/** The view of `call` with `params` in effect. */
export function buildViewModel(
  call: CallContext,
  overrides: Readonly<Record<string, number>>,
  dimmed: boolean,
  diagnostics: readonly ViewDiagnostic[],
): ViewModel | undefined {
  const entry = catalogue.get(call.ref.id);
  if (!entry) return undefined;
  const fn = call.ref.frameworkName;
  const places = placesOf(entry, call);
  const params = paramsOf(entry, call, places, overrides);
  const viewParams = entry.params.map((spec) => viewParam(spec, params[spec.name], places.get(spec.name), call.ref, fn));
  const defaults: Record<string, number> = {};
  for (const spec of entry.params) defaults[spec.name] = defaultInEffect(spec, fn);
  const differs = entry.params.some((spec) => defaults[spec.name] !== params[spec.name]);
  const [xMin, xMax] = entry.plotRange;
  const lines = linesFor(entry.id, params, xMin, xMax, 'code');
  if (differs) lines.push(...linesFor(entry.id, defaults, xMin, xMax, 'default'));
  const framework = fn ? frameworkLabel(fn) : undefined;
  return {
    id: entry.id,
    title: entry.title,
    kind: entry.kind,
    written: fn && fn.form !== 'string' ? fn.name : call.ref.written,
    ...(framework ? { framework } : {}),
    latex: entry.latex,
    derivativeLatex: entry.derivativeLatex,
    params: viewParams,
    file: call.file,
    line: call.line,
    dimmed,
    diagnostics: [...diagnostics],
    xMin,
    xMax,
    ...(differs ? { compareLabel: `${framework ?? 'catalogue'} defaults` } : {}),
    lines,
  };
}

function viewParam(spec: ParamSpec, value: number, place: ParameterPlace | undefined, ref: FunctionRef, fn: FrameworkName | undefined): ViewParam {
  const bounds = sliderBounds(spec, value);
  const unknown = ref.unknown?.[spec.name];
  let origin: ViewParam['origin'];
  let written: string | undefined;
  if (place?.kind === 'literal') origin = 'code';
  else if (place?.kind === 'constant') {
    origin = 'constant';
    written = place.name;
  } else if (unknown !== undefined || (ref.explicit.includes(spec.name) && place?.kind === 'fixed')) {
    origin = ref.explicit.includes(spec.name) && unknown === undefined ? 'code' : 'unknown';
    written = unknown;
  } else origin = 'default';
  const problem = checkParam(spec, value);
  let action: ViewParam['action'] = 'none';
  let keyword: string | undefined;
  let why: string | undefined;
  if (place?.kind === 'literal' || place?.kind === 'constant') action = 'apply';
  else if (place?.kind === 'missing') {
    action = 'add';
    keyword = place.keyword;
  } else why = place?.kind === 'fixed' ? place.why : undefined;
  return {
    name: spec.name,
    symbol: symbolFor(spec.name),
    value,
    ...bounds,
    meaning: problem ? `${spec.meaning} — ${problem}` : spec.meaning,
    origin,
    ...(written === undefined ? {} : { written }),
    defaultValue: defaultInEffect(spec, fn),
    action,
    ...(keyword === undefined ? {} : { keyword }),
    ...(why === undefined ? {} : { why }),
  };
}
