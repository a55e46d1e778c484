/**
 * Where a parameter of a recognised call lives in the code, and the text edit that sets it: the literal
 * the call spells (`nn.LeakyReLU(0.2)` → `0.2`), the literal of a named constant in the same file
 * (`nn.LeakyReLU(SLOPE)` with `SLOPE = 0.2` above), or a keyword argument the call does not spell yet,
 * added in the framework's own name from the framework table (`negative_slope=` for `torch.nn.LeakyReLU`,
 * `alpha=` for `tf.nn.leaky_relu`, `{alpha: …}` for `tf.layers.leakyReLU`). Pure: no 'vscode', no DOM; the
 * view turns a ParameterEdit into a WorkspaceEdit.
 *
 * Only literals are rewritten: an edit replaces the characters of one number (or inserts one argument), so
 * the rest of the line — spacing, comments, other arguments — stays as written.
 */
import type { FrameworkName } from '../../core/functionTypes';

export type Family = 'python' | 'js';

/** One argument of a call, with offsets into the document. */
export interface LocatedArgument {
  readonly key?: string;
  /** Offsets of the value (trimmed), end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** The argument list of a call: `(` at `open`, `)` at `close` (or -1 when it never closes within the limit). */
export interface ArgumentList {
  readonly open: number;
  readonly close: number;
  readonly args: readonly LocatedArgument[];
}

/** Where a parameter's value is written, and what can be done about it. */
export type ParameterPlace =
  /** A number literal in the call: replace [start, end). */
  | { readonly kind: 'literal'; readonly start: number; readonly end: number; readonly text: string }
  /** A name bound to a number literal in this file: replace the constant's literal. */
  | { readonly kind: 'constant'; readonly name: string; readonly start: number; readonly end: number; readonly text: string }
  /** Not written: insert `text` at `at` to add it (the framework's keyword, or the next positional slot). */
  | { readonly kind: 'missing'; readonly at: number; readonly keyword: string | undefined; readonly insert: (value: number) => string }
  /** Written as something this cannot rewrite (an expression, a name bound elsewhere), or no call to add to. */
  | { readonly kind: 'fixed'; readonly why: string };

export interface TextChange {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** Most characters read after `(`. */
const MAX_ARGUMENT_TEXT = 4096;
const NUMBER = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?$/;
const IDENTIFIER = /^[A-Za-z_$][\w$]*$/;

/** The number a literal spells, or undefined. */
export function literalNumber(text: string): number | undefined {
  const t = text.trim();
  if (t.length > 40 || !NUMBER.test(t)) return undefined;
  const n = Number(t.replace(/_/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/**
 * `value` written the way the replaced literal was: a float stays a float in Python (`2.0` → `3.0`, never
 * `3`, which would change an integer-typed argument's meaning only in spelling but reads as a type change),
 * at most 6 significant digits, exponent form for tiny or huge magnitudes.
 */
export function formatLiteral(value: number, like: string | undefined, family: Family): string {
  let s = String(Number(value.toPrecision(6)));
  if (s.includes('e')) s = s.replace('e+', 'e');
  const wantsFloat = like === undefined ? family === 'python' : /[.eE]/.test(like);
  if (wantsFloat && /^-?\d+$/.test(s)) s += '.0';
  return s;
}

/** The argument list whose `(` follows `nameEnd` (spaces allowed between), or undefined when there is none. */
function argumentListAfter(text: string, nameEnd: number, family: Family): ArgumentList | undefined {
  let open = nameEnd;
  while (open < text.length && (text[open] === ' ' || text[open] === '\t')) open++;
  if (text[open] !== '(') return undefined;
  return splitArguments(text, open, family, 41);
}

/** Splits the bracketed list opening at `open` at its top-level commas, with offsets. */
function splitArguments(text: string, open: number, family: Family, closer: number): ArgumentList {
  const limit = Math.min(text.length, open + 1 + MAX_ARGUMENT_TEXT);
  const args: LocatedArgument[] = [];
  let depth = 0;
  let pieceStart = open + 1;
  let close = -1;
  const flush = (end: number) => {
    const piece = located(text, pieceStart, end, family);
    if (piece) args.push(piece);
  };
  let i = open + 1;
  while (i < limit) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) {
        if (c === closer) close = i;
        break;
      }
      depth--;
    } else if (c === 44 && depth === 0) {
      flush(i);
      pieceStart = i + 1;
    } else if (c === 39 || c === 34 || (c === 96 && family === 'js')) {
      i = skipString(text, i, limit);
      continue;
    } else if ((c === 35 && family === 'python') || (c === 47 && family === 'js' && text.charCodeAt(i + 1) === 47)) {
      while (i < limit && text.charCodeAt(i) !== 10) i++;
      continue;
    }
    i++;
  }
  if (close >= 0) flush(close);
  return { open, close, args };
}

/** The argument in text[from, to): its keyword and its value's trimmed offsets (comments skipped). */
function located(text: string, from: number, to: number, family: Family): LocatedArgument | undefined {
  const raw = text.slice(from, to);
  // Comments at the end of a line inside the list are not part of the value.
  const withoutComments = raw.replace(family === 'python' ? /#[^\n]*/g : /\/\/[^\n]*/g, (m) => ' '.repeat(m.length));
  const trimmedStart = withoutComments.search(/\S/);
  if (trimmedStart < 0) return undefined;
  const trimmedEnd = withoutComments.trimEnd().length;
  let start = from + trimmedStart;
  const end = from + trimmedEnd;
  let key: string | undefined;
  const body = text.slice(start, end);
  const keyword = family === 'python' ? /^([A-Za-z_]\w*)\s*=(?!=)\s*/.exec(body) : /^(['"]?)([A-Za-z_$][\w$]*)\1\s*:\s*/.exec(body);
  if (keyword) {
    key = family === 'python' ? keyword[1] : keyword[2];
    start += keyword[0].length;
  }
  return { key, start, end, text: text.slice(start, end) };
}

function skipString(text: string, i: number, to: number): number {
  const q = text.charCodeAt(i);
  if (q !== 96 && text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q) {
    const end = text.indexOf(text[i].repeat(3), i + 3);
    return end < 0 ? to : end + 3;
  }
  for (i++; i < to; i++) {
    const d = text.charCodeAt(i);
    if (d === 92) i++;
    else if (d === q) return i + 1;
    else if (d === 10 && q !== 96) return i;
  }
  return to;
}

/** The framework's keyword for core parameter `param` (first in the table's order), if it has one. */
function keywordFor(fn: FrameworkName | undefined, param: string): string | undefined {
  if (!fn?.keywords) return undefined;
  for (const [keyword, target] of Object.entries(fn.keywords)) if (target === param) return keyword;
  return undefined;
}

/**
 * Where `param` of the call whose name ends at `nameEnd` is written. `fn` is the framework table's row the
 * call resolved to (its positional and keyword mapping); without one, the core's own parameter name is the
 * keyword (a user's `def elu(x, alpha=1.0)` is called with `alpha=`).
 */
export function locateParameter(text: string, nameEnd: number, family: Family, fn: FrameworkName | undefined, param: string): ParameterPlace {
  if (fn?.form === 'string') return { kind: 'fixed', why: `a string name like ${fn.name} has no parameters to set` };
  const list = argumentListAfter(text, nameEnd, family);
  if (!list) return { kind: 'fixed', why: 'the name is not called here, so there is no argument list to edit' };
  if (list.close < 0) return { kind: 'fixed', why: 'the argument list does not close' };
  const keywords = fn?.keywords ?? { [param]: param };
  const position = fn?.positional?.indexOf(param) ?? -1;
  // JS classes take a config object: `tf.layers.leakyReLU({alpha: 0.1})`.
  const configObject = family === 'js' && fn?.form === 'class' && fn.keywords !== undefined;
  if (configObject) return locateInConfig(text, list, family, keywords, param);

  let positional = 0;
  let found: LocatedArgument | undefined;
  for (const arg of list.args) {
    if (arg.key === undefined) {
      if (/^\*|^\.\.\./.test(arg.text)) return { kind: 'fixed', why: `${arg.text} may set it` };
      if (positional === position) found = arg;
      positional++;
    } else if (keywords[arg.key] === param) found = arg;
  }
  if (found) return placeOf(text, found, family);
  const keyword = family === 'python' ? keywordFor(fn, param) ?? (fn ? undefined : param) : undefined;
  const at = insertionPoint(text, list);
  const lead = list.args.length > 0 ? ', ' : '';
  if (keyword !== undefined) {
    return { kind: 'missing', at, keyword, insert: (value) => `${lead}${keyword}=${formatLiteral(value, undefined, family)}` };
  }
  // No keyword: the next positional slot, when every slot before it is filled positionally.
  if (position >= 0 && position === positional && list.args.every((a) => a.key === undefined)) {
    return { kind: 'missing', at, keyword: undefined, insert: (value) => `${lead}${formatLiteral(value, undefined, family)}` };
  }
  return { kind: 'fixed', why: `${fn?.name ?? 'this call'} takes ${param} only by position, after arguments not written here` };
}

function locateInConfig(text: string, list: ArgumentList, family: Family, keywords: Readonly<Record<string, string>>, param: string): ParameterPlace {
  const keyword = Object.keys(keywords).find((k) => keywords[k] === param);
  const first = list.args[0];
  if (!first) {
    if (keyword === undefined) return { kind: 'fixed', why: `no ${param} option` };
    return { kind: 'missing', at: list.open + 1, keyword, insert: (value) => `{${keyword}: ${formatLiteral(value, undefined, family)}}` };
  }
  if (!first.text.startsWith('{')) return { kind: 'fixed', why: `the options are given as ${first.text}` };
  const inner = splitArguments(text, first.start, family, 125);
  const hit = inner.args.find((a) => a.key !== undefined && keywords[a.key] === param);
  if (hit) return placeOf(text, hit, family);
  if (keyword === undefined || inner.close < 0) return { kind: 'fixed', why: `no ${param} option` };
  const at = insertionPoint(text, inner);
  const lead = inner.args.length > 0 ? ', ' : '';
  return { kind: 'missing', at, keyword, insert: (value) => `${lead}${keyword}: ${formatLiteral(value, undefined, family)}` };
}

/** After the last argument (before a trailing comma and the closer), so `f(x,\n)` becomes `f(x, k=v,\n)`. */
function insertionPoint(text: string, list: ArgumentList): number {
  const last = list.args[list.args.length - 1];
  return last ? last.end : list.open + 1;
}

function placeOf(text: string, arg: LocatedArgument, family: Family): ParameterPlace {
  if (literalNumber(arg.text) !== undefined) return { kind: 'literal', start: arg.start, end: arg.end, text: arg.text };
  if (IDENTIFIER.test(arg.text)) {
    const constant = constantLiteral(text, arg.text, arg.start, family);
    if (constant) return { kind: 'constant', name: arg.text, ...constant };
    return { kind: 'fixed', why: `${arg.text} is not bound to a number literal in this file` };
  }
  return { kind: 'fixed', why: `${arg.text} is not a literal` };
}

/**
 * The number literal `name` is assigned in this file: the last plain assignment (`NAME = 0.2`,
 * `const NAME = 0.2`, with an optional type annotation) before `use`, else the first after it. A name
 * assigned anything else in between is not a constant, so nothing is returned.
 */
function constantLiteral(text: string, name: string, use: number, family: Family): { start: number; end: number; text: string } | undefined {
  const escaped = name.replace(/\$/g, '\\$');
  const pattern =
    family === 'python'
      ? new RegExp(`^[ \\t]*${escaped}[ \\t]*(?::[^=\\n]{1,80})?=(?!=)[ \\t]*([^\\n#]*)`, 'gm')
      : new RegExp(`^[ \\t]*(?:export\\s+)?(?:const|let|var)?[ \\t]*${escaped}[ \\t]*(?::[^=\\n]{1,80})?=(?![=>])[ \\t]*([^\\n;/]*)`, 'gm');
  let before: { start: number; end: number; text: string } | null | undefined;
  let after: { start: number; end: number; text: string } | null | undefined;
  for (let m = pattern.exec(text); m !== null; m = pattern.exec(text)) {
    const value = m[1].trimEnd();
    const start = m.index + m[0].length - m[1].length;
    const found = literalNumber(value) !== undefined ? { start, end: start + value.length, text: value } : null;
    if (m.index < use) before = found;
    else if (after === undefined) after = found;
  }
  return (before === undefined ? after : before) ?? undefined;
}

/** The edit that sets the parameter at `place` to `value`, or undefined when it cannot be set in code. */
export function changeFor(place: ParameterPlace, value: number, family: Family): TextChange | undefined {
  switch (place.kind) {
    case 'literal':
    case 'constant':
      return { start: place.start, end: place.end, text: formatLiteral(value, place.text, family) };
    case 'missing':
      return { start: place.at, end: place.at, text: place.insert(value) };
    default:
      return undefined;
  }
}
