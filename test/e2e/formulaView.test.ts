/**
 * The Formula view as a user sees it: opened from the palette beside examples/pytorch_model.py with the
 * cursor on nn.LeakyReLU(0.2), in the side bar and moved to the bottom panel, light and dark (screenshots
 * into test-results/ and docs/images/). A slider drag repaints the plot: the time from each input event to
 * the painted frame showing data for it is measured in the webview and printed (never asserted), for the
 * preview computed in the webview and, side by side, for the host round trip it replaced.
 */
import * as assert from 'node:assert/strict';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { viewFrame } from './formulaViewFrame';
import { repoRoot, useWorkbench } from './harness';

interface Probe {
  sliderPaint: number[];
  roundTrip: number[];
  compute: number[];
  draw: number[];
  frames: number[];
  paints: number;
  cspViolations: string[];
  forceHost: boolean;
  previewLoaded: () => boolean;
  shown: () => { id: string; dimmed: boolean; lines: number; params: string[] } | null;
}
type WithProbe = { __formulaView?: Probe };

async function shown(frame: Frame): Promise<ReturnType<Probe['shown']>> {
  return frame.evaluate(() => (globalThis as unknown as WithProbe).__formulaView?.shown() ?? null);
}

async function waitForShown(frame: Frame, check: (s: NonNullable<ReturnType<Probe['shown']>>) => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const s = await shown(frame);
    if (s && check(s)) return;
    if (Date.now() > deadline) throw new Error(`the Formula view never showed ${what}; it shows ${JSON.stringify(s)}`);
    await frame.waitForTimeout(150);
  }
}

/** Waits for KaTeX and the chart to be on screen, so a screenshot shows the finished view. */
async function settled(frame: Frame): Promise<void> {
  await frame.locator('#formula-f .katex').first().waitFor({ timeout: 15_000 });
  await frame.waitForTimeout(400);
}

function saveForReadme(from: string, name: string): void {
  const dir = join(repoRoot, 'docs', 'images');
  mkdirSync(dir, { recursive: true });
  copyFileSync(from, join(dir, name));
}

function percentile(values: readonly number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
}

