/**
 * The gradient-check commands inside a real extension host: they return their reports (the results view
 * and the notification appear as a side effect), bad arguments come back as errors naming the problem,
 * and Check All Built-ins can be cancelled through a token passed in the argument. The time Check All takes
 * is measured and shown in the test's title, not asserted.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { listFunctions } from '../../src/core/api';
import type { GradcheckReport } from '../../src/core/gradcheck';

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';
const CHECK = 'formulaPlayground.gradientCheck';
const CHECK_ALL = 'formulaPlayground.gradientCheckAll';

interface CheckAllResult {
  reports: GradcheckReport[];
  cancelled: boolean;
  durationMs: number;
  errors?: { id: string; message: string }[];
}
interface CommandError {
  error: { message: string; start?: number; end?: number; in?: string };
}

async function check(arg: unknown): Promise<GradcheckReport> {
  const result = await vscode.commands.executeCommand<GradcheckReport | CommandError>(CHECK, arg);
  assert.ok(result && !('error' in result), `expected a report, got ${JSON.stringify(result)}`);
  return result;
}

async function checkError(arg: unknown): Promise<CommandError['error']> {
  const result = await vscode.commands.executeCommand<GradcheckReport | CommandError>(CHECK, arg);
  assert.ok(result && 'error' in result, `expected { error }, got ${JSON.stringify(result)?.slice(0, 200)}`);
  return result.error;
}

function catalogueIds(): string[] {
  return listFunctions().map((f) => f.id);
}

suite('Gradient check commands', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Gradient Check with { id: "sigmoid" } returns a passing report over 1000 points', async () => {
    const report = await check({ id: 'sigmoid' });
    assert.equal(report.ok, true);
    assert.equal(report.target, 'sigmoid');
    assert.equal(report.points, 1000);
    assert.equal(report.failures, 0);
    assert.deepEqual(report.kinks, []);
  });

  test('the hover link form [{ id, params }] is accepted and the parameters are used', async () => {
    const report = await check([{ id: 'leaky_relu', params: { alpha: 0.2 } }]);
    assert.equal(report.ok, true);
    assert.equal(report.target, 'leaky_relu(alpha=0.2)');
  });

  test('Check All Built-ins passes every catalogue entry with 1,000 points each (time in the title)', async function () {
    this.timeout(120_000);
    const result = await vscode.commands.executeCommand<CheckAllResult>(CHECK_ALL);
    const ids = catalogueIds();
    assert.equal(result.cancelled, false);
    assert.equal(result.errors, undefined);
    assert.equal(result.reports.length, ids.length);
    const failing = result.reports.filter((r) => !r.ok).map((r) => `${r.target} (worst ${JSON.stringify(r.worst)})`);
    assert.deepEqual(failing, []);
    const again = await vscode.commands.executeCommand<CheckAllResult>(CHECK_ALL, { points: 1000 });
    const checking = again.reports.reduce((ms, r) => ms + r.durationMs, 0);
    this.test!.title +=
      ` [measured: first run ${(result.durationMs / 1000).toFixed(2)} s, second run ${(again.durationMs / 1000).toFixed(2)} s` +
      ` (checking ${(checking / 1000).toFixed(2)} s) for ${ids.length} entries]`;
  });

  test('ReLU at 0 and hinge at the margin are reported as kinks, not failures', async () => {
    const relu = await check({ id: 'relu' });
    assert.equal(relu.ok, true);
    assert.deepEqual(relu.kinks, [0]);
    const hinge = await check({ id: 'hinge' });
    assert.equal(hinge.ok, true);
    // y·ŷ = 1: ŷ = −1 for y = −1 and ŷ = 1 for y = 1.
    assert.deepEqual(hinge.kinks, [-1, 1]);
  });

  test('a wrong Huber derivative (−x inside the band) fails at the band edge', async () => {
    const report = await check({
      formula: 'where(abs(x) <= 1, x^2/2, abs(x) - 0.5)',
      derivative: 'where(abs(x) <= 1, -x, sign(x))',
      range: [-3, 3],
    });
    assert.equal(report.ok, false);
    assert.ok(report.failures > 0);
    assert.ok(report.worst);
    assert.equal(Math.abs(report.worst.x), 1);
    assert.ok(Math.abs(report.worst.analytic - report.worst.numeric) > 1.9);
  });

  test('f = x²/2 with claimed f′ = −x on [−1, 1] fails with the worst point at ±1 and both values', async () => {
    const report = await check({ formula: 'x^2/2', derivative: '-x', range: [-1, 1] });
    assert.equal(report.ok, false);
    assert.ok(report.worst);
    assert.equal(Math.abs(report.worst.x), 1);
    assert.equal(report.worst.analytic, -report.worst.x);
    assert.ok(Math.abs(report.worst.numeric - report.worst.x) < 1e-9);
  });

  test('a formula with a syntax error returns an error naming the span', async () => {
    const error = await checkError({ formula: 'x * sigmod(x)' });
    assert.equal(error.start, 4);
    assert.equal(error.end, 10);
    assert.match(error.message, /^at 4–10: unknown function 'sigmod'/);
    const derivative = await checkError({ formula: 'x^2', derivative: '2*x +' });
    assert.equal(derivative.in, 'derivative');
    assert.match(derivative.message, /^derivative at \d+–\d+: /);
  });

  test('bad arguments return an error naming the problem', async () => {
    assert.match((await checkError({ id: 'sigmod' })).message, /unknown function 'sigmod' \(did you mean 'sigmoid'\?\)/);
    assert.match((await checkError({ id: 'leaky_relu', params: { alpha: -1 } })).message, /alpha must be ≥ 0, got -1/);
    assert.match((await checkError({ id: 'relu', range: [1, 1] })).message, /range must be \[a, b\] with finite a < b, got \[1, 1\]/);
    const all = await vscode.commands.executeCommand<CommandError>(CHECK_ALL, { points: 0 });
    assert.match(all.error.message, /points must be a whole number from 2/);
  });

  test('Check All Built-ins with a token cancelled before it starts checks nothing', async () => {
    const source = new vscode.CancellationTokenSource();
    source.cancel();
    const result = await vscode.commands.executeCommand<CheckAllResult>(CHECK_ALL, { token: source.token });
    assert.equal(result.cancelled, true);
    assert.equal(result.reports.length, 0);
    source.dispose();
  });

  test('Check All Built-ins with the token cancelled after the first entry stops there', async () => {
    const source = new vscode.CancellationTokenSource();
    const pending = vscode.commands.executeCommand<CheckAllResult>(CHECK_ALL, { token: source.token });
    // The first entry runs before the command first yields to the event loop; this runs at that yield.
    setTimeout(() => source.cancel(), 0);
    const result = await pending;
    const total = catalogueIds().length;
    assert.equal(result.cancelled, true);
    assert.ok(result.reports.length >= 1 && result.reports.length < total, `${result.reports.length} of ${total} checked`);
    source.dispose();
  });
});
