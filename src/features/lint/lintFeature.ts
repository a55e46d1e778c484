/**
 * The pairing lints in VS Code: a DiagnosticCollection 'formulaPlayground' recomputed on open and on change
 * (debounced), cleared on close; Python notebook cells linted together in execution order; quick fixes and
 * "Show why in the playground" as code actions. The rules themselves are pure (src/lint).
 */
import * as vscode from 'vscode';
import { lintCells, lintsLanguage, lintVisible, LINT_CODES, type LintDiagnostic, type LintFix, type RuleSwitches, type ShowWhyTopic } from '../../lint';
import { LARGE_DOCUMENT } from '../../recognize/windowedModel';
import { CommandId } from '../commandIds';
import { SHOW_WHY } from './showWhyTopics';

/** The `source` of every pairing-lint diagnostic (the Formula view recognises them by it). */
export const LINT_SOURCE = 'DL Formula Playground';
const SHOW_WHY_COMMAND = CommandId.lintShowWhy;
const CHANGE_DELAY_MS = 300;
/** A large document (read in windows) is linted where it is shown: again after scrolling, this long after. */
const SCROLL_DELAY_MS = 150;

/** Where a joined text's offsets land: a document and the offset its text starts at. */
interface Piece {
  readonly document: vscode.TextDocument;
  readonly start: number;
  readonly end: number;
}

interface Published {
  readonly version: number;
  readonly entries: { readonly diagnostic: vscode.Diagnostic; readonly lint: LintDiagnostic; readonly pieces: readonly Piece[] }[];
}

export function registerLints(context: vscode.ExtensionContext): void {
  const lints = new LintPublisher();
  context.subscriptions.push(
    lints,
    vscode.languages.registerCodeActionsProvider(
      [{ language: 'python' }, { language: 'javascript' }, { language: 'typescript' }, { language: 'javascriptreact' }, { language: 'typescriptreact' }],
      new LintCodeActions(lints),
      { providedCodeActionKinds: [vscode.CodeActionKind.QuickFix] },
    ),
    vscode.commands.registerCommand(SHOW_WHY_COMMAND, (topic: unknown) => showWhy(topic)),
  );
  lints.start();
}

class LintPublisher implements vscode.Disposable {
  readonly collection = vscode.languages.createDiagnosticCollection('formulaPlayground');
  private readonly published = new Map<string, Published>();
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();
  private readonly disposables: vscode.Disposable[] = [];

