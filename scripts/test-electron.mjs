// `npm run test:electron`: the integration suite (test/integration/) in desktop VS Code downloaded by
// @vscode/test-electron, for machines that can download it. Machines that cannot (this project's CI) use
// `npm run test:integration`, the same suite in code-server. A failed download ends this quickly with a
// message saying so. VSCODE_VERSION picks the build (default: stable).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { downloadAndUnzipVSCode, runTests } from '@vscode/test-electron';
import { buildAndCompileTests, repoRoot } from './code-server.mjs';
import { runAndExit } from './browser-session.mjs';
import { printIntegrationResult } from './test-report.mjs';

const DOWNLOAD_TIMEOUT_MS = Number(process.env.DLFP_DOWNLOAD_TIMEOUT_MS ?? 300_000);

function withTimeout(promise, ms, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not finish within ${ms / 1000} s`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main() {
  console.log('test:electron: building the extension and compiling the tests');
  buildAndCompileTests();
  const version = process.env.VSCODE_VERSION ?? 'stable';
  console.log(`test:electron: downloading VS Code ${version} into .vscode-test/ (reused when already there)`);
  let vscodeExecutablePath;
  try {
    vscodeExecutablePath = await withTimeout(
      downloadAndUnzipVSCode({ version, cachePath: join(repoRoot, '.vscode-test') }),
      DOWNLOAD_TIMEOUT_MS,
      'the VS Code download',
    );
  } catch (error) {
    throw new Error(
      `could not download VS Code (${error.message}). test:electron needs to download VS Code from Microsoft; ` +
        'without that access run the same suite in code-server with "npm run test:integration".',
    );
  }
  if (process.platform === 'linux' && !process.env.DISPLAY) {
    console.log('test:electron: no DISPLAY; if VS Code fails to start, run under a virtual display: xvfb-run -a npm run test:electron');
  }

  const temp = mkdtempSync(join(tmpdir(), 'dlfp-electron-'));
  const resultFile = join(temp, 'integration-result.json');
  try {
    await runTests({
      vscodeExecutablePath,
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath: join(repoRoot, 'out', 'test', 'integration'),
      extensionTestsEnv: { DLFP_RESULT_FILE: resultFile },
      launchArgs: [join(repoRoot, 'examples'), '--disable-extensions', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    if (!existsSync(resultFile)) throw new Error(`VS Code ended without test results: ${error.message ?? error}`);
  }
  try {
    if (!existsSync(resultFile)) throw new Error('VS Code ended without writing test results');
    return printIntegrationResult(JSON.parse(readFileSync(resultFile, 'utf8')));
  } finally {
    rmSync(temp, { recursive: true, force: true });
  }
}

await runAndExit('test:electron', main);
