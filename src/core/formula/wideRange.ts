/**
 * The compiled loop's slow path: f and f′ at one point in numbers with an unbounded exponent, for the
 * points where the double loop gave NaN or ±∞. A formula's own exp can overflow where its value and slope are
 * ordinary numbers — x/(1 + exp(−x)) at x = −800 is −0 with slope ≈ 0, but exp(800) = ∞ makes the
 * derivative (1 + x·e/d)/d contain 0·∞; exp(x)/(1 + exp(x)) at 800 is ∞/∞ for f itself. Rather than pattern
 * rewrites that each cover one shape, the whole graph is evaluated again at that point with m·2^k numbers
 * (m a double in [1, 2), k any integer), where e^800 is an ordinary number and ∞/∞, 0·∞, ∞ − ∞ only
 * arise from true infinities (e^x past x = 2^19 is one). The loop calls it only where a result is NaN or
 * ±∞, so the fast path pays one comparison per output. A NaN that is real (log(−1), 0/0 at a finite point)
 * comes out NaN again, and a true overflow ∞.
 *
 * Each operation rounds like its double counterpart (one rounding of m), so away from overflow the
 * results are the double loop's to within an ulp or two; functions without a wide form (tanh, erf, a
 * catalogue activation, …) are applied to the argument rounded to a double, and give what the double
 * loop would, never worse.
 */
import type { ElementwiseActivationDef, Params } from '../functionTypes';
import type { Expr } from './expr';

/** m·2^k. Zero, ±∞ and NaN have k = 0; any other m has 1 ≤ |m| < 2 (k an integer, exact below 2^53). */
interface Wide {
  readonly m: number;
  readonly k: number;
}

/** Lets the evaluator reach parameters, built-ins and catalogue activations. */
export interface WideContext {
  readonly paramSlot: ReadonlyMap<string, number>;
  readonly builtin: (name: string) => (...args: number[]) => number;
  /** The catalogue definition and parameter object of a 'cat' / 'dcat' node with these parameter values. */
  readonly activation: (e: Expr, values: readonly number[]) => { def: ElementwiseActivationDef; params: Params };
}

/** Writes f(x) to out[0] and f′(x) to out[1] (NaN where f is NaN). */
export type WideEvaluator = (x: number, P: Float64Array, out: Float64Array) => void;

const LN2 = Math.LN2;
/** ln 2 split so that k·LN2_HI is exact for |k| < 2^20 (fdlibm's ln2HI / ln2LO). */
const LN2_HI = 6.93147180369123816490e-1;
const LN2_LO = 1.90821492927058770002e-10;
/** Up to |x| = 2^19 the reduction x − n·ln 2 is exact (n < 2^20) and every exponent stays far below 2^53. */
const EXP_LIMIT = 2 ** 19;

const ZERO: Wide = { m: 0, k: 0 };

function special(m: number): Wide {
  return { m, k: 0 };
}

function isOrdinary(a: Wide): boolean {
  return a.m !== 0 && Number.isFinite(a.m);
}

/** m·2^k as a double, in steps that stay exact until the last (±∞ past the largest double, ±0 below the smallest). */
function scale(m: number, k: number): number {
  if (k > 2200) return m * Infinity;
  if (k < -2200) return m * 0;
  let r = m;
  let n = k;
  while (n > 1000) {
    r *= 2 ** 1000;
    n -= 1000;
  }
  while (n < -1000) {
    r *= 2 ** -1000;
    n += 1000;
  }
  return r * 2 ** n;
}

/** The double x as m·2^k. */
const bits = new DataView(new ArrayBuffer(8));

function wide(x: number): Wide {
  if (x === 0 || !Number.isFinite(x)) return special(x);
  bits.setFloat64(0, x);
  const biased = (bits.getUint32(0) >>> 20) & 0x7ff;
  if (biased !== 0) {
    // A normal double: m is x with its exponent field set to 1023 (exact).
    bits.setUint32(0, (bits.getUint32(0) & 0x800fffff) | 0x3ff00000);
    return { m: bits.getFloat64(0), k: biased - 1023 };
  }
  let k = Math.floor(Math.log2(Math.abs(x)));
  let m = scale(x, -k);
  while (Math.abs(m) >= 2) {
    m /= 2;
    k++;
  }
  while (Math.abs(m) < 1) {
    m *= 2;
    k--;
  }
  return { m, k };
}

