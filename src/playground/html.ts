/**
 * The playground's HTML: one script and one stylesheet from dist/webview, a nonce for the script and a
 * strict CSP without 'unsafe-inline' or 'unsafe-eval'. KaTeX fits it: the webview renders with
 * `katex.render`, which builds DOM nodes and sets their heights through the CSSOM (`element.style`),
 * which CSP does not govern, whereas `renderToString` + innerHTML would produce `style="…"`
 * attributes that `style-src` without 'unsafe-inline' blocks. Fonts and CSS ship in dist/webview.
 *
 * The page carries the host's `init` message as a JSON island (`type="application/json"`, never
 * executed, so no script policy applies to it), so the first chart needs no round trip. KaTeX's script
 * and stylesheet are named on the main script (`data-katex-*`) and loaded by it after the first frame,
 * with the same nonce.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { type HostMessage, jsonForScriptElement } from '../protocol';

export function playgroundHtml(webview: vscode.Webview, webviewRoot: vscode.Uri, init: HostMessage & { type: 'init' }): string {
  const nonce = randomBytes(16).toString('base64');
  const uri = (file: string) => webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, file)).toString();
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attribute(uri('main.css'))}">
<title>Formula Playground</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading the playground…</p></main>
<script type="application/json" id="playground-init" nonce="${nonce}">${jsonForScriptElement(init)}</script>
<script nonce="${nonce}" src="${attribute(uri('main.js'))}" data-katex-script="${attribute(uri('katex.js'))}" data-katex-style="${attribute(uri('katex.css'))}"></script>
</body>
</html>`;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;');
}
