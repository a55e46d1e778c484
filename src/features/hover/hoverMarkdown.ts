/**
 * The hover's Markdown, built from a recognised FunctionRef: title, formula images, the parameters in
 * effect beside each framework's defaults, the sparkline, one line each of range / properties / use cases /
 * pairing, and the two command links. Pure (no 'vscode'): src/hover.ts adapts it, unit tests call it in Node.
 */
import { checkParam, isParamOff } from '../../core/api';
import { catalogue } from '../../core/catalogue';
import type { CatalogueEntry, FrameworkName, FunctionProse, ParamSpec, Params, PredictionSpace } from '../../core/functionTypes';
import { formatNumber, paletteFor, sparklineSvg } from './sparkline';
import { signalHoverLine } from '../playground/signalHover';
import type { FunctionRef } from '../../recognize/site';
import { kerasCatalogueId, kerasNote, type KerasDecision } from '../../frameworks/generations';
import { frameworkNames } from '../../frameworks/table';

/** A function's prerendered formula images: f and f′ (for losses ℓ and ∂ℓ/∂ŷ), glyphs in `currentColor`. */
export interface FormulaSvgs {
  readonly f: string;
  readonly df: string;
}
export type FormulaSvgTable = Readonly<Record<string, FormulaSvgs>>;
/** The catalogue's prose by id (src/core/catalogue/prose.ts; the extension reads dist/catalogue/prose.json). */
export type ProseTable = Readonly<Record<string, FunctionProse>>;

export interface HoverContentOptions {
  /** vscode.ColorThemeKind of the active theme (1 light, 2 dark, 3 high contrast, 4 high contrast light). */
  readonly themeKind: number;
  readonly showPlot: boolean;
  /** The prerendered formulas (generated/formulaSvgs.json); without one, the LaTeX is shown as code. */
  readonly svgs?: FormulaSvgTable;
  /** The summary, range, properties, use cases and pairing advice; without it the hover leaves them out. */
  readonly prose?: ProseTable;
  /** Keras 2 or 3 for this document (src/frameworks/generations.ts); absent = unknown, both shown where they differ. */
  readonly keras?: KerasDecision;
  /**
   * The URI of a formula image already in the theme's colours (dist/formulaSvgs/<id>.<f|df>.<variant>.svg),
   * or undefined to embed the `svgs` one as a data URI. A URI keeps the hover's Markdown small: it crosses
   * the extension-host boundary on every hover, and ~14 KB of base64 there cost ~10 ms a round trip.
   */
  readonly formulaUri?: (id: string, image: 'f' | 'df', themeKind: number) => string | undefined;
}

/** The only commands the hover's links may run (MarkdownString.isTrusted.enabledCommands). */
export const HOVER_COMMANDS = ['formulaPlayground.openPlayground', 'formulaPlayground.gradientCheck'] as const;

const markdownCache = new Map<string, string>();
let markdownCacheSvgs: FormulaSvgTable | undefined;
let markdownCacheUri: HoverContentOptions['formulaUri'];
let markdownCacheProse: ProseTable | undefined;

/** The Markdown of the hover for `ref`, or undefined when its id is not in the catalogue. */
export function hoverMarkdown(ref: FunctionRef, options: HoverContentOptions): string | undefined {
  const recognised = catalogue.get(ref.id);
  if (!recognised) return undefined;
  // Keras 2 code gets Keras 2's function where it is another one (hard_sigmoid: 0.2x + 0.5, not relu6(x + 3)/6).
  const shownId = kerasCatalogueId(ref.id, ref.frameworkName, recognised.kind, options.keras?.generation ?? 'unknown', ref.written);
  const entry = catalogue.get(shownId) ?? recognised;
  if (markdownCacheSvgs !== options.svgs || markdownCacheUri !== options.formulaUri || markdownCacheProse !== options.prose || markdownCache.size >= 256) {
    markdownCache.clear();
    markdownCacheSvgs = options.svgs;
    markdownCacheUri = options.formulaUri;
    markdownCacheProse = options.prose;
  }
  // Everything the Markdown depends on; the range is not part of it.
  const key = JSON.stringify([ref.id, ref.params, ref.explicit, ref.unknown, ref.sources, ref.implementation, ref.written, ref.frameworkName?.name, ref.frameworkName?.framework, options.themeKind, options.showPlot, options.keras?.generation, options.keras?.reason]);
  let markdown = markdownCache.get(key);
  if (markdown === undefined) {
    markdown = buildMarkdown(entry, ref, options);
    markdownCache.set(key, markdown);
  }
  return markdown;
}