/** m·2^k normalised (m any finite nonzero double). */
function norm(m: number, k: number): Wide {
  if (!isOrdinary({ m, k })) return special(m);
  const w = wide(m);
  return { m: w.m, k: w.k + k };
}

function toNumber(a: Wide): number {
  return isOrdinary(a) ? scale(a.m, a.k) : a.m;
}

function add(a: Wide, b: Wide): Wide {
  if (!isOrdinary(a) || !isOrdinary(b)) {
    if (a.m === 0 && b.m !== 0) return b;
    if (b.m === 0 && a.m !== 0) return a;
    // Two zeros (−0 + −0 = −0), or a true infinity or NaN: an ordinary operand only lends its sign.
    return special(a.m + b.m);
  }
  const [big, small] = a.k >= b.k ? [a, b] : [b, a];
  const gap = big.k - small.k;
  if (gap > 120) return big;
  return norm(big.m + scale(small.m, -gap), big.k);
}

function neg(a: Wide): Wide {
  return { m: -a.m, k: a.k };
}

function mul(a: Wide, b: Wide): Wide {
  if (!isOrdinary(a) || !isOrdinary(b)) return special(a.m * b.m);
  return norm(a.m * b.m, a.k + b.k);
}

function div(a: Wide, b: Wide): Wide {
  if (!isOrdinary(a) || !isOrdinary(b)) return special(a.m / b.m);
  return norm(a.m / b.m, a.k - b.k);
}

/** a − b < 0, = 0, > 0 as −1, 0, 1; NaN if either is NaN. */
function compare(a: Wide, b: Wide): number {
  if (!Number.isFinite(a.m) || !Number.isFinite(b.m)) {
    // A true infinity against anything: ordinary numbers count as 0 beside it (∞ = ∞, as in doubles).
    const x = Number.isFinite(a.m) ? 0 : a.m;
    const y = Number.isFinite(b.m) ? 0 : b.m;
    return x !== x || y !== y ? NaN : x === y ? 0 : x < y ? -1 : 1;
  }
  const d = add(a, neg(b)).m;
  return d < 0 ? -1 : d > 0 ? 1 : 0;
}

function exp(a: Wide): Wide {
  if (!isOrdinary(a)) return special(Math.exp(a.m));
  const x = toNumber(a);
  // Beyond 2^19 the reduction is no longer exact, and exponents near 2^53 would lose the small ones added to
  // them (x·e^x/e^x at 1e300 would not be x): there e^x is a true ∞ or 0, as in doubles.
  if (Math.abs(x) > EXP_LIMIT) return special(x > 0 ? Infinity : 0);
  const n = Math.round(x / LN2);
  const r = x - n * LN2_HI - n * LN2_LO;
  return norm(Math.exp(r), n);
}

function log(a: Wide): Wide {
  if (!isOrdinary(a) || a.m < 0) return special(Math.log(a.m));
  return wide(a.k * LN2_HI + (Math.log(a.m) + a.k * LN2_LO));
}

function sqrt(a: Wide): Wide {
  if (!isOrdinary(a) || a.m < 0) return special(Math.sqrt(a.m));
  return a.k % 2 === 0 ? norm(Math.sqrt(a.m), a.k / 2) : norm(Math.sqrt(2 * a.m), (a.k - 1) / 2);
}

function pow(a: Wide, b: Wide): Wide {
  const y = toNumber(b);
  if (!isOrdinary(a) || !Number.isFinite(y) || Math.abs(y) > 1e6) return wide(Math.pow(toNumber(a), y));
  if (Number.isInteger(y)) {
    // |m|^y·2^(k·y): the power of two exact, |m|^y (|m| < 2) taken 512 at a time so it never overflows.
    let result = wide(a.m < 0 && y % 2 !== 0 ? -1 : 1);
    let rest = y;
    const step = Math.sign(y) * 512;
    while (Math.abs(rest) > 512) {
      result = mul(result, wide(Math.pow(Math.abs(a.m), step)));
      rest -= step;
    }
    return mul(mul(result, wide(Math.pow(Math.abs(a.m), rest))), { m: 1, k: a.k * y });
  }
  if (a.m < 0) return special(NaN);
  // a^y = 2^(y·(k + log2 m)): the integer part of the exponent kept apart.
  const e = y * (a.k + Math.log2(a.m));
  const whole = Math.floor(e);
  return norm(Math.pow(2, e - whole), whole);
}

