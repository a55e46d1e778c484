/**
 * The outline of a large document (issue 16): one character pass, no tokens, that finds where the logical
 * lines start (outside strings, comments and brackets, as the scanner reads them), how deep each one sits
 * (Python: its indentation; JavaScript: the braces open), which of them start a top-level statement, which
 * top-level statements bind names the rest of the document reads (imports, `NAME = …`, `const …`, a `def` of a
 * catalogue name), and which physical lines are longer than MAX_LINE. The document model builds its windows
 * on it (windowedModel.ts). Linear in the text, a few typed arrays, no per-line objects. Pure: no VS Code, no Node.
 */
import { isIdentPart, isIdentStart, lineCommentEnd, MAX_LINE, numberEnd, REGEX_AFTER, regexEnd, singleLineStringEnd, templateEnd } from './scanner';
import { lastAtOrBelow } from './sortedSearch';
import { PLAIN_NAMES, type LanguageFamily } from '../frameworks/spellings';

export interface Outline {
  /** Offsets where logical code lines start (blank and comment-only lines are not listed), ascending. */
  readonly lines: Int32Array;
  /** Per listed line: Python its indentation, JavaScript the braces open at its start. */
  readonly levels: Int32Array;
  readonly lineCount: number;
  /** Indices into `lines` of the lines that start a top-level statement, ascending. */
  readonly tops: Int32Array;
  readonly topCount: number;
  /** Per top-level statement: IMPORT or BINDING when it binds names the rest of the document may read, else 0. */
  readonly binds: Uint8Array;
  /** [start, end) of the physical lines longer than MAX_LINE, flattened. */
  readonly long: readonly number[];
  /** [start, end) of the strings, templates and block comments longer than LONG_CONSTRUCT that cross lines, flattened. */
  readonly strings: readonly number[];
}

/** Multi-line strings (and templates, block comments) at least this long are listed in Outline.strings. */
const LONG_CONSTRUCT = 16_384;

const NL = 10;
const CR = 13;

/** Growable Int32 list. */
class Ints {
  a: Int32Array;
  n = 0;
  constructor(capacity: number) {
    this.a = new Int32Array(Math.max(16, capacity));
  }
  push(v: number): void {
    if (this.n === this.a.length) {
      const b = new Int32Array(this.a.length * 2);
      b.set(this.a);
      this.a = b;
    }
    this.a[this.n++] = v;
  }
}

/** Python lines at the top level that continue the statement before them. */
const PY_CONTINUATIONS = new Set(['else', 'elif', 'except', 'finally']);

class Builder {
  readonly lines: Ints;
  readonly levels: Ints;
  readonly tops: Ints;
  readonly long: number[] = [];
  readonly strings: number[] = [];
  /** The last top-level statement began with a decorator: the next line at the top level belongs to it. */
  decorated = false;
  /** Reading an edited version: a top-level line that starts where the earlier version had one, past the edit, stops it. */
  sync: ((at: number) => boolean) | undefined;
  /** Where the line loop stopped on `sync` (-1: it read to the end). */
  stopped = -1;
  readonly python: boolean;
  constructor(
    readonly text: string,
    readonly family: LanguageFamily,
  ) {
    this.python = family === 'python';
    const guess = (text.length >> 5) + 16;
    this.lines = new Ints(guess);
    this.levels = new Ints(guess);
    this.tops = new Ints(guess >> 3);
  }

  /** Records the line starting at `at` (outside strings and comments) when it holds code. */
  line(at: number): void {
    const { text } = this;
    let k = at;
    for (let c = text.charCodeAt(k); c === 32 || c === 9 || c === 12 || c === 0xfeff; c = text.charCodeAt(++k));
    if (k >= text.length) return;
    const c = text.charCodeAt(k);
    if (c === NL || c === CR) return;
    const python = this.python;
    if (python ? c === 35 : c === 47 && (text.charCodeAt(k + 1) === 47 || text.charCodeAt(k + 1) === 42)) return;
    const level = k - at;
    this.lines.push(at);
    this.levels.push(level);
    if (level !== 0 || k !== at) return;
    if (python) {
      if (this.decorated || ((c === 101 || c === 102) && PY_CONTINUATIONS.has(this.word(k)))) {
        this.decorated = this.decorated && c === 64;
        return;
      }
      this.decorated = c === 64;
      if (c === 41 || c === 93 || c === 125) return;
    } else if (c === 125 || c === 41 || c === 93 || c === 46 || c === 44 || c === 63 || c === 58 || c === 43 || c === 45 || c === 42 || c === 61 || c === 38 || c === 124 || c === 62 || c === 60) {
      return;
    }
    this.tops.push(this.lines.n - 1);
    if (this.sync?.(at)) this.stopped = at;
  }

