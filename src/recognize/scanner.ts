/**
 * The tokenizer under the document model: one left-to-right pass over the text, each character looked at a
 * bounded number of times (no look-back, no regular expression over the document), so a 4 MB line of
 * `import import …` or `"""'''…` costs what any 4 MB of code costs. Tokens live in typed arrays.
 *
 * Python: names, numbers, strings with prefixes (triple-quoted ones whole; `>>> ` / `... ` doctest lines
 * inside them are tokenized as code, at their own offsets), `#` comments skipped, logical newlines (NL) only
 * outside brackets, with the next line's indentation. JavaScript / TypeScript: `//` and block comments
 * skipped, strings, template literals whole (`${…}` included), regular-expression literals where a `/`
 * cannot be a division, NL at line ends outside parentheses and brackets.
 */
import type { LanguageFamily } from '../frameworks/spellings';

/** Past this many characters a physical line is muted in the syntax builder (syntax.ts); brackets left open on a longer line are forgotten at its end. */
export const MAX_LINE = 20_000;

export const Tok = { Name: 1, Num: 2, Str: 3, Op: 4, NL: 5, Regex: 6 } as const;
export type TokKind = (typeof Tok)[keyof typeof Tok];

/** Op codes beyond single characters (single-character operators use their char code). */
export const OpCode = { EqEq: 1001, Arrow: 1002, Spread: 1003, Power: 1004, Compare: 1005, AugAssign: 1006, Walrus: 1007, ReturnArrow: 1008 } as const;

export interface Tokens {
  readonly count: number;
  readonly kind: Uint8Array;
  readonly start: Int32Array;
  readonly end: Int32Array;
  /** Op: its code; NL: the indentation of the line after it; Str: 1 for a triple-quoted string. */
  readonly aux: Int32Array;
  /** The indentation of the first line's first token. */
  readonly firstIndent: number;
}

