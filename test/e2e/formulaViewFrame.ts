/** Where the Formula view's document lives in the workbench page, for the e2e suites that drive the view. */
import type { Frame } from 'playwright-core';
import type { Workbench } from './harness';

/** The frame that holds the Formula view's document (look it up again when VS Code replaces it, e.g. after a reload). */
export async function viewFrame(workbench: Workbench, timeoutMs = 20_000): Promise<Frame> {
  const deadline = Date.now() + timeoutMs;
  do {
    for (const frame of workbench.page.frames()) {
      if ((await frame.locator('.formula-view').count().catch(() => 0)) > 0) return frame;
    }
    await workbench.page.waitForTimeout(200);
  } while (Date.now() < deadline);
  throw new Error('the Formula view did not appear');
}
