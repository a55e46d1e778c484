/**
 * The Formula Playground panel, host side: one panel at a time (`current`), created by the commands or
 * revived by the serializer after a reload. The webview draws; every number comes from here
 * (evaluate.ts). Messages are validated on arrival; a malformed one is logged and ignored.
 */
import * as vscode from 'vscode';
import { PLAYGROUND_VIEW_TYPE } from '../commandIds';
import { resolveParams } from '../../core/api';
import { catalogue, entryFor } from '../../core/catalogue';
import { FormulaError } from '../../core/formula/formulaTypes';
import type { Framework } from '../../core/functionTypes';
import { frameworkNames } from '../../frameworks/table';
import { bytesFromBase64, bytesFromText } from '../../host/assets';
import { WebviewPanelHost } from '../../host/webviewPanel';
import { jsonForScriptElement } from '../../shared/wire';
import type { AddItem, FunctionSummary, HostMessage, SeriesSummary, WebviewMessage } from './playgroundMessages';
import { parseWebviewMessage } from './playgroundMessages';
import { codeSnippet } from './codeSnippet';
import { checkFormula, evaluateSeries } from './evaluateSeries';
import { SeriesError } from './catalogueLines';
import { messageOf } from '../../host/errorMessage';

/** What the open command returns: the series shown after the add, by catalogue id or formula. */
export interface PlaygroundResult {
  readonly series: string[];
}

/** How long an `add` waits for the webview's answer before the command returns what it knows. */
const ADD_TIMEOUT_MS = 15_000;

export class PlaygroundPanel extends WebviewPanelHost<HostMessage, WebviewMessage> {
  static get current(): PlaygroundPanel | undefined {
    return WebviewPanelHost.currentOf(PLAYGROUND_VIEW_TYPE) as PlaygroundPanel | undefined;
  }

  private nextAddId = 1;
  private readonly waiting = new Map<number, (series: readonly SeriesSummary[]) => void>();
  private series: readonly SeriesSummary[] = [];

  /** Shows the panel (creating it if needed) and adds `item` when given. */
  static async createOrShow(context: vscode.ExtensionContext, item?: AddItem): Promise<PlaygroundResult> {
    let playground = PlaygroundPanel.current;
    if (playground) {
      playground.panel.reveal(playground.panel.viewColumn ?? vscode.ViewColumn.Beside);
    } else {
      const panel = WebviewPanelHost.createPanel(context, PLAYGROUND_VIEW_TYPE, 'Formula Playground', vscode.ViewColumn.Beside);
      playground = new PlaygroundPanel(panel, context, undefined);
    }
    return playground.add(item);
  }

  /** Restores the panel after a window reload, with the state its webview saved. */
  /** The panel VS Code restores after a window reload, with the state its webview saved. */
  static revive(panel: vscode.WebviewPanel, context: vscode.ExtensionContext, state: unknown): PlaygroundPanel {
    return new PlaygroundPanel(panel, context, state);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private readonly restoredState: unknown,
  ) {
    super(panel, context, { viewType: PLAYGROUND_VIEW_TYPE, name: 'the playground', parse: parseWebviewMessage });
    const init = this.initMessage();
    // KaTeX fits the strict CSP: the webview renders with `katex.render`, which sets heights through the
    // CSSOM (not governed by CSP), whereas renderToString + innerHTML would need style attributes. The page
    // carries `init` as a JSON island (never executed), so the first chart needs no round trip; KaTeX's
    // script and stylesheet are named on the main script and loaded after the first frame, as is the preview
    // bundle that computes a catalogue function's series in the page during a slider drag.
    this.setPage({
      title: 'Formula Playground',
      style: 'main.css',
      script: 'main.js',
      scriptData: { 'katex-script': 'katex.js', 'katex-style': 'katex.css', 'preview-script': 'corePreview.js' },
      loadingText: 'Loading the playground…',
      beforeScript: (nonce) => `<script type="application/json" id="playground-init" nonce="${nonce}">${jsonForScriptElement(init)}</script>`,
    });
  }

  /** The series shown, as the webview last reported them. */
  get seriesNames(): string[] {
    return this.series.map((s) => s.name);
  }

  override dispose(): void {
    for (const resolve of this.waiting.values()) resolve(this.series);
    this.waiting.clear();
    super.dispose();
  }

