/**
 * The one "Formula Playground" output channel: the playground logs rejected messages to it, the gradient
 * checks write their plain-text reports to it. Created on first use, disposed with the extension.
 */
import * as vscode from 'vscode';

let channel: vscode.OutputChannel | undefined;

export function outputChannel(context: vscode.ExtensionContext): vscode.OutputChannel {
  if (!channel) {
    const created = vscode.window.createOutputChannel('Formula Playground');
    channel = created;
    context.subscriptions.push(created, {
      dispose: () => {
        if (channel === created) channel = undefined;
      },
    });
  }
  return channel;
}
