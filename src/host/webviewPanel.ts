/**
 * The page every webview of the extension starts from: a stylesheet and a script from dist/webview, a fresh
 * nonce, and one strict CSP — no 'unsafe-inline', no 'unsafe-eval', no remote source; scripts only with the
 * nonce, styles, images and fonts only from the extension's own webview folder (images also as data: URIs).
 */
import * as vscode from 'vscode';
import { cspNonce } from './assets';

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

export function webviewHtml(webview: vscode.Webview, webviewRoot: vscode.Uri, page: WebviewPage): string {
  const nonce = cspNonce(); // Web Crypto: the web worker host has no node:crypto
  const uri = (file: string) => attribute(webview.asWebviewUri(vscode.Uri.joinPath(webviewRoot, file)).toString());
  const csp = [
    "default-src 'none'",
    `img-src ${webview.cspSource} data:`,
    `script-src 'nonce-${nonce}'`,
    `style-src ${webview.cspSource}`,
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
<link rel="stylesheet" href="${uri(page.style)}">
<title>${attribute(page.title)}</title>
</head>
<body>
<main id="app" aria-busy="true"><p class="loading">${attribute(page.loadingText)}</p></main>
${page.beforeScript ? page.beforeScript(nonce) + '\n' : ''}<script nonce="${nonce}" src="${uri(page.script)}"${data}></script>
</body>
</html>`;
}

function attribute(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
}
