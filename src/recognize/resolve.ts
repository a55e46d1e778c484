/**
 * From syntax to sites: every chain, call, string argument and definition of the document resolved against
 * the framework table, with the parameters in effect and where each comes from. One pass over the chains
 * (qualified names, partials), a second for what refers back to them (self.NAME, names bound to framework
 * calls, tensor methods, plain names), then the strings; each step is a Map lookup or bounded by the
 * arguments of one call.
 */
import type { Framework, FrameworkName } from '../core/functionTypes';
import {
  ARG_SWITCHES,
  canonicalPython,
  conventionalAlias,
  coreDefaults,
  frameworkOfModule,
  isTfjsModule,
  keywordParam,
  LOSS_IDS,
  MATH_MODULES,
  meaningOfPath,
  PARAM_GATES,
  PLAIN_KEYWORDS,
  PLAIN_NAMES,
  PLAIN_POSITIONAL,
  qualifiedHits,
  RELU_SWITCHES,
  STRING_KEYS,
  stringHits,
  switchRelu,
  TENSOR_METHODS,
  TFJS_ROOT,
  TIMM_ACTIVATIONS,
  TIMM_FACTORIES,
  TIMM_KEYS,
  type NameHit,
  type ParamGate,
  type PathMeaning,
} from '../frameworks';
import type { Arg, Binding, Chain, Definition, StringArg, Syntax, Value } from './syntax';
import { implementationChecker } from './implementationCheck';
import type { FunctionRef, ParamSource, Site, SiteForm } from './site';

interface Spelling {
  readonly positional?: readonly (string | null)[];
  readonly keywords?: Readonly<Record<string, string>>;
  readonly defaults?: Readonly<Record<string, number>>;
}

/** Longest argument text quoted in "set in code, value not known here". */
const MAX_QUOTED = 48;
/** Longest `= (a, b) =>` between a name and its function body that is read as a definition by assignment. */
const MAX_DEFINITION_HEAD = 400;
/**
 * Modules only a framework's own code imports: the private `_src` packages (google-deepmind/optax
 * optax/losses/_classification.py: `from optax._src import utils`; jax-ml/jax `jax._src`), Keras' export decorator
 * and backend internals (keras-team/keras keras/src/api_export.py, keras/src/backend/common/) and tf_keras' `src`.
 * `from keras.src import layers` (copies of Keras code use it) and `torch._dynamo` (training scripts use it) are not.
 */
const FRAMEWORK_INTERNALS = /^(?:(?:optax|jax|flax|keras|tf_keras)(?:\.\w+)*\._src|keras\.src\.(?:api_export|backend\.\w+)|tf_keras\.src\.\w+)(?:\.|$)/;

export class Resolver {
  private readonly frameworks = new Set<Framework>();
  /** Chain index → its site (null: resolved to nothing). Filled on demand. */
  private readonly siteOfChain = new Map<number, Site | null>();
  private readonly siteOfString = new Map<number, Site | null>();
  private readonly siteOfCall = new Map<number, Site>();
  private readonly definedNames = new Map<string, number>();
  private readonly definitionAt = new Map<number, number>();
  /** Name → the name offsets of its definitions. */
  private readonly definitionsOf = new Map<string, number[]>();
  /** Chains being resolved (a self-reference such as `act = act(x)` resolves to nothing). */
  private readonly resolving = new Set<number>();
  private everything: Site[] | undefined;
  private readonly checks = new Map<number, NonNullable<FunctionRef['implementation']>>();

  /**
   * `site` with `implementation`: the comparison of definition `index` with catalogue function `id`, made when
   * first read (the checker is plugged in after activation: implementationCheck.ts) and then memoised.
   */
  private withImplementation<T extends Site>(site: T, index: number | undefined, id: string): T {
    if (index === undefined || this.frameworkSource()) return site;
    Object.defineProperty(site, 'implementation', { enumerable: true, configurable: true, get: () => this.implementation(index, id) });
    return site;
  }

  private implementation(index: number, id: string): FunctionRef['implementation'] {
    let check = this.checks.get(index);
    const checker = check ? undefined : implementationChecker();
    if (checker) {
      check = checker(this.syntax, this.syntax.definitions[index], id);
      this.checks.set(index, check);
    }
    return check;
  }

  /** `lineOf`: the 1-based line of an offset, when the syntax's text is not the document's (a window's). */
  constructor(
    private readonly syntax: Syntax,
    private readonly lineOfOffset?: (offset: number) => number,
  ) {
    const python = syntax.family === 'python';
    for (const module of syntax.imports.modules) {
      const framework = python ? frameworkOfModule(module) : isTfjsModule(module) ? 'tfjs' : undefined;
      if (framework) this.frameworks.add(framework);
    }
    for (const d of syntax.definitions) {
      // A bare `sigmoid(x)` calls a function, never a method of some class (`Graph.sigmoid(self)`).
      if (!this.definedNames.has(d.name) && !this.isMethod(d)) this.definedNames.set(d.name, d.index);
      this.definitionAt.set(d.nameStart, d.index);
      const starts = this.definitionsOf.get(d.name);
      if (starts) starts.push(d.nameStart);
      else this.definitionsOf.set(d.name, [d.nameStart]);
    }
  }

