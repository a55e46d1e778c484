/**
 * Every message between the playground's extension host and its webview, as one typed union per
 * direction, and the validators that check a message on arrival (both sides import this file; it must
 * stay free of 'vscode' and of the DOM). A message that fails validation is logged and ignored: the
 * validators return `{ error }` naming the first bad field and what was expected.
 *
 * Flow: the webview posts `ready`; the host answers `init` (the catalogue summary and the restored
 * state), then `add` for each function waiting to be plotted; the webview answers each `add` with
 * `seriesList`. Control changes post `evaluate`; the host answers `result` or `evaluateError`. The
 * host also embeds its `init` in the page (a JSON island), so the webview restores the view and asks for
 * data before the `ready` round trip; the `init` that answers `ready` is then only a fallback.
 */
import type { Framework, FunctionKind, ParamSpec, PredictionSpace } from '../../core/functionTypes';
import {
  FRAMEWORKS,
  MAX_ABS_X,
  MAX_CSV_CHARS,
  MAX_FORMULA_LENGTH,
  MAX_LABELS,
  MAX_OTHER_LOGITS,
  MAX_PARAMS,
  MAX_PNG_CHARS,
  MAX_SERIES_POINTS,
  MIN_POINTS,
} from '../../shared/limits';
import { describe, finite, integer, list, matching, messageParser, numberRecord, oneOf, record, text, ValidationError } from '../../shared/validate';
import { seriesValues, wireNumber } from '../../shared/wire';

/** Where a series' numbers come from: a catalogue function or a formula the user typed. */
export type SeriesSource = { readonly type: 'catalogue'; readonly id: string } | { readonly type: 'formula'; readonly formula: string };

/** Everything the host needs to compute one series. */
export interface SeriesRequest {
  readonly source: SeriesSource;
  readonly params: Readonly<Record<string, number>>;
  readonly xMin: number;
  readonly xMax: number;
  readonly points: number;
  /** Losses: the targets y to plot ℓ(y, ŷ) for. */
  readonly labels?: readonly number[];
  /** Softmax-like functions and vector losses: the component i plotted (0 is x itself). */
  readonly component?: number;
  /** Softmax-like functions and vector losses: the other logits z₂, z₃, … */
  readonly others?: readonly number[];
}

/** A function to add to the panel (from the command, the hover link, or Plot Selection). */
export interface AddItem {
  readonly source: SeriesSource;
  readonly params?: Readonly<Record<string, number>>;
}

/** What the webview knows about a catalogue function: enough to build its controls and legend. */
export interface FunctionSummary {
  readonly id: string;
  readonly kind: FunctionKind;
  readonly shape: 'elementwise' | 'vector';
  readonly title: string;
  readonly params: readonly ParamSpec[];
  readonly latex: string;
  readonly derivativeLatex: string;
  readonly plotRange: readonly [number, number];
  readonly prediction?: PredictionSpace;
  readonly plotLabels?: readonly number[];
  /** Frameworks that have a name for it (Copy as code offers these). */
  readonly frameworks: readonly Framework[];
}

/** One line of a result: f or f′, for loss target `label` when the series is a loss. */
export interface ResultLine {
  readonly role: 'f' | 'df';
  readonly label?: number;
  /** One value per x of linspace(xMin, xMax, points); NaN where undefined. */
  readonly values: Float64Array | readonly number[];
}

export interface FormulaInfo {
  readonly latex: string;
  readonly derivativeLatex: string;
  readonly params: readonly string[];
}

/** A series as the command reports it: its catalogue id or its formula. */
export interface SeriesSummary {
  readonly key: string;
  readonly name: string;
}