  private add(item: AddItem | undefined): Promise<PlaygroundResult> {
    if (!item) return Promise.resolve({ series: this.seriesNames });
    const id = this.nextAddId++;
    return new Promise<PlaygroundResult>((resolve) => {
      const timer = setTimeout(() => finish(this.series), ADD_TIMEOUT_MS);
      const finish = (series: readonly SeriesSummary[]) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve({ series: series.map((s) => s.name) });
      };
      this.waiting.set(id, finish);
      this.post({ type: 'add', requestId: id, item });
    });
  }

  private initMessage(): HostMessage & { type: 'init' } {
    return { type: 'init', functions: summaries(), state: this.restoredState ?? null };
  }

  protected onReady(): void {
    // The page embeds the same message; this copy serves a webview that could not read it.
    this.post(this.initMessage());
  }

  protected handle(message: WebviewMessage): void {
    switch (message.type) {
      case 'evaluate':
        try {
          const result = evaluateSeries(message.request);
          this.post({ type: 'result', requestId: message.requestId, seriesKey: message.seriesKey, ...result });
        } catch (error) {
          const e = error instanceof SeriesError ? error : new SeriesError(String(error));
          this.post({
            type: 'evaluateError',
            requestId: message.requestId,
            seriesKey: message.seriesKey,
            message: e.message,
            ...(e.start === undefined ? {} : { start: e.start, end: e.end ?? e.start }),
          });
        }
        return;
      case 'checkFormula':
        this.post(formulaChecked(message.requestId, message.source));
        return;
      case 'seriesList':
        this.series = message.series;
        if (message.replyTo !== undefined) this.waiting.get(message.replyTo)?.(message.series);
        return;
      case 'exportPng':
        void this.save('playground.png', { 'PNG image': ['png'] }, bytesFromBase64(message.dataUrl.slice(message.dataUrl.indexOf(',') + 1)));
        return;
      case 'exportCsv':
        void this.save('playground.csv', { CSV: ['csv'] }, bytesFromText(message.csv));
        return;
      case 'copyCode':
        void this.copyCode(message.id, message.params, message.framework);
        return;
    }
  }

  private async save(fileName: string, filters: Record<string, string[]>, bytes: Uint8Array): Promise<void> {
    const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
    const target = await vscode.window.showSaveDialog({ defaultUri: folder ? vscode.Uri.joinPath(folder, fileName) : undefined, filters });
    if (!target) return;
    await vscode.workspace.fs.writeFile(target, bytes);
    void vscode.window.showInformationMessage(`Saved ${vscode.workspace.asRelativePath(target)}`);
  }

  private async copyCode(id: string, params: Record<string, number>, framework: Framework): Promise<void> {
    try {
      const entry = entryFor(id);
      const code = codeSnippet({ ...entry, frameworks: frameworkNames[id] ?? [] }, resolveParams(entry, params), framework);
      await vscode.env.clipboard.writeText(code);
      void vscode.window.showInformationMessage(`Copied: ${code}`);
    } catch (error) {
      void vscode.window.showErrorMessage(`Copy as code: ${messageOf(error)}`);
    }
  }
}

/** The catalogue as the webview sees it; it does not change while the extension runs. */
let cachedSummaries: FunctionSummary[] | undefined;
function summaries(): FunctionSummary[] {
  cachedSummaries ??= [...catalogue.values()].map((f) => ({
    id: f.id,
    kind: f.kind,
    shape: f.shape,
    title: f.title,
    params: f.params,
    latex: f.latex,
    derivativeLatex: f.derivativeLatex,
    plotRange: f.plotRange,
    ...(f.prediction ? { prediction: f.prediction } : {}),
    ...(f.plotLabels ? { plotLabels: f.plotLabels } : {}),
    frameworks: [...new Set((frameworkNames[f.id] ?? []).map((n) => n.framework))],
  }));
  return cachedSummaries;
}

function formulaChecked(requestId: number, source: string): HostMessage {
  try {
    return { type: 'formulaChecked', requestId, ok: true, ...checkFormula(source) };
  } catch (error) {
    // Anything but a FormulaError (which carries its span) is blamed on the whole source.
    const [start, end] = error instanceof FormulaError ? [error.start, error.end] : [0, source.length];
    return { type: 'formulaChecked', requestId, ok: false, message: messageOf(error), start, end };
  }
}