/** A built-in applied through doubles, with wide forms where the double one would overflow. */
function builtin(name: string, args: readonly Wide[], impl: (...args: number[]) => number): Wide {
  const a = args[0];
  switch (name) {
    case 'exp':
      return exp(a);
    case 'log':
      return log(a);
    case 'sqrt':
      return sqrt(a);
    case 'abs':
      return { m: Math.abs(a.m), k: a.k };
    case 'sign':
      return special(Math.sign(a.m));
    case 'pow':
      return pow(a, args[1]);
    case 'min':
    case 'max': {
      let best = a;
      for (const b of args.slice(1)) {
        const c = compare(b, best);
        if (c !== c || best.m !== best.m) return special(NaN);
        if (name === 'min' ? c < 0 : c > 0) best = b;
      }
      return best;
    }
    case 'log1p':
      // Past 2^1000, 1 + a is a.
      return a.k > 1000 && a.m > 0 ? log(a) : wide(Math.log1p(toNumber(a)));
    case 'expm1': {
      const x = toNumber(a);
      return Math.abs(x) < 700 ? wide(Math.expm1(x)) : add(exp(a), wide(-1));
    }
    case 'sinh':
    case 'cosh': {
      const x = toNumber(a);
      if (Math.abs(x) < 700) return wide(impl(x));
      const half = exp(add({ m: Math.abs(a.m), k: a.k }, wide(-LN2)));
      return name === 'sinh' && x < 0 ? neg(half) : half;
    }
    case 'sech2': {
      // 1/cosh² = 4e^(−2|x|)/(1 + e^(−2|x|))²; past |x| = 20 the denominator is 1 to the last bit.
      const x = toNumber(a);
      if (Math.abs(x) < 20) return wide(impl(x));
      return mul(wide(4), exp(wide(-2 * Math.abs(x))));
    }
    default:
      return wide(impl(...args.map(toNumber)));
  }
}

/**
 * An evaluator of [f, f′] over the graph: nodes in dependency order (computed once), each evaluated per
 * call into a scratch array. Both branches of a where are evaluated (nothing has side effects), then one
 * is taken.
 */