// ---- webview → host ----
export type WebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'evaluate'; readonly requestId: number; readonly seriesKey: string; readonly request: SeriesRequest }
  | { readonly type: 'checkFormula'; readonly requestId: number; readonly source: string }
  /** The series now shown; `replyTo` names the `add` request it answers. */
  | { readonly type: 'seriesList'; readonly replyTo?: number; readonly series: readonly SeriesSummary[] }
  | { readonly type: 'exportPng'; readonly dataUrl: string }
  | { readonly type: 'exportCsv'; readonly csv: string }
  | { readonly type: 'copyCode'; readonly id: string; readonly params: Readonly<Record<string, number>>; readonly framework: Framework };

// ---- host → webview ----
export type HostMessage =
  | {
      readonly type: 'init';
      readonly functions: readonly FunctionSummary[];
      /** The webview's saved state from the serializer (validated again by the webview's reducer). */
      readonly state: unknown;
    }
  | { readonly type: 'add'; readonly requestId: number; readonly item: AddItem }
  | {
      readonly type: 'result';
      readonly requestId: number;
      readonly seriesKey: string;
      readonly lines: readonly ResultLine[];
      readonly formula?: FormulaInfo;
    }
  | {
      readonly type: 'evaluateError';
      readonly requestId: number;
      readonly seriesKey: string;
      readonly message: string;
      readonly start?: number;
      readonly end?: number;
    }
  | ({ readonly type: 'formulaChecked'; readonly requestId: number } & (
      | ({ readonly ok: true } & FormulaInfo)
      | { readonly ok: false; readonly message: string; readonly start: number; readonly end: number }
    ));

/** Validates a message that arrived at the host. */
export const parseWebviewMessage = messageParser<WebviewMessage>({
  ready: () => ({ type: 'ready' }),
  evaluate: (m) => ({
    type: 'evaluate',
    requestId: requestId(m.requestId, 'requestId'),
    seriesKey: seriesKey(m.seriesKey, 'seriesKey'),
    request: seriesRequest(m.request),
  }),
  checkFormula: (m) => ({ type: 'checkFormula', requestId: requestId(m.requestId, 'requestId'), source: text(m.source, 'source', MAX_FORMULA_LENGTH) }),
  seriesList: (m) => ({
    type: 'seriesList',
    ...(m.replyTo === undefined ? {} : { replyTo: requestId(m.replyTo, 'replyTo') }),
    series: list(m.series, 'series', 256, (s, at) => {
      const o = record(s, at);
      return { key: seriesKey(o.key, `${at}.key`), name: text(o.name, `${at}.name`, MAX_FORMULA_LENGTH) };
    }),
  }),
  exportPng: (m) => {
    const dataUrl = text(m.dataUrl, 'dataUrl', MAX_PNG_CHARS);
    if (!/^data:image\/png;base64,[A-Za-z0-9+/]+=*$/.test(dataUrl)) throw new ValidationError('dataUrl must be a base64 PNG data URL');
    return { type: 'exportPng', dataUrl };
  },
  exportCsv: (m) => ({ type: 'exportCsv', csv: text(m.csv, 'csv', MAX_CSV_CHARS) }),
  copyCode: (m) => ({ type: 'copyCode', id: functionId(m.id, 'id'), params: params(m.params, 'params'), framework: oneOf(m.framework, 'framework', FRAMEWORKS) }),
});

