/**
 * Signal Propagation as a user drives it: open it from the palette, see both charts painted (q_l through 100
 * layers, the phase diagram with each activation's edge of chaos and the current point), change σ_w² and see
 * the readout follow, drag the point on the phase diagram, in the light and dark default themes; the hover on
 * `nn.LeakyReLU(0.2)` carries the init line and the "Signal propagation" link (that the link's argument opens
 * the view with Leaky ReLU α = 0.2 first is tested in test/integration/signal.test.ts).
 * Screenshots: test-results/signal-light.png, signal-dark.png and signal-hover.png.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Frame } from 'playwright-core';
import { eventually, examplesDir, useWorkbench, type Workbench } from './harness';

/** What webview/playground/signal.ts exposes on `window.__signal` (the suite compiles without the DOM library). */
interface SignalProbe {
  perf: { results: number; lastRoundTrip: number };
  state(): { items: { id: string; params: Record<string, number> }[]; sigmaW2: number; sigmaB2: number; q0: number };
  readout(): { id: string; chi1: number; qStar: number; phase: string; gradients: string; init: string }[];
  depthLines(): { label: string; points: number }[];
  phaseLines(): { label: string; points: number }[];
  pointPixel(w2: number, b2: number): { x: number; y: number };
}
type WithProbe = { __signal?: SignalProbe };
interface CanvasLike {
  toDataURL(): string;
}

async function signalFrame(workbench: Workbench, timeoutMs = 30_000): Promise<Frame> {
  const found = await workbench.findInWebviews('#phase-chart', timeoutMs);
  assert.ok(found, 'the signal-propagation webview did not appear');
  for (const frame of workbench.page.frames()) {
    if ((await frame.locator('#phase-chart').count().catch(() => 0)) > 0) return frame;
  }
  throw new Error('the signal-propagation frame went away');
}

async function probe<T>(frame: Frame, read: (p: SignalProbe) => T): Promise<T> {
  return frame.evaluate((source) => {
    const p = (globalThis as unknown as WithProbe).__signal;
    if (!p) throw new Error('window.__signal is missing');
    return new Function('p', `return (${source})(p)`)(p) as T;
  }, read.toString());
}

async function results(frame: Frame): Promise<number> {
  return probe(frame, (p) => p.perf.results);
}

async function waitForResult(frame: Frame, after: number): Promise<void> {
  await frame.waitForFunction((n) => ((globalThis as unknown as WithProbe).__signal?.perf.results ?? 0) > n, after, { timeout: 60_000 });
}

async function canvasImage(frame: Frame, id: string): Promise<string> {
  return frame.locator(`#${id}`).evaluate((c) => (c as unknown as CanvasLike).toDataURL());
}

