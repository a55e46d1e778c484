/**
 * The commands with arguments in the web worker host: Gradient Check returns its report, Open Playground
 * and Plot Selection answer (or name the problem), Check All Built-ins runs with a cancellation token —
 * all without Node (the extension's timers, bytes and files go through what a web worker has).
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { EXTENSION_ID } from './environment.test';

interface Report {
  ok: boolean;
  target: string;
  points: number;
  failures: number;
}

suite('Commands with arguments (web worker host)', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Gradient Check { id: "sigmoid" } returns a passing report over 1000 points', async () => {
    const report = await vscode.commands.executeCommand<Report>('formulaPlayground.gradientCheck', { id: 'sigmoid' });
    assert.ok(report && !('error' in report), JSON.stringify(report));
    assert.equal(report.ok, true);
    assert.equal(report.target, 'sigmoid');
    assert.equal(report.points, 1000);
    assert.equal(report.failures, 0);
  });

  test('Gradient Check of a custom formula with parameters, in the hover link form [{ formula, params }]', async () => {
    const report = await vscode.commands.executeCommand<Report & { error?: unknown }>('formulaPlayground.gradientCheck', [{ formula: 'x * sigmoid(b * x)', params: { b: 1.5 } }]);
    assert.ok(report && report.error === undefined, JSON.stringify(report));
    assert.equal(report.ok, true);
  });

  test('Gradient Check with a parameter out of range answers with an error naming it', async () => {
    const answer = await vscode.commands.executeCommand<{ error?: { message: string } }>('formulaPlayground.gradientCheck', { id: 'huber', params: { delta: -1 } });
    assert.ok(answer?.error, JSON.stringify(answer));
    assert.match(answer.error.message, /delta/);
  });

  test('Open Playground with an unknown id names it and suggests the closest', async () => {
    const answer = await vscode.commands.executeCommand<{ error?: string }>('formulaPlayground.openPlayground', { id: 'sigmod' });
    assert.ok(answer && typeof answer.error === 'string', JSON.stringify(answer));
    assert.match(answer.error, /sigmod/);
    assert.match(answer.error, /sigmoid/);
  });

  test('Plot Selection of `x * torch.sigmoid(x)` in an editor opens the playground', async () => {
    const document = await vscode.workspace.openTextDocument({ language: 'python', content: 'import torch\ny = x * torch.sigmoid(x)\n' });
    const editor = await vscode.window.showTextDocument(document);
    const line = document.lineAt(1).text;
    const start = line.indexOf('x * torch');
    editor.selection = new vscode.Selection(1, start, 1, line.length);
    const answer = await vscode.commands.executeCommand<{ error?: string } | undefined>('formulaPlayground.plotSelection');
    assert.ok(!answer || answer.error === undefined, JSON.stringify(answer));
  });

  test('Check All Built-ins { points: 50 } checks every catalogue function without Node timers', async () => {
    const source = new vscode.CancellationTokenSource();
    const result = await vscode.commands.executeCommand<{ reports: Report[]; cancelled: boolean; error?: unknown }>('formulaPlayground.gradientCheckAll', { points: 50, token: source.token });
    assert.ok(result && result.error === undefined, JSON.stringify(result)?.slice(0, 300));
    assert.equal(result.cancelled, false);
    assert.ok(result.reports.length >= 30, `only ${result.reports.length} reports`);
    assert.deepEqual(result.reports.filter((r) => !r.ok).map((r) => r.target), []);
  });
});
