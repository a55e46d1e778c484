/**
 * Signal Propagation inside a real extension host: the command opens the view (from the palette's form, with
 * no argument, and from the hover link's form, [{ id, params }]) and says what it shows; bad arguments come
 * back as errors naming the problem; the hover over an activation carries the init line and the link, whose
 * argument opens the view with that activation and its parameters.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';
const SIGNAL = 'formulaPlayground.signalPropagation';

interface Opened {
  items: { id: string; params: Record<string, number> }[];
}

function markdownOf(hover: vscode.Hover): string {
  return hover.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : '')).join('\n');
}

suite('Signal propagation', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('the command is contributed and opens the view with ReLU and tanh', async () => {
    const commands = await vscode.commands.getCommands(true);
    assert.ok(commands.includes(SIGNAL));
    const opened = await vscode.commands.executeCommand<Opened>(SIGNAL);
    assert.deepEqual(
      opened.items.map((i) => i.id),
      ['relu', 'tanh'],
    );
  });

  test('the hover link form [{ id, params }] puts that activation first, with its parameters', async () => {
    const opened = await vscode.commands.executeCommand<Opened>(SIGNAL, [{ id: 'leaky_relu', params: { alpha: 0.2 } }]);
    assert.deepEqual(opened.items[0], { id: 'leaky_relu', params: { alpha: 0.2 } });
  });

  test('softmax, a loss, an unknown id and a bad parameter are refused, naming the problem', async () => {
    const cases: [unknown, RegExp][] = [
      [{ id: 'softmax' }, /'softmax' is not an elementwise activation/],
      [{ id: 'mse' }, /'mse' is not an elementwise activation/],
      [{ id: 'rleu' }, /unknown function 'rleu' \(did you mean 'relu'\?\)/],
      [{ id: 'leaky_relu', params: { alpha: 'x' } }, /alpha must be a number/],
      [42, /expected \{ id, params\? \}, got number/],
    ];
    for (const [arg, pattern] of cases) {
      const result = await vscode.commands.executeCommand<{ error?: string }>(SIGNAL, arg);
      assert.match(result?.error ?? '', pattern, `argument ${JSON.stringify(arg)}`);
    }
  });

  test("the hover over nn.ReLU() shows Kaiming's init (gain √2) and a Signal propagation link that opens the view", async () => {
    const content = 'import torch.nn as nn\n\nact = nn.ReLU()\nself_norm = nn.SELU()\n';
    const document = await vscode.workspace.openTextDocument({ content, language: 'python' });
    const at = (needle: string) => document.positionAt(content.indexOf(needle) + 4);
    const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at('nn.ReLU'))) ?? [];
    const ours = hovers.map(markdownOf).find((md) => md.includes(`command:${SIGNAL}?`));
    assert.ok(ours, `no hover with a Signal propagation link: ${hovers.map(markdownOf).join('\n---\n').slice(0, 800)}`);
    assert.match(ours, /init: `nn\.init\.kaiming_normal_\(w, nonlinearity='relu'\)` \(gain √2\)/);
    const match = new RegExp(`\\[Signal propagation\\]\\(command:${SIGNAL.replace(/\./g, '\\.')}\\?([^)\\s]+)\\)`).exec(ours);
    assert.ok(match);
    const arg = JSON.parse(decodeURIComponent(match[1])) as unknown[];
    const opened = await vscode.commands.executeCommand<Opened>(SIGNAL, ...arg);
    assert.equal(opened.items[0].id, 'relu');

    const selu = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at('nn.SELU'))) ?? [];
    const seluMd = selu.map(markdownOf).find((md) => md.includes(`command:${SIGNAL}?`)) ?? '';
    assert.match(seluMd, /self-normalising with `lecun_normal` and `AlphaDropout`/);
  });
});