  /** Every site of the document, sorted by start (resolves everything once). */
  all(): Site[] {
    if (this.everything) return this.everything;
    const out: Site[] = [];
    for (let i = 0; i < this.syntax.chains.length; i++) {
      const site = this.chainSite(i);
      if (site) out.push(site);
    }
    for (let j = 0; j < this.syntax.strings.length; j++) {
      const site = this.stringSite(j);
      if (site) out.push(site);
    }
    out.sort((a, b) => a.range.start - b.range.start);
    this.everything = out;
    return out;
  }

  /** The site of chain `index` (memoised), or undefined. */
  chainSite(index: number): Site | undefined {
    const known = this.siteOfChain.get(index);
    if (known !== undefined) return known ?? undefined;
    if (this.resolving.has(index)) return undefined;
    this.resolving.add(index);
    const chain = this.syntax.chains[index];
    let site: Site | undefined;
    try {
      if (chain.role === 'definition' || (chain.role === 'target' && this.definitionAt.has(chain.starts[0]))) site = this.definition(chain);
      else if (chain.role === 'use') site = (chain.afterExpression ? undefined : this.qualified(index, chain)) ?? this.indirect(chain);
    } finally {
      this.resolving.delete(index);
    }
    this.siteOfChain.set(index, site ?? null);
    if (site && site.call >= 0 && !this.siteOfCall.has(site.call)) this.siteOfCall.set(site.call, site);
    return site;
  }

  /** The site of string argument `index` (syntax.strings), or undefined. */
  stringSite(index: number): Site | undefined {
    const known = this.siteOfString.get(index);
    if (known !== undefined) return known ?? undefined;
    const site = this.stringArg(this.syntax.strings[index]);
    this.siteOfString.set(index, site ?? null);
    return site;
  }

  /** The site whose callee is call `index`. */
  siteOfCallIndex(index: number): Site | undefined {
    const known = this.siteOfCall.get(index);
    if (known) return known;
    const call = this.syntax.calls[index];
    if (!call) return undefined;
    if (call.chain >= 0) {
      const site = this.chainSite(call.chain);
      if (site && site.call === index) return site;
      const segs = this.syntax.chains[call.chain].segments;
      // `get_act_layer('silu')`: the factory call stands for the activation its string names.
      if (TIMM_FACTORIES.has(segs[segs.length - 1])) {
        const first = call.args[0];
        if (first && first.value.kind === 'string') {
          const j = this.stringIndexAt(first.valueStart);
          const s = j >= 0 ? this.stringSite(j) : undefined;
          if (s) return { ...s, call: index };
        }
      }
    }
    return undefined;
  }

  private stringIndexAt(offset: number): number {
    const { strings } = this.syntax;
    return indexStartingAt(strings.length, (i) => strings[i].arg.valueStart, offset);
  }

  /** The partial(...) call whose first argument chain `chain` is, or undefined. */
  private partialOf(chain: Chain): number | undefined {
    if (chain.inCall < 0 || chain.argIndex !== 0) return undefined;
    const call = this.syntax.calls[chain.inCall];
    if (call.chain < 0) return undefined;
    const segments = this.syntax.chains[call.chain].segments;
    if (segments[segments.length - 1] !== 'partial') return undefined;
    if (segments.length > 1 && !(segments.length === 2 && segments[0] === 'functools')) return undefined;
    const first = call.args[0];
    return first && first.key === undefined ? call.index : undefined;
  }

  private chainAt(offset: number): number {
    const { chains } = this.syntax;
    return indexStartingAt(chains.length, (i) => chains[i].starts[0], offset);
  }

  // ------------------------------------------------------------------------------- qualified names

  /** The meaning of the chain's longest resolvable prefix, through imports, conventional aliases and star imports. */
  private meaning(chain: Chain): { meaning: PathMeaning; k: number } | undefined {
    const { syntax } = this;
    const family = syntax.family;
    const segments = chain.segments;
    const head = segments[0];
    const bound = syntax.imports.aliases.get(head);
    const module = bound ?? (segments.length > 1 ? conventionalAlias(family, head) : undefined);
    if (module !== undefined && !this.shadowed(chain, bound !== undefined)) {
      if (family === 'js' && module !== TFJS_ROOT && !module.startsWith(`${TFJS_ROOT}.`)) return undefined;
      for (let k = segments.length; k >= 1; k--) {
        const path = k > 1 ? `${module}.${segments.slice(1, k).join('.')}` : module;
        const meaning = meaningOfPath(family, path);
        if (meaning) return { meaning, k };
      }
      return undefined;
    }
    if (family === 'python' && segments.length === 1 && bound === undefined) {
      for (const star of syntax.imports.starModules) {
        const canonical = canonicalPython(`${star}.${head}`);
        const hits = qualifiedHits('python', canonical);
        if (hits) return { meaning: { canonical, hits }, k: 1 };
      }
    }
    return undefined;
  }

