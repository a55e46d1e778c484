/**
 * The Formula view against things that happen around it, in a workspace of its own (a temporary folder
 * with two small files written here, so the test can change them on disk):
 * - the host updates the view while the user drags a slider (the document changes on disk): the row under
 *   the pointer is not rebuilt, and focus and the drag continue;
 * - a pairing-lint diagnostic on the line: the view shows its message, and its Quick fix button edits the code;
 * - a window reload: the view comes back showing the last function, dimmed, with its file and line.
 */
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { viewFrame } from './formulaViewFrame';
import { useWorkbench, type Workbench } from './harness';

interface Probe {
  shows: number;
  rebuilds: number;
  deferred: number;
  waiting: () => boolean;
  paints: number;
  previewLoaded: () => boolean;
  shown: () => { id: string; dimmed: boolean; line: number; lines: number; params: string[] } | null;
}
type WithProbe = { __formulaView?: Probe };
type Shown = NonNullable<ReturnType<Probe['shown']>>;

const MODEL = `"""A small regressor: the Formula view's drag and reload tests."""
import torch
import torch.nn as nn


class Regressor(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc = nn.Linear(8, 8)
        self.act = nn.LeakyReLU(0.2)
        self.out = nn.Linear(8, 1)

    def forward(self, x):
        return self.out(self.act(self.fc(x)))
`;
/** nn.LeakyReLU(0.2): 1-based line and a column inside its name, as Go to Line takes them. */
const LEAKY = { line: 10, column: 25 };

const LINT = `"""A loss computed on probabilities."""
import torch
import torch.nn.functional as F


def loss_of(logits, target):
    return F.binary_cross_entropy(torch.sigmoid(logits), target)
`;
/** Inside \`sigmoid\` of torch.sigmoid(logits). */
const SIGMOID = { line: 7, column: 43 };

/** The frame that holds the view's document (looked up again when VS Code replaces it). */
let frame: Frame;

const workspace = mkdtempSync(join(tmpdir(), 'dlfp-formula-view-'));
writeFileSync(join(workspace, 'model.py'), MODEL);
writeFileSync(join(workspace, 'lint_sample.py'), LINT);

/** The probe's counters and what the view shows (read with the page's CSP intact: no eval in the page). */
async function counters(frame: Frame): Promise<{ shows: number; rebuilds: number; deferred: number; waiting: boolean; paints: number; previewLoaded: boolean; shown: Shown | null }> {
  return frame.evaluate(() => {
    const p = (globalThis as unknown as WithProbe).__formulaView;
    if (!p) throw new Error('no probe in the Formula view (a production build?)');
    return { shows: p.shows, rebuilds: p.rebuilds, deferred: p.deferred, waiting: p.waiting(), paints: p.paints, previewLoaded: p.previewLoaded(), shown: p.shown() };
  });
}

/**
 * Waits until the view shows what `check` accepts. The view's frame is looked up again when VS Code has
 * replaced its iframe (a view that was hidden and shown again gets a new document).
 */
async function waitForShown(workbench: Workbench, check: (s: Shown) => boolean, what: string, timeoutMs = 15_000): Promise<Shown> {
  const deadline = Date.now() + timeoutMs;
  let problem = '';
  for (;;) {
    let s: Shown | null = null;
    try {
      if (frame.isDetached()) frame = await viewFrame(workbench);
      s = (await counters(frame)).shown;
      if (s && check(s)) return s;
      problem = '';
    } catch (error) {
      problem = ` (${error instanceof Error ? error.message.split('\n')[0] : String(error)})`;
    }
    if (Date.now() > deadline) throw new Error(`the Formula view never showed ${what}; it shows ${JSON.stringify(s)}${problem}`);
    await workbench.page.waitForTimeout(150);
  }
}

/**
 * Opens a file of the workspace with Quick Open (the Formula view holds the side bar, so the explorer is
 * not on screen) and waits for its editor.
 */
async function openFile(workbench: Workbench, name: string): Promise<void> {
  const page = workbench.page;
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(name);
  // Click the file's own row (Enter could take a recently opened file still listed first).
  await page.locator('.quick-input-list .monaco-list-row').filter({ has: page.locator('.label-name').getByText(name, { exact: true }) }).first().click();
  await page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
}

