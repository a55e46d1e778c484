/**
 * documentModel(text, languageId, version): the one model of a document version that the hover, Plot
 * Selection, the side panel and the lints query. Built in one linear pass (scanner → syntax → resolve),
 * cached per document version; `siteAt(offset)` is a binary search. A document over LARGE_DOCUMENT
 * characters is read in windows instead (windowedModel): an outline pass over the whole text (outline.ts),
 * then the full model of the code around each query, built on the first query there and kept per version.
 * Pure: no VS Code, no Node.
 */
import { Resolver } from './resolve';
import { BINDING, DEFINITION, IMPORT, outline, type Outline } from './outline';
import { MAX_LINE, tokenize, tokensCopied, type Tokens } from './scanner';
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
function firstDifference(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  const CHUNK = 4096;
  let i = 0;
  // Natively compared chunks first, then characters.
  while (i + CHUNK <= n && a.slice(i, i + CHUNK) === b.slice(i, i + CHUNK)) i += CHUNK;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** How many characters `a` and `b` share at their ends, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  const CHUNK = 4096;
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
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
interface Frame {
  readonly span: { readonly start: number; readonly end: number };
  /** Characters of code in the window's text (the rest is blanked). */
  readonly chars: number;
  readonly windowAt: (offset: number) => DocumentModel;
  /** The document's 1-based line of an offset (a window's text has its gaps on one line each). */
  readonly lineOf: (offset: number) => number;
}

function fullModel(text: string, family: LanguageFamily, version: number | undefined, previous: DocumentModel | undefined, frame?: Frame): DocumentModel {
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
  return model;
}

/**
 * Above this many characters a document's queries are answered from windows (windowedModel): building the
 * whole model of real code costs 0.15–0.5 ms per KB on a 2-core machine (more under load), so a whole
 * document past this size could take over 50 ms; a window holds at most about half of it.
 */
export const LARGE_DOCUMENT = 131_072;
/** Most characters of code around a query that one window indexes (whole top-level statements when they fit). */
export const WINDOW = 24_576;
/** Most characters of other binding statements (module constants) a window also holds, nearest first. */
const BINDINGS = 12_288;
/** Most characters of import statements every window holds (each text once; as many again for definitions), and most statements read for them. */
const IMPORTS = 12_288;
const MAX_IMPORTS = 1024;
/** Windows kept per document version, and at most this many characters of their texts (a window's text runs to its last piece: up to the whole document). */
const WINDOWS_KEPT = 8;
const WINDOW_TEXTS_KEPT = 12_000_000;

/** The name a top-level definition statement defines (outline.ts's DEFINITION). */
const DEFINED_NAME = /^(?:export\s+)?(?:async\s+)?(?:def|function)\s+([A-Za-z_$][\w$]*)/;

let spacesCache = '';
/** `n` spaces (slices of one cached string). */
function spaces(n: number): string {
  if (spacesCache.length < n) spacesCache = ' '.repeat(Math.max(n, 2 * spacesCache.length, 1 << 16));
  return spacesCache.slice(0, n);
}

/** The last index i in [0, count) with key(i) <= value, or -1. */
function lastAtOrBelow(count: number, key: (i: number) => number, value: number): number {
  let lo = 0;
  let hi = count - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (key(mid) <= value) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * `text` with everything outside `pieces` (sorted, disjoint [start, end) offsets, each starting and ending at
 * a line start or the text's end) blanked: the same offsets, each gap one comment line, cut after the last piece.
 */
function blanked(text: string, pieces: readonly number[], family: LanguageFamily, fence: (at: number) => boolean): string {
  const parts: string[] = [];
  const comment = family === 'python' ? '#' : '//';
  let at = 0;
  for (let i = 0; i < pieces.length; i += 2) {
    const [start, end] = [pieces[i], pieces[i + 1]];
    if (end <= start) continue;
    // A gap is one comment line (the scanners skip a comment with one native search), or spaces when short.
    // Where a top-level statement starts in the document, a Python gap opens with the name `_` there: the
    // blocks before it end where they end in the document (a definition's body is not the gap).
    const gap = start - at;
    const fenced = family === 'python' && at > 0 && fence(at) ? 1 : 0;
    if (gap > comment.length + 1 + fenced) parts.push(fenced ? '_' : '', comment, spaces(gap - comment.length - 1 - fenced), '\n');
    else if (gap > 0) parts.push(spaces(gap - 1), '\n');
    parts.push(text.slice(start, end));
    at = end;
  }
  return parts.join('');
}

/** Sorted, merged [start, end) pairs of `ranges` (flattened). */
function merged(ranges: number[]): number[] {
  const pairs: [number, number][] = [];
  for (let i = 0; i < ranges.length; i += 2) if (ranges[i + 1] > ranges[i]) pairs.push([ranges[i], ranges[i + 1]]);
  pairs.sort((a, b) => a[0] - b[0]);
  const out: number[] = [];
  for (const [s, e] of pairs) {
    if (out.length > 0 && s <= out[out.length - 1]) out[out.length - 1] = Math.max(out[out.length - 1], e);
    else out.push(s, e);
  }
  return out;
}

/**
 * The model of a large document: an outline (outline.ts) of the whole text, and windows built on demand —
 * each the full model of the top-level statements around a query (up to WINDOW characters; for a longer
 * statement a slice of whole lines with the headers of the blocks it sits in) plus the document's binding
 * statements (up to BINDINGS characters), at the document's own offsets. Where the code a query depends on
 * fits in its window, the answer is the whole document's model's.
 */
function windowedModel(text: string, family: LanguageFamily, version: number | undefined, previous?: DocumentModel): DocumentModel {
  // An earlier version's outline is reused around the edit that made this one.
  const before = previous?.windowed && previous.family === family ? outlines.get(previous) : undefined;
  let o: Outline;
  if (before) {
    const start = firstDifference(previous!.text, text);
    const same = commonSuffix(previous!.text, text, Math.min(previous!.text.length, text.length) - start);
    o = outline(text, family, { outline: before, edit: { start, oldEnd: previous!.text.length - same, newEnd: text.length - same } });
  } else o = outline(text, family);
  const lineAt = (i: number) => (i < 0 ? 0 : i < o.lineCount ? o.lines[i] : text.length);
  const topStart = (t: number) => (t < o.topCount ? o.lines[o.tops[t]] : text.length);
  // What every window holds: the last occurrence of each import statement's text (an alias is the last
  // `import … as nn` of the document, as in the whole model), up to IMPORTS characters; and the first
  // definition of each catalogue name (the one a plain `sigmoid(x)` is checked against).
  const imports: number[] = [];
  const others: number[] = [];
  {
    let total = 0;
    const seen = new Set<string>();
    for (let t = o.topCount - 1, read = 0; t >= 0 && read < MAX_IMPORTS && total < IMPORTS; t--) {
      if (o.binds[t] !== IMPORT) continue;
      read++;
      const start = topStart(t);
      const end = topStart(t + 1);
      const source = text.slice(start, end).trimEnd();
      if (seen.has(source) || total + end - start > IMPORTS || overlongIn(start, end)) continue;
      seen.add(source);
      imports.push(start, end);
      total += end - start;
    }
    const defined = new Set<string>();
    for (let t = 0; t < o.topCount; t++) {
      if (o.binds[t] === BINDING) others.push(t);
      if (o.binds[t] !== DEFINITION || defined.size >= MAX_IMPORTS || total >= 2 * IMPORTS) continue;
      const start = topStart(t);
      const end = topStart(t + 1);
      const name = DEFINED_NAME.exec(text.slice(start, Math.min(end, start + 200)))?.[1];
      if (name && !defined.has(name) && total + end - start <= 2 * IMPORTS && !overlongIn(start, end)) {
        defined.add(name);
        imports.push(start, end);
        total += end - start;
      }
    }
  }
  /**
   * The other binding statements a window over [start, end) holds: the nearest before it first (the binding
   * in effect there), then the nearest after it (a module constant assigned below a function), up to BINDINGS.
   */
  const bindingsAround = (start: number, end: number): number[] => {
    const out: number[] = [];
    let budget = BINDINGS;
    const take = (t: number): boolean => {
      const s = topStart(t);
      const e = topStart(t + 1);
      if (e - s > budget) return false;
      if (!overlongIn(s, e)) out.push(s, e);
      budget -= e - s;
      return true;
    };
    const first = lastAtOrBelow(others.length, (i) => topStart(others[i]), start - 1);
    for (let i = first; i >= 0 && take(others[i]); i--);
    let after = first + 1;
    while (after < others.length && topStart(others[after]) < end) after++;
    for (let i = after; i < others.length && take(others[i]); i++);
    return out;
  };
  const isTopStart = (at: number): boolean => {
    const t = lastAtOrBelow(o.topCount, topStart, at);
    return t >= 0 && topStart(t) === at;
  };
  const windows: DocumentModel[] = [];
  let breaks: Int32Array | undefined;
  const lineOf = (offset: number): number => {
    if (!breaks) {
      const found: number[] = [];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) found.push(i);
      breaks = Int32Array.from(found);
    }
    const newlines = breaks;
    return 2 + lastAtOrBelow(newlines.length, (i) => newlines[i], offset - 1);
  };
  let skeleton: DocumentModel | undefined;

  /** Whether [start, end) holds part of a line longer than MAX_LINE. */
  function overlongIn(start: number, end: number): boolean {
    const k = lastAtOrBelow(o.long.length >> 1, (i) => o.long[2 * i], end - 1);
    return k >= 0 && o.long[2 * k + 1] > start;
  }

  function build(core: number[], span: { start: number; end: number }, head = false): DocumentModel {
    // A window on a long line's head ends there: it holds only what comes before.
    const before = (ranges: number[]) => (head ? ranges.filter((_, i) => ranges[i - (i % 2)] < span.start) : ranges);
    const pieces = merged([...before(imports), ...before(bindingsAround(span.start, span.end)), ...core]);
    let chars = 0;
    for (let i = 0; i < pieces.length; i += 2) chars += pieces[i + 1] - pieces[i];
    return fullModel(blanked(text, pieces, family, isTopStart), family, version, undefined, { span, chars, windowAt, lineOf });
  }

  /** The [start, end) of code to index around `offset`, and the block headers above it (flattened); or the span of text with nothing to read. */
  function around(offset: number): number[] | { empty: { start: number; end: number } } {
    const t = lastAtOrBelow(o.topCount, topStart, offset);
    let start = t >= 0 ? topStart(t) : 0;
    let end = topStart(t + 1);
    let headers: number[] = [];
    if (end - start <= WINDOW) {
      // Neighbouring statements while they fit, one on each side in turn.
      let before = t - 1;
      let after = t + 1;
      for (let grew = true; grew; ) {
        grew = false;
        if (before >= 0 && end - topStart(before) <= WINDOW) {
          start = topStart(before--);
          grew = true;
        }
        if (after < o.topCount && topStart(after + 1) - start <= WINDOW) {
          end = topStart(++after);
          grew = true;
        }
      }
    } else {
      // A slice of whole logical lines around the offset, and the lines that open the blocks it sits in.
      const first = lastAtOrBelow(o.lineCount, lineAt, Math.max(start, offset - (WINDOW >> 1)));
      const last = lastAtOrBelow(o.lineCount, lineAt, Math.min(end, offset + (WINDOW >> 1)));
      let sliceStart = Math.max(start, lineAt(Math.max(0, first)));
      let sliceEnd = lineAt(last) > offset ? lineAt(last) : end;
      if (sliceEnd - sliceStart > 4 * WINDOW) {
        // One logical line longer than that. In a long string (or template, block comment) crossing lines there
        // is nothing to read (its doctest lines aside); else (a bracket left open over many lines) the physical
        // lines around the offset.
        const k = lastAtOrBelow(o.strings.length >> 1, (i) => o.strings[2 * i], offset);
        if (k >= 0 && offset > o.strings[2 * k] && offset < o.strings[2 * k + 1] - 1) return { empty: { start: o.strings[2 * k] + 1, end: o.strings[2 * k + 1] - 1 } };
        sliceStart = Math.max(start, text.lastIndexOf('\n', Math.max(0, offset - (WINDOW >> 1))) + 1);
        const nl = text.indexOf('\n', Math.min(text.length, offset + (WINDOW >> 1)));
        sliceEnd = Math.min(end, nl < 0 ? text.length : nl + 1);
      }
      let level = first >= 0 ? o.levels[first] : 0;
      for (let i = first - 1; i >= 0 && level > 0 && lineAt(i) >= start && headers.length < 128; i--) {
        if (o.levels[i] < level) {
          headers.push(lineAt(i), lineAt(i + 1));
          level = o.levels[i];
        }
      }
      start = sliceStart;
      end = sliceEnd;
    }
    // Lines longer than MAX_LINE bound a window: one before the offset starts it after, one after ends it;
    // on one, nothing is read (undefined).
    if (overlongIn(start, end)) {
      const k = lastAtOrBelow(o.long.length >> 1, (i) => o.long[2 * i], offset);
      if (k >= 0 && o.long[2 * k + 1] > start) {
        const next = lastAtOrBelow(o.lineCount, lineAt, o.long[2 * k + 1]) + 1;
        if (lineAt(next) > offset) return { empty: { start: o.long[2 * k + 1], end: lineAt(next) } };
        start = lineAt(next);
      }
      const after = 2 * (k + 1);
      if (after < o.long.length && o.long[after] < end) {
        const cut = lastAtOrBelow(o.lineCount, lineAt, o.long[after]);
        end = cut >= 0 && lineAt(cut) > offset ? lineAt(cut) : o.long[after];
      }
      const kept: number[] = [];
      for (let i = 0; i < headers.length; i += 2) if (headers[i + 1] <= start && !overlongIn(headers[i], headers[i + 1])) kept.push(headers[i], headers[i + 1]);
      headers = kept;
    }
    return [...headers, start, end];
  }

  function windowAt(offset: number): DocumentModel {
    const at = Math.max(0, Math.min(offset, text.length));
    for (let i = 0; i < windows.length; i++) {
      const w = windows[i];
      if (w.span.start <= at && (at < w.span.end || (at === text.length && at === w.span.end))) {
        if (i > 0) windows.unshift(...windows.splice(i, 1));
        return w;
      }
    }
    let w: DocumentModel;
    const k = lastAtOrBelow(o.long.length >> 1, (i) => o.long[2 * i], at);
    if (k >= 0 && at <= o.long[2 * k + 1]) {
      // On a line longer than MAX_LINE: its first MAX_LINE characters are read when it starts a logical line
      // (the syntax builder mutes the rest, as in a whole document's model), nothing after them.
      const [start, end] = [o.long[2 * k], o.long[2 * k + 1]];
      const logical = lineAt(lastAtOrBelow(o.lineCount, lineAt, start)) === start;
      const headEnd = start + MAX_LINE;
      if (logical && at < headEnd) w = build([start, Math.min(end, headEnd + 256)], { start, end: headEnd }, true);
      else w = nothing({ start: logical ? headEnd : start, end: end + 1 });
    } else {
      const core = around(at);
      w = Array.isArray(core) ? build(core, { start: core[core.length - 2], end: core[core.length - 1] }) : nothing(core.empty);
    }
    windows.unshift(w);
    if (windows.length > WINDOWS_KEPT) windows.length = WINDOWS_KEPT;
    let kept = 0;
    for (let i = 0; i < windows.length; i++) {
      kept += windows[i].text.length;
      if (i > 0 && kept > WINDOW_TEXTS_KEPT) {
        windows.length = i;
        break;
      }
    }
    return w;
  }

  /** A window over text with nothing to read (a long line's tail, a string that a long line opened). */
  function nothing(span: { start: number; end: number }): DocumentModel {
    return fullModel('', family, version, undefined, { span, chars: 0, windowAt, lineOf });
  }

  const bindingsOnly = (): DocumentModel => (skeleton ??= build([], { start: 0, end: 0 }));
  const model: DocumentModel = {
    text,
    family,
    version,
    windowed: true,
    span: { start: 0, end: text.length },
    windowAt,
    get tokens() {
      return bindingsOnly().tokens;
    },
    get syntax() {
      return bindingsOnly().syntax;
    },
    get sites() {
      return bindingsOnly().sites;
    },
    siteOfCall: (index) => bindingsOnly().siteOfCall(index),
    siteAt: (offset) => windowAt(offset).siteAt(offset),
    bindingAt: (name, offset) => windowAt(offset).bindingAt(name, offset),
    scopeAt: (offset) => windowAt(offset).scopeAt(offset),
  };
  outlines.set(model, o);
  return model;
}

/** A large document's outline, by its model (the next version reuses it). */
const outlines = new WeakMap<DocumentModel, Outline>();

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
