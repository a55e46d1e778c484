// What scripts/test-web.mjs and scripts/web-screenshots.mjs share to run the extension in code-server's
// Extension Host (Worker), per the verified recipe of /work/shared/notes/real-vscode.md: a copy of the
// packaged files without `main` (with both entries code-server picks the Node host), the web suite bundled
// into that copy, and a look inside the webview frames (how much of a chart is inked, when it was painted).
/* global document, window, requestAnimationFrame -- used inside functions evaluated in the webview frames */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { repoRoot } from './code-server.mjs';

/** Runs in every frame before its scripts: records when a canvas is first drawn and then painted. */
export const PAINT_PROBE = `(() => {
  if (window.__dlfpPaint || typeof CanvasRenderingContext2D === 'undefined') return;
  const state = (window.__dlfpPaint = { firstDraw: null, firstPaint: null, firstPaintWall: null });
  const proto = CanvasRenderingContext2D.prototype;
  for (const name of ['stroke', 'fill', 'fillRect', 'drawImage', 'putImageData', 'fillText']) {
    const original = proto[name];
    proto[name] = function (...args) {
      if (state.firstDraw === null && this.canvas && this.canvas.width > 0 && this.canvas.height > 0) {
        state.firstDraw = performance.now();
        requestAnimationFrame(() => {
          state.firstPaint = performance.now();
          state.firstPaintWall = performance.timeOrigin + state.firstPaint;
        });
      }
      return original.apply(this, args);
    };
  }
})();`;

/** The chart canvas each probe kind looks for. */
const CANVAS = { playground: '#chart', gradcheck: '#derivative-chart', blank: '#blank' };

/** The files `vsce ls` would put in the .vsix, copied to `dest`, with `main` dropped from package.json. */
export function copyPackagedFiles(dest) {
  const vsce = join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce');
  const listed = spawnSync(process.execPath, [vsce, 'ls', '--no-dependencies'], { cwd: repoRoot, encoding: 'utf8' });
  if (listed.status !== 0) throw new Error(`vsce ls failed:\n${listed.stdout}${listed.stderr}`);
  const files = listed.stdout.split('\n').map((line) => line.trim()).filter(Boolean);
  if (!files.includes('dist/web/extension.js')) throw new Error(`vsce ls does not list dist/web/extension.js (listed: ${files.join(', ')})`);
  for (const file of files) {
    mkdirSync(dirname(join(dest, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(dest, file));
  }
  const manifest = JSON.parse(readFileSync(join(dest, 'package.json'), 'utf8'));
  delete manifest.main;
  writeFileSync(join(dest, 'package.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return files.length;
}

/** test/web/index.ts and everything it imports as one CommonJS file for the worker (only 'vscode' external). */
export async function bundleSuite(outfile) {
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: ['test/web/index.ts'],
    outfile,
    bundle: true,
    platform: 'browser',
    format: 'cjs',
    target: 'es2022',
    external: ['vscode'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
}

function withTimeout(ms, promise) {
  let timer;
  return Promise.race([promise, new Promise((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms)))]).finally(() => clearTimeout(timer));
}

/** What a webview shows: its chart's inked share, its text, and when it was first painted. */
export async function look(page, kind) {
  const selector = CANVAS[kind];
  const deadline = Date.now() + 50_000;
  let lastError = 'no frame';
  let blank;
  while (Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (frame.isDetached() || (await frame.locator(selector).count()) === 0) continue;
        // A frame being torn down (a closed panel) can leave evaluate pending: give each look 8 s.
        const answer = await withTimeout(8000, frame.evaluate(async (sel) => {
          const canvas = document.querySelector(sel);
          const paint = window.__dlfpPaint ?? {};
          // Wait for the first paint of this document (the chart may still be drawing).
          for (let i = 0; i < 100 && paint.firstPaint == null; i++) await new Promise((r) => setTimeout(r, 50));
          await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 150)));
          const { data } = canvas.getContext('2d').getImageData(0, 0, canvas.width, canvas.height);
          let inked = 0;
          for (let i = 0; i < data.length; i += 4) {
            if (data[i] !== data[0] || data[i + 1] !== data[1] || data[i + 2] !== data[2] || data[i + 3] !== data[3]) inked++;
          }
          const nav = performance.getEntriesByType('navigation')[0];
          return {
            found: true,
            inked: inked / Math.max(1, canvas.width * canvas.height),
            text: (document.body.innerText || '').slice(0, 2000),
            committedAt: nav ? nav.responseEnd : null,
            firstPaint: paint.firstPaint ?? null,
            firstPaintWall: paint.firstPaintWall ?? null,
          };
        }, selector));
        if (answer.inked > 0) return answer;
        lastError = `the ${kind} chart is blank so far`;
        blank = answer;
      } catch (error) {
        lastError = error.message.split('\n')[0];
      }
    }
    await new Promise((r) => setTimeout(r, 300));
  }
  return blank ?? { found: false, inked: 0, text: '', error: `${kind}: ${lastError}` };
}