class TokenSink {
  kind: Uint8Array;
  start: Int32Array;
  end: Int32Array;
  aux: Int32Array;
  count = 0;
  /** An NL was the last token: the next token's indentation goes into its aux. */
  pendingIndent = true;
  firstIndent = 0;
  lineStart = 0;
  /**
   * The last token seen, emitted or not (the JavaScript scanner's regex-or-division test reads it): its kind
   * (0 before the first), Op code, and offsets.
   */
  lastKind = 0;
  lastAux = 0;
  lastStart = 0;
  lastEnd = 0;
  /**
   * The tail of an overlong line (past MAX_LINE characters from its start) is muted in the syntax builder, so
   * its tokens are not stored: only a closing bracket that closes one opened before the tail is (the builder
   * closes that call or frame there); the scanners' tail() loops count the brackets.
   */
  /** Resume points (see RESUME_EVERY): the NL token's index and the offset after its newline, flattened. */
  resume: number[] = [];
  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.start = new Int32Array(capacity);
    this.end = new Int32Array(capacity);
    this.aux = new Int32Array(capacity);
  }
  /** Pushes a token and returns its end, where the scanner goes on. */
  span(kind: TokKind, start: number, end: number): number {
    this.push(kind, start, end);
    return end;
  }
  push(kind: TokKind, start: number, end: number, aux = 0): void {
    this.lastKind = kind;
    this.lastAux = aux;
    this.lastStart = start;
    this.lastEnd = end;
    if (start - this.lineStart >= MAX_LINE && kind !== Tok.NL) return;
    if (this.count === this.kind.length) this.grow();
    const n = this.count++;
    this.kind[n] = kind;
    this.start[n] = start;
    this.end[n] = end;
    this.aux[n] = aux;
    if (kind === Tok.NL) this.pendingIndent = true;
    else if (this.pendingIndent) {
      this.pendingIndent = false;
      const indent = start - this.lineStart;
      if (n === 0) this.firstIndent = indent;
      else if (this.kind[n - 1] === Tok.NL) this.aux[n - 1] = indent;
    }
  }
  /** A closing bracket in an overlong line's tail that closes what the tail did not open: stored, so the builder closes that frame there. */
  tailClose(c: number, at: number): void {
    if (this.count === this.kind.length) this.grow();
    const n = this.count++;
    this.kind[n] = Tok.Op;
    this.start[n] = at;
    this.end[n] = at + 1;
    this.aux[n] = c;
  }
  newline(at: number, depth: number): void {
    if (depth === 0 && this.count > 0 && this.kind[this.count - 1] !== Tok.NL) this.push(Tok.NL, at, at + 1);
  }
  /** A newline of the top level (not in a bracket, string or doctest) ended at `next`: tokenizing may resume there. */
  mark(next: number): void {
    const n = this.count - 1;
    if (n < 0 || this.kind[n] !== Tok.NL || this.start[n] >= next) return;
    const last = this.resume.length - 2;
    if (last < 0 || n - this.resume[last] >= RESUME_EVERY) this.resume.push(n, next);
  }
  private grow(atLeast = 0): void {
    const size = Math.max(this.kind.length * 2, atLeast);
    const k = new Uint8Array(size);
    k.set(this.kind);
    this.kind = k;
    for (const key of ['start', 'end', 'aux'] as const) {
      const a = new Int32Array(size);
      a.set(this[key]);
      this[key] = a;
    }
  }
  build(): Tokens {
    if (this.count > 0 && this.kind[this.count - 1] !== Tok.NL) this.push(Tok.NL, this.end[this.count - 1], this.end[this.count - 1]);
    const tokens = { count: this.count, kind: this.kind, start: this.start, end: this.end, aux: this.aux, firstIndent: this.firstIndent };
    resumePoints.set(tokens, this.resume);
    return tokens;
  }

  /** Starts from `previous`'s tokens up to and including its NL token `nl`, the scan to resume at `next`. */
  resumeFrom(previous: Tokens, nl: number, next: number, points: readonly number[]): void {
    const n = nl + 1;
    if (n > this.kind.length) this.grow(n);
    this.kind.set(previous.kind.subarray(0, n));
    this.start.set(previous.start.subarray(0, n));
    this.end.set(previous.end.subarray(0, n));
    this.aux.set(previous.aux.subarray(0, n));
    // The NL's indentation is the next token's, written when it comes.
    this.aux[nl] = 0;
    this.count = n;
    this.firstIndent = previous.firstIndent;
    this.pendingIndent = true;
    this.lineStart = next;
    this.lastKind = Tok.NL;
    this.lastStart = previous.start[nl];
    this.lastEnd = previous.end[nl];
    for (let i = 0; i < points.length && points[i] <= nl; i += 2) this.resume.push(points[i], points[i + 1]);
  }
}

/**
 * Tokenizing can resume after a top-level newline (bracket depth 0, outside strings, comments and doctests):
 * the scanners mark one such newline at least every RESUME_EVERY tokens (tokenize(…, reuse)).
 */
const RESUME_EVERY = 512;
const resumePoints = new WeakMap<Tokens, readonly number[]>();
/** Tokens made with `reuse`: how many were copied from the earlier version's. */
const copiedCount = new WeakMap<Tokens, number>();

/** How many of `tokens`' first tokens were copied from an earlier version's (tokenize with `reuse`), else 0. */
export function tokensCopied(tokens: Tokens): number {
  return copiedCount.get(tokens) ?? 0;
}

const NL = 10;
const CR = 13;

export function isIdentStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 36 || c >= 128;
}
export function isIdentPart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36 || c >= 128;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Tokenizes a whole document. With `reuse` (the tokens of an earlier version of the same document, and the
 * offset of the first character where the two texts differ), the earlier tokens before the last resume point
 * at or before that offset are copied and the scan starts there: the result is the same as a fresh scan.
 */
