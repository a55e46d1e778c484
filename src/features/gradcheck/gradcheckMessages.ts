/**
 * The results view's messages, host ↔ webview, as one typed union each way, validated on arrival on both
 * sides (a malformed message is an error naming what is wrong, never a crash).
 *
 * Boot: the webview posts `ready`; the host answers `results` (every report) and then `series` (the plot
 * data of the selected row). Clicking a row posts `select`, answered by `series` or `seriesError`; the
 * button posts `openInPlayground`. A hidden webview is torn down and says `ready` again when shown.
 *
 * Numbers travel in the one wire encoding (src/shared/wire.ts: NaN and ±∞ as strings) and are checked
 * with the one validator kit (src/shared/validate.ts). Pure: no 'vscode', no DOM; both tsconfigs compile it.
 *
 * After a window reload the view is revived from the state the webview saved (vscode.setState): the
 * `results` it last showed, with the selected row, in the same wire encoding (`encodeViewState`). That
 * state comes back through the serializer untyped, so it is validated like a message
 * (`parseGradcheckViewState`).
 */
import type { GradcheckCheck, GradcheckPoint, GradcheckReport, GradcheckSkipReason } from '../../core/gradcheck';
import { MAX_MESSAGE_TEXT, MAX_PARAMS, MAX_RESULT_ROWS, MAX_SERIES_POINTS } from '../../shared/limits';
import { bool, type Checked, checked, describe, finite, integer, list, messageParser, numberRecord, oneOf, record, text as boundedText, ValidationError } from '../../shared/validate';
import { toWire, wireNumber } from '../../shared/wire';
import type { CheckRequest } from './checkRequest';

/** One checked function as the table shows it: the report's numbers and what was checked. */
export interface ReportRow extends GradcheckReport {
  /** What was checked: kept with the row so that a revived view can plot it and open it again. */
  readonly request: CheckRequest;
}

export interface SeriesData {
  readonly title: string;
  readonly variable: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly analytic: readonly number[];
  readonly numeric: readonly number[];
  readonly difference: readonly number[];
}

export type GradcheckHostMessage =
  | { readonly type: 'results'; readonly title: string; readonly summary: string; readonly rows: readonly ReportRow[]; readonly selected: number }
  | { readonly type: 'series'; readonly index: number; readonly series: SeriesData }
  | { readonly type: 'seriesError'; readonly index: number; readonly message: string };

export type GradcheckWebviewMessage =
  | { readonly type: 'ready' }
  | { readonly type: 'select'; readonly index: number }
  | { readonly type: 'openInPlayground'; readonly index: number };

/** What the results view saves with vscode.setState and the serializer hands back after a reload. */
export interface GradcheckViewState {
  readonly version: typeof VIEW_STATE_VERSION;
  readonly title: string;
  readonly summary: string;
  readonly rows: readonly ReportRow[];
  readonly selected: number;
}

/** Bumped when the saved state's shape changes; a state of another version is refused, not misread. */
export const VIEW_STATE_VERSION = 1;

const MAX_ROWS = MAX_RESULT_ROWS;
const MAX_CHECKS = 64;
const MAX_VECTOR = 1024;

/** Validates a message that arrived at the host from the results view. */
export const parseGradcheckWebviewMessage = messageParser<GradcheckWebviewMessage>({
  ready: () => ({ type: 'ready' }),
  select: (m) => ({ type: 'select', index: integer(m.index, 'index', 0, MAX_ROWS - 1) }),
  openInPlayground: (m) => ({ type: 'openInPlayground', index: integer(m.index, 'index', 0, MAX_ROWS - 1) }),
});

/** Validates a message that arrived at the results view from the host, turning "NaN"/"Infinity" back into numbers. */
export const parseGradcheckHostMessage = messageParser<GradcheckHostMessage>({
  results: (m) => {
    const rows = list(m.rows, 'rows', MAX_ROWS, reportRow);
    const selected = integer(m.selected, 'selected', 0, Math.max(0, rows.length - 1));
    return { type: 'results', title: text(m.title, 'title'), summary: text(m.summary, 'summary'), rows, selected };
  },
  series: (m) => {
    const s = record(m.series, 'series');
    const xMin = finite(s.xMin, 'series.xMin');
    const xMax = finite(s.xMax, 'series.xMax');
    if (!(xMin < xMax)) throw new ValidationError(`series.xMin must be below series.xMax, got ${xMin} and ${xMax}`);
    const values = (key: 'analytic' | 'numeric' | 'difference') => list(s[key], `series.${key}`, MAX_SERIES_POINTS, wireNumber);
    const series: SeriesData = {
      title: text(s.title, 'series.title'),
      variable: text(s.variable, 'series.variable'),
      xMin,
      xMax,
      analytic: values('analytic'),
      numeric: values('numeric'),
      difference: values('difference'),
    };
    if (series.numeric.length !== series.analytic.length || series.difference.length !== series.analytic.length) {
      throw new ValidationError('series.analytic, numeric and difference must have the same length');
    }
    return { type: 'series', index: integer(m.index, 'index', 0, MAX_ROWS - 1), series };
  },
  seriesError: (m) => ({ type: 'seriesError', index: integer(m.index, 'index', 0, MAX_ROWS - 1), message: text(m.message, 'message') }),
});

/**
 * Validates the state a revived results view was saved with (unknown: it may be missing, from another
 * version, or damaged), turning "NaN"/"Infinity" back into numbers.
 */
