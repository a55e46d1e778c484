/**
 * Wiring only: register the hover, the commands and the panel serializers. Nothing is computed here and no
 * document is read until the user hovers or runs a command; the features no hover or lint needs are in a
 * second bundle loaded right after activation (src/host/lazyFeatures.ts).
 */
import * as vscode from 'vscode';
import { registerHover } from './features/hover/hoverProvider';
import { registerFormulaView } from './features/formulaView/formulaViewCommands';
import { registerLints } from './features/lint/lintFeature';
import { registerLazyFeatures } from './host/lazyFeatures';

/** What activate() returns (the extension's `exports`): how long activation took, for the test suites to print. */
export interface ExtensionApi {
  /** Milliseconds from the start of activate() to its end (the bundle's loading is before it). */
  readonly activationMs: number;
}

export function activate(context: vscode.ExtensionContext): ExtensionApi {
  const started = performance.now();
  try {
    registerHover(context);
    registerFormulaView(context);
    registerLints(context);
    // The playground, the gradient checks and Signal Propagation: registered now, their code loaded after.
    registerLazyFeatures(context);
    return { activationMs: performance.now() - started };
  } catch (error) {
    // VS Code swallows activation errors silently; say what went wrong.
    const message = error instanceof Error ? error.message : String(error);
    void vscode.window.showErrorMessage(`DL Formula Playground failed to start: ${message}`);
    throw error;
  }
}

export function deactivate(): void {
  // Everything registered is disposed through context.subscriptions.
}
