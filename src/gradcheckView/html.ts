/**
 * The results view's HTML: one script and one stylesheet from dist/webview (gradcheck.js, gradcheck.css),
 * a nonce for the script and the same strict CSP as the playground, without 'unsafe-inline' or
 * 'unsafe-eval'. Chart.js styles its canvas through the CSSOM, which the CSP does not govern.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';

export function gradcheckHtml(webview: vscode.Webview, webviewRoot: vscode.Uri): string {
  const nonce = randomBytes(16).toString('base64');
  const script = webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'gradcheck.js'));
  const style = webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, 'gradcheck.css'));
  const csp = [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
    `img-src ${webview.cspSource} data:`,
    `font-src ${webview.cspSource}`,
  ].join('; ');
  return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp};">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style}">
<title>Gradient Check</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">Loading the gradient-check results…</p></main>
<script nonce="${nonce}" src="${script}"></script>
</body>
</html>`;
}
