/**
 * The playground's export in the web worker host, through the real write path: the driver clicks Export CSV
 * and Export PNG in the webview and accepts VS Code's save dialog (the workbench's path picker); the
 * extension writes the bytes with vscode.workspace.fs (there is no `fs` here), and the suite reads the files
 * back from the workspace the same way.
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { exportFromPlayground, lookAt } from './driver';
import { EXTENSION_ID } from './environment.test';

/** The file at `uri` once it exists (the write lands a moment after the dialog closes). */
async function readWhenWritten(uri: vscode.Uri, timeoutMs = 20_000): Promise<Uint8Array> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      const bytes = await vscode.workspace.fs.readFile(uri);
      if (bytes.length > 0) return bytes;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`${uri.path} was not written within ${timeoutMs / 1000} s (${String(error)})`);
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

suite('Export through the save dialog (web worker host)', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Export CSV and Export PNG write the files the save dialog names, through vscode.workspace.fs', async function () {
    this.timeout(180_000);
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'no workspace folder');
    const csv = vscode.Uri.joinPath(folder.uri, 'playground.csv');
    const png = vscode.Uri.joinPath(folder.uri, 'playground.png');
    for (const uri of [csv, png]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);

    await vscode.commands.executeCommand('formulaPlayground.openPlayground', { id: 'tanh' });
    const look = await lookAt('playground');
    assert.ok(look.inked > 0.005, `the chart is blank (${look.error ?? ''})`);

    const csvDone = await exportFromPlayground('csv');
    assert.ok(csvDone.done, csvDone.error ?? 'the driver could not export');
    assert.match(csvDone.path ?? '', /playground\.csv$/, 'the save dialog proposes playground.csv in the workspace');
    const rows = new TextDecoder().decode(await readWhenWritten(csv)).trim().split(/\r?\n/);
    assert.match(rows[0], /^x,.*tanh/i, `CSV header: ${rows[0]}`);
    assert.ok(rows.length > 50, `only ${rows.length} CSV rows`);
    const [x, y] = rows[Math.floor(rows.length / 2)].split(',').map(Number);
    assert.ok(Math.abs(y - Math.tanh(x)) < 1e-9, `tanh(${x}) written as ${y}`);

    const pngDone = await exportFromPlayground('png');
    assert.ok(pngDone.done, pngDone.error ?? 'the driver could not export');
    const bytes = await readWhenWritten(png);
    assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    // IHDR: width and height, big-endian, at bytes 16 and 20.
    assert.ok(view.getUint32(16) > 100 && view.getUint32(20) > 50, `PNG of ${view.getUint32(16)}×${view.getUint32(20)}`);
    for (const uri of [csv, png]) await vscode.workspace.fs.delete(uri).then(undefined, () => undefined);
  });
});
