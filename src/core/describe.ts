/**
 * A bad value, named for an error message the way the user wrote it: `1n (a BigInt)`, `Symbol(k)`, `"3"`,
 * `undefined`, `NaN`. JSON.stringify cannot be used for this: it throws on a BigInt and returns undefined for
 * a Symbol, a function or undefined.
 *
 * @example describeValue(1n) // returns '1n (a BigInt; convert it with Number(…))'
 * @example describeValue(Symbol('k')) // returns 'Symbol(k) (a symbol)'
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'bigint':
      return `${value}n (a BigInt; convert it with Number(…))`;
    case 'symbol':
      return `${String(value)} (a symbol)`;
    case 'undefined':
      return 'undefined';
    case 'function':
      return 'a function';
    case 'number':
      return String(value);
    case 'string':
      return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
    default:
      if (value === null) return 'null';
      try {
        const text = JSON.stringify(value);
        return text === undefined ? typeof value : text.length > 60 ? `${text.slice(0, 60)}…` : text;
      } catch {
        // Cycles, BigInts inside.
        return Array.isArray(value) ? 'an array' : 'an object';
      }
  }
}
