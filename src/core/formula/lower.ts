/**
 * Resolves the names of a syntax tree and builds the formula's expression graph, checking everything that
 * can be checked before any number is known: what each name is, argument counts, catalogue parameters
 * given as numbers, and that a catalogue function's parameters do not depend on x.
 */
import { checkParam } from '../api';
import { editDistance } from '../catalogue';
import type { ParamSpec } from '../functionTypes';
import { type Expr, ExprBuilder } from './expr';
import { CONSTANTS, KEYWORDS, callableNames, isReserved, resolveFunction } from './functions';
import type { Syntax } from './parser';
import { FormulaError } from './formulaTypes';

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A catalogue call's parameter arguments, checked again against the ParamSpecs when values are known. */
export interface ParamSite {
  readonly id: string;
  readonly specs: readonly ParamSpec[];
  /** The span of each given parameter argument. */
  readonly spans: readonly Span[];
}

export interface Lowered {
  readonly expr: Expr;
  /** Each parameter name with the span of its first use. */
  readonly params: ReadonlyMap<string, Span>;
  /** Keyed by `paramSiteKey(id, parameter arguments)`. */
  readonly sites: ReadonlyMap<string, ParamSite>;
}

export function paramSiteKey(id: string, args: readonly Expr[]): string {
  return `${id}|${args.map((a) => a.id).join(',')}`;
}

export function lower(tree: Syntax, builder: ExprBuilder): Lowered {
  const params = new Map<string, Span>();
  const sites = new Map<string, ParamSite>();

  const visit = (node: Syntax): Expr => {
    switch (node.type) {
      case 'num':
        return builder.num(node.value);
      case 'name':
        return name(node.name, node);
      case 'unary': {
        const arg = visit(node.arg);
        if (node.op === '+') return arg;
        return builder.raw(node.op === '-' ? 'neg' : 'not', [arg]);
      }
      case 'binary': {
        const left = visit(node.left);
        const right = visit(node.right);
        const op = ({ '+': 'add', '-': 'sub', '*': 'mul', '/': 'div', '^': 'pow' } as const)[
          node.op as '+' | '-' | '*' | '/' | '^'
        ];
        return builder.raw(op ?? (node.op as Expr['op']), [left, right]);
      }
      case 'call':
        return call(node);
    }
  };

  const name = (id: string, span: Span): Expr => {
    if (id === 'x') return builder.x();
    if (Object.prototype.hasOwnProperty.call(CONSTANTS, id)) return builder.raw('const', [], CONSTANTS[id], id);
    if (KEYWORDS.has(id)) throw new FormulaError(`'${id}' needs an operand`, span.start, span.end);
    const fn = resolveFunction(id);
    if (fn.kind !== 'unknown') {
      throw new FormulaError(`'${id}' is a function: call it as ${id}(…)`, span.start, span.end);
    }
    if (isReserved(id)) {
      throw new FormulaError(`'${id}' is a reserved name and cannot be a parameter`, span.start, span.end);
    }
    if (!params.has(id)) params.set(id, { start: span.start, end: span.end });
    return builder.raw('param', [], 0, id);
  };

  const call = (node: Extract<Syntax, { type: 'call' }>): Expr => {
    const nameSpan = { start: node.start, end: node.nameEnd };
    const fn = resolveFunction(node.name);
    const argc = node.args.length;
    switch (fn.kind) {
      case 'unknown':
        throw unknownFunction(node.name, nameSpan);
      case 'rejected':
        throw new FormulaError(fn.message, nameSpan.start, nameSpan.end);
      case 'where': {
        if (argc !== 3) throw arity('where', '3 arguments (condition, value if true, value if false)', argc, node);
        const [c, a, b] = node.args.map(visit);
        return builder.raw('where', [c, a, b]);
      }
      case 'builtin': {
        const { builtin } = fn;
        if (argc < builtin.minArgs || argc > builtin.maxArgs) {
          const expected =
            builtin.maxArgs === Infinity
              ? `at least ${builtin.minArgs} arguments`
              : `${builtin.minArgs} argument${builtin.minArgs === 1 ? '' : 's'}`;
          throw arity(node.name, expected, argc, node);
        }
        const args = node.args.map(visit);
        if (node.name === 'pow') return builder.raw('pow', args);
        if (args.length === 1) return builder.fn(node.name, args[0]);
        // min(a, b, c) is min(min(a, b), c): every node stays binary for the derivative.
        let expr = builder.fn(node.name, args[0], args[1]);
        for (let i = 2; i < args.length; i++) expr = builder.fn(node.name, expr, args[i]);
        return expr;
      }
      case 'catalogue': {
        const specs = fn.entry.params;
        if (argc < 1 || argc > 1 + specs.length) {
          const names = ['x', ...specs.map((s) => s.name)].join(', ');
          const expected = specs.length === 0 ? '1 argument (x)' : `1 to ${1 + specs.length} arguments (${names})`;
          throw arity(node.name, expected, argc, node);
        }
        const input = visit(node.args[0]);
        const given: Expr[] = [];
        for (let i = 1; i < argc; i++) {
          const arg = node.args[i];
          const expr = visit(arg);
          const spec = specs[i - 1];
          if (expr.dependsOnX) {
            throw new FormulaError(
              `${node.name}: its parameter '${spec.name}' (argument ${i + 1}) must not depend on x`,
              arg.start,
              arg.end,
            );
          }
          const literal = expr.op === 'num' ? expr.value : expr.op === 'neg' && expr.args[0].op === 'num' ? -expr.args[0].value : undefined;
          const problem = literal === undefined ? undefined : checkParam(spec, literal);
          if (problem) throw new FormulaError(`${node.name}: ${problem}`, arg.start, arg.end);
          given.push(expr);
        }
        const key = paramSiteKey(node.name, given);
        if (!sites.has(key)) {
          sites.set(key, { id: node.name, specs, spans: node.args.slice(1).map((a) => ({ start: a.start, end: a.end })) });
        }
        return builder.raw('cat', [input, ...given], 0, node.name);
      }
    }
  };

  return { expr: visit(tree), params, sites };
}

function arity(name: string, expected: string, got: number, span: Span): FormulaError {
  return new FormulaError(`${name} takes ${expected}, got ${got}`, span.start, span.end);
}

function unknownFunction(name: string, span: Span): FormulaError {
  if (name === 'x' || !/^[a-z]/i.test(name)) {
    return new FormulaError(`'${name}' is not a function: write ${name}*(…) to multiply`, span.start, span.end);
  }
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const known of callableNames()) {
    const d = editDistance(name.toLowerCase(), known);
    if (d < bestDistance) {
      best = known;
      bestDistance = d;
    }
  }
  const hint = best ? ` (did you mean \`${best}\`?)` : `; to multiply, write ${name}*(…)`;
  return new FormulaError(`unknown function '${name}'${hint}`, span.start, span.end);
}
