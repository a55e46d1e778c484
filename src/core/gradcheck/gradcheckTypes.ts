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
  /**
   * Absolute tolerance. Given (with or without rtol), a point passes when |analytic − numeric| ≤ atol +
   * rtol·|numeric|, as torch.autograd.gradcheck. Not given: the error model (report.criterion). Either way
   * atol + rtol·|·| (defaults 1e−5 and 1e−3) is the threshold of kink and jump detection.
   */
  readonly atol?: number;
  /** Relative tolerance (see atol). Default 1e−3. */
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

/** What one check and a whole report both count: one check's sweep, or the totals over a report's checks. */
interface GradcheckTotals {
  /** True when no compared point failed. Kinks are reported, never failures. */
  readonly ok: boolean;
  /** Points compared (kink points included). */
  readonly points: number;
  readonly failures: number;
  /**
   * Points not compared: f itself not finite there, no finite-difference stencil fitted, or the numeric
   * derivative's error bound exceeded the tolerance (it cannot judge the claim there); see skipReasons.
   */
  readonly skipped: number;
  readonly maxAbsError: number;
  /** max |analytic − numeric| / |numeric| over points where |numeric| > atol (below that the absolute error is what counts). */
  readonly maxRelError: number;
  /**
   * max |analytic − numeric| / allowance (the error model's, or atol + rtol·|numeric|): the share of the
   * allowance used. ≤ 1 passes.
   */
  readonly achievedTolerance: number;
  /** The point where the claim is most wrong relative to atol + rtol·|numeric| (the worst failure, if any). */
  readonly worst: GradcheckPoint | null;
  /** Where the left and right derivatives differ (x, or ŷ for losses), sorted; each located to ~1e−12·max(1, |x|). */
  readonly kinks: readonly number[];
  /** Where f jumps (located by bisection between grid points), sorted. A jump is reported, never a failure (f′ is undefined there). */
  readonly discontinuities?: readonly number[];
  /** Skipped points per reason ('f is not finite': overflow or outside the domain). */
  readonly skipReasons?: Readonly<Partial<Record<GradcheckSkipReason, number>>>;
}

/** The result of one sweep: one label of a loss, one vector size, or the whole of a scalar function. */
export interface GradcheckCheck extends GradcheckTotals {
  readonly label: string;
  /** The worst point's |analytic − numeric| / (atol + rtol·|numeric|) (how worst points are ranked). */
  readonly worstScore?: number;
}

/** Why a point was not compared. */
export type GradcheckSkipReason = 'f is not finite' | 'no finite-difference stencil stayed finite' | 'numeric derivative too uncertain';

/**
 * A whole check: the totals over its checks. The fields marked optional (discontinuities, skipReasons,
 * criterion) are always set by gradcheck; optional only so that hand-built reports (tests, saved views) stay valid.
 */
export interface GradcheckReport extends GradcheckTotals {
  /** The catalogue id, the {f, df} label, or the formula. */
  readonly target: string;
  readonly range: readonly [number, number];
  readonly atol: number;
  readonly rtol: number;
  /**
   * 'error-model' (default): a point passes when |analytic − numeric| ≤ 8·numericError + 1e−9·|numeric|,
   * numericError the Richardson table's bound; 'fixed': ≤ atol + rtol·|numeric| (when atol or rtol is given).
   */
  readonly criterion?: 'error-model' | 'fixed';
  readonly checks: readonly GradcheckCheck[];
  readonly durationMs: number;
}