/**
 * Exports from the playground as a user does: clicks its Export CSV / Export PNG button, and in VS Code's
 * save dialog (the workbench's own path picker in the browser) accepts the proposed path with Enter,
 * replacing an earlier file if asked. Answers what it did; the suite reads the file back.
 */
export async function exportFromPlayground(page, which) {
  const selector = which === 'png' ? '#export-png' : '#export-csv';
  const deadline = Date.now() + 30_000;
  let clicked = false;
  while (!clicked && Date.now() < deadline) {
    for (const frame of page.frames()) {
      try {
        if (frame.isDetached() || (await frame.locator(selector).count()) === 0) continue;
        await frame.locator(selector).click({ timeout: 5000 });
        clicked = true;
        break;
      } catch {
        // a frame going away; look again
      }
    }
    if (!clicked) await new Promise((r) => setTimeout(r, 300));
  }
  if (!clicked) return { done: false, error: `no playground frame with ${selector}` };
  const input = page.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible', timeout: 15_000 });
  // The dialog fills in the proposed path once it has listed the folder: wait for the file name.
  const name = `playground.${which}`;
  let path = await input.inputValue();
  for (let i = 0; i < 50 && !path.endsWith(name); i++) {
    await new Promise((r) => setTimeout(r, 100));
    path = await input.inputValue();
  }
  if (!path.endsWith(name)) return { done: false, error: `the save dialog proposed ${JSON.stringify(path)}, not …/${name}` };
  await page.keyboard.press('Enter');
  // "…already exists. Do you want to replace it?" when an earlier run left the file.
  const replace = page.locator('.monaco-dialog-box .monaco-button', { hasText: /Replace/ });
  await replace.first().click({ timeout: 2000 }).catch(() => undefined);
  return { done: true, path };
}

/**
 * Cold start after a window reload: the suite leaves the playground and the results view open (the last
 * suite, test/web/restore.test.ts); the driver reloads the workbench with the extension but without the
 * tests (`url`), the panels come back through their serializers, and each restored chart's first paint is
 * timed from the reload and from its page's document. Returns one printable line per view.
 */
export async function measureRestoredPanels(page, url) {
  const t0 = Date.now();
  await page.goto(url);
  const lines = [];
  for (const kind of ['playground', 'gradcheck']) {
    const answer = await look(page, kind).catch((error) => ({ inked: 0, error: error.message }));
    if (!(answer.inked > 0) || answer.firstPaintWall == null) {
      lines.push(`restored ${kind}: not measured (${answer.error ?? 'blank canvas'})`);
      continue;
    }
    const page_ = answer.firstPaint != null && answer.committedAt != null ? `${(answer.firstPaint - answer.committedAt).toFixed(0)} ms` : '?';
    lines.push(`restored ${kind.padEnd(10)}: window reload → first painted chart ${(answer.firstPaintWall - t0).toFixed(0)} ms, document committed → first painted chart ${page_}`);
  }
  return lines;
}