function buildMarkdown(entry: CatalogueEntry, ref: FunctionRef, options: HoverContentOptions): string {
  const params = paramsInEffect(entry, ref);
  const words = options.prose?.[entry.id];
  // The hover is height-limited and scrolls: what matters most comes first, the links stay in view.
  const sections = [
    words ? `${titleLine(entry, ref)}  \n${escapeMarkdown(words.summary)}` : titleLine(entry, ref),
    implementationLine(ref),
    commandLinks(entry.id, params),
    signalHoverLine(entry.id, params),
    formulaBlock(entry, options),
    parameterBlock(entry, ref, params),
    noteLine(ref, entry, options.keras),
    options.showPlot ? plotBlock(entry, params, options.themeKind) : '',
    words ? factsBlock(entry, words) : '',
  ];
  return sections.filter((s) => s !== '').join('\n\n');
}

/** The document's own implementation compared with the catalogue's, and the numeric traps in its body. */
function implementationLine(ref: FunctionRef): string {
  const check = ref.implementation;
  if (!check) return '';
  const mark = check.status === 'matches' ? '✓' : check.status === 'differs' ? '≠' : '·';
  // The messages quote code in backticks: keep those spans, escape the rest.
  const md = (text: string) => text.split('`').map((part, i) => (i % 2 === 1 ? code(part) : escapeMarkdown(part))).join('');
  return [`${mark} ${md(check.message)}`, ...check.traps.map((t) => `⚠ ${md(t)}`)].join('  \n');
}

/** The catalogue's defaults overlaid with the recognised values of the parameters the function has. */
function paramsInEffect(entry: Pick<CatalogueEntry, 'params'>, ref: Pick<FunctionRef, 'params'>): Params {
  const out: Record<string, number> = {};
  for (const spec of entry.params) {
    const given = ref.params[spec.name];
    out[spec.name] = typeof given === 'number' ? given : spec.default;
  }
  return out;
}

/** `command:` URI arguments: the URI-encoded JSON of `[{ id, params }]`, which the commands receive. */
export function commandArgs(id: string, params: Params): string {
  return encodeURIComponent(JSON.stringify([{ id, params }]));
}

function commandLinks(id: string, params: Params): string {
  const args = commandArgs(id, params);
  return (
    `[Open in Playground](command:formulaPlayground.openPlayground?${args})` +
    ' · ' +
    `[Gradient check](command:formulaPlayground.gradientCheck?${args})`
  );
}

function titleLine(entry: CatalogueEntry, ref: FunctionRef): string {
  const fn = ref.frameworkName;
  const name = fn ? (fn.form === 'string' ? `"${fn.name}"` : fn.name) : ref.written;
  const where = fn ? ` (${frameworkLabel(fn)}${fn.form === 'string' ? ' string' : ''})` : '';
  return `**${escapeMarkdown(entry.title)}** — ${code(name)}${where} · *${entry.kind}*`;
}

function formulaBlock(entry: CatalogueEntry, options: HoverContentOptions): string {
  const svgs = options.svgs?.[entry.id];
  const [fName, dfName] = entry.kind === 'loss' ? ['ℓ(y, ŷ)', '∂ℓ/∂ŷ'] : ['f(x)', 'f′(x)'];
  const fUri = svgs && options.formulaUri?.(entry.id, 'f', options.themeKind);
  const dfUri = svgs && options.formulaUri?.(entry.id, 'df', options.themeKind);
  if (fUri && dfUri) return `![${fName}](${fUri}) &emsp; ![${dfName}](${dfUri})`;
  if (!svgs) {
    // No prerendered images (a build without the generated table): the LaTeX still says it exactly.
    return '```latex\n' + entry.latex + '\n' + entry.derivativeLatex + '\n```';
  }
  const color = paletteFor(options.themeKind).text;
  // One paragraph: the two images sit side by side when the hover is wide enough, and wrap otherwise.
  return `![${fName}](${svgDataUri(svgs.f, color)}) &emsp; ![${dfName}](${svgDataUri(svgs.df, color)})`;
}

