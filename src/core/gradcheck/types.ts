/**
 * The gradient checker's public shapes: what it checks (a target), how (options), and what it found (a
 * report). The report is plain data, so the extension can show it and a script can print it as JSON.
 */

/** A catalogue function with its parameters (defaults where omitted), checked against its own f′ / ∂ℓ/∂ŷ. */
export interface CatalogueGradcheckTarget {
  readonly id: string;
  readonly params?: Readonly<Record<string, number>>;
}

/** A scalar function and the derivative someone claims for it. */
export interface FunctionGradcheckTarget {
  readonly f: (x: number) => number;
  readonly df: (x: number) => number;
  /** Shown as the report's `target`; 'f' when omitted. */
  readonly label?: string;
  /** Optional: f and df over many points at once (the same numbers as f and df), used for the grid. */
  readonly grid?: (xs: Float64Array, fx: Float64Array, dx: Float64Array) => void;
}

/** A formula in the playground's language; without `derivative`, its automatic derivative is checked. */
export interface FormulaSourceGradcheckTarget {
  readonly formula: string;
  readonly derivative?: string;
  readonly params?: Readonly<Record<string, number>>;
  readonly range?: readonly [number, number];
}

export type GradcheckTarget = CatalogueGradcheckTarget | FunctionGradcheckTarget | FormulaSourceGradcheckTarget;

export interface GradcheckOptions {
  /** x interval (ŷ for losses, each component for vector functions). Default: the entry's plotRange, else [−5, 5]. */
  readonly range?: readonly [number, number];
  /**
   * Evenly spaced points per check, endpoints included (kink points come on top); for vector functions the
   * number of Jacobian (or gradient) entries compared. Default 1000, at least 2, at most 1e6.
   */
  readonly points?: number;
  /** Absolute tolerance: a point passes when |analytic − numeric| ≤ atol + rtol·|numeric|. Default 1e−5. */
  readonly atol?: number;
  /** Relative tolerance. Default 1e−3 (both as torch.autograd.gradcheck). */
  readonly rtol?: number;
  /** Seed of the random input vectors of vector functions. Default 1. */
  readonly seed?: number;
  /** Losses only: the labels y to check at. Default: the entry's plot labels plus typical ones its domain allows. */
  readonly labels?: readonly number[];
}

/** One compared point. */
export interface GradcheckPoint {
  /** Where: x, or ŷ for losses, or the perturbed component x_j for vector functions. */
  readonly x: number;
  readonly analytic: number;
  readonly numeric: number;
  /** The numeric derivative's own error estimate (from the Richardson table). */
  readonly numericError: number;
  /** Losses: the label y. */
  readonly label?: number | readonly number[];
  /** Vector functions: the whole input vector and the entry [i, j] of ∂f_i/∂x_j ([i, i] for a gradient). */
  readonly input?: readonly number[];
  readonly index?: readonly [number, number];
}

/** The result of one sweep: one label of a loss, one vector size, or the whole of a scalar function. */
export interface GradcheckCheck {
  readonly label: string;
  readonly ok: boolean;
  readonly points: number;
  readonly failures: number;
  /**
   * Points not compared: f itself not finite there, no finite-difference stencil fitted, or the numeric
   * derivative's error bound exceeded the tolerance (it cannot judge the claim there).
   */
  readonly skipped: number;
  readonly maxAbsError: number;
  readonly maxRelError: number;
  readonly achievedTolerance: number;
  readonly worst: GradcheckPoint | null;
  readonly kinks: readonly number[];
}

export interface GradcheckReport {
  /** True when no compared point failed. Kinks are reported, never failures. */
  readonly ok: boolean;
  /** The catalogue id, the {f, df} label, or the formula. */
  readonly target: string;
  readonly range: readonly [number, number];
  readonly atol: number;
  readonly rtol: number;
  /** Points compared over all checks (kink points included). */
  readonly points: number;
  readonly failures: number;
  readonly skipped: number;
  readonly maxAbsError: number;
  /** max |analytic − numeric| / |numeric| over points where |numeric| > atol (below that the absolute error is what counts). */
  readonly maxRelError: number;
  /**
   * max |analytic − numeric| / (atol + rtol·|numeric|): the share of the allowance used. ≤ 1 passes; 0.01 means
   * the check would still pass with both tolerances a hundred times tighter.
   */
  readonly achievedTolerance: number;
  /** The point with the largest achievedTolerance, i.e. the worst failure when there are failures. */
  readonly worst: GradcheckPoint | null;
  /** Where the left and right derivatives differ (x, or ŷ for losses), sorted; each located to ~1e−12·max(1, |x|). */
  readonly kinks: readonly number[];
  readonly checks: readonly GradcheckCheck[];
  readonly durationMs: number;
}
