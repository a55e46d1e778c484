/**
 * LaTeX (KaTeX-compatible) of an expression graph, with the fewest parentheses precedence allows:
 * \frac for division, \exp, \log, \sqrt{}, \operatorname{sigmoid} for catalogue functions (a prime for their
 * derivatives), cases for where, Greek parameter names as Greek letters (alpha → α).
 */
import type { Expr } from './expr';

/** Beyond this many nodes (the graph expanded as a tree) the LaTeX would be unreadable anyway. */
const MAX_LATEX_NODES = 4000;

const enum Prec {
  Or = 1,
  And = 2,
  Not = 3,
  Compare = 4,
  Add = 5,
  Mul = 6,
  Neg = 7,
  Pow = 8,
  Atom = 9,
}

interface Rendered {
  readonly s: string;
  readonly prec: Prec;
  /** Safe as the base of a power without parentheses (a name or a non-negative number). */
  readonly simple?: boolean;
  /** Starts with a negative sign. */
  readonly negative?: boolean;
}

const GREEK = new Set(
  'alpha beta gamma delta epsilon varepsilon zeta eta theta vartheta iota kappa lambda mu nu xi rho sigma tau upsilon phi varphi chi psi omega Gamma Delta Theta Lambda Xi Pi Sigma Phi Psi Omega'.split(
    ' ',
  ),
);

const OPERATORS: Readonly<Record<string, string>> = {
  exp: '\\exp',
  log: '\\log',
  tanh: '\\tanh',
  sinh: '\\sinh',
  cosh: '\\cosh',
  sin: '\\sin',
  cos: '\\cos',
  min: '\\min',
  max: '\\max',
  sech2: '\\operatorname{sech}^2',
};

const COMPARE_LATEX: Readonly<Record<string, string>> = {
  '<': '<',
  '<=': '\\le',
  '>': '>',
  '>=': '\\ge',
  '==': '=',
  '!=': '\\ne',
};

export function toLatex(root: Expr): string {
  const size = expandedSize(root);
  if (size > MAX_LATEX_NODES) return `\\text{(${size} terms: too long to display)}`;
  return render(root).s;
}

/** Number of nodes when the graph is written out as a tree. */
function expandedSize(root: Expr): number {
  const memo = new Map<number, number>();
  const size = (e: Expr): number => {
    const known = memo.get(e.id);
    if (known !== undefined) return known;
    let n = 1;
    for (const a of e.args) n = Math.min(n + size(a), Number.MAX_SAFE_INTEGER);
    memo.set(e.id, n);
    return n;
  };
  return size(root);
}

