// `npm run test:web`: the web suite (test/web/) run inside code-server's Extension Host (Worker) — the
// extension host of vscode.dev, github.dev and Codespaces in a browser, which has no Node. The recipe is
// the verified one of /work/shared/notes/real-vscode.md:
//
// 1. build dist/ (scripts/build.mjs, which also builds dist/web/extension.js and fails on Node built-ins);
// 2. copy the files `vsce ls` would package into a temporary folder and drop `main` from that copy's
//    package.json: with both entries code-server runs the extension in the Node host;
// 3. bundle test/web/index.ts (mocha's browser build, the assertions, the tests) into ONE CommonJS file
//    inside that copy (out/test/web/suite.js): outside the extension's folder it would run in the Node host,
//    and the worker's `require` knows only 'vscode';
// 4. start code-server on loopback with a copy of examples/ as the workspace, open the workbench in
//    Chromium with `extensionDevelopmentPath` + `extensionTestsPath` in the payload, having exposed
//    `codeAutomationExit` (the workbench calls it with the outcome of run()) before `goto`;
// 5. answer the suite's probes (DLFP_WEB_PROBE lines on the worker's console): find the webview frame,
//    measure how much of its chart is inked and when it was first painted, write the answer into the
//    workspace where the suite reads it with vscode.workspace.fs;
// 6. print each test, the measurements (DLFP_WEB_MEASURE lines; printed, never asserted) and
//    "N passed, N failed". Everything started is stopped, also on Ctrl+C.
/* global document, window, requestAnimationFrame -- used inside functions evaluated in the webview frames */
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from 'playwright-core';
import {
  BROWSER_PACKAGES,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  ensureSystemPackages,
  freePort,
  installCodeServer,
  makeUserDataDir,
  onInterrupt,
  repoRoot,
  run,
  startCodeServer,
  workbenchUrl,
} from './code-server.mjs';
import { closingLine, printIntegrationResult } from './test-report.mjs';

const TIMEOUT_MS = Number(process.env.DLFP_WEB_TIMEOUT_MS ?? 600_000);
const resultsDir = join(repoRoot, 'test-results');

/** Runs in every frame before its scripts: records when a canvas is first drawn and then painted. */
const PAINT_PROBE = `(() => {
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

let server;
let browser;
let temp;
async function cleanup() {
  await browser?.close().catch(() => {});
  browser = undefined;
  await server?.stop();
  server = undefined;
  if (temp && !process.env.DLFP_WEB_KEEP) rmSync(temp, { recursive: true, force: true });
  temp = undefined;
}
onInterrupt(cleanup);

/** The files `vsce ls` would put in the .vsix, copied to `dest`, with `main` dropped from package.json. */
function copyPackagedFiles(dest) {
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
async function bundleSuite(outfile) {
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
async function look(page, kind) {
  const selector = CANVAS[kind];
  const deadline = Date.now() + 30_000;
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

async function main() {
  if (process.env.DLFP_SKIP_BUILD === '1') console.log('DLFP_SKIP_BUILD=1: using dist/ as it is');
  else run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot });
  installCodeServer();
  ensureSystemPackages(BROWSER_PACKAGES);

  temp = mkdtempSync(join(tmpdir(), 'dlfp-web-'));
  const extension = join(temp, 'extension');
  const count = copyPackagedFiles(extension);
  const suite = join(extension, 'out', 'test', 'web', 'suite.js');
  await bundleSuite(suite);
  const workspace = join(temp, 'workspace');
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  console.log(`test:web: ${count} packaged files copied to ${extension} (package.json without "main"), suite bundled into out/test/web/suite.js`);

  mkdirSync(resultsDir, { recursive: true });
  const dirs = makeUserDataDir({}, temp);
  const port = await freePort();
  const logFile = join(resultsDir, 'web-code-server.log');
  server = await startCodeServer({ port, workspace, userDataDir: dirs.userDataDir, extensionsDir: dirs.extensionsDir, logFile });

  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.addInitScript(PAINT_PROBE);
  let exit;
  const exited = new Promise((resolve) => (exit = resolve));
  await page.exposeFunction('codeAutomationExit', (code, logs) => {
    exit({ code, logs });
  });

  let result;
  const tests = [];
  const measures = [];
  const hostLines = [];
  let probes = Promise.resolve();
  page.on('console', (message) => {
    const text = message.text();
    // The workbench forwards worker logs with a style prefix ("%c INFO color: #33f DLFP_WEB_TEST {…}").
    const tagged = /(DLFP_WEB_[A-Z]+) ([\s\S]*)$/.exec(text);
    const [, tag, body] = tagged ?? [];
    if (tag === 'DLFP_WEB_TEST') {
      const t = JSON.parse(body);
      tests.push(t);
      console.log(`  ${t.state === 'passed' ? '✓' : t.state === 'failed' ? '✗' : '-'} ${t.fullTitle}`);
    } else if (tag === 'DLFP_WEB_RESULT') result = JSON.parse(body);
    else if (tag === 'DLFP_WEB_MEASURE') measures.push(body);
    else if (tag === 'DLFP_WEB_PROBE') {
      const { id, kind } = JSON.parse(body);
      probes = probes.then(async () => {
        const t0 = performance.now();
        const answer = await look(page, kind).catch((error) => ({ found: false, inked: 0, text: '', error: error.message }));
        if (performance.now() - t0 > 10_000) console.log(`test:web: looking at the ${kind} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        mkdirSync(join(workspace, '.dlfp-web'), { recursive: true });
        writeFileSync(join(workspace, '.dlfp-web', `${id}.json`), JSON.stringify(answer));
      });
    } else if (/formulaPlayground|dl-formula|Extension Host|\[Extension Host\]/i.test(text)) hostLines.push(text);
  });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));

  const url = workbenchUrl({ port, folder: workspace, extensionDevelopmentPath: extension, extensionTestsPath: suite });
  const started = performance.now();
  await page.goto(url);
  console.log('test:web: workbench opened; the suite runs in the Extension Host (Worker)');
  const timeout = new Promise((resolve) => setTimeout(() => resolve(undefined), TIMEOUT_MS));
  const outcome = await Promise.race([exited, timeout]);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  if (!outcome) {
    await page.screenshot({ path: join(resultsDir, 'web-timeout.png') }).catch(() => {});
    throw new Error(`no codeAutomationExit within ${TIMEOUT_MS / 1000} s; see ${logFile} and test-results/web-timeout.png\n${hostLines.slice(-20).join('\n')}`);
  }
  console.log(`test:web: run() settled with exit code ${outcome.code} ${seconds} s after opening the workbench`);
  if (measures.length > 0) {
    console.log('test:web: measured in the worker host (printed, not asserted):');
    for (const line of measures) console.log(`  ${line}`);
  }
  if (!result) {
    console.log(hostLines.slice(-30).join('\n'));
    result = { passes: 0, failures: 1, pending: 0, tests, error: `the suite reported no result (exit code ${outcome.code}); see ${logFile}` };
  }
  console.log('test:web: results');
  const ok = printIntegrationResult(result) && outcome.code === 0;
  return ok;
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(`test:web failed: ${error.message}`);
  console.log(closingLine(0, 1));
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
