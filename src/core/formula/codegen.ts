/**
 * Compiles an expression graph to one JavaScript function that loops over a Float64Array: straight-line
 * code per point, one `const` per shared subexpression, no tree walk at run time.
 *
 * What the generated source can contain is closed: numeric literals from `numberLiteral` (checked against a
 * pattern), generated names (`v` the point, `p3` parameter slot 3, `t12` a temporary, `f0` a table function,
 * `c0` a catalogue definition, `q0` a catalogue parameter object), operators, and calls into the table `T`
 * handed in as an argument. No text of the formula is ever emitted: a parameter is an index into the
 * parameter array, a function an index into the table.
 *
 * Expressions that do not depend on x are computed once, before the loop. `where` becomes if/else, so only
 * the chosen branch is computed at each point; the wheres of f and f′ on one condition share one if/else.
 * An activation whose value and derivative are both needed is pasted in as one piece of code (pairs.ts).
 * Where an output comes out NaN or ±∞, the point is evaluated again with an unbounded exponent (wideRange.ts):
 * a formula's own exp may overflow where its value and slope are numbers.
 */
import { pairSources } from '../activations/pairs';
import type { ElementwiseActivationDef, Params } from '../functionTypes';
import { type Expr } from './expr';
import { builtins } from './functions';
import type { WideEvaluator } from './wideRange';

/** What the generated function reaches at run time, by index. */
export interface RuntimeTable {
  readonly f: readonly ((...args: number[]) => number)[];
  readonly c: readonly ElementwiseActivationDef[];
  /** Validates and builds the parameter object of catalogue parameter site `site`. */
  readonly q: (site: number, values: readonly number[]) => Params;
  /** f and f′ at one point with an unbounded exponent, into the 2-slot scratch S: where the loop gave NaN. */
  readonly W: WideEvaluator;
  readonly S: Float64Array;
}

/** Writes output k at each X[i] into OUT (k = 0) or OUT1 (k = 1). */
export type Kernel = (X: Float64Array, OUT: Float64Array, P: Float64Array, T: RuntimeTable, OUT1?: Float64Array) => void;

export interface Generated {
  readonly kernel: Kernel;
  readonly source: string;
  /** Built-in names by table index. */
  readonly functions: readonly string[];
  /** Catalogue ids by table index. */
  readonly catalogueIds: readonly string[];
  /** Parameter-site keys (see lower.ts) by index. */
  readonly paramSites: readonly string[];
}

/** Points per block of the loop (see the end of generate). */
const CHUNK = 512;

const JS_COMPARE: Readonly<Record<string, string>> = { '<': '<', '<=': '<=', '>': '>', '>=': '>=', '==': '===', '!=': '!==' };
const JS_ARITH: Readonly<Record<string, string>> = { add: '+', sub: '-', mul: '*', div: '/' };
/** The operators whose value is a truth (1 or 0): the comparisons and the logical operators (a plain literal, so the bundle can drop this module). */
const BOOLEAN_OPS: Readonly<Record<string, true>> = { '<': true, '<=': true, '>': true, '>=': true, '==': true, '!=': true, and: true, or: true, not: true };

interface Block {
  readonly lines: string[];
  readonly names: Map<number, string>;
  readonly parent?: Block;
}

/** Comparisons and logic used as conditions are written inline as booleans, not computed as 1/0 first. */
function isCondition(e: Expr): boolean {
  return ['<', '<=', '>', '>=', '==', '!=', 'and', 'or', 'not'].includes(e.op);
}

/**
 * A JavaScript literal for `value`, checked: only digits, one '.', an exponent, or one of the spelled-out
 * non-finite values can come out.
 */
function numberLiteral(value: number): string {
  if (typeof value !== 'number') throw new Error(`formula codegen: not a number: ${typeof value}`);
  if (Number.isNaN(value)) return '(0 / 0)';
  if (value === Infinity) return '(1 / 0)';
  if (value === -Infinity) return '(-1 / 0)';
  if (Object.is(value, -0)) return '(-0)';
  const text = String(Math.abs(value));
  if (!/^\d+(\.\d+)?(e[+-]\d+)?$/.test(text) || Number(text) !== Math.abs(value)) {
    throw new Error(`formula codegen: unsafe literal ${text}`);
  }
  return value < 0 ? `(-${text})` : text;
}

