/**
 * The Signal Propagation view's messages, host ↔ webview, one typed union each way, validated on arrival on
 * both sides with the one validator kit (src/shared/validate.ts); numbers in the one wire encoding
 * (src/shared/wire.ts: q* = ∞ travels as "Infinity").
 *
 * Boot: the webview posts `ready`; the host answers `init` (the activations, the state to show). Every change
 * (an activation ticked, σ_w² or σ_b² moved by slider or by dragging the point) posts `compute`, answered by
 * `result` (q_l through depth, q*, χ₁, gain, phase and the init line per activation, with the edge-of-chaos
 * curve the first time an activation is shown) or `computeError`. The view saves `SignalViewState` with
 * vscode.setState; the serializer hands it back after a reload, checked like a message.
 * Pure: no 'vscode', no DOM; both tsconfigs compile it.
 */
import { describe, finite, integer, list, matching, messageParser, numberRecord, record, text, ValidationError } from '../../shared/validate';
import { wireNumber } from '../../shared/wire';

/** An activation with its parameters, as the view selects it. */
export interface SignalItem {
  readonly id: string;
  readonly params: Readonly<Record<string, number>>;
}

/** What the view shows; also what it saves for a reload. */
export interface SignalViewState {
  readonly items: readonly SignalItem[];
  readonly sigmaW2: number;
  readonly sigmaB2: number;
  readonly q0: number;
}

export interface SignalActivation {
  readonly id: string;
  readonly title: string;
}

export interface SignalSeries {
  readonly id: string;
  /** Title with parameters, e.g. "Leaky ReLU (α = 0.2)". */
  readonly label: string;
  readonly q: readonly number[];
  readonly qStar: number;
  readonly chi1: number;
  readonly gain: number;
  readonly phase: 'ordered' | 'critical' | 'chaotic';
  readonly xiQ: number | null;
  readonly xiC: number | null;
  /** "gradients shrink by ×0.83 per layer: after 50 layers ×1e−4". */
  readonly gradients: string;
  /** "init: nn.init.kaiming_normal_(w, nonlinearity='relu') (gain √2)". */
  readonly init: string;
  /** The χ₁ = 1 curve in the (σ_w², σ_b²) plane (sent once per activation and parameters). */
  readonly edge?: { readonly sigmaW2: readonly number[]; readonly sigmaB2: readonly number[] };
}

export type SignalHostMessage =
  | { readonly type: 'init'; readonly activations: readonly SignalActivation[]; readonly state: SignalViewState }
  | { readonly type: 'result'; readonly requestId: number; readonly series: readonly SignalSeries[] }
  | { readonly type: 'computeError'; readonly requestId: number; readonly message: string }
  | { readonly type: 'show'; readonly state: SignalViewState };

export type SignalWebviewMessage =
  | { readonly type: 'ready' }
  | {
      readonly type: 'compute';
      readonly requestId: number;
      readonly state: SignalViewState;
      /** Activations whose edge curve the view already has. */
      readonly haveEdges: readonly string[];
    };

/** Limits: sliders span these, and a message outside them is refused. */
export const SIGNAL_LIMITS = { maxItems: 8, maxSigmaW2: 200, maxSigmaB2: 10, maxQ0: 1e6, depth: 100 } as const;

const ID = /^[a-z][a-z0-9_]{0,39}$/;

/** `${id}|${params}`: the key the view and the host share for an activation with its parameters. */
export function itemKey(item: SignalItem): string {
  const ps = Object.keys(item.params)
    .sort()
    .map((k) => `${k}=${item.params[k]}`);
  return ps.length ? `${item.id}|${ps.join(',')}` : item.id;
}

function parseItem(v: unknown, at: string): SignalItem {
  const o = record(v, at);
  return { id: matching(o.id, `${at}.id`, ID, 'an activation id'), params: numberRecord(o.params ?? {}, `${at}.params`, 4) };
}

export function parseSignalState(v: unknown, at = 'state'): SignalViewState {
  const o = record(v, at);
  return {
    items: list(o.items, `${at}.items`, SIGNAL_LIMITS.maxItems, parseItem),
    sigmaW2: finite(o.sigmaW2, `${at}.sigmaW2`, 0, SIGNAL_LIMITS.maxSigmaW2),
    sigmaB2: finite(o.sigmaB2, `${at}.sigmaB2`, 0, SIGNAL_LIMITS.maxSigmaB2),
    q0: finite(o.q0, `${at}.q0`, 0, SIGNAL_LIMITS.maxQ0),
  };
}

export const parseSignalWebviewMessage = messageParser<SignalWebviewMessage>({
  ready: () => ({ type: 'ready' }),
  compute: (o) => ({
    type: 'compute',
    requestId: integer(o.requestId, 'requestId', 0, Number.MAX_SAFE_INTEGER),
    state: parseSignalState(o.state),
    haveEdges: list(o.haveEdges ?? [], 'haveEdges', 64, (s, at) => text(s, at, 200)),
  }),
});

const numbers = (v: unknown, at: string, max: number) => list(v, at, max, (x, a) => wireNumber(x, a));
const nullableNumber = (v: unknown, at: string) => (v === null || v === undefined ? null : wireNumber(v, at));

function parseSeries(v: unknown, at: string): SignalSeries {
  const o = record(v, at);
  const phase = o.phase;
  if (phase !== 'ordered' && phase !== 'critical' && phase !== 'chaotic') throw new ValidationError(`${at}.phase must be ordered, critical or chaotic, got ${describe(phase)}`);
  const edge = o.edge === undefined ? undefined : record(o.edge, `${at}.edge`);
  return {
    id: matching(o.id, `${at}.id`, ID, 'an activation id'),
    label: text(o.label, `${at}.label`, 200),
    q: numbers(o.q, `${at}.q`, SIGNAL_LIMITS.depth + 1),
    qStar: wireNumber(o.qStar, `${at}.qStar`),
    chi1: wireNumber(o.chi1, `${at}.chi1`),
    gain: wireNumber(o.gain, `${at}.gain`),
    phase,
    xiQ: nullableNumber(o.xiQ, `${at}.xiQ`),
    xiC: nullableNumber(o.xiC, `${at}.xiC`),
    gradients: text(o.gradients, `${at}.gradients`, 300),
    init: text(o.init, `${at}.init`, 400),
    ...(edge ? { edge: { sigmaW2: numbers(edge.sigmaW2, `${at}.edge.sigmaW2`, 2000), sigmaB2: numbers(edge.sigmaB2, `${at}.edge.sigmaB2`, 2000) } } : {}),
  };
}

export const parseSignalHostMessage = messageParser<SignalHostMessage>({
  init: (o) => ({
    type: 'init',
    activations: list(o.activations, 'activations', 100, (v, at) => {
      const a = record(v, at);
      return { id: matching(a.id, `${at}.id`, ID, 'an activation id'), title: text(a.title, `${at}.title`, 200) };
    }),
    state: parseSignalState(o.state),
  }),
  result: (o) => ({
    type: 'result',
    requestId: integer(o.requestId, 'requestId', 0, Number.MAX_SAFE_INTEGER),
    series: list(o.series, 'series', SIGNAL_LIMITS.maxItems, parseSeries),
  }),
  computeError: (o) => ({ type: 'computeError', requestId: integer(o.requestId, 'requestId', 0, Number.MAX_SAFE_INTEGER), message: text(o.message, 'message', 2000) }),
  show: (o) => ({ type: 'show', state: parseSignalState(o.state) }),
});