  word(k: number): string {
    let j = k;
    while (j < this.text.length && isIdentPart(this.text.charCodeAt(j))) j++;
    return j - k <= 12 ? this.text.slice(k, j) : '';
  }
}

const TRIPLE_SQ = "'''";
const TRIPLE_DQ = '"""';

/** The end of the Python triple-quoted string whose content starts at `from` (quote `q`), after its closing quotes. */
function tripleEnd(text: string, from: number, q: string): number {
  let k = from;
  for (;;) {
    const close = text.indexOf(q, k);
    if (close < 0) return text.length;
    // A closing quote after an odd run of backslashes is escaped (the scanner skips two characters at a backslash).
    let j = close - 1;
    while (j >= from && text.charCodeAt(j) === 92) j--;
    if ((close - 1 - j) % 2 === 0) return close + 3;
    k = close + 1;
  }
}

/**
 * Reads Python code from `i` (a line start outside strings) character by character until a newline outside
 * strings; returns where the next line starts. For the lines a triple-quoted string opens or crosses.
 */
function scanPython(text: string, i: number, strings: number[]): number {
  const to = text.length;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === NL) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === NL ? i + 2 : i + 1;
    if (c === 35) {
      i = lineCommentEnd(text, i, to);
    } else if (c === 92) {
      i += text.charCodeAt(i + 1) === CR && text.charCodeAt(i + 2) === NL ? 3 : 2;
    } else if (c === 39 || c === 34) {
      if (text.charCodeAt(i + 1) === c && text.charCodeAt(i + 2) === c) {
        const end = Math.min(tripleEnd(text, i + 3, c === 39 ? TRIPLE_SQ : TRIPLE_DQ), to);
        if (end - i >= LONG_CONSTRUCT) strings.push(i, end);
        i = end;
      }
      else i = Math.min(singleLineStringEnd(text, i + 1, to, c), to);
    } else i++;
  }
  return to;
}

/**
 * The line loop both languages share: each physical line found with a native search; a line that holds the
 * start of a construct that can cross lines (`multi` says where the next one may be) is read character by
 * character (`scan`, which returns the next line start outside it); any other line ends outside strings and
 * comments, and the next one starts code unless this one ends with a backslash.
 */
function lines(b: Builder, from: number, multi: (from: number) => number, scan: (i: number) => number): void {
  const { text } = b;
  const to = text.length;
  let i = from;
  let next = multi(from);
  let continued = false;
  while (i < to) {
    let end = text.indexOf('\n', i);
    if (end < 0) end = to;
    if (!continued) {
      b.line(i);
      if (b.stopped >= 0) return;
    }
    if (end - i > MAX_LINE) b.long.push(i, text.charCodeAt(end - 1) === CR ? end - 1 : end);
    if (next < i) next = multi(i);
    let lineStart = i;
    if (next < end) {
      const after = scan(i);
      if (after > end + 1) {
        // The scan crossed lines: a long physical line where it ended is recorded too.
        lineStart = text.lastIndexOf('\n', after - 2) + 1;
        if (after - 1 - lineStart > MAX_LINE && lineStart > end) b.long.push(lineStart, after - 1);
      }
      end = Math.max(lineStart, after - 1);
      next = multi(after);
      i = after;
    } else i = end + 1;
    // The next line continues this statement after a backslash, or (brackets are not counted) after an
    // opening bracket or a comma at the end of this one.
    let back = end - 1;
    while (back >= lineStart && (text.charCodeAt(back) === 32 || text.charCodeAt(back) === 9 || text.charCodeAt(back) === CR)) back--;
    const last = back >= lineStart ? text.charCodeAt(back) : 0;
    continued = last === 92 || last === 40 || last === 91 || last === 123 || last === 44;
  }
}

/**
 * Where the nearest of two markers starts at or after `from` (the text's length when neither does). Each is
 * looked for again only once `from` has passed it, so a walk through the text reads it once per marker.
 */