  start(): void {
    this.disposables.push(
      vscode.workspace.onDidOpenTextDocument((d) => this.schedule(d, 0)),
      vscode.workspace.onDidChangeTextDocument((e) => this.schedule(e.document, CHANGE_DELAY_MS)),
      vscode.workspace.onDidCloseTextDocument((d) => this.clear(d.uri)),
      vscode.window.onDidChangeTextEditorVisibleRanges((e) => {
        if (large(e.textEditor.document)) this.schedule(e.textEditor.document, SCROLL_DELAY_MS);
      }),
      vscode.workspace.onDidChangeNotebookDocument((e) => {
        const cell = e.notebook.getCells().find((c) => c.kind === vscode.NotebookCellKind.Code);
        if (cell) this.schedule(cell.document, CHANGE_DELAY_MS);
      }),
      vscode.workspace.onDidCloseNotebookDocument((n) => n.getCells().forEach((c) => this.clear(c.document.uri))),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('formulaPlayground.lint')) this.relintAll();
      }),
    );
    this.relintAll();
  }

  dispose(): void {
    for (const t of this.timers.values()) clearTimeout(t);
    this.disposables.forEach((d) => d.dispose());
    this.collection.dispose();
  }

  /** The lint data behind a published diagnostic, for the code actions. */
  entriesFor(document: vscode.TextDocument): Published['entries'] {
    const published = this.published.get(document.uri.toString());
    if (!published || published.version !== document.version) {
      this.lint(document);
      return this.published.get(document.uri.toString())?.entries ?? [];
    }
    return published.entries;
  }

  private relintAll(): void {
    this.collection.clear();
    this.published.clear();
    for (const document of vscode.workspace.textDocuments) this.schedule(document, 0);
  }

  private schedule(document: vscode.TextDocument, delay: number): void {
    if (!lintsLanguage(document.languageId)) return;
    const key = groupKey(document);
    const pending = this.timers.get(key);
    if (pending) clearTimeout(pending);
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        if (!document.isClosed) this.lint(document);
      }, delay),
    );
  }

  private clear(uri: vscode.Uri): void {
    this.collection.delete(uri);
    this.published.delete(uri.toString());
  }

  private lint(document: vscode.TextDocument): void {
    const config = vscode.workspace.getConfiguration('formulaPlayground.lint');
    const documents = notebookCellsOf(document) ?? [document];
    if (!config.get<boolean>('enabled', true) || !lintsLanguage(document.languageId)) {
      documents.forEach((d) => this.clear(d.uri));
      return;
    }
    const rules = ruleSwitches(config.get<unknown>('rules'));
    let diagnostics: LintDiagnostic[];
    const pieces: Piece[] = [];
    try {
      if (documents.length === 1 && documents[0] === document && !isCell(document)) {
        // A large document: the windows around what the editors show, a few per call (the rest on the next tick).
        const text = document.getText();
        const linted = lintVisible(text, document.languageId, shownRanges(document), rules, { key: document.uri.toString(), version: document.version });
        diagnostics = linted.diagnostics;
        if (linted.more) this.schedule(document, 0);
        pieces.push({ document, start: 0, end: text.length });
      } else {
        const joined = lintCells(documents.map((d) => d.getText()), rules);
        diagnostics = joined.diagnostics;
        joined.spans.forEach((s) => pieces.push({ document: documents[s.cell], start: s.start, end: s.end }));
      }
    } catch (error) {
      // A bug in a rule must not take the editor down; say where, publish nothing.
      console.error(`DL Formula Playground lint failed on ${document.uri.toString()}:`, error);
      return;
    }
    const byDocument = new Map<string, Published['entries'][number][]>();
    for (const d of pieces) byDocument.set(d.document.uri.toString(), []);
    for (const lint of diagnostics) {
      const at = locate(pieces, lint.range);
      if (!at) continue;
      const diagnostic = new vscode.Diagnostic(at.range, lint.message, SEVERITY[lint.severity]);
      diagnostic.source = LINT_SOURCE;
      diagnostic.code = lint.code;
      diagnostic.relatedInformation = lint.related.flatMap((r) => {
        const where = locate(pieces, r.range);
        return where ? [new vscode.DiagnosticRelatedInformation(new vscode.Location(where.document.uri, where.range), r.message)] : [];
      });
      byDocument.get(at.document.uri.toString())?.push({ diagnostic, lint, pieces });
    }
    for (const piece of pieces) {
      const key = piece.document.uri.toString();
      const entries = byDocument.get(key) ?? [];
      this.collection.set(piece.document.uri, entries.map((e) => e.diagnostic));
      this.published.set(key, { version: piece.document.version, entries });
    }
  }
}

const SEVERITY: Readonly<Record<LintDiagnostic['severity'], vscode.DiagnosticSeverity>> = {
  error: vscode.DiagnosticSeverity.Error,
  warning: vscode.DiagnosticSeverity.Warning,
  information: vscode.DiagnosticSeverity.Information,
};

/** `formulaPlayground.lint.rules`: `{ "log-of-sigmoid": false }`; anything else in it is ignored. */
function ruleSwitches(value: unknown): RuleSwitches {
  const out: Partial<Record<(typeof LINT_CODES)[number], boolean>> = {};
  if (!value || typeof value !== 'object') return out;
  for (const code of LINT_CODES) {
    const v = (value as Record<string, unknown>)[code];
    if (typeof v === 'boolean') out[code] = v;
  }
  return out;
}

/** Over LARGE_DOCUMENT characters (the length read from the last line's end: no copy of the text). */
function large(document: vscode.TextDocument): boolean {
  return lintsLanguage(document.languageId) && !document.isClosed && document.offsetAt(document.lineAt(document.lineCount - 1).range.end) > LARGE_DOCUMENT;
}

/** The offsets the editors show of `document` (its start when none shows it). */
function shownRanges(document: vscode.TextDocument): { start: number; end: number }[] {
  const ranges = vscode.window.visibleTextEditors
    .filter((e) => e.document === document)
    .flatMap((e) => e.visibleRanges)
    .map((r) => ({ start: document.offsetAt(r.start), end: document.offsetAt(r.end) }));
  return ranges.length > 0 ? ranges : [{ start: 0, end: 0 }];
}

function isCell(document: vscode.TextDocument): boolean {
  return document.uri.scheme === 'vscode-notebook-cell';
}

