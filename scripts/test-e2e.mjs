// `npm run test:e2e`: what a user sees, driven by Playwright in Debian's Chromium against code-server.
// Builds and compiles, installs code-server on first use, then runs the mocha suites in test/e2e/ (compiled
// to out/test/e2e/) in this process; each suite starts its workbench through test/e2e/harness.ts.
// With DLFP_E2E_VSIX=1 (or --vsix) the extension is packaged and installed from the .vsix, so what ships
// is what is tested. Prints each test, then "N passed, N failed"; screenshots and logs go to test-results/.
import { mkdirSync, readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import Mocha from 'mocha';
import {
  BROWSER_PACKAGES,
  buildAndCompileTests,
  ensureSystemPackages,
  installCodeServer,
  onInterrupt,
  repoRoot,
  run,
} from './code-server.mjs';
import { runAndExit } from './browser-session.mjs';
import { closingLine } from './test-report.mjs';

const vsixMode = process.argv.includes('--vsix') || ['1', 'true'].includes(process.env.DLFP_E2E_VSIX ?? '');
const testsDir = join(repoRoot, 'out', 'test', 'e2e');

async function main() {
  console.log('test:e2e: building the extension and compiling the tests');
  buildAndCompileTests();
  const dest = installCodeServer();
  ensureSystemPackages(BROWSER_PACKAGES);
  process.env.DLFP_CODE_SERVER_DIR = dest;
  const resultsDir = join(repoRoot, 'test-results');
  mkdirSync(resultsDir, { recursive: true });
  // Failure screenshots and logs of an earlier run would be mistaken for this one's.
  for (const old of readdirSync(resultsDir).filter((f) => f.startsWith('failure-'))) rmSync(join(resultsDir, old));

  if (vsixMode) {
    const vsix = join(repoRoot, '.vscode-test', 'e2e', 'dl-formula-playground.vsix');
    mkdirSync(join(repoRoot, '.vscode-test', 'e2e'), { recursive: true });
    console.log('test:e2e: packaging the extension to test the .vsix (DLFP_E2E_VSIX)');
    run(process.execPath, [join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'package', '--no-dependencies', '--out', vsix], { cwd: repoRoot });
    process.env.DLFP_E2E_VSIX_FILE = vsix;
  }

  const harness = createRequire(import.meta.url)(join(testsDir, 'harness.js'));
  onInterrupt(() => harness.stopAllWorkbenches());

  // DLFP_GREP runs only the tests whose full title matches (one feature's suite while developing it).
  const mocha = new Mocha({ ui: 'tdd', timeout: 60_000, reporter: 'spec', color: process.stdout.isTTY, ...(process.env.DLFP_GREP ? { grep: process.env.DLFP_GREP } : {}) });
  const files = readdirSync(testsDir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.test.js')).sort();
  if (files.length === 0) throw new Error(`no *.test.js under ${testsDir}`);
  for (const file of files) mocha.addFile(join(testsDir, file));
  await mocha.loadFilesAsync();

  let passes = 0;
  let failures = 0;
  let pending = 0;
  await new Promise((resolve) => {
    const runner = mocha.run(resolve);
    runner.on('pass', () => passes++);
    runner.on('fail', () => failures++);
    runner.on('pending', () => pending++);
  });
  await harness.stopAllWorkbenches();
  console.log(closingLine(passes, failures, pending));
  if (failures > 0) console.log('test:e2e: screenshots and code-server logs of the failures are in test-results/');
  return failures === 0 && passes > 0;
}

await runAndExit('test:e2e', main);