export function tokenize(text: string, family: LanguageFamily, reuse?: { readonly tokens: Tokens; readonly unchangedUpTo: number }, codeChars = text.length): Tokens {
  // About one token per 4 characters of code (`codeChars`: fewer when most of the text is blanked, as in a
  // large document's window); the sink grows when it needs to.
  const sink = new TokenSink(Math.max(64, codeChars >> 2, reuse ? reuse.tokens.count + (reuse.tokens.count >> 4) : 0));
  let from = 0;
  const points = reuse && resumePoints.get(reuse.tokens);
  if (reuse && points) {
    let best = -1;
    for (let i = 0; i < points.length && points[i + 1] <= reuse.unchangedUpTo; i += 2) best = i;
    if (best >= 0) {
      sink.resumeFrom(reuse.tokens, points[best], points[best + 1], points);
      from = points[best + 1];
    }
  }
  const copied = sink.count;
  if (family === 'python') new PythonScanner(text, sink).scan(from, text.length, true);
  else new JsScanner(text, sink).scan(from);
  const tokens = sink.build();
  if (copied > 0) copiedCount.set(tokens, copied);
  return tokens;
}

/**
 * Where a one-line string (Python's '…'/"…", JavaScript's quotes) that opened with quote `q` before `from` ends:
 * after its closing quote, or — unterminated — at the line break that ends it, or at `to`. Backslash escapes the
 * next character in both languages.
 */
export function singleLineStringEnd(text: string, from: number, to: number, q: number): number {
  let k = from;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (c === 92) k += 2;
    else if (c === q) return k + 1;
    else if (c === NL || c === CR) return k;
    else k++;
  }
  return to;
}

/**
 * The end of the JavaScript regular-expression literal whose `/` is at `i`: after its closing `/` and flags, or —
 * unterminated — at the line break. A `/` inside a character class does not close it.
 */
export function regexEnd(text: string, i: number): number {
  const to = text.length;
  let k = i + 1;
  let inClass = false;
  while (k < to) {
    const c = text.charCodeAt(k);
    if (c === 92) k += 2;
    else if (c === NL || c === CR) break;
    else if (c === 91) {
      inClass = true;
      k++;
    } else if (c === 93) {
      inClass = false;
      k++;
    } else if (c === 47 && !inClass) {
      k = identEnd(text, k + 1, to);
      break;
    } else k++;
  }
  return Math.min(k, to);
}

/**
 * The end of the template literal whose backtick is at `i`, `${…}` (with nested strings and templates)
 * included; an explicit stack, no recursion. `onLine` hears the start of each line the template crosses.
 */
export function templateEnd(text: string, i: number, onLine?: (lineStart: number) => void): number {
  const to = text.length;
  // Each entry: brace depth inside a `${`; -1 marks "in template text".
  const stack: number[] = [-1];
  let k = i + 1;
  while (k < to && stack.length > 0) {
    const c = text.charCodeAt(k);
    const top = stack[stack.length - 1];
    if (c === NL && onLine) onLine(k + 1);
    if (top === -1) {
      if (c === 92) k += 2;
      else if (c === 96) {
        stack.pop();
        k++;
      } else if (c === 36 && text.charCodeAt(k + 1) === 123) {
        stack.push(0);
        k += 2;
      } else k++;
    } else if (c === 123) {
      stack[stack.length - 1] = top + 1;
      k++;
    } else if (c === 125) {
      if (top === 0) stack.pop();
      else stack[stack.length - 1] = top - 1;
      k++;
    } else if (c === 96) {
      stack.push(-1);
      k++;
    } else if (c === 39 || c === 34) {
      let m = k + 1;
      while (m < to) {
        const d = text.charCodeAt(m);
        if (d === 92) m += 2;
        else if (d === c || d === NL) break;
        else m++;
      }
      k = m + 1;
    } else k++;
  }
  return Math.min(k, to);
}

/** Where a line comment starting at `i` ends: at its line break (before the CR of a CRLF), or at `to`. */
export function lineCommentEnd(text: string, i: number, to: number): number {
  const end = text.indexOf('\n', i);
  const stop = end < 0 || end > to ? to : end;
  return text.charCodeAt(stop - 1) === CR ? stop - 1 : stop;
}

/** The end of an identifier whose rest starts at `from`. */
function identEnd(text: string, from: number, to: number): number {
  let j = from;
  while (j < to && isIdentPart(text.charCodeAt(j))) j++;
  return j;
}

/** A number starts with a digit, or with a point followed by one (`.5`). */
function isNumberStart(text: string, c: number, i: number): boolean {
  return isDigit(c) || (c === 46 && isDigit(text.charCodeAt(i + 1)));
}