function nearestOf(text: string, first: string, second: string): (from: number) => number {
  let a = -1;
  let b = -1;
  return (from) => {
    if (a < from) a = text.indexOf(first, from);
    if (b < from) b = text.indexOf(second, from);
    if (a < 0) a = text.length;
    if (b < 0) b = text.length;
    return Math.min(a, b);
  };
}

function outlinePython(b: Builder, from: number): void {
  lines(b, from, nearestOf(b.text, '"""', "'''"), (i) => scanPython(b.text, i, b.strings));
}

const KIND_NONE = 0;
const KIND_NAME = 1;
const KIND_VALUE = 2; // number, string, regex: a `/` after it divides
const KIND_OP = 3;

function outlineJs(b: Builder, from: number): void {
  lines(b, from, nearestOf(b.text, '`', '/*'), (i) => scanJs(b, i));
}

/**
 * Reads JavaScript from `i` (a line start outside strings and comments) character by character until a
 * newline outside strings, templates and comments; returns where the next line starts. The `/` after a
 * value divides, elsewhere it starts a regular expression (as the scanner decides, from this line's tokens).
 */
function scanJs(b: Builder, from: number): number {
  const { text } = b;
  const to = text.length;
  let kind = KIND_NONE;
  let code = 0;
  let nameStart = 0;
  let nameEnd = 0;
  let i = from;
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === NL) return i + 1;
    if (c === CR) return text.charCodeAt(i + 1) === NL ? i + 2 : i + 1;
    if (c === 32 || c === 9 || c === 12 || c === 0xfeff) {
      i++;
    } else if (c === 47) {
      const d = text.charCodeAt(i + 1);
      if (d === 47) {
        i = lineCommentEnd(text, i, to);
      } else if (d === 42) {
        const end = text.indexOf('*/', i + 2);
        const stop = end < 0 ? to : end + 2;
        if (stop - i >= LONG_CONSTRUCT) b.strings.push(i, stop);
        i = stop;
      } else if (
        kind === KIND_NONE ||
        (kind === KIND_OP && code !== 41 && code !== 93 && code !== 125) ||
        (kind === KIND_NAME && nameEnd - nameStart <= 10 && REGEX_AFTER.has(text.slice(nameStart, nameEnd)))
      ) {
        i = regexEnd(text, i);
        kind = KIND_VALUE;
      } else {
        kind = KIND_OP;
        code = 47;
        i += d === 61 ? 2 : 1;
      }
    } else if (isIdentStart(c)) {
      nameStart = i;
      i++;
      while (i < to && isIdentPart(text.charCodeAt(i))) i++;
      nameEnd = i;
      kind = KIND_NAME;
    } else if ((c >= 48 && c <= 57) || (c === 46 && text.charCodeAt(i + 1) >= 48 && text.charCodeAt(i + 1) <= 57)) {
      i = numberEnd(text, i, to);
      kind = KIND_VALUE;
    } else if (c === 39 || c === 34) {
      i = Math.min(singleLineStringEnd(text, i + 1, to, c), to);
      kind = KIND_VALUE;
    } else if (c === 96) {
      const end = templateEnd(text, i);
      if (end - i >= LONG_CONSTRUCT) b.strings.push(i, end);
      i = end;
      kind = KIND_VALUE;
    } else {
      kind = KIND_OP;
      code = c;
      i++;
    }
  }
  return to;
}

/** A top-level import (Python `import`, `from … import`, `try:` around imports; JavaScript `import`, `require`). */
export const IMPORT = 1;
/** Any other top-level statement that binds a name (`NAME = …`, `const …`). */
export const BINDING = 2;
/** A top-level `def` / `function` of a catalogue name (`def sigmoid(x): …`): the document's own implementation. */
export const DEFINITION = 3;

/** Longest top-level statement that counts as a binding (longer ones are code, not declarations). */
const MAX_BINDING = 4096;

/**
 * Whether the top-level statement at `at` binds names other code reads: Python `import` / `from … import`,
 * `NAME = …` / `NAME: T = …`, `try:` (guarded imports), `def NAME` of a catalogue name; JavaScript `import`,
 * `const` / `let` / `var` (also exported), `function NAME` of a catalogue name.
 */
