/**
 * recognize(text, offset, languageId): the catalogue function whose name is under the cursor, with the
 * parameters its call site gives it. Pure: no VS Code, no Node; the hover and the tests call it the same way.
 *
 * What fires:
 * - qualified names through any import alias or a conventional one (`F.leaky_relu`, `nn.LeakyReLU`,
 *   `keras.losses.Huber`, `jax.nn.gelu`, `optax.huber_loss`, `tf.layers.leakyReLU`), the cursor anywhere
 *   on the name, the range covering all of it;
 * - string names as the value of an activation / loss key (`activation="relu"`, `{loss: 'hinge'}`,
 *   `layers.Activation('gelu')`);
 * - catalogue names used plainly: definitions (`def sigmoid(x):`, `function softplus(x)`), calls
 *   (`sigmoid(out)`), and bare references to a name the document defines.
 * What does not: identifiers that merely contain a name (`relu_count`), members of other objects
 * (`self.relu`, `np.maximum`), other strings, and comments (`#`, `//`, block comments) — a comment is
 * prose, and a hover there would mostly get in the way.
 *
 * Cost: the document is lexed and its imports read once per version (cached); each query then looks at
 * the name under the cursor and at most 4 KB of argument text after it.
 */
import { MAX_ARGUMENT_TEXT, numericValue, objectProperties, parseArguments, switchValue, type Argument } from './args';
import { scanImports, TFJS_ROOT, type Imports } from './imports';
import { scanWindow, spanAt, SpanKind, tripleQuotedRegions, type LanguageFamily, type Spans } from './lexer';
import {
  ARG_SWITCHES,
  canonicalPython,
  CONVENTIONAL_ALIASES,
  coreDefaults,
  EXTRA_QUALIFIED,
  frameworkOfModule,
  LOSS_IDS,
  nameIndex,
  PLAIN_KEYWORDS,
  PLAIN_NAMES,
  PLAIN_POSITIONAL,
  STRING_KEYS,
  type NameHit,
} from './names';
import type { FunctionRef } from './types';
import type { Framework, FrameworkName } from '../core/types';

/** Identifies one version of one document, so its lexing and imports are computed once. */
export interface DocumentVersion {
  readonly key: string;
  readonly version: number;
}

export interface Recognizer {
  /** The function under `offset`, or undefined. Pass `document` to key the cache by document and version. */
  recognize(text: string, offset: number, languageId: string, document?: DocumentVersion): FunctionRef | undefined;
  /** Forget every cached document. */
  clear(): void;
}

const LANGUAGES: Readonly<Record<string, LanguageFamily>> = {
  python: 'python',
  javascript: 'js',
  typescript: 'js',
  javascriptreact: 'js',
  typescriptreact: 'js',
};

/** The language family for a VS Code language id, or undefined when the recognizer does not handle it. */
export function languageFamily(languageId: string): LanguageFamily | undefined {
  return Object.prototype.hasOwnProperty.call(LANGUAGES, languageId) ? LANGUAGES[languageId] : undefined;
}

/** What is computed once per document version. */
interface DocumentFacts {
  readonly text: string;
  readonly family: LanguageFamily;
  readonly key?: string;
  readonly version?: number;
  /** Python triple-quoted strings (empty for JavaScript). */
  readonly triples: Int32Array;
  /** Whether a JavaScript document has any block comment opener (else no backwards search for one). */
  readonly hasBlockComments: boolean;
  readonly imports: Imports;
  /** Which frameworks the imports use (Python), to attribute `activation="gelu"` in a PyTorch file. */
  readonly frameworks: ReadonlySet<Framework>;
  /** Plain names the document defines, filled on demand. */
  readonly defined: Map<string, boolean>;
}

function analyse(text: string, family: LanguageFamily, document?: DocumentVersion): DocumentFacts {
  const triples = family === 'python' ? tripleQuotedRegions(text) : new Int32Array(0);
  const imports = scanImports(text, family, triples);
  const frameworks = new Set<Framework>();
  for (const module of imports.modules) {
    const framework = family === 'python' ? frameworkOfModule(module) : module.startsWith('@tensorflow/tfjs') ? 'tfjs' : undefined;
    if (framework) frameworks.add(framework);
  }
  const hasBlockComments = family === 'js' && text.includes('/*');
  return { text, family, key: document?.key, version: document?.version, triples, hasBlockComments, imports, frameworks, defined: new Map() };
}

