/**
 * The table every view reads: one entry per function, the math of catalogue/activations.ts and
 * catalogue/losses.ts. The prose (prose.ts) and the framework names (src/frameworks/table.ts) are joined in by
 * infos.ts (listFunctions()), so what evaluates a function (the webviews' preview bundle) carries neither.
 */
import { activationDocs } from './activations';
import { lossDocs } from './losses';
import type { CatalogueEntry } from '../functionTypes';

function build(): ReadonlyMap<string, CatalogueEntry> {
  const byId = new Map<string, CatalogueEntry>();
  for (const doc of [...activationDocs, ...lossDocs]) {
    if (byId.has(doc.id)) throw new Error(`catalogue: duplicate id '${doc.id}'`);
    byId.set(doc.id, doc as CatalogueEntry);
  }
  return byId;
}

export const catalogue: ReadonlyMap<string, CatalogueEntry> = build();

/** The catalogue entry for `id`, or an Error that names the unknown id and the closest known one. */
export function entryFor(id: string): CatalogueEntry {
  const entry = typeof id === 'string' ? catalogue.get(id) : undefined;
  if (entry) return entry;
  const hint = closestId(String(id));
  throw new Error(`unknown function '${String(id)}'${hint ? ` (did you mean '${hint}'?)` : ''}`);
}

function closestId(id: string): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(id.length / 3)) + 1;
  for (const known of catalogue.keys()) {
    const d = editDistance(id.toLowerCase(), known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  return best;
}

/** Levenshtein distance, for "did you mean" hints. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
