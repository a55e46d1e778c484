/**
 * d/dx of an expression graph, symbolically: the chain rule over the nodes, memoised by node id, built with
 * the simplifying constructors so the result reads like a hand derivation.
 *
 * Rules beyond the textbook ones: a catalogue activation f(u; p) has derivative f′(u; p)·u′ with f′ the
 * core's exact derivative (its parameters may not depend on x; lower.ts checks that); where(c, a, b)′ =
 * where(c, a′, b′); min/max take the derivative of the branch they select, and at a tie the slope of smaller
 * magnitude (the catalogue's convention at kinks);
 * abs′ = sign; sign′ = 0 and comparisons′ = 0 (their derivative is 0 wherever it exists); tanh′ = sech²,
 * computed in a form that does not cancel.
 */
import { type Expr, type ExprBuilder, isNum } from './expr';

export function differentiate(root: Expr, b: ExprBuilder): Expr {
  const memo = new Map<number, Expr>();

  const d = (e: Expr): Expr => {
    if (!e.dependsOnX) return b.num(0);
    const known = memo.get(e.id);
    if (known) return known;
    const result = rule(e);
    memo.set(e.id, result);
    return result;
  };

  const rule = (e: Expr): Expr => {
    const [u, v] = e.args;
    switch (e.op) {
      case 'x':
        return b.num(1);
      case 'num':
      case 'const':
      case 'param':
        return b.num(0);
      case 'neg':
        return b.neg(d(u));
      case 'add':
        return b.add(d(u), d(v));
      case 'sub':
        return b.sub(d(u), d(v));
      case 'mul':
        return b.add(b.mul(d(u), v), b.mul(u, d(v)));
      case 'div':
        // (u/v)′ = (u′ − (u/v)·v′)/v: reuses the quotient f = u/v itself, and never forms v², which
        // underflows to 0 for |v| < 1e−162 (x/x would get 0/0 = NaN at x = 1e−300) and overflows above 1e154.
        if (!v.dependsOnX) return b.div(d(u), v);
        if (!u.dependsOnX) return b.neg(b.div(b.mul(e, d(v)), v));
        return b.div(b.sub(d(u), b.mul(e, d(v))), v);
      case 'pow':
        return power(e, u, v);
      case 'where':
        return b.where(e.args[0], d(e.args[1]), d(e.args[2]));
      case 'fn':
        return fn(e);
      case 'cat':
        return b.mul(d(u), b.raw('dcat', e.args, 0, e.name));
      case 'dcat':
        throw new Error(`formula: no second derivative of '${e.name}' is available`);
      default:
        // Comparisons and logic are piecewise constant.
        return b.num(0);
    }
  };

  const power = (e: Expr, base: Expr, exponent: Expr): Expr => {
    if (!exponent.dependsOnX) {
      // (u^n)′ = n·u^(n−1)·u′
      const lowered = isNum(exponent) ? b.num(exponent.value - 1) : b.sub(exponent, b.num(1));
      return b.mul(d(base), b.mul(exponent, b.pow(base, lowered)));
    }
    if (!base.dependsOnX) {
      // (a^v)′ = a^v·log(a)·v′, and log(e) = 1.
      const logBase = base.op === 'const' && base.name === 'e' ? b.num(1) : b.fn('log', base);
      return b.mul(d(exponent), b.mul(logBase, e));
    }
    // (u^v)′ = u^v·(v′·log u + v·u′/u)
    return b.mul(e, b.add(b.mul(d(exponent), b.fn('log', base)), b.div(b.mul(exponent, d(base)), base)));
  };

  /**
   * The derivative of min/max where both arguments are equal (a kink): the one-sided slope of smaller
   * magnitude, the catalogue's convention (relu′(0) = 0, relu6′(6) = 0, leaky_relu′(0) = α, hard_sigmoid′(±3)
   * = 0), so max(x, 0)′(0) = relu′(0). Decided while compiling when both slopes are numbers.
   */
  const atTie = (du: Expr, dv: Expr): Expr => {
    if (isNum(du) && isNum(dv)) return Math.abs(du.value) <= Math.abs(dv.value) ? du : dv;
    return b.where(b.raw('<=', [b.fn('abs', du), b.fn('abs', dv)]), du, dv);
  };

  const fn = (e: Expr): Expr => {
    const [u, v] = e.args;
    const chain = (outer: Expr) => b.mul(d(u), outer);
    switch (e.name) {
      case 'exp':
        return chain(e);
      case 'log':
        return b.div(d(u), u);
      case 'log1p':
        return b.div(d(u), b.add(b.num(1), u));
      case 'expm1':
        return chain(b.fn('exp', u));
      case 'sqrt':
        return b.div(d(u), b.mul(b.num(2), e));
      case 'abs':
        return chain(b.fn('sign', u));
      case 'sign':
        return b.num(0);
      case 'min':
        return b.where(b.raw('<', [u, v]), d(u), b.where(b.raw('>', [u, v]), d(v), atTie(d(u), d(v))));
      case 'max':
        return b.where(b.raw('>', [u, v]), d(u), b.where(b.raw('<', [u, v]), d(v), atTie(d(u), d(v))));
      case 'tanh':
        return chain(b.fn('sech2', u));
      case 'sech2':
        // (sech² u)′ = −2·sech² u·tanh u
        return chain(b.mul(b.num(-2), b.mul(e, b.fn('tanh', u))));
      case 'sinh':
        return chain(b.fn('cosh', u));
      case 'cosh':
        return chain(b.fn('sinh', u));
      case 'sin':
        return chain(b.fn('cos', u));
      case 'cos':
        return b.neg(chain(b.fn('sin', u)));
      case 'erf':
      case 'erfc': {
        // erf′(u) = (2/√π)·e^(−u²); erfc = 1 − erf.
        const twoOverSqrtPi = b.div(b.num(2), b.fn('sqrt', b.raw('const', [], Math.PI, 'pi')));
        const gauss = b.mul(twoOverSqrtPi, b.fn('exp', b.neg(b.pow(u, b.num(2)))));
        return chain(e.name === 'erf' ? gauss : b.neg(gauss));
      }
      default:
        throw new Error(`formula: no derivative rule for '${e.name}'`);
    }
  };

  return d(root);
}
