/**
 * Where the strings and comments are around a position: a hand-written state machine over a bounded
 * window (no regular expressions, so nothing can backtrack), started at a line start in code state.
 *
 * The one thing a window cannot see is a string or comment that opened above it. Two cheap repairs:
 * Python triple-quoted strings are found once per document with indexOf (`tripleQuotedRegions`), and in
 * JavaScript a `*` + `/` met in code state means the window began inside a block comment.
 *
 * Python: `#` comments, '…' "…" (to the quote or the line end), '''…''' """…""" (any prefixes).
 * JavaScript / TypeScript: `//` and block comments, '…' "…", template literals (whole, `${…}` included),
 * and regular-expression literals where a `/` cannot be a division.
 */

/** Kinds of non-code span. */
export const SpanKind = { String: 1, Comment: 2 } as const;
export type SpanKind = (typeof SpanKind)[keyof typeof SpanKind];

/** Non-code regions, sorted: [start0, end0, kind0, start1, end1, kind1, …], end exclusive. */
export interface Spans {
  readonly data: Int32Array;
  readonly count: number;
}

export type LanguageFamily = 'python' | 'js';

class SpanBuilder {
  private data = new Int32Array(48);
  count = 0;
  push(start: number, end: number, kind: SpanKind): void {
    if ((this.count + 1) * 3 > this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    const i = this.count * 3;
    this.data[i] = start;
    this.data[i + 1] = end;
    this.data[i + 2] = kind;
    this.count++;
  }
  /** Drop every span so far (the window turned out to start inside a comment). */
  reset(): void {
    this.count = 0;
  }
  build(): Spans {
    return { data: this.data.subarray(0, this.count * 3), count: this.count };
  }
}

const NL = 10;
const CR = 13;
const BACKSLASH = 92;
const HASH = 35;
const SLASH = 47;
const STAR = 42;
const SQ = 39;
const DQ = 34;
const BACKTICK = 96;

/** How far past the window a string, comment or regex is followed before it is cut off there. */
const OVERRUN = 8192;

/**
 * Python triple-quoted strings of the whole document as sorted [start, end) pairs, found with indexOf.
 * A triple quote after a `#` on its line is taken for a comment and skipped.
 */
export function tripleQuotedRegions(text: string): Int32Array {
  const out: number[] = [];
  let nextDouble = text.indexOf('"""');
  let nextSingle = text.indexOf("'''");
  let from = 0;
  while (nextDouble >= 0 || nextSingle >= 0) {
    const useDouble = nextSingle < 0 || (nextDouble >= 0 && nextDouble < nextSingle);
    const open = useDouble ? nextDouble : nextSingle;
    const delimiter = useDouble ? '"""' : "'''";
    if (open >= from && !afterHashOnLine(text, open)) {
      const close = closingTriple(text, open + 3, delimiter);
      const end = close < 0 ? text.length : close + 3;
      out.push(open, end);
      from = end;
    } else from = Math.max(from, open + 3);
    if (nextDouble >= 0 && nextDouble < from) nextDouble = text.indexOf('"""', from);
    if (nextSingle >= 0 && nextSingle < from) nextSingle = text.indexOf("'''", from);
  }
  return Int32Array.from(out);
}

function afterHashOnLine(text: string, at: number): boolean {
  for (let i = at - 1; i >= 0 && at - i < 2000; i--) {
    const c = text.charCodeAt(i);
    if (c === NL || c === CR) return false;
    if (c === HASH) return true;
  }
  return false;
}

function closingTriple(text: string, from: number, delimiter: string): number {
  for (let at = text.indexOf(delimiter, from); at >= 0; at = text.indexOf(delimiter, at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at;
  }
  return -1;
}

/**
 * The strings and comments of `text[from, to)`, lexed from `from` in code state (Python: unless `from`
 * lies in one of `triples`). Spans may run past `to` by up to 8 KB.
 */
export function scanWindow(text: string, family: LanguageFamily, from: number, to: number, triples?: Int32Array): Spans {
  const out = new SpanBuilder();
  if (family === 'python') scanPython(text, from, to, out, triples);
  else scanJs(text, from, to, out);
  return out.build();
}

function scanPython(text: string, from: number, to: number, out: SpanBuilder, triples?: Int32Array): void {
  const hard = Math.min(text.length, to + OVERRUN);
  let i = from;
  if (triples) {
    const r = regionContaining(triples, from);
    if (r >= 0) {
      out.push(triples[r], triples[r + 1], SpanKind.String);
      i = triples[r + 1];
    }
  }
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === HASH) {
      const start = i;
      while (i < hard && text.charCodeAt(i) !== NL && text.charCodeAt(i) !== CR) i++;
      out.push(start, i, SpanKind.Comment);
    } else if (c === SQ || c === DQ) {
      const start = i;
      if (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
        const close = closingTriple(text, i + 3, text.slice(i, i + 3));
        i = close < 0 ? text.length : close + 3;
      } else i = endOfShortString(text, i + 1, c, hard);
      out.push(start, i, SpanKind.String);
    } else i++;
  }
}

