import * as vscode from 'vscode';
import { CommandId } from './ids';

/** Placeholder handlers until the playground lands (issue 6): they say what they received. */
export function registerPlaygroundCommands(context: vscode.ExtensionContext): void {
  for (const id of [CommandId.openPlayground, CommandId.plotSelection]) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, (arg?: unknown) => {
        void vscode.window.showInformationMessage(`${id} received ${JSON.stringify(arg ?? null)}`);
        return { received: arg ?? null };
      }),
    );
  }
}
