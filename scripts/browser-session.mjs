// One browser-and-code-server session for the scripts that open a workbench in Chromium (test:integration,
// test:web, web-screenshots): code-server installed and Chromium's system packages present, Chromium
// launched with the harness's flags, code-server started on a free port, and one cleanup that closes the
// browser, stops code-server and removes the temporary folder, also on Ctrl+C. And the one way a harness
// script ends: "N passed, N failed" on failure, the exit code from main()'s outcome.
import { rmSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { BROWSER_PACKAGES, CHROMIUM_ARGS, CHROMIUM_PATH, ensureSystemPackages, freePort, installCodeServer, onInterrupt, startCodeServer } from './code-server.mjs';
import { closingLine } from './test-report.mjs';

/**
 * A session: `prepare()` installs what it needs, `launchBrowser()` and `startServer(options)` start the two
 * (each remembered for cleanup), `temp` is the folder cleanup removes (unless `keepTemp`).
 */
export function browserSession({ keepTemp = false } = {}) {
  const session = {
    server: undefined,
    browser: undefined,
    /** A folder of this run's own (user data, copies of the workspace), removed by cleanup(). */
    temp: undefined,
    prepare() {
      const dest = installCodeServer();
      ensureSystemPackages(BROWSER_PACKAGES);
      return dest;
    },
    async launchBrowser(options = {}) {
      session.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false, ...options });
      return session.browser;
    },
    /** A page of the session's browser that keeps the errors thrown in it (`pageErrors`, for a timeout's report). */
    async newPage(viewport = { width: 1280, height: 800 }) {
      const page = await session.browser.newPage({ viewport });
      const pageErrors = [];
      page.on('pageerror', (error) => pageErrors.push(error.message));
      return { page, pageErrors };
    },
    /** code-server on a free port (startCodeServer's options but the port); the server knows its port. */
    async startServer(options) {
      session.server = await startCodeServer({ port: await freePort(), ...options });
      return session.server;
    },
    /** Stops code-server alone (a script that starts one per theme). */
    async stopServer() {
      await session.server?.stop();
      session.server = undefined;
    },
    async cleanup() {
      await session.browser?.close().catch(() => {});
      session.browser = undefined;
      await session.stopServer();
      if (session.temp && !keepTemp) rmSync(session.temp, { recursive: true, force: true });
      session.temp = undefined;
    },
  };
  onInterrupt(() => session.cleanup());
  return session;
}

/**
 * Runs a script's `main()` (true: everything passed), then `cleanup`, and exits 0 or 1. An error is printed
 * as "<name> failed: …" and, for a test stage, counted as one failure in the closing line.
 */
export async function runAndExit(name, main, { cleanup, closing = true } = {}) {
  let ok = false;
  try {
    ok = await main();
  } catch (error) {
    console.error(`${name} failed: ${error.message}`);
    if (closing) console.log(closingLine(0, 1));
  } finally {
    await cleanup?.();
  }
  process.exit(ok ? 0 : 1);
}