/** Validates a message that arrived at the webview. */
export const parseHostMessage = messageParser<HostMessage>({
  init: (m) => ({
    type: 'init',
    functions: list(m.functions, 'functions', 1000, functionSummary),
    state: m.state ?? null,
  }),
  add: (m) => ({ type: 'add', requestId: requestId(m.requestId, 'requestId'), item: addItem(m.item, 'item') }),
  result: (m) => ({
    type: 'result',
    requestId: requestId(m.requestId, 'requestId'),
    seriesKey: seriesKey(m.seriesKey, 'seriesKey'),
    lines: list(m.lines, 'lines', 2 * (MAX_LABELS + 1), resultLine),
    ...(m.formula === undefined ? {} : { formula: formulaInfo(m.formula, 'formula') }),
  }),
  evaluateError: (m) => ({
    type: 'evaluateError',
    requestId: requestId(m.requestId, 'requestId'),
    seriesKey: seriesKey(m.seriesKey, 'seriesKey'),
    message: text(m.message, 'message', 2000),
    ...(m.start === undefined ? {} : { start: integer(m.start, 'start', 0, MAX_FORMULA_LENGTH) }),
    ...(m.end === undefined ? {} : { end: integer(m.end, 'end', 0, MAX_FORMULA_LENGTH) }),
  }),
  formulaChecked: (m) => {
    const id = requestId(m.requestId, 'requestId');
    if (m.ok === true) return { type: 'formulaChecked', requestId: id, ok: true, ...formulaInfo(m, 'message') };
    if (m.ok !== false) throw new ValidationError(`ok must be a boolean, got ${describe(m.ok)}`);
    return {
      type: 'formulaChecked',
      requestId: id,
      ok: false,
      message: text(m.message, 'message', 2000),
      start: integer(m.start, 'start', 0, MAX_FORMULA_LENGTH),
      end: integer(m.end, 'end', 0, MAX_FORMULA_LENGTH),
    };
  },
});

/** Validates the request part of an `evaluate` message (exported for the host's own callers). */
function seriesRequest(raw: unknown): SeriesRequest {
  const r = record(raw, 'request');
  const xMin = finite(r.xMin, 'request.xMin', -MAX_ABS_X, MAX_ABS_X);
  const xMax = finite(r.xMax, 'request.xMax', -MAX_ABS_X, MAX_ABS_X);
  if (!(xMin < xMax)) throw new ValidationError(`request.xMin must be < request.xMax, got ${xMin} and ${xMax}`);
  return {
    source: seriesSource(r.source, 'request.source'),
    params: params(r.params, 'request.params'),
    xMin,
    xMax,
    points: integer(r.points, 'request.points', MIN_POINTS, MAX_SERIES_POINTS),
    ...(r.labels === undefined ? {} : { labels: list(r.labels, 'request.labels', MAX_LABELS, (v, at) => finite(v, at, -MAX_ABS_X, MAX_ABS_X)) }),
    ...(r.component === undefined ? {} : { component: integer(r.component, 'request.component', 0, MAX_OTHER_LOGITS) }),
    ...(r.others === undefined ? {} : { others: list(r.others, 'request.others', MAX_OTHER_LOGITS, (v, at) => finite(v, at, -MAX_ABS_X, MAX_ABS_X)) }),
  };
}

function requestId(value: unknown, at: string): number {
  return integer(value, at, 0, Number.MAX_SAFE_INTEGER);
}

