/**
 * The gradient-check results view, host side: one panel at a time (`current`), a table of every checked
 * function and, for the selected one, the analytic vs numeric derivative and their difference. The webview
 * draws; the plot data is computed here (series.ts) when a row is selected. Messages are validated on
 * arrival; a malformed one is logged and ignored.
 *
 * After a window reload the serializer revives the panel from the state the webview saved: the rows it
 * showed (each with the request it came from, so the plot and "Open in Playground" work again) and the
 * selected row. Saved state is validated like a message; missing or malformed state gives an empty view
 * with a hint to run the check again.
 */
import * as vscode from 'vscode';
import { CommandId } from '../commandIds';
import type { GradcheckReport } from '../../core/gradcheck';
import {
  encodeForWebview,
  type GradcheckViewState,
  type GradcheckHostMessage,
  type GradcheckWebviewMessage,
  isCheckError,
  parseGradcheckViewState,
  parseGradcheckWebviewMessage,
  type ReportRow,
} from './gradcheckMessages';
import { gradcheckHtml } from './gradcheckHtml';
import { outputChannel } from '../../host/outputChannel';
import type { CheckRequest } from './checkRequest';
import { derivativeSeries } from './derivativeSeries';

export const GRADCHECK_VIEW_TYPE = 'formulaPlayground.gradcheckResults';

/** What a revived view shows when the state it was saved with is missing or unusable. */
export const EMPTY_VIEW_TITLE = 'Gradient check';
export const EMPTY_VIEW_HINT =
  'Nothing to show: the results were not kept across the reload. Run "Formula Playground: Check All Built-ins" or "Gradient Check…" to check again.';

/** A report and what was asked for (to plot it and to open it in the playground). */
export interface CheckedItem {
  readonly report: GradcheckReport;
  readonly request: CheckRequest;
}

export class GradcheckPanel {
  static current: GradcheckPanel | undefined;

  private readonly disposables: vscode.Disposable[] = [];
  private ready = false;
  private selected = 0;

