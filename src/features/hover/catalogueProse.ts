/**
 * The catalogue's prose for the hover (summary, range, properties, use cases, pairing): not in the host
 * bundle but in dist/catalogue/prose.json (the build writes it from src/core/catalogue/prose.ts), read once
 * through vscode.workspace.fs, so in both extension hosts. The first hover waits for it, as for the formula
 * image index; warm() starts the read when a file is shown. A missing or broken file is logged once and the
 * hover goes on without the prose.
 */
import * as vscode from 'vscode';
import { readJsonAsset } from '../../host/assets';
import type { ProseTable } from './hoverMarkdown';

let table: ProseTable | undefined;
let reading: Promise<void> | undefined;
let settled = false;

/** The prose, once it has arrived (undefined before, or when the file could not be read). */
export function proseTable(): ProseTable | undefined {
  return table;
}

/** Starts reading the prose; a promise while it is on its way, undefined once it has arrived or failed. */
export function pendingProse(extensionRoot: vscode.Uri | undefined): Promise<void> | undefined {
  if (settled || !extensionRoot) return undefined;
  reading ??= readJsonAsset<ProseTable>(extensionRoot, 'dist', 'catalogue', 'prose.json').then(
    (read) => {
      table = read;
    },
    (error: unknown) => console.error('formulaPlayground: no catalogue prose (dist/catalogue/prose.json):', error),
  ).finally(() => {
    settled = true;
  });
  return reading;
}
