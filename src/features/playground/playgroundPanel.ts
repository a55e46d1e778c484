/**
 * The Formula Playground panel, host side: one panel at a time (`current`), created by the commands or
 * revived by the serializer after a reload. The webview draws; every number comes from here
 * (evaluate.ts). Messages are validated on arrival; a malformed one is logged and ignored.
 */
import * as vscode from 'vscode';
import { PLAYGROUND_VIEW_TYPE } from '../commandIds';
import { resolveParams } from '../../core/api';
import { entryFor, functionInfos } from '../../core/catalogue';
import { FormulaError } from '../../core/formula/types';
import type { Framework } from '../../core/types';
import type { AddItem, FunctionSummary, HostMessage, SeriesSummary, WebviewMessage } from './playgroundMessages';
import { isParseError, parseWebviewMessage } from './playgroundMessages';
import { codeSnippet } from './codeSnippet';
import { checkFormula, evaluateSeries, SeriesError } from './evaluateSeries';
import { playgroundHtml } from './playgroundHtml';
import { outputChannel } from '../../host/outputChannel';
import { bytesFromBase64, bytesFromText } from '../../host/assets';

/** What the open command returns: the series shown after the add, by catalogue id or formula. */
export interface PlaygroundResult {
  readonly series: string[];
}

/** How long an `add` waits for the webview's answer before the command returns what it knows. */
const ADD_TIMEOUT_MS = 15_000;


export class PlaygroundPanel {
  static current: PlaygroundPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private nextAddId = 1;
  private readonly queued: { id: number; item: AddItem }[] = [];
  private readonly waiting = new Map<number, (series: readonly SeriesSummary[]) => void>();
  private series: readonly SeriesSummary[] = [];
  private readonly createdAt = Date.now();

  /** Shows the panel (creating it if needed) and adds `item` when given. */
  static async createOrShow(context: vscode.ExtensionContext, item?: AddItem): Promise<PlaygroundResult> {
    let playground = PlaygroundPanel.current;
    if (playground) {
      playground.panel.reveal(playground.panel.viewColumn ?? vscode.ViewColumn.Beside);
    } else {
      const panel = vscode.window.createWebviewPanel(PLAYGROUND_VIEW_TYPE, 'Formula Playground', vscode.ViewColumn.Beside, webviewOptions(context));
      playground = new PlaygroundPanel(panel, context, undefined);
    }
    return playground.add(item);
  }

  /** Brings back a panel VS Code restored after a reload, with the state the webview saved. */
  static revive(panel: vscode.WebviewPanel, state: unknown, context: vscode.ExtensionContext): PlaygroundPanel {
    panel.webview.options = webviewOptions(context);
    return new PlaygroundPanel(panel, context, state);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private readonly restoredState: unknown,
  ) {
    PlaygroundPanel.current?.dispose();
    PlaygroundPanel.current = this;
    panel.webview.html = playgroundHtml(panel.webview, webviewRoot(context), this.initMessage());
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // A hidden webview is torn down; it says `ready` again when it comes back.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  /** The series shown, as the webview last reported them. */
  get seriesNames(): string[] {
    return this.series.map((s) => s.name);
  }

  dispose(): void {
    if (PlaygroundPanel.current === this) PlaygroundPanel.current = undefined;
    for (const resolve of this.waiting.values()) resolve(this.series);
    this.waiting.clear();
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
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
      if (this.ready) this.post({ type: 'add', requestId: id, item });
      else this.queued.push({ id, item });
    });
  }

  private initMessage(): HostMessage & { type: 'init' } {
    return { type: 'init', functions: summaries(), state: this.restoredState ?? null };
  }

  private post(message: HostMessage): void {
    void this.panel.webview.postMessage(message);
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (isParseError(message)) {
      outputChannel(this.context).appendLine(`ignored a malformed message from the playground: ${message.error}`);
      return;
    }
    try {
      this.handle(message);
    } catch (error) {
      outputChannel(this.context).appendLine(`playground: ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private handle(message: WebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        // The page embeds the same message; this copy serves a webview that could not read it.
        this.post(this.initMessage());
        for (const { id, item } of this.queued.splice(0)) this.post({ type: 'add', requestId: id, item });
        return;
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
      case 'perf': {
        const hostMs = message.name === 'firstPaint' ? ` (host: ${Date.now() - this.createdAt} ms after the panel was created)` : '';
        outputChannel(this.context).appendLine(`perf ${message.name}: ${describePerf(message.values)}${hostMs}`);
        return;
      }
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
      const code = codeSnippet(entry, resolveParams(entry, params), framework);
      await vscode.env.clipboard.writeText(code);
      void vscode.window.showInformationMessage(`Copied: ${code}`);
    } catch (error) {
      void vscode.window.showErrorMessage(`Copy as code: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

function webviewRoot(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [webviewRoot(context)] };
}

/** The catalogue as the webview sees it; it does not change while the extension runs. */
let cachedSummaries: FunctionSummary[] | undefined;
function summaries(): FunctionSummary[] {
  cachedSummaries ??= functionInfos().map((f) => ({
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
    frameworks: [...new Set(f.frameworks.map((n) => n.framework))],
  }));
  return cachedSummaries;
}

function formulaChecked(requestId: number, source: string): HostMessage {
  try {
    return { type: 'formulaChecked', requestId, ok: true, ...checkFormula(source) };
  } catch (error) {
    // Anything but a FormulaError (which carries its span) is blamed on the whole source.
    const [start, end] = error instanceof FormulaError ? [error.start, error.end] : [0, source.length];
    return { type: 'formulaChecked', requestId, ok: false, message: error instanceof Error ? error.message : String(error), start, end };
  }
}

function describePerf(values: readonly number[]): string {
  if (values.length === 1) return `${values[0].toFixed(1)} ms`;
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `n=${values.length} p50=${at(0.5).toFixed(1)} ms p95=${at(0.95).toFixed(1)} ms max=${sorted[sorted.length - 1].toFixed(1)} ms`;
}

/** Restores the panel after a window reload, with the state its webview saved. */
export function registerPlaygroundSerializer(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(PLAYGROUND_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        PlaygroundPanel.revive(panel, state, context);
      },
    }),
  );
}