function render(e: Expr): Rendered {
  const a = e.args;
  switch (e.op) {
    case 'num':
      return number(e.value);
    case 'const':
      return { s: e.name === 'pi' ? '\\pi' : 'e', prec: Prec.Atom, simple: true };
    case 'x':
      return { s: 'x', prec: Prec.Atom, simple: true };
    case 'param':
      return { s: latexName(e.name), prec: Prec.Atom, simple: true };
    case 'neg': {
      const arg = render(a[0]);
      return { s: `-${wrap(arg, arg.prec < Prec.Mul || arg.negative === true)}`, prec: Prec.Neg, negative: true };
    }
    case 'add':
    case 'sub': {
      const left = render(a[0]);
      const right = render(a[1]);
      const rightParens = right.prec < Prec.Add || (e.op === 'sub' && right.prec === Prec.Add) || right.negative === true;
      return { s: `${wrap(left, left.prec < Prec.Add)} ${e.op === 'add' ? '+' : '-'} ${wrap(right, rightParens)}`, prec: Prec.Add, negative: left.negative };
    }
    case 'mul': {
      const left = render(a[0]);
      const right = render(a[1]);
      const l = wrap(left, left.prec < Prec.Mul);
      const rightParens = right.prec < Prec.Mul || right.negative === true;
      const r = wrap(right, rightParens);
      // 2x, 2\exp(x): a number juxtaposed with a name or function reads as a product; anything else gets a dot.
      const juxtapose = a[0].op === 'num' && !left.negative && /^(\\[a-zA-Z]|[a-zA-Z(])/.test(r) && !r.startsWith('\\frac') && !r.startsWith('\\text');
      return { s: juxtapose ? `${l} ${r}` : `${l} \\cdot ${r}`, prec: Prec.Mul, negative: left.negative };
    }
    case 'div':
      return { s: `\\frac{${render(a[0]).s}}{${render(a[1]).s}}`, prec: Prec.Atom };
    case 'pow': {
      const base = render(a[0]);
      return { s: `${wrap(base, !base.simple)}^{${render(a[1]).s}}`, prec: Prec.Pow };
    }
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '==':
    case '!=': {
      const left = render(a[0]);
      const right = render(a[1]);
      return { s: `${wrap(left, left.prec <= Prec.Compare)} ${COMPARE_LATEX[e.op]} ${wrap(right, right.prec <= Prec.Compare)}`, prec: Prec.Compare };
    }
    case 'and':
    case 'or': {
      const prec = e.op === 'and' ? Prec.And : Prec.Or;
      const left = render(a[0]);
      const right = render(a[1]);
      return { s: `${wrap(left, left.prec < prec)} ${e.op === 'and' ? '\\land' : '\\lor'} ${wrap(right, right.prec <= prec)}`, prec };
    }
    case 'not': {
      const arg = render(a[0]);
      return { s: `\\lnot ${wrap(arg, arg.prec <= Prec.Compare)}`, prec: Prec.Not };
    }
    case 'where': {
      const when = condition(a[0]);
      return {
        s: `\\begin{cases} ${render(a[1]).s} & ${when} \\\\ ${render(a[2]).s} & \\text{otherwise} \\end{cases}`,
        prec: Prec.Add,
      };
    }
    case 'fn':
      return fn(e);
    case 'cat':
    case 'dcat': {
      const name = `\\operatorname{${e.name.replace(/_/g, '\\_')}}${e.op === 'dcat' ? "'" : ''}`;
      return { s: `${name}${parens(a.map((arg) => render(arg).s).join(', '))}`, prec: Prec.Atom };
    }
  }
}

function fn(e: Expr): Rendered {
  const args = e.args.map((arg) => render(arg).s);
  switch (e.name) {
    case 'sqrt':
      return { s: `\\sqrt{${args[0]}}`, prec: Prec.Atom };
    case 'abs':
      return { s: `\\left|${args[0]}\\right|`, prec: Prec.Atom };
    default: {
      const name = OPERATORS[e.name] ?? `\\operatorname{${e.name}}`;
      return { s: `${name}${parens(args.join(', '))}`, prec: Prec.Atom };
    }
  }
}

/** The condition of a cases row: comparisons and logic as they are, any other value v as v ≠ 0. */
function condition(c: Expr): string {
  const r = render(c);
  return r.prec <= Prec.Compare ? r.s : `${r.s} \\ne 0`;
}

function parens(s: string): string {
  return /\\frac|\\begin|\\sqrt/.test(s) ? `\\left(${s}\\right)` : `(${s})`;
}

function wrap(r: Rendered, needed: boolean): string {
  return needed ? parens(r.s) : r.s;
}

function number(value: number): Rendered {
  if (Number.isNaN(value)) return { s: '\\text{NaN}', prec: Prec.Atom };
  if (!Number.isFinite(value)) return { s: value > 0 ? '\\infty' : '-\\infty', prec: value > 0 ? Prec.Atom : Prec.Neg, negative: value < 0 };
  const negative = value < 0 || Object.is(value, -0);
  const text = String(Math.abs(value));
  const [mantissa, exponent] = text.split('e');
  let s = mantissa;
  if (exponent !== undefined) {
    const power = `10^{${Number(exponent)}}`;
    s = mantissa === '1' ? power : `${mantissa} \\times ${power}`;
  }
  if (negative) return { s: `-${s}`, prec: Prec.Neg, negative: true };
  return { s, prec: exponent === undefined ? Prec.Atom : Prec.Mul, simple: exponent === undefined };
}

/** alpha → \alpha, alpha_2 / alpha2 → \alpha_{2}, w1 → w_{1}, a single letter as is, anything else \mathit. */
function latexName(name: string): string {
  const match = /^([A-Za-z]+?)_?(\d+)$/.exec(name) ?? /^([A-Za-z]+)_([A-Za-z0-9]+)$/.exec(name);
  if (match) {
    const base = baseName(match[1]);
    if (base) return `${base}_{${match[2]}}`;
  }
  return baseName(name) ?? `\\mathit{${name.replace(/_/g, '\\_')}}`;
}

function baseName(name: string): string | undefined {
  if (GREEK.has(name)) return `\\${name}`;
  if (/^[A-Za-z]$/.test(name)) return name;
  return undefined;
}