/**
 * One loop computing every expression of `outputs` at each point (at most two: OUT and OUT1), sharing their
 * common subexpressions: f and f′ of a formula share exp(−1.702x) and 1 + exp(−1.702x), computed once.
 * With `nanFrom`, an output is NaN wherever that expression (the value f) is NaN: where f is undefined, so
 * is f′, even when the derivative's formula happens to give a number (log(−1) + x has derivative 1 otherwise).
 * `paramIndex` maps a parameter name to its slot; `siteKey` gives a catalogue node's parameter-site key.
 */
export function generate(
  outputs: Expr | readonly Expr[],
  paramIndex: ReadonlyMap<string, number>,
  siteKey: (e: Expr) => string,
  nanFrom?: Expr,
): Generated {
  const roots: readonly Expr[] = Array.isArray(outputs) ? outputs : [outputs as Expr];
  if (roots.length < 1 || roots.length > 2) throw new Error('formula codegen: one or two outputs');
  const functions: string[] = [];
  const catalogueIds: string[] = [];
  const paramSites: string[] = [];
  const siteNames = new Map<string, string>();
  let temps = 0;

  // An activation whose value and derivative are both needed, at the same argument, and that has a fused
  // pair: one call computes both (σ and σ′ share their exponential). Keyed by the 'cat' node's id.
  const partners = pairedNodes(roots, nanFrom);
  // The wheres of the loop (outside any where's branches) that share their condition: one if/else each.
  const whereGroups = sharedConditionWheres(roots, nanFrom);

  const prologue: Block = { lines: [], names: new Map() };
  const loop: Block = { lines: [], names: new Map(), parent: prologue };

  const lookup = (e: Expr, block: Block | undefined): string | undefined => {
    for (let b = block; b; b = b.parent) {
      const name = b.names.get(e.id);
      if (name !== undefined) return name;
    }
    return undefined;
  };

  const tableIndex = (list: string[], name: string): number => {
    let i = list.indexOf(name);
    if (i < 0) i = list.push(name) - 1;
    return i;
  };

  /** A JS operand (name or literal) holding e's value, emitting what it needs into `block`. */
  const value = (e: Expr, block: Block): string => {
    switch (e.op) {
      case 'num':
      case 'const':
        return numberLiteral(e.value);
      case 'x':
        return 'v';
      case 'param': {
        const slot = paramIndex.get(e.name);
        if (slot === undefined) throw new Error('formula codegen: unknown parameter');
        return `p${slot}`;
      }
    }
    const target = e.dependsOnX ? block : prologue;
    const known = lookup(e, target);
    if (known !== undefined) return known;
    const partner = partners.get(e.id);
    if (partner !== undefined) {
      // value and derivative from one call, both names registered in this block.
      const input = value(e.args[0], target);
      const source = (pairSources.get(e.name) as NonNullable<ReturnType<typeof pairSources.get>>)({
        input,
        temp: () => `t${temps++}`,
        builtin: (name) => `f${tableIndex(functions, name)}`,
      });
      target.lines.push(...source.lines);
      const [valueNode, derivativeNode] = e.op === 'cat' ? [e, partner] : [partner, e];
      target.names.set(valueNode.id, source.value);
      target.names.set(derivativeNode.id, source.derivative);
      return e === valueNode ? source.value : source.derivative;
    }
    const name = `t${temps++}`;
    const group = e.op === 'where' && target === loop ? whereGroups.get(e.id) : undefined;
    if (group !== undefined) {
      // One if/else for every where on this condition: f's and f′'s branches side by side.
      const cond = truth(e.args[0], target);
      const yes: Block = { lines: [], names: new Map(), parent: target };
      const no: Block = { lines: [], names: new Map(), parent: target };
      const names = group.map((member) => (member === e ? name : `t${temps++}`));
      const yesValues = group.map((member) => (prepare(member.args[1], yes), value(member.args[1], yes)));
      const noValues = group.map((member) => (prepare(member.args[2], no), value(member.args[2], no)));
      target.lines.push(
        `let ${names.join(', ')};`,
        `if (${cond}) {`,
        ...yes.lines,
        ...names.map((n, k) => `${n} = ${yesValues[k]};`),
        '} else {',
        ...no.lines,
        ...names.map((n, k) => `${n} = ${noValues[k]};`),
        '}',
      );
      group.forEach((member, k) => target.names.set(member.id, names[k]));
      return name;
    }
    if (e.op === 'where') {
      const cond = truth(e.args[0], target);
      const yes: Block = { lines: [], names: new Map(), parent: target };
      const no: Block = { lines: [], names: new Map(), parent: target };
      prepare(e.args[1], yes);
      const a = value(e.args[1], yes);
      prepare(e.args[2], no);
      const b = value(e.args[2], no);
      target.lines.push(
        `let ${name};`,
        `if (${cond}) {`,
        ...yes.lines,
        `${name} = ${a};`,
        '} else {',
        ...no.lines,
        `${name} = ${b};`,
        '}',
      );
    } else {
      target.lines.push(`const ${name} = ${expression(e, target)};`);
    }
    target.names.set(e.id, name);
    return name;
  };

  /** A JS boolean expression: true where e is nonzero (NaN counts as true, as in NumPy). */
  const truth = (e: Expr, block: Block): string => {
    const [a, b] = e.args;
    switch (e.op) {
      case '<':
      case '<=':
      case '>':
      case '>=':
      case '==':
      case '!=':
        return `(${value(a, block)} ${JS_COMPARE[e.op]} ${value(b, block)})`;
      case 'and':
        return `(${truth(a, block)} && ${truth(b, block)})`;
      case 'or':
        return `(${truth(a, block)} || ${truth(b, block)})`;
      case 'not':
        return `!${truth(a, block)}`;
      default:
        return `(${value(e, block)} !== 0)`;
    }
  };

  /** The right-hand side computing e from operands. */
  const expression = (e: Expr, block: Block): string => {
    // Comparisons and logic: truth() lists them once; their value is 1 or 0.
    if (BOOLEAN_OPS[e.op] === true) return `${truth(e, block)} ? 1 : 0`;
    const args = e.args;
    switch (e.op) {
      case 'neg':
        return `-${value(args[0], block)}`;
      case 'add':
      case 'sub':
      case 'mul':
      case 'div':
        return `${value(args[0], block)} ${JS_ARITH[e.op]} ${value(args[1], block)}`;
      case 'pow':
        return `f${tableIndex(functions, 'pow')}(${value(args[0], block)}, ${value(args[1], block)})`;
      case 'fn': {
        if (!builtins.has(e.name)) throw new Error('formula codegen: unknown function');
        const operands = args.map((a) => value(a, block));
        return `f${tableIndex(functions, e.name)}(${operands.join(', ')})`;
      }
      case 'cat':
      case 'dcat': {
        const c = tableIndex(catalogueIds, e.name);
        const q = paramObject(e);
        return `c${c}.${e.op === 'cat' ? 'value' : 'derivative'}(${value(args[0], block)}, ${q})`;
      }
      default:
        throw new Error(`formula codegen: unexpected node ${e.op}`);
    }
  };

  /** The name of the catalogue parameter object for e's parameter arguments, built once before the loop. */
  const paramObject = (e: Expr): string => {
    const key = siteKey(e);
    const known = siteNames.get(key);
    if (known !== undefined) return known;
    const index = paramSites.push(key) - 1;
    const operands = e.args.slice(1).map((a) => value(a, prologue));
    const name = `q${index}`;
    prologue.lines.push(`const ${name} = T.q(${index}, [${operands.join(', ')}]);`);
    siteNames.set(key, name);
    return name;
  };

  /**
   * Emits e's operands bottom-up without recursion (a 1,000-term chain would otherwise recurse 1,000 deep):
   * every node reachable from e outside where-branches, children first. value() then finds them computed.
   */
  const prepare = (e: Expr, block: Block): void => {
    const order: Expr[] = [];
    const seen = new Set<number>();
    const stack: [Expr, boolean][] = [[e, false]];
    while (stack.length > 0) {
      const [node, expanded] = stack.pop() as [Expr, boolean];
      if (expanded) {
        order.push(node);
        continue;
      }
      if (seen.has(node.id) || node.args.length === 0) continue;
      seen.add(node.id);
      stack.push([node, true]);
      // A where's branches are emitted inside their own blocks; only its condition is computed here.
      const children = node.op === 'where' ? [node.args[0]] : node.args;
      for (const child of children) stack.push([child, false]);
    }
    for (const node of order) {
      if (isCondition(node)) continue;
      value(node, block);
    }
  };

  const guard = nanFrom === undefined ? undefined : (prepare(nanFrom, loop), value(nanFrom, loop));
  const results = roots.map((root) => {
    prepare(root, loop);
    return value(root, loop);
  });
  const header: string[] = ['"use strict";', 'const n = X.length;'];
  for (const slot of paramIndex.values()) header.push(`const p${slot} = P[${slot}];`);
  functions.forEach((_, i) => header.push(`const f${i} = T.f[${i}];`));
  catalogueIds.forEach((_, i) => header.push(`const c${i} = T.c[${i}];`));
  header.push('const W = T.W;', 'const S = T.S;');
  // Blocks of CHUNK points: a fast pass that stores without looking and sums r·0 over every result (0 unless one
  // is NaN or ±∞), then, only in a block where that sum is not 0, a second pass with the per-point check and the
  // slow path. A branch and a call site in the loop itself cost 20–40 % of x·σ(1.702x); the sum costs 5 %.
  const watchedExprs = nanFrom === undefined || roots.includes(nanFrom) ? roots : [...roots, nanFrom];
  const names = watchedExprs.map((e) => (e === nanFrom ? (guard as string) : results[roots.indexOf(e)]));
  // An output that is finite wherever x is (where(x > 0, x, 0.1x)) needs no watching of its own: x is watched.
  const watched = names.filter((_, k) => !finiteWithX(watchedExprs[k]));
  if (watchedExprs.some((e) => e.dependsOnX && finiteWithX(e))) watched.push('v');
  const body = ['const v = X[i];', ...loop.lines];
  const source = [
    ...header,
    ...prologue.lines,
    `for (let i0 = 0; i0 < n; i0 += ${CHUNK}) {`,
    `const i1 = i0 + ${CHUNK} < n ? i0 + ${CHUNK} : n;`,
    'let bad = 0;',
    'for (let i = i0; i < i1; i++) {',
    ...body,
    ...results.map((result, k) => `${k === 0 ? 'OUT' : 'OUT1'}[i] = ${result};`),
    ...(watched.length > 0 ? [`bad += ${watched.map((r) => `${r} * 0`).join(' + ')};`] : []),
    '}',
    'if (bad !== 0) {',
    'for (let i = i0; i < i1; i++) {',
    ...body,
    ...store(results, guard),
    '}',
    '}',
    '}',
  ].join('\n');
  const kernel = new Function('X', 'OUT', 'P', 'T', 'OUT1', source) as Kernel;
  return { kernel, source, functions, catalogueIds, paramSites };
}