/** A recognizer with a small LRU cache of analysed documents (`capacity` documents). */
export function createRecognizer(capacity = 8): Recognizer {
  const cache: DocumentFacts[] = [];
  const factsFor = (text: string, family: LanguageFamily, document?: DocumentVersion): DocumentFacts => {
    for (let i = 0; i < cache.length; i++) {
      const c = cache[i];
      const hit = document
        ? c.key === document.key && c.version === document.version && c.family === family && c.text.length === text.length
        : c.key === undefined && c.family === family && c.text === text;
      if (hit) {
        if (i > 0) cache.unshift(...cache.splice(i, 1));
        return c;
      }
    }
    // A new version of a keyed document replaces the old one.
    if (document) {
      const stale = cache.findIndex((c) => c.key === document.key);
      if (stale >= 0) cache.splice(stale, 1);
    }
    const facts = analyse(text, family, document);
    cache.unshift(facts);
    if (cache.length > capacity) cache.length = capacity;
    return facts;
  };
  return {
    recognize(text, offset, languageId, document) {
      const family = languageFamily(languageId);
      if (!family || typeof text !== 'string' || !Number.isInteger(offset) || offset < 0 || offset > text.length) return undefined;
      return recognizeIn(factsFor(text, family, document), offset);
    },
    clear() {
      cache.length = 0;
    },
  };
}

const shared = createRecognizer(4);

/** The catalogue function named at `offset` in `text`, with its parameters; undefined when there is none. */
export function recognize(text: string, offset: number, languageId: string): FunctionRef | undefined {
  return shared.recognize(text, offset, languageId);
}

// ------------------------------------------------------------------------------------------- dispatch

/** Farthest the lexer starts before the cursor (a minified line is cut there). */
const MAX_LOOKBEHIND = 2048;

function recognizeIn(doc: DocumentFacts, offset: number): FunctionRef | undefined {
  const spans = spansAround(doc, offset);
  const span = spanAt(spans, offset);
  if (span >= 0) {
    return spans.data[span * 3 + 2] === SpanKind.String ? recognizeString(doc, spans, span) : undefined;
  }
  const chain = chainAt(doc.text, offset);
  return chain ? recognizeChain(doc, chain) : undefined;
}

/** Strings and comments from the start of the cursor's line (at most 2 KB back) to the cursor. */
function spansAround(doc: DocumentFacts, offset: number): Spans {
  const { text } = doc;
  const limit = Math.max(0, offset - MAX_LOOKBEHIND);
  let from = offset;
  while (from > limit && text.charCodeAt(from - 1) !== 10 && text.charCodeAt(from - 1) !== 13) from--;
  if (doc.hasBlockComments) {
    const comment = blockCommentAround(text, from);
    if (comment && comment[1] > offset) return { data: Int32Array.of(comment[0], comment[1], SpanKind.Comment), count: 1 };
    if (comment) from = comment[1];
  }
  return scanWindow(text, doc.family, from, offset + 1, doc.triples);
}

/**
 * The block comment a JavaScript line at `from` lies in, as [start, end), when its opener begins a line
 * (a JSDoc block); `/*` inside a string such as a glob is then not mistaken for one.
 */
function blockCommentAround(text: string, from: number): [number, number] | undefined {
  const open = text.lastIndexOf('/*', from);
  if (open < 0 || text.lastIndexOf('*/', from) > open) return undefined;
  let i = open;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9)) i--;
  if (i > 0 && text.charCodeAt(i - 1) !== 10 && text.charCodeAt(i - 1) !== 13) return undefined;
  const close = text.indexOf('*/', open + 2);
  return [open, close < 0 ? text.length : close + 2];
}

// -------------------------------------------------------------------------------------- name chains

function isIdentChar(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 48 && c <= 57) || c === 95 || c === 36;
}
function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Longest dotted name considered, in characters either side of the cursor. */
const MAX_CHAIN = 256;

