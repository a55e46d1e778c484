/**
 * The one webview panel host both views are built on (the playground and the gradient-check results):
 *
 * - one panel per view type: opening a second disposes the first (`WebviewPanelHost.current`);
 * - the same options everywhere: scripts on, resources only from dist/webview;
 * - a page with one strict CSP and a fresh nonce — no 'unsafe-inline', no 'unsafe-eval', no remote source;
 *   scripts only with the nonce, styles with the nonce or from dist/webview, images and fonts only from
 *   dist/webview (images also as data:);
 * - the panel's script and stylesheet inlined into its page (read once per host with vscode.workspace.fs,
 *   so in the web worker host too): the first chart no longer waits ~90 ms for a ~230 KB bundle to come
 *   through the webview's resource loader; before it, the Chart.js every page shares (CHART_LIBRARY);
 * - the `ready` handshake: messages posted before the webview said `ready` (or while it is hidden, which
 *   tears it down) wait in a queue and go out, in order, after the view's own answer to `ready`;
 * - every message that arrives is validated by the view's parser; a malformed one is logged and ignored;
 * - every message that leaves is in the one wire encoding (src/shared/wire.ts);
 * - a feature's `revive(panel, state)` brings a panel back after a window reload (the serializer is registered
 *   at activation by src/host/lazyFeatures.ts, with the `onWebviewPanel:` activation event).
 */
import * as vscode from 'vscode';
import { type Checked, isInvalid } from '../shared/validate';
import { toWire } from '../shared/wire';
import { cspNonce, readTextAsset } from './assets';
import { outputChannel } from './outputChannel';
import { messageOf } from './errorMessage';

/** Chart.js for every page (webview/shared/chartLibrary.ts), run before the page's own script. */
const CHART_LIBRARY = 'chartjs.js';

export interface WebviewPage {
  readonly title: string;
  /** Files in dist/webview. */
  readonly style: string;
  readonly script: string;
  /** Extra attributes of the script element, e.g. URIs of files it loads later (values are escaped). */
  readonly scriptData?: Readonly<Record<string, string>>;
  /** What the page says until its script has drawn it. */
  readonly loadingText: string;
  /** Markup placed before the script, given the nonce (e.g. a JSON island); it must escape its own content. */
  readonly beforeScript?: (nonce: string) => string;
}

/** What a view is: its type, how its messages are checked, and how it is named in the log. */
export interface ViewSpec<FromWebview> {
  readonly viewType: string;
  /** "the playground", "the gradient-check view": the log says "ignored a malformed message from …". */
  readonly name: string;
  readonly parse: (raw: unknown) => Checked<FromWebview>;
}

export abstract class WebviewPanelHost<ToWebview, FromWebview extends { readonly type: string }> {
  private static readonly open = new Map<string, WebviewPanelHost<unknown, { type: string }>>();

  protected readonly disposables: vscode.Disposable[] = [];
  private isReady = false;
  private disposed = false;
  private readonly queue: ToWebview[] = [];

  /** The open panel of `viewType`, if any. */
  protected static currentOf(viewType: string): unknown {
    return WebviewPanelHost.open.get(viewType);
  }

