/**
 * The playground's HTML: one script and one stylesheet from dist/webview, a nonce for the script and a
 * strict CSP without 'unsafe-inline' or 'unsafe-eval'. KaTeX fits it: the webview renders with
 * `katex.render`, which builds DOM nodes and sets their heights through the CSSOM (`element.style`),
 * which CSP does not govern, whereas `renderToString` + innerHTML would produce `style="…"`
 * attributes that `style-src` without 'unsafe-inline' blocks. Fonts and CSS ship in dist/webview.
 * KaTeX is its own script, loaded `async`, so the chart does not wait for it.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function playgroundHtml(webview: vscode.Webview, webviewRoot: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.js'));
  const katexScript = webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'katex.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'main.css'));
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
<link rel="stylesheet" href="${style}">
<title>Formula Playground</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading the playground…</p></main>
<script nonce="${nonce}" src="${script}"></script>
<script nonce="${nonce}" src="${katexScript}" async></script>
</body>
</html>`;
}
