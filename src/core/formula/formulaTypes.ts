/** A formula error with the span of the offending text (offsets into the source, end exclusive). */
export class FormulaError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
    this.name = 'FormulaError';
  }
}

/**
 * Something the user should know about a formula that compiled: a literal that was changed (1e-400 is 0),
 * or a subexpression computed in a stable form (log(1 + exp(x)) as softplus(x)). The span is into the source;
 * 0…length when the note is about the whole formula.
 */
export interface FormulaNote {
  readonly kind: 'warning' | 'rewrite';
  readonly message: string;
  readonly start: number;
  readonly end: number;
}

/** f and f′ at the same points. */
export interface ValuesWithDerivatives {
  readonly values: Float64Array;
  readonly derivatives: Float64Array;
}

/** A formula compiled to straight JavaScript over Float64Arrays, with its automatic derivative. */
export interface CompiledFormula {
  readonly source: string;
  /** f at each x; throws FormulaError naming a parameter that has no value. */
  evaluate(x: ArrayLike<number>, params?: Record<string, number>): Float64Array;
  /** df/dx at each x (NaN wherever f is NaN). */
  derivative(x: ArrayLike<number>, params?: Record<string, number>): Float64Array;
  /**
   * f and df/dx at each x in one loop that computes their shared subexpressions once (bit-identical to
   * evaluate and derivative, in about the time of the slower of the two). `into`: two Float64Arrays of x's
   * length to write to (and return) instead of allocating, for callers that evaluate again and again.
   */
  evaluateWithDerivative(
    x: ArrayLike<number>,
    params?: Record<string, number>,
    into?: ValuesWithDerivatives,
  ): ValuesWithDerivatives;
  /** LaTeX of what is computed: after the stable rewrites (log(1 + e^x) shows as softplus(x)). */
  readonly latex: string;
  readonly derivativeLatex: string;
  /** Literal warnings (in source order), then the stable rewrites applied; empty for most formulas. */
  readonly notes: readonly FormulaNote[];
  /** Free names other than the variable, sorted. */
  readonly params: readonly string[];
  /** The generated JavaScript of the value and derivative loops, for inspection and tests. */
  readonly js?: { readonly value: string; readonly derivative: string; readonly fused?: string };
  /**
   * Scalar f and f′ with the parameters checked once (for gradient checks and root finding); throws the
   * same FormulaErrors as evaluate.
   */
  scalar?(params?: Record<string, number>): { f: (x: number) => number; df: (x: number) => number };
}
