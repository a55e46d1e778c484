// `npm run test:integration`: the mocha suite in test/integration/ run inside a real VS Code extension host.
// VS Code here is code-server (installed on first use into .vscode-test/); headless Chromium opens its
// workbench with a payload that loads this repo as the extension under development and
// out/test/integration as the tests. The suite writes its results to DLFP_RESULT_FILE; this script waits
// for that file, prints each test and a closing "N passed, N failed", and always stops what it started.
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium } from 'playwright-core';
import {
  BROWSER_PACKAGES,
  CHROMIUM_ARGS,
  CHROMIUM_PATH,
  buildAndCompileTests,
  ensureSystemPackages,
  freePort,
  installCodeServer,
  makeUserDataDir,
  onInterrupt,
  repoRoot,
  startCodeServer,
  workbenchUrl,
} from './code-server.mjs';
import { closingLine, printIntegrationResult } from './test-report.mjs';

// A whole-suite limit for when the extension host never reports; each test has mocha's own timeout.
const TIMEOUT_MS = Number(process.env.DLFP_INTEGRATION_TIMEOUT_MS ?? 600_000);
const resultsDir = join(repoRoot, 'test-results');
const testsPath = join(repoRoot, 'out', 'test', 'integration');
const workspace = join(repoRoot, 'examples');

let server;
let browser;
let temp;
async function cleanup() {
  await browser?.close().catch(() => {});
  browser = undefined;
  await server?.stop();
  server = undefined;
  if (temp) rmSync(temp.root, { recursive: true, force: true });
  temp = undefined;
}
onInterrupt(cleanup);

async function main() {
  console.log('test:integration: building the extension and compiling the tests');
  buildAndCompileTests();
  if (!existsSync(join(testsPath, 'index.js'))) throw new Error(`${testsPath}/index.js missing after compiling`);
  installCodeServer();
  ensureSystemPackages(BROWSER_PACKAGES);

  mkdirSync(resultsDir, { recursive: true });
  temp = makeUserDataDir();
  const resultFile = join(temp.root, 'integration-result.json');
  const port = await freePort();
  const logFile = join(resultsDir, 'integration-code-server.log');
  console.log(`test:integration: starting code-server on 127.0.0.1:${port} (log: ${logFile})`);
  server = await startCodeServer({
    port,
    workspace,
    userDataDir: temp.userDataDir,
    extensionsDir: temp.extensionsDir,
    env: { DLFP_RESULT_FILE: resultFile },
    logFile,
  });

  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const pageErrors = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const url = workbenchUrl({ port, folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath });
  const started = performance.now();
  await page.goto(url);
  console.log('test:integration: workbench opened, waiting for the suite inside the extension host');

  const deadline = Date.now() + TIMEOUT_MS;
  let hostExitedAt;
  while (!existsSync(resultFile)) {
    // The extension host exits after run() settles; without a result file by then, none will come.
    if (hostExitedAt === undefined && /Extension Host Process exited/.test(server.output)) hostExitedAt = Date.now();
    if (hostExitedAt !== undefined && Date.now() - hostExitedAt > 3000) {
      throw new Error(`the extension host exited without writing results; see ${logFile}`);
    }
    if (Date.now() > deadline) {
      await page.screenshot({ path: join(resultsDir, 'integration-timeout.png') }).catch(() => {});
      writeFileSync(join(resultsDir, 'integration-page-errors.txt'), pageErrors.join('\n'));
      throw new Error(
        `no result from the extension host within ${TIMEOUT_MS / 1000} s; see ${logFile} and test-results/integration-timeout.png`,
      );
    }
    await sleep(250);
  }
  await sleep(100); // the file is written in one call; let it land before reading
  const result = JSON.parse(readFileSync(resultFile, 'utf8'));
  console.log(`test:integration: suite finished ${((performance.now() - started) / 1000).toFixed(1)} s after opening the workbench`);
  return printIntegrationResult(result);
}

let ok = false;
try {
  ok = await main();
} catch (error) {
  console.error(`test:integration failed: ${error.message}`);
  console.log(closingLine(0, 1));
} finally {
  await cleanup();
}
process.exit(ok ? 0 : 1);