export function wideEvaluator(f: Expr, df: Expr, ctx: WideContext): WideEvaluator {
  const order: Expr[] = [];
  const index = new Map<number, number>();
  const stack: [Expr, boolean][] = [
    [df, false],
    [f, false],
  ];
  while (stack.length > 0) {
    const [node, expanded] = stack.pop() as [Expr, boolean];
    if (expanded) {
      if (!index.has(node.id)) index.set(node.id, order.push(node) - 1);
      continue;
    }
    if (index.has(node.id)) continue;
    stack.push([node, true]);
    for (const child of node.args) if (!index.has(child.id)) stack.push([child, false]);
  }
  const slots = new Array<Wide>(order.length).fill(ZERO);
  // Each node's argument slots, looked up once; `cur` is the node being evaluated.
  const argSlots = order.map((e) => e.args.map((a) => index.get(a.id) as number));
  let cur: number[] = [];
  const arg = (k: number) => slots[cur[k]];
  const truth = (w: Wide) => w.m !== 0;
  const bool = (b: boolean) => (b ? wide(1) : ZERO);

  const evaluateNode = (e: Expr, x: number, P: Float64Array): Wide => {
    switch (e.op) {
      case 'num':
      case 'const':
        return wide(e.value);
      case 'x':
        return wide(x);
      case 'param':
        return wide(P[ctx.paramSlot.get(e.name) as number]);
      case 'neg':
        return neg(arg(0));
      case 'add':
        return add(arg(0), arg(1));
      case 'sub':
        return add(arg(0), neg(arg(1)));
      case 'mul':
        return mul(arg(0), arg(1));
      case 'div':
        return div(arg(0), arg(1));
      case 'pow':
        return pow(arg(0), arg(1));
      case '<':
        return bool(compare(arg(0), arg(1)) < 0);
      case '<=':
        return bool(compare(arg(0), arg(1)) <= 0);
      case '>':
        return bool(compare(arg(0), arg(1)) > 0);
      case '>=':
        return bool(compare(arg(0), arg(1)) >= 0);
      case '==':
        return bool(compare(arg(0), arg(1)) === 0);
      case '!=':
        return bool(!(compare(arg(0), arg(1)) === 0));
      case 'and':
        return bool(truth(arg(0)) && truth(arg(1)));
      case 'or':
        return bool(truth(arg(0)) || truth(arg(1)));
      case 'not':
        return bool(!truth(arg(0)));
      case 'where':
        return truth(arg(0)) ? arg(1) : arg(2);
      case 'fn':
        return builtin(e.name, cur.map((k) => slots[k]), ctx.builtin(e.name));
      case 'cat':
      case 'dcat': {
        const { def, params } = ctx.activation(e, cur.slice(1).map((k) => toNumber(slots[k])));
        const input = toNumber(arg(0));
        return wide(e.op === 'cat' ? def.value(input, params) : def.derivative(input, params));
      }
      default:
        return special(NaN);
    }
  };

  const fSlot = index.get(f.id) as number;
  const dfSlot = index.get(df.id) as number;

  // A first look at f in plain doubles: a NaN with no ±∞ and no computed 0 on the way (log(−0.5), sqrt(−1))
  // is real, and the wide evaluation (2–4 µs a point) would only find it again.
  const plain = new Float64Array(fSlot + 1);
  // Looked up once: each built-in's implementation, each parameter's slot.
  const impls = order.map((e) => (e.op === 'fn' ? ctx.builtin(e.name) : undefined));
  const paramSlots = order.map((e) => (e.op === 'param' ? (ctx.paramSlot.get(e.name) as number) : -1));
  const plainNode = (e: Expr, i: number, x: number, P: Float64Array): number => {
    const a = argSlots[i];
    const v = (k: number) => plain[a[k]];
    switch (e.op) {
      case 'num':
      case 'const':
        return e.value;
      case 'x':
        return x;
      case 'param':
        return P[paramSlots[i]];
      case 'neg':
        return -v(0);
      case 'add':
        return v(0) + v(1);
      case 'sub':
        return v(0) - v(1);
      case 'mul':
        return v(0) * v(1);
      case 'div':
        return v(0) / v(1);
      case 'pow':
        return Math.pow(v(0), v(1));
      case 'where':
        return v(0) !== 0 ? v(1) : v(2);
      case 'fn': {
        const impl = impls[i] as (...args: number[]) => number;
        return a.length === 1 ? impl(v(0)) : a.length === 2 ? impl(v(0), v(1)) : impl(...a.map((k) => plain[k]));
      }
      case 'cat':
      case 'dcat': {
        const { def, params } = ctx.activation(e, a.slice(1).map((k) => plain[k]));
        return e.op === 'cat' ? def.value(v(0), params) : def.derivative(v(0), params);
      }
      default:
        // Comparisons and logic: 1 or 0 (their exact value does not matter here, only that it is finite).
        return 1;
    }
  };
  const trulyNaN = (x: number, P: Float64Array): boolean => {
    for (let i = 0; i <= fSlot; i++) {
      const e = order[i];
      const r = plainNode(e, i, x, P);
      plain[i] = r;
      // An overflow, or a 0 that may be an underflow: the wide evaluation may find a number.
      if (r === Infinity || r === -Infinity || (r === 0 && e.op !== 'num' && e.op !== 'const' && e.op !== 'x')) return false;
    }
    return plain[fSlot] !== plain[fSlot];
  };

  return (x, P, out) => {
    if (x !== x || trulyNaN(x, P)) {
      out[0] = out[1] = NaN;
      return;
    }
    // f's nodes come first in the order (f is expanded before df): where f is truly NaN (log(−1), sqrt(x) at
    // x < 0, half the points of a plot over a domain's edge), f′'s are never evaluated.
    for (let i = 0; i <= fSlot; i++) {
      cur = argSlots[i];
      slots[i] = evaluateNode(order[i], x, P);
    }
    const value = toNumber(slots[fSlot]);
    out[0] = value;
    if (value !== value) {
      out[1] = NaN;
      return;
    }
    for (let i = fSlot + 1; i < order.length; i++) {
      cur = argSlots[i];
      slots[i] = evaluateNode(order[i], x, P);
    }
    out[1] = toNumber(slots[dfSlot]);
  };
}
