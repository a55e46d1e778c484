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
//    measure how much of its chart is inked and when it was first painted (or click the playground's
//    export button and accept the save dialog), write the answer into the workspace where the suite reads
//    it with vscode.workspace.fs;
// 6. print each test, the measurements (DLFP_WEB_MEASURE lines; printed, never asserted) and
//    "N passed, N failed". Everything started is stopped, also on Ctrl+C.
import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSession, runAndExit } from './browser-session.mjs';
import { makeUserDataDir, repoRoot, run, workbenchUrl } from './code-server.mjs';
import { printIntegrationResult } from './test-report.mjs';
import { PAINT_PROBE, bundleSuite, copyPackagedFiles, exportFromPlayground, look, measureRestoredPanels } from './web-host.mjs';

const TIMEOUT_MS = Number(process.env.DLFP_WEB_TIMEOUT_MS ?? 600_000);
const resultsDir = join(repoRoot, 'test-results');

const session = browserSession({ keepTemp: Boolean(process.env.DLFP_WEB_KEEP) });

async function main() {
  if (process.env.DLFP_SKIP_BUILD === '1') console.log('DLFP_SKIP_BUILD=1: using dist/ as it is');
  else run(process.execPath, [join(repoRoot, 'scripts', 'build.mjs')], { cwd: repoRoot });
  session.prepare();

  const temp = mkdtempSync(join(tmpdir(), 'dlfp-web-'));
  session.temp = temp;
  const extension = join(temp, 'extension');
  const count = copyPackagedFiles(extension);
  const suite = join(extension, 'out', 'test', 'web', 'suite.js');
  await bundleSuite(suite);
  const workspace = join(temp, 'workspace');
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  console.log(`test:web: ${count} packaged files copied to ${extension} (package.json without "main"), suite bundled into out/test/web/suite.js`);

  mkdirSync(resultsDir, { recursive: true });
  const dirs = makeUserDataDir({}, temp);
  const logFile = join(resultsDir, 'web-code-server.log');
  const server = await session.startServer({ workspace, userDataDir: dirs.userDataDir, extensionsDir: dirs.extensionsDir, logFile });

  await session.launchBrowser();
  const { page } = await session.newPage();
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
        const answer = kind.startsWith('export-')
          ? await exportFromPlayground(page, kind.slice('export-'.length)).catch((error) => ({ done: false, error: error.message }))
          : await look(page, kind).catch((error) => ({ found: false, inked: 0, text: '', error: error.message }));
        if (performance.now() - t0 > 10_000) console.log(`test:web: looking at the ${kind} took ${((performance.now() - t0) / 1000).toFixed(1)} s`);
        mkdirSync(join(workspace, '.dlfp-web'), { recursive: true });
        writeFileSync(join(workspace, '.dlfp-web', `${id}.json`), JSON.stringify(answer));
      });
    } else if (/formulaPlayground|dl-formula|Extension Host|\[Extension Host\]/i.test(text)) hostLines.push(text);
  });

  const url = workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: extension, extensionTestsPath: suite });
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
  // The panels the last suite left open, restored after a window reload (the extension without the tests).
  if (outcome.code === 0 && process.env.DLFP_WEB_RELOAD !== '0') {
    measures.push(...(await measureRestoredPanels(page, workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: extension }))));
  }
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

await runAndExit('test:web', main, { cleanup: session.cleanup });