interface Chain {
  /** Segment texts and their start offsets. */
  readonly segments: readonly string[];
  readonly starts: readonly number[];
  /** Index of the segment under the cursor (the one after the dot when the cursor is on a dot). */
  readonly cursor: number;
}

/** The dotted identifier chain around `offset` (`nn.functional.relu`), or undefined when there is none. */
function chainAt(text: string, offset: number): Chain | undefined {
  const at = (i: number) => text.charCodeAt(i);
  let p = offset;
  if (!(isIdentChar(at(p)) || at(p) === 46)) {
    // The cursor just after a name (VS Code's word range includes its end).
    if (p > 0 && isIdentChar(at(p - 1))) p--;
    else return undefined;
  }
  let start = p;
  while (start > 0 && p - start < MAX_CHAIN && (isIdentChar(at(start - 1)) || at(start - 1) === 46)) start--;
  let end = p + 1;
  while (end < text.length && end - p < MAX_CHAIN && (isIdentChar(at(end)) || at(end) === 46)) end++;
  // A chain that starts with a dot hangs off an expression (`f().relu`, `"s".relu`): not a name.
  if (at(start) === 46 || (start > 0 && (isIdentChar(at(start - 1)) || at(start - 1) === 46))) return undefined;
  while (end > start && at(end - 1) === 46) end--;
  const raw = text.slice(start, end);
  const segments = raw.split('.');
  const starts: number[] = [];
  let s = start;
  for (const seg of segments) {
    if (seg === '' || isDigit(seg.charCodeAt(0))) return undefined;
    starts.push(s);
    s += seg.length + 1;
  }
  let cursor = 0;
  while (cursor + 1 < segments.length && starts[cursor + 1] <= p) cursor++;
  return { segments, starts, cursor };
}

interface Resolved {
  readonly canonical: string;
  readonly hits: readonly NameHit[];
  readonly extra?: { readonly id: string; readonly framework?: Framework };
}

/** What a dotted name means in this document, via its imports, conventional aliases and the catalogue. */
function resolveQualified(doc: DocumentFacts, segments: readonly string[]): Resolved | undefined {
  const head = segments[0];
  const bound = doc.imports.aliases.get(head);
  const module = bound ?? (segments.length > 1 ? CONVENTIONAL_ALIASES[doc.family][head] : undefined);
  if (module === undefined) return undefined;
  if (doc.family === 'js' && module !== TFJS_ROOT && !module.startsWith(`${TFJS_ROOT}.`)) return undefined;
  const path = segments.length > 1 ? `${module}.${segments.slice(1).join('.')}` : module;
  const canonical = doc.family === 'python' ? canonicalPython(path) : path;
  const hits = nameIndex(doc.family).qualified.get(canonical);
  if (hits) return { canonical, hits };
  const extra = doc.family === 'python' ? EXTRA_QUALIFIED[canonical] : undefined;
  return extra ? { canonical, hits: [], extra } : undefined;
}

function recognizeChain(doc: DocumentFacts, chain: Chain): FunctionRef | undefined {
  const { segments, starts } = chain;
  // Longest prefix that names something, but never one that stops before the cursor's segment.
  for (let k = segments.length; k > chain.cursor; k--) {
    const prefix = segments.slice(0, k);
    const resolved = resolveQualified(doc, prefix);
    if (resolved) return qualifiedRef(doc, resolved, starts[0], starts[k - 1] + prefix[k - 1].length);
  }
  if (segments.length === 1) {
    const star = resolveStar(doc, segments[0]);
    if (star) return qualifiedRef(doc, star, starts[0], starts[0] + segments[0].length);
    // Unbound, or bound by an import the catalogue does not know (`from mylib import sigmoid`).
    return plainRef(doc, segments[0], starts[0]);
  }
  return undefined;
}

function resolveStar(doc: DocumentFacts, name: string): Resolved | undefined {
  if (doc.family !== 'python' || doc.imports.aliases.has(name)) return undefined;
  for (const module of doc.imports.starModules) {
    const canonical = canonicalPython(`${module}.${name}`);
    const hits = nameIndex('python').qualified.get(canonical);
    if (hits) return { canonical, hits };
  }
  return undefined;
}

