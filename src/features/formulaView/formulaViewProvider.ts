/**
 * The Formula view: a WebviewView (its own activity-bar container; movable to the panel or the secondary
 * side bar like any view) that follows the active editor. When the cursor rests on a call the document
 * model recognises, it shows that function with the parameters in effect; elsewhere it keeps the last
 * one, dimmed, with its file and line.
 *
 * - At most one update per 100 ms (the first change answers at once, the rest of a burst once at its end),
 *   and no work at all while the view is hidden: events only mark it stale; showing it again updates once.
 * - A slider drag previews in the webview: its deferred preview bundle computes the lines with the same
 *   pure function the host uses (formulaViewLines.ts) and draws them in the next frame, telling the host
 *   only the values (so formulaViewState stays the authority); before that bundle has loaded, the host
 *   computes them (`preview` → `lines`). On release the webview offers Apply to code, which `applyParameter` turns into one WorkspaceEdit (one undo step) that rewrites
 *   only the literal, the named constant's literal, or adds the framework's keyword.
 * - Messages from the webview are validated on arrival (formulaViewMessages.ts); messages to it are in the
 *   one wire encoding. The page is the house page (src/host/webviewPanel.ts): strict CSP with a nonce.
 * - The webview saves what it shows (vscode.setState); after a reload VS Code hands it back to
 *   resolveWebviewView, and the view shows it (dimmed) until the cursor rests on a call again.
 */
import * as vscode from 'vscode';
import { checkParam } from '../../core/api';
import { catalogue } from '../../core/catalogue';
import { pageHtml, webviewOptions, webviewRoot } from '../../host/webviewPanel';
import { outputChannel } from '../../host/outputChannel';
import { isInvalid } from '../../shared/validate';
import { toWire } from '../../shared/wire';
import { CommandId } from '../commandIds';
import { MAX_DOCUMENT_CHARS, MAX_LINE_CHARS } from '../../shared/limits';
import { type HostMessage, parseSavedState, parseWebviewMessage, type ViewDiagnostic, type ViewModel, type WebviewMessage } from './formulaViewMessages';
import { buildViewModel, type CallContext, paramsOf, placesOf } from './formulaViewModel';
import { linesFor } from './formulaViewLines';
import { LINT_SOURCE } from '../lint/lintFeature';
import { changeFor } from './parameterEdits';
import { argumentSite, familyOf, siteAt } from './siteAt';

export const FORMULA_VIEW_ID = 'formulaPlayground.formulaView';
/** Fewest milliseconds between two updates of the view. */
const UPDATE_INTERVAL_MS = 100;

/** What formulaPlayground.formulaViewState returns. */
export interface FormulaViewState {
  readonly id: string;
  readonly params: Readonly<Record<string, number>>;
  readonly uri: string;
  readonly line: number;
  readonly dimmed: boolean;
}

/** The call the view shows, and the document version it was read from. */
interface Shown {
  readonly call: CallContext;
  /**
   * The document itself, not only its uri: a closed untitled document's name is reused at once by the next
   * one, which must not inherit this one's call or slider values.
   */
  readonly document: vscode.TextDocument;
  readonly version: number;
  dimmed: boolean;
  /** Slider values not (yet) in the code. */
  overrides: Record<string, number>;
}

export type ApplyResult = { readonly applied: 'literal' | 'constant' | 'added'; readonly text: string } | { readonly error: string };

export class FormulaViewProvider implements vscode.WebviewViewProvider, vscode.Disposable {
  private view: vscode.WebviewView | undefined;
  private ready = false;
  private shown: Shown | undefined;
  private restored: ViewModel | null = null;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private lastUpdate = -Infinity;
  private stale = true;
  private postedKey = '';
  private readonly disposables: vscode.Disposable[] = [];
  private viewDisposables: vscode.Disposable[] = [];
  /** Counters for the test-only probe command: how often the view computed and posted. */
  readonly counters = { updates: 0, posted: 0 };