  /** A conventional alias (`F`, `nn`) that the document binds to something else in the chain's scope. */
  private shadowed(chain: Chain, imported: boolean): boolean {
    if (imported) return false;
    return this.lookup(chain.segments[0], chain.scope, chain.starts[0]) !== undefined;
  }

  private qualified(index: number, chain: Chain): Site | undefined {
    const found = this.meaning(chain);
    if (!found) return undefined;
    const { meaning, k } = found;
    const start = chain.starts[0];
    const end = chain.starts[k - 1] + chain.segments[k - 1].length;
    const called = k === chain.segments.length && chain.call >= 0;
    const partial = this.partialOf(chain);
    let args: readonly Arg[] = [];
    let form: SiteForm = 'call';
    let call = -1;
    if (called) {
      args = this.syntax.calls[chain.call].args;
      call = chain.call;
    } else if (partial !== undefined && k === chain.segments.length) {
      args = this.syntax.calls[partial].args.slice(1);
      form = 'partial';
    }
    void index;
    return this.siteFor(meaning, args, { start, end }, form, call, chain);
  }

  /** The site a table meaning gives with these arguments (switches, parameters, sources). */
  private siteFor(meaning: PathMeaning, args: readonly Arg[], range: { start: number; end: number }, form: SiteForm, call: number, chain: Chain): Site {
    const written = this.syntax.text.slice(range.start, range.end);
    if (meaning.extra) {
      const id = meaning.extra.id;
      return { id, params: { ...coreDefaults(id) }, explicit: [], range, written, framework: meaning.extra.framework, form, call, canonical: meaning.canonical };
    }
    const at = chain.starts[0];
    let hit = this.chooseHit(meaning, args, chain);
    let extra: Record<string, number> | undefined;
    const relu = RELU_SWITCHES.get(meaning.canonical);
    if (relu && hit.id === 'relu') {
      const number = (spec?: { position?: number; keyword: string }) => {
        if (!spec) return undefined;
        const a = argumentFor(args, spec.keyword, spec.position, this.syntax.family === 'js');
        return a ? this.numberOf(a.value, chain.scope, at).value : undefined;
      };
      const switched = switchRelu({ maxValue: number(relu.maxValue), negativeSlope: number(relu.negativeSlope), threshold: number(relu.threshold) });
      if (switched.id !== 'relu') {
        hit = { id: switched.id, fn: { ...hit.fn, positional: undefined, keywords: undefined, defaults: undefined, note: reluNote(switched.id) } };
        if (switched.alpha !== undefined) extra = { alpha: switched.alpha };
      }
    }
    const applied = this.apply(hit.id, hit.fn, args, chain.scope, at);
    if (extra) {
      Object.assign(applied.params, extra);
      for (const name of Object.keys(extra)) {
        if (!applied.explicit.includes(name)) applied.explicit.push(name);
        applied.sources[name] = { from: 'code', text: 'negative_slope' };
      }
    }
    const gate = PARAM_GATES.get(meaning.canonical);
    if (gate && Object.prototype.hasOwnProperty.call(applied.params, gate.param)) this.applyGate(gate, args, chain, applied);
    return {
      id: hit.id,
      params: applied.params,
      explicit: applied.explicit,
      range,
      written,
      framework: hit.fn.framework,
      frameworkName: hit.fn,
      form,
      call,
      canonical: meaning.canonical,
      ...(Object.keys(applied.unknown).length > 0 ? { unknown: applied.unknown } : {}),
      ...(Object.keys(applied.sources).length > 0 ? { sources: applied.sources } : {}),
    };
  }

  /** The id an argument switches to (`approximate='tanh'`, `from_logits=True`), else the name's default. */
  private chooseHit(meaning: PathMeaning, args: readonly Arg[], chain: Chain): NameHit {
    const { hits } = meaning;
    const sw = ARG_SWITCHES.get(meaning.canonical);
    if (!sw) return hits[0];
    let id = sw.byDefault;
    const a = argumentFor(args, sw.keyword, sw.position, false);
    if (a) {
      const literal = this.switchLiteral(a.value, chain.scope, chain.starts[0]);
      const to = literal === undefined ? undefined : sw.cases.get(literal);
      if (to) id = to;
    }
    return hits.find((h) => h.id === id) ?? hits[0];
  }