/**
 * An SVG as a percent-encoded data URI (`data:image/svg+xml,…`): about 1.1× the SVG, where base64 is 1.33×.
 * Double quotes become single ones; what a Markdown link destination or a URI cannot hold raw (space, %, #,
 * & — Markdown would decode an entity —, <, >, parentheses, brackets, backslash, non-ASCII) is percent-encoded.
 */
function svgUtf8DataUri(svg: string): string {
  return 'data:image/svg+xml,' + svg.replace(/"/g, "'").replace(/[\s%#&<>()[\]{}|\\^`"]|[^\x21-\x7e]/gu, (c) => encodeURIComponent(c));
}

/** svg → colour → data URI. Keyed by the SVG string itself (the table's and the sparkline cache's own
 * strings, whose hashes V8 keeps), so a lookup concatenates nothing. */
const dataUriCache = new Map<string, Map<string, string>>();

/** A formula SVG with its `currentColor` glyphs recoloured, as a base64 data URI (cached). */
function svgDataUri(svg: string, color = ''): string {
  let byColor = dataUriCache.get(svg);
  if (!byColor) {
    if (dataUriCache.size >= 512) dataUriCache.clear();
    byColor = new Map();
    dataUriCache.set(svg, byColor);
  }
  let uri = byColor.get(color);
  if (uri === undefined) {
    const colored = color ? svg.replace(/currentColor/g, color) : svg;
    uri = 'data:image/svg+xml;base64,' + base64Utf8(colored);
    byColor.set(color, uri);
  }
  return uri;
}

/** A string's UTF-8 bytes in base64, with what both extension hosts have (the web worker has no Buffer). */
function base64Utf8(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

function parameterBlock(entry: CatalogueEntry, ref: FunctionRef, params: Params): string {
  if (entry.params.length === 0) return '';
  const fn = ref.frameworkName;
  const lines = entry.params.map((spec) => {
    const value = params[spec.name];
    const alias0 = symbolFor(spec.name) === spec.name ? '' : ` ${spec.name}:`;
    const unknown = ref.unknown && Object.prototype.hasOwnProperty.call(ref.unknown, spec.name) ? ref.unknown[spec.name] : undefined;
    if (unknown !== undefined) {
      // The code passes something this hover cannot evaluate: never present the default as the value in effect.
      return `${code(symbolFor(spec.name))} = ${code(unknown)} *(set in code, value not known here; plot and links use the default ${paramText(spec, value)})* —${alias0} ${escapeMarkdown(spec.meaning)}`;
    }
    const source = ref.sources && Object.prototype.hasOwnProperty.call(ref.sources, spec.name) ? ref.sources[spec.name] : undefined;
    let origin: string;
    if (source?.from === 'name') origin = `set in code: ${escapeMarkdown(source.text)}`;
    else if (source?.from === 'gate') origin = escapeMarkdown(source.text);
    else if (ref.explicit.includes(spec.name)) origin = 'set in code';
    else if (fn?.defaults && spec.name in fn.defaults) origin = `${frameworkLabel(fn)} default`;
    else origin = 'default';
    const problem = checkParam(spec, value);
    const warning = problem ? ` — ⚠ ${escapeMarkdown(problem)}` : '';
    const alias = symbolFor(spec.name) === spec.name ? '' : ` ${spec.name}:`;
    return `${code(`${symbolFor(spec.name)} = ${paramText(spec, value)}`)} *${origin}* —${alias} ${escapeMarkdown(spec.meaning)}${warning}`;
  });
  // One line per parameter (a hard break between them), no heading: the hover's height is scarce.
  const parts = [lines.join('  \n')];
  const table = defaultsTable(entry, fn, params);
  if (table) parts.push(table);
  return parts.join('\n\n');
}

/** A parameter's value as the hover shows it: "off" where the value switches its effect off (focal α < 0). */
function paramText(spec: ParamSpec, value: number): string {
  return isParamOff(spec, value) ? 'off' : formatNumber(value);
}

/** How the framework the code uses departs from the plain math (PyTorch's BCELoss clamps log at −100). */
function noteLine(ref: FunctionRef, entry: CatalogueEntry, keras: KerasDecision | undefined): string {
  const fn = ref.frameworkName;
  if (!fn) return '';
  const label = frameworkLabel(fn);
  if (label !== 'Keras') return fn.note ? `*${label}:* ${escapeMarkdown(fn.note)}` : '';
  // Keras rows: the note of the generation the document uses, so Keras 2 code never sees a Keras 3 name or behaviour.
  const generation = keras?.generation ?? 'unknown';
  const { note, differs, absentIn2 } = kerasNote(fn, entry.kind, generation, ref.written);
  if (!note) return '';
  if (!differs) return `*Keras:* ${escapeMarkdown(note)}`;
  const why = keras ? ` *(${generation === 'unknown' ? 'version unknown' : 'because'}: ${escapeMarkdown(keras.reason)})*` : '';
  if (generation === 'unknown') return `*Keras:* ${escapeMarkdown(note)}${why}`;
  return `${absentIn2 && generation === 2 ? '⚠ ' : ''}*Keras ${generation}:* ${escapeMarkdown(note)}${why}`;
}

/** Rows of the defaults table, in this order; Flax shares JAX's row. */
const FRAMEWORK_COLUMNS = ['PyTorch', 'TensorFlow', 'Keras', 'JAX', 'Optax', 'TF.js'] as const;

/**
 * Each framework's defaults side by side — one row per framework, one column per parameter — when the
 * frameworks disagree or the code departs from them; a single line when they all agree. Within one
 * framework, differing defaults are told apart by the kind of name (function, layer, string).
 */
function defaultsTable(entry: CatalogueEntry, matched: FrameworkName | undefined, params: Params): string {
  const spellings = frameworkNames[entry.id] ?? [];
  const names = entry.params.map((s) => s.name).filter((n) => spellings.some((f) => f.defaults && n in f.defaults));
  if (names.length === 0) return '';
  const withDefaults = spellings.filter((f) => f.defaults && names.some((n) => n in f.defaults!));
  const distinct = new Set(withDefaults.map((f) => names.map((n) => f.defaults![n]).join(',')));
  const specOf = (n: string) => entry.params.find((s) => s.name === n)!;
  if (distinct.size === 1) {
    const [only] = distinct;
    if (only === names.map((n) => params[n]).join(',')) return '';
    const first = withDefaults[0].defaults!;
    return `*Default in every framework:* ${names.map((n) => code(`${symbolFor(n)} = ${paramText(specOf(n), first[n])}`)).join(', ')}`;
  }
  const column = (fn: FrameworkName) => (frameworkLabel(fn) === 'Flax' ? 'JAX' : frameworkLabel(fn));
  const matchedColumn = matched ? column(matched) : undefined;
  // One row per framework, one column per parameter: short, and readable in a narrow hover.
  const header = `| Framework | ${names.map(symbolFor).join(' | ')} |`;
  const rule = `|---|${names.map(() => '---').join('|')}|`;
  const rows = FRAMEWORK_COLUMNS.filter((c) => withDefaults.some((f) => column(f) === c)).map((c) => {
    const cells = names.map((n) => {
      const byValue = new Map<number, FrameworkName[]>();
      for (const f of withDefaults) {
        if (column(f) !== c || !(n in f.defaults!)) continue;
        byValue.set(f.defaults![n], [...(byValue.get(f.defaults![n]) ?? []), f]);
      }
      if (byValue.size === 0) return '—';
      if (byValue.size === 1) return paramText(specOf(n), [...byValue.keys()][0]);
      return [...byValue].map(([value, fns]) => `${paramText(specOf(n), value)} (${nameKind(fns, [...byValue.values()])})`).join(', ');
    });
    const label = c === matchedColumn ? `**${c}**` : c;
    return `| ${label} | ${cells.join(' | ')} |`;
  });
  return [header, rule, ...rows].join('\n');
}

/** What sets a group of names apart from the others of its framework: 'layer', 'fn', 'string', or a name. */
function nameKind(group: readonly FrameworkName[], all: readonly (readonly FrameworkName[])[]): string {
  const forms = new Set(group.map((f) => f.form));
  const elsewhere = new Set(all.filter((g) => g !== group).flatMap((g) => g.map((f) => f.form)));
  if (forms.size === 1) {
    const [form] = forms;
    if (!elsewhere.has(form)) return form === 'class' ? 'layer' : form === 'function' ? 'fn' : 'string';
  }
  return code(shortName(group[0]));
}

function plotBlock(entry: CatalogueEntry, params: Params, themeKind: number): string {
  try {
    const svg = sparklineSvg(entry.id, params, themeKind);
    const alt = entry.kind === 'loss' ? 'plot of ℓ and ∂ℓ/∂ŷ' : 'plot of f and f′';
    return `![${alt}](${svgUtf8DataUri(svg)})`;
  } catch (error) {
    // Parameters the core rejects (nn.LeakyReLU(-1)…): say why there is no plot instead of hiding it.
    return `*No plot:* ${escapeMarkdown(error instanceof Error ? error.message : String(error))}`;
  }
}

function factsBlock(entry: CatalogueEntry, words: FunctionProse): string {
  const lines: string[] = [];
  const input = entry.kind === 'loss' && entry.prediction ? ` · ŷ is ${PREDICTION_WORDS[entry.prediction]}` : '';
  if (words.range) lines.push(`**Range** ${escapeMarkdown(words.range)}${input}`);
  // The first items are the key ones.
  if (words.properties.length) lines.push(`**Properties** ${joinItems(words.properties, 2)}`);
  if (words.useCases.length) lines.push(`**Use cases** ${joinItems(words.useCases, 3)}`);
  if (words.pairing.length) lines.push(`**Pairing** ${joinItems(words.pairing, 2)}`);
  // Two trailing spaces: a line break inside one paragraph keeps the block compact.
  return lines.join('  \n');
}

const PREDICTION_WORDS: Readonly<Record<PredictionSpace, string>> = {
  probability: 'a probability',
  logit: 'a logit (raw score before the sigmoid / softmax)',
  real: 'a real-valued prediction',
  score: 'a raw score (no sigmoid)',
};

function joinItems(items: readonly string[], count: number): string {
  return items
    .slice(0, count)
    .map((item) => escapeMarkdown(item.replace(/\.$/, '')))
    .join(' · ');
}

/** How a hover names a framework: Keras and Optax are told apart from TensorFlow and JAX by their names. */
export function frameworkLabel(fn: Pick<FrameworkName, 'framework' | 'name'>): string {
  switch (fn.framework) {
    case 'pytorch':
      return 'PyTorch';
    case 'tensorflow':
      return /(^|\.)keras\./.test(fn.name) || fn.name.startsWith('keras') ? 'Keras' : 'TensorFlow';
    case 'jax':
      return fn.name.startsWith('optax') ? 'Optax' : fn.name.startsWith('flax') ? 'Flax' : 'JAX';
    case 'tfjs':
      return 'TF.js';
    default:
      return String(fn.framework);
  }
}

/** `torch.nn.functional.leaky_relu` → `F.leaky_relu`-style short names for table rows. */
function shortName(fn: FrameworkName): string {
  if (fn.form === 'string') return `"${fn.name}"`;
  const name = fn.name
    .replace(/^torch\.nn\.functional\./, 'F.')
    .replace(/^torch\.nn\./, 'nn.')
    .replace(/^tf\.keras\./, 'keras.')
    .replace(/^tensorflow\.keras\./, 'keras.');
  return name;
}

const symbols: Readonly<Record<string, string>> = {
  alpha: 'α',
  beta: 'β',
  gamma: 'γ',
  delta: 'δ',
  lambda: 'λ',
  lambd: 'λ',
  epsilon: 'ε',
  eps: 'ε',
  tau: 'τ',
  theta: 'θ',
  kappa: 'κ',
  mu: 'μ',
  sigma: 'σ',
};

/** The Greek letter a parameter is written with in the formulas, or its name. */
export function symbolFor(name: string): string {
  return symbols[name] ?? name;
}

function code(s: string): string {
  // A backtick inside would end the span early; names and values never need one.
  return '`' + s.replace(/`/g, "'") + '`';
}

/** Escapes the characters Markdown would read as formatting, links or HTML. */
function escapeMarkdown(s: string): string {
  // Brackets cover links and images (`!` and `(` only matter after `]`); `|` would split a table cell.
  return s.replace(/[\\`*_[\]<>|~]/g, '\\$&');
}
