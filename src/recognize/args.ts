/**
 * Reads the argument list of a call: `nn.LeakyReLU(0.2)`, `F.leaky_relu(x, negative_slope=-1e-3)`,
 * `tf.layers.leakyReLU({alpha: 0.1})`, across lines, with nested calls, brackets, strings and comments.
 * A single left-to-right pass with a depth counter, bounded by `limit`: an unclosed list simply ends there.
 */
import type { LanguageFamily } from './lexer';

export interface Argument {
  /** Keyword (`alpha=` in Python, `alpha = 0.2` in a parameter list), absent for a positional argument. */
  readonly key?: string;
  /** The value's source text, trimmed. */
  readonly value: string;
  /** `*args`, `**kwargs`, `...rest`: positions after it are unknown. */
  readonly spread?: boolean;
}

/** Most characters read after the opening parenthesis. */
export const MAX_ARGUMENT_TEXT = 4096;

/**
 * The arguments of the list whose `(` is at `open`, or undefined when `text[open]` is not `(`.
 * Reads at most `limit` characters.
 */
export function parseArguments(text: string, open: number, family: LanguageFamily, limit = MAX_ARGUMENT_TEXT): Argument[] | undefined {
  if (text.charCodeAt(open) !== 40) return undefined;
  const pieces = splitTopLevel(text, open + 1, Math.min(text.length, open + 1 + limit), family, 41);
  return pieces.map((piece) => toArgument(piece, family)).filter((a): a is Argument => a !== undefined);
}

/** `{alpha: 0.1, 'delta': 2, beta}` → keyword arguments; undefined when `value` is not an object literal. */
export function objectProperties(value: string, family: LanguageFamily): Argument[] | undefined {
  if (!value.startsWith('{') || !value.endsWith('}')) return undefined;
  const pieces = splitTopLevel(value, 1, value.length - 1, family, -1);
  const out: Argument[] = [];
  for (const piece of pieces) {
    const p = piece.trim();
    if (p.startsWith('...')) {
      out.push({ value: p.slice(3).trim(), spread: true });
      continue;
    }
    const colon = topLevelColon(p);
    if (colon < 0) {
      // Shorthand `{alpha}`: the value is a variable.
      if (/^[A-Za-z_$][\w$]*$/.test(p)) out.push({ key: p, value: p });
      continue;
    }
    const key = unquote(p.slice(0, colon).trim());
    if (key !== undefined) out.push({ key, value: p.slice(colon + 1).trim() });
  }
  return out;
}

function unquote(key: string): string | undefined {
  if (/^[A-Za-z_$][\w$]*$/.test(key)) return key;
  const m = /^(['"])([A-Za-z_$][\w$]*)\1$/.exec(key);
  return m ? m[2] : undefined;
}

function topLevelColon(s: string): number {
  let depth = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) depth--;
    else if (c === 39 || c === 34 || c === 96) i = skipString(s, i, s.length) - 1;
    else if (c === 58 && depth === 0) return i;
  }
  return -1;
}

/**
 * Splits `text[from, to)` at commas outside brackets, strings and comments, stopping at the first
 * unmatched `closer` (a char code; −1 to read to `to`). Comments are dropped from the pieces.
 */
function splitTopLevel(text: string, from: number, to: number, family: LanguageFamily, closer: number): string[] {
  const pieces: string[] = [];
  let piece = '';
  let pieceStart = from;
  let depth = 0;
  let i = from;
  const flush = (end: number) => {
    piece += text.slice(pieceStart, end);
    pieces.push(piece);
    piece = '';
  };
  while (i < to) {
    const c = text.charCodeAt(i);
    if (c === 40 || c === 91 || c === 123) depth++;
    else if (c === 41 || c === 93 || c === 125) {
      if (depth === 0) {
        if (c === closer) break;
        // A stray closer: stop rather than guess.
        break;
      }
      depth--;
    } else if (c === 44 && depth === 0) {
      flush(i);
      pieceStart = i + 1;
    } else if (c === 39 || c === 34 || (c === 96 && family === 'js')) {
      i = skipString(text, i, to);
      continue;
    } else if ((c === 35 && family === 'python') || (c === 47 && family === 'js' && (text.charCodeAt(i + 1) === 47 || text.charCodeAt(i + 1) === 42))) {
      // Drop the comment from the piece.
      piece += text.slice(pieceStart, i);
      i = skipComment(text, i, to, family);
      pieceStart = i;
      continue;
    }
    i++;
  }
  const last = piece + text.slice(pieceStart, Math.min(i, to));
  if (last.trim() !== '' || pieces.length > 0) pieces.push(last);
  // `f(a, b,)` — a trailing comma adds no argument.
  if (pieces.length > 0 && pieces[pieces.length - 1].trim() === '') pieces.pop();
  return pieces;
}

function skipString(text: string, i: number, to: number): number {
  const q = text.charCodeAt(i);
  if (q !== 96 && text.charCodeAt(i + 1) === q && text.charCodeAt(i + 2) === q) {
    const end = text.indexOf(text[i].repeat(3), i + 3);
    return end < 0 || end + 3 > to ? to : end + 3;
  }
  i++;
  while (i < to) {
    const d = text.charCodeAt(i);
    if (d === 92) i += 2;
    else if (d === q) return i + 1;
    else if ((d === 10 || d === 13) && q !== 96) return i;
    else i++;
  }
  return to;
}

function skipComment(text: string, i: number, to: number, family: LanguageFamily): number {
  if (family === 'js' && text.charCodeAt(i + 1) === 42) {
    const end = text.indexOf('*/', i + 2);
    return end < 0 || end + 2 > to ? to : end + 2;
  }
  while (i < to && text.charCodeAt(i) !== 10 && text.charCodeAt(i) !== 13) i++;
  return i;
}

const KEYWORD = /^([A-Za-z_$][\w$]*)\s*(?::[^=]{0,200})?=(?!=)/;

function toArgument(piece: string, family: LanguageFamily): Argument | undefined {
  const p = piece.trim();
  if (p === '') return undefined;
  if (p.startsWith('**') || p.startsWith('...') || (family === 'python' && p.startsWith('*'))) {
    return { value: p.replace(/^(\*\*|\*|\.\.\.)/, '').trim(), spread: true };
  }
  const m = KEYWORD.exec(p);
  if (m) return { key: m[1], value: p.slice(m[0].length).trim() };
  return { value: p };
}

const NUMBER = /^[+-]?(?:\d[\d_]*(?:\.[\d_]*)?|\.\d[\d_]*)(?:[eE][+-]?\d+)?$/;

/** The number a literal spells (`0.2`, `-1e-3`, `.5`, `1_000`, `+2.`), or undefined for anything else. */
export function numericValue(value: string): number | undefined {
  let v = value.trim();
  // `(0.2)` and TypeScript's `0.2 as number` still spell a number.
  while (v.startsWith('(') && v.endsWith(')')) v = v.slice(1, -1).trim();
  if (v.length > 40 || !NUMBER.test(v)) return undefined;
  const n = Number(v.replace(/_/g, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** A literal's switch value: string content, or 'true' / 'false' for booleans in either language. */
export function switchValue(value: string): string | undefined {
  const v = value.trim();
  if (v === 'True' || v === 'true') return 'true';
  if (v === 'False' || v === 'false') return 'false';
  const m = /^(['"])([^'"]{0,40})\1$/.exec(v);
  return m ? m[2] : undefined;
}