/** One key per notebook (its cells are linted together) or per document. */
function groupKey(document: vscode.TextDocument): string {
  const notebook = notebookOf(document);
  return notebook ? notebook.uri.toString() : document.uri.toString();
}

function notebookOf(document: vscode.TextDocument): vscode.NotebookDocument | undefined {
  if (!isCell(document)) return undefined;
  return vscode.workspace.notebookDocuments.find((n) => n.getCells().some((c) => c.document === document));
}

/**
 * The Python code cells of the notebook holding `document`, in execution order: cells that ran, by their
 * execution count, then the ones that did not run, in document order.
 */
function notebookCellsOf(document: vscode.TextDocument): vscode.TextDocument[] | undefined {
  const notebook = notebookOf(document);
  if (!notebook) return undefined;
  const cells = notebook.getCells().filter((c) => c.kind === vscode.NotebookCellKind.Code && c.document.languageId === 'python');
  const ran = cells.filter((c) => c.executionSummary?.executionOrder !== undefined).sort((a, b) => (a.executionSummary?.executionOrder ?? 0) - (b.executionSummary?.executionOrder ?? 0));
  const notRun = cells.filter((c) => c.executionSummary?.executionOrder === undefined);
  return [...ran, ...notRun].map((c) => c.document);
}

/** The document and range an offset range of the (joined) text falls in, when it lies within one piece. */
function locate(pieces: readonly Piece[], range: { start: number; end: number }): { document: vscode.TextDocument; range: vscode.Range } | undefined {
  const piece = pieces.find((p) => p.start <= range.start && range.end <= p.end);
  if (!piece) return undefined;
  return { document: piece.document, range: new vscode.Range(piece.document.positionAt(range.start - piece.start), piece.document.positionAt(range.end - piece.start)) };
}

class LintCodeActions implements vscode.CodeActionProvider {
  constructor(private readonly lints: LintPublisher) {}

  provideCodeActions(document: vscode.TextDocument, _range: vscode.Range, context: vscode.CodeActionContext): vscode.CodeAction[] {
    const ours = context.diagnostics.filter((d) => d.source === LINT_SOURCE);
    if (ours.length === 0) return [];
    const entries = this.lints.entriesFor(document);
    const actions: vscode.CodeAction[] = [];
    for (const diagnostic of ours) {
      const entry = entries.find((e) => e.lint.code === diagnostic.code && e.diagnostic.range.isEqual(diagnostic.range));
      if (!entry) continue;
      for (const fix of entry.lint.fixes) {
        const edit = workspaceEdit(fix, entry.pieces);
        if (!edit) continue;
        const action = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        action.edit = edit;
        action.diagnostics = [diagnostic];
        action.isPreferred = fix.isPreferred;
        actions.push(action);
      }
      const why = new vscode.CodeAction('Show why in the playground', vscode.CodeActionKind.QuickFix);
      why.command = { command: SHOW_WHY_COMMAND, title: 'Show why in the playground', arguments: [entry.lint.showWhy] };
      why.diagnostics = [diagnostic];
      actions.push(why);
    }
    return actions;
  }
}

function workspaceEdit(fix: LintFix, pieces: readonly Piece[]): vscode.WorkspaceEdit | undefined {
  const edit = new vscode.WorkspaceEdit();
  for (const e of fix.edits) {
    const at = locate(pieces, e);
    if (!at) return undefined;
    edit.replace(at.document.uri, at.range, e.newText);
  }
  return edit;
}

/** Opens the playground with the two ways side by side and says why in one sentence; returns what it showed. */
async function showWhy(topic: unknown): Promise<{ series: string[]; sentence: string } | { error: string }> {
  if (typeof topic !== 'string' || !Object.prototype.hasOwnProperty.call(SHOW_WHY, topic)) {
    const message = `Show why: unknown topic ${JSON.stringify(topic)}; expected one of ${Object.keys(SHOW_WHY).join(', ')}`;
    void vscode.window.showErrorMessage(message);
    return { error: message };
  }
  const why = SHOW_WHY[topic as ShowWhyTopic];
  await vscode.commands.executeCommand(CommandId.openPlayground, why.naive);
  const result = (await vscode.commands.executeCommand(CommandId.openPlayground, why.stable)) as { series?: string[]; error?: string } | undefined;
  void vscode.window.showInformationMessage(why.sentence);
  if (!result || result.error !== undefined) return { error: result?.error ?? 'Show why: the playground did not open' };
  return { series: result.series ?? [], sentence: why.sentence };
}
