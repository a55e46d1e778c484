/**
 * documentModel(text, languageId, version): the one model of a document version that the hover, Plot
 * Selection, the side panel and the lints query. Built in one linear pass (scanner → syntax → resolve),
 * cached per document version; `siteAt(offset)` is a binary search. Pure: no VS Code, no Node.
 */
import { Resolver } from './resolve';
import { tokenize, tokensCopied, type Tokens } from './scanner';
import { buildSyntax, type Binding, type Syntax } from './syntax';
import type { Site } from './site';
import type { LanguageFamily } from '../frameworks/spellings';

export interface DocumentModel {
  readonly text: string;
  readonly family: LanguageFamily;
  /** The version it was built for (undefined for text without a document). */
  readonly version?: number;
  /** Tokens (typed arrays) and the syntax built on them: calls, chains, scopes, bindings, definitions, imports. */
  readonly tokens: Tokens;
  readonly syntax: Syntax;
  /** Every resolved site, sorted by range start, ranges disjoint. */
  readonly sites: readonly Site[];
  /** The site whose range holds `offset` (or ends right at it), or undefined. O(log n). */
  siteAt(offset: number): Site | undefined;
  /** The site whose callee is call `index` (syntax.calls), or undefined. */
  siteOfCall(index: number): Site | undefined;
  /** What `name` is bound to at `offset` (assignment, parameter default), seen from the scope there. */
  bindingAt(name: string, offset: number): Binding | undefined;
  /** The innermost scope (index into syntax.scopes) holding `offset`. */
  scopeAt(offset: number): number;
}

const LANGUAGES: ReadonlyMap<string, LanguageFamily> = new Map([
  ['python', 'python'],
  ['javascript', 'js'],
  ['typescript', 'js'],
  ['javascriptreact', 'js'],
  ['typescriptreact', 'js'],
]);

/** The language family for a VS Code language id, or undefined when the model does not handle it. */
export function languageFamily(languageId: string): LanguageFamily | undefined {
  return LANGUAGES.get(languageId);
}

/**
 * Documents longer than this many characters get an empty model (no tokens, no sites): the hover and the lints
 * say nothing there rather than stall the extension host. Within it, syntax.ts mutes lines longer than MAX_LINE
 * and brackets nested deeper than MAX_DEPTH.
 */
export const MAX_DOCUMENT = 5_242_880;

/** Builds in a row that reused an earlier version's work, by syntax (see buildModel). */
const generations = new WeakMap<Syntax, number>();
const MAX_GENERATIONS = 16;

/** The first offset where `a` and `b` differ (the shorter one's length when one is a prefix of the other). */
function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const CHUNK = 4096;
  let i = 0;
  // Natively compared chunks first, then characters.
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The first token of `b` that differs from `a`'s or reaches the first changed character `changedAt`. */
function firstChangedToken(a: Tokens, b: Tokens, changedAt: number): number {
  const n = Math.min(a.count, b.count);
  // The tokens copied from `a` are `a`'s; the comparison starts at the last one (an NL whose indentation is rewritten).
  let t = Math.max(0, Math.min(tokensCopied(b) - 1, n));
  while (t < n && b.end[t] <= changedAt && a.start[t] === b.start[t] && a.end[t] === b.end[t] && a.kind[t] === b.kind[t] && a.aux[t] === b.aux[t]) t++;
  return t;
}

/**
 * Builds the model of `text` (no cache). With `previous`, the model of an earlier version of the same
 * document, the work up to shortly before the first changed character is reused (tokens up to a top-level
 * newline, the syntax up to a top-level statement): the model is the same as a fresh build, only faster when
 * the edit is not near the start.
 */
export function buildModel(text: string, family: LanguageFamily, version?: number, previous?: DocumentModel): DocumentModel {
  const source = text.length > MAX_DOCUMENT ? '' : text;
  let tokens: Tokens;
  let syntax: Syntax;
  let reused = false;
  // Objects reused from an earlier version may hold slices of its text (keeping it alive): after
  // MAX_GENERATIONS reuses in a row the model is built afresh, so at most that many old texts stay reachable.
  const generation = previous ? (generations.get(previous.syntax) ?? 0) + 1 : 0;
  if (previous && generation < MAX_GENERATIONS && previous.family === family && previous.tokens.count > 0 && source.length > 0 && previous.text.length <= MAX_DOCUMENT) {
    reused = true;
    const changedAt = firstDifference(previous.text, text);
    tokens = tokenize(source, family, { tokens: previous.tokens, unchangedUpTo: changedAt });
    syntax = buildSyntax(text, family, tokens, { syntax: previous.syntax, firstChangedToken: firstChangedToken(previous.tokens, tokens, changedAt) });
  } else {
    tokens = tokenize(source, family);
    syntax = buildSyntax(text, family, tokens);
  }
  generations.set(syntax, reused ? generation : 0);
  const resolver = new Resolver(syntax);
  const { chains, strings } = syntax;
  const scopeAt = (offset: number): number => {
    let best = 0;
    for (const s of syntax.scopes) if (s.start <= offset && offset < s.end && s.index > best) best = s.index;
    return best;
  };
  /** The last index i with key(i) <= offset, or -1. */
  const lastAtOrBefore = (count: number, key: (i: number) => number, offset: number): number => {
    let lo = 0;
    let hi = count - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (key(mid) <= offset) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  };
  // VS Code's word range includes its end: the cursor right after a name still names it.
  const holds = (site: Site | undefined, offset: number) => site !== undefined && site.range.start <= offset && offset <= site.range.end;
  return {
    text,
    family,
    version,
    tokens,
    syntax,
    get sites() {
      return resolver.all();
    },
    siteAt(offset: number): Site | undefined {
      const c = lastAtOrBefore(chains.length, (i) => chains[i].starts[0], offset);
      if (c >= 0) {
        const site = resolver.chainSite(c);
        if (holds(site, offset)) return site;
        // The cursor right after a chain that ends where the next one starts (`F.relu(` has none).
      }
      const j = lastAtOrBefore(strings.length, (i) => strings[i].arg.valueStart, offset);
      if (j >= 0) {
        const site = resolver.stringSite(j);
        if (holds(site, offset) && offset < site!.range.end) return site;
      }
      return undefined;
    },
    siteOfCall: (index) => resolver.siteOfCallIndex(index),
    bindingAt: (name, offset) => resolver.lookup(name, scopeAt(offset), offset),
    scopeAt,
  };
}

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
    // An earlier version of the same document: its work before the first change is reused.
    const model = buildModel(text, family, document?.version, previous);
    this.entries.unshift({ key: document?.key, version: document?.version, model });
    if (this.entries.length > this.capacity) this.entries.length = this.capacity;
    return model;
  }

  clear(): void {
    this.entries.length = 0;
  }
}

const shared = new ModelCache(4);

/**
 * The model of a document version (cached: the same key and version give the same object). Without a key
 * the text itself is the key. Undefined for a language the model does not read.
 */
export function documentModel(text: string, languageId: string, version?: number, key?: string): DocumentModel | undefined {
  return shared.get(text, languageId, key !== undefined && version !== undefined ? { key, version } : undefined);
}