/** Python's string prefixes: r, b, u, f and their two-letter combinations. */
function isStringPrefix(text: string, from: number, to: number): boolean {
  if (to - from > 2) return false;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i) | 32;
    if (c !== 114 && c !== 98 && c !== 117 && c !== 102) return false;
  }
  return true;
}

class PythonScanner {
  private depth = 0;
  /** Where the next '>>>' at or after the last searched offset is (text.length when there is none). */
  private nextPrompt = -1;
  constructor(
    private readonly text: string,
    private readonly sink: TokenSink,
  ) {}

  /** Tokens of text[from, to); `doctests` says whether docstrings' `>>>` lines are read as code. */
  scan(from: number, to: number, doctests: boolean): void {
    const { text, sink } = this;
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 12) {
        i++;
      } else if (i - sink.lineStart >= MAX_LINE && c !== NL && c !== CR) {
        i = this.tail(i, to, doctests);
      } else if (c === NL || c === CR) {
        if (i - sink.lineStart > MAX_LINE) this.depth = 0;
        sink.newline(i, this.depth);
        i += c === CR && text.charCodeAt(i + 1) === NL ? 2 : 1;
        sink.lineStart = i;
        if (doctests && this.depth === 0) sink.mark(i);
      } else if (c === 35 /* # */) {
        i = lineCommentEnd(text, i, to);
      } else if (c === 92 /* \ */) {
        // A line continuation (or a stray backslash).
        i += text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === NL ? 3 : 2;
      } else if (isIdentStart(c)) {
        const j = identEnd(text, i + 1, to);
        const q = text.charCodeAt(j);
        if ((q === 39 || q === 34) && isStringPrefix(text, i, j)) i = this.string(i, j, to, doctests);
        else i = sink.span(Tok.Name, i, j);
      } else if (isNumberStart(text, c, i)) {
        i = sink.span(Tok.Num, i, numberEnd(text, i, to));
      } else if (c === 39 || c === 34) {
        i = this.string(i, i, to, doctests);
      } else {
        i = this.operator(c, i, to);
      }
    }
  }

  /**
   * The tail of an overlong line from `i` (its tokens are not stored, see TokenSink): brackets counted, strings
   * and comments skipped as usual so the next lines are read right. Returns at the line's end (or where a string
   * took the scan onto another line).
   */
  private tail(i: number, to: number, doctests: boolean): number {
    const { text, sink } = this;
    const line = sink.lineStart;
    // Brackets opened in this tail and not closed yet.
    let open = 0;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === NL || c === CR) return i;
      if (c === 40 || c === 91 || c === 123) {
        this.depth++;
        open++;
        i++;
      } else if (c === 41 || c === 93 || c === 125) {
        if (this.depth > 0) this.depth--;
        if (open > 0) open--;
        else sink.tailClose(c, i);
        i++;
      } else if (c === 39 || c === 34) {
        i = this.string(i, i, to, doctests);
        if (sink.lineStart !== line) return i;
      } else if (c === 35) {
        i = lineCommentEnd(text, i, to);
        return i;
      } else if (c === 92) {
        i += text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === NL ? 3 : 2;
      } else i++;
    }
    return i;
  }

  private operator(c: number, i: number, to: number): number {
    const { text, sink } = this;
    const d = i + 1 < to ? text.charCodeAt(i + 1) : 0;
    if (c === 40 || c === 91 || c === 123) {
      this.depth++;
      sink.push(Tok.Op, i, i + 1, c);
      return i + 1;
    }
    if (c === 41 || c === 93 || c === 125) {
      if (this.depth > 0) this.depth--;
      sink.push(Tok.Op, i, i + 1, c);
      return i + 1;
    }
    if (c === 61 /* = */) {
      if (d === 61) return this.op(i, 2, OpCode.EqEq);
      return this.op(i, 1, 61);
    }
    if (c === 42 /* * */ && d === 42) {
      if (text.charCodeAt(i + 2) === 61) return this.op(i, 3, OpCode.AugAssign);
      return this.op(i, 2, OpCode.Power);
    }
    if (c === 58 /* : */ && d === 61) return this.op(i, 2, OpCode.Walrus);
    if (c === 45 /* - */ && d === 62) return this.op(i, 2, OpCode.ReturnArrow);
    if ((c === 33 || c === 60 || c === 62) && d === 61) return this.op(i, 2, OpCode.Compare);
    if (d === 61 && (c === 43 || c === 45 || c === 42 || c === 47 || c === 37 || c === 38 || c === 124 || c === 94 || c === 64)) {
      return this.op(i, 2, OpCode.AugAssign);
    }
    if (c === 47 && d === 47) return this.op(i, text.charCodeAt(i + 2) === 61 ? 3 : 2, text.charCodeAt(i + 2) === 61 ? OpCode.AugAssign : 47);
    return this.op(i, 1, c);
  }

  private op(i: number, length: number, code: number): number {
    this.sink.push(Tok.Op, i, i + length, code);
    return i + length;
  }

  /** A string literal whose prefix starts at `start` and quote at `quote`; returns the index after it. */
  private string(start: number, quote: number, to: number, doctests: boolean): number {
    const { text, sink } = this;
    const q = text.charCodeAt(quote);
    const triple = text.charCodeAt(quote + 1) === q && text.charCodeAt(quote + 2) === q;
    let k = triple ? quote + 3 : quote + 1;
    let end = to;
    if (triple) {
      while (k < to) {
        const c = text.charCodeAt(k);
        if (c === 92) k += 2;
        else if (c === q && text.charCodeAt(k + 1) === q && text.charCodeAt(k + 2) === q) {
          end = k + 3;
          break;
        } else {
          if (c === NL) sink.lineStart = k + 1;
          k++;
        }
      }
    } else end = singleLineStringEnd(text, k, to, q);
    end = Math.min(end, to);
    sink.push(Tok.Str, start, end, triple ? 1 : 0);
    if (triple && doctests) this.doctests(quote + 3, Math.max(quote + 3, end - 3));
    return end;
  }

  /**
   * `>>> code` and `... code` lines of a docstring, tokenized as statements at their own offsets.
   * One pass over the string's lines; nothing when the string has no `>>>`.
   */
  private doctests(from: number, to: number): void {
    const { text, sink } = this;
    // One forward search for '>>>' serves every docstring after it: the search never runs twice over the same text.
    if (this.nextPrompt < from) {
      const found = text.indexOf('>>>', from);
      this.nextPrompt = found < 0 ? text.length : found;
    }
    if (this.nextPrompt >= to) return;
    const outerDepth = this.depth;
    const outerLineStart = sink.lineStart;
    this.depth = 0;
    let inExample = false;
    sink.newline(from, 0);
    let p = from;
    while (p < to) {
      let lineEnd = text.indexOf('\n', p);
      if (lineEnd < 0 || lineEnd > to) lineEnd = to;
      let s = p;
      while (s < lineEnd && (text.charCodeAt(s) === 32 || text.charCodeAt(s) === 9)) s++;
      const prompt = text.startsWith('>>>', s) ? 1 : inExample && text.startsWith('...', s) ? 2 : 0;
      const next = text.charCodeAt(s + 3);
      if (prompt !== 0 && (s + 3 >= lineEnd || next === 32 || next === 13)) {
        inExample = true;
        sink.lineStart = s + 4;
        this.scan(Math.min(s + 4, lineEnd), lineEnd, false);
        sink.newline(lineEnd, this.depth);
      } else if (inExample) {
        inExample = false;
        this.depth = 0;
        sink.newline(lineEnd, 0);
      }
      p = lineEnd + 1;
    }
    this.depth = 0;
    sink.newline(to, 0);
    this.depth = outerDepth;
    sink.lineStart = outerLineStart;
  }
}