function binds(text: string, at: number, end: number, family: LanguageFamily, requires: { next: number }): number {
  const c = text.charCodeAt(at);
  if (family === 'python') {
    // Only `import`, `from`, `try`, `def`, `async def` and `NAME =` / `NAME: T =` bind (first letters first).
    if (c === 105 && keywordEnd(text, at, 'import') > 0) return IMPORT;
    if (c === 102 && keywordEnd(text, at, 'from') > 0) return IMPORT;
    if (c === 116 && keywordEnd(text, at, 'try') > 0) return IMPORT;
    if (c === 100 || c === 97) {
      const def = keywordEnd(text, at, 'def');
      const asyncDef = def < 0 && keywordEnd(text, at, 'async') > 0 ? keywordEnd(text, skipSpace(text, at + 5), 'def') : -1;
      if (def > 0 || asyncDef > 0) return PLAIN_NAMES.has(nameAfter(text, Math.max(def, asyncDef), end)) ? DEFINITION : 0;
    }
    let k = at;
    while (k < end && isIdentPart(text.charCodeAt(k))) k++;
    if (k === at) return 0;
    k = skipSpace(text, k);
    const d = text.charCodeAt(k);
    return (d === 61 && text.charCodeAt(k + 1) !== 61) || d === 58 ? BINDING : 0;
  }
  if (c !== 101 && c !== 105 && c !== 99 && c !== 108 && c !== 118 && c !== 102 && c !== 97) return 0;
  let j = keywordEnd(text, at, 'export');
  j = j > 0 ? skipSpace(text, j) : at;
  if (keywordEnd(text, j, 'import') > 0) return IMPORT;
  if (keywordEnd(text, j, 'const') > 0 || keywordEnd(text, j, 'let') > 0 || keywordEnd(text, j, 'var') > 0) {
    // The next `require(` from here on, searched once for all the statements before it.
    if (requires.next < j) requires.next = text.indexOf('require(', j) >>> 0;
    return requires.next < end ? IMPORT : BINDING;
  }
  const fn = keywordEnd(text, j, 'function');
  const asyncFn = fn < 0 && keywordEnd(text, j, 'async') > 0 ? keywordEnd(text, skipSpace(text, j + 5), 'function') : -1;
  if (fn > 0 || asyncFn > 0) {
    let k = Math.max(fn, asyncFn);
    if (text.charCodeAt(skipSpace(text, k)) === 42) k = skipSpace(text, k) + 1;
    return PLAIN_NAMES.has(nameAfter(text, k, end)) ? DEFINITION : 0;
  }
  return 0;
}

/** The keyword `word` at `k`, followed by something that is not part of a name: the offset after it, else -1. */
function keywordEnd(text: string, k: number, word: string): number {
  return text.startsWith(word, k) && !isIdentPart(text.charCodeAt(k + word.length)) ? k + word.length : -1;
}

function skipSpace(text: string, k: number): number {
  while (text.charCodeAt(k) === 32 || text.charCodeAt(k) === 9) k++;
  return k;
}

/** The name after `k` (spaces skipped), at most 64 characters, before `end`. */
function nameAfter(text: string, k: number, end: number): string {
  const s = skipSpace(text, k);
  let e = s;
  while (e < end && e - s < 64 && isIdentPart(text.charCodeAt(e))) e++;
  return text.slice(s, e);
}

/** An edit from an earlier version: text[start, oldEnd) of that version became text[start, newEnd) of this one. */
export interface OutlineEdit {
  readonly start: number;
  readonly oldEnd: number;
  readonly newEnd: number;
}

/**
 * The outline of `text` (see Outline). With `previous` (the outline of an earlier version and the edit that
 * made this one), its lines before the top-level statement the edit starts in are kept, the text is read from
 * there until a top-level statement starts where one started in the earlier version past the edit, and the
 * earlier version's lines after it are kept, moved by the edit's length: the same outline as a fresh read.
 */