  /** Shows `items` in the results view, creating it or replacing what it showed. */
  static show(context: vscode.ExtensionContext, title: string, summary: string, items: readonly CheckedItem[]): GradcheckPanel {
    const existing = GradcheckPanel.current;
    if (existing) {
      existing.update(title, summary, items);
      existing.panel.reveal(existing.panel.viewColumn, true);
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = vscode.window.createWebviewPanel(
      GRADCHECK_VIEW_TYPE,
      'Gradient Check',
      { viewColumn: column, preserveFocus: true },
      webviewOptions(context),
    );
    return new GradcheckPanel(panel, context, title, summary, items, firstFailing(items));
  }

  /** Brings back a panel VS Code restored after a reload, from the state its webview saved (unvalidated). */
  static revive(panel: vscode.WebviewPanel, state: unknown, context: vscode.ExtensionContext): GradcheckPanel {
    panel.webview.options = webviewOptions(context);
    const saved = parseGradcheckViewState(state);
    if (isCheckError(saved)) {
      outputChannel(context).appendLine(`the gradient-check view could not be restored (${saved.error}); showing it empty`);
      return new GradcheckPanel(panel, context, EMPTY_VIEW_TITLE, EMPTY_VIEW_HINT, [], 0);
    }
    return new GradcheckPanel(panel, context, saved.title, saved.summary, itemsOf(saved), saved.selected);
  }

  private constructor(
    private readonly panel: vscode.WebviewPanel,
    private readonly context: vscode.ExtensionContext,
    private title: string,
    private summary: string,
    private items: readonly CheckedItem[],
    selected: number,
  ) {
    GradcheckPanel.current = this;
    this.selected = selected;
    panel.webview.html = gradcheckHtml(panel.webview, webviewRoot(context));
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // A hidden webview is torn down; it says `ready` again when it comes back.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.ready = false;
      }),
    );
  }

  /** The number of rows shown (for tests in the same module instance). */
  get rowCount(): number {
    return this.items.length;
  }

  dispose(): void {
    if (GradcheckPanel.current === this) GradcheckPanel.current = undefined;
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  private update(title: string, summary: string, items: readonly CheckedItem[]): void {
    this.title = title;
    this.summary = summary;
    this.items = items;
    this.selected = firstFailing(items);
    this.panel.title = 'Gradient Check';
    if (this.ready) this.sendAll();
  }

  private sendAll(): void {
    const rows: ReportRow[] = this.items.map(({ report, request }) => ({
      target: report.target,
      ok: report.ok,
      range: report.range,
      atol: report.atol,
      rtol: report.rtol,
      points: report.points,
      failures: report.failures,
      skipped: report.skipped,
      maxAbsError: report.maxAbsError,
      maxRelError: report.maxRelError,
      achievedTolerance: report.achievedTolerance,
      worst: report.worst,
      kinks: report.kinks,
      checks: report.checks,
      durationMs: report.durationMs,
      // Every request is a catalogue function or a formula, both of which the playground plots.
      canOpen: true,
      request,
    }));
    this.post({ type: 'results', title: this.title, summary: this.summary, rows, selected: this.selected });
    this.sendSeries(this.selected);
  }

  private sendSeries(index: number): void {
    const item = this.items[index];
    if (!item) return;
    try {
      const s = derivativeSeries(item.request, item.report);
      this.post({
        type: 'series',
        index,
        series: {
          title: s.title,
          variable: s.variable,
          xMin: s.xMin,
          xMax: s.xMax,
          analytic: Array.from(s.analytic),
          numeric: Array.from(s.numeric),
          difference: Array.from(s.difference),
        },
      });
    } catch (error) {
      this.post({ type: 'seriesError', index, message: error instanceof Error ? error.message : String(error) });
    }
  }

  private post(message: GradcheckHostMessage): void {
    void this.panel.webview.postMessage(encodeForWebview(message));
  }

  private receive(raw: unknown): void {
    const message = parseGradcheckWebviewMessage(raw);
    if (isCheckError(message)) {
      outputChannel(this.context).appendLine(`ignored a malformed message from the gradient-check view: ${message.error}`);
      return;
    }
    this.handle(message);
  }

  private handle(message: GradcheckWebviewMessage): void {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.sendAll();
        return;
      case 'select':
        if (message.index >= this.items.length) return;
        this.selected = message.index;
        this.sendSeries(message.index);
        return;
      case 'openInPlayground': {
        const request = this.items[message.index]?.request;
        if (!request) return;
        const arg = request.kind === 'catalogue' ? { id: request.id, params: request.params } : { formula: request.formula, params: request.params };
        void vscode.commands.executeCommand(CommandId.openPlayground, arg);
        return;
      }
    }
  }
}

/** Registers the serializer that revives the results view after a window reload. */
export function registerGradcheckSerializer(context: vscode.ExtensionContext): void {
  context.subscriptions.push(
    vscode.window.registerWebviewPanelSerializer(GRADCHECK_VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel, state: unknown) {
        GradcheckPanel.revive(panel, state, context);
      },
    }),
  );
}

/** The saved rows as the reports and requests they were made from. */
function itemsOf(state: GradcheckViewState): CheckedItem[] {
  return state.rows.map((row) => ({
    report: {
      ok: row.ok,
      target: row.target,
      range: row.range,
      atol: row.atol,
      rtol: row.rtol,
      points: row.points,
      failures: row.failures,
      skipped: row.skipped,
      maxAbsError: row.maxAbsError,
      maxRelError: row.maxRelError,
      achievedTolerance: row.achievedTolerance,
      worst: row.worst,
      kinks: row.kinks,
      checks: row.checks,
      durationMs: row.durationMs,
    },
    request: row.request,
  }));
}

/** The row to show first: the first failure, else the first row. */
function firstFailing(items: readonly CheckedItem[]): number {
  const k = items.findIndex((item) => !item.report.ok);
  return k < 0 ? 0 : k;
}

function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [webviewRoot(context)] };
}

function webviewRoot(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
}
