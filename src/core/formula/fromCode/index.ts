/**
 * formulaFromCode: a selected Python (NumPy, PyTorch, TensorFlow/Keras, JAX, math) or JavaScript (Math,
 * TF.js) expression → a formula of the grammar. The variable is `x`, or the single free name when there
 * is no `x` (renamed to x); other free names become parameters. Whatever has no formula equivalent is a
 * FormulaError whose span is that part of the original text.
 */
import { catalogue } from '../../catalogue';
import type { ParamSpec } from '../../functionTypes';
import { CONSTANTS, KEYWORDS, builtins, isReserved } from '../functions';
import { FormulaError } from '../formulaTypes';
import { type Arg, type CodeLanguage, type CodeNode, CodeParser, type CodeToken, tokenizeCode } from './codeParser';
import { printFormula, type Formula } from './print';
import { CONSTANT_NAMES, UNARY, VARIABLE_NAMES } from './names';
import {
  ARG_SWITCHES,
  canonicalPython,
  conventionalAlias,
  MATH_MODULES,
  PLAIN_KEYWORDS,
  PLAIN_NAMES,
  qualifiedHits,
  RELU_SWITCHES,
  switchRelu,
  keywordParam,
  TENSOR_METHODS,
  type LanguageFamily,
} from '../../../frameworks';

const MAX_CODE_LENGTH = 4000;

/** A layer constructor's argument that maps onto no core parameter. */
const SKIP = '\u0000skip';

const CLIP_KEYWORDS: ReadonlyMap<string, string> = new Map(
  Object.entries({ min: 'low', a_min: 'low', clip_value_min: 'low', max: 'high', a_max: 'high', clip_value_max: 'high', x: 'x', input: 'x', a: 'x', t: 'x' }),
);

/** What the document around a selection says: its imports and the names bound to numbers there. */
export interface CodeContext {
  /** Local name → module path (`F` → `torch.nn.functional`), from the document model's imports. */
  readonly aliases?: ReadonlyMap<string, string>;
  /** Names bound to a number where the selection is (`slope = 0.2`), substituted as that number where they give a parameter. */
  readonly constants?: ReadonlyMap<string, number>;
  /**
   * Callees the document model resolved to a catalogue function, keyed by the path as written: `self.act`
   * (`self.act = nn.GELU(approximate="tanh")`), `act` (`act = partial(nn.LeakyReLU, negative_slope=0.2)`),
   * `this.act.apply`. A call of one with the tensor alone is that function with these parameters.
   */
  readonly callees?: ReadonlyMap<string, { readonly id: string; readonly params: Readonly<Record<string, number>> }>;
}

export function formulaFromCode(text: string, languageId: string, context: CodeContext = {}): string {
  if (typeof text !== 'string') throw new FormulaError(`the selection must be a string, got ${typeof text}`, 0, 0);
  if (text.length > MAX_CODE_LENGTH) {
    throw new FormulaError(`the selection is ${text.length} characters long; the limit is ${MAX_CODE_LENGTH}`, MAX_CODE_LENGTH, text.length);
  }
  const language: CodeLanguage = /^(javascript|typescript)(react)?$|^(js|ts|jsx|tsx)$/.test(languageId) ? 'javascript' : 'python';
  const tokens = tokenizeCode(text, language);
  const { start, variable } = skipPrefix(tokens, language);
  const parser = new CodeParser(tokens, language, start);
  if (parser.peek().type === 'eof') throw new FormulaError('the selection has no expression to translate', 0, text.length);
  const tree = parser.parseExpression();
  if (parser.peek().text === ';') parser.next();
  const rest = parser.peek();
  if (rest.type !== 'eof') {
    throw new FormulaError(`cannot translate '${text.slice(rest.start)}' after the expression`, rest.start, text.length);
  }
  const free: FreeName[] = [];
  const formula = new Translator(language, free, context).node(tree);
  return printFormula(formula, renaming(free, variable, text));
}

interface FreeName {
  readonly name: string;
  readonly start: number;
  readonly end: number;
}

