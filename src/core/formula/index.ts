/**
 * The formula language: a user's f(x) compiled to fast loops with its symbolic derivative and LaTeX, and the
 * translation of a selected Python or JavaScript expression into a formula. docs/formula-language.md
 * describes the grammar and the design.
 */
import { compileFormula } from './compile';
import { FormulaError } from './formulaTypes';

export { compileFormula } from './compile';
export { formulaFromCode } from './fromCode';
export { FormulaError } from './formulaTypes';
export type { CompiledFormula, FormulaNote, ValuesWithDerivatives } from './formulaTypes';

/** What a gradient check needs from a formula: scalar f and f′, compiled once, and a name for reports. */
export interface FormulaGradcheckTarget {
  readonly f: (x: number) => number;
  readonly df: (x: number) => number;
  readonly label: string;
  /** The automatic derivative only: f and f′ over many points in one fused loop (evaluateWithDerivative). */
  readonly grid?: (xs: Float64Array, fx: Float64Array, dx: Float64Array) => void;
}

/**
 * f from `formula`; f′ from `derivative` when given (a claimed derivative to check), else the automatic
 * one. `params` holds the values of both formulas' parameters; a name neither uses is an error.
 */
export function formulaGradcheckTarget(
  formula: string,
  derivative?: string,
  params?: Record<string, number>,
): FormulaGradcheckTarget {
  const f = compileFormula(formula);
  const claimed = derivative === undefined ? undefined : compileFormula(derivative);
  const known = new Set([...f.params, ...(claimed?.params ?? [])]);
  for (const name of Object.keys(params ?? {})) {
    if (!known.has(name)) {
      const list = known.size ? `their parameters are ${[...known].sort().join(', ')}` : 'they have no parameters';
      throw new FormulaError(`neither the formula nor its derivative has a parameter '${name}' (${list})`, 0, formula.length);
    }
  }
  const only = (names: readonly string[]) =>
    Object.fromEntries(Object.entries(params ?? {}).filter(([name]) => names.includes(name)));
  const value = f.scalar?.(only(f.params));
  if (!value) throw new Error('formula: scalar evaluation unavailable');
  if (!claimed) {
    const given = only(f.params);
    const grid = (xs: Float64Array, fx: Float64Array, dx: Float64Array) => {
      const both = f.evaluateWithDerivative(xs, given);
      fx.set(both.values);
      dx.set(both.derivatives);
    };
    return { f: value.f, df: value.df, label: `f(x) = ${formula} (automatic derivative)`, grid };
  }
  const claimedScalar = claimed.scalar?.(only(claimed.params));
  if (!claimedScalar) throw new Error('formula: scalar evaluation unavailable');
  return { f: value.f, df: claimedScalar.f, label: `f(x) = ${formula}, f′(x) = ${derivative}` };
}