  private switchLiteral(value: Value, scope: number, at: number): string | undefined {
    let v = value;
    for (let hop = 0; hop < 4 && v.kind === 'name'; hop++) {
      const b = this.lookup(v.name, scope, at);
      if (!b) return undefined;
      v = b.value;
    }
    if (v.kind === 'bool') return v.value ? 'true' : 'false';
    if (v.kind === 'string') return v.value;
    return undefined;
  }

  // -------------------------------------------------------------------------------------- parameters

  /** Core defaults, overlaid with the framework's defaults, overlaid with the values the code gives. */
  private apply(id: string, fn: Spelling, args: readonly Arg[], scope: number, at: number, plain = false) {
    const core = coreDefaults(id);
    const has = (name: string) => Object.prototype.hasOwnProperty.call(core, name);
    const params: Record<string, number> = { ...core };
    if (fn.defaults) for (const [name, value] of Object.entries(fn.defaults)) if (has(name)) params[name] = value;
    const explicit: string[] = [];
    const unknown: Record<string, string> = {};
    const sources: Record<string, ParamSource> = {};
    const set = (name: string | null | undefined, arg: Arg) => {
      if (!name || !has(name)) return;
      const { value, source } = this.numberOf(arg.value, scope, at);
      if (value === undefined) {
        // Only a value the code spells is a value in effect; a name we cannot follow is said to be unknown.
        if (arg.value.kind === 'none' || arg.value.kind === 'string' || arg.value.kind === 'bool') return;
        unknown[name] = quote(this.syntax.text.slice(arg.valueStart, arg.valueEnd));
        return;
      }
      params[name] = value;
      if (!explicit.includes(name)) explicit.push(name);
      delete unknown[name];
      sources[name] = source ?? { from: 'code', text: quote(this.syntax.text.slice(arg.valueStart, arg.valueEnd)) };
    };
    const keyword = (key: string) => (plain ? PLAIN_KEYWORDS.get(key) : keywordParam(fn, key));
    let index = 0;
    let positionsKnown = true;
    for (const a of args) {
      if (this.syntax.family === 'js' && a.key === undefined && a.value.kind === 'object') {
        for (const p of a.value.props) if (p.key !== undefined) set(keyword(p.key), p);
        index++;
        continue;
      }
      if (a.spread) {
        positionsKnown = false;
        continue;
      }
      if (a.key !== undefined) set(keyword(a.key), a);
      else {
        if (positionsKnown) set(fn.positional?.[index], a);
        index++;
      }
    }
    return { params, explicit, unknown, sources };
  }

  /**
   * A parameter another argument switches on (Keras' α under apply_class_balancing): on only when that argument
   * is True, with the value the code gives or the gate's; otherwise off, and a value the code gives is ignored
   * (the source says so). An argument whose value is not known here, or one a spread may hold, leaves it unknown.
   */
  private applyGate(
    gate: ParamGate,
    args: readonly Arg[],
    chain: Chain,
    applied: { params: Record<string, number>; explicit: string[]; unknown: Record<string, string>; sources: Record<string, ParamSource> },
  ): void {
    const { params, explicit, unknown, sources } = applied;
    const name = gate.param;
    const a = argumentFor(args, gate.keyword, gate.position, false);
    const literal = a ? this.switchLiteral(a.value, chain.scope, chain.starts[0]) : args.some((x) => x.spread) ? undefined : 'false';
    if (literal === 'true') {
      if (!explicit.includes(name) && unknown[name] === undefined) params[name] = gate.on;
      return;
    }
    const given = explicit.includes(name) ? String(params[name]) : unknown[name];
    if (explicit.includes(name)) explicit.splice(explicit.indexOf(name), 1);
    delete unknown[name];
    delete sources[name];
    params[name] = gate.off;
    if (literal === 'false') {
      const why = `${gate.keyword}=False${a ? '' : ' (the default)'}`;
      sources[name] = { from: 'gate', text: given === undefined ? why : `${name}=${given} is ignored: ${why}` };
    } else unknown[name] = a ? `${gate.keyword}=${quote(this.syntax.text.slice(a.valueStart, a.valueEnd))}` : `${gate.keyword} (in a spread argument)`;
  }

  /** The number a value stands for: a literal, or a name bound to one in scope (followed a few hops). */
  private numberOf(value: Value, scope: number, at: number): { value?: number; source?: ParamSource } {
    if (value.kind === 'number') return { value: value.value };
    if (value.kind !== 'name') return {};
    let v: Value = value;
    let binding: Binding | undefined;
    for (let hop = 0; hop < 4 && v.kind === 'name'; hop++) {
      binding = this.lookup(v.name, scope, at);
      if (!binding) return {};
      v = binding.value;
    }
    if (v.kind !== 'number' || !binding) return {};
    return { value: v.value, source: { from: 'name', text: `${value.name} = ${this.syntax.text.slice(binding.valueStart, binding.valueEnd)} (line ${this.lineOf(binding.at)})` } };
  }