/** Skips `lambda z:`, `z =>`, `(z) =>`, `return`, `y =`, `const y =`, `def f(z): return`; returns the bound variable. */
function skipPrefix(tokens: CodeToken[], language: CodeLanguage): { start: number; variable?: string } {
  let i = 0;
  let variable: string | undefined;
  const is = (k: number, text: string) => tokens[k]?.text === text && tokens[k].type !== 'str';
  const name = (k: number) => tokens[k]?.type === 'name';
  if (language === 'python' && is(0, 'def') && name(1) && is(2, '(') && name(3)) {
    variable = tokens[3].text;
    let k = 4;
    while (k < tokens.length && !is(k, ':')) k++;
    i = k + 1;
  } else if (language === 'python' && is(0, 'lambda') && name(1) && is(2, ':')) {
    variable = tokens[1].text;
    i = 3;
  } else if (language === 'javascript' && name(0) && is(1, '=>')) {
    variable = tokens[0].text;
    i = 2;
  } else if (language === 'javascript' && is(0, '(') && name(1) && is(2, ')') && is(3, '=>')) {
    variable = tokens[1].text;
    i = 4;
  } else {
    if (language === 'javascript' && (is(0, 'const') || is(0, 'let') || is(0, 'var'))) i = 1;
    if (name(i) && is(i + 1, '=')) i += 2;
    else i = 0;
    if (language === 'javascript' && i > 0 && name(i) && is(i + 1, '=>')) {
      variable = tokens[i].text;
      i += 2;
    }
  }
  if (is(i, 'return')) i++;
  return { start: i, variable };
}

/** Which free name is the variable (renamed to x), and formula-safe names for the others. */
function renaming(free: readonly FreeName[], bound: string | undefined, text: string): Map<string, string> {
  const names = [...new Set(free.map((f) => f.name))];
  let variable = bound;
  if (variable === undefined) {
    if (names.includes('x')) variable = 'x';
    else if (names.length === 1) variable = names[0];
    else if (names.length > 1) {
      const likely = names.filter((n) => VARIABLE_NAMES.has(n));
      if (likely.length !== 1) {
        throw new FormulaError(
          `cannot tell which of ${names.map((n) => `'${n}'`).join(', ')} is the variable: rename it to x`,
          0,
          text.length,
        );
      }
      variable = likely[0];
    }
  }
  const map = new Map<string, string>();
  const taken = new Set<string>(['x']);
  if (variable !== undefined) map.set(variable, 'x');
  for (const f of free) {
    if (map.has(f.name)) continue;
    if (f.name.startsWith('__')) throw new FormulaError(`'${f.name}' cannot be a parameter name`, f.start, f.end);
    let safe = f.name.replace(/\$/g, '_');
    const clashes = (n: string) =>
      taken.has(n) || isReserved(n) || KEYWORDS.has(n) || n in CONSTANTS || builtins.has(n) || n === 'where' || catalogue.has(n);
    while (clashes(safe)) safe = `${safe}_`;
    taken.add(safe);
    map.set(f.name, safe);
  }
  return map;
}

class Translator {
  private readonly family: LanguageFamily;
  constructor(
    private readonly language: CodeLanguage,
    private readonly free: FreeName[],
    private readonly context: CodeContext,
  ) {
    this.family = language === 'python' ? 'python' : 'js';
  }

  /** A dotted path with its head resolved through the document's imports or the conventional aliases. */
  private expand(path: string): string {
    const dot = path.indexOf('.');
    const head = dot < 0 ? path : path.slice(0, dot);
    const module = this.context.aliases?.get(head) ?? conventionalAlias(this.family, head);
    if (module === undefined || module.startsWith('?')) return path;
    return module + (dot < 0 ? '' : path.slice(dot));
  }

  private isModule(path: string): boolean {
    return MATH_MODULES.has(path) || MATH_MODULES.has(this.expand(path)) || MATH_MODULES.has(canonicalPython(this.expand(path)));
  }

