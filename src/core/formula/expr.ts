/**
 * The formula as an interned expression graph: structurally equal subexpressions are one node with one id,
 * so the derivative is memoised per node, the code generator computes each shared subexpression once, and
 * the derivative of a 2,000-character formula stays linear in size.
 *
 * Two kinds of constructors: `raw` keeps the user's formula exactly as written (IEEE semantics: 0·x is NaN
 * at x = ∞, so it is not folded); the simplifying ones (`add`, `mul`, …) are for the derivative, where
 * 0·a, 1·a, a + 0 come from the chain rule and would only make the LaTeX unreadable.
 */

export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';

export type Op =
  | 'num'
  | 'const'
  | 'x'
  | 'param'
  | 'neg'
  | 'add'
  | 'sub'
  | 'mul'
  | 'div'
  | 'pow'
  | CompareOp
  | 'and'
  | 'or'
  | 'not'
  | 'where'
  /** A built-in function (`name`): exp, log, …, and the internal sech2. */
  | 'fn'
  /** A catalogue activation `name`: args[0] is its input, args[1…] its parameters in ParamSpec order. */
  | 'cat'
  /** The derivative of catalogue activation `name`, same arguments as 'cat'. */
  | 'dcat';

export interface Expr {
  readonly id: number;
  readonly op: Op;
  readonly args: readonly Expr[];
  /** 'num' and 'const': the value. */
  readonly value: number;
  /** 'param', 'const', 'fn', 'cat', 'dcat': the name. */
  readonly name: string;
  readonly dependsOnX: boolean;
}

export function isNum(e: Expr, value?: number): boolean {
  return e.op === 'num' && (value === undefined || e.value === value);
}

export class ExprBuilder {
  private readonly table = new Map<string, Expr>();

  /** The one node for (op, args, value, name). */
  raw(op: Op, args: readonly Expr[] = [], value = 0, name = ''): Expr {
    const valueKey = op === 'num' ? (Object.is(value, -0) ? '-0' : String(value)) : '';
    const key = `${op}|${name}|${valueKey}|${args.map((a) => a.id).join(',')}`;
    const existing = this.table.get(key);
    if (existing) return existing;
    const expr: Expr = {
      id: this.table.size,
      op,
      args,
      value,
      name,
      dependsOnX: op === 'x' || args.some((a) => a.dependsOnX),
    };
    this.table.set(key, expr);
    return expr;
  }

  num(value: number): Expr {
    return this.raw('num', [], value);
  }

  x(): Expr {
    return this.raw('x');
  }

  fn(name: string, ...args: Expr[]): Expr {
    return this.raw('fn', args, 0, name);
  }

  // Simplifying constructors, for the derivative.

  add(a: Expr, b: Expr): Expr {
    if (isNum(a) && isNum(b)) return this.num(a.value + b.value);
    if (isNum(a, 0)) return b;
    if (isNum(b, 0)) return a;
    if (b.op === 'neg') return this.sub(a, b.args[0]);
    if (isNum(b) && b.value < 0) return this.raw('sub', [a, this.num(-b.value)]);
    return this.raw('add', [a, b]);
  }

  sub(a: Expr, b: Expr): Expr {
    if (isNum(a) && isNum(b)) return this.num(a.value - b.value);
    if (isNum(b, 0)) return a;
    if (isNum(a, 0)) return this.neg(b);
    if (b.op === 'neg') return this.add(a, b.args[0]);
    return this.raw('sub', [a, b]);
  }

  neg(a: Expr): Expr {
    if (isNum(a)) return this.num(-a.value);
    if (a.op === 'neg') return a.args[0];
    if (a.op === 'mul' && isNum(a.args[0])) return this.mul(this.num(-a.args[0].value), a.args[1]);
    return this.raw('neg', [a]);
  }

  mul(a: Expr, b: Expr): Expr {
    if (isNum(a) && isNum(b)) return this.num(a.value * b.value);
    if (isNum(a, 0) || isNum(b, 0)) return this.num(0);
    if (isNum(a, 1)) return b;
    if (isNum(b, 1)) return a;
    if (isNum(a, -1)) return this.neg(b);
    if (isNum(b, -1)) return this.neg(a);
    if (a.op === 'neg') return this.neg(this.mul(a.args[0], b));
    if (b.op === 'neg') return this.neg(this.mul(a, b.args[0]));
    // A constant factor first reads as 2x rather than x·2; multiplication commutes exactly in IEEE.
    if (isNum(b) && !isNum(a)) return this.raw('mul', [b, a]);
    if (b.op === 'mul' && isNum(b.args[0]) && !isNum(a)) return this.mul(b.args[0], this.mul(a, b.args[1]));
    return this.raw('mul', [a, b]);
  }

  div(a: Expr, b: Expr): Expr {
    if (isNum(b, 1)) return a;
    if (isNum(a, 0) && !isNum(b, 0)) return this.num(0);
    if (a.op === 'neg') return this.neg(this.div(a.args[0], b));
    // (c·u)/c = u exactly (as long as c·u does not overflow, which the chain rule's constants do not risk).
    if (a.op === 'mul' && isNum(b) && isNum(a.args[0], b.value) && b.value !== 0) return a.args[1];
    return this.raw('div', [a, b]);
  }

  pow(a: Expr, b: Expr): Expr {
    if (isNum(b, 1)) return a;
    if (isNum(b, 0)) return this.num(1);
    return this.raw('pow', [a, b]);
  }

  where(c: Expr, a: Expr, b: Expr): Expr {
    if (a === b) return a;
    return this.raw('where', [c, a, b]);
  }
}
