// `npm run test:integration`: the mocha suite in test/integration/ run inside a real VS Code extension host.
// VS Code here is code-server (installed on first use into .vscode-test/); headless Chromium opens its
// workbench with a payload that loads this repo as the extension under development and
// out/test/integration as the tests. The suite writes its results to DLFP_RESULT_FILE; this script waits
// for that file, prints each test and a closing "N passed, N failed", and always stops what it started.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { browserSession, runAndExit } from './browser-session.mjs';
import { buildAndCompileTests, makeUserDataDir, repoRoot, workbenchUrl } from './code-server.mjs';
import { printIntegrationResult } from './test-report.mjs';

// A whole-suite limit for when the extension host never reports; each test has mocha's own timeout.
const TIMEOUT_MS = Number(process.env.DLFP_INTEGRATION_TIMEOUT_MS ?? 600_000);
const resultsDir = join(repoRoot, 'test-results');
const testsPath = join(repoRoot, 'out', 'test', 'integration');
const workspace = join(repoRoot, 'examples');

const session = browserSession();

async function main() {
  console.log('test:integration: building the extension and compiling the tests');
  buildAndCompileTests();
  if (!existsSync(join(testsPath, 'index.js'))) throw new Error(`${testsPath}/index.js missing after compiling`);
  session.prepare();

  mkdirSync(resultsDir, { recursive: true });
  const dirs = makeUserDataDir();
  session.temp = dirs.root;
  const resultFile = join(dirs.root, 'integration-result.json');
  const logFile = join(resultsDir, 'integration-code-server.log');
  const server = await session.startServer({
    workspace,
    userDataDir: dirs.userDataDir,
    extensionsDir: dirs.extensionsDir,
    env: { DLFP_RESULT_FILE: resultFile },
    logFile,
  });
  console.log(`test:integration: code-server on 127.0.0.1:${server.port} (log: ${logFile})`);

  await session.launchBrowser();
  const { page, pageErrors } = await session.newPage();
  const url = workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: repoRoot, extensionTestsPath: testsPath });
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

await runAndExit('test:integration', main, { cleanup: session.cleanup });