  /** The framework table's row for `path` as a function or class, with its catalogue id and canonical name. */
  private spelling(path: string, form: 'function' | 'class'): { id: string; canonical: string; spelling: Spelling } | undefined {
    const expanded = this.expand(path);
    const canonical = this.family === 'python' ? canonicalPython(expanded) : expanded;
    const hits = qualifiedHits(this.family, canonical)?.filter((h) => h.fn.form === form);
    if (!hits || hits.length === 0) return undefined;
    const sw = ARG_SWITCHES.get(canonical);
    const hit = (sw && hits.find((h) => h.id === sw.byDefault)) || hits[0];
    return { id: hit.id, canonical, spelling: hit.fn };
  }

  node(n: CodeNode): Formula {
    switch (n.type) {
      case 'num':
        return { k: 'num', value: n.value };
      case 'str':
        throw new FormulaError(`the string ${n.value ? JSON.stringify(n.value) : "''"} has no formula equivalent`, n.start, n.end);
      case 'name':
        return this.name(n.name, n);
      case 'attr':
        return this.attribute(n);
      case 'call':
        return this.call(n);
      case 'index':
        throw new FormulaError('indexing cannot be translated: a formula works on one x at a time', n.start, n.end);
      case 'unary':
        if (n.op === '+') return this.node(n.arg);
        if (n.op === '-') return { k: 'neg', a: this.node(n.arg) };
        return { k: 'not', a: this.node(n.arg) };
      case 'binary':
        return this.binary(n);
      case 'compare':
        return this.compare(n);
      case 'ternary':
        return { k: 'call', fn: 'where', args: [this.node(n.cond), this.node(n.then), this.node(n.otherwise)] };
    }
  }

  private name(name: string, span: CodeNode): Formula {
    if (name === 'True' || name === 'true') return { k: 'num', value: 1 };
    if (name === 'False' || name === 'false') return { k: 'num', value: 0 };
    if (name === 'pi') return { k: 'const', name: 'pi' };
    if (['None', 'null', 'undefined', 'inf', 'nan', 'NaN', 'Infinity', 'this', 'self'].includes(name)) {
      throw new FormulaError(`'${name}' has no formula equivalent`, span.start, span.end);
    }
    this.free.push({ name, start: span.start, end: span.end });
    return { k: 'name', name };
  }

  private attribute(n: Extract<CodeNode, { type: 'attr' }>): Formula {
    const path = dottedPath(n);
    if (path && this.isModule(path.slice(0, path.lastIndexOf('.')))) {
      const constant = CONSTANT_NAMES.get(n.name);
      if (constant) return { k: 'const', name: constant };
      throw new FormulaError(`'${path}' has no formula equivalent`, n.start, n.end);
    }
    // self.alpha, cfg.beta: a value from elsewhere, so a parameter named by its last part.
    if (path) {
      this.free.push({ name: n.name, start: n.start, end: n.end });
      return { k: 'name', name: n.name };
    }
    throw new FormulaError(`'.${n.name}' cannot be translated here`, n.start, n.end);
  }

  private binary(n: Extract<CodeNode, { type: 'binary' }>): Formula {
    const arithmetic: Record<string, '+' | '-' | '*' | '/' | '^'> = { '+': '+', '-': '-', '*': '*', '/': '/', '**': '^' };
    const op = arithmetic[n.op];
    if (op) return { k: 'bin', op, l: this.node(n.left), r: this.node(n.right) };
    if (['&', '&&', 'and'].includes(n.op)) return { k: 'and', l: this.node(n.left), r: this.node(n.right) };
    if (['|', '||', 'or'].includes(n.op)) return { k: 'or', l: this.node(n.left), r: this.node(n.right) };
    const why: Record<string, string> = {
      '^': this.language === 'python' ? "'^' is bitwise XOR in Python (use ** for powers)" : "'^' is bitwise XOR in JavaScript (use ** or Math.pow)",
      '//': "'//' (floor division) has no formula equivalent",
      '%': "'%' (remainder) has no formula equivalent",
      '@': "'@' (matrix product) has no formula equivalent",
    };
    throw new FormulaError(why[n.op] ?? `the operator '${n.op}' has no formula equivalent`, n.start, n.end);
  }

