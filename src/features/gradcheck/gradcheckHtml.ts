/**
 * The results view's page (see ../../host/webviewHtml.ts for the CSP): gradcheck.js and gradcheck.css from
 * dist/webview. Chart.js styles its canvas through the CSSOM, which the CSP does not govern.
 */
import type * as vscode from 'vscode';
import { webviewHtml } from '../../host/webviewHtml';

export function gradcheckHtml(webview: vscode.Webview, webviewRoot: vscode.Uri): string {
  return webviewHtml(webview, webviewRoot, {
    title: 'Gradient Check',
    style: 'gradcheck.css',
    script: 'gradcheck.js',
    loadingText: 'Loading the gradient-check results…',
  });
}
