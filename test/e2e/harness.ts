/**
 * The end-to-end harness: code-server with this extension + headless Chromium driven by Playwright, and the
 * few gestures a user makes (open a file, place the cursor, show the hover, run a command, look inside the
 * webviews). A suite gets a ready workbench with `useWorkbench()`:
 *
 *   suite('Hover', () => {
 *     const workbench = useWorkbench({ theme: 'Default Dark Modern' });
 *     test('shows the ReLU formula', async () => {
 *       await workbench().openFile('pytorch_model.py');
 *       await workbench().placeCursor(12, 20);
 *       const hover = await workbench().showHover();
 *       assert.match(await hover.innerText(), /max/);
 *     });
 *   });
 *
 * code-server must already be installed (scripts/test-e2e.mjs does it, from .vscode-test/ or
 * DLFP_CODE_SERVER_DIR). With DLFP_E2E_VSIX_FILE set, that .vsix is installed with
 * `code-server --install-extension` instead of loading the repo as the extension under development.
 * On a failed test the hooks save a screenshot and the code-server log under test-results/.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, createWriteStream, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync, type WriteStream } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';

export const repoRoot = resolve(__dirname, '..', '..', '..');
export const resultsDir = join(repoRoot, 'test-results');
export const examplesDir = join(repoRoot, 'examples');
const docImagesDir = join(repoRoot, 'docs', 'images');
/** The screenshots the README shows: the hover, the playground and the results view, light and dark. */
const DOC_IMAGES = new Set(['hover-light', 'hover-dark', 'playground-light', 'playground-dark', 'gradcheck-light', 'gradcheck-dark']);
const CODE_SERVER_VERSION = '4.100.3';
const CHROMIUM_PATH = process.env.DLFP_CHROMIUM ?? '/usr/bin/chromium';
/** The same flags as scripts/code-server.mjs (one list, in scripts/chromium-args.json). */
const CHROMIUM_ARGS: string[] = JSON.parse(readFileSync(join(repoRoot, 'scripts', 'chromium-args.json'), 'utf8'));

export type ThemeName = 'Default Dark Modern' | 'Default Light Modern';

/** The class VS Code puts on `.monaco-workbench` for each theme's base. */
const THEME_CLASS: Record<ThemeName, string> = { 'Default Dark Modern': 'vs-dark', 'Default Light Modern': 'vs' };

/** No welcome page, no trust prompt, no telemetry: the same quiet settings `npm start` uses. */
const QUIET_SETTINGS: Record<string, unknown> = JSON.parse(readFileSync(join(repoRoot, 'scripts', 'quiet-settings.json'), 'utf8'));

/**
 * Restricted Mode, as a user who did not trust the folder sees it: workspace trust on, no prompt (the folder
 * stays untrusted), no banner over the editors. The extension declares `untrustedWorkspaces: supported`,
 * so every feature must work here.
 */
const RESTRICTED_MODE_SETTINGS: Record<string, unknown> = {
  'security.workspace.trust.enabled': true,
  'security.workspace.trust.startupPrompt': 'never',
  'security.workspace.trust.banner': 'never',
  'security.workspace.trust.emptyWindow': false,
};

export interface WorkbenchOptions {
  /** Written to the user settings before the page loads; `setTheme` changes it later. */
  theme?: ThemeName;
  /** More user settings. */
  settings?: Record<string, unknown>;
  /** The folder to open; examples/ by default. */
  workspace?: string;
  /** Trust the folder (workspace trust off); by default the folder is opened untrusted, in Restricted Mode. */
  trusted?: boolean;
  /** Used in the log file's name; defaults to "workbench". */
  name?: string;
}

const live = new Set<Workbench>();

/** True when the quick input is hidden or no longer holds a '>' command query (a command's own pick). */
const PALETTE_CLOSED = `(() => {
  const widget = document.querySelector('.quick-input-widget');
  const input = widget && widget.querySelector('input');
  return !widget || getComputedStyle(widget).display === 'none' || !(input && input.value.startsWith('>'));
})()`;

/** Stops every workbench still running (the e2e driver calls it on Ctrl+C). */
export async function stopAllWorkbenches(): Promise<void> {
  await Promise.all([...live].map((workbench) => workbench.stop()));
}

export class Workbench {
  private constructor(
    readonly page: Page,
    private readonly browser: Browser,
    private readonly server: ChildProcess,
    private readonly serverLog: WriteStream,
    readonly logFile: string,
    private readonly tempDir: string,
    private readonly userDataDir: string,
    private settings: Record<string, unknown>,
  ) {}

