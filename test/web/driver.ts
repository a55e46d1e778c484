/**
 * Asking the driver (scripts/test-web.mjs, which holds the Playwright page) to look at what the user sees:
 * the suite logs `DLFP_WEB_PROBE {"id", "kind"}` (worker console.log reaches the page), the driver looks
 * inside the webview frames and writes its answer as JSON to `.dlfp-web/<id>.json` in the workspace, which
 * the suite reads with vscode.workspace.fs (the workspace folder is on the server's disk).
 */
import * as vscode from 'vscode';

export interface ChartLook {
  /** Whether a frame with the view's chart canvas was found. */
  found: boolean;
  /** Share of the canvas's pixels that differ from its background (top-left) pixel. */
  inked: number;
  /** The page's text (controls, legend, table), first 2,000 characters. */
  text: string;
  /** Navigation timing of the page (ms since its time origin): the document received, the first painted chart. */
  committedAt?: number | null;
  firstPaint?: number | null;
  /** The first painted chart as wall-clock ms (Date.now() scale), to compare with the command's start. */
  firstPaintWall?: number | null;
  /** Why the driver could not look (no such frame, a script error). */
  error?: string;
}

let probes = 0;

/** Asks the driver to find the `kind` view's chart and report what it shows (waits up to `timeoutMs`). */
export async function lookAt(kind: 'playground' | 'gradcheck' | 'blank', timeoutMs = 45_000): Promise<ChartLook> {
  return probe<ChartLook>(kind, timeoutMs);
}

/** What the driver did when asked to export: the path VS Code's save dialog proposed and it accepted. */
export interface ExportDone {
  done: boolean;
  path?: string;
  error?: string;
}

/** Asks the driver to click the playground's Export CSV / PNG button and accept the save dialog. */
export async function exportFromPlayground(which: 'csv' | 'png', timeoutMs = 60_000): Promise<ExportDone> {
  return probe<ExportDone>(`export-${which}`, timeoutMs);
}

async function probe<T>(kind: string, timeoutMs: number): Promise<T> {
  const folder = vscode.workspace.workspaceFolders?.[0];
  if (!folder) throw new Error('the web suite needs a workspace folder (the driver opens one)');
  const id = `${kind}-${++probes}-${Date.now()}`;
  const answer = vscode.Uri.joinPath(folder.uri, '.dlfp-web', `${id}.json`);
  console.log(`DLFP_WEB_PROBE ${JSON.stringify({ id, kind })}`);
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(answer))) as T;
    } catch (error) {
      if (Date.now() > deadline) throw new Error(`the driver did not answer probe ${id} within ${timeoutMs / 1000} s (${String(error)})`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