  /** A new panel of `viewType` with the shared options (for the feature's createOrShow). */
  protected static createPanel(context: vscode.ExtensionContext, viewType: string, title: string, showOptions: vscode.ViewColumn | { viewColumn: vscode.ViewColumn; preserveFocus?: boolean }): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(viewType, title, showOptions, webviewOptions(context));
  }

  protected constructor(
    protected readonly panel: vscode.WebviewPanel,
    protected readonly context: vscode.ExtensionContext,
    private readonly spec: ViewSpec<FromWebview>,
  ) {
    WebviewPanelHost.open.get(spec.viewType)?.dispose();
    WebviewPanelHost.open.set(spec.viewType, this as unknown as WebviewPanelHost<unknown, { type: string }>);
    this.disposables.push(
      panel.onDidDispose(() => this.dispose()),
      panel.webview.onDidReceiveMessage((raw: unknown) => this.receive(raw)),
      // A hidden webview is torn down; it says `ready` again when it comes back.
      panel.onDidChangeViewState(() => {
        if (!panel.visible) this.isReady = false;
      }),
    );
  }

  /**
   * Sets the page, its script and stylesheet inlined (read once, then cached); call once the subclass's
   * fields are in place. A file that cannot be read is linked instead (and the log says why).
   */
  protected setPage(page: WebviewPage): void {
    const root = webviewRoot(this.context);
    const read = (file: string) => readTextAsset(root, file);
    void Promise.all([read(CHART_LIBRARY), read(page.script), read(page.style)]).then(
      ([library, script, style]) => ({ library, script, style }),
      (error: unknown) => {
        this.log(`${this.spec.name}: page assets not inlined (${messageOf(error)}); linking them instead`);
        return undefined;
      },
    ).then((inline) => {
      if (!this.disposed) this.panel.webview.html = pageHtml(this.panel.webview, root, page, inline);
    });
  }

  /** Whether the webview has said `ready` (and is still showing). */
  protected get ready(): boolean {
    return this.isReady;
  }

  /** Posts now when the webview is ready, else once it is. */
  protected post(message: ToWebview): void {
    if (this.isReady) void this.panel.webview.postMessage(toWire(message, { binary: true }));
    else this.queue.push(message);
  }

  /** The view's answer to `ready` (sent before the queue). */
  protected abstract onReady(): void;
  /** Every validated message other than `ready`. */
  protected abstract handle(message: FromWebview): void;

  protected log(line: string): void {
    outputChannel(this.context).appendLine(line);
  }

  dispose(): void {
    this.disposed = true;
    if (WebviewPanelHost.open.get(this.spec.viewType) === (this as unknown)) WebviewPanelHost.open.delete(this.spec.viewType);
    this.queue.length = 0;
    this.panel.dispose();
    while (this.disposables.length) this.disposables.pop()?.dispose();
  }

  private receive(raw: unknown): void {
    const message = this.spec.parse(raw);
    if (isInvalid(message)) {
      this.log(`ignored a malformed message from ${this.spec.name}: ${message.error}`);
      return;
    }
    try {
      if (message.type === 'ready') {
        this.isReady = true;
        this.onReady();
        for (const queued of this.queue.splice(0)) this.post(queued);
      } else {
        this.handle(message);
      }
    } catch (error) {
      this.log(`${this.spec.name}: ${message.type} failed: ${messageOf(error)}`);
    }
  }
}

/** Also used by the Formula view (a WebviewView, not a panel). */
export function webviewRoot(context: vscode.ExtensionContext): vscode.Uri {
  return vscode.Uri.joinPath(context.extensionUri, 'dist', 'webview');
}

export function webviewOptions(context: vscode.ExtensionContext): vscode.WebviewPanelOptions & vscode.WebviewOptions {
  return { enableScripts: true, localResourceRoots: [webviewRoot(context)] };
}

/** The text of a page's script and stylesheet, to put in the page instead of linking the files. */
export interface InlineSources {
  readonly library: string;
  readonly script: string;
  readonly style: string;
}

export function pageHtml(webview: vscode.Webview, root: vscode.Uri, page: WebviewPage, inline?: InlineSources): string {
  const nonce = cspNonce(); // Web Crypto: the web worker host has no node:crypto
  const rawUri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(root, file)).toString();
  const uri = (file: string) => attribute(rawUri(file));
  // A text that could close its element early is linked instead (esbuild's output escapes `</script`).
  const inlined = (text: string, file: string) => (/<\/script|<!--/i.test(text) ? undefined : withSourceMap(text, rawUri(`${file}.map`)));
  const library = inline && inlined(inline.library, CHART_LIBRARY);
  const script = inline && inlined(inline.script, page.script);
  const style = inline && !/<\/style/i.test(inline.style) ? withSourceMap(inline.style, rawUri(`${page.style}.map`)) : undefined;
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource} 'nonce-${nonce}'`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  const data = Object.entries(page.scriptData ?? {})
    .map(([name, file]) => ` data-${name}="${uri(file)}"`)
    .join('');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
${style === undefined ? `<link rel="stylesheet" href="${uri(page.style)}">` : `<style nonce="${nonce}">${style}</style>`}
<title>${attribute(page.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">${attribute(page.loadingText)}</p></main>
${library === undefined ? `<script nonce="${nonce}" src="${uri(CHART_LIBRARY)}"></script>` : `<script nonce="${nonce}">${library}</script>`}
${page.beforeScript ? page.beforeScript(nonce) + '\n' : ''}${script === undefined ? `<script nonce="${nonce}" src="${uri(page.script)}"${data}></script>` : `<script nonce="${nonce}"${data}>${script}</script>`}
</body>
</html>`;
}

/** An inlined bundle's source-map comment, pointed at the map's webview URI (a relative one would miss). */
function withSourceMap(text: string, mapUri: string): string {
  return text.replace(/(\/\/# sourceMappingURL=|\/\*# sourceMappingURL=)[^\s*]+/, (_, lead: string) => `${lead}${mapUri}`);
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
