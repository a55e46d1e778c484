/**
 * The Signal Propagation view, host side: one panel at a time, opened by the command "Formula Playground:
 * Signal Propagation" (optionally with `{ id, params }`, as the hover's link passes it) or revived by the
 * serializer after a reload. The webview draws (q_l through depth, the phase diagram, the readout); every
 * number comes from here (signalCompute.ts, on the core's src/core/signal). Messages are validated on
 * arrival; a malformed one is logged and ignored.
 */
import * as vscode from 'vscode';
import { catalogue } from '../../core/catalogue';
import { shapedIds } from '../../core/signal/shapes';
import { WebviewPanelHost } from '../../host/webviewPanel';
import { messageOf } from '../../host/errorMessage';
import { isInvalid } from '../../shared/validate';
import { jsonForScriptElement } from '../../shared/wire';
import { SIGNAL_VIEW_TYPE } from '../commandIds';
import { computeSignal } from './signalCompute';
import {
  parseSignalState,
  parseSignalWebviewMessage,
  type SignalActivation,
  type SignalHostMessage,
  type SignalItem,
  type SignalViewState,
  type SignalWebviewMessage,
} from './signalMessages';
import { checked } from '../../shared/validate';

/** What the view starts with: ReLU and tanh at ReLU's edge of chaos. */
const DEFAULT_SIGNAL_STATE: SignalViewState = {
  items: [
    { id: 'relu', params: {} },
    { id: 'tanh', params: {} },
  ],
  sigmaW2: 2,
  sigmaB2: 0.05,
  q0: 1,
};

/** What the command returns, for tests: the activations shown. */
export interface SignalOpenResult {
  readonly items: readonly SignalItem[];
}

export class SignalPanel extends WebviewPanelHost<SignalHostMessage, SignalWebviewMessage> {
  static get current(): SignalPanel | undefined {
    return WebviewPanelHost.currentOf(SIGNAL_VIEW_TYPE) as SignalPanel | undefined;
  }

  private state: SignalViewState;
  /** The last result the view received, for tests and the command's answer. */
  lastChi1: readonly number[] = [];

  /** Shows the view (creating it if needed); `item` is added to, and first in, the selection. */
  static createOrShow(context: vscode.ExtensionContext, item?: SignalItem): SignalOpenResult {
    let view = SignalPanel.current;
    if (view) {
      view.panel.reveal(view.panel.viewColumn ?? vscode.ViewColumn.Beside);
      if (item) view.showItem(item);
    } else {
      const panel = WebviewPanelHost.createPanel(context, SIGNAL_VIEW_TYPE, 'Signal Propagation', vscode.ViewColumn.Beside);
      const state = item ? withItem(DEFAULT_SIGNAL_STATE, item) : DEFAULT_SIGNAL_STATE;
      view = new SignalPanel(panel, context, state);
    }
    return { items: view.state.items };
  }

  /** The panel VS Code restores after a window reload; a saved state that does not parse starts afresh. */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, saved: unknown): SignalPanel {
    const state = checked(() => parseSignalState(saved));
    return new SignalPanel(panel, context, isInvalid(state) ? DEFAULT_SIGNAL_STATE : state);
  }

  private constructor(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, state: SignalViewState) {
    super(panel, context, { viewType: SIGNAL_VIEW_TYPE, name: 'the signal-propagation view', parse: parseSignalWebviewMessage });
    this.state = state;
    this.setPage({
      title: 'Signal Propagation',
      style: 'signal.css',
      script: 'signal.js',
      loadingText: 'Loading signal propagation…',
      beforeScript: (nonce) => `<script type="application/json" id="signal-init" nonce="${nonce}">${jsonForScriptElement(this.initMessage())}</script>`,
    });
  }

  /** The selection and slider values the view last reported. */
  get shown(): SignalViewState {
    return this.state;
  }

  private showItem(item: SignalItem): void {
    this.state = withItem(this.state, item);
    this.post({ type: 'show', state: this.state });
  }

  private initMessage(): SignalHostMessage {
    return { type: 'init', activations: activations(), state: this.state };
  }

  protected onReady(): void {
    this.post(this.initMessage());
  }

  protected handle(message: SignalWebviewMessage): void {
    if (message.type !== 'compute') return;
    this.state = message.state;
    try {
      const series = computeSignal(message.state, message.haveEdges);
      this.lastChi1 = series.map((s) => s.chi1);
      this.post({ type: 'result', requestId: message.requestId, series });
    } catch (error) {
      this.post({ type: 'computeError', requestId: message.requestId, message: messageOf(error) });
    }
  }
}

/** `item` first in the selection (replacing the same id), at most the view's limit. */
function withItem(state: SignalViewState, item: SignalItem): SignalViewState {
  const rest = state.items.filter((i) => i.id !== item.id);
  return { ...state, items: [item, ...rest].slice(0, 4) };
}

let cachedActivations: SignalActivation[] | undefined;
/** The elementwise activations with a kink table: the ones the core can propagate. */
function activations(): SignalActivation[] {
  const shaped = new Set(shapedIds());
  cachedActivations ??= [...catalogue.values()]
    .filter((f) => f.kind === 'activation' && f.shape === 'elementwise' && shaped.has(f.id))
    .map((f) => ({ id: f.id, title: f.title }));
  return cachedActivations;
}

