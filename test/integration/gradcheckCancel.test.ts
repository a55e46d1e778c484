/**
 * A long gradient check does not block the extension host: a 1e6-point check of a long formula (seconds of
 * work) runs in slices, the hover is answered while it runs, and cancelling it stops it within 200 ms (the
 * issue's bound) wherever the cancel lands: while the formula compiles, while the grid is evaluated, during
 * the passes over the whole grid that look for kinks (26 %) and jumps (28 %), and while points are compared.
 *
 * Each cancel is planned for a moment and the stop is measured from that moment, not from when the host got
 * round to running the cancel: a user's click waits for the slice in progress just like this timer does. The
 * cancel moments sweep the check in 100 ms steps until one lands among the compared points; where the sweep
 * missed the kink and jump passes, moments between are tried. The figures are printed in the test's title.
 *
 * Not asserted, printed: cancels while the longest kind of formula (2,000 characters) compiles. A compile is
 * one step (55–130 ms of CPU on an idle machine for that formula, ~20 ms for the 534-character one here); the
 * command compiles once to check the argument and the core once more, each in a task of its own.
 */
import * as assert from 'node:assert/strict';
import { cpus, loadavg } from 'node:os';
import * as vscode from 'vscode';

const CHECK = 'formulaPlayground.gradientCheck';
const EXTENSION_ID = 'dl-formula-playground.dl-formula-playground';
const BOUND_MS = 200;

const term = 'x * sigmoid(x) + tanh(x) * softplus(x) + exp(-x^2) * log(1 + x^2) + sqrt(1 + x^2) * tanh(x/3)';
/** 534 characters: a long formula whose 1e6-point check takes seconds. */
const LONG = [`${term}`, `(${term}) * cos(x)`, `(${term}) / (2 + sin(x))`, `(${term}) * sigmoid(x)`, `(${term}) / (1 + x^2)`].join(' + ');
/** The longest kind of formula (1,994 characters, the limit is 2,000): its compile is the longest single step. */
const LONGEST = Array.from({ length: 285 }, () => 'sin(x)').join('*');

interface Cancelled {
  readonly formula: string;
  readonly plannedMs: number;
  /** How late the host ran the cancel, and when the command settled, both after the planned moment. */
  readonly lateMs: number;
  readonly stopMs: number;
  readonly progress: number;
}

/** Where a check stood, by its progress (core/gradcheck/scan.ts). */
function phase(progress: number): string {
  if (progress === 0) return 'start (compile)';
  if (progress < 0.25) return 'grid';
  if (progress === 0.26) return 'kink passes';
  if (progress === 0.28) return 'jump passes';
  return 'compare';
}

