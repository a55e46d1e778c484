/**
 * The one validator kit for everything that crosses into the extension from outside its own code: webview
 * messages (both directions), state a revived panel was saved with, and command arguments. Hand-written
 * rather than a schema library: the webview bundles stay free of it, and each check names the field and the
 * value it got (`request.points must be in [2, 10001], got 10002`), which is what a log line needs.
 *
 * A check throws ValidationError; `checked` turns the first one into `{ error }`. Pure: no 'vscode', no
 * DOM, no Node built-ins (the host, both webviews and the unit tests import it).
 */

export class ValidationError extends Error {}

/** A validated value, or the first problem found, as text. */
export type Checked<T> = T | { readonly error: string };

export function isInvalid<T>(result: Checked<T>): result is { readonly error: string } {
  return typeof result === 'object' && result !== null && 'error' in result && typeof (result as { error: unknown }).error === 'string';
}

/** Runs `parse`; a ValidationError becomes `{ error }`, anything else (a bug) is rethrown. */
export function checked<T>(parse: () => T): Checked<T> {
  try {
    return parse();
  } catch (error) {
    if (error instanceof ValidationError) return { error: error.message };
    throw error;
  }
}

/** What a message parser knows for one type: the message's fields (already a record) to the typed message. */
type MessageCases<T extends { readonly type: string }> = { readonly [K in T['type']]: (m: Record<string, unknown>) => Extract<T, { readonly type: K }> };

/**
 * The one shape of a message parser, for every direction of every webview: the message must be a record,
 * its `type` one of `cases` (own keys only: 'toString' is no type), and that case checks the rest.
 *
 * @example const parse = messageParser<Message>({ ready: () => ({ type: 'ready' }), select: (m) => ({ type: 'select', index: integer(m.index, 'index', 0, 9) }) });
 */
export function messageParser<T extends { readonly type: string }>(cases: MessageCases<T>): (raw: unknown) => Checked<T> {
  return (raw) =>
    checked(() => {
      const m = record(raw, 'message');
      const type = m.type;
      if (typeof type !== 'string' || !Object.prototype.hasOwnProperty.call(cases, type)) {
        throw new ValidationError(`unknown message type ${type === undefined ? 'undefined' : describe(type)}`);
      }
      return cases[type as T['type']](m);
    });
}

/** A value as an error message quotes it: short, and never the whole of a long string or object. */
export function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  if (typeof value === 'function') return 'a function';
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    try {
      const json = JSON.stringify(value);
      return json.length <= 40 ? json : 'an object';
    } catch {
      return 'an object';
    }
  }
  return String(value);
}

export function record(value: unknown, at: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) throw new ValidationError(`${at} must be an object, got ${describe(value)}`);
  return value as Record<string, unknown>;
}

export function finite(value: unknown, at: string, min = -Number.MAX_VALUE, max = Number.MAX_VALUE): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) throw new ValidationError(`${at} must be a finite number, got ${describe(value)}`);
  if (value < min || value > max) throw new ValidationError(`${at} must be in [${min}, ${max}], got ${value}`);
  return value;
}

export function integer(value: unknown, at: string, min: number, max: number): number {
  const n = finite(value, at, min, max);
  if (!Number.isInteger(n)) throw new ValidationError(`${at} must be an integer, got ${n}`);
  return n;
}

export function bool(value: unknown, at: string): boolean {
  if (typeof value !== 'boolean') throw new ValidationError(`${at} must be true or false, got ${describe(value)}`);
  return value;
}

export function text(value: unknown, at: string, maxLength: number): string {
  if (typeof value !== 'string') throw new ValidationError(`${at} must be a string, got ${describe(value)}`);
  if (value.length > maxLength) throw new ValidationError(`${at} must be at most ${maxLength} characters, got ${value.length}`);
  return value;
}

/** A short string matching `pattern`; `expected` says in words what that is. */
export function matching(value: unknown, at: string, pattern: RegExp, expected: string): string {
  const s = text(value, at, 64);
  if (!pattern.test(s)) throw new ValidationError(`${at} must be ${expected}, got ${describe(s)}`);
  return s;
}

export function oneOf<T extends string>(value: unknown, at: string, allowed: readonly T[]): T {
  if (typeof value !== 'string' || !(allowed as readonly string[]).includes(value)) {
    throw new ValidationError(`${at} must be one of ${allowed.join(', ')}, got ${describe(value)}`);
  }
  return value as T;
}

export function list<T>(value: unknown, at: string, maxLength: number, item: (v: unknown, at: string) => T): T[] {
  if (!Array.isArray(value)) throw new ValidationError(`${at} must be an array, got ${describe(value)}`);
  if (value.length > maxLength) throw new ValidationError(`${at} must have at most ${maxLength} items, got ${value.length}`);
  return value.map((v, i) => item(v, `${at}[${i}]`));
}

/** `{ name: number }` with at most `maxEntries` names, each matching `name`. */
export function numberRecord(value: unknown, at: string, maxEntries: number, name: (key: string, at: string) => string = (k) => k): Record<string, number> {
  const o = record(value, at);
  const keys = Object.keys(o);
  if (keys.length > maxEntries) throw new ValidationError(`${at} must have at most ${maxEntries} entries, got ${keys.length}`);
  const out: Record<string, number> = {};
  for (const k of keys) out[name(k, `${at} key`)] = finite(o[k], `${at}.${k}`);
  return out;
}