  private lineOf(offset: number): number {
    if (this.lineOfOffset) return this.lineOfOffset(offset);
    // The newlines' offsets are indexed on the first call (only hovers that explain a name need them); then a
    // binary search: counting from the start on every call made resolving all sites quadratic.
    let breaks = this.lineBreaks;
    if (!breaks) {
      const text = this.syntax.text;
      const found: number[] = [];
      for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) found.push(i);
      breaks = this.lineBreaks = Int32Array.from(found);
    }
    // Line = 1 + the number of newlines before offset.
    let lo = 0;
    let hi = breaks.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (breaks[mid] < offset) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
  private lineBreaks: Int32Array | undefined;

  /**
   * The binding of `name` seen at `at` in `scope`: the last assignment before `at` in the function, a
   * parameter (its default), then the enclosing functions and the module (class bodies are not enclosing).
   */
  lookup(name: string, scope: number, at: number): Binding | undefined {
    const { scopes } = this.syntax;
    let s = scope;
    let first = true;
    while (s >= 0) {
      const sc = scopes[s];
      if (first || sc.kind !== 'class') {
        const list = sc.locals.get(name);
        if (list) {
          // The list is in document order (syntax.ts appends at each statement's end): the last one before `at`
          // by binary search (a linear scan made a name assigned n times cost n² to resolve).
          let lo = 0;
          let hi = list.length;
          while (lo < hi) {
            const mid = (lo + hi) >> 1;
            if (list[mid].at < at) lo = mid + 1;
            else hi = mid;
          }
          let found: Binding | undefined = lo > 0 ? list[lo - 1] : undefined;
          // A module constant assigned below a function is still in effect when the function runs.
          if (!found && sc.kind === 'module' && !first) found = list[list.length - 1];
          if (found) return found;
        }
        for (const p of sc.params) {
          if (p.key === name) return { name, at: p.start, value: p.value, valueStart: p.valueStart, valueEnd: p.valueEnd, param: true };
        }
      }
      first = false;
      s = sc.parent;
    }
    return undefined;
  }

  // --------------------------------------------------------------------------- attributes, aliases…

  private indirect(chain: Chain): Site | undefined {
    const segs = chain.segments;
    const head = segs[0];
    if (!chain.afterExpression && (head === 'self' || head === 'this') && segs.length >= 2) return this.attribute(chain);
    if (!chain.afterExpression && segs.length === 1) return (chain.call >= 0 ? this.alias(chain) : undefined) ?? this.plain(chain);
    return this.method(chain);
  }

  /** `self.act(x)` / `this.act.apply(x)`: the assignment `self.act = nn.GELU(…)` in the class. */
  private attribute(chain: Chain): Site | undefined {
    const segs = chain.segments;
    const applied = segs.length === 2 ? chain.call >= 0 : segs.length === 3 && segs[2] === 'apply' && chain.call >= 0;
    if (!applied && segs.length !== 2) return undefined;
    const cls = this.enclosingClass(chain.scope);
    if (cls < 0) return undefined;
    const binding = this.syntax.scopes[cls].attributes.get(segs[1]);
    if (!binding) return undefined;
    const target = this.siteOfValue(binding.value);
    if (!target) return undefined;
    const start = chain.starts[1];
    return { ...target, range: { start, end: start + segs[1].length }, written: this.syntax.text.slice(chain.starts[0], start + segs[1].length), form: 'attribute', call: chain.call, target };
  }

  private enclosingClass(scope: number): number {
    const { scopes } = this.syntax;
    let s = scope;
    while (s >= 0 && scopes[s].kind === 'function') {
      const parent = scopes[s].parent;
      if (parent >= 0 && scopes[parent].kind === 'class') return parent;
      s = parent;
    }
    return -1;
  }

  /** The site a bound value stands for: a framework call, a reference, a partial, a timm factory. */
  private siteOfValue(value: Value): Site | undefined {
    if (value.kind === 'call') {
      const direct = this.siteOfCallIndex(value.call);
      if (direct) return direct;
      const call = this.syntax.calls[value.call];
      // `partial(nn.LeakyReLU, negative_slope=1e-3)()`: the module the partial makes, with its keywords.
      if (call.chain < 0 && call.calleeCall >= 0) {
        const inner = this.siteOfValue({ kind: 'call', call: call.calleeCall });
        return inner && inner.form === 'partial' ? inner : undefined;
      }
      const first = call.args[0];
      // partial(nn.LeakyReLU, …): the site of its first argument, which carries the partial's keywords.
      if (call.chain >= 0 && first && first.key === undefined && (first.value.kind === 'chain' || first.value.kind === 'name')) {
        const c = first.value.kind === 'chain' ? first.value.chain : this.chainAt(first.valueStart);
        const site = c >= 0 ? this.chainSite(c) : undefined;
        if (site && site.form === 'partial') return site;
      }
      return undefined;
    }
    if (value.kind === 'chain') return this.chainSite(value.chain);
    return undefined;
  }

