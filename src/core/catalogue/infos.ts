/**
 * listFunctions()'s rows: each catalogue entry's facts and prose (prose.ts), without the code. Apart from
 * index.ts so that what imports the catalogue does not import the prose (the extension's host bundle reads
 * it from dist/catalogue/prose.json instead).
 */
import type { FunctionInfo } from '../functionTypes';
import { catalogue } from './index';
import { frameworkNames } from '../../frameworks/table';
import { catalogueProse } from './prose';

/**
 * The documentation of every function, without the code: what listFunctions() returns. Deep-frozen copies,
 * built once: a caller that writes to `params[0].default` gets a TypeError in strict mode (silently nothing
 * otherwise), never a changed default for every later evaluate().
 */
export function functionInfos(): FunctionInfo[] {
  infos ??= [...catalogue.values()].map(({ def: _def, ...facts }) => {
    const prose = catalogueProse[facts.id];
    if (!prose) throw new Error(`catalogue: no prose for '${facts.id}' (src/core/catalogue/prose.ts)`);
    return deepFreeze(structuredClone({ ...facts, ...prose, frameworks: frameworkNames[facts.id] ?? [] }));
  });
  return [...infos];
}

let infos: FunctionInfo[] | undefined;

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  }
  return value;
}
