/**
 * The few assertions the web suite needs, bundled into it: the web worker extension host has no
 * `node:assert` (its `require` knows only 'vscode'). Each failure says what was expected and what came.
 */
export class AssertionError extends Error {
  override name = 'AssertionError';
}

export function ok(value: unknown, message?: string): asserts value {
  if (!value) throw new AssertionError(message ?? `expected a truthy value, got ${show(value)}`);
}

export function equal<T>(actual: T, expected: T, message?: string): void {
  if (!Object.is(actual, expected)) throw new AssertionError(`${message ? message + ': ' : ''}expected ${show(expected)}, got ${show(actual)}`);
}

export function match(text: string, pattern: RegExp, message?: string): void {
  if (typeof text !== 'string' || !pattern.test(text)) {
    throw new AssertionError(`${message ? message + ': ' : ''}expected ${String(pattern)} in ${show(typeof text === 'string' ? text.slice(0, 600) : text)}`);
  }
}

export function deepEqual(actual: unknown, expected: unknown, message?: string): void {
  const a = JSON.stringify(actual);
  const e = JSON.stringify(expected);
  if (a !== e) throw new AssertionError(`${message ? message + ': ' : ''}expected ${e}, got ${a}`);
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  } catch {
    return String(value);
  }
}