function qualifiedRef(doc: DocumentFacts, resolved: Resolved, start: number, end: number): FunctionRef {
  const text = doc.text;
  const args = argumentsAfter(text, end, doc.family);
  const written = text.slice(start, end);
  if (resolved.extra) {
    return { id: resolved.extra.id, params: { ...coreDefaults(resolved.extra.id) }, explicit: [], range: { start, end }, written, framework: resolved.extra.framework };
  }
  const hit = chooseHit(resolved, args ?? []);
  const { params, explicit } = applyArguments(hit.id, hit.fn, args ?? [], doc.family);
  return { id: hit.id, params, explicit, range: { start, end }, written, framework: hit.fn.framework, frameworkName: hit.fn };
}

/** The id an argument switches to (`approximate='tanh'`, `from_logits=True`), else the name's default. */
function chooseHit(resolved: Resolved, args: readonly Argument[]): NameHit {
  const { hits } = resolved;
  const sw = ARG_SWITCHES[resolved.canonical];
  if (!sw) return hits[0];
  let id = sw.byDefault;
  const value = argumentFor(args, sw.keyword, sw.position);
  const literal = value === undefined ? undefined : switchValue(value);
  if (literal !== undefined && sw.cases[literal]) id = sw.cases[literal];
  return hits.find((h) => h.id === id) ?? hits[0];
}

/** The source text of the argument given by keyword or at `position`. */
function argumentFor(args: readonly Argument[], keyword: string, position: number | undefined): string | undefined {
  let index = 0;
  for (const a of args) {
    if (a.spread) {
      if (a.key === undefined && !a.value.startsWith('{')) break;
      continue;
    }
    if (a.key === keyword) return a.value;
    if (a.key === undefined) {
      if (index === position) return a.value;
      index++;
    }
  }
  return undefined;
}