  private compare(n: Extract<CodeNode, { type: 'compare' }>): Formula {
    const map: Record<string, '<' | '<=' | '>' | '>=' | '==' | '!='> = {
      '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '==', '===': '==', '!=': '!=', '!==': '!=',
    };
    const operands = n.operands.map((o) => this.node(o));
    let result: Formula | undefined;
    n.ops.forEach((text, i) => {
      const op = map[text];
      if (!op) throw new FormulaError(`'${text}' has no formula equivalent`, n.operands[i].end, n.operands[i + 1].start);
      // 0 < x < 1 is 0 < x and x < 1.
      const pair: Formula = { k: 'cmp', op, l: operands[i], r: operands[i + 1] };
      result = result ? { k: 'and', l: result, r: pair } : pair;
    });
    return result as Formula;
  }

  private call(n: Extract<CodeNode, { type: 'call' }>): Formula {
    const callee = n.callee;
    const path = this.context.callees && (callee.type === 'name' || callee.type === 'attr') ? dottedPath(callee) : undefined;
    const bound = path === undefined ? undefined : this.context.callees?.get(path);
    if (path !== undefined && bound) {
      // `self.act(h)`: the function its assignment names, with the parameters the assignment gives.
      if (n.args.length !== 1 || n.args[0].keyword) {
        throw new FormulaError(`${path} with ${n.args.length} argument${n.args.length === 1 ? '' : 's'} cannot be translated (expected the tensor alone)`, n.start, n.end);
      }
      const params = Object.entries(bound.params).map(([keyword, value]): Arg => ({ keyword, value: { type: 'num', value, start: n.end, end: n.end } }));
      return this.activation(bound.id, path, [n.args[0], ...params], n, { positional: [null] });
    }
    if (callee.type === 'name') return this.apply(callee.name, callee.name, n.args, n);
    if (callee.type === 'attr') {
      const objectPath = dottedPath(callee.object);
      if (objectPath !== undefined && (this.isModule(objectPath) || this.spelling(`${objectPath}.${callee.name}`, 'function'))) {
        return this.apply(`${objectPath}.${callee.name}`, callee.name, n.args, n);
      }
      // A method: x.exp(), x.clamp(min=0), x.pow(2).
      return this.apply(undefined, callee.name, [{ value: callee.object }, ...n.args], n);
    }
    if (callee.type === 'call') return this.layer(callee, n);
    throw new FormulaError('this call cannot be translated', callee.start, callee.end);
  }

  /** nn.LeakyReLU(0.2)(x), tf.keras.layers.ELU(alpha=0.5)(x): a layer object applied to x. */
  private layer(construct: Extract<CodeNode, { type: 'call' }>, n: Extract<CodeNode, { type: 'call' }>): Formula {
    const path = dottedPath(construct.callee);
    const className = path?.split('.').pop() ?? '';
    const known = path ? this.spelling(path, 'class') : undefined;
    let id = known?.id ?? activationId(className);
    if (!path || !id || n.args.length !== 1 || n.args[0].keyword) {
      throw new FormulaError(`cannot translate the layer '${path ?? 'call'}(…)(…)'`, n.start, n.end);
    }
    let args: readonly Arg[] = construct.args;
    // Keras ReLU(max_value=6) is ReLU6, ReLU(negative_slope=a) a leaky ReLU (the table's switch).
    const relu = known ? RELU_SWITCHES.get(known.canonical) : undefined;
    if (relu && id === 'relu') {
      const number = (spec?: { position?: number; keyword: string }) => {
        if (!spec) return undefined;
        const a = args.find((x, i) => x.keyword === spec.keyword || (!x.keyword && i === spec.position));
        return a && a.value.type === 'num' ? a.value.value : a && a.value.type === 'unary' && a.value.op === '-' && a.value.arg.type === 'num' ? -a.value.arg.value : undefined;
      };
      const switched = switchRelu({ maxValue: number(relu.maxValue), negativeSlope: number(relu.negativeSlope), threshold: number(relu.threshold) });
      if (switched.id !== 'relu') {
        id = switched.id;
        const slope = args.find((x, i) => x.keyword === relu.negativeSlope?.keyword || (!x.keyword && i === relu.negativeSlope?.position));
        args = switched.id === 'leaky_relu' && slope ? [{ keyword: 'alpha', value: slope.value }] : [];
        return this.activation(id, path, [n.args[0], ...args], n, { positional: [null], keywords: { alpha: 'alpha' } });
      }
    }
    // A layer's constructor takes only parameters; the tensor comes in the second call.
    const spelling: Spelling = {
      // A constructor argument that is no core parameter (PReLU's num_parameters) is skipped, not the tensor.
      positional: [null, ...(known?.spelling.positional?.map((p) => p ?? SKIP) ?? catalogue.get(id)?.params.map((s) => s.name) ?? [])],
      keywords: known?.spelling.keywords,
      defaults: known?.spelling.defaults,
    };
    return this.activation(id, path, [n.args[0], ...args], n, spelling, known?.canonical);
  }

