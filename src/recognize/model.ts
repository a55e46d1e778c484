/**
 * The document model of one text: built in one linear pass (scanner → syntax → resolve); `siteAt(offset)` is a
 * binary search. A document over LARGE_DOCUMENT characters is read in windows instead (windowedModel.ts), each
 * window a model of this kind; documentModel.ts caches both per document version. Pure: no VS Code, no Node.
 */
import { Resolver } from './resolve';
import { lastAtOrBelow } from './sortedSearch';
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
  /**
   * False for a model of the whole document. True for a large document's (over LARGE_DOCUMENT characters):
   * siteAt, bindingAt and scopeAt then ask the window around the offset (windowAt), and tokens, syntax, sites
   * and siteOfCall are those of the binding statements every window holds (imports, module constants).
   */
  readonly windowed: boolean;
  /** The part of `text` this model indexes: the whole text, or a window's code around the offsets it answers. */
  readonly span: { readonly start: number; readonly end: number };
  /**
   * The model that answers queries at `offset` in full (itself for a whole document): a window holding the
   * top-level statements around the offset and the document's binding statements, at the document's offsets
   * (its text is the document's with everything else blanked). Cached per version.
   */
  windowAt(offset: number): DocumentModel;
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
export function firstDifference(a: string, b: string): number {
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
  return fullModel(text, family, version, previous?.windowed ? undefined : previous);
}

/** A window's place: the span it answers for and the document model to ask about other offsets. */
export interface Frame {
  readonly span: { readonly start: number; readonly end: number };
  /** Characters of code in the window's text (the rest is blanked). */
  readonly chars: number;
  readonly windowAt: (offset: number) => DocumentModel;
  /** The document's 1-based line of an offset (a window's text has its gaps on one line each). */
  readonly lineOf: (offset: number) => number;
}

export function fullModel(text: string, family: LanguageFamily, version: number | undefined, previous: DocumentModel | undefined, frame?: Frame): DocumentModel {
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
    tokens = tokenize(source, family, undefined, frame?.chars);
    syntax = buildSyntax(text, family, tokens);
  }
  generations.set(syntax, reused ? generation : 0);
  const resolver = new Resolver(syntax, frame?.lineOf);
  const { chains, strings } = syntax;
  const scopeAt = (offset: number): number => {
    let best = 0;
    for (const s of syntax.scopes) if (s.start <= offset && offset < s.end && s.index > best) best = s.index;
    return best;
  };
  // VS Code's word range includes its end: the cursor right after a name still names it.
  const holds = (site: Site | undefined, offset: number) => site !== undefined && site.range.start <= offset && offset <= site.range.end;
  const model: DocumentModel = {
    text,
    family,
    version,
    windowed: frame !== undefined,
    span: frame?.span ?? { start: 0, end: text.length },
    windowAt: (offset) => (frame ? frame.windowAt(offset) : model),
    tokens,
    syntax,
    get sites() {
      return resolver.all();
    },
    siteAt(offset: number): Site | undefined {
      const c = lastAtOrBelow(chains.length, (i) => chains[i].starts[0], offset);
      if (c >= 0) {
        const site = resolver.chainSite(c);
        if (holds(site, offset)) return site;
        // The cursor right after a chain that ends where the next one starts (`F.relu(` has none).
      }
      const j = lastAtOrBelow(strings.length, (i) => strings[i].arg.valueStart, offset);
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
  return model;
}
