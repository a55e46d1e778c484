/**
 * Proof that this suite — and so the extension it tests — runs in the web worker extension host, where
 * vscode.dev and github.dev run extensions: no Node (`process` is undefined), a web UI, and our extension
 * loaded from its `browser` entry (the copy under test has no `main`).
 */
import * as vscode from 'vscode';
import * as assert from './assert';

export const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';

suite('Web worker extension host', () => {
  test('there is no Node here: typeof process === "undefined", no Buffer, no setImmediate', () => {
    assert.equal(typeof process, 'undefined');
    assert.equal(typeof (globalThis as { Buffer?: unknown }).Buffer, 'undefined');
    assert.equal(typeof (globalThis as { setImmediate?: unknown }).setImmediate, 'undefined');
  });

  test('vscode.env.uiKind is UIKind.Web', () => {
    assert.equal(vscode.env.uiKind, vscode.UIKind.Web);
  });

  test('the extension activates from its browser entry (the copy under test has no main)', async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    const manifest = extension.packageJSON as { main?: string; browser?: string };
    assert.equal(manifest.main, undefined, 'main must be removed in the copy under test');
    assert.equal(manifest.browser, './dist/web/extension.js');
    const t0 = performance.now();
    const api = (await extension.activate()) as { activationMs?: number } | undefined;
    const inside = typeof api?.activationMs === 'number' ? `${api.activationMs.toFixed(1)} ms` : 'not reported';
    console.log(
      `DLFP_WEB_MEASURE activation: activate() start → end ${inside} (measured inside activate); ` +
        `first activate() awaited by the suite ${(performance.now() - t0).toFixed(1)} ms (fetching + evaluating dist/web/extension.js in the worker, then activate)`,
    );
    assert.equal(typeof api?.activationMs, 'number', 'activate() returns { activationMs }');
    assert.equal(extension.isActive, true);
  });

  test('every contributed command is registered', async () => {
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)?.packageJSON as { contributes: { commands: { command: string }[] } }).contributes.commands;
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.map((c) => c.command).filter((id) => !registered.has(id)), []);
  });
});