export function outline(text: string, family: LanguageFamily, previous?: { readonly outline: Outline; readonly edit: OutlineEdit }): Outline {
  const b = new Builder(text, family);
  const old = previous?.outline;
  const edit = previous?.edit;
  let from = 0;
  /** Kept from the earlier version: lines and top-level statements before `from`. */
  let keptLines = 0;
  let keptTops = 0;
  let syncTop = -1;
  const delta = edit ? edit.newEnd - edit.oldEnd : 0;
  if (old && edit) {
    const topAt = (t: number) => old.lines[old.tops[t]];
    const t0 = lastAtOrBelow(old.topCount, topAt, edit.start);
    if (t0 > 0) {
      keptTops = t0;
      keptLines = old.tops[t0];
      from = topAt(t0);
      b.lines.a = old.lines.slice(0, Math.max(16, keptLines + (keptLines >> 3)));
      b.lines.n = keptLines;
      b.levels.a = old.levels.slice(0, b.lines.a.length);
      b.levels.n = keptLines;
      b.tops.a = old.tops.slice(0, Math.max(16, keptTops + (keptTops >> 3)));
      b.tops.n = keptTops;
      for (let k = 0; k < old.long.length && old.long[k] < from; k += 2) b.long.push(old.long[k], old.long[k + 1]);
      for (let k = 0; k < old.strings.length && old.strings[k] < from; k += 2) b.strings.push(old.strings[k], old.strings[k + 1]);
    }
    b.sync = (at) => {
      if (at < edit.newEnd || at - delta < edit.oldEnd) return false;
      const t = lastAtOrBelow(old.topCount, topAt, at - delta);
      if (t < 0 || topAt(t) !== at - delta) return false;
      syncTop = t;
      return true;
    };
  }
  if (family === 'python') outlinePython(b, from);
  else outlineJs(b, from);
  const { lines, tops } = b;
  const requires = { next: -1 };
  const flags = new Uint8Array(0);
  let binds = flags;
  if (old && b.stopped >= 0 && syncTop >= 0) {
    // The rest is the earlier version's, moved by the edit's length.
    const oldLine = old.tops[syncTop];
    const restLines = old.lineCount - oldLine - 1;
    const restTops = old.topCount - syncTop - 1;
    const newLine = lines.n - 1;
    const newTop = tops.n - 1;
    const allLines = new Int32Array(lines.n + restLines);
    const allLevels = new Int32Array(lines.n + restLines);
    allLines.set(lines.a.subarray(0, lines.n));
    allLevels.set(b.levels.a.subarray(0, lines.n));
    allLevels.set(old.levels.subarray(oldLine + 1, old.lineCount), lines.n);
    for (let k = 0; k < restLines; k++) allLines[lines.n + k] = old.lines[oldLine + 1 + k] + delta;
    const allTops = new Int32Array(tops.n + restTops);
    allTops.set(tops.a.subarray(0, tops.n));
    for (let k = 0; k < restTops; k++) allTops[tops.n + k] = old.tops[syncTop + 1 + k] - oldLine + newLine;
    binds = new Uint8Array(allTops.length);
    binds.set(old.binds.subarray(0, keptTops));
    binds.set(old.binds.subarray(syncTop, old.topCount), newTop);
    const topStart = (t: number) => (t < allTops.length ? allLines[allTops[t]] : text.length);
    for (let t = keptTops; t < newTop; t++) binds[t] = bindsOf(text, topStart(t), topStart(t + 1), family, requires);
    const long = b.long;
    for (let k = 0; k < old.long.length; k += 2) if (old.long[k] >= b.stopped - delta) long.push(old.long[k] + delta, old.long[k + 1] + delta);
    const strings = b.strings;
    for (let k = 0; k < old.strings.length; k += 2) if (old.strings[k] >= b.stopped - delta) strings.push(old.strings[k] + delta, old.strings[k + 1] + delta);
    return { lines: allLines, levels: allLevels, lineCount: allLines.length, tops: allTops, topCount: allTops.length, binds, long, strings };
  }
  binds = new Uint8Array(tops.n);
  if (old) binds.set(old.binds.subarray(0, keptTops));
  for (let t = keptTops; t < tops.n; t++) {
    const start = lines.a[tops.a[t]];
    const end = t + 1 < tops.n ? lines.a[tops.a[t + 1]] : text.length;
    binds[t] = bindsOf(text, start, end, family, requires);
  }
  return { lines: lines.a, levels: b.levels.a, lineCount: lines.n, tops: tops.a, topCount: tops.n, binds, long: b.long, strings: b.strings };
}

/** What a top-level statement binds (see binds), 0 for one longer than MAX_BINDING. */
function bindsOf(text: string, start: number, end: number, family: LanguageFamily, requires: { next: number }): number {
  return end - start <= MAX_BINDING ? binds(text, start, end, family, requires) : 0;
}
