/**
 * The one wire encoding of numbers between the host and the webviews. Messages and saved state pass
 * through JSON somewhere (postMessage of plain arrays, vscode.setState, the page's JSON island), and JSON
 * has no NaN or ±∞: they would arrive as null and a gap would read as a zero. So every non-finite number
 * travels as the string "NaN", "Infinity" or "-Infinity" (`toWire`) and is read back by `wireNumber`.
 * Typed arrays become plain arrays, except on postMessage (`binary`): VS Code transfers typed arrays as
 * binary, NaN intact, and that is the fast path for the playground's 10,001-point lines. Pure: no 'vscode', no DOM.
 */
import { MAX_SERIES_POINTS } from './limits';
import { describe, list, ValidationError } from './validate';

/**
 * A deep copy fit for JSON: non-finite numbers become strings, undefined fields are dropped, typed arrays
 * become arrays — or, with `binary` (postMessage), Float64Arrays are kept as they are.
 */
export function toWire(value: unknown, options: { readonly binary?: boolean } = {}): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (options.binary && value instanceof Float64Array) return value;
  if (ArrayBuffer.isView(value)) return Array.from(value as unknown as ArrayLike<number>, (v) => toWire(v));
  if (Array.isArray(value)) return value.map((v) => toWire(v, options));
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = toWire(v, options);
    return out;
  }
  return value;
}

/** A number as `toWire` wrote it; null (what JSON makes of NaN and ±∞ written by anything else) reads as NaN. */
export function wireNumber(value: unknown, at: string): number {
  if (typeof value === 'number') return value;
  if (value === null || value === 'NaN') return NaN;
  if (value === 'Infinity') return Infinity;
  if (value === '-Infinity') return -Infinity;
  throw new ValidationError(`${at} must be a number or null, got ${describe(value)}`);
}

/**
 * The values of one plotted line: a Float64Array as postMessage transfers it (NaN intact), or a plain array
 * that went through JSON (saved state), its non-finite values in the wire encoding. At most MAX_SERIES_POINTS.
 */
export function seriesValues(value: unknown, at: string): Float64Array | number[] {
  if (!(value instanceof Float64Array)) return list(value, at, MAX_SERIES_POINTS, wireNumber);
  if (value.length > MAX_SERIES_POINTS) throw new ValidationError(`${at} must have at most ${MAX_SERIES_POINTS} items, got ${value.length}`);
  return value;
}

/**
 * `value` as JSON to put inside a <script type="application/json"> element of a page: `<` is escaped so no
 * text in it (a formula, a saved state) can close the element or open a comment, and U+2028/2029 for older
 * parsers. `JSON.parse` of the element's text gives `value` back.
 */
export function jsonForScriptElement(value: unknown): string {
  return JSON.stringify(toWire(value)).replace(/</g, '\\u003c').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}
