/**
 * The playground's view state and its reducer: a pure function (state, action) → state, so the panel's
 * behaviour is testable in plain Node. The state is what the webview saves (setState) and what comes
 * back after a reload, so `restore` trusts nothing in it.
 */
import type { Framework } from '../../src/core/functionTypes';
import type { AddItem, FunctionSummary, SeriesRequest, SeriesSummary } from '../../src/features/playground/playgroundMessages';
import { FRAMEWORKS, MAX_ABS_X, MAX_FORMULA_LENGTH, MAX_LABELS, MAX_OTHER_LOGITS, MAX_SERIES_POINTS, MIN_POINTS } from '../../src/shared/limits';
import { PALETTE } from '../shared/palette';

const DEFAULT_POINTS = 2001;
const DEFAULT_RANGE: readonly [number, number] = [-5, 5];
/** Any number of series, but not so many that one slider drag turns into a flood of work. */
export const MAX_SERIES = 24;

/** A series: what to ask the host for (source, params, loss targets, softmax component and logits) and how to show it. */
export interface Series extends Pick<SeriesRequest, 'source' | 'params' | 'labels' | 'component' | 'others'> {
  readonly key: string;
  readonly showF: boolean;
  readonly showDf: boolean;
  /** Index into PALETTE. */
  readonly color: number;
  /** Formulas: what the host found when it compiled it. */
  readonly formula?: { readonly latex: string; readonly derivativeLatex: string; readonly params: readonly string[] };
  /** The host's last error for this series, with the formula span at fault when there is one. */
  readonly error?: { readonly message: string; readonly start?: number; readonly end?: number };
}

export interface PlaygroundState {
  readonly version: 1;
  readonly series: readonly Series[];
  /** The x range typed in the inputs (what "reset view" returns to). */
  readonly xMin: number;
  readonly xMax: number;
  /** The zoomed or panned window, when it differs from [xMin, xMax]. */
  readonly view: { readonly xMin: number; readonly xMax: number } | null;
  readonly points: number;
  readonly framework: Framework;
  readonly nextKey: number;
}

export type Action =
  | { readonly type: 'add'; readonly item: AddItem; readonly info?: FunctionSummary }
  | { readonly type: 'remove'; readonly key: string }
  | { readonly type: 'setParam'; readonly key: string; readonly name: string; readonly value: number }
  | { readonly type: 'toggle'; readonly key: string; readonly line: 'f' | 'df' }
  | { readonly type: 'setLabels'; readonly key: string; readonly labels: readonly number[] }
  | { readonly type: 'setComponent'; readonly key: string; readonly component: number }
  | { readonly type: 'setLogitCount'; readonly key: string; readonly count: number }
  | { readonly type: 'setOther'; readonly key: string; readonly index: number; readonly value: number }
  | { readonly type: 'formulaInfo'; readonly key: string; readonly latex: string; readonly derivativeLatex: string; readonly params: readonly string[] }
  | { readonly type: 'setError'; readonly key: string; readonly error: Series['error'] | null }
  | { readonly type: 'setXRange'; readonly xMin: number; readonly xMax: number }
  | { readonly type: 'setView'; readonly view: { readonly xMin: number; readonly xMax: number } | null }
  | { readonly type: 'setPoints'; readonly points: number }
  | { readonly type: 'setFramework'; readonly framework: Framework }
  | { readonly type: 'restore'; readonly saved: unknown; readonly functions: ReadonlyMap<string, FunctionSummary> };

export function initialState(): PlaygroundState {
  return { version: 1, series: [], xMin: DEFAULT_RANGE[0], xMax: DEFAULT_RANGE[1], view: null, points: DEFAULT_POINTS, framework: 'pytorch', nextKey: 1 };
}

