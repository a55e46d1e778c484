/**
 * The integration suite's entry point: the extension host loads this file (`extensionTestsPath`) and calls
 * `run()`, both under code-server (`npm run test:integration`) and under @vscode/test-electron
 * (`npm run test:electron`). It runs every `*.test.js` compiled next to it (any depth) with mocha's TDD
 * interface (`suite`/`test`), so adding a test is adding a `test/integration/*.test.ts` file.
 *
 * Nothing reports results from the extension host back to a browser, so the outcome is also written as
 * JSON to the file named by DLFP_RESULT_FILE when it is set; the driver waits for that file.
 */
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Mocha from 'mocha';

/** One test's outcome as written to the result file. */
export interface IntegrationTestResult {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

/** The result file's shape; scripts/test-integration.mjs reads it. */
export interface IntegrationResult {
  passes: number;
  failures: number;
  pending: number;
  durationMs: number;
  tests: IntegrationTestResult[];
  /** Set when the suite could not run at all (no tests found, a file failed to load). */
  error?: string;
}

export async function run(): Promise<void> {
  const started = Date.now();
  const tests: IntegrationTestResult[] = [];
  const resultFile = process.env.DLFP_RESULT_FILE;
  const write = (result: IntegrationResult): void => {
    if (resultFile) writeFileSync(resultFile, `${JSON.stringify(result, null, 2)}\n`);
  };

  try {
    // DLFP_GREP runs only the tests whose full title matches (one feature's suite while developing it).
    const mocha = new Mocha({ ui: 'tdd', color: false, timeout: 60_000, reporter: 'spec', ...(process.env.DLFP_GREP ? { grep: process.env.DLFP_GREP } : {}) });
    const files = findTestFiles(__dirname);
    if (files.length === 0) throw new Error(`no *.test.js files under ${__dirname}: run "npm run compile-tests" first`);
    for (const file of files) mocha.addFile(file);
    await mocha.loadFilesAsync();

    const failures = await new Promise<number>((resolve) => {
      const runner = mocha.run(resolve);
      runner.on('pass', (t) => tests.push(outcome(t, 'passed')));
      runner.on('fail', (t, error) => tests.push(outcome(t, 'failed', error)));
      runner.on('pending', (t) => tests.push(outcome(t, 'pending')));
    });
    const passes = tests.filter((t) => t.state === 'passed').length;
    const pending = tests.filter((t) => t.state === 'pending').length;
    write({ passes, failures, pending, durationMs: Date.now() - started, tests });
    if (failures > 0) throw new Error(`${failures} integration test${failures === 1 ? '' : 's'} failed`);
  } catch (error) {
    const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
    if (!tests.some((t) => t.state === 'failed')) {
      write({ passes: 0, failures: 1, pending: 0, durationMs: Date.now() - started, tests, error: message });
    }
    throw error;
  }
}

function findTestFiles(root: string): string[] {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.test.js'))
    .sort()
    .map((name) => join(root, name));
}

function outcome(test: Mocha.Test | Mocha.Hook, state: IntegrationTestResult['state'], error?: unknown): IntegrationTestResult {
  const result: IntegrationTestResult = { title: test.title, fullTitle: test.fullTitle(), state, durationMs: test.duration ?? 0 };
  if (error !== undefined) result.error = error instanceof Error ? (error.stack ?? error.message) : String(error);
  return result;
}