  /** `fullName` is the module-qualified name (undefined for methods), `name` its last part. */
  private apply(fullName: string | undefined, written: string, args: readonly Arg[], n: CodeNode): Formula {
    // PyTorch's in-place tensor methods compute the same function: x.relu_(), x.sigmoid_().
    const name = fullName === undefined && written.endsWith('_') && TENSOR_METHODS.has(written) ? written.slice(0, -1) : written;
    const shown = fullName ?? `.${name}`;
    const positional = (count: number): Formula[] => {
      const keyword = args.find((a) => a.keyword);
      if (keyword) throw new FormulaError(`the keyword '${keyword.keyword}' of ${shown} has no formula equivalent`, keyword.value.start, keyword.value.end);
      if (args.length !== count) {
        throw new FormulaError(`${shown} with ${args.length} argument${args.length === 1 ? '' : 's'} cannot be translated (expected ${count})`, n.start, n.end);
      }
      return args.map((a) => this.node(a.value));
    };
    const lower = name.toLowerCase();
    const unary = UNARY.get(name) ?? UNARY.get(lower);
    if (unary) return { k: 'call', fn: unary, args: positional(1) };
    switch (lower) {
      case 'maximum':
      case 'fmax':
      case 'max':
      case 'minimum':
      case 'fmin':
      case 'min': {
        if (args.length === 1) throw new FormulaError(`${shown} of one tensor is a reduction, not an elementwise function`, n.start, n.end);
        return { k: 'call', fn: lower.includes('max') ? 'max' : 'min', args: positional(args.length) };
      }
      case 'power':
      case 'pow':
      case 'float_power': {
        const [a, b] = positional(2);
        return { k: 'bin', op: '^', l: a, r: b };
      }
      case 'square':
        return { k: 'bin', op: '^', l: positional(1)[0], r: { k: 'num', value: 2 } };
      case 'reciprocal':
        return { k: 'bin', op: '/', l: { k: 'num', value: 1 }, r: positional(1)[0] };
      case 'negative':
      case 'neg':
        return { k: 'neg', a: positional(1)[0] };
      case 'add':
      case 'subtract':
      case 'sub':
      case 'multiply':
      case 'mul':
      case 'divide':
      case 'div':
      case 'true_divide': {
        const [a, b] = positional(2);
        const op = lower.startsWith('a') ? '+' : lower.startsWith('s') ? '-' : lower.startsWith('m') ? '*' : '/';
        return { k: 'bin', op, l: a, r: b };
      }
      case 'where':
        return { k: 'call', fn: 'where', args: positional(3) };
      case 'logaddexp': {
        const [a, b] = positional(2);
        return { k: 'call', fn: 'log', args: [{ k: 'bin', op: '+', l: { k: 'call', fn: 'exp', args: [a] }, r: { k: 'call', fn: 'exp', args: [b] } }] };
      }
      case 'clip':
      case 'clamp':
      case 'clip_by_value':
      case 'clipbyvalue':
      case 'clamp_min':
      case 'clamp_max':
        return this.clip(lower, shown, args, n);
    }
    const known = fullName ? this.spelling(fullName, 'function') : undefined;
    if (known) return this.activation(known.id, shown, args, n, known.spelling, known.canonical);
    const id = activationId(name);
    if (id) return this.activation(id, shown, args, n, {});
    throw new FormulaError(`cannot translate '${shown}': no formula function for it`, n.start, n.end);
  }

