import type * as vscode from 'vscode';

/** Placeholder: the hover provider lands with issue 4. */
export function registerHover(_context: vscode.ExtensionContext): void {}