/**
 * Whether e is finite wherever x is, and follows x into ±∞ and NaN the way the slow path would (so the slow
 * path has nothing to add where x is finite): finite literals, x, −e, c·e with |c| ≤ 1, and wheres of such.
 */
function finiteWithX(e: Expr): boolean {
  switch (e.op) {
    case 'num':
    case 'const':
      return Number.isFinite(e.value);
    case 'x':
      return true;
    case 'neg':
      return finiteWithX(e.args[0]);
    case 'mul': {
      const [a, b] = e.args;
      return (a.op === 'num' && Math.abs(a.value) <= 1 && finiteWithX(b)) || (b.op === 'num' && Math.abs(b.value) <= 1 && finiteWithX(a));
    }
    case 'where':
      return finiteWithX(e.args[1]) && finiteWithX(e.args[2]);
    default:
      return false;
  }
}

/**
 * The stores of one point. Where a result is NaN or ±∞ (or f is, with a guard: f NaN ⇒ f′ NaN), the point
 * goes to the slow path W, which gives f and f′ with an unbounded exponent: NaN again where f truly is NaN,
 * ±∞ where the value truly overflows, and the number where only an intermediate did (log(exp(x)) at 800 is
 * 800, not ∞). The fused loop keeps its double f where that is finite, so it gives the bits of the separate
 * loops. One subtraction and comparison per output on the fast path.
 */
