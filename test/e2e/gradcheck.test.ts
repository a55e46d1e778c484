/**
 * The gradient-check results view as a user sees it: run "Check All Built-ins" from the palette, find a
 * passing row for every catalogue entry, pick a row and see its plot, reload the window and find the view
 * restored with the same rows and selection, open it in the playground, in the light and dark default
 * themes. Screenshots: test-results/gradcheck-light.png and gradcheck-dark.png.
 */
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { listFunctions } from '../../src/core/api';
import { eventually, useWorkbench, type Workbench } from './harness';

/** What webview/gradcheck/main.ts exposes on `window.__gradcheck`. */
interface GradcheckProbe {
  cspViolations: string[];
  rows(): { target: string; ok: boolean; kinks: number }[];
  selected(): number;
  lines(): { label: string; points: number }[];
}
type WithProbe = { __gradcheck?: GradcheckProbe };
/** The webview's document, as much of it as these checks read (the suite compiles without the DOM library). */
interface PageLike {
  document: {
    querySelectorAll(selector: string): { length: number };
    getElementById(id: string): { textContent: string | null } | null;
    body: { classList: { contains(name: string): boolean } };
  };
}

async function resultsFrame(workbench: Workbench, timeoutMs = 15_000): Promise<Frame> {
  const found = await workbench.findInWebviews('#reports tr.report-row', timeoutMs);
  assert.ok(found, 'the results view did not show a table');
  for (const frame of workbench.page.frames()) {
    if ((await frame.locator('#reports').count().catch(() => 0)) > 0) return frame;
  }
  throw new Error('the results frame went away');
}

async function plottedLines(frame: Frame): Promise<{ label: string; points: number }[]> {
  return frame.evaluate(() => (globalThis as unknown as WithProbe).__gradcheck?.lines() ?? []);
}

async function waitForPlot(frame: Frame): Promise<{ label: string; points: number }[]> {
  await frame.waitForFunction(() => ((globalThis as unknown as WithProbe).__gradcheck?.lines().length ?? 0) >= 3, undefined, { timeout: 15_000 });
  return plottedLines(frame);
}

suite('Gradient check results view', () => {
  const workbench = useWorkbench({ theme: 'Default Light Modern', name: 'gradcheck' });
  const ids = listFunctions().map((f) => f.id);

  test('Check All Built-ins from the palette lists every catalogue entry as passing', async function () {
    this.timeout(120_000);
    // Contributed commands reach the palette once the extension host is up.
    await eventually(() => workbench().runCommand('Formula Playground: Check All Built-ins'), 60_000);
    const frame = await resultsFrame(workbench(), 60_000);
    const rows = frame.locator('#reports tr.report-row');
    await frame.waitForFunction((n) => (globalThis as unknown as PageLike).document.querySelectorAll('#reports tr.report-row').length === n, ids.length, { timeout: 20_000 });
    assert.equal(await rows.count(), ids.length);
    const targets = await rows.evaluateAll((trs) => trs.map((tr) => (tr as unknown as { dataset: Record<string, string> }).dataset.target));
    assert.deepEqual([...targets].sort(), [...ids].sort());
    assert.equal(await frame.locator('#reports tr.report-row[data-ok="true"]').count(), ids.length, 'every row passes');
    assert.match(await frame.locator('#summary').innerText(), new RegExp(`${ids.length}/${ids.length} built-ins pass`));

    const lines = await waitForPlot(frame);
    assert.deepEqual(lines.map((l) => l.label).sort(), ['analytic', 'analytic − numeric', 'numeric (Richardson differences)']);
    assert.ok(lines.every((l) => l.points === 400), JSON.stringify(lines));
    const csp = await frame.evaluate(() => (globalThis as unknown as WithProbe).__gradcheck?.cspViolations ?? ['probe missing']);
    assert.deepEqual(csp, []);
    await workbench().screenshot('gradcheck-light');
  });

  test('picking the hinge row shows its kinks and per-label checks', async () => {
    const frame = await resultsFrame(workbench());
    await frame.locator('#reports tr.report-row[data-target="hinge"]').click();
    await frame.locator('#selected-title', { hasText: 'hinge' }).waitFor();
    const details = await frame.locator('#details').innerText();
    assert.match(details, /Kinks\s+ŷ = -1, 1/);
    assert.match(details, /y = -1/);
    await frame.waitForFunction(() => /hinge/.test((globalThis as unknown as PageLike).document.getElementById('series-title')?.textContent ?? ''), undefined, { timeout: 15_000 });
  });

  test('the dark theme recolours the view', async function () {
    this.timeout(60_000);
    await workbench().setTheme('Default Dark Modern');
    const frame = await resultsFrame(workbench());
    await frame.waitForFunction(() => (globalThis as unknown as PageLike).document.body.classList.contains('vscode-dark'), undefined, { timeout: 15_000 });
    await frame.locator('#reports tr.report-row[data-target="relu"]').click();
    await frame.waitForFunction(() => /relu/.test((globalThis as unknown as PageLike).document.getElementById('series-title')?.textContent ?? ''), undefined, { timeout: 15_000 });
    await frame.waitForTimeout(300);
    await workbench().screenshot('gradcheck-dark');
  });

  test('is restored after Developer: Reload Window, with every row, the selection and its plot', async function () {
    this.timeout(120_000);
    const before = await resultsFrame(workbench());
    const selectedBefore = await before.evaluate(() => {
      const probe = (globalThis as unknown as WithProbe).__gradcheck;
      return probe ? probe.rows()[probe.selected()]?.target : undefined;
    });
    assert.equal(selectedBefore, 'relu');
    await workbench().runCommand('Developer: Reload Window');
    await workbench().page.waitForTimeout(1000);
    await workbench().waitUntilReady();

    const frame = await resultsFrame(workbench(), 60_000);
    await frame.waitForFunction((n) => (globalThis as unknown as PageLike).document.querySelectorAll('#reports tr.report-row').length === n, ids.length, { timeout: 30_000 });
    const targets = await frame.locator('#reports tr.report-row').evaluateAll((trs) => trs.map((tr) => (tr as unknown as { dataset: Record<string, string> }).dataset.target));
    assert.deepEqual([...targets].sort(), [...ids].sort());
    assert.equal(await frame.locator('#reports tr.report-row[data-ok="true"]').count(), ids.length, 'every restored row passes');
    assert.match(await frame.locator('#summary').innerText(), new RegExp(`${ids.length}/${ids.length} built-ins pass`));
    const selectedAfter = await frame.evaluate(() => {
      const probe = (globalThis as unknown as WithProbe).__gradcheck;
      return probe ? probe.rows()[probe.selected()]?.target : undefined;
    });
    assert.equal(selectedAfter, 'relu', 'the selected row was not restored');
    // The plot is computed again by the host from the restored request.
    const lines = await waitForPlot(frame);
    assert.ok(lines.every((l) => l.points === 400), JSON.stringify(lines));
    await frame.waitForFunction(() => /relu/.test((globalThis as unknown as PageLike).document.getElementById('series-title')?.textContent ?? ''), undefined, { timeout: 15_000 });
  });

  test('"Open in Playground" opens the selected function in the playground', async function () {
    this.timeout(60_000);
    const frame = await resultsFrame(workbench());
    await frame.locator('#open-playground').click();
    const chart = await workbench().findInWebviews('#chart', 30_000);
    assert.ok(chart, 'the playground did not open');
  });
});