/** Index of the [start, end) pair in `regions` containing `offset`, as an even array index, or −1. */
function regionContaining(regions: Int32Array, offset: number): number {
  let lo = 0;
  let hi = regions.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < regions[mid * 2]) hi = mid - 1;
    else if (offset >= regions[mid * 2 + 1]) lo = mid + 1;
    else return mid * 2;
  }
  return -1;
}

/** Index just past a one-line string whose body starts at `i`: after the closing quote, or at the line end. */
function endOfShortString(text: string, i: number, quote: number, hard: number): number {
  while (i < hard) {
    const d = text.charCodeAt(i);
    if (d === BACKSLASH) {
      // An escaped line end continues the string (Python and JavaScript agree on that).
      i += text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === NL ? 3 : 2;
    } else if (d === quote) return i + 1;
    else if (d === NL || d === CR) return i;
    else i++;
  }
  return Math.min(i, hard);
}

/** Keywords after which a `/` starts a regular expression rather than a division. */
const REGEX_KEYWORDS = new Set(['return', 'typeof', 'case', 'do', 'else', 'in', 'of', 'new', 'delete', 'void', 'throw', 'yield', 'await', 'instanceof']);

function scanJs(text: string, from: number, to: number, out: SpanBuilder): void {
  const hard = Math.min(text.length, to + OVERRUN);
  let i = from;
  // The last significant character outside strings and comments, to tell a regex from a division.
  let last = -1;
  let lastWordStart = -1;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === SLASH && text.charCodeAt(i + 1) === SLASH) {
      const start = i;
      while (i < hard && text.charCodeAt(i) !== NL && text.charCodeAt(i) !== CR) i++;
      out.push(start, i, SpanKind.Comment);
    } else if (c === SLASH && text.charCodeAt(i + 1) === STAR) {
      const start = i;
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? text.length : end + 2;
      out.push(start, i, SpanKind.Comment);
    } else if (c === STAR && text.charCodeAt(i + 1) === SLASH) {
      // A comment closer in code state: the window began inside a block comment.
      i += 2;
      out.reset();
      out.push(from, i, SpanKind.Comment);
    } else if (c === SQ || c === DQ) {
      const start = i;
      i = endOfShortString(text, i + 1, c, hard);
      out.push(start, i, SpanKind.String);
      last = c;
    } else if (c === BACKTICK) {
      const start = i;
      i = endOfTemplate(text, i + 1);
      out.push(start, i, SpanKind.String);
      last = c;
    } else if (c === SLASH && regexAllowed(text, last, lastWordStart, i)) {
      const start = i;
      const end = endOfRegex(text, i + 1, Math.min(hard, i + 1000));
      if (end < 0) {
        // No closing slash on the line: a division after all.
        last = c;
        i++;
        continue;
      }
      i = end;
      out.push(start, i, SpanKind.String);
      last = SLASH;
    } else if (isWordChar(c)) {
      lastWordStart = i;
      while (i < to && isWordChar(text.charCodeAt(i))) i++;
      last = text.charCodeAt(i - 1);
    } else {
      if (c > 32) last = c;
      i++;
    }
  }
}

function endOfTemplate(text: string, from: number): number {
  for (let at = text.indexOf('`', from); at >= 0; at = text.indexOf('`', at + 1)) {
    let backslashes = 0;
    while (text.charCodeAt(at - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return at + 1;
  }
  return text.length;
}

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}

function regexAllowed(text: string, last: number, lastWordStart: number, at: number): boolean {
  if (last < 0) return true;
  if (isWordChar(last)) {
    // After an identifier or number it is a division, unless the word is a keyword like `return`.
    let end = lastWordStart;
    while (end < at && isWordChar(text.charCodeAt(end))) end++;
    return end - lastWordStart <= 10 && REGEX_KEYWORDS.has(text.slice(lastWordStart, end));
  }
  // After `)`, `]`, `}` or a literal a slash divides; after any other punctuator it opens a regex.
  return last !== 41 && last !== 93 && last !== 125 && last !== SQ && last !== DQ && last !== BACKTICK;
}

/** Index just past a regex literal's flags, or −1 when the line ends first (or `hard` is reached). */
function endOfRegex(text: string, i: number, hard: number): number {
  let inClass = false;
  while (i < hard) {
    const d = text.charCodeAt(i);
    if (d === BACKSLASH) i += 2;
    else if (d === NL || d === CR) return -1;
    else if (d === 91 || d === 93) {
      inClass = d === 91;
      i++;
    } else if (d === SLASH && !inClass) {
      i++;
      while (i < text.length && isWordChar(text.charCodeAt(i))) i++;
      return i;
    } else i++;
  }
  return -1;
}

/** Index of the span containing `offset` (start ≤ offset < end), or −1. */
export function spanAt(spans: Spans, offset: number): number {
  const { data } = spans;
  let lo = 0;
  let hi = spans.count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (offset < data[mid * 3]) hi = mid - 1;
    else if (offset >= data[mid * 3 + 1]) lo = mid + 1;
    else return mid;
  }
  return -1;
}

/** Whether `offset` lies in one of the document's Python triple-quoted strings. */
export function inTripleQuoted(triples: Int32Array, offset: number): boolean {
  return regionContaining(triples, offset) >= 0;
}
