/**
 * The preview computed in the webviews, in plain Node: the lines the preview bundle computes for the Formula
 * view and for the playground are the host's own (bit for bit, so a previewed frame and the host's next answer
 * agree), the `preview` message says whether the webview drew them itself, and the bundle holds the catalogue's
 * evaluation without the formula compiler, VS Code or Node (its size is printed, never asserted against a clock).
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { evaluateWithDerivative } from '../../src/core/api';
import { linesFor } from '../../src/features/formulaView/formulaViewLines';
import { parseWebviewMessage, VIEW_POINTS } from '../../src/features/formulaView/formulaViewMessages';
import { buildViewModel } from '../../src/features/formulaView/formulaViewModel';
import { siteAt } from '../../src/features/formulaView/siteAt';
import { catalogueSeriesLines } from '../../src/features/playground/catalogueLines';
import { evaluateSeries } from '../../src/features/playground/evaluateSeries';
import type { SeriesRequest } from '../../src/features/playground/playgroundMessages';
import { linspace } from '../../src/shared/grid';
import { isInvalid } from '../../src/shared/validate';

const repoRoot = join(__dirname, '..', '..', '..');

describe('Formula view: the preview computed in the webview', () => {
  it('gives f and f′ of Leaky ReLU at α = 0.25 exactly as the core does', () => {
    const lines = linesFor('leaky_relu', { alpha: 0.25 }, -5, 5, 'code');
    assert.deepEqual(lines.map((l) => `${l.with}:${l.role}`), ['code:f', 'code:df']);
    const both = evaluateWithDerivative('leaky_relu', linspace(-5, 5, VIEW_POINTS), { alpha: 0.25 });
    assert.deepEqual(Array.from(lines[0].values), Array.from(both.values));
    assert.deepEqual(Array.from(lines[1].values), Array.from(both.derivatives));
    assert.equal(lines[0].values[0], -1.25);
  });

  it("matches the host's view of a call bit for bit once the value is in the code", () => {
    const text = 'import torch.nn as nn\nloss = nn.HuberLoss(delta=3.0)\n';
    const ref = siteAt(text, text.indexOf('Huber') + 2, 'python', 'test:preview', 1);
    assert.ok(ref, 'nn.HuberLoss is not recognised');
    const view = buildViewModel({ ref, text, family: 'python', file: 'm.py', line: 1 }, {}, false, []);
    assert.ok(view);
    const host = view.lines.filter((l) => l.with === 'code');
    const preview = linesFor(view.id, { delta: 3 }, view.xMin, view.xMax, 'code');
    assert.ok(host.length >= 2 && host.some((l) => l.label !== undefined), `huber's lines: ${host.map((l) => `${l.role}@${l.label}`).join(', ')}`);
    assert.deepEqual(
      preview.map((l) => [l.role, l.label, Array.from(l.values)]),
      host.map((l) => [l.role, l.label, Array.from(l.values)]),
    );
  });

  it('draws nothing (rather than throwing) for a value outside the domain', () => {
    assert.deepEqual(linesFor('huber', { delta: -1 }, -3, 3, 'code'), []);
  });

  it('a preview message says whether the webview drew it; a bad flag is named', () => {
    const drawn = parseWebviewMessage({ type: 'preview', seq: 3, params: { alpha: 0.3 }, drawn: true });
    assert.ok(!isInvalid(drawn) && drawn.type === 'preview');
    assert.deepEqual({ ...drawn, params: { ...drawn.params } }, { type: 'preview', seq: 3, params: { alpha: 0.3 }, drawn: true });
    const asked = parseWebviewMessage({ type: 'preview', seq: 4, params: { alpha: 0.3 } });
    assert.ok(!isInvalid(asked) && asked.type === 'preview' && asked.drawn === undefined);
    const bad = parseWebviewMessage({ type: 'preview', seq: 5, params: {}, drawn: 'yes' });
    assert.ok(isInvalid(bad));
    assert.match(bad.error, /drawn/);
  });

  it("gives the playground's series exactly as the host answers `evaluate`: an activation, a loss per target, a softmax component", () => {
    const requests: SeriesRequest[] = [
      { source: { type: 'catalogue', id: 'elu' }, params: { alpha: 0.7 }, xMin: -6, xMax: 6, points: 801 },
      { source: { type: 'catalogue', id: 'focal' }, params: { alpha: -1, gamma: 3 }, labels: [0, 1], xMin: 0, xMax: 1, points: 401 },
      { source: { type: 'catalogue', id: 'softmax' }, params: {}, component: 1, others: [0.5, -2], xMin: -8, xMax: 8, points: 501 },
    ];
    for (const request of requests) {
      const host = evaluateSeries(request).lines;
      const page = catalogueSeriesLines(request);
      assert.ok(host.length >= 2, `${JSON.stringify(request.source)}: ${host.length} lines`);
      assert.deepEqual(
        page.map((l) => [l.role, l.label, Array.from(l.values)]),
        host.map((l) => [l.role, l.label, Array.from(l.values)]),
        JSON.stringify(request.source),
      );
    }
  });

  it('leaves a custom formula and a parameter out of range to the host (it throws; the page then asks)', () => {
    assert.throws(() => catalogueSeriesLines({ source: { type: 'formula', formula: 'x * x' }, params: {}, xMin: -1, xMax: 1, points: 11 }), /custom formula/);
    assert.throws(() => catalogueSeriesLines({ source: { type: 'catalogue', id: 'elu' }, params: { alpha: Number.NaN }, xMin: -1, xMax: 1, points: 11 }), /alpha/);
  });

  it('the preview bundle holds the catalogue evaluation, not the formula compiler, VS Code or Node', async function () {
    this.timeout(30_000);
    const result = await esbuild.build({
      entryPoints: [join(repoRoot, 'webview', 'shared', 'corePreview.ts')],
      bundle: true,
      minify: true,
      write: false,
      metafile: true,
      platform: 'browser',
      format: 'iife',
      target: 'chrome120',
      outdir: join(repoRoot, 'out', 'preview-check'),
      absWorkingDir: repoRoot,
    });
    // Files esbuild read but tree-shook away are listed with 0 bytes in the output: count only what is in it.
    const inputs = Object.values(result.metafile.outputs).flatMap((o) => Object.entries(o.inputs).filter(([, i]) => i.bytesInOutput > 0).map(([f]) => f));
    assert.ok(inputs.some((f) => f.startsWith('src/core/catalogue/')), 'no catalogue in the preview bundle');
    for (const banned of [/^src\/core\/formula\/(compile|parse|codegen)/, /^src\/features\/formulaView\/formulaViewProvider/, /(^|\/)vscode/, /^node:/]) {
      const hit = inputs.find((f) => banned.test(f));
      assert.equal(hit, undefined, `the preview bundle includes ${hit}`);
    }
    const bytes = result.outputFiles.reduce((n, f) => n + f.contents.length, 0);
    console.log(`      preview bundle: ${(bytes / 1000).toFixed(1)} KB minified (loaded after the first paint; the page's budget is 250 KB)`);
  });
});