async function until(frame: Frame, check: () => Promise<boolean>, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await frame.waitForTimeout(100);
  }
}

/**
 * Changes `file` on disk and waits until the view has noticed (`noticed`). VS Code learns of the change from
 * its file watcher, which on a busy machine can miss a write made while it is still starting; so when nothing
 * happened within 4 s the same text is written again with one more newline at its end (below every call).
 */
async function changeOnDisk(frame: Frame, file: string, change: (text: string) => string, noticed: () => Promise<boolean>, what: string): Promise<void> {
  const changed = change(readFileSync(file, 'utf8'));
  const deadline = Date.now() + 20_000;
  for (let attempt = 0; ; attempt++) {
    writeFileSync(file, changed + '\n'.repeat(attempt));
    try {
      await until(frame, noticed, what, 4000);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** Whether the α slider is the element marked before, and has focus. */
async function sliderKept(frame: Frame): Promise<{ same: boolean; focused: boolean; value: number }> {
  return frame.evaluate(() => {
    const slider = document.getElementById('param-alpha') as (HTMLInputElement & { mark?: string }) | null;
    return { same: slider?.mark === 'before', focused: document.activeElement === slider && slider !== null, value: Number(slider?.value) };
  });
}

suite('Formula view: updates mid-drag, diagnostics, reload', () => {
  const workbench = useWorkbench({ theme: 'Default Dark Modern', name: 'formulaViewRestore', workspace, settings: { 'files.autoSave': 'off' } });
  suiteTeardown(() => rmSync(workspace, { recursive: true, force: true }));

  test('a host update during a slider drag leaves the row under the pointer: same element, focus and drag kept', async () => {
    await workbench().openFile('model.py');
    await workbench().placeCursor(LEAKY.line, LEAKY.column);
    await workbench().runCommand('Formula Playground: Show Formula View');
    frame = await viewFrame(workbench());
    await waitForShown(workbench(), (s) => s.id === 'leaky_relu' && !s.dimmed, 'leaky_relu');
    await until(frame, () => counters(frame).then((c) => c.previewLoaded), 'the preview bundle');
    await frame.evaluate(() => {
      (document.getElementById('param-alpha') as HTMLElement & { mark?: string }).mark = 'before';
    });
    const box = await frame.locator('#param-alpha').boundingBox();
    assert.ok(box, 'the α slider has no box');
    const mouse = workbench().page.mouse;
    const y = box.y + box.height / 2;
    const at = (f: number) => box.x + 4 + (box.width - 8) * f;
    await mouse.move(at(0.1), y);
    await mouse.down();
    for (let i = 1; i <= 10; i++) await mouse.move(at(0.1 + 0.02 * i), y);
    const start = await counters(frame);

    // 1. The document changes on disk below the call (its line stays): the host posts a newer view mid-drag.
    const file = join(workspace, 'model.py');
    await changeOnDisk(frame, file, (text) => `${text}\n\nREGRESSOR = Regressor()\n`, async () => (await counters(frame)).shows > start.shows, 'the host to post a view after the file changed');
    let kept = await sliderKept(frame);
    assert.ok(kept.same, 'the α slider was replaced by a new element mid-drag');
    assert.ok(kept.focused, 'the α slider lost focus mid-drag');
    assert.equal((await counters(frame)).rebuilds, start.rebuilds, 'the parameter rows were rebuilt mid-drag');

    // 2. A line inserted above the call (the call moves): a view that cannot be applied in place waits for the release.
    const { shows } = await counters(frame);
    await changeOnDisk(frame, file, (text) => `# moved down one line\n${text}`, async () => (await counters(frame)).shows > shows, 'the host to post a view after the line was inserted');
    kept = await sliderKept(frame);
    assert.ok(kept.same && kept.focused, `after the insertion: ${JSON.stringify(kept)}`);
    assert.equal((await counters(frame)).rebuilds, start.rebuilds, 'the parameter rows were rebuilt mid-drag');

    // The drag goes on: the slider follows the pointer and the plot repaints.
    const { paints } = await counters(frame);
    const valueBefore = kept.value;
    for (let i = 1; i <= 10; i++) {
      await mouse.move(at(0.3 + 0.04 * i), y);
      await workbench().page.waitForTimeout(16);
    }
    kept = await sliderKept(frame);
    assert.ok(kept.value > valueBefore, `the drag stopped moving the slider: ${valueBefore} → ${kept.value}`);
    assert.ok((await counters(frame)).paints > paints, 'the plot did not repaint after the host update');
    await mouse.up();
    // Released: a view that waited is shown now, with the line the host reports.
    const end = await counters(frame);
    assert.equal(end.waiting, false, 'a host view still waits after the release');
    const now = await waitForShown(workbench(), (s) => s.id === 'leaky_relu', 'leaky_relu after the release');
    assert.equal(await frame.locator('#where').innerText(), `model.py:${now.line + 1}`);
    console.log(`      mid-drag host views: ${end.deferred - start.deferred} waited for the release, the rest applied in place; rows rebuilt during the drag: 0`);
  });

  test("a pairing-lint diagnostic on the line: the view shows its message and applies the lint's quick fix", async () => {
    await openFile(workbench(), 'lint_sample.py');
    await workbench().placeCursor(SIGMOID.line, SIGMOID.column);
    await waitForShown(workbench(), (s) => s.id === 'sigmoid' && !s.dimmed, 'sigmoid');
    const diagnostic = frame.locator('#diagnostics .diagnostic').first();
    await diagnostic.waitFor({ timeout: 15_000 });
    assert.match(await diagnostic.innerText(), /torch\.sigmoid.*feeds.*F\.binary_cross_entropy/s);
    const fix = diagnostic.locator('button');
    assert.match((await fix.getAttribute('aria-label')) ?? '', /^Quick fix .*torch\.sigmoid/);
    await fix.click();
    await until(frame, async () => /F\.binary_cross_entropy_with_logits\(logits, target\)/.test(await workbench().visibleEditorText()), 'the quick fix to edit the code');
    assert.doesNotMatch(await workbench().visibleEditorText(), /torch\.sigmoid/);
    await workbench().runCommand('File: Revert File');
  });

  test('after a window reload the view comes back showing the last function, dimmed, with its file and line', async function () {
    this.timeout(150_000);
    // model.py is open in a tab since the first test.
    await workbench().page.locator('.tabs-container .tab[aria-label^="model.py"]').first().click({ timeout: 10_000 });
    await workbench().page.locator('.tabs-container .tab.active[aria-label^="model.py"]').waitFor({ timeout: 10_000 });
    // The file now has one line more above the call (the first test).
    await workbench().placeCursor(LEAKY.line + 1, LEAKY.column);
    await waitForShown(workbench(), (s) => s.id === 'leaky_relu' && !s.dimmed, 'leaky_relu');
    await workbench().placeCursor(3, 1);
    await waitForShown(workbench(), (s) => s.id === 'leaky_relu' && s.dimmed, 'leaky_relu dimmed');
    const where = await frame.locator('#where').innerText();
    // No editor to restore: what the view shows after the reload can only come from its saved state.
    await workbench().runCommand('View: Close All Editors');
    await workbench().page.locator('.editor-instance .monaco-editor').first().waitFor({ state: 'detached', timeout: 10_000 });
    await waitForShown(workbench(), (s) => s.id === 'leaky_relu' && s.dimmed, 'leaky_relu dimmed with no editor open');
    // The workbench's own reload (not a page reload, which can cut the write of its state short — an editor closed
    // just before then came back and the view rightly followed it): its shutdown stores the state, the view's too.
    const reloaded = workbench().page.waitForEvent('load', { timeout: 60_000 });
    await workbench().runCommand('Developer: Reload Window');
    await reloaded;
    // (Not waitUntilReady: it waits for the explorer, and the side bar shows the Formula view.)
    await workbench().page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
    await workbench().page.locator('.part.sidebar').waitFor({ timeout: 60_000 });
    frame = await viewFrame(workbench(), 30_000);
    const restored = await waitForShown(workbench(), (s) => s.id === 'leaky_relu', 'leaky_relu after the reload', 30_000);
    assert.equal(restored.dimmed, true, 'the restored view is not dimmed');
    assert.equal(await frame.locator('#title').innerText(), 'Leaky ReLU');
    assert.equal(await frame.locator('#where').innerText(), where);
    assert.ok(await frame.locator('.formula-view.dimmed').count(), 'the page does not look dimmed');
    assert.ok(restored.lines > 0, 'the restored view has no plot lines');
    await workbench().screenshot('formula-view-restored');
  });
});
