/**
 * The playground's export in the Node extension host, through the real write path: the user clicks Export CSV
 * and Export PNG, VS Code's save dialog proposes playground.csv / playground.png in the workspace, Enter
 * accepts it, and the extension writes the bytes with vscode.workspace.fs. The files are read back from disk.
 * The workspace is a temporary copy of examples/, so nothing is written into the repository.
 */
import * as assert from 'node:assert/strict';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { eventually, examplesDir, useWorkbench, type Workbench } from './harness';

const workspace = mkdtempSync(join(tmpdir(), 'dlfp-export-'));
cpSync(examplesDir, workspace, { recursive: true });

async function playgroundFrame(workbench: Workbench): Promise<Frame> {
  assert.ok(await workbench.findInWebviews('#export-csv', 30_000), 'the playground webview did not appear');
  for (const frame of workbench.page.frames()) {
    if ((await frame.locator('#export-csv').count().catch(() => 0)) > 0) return frame;
  }
  throw new Error('the playground frame went away');
}

/** Clicks an export button and accepts the path the save dialog proposes; returns that path. */
async function exportAndAccept(workbench: Workbench, frame: Frame, button: string): Promise<string> {
  await frame.locator(button).click();
  const input = workbench.page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  // The dialog fills in the proposed path once it has listed the folder: wait for the file name.
  const name = button === '#export-png' ? 'playground.png' : 'playground.csv';
  const proposed = await eventually(async () => {
    const value = await input.inputValue();
    assert.ok(value.endsWith(name), `the save dialog proposes ${JSON.stringify(value)}`);
    return value;
  }, 5000, 100);
  await workbench.page.keyboard.press('Enter');
  await workbench.page.locator('.monaco-dialog-box .monaco-button', { hasText: /Replace/ }).first().click({ timeout: 2000 }).catch(() => undefined);
  return proposed;
}

/** The file once written and no longer growing. */
async function written(path: string): Promise<Buffer> {
  return eventually(async () => {
    assert.ok(existsSync(path) && statSync(path).size > 0, `${path} was not written`);
    return readFileSync(path);
  }, 20_000, 250);
}

suite('Playground export through the save dialog (Node extension host)', () => {
  const workbench = useWorkbench({ theme: 'Default Light Modern', name: 'export', workspace });
  suiteTeardown(() => rmSync(workspace, { recursive: true, force: true }));

  test('Export CSV and Export PNG write the files the save dialog names', async () => {
    await eventually(() => workbench().runCommand('Formula Playground: Open Playground'), 60_000);
    const frame = await playgroundFrame(workbench());
    await frame.locator('#picker').selectOption('tanh');
    await frame.locator('#add-function').click();
    await frame.locator('article.series').first().waitFor({ timeout: 15_000 });
    await frame.waitForTimeout(500);

    const csvPath = await exportAndAccept(workbench(), frame, '#export-csv');
    assert.match(csvPath, /playground\.csv$/);
    const rows = (await written(join(workspace, 'playground.csv'))).toString('utf8').trim().split(/\r?\n/);
    assert.match(rows[0], /^x,.*tanh/i, `CSV header: ${rows[0]}`);
    assert.ok(rows.length > 50, `only ${rows.length} CSV rows`);
    const [x, y] = rows[Math.floor(rows.length / 2)].split(',').map(Number);
    assert.ok(Math.abs(y - Math.tanh(x)) < 1e-9, `tanh(${x}) written as ${y}`);

    const pngPath = await exportAndAccept(workbench(), frame, '#export-png');
    assert.match(pngPath, /playground\.png$/);
    const png = await written(join(workspace, 'playground.png'));
    assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    assert.ok(png.readUInt32BE(16) > 100 && png.readUInt32BE(20) > 50, `PNG of ${png.readUInt32BE(16)}×${png.readUInt32BE(20)}`);
    console.log(`      export: ${rows.length - 1} CSV rows and a ${png.readUInt32BE(16)}×${png.readUInt32BE(20)} PNG (${png.length} bytes) written through the save dialog`);
  });
});
