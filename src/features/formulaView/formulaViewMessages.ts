/**
 * The Formula view's messages, both directions, and their validation with the one validator kit
 * (src/shared/validate.ts). The host validates what the webview sends before acting on it; the webview
 * validates what the host sends before drawing it. Numbers travel in the one wire encoding
 * (src/shared/wire.ts): lines as Float64Arrays (NaN intact), everything else JSON-safe.
 * Pure: no 'vscode', no DOM (both sides import it).
 */
import { MAX_ABS_X, MAX_LABELS, MAX_MESSAGE_TEXT, MAX_PARAMS } from '../../shared/limits';
import { bool, checked, finite, integer, list, matching, messageParser, oneOf, record, text, ValidationError } from '../../shared/validate';
import { seriesValues } from '../../shared/wire';

/** Points of each line the view draws (the view is narrow; the playground draws more). */
export const VIEW_POINTS = 401;

/** One line of the plot: f / f′ (ℓ / ∂ℓ/∂ŷ per target y), with the parameters in effect or the framework's defaults. */
export interface ViewLine {
  readonly role: 'f' | 'df';
  /** 'code' with the parameters in effect; 'default' with the framework's defaults (the comparison). */
  readonly with: 'code' | 'default';
  /** The loss target y, for losses. */
  readonly label?: number;
  readonly values: Float64Array | readonly number[];
}

/** How a parameter is written in the code, and what the view can do about it. */
export interface ViewParam {
  readonly name: string;
  /** α, β, δ… */
  readonly symbol: string;
  readonly value: number;
  /** Slider bounds and step. */
  readonly min: number;
  readonly max: number;
  readonly step: number;
  readonly meaning: string;
  /** 'code': a literal in the call; 'constant': a named constant's literal; 'default': not written; 'unknown': set by something not known here. */
  readonly origin: 'code' | 'constant' | 'default' | 'unknown';
  /** The constant's name, or what the code writes for an unknown value. */
  readonly written?: string;
  /** The framework's default for this parameter (or the core's, without a framework). */
  readonly defaultValue: number;
  /** 'apply': rewrite the literal; 'add': insert `keyword`; 'none': cannot be set in code (`why` says so). */
  readonly action: 'apply' | 'add' | 'none';
  readonly keyword?: string;
  readonly why?: string;
}

export interface ViewDiagnostic {
  readonly index: number;
  readonly message: string;
  /** The quick fix's title, when there is one. */
  readonly fix?: string;
}

/** Everything the view shows for one call site. */
export interface ViewModel {
  readonly id: string;
  readonly title: string;
  readonly kind: 'activation' | 'loss';
  /** The name as written (`nn.LeakyReLU`) and its framework (`PyTorch`), when known. */
  readonly written: string;
  readonly framework?: string;
  readonly latex: string;
  readonly derivativeLatex: string;
  readonly params: readonly ViewParam[];
  /** The file (workspace-relative) and the 0-based line of the call. */
  readonly file: string;
  readonly line: number;
  readonly dimmed: boolean;
  readonly diagnostics: readonly ViewDiagnostic[];
  readonly xMin: number;
  readonly xMax: number;
  /** Which framework's defaults the comparison lines use (`PyTorch defaults`), when they differ from the code. */
  readonly compareLabel?: string;
  readonly lines: readonly ViewLine[];
}

export type HostMessage =
  | { readonly type: 'show'; readonly view: ViewModel | null }
  /** The lines for a previewed parameter value; `seq` echoes the webview's request. */
  | { readonly type: 'lines'; readonly seq: number; readonly lines: readonly ViewLine[] }
  /** A short status line (an applied edit, a failure). */
  | { readonly type: 'status'; readonly message: string };

export type WebviewMessage =
  | { readonly type: 'ready' }
  /**
   * A slider moved: the values not in the code. `drawn`: the webview computed and drew the lines itself
   * (its preview bundle has loaded), so the host only records the values; otherwise it answers with `lines`.
   */
  | { readonly type: 'preview'; readonly seq: number; readonly params: Readonly<Record<string, number>>; readonly drawn?: boolean }
  | { readonly type: 'apply'; readonly name: string; readonly value: number }
  | { readonly type: 'run'; readonly command: 'openPlayground' | 'gradientCheck' | 'reveal' }
  | { readonly type: 'fix'; readonly index: number };

const paramName = (v: unknown, at: string) => matching(v, at, /^[A-Za-z_][A-Za-z0-9_]{0,63}$/, 'a parameter name');
const functionId = (v: unknown, at: string) => matching(v, at, /^[a-z][a-z0-9_]{0,63}$/, 'a function id like "leaky_relu"');
const seq = (v: unknown, at: string) => integer(v, at, 0, Number.MAX_SAFE_INTEGER);

function paramValues(value: unknown, at: string): Record<string, number> {
  const o = record(value, at);
  const keys = Object.keys(o);
  if (keys.length > MAX_PARAMS) throw new ValidationError(`${at} must have at most ${MAX_PARAMS} entries, got ${keys.length}`);
  const out: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const k of keys) out[paramName(k, `${at} key`)] = finite(o[k], `${at}.${k}`);
  return out;
}