function store(results: readonly string[], guard: string | undefined): string[] {
  const nan = (name: string) => `${name} - ${name} !== 0`;
  if (results.length === 2) {
    const [f, df] = results;
    return [
      `if (${nan(f)} || ${nan(df)}) {`,
      'W(v, P, S);',
      `OUT[i] = ${f} - ${f} === 0 ? ${f} : S[0];`,
      'OUT1[i] = S[1];',
      '} else {',
      `OUT[i] = ${f};`,
      `OUT1[i] = ${df};`,
      '}',
    ];
  }
  const [r] = results;
  const test = guard === undefined || guard === r ? nan(r) : `${nan(guard)} || ${nan(r)}`;
  return [`if (${test}) {`, 'W(v, P, S);', `OUT[i] = S[${guard === undefined ? 0 : 1}];`, '} else {', `OUT[i] = ${r};`, '}'];
}

/**
 * The where nodes computed in the loop itself (reachable from the roots without entering a where's
 * branches) that depend on x, grouped by condition: node id → its group, for groups of two or more
 * whose members do not reach one another through their branches (that one would be nested, not beside).
 */
function sharedConditionWheres(roots: readonly Expr[], extra?: Expr): Map<number, Expr[]> {
  const byCondition = new Map<number, Expr[]>();
  walk(roots, extra, (node) => {
    if (node.op !== 'where') return node.args;
    if (node.dependsOnX) {
      const list = byCondition.get(node.args[0].id) ?? [];
      list.push(node);
      byCondition.set(node.args[0].id, list);
    }
    return [node.args[0]];
  });
  const out = new Map<number, Expr[]>();
  for (const group of byCondition.values()) {
    if (group.length < 2 || group.length > 8) continue;
    const members = new Set(group.map((g) => g.id));
    const nested = group.some((g) => reaches([g.args[1], g.args[2]], members));
    if (nested) continue;
    group.sort((a, b) => a.id - b.id);
    for (const g of group) out.set(g.id, group);
  }
  return out;
}