/** The argument list right after a name (`name(`, allowing spaces), or undefined when it is not called. */
function argumentsAfter(text: string, end: number, family: LanguageFamily): Argument[] | undefined {
  let i = end;
  while (i < text.length && i - end < 64 && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return parseArguments(text, i, family, MAX_ARGUMENT_TEXT);
}

/** Core defaults, overlaid with the framework's defaults, overlaid with the numeric literals in the code. */
function applyArguments(
  id: string,
  fn: Pick<FrameworkName, 'positional' | 'keywords' | 'defaults'>,
  args: readonly Argument[],
  family: LanguageFamily,
): { params: Record<string, number>; explicit: string[] } {
  const core = coreDefaults(id);
  const params: Record<string, number> = { ...core };
  for (const [name, value] of Object.entries(fn.defaults ?? {})) if (name in core) params[name] = value;
  const explicit: string[] = [];
  const set = (name: string | null | undefined, value: string) => {
    if (!name || !(name in core)) return;
    const n = numericValue(value);
    if (n === undefined) return;
    params[name] = n;
    if (!explicit.includes(name)) explicit.push(name);
  };
  let index = 0;
  let positionsKnown = true;
  for (const a of args) {
    const props = family === 'js' && a.key === undefined ? objectProperties(a.value, family) : undefined;
    if (props) {
      for (const p of props) if (p.key !== undefined) set(fn.keywords?.[p.key], p.value);
      index++;
      continue;
    }
    if (a.spread) {
      positionsKnown = false;
      continue;
    }
    if (a.key !== undefined) set(fn.keywords?.[a.key], a.value);
    else {
      if (positionsKnown) set(fn.positional?.[index], a.value);
      index++;
    }
  }
  return { params, explicit };
}

// ------------------------------------------------------------------------------------------ plain names

const PLAIN_FN = { positional: undefined, keywords: PLAIN_KEYWORDS, defaults: undefined };

function plainRef(doc: DocumentFacts, name: string, start: number): FunctionRef | undefined {
  if (!Object.prototype.hasOwnProperty.call(PLAIN_NAMES, name)) return undefined;
  const id = PLAIN_NAMES[name];
  const text = doc.text;
  const end = start + name.length;
  const before = previousWord(text, start);
  const next = nextSignificant(text, end);
  const isDefinition = before === 'def' || before === 'function';
  const range = { start, end };
  if (isDefinition) {
    // Parameters with defaults in the definition: `def leaky_relu(x, alpha=0.1)`.
    const args = (argumentsAfter(text, end, doc.family) ?? []).filter((a) => a.key !== undefined);
    const { params, explicit } = applyArguments(id, PLAIN_FN, args, doc.family);
    return { id, params, explicit, range, written: name };
  }
  if (next === 40 /* ( */) {
    const args = argumentsAfter(text, end, doc.family) ?? [];
    const { params, explicit } = applyArguments(id, { ...PLAIN_FN, positional: PLAIN_POSITIONAL[id] }, args, doc.family);
    return { id, params, explicit, range, written: name };
  }
  // `f(sigmoid=…)`, `{relu: …}`, `relu: bool`: a keyword or key, not the function.
  const assignsFunction = next === 61 && assignedFunction(text, end);
  if (!assignsFunction && (next === 58 || (next === 61 && text.charCodeAt(skipSpaces(text, end) + 1) !== 61))) return undefined;
  if (assignsFunction || isDefined(doc, name)) {
    return { id, params: { ...coreDefaults(id) }, explicit: [], range, written: name };
  }
  return undefined;
}

function skipSpaces(text: string, i: number): number {
  while (i < text.length && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
  return i;
}

function nextSignificant(text: string, i: number): number {
  return text.charCodeAt(skipSpaces(text, i));
}

/** The word before `start` on the same line (`def`, `function`), or ''. */
function previousWord(text: string, start: number): string {
  let i = start;
  while (i > 0 && (text.charCodeAt(i - 1) === 32 || text.charCodeAt(i - 1) === 9 || text.charCodeAt(i - 1) === 42)) i--;
  const end = i;
  while (i > 0 && end - i < 16 && isIdentChar(text.charCodeAt(i - 1))) i--;
  return text.slice(i, end);
}

/** `sigmoid = lambda x: …`, `const softplus = (x) => …`, `const relu = function (x) {…}`. */
function assignedFunction(text: string, end: number): boolean {
  const eq = skipSpaces(text, end);
  const rhsStart = skipSpaces(text, eq + 1);
  let lineEnd = text.indexOf('\n', rhsStart);
  if (lineEnd < 0 || lineEnd - rhsStart > 400) lineEnd = Math.min(text.length, rhsStart + 400);
  const rhs = text.slice(rhsStart, lineEnd);
  return /^(?:lambda\b|function\b|async\b)/.test(rhs) || /^(?:\([^()]{0,200}\)|[A-Za-z_$][\w$]*)\s*(?::[^=]{0,100})?=>/.test(rhs);
}

/** Whether the document defines `name` as a function (cached per document); one indexOf pass. */
function isDefined(doc: DocumentFacts, name: string): boolean {
  const known = doc.defined.get(name);
  if (known !== undefined) return known;
  const { text } = doc;
  let found = false;
  for (let at = text.indexOf(name); at >= 0 && !found; at = text.indexOf(name, at + name.length)) {
    const end = at + name.length;
    if ((at > 0 && (isIdentChar(text.charCodeAt(at - 1)) || text.charCodeAt(at - 1) === 46)) || isIdentChar(text.charCodeAt(end))) continue;
    const before = previousWord(text, at);
    const next = nextSignificant(text, end);
    if (before === 'def' || before === 'function') found = next === 40;
    else if (next === 61 && text.charCodeAt(skipSpaces(text, end) + 1) !== 61) found = assignedFunction(text, end) || (doc.family === 'js' && (before === 'const' || before === 'let' || before === 'var'));
  }
  doc.defined.set(name, found);
  return found;
}

// ------------------------------------------------------------------------------------------ strings

/** Longest string value considered a name. */
const MAX_STRING_NAME = 48;

function recognizeString(doc: DocumentFacts, spans: Spans, span: number): FunctionRef | undefined {
  const { text, family } = doc;
  const start = spans.data[span * 3];
  const end = spans.data[span * 3 + 1];
  const quote = text.charCodeAt(start);
  if (end - start > MAX_STRING_NAME + 2 || end - start < 3 || text.charCodeAt(end - 1) !== quote || quote === 96) return undefined;
  if (text.charCodeAt(start + 1) === quote) return undefined;
  const value = text.slice(start + 1, end - 1);
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(value)) return undefined;
  const key = stringKey(text, start, family);
  if (!key) return undefined;
  const wantLoss = key === 'loss';
  const range = { start, end };
  const written = text.slice(start, end);
  const index = nameIndex(family);
  const hit = index.strings.get(value)?.find((h) => LOSS_IDS.has(h.id) === wantLoss) ?? classNameString(family, value, wantLoss);
  if (hit) {
    if (family === 'python' && doc.frameworks.has('pytorch') && !doc.frameworks.has('tensorflow')) {
      // `nn.TransformerEncoderLayer(activation="gelu")`: PyTorch's own string, not a Keras one.
      return { id: hit.id, params: { ...coreDefaults(hit.id) }, explicit: [], range, written, framework: 'pytorch' };
    }
    const { params } = applyArguments(hit.id, hit.fn, [], family);
    return { id: hit.id, params, explicit: [], range, written, framework: hit.fn.framework, frameworkName: hit.fn };
  }
  return undefined;
}

/** Keras also accepts class and function names as strings: `loss='Huber'`, `loss='BinaryCrossentropy'`. */
function classNameString(family: LanguageFamily, value: string, wantLoss: boolean): NameHit | undefined {
  if (family !== 'python') return undefined;
  const canonical = `keras.${wantLoss ? 'losses' : 'activations'}.${value}`;
  const hits = nameIndex('python').qualified.get(canonical);
  if (!hits) return undefined;
  const sw = ARG_SWITCHES[canonical];
  return (sw && hits.find((h) => h.id === sw.byDefault)) || hits[0];
}

/**
 * The key a string literal at `start` is the value of: `activation=` (a keyword argument), `activation:` /
 * `"activation":` (an object or dict), or the first argument of `Activation(`.
 */
function stringKey(text: string, start: number, family: LanguageFamily): 'activation' | 'loss' | undefined {
  let i = start;
  // Python string prefixes (r'…', u'…').
  if (family === 'python') while (i > start - 2 && i > 0 && /[rRuU]/.test(text[i - 1])) i--;
  i = skipBack(text, i);
  if (i <= 0) return undefined;
  const c = text.charCodeAt(i - 1);
  if (c === 61 /* = */) {
    const prev = text.charCodeAt(i - 2);
    if (prev === 61 || prev === 33 || prev === 60 || prev === 62 || family !== 'python') return undefined;
    const keyEnd = skipBack(text, i - 1);
    const key = wordBefore(text, keyEnd);
    // A keyword argument, not a statement: the key follows `(` or `,`.
    const beforeKey = text.charCodeAt(skipBack(text, keyEnd - key.length) - 1);
    return beforeKey === 40 || beforeKey === 44 ? STRING_KEYS[key] : undefined;
  }
  if (c === 58 /* : */) {
    const keyEnd = skipBack(text, i - 1);
    const q = text.charCodeAt(keyEnd - 1);
    if (q === 39 || q === 34) {
      const open = text.lastIndexOf(text[keyEnd - 1], keyEnd - 2);
      return open >= 0 && keyEnd - open < 40 ? STRING_KEYS[text.slice(open + 1, keyEnd - 1)] : undefined;
    }
    return family === 'js' ? STRING_KEYS[wordBefore(text, keyEnd)] : undefined;
  }
  if (c === 40 /* ( */) {
    const callee = wordBefore(text, skipBack(text, i - 1));
    return callee === 'Activation' ? 'activation' : undefined;
  }
  return undefined;
}

/** Index after skipping whitespace (and line breaks) backwards from `i`, looking at most 200 characters. */
function skipBack(text: string, i: number): number {
  const limit = Math.max(0, i - 200);
  while (i > limit) {
    const c = text.charCodeAt(i - 1);
    if (c === 32 || c === 9 || c === 10 || c === 13) i--;
    else break;
  }
  return i;
}

function wordBefore(text: string, end: number): string {
  let i = end;
  while (i > 0 && end - i < 40 && isIdentChar(text.charCodeAt(i - 1))) i--;
  return text.slice(i, end);
}
