/**
 * What a user sees when the extension is opened in VS Code: the sample workspace in Restricted Mode (the
 * harness opens every folder untrusted), the extension's commands in the palette, a Python file in an
 * editor, in both default themes.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { eventually, repoRoot, useWorkbench } from './harness';

interface Manifest {
  contributes: { commands: { command: string; title: string; category?: string }[]; menus?: { commandPalette?: { command: string; when?: string }[] } };
}

const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as Manifest;
/** Commands the palette shows only in a context (Plot Selection with a selection) or never (automation hooks). */
const conditional = new Set((manifest.contributes.menus?.commandPalette ?? []).filter((m) => m.when !== undefined).map((m) => m.command));
const titleOf = (c: { title: string; category?: string }) => (c.category ? `${c.category}: ${c.title}` : c.title);
const paletteTitles = manifest.contributes.commands.filter((c) => !conditional.has(c.command)).map(titleOf);
const hiddenTitles = manifest.contributes.commands.filter((c) => conditional.has(c.command)).map(titleOf);

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
      // No editor has a selection yet: Plot Selection is not offered.
      for (const title of hiddenTitles) assert.ok(!listed.includes(title), `"${title}" is in the palette without its context`);
    });
  });

  test('opens the folder in Restricted Mode (workspace trust on, folder not trusted)', async () => {
    const indicator = workbench().page.locator('.statusbar').getByText('Restricted Mode');
    await indicator.first().waitFor({ timeout: 15_000 });
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
