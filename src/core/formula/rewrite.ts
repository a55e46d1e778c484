/**
 * Stable rewrites of scalar identities, applied to the expression graph before differentiation and code
 * generation, so that what is computed (and shown as LaTeX) is the form that does not overflow or cancel:
 *
 *   log(1 + exp(u))  → softplus(u)       log(1 + e^745) overflows to ∞ (and its derivative to ∞/∞ = NaN);
 *                                        softplus(745) = 745 exactly
 *   log(sigmoid(u))  → log_sigmoid(u)    log σ(−800) = log 0 = −∞; log_sigmoid(−800) = −800
 *   log(1 − sigmoid(u)) → log_sigmoid(−u)   1 − σ(40) rounds to 0 (−∞); log_sigmoid(−40) = −40
 *   exp(u) − 1       → expm1(u)          e^(1e−10) − 1 keeps 6 digits; expm1 keeps all
 *   log(1 + u)       → log1p(u)          log(1 + 1e−17) = 0; log1p(1e−17) = 1e−17
 *
 * Each rule is an identity over the reals, so the rewritten formula is the same function, evaluated better;
 * the catalogue forms are the core's exact ones. Each applied rule is reported once as a note.
 */
import { catalogue } from '../catalogue';
import { type Expr, type ExprBuilder, isNum } from './expr';
import { type ParamSite, paramSiteKey } from './lower';

export interface Rewritten {
  readonly expr: Expr;
  /** One sentence per rule applied, e.g. "log(1 + exp(u)) is computed as softplus(u)". */
  readonly applied: readonly string[];
}

const RULES = {
  softplus: 'log(1 + exp(u)) is computed as softplus(u), which does not overflow for large u',
  logSigmoid: 'log(sigmoid(u)) is computed as log_sigmoid(u), exact in both tails',
  logOneMinusSigmoid: 'log(1 − sigmoid(u)) is computed as log_sigmoid(−u), exact where 1 − σ(u) rounds to 0',
  expm1: 'exp(u) − 1 is computed as expm1(u), which keeps every digit for small u',
  log1p: 'log(1 + u) is computed as log1p(u), which keeps every digit for small u',
} as const;

/** `sites` receives the (parameterless) catalogue sites the new softplus / log_sigmoid nodes need. */
export function rewriteStable(root: Expr, b: ExprBuilder, sites: Map<string, ParamSite>): Rewritten {
  const memo = new Map<number, Expr>();
  const applied = new Set<string>();

  const catalogueCall = (id: string, u: Expr): Expr => {
    const key = paramSiteKey(id, []);
    const entry = catalogue.get(id);
    if (!sites.has(key) && entry) sites.set(key, { id, specs: entry.params, spans: [] });
    return b.raw('cat', [u], 0, id);
  };

  /** u when e is exp(u), else undefined. */
  const expOf = (e: Expr): Expr | undefined => (e.op === 'fn' && e.name === 'exp' ? e.args[0] : undefined);
  /** u when e is sigmoid(u) (no parameters), else undefined. */
  const sigmoidOf = (e: Expr): Expr | undefined => (e.op === 'cat' && e.name === 'sigmoid' && e.args.length === 1 ? e.args[0] : undefined);
  /** u when e is 1 + u or u + 1, else undefined. */
  const onePlus = (e: Expr): Expr | undefined => {
    if (e.op !== 'add') return undefined;
    if (isNum(e.args[0], 1)) return e.args[1];
    if (isNum(e.args[1], 1)) return e.args[0];
    return undefined;
  };

  const rule = (e: Expr): Expr => {
    if (e.op === 'fn' && e.name === 'log') {
      const arg = e.args[0];
      const inner = onePlus(arg);
      if (inner !== undefined) {
        const u = expOf(inner);
        if (u !== undefined) {
          applied.add(RULES.softplus);
          return catalogueCall('softplus', u);
        }
        applied.add(RULES.log1p);
        return b.fn('log1p', inner);
      }
      const s = sigmoidOf(arg);
      if (s !== undefined) {
        applied.add(RULES.logSigmoid);
        return catalogueCall('log_sigmoid', s);
      }
      if (arg.op === 'sub' && isNum(arg.args[0], 1)) {
        const t = sigmoidOf(arg.args[1]);
        if (t !== undefined) {
          applied.add(RULES.logOneMinusSigmoid);
          return catalogueCall('log_sigmoid', b.raw('neg', [t]));
        }
      }
    }
    if (e.op === 'sub' && isNum(e.args[1], 1)) {
      const u = expOf(e.args[0]);
      if (u !== undefined) {
        applied.add(RULES.expm1);
        return b.fn('expm1', u);
      }
    }
    return e;
  };

  /** Children first, without recursion (a 1,000-term chain is 1,000 deep). */
  const order: Expr[] = [];
  const stack: [Expr, boolean][] = [[root, false]];
  const seen = new Set<number>();
  while (stack.length > 0) {
    const [node, expanded] = stack.pop() as [Expr, boolean];
    if (expanded) {
      order.push(node);
      continue;
    }
    if (seen.has(node.id)) continue;
    seen.add(node.id);
    stack.push([node, true]);
    for (const child of node.args) stack.push([child, false]);
  }
  for (const node of order) {
    const args = node.args.map((a) => memo.get(a.id) ?? a);
    const rebuilt = args.every((a, i) => a === node.args[i]) ? node : b.raw(node.op, args, node.value, node.name);
    if (rebuilt !== node && (node.op === 'cat' || node.op === 'dcat')) {
      // A parameter argument was rewritten: its catalogue site moves to the new key.
      const site = sites.get(paramSiteKey(node.name, node.args.slice(1)));
      if (site) sites.set(paramSiteKey(node.name, args.slice(1)), site);
    }
    memo.set(node.id, rule(rebuilt));
  }
  return { expr: memo.get(root.id) ?? root, applied: [...applied] };
}
