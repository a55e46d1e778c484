/**
 * The framework table's lookups: what every reader (the document model, Plot Selection's formulaFromCode,
 * copy-as-code, the lints) asks of it. The rows live in table.ts, the spellings in spellings.ts, the
 * id-switching arguments in switches.ts; nothing else in the extension knows how a framework spells a function.
 * Every lookup keyed by text from a document goes through a Map (`constructor` is a valid identifier).
 */
import { catalogue } from '../core/catalogue';
import type { Framework, FrameworkName } from '../core/functionTypes';
import { frameworkNames } from './table';
import { canonicalPython, EXTRA_QUALIFIED, SAME_AS, type LanguageFamily } from './spellings';

export {
  canonicalPython,
  conventionalAlias,
  EXTRA_QUALIFIED,
  frameworkOfModule,
  isTfjsModule,
  type LanguageFamily,
  MATH_MODULES,
  PLAIN_KEYWORDS,
  PLAIN_NAMES,
  PLAIN_POSITIONAL,
  STRING_KEYS,
  TENSOR_METHODS,
  TFJS_ROOT,
  TIMM_ACTIVATIONS,
  TIMM_FACTORIES,
  TIMM_KEYS,
} from './spellings';
export * from './switches';

/** One catalogue id a canonical name stands for, with the table row that says so. */
export interface NameHit {
  readonly id: string;
  readonly fn: FrameworkName;
}

interface NameIndex {
  readonly qualified: ReadonlyMap<string, readonly NameHit[]>;
  readonly strings: ReadonlyMap<string, readonly NameHit[]>;
}

const PYTHON_FRAMEWORKS: ReadonlySet<Framework> = new Set<Framework>(['pytorch', 'tensorflow', 'jax']);

function buildIndex(family: LanguageFamily): NameIndex {
  const qualified = new Map<string, NameHit[]>();
  const strings = new Map<string, NameHit[]>();
  for (const [id, names] of Object.entries(frameworkNames)) {
    for (const fn of names) {
      const ofFamily = family === 'python' ? PYTHON_FRAMEWORKS.has(fn.framework) : fn.framework === 'tfjs';
      if (!ofFamily) continue;
      const map = fn.form === 'string' ? strings : qualified;
      const list = map.get(fn.name) ?? [];
      list.push({ id, fn });
      map.set(fn.name, list);
    }
  }
  return { qualified, strings };
}

let indexes: Record<LanguageFamily, NameIndex> | undefined;

function nameIndex(family: LanguageFamily): NameIndex {
  indexes ??= { python: buildIndex('python'), js: buildIndex('js') };
  return indexes[family];
}

/** The table rows a canonical qualified name stands for (`torch.nn.LeakyReLU`, `tf.layers.leakyReLU`). */
export function qualifiedHits(family: LanguageFamily, canonical: string): readonly NameHit[] | undefined {
  const index = nameIndex(family).qualified;
  return index.get(canonical) ?? (family === 'python' ? index.get(SAME_AS.get(canonical) ?? '') : undefined);
}

/** The table rows of a string name (`'relu'`, `'binary_crossentropy'`). */
export function stringHits(family: LanguageFamily, value: string): readonly NameHit[] | undefined {
  return nameIndex(family).strings.get(value);
}

/** What a resolved dotted path names: table rows, or an extra (NumPy / SciPy) name, or nothing. */
export interface PathMeaning {
  readonly canonical: string;
  readonly hits: readonly NameHit[];
  readonly extra?: { readonly id: string; readonly framework?: Framework };
}

/** The meaning of a fully resolved module path (`torch.nn.functional.relu`, `tensorflow.nn.relu`, `tf.relu` in JS). */
export function meaningOfPath(family: LanguageFamily, path: string): PathMeaning | undefined {
  const canonical = family === 'python' ? canonicalPython(path) : path;
  const hits = qualifiedHits(family, canonical);
  if (hits) return { canonical, hits };
  const extra = family === 'python' ? EXTRA_QUALIFIED.get(canonical) : undefined;
  return extra ? { canonical, hits: [], extra } : undefined;
}

/** The catalogue's losses (a string value of `loss=` names one of these, of `activation=` none). */
export const LOSS_IDS: ReadonlySet<string> = new Set([...catalogue].filter(([, entry]) => entry.kind === 'loss').map(([id]) => id));

const NO_PARAMS: Readonly<Record<string, number>> = Object.freeze({});
let defaultsById: ReadonlyMap<string, Readonly<Record<string, number>>> | undefined;

/**
 * The core's parameters and their defaults for `id`, from the catalogue (`{ alpha: 0.01 }` for leaky_relu,
 * `{}` for relu or an unknown id). Frozen and shared; copy it before changing anything.
 */
export function coreDefaults(id: string): Readonly<Record<string, number>> {
  defaultsById ??= new Map(
    [...catalogue]
      .filter(([, entry]) => entry.params.length > 0)
      .map(([cid, entry]) => [cid, Object.freeze(Object.fromEntries(entry.params.map((p) => [p.name, p.default])))]),
  );
  return defaultsById.get(id) ?? NO_PARAMS;
}

/** The core parameter a framework keyword sets (`negative_slope` → alpha), own properties only. */
export function keywordParam(fn: Pick<FrameworkName, 'keywords'>, keyword: string): string | undefined {
  const keywords = fn.keywords;
  return keywords && Object.prototype.hasOwnProperty.call(keywords, keyword) ? keywords[keyword] : undefined;
}

/** The framework default of a core parameter, own properties only. */
export function frameworkDefault(fn: Pick<FrameworkName, 'defaults'>, param: string): number | undefined {
  const defaults = fn.defaults;
  return defaults && Object.prototype.hasOwnProperty.call(defaults, param) ? defaults[param] : undefined;
}
