/**
 * The webviews in the web worker host, as the user sees them: the playground and the gradient-check results
 * view open, load their bundles from the extension's dist/webview and paint their charts. The suite opens
 * them; the driver (which holds the page) looks inside the webview frames and answers (see driver.ts).
 */
import * as vscode from 'vscode';
import * as assert from './assert';
import { lookAt } from './driver';
import { EXTENSION_ID } from './environment.test';

suite('Webviews (web worker host)', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('Open Playground { id: "gelu" } opens the playground and paints its chart', async () => {
    const answer = await vscode.commands.executeCommand<{ error?: string } | undefined>('formulaPlayground.openPlayground', { id: 'gelu' });
    assert.ok(!answer || answer.error === undefined, JSON.stringify(answer));
    const look = await lookAt('playground');
    assert.ok(look.found, look.error ?? 'no playground frame');
    assert.ok(look.inked > 0.005, `the chart is blank (${(look.inked * 100).toFixed(2)}% inked)`);
    assert.match(look.text, /GELU|gelu/);
  });

  test('a custom formula with a parameter joins the playground: its slider and its line are there', async () => {
    const answer = await vscode.commands.executeCommand<{ error?: string } | undefined>('formulaPlayground.openPlayground', { formula: 'x * sigmoid(b * x)', params: { b: 1.5 } });
    assert.ok(!answer || answer.error === undefined, JSON.stringify(answer));
    const look = await lookAt('playground');
    assert.ok(look.inked > 0.005, `the chart is blank (${(look.inked * 100).toFixed(2)}% inked)`);
    assert.match(look.text, /sigmoid\(b \* x\)|sigmoid\(b\*x\)/);
    assert.match(look.text, /\bb\b/);
  });

  test('Gradient Check { id: "softplus" } opens the results view with its report and chart', async () => {
    const report = await vscode.commands.executeCommand<{ ok: boolean; target: string }>('formulaPlayground.gradientCheck', { id: 'softplus' });
    assert.equal(report.ok, true);
    const look = await lookAt('gradcheck');
    assert.ok(look.found, look.error ?? 'no results view frame');
    assert.ok(look.inked > 0.005, `the derivative chart is blank (${(look.inked * 100).toFixed(2)}% inked)`);
    assert.match(look.text, /softplus/);
  });
});

/** A blank webview opened the way ours are: one canvas, filled by one nonce'd script (the baseline). */
function openBlankWebview(): vscode.WebviewPanel {
  const panel = vscode.window.createWebviewPanel('dlfpBlank', 'Blank', vscode.ViewColumn.One, { enableScripts: true });
  const nonce = btoa(String.fromCharCode(...crypto.getRandomValues(new Uint8Array(16))));
  panel.webview.html = `<!DOCTYPE html><html><head><meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'nonce-${nonce}';">
</head><body><canvas id="blank" width="600" height="300"></canvas>
<script nonce="${nonce}">const c = document.getElementById('blank').getContext('2d'); c.fillStyle = '#3794ff'; c.fillRect(20, 20, 560, 260);</script>
</body></html>`;
  return panel;
}

const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

suite('Cold start (web worker host; printed, not asserted)', () => {
  suiteSetup(async () => {
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('command → first painted chart and document committed → first painted chart, against a blank webview', async function () {
    this.timeout(240_000);
    const opens: Record<string, () => Thenable<unknown>> = {
      blank: async () => openBlankWebview(),
      playground: () => vscode.commands.executeCommand('formulaPlayground.openPlayground', { id: 'gelu' }),
      gradcheck: () => vscode.commands.executeCommand('formulaPlayground.gradientCheck', { id: 'softplus' }),
    };
    const rows: Record<string, { command: number[]; page: number[] }> = {};
    for (let round = 0; round < 3; round++) {
      for (const [kind, open] of Object.entries(opens)) {
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
        await new Promise((resolve) => setTimeout(resolve, 300));
        const t0 = Date.now();
        await open();
        const look = await lookAt(kind as 'playground' | 'gradcheck' | 'blank', 60_000);
        const row = (rows[kind] ??= { command: [], page: [] });
        // A measurement, not a check (the suites above check that each view opens and paints): a sample
        // the driver could not see is reported and left out.
        if (!(look.inked > 0)) {
          console.log(`DLFP_WEB_MEASURE cold start ${kind}: round ${round + 1} not measured (${look.error ?? 'blank canvas'})`);
          continue;
        }
        if (look.firstPaintWall != null) row.command.push(look.firstPaintWall - t0);
        if (look.firstPaint != null && look.committedAt != null) row.page.push(look.firstPaint - look.committedAt);
      }
    }
    const blank = rows.blank;
    for (const [kind, row] of Object.entries(rows)) {
      if (row.command.length === 0) continue;
      const command = median(row.command);
      const page = median(row.page);
      const ratio = kind === 'blank' ? '' : ` (${(command / median(blank.command)).toFixed(2)}× blank; page +${(page - median(blank.page)).toFixed(0)} ms over blank)`;
      console.log(`DLFP_WEB_MEASURE cold start ${kind.padEnd(10)}: command → first painted chart ${command.toFixed(0)} ms, document committed → first painted chart ${page.toFixed(0)} ms (median of ${row.command.length})${ratio}`);
    }
  });
});
