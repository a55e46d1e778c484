/**
 * The playground's page (see ../../host/webviewHtml.ts for the CSP). KaTeX fits the strict CSP: the webview renders
 * with `katex.render`, which builds DOM nodes and sets their heights through the CSSOM (`element.style`),
 * which CSP does not govern, whereas `renderToString` + innerHTML would produce `style="…"` attributes that
 * `style-src` without 'unsafe-inline' blocks. Fonts and CSS ship in dist/webview.
 *
 * The page carries the host's `init` message as a JSON island (`type="application/json"`, never executed,
 * so no script policy applies to it), so the first chart needs no round trip. KaTeX's script and stylesheet
 * are named on the main script (`data-katex-*`) and loaded by it after the first frame, with the same nonce.
 */
import type * as vscode from 'vscode';
import { type HostMessage, jsonForScriptElement } from './playgroundMessages';
import { webviewHtml } from '../../host/webviewHtml';

export function playgroundHtml(webview: vscode.Webview, webviewRoot: vscode.Uri, init: HostMessage & { type: 'init' }): string {
  return webviewHtml(webview, webviewRoot, {
    title: 'Formula Playground',
    style: 'main.css',
    script: 'main.js',
    scriptData: { 'katex-script': 'katex.js', 'katex-style': 'katex.css' },
    loadingText: 'Loading the playground…',
    beforeScript: (nonce) =>
      `<script type="application/json" id="playground-init" nonce="${nonce}">${jsonForScriptElement(init)}</script>`,
  });
}
