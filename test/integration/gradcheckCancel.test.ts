/**
 * A long gradient check does not block the extension host: a 1e6-point check of a long formula (tens of
 * seconds of work) runs in slices, the hover is answered while it runs, and cancelling it stops it within
 * 200 ms (the bound). The times are printed in the test's title as measured.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const CHECK = 'formulaPlayground.gradientCheck';
const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';

suite('Gradient check in slices', () => {
  test('a cancelled 1e6-point check stops within 200 ms, and hovers are answered while it runs', async function () {
    this.timeout(60_000);
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const document = await vscode.workspace.openTextDocument({ content: 'import torch.nn as nn\nact = nn.LeakyReLU(0.2)\n', language: 'python' });
    const at = new vscode.Position(1, document.lineAt(1).text.indexOf('LeakyReLU') + 3);

    const hoverText = async (): Promise<string> => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at)) ?? [];
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    // A first hover before the check: what it loads once (formula images, the document model) is not the check's
    // doing. The provider registers on activation, so the first answers may come before it.
    let warm = '';
    for (let tries = 0; tries < 40 && !/leaky_relu|Leaky ReLU/i.test(warm); tries++) {
      warm = await hoverText();
      if (!/leaky_relu|Leaky ReLU/i.test(warm)) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.match(warm, /leaky_relu|Leaky ReLU/i, 'no hover before the check');

    const source = new vscode.CancellationTokenSource();
    const started = performance.now();
    const term = 'x * sigmoid(x) + tanh(x) * softplus(x) + exp(-x^2) * log(1 + x^2) + sqrt(1 + x^2) * tanh(x/3)';
    const formula = [`${term}`, `(${term}) * cos(x)`, `(${term}) / (2 + sin(x))`, `(${term}) * sigmoid(x)`, `(${term}) / (1 + x^2)`].join(' + ');
    const pending = Promise.resolve(vscode.commands.executeCommand<unknown>(CHECK, { formula, points: 1_000_000, token: source.token }));
    let settled = false;
    void pending.then(() => (settled = true));

    // While the check runs: hovers come back, each within a few slices.
    const hoverMs: number[] = [];
    await new Promise((resolve) => setTimeout(resolve, 300));
    for (let k = 0; k < 3; k++) {
      const asked = performance.now();
      const text = await hoverText();
      hoverMs.push(performance.now() - asked);
      assert.match(text, /leaky_relu|Leaky ReLU/i, 'the hover answered while the check ran');
    }
    const hoversShown = hoverMs.map((ms) => ms.toFixed(0)).join(', ');
    assert.equal(settled, false, `the check finished before it could be cancelled (${(performance.now() - started).toFixed(0)} ms; hovers took ${hoversShown} ms)`);

    const cancelledAt = performance.now();
    source.cancel();
    const result = await pending;
    const stopMs = performance.now() - cancelledAt;
    source.dispose();
    this.test!.title += ` [measured: hovers during the check ${hoversShown} ms; stopped ${stopMs.toFixed(0)} ms after cancel]`;
    assert.deepEqual(result, { cancelled: true });
    assert.ok(stopMs < 200, `stopped ${stopMs.toFixed(0)} ms after the cancel`);
  });
});
