import * as vscode from 'vscode';
import { CommandId } from './ids';

/** Placeholder handlers until the gradient-check commands land (issue 7): they say what they received. */
export function registerGradientCheckCommands(context: vscode.ExtensionContext): void {
  for (const id of [CommandId.gradientCheck, CommandId.gradientCheckAll]) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, (arg?: unknown) => {
        void vscode.window.showInformationMessage(`${id} received ${JSON.stringify(arg ?? null)}`);
        return { received: arg ?? null };
      }),
    );
  }
}
