/**
 * The closed set of functions a formula may call: the built-ins below, `where`, and every elementwise
 * activation of the catalogue by its id (with its parameters as optional extra arguments, in ParamSpec
 * order). A built-in shadows a catalogue id of the same name (tanh): they compute the same function.
 *
 * The implementations here are the only functions generated code can reach: codegen.ts hands them to the
 * compiled loop as a table, by index.
 */
import erf from '@stdlib/math-base-special-erf';
import erfc from '@stdlib/math-base-special-erfc';
import { catalogue } from '../catalogue';
import type { CatalogueEntry, ElementwiseActivationDef } from '../functionTypes';

export interface Builtin {
  readonly name: string;
  readonly minArgs: number;
  readonly maxArgs: number;
  readonly impl: (...args: number[]) => number;
  /** Not callable from a formula: only the derivative produces it. */
  readonly internal?: boolean;
}

/**
 * sech²(x) = 1 − tanh²(x), the derivative of tanh, written as 4e^(−2|x|)/(1 + e^(−2|x|))² because
 * 1 − tanh² cancels to 0 for |x| > 19 while the true value is still ≈ 4e^(−2|x|).
 */
function sech2(x: number): number {
  const t = Math.exp(-2 * Math.abs(x));
  return (4 * t) / ((1 + t) * (1 + t));
}

const list: Builtin[] = [
  { name: 'exp', minArgs: 1, maxArgs: 1, impl: Math.exp },
  { name: 'log', minArgs: 1, maxArgs: 1, impl: Math.log },
  { name: 'log1p', minArgs: 1, maxArgs: 1, impl: Math.log1p },
  { name: 'expm1', minArgs: 1, maxArgs: 1, impl: Math.expm1 },
  { name: 'sqrt', minArgs: 1, maxArgs: 1, impl: Math.sqrt },
  { name: 'abs', minArgs: 1, maxArgs: 1, impl: Math.abs },
  { name: 'sign', minArgs: 1, maxArgs: 1, impl: Math.sign },
  { name: 'min', minArgs: 2, maxArgs: Infinity, impl: Math.min },
  { name: 'max', minArgs: 2, maxArgs: Infinity, impl: Math.max },
  { name: 'pow', minArgs: 2, maxArgs: 2, impl: Math.pow },
  { name: 'tanh', minArgs: 1, maxArgs: 1, impl: Math.tanh },
  { name: 'sinh', minArgs: 1, maxArgs: 1, impl: Math.sinh },
  { name: 'cosh', minArgs: 1, maxArgs: 1, impl: Math.cosh },
  { name: 'sin', minArgs: 1, maxArgs: 1, impl: Math.sin },
  { name: 'cos', minArgs: 1, maxArgs: 1, impl: Math.cos },
  { name: 'erf', minArgs: 1, maxArgs: 1, impl: erf },
  { name: 'erfc', minArgs: 1, maxArgs: 1, impl: erfc },
  { name: 'sech2', minArgs: 1, maxArgs: 1, impl: sech2, internal: true },
];

export const builtins: ReadonlyMap<string, Builtin> = new Map(list.map((b) => [b.name, b]));

export const CONSTANTS: Readonly<Record<string, number>> = { pi: Math.PI, e: Math.E };

export const KEYWORDS: ReadonlySet<string> = new Set(['and', 'or', 'not']);

/**
 * Names that can never be parameters. Parameter names are never emitted as code (they map to slots of a
 * parameter array), so this is not what keeps formulas safe; it keeps hostile or confusing names out of
 * messages, LaTeX and the parameter list a view shows.
 */
const RESERVED = new Set(
  (
    'break case catch class const continue debugger default delete do else enum export extends false finally for ' +
    'function if implements import in instanceof interface let new null package private protected public return ' +
    'static super switch this throw true try typeof var void while with yield await async of undefined NaN ' +
    'Infinity arguments eval Function constructor prototype hasOwnProperty isPrototypeOf propertyIsEnumerable ' +
    'toLocaleString toString valueOf process require module exports globalThis global window self document Math ' +
    'Object Reflect Proxy Symbol Array Number String Boolean Date JSON Promise setTimeout setInterval fetch ' +
    'importScripts Buffer'
  ).split(' '),
);

export function isReserved(name: string): boolean {
  return RESERVED.has(name) || name.startsWith('__');
}

export type FunctionResolution =
  | { readonly kind: 'builtin'; readonly builtin: Builtin }
  | { readonly kind: 'where' }
  | { readonly kind: 'catalogue'; readonly entry: CatalogueEntry; readonly def: ElementwiseActivationDef }
  | { readonly kind: 'rejected'; readonly message: string }
  | { readonly kind: 'unknown' };

/** What `name(…)` refers to. */
export function resolveFunction(name: string): FunctionResolution {
  const builtin = builtins.get(name);
  if (builtin && !builtin.internal) return { kind: 'builtin', builtin };
  if (name === 'where') return { kind: 'where' };
  const entry = catalogue.get(name);
  if (!entry) return { kind: 'unknown' };
  if (entry.kind === 'loss') {
    return { kind: 'rejected', message: `'${name}' is a loss ℓ(y, ŷ); a formula can call activations only` };
  }
  if (entry.def.shape === 'vector') {
    return {
      kind: 'rejected',
      message: `'${name}' couples a whole vector, so it has no value at a single x; a formula can call elementwise functions only`,
    };
  }
  return { kind: 'catalogue', entry, def: entry.def };
}

/** Every name a formula can call, for "did you mean" hints. */
export function callableNames(): string[] {
  const names = list.filter((b) => !b.internal).map((b) => b.name);
  names.push('where');
  for (const [id, entry] of catalogue) {
    if (entry.kind === 'activation' && entry.def.shape === 'elementwise') names.push(id);
  }
  return names;
}