  private clip(kind: string, shown: string, args: readonly Arg[], n: CodeNode): Formula {
    let value: CodeNode | undefined;
    let low: CodeNode | undefined;
    let high: CodeNode | undefined;
    const slots = kind === 'clamp_max' ? ['x', 'high'] : kind === 'clamp_min' ? ['x', 'low'] : ['x', 'low', 'high'];
    args.forEach((a, i) => {
      const key = a.keyword
        ? CLIP_KEYWORDS.get(a.keyword)
        : slots[i];
      if (!key) throw new FormulaError(`the argument ${a.keyword ?? i + 1} of ${shown} has no formula equivalent`, a.value.start, a.value.end);
      const isNone = a.value.type === 'name' && (a.value.name === 'None' || a.value.name === 'null');
      if (key === 'x') value = a.value;
      else if (key === 'low' && !isNone) low = a.value;
      else if (key === 'high' && !isNone) high = a.value;
    });
    if (!value) throw new FormulaError(`${shown} needs the tensor to clip`, n.start, n.end);
    let result = this.node(value);
    if (low) result = { k: 'call', fn: 'max', args: [result, this.node(low)] };
    if (high) result = { k: 'call', fn: 'min', args: [result, this.node(high)] };
    return result;
  }

  /**
   * A catalogue activation with its parameters: positional (by the framework's order when the catalogue
   * knows this spelling, else the tensor then ParamSpec order) and by keyword.
   */
  private activation(id: string, shown: string, args: readonly Arg[], n: CodeNode, spelling: Spelling, canonical?: string): Formula {
    const isGeluSwitch = (a: Arg) =>
      id.startsWith('gelu') && (a.keyword === 'approximate' || (!a.keyword && (a.value.type === 'str' || isBoolean(a.value))));
    let target = id;
    // The table's switch says which gelu a name means without the argument (jax.nn.gelu: the tanh one).
    const sw = canonical ? ARG_SWITCHES.get(canonical) : undefined;
    if (sw && sw.keyword === 'approximate') target = sw.byDefault;
    for (const a of args) if (isGeluSwitch(a)) target = approximateGelu(a.value) ? 'gelu_tanh' : 'gelu';
    const entry = catalogue.get(target);
    if (!entry || entry.kind !== 'activation' || entry.def.shape !== 'elementwise') {
      throw new FormulaError(`cannot translate '${shown}': the catalogue has no elementwise activation '${target}'`, n.start, n.end);
    }
    const specs: readonly ParamSpec[] = entry.params;
    const order = spelling.positional ?? [null, ...specs.map((s) => s.name)];
    let input: CodeNode | undefined;
    const values = new Map<string, Formula>();
    args.forEach((a, i) => {
      if (isGeluSwitch(a) || a.keyword === 'inplace' || a.keyword === 'name') return;
      let name: string | null | undefined;
      if (a.keyword) {
        name = keywordParam(spelling, a.keyword) ?? PLAIN_KEYWORDS.get(a.keyword) ?? a.keyword;
        if (['x', 'input', 'features', 'inputs'].includes(a.keyword)) name = null;
      } else name = order[i];
      if (name === null) {
        input = a.value;
        return;
      }
      if (name === SKIP) return;
      const spec = specs.find((s) => s.name === name);
      if (!spec) {
        const what = a.keyword ? `the keyword '${a.keyword}'` : `argument ${i + 1}`;
        throw new FormulaError(`${what} of ${shown} has no formula equivalent`, a.value.start, a.value.end);
      }
      // A parameter given by a name bound to a number in the document (`negative_slope=slope`, `slope = 0.2`).
      const constant = a.value.type === 'name' ? this.context.constants?.get(a.value.name) : undefined;
      values.set(spec.name, constant !== undefined ? { k: 'num', value: constant } : this.node(a.value));
    });
    if (!input) throw new FormulaError(`${shown} needs the tensor to apply to`, n.start, n.end);
    const checked = new Map<string, { value: number; start: number; end: number }>();
    for (const a of args) {
      // Literal parameters the core rejects are the user's error: name their own text (F.leaky_relu(x, -1)…).
      if (a.value.type === 'num' || (a.value.type === 'unary' && a.value.op === '-' && a.value.arg.type === 'num')) {
        const v = a.value.type === 'num' ? a.value.value : -(a.value.arg as { value: number }).value;
        checked.set(`${a.value.start}`, { value: v, start: a.value.start, end: a.value.end });
      }
    }
    for (const spec of specs) {
      const given = values.get(spec.name);
      if (!given || (given.k !== 'num' && !(given.k === 'neg' && given.a.k === 'num'))) continue;
      const v = given.k === 'num' ? given.value : -(given.a as { value: number }).value;
      const low = spec.minExclusive ? v <= spec.min : v < spec.min;
      const high = spec.maxExclusive ? v >= spec.max : v > spec.max;
      if (low || high) {
        const at = [...checked.values()].find((c) => c.value === v);
        const range = spec.minExclusive ? `> ${spec.min}` : `≥ ${spec.min}`;
        const upper = Number.isFinite(spec.max) ? ` and ${spec.maxExclusive ? '<' : '≤'} ${spec.max}` : '';
        throw new FormulaError(`${shown}: ${spec.name} must be ${range}${upper}, got ${v}`, at?.start ?? n.start, at?.end ?? n.end);
      }
    }
    for (const [name, value] of Object.entries(spelling.defaults ?? {})) {
      if (!values.has(name) && specs.some((s) => s.name === name)) values.set(name, { k: 'num', value });
    }
    const last = specs.reduce((k, s, i) => (values.has(s.name) ? i + 1 : k), 0);
    const params = specs.slice(0, last).map((s): Formula => values.get(s.name) ?? { k: 'num', value: s.default });
    return { k: 'call', fn: target, args: [this.node(input), ...params] };
  }
}

