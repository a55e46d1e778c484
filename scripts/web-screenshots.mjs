// `node scripts/web-screenshots.mjs`: examples/ opened in code-server's Extension Host (Worker) — the host of
// vscode.dev and github.dev — with the extension loaded from its `browser` entry only, and screenshots of
// what a user sees there, in the light and the dark theme: the hover over nn.LeakyReLU in
// examples/pytorch_model.py, and the playground opened from the hover's link. Written to
// docs/images/web-{hover,playground}-{light,dark}.png (the README's "Where it runs" section shows them).
// Uses dist/ as built (run `npm run build` first). Starts VS Code: run it under flock /tmp/dlfp-vscode.lock.
import { cpSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { browserSession, runAndExit } from './browser-session.mjs';
import { makeUserDataDir, repoRoot, workbenchUrl } from './code-server.mjs';
import { PAINT_PROBE, copyPackagedFiles, look } from './web-host.mjs';

const outDir = join(repoRoot, 'docs', 'images');
const THEMES = { light: 'Default Light Modern', dark: 'Default Dark Modern' };

const session = browserSession();

async function shoot(theme) {
  const temp = session.temp;
  const dirs = makeUserDataDir({ 'workbench.colorTheme': THEMES[theme], 'editor.fontSize': 14, 'workbench.startupEditor': 'none' }, temp);
  const workspace = join(temp, `workspace-${theme}`);
  cpSync(join(repoRoot, 'examples'), workspace, { recursive: true });
  const server = await session.startServer({ workspace, userDataDir: dirs.userDataDir, extensionsDir: dirs.extensionsDir, logFile: join(temp, `${theme}.log`) });
  const { page } = await session.newPage({ width: 1280, height: 760 });
  await page.addInitScript(PAINT_PROBE);
  const workerHost = new Promise((resolve) => page.on('console', (m) => /web worker extension host/i.test(m.text()) && resolve(true)));
  await page.goto(workbenchUrl({ port: server.port, folder: workspace, extensionDevelopmentPath: join(temp, 'extension') }));
  await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });
  await page.locator('.explorer-folders-view .monaco-list-row').first().waitFor({ timeout: 60_000 });

  // Open the sample and hover nn.LeakyReLU (Go to Line, then Ctrl+K Ctrl+I: mouse hovering is unreliable).
  await page.locator('.explorer-folders-view .monaco-list-row').filter({ hasText: 'pytorch_model.py' }).first().click();
  await page.locator('.editor-instance .monaco-editor .view-lines').first().waitFor();
  const lines = await page.locator('.editor-instance .monaco-editor .view-line').allInnerTexts();
  const index = lines.findIndex((line) => line.includes('nn.LeakyReLU('));
  const column = index >= 0 ? lines[index].indexOf('LeakyReLU') + 3 : 1;
  let hover;
  for (let attempt = 0; attempt < 20; attempt++) {
    await page.keyboard.press('Control+G');
    await page.locator('.quick-input-widget input').fill(`:${index + 1}:${column}`);
    await page.keyboard.press('Enter');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    hover = page.locator('.monaco-hover-content').filter({ visible: true }).filter({ has: page.locator('img') });
    if (await hover.first().waitFor({ timeout: 3000 }).then(() => true, () => false)) break;
    await page.keyboard.press('Escape');
  }
  await page.waitForFunction(() => [...document.querySelectorAll('.monaco-hover-content img')].every((img) => img.complete && img.naturalWidth > 0)); // eslint-disable-line no-undef
  const images = await page.locator('.monaco-hover-content img').evaluateAll((imgs) => imgs.map((img) => `${img.alt} ${img.naturalWidth}×${img.naturalHeight}`));
  await page.waitForTimeout(300);
  await page.screenshot({ path: join(outDir, `web-hover-${theme}.png`) });
  console.log(`web-screenshots: ${theme} hover shows ${images.join(', ')} (extension host: ${(await Promise.race([workerHost, Promise.resolve(false)])) ? 'worker' : 'unknown'})`);

  // Follow the hover's "Open in Playground" link, as a user would.
  await page.locator('.monaco-hover-content a').filter({ hasText: /playground/i }).first().click();
  const chart = await look(page, 'playground');
  if (!chart.found || !(chart.inked > 0)) throw new Error(`${theme}: the playground did not paint (${chart.error ?? 'blank'})`);
  // The hover stays while the mouse is over it: move away so that it closes, and show the playground alone.
  await page.mouse.move(1200, 700);
  await page.locator('.monaco-hover-content').filter({ visible: true }).first().waitFor({ state: 'hidden', timeout: 5000 }).catch(() => page.keyboard.press('Escape'));
  await page.waitForTimeout(1500); // KaTeX renders the formula after the first paint
  await page.screenshot({ path: join(outDir, `web-playground-${theme}.png`) });
  console.log(`web-screenshots: ${theme} playground painted (${(chart.inked * 100).toFixed(1)}% of the chart inked)`);
  await page.close();
  await session.stopServer();
}

async function main() {
  session.prepare();
  mkdirSync(outDir, { recursive: true });
  session.temp = mkdtempSync(join(tmpdir(), 'dlfp-web-shots-'));
  copyPackagedFiles(join(session.temp, 'extension'));
  await session.launchBrowser();
  for (const theme of Object.keys(THEMES)) await shoot(theme);
  console.log(`web-screenshots: written to ${outDir}`);
  return true;
}

await runAndExit('web-screenshots', main, { cleanup: session.cleanup, closing: false });