suite('Signal Propagation view (e2e)', () => {
  const workbench = useWorkbench({ theme: 'Default Light Modern', name: 'signal' });
  let frame: Frame;

  test('opens from the command palette and paints q through depth and the phase diagram', async function () {
    this.timeout(120_000);
    await eventually(() => workbench().runCommand('Formula Playground: Signal Propagation'), 60_000);
    frame = await signalFrame(workbench());
    await waitForResult(frame, 0);
    const depth = await probe(frame, (p) => p.depthLines());
    assert.equal(depth.length, 2);
    assert.ok(depth.every((l) => l.points === 101), `q_0…q_100 per activation, got ${JSON.stringify(depth)}`);
    const phase = await probe(frame, (p) => p.phaseLines());
    assert.match(phase[0].label, /ReLU: χ₁ = 1/);
    assert.ok(phase[0].points >= 2 && phase[1].points > 10, `edge curves: ${JSON.stringify(phase)}`);
    const readout = await probe(frame, (p) => p.readout());
    assert.equal(readout[0].phase, 'critical', 'ReLU at σ_w² = 2 sits on the edge of chaos');
    assert.match(readout[0].init, /kaiming_normal_\(w, nonlinearity='relu'\) \(gain √2\)/);
    assert.equal(await frame.locator('#readout-body tr').count(), 2);
  });

  test('changing σ_w² updates the readout: ReLU at 1.5 is ordered, gradients ×0.75 per layer', async function () {
    this.timeout(60_000);
    const before = await results(frame);
    await frame.locator('#sigma-w2').fill('1.5');
    await frame.locator('#sigma-w2').press('Enter');
    await frame.locator('#sigma-w2').dispatchEvent('change');
    await waitForResult(frame, before);
    await eventually(async () => {
      const text = await frame.locator('#readout-body tr[data-id="relu"] .gradients').innerText();
      assert.match(text, /gradients shrink by ×0\.75 per layer: after 50 layers ×6e−7/);
      return text;
    }, 20_000);
    const relu = (await probe(frame, (p) => p.readout())).find((r) => r.id === 'relu');
    assert.equal(relu?.phase, 'ordered');
  });

  test('dragging the point on the phase diagram moves (σ_w², σ_b²) and recomputes', async function () {
    this.timeout(60_000);
    const canvas = frame.locator('#phase-chart');
    await canvas.scrollIntoViewIfNeeded();
    const box = await canvas.boundingBox();
    assert.ok(box);
    const from = await probe(frame, (p) => p.pointPixel(p.state().sigmaW2, p.state().sigmaB2));
    const to = await probe(frame, (p) => p.pointPixel(3, 0.5));
    const before = await results(frame);
    const page = workbench().page;
    await page.mouse.move(box.x + from.x, box.y + from.y);
    await page.mouse.down();
    for (let k = 1; k <= 8; k++) await page.mouse.move(box.x + from.x + ((to.x - from.x) * k) / 8, box.y + from.y + ((to.y - from.y) * k) / 8);
    await page.mouse.up();
    await waitForResult(frame, before);
    const state = await probe(frame, (p) => p.state());
    assert.ok(Math.abs(state.sigmaW2 - 3) < 0.1 && Math.abs(state.sigmaB2 - 0.5) < 0.05, `dragged to ${JSON.stringify(state)}`);
    await eventually(async () => {
      const relu = (await probe(frame, (p) => p.readout())).find((r) => r.id === 'relu');
      assert.equal(relu?.phase, 'chaotic');
      return relu;
    }, 30_000);
  });

  test('looks right in the light and dark themes (screenshots)', async function () {
    this.timeout(120_000);
    // Bring the view back to the front (the tests before may have left an editor over it).
    await workbench().runCommand('Formula Playground: Signal Propagation');
    frame = await signalFrame(workbench());
    await waitForResult(frame, 0);
    const light = await canvasImage(frame, 'phase-chart');
    await workbench().screenshot('signal-light');
    await workbench().setTheme('Default Dark Modern');
    frame = await signalFrame(workbench());
    await eventually(async () => {
      assert.notEqual(await canvasImage(frame, 'phase-chart'), light, 'the phase diagram was not redrawn in the dark theme');
      return true;
    }, 20_000);
    await workbench().screenshot('signal-dark');
  });
  test("the hover over nn.LeakyReLU(0.2) shows the init line and the Signal propagation link", async function () {
    this.timeout(120_000);
    await workbench().openFile('pytorch_model.py');
    const lines = readFileSync(join(examplesDir, 'pytorch_model.py'), 'utf8').split('\n');
    const index = lines.findIndex((l) => l.includes('nn.LeakyReLU(0.2)'));
    assert.ok(index >= 0);
    await workbench().placeCursor(index + 1, lines[index].indexOf('nn.LeakyReLU') + 6);
    const hover = await eventually(async () => {
      const h = await workbench().showHover();
      assert.match(await h.first().innerText(), /Signal propagation/);
      return h;
    }, 60_000);
    const text = await hover.first().innerText();
    assert.match(text, /init: nn\.init\.kaiming_normal_\(w, a=0\.2, nonlinearity='leaky_relu'\) \(gain 1\.3868\)/);
    const href = await hover.first().locator('a', { hasText: 'Signal' }).first().getAttribute('data-href');
    assert.match(href ?? '', /^command:formulaPlayground\.signalPropagation\?/, `link ${href}`);
    await workbench().screenshot('signal-hover');
  });
});