/** Keywords after which a `/` starts a regular expression, not a division. */
export const REGEX_AFTER = new Set(['return', 'typeof', 'case', 'in', 'of', 'new', 'delete', 'void', 'throw', 'else', 'do', 'yield', 'await', 'instanceof']);

class JsScanner {
  /** Parentheses and brackets open (braces do not hold a statement open). */
  private depth = 0;
  constructor(
    private readonly text: string,
    private readonly sink: TokenSink,
  ) {}

  scan(from = 0): void {
    const { text, sink } = this;
    const to = text.length;
    let i = from;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === 32 || c === 9 || c === 12 || c === 0xfeff) {
        i++;
      } else if (i - sink.lineStart >= MAX_LINE && c !== NL && c !== CR) {
        i = this.tail(i);
      } else if (c === NL || c === CR) {
        if (i - sink.lineStart > MAX_LINE) this.depth = 0;
        sink.newline(i, this.depth);
        i += c === CR && text.charCodeAt(i + 1) === NL ? 2 : 1;
        sink.lineStart = i;
        if (this.depth === 0) sink.mark(i);
      } else if (c === 47 /* / */) {
        const d = text.charCodeAt(i + 1);
        if (d === 47) {
          i = lineCommentEnd(text, i, to);
        } else if (d === 42) {
          i = this.blockComment(i);
        } else if (this.regexAllowed()) {
          i = this.regex(i);
        } else {
          i = this.op(i, d === 61 ? 2 : 1, d === 61 ? OpCode.AugAssign : 47);
        }
      } else if (isIdentStart(c)) {
        i = sink.span(Tok.Name, i, identEnd(text, i + 1, to));
      } else if (isNumberStart(text, c, i)) {
        i = sink.span(Tok.Num, i, numberEnd(text, i, to));
      } else if (c === 39 || c === 34) {
        i = this.quoted(i);
      } else if (c === 96) {
        i = this.template(i);
      } else {
        i = this.operator(c, i);
      }
    }
  }

  /**
   * The tail of an overlong line from `i` (tokens not stored, see TokenSink): brackets counted; names, numbers,
   * strings, templates, comments and regular expressions skipped as in scan(), the last token remembered for the
   * regex-or-division test. Returns at the line's end (or where a comment or template took the scan onto another line).
   */
  private tail(i: number): number {
    const { text, sink } = this;
    const to = text.length;
    const line = sink.lineStart;
    // Brackets opened in this tail and not closed yet; the last token (kind, op code, offsets) kept locally.
    let open = 0;
    let kind = sink.lastKind;
    let code = sink.lastAux;
    let from = sink.lastStart;
    let upTo = sink.lastEnd;
    while (i < to) {
      const c = text.charCodeAt(i);
      if (c === NL || c === CR) break;
      if (c === 32 || c === 9 || c === 12 || c === 0xfeff) {
        i++;
        continue;
      }
      if (c === 40 || c === 91 || c === 123) {
        if (c !== 123) this.depth++;
        open++;
        kind = Tok.Op;
        code = c;
        i++;
      } else if (c === 41 || c === 93 || c === 125) {
        if (c !== 125 && this.depth > 0) this.depth--;
        if (open > 0) open--;
        else sink.tailClose(c, i);
        kind = Tok.Op;
        code = c;
        i++;
      } else if (isIdentStart(c)) {
        kind = Tok.Name;
        from = i;
        upTo = identEnd(text, i + 1, to);
        i = upTo;
      } else if (isNumberStart(text, c, i)) {
        i = numberEnd(text, i, to);
        kind = Tok.Num;
      } else if (c === 39 || c === 34) {
        i = this.quoted(i);
        kind = Tok.Str;
      } else if (c === 96) {
        i = this.template(i);
        kind = Tok.Str;
        if (sink.lineStart !== line) break;
      } else if (c === 47) {
        // Comments and regular expressions as scan() reads them.
        const d = text.charCodeAt(i + 1);
        if (d === 47) {
          i = lineCommentEnd(text, i, to);
          break;
        }
        if (d === 42) {
          i = this.blockComment(i);
          if (sink.lineStart !== line) break;
          continue;
        }
        sink.lastKind = kind;
        sink.lastAux = code;
        sink.lastStart = from;
        sink.lastEnd = upTo;
        if (this.regexAllowed()) {
          i = this.regex(i);
          kind = Tok.Regex;
        } else {
          kind = Tok.Op;
          code = 47;
          i++;
        }
      } else {
        kind = Tok.Op;
        code = c;
        i++;
      }
    }
    sink.lastKind = kind;
    sink.lastAux = code;
    sink.lastStart = from;
    sink.lastEnd = upTo;
    return i;
  }

  /** A block comment starting at `i`; returns the index after it. */
  private blockComment(i: number): number {
    const { text, sink } = this;
    const end = text.indexOf('*/', i + 2);
    const stop = end < 0 ? text.length : end + 2;
    // Line starts inside the comment still count for indentation.
    for (let nl = text.indexOf('\n', i); nl >= 0 && nl < stop; nl = text.indexOf('\n', nl + 1)) sink.lineStart = nl + 1;
    return stop;
  }

  private regexAllowed(): boolean {
    const { sink, text } = this;
    // The last token seen, stored or not (an overlong line's tail is not stored).
    const kind = sink.lastKind;
    if (kind === 0) return true;
    if (kind === Tok.Num || kind === Tok.Str || kind === Tok.Regex) return false;
    if (kind === Tok.Name) return sink.lastEnd - sink.lastStart <= 10 && REGEX_AFTER.has(text.slice(sink.lastStart, sink.lastEnd));
    if (kind === Tok.Op) {
      const code = sink.lastAux;
      return code !== 41 && code !== 93 && code !== 125;
    }
    return true;
  }

  private regex(i: number): number {
    const k = regexEnd(this.text, i);
    this.sink.push(Tok.Regex, i, k);
    return k;
  }

  private quoted(i: number): number {
    const { text, sink } = this;
    const to = text.length;
    const end = Math.min(singleLineStringEnd(text, i + 1, to, text.charCodeAt(i)), to);
    sink.push(Tok.Str, i, end);
    return end;
  }

  /** A template literal, `${…}` (with nested strings and templates) included (templateEnd). */
  private template(i: number): number {
    const { text, sink } = this;
    const k = templateEnd(text, i, (lineStart) => {
      sink.lineStart = lineStart;
    });
    sink.push(Tok.Str, i, k);
    return k;
  }

  private operator(c: number, i: number): number {
    const { text } = this;
    const d = text.charCodeAt(i + 1);
    if (c === 40 || c === 91) {
      this.depth++;
      return this.op(i, 1, c);
    }
    if (c === 41 || c === 93) {
      if (this.depth > 0) this.depth--;
      return this.op(i, 1, c);
    }
    if (c === 61) {
      if (d === 61) return this.op(i, text.charCodeAt(i + 2) === 61 ? 3 : 2, OpCode.EqEq);
      if (d === 62) return this.op(i, 2, OpCode.Arrow);
      return this.op(i, 1, 61);
    }
    if (c === 46 && d === 46 && text.charCodeAt(i + 2) === 46) return this.op(i, 3, OpCode.Spread);
    if (c === 42 && d === 42) return this.op(i, 2, OpCode.Power);
    if ((c === 33 || c === 60 || c === 62) && d === 61) return this.op(i, text.charCodeAt(i + 2) === 61 ? 3 : 2, OpCode.Compare);
    if (d === 61 && (c === 43 || c === 45 || c === 42 || c === 37 || c === 38 || c === 124 || c === 94)) return this.op(i, 2, OpCode.AugAssign);
    if (c === 63 && d === 46 && !isDigit(text.charCodeAt(i + 2))) return this.op(i, 2, 46); // `?.` reads as `.`
    return this.op(i, 1, c);
  }

  private op(i: number, length: number, code: number): number {
    this.sink.push(Tok.Op, i, i + length, code);
    return i + length;
  }
}

/**
 * The end of the numeric literal starting at `start` (Python and JavaScript alike): digits, letters, `_` and
 * `.`, and a sign right after an exponent's `e` unless the literal is hexadecimal (`0x1e+2` is a sum).
 */
export function numberEnd(text: string, start: number, to: number): number {
  let j = start + 1;
  while (j < to) {
    const d = text.charCodeAt(j);
    if (isIdentPart(d) || d === 46) j++;
    else if ((d === 43 || d === 45) && (text.charCodeAt(j - 1) | 32) === 101 && (text.charCodeAt(start + 1) | 32) !== 120) j++;
    else break;
  }
  return j;
}
