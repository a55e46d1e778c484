/**
 * What a user sees when the extension is opened in VS Code: the sample workspace, the extension's commands
 * in the palette, a Python file in an editor, in both default themes.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot, useWorkbench } from './harness';

interface Manifest {
  contributes: { commands: { title: string; category?: string }[] };
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
const paletteTitles = manifest.contributes.commands.map((c) => (c.category ? `${c.category}: ${c.title}` : c.title));

suite('Workbench with the extension', () => {
  const workbench = useWorkbench({ theme: 'Default Light Modern', name: 'workbench' });

  test('loads with the examples/ folder in the explorer', async () => {
    const names = await workbench().page.locator('.explorer-folders-view .monaco-list-row .label-name').allInnerTexts();
    for (const file of ['pytorch_model.py', 'keras_model.py', 'jax_train.py', 'tfjs_model.js']) {
      assert.ok(names.includes(file), `${file} is not in the explorer (saw ${names.join(', ')})`);
    }
  });

  test("lists the extension's commands in the command palette", async () => {
    // The commands are listed once the extension host has read the manifest, a few seconds after load.
    await eventually(async () => {
      const listed = await workbench().paletteCommands('Formula Playground');
      for (const title of paletteTitles) assert.ok(listed.includes(title), `"${title}" is not in the palette (saw ${listed.join(' | ')})`);
    });
  });

  test('opens examples/pytorch_model.py in an editor', async () => {
    await workbench().openFile('pytorch_model.py');
    await workbench().placeCursor(1, 1);
    const text = await workbench().visibleEditorText();
    assert.match(text, /import torch/);
    assert.match(text, /nn\.LeakyReLU\(0\.2\)/);
  });

  test('saves screenshots of the workbench in the light and dark default themes', async () => {
    await workbench().waitForTheme('Default Light Modern');
    await workbench().screenshot('workbench-light');
    await workbench().setTheme('Default Dark Modern');
    await workbench().screenshot('workbench-dark');
  });
});