suite('Gradient check in slices', () => {
  test('a cancelled 1e6-point check stops within 200 ms wherever the cancel lands, and hovers are answered while it runs', async function () {
    this.timeout(300_000);
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    const document = await vscode.workspace.openTextDocument({ content: 'import torch.nn as nn\nact = nn.LeakyReLU(0.2)\n', language: 'python' });
    const at = new vscode.Position(1, document.lineAt(1).text.indexOf('LeakyReLU') + 3);

    const hoverText = async (): Promise<string> => {
      const hovers = (await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', document.uri, at)) ?? [];
      return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    };
    // A first hover before the check: what it loads once (formula images, the document model) is not the check's
    // doing. The provider registers on activation, so the first answers may come before it.
    let warm = '';
    for (let tries = 0; tries < 40 && !/leaky_relu|Leaky ReLU/i.test(warm); tries++) {
      warm = await hoverText();
      if (!/leaky_relu|Leaky ReLU/i.test(warm)) await new Promise((resolve) => setTimeout(resolve, 250));
    }
    assert.match(warm, /leaky_relu|Leaky ReLU/i, 'no hover before the check');

    // The same hover with no check running, for comparison.
    const idleHoverMs: number[] = [];
    for (let k = 0; k < 3; k++) {
      const asked = performance.now();
      await hoverText();
      idleHoverMs.push(performance.now() - asked);
    }
    const hoverMs: number[] = [];
    /** Starts a 1e6-point check of `formula`, cancels it `plannedMs` later (hovering meanwhile when asked). */
    const cancelAfter = async (formula: string, plannedMs: number, hover = false): Promise<Cancelled> => {
      const source = new vscode.CancellationTokenSource();
      const started = performance.now();
      const pending = Promise.resolve(vscode.commands.executeCommand<unknown>(CHECK, { formula, points: 1_000_000, token: source.token }));
      let settledAt = NaN;
      void pending.then(() => (settledAt = performance.now()));
      let cancelledAt = NaN;
      const timer = new Promise<void>((resolve) =>
        setTimeout(() => {
          cancelledAt = performance.now();
          source.cancel();
          resolve();
        }, plannedMs),
      );
      if (hover) {
        while (performance.now() - started < plannedMs - 400 && Number.isNaN(settledAt)) {
          const asked = performance.now();
          const text = await hoverText();
          hoverMs.push(performance.now() - asked);
          assert.match(text, /leaky_relu|Leaky ReLU/i, 'the hover answered while the check ran');
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      await timer;
      const result = (await pending) as { cancelled?: boolean; progress?: number };
      source.dispose();
      const planned = started + plannedMs;
      assert.equal(result?.cancelled, true, `the check ended without being cancelled ${plannedMs} ms in: ${JSON.stringify(result).slice(0, 200)}`);
      return { formula, plannedMs, lateMs: cancelledAt - planned, stopMs: settledAt - planned, progress: result.progress ?? NaN };
    };

    // The longest compile: cancels planned as the command starts and while the core compiles (printed only).
    const compiles: Cancelled[] = [];
    for (const plannedMs of [0, 40, 80]) compiles.push(await cancelAfter(LONGEST, plannedMs));
    // Hovers while a check runs, then its cancel.
    const runs: Cancelled[] = [await cancelAfter(LONG, 3000, true)];
    // The long formula, every 100 ms until a cancel lands among the compared points.
    let lastBefore = 0;
    for (let plannedMs = 0; plannedMs <= 8000; plannedMs += 100) {
      const run = await cancelAfter(LONG, plannedMs);
      runs.push(run);
      if (run.progress < 0.26) lastBefore = plannedMs;
      if (run.progress >= 0.3) break;
    }
    // The passes over the grid are a few hundred ms: moments between the last grid cancel and the first compare one.
    const inPasses = () => runs.filter((r) => r.formula === LONG && (r.progress === 0.26 || r.progress === 0.28)).length;
    for (let plannedMs = lastBefore + 20; inPasses() < 3 && plannedMs < lastBefore + 200; plannedMs += 20) {
      runs.push(await cancelAfter(LONG, plannedMs));
    }
    const show = (list: Cancelled[]) => list
      .map((r) => `${r.formula === LONGEST ? 'longest ' : ''}${r.plannedMs} ms → ${phase(r.progress)} ${(100 * r.progress).toFixed(1)} %: stop ${r.stopMs.toFixed(0)} ms (cancel ran ${r.lateMs.toFixed(0)} ms late)`)
      .join('; ');
    const shown = show(runs);
    const worst = Math.max(...runs.map((r) => r.stopMs));
    const hoversShown = `${hoverMs.map((ms) => ms.toFixed(0)).join(', ')} (without a check: ${idleHoverMs.map((ms) => ms.toFixed(0)).join(', ')})`;
    console.log(`gradcheck cancel: ${shown}`);
    console.log(`gradcheck cancel while the longest formula compiles (not asserted): ${show(compiles)}`);
    // The machine's load is printed with the times: on a shared machine a slice waits for a core too.
    const load = `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`;
    console.log(`gradcheck cancel: worst stop ${worst.toFixed(0)} ms over ${runs.length} cancels; hovers during the check ${hoversShown} ms; ${load}`);
    this.test!.title += ` [measured: worst stop ${worst.toFixed(0)} ms over ${runs.length} cancels (${inPasses()} in the kink/jump passes); hovers during the check ${hoversShown} ms; ${load}; longest formula's compile: stops ${compiles.map((r) => r.stopMs.toFixed(0)).join(', ')} ms, not asserted]`;

    assert.ok(hoverMs.length > 0, 'no hover was asked while a check ran');
    assert.ok(inPasses() > 0, `no cancel landed in the passes over the grid: ${shown}`);
    assert.ok(runs.some((r) => r.progress >= 0.3), `no cancel landed among the compared points: ${shown}`);
    for (const r of runs) assert.ok(r.stopMs <= BOUND_MS, `stopped ${r.stopMs.toFixed(0)} ms after a cancel planned ${r.plannedMs} ms in (${phase(r.progress)}; ${load}): ${shown}`);
  });
});