/** Validates a message that arrived at the host from the webview. */
export const parseWebviewMessage = messageParser<WebviewMessage>({
  ready: () => ({ type: 'ready' }),
  preview: (m) => ({ type: 'preview', seq: seq(m.seq, 'seq'), params: paramValues(m.params, 'params'), ...(m.drawn === undefined ? {} : { drawn: bool(m.drawn, 'drawn') }) }),
  apply: (m) => ({ type: 'apply', name: paramName(m.name, 'name'), value: finite(m.value, 'value') }),
  run: (m) => ({ type: 'run', command: oneOf(m.command, 'command', ['openPlayground', 'gradientCheck', 'reveal'] as const) }),
  fix: (m) => ({ type: 'fix', index: integer(m.index, 'index', 0, 999) }),
});

/** Validates a message that arrived at the webview from the host. */
export const parseHostMessage = messageParser<HostMessage>({
  show: (m) => ({ type: 'show', view: m.view === null ? null : viewModel(m.view, 'view') }),
  lines: (m) => ({ type: 'lines', seq: seq(m.seq, 'seq'), lines: viewLines(m.lines, 'lines') }),
  status: (m) => ({ type: 'status', message: text(m.message, 'message', MAX_MESSAGE_TEXT) }),
});

/** The part of the view the webview saves (vscode.setState) so a reload shows it again at once. */
export interface SavedViewState {
  readonly view: ViewModel | null;
}

/** Validates saved state handed back after a reload; anything malformed reads as nothing saved. */
export function parseSavedState(raw: unknown): ViewModel | null {
  if (raw === null || raw === undefined) return null;
  const result = checked(() => {
    const o = record(raw, 'state');
    return o.view === null || o.view === undefined ? null : viewModel(o.view, 'state.view');
  });
  return result !== null && 'error' in result ? null : (result as ViewModel | null);
}

function viewModel(value: unknown, at: string): ViewModel {
  const o = record(value, at);
  const xMin = finite(o.xMin, `${at}.xMin`, -MAX_ABS_X, MAX_ABS_X);
  const xMax = finite(o.xMax, `${at}.xMax`, -MAX_ABS_X, MAX_ABS_X);
  if (!(xMin < xMax)) throw new ValidationError(`${at}.xMin must be < ${at}.xMax, got ${xMin} and ${xMax}`);
  return {
    id: functionId(o.id, `${at}.id`),
    title: text(o.title, `${at}.title`, 200),
    kind: oneOf(o.kind, `${at}.kind`, ['activation', 'loss'] as const),
    written: text(o.written, `${at}.written`, 400),
    ...(o.framework === undefined ? {} : { framework: text(o.framework, `${at}.framework`, 40) }),
    latex: text(o.latex, `${at}.latex`, 20_000),
    derivativeLatex: text(o.derivativeLatex, `${at}.derivativeLatex`, 20_000),
    params: list(o.params, `${at}.params`, MAX_PARAMS, viewParam),
    file: text(o.file, `${at}.file`, 2000),
    line: integer(o.line, `${at}.line`, 0, 1e8),
    dimmed: bool(o.dimmed, `${at}.dimmed`),
    diagnostics: list(o.diagnostics, `${at}.diagnostics`, 50, diagnostic),
    xMin,
    xMax,
    ...(o.compareLabel === undefined ? {} : { compareLabel: text(o.compareLabel, `${at}.compareLabel`, 200) }),
    lines: viewLines(o.lines, `${at}.lines`),
  };
}

function viewParam(value: unknown, at: string): ViewParam {
  const o = record(value, at);
  return {
    name: paramName(o.name, `${at}.name`),
    symbol: text(o.symbol, `${at}.symbol`, 20),
    value: finite(o.value, `${at}.value`),
    min: finite(o.min, `${at}.min`),
    max: finite(o.max, `${at}.max`),
    step: finite(o.step, `${at}.step`, 0),
    meaning: text(o.meaning, `${at}.meaning`, 400),
    origin: oneOf(o.origin, `${at}.origin`, ['code', 'constant', 'default', 'unknown'] as const),
    ...(o.written === undefined ? {} : { written: text(o.written, `${at}.written`, 400) }),
    defaultValue: finite(o.defaultValue, `${at}.defaultValue`),
    action: oneOf(o.action, `${at}.action`, ['apply', 'add', 'none'] as const),
    ...(o.keyword === undefined ? {} : { keyword: text(o.keyword, `${at}.keyword`, 64) }),
    ...(o.why === undefined ? {} : { why: text(o.why, `${at}.why`, 400) }),
  };
}

function diagnostic(value: unknown, at: string): ViewDiagnostic {
  const o = record(value, at);
  return {
    index: integer(o.index, `${at}.index`, 0, 999),
    message: text(o.message, `${at}.message`, MAX_MESSAGE_TEXT),
    ...(o.fix === undefined ? {} : { fix: text(o.fix, `${at}.fix`, 400) }),
  };
}

function viewLines(value: unknown, at: string): ViewLine[] {
  return list(value, at, 4 * (MAX_LABELS + 1), viewLine);
}

function viewLine(value: unknown, at: string): ViewLine {
  const o = record(value, at);
  const label = o.label === undefined ? undefined : finite(o.label, `${at}.label`, -MAX_ABS_X, MAX_ABS_X);
  const values = seriesValues(o.values, `${at}.values`);
  return {
    role: oneOf(o.role, `${at}.role`, ['f', 'df'] as const),
    with: oneOf(o.with, `${at}.with`, ['code', 'default'] as const),
    ...(label === undefined ? {} : { label }),
    values,
  };
}
