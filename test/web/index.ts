/**
 * The web suite's entry point. scripts/test-web.mjs bundles this file (with mocha's browser build and every
 * test module below) into ONE CommonJS file inside a copy of the packaged extension whose package.json has
 * no `main`, so code-server runs the extension — and this file — in the Extension Host (Worker), the host
 * of vscode.dev / github.dev. There `require` knows only 'vscode'; `run()` returns a promise, and the
 * workbench reports its outcome to the page through `codeAutomationExit`.
 *
 * Each test's outcome is logged as `DLFP_WEB_TEST {json}` and the whole result as `DLFP_WEB_RESULT {json}`
 * (the IntegrationResult shape of test/integration/index.ts); worker console.log reaches the driver's page.
 */
import './setup';
import './environment.test';
import './hover.test';
import './commands.test';
import './views.test';
import './panels.test';
import './export.test';
import './restore.test';

interface Outcome {
  title: string;
  fullTitle: string;
  state: 'passed' | 'failed' | 'pending';
  durationMs: number;
  error?: string;
}

export function run(): Promise<void> {
  const started = Date.now();
  const tests: Outcome[] = [];
  const record = (outcome: Outcome): void => {
    tests.push(outcome);
    console.log(`DLFP_WEB_TEST ${JSON.stringify(outcome)}`);
  };
  return new Promise<void>((resolve, reject) => {
    try {
      // No HTML reporter in a worker: a reporter of our own that only listens.
      mocha.reporter(function (this: unknown, runner: Mocha.Runner) {
        const of = (t: Mocha.Test | Mocha.Hook, state: Outcome['state'], error?: unknown): Outcome => ({
          title: t.title,
          fullTitle: t.fullTitle(),
          state,
          durationMs: t.duration ?? 0,
          ...(error === undefined ? {} : { error: error instanceof Error ? (error.stack ?? error.message) : String(error) }),
        });
        runner.on('pass', (t) => record(of(t, 'passed')));
        runner.on('fail', (t, error) => record(of(t, 'failed', error)));
        runner.on('pending', (t) => record(of(t, 'pending')));
      } as unknown as Mocha.ReporterConstructor);
      mocha.run((failures) => {
        const passes = tests.filter((t) => t.state === 'passed').length;
        const pending = tests.filter((t) => t.state === 'pending').length;
        console.log(`DLFP_WEB_RESULT ${JSON.stringify({ passes, failures, pending, durationMs: Date.now() - started, tests })}`);
        if (failures > 0) reject(new Error(`${failures} web test${failures === 1 ? '' : 's'} failed`));
        else resolve();
      });
    } catch (error) {
      const message = error instanceof Error ? (error.stack ?? error.message) : String(error);
      console.log(`DLFP_WEB_RESULT ${JSON.stringify({ passes: 0, failures: 1, pending: 0, durationMs: Date.now() - started, tests, error: message })}`);
      reject(error instanceof Error ? error : new Error(message));
    }
  });
}