const seriesKey = (v: unknown, at: string) => matching(v, at, /^[A-Za-z0-9_-]{1,32}$/, 'a series key (letters, digits, _ or -)');
const functionId = (v: unknown, at: string) => matching(v, at, /^[a-z][a-z0-9_]{0,63}$/, 'a function id like "leaky_relu"');
const paramName = (v: unknown, at: string) => matching(v, at, /^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a parameter name');

function params(value: unknown, at: string): Record<string, number> {
  return numberRecord(value, at, MAX_PARAMS, paramName);
}

function seriesSource(value: unknown, at: string): SeriesSource {
  const o = record(value, at);
  if (o.type === 'catalogue') return { type: 'catalogue', id: functionId(o.id, `${at}.id`) };
  if (o.type === 'formula') {
    const formula = text(o.formula, `${at}.formula`, MAX_FORMULA_LENGTH);
    if (formula.trim() === '') throw new ValidationError(`${at}.formula must not be empty`);
    return { type: 'formula', formula };
  }
  throw new ValidationError(`${at}.type must be 'catalogue' or 'formula', got ${describe(o.type)}`);
}

function addItem(value: unknown, at: string): AddItem {
  const o = record(value, at);
  return { source: seriesSource(o.source, `${at}.source`), ...(o.params === undefined ? {} : { params: params(o.params, `${at}.params`) }) };
}

function formulaInfo(value: unknown, at: string): FormulaInfo {
  const o = record(value, at);
  return {
    latex: text(o.latex, `${at}.latex`, 20_000),
    derivativeLatex: text(o.derivativeLatex, `${at}.derivativeLatex`, 50_000),
    params: list(o.params, `${at}.params`, MAX_PARAMS, paramName),
  };
}

function resultLine(value: unknown, at: string): ResultLine {
  const o = record(value, at);
  const role = oneOf(o.role, `${at}.role`, ['f', 'df'] as const);
  const label = o.label === undefined ? undefined : finite(o.label, `${at}.label`, -MAX_ABS_X, MAX_ABS_X);
  const values = seriesValues(o.values, `${at}.values`);
  return { role, ...(label === undefined ? {} : { label }), values };
}

function functionSummary(value: unknown, at: string): FunctionSummary {
  const o = record(value, at);
  const range = list(o.plotRange, `${at}.plotRange`, 2, (v, a) => finite(v, a, -MAX_ABS_X, MAX_ABS_X));
  if (range.length !== 2 || !(range[0] < range[1])) throw new ValidationError(`${at}.plotRange must be [lo, hi] with lo < hi`);
  return {
    id: functionId(o.id, `${at}.id`),
    kind: oneOf(o.kind, `${at}.kind`, ['activation', 'loss'] as const),
    shape: oneOf(o.shape, `${at}.shape`, ['elementwise', 'vector'] as const),
    title: text(o.title, `${at}.title`, 200),
    params: list(o.params, `${at}.params`, MAX_PARAMS, paramSpec),
    latex: text(o.latex, `${at}.latex`, 20_000),
    derivativeLatex: text(o.derivativeLatex, `${at}.derivativeLatex`, 20_000),
    plotRange: [range[0], range[1]],
    ...(o.prediction === undefined ? {} : { prediction: oneOf(o.prediction, `${at}.prediction`, ['probability', 'logit', 'real', 'score'] as const) }),
    ...(o.plotLabels === undefined ? {} : { plotLabels: list(o.plotLabels, `${at}.plotLabels`, MAX_LABELS, (v, a) => finite(v, a, -MAX_ABS_X, MAX_ABS_X)) }),
    frameworks: list(o.frameworks, `${at}.frameworks`, FRAMEWORKS.length, (v, a) => oneOf(v, a, FRAMEWORKS)),
  };
}

function paramSpec(value: unknown, at: string): ParamSpec {
  const o = record(value, at);
  // ±∞ bounds mean "unbounded"; they arrive in the wire encoding, or as null from plain JSON.
  const bound = (v: unknown, a: string, inf: number) => {
    const n = v === null ? inf : wireNumber(v, a);
    if (Number.isNaN(n)) throw new ValidationError(`${a} must be a number or ±Infinity, got NaN`);
    return n;
  };
  const min = bound(o.min, `${at}.min`, -Infinity);
  const max = bound(o.max, `${at}.max`, Infinity);
  const slider =
    o.sliderRange === undefined ? undefined : list(o.sliderRange, `${at}.sliderRange`, 2, (v, a) => finite(v, a, ));
  if (slider && (slider.length !== 2 || !(slider[0] < slider[1]))) throw new ValidationError(`${at}.sliderRange must be [lo, hi] with lo < hi`);
  return {
    name: paramName(o.name, `${at}.name`),
    default: finite(o.default, `${at}.default`, ),
    min,
    max,
    ...(o.minExclusive === true ? { minExclusive: true } : {}),
    ...(o.maxExclusive === true ? { maxExclusive: true } : {}),
    ...(slider ? { sliderRange: [slider[0], slider[1]] as const } : {}),
    meaning: text(o.meaning ?? '', `${at}.meaning`, 1000),
  };
}