export function reduce(state: PlaygroundState, action: Action): PlaygroundState {
  switch (action.type) {
    case 'add':
      return addSeries(state, action.item, action.info);
    case 'remove':
      return { ...state, series: state.series.filter((s) => s.key !== action.key) };
    case 'setParam':
      if (!Number.isFinite(action.value)) return state;
      return update(state, action.key, (s) => (s.params[action.name] === action.value ? s : { ...s, params: { ...s.params, [action.name]: action.value } }));
    case 'toggle':
      return update(state, action.key, (s) => (action.line === 'f' ? { ...s, showF: !s.showF } : { ...s, showDf: !s.showDf }));
    case 'setLabels': {
      const labels = [...new Set(action.labels.filter(Number.isFinite))].slice(0, MAX_LABELS);
      return update(state, action.key, (s) => (s.labels && labels.length ? { ...s, labels } : s));
    }
    case 'setComponent':
      return update(state, action.key, (s) =>
        s.others && Number.isInteger(action.component) && action.component >= 0 && action.component <= s.others.length ? { ...s, component: action.component } : s,
      );
    case 'setLogitCount':
      return update(state, action.key, (s) => {
        if (!s.others || !Number.isInteger(action.count) || action.count < 2 || action.count > MAX_OTHER_LOGITS + 1) return s;
        const others = Array.from({ length: action.count - 1 }, (_, i) => s.others?.[i] ?? 0);
        return { ...s, others, component: Math.min(s.component ?? 0, others.length) };
      });
    case 'setOther':
      return update(state, action.key, (s) => {
        if (!s.others || !(action.index in s.others) || !Number.isFinite(action.value)) return s;
        return { ...s, others: s.others.map((v, i) => (i === action.index ? clamp(action.value, -MAX_ABS_X, MAX_ABS_X) : v)) };
      });
    case 'formulaInfo':
      return update(state, action.key, (s) => {
        if (s.source.type !== 'formula') return s;
        // A parameter found in the formula starts at 1; one no longer in it is dropped.
        const params: Record<string, number> = {};
        for (const name of action.params) params[name] = s.params[name] ?? 1;
        return { ...s, params, formula: { latex: action.latex, derivativeLatex: action.derivativeLatex, params: [...action.params] } };
      });
    case 'setError':
      return update(state, action.key, (s) => {
        if (action.error === null) {
          if (!s.error) return s;
          const { error: _error, ...rest } = s;
          return rest;
        }
        return { ...s, error: action.error };
      });
    case 'setXRange':
      if (!validRange(action.xMin, action.xMax)) return state;
      return { ...state, xMin: action.xMin, xMax: action.xMax, view: null };
    case 'setView':
      if (action.view === null) return state.view === null ? state : { ...state, view: null };
      if (!validRange(action.view.xMin, action.view.xMax)) return state;
      return { ...state, view: { xMin: action.view.xMin, xMax: action.view.xMax } };
    case 'setPoints':
      if (!Number.isInteger(action.points) || action.points < MIN_POINTS || action.points > MAX_SERIES_POINTS) return state;
      return { ...state, points: action.points };
    case 'setFramework':
      return FRAMEWORKS.includes(action.framework) ? { ...state, framework: action.framework } : state;
    case 'restore':
      return restore(action.saved, action.functions);
  }
}

/** The series' mode, from its catalogue entry: what its x axis is and which extra controls it gets. */
export function modeOf(series: Series, info: FunctionSummary | undefined): 'function' | 'loss' | 'softmax' {
  if (series.source.type === 'formula' || !info) return 'function';
  if (info.kind === 'loss') return 'loss';
  return info.shape === 'vector' ? 'softmax' : 'function';
}

/** The x range the chart shows and the host samples. */
export function visibleRange(state: PlaygroundState): { xMin: number; xMax: number } {
  return state.view ?? { xMin: state.xMin, xMax: state.xMax };
}

/** What to ask the host for to draw `series` now. */
export function requestFor(state: PlaygroundState, series: Series): SeriesRequest {
  const { xMin, xMax } = visibleRange(state);
  return {
    source: series.source,
    params: series.params,
    xMin,
    xMax,
    points: state.points,
    ...(series.labels ? { labels: series.labels } : {}),
    ...(series.component === undefined ? {} : { component: series.component }),
    ...(series.others ? { others: series.others } : {}),
  };
}

/** Catalogue id or formula text: how the command reports the series. */
export function seriesSummaries(state: PlaygroundState): SeriesSummary[] {
  return state.series.map((s) => ({ key: s.key, name: s.source.type === 'catalogue' ? s.source.id : s.source.formula }));
}

/** What the x axis is: x for activations and formulas, ŷ named by its space for losses. */
export function axisTitle(state: PlaygroundState, functions: ReadonlyMap<string, FunctionSummary>): string {
  const names = new Set<string>();
  for (const s of state.series) {
    const info = s.source.type === 'catalogue' ? functions.get(s.source.id) : undefined;
    const mode = modeOf(s, info);
    if (mode === 'loss') names.add(`ŷ (${predictionName(info?.prediction)})`);
    else if (mode === 'softmax') names.add('x (logit of component 1; the others fixed)');
    else names.add('x');
  }
  return names.size ? [...names].join(' · ') : 'x';
}

function predictionName(prediction: FunctionSummary['prediction']): string {
  switch (prediction) {
    case 'probability':
      return 'probability';
    case 'logit':
      return 'logit';
    case 'score':
      return 'score';
    default:
      return 'residual';
  }
}

