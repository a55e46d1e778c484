/**
 * What a user sees: open examples/pytorch_model.py from the explorer, put the cursor on `LeakyReLU` of
 * `nn.LeakyReLU(0.2)`, show the hover (Ctrl+K Ctrl+I) and check that the formula images load and α = 0.2
 * is shown, in a light and a dark theme. Screenshots go to test-results/hover-light.png and hover-dark.png.
 */
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Locator } from 'playwright-core';
import { examplesDir, resultsDir, useWorkbench } from './harness';

const FILE = 'pytorch_model.py';
const NEEDLE = 'nn.LeakyReLU(0.2)';

/** The parts of an <img> these tests read (the suite compiles without the DOM library). */
interface ImageLike {
  alt: string;
  src: string;
  naturalWidth: number;
  complete: boolean;
  addEventListener(type: 'load' | 'error', listener: () => void, options: { once: boolean }): void;
}

/** 1-based line and column of the `L` of LeakyReLU in the sample, found by searching its text. */
function cursorOnLeakyReLU(): { line: number; column: number } {
  const lines = readFileSync(join(examplesDir, FILE), 'utf8').split('\n');
  const index = lines.findIndex((l) => l.includes(NEEDLE));
  assert.ok(index >= 0, `examples/${FILE} has no ${NEEDLE}`);
  return { line: index + 1, column: lines[index].indexOf(NEEDLE) + 'nn.'.length + 2 };
}

/** Images in the hover and whether each has loaded with a real size. */
async function hoverImages(hover: Locator): Promise<{ alt: string; naturalWidth: number; src: string }[]> {
  return hover.first().locator('img').evaluateAll((imgs) =>
    (imgs as unknown as ImageLike[]).map((img) => ({ alt: img.alt, naturalWidth: img.naturalWidth, src: img.src.slice(0, 40) })),
  );
}

async function showLeakyReLUHover(workbench: ReturnType<ReturnType<typeof useWorkbench>>): Promise<Locator> {
  const { line, column } = cursorOnLeakyReLU();
  await workbench.placeCursor(line, column);
  // The extension activates on the first Python file; the first hover may come before it is ready.
  for (let attempt = 0; attempt < 5; attempt++) {
    const hover = await workbench.showHover();
    if ((await hover.count()) > 0 && /Leaky ReLU/.test(await hover.first().innerText())) {
      // Images decode asynchronously; wait until the formulas have a size.
      await hover
        .first()
        .locator('img')
        .first()
        .evaluate((element) => {
          const img = element as unknown as ImageLike;
          return img.complete ? null : new Promise<void>((done) => img.addEventListener('load', () => done(), { once: true }));
        })
        .catch(() => undefined);
      // VS Code keeps a hover's scroll position when it shows it again: start from the top.
      await scrollHover(workbench, hover, -1);
      return hover;
    }
    await workbench.page.keyboard.press('Escape');
    await workbench.page.waitForTimeout(1000);
  }
  throw new Error(`no Leaky ReLU hover at ${line}:${column} of ${FILE}`);
}

/** Scrolls the hover with the mouse wheel over it, to its top (-1) or bottom (+1), in steps. */
async function scrollHover(workbench: ReturnType<ReturnType<typeof useWorkbench>>, hover: Locator, direction: 1 | -1): Promise<void> {
  const box = await hover.first().boundingBox();
  if (!box) return;
  await workbench.page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 100));
  for (let i = 0; i < 6; i++) {
    await workbench.page.mouse.wheel(0, 400 * direction);
    await workbench.page.waitForTimeout(150);
  }
}

/** Screenshots of the hover itself, top and bottom, for a human to look at. */
async function saveHoverCrops(workbench: ReturnType<ReturnType<typeof useWorkbench>>, hover: Locator, name: string): Promise<void> {
  await hover.first().screenshot({ path: join(resultsDir, `${name}-crop.png`) });
  await scrollHover(workbench, hover, 1);
  await hover.first().screenshot({ path: join(resultsDir, `${name}-bottom-crop.png`) });
  await scrollHover(workbench, hover, -1);
}

async function checkHover(hover: Locator): Promise<void> {
  const text = await hover.first().innerText();
  assert.match(text, /α = 0\.2/, `hover text:\n${text}`);
  const images = await hoverImages(hover);
  const formulas = images.filter((i) => i.alt === 'f(x)' || i.alt === 'f′(x)');
  assert.equal(formulas.length, 2, `images: ${JSON.stringify(images)}`);
  for (const img of images) assert.ok(img.naturalWidth > 0, `image ${img.alt} did not load: ${JSON.stringify(img)}`);
  assert.ok(images.some((i) => i.alt.startsWith('plot of')), 'no sparkline');
  assert.match(text, /Open in Playground/);
  assert.match(text, /Gradient check/);
}

suite('Hover (e2e)', () => {
  const workbench = useWorkbench({ theme: 'Default Light Modern', name: 'hover' });

  test('shows the Leaky ReLU formula images and α = 0.2 in the light theme', async function () {
    this.timeout(90_000);
    await workbench().openFile(FILE);
    const hover = await showLeakyReLUHover(workbench());
    await checkHover(hover);
    await workbench().screenshot('hover-light');
    await saveHoverCrops(workbench(), hover, 'hover-light');
  });

  test('redraws the formulas for the dark theme', async function () {
    this.timeout(90_000);
    await workbench().page.keyboard.press('Escape');
    await workbench().setTheme('Default Dark Modern');
    const hover = await showLeakyReLUHover(workbench());
    await checkHover(hover);
    await workbench().screenshot('hover-dark');
    await saveHoverCrops(workbench(), hover, 'hover-dark');
  });
});
