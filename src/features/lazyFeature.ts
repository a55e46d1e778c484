/**
 * What a feature loaded after activation gives the extension (src/host/lazyFeatures.ts registers it): its
 * command handlers by command id and its panels' revivers by view type. The code behind them is in the
 * second host bundle, dist/web/features.mjs (src/features/lazy.ts), which activation does not wait for.
 */
import type * as vscode from 'vscode';

export interface LazyFeature {
  readonly commands: Readonly<Record<string, (...args: unknown[]) => unknown>>;
  /** Brings back a panel VS Code restored after a window reload, with the state its webview saved. */
  readonly panels: Readonly<Record<string, (panel: vscode.WebviewPanel, state: unknown) => unknown>>;
}