/**
 * Visits each node reachable from the roots (and `extra`) once, depth first; `visit` returns the children
 * to go on to (a where's condition alone, to stay out of its branches).
 */
function walk(roots: readonly Expr[], extra: Expr | undefined, visit: (node: Expr) => readonly Expr[]): void {
  const seen = new Set<number>();
  const stack: Expr[] = extra ? [...roots, extra] : [...roots];
  while (stack.length > 0) {
    const node = stack.pop() as Expr;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    for (const child of visit(node)) stack.push(child);
  }
}

/** Whether any node of `ids` is reachable from `from`. */
function reaches(from: readonly Expr[], ids: ReadonlySet<number>): boolean {
  const seen = new Set<number>();
  const stack = [...from];
  while (stack.length > 0) {
    const node = stack.pop() as Expr;
    if (ids.has(node.id)) return true;
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    stack.push(...node.args);
  }
  return false;
}

/**
 * For each 'cat' / 'dcat' node reachable from the roots whose partner (same activation, same arguments) is
 * reachable too, and which has a fused pair without parameters: node id → partner node.
 */
function pairedNodes(roots: readonly Expr[], extra?: Expr): Map<number, Expr> {
  const byKey = new Map<string, { cat?: Expr; dcat?: Expr }>();
  walk(roots, extra, (node) => {
    if ((node.op === 'cat' || node.op === 'dcat') && node.args.length === 1 && pairSources.has(node.name)) {
      const key = `${node.name}|${node.args[0].id}`;
      const slot = byKey.get(key) ?? {};
      slot[node.op] = node;
      byKey.set(key, slot);
    }
    return node.args;
  });
  const out = new Map<number, Expr>();
  for (const { cat, dcat } of byKey.values()) {
    if (cat && dcat) {
      out.set(cat.id, dcat);
      out.set(dcat.id, cat);
    }
  }
  return out;
}
