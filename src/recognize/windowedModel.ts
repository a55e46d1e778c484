/**
 * The model of a large document (over LARGE_DOCUMENT characters): an outline pass over the whole text
 * (outline.ts), then the full model (model.ts) of the code around each query, built on the first query there
 * and kept per version. Pure: no VS Code, no Node.
 */
import { BINDING, DEFINITION, IMPORT, outline, type Outline } from './outline';
import { MAX_LINE } from './scanner';
import { firstDifference, fullModel, type DocumentModel } from './model';
import { lastAtOrBelow } from './sortedSearch';
import type { LanguageFamily } from '../frameworks/spellings';

/** How many characters `a` and `b` share at their ends, at most `limit`. */
function commonSuffix(a: string, b: string, limit: number): number {
  const CHUNK = 4096;
  let n = 0;
  while (n + CHUNK <= limit && a.slice(a.length - n - CHUNK, a.length - n) === b.slice(b.length - n - CHUNK, b.length - n)) n += CHUNK;
  while (n < limit && a.charCodeAt(a.length - 1 - n) === b.charCodeAt(b.length - 1 - n)) n++;
  return n;
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
export function windowedModel(text: string, family: LanguageFamily, version: number | undefined, previous?: DocumentModel): DocumentModel {
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
