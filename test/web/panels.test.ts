/**
 * The features other than hover, playground and gradient check, in the web worker host: the pairing lints
 * (diagnostics on a sigmoid fed to a logits loss) and the Formula view side panel following the cursor.
 * Each is checked when the manifest contributes it (they are built alongside this suite).
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { EXTENSION_ID } from './environment.test';

function manifest(): { contributes?: { configuration?: { properties?: Record<string, unknown> }; views?: Record<string, { id: string }[]> }; activationEvents?: string[] } {
  return vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON ?? {};
}

async function until<T>(probe: () => T | undefined | Promise<T | undefined>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs / 1000} s`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

suite('Lints and the Formula view (web worker host)', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a sigmoid fed to BCEWithLogitsLoss gets a diagnostic', async function () {
    const properties = manifest().contributes?.configuration?.properties ?? {};
    if (!Object.keys(properties).some((key) => key.startsWith('formulaPlayground.lint'))) this.skip();
    const content = ['import torch', 'import torch.nn as nn', '', 'criterion = nn.BCEWithLogitsLoss()', '', 'def step(out, y):', '    return criterion(torch.sigmoid(out), y)', ''].join('\n');
    const document = await vscode.workspace.openTextDocument({ language: 'python', content });
    await vscode.window.showTextDocument(document);
    const ours = await until(() => {
      const found = vscode.languages.getDiagnostics(document.uri).filter((d) => /formula ?playground/i.test(d.source ?? ''));
      return found.length > 0 ? found : undefined;
    }, 'no diagnostic from the extension');
    assert.equal(ours[0].range.start.line, 6, `diagnostic on line ${ours[0].range.start.line + 1}: ${ours[0].message}`);
  });

  test('the Formula view follows the cursor onto nn.LeakyReLU', async function () {
    const views = Object.values(manifest().contributes?.views ?? {}).flat();
    if (!views.some((v) => v.id === 'formulaPlayground.formulaView')) this.skip();
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const document = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder.uri, 'pytorch_model.py'));
    const editor = await vscode.window.showTextDocument(document);
    await vscode.commands.executeCommand('formulaPlayground.showFormulaView');
    const at = document.getText().search(/nn\.LeakyReLU\(\d/);
    assert.ok(at >= 0, 'pytorch_model.py has no nn.LeakyReLU(<number>)');
    const position = document.positionAt(at + 5);
    await vscode.window.showTextDocument(document, editor.viewColumn);
    editor.selection = new vscode.Selection(position, position);
    const state = await until(async () => {
      const s = await vscode.commands.executeCommand<{ id: string; line: number } | undefined>('formulaPlayground.formulaViewState');
      return s?.id === 'leaky_relu' ? s : undefined;
    }, 'the Formula view did not show leaky_relu');
    assert.equal(state.line, position.line);
  });
});