  /** `act(x)` where `act = nn.GELU(approximate="tanh")` or `act = partial(nn.LeakyReLU, …)` in scope. */
  private alias(chain: Chain): Site | undefined {
    const name = chain.segments[0];
    if (this.syntax.imports.aliases.has(name)) return undefined;
    const binding = this.lookup(name, chain.scope, chain.starts[0]);
    // `act_layer=nn.GELU` as a parameter's default: the caller decides what act_layer is.
    if (!binding || binding.param) return undefined;
    const target = this.siteOfValue(binding.value);
    if (!target) return undefined;
    const start = chain.starts[0];
    return { ...target, range: { start, end: start + name.length }, written: name, form: 'alias', call: chain.call, target };
  }

  /** `logits.softmax(-1)`, `h.relu_()`: PyTorch tensor methods, in documents that import torch. */
  private method(chain: Chain): Site | undefined {
    const segs = chain.segments;
    if (chain.call < 0 || !this.frameworks.has('pytorch') || this.syntax.family !== 'python') return undefined;
    const name = segs[segs.length - 1];
    const torchName = TENSOR_METHODS.get(name);
    if (!torchName) return undefined;
    if (!chain.afterExpression) {
      if (segs.length < 2) return undefined;
      const head = segs[0];
      if (head === 'self' && segs.length === 2) return undefined;
      // A module (np.tanh, math.tanh) is not a tensor.
      if (this.syntax.imports.aliases.has(head) || conventionalAlias('python', head) !== undefined || MATH_MODULES.has(head)) return undefined;
    }
    const args = this.syntax.calls[chain.call].args;
    if (!tensorMethodArgs(name, args)) return undefined;
    const hits = qualifiedHits('python', torchName);
    if (!hits) return undefined;
    const row = hits[0];
    const fn: FrameworkName = { ...row.fn, name: `torch.Tensor.${name}`, positional: [], note: `Tensor method: x.${name}() is ${torchName}(x)${name.endsWith('_') ? ', in place' : ''}.` };
    const start = chain.starts[segs.length - 1];
    const range = { start, end: start + name.length };
    const applied = this.apply(row.id, fn, args, chain.scope, start);
    return { id: row.id, params: applied.params, explicit: applied.explicit, range, written: `.${name}`, framework: 'pytorch', frameworkName: fn, form: 'method', call: chain.call, canonical: `torch.Tensor.${name}` };
  }

  // ------------------------------------------------------------------------------------- plain names

  private definition(chain: Chain): Site | undefined {
    const name = chain.segments[0];
    const id = PLAIN_NAMES.get(name);
    if (!id) return undefined;
    const di = this.definitionAt.get(chain.starts[0]);
    const d = di === undefined ? undefined : this.syntax.definitions[di];
    // `def relu(self): return self` takes no x: some object's method or a factory, not the function.
    if (d && (d.params.length === 0 || !this.wholeValue(d))) return undefined;
    const scope = d && d.scope >= 0 ? this.syntax.scopes[d.scope] : undefined;
    const params = scope ? scope.params.filter((p) => p.key !== undefined && p.valueStart < p.valueEnd) : [];
    const applied = this.apply(id, {}, params, chain.scope, chain.starts[0], true);
    const start = chain.starts[0];
    return this.withImplementation({ id, params: applied.params, explicit: applied.explicit, range: { start, end: start + name.length }, written: name, form: 'definition', call: -1, definition: d?.index }, d?.index, id);
  }

  /**
   * A definition by assignment is one only when the function is the whole value: `const mae = (a, b) => …`,
   * not `const meanAbsoluteError = tf.tidy(() => …)` (the value is what tf.tidy returns).
   */
  private wholeValue(d: Definition): boolean {
    const between = this.syntax.text.slice(d.nameEnd, Math.min(d.bodyStart, d.nameEnd + MAX_DEFINITION_HEAD));
    if (!/^\s*(?::[^=]*)?=(?!=)/.test(between)) return true; // def / function / a class member: not an assignment
    return /^\s*(?::[^=]*)?=\s*(?:async\s+)?(?:lambda\b|function\b|\([^()]*\)\s*(?::[^=]*)?=>|[A-Za-z_$][\w$]*\s*=>)/.test(between);
  }

