/**
 * The "Formula Playground" output channel the gradient checks write to: one plain-text block per report,
 * copyable into an issue as it is.
 */
import * as vscode from 'vscode';
import { outputChannel } from '../../host/outputChannel';

/** Appends `lines` under a time-stamped heading, with a blank line after. */
export function logSection(context: vscode.ExtensionContext, heading: string, blocks: readonly string[]): void {
  const out = outputChannel(context);
  out.appendLine(`[${new Date().toISOString().replace('T', ' ').slice(0, 19)}] ${heading}`);
  for (const block of blocks) out.appendLine(block);
  out.appendLine('');
}

/** The summary as a notification (a warning when something failed) with a button to the output channel. */
export function notify(context: vscode.ExtensionContext, summary: string, ok: boolean): void {
  const shown = ok ? vscode.window.showInformationMessage(summary, 'Show Log') : vscode.window.showWarningMessage(summary, 'Show Log');
  void shown.then((choice) => {
    if (choice === 'Show Log') outputChannel(context).show(true);
  });
}
