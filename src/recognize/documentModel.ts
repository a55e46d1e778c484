/**
 * documentModel(text, languageId, version, key): the one model of a document version that the hover, Plot
 * Selection, the Formula view and the lints query, from one cache they share, so an edit is indexed once. A
 * document over LARGE_DOCUMENT characters gets a windowed model (windowedModel.ts), any other the full one
 * (model.ts); an earlier version of the same document lends its work to the next. Pure: no VS Code, no Node.
 */
import { buildModel, languageFamily, MAX_DOCUMENT, type DocumentModel } from './model';
import { LARGE_DOCUMENT, windowedModel } from './windowedModel';

interface CacheEntry {
  readonly key: string | undefined;
  readonly version: number | undefined;
  readonly model: DocumentModel;
}

/** A small LRU cache of models, keyed by document and version (or by the text itself without a key). */
export class ModelCache {
  private readonly entries: CacheEntry[] = [];
  constructor(private readonly capacity = 8) {}

  get(text: string, languageId: string, document?: { readonly key: string; readonly version: number }): DocumentModel | undefined {
    const family = languageFamily(languageId);
    if (!family || typeof text !== 'string') return undefined;
    for (let i = 0; i < this.entries.length; i++) {
      const e = this.entries[i];
      const m = e.model;
      // Key and version alone are not an identity: a document closed and opened again (an untitled name reused,
      // a file reopened after edits were discarded) starts again at version 1 with other text.
      const hit = (document ? e.key === document.key && e.version === document.version : e.key === undefined) && m.family === family && m.text === text;
      if (hit) {
        if (i > 0) this.entries.unshift(...this.entries.splice(i, 1));
        return m;
      }
    }
    let previous: DocumentModel | undefined;
    if (document) {
      const stale = this.entries.findIndex((e) => e.key === document.key);
      if (stale >= 0) previous = this.entries.splice(stale, 1)[0].model;
    }
    // An earlier version of the same document: its work before the first change is reused. A large document
    // is read in windows around the queries.
    const model = text.length > LARGE_DOCUMENT && text.length <= MAX_DOCUMENT ? windowedModel(text, family, document?.version, previous) : buildModel(text, family, document?.version, previous);
    this.entries.unshift({ key: document?.key, version: document?.version, model });
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
    return model;
  }

  clear(): void {
    this.entries.length = 0;
  }
}

// The hover, the lints (every open document), the Formula view and Plot Selection share it.
const shared = new ModelCache(8);

/**
 * The model of a document version (cached: the same key and version give the same object). Without a key
 * the text itself is the key. Undefined for a language the model does not read.
 */
export function documentModel(text: string, languageId: string, version?: number, key?: string): DocumentModel | undefined {
  return shared.get(text, languageId, key !== undefined && version !== undefined ? { key, version } : undefined);
}
