/**
 * Loads mocha's browser build into the web worker extension host and sets it up (TDD interface, no HTML
 * reporter: the worker has no DOM). Imported first by test/web/index.ts, so `suite`/`test` exist before the
 * test modules run.
 */
import 'mocha/mocha.js';

mocha.setup({ ui: 'tdd', timeout: 60_000, color: false });