  /** Starts code-server with the extension, opens the workbench in Chromium and waits until it is ready. */
  static async start(options: WorkbenchOptions = {}): Promise<Workbench> {
    const entry = codeServerEntry();
    if (!existsSync(entry)) {
      throw new Error(`code-server is not installed at ${entry}: run "npm run test:e2e" (or "node scripts/code-server.mjs install") first`);
    }
    mkdirSync(resultsDir, { recursive: true });
    const tempDir = mkdtempSync(join(tmpdir(), 'dlfp-e2e-'));
    const userDataDir = join(tempDir, 'user-data');
    const extensionsDir = join(tempDir, 'extensions');
    mkdirSync(extensionsDir, { recursive: true });
    const trust = options.trusted ? {} : RESTRICTED_MODE_SETTINGS;
    const settings = { ...QUIET_SETTINGS, ...trust, ...(options.theme ? { 'workbench.colorTheme': options.theme } : {}), ...options.settings };
    writeSettings(userDataDir, settings);

    const vsix = process.env.DLFP_E2E_VSIX_FILE;
    const common = ['--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, '--config', join(tempDir, 'code-server.yaml')];
    if (vsix) {
      const installed = spawnSync(process.execPath, [entry, ...common, '--install-extension', vsix], { encoding: 'utf8' });
      if (installed.status !== 0) throw new Error(`code-server --install-extension ${vsix} failed:\n${installed.stdout}${installed.stderr}`);
    }

    const port = await freePort();
    const workspace = options.workspace ?? examplesDir;
    const logFile = join(resultsDir, `e2e-${options.name ?? 'workbench'}-code-server.log`);
    const serverLog = createWriteStream(logFile);
    const server = spawn(
      process.execPath,
      [entry, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
        ...(options.trusted ? ['--disable-workspace-trust'] : []), '--disable-getting-started-override', ...common, workspace],
      { detached: true, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    for (const stream of [server.stdout, server.stderr]) {
      stream?.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        serverLog.write(chunk);
      });
    }

    let browser: Browser | undefined;
    let workbench: Workbench | undefined;
    try {
      await waitFor(() => output.includes('HTTP server listening'), 60_000, () => `code-server did not start:\n${output.slice(-2000)}`, () => server.exitCode !== null);
      browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS, handleSIGINT: false, handleSIGTERM: false });
      const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
      workbench = new Workbench(page, browser, server, serverLog, logFile, tempDir, userDataDir, settings);
      live.add(workbench);
      const url = new URL(`http://127.0.0.1:${port}/`);
      url.searchParams.set('folder', workspace);
      if (!vsix) url.searchParams.set('payload', JSON.stringify([['extensionDevelopmentPath', `vscode-remote://127.0.0.1:${port}${repoRoot}`]]));
      await page.goto(url.toString(), { timeout: 60_000 });
      await workbench.waitUntilReady();
      return workbench;
    } catch (error) {
      if (workbench) {
        await workbench.saveFailure(`start-${options.name ?? 'workbench'}`);
        await workbench.stop();
      } else {
        await browser?.close().catch(() => undefined);
        await killGroup(server);
        await new Promise<void>((done) => serverLog.end(done));
        rmSync(tempDir, { recursive: true, force: true });
      }
      throw error;
    }
  }

  /** Waits for the workbench and the explorer's first row (about 3 s after navigation on a quiet machine). */
  async waitUntilReady(timeoutMs = 60_000): Promise<void> {
    await this.page.locator('.monaco-workbench').waitFor({ timeout: timeoutMs });
    await this.page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: timeoutMs });
  }

  /** Merges `changes` into the user settings and reloads the page so that everything sees them. */
  async updateSettings(changes: Record<string, unknown>): Promise<void> {
    this.settings = { ...this.settings, ...changes };
    writeSettings(this.userDataDir, this.settings);
    await this.page.reload();
    await this.waitUntilReady();
  }

  /** Opens a file of the workspace by clicking its row in the explorer; waits for its editor. */
  async openFile(name: string): Promise<void> {
    const row = this.page.locator('.explorer-folders-view .monaco-list-row').filter({
      has: this.page.locator('.label-name').getByText(name, { exact: true }),
    });
    await row.first().click();
    await this.page.locator(`.tabs-container .tab.active[aria-label^="${name}"]`).waitFor();
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  }

  /** Moves the cursor with Go to Line (Ctrl+G "line:column" Enter); both are 1-based, as VS Code shows them. */
  async placeCursor(line: number, column: number): Promise<void> {
    await this.page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
    await this.page.keyboard.press('Control+G');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`:${line}:${column}`); // Go to Line is quick open with the ':' prefix
    await this.page.keyboard.press('Enter');
    await this.page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
  }

  /**
   * Shows the hover at the cursor (Ctrl+K Ctrl+I, editor.action.showHover) and returns the visible
   * `.monaco-hover-content` locator; it matches nothing when no hover appeared within `timeoutMs`.
   */
  async showHover(timeoutMs = 5000): Promise<Locator> {
    await this.page.keyboard.press('Control+K');
    await this.page.keyboard.press('Control+I');
    const hover = this.page.locator('.monaco-hover-content').filter({ visible: true });
    await hover.first().waitFor({ timeout: timeoutMs }).catch(() => undefined);
    return hover;
  }

  /** Opens the command palette (F1) with `query` typed in and returns the labels of the commands listed. */
  async paletteCommands(query: string): Promise<string[]> {
    await this.openPalette(query);
    const labels = await this.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
    await this.page.keyboard.press('Escape');
    return labels.map((label) => label.trim());
  }

  /**
   * Runs a command by its palette title ("Formula Playground: Open Playground"): F1, type, Enter. Returns
   * once the palette has closed or turned into the command's own quick pick.
   */
  async runCommand(title: string, timeoutMs = 60_000): Promise<void> {
    // The workbench can look ready before the extension's contributions are scanned (it happens on a slow or
    // busy machine), and an open palette never refreshes its list: so open it again until the row is there.
    await eventually(async () => {
      await this.openPalette(title);
      await this.pickRow(title, 5000);
    }, timeoutMs);
    await this.page.waitForFunction(PALETTE_CLOSED);
  }

  /** The text of the editor's rendered lines, top to bottom, with Monaco's no-break spaces made plain. */
  async visibleEditorText(): Promise<string> {
    const lines = await this.page
      .locator('.editor-instance .monaco-editor .view-lines')
      .first()
      .locator('.view-line')
      .evaluateAll((nodes) => nodes.map((node) => ({ top: parseFloat(node.style.top), text: node.textContent ?? '' })));
    return lines
      .sort((a, b) => a.top - b.top)
      .map((line) => line.text.replace(/\u00a0/g, ' '))
      .join('\n');
  }

  /**
   * Looks for `selector` in every frame of the page (webviews are nested iframes) until it appears or
   * `timeoutMs` passes; returns the first frame's locator that matches, or undefined.
   */
  async findInWebviews(selector: string, timeoutMs = 10_000): Promise<Locator | undefined> {
    const deadline = Date.now() + timeoutMs;
    do {
      for (const frame of this.page.frames()) {
        const locator = frame.locator(selector);
        if ((await locator.count().catch(() => 0)) > 0) return locator;
      }
      await sleep(200);
    } while (Date.now() < deadline);
    return undefined;
  }

  /**
   * Saves a screenshot of the page as test-results/<name>.png and returns its path. With DLFP_DOC_IMAGES=1
   * (`npm run docs:images`) the README's screenshots are saved to docs/images/ as well.
   */
  async screenshot(name: string): Promise<string> {
    const path = join(resultsDir, `${name}.png`);
    await this.page.screenshot({ path });
    if (process.env.DLFP_DOC_IMAGES === '1' && DOC_IMAGES.has(name)) {
      mkdirSync(docImagesDir, { recursive: true });
      copyFileSync(path, join(docImagesDir, `${name}.png`));
    }
    return path;
  }

  /**
   * Switches the color theme as a user does (Preferences: Color Theme, pick it) and waits until the
   * workbench shows it. To start in a theme, pass `theme` to `useWorkbench`: it goes in the user settings.
   */
  async setTheme(theme: ThemeName): Promise<void> {
    await this.runCommand('Preferences: Color Theme');
    const input = this.page.locator('.quick-input-widget input');
    await input.fill(theme.replace(/^Default /, ''));
    // The picker lists "Dark Modern"; the setting's value is "Default Dark Modern".
    await this.pickRow(new RegExp(`^(Default )?${theme.replace(/^Default /, '')}$`));
    await this.waitForTheme(theme);
    this.settings = { ...this.settings, 'workbench.colorTheme': theme };
  }

  /** Waits until `.monaco-workbench` carries the theme's base class (vs / vs-dark). */
  async waitForTheme(theme: ThemeName, timeoutMs = 15_000): Promise<void> {
    await this.page.locator(`.monaco-workbench.${THEME_CLASS[theme]}`).waitFor({ timeout: timeoutMs });
  }

  /** Keeps what explains a failure: a screenshot and the code-server log, named after the test. */
  async saveFailure(testTitle: string): Promise<void> {
    const slug = testTitle.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').slice(0, 80);
    await this.page.screenshot({ path: join(resultsDir, `failure-${slug}.png`) }).catch(() => undefined);
    if (existsSync(this.logFile)) copyFileSync(this.logFile, join(resultsDir, `failure-${slug}-code-server.log`));
  }

  /** Closes Chromium and stops code-server with everything it started. Safe to call twice. */
  async stop(): Promise<void> {
    if (!live.delete(this)) return;
    await this.browser.close().catch(() => undefined);
    await killGroup(this.server);
    await new Promise<void>((done) => this.serverLog.end(done));
    rmSync(this.tempDir, { recursive: true, force: true });
  }

  /** Clicks the quick input row labelled exactly `label` (fuzzy matching may list others first). */
  private async pickRow(label: string | RegExp, timeoutMs = 10_000): Promise<void> {
    const row = this.page
      .locator('.quick-input-list .monaco-list-row')
      .filter({ has: this.page.locator('.label-name').getByText(label, { exact: true }) })
      .first();
    try {
      await row.waitFor({ timeout: timeoutMs });
    } catch {
      const listed = await this.page.locator('.quick-input-list .monaco-list-row .label-name').allInnerTexts();
      throw new Error(`nothing labelled "${label}" in the quick input (listed: ${listed.join(' | ') || 'nothing'})`);
    }
    await row.click();
  }

  private async openPalette(text: string): Promise<void> {
    await this.page.keyboard.press('Escape');
    await this.page.keyboard.press('F1');
    const input = this.page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(`>${text}`);
    await this.page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  }
}