  constructor(private readonly context: vscode.ExtensionContext) {
    this.disposables.push(
      vscode.window.onDidChangeTextEditorSelection((e) => {
        if (e.textEditor === vscode.window.activeTextEditor) this.schedule();
      }),
      vscode.window.onDidChangeActiveTextEditor(() => this.schedule()),
      vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document === vscode.window.activeTextEditor?.document || e.document.uri.toString() === this.shown?.document.uri.toString()) this.schedule();
      }),
      vscode.workspace.onDidCloseTextDocument((document) => {
        // The call shown is gone with its document: keep it on screen, dimmed, without unapplied slider values.
        if (this.shown?.document !== document) return;
        this.shown.dimmed = true;
        this.shown.overrides = {};
        this.schedule(true);
      }),
      vscode.languages.onDidChangeDiagnostics((e) => {
        const uri = this.shown?.document.uri.toString();
        if (uri && e.uris.some((u) => u.toString() === uri)) this.schedule(true);
      }),
      vscode.window.onDidChangeActiveColorTheme(() => this.schedule(true)),
    );
  }

  resolveWebviewView(view: vscode.WebviewView, resolveContext: vscode.WebviewViewResolveContext): void {
    this.disposeView();
    this.view = view;
    this.ready = false;
    this.postedKey = '';
    this.restored = parseSavedState(resolveContext.state);
    view.webview.options = webviewOptions(this.context);
    view.webview.html = pageHtml(view.webview, webviewRoot(this.context), {
      title: 'Formula',
      style: 'formulaView.css',
      script: 'formulaView.js',
      // KaTeX and the preview bundle (the core, to redraw a slider drag without the host) load after the first paint.
      scriptData: { 'katex-script': 'katex.js', 'katex-style': 'katex.css', 'preview-script': 'corePreview.js' },
      loadingText: 'Place the cursor on an activation or a loss.',
    });
    this.viewDisposables.push(
      view.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      view.onDidChangeVisibility(() => {
        // A hidden webview view is torn down (no retainContextWhenHidden); it says `ready` again when shown.
        if (!view.visible) this.ready = false;
        this.postedKey = '';
        if (view.visible) this.schedule(true);
      }),
      view.onDidDispose(() => {
        if (this.view === view) {
          this.view = undefined;
          this.ready = false;
        }
        this.disposeView();
      }),
    );
  }

  /** Whether the view is on screen (updates happen only then). */
  get visible(): boolean {
    return this.view?.visible === true;
  }

  /** What the view shows, read now from the active editor when the view is visible (else as last shown). */
  state(): FormulaViewState | undefined {
    if (this.visible) this.updateNow();
    const shown = this.shown;
    if (!shown) return undefined;
    const entry = catalogue.get(shown.call.ref.id);
    if (!entry) return undefined;
    return {
      id: shown.call.ref.id,
      params: paramsOf(entry, shown.call, placesOf(entry, shown.call), shown.overrides),
      uri: shown.document.uri.toString(),
      line: shown.call.line,
      dimmed: shown.dimmed,
    };
  }

  /**
   * What a slider does: sets parameter `name` of the function shown to `value` and redraws; with `apply`,
   * writes it into the code (see applyParameter).
   */
  async setParameter(name: string, value: number, apply: boolean): Promise<{ state: FormulaViewState | undefined; applied?: ApplyResult } | { error: string }> {
    if (this.visible) this.updateNow();
    const shown = this.shown;
    if (!shown) return { error: 'the Formula view shows no function: place the cursor on an activation or a loss first' };
    const entry = catalogue.get(shown.call.ref.id);
    const spec = entry?.params.find((p) => p.name === name);
    if (!entry || !spec) {
      const names = entry?.params.map((p) => p.name).join(', ') || 'none';
      return { error: `${shown.call.ref.id} has no parameter ${JSON.stringify(name)} (its parameters: ${names})` };
    }
    const problem = checkParam(spec, value);
    if (problem) return { error: `${shown.call.ref.id}: ${problem}` };
    shown.overrides[name] = value;
    this.post(this.model());
    if (!apply) return { state: this.state() };
    const applied = await this.applyParameter(name, value);
    return { state: this.state(), applied };
  }

  /**
   * Writes parameter `name` = `value` into the code of the call shown: one WorkspaceEdit that replaces only
   * the literal (or the named constant's literal), or inserts the framework's keyword. One undo step.
   */
  async applyParameter(name: string, value: number): Promise<ApplyResult> {
    const shown = this.shown;
    if (!shown) return { error: 'no function is shown' };
    const document = shown.document;
    if (document.isClosed) return { error: `${shown.call.file} was closed: open it and place the cursor on the call again` };
    if (document.version !== shown.version) return { error: 'the code changed since the view read it: place the cursor on the call again' };
    const entry = catalogue.get(shown.call.ref.id);
    if (!entry) return { error: `unknown function ${shown.call.ref.id}` };
    const place = placesOf(entry, shown.call).get(name);
    if (!place) return { error: `${shown.call.ref.id} has no parameter ${name}` };
    const change = changeFor(place, value, shown.call.family);
    if (!change || place.kind === 'fixed') return { error: `cannot write ${name} into the code: ${place.kind === 'fixed' ? place.why : 'no place for it'}` };
    const edit = new vscode.WorkspaceEdit();
    edit.replace(shown.document.uri, new vscode.Range(document.positionAt(change.start), document.positionAt(change.end)), change.text);
    if (!(await vscode.workspace.applyEdit(edit))) return { error: 'VS Code refused the edit (is the file read-only?)' };
    delete shown.overrides[name];
    // The edit bumps the version: read the call again where it was, so the view follows the new code.
    this.refreshShown();
    this.post(this.model());
    const applied = place.kind === 'missing' ? 'added' : place.kind;
    this.status(`${applied === 'added' ? 'Added' : 'Set'} ${change.text.replace(/^, /, '')} in ${shown.call.file}:${shown.call.line + 1}`);
    return { applied, text: change.text };
  }

  dispose(): void {
    if (this.timer !== undefined) clearTimeout(this.timer);
    this.disposeView();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  private disposeView(): void {
    while (this.viewDisposables.length) this.viewDisposables.pop()?.dispose();
  }

  /** Asks for an update: at once when the last was ≥ 100 ms ago, else at the end of that interval. */
  private schedule(force = false): void {
    if (force) this.postedKey = '';
    this.stale = true;
    // No work while hidden: showing the view again schedules the update it missed.
    if (!this.visible || this.timer !== undefined) return;
    const wait = Math.max(0, this.lastUpdate + UPDATE_INTERVAL_MS - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      if (this.visible) this.updateNow();
    }, wait);
  }

  private updateNow(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    this.stale = false;
    this.lastUpdate = Date.now();
    this.counters.updates++;
    try {
      this.follow();
    } catch (error) {
      this.log(`Formula view: update failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    this.post(this.model());
  }

  /** Reads the call under the cursor of the active editor; elsewhere dims the one shown. */
  private follow(): void {
    const active = vscode.window.activeTextEditor;
    // An editor whose document has just closed can still be reported as active for a moment.
    const editor = active?.document.isClosed ? undefined : active;
    const call = editor ? this.callAt(editor.document, editor.selection.active) : undefined;
    if (!call) {
      if (this.shown && (editor || this.shown.document.isClosed)) this.shown.dimmed = true;
      return;
    }
    const { context, document } = call;
    const previous = this.shown;
    // Slider values survive re-reading the same call (an edit elsewhere, a cursor move within it), nothing else.
    const same = previous && previous.document === document && previous.call.ref.id === context.ref.id && previous.call.line === context.line && previous.call.ref.written === context.ref.written;
    this.shown = { call: context, document, version: document.version, dimmed: false, overrides: same ? previous.overrides : {} };
  }

  /** The same call re-read after an edit of its document (or dimmed in place when it is gone). */
  private refreshShown(): void {
    const shown = this.shown;
    if (!shown) return;
    const document = shown.document;
    if (document.isClosed) return;
    const again = this.callAt(document, document.positionAt(shown.call.ref.range.start));
    if (again && again.context.ref.id === shown.call.ref.id) {
      this.shown = { call: again.context, document, version: document.version, dimmed: shown.dimmed, overrides: shown.overrides };
    }
  }

  private callAt(document: vscode.TextDocument, position: vscode.Position): { context: CallContext; document: vscode.TextDocument } | undefined {
    const family = familyOf(document.languageId);
    if (!family) return undefined;
    if (document.lineAt(position.line).range.end.character > MAX_LINE_CHARS) return undefined;
    const text = document.getText();
    if (text.length > MAX_DOCUMENT_CHARS) return undefined;
    const ref = siteAt(text, document.offsetAt(position), document.languageId, document.uri.toString(), document.version);
    if (!ref || !catalogue.has(ref.id)) return undefined;
    const line = document.positionAt(ref.range.start).line;
    return { context: { ref, args: argumentSite(ref), text, family, file: vscode.workspace.asRelativePath(document.uri), line }, document };
  }

  /** The pairing-lint diagnostics on the line shown. */
  private diagnostics(): vscode.Diagnostic[] {
    const shown = this.shown;
    if (!shown) return [];
    return vscode.languages.getDiagnostics(shown.document.uri).filter((d) => isLintDiagnostic(d) && d.range.start.line <= shown.call.line && shown.call.line <= d.range.end.line);
  }

  private model(): ViewModel | null {
    const shown = this.shown;
    if (!shown) return this.restored ? { ...this.restored, dimmed: true } : null;
    const diagnostics: ViewDiagnostic[] = this.diagnostics().map((d, index) => ({ index, message: d.message, fix: 'Quick fix' }));
    return buildViewModel(shown.call, shown.overrides, shown.dimmed, diagnostics) ?? null;
  }

  private post(model: ViewModel | null): void {
    const shown = this.shown;
    const key = shown
      ? JSON.stringify([shown.document.uri.toString(), shown.version, shown.call.ref.range.start, shown.call.ref.id, shown.dimmed, shown.overrides, model?.diagnostics.length])
      : JSON.stringify(model === null ? null : [model.id, model.file, model.line]);
    if (key === this.postedKey) return;
    if (this.send({ type: 'show', view: model })) this.postedKey = key;
  }

  private status(message: string): void {
    this.send({ type: 'status', message });
  }

  /** Posts when the webview is visible and ready; returns whether it did. */
  private send(message: HostMessage): boolean {
    const view = this.view;
    if (!view || !view.visible || !this.ready) return false;
    this.counters.posted++;
    void view.webview.postMessage(toWire(message));
    return true;
  }

  private receive(raw: unknown): void {
    const message = parseWebviewMessage(raw);
    if (isInvalid(message)) {
      this.log(`ignored a malformed message from the Formula view: ${message.error}`);
      return;
    }
    void this.handle(message).catch((error: unknown) => this.log(`Formula view: ${message.type} failed: ${error instanceof Error ? error.message : String(error)}`));
  }

  private async handle(message: WebviewMessage): Promise<void> {
    switch (message.type) {
      case 'ready':
        this.ready = true;
        this.postedKey = '';
        this.updateNow();
        return;
      case 'preview': {
        const shown = this.shown;
        const entry = shown && catalogue.get(shown.call.ref.id);
        if (!shown || !entry) return;
        for (const spec of entry.params) {
          const v = message.params[spec.name];
          if (typeof v === 'number' && checkParam(spec, v) === undefined) shown.overrides[spec.name] = v;
        }
        // The webview drew this value itself (the same linesFor, in its preview bundle): nothing to send.
        if (message.drawn) return;
        const params = paramsOf(entry, shown.call, placesOf(entry, shown.call), shown.overrides);
        const [xMin, xMax] = entry.plotRange;
        // Only the lines with the code's parameters change; the comparison lines stay as drawn.
        this.send({ type: 'lines', seq: message.seq, lines: linesFor(entry.id, params, xMin, xMax, 'code') });
        return;
      }
      case 'apply': {
        const result = await this.applyParameter(message.name, message.value);
        if ('error' in result) this.status(`Apply to code: ${result.error}`);
        return;
      }
      case 'run':
        return this.run(message.command);
      case 'fix':
        return this.quickFix(message.index);
    }
  }

  private async run(command: 'openPlayground' | 'gradientCheck' | 'reveal'): Promise<void> {
    const state = this.state();
    if (!state || !this.shown) return;
    if (command === 'reveal') {
      const document = await vscode.workspace.openTextDocument(this.shown.document.uri);
      const position = document.positionAt(this.shown.call.ref.range.start);
      await vscode.window.showTextDocument(document, { selection: new vscode.Range(position, position) });
      return;
    }
    const args = { id: state.id, params: state.params };
    await vscode.commands.executeCommand(command === 'openPlayground' ? CommandId.openPlayground : CommandId.gradientCheck, args);
  }

  /** Applies the quick fix the lint prefers for diagnostic `index` on the line shown (a pick when there is no one preferred). */
  private async quickFix(index: number): Promise<void> {
    const shown = this.shown;
    const diagnostic = this.diagnostics()[index];
    if (!shown || !diagnostic) return;
    const actions = (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', shown.document.uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value)) ?? [];
    const fixes = actions.filter((a) => a.diagnostics?.some((d) => d.message === diagnostic.message) ?? false);
    const candidates = fixes.length ? fixes : actions.filter((a) => a.isPreferred);
    // The lint's preferred edit applies at once (as Auto Fix does); without one, the user picks.
    const preferred = candidates.filter((a) => a.isPreferred && a.edit);
    let action = preferred.length === 1 ? preferred[0] : candidates.length === 1 ? candidates[0] : undefined;
    if (!action && candidates.length > 1) {
      const picked = await vscode.window.showQuickPick(candidates.map((a) => ({ label: a.title, action: a })), { placeHolder: diagnostic.message });
      action = picked?.action;
    }
    if (!action) {
      if (!candidates.length) this.status('No quick fix for this diagnostic.');
      return;
    }
    if (action.edit) await vscode.workspace.applyEdit(action.edit);
    if (action.command) await vscode.commands.executeCommand(action.command.command, ...(action.command.arguments ?? []));
  }

  private log(line: string): void {
    outputChannel(this.context).appendLine(line);
  }
}

function isLintDiagnostic(d: vscode.Diagnostic): boolean {
  return d.source === LINT_SOURCE;
}
