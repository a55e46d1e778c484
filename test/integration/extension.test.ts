/**
 * The extension as VS Code sees it: it activates, registers every command its manifest contributes, and
 * commands given bad arguments answer with an error that names the problem.
 */
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';

interface ContributedCommand {
  command: string;
  title: string;
}

function extension(): vscode.Extension<unknown> {
  const found = vscode.extensions.getExtension(EXTENSION_ID);
  assert.ok(found, `extension ${EXTENSION_ID} is not installed in this VS Code`);
  return found;
}

function contributedCommands(): ContributedCommand[] {
  const commands = (extension().packageJSON as { contributes?: { commands?: ContributedCommand[] } }).contributes?.commands;
  assert.ok(commands && commands.length > 0, 'package.json contributes no commands');
  return commands;
}

suite('Extension', () => {
  suiteSetup(async () => {
    await extension().activate();
  });

  test('activates without errors', async () => {
    const ext = extension();
    await ext.activate();
    assert.equal(ext.isActive, true);
  });

  test('registers every command in contributes.commands', async () => {
    const registered = new Set(await vscode.commands.getCommands(true));
    const missing = contributedCommands()
      .map((c) => c.command)
      .filter((id) => !registered.has(id));
    assert.deepEqual(missing, [], `contributed but not registered: ${missing.join(', ')}`);
  });
});

suite('Commands given bad arguments', () => {
  // A command called with an argument it cannot use answers with an error naming the problem; it never
  // throws into VS Code and never hangs.
  test('Open Playground with an unknown id answers with an error naming the id', async () => {
    const answer = (await vscode.commands.executeCommand('formulaPlayground.openPlayground', { id: 'sigmod' })) as { error?: string };
    assert.ok(answer && typeof answer.error === 'string', JSON.stringify(answer));
    assert.match(answer.error, /sigmod/);
    assert.match(answer.error, /sigmoid/, 'suggests the closest id');
  });
  test('Gradient Check with a parameter out of range answers with an error naming the parameter', async () => {
    const answer = (await vscode.commands.executeCommand('formulaPlayground.gradientCheck', { id: 'huber', params: { delta: -1 } })) as {
      error?: { message: string };
    };
    assert.ok(answer && answer.error, JSON.stringify(answer));
    assert.match(answer.error.message, /delta/);
  });
  test('Check All Built-ins with an unknown option answers with an error naming it', async () => {
    const answer = (await vscode.commands.executeCommand('formulaPlayground.gradientCheckAll', { pointz: 10 })) as {
      error?: { message: string };
    };
    assert.ok(answer && answer.error, JSON.stringify(answer));
    assert.match(answer.error.message, /pointz/);
  });
});
