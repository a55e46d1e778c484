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

/** A formula compiled to straight JavaScript over Float64Arrays, with its automatic derivative. */
export interface CompiledFormula {
  readonly source: string;
  /** f at each x; throws FormulaError naming a parameter that has no value. */
  evaluate(x: ArrayLike<number>, params?: Record<string, number>): Float64Array;
  /** df/dx at each x. */
  derivative(x: ArrayLike<number>, params?: Record<string, number>): Float64Array;
  readonly latex: string;
  readonly derivativeLatex: string;
  /** Free names other than the variable, sorted. */
  readonly params: readonly string[];
  /** The generated JavaScript of the value and derivative loops, for inspection and tests. */
  readonly js?: { readonly value: string; readonly derivative: string };
  /**
   * Scalar f and f′ with the parameters checked once (for gradient checks and root finding); throws the
   * same FormulaErrors as evaluate.
   */
  scalar?(params?: Record<string, number>): { f: (x: number) => number; df: (x: number) => number };
}
