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
import { CommandId, GRADCHECK_VIEW_TYPE } from '../commandIds';
import type { GradcheckReport } from '../../core/gradcheck';
import { WebviewPanelHost } from '../../host/webviewPanel';
import { outputChannel } from '../../host/outputChannel';
import { isInvalid } from '../../shared/validate';
import {
  type GradcheckHostMessage,
  type GradcheckWebviewMessage,
  parseGradcheckViewState,
  parseGradcheckWebviewMessage,
  type ReportRow,
} from './gradcheckMessages';
import type { CheckRequest } from './checkRequest';
import { derivativeSeries } from './derivativeSeries';
import { messageOf } from '../../host/errorMessage';

export { GRADCHECK_VIEW_TYPE };

/** What a revived view shows when the state it was saved with is missing or unusable. */
const EMPTY_VIEW_TITLE = 'Gradient check';
const EMPTY_VIEW_HINT =
  'Nothing to show: the results were not kept across the reload. Run "Formula Playground: Check All Built-ins" or "Gradient Check…" to check again.';

/** A report and what was asked for (to plot it and to open it in the playground). */
export interface CheckedItem {
  readonly report: GradcheckReport;
  readonly request: CheckRequest;
}

export class GradcheckPanel extends WebviewPanelHost<GradcheckHostMessage, GradcheckWebviewMessage> {
  static get current(): GradcheckPanel | undefined {
    return WebviewPanelHost.currentOf(GRADCHECK_VIEW_TYPE) as GradcheckPanel | undefined;
  }

  /** Shows `items` in the results view, creating it or replacing what it showed. */
  static show(context: vscode.ExtensionContext, title: string, summary: string, items: readonly CheckedItem[]): GradcheckPanel {
    const existing = GradcheckPanel.current;
    if (existing) {
      existing.update(title, summary, items);
      existing.panel.reveal(existing.panel.viewColumn, true);
      return existing;
    }
    const column = vscode.window.activeTextEditor ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active;
    const panel = WebviewPanelHost.createPanel(context, GRADCHECK_VIEW_TYPE, 'Gradient Check', { viewColumn: column, preserveFocus: true });
    return new GradcheckPanel(panel, context, title, summary, items, firstFailing(items));
  }

  /** Brings back a panel VS Code restored after a reload, from the state its webview saved (unvalidated). */
  static revive(panel: vscode.WebviewPanel, state: unknown, context: vscode.ExtensionContext): GradcheckPanel {
    const saved = parseGradcheckViewState(state);
    if (isInvalid(saved)) {
      outputChannel(context).appendLine(`the gradient-check view could not be restored (${saved.error}); showing it empty`);
      return new GradcheckPanel(panel, context, EMPTY_VIEW_TITLE, EMPTY_VIEW_HINT, [], 0);
    }
    const items = saved.rows.map(({ request, ...report }) => ({ report, request }));
    return new GradcheckPanel(panel, context, saved.title, saved.summary, items, saved.selected);
  }

  private constructor(
    panel: vscode.WebviewPanel,
    context: vscode.ExtensionContext,
    private title: string,
    private summary: string,
    private items: readonly CheckedItem[],
    private selected: number,
  ) {
    super(panel, context, { viewType: GRADCHECK_VIEW_TYPE, name: 'the gradient-check view', parse: parseGradcheckWebviewMessage });
    // Chart.js styles its canvas through the CSSOM, which the CSP does not govern.
    this.setPage({ title: 'Gradient Check', style: 'gradcheck.css', script: 'gradcheck.js', loadingText: 'Loading the gradient-check results…' });
  }

  /** The number of rows shown (for tests in the same module instance). */
  get rowCount(): number {
    return this.items.length;
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
    const rows: ReportRow[] = this.items.map(({ report, request }) => ({ ...report, request }));
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
      this.post({ type: 'seriesError', index, message: messageOf(error) });
    }
  }

  protected onReady(): void {
    this.sendAll();
  }

  protected handle(message: GradcheckWebviewMessage): void {
    switch (message.type) {
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

/** The row to show first: the first failure, else the first row. */
function firstFailing(items: readonly CheckedItem[]): number {
  const k = items.findIndex((item) => !item.report.ok);
  return k < 0 ? 0 : k;
}