suite('Formula view', () => {
  // The web workbench saves after a delay by default (files.autoSave: afterDelay): off, so Apply to code
  // stays an unsaved edit that Revert File takes back and the sample on disk never changes.
  const workbench = useWorkbench({ theme: 'Default Light Modern', name: 'formulaView', settings: { 'files.autoSave': 'off' } });
  let frame: Frame;

  test('follows the cursor: nn.LeakyReLU(0.2) in the side bar, light and dark', async () => {
    await workbench().openFile('pytorch_model.py');
    await workbench().placeCursor(15, 24);
    await workbench().runCommand('Formula Playground: Show Formula View');
    frame = await viewFrame(workbench());
    await waitForShown(frame, (s) => s.id === 'leaky_relu' && !s.dimmed, 'leaky_relu');
    assert.equal(await frame.locator('#title').innerText(), 'Leaky ReLU');
    assert.match(await frame.locator('#subtitle').innerText(), /PyTorch · torch\.nn\.LeakyReLU/);
    assert.equal(await frame.locator('#param-alpha').inputValue(), '0.2');
    await settled(frame);
    const cspViolations = await frame.evaluate(() => (globalThis as unknown as WithProbe).__formulaView?.cspViolations ?? []);
    assert.deepEqual(cspViolations, [], 'the page broke its own CSP');
    saveForReadme(await workbench().screenshot('formula-view-sidebar-light'), 'formula-view-sidebar-light.png');
    await workbench().setTheme('Default Dark Modern');
    await frame.waitForTimeout(600);
    saveForReadme(await workbench().screenshot('formula-view-sidebar-dark'), 'formula-view-sidebar-dark.png');
  });

  test('keeps the last function, dimmed, when the cursor leaves it', async () => {
    await workbench().page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await workbench().placeCursor(14, 10);
    await waitForShown(frame, (s) => s.dimmed && s.id === 'leaky_relu', 'leaky_relu dimmed');
    assert.match(await frame.locator('#where').innerText(), /pytorch_model\.py:15/);
    await workbench().placeCursor(15, 24);
    await waitForShown(frame, (s) => !s.dimmed, 'leaky_relu again');
  });

  test('a slider drag repaints the plot in the next frame; the keyboard reaches the slider and the buttons', async () => {
    const slider = frame.locator('#param-alpha');
    const box = await slider.boundingBox();
    assert.ok(box, 'the α slider has no box');
    const mouse = workbench().page.mouse;
    const y = box.y + box.height / 2;
    /** One drag across the slider (40 steps, 16 ms apart, as a hand moves), then the probe's numbers for it. */
    const drag = async (viaHost: boolean) => {
      await frame.evaluate((force) => {
        const p = (globalThis as unknown as WithProbe).__formulaView;
        if (!p) throw new Error('no probe in the Formula view (a production build?)');
        p.forceHost = force;
        p.sliderPaint.length = 0;
        p.roundTrip.length = 0;
        p.compute.length = 0;
        p.draw.length = 0;
        p.frames.length = 0;
      }, viaHost);
      const [from, to] = viaHost ? [box.width - 4, 4] : [4, box.width - 4];
      await mouse.move(box.x + from, y);
      await mouse.down();
      for (let i = 1; i <= 40; i++) {
        await mouse.move(box.x + from + ((to - from) * i) / 40, y);
        await workbench().page.waitForTimeout(16);
      }
      await mouse.up();
      await frame.waitForTimeout(300);
      return frame.evaluate(() => {
        const p = (globalThis as unknown as WithProbe).__formulaView;
        return { paint: p?.sliderPaint ?? [], roundTrip: p?.roundTrip ?? [], compute: p?.compute ?? [], draw: p?.draw ?? [], frames: p?.frames ?? [] };
      });
    };
    await frame.waitForFunction(() => (globalThis as unknown as WithProbe).__formulaView?.previewLoaded() === true, undefined, { timeout: 10_000 });
    // The path this replaced first (each step through the host), then the preview computed here.
    const before = await drag(true);
    const after = await drag(false);
    const describe = (name: string, values: number[]) =>
      values.length === 0 ? `${name}: none` : `${name}: n=${values.length} p50=${percentile(values, 0.5).toFixed(1)} ms p95=${percentile(values, 0.95).toFixed(1)} ms max=${Math.max(...values).toFixed(1)} ms`;
    console.log(`      formula view slider via the host (before): ${describe('input → painted frame', before.paint)}; ${describe('host round trip', before.roundTrip)}; ${describe('chart draw', before.draw)}`);
    console.log(`      formula view slider in the webview (after): ${describe('input → painted frame', after.paint)}; ${describe('lines computed', after.compute)}; ${describe('host round trip', after.roundTrip)}; ${describe('chart draw', after.draw)}`);
    // "Within one frame": drawn in the frame the input was dispatched in or the one after it.
    const frames = (values: number[]) => {
      const late = values.filter((f) => f > 1);
      return `${values.length - late.length} of ${values.length} inputs drawn within one frame${late.length ? ` (the others after ${percentile(late, 0.5)} frames at the median, ${Math.max(...late)} at most)` : ''}`;
    };
    console.log(`      formula view slider frames: via the host ${frames(before.frames)}; in the webview ${frames(after.frames)}`);
    const ratio = (q: number) => (percentile(before.paint, q) / percentile(after.paint, q)).toFixed(2);
    console.log(`      input → painted frame, host / webview: p50 ${ratio(0.5)}×, p95 ${ratio(0.95)}× (one frame = 16.7 ms)`);
    assert.ok(before.paint.length > 10 && after.paint.length > 10, `only ${before.paint.length} / ${after.paint.length} slider inputs were painted`);
    assert.ok(before.roundTrip.length > 0 && before.roundTrip.length <= before.paint.length, 'host previews are folded, one on its way at a time');
    assert.equal(after.roundTrip.length, 0, 'with the preview bundle loaded, a drag waited for the host');
    assert.ok(after.compute.length >= after.paint.length, 'every input was computed in the webview');
    assert.equal(after.frames.length, after.paint.length, 'every painted input was counted in frames');
    // Released away from the code's value: Apply to code is offered.
    const apply = frame.locator('#param-alpha-apply');
    await apply.waitFor({ state: 'visible' });
    assert.match((await apply.getAttribute('aria-label')) ?? '', /Apply to code: alpha/);
    // Tab order: the slider, then Apply, reachable from the keyboard.
    await slider.focus();
    await workbench().page.keyboard.press('Tab');
    assert.equal(await frame.evaluate(() => document.activeElement?.id), 'param-alpha-apply');
    await workbench().page.keyboard.press('Enter');
    await frame.locator('#status').filter({ hasText: /Set/ }).waitFor({ timeout: 10_000 });
    const text = await workbench().visibleEditorText();
    assert.match(text, /self\.act1 = nn\.LeakyReLU\((?!0\.2\))[0-9.]+\)/, 'Apply to code did not rewrite the literal');
    await workbench().runCommand('File: Revert File');
  });

  test('in the bottom panel, light and dark', async () => {
    await workbench().runCommand('View: Move View');
    const input = workbench().page.locator('.quick-input-widget input');
    await input.fill('Formula');
    await workbench().page.locator('.quick-input-list .monaco-list-row').filter({ hasText: /^Formula/ }).first().click();
    await workbench().page.locator('.quick-input-list .monaco-list-row').filter({ hasText: 'New Panel Entry' }).first().click();
    frame = await viewFrame(workbench());
    await workbench().page.locator('.editor-instance .monaco-editor .view-lines').first().click();
    await workbench().placeCursor(38, 20);
    await waitForShown(frame, (s) => s.id === 'huber' && !s.dimmed, 'huber');
    await settled(frame);
    saveForReadme(await workbench().screenshot('formula-view-panel-dark'), 'formula-view-panel-dark.png');
    await workbench().setTheme('Default Light Modern');
    await frame.waitForTimeout(600);
    saveForReadme(await workbench().screenshot('formula-view-panel-light'), 'formula-view-panel-light.png');
  });
});