  private isMethod(d: Definition): boolean {
    const { scopes } = this.syntax;
    return d.scope >= 0 && scopes[d.scope].parent >= 0 && scopes[scopes[d.scope].parent].kind === 'class';
  }

  /** The binding is the assignment of a definition of `name` (`const softplus = (x) => { … }`). */
  private definesAt(name: string, binding: Binding): boolean {
    for (const d of this.definitionsOf.get(name) ?? []) if (d >= binding.at && d < binding.valueStart) return true;
    return false;
  }

  private frameworkSourceMemo: boolean | undefined;

  /**
   * The document is a framework's own source (Keras' backends, optax's losses): it imports that framework's
   * internals. Its definitions are the framework's implementation, not the user's, so they get the catalogue
   * hover without "your `hinge_loss` is defined here; body not checked".
   */
  private frameworkSource(): boolean {
    this.frameworkSourceMemo ??= this.syntax.family === 'python' && this.syntax.imports.modules.some((m) => FRAMEWORK_INTERNALS.test(m));
    return this.frameworkSourceMemo;
  }

  /** `sigmoid(out)`, `leaky_relu(x, 0.2)`, and bare references to a function the document defines. */
  private plain(chain: Chain): Site | undefined {
    const name = chain.segments[0];
    const id = PLAIN_NAMES.get(name);
    if (!id) return undefined;
    const start = chain.starts[0];
    // `leaky_relu = ov.prelu(x, slope)` … `wrap(leaky_relu)`: the name is that variable now, not the function
    // (a lambda bound to it is a definition of the function, resolved through definedNames).
    const bound = this.lookup(name, chain.scope, start);
    if (bound && bound.value.kind !== 'lambda' && !this.definesAt(name, bound)) return undefined;
    const range = { start, end: start + name.length };
    const definition = this.definedNames.get(name);
    if (chain.call >= 0) {
      const args = this.syntax.calls[chain.call].args;
      const applied = this.apply(id, { positional: PLAIN_POSITIONAL.get(id) }, args, chain.scope, start, true);
      return this.withImplementation({ id, params: applied.params, explicit: applied.explicit, range, written: name, form: 'plain', call: chain.call, definition, ...(Object.keys(applied.unknown).length ? { unknown: applied.unknown } : {}) }, definition, id);
    }
    if (definition !== undefined) return this.withImplementation({ id, params: { ...coreDefaults(id) }, explicit: [], range, written: name, form: 'plain', call: -1, definition }, definition, id);
    return undefined;
  }

  // ----------------------------------------------------------------------------------------- strings

  private timmFile(): boolean {
    const { syntax } = this;
    return syntax.family === 'python' && (this.frameworks.has('pytorch') || syntax.imports.modules.some((m) => m === 'timm' || m.startsWith('timm.')));
  }

  private stringArg(entry: StringArg): Site | undefined {
    const { syntax } = this;
    const { arg: a, call: callIndex, index } = entry;
    if (a.value.kind !== 'string') return undefined;
    const python = syntax.family === 'python';
    if (a.key !== undefined) {
      if (python && TIMM_KEYS.has(a.key) && this.timmFile()) return this.timmString(a, [], callIndex >= 0 ? syntax.calls[callIndex].scope : 0);
      const kind = STRING_KEYS.get(a.key);
      return kind ? this.keyedString(a, kind) : undefined;
    }
    if (callIndex < 0 || index !== 0) return undefined;
    const call = syntax.calls[callIndex];
    if (call.chain < 0) return undefined;
    const segs = syntax.chains[call.chain].segments;
    const last = segs[segs.length - 1];
    if (last === 'Activation') return this.keyedString(a, 'activation');
    if (python && TIMM_FACTORIES.has(last) && this.timmFile()) return this.timmString(a, last === 'create_act_layer' ? call.args.slice(1) : [], call.scope);
    return undefined;
  }