export function parseGradcheckViewState(raw: unknown): Checked<GradcheckViewState> {
  return checked(() => {
    if (raw === undefined || raw === null) throw new ValidationError('no state was saved');
    const s = record(raw, 'state');
    if (s.version !== VIEW_STATE_VERSION) throw new ValidationError(`state.version must be ${VIEW_STATE_VERSION}, got ${describe(s.version)}`);
    const rows = list(s.rows, 'state.rows', MAX_ROWS, reportRow);
    const selected = integer(s.selected, 'state.selected', 0, Math.max(0, rows.length - 1));
    return { version: VIEW_STATE_VERSION, title: text(s.title, 'state.title'), summary: text(s.summary, 'state.summary'), rows, selected };
  });
}

/** The view state in the wire encoding, ready for vscode.setState (which stores JSON). */
export function encodeViewState(state: GradcheckViewState): unknown {
  return toWire(state);
}

function reportRow(value: unknown, at: string): ReportRow {
  const r = record(value, at);
  const range = list(r.range, `${at}.range`, 2, (v, a) => finite(v, a));
  if (range.length !== 2) throw new ValidationError(`${at}.range must be [a, b]`);
  return {
    target: text(r.target, `${at}.target`),
    range: [range[0], range[1]],
    atol: wireNumber(r.atol, `${at}.atol`),
    rtol: wireNumber(r.rtol, `${at}.rtol`),
    ...tally(r, at),
    ...(r.criterion === undefined ? {} : { criterion: oneOf(r.criterion, `${at}.criterion`, ['error-model', 'fixed'] as const) }),
    checks: list(r.checks, `${at}.checks`, MAX_CHECKS, check),
    durationMs: wireNumber(r.durationMs, `${at}.durationMs`),
    request: checkRequest(r.request, `${at}.request`),
  };
}

/** The shape of a CheckRequest; whether its id or formula is valid is for the checker to say. */
function checkRequest(value: unknown, at: string): CheckRequest {
  const r = record(value, at);
  const params = numberRecord(r.params, `${at}.params`, MAX_PARAMS);
  switch (r.kind) {
    case 'catalogue':
      return { kind: 'catalogue', id: text(r.id, `${at}.id`), params };
    case 'formula':
      return {
        kind: 'formula',
        formula: text(r.formula, `${at}.formula`),
        ...(r.derivative === undefined ? {} : { derivative: text(r.derivative, `${at}.derivative`) }),
        params,
      };
    default:
      throw new ValidationError(`${at}.kind must be "catalogue" or "formula", got ${describe(r.kind)}`);
  }
}

function check(value: unknown, at: string): GradcheckCheck {
  const c = record(value, at);
  return {
    label: text(c.label, `${at}.label`),
    ...tally(c, at),
    ...(c.worstScore === undefined ? {} : { worstScore: wireNumber(c.worstScore, `${at}.worstScore`) }),
  };
}

/** What a report and each of its checks both carry: the verdict, the counts, the errors, the kinks. */
function tally(o: Record<string, unknown>, at: string): Omit<GradcheckCheck, 'label'> {
  return {
    ok: bool(o.ok, `${at}.ok`),
    points: integer(o.points, `${at}.points`, 0, Number.MAX_SAFE_INTEGER),
    failures: integer(o.failures, `${at}.failures`, 0, Number.MAX_SAFE_INTEGER),
    skipped: integer(o.skipped, `${at}.skipped`, 0, Number.MAX_SAFE_INTEGER),
    maxAbsError: wireNumber(o.maxAbsError, `${at}.maxAbsError`),
    maxRelError: wireNumber(o.maxRelError, `${at}.maxRelError`),
    achievedTolerance: wireNumber(o.achievedTolerance, `${at}.achievedTolerance`),
    worst: o.worst === null ? null : point(o.worst, `${at}.worst`),
    kinks: list(o.kinks, `${at}.kinks`, MAX_VECTOR, wireNumber),
    ...(o.discontinuities === undefined ? {} : { discontinuities: list(o.discontinuities, `${at}.discontinuities`, MAX_VECTOR, wireNumber) }),
    ...(o.skipReasons === undefined ? {} : { skipReasons: skipReasons(o.skipReasons, `${at}.skipReasons`) }),
  };
}

const SKIP_REASONS: readonly GradcheckSkipReason[] = ['f is not finite', 'no finite-difference stencil stayed finite', 'numeric derivative too uncertain'];

function skipReasons(value: unknown, at: string): Partial<Record<GradcheckSkipReason, number>> {
  const counts = numberRecord(value, at, SKIP_REASONS.length, (key, keyAt) => oneOf(key, keyAt, SKIP_REASONS));
  for (const [reason, n] of Object.entries(counts)) integer(n, `${at}[${JSON.stringify(reason)}]`, 0, Number.MAX_SAFE_INTEGER);
  return counts;
}

function point(value: unknown, at: string): GradcheckPoint {
  const p = record(value, at);
  const out: { -readonly [K in keyof GradcheckPoint]: GradcheckPoint[K] } = {
    x: wireNumber(p.x, `${at}.x`),
    analytic: wireNumber(p.analytic, `${at}.analytic`),
    numeric: wireNumber(p.numeric, `${at}.numeric`),
    numericError: wireNumber(p.numericError, `${at}.numericError`),
  };
  if (p.label !== undefined) {
    out.label = Array.isArray(p.label) ? list(p.label, `${at}.label`, MAX_VECTOR, wireNumber) : wireNumber(p.label, `${at}.label`);
  }
  if (p.input !== undefined) out.input = list(p.input, `${at}.input`, MAX_VECTOR, wireNumber);
  if (p.index !== undefined) {
    const index = list(p.index, `${at}.index`, 2, (v, a) => integer(v, a, 0, MAX_VECTOR));
    if (index.length !== 2) throw new ValidationError(`${at}.index must be [i, j]`);
    out.index = [index[0], index[1]];
  }
  return out;
}

function text(value: unknown, at: string): string {
  return boundedText(value, at, MAX_MESSAGE_TEXT);
}