function addSeries(state: PlaygroundState, item: AddItem, info: FunctionSummary | undefined): PlaygroundState {
  if (state.series.length >= MAX_SERIES) return state;
  if (item.source.type === 'catalogue' && (!info || info.id !== item.source.id)) return state;
  if (item.source.type === 'formula' && (!item.source.formula.trim() || item.source.formula.length > MAX_FORMULA_LENGTH)) return state;
  const params: Record<string, number> = {};
  for (const spec of info?.params ?? []) params[spec.name] = spec.default;
  for (const [name, value] of Object.entries(item.params ?? {})) if (Number.isFinite(value)) params[name] = value;
  const used = new Set(state.series.map((s) => s.color));
  const color = PALETTE.findIndex((_, i) => !used.has(i));
  const series: Series = {
    key: `s${state.nextKey}`,
    source: item.source,
    params,
    showF: true,
    showDf: false,
    color: color >= 0 ? color : state.nextKey % PALETTE.length,
    ...(info?.kind === 'loss' ? { labels: [...(info.plotLabels?.length ? info.plotLabels : [0, 1])] } : {}),
    ...((info?.kind === 'activation' && info.shape === 'vector') || (info?.kind === 'loss' && info.shape === 'vector')
      ? { component: 0, others: [0, 0] }
      : {}),
  };
  // The first function sets the x range to its sensible plot range (a probability axis is [0, 1]).
  const range = state.series.length === 0 && info ? { xMin: info.plotRange[0], xMax: info.plotRange[1], view: null } : {};
  return { ...state, ...range, series: [...state.series, series], nextKey: state.nextKey + 1 };
}

function update(state: PlaygroundState, key: string, change: (s: Series) => Series): PlaygroundState {
  let changed = false;
  const series = state.series.map((s) => {
    if (s.key !== key) return s;
    const next = change(s);
    changed ||= next !== s;
    return next;
  });
  return changed ? { ...state, series } : state;
}

function validRange(xMin: number, xMax: number): boolean {
  return Number.isFinite(xMin) && Number.isFinite(xMax) && xMin < xMax && Math.abs(xMin) <= MAX_ABS_X && Math.abs(xMax) <= MAX_ABS_X;
}

function clamp(v: number, lo: number, hi: number): number {
  return Math.min(hi, Math.max(lo, v));
}

/** Rebuilds a state from saved data, keeping only what is well-formed and still in the catalogue. */
function restore(saved: unknown, functions: ReadonlyMap<string, FunctionSummary>): PlaygroundState {
  let state = initialState();
  if (typeof saved !== 'object' || saved === null) return state;
  const o = saved as Record<string, unknown>;
  if (typeof o.points === 'number') state = reduce(state, { type: 'setPoints', points: o.points });
  if (typeof o.framework === 'string') state = reduce(state, { type: 'setFramework', framework: o.framework as Framework });
  const list = Array.isArray(o.series) ? o.series.slice(0, MAX_SERIES) : [];
  for (const raw of list) {
    if (typeof raw !== 'object' || raw === null) continue;
    const s = raw as Record<string, unknown>;
    const source = s.source as Record<string, unknown> | null | undefined;
    let item: AddItem | undefined;
    if (source?.type === 'catalogue' && typeof source.id === 'string' && functions.has(source.id)) item = { source: { type: 'catalogue', id: source.id } };
    else if (source?.type === 'formula' && typeof source.formula === 'string') item = { source: { type: 'formula', formula: source.formula } };
    if (!item) continue;
    const before = state.series.length;
    state = reduce(state, { type: 'add', item, info: item.source.type === 'catalogue' ? functions.get(item.source.id) : undefined });
    if (state.series.length === before) continue;
    const key = state.series[state.series.length - 1].key;
    const savedParams = typeof s.params === 'object' && s.params !== null ? (s.params as Record<string, unknown>) : {};
    const info = item.source.type === 'catalogue' ? functions.get(item.source.id) : undefined;
    for (const [name, value] of Object.entries(savedParams)) {
      // A catalogue function keeps only the parameters it still has; a formula's are checked by its next compile.
      if (typeof value === 'number' && (!info || info.params.some((p) => p.name === name))) state = reduce(state, { type: 'setParam', key, name, value });
    }
    if (s.showF === false) state = reduce(state, { type: 'toggle', key, line: 'f' });
    if (s.showDf === true) state = reduce(state, { type: 'toggle', key, line: 'df' });
    if (Array.isArray(s.labels)) state = reduce(state, { type: 'setLabels', key, labels: s.labels.filter((v): v is number => typeof v === 'number') });
    if (Array.isArray(s.others)) {
      state = reduce(state, { type: 'setLogitCount', key, count: s.others.length + 1 });
      s.others.forEach((value, index) => {
        if (typeof value === 'number') state = reduce(state, { type: 'setOther', key, index, value });
      });
    }
    if (typeof s.component === 'number') state = reduce(state, { type: 'setComponent', key, component: s.component });
    if (typeof s.color === 'number' && Number.isInteger(s.color) && s.color >= 0 && s.color < PALETTE.length) {
      state = { ...state, series: state.series.map((x) => (x.key === key ? { ...x, color: s.color as number } : x)) };
    }
  }
  if (typeof o.xMin === 'number' && typeof o.xMax === 'number') state = reduce(state, { type: 'setXRange', xMin: o.xMin, xMax: o.xMax });
  const view = o.view as Record<string, unknown> | null | undefined;
  if (view && typeof view.xMin === 'number' && typeof view.xMax === 'number') state = reduce(state, { type: 'setView', view: { xMin: view.xMin, xMax: view.xMax } });
  return state;
}