/**
 * Retries `check` (an async function that throws while its condition is not met) until it passes or
 * `timeoutMs` has gone by, then rethrows its last error. For what appears once the extension host is up:
 * contributed commands, the first hover after activation.
 */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 30_000, intervalMs = 500): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() + intervalMs > deadline) throw error;
      await sleep(intervalMs);
    }
  }
}

/**
 * Registers the suite's hooks: a workbench started before the first test, a screenshot and the log kept
 * for each failed test, and everything stopped after the last. Returns a getter for the workbench.
 */
export function useWorkbench(options: WorkbenchOptions = {}): () => Workbench {
  let workbench: Workbench | undefined;
  suiteSetup(async function () {
    this.timeout(120_000);
    workbench = await Workbench.start(options);
  });
  teardown(async function () {
    if (workbench && this.currentTest?.state === 'failed') await workbench.saveFailure(this.currentTest.fullTitle());
  });
  suiteTeardown(async () => {
    await workbench?.stop();
  });
  return () => {
    if (!workbench) throw new Error('the workbench did not start (see the suite setup error above)');
    return workbench;
  };
}

function codeServerEntry(): string {
  const dir = process.env.DLFP_CODE_SERVER_DIR ?? join(repoRoot, '.vscode-test', `code-server-${CODE_SERVER_VERSION}`);
  return join(dir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

function writeSettings(userDataDir: string, settings: Record<string, unknown>): void {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), `${JSON.stringify(settings, null, 2)}\n`);
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.on('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => done(port));
    });
  });
}

async function waitFor(ready: () => boolean, timeoutMs: number, describe: () => string, failed: () => boolean = () => false): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!ready()) {
    if (failed() || Date.now() > deadline) throw new Error(describe());
    await sleep(100);
  }
}

/** SIGTERM to the process group code-server leads (extension host, terminals…), SIGKILL after 5 s. */
async function killGroup(child: ChildProcess): Promise<void> {
  const pid = child.pid;
  if (!pid) return;
  const alive = (): boolean => {
    try {
      process.kill(-pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  process.kill(-pid, 'SIGTERM');
  const deadline = Date.now() + 5000;
  while (alive() && Date.now() < deadline) await sleep(100);
  if (alive()) process.kill(-pid, 'SIGKILL');
}
