/**
 * The last suite: leaves the playground and the gradient-check results view open, side by side, for the
 * driver, which reloads the window after the run and times the restored panels' first charts
 * (scripts/web-host.mjs, measureRestoredPanels; printed, not asserted).
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { lookAt } from './driver';
import { EXTENSION_ID } from './environment.test';

suite('Left open for the reload measurement (web worker host)', () => {
  test('the playground and the results view are open side by side and painted', async function () {
    this.timeout(120_000);
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('formulaPlayground.openPlayground', { id: 'gelu' });
    assert.ok((await lookAt('playground')).inked > 0.005, 'the playground chart is blank');
    await vscode.commands.executeCommand('workbench.action.newGroupRight');
    await vscode.commands.executeCommand('formulaPlayground.gradientCheck', { id: 'softplus' });
    assert.ok((await lookAt('gradcheck')).inked > 0.005, 'the results view chart is blank');
    // A moment for the webviews to save their state (the serializers restore from it).
    await new Promise((resolve) => setTimeout(resolve, 1000));
  });
});