  private keyedString(a: Arg, kind: 'activation' | 'loss'): Site | undefined {
    if (a.value.kind !== 'string') return undefined;
    const value = a.value.value;
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,47}$/.test(value)) return undefined;
    const { syntax } = this;
    const family = syntax.family;
    const wantLoss = kind === 'loss';
    const hit = stringHits(family, value)?.find((h) => LOSS_IDS.has(h.id) === wantLoss) ?? classNameString(family, value, wantLoss);
    if (!hit) return undefined;
    const range = { start: a.valueStart, end: a.valueEnd };
    const written = syntax.text.slice(range.start, range.end);
    if (family === 'python' && this.frameworks.has('pytorch') && !this.frameworks.has('tensorflow')) {
      // `nn.TransformerEncoderLayer(activation="gelu")`: PyTorch's own string, not a Keras one.
      return { id: hit.id, params: { ...coreDefaults(hit.id) }, explicit: [], range, written, framework: 'pytorch', form: 'string', call: -1 };
    }
    const applied = this.apply(hit.id, hit.fn, [], 0, range.start);
    return { id: hit.id, params: applied.params, explicit: [], range, written, framework: hit.fn.framework, frameworkName: hit.fn, form: 'string', call: -1 };
  }

  /** PyTorch Image Models: `act_layer="gelu"`, `get_act_layer("silu")`, `create_act_layer("leaky_relu", negative_slope=0.2)`. */
  private timmString(a: Arg, kwargs: readonly Arg[], scope: number): Site | undefined {
    if (a.value.kind !== 'string') return undefined;
    const torchName = TIMM_ACTIVATIONS.get(a.value.value);
    if (!torchName) return undefined;
    const hits = qualifiedHits('python', torchName);
    if (!hits) return undefined;
    const hit = a.value.value === 'gelu_tanh' ? hits.find((h) => h.id === 'gelu_tanh') ?? hits[0] : hits.find((h) => h.id !== 'gelu_tanh') ?? hits[0];
    const range = { start: a.valueStart, end: a.valueEnd };
    const fn: FrameworkName = { ...hit.fn, note: `PyTorch Image Models' '${a.value.value}' is ${torchName}.${hit.fn.note ? ` ${hit.fn.note}` : ''}` };
    const applied = this.apply(hit.id, fn, kwargs.filter((k) => k.key !== undefined), scope, range.start);
    return { id: hit.id, params: applied.params, explicit: applied.explicit, range, written: this.syntax.text.slice(range.start, range.end), framework: 'pytorch', frameworkName: fn, form: 'string', call: -1, canonical: torchName, ...(Object.keys(applied.unknown).length ? { unknown: applied.unknown } : {}) };
  }
}

/**
 * Arguments a PyTorch tensor method can take: `x.relu()`, `x.sigmoid_()`, `x.tanh()` take none;
 * `x.softmax(dim, dtype=None)` / `x.log_softmax(dim, dtype=None)` a dim and a dtype (pytorch/pytorch
 * torch/_tensor_docs.py, aten/src/ATen/native/native_functions.yaml: `softmax.int(Tensor self, int dim,
 * ScalarType? dtype=None)`). Anything else — `m.relu(*proxy_args, **proxy_kwargs)`, `obj.relu(x)` — is some
 * other object's method (a module, a tracer proxy), not a tensor's.
 */
function tensorMethodArgs(name: string, args: readonly Arg[]): boolean {
  if (name !== 'softmax' && name !== 'log_softmax') return args.length === 0;
  if (args.length > 2) return false;
  let positional = 0;
  for (const a of args) {
    if (a.spread) return false;
    if (a.key === undefined) positional++;
    else if (a.key !== 'dim' && a.key !== 'dtype') return false;
  }
  return positional <= 2;
}

/** Keras also accepts class and function names as strings: `loss='Huber'`, `loss='BinaryCrossentropy'`. */
function classNameString(family: 'python' | 'js', value: string, wantLoss: boolean): NameHit | undefined {
  if (family !== 'python') return undefined;
  const canonical = `keras.${wantLoss ? 'losses' : 'activations'}.${value}`;
  const hits = qualifiedHits('python', canonical);
  if (!hits) return undefined;
  const sw = ARG_SWITCHES.get(canonical);
  return (sw && hits.find((h) => h.id === sw.byDefault)) || hits[0];
}

/** The argument given by keyword or at `position` (JS: also a property of a leading object literal). */
function argumentFor(args: readonly Arg[], keyword: string, position: number | undefined, objectProps: boolean): Arg | undefined {
  let index = 0;
  for (const a of args) {
    if (objectProps && a.key === undefined && a.value.kind === 'object') {
      const p = a.value.props.find((x) => x.key === keyword);
      if (p) return p;
      index++;
      continue;
    }
    if (a.spread) {
      if (a.key === undefined) break;
      continue;
    }
    if (a.key === keyword) return a;
    if (a.key === undefined) {
      if (index === position) return a;
      index++;
    }
  }
  return undefined;
}

function reluNote(id: string): string {
  return id === 'relu6' ? 'max_value=6 caps the output at 6: ReLU6.' : 'A non-zero negative_slope makes it a leaky ReLU with that slope.';
}

function quote(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ').trim();
  return oneLine.length > MAX_QUOTED ? `${oneLine.slice(0, MAX_QUOTED - 1)}…` : oneLine;
}

/** Binary search: the index below `count` whose start (ascending in the index) is `offset`, or -1. */
function indexStartingAt(count: number, startOf: (index: number) => number, offset: number): number {
  let lo = 0;
  let hi = count - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = startOf(mid);
    if (s === offset) return mid;
    if (s < offset) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}