/** How a framework spells an activation's arguments (the catalogue's FrameworkName, or what we know). */
interface Spelling {
  readonly positional?: readonly (string | null)[];
  readonly keywords?: Readonly<Record<string, string>>;
  readonly defaults?: Readonly<Record<string, number>>;
}

function isBoolean(n: CodeNode): boolean {
  return n.type === 'name' && ['True', 'False', 'true', 'false'].includes(n.name);
}

function approximateGelu(n: CodeNode): boolean {
  if (n.type === 'str') {
    if (n.value === 'tanh') return true;
    if (n.value === 'none') return false;
  } else if (isBoolean(n)) return n.type === 'name' && /^[Tt]rue$/.test(n.name);
  throw new FormulaError("approximate must be True/False or 'tanh'/'none'", n.start, n.end);
}

/** A catalogue activation id for a library's spelling (LeakyReLU, leakyRelu, leaky_relu, expit…). */
function activationId(name: string): string | undefined {
  const snake = name
    .replace(/([a-z0-9])([A-Z])/g, '$1_$2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1_$2')
    .toLowerCase();
  for (const candidate of [PLAIN_NAMES.get(name), PLAIN_NAMES.get(name.toLowerCase()), name === 'expit' ? 'sigmoid' : undefined, name.toLowerCase(), snake]) {
    if (candidate === undefined) continue;
    const entry = catalogue.get(candidate);
    if (entry && entry.kind === 'activation') return candidate;
  }
  return undefined;
}

function dottedPath(n: CodeNode): string | undefined {
  if (n.type === 'name') return n.name;
  if (n.type === 'attr') {
    const object = dottedPath(n.object);
    return object === undefined ? undefined : `${object}.${n.name}`;
  }
  return undefined;
}
