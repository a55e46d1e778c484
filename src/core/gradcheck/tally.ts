/**
 * Running statistics of one check (one label of a loss, one vector size, a whole scalar function), and the
 * merge of several checks into a report's totals.
 */
import type { GradcheckCheck, GradcheckPoint } from './gradcheckTypes';

/** Extra facts about a point, copied into `worst` only when the point becomes the worst. */
export interface PointContext {
  readonly label?: number | ArrayLike<number>;
  readonly input?: ArrayLike<number>;
  readonly index?: readonly [number, number];
}

/** Why a point was not compared (counted per reason in each check). */
export type SkipReason = 'f is not finite' | 'no finite-difference stencil stayed finite' | 'numeric derivative too uncertain';

/**
 * The error model (the default): a claim passes when |analytic − numeric| ≤ SAFETY·numericError +
 * MODEL_RTOL·|numeric|, numericError being the Richardson table's own bound (truncation + rounding). Exact
 * derivatives sit far inside that; a claim off by 0.1 % is off by ~1e−3·|numeric|, orders of magnitude beyond.
 */
const SAFETY = 8;
/** Room for the analytic side's own rounding (a few ulps) and for f's rounding noise, relative. */
const MODEL_RTOL = 1e-9;
/** The accuracy the adaptive step aims for under the error model (the step shrinks until it is reached). */
const MODEL_TARGET_RTOL = 1e-7;
const MODEL_TARGET_ATOL = 1e-12;

export class Tally {
  points = 0;
  failures = 0;
  skipped = 0;
  readonly skipReasons: Partial<Record<SkipReason, number>> = {};
  maxAbsError = 0;
  maxRelError = 0;
  achievedTolerance = 0;
  worst: GradcheckPoint | null = null;
  private worstScore = 0;

  /**
   * `model`: true for the error model (pass criterion above); false for the fixed torch-style criterion
   * |analytic − numeric| ≤ atol + rtol·|numeric| (when the caller gives atol or rtol). Kink and jump
   * detection use atol + rtol·|·| either way.
   */
  constructor(
    readonly atol: number,
    readonly rtol: number,
    readonly model = false,
  ) {}

  /** Detection tolerance at a value: atol + rtol·|value| (kinks, jumps; the fixed criterion's allowance). */
  readonly toleranceAt = (numeric: number): number => this.atol + this.rtol * Math.abs(numeric);

  /** What the numeric derivative's adaptive step aims for: tighter under the error model. */
  readonly targetAt = (numeric: number): number =>
    this.model ? Math.min(this.toleranceAt(numeric), MODEL_TARGET_ATOL + MODEL_TARGET_RTOL * Math.abs(numeric)) : this.toleranceAt(numeric);

  /** Allowed |analytic − numeric| at a point. */
  allowedAt(numeric: number, numericError: number): number {
    if (!this.model) return this.toleranceAt(numeric);
    return SAFETY * numericError + MODEL_RTOL * Math.abs(numeric) + Number.MIN_VALUE;
  }

  /**
   * Compares one point; true when it passes. NaN on the analytic side is a failure with infinite error. A
   * numeric derivative whose own error bound exceeds the tolerance (even after the step shrank, e.g. p^1.5 at
   * the domain edge p = 0, where differences converge too slowly for Richardson) cannot judge the claim: the
   * point is skipped rather than failed.
   */
  add(x: number, analytic: number, numeric: number, numericError: number, context?: PointContext): boolean {
    // The numeric side cannot judge a claim to the detection tolerance here (a domain edge, f too rough).
    if (!(numericError <= this.toleranceAt(numeric))) {
      this.skip('numeric derivative too uncertain');
      return true;
    }
    const allowed = this.allowedAt(numeric, numericError);
    this.points++;
    const raw = Math.abs(analytic - numeric);
    const diff = Number.isNaN(raw) ? Infinity : raw;
    const pass = diff <= allowed;
    if (!pass) this.failures++;
    if (diff > this.maxAbsError) this.maxAbsError = diff;
    if (Math.abs(numeric) > this.atol) {
      const rel = diff / Math.abs(numeric);
      if (rel > this.maxRelError) this.maxRelError = rel;
    }
    // 0/0 (exact agreement with zero tolerances) used none of the allowance.
    const ratio = diff === 0 ? 0 : diff / allowed;
    if (ratio > this.achievedTolerance) this.achievedTolerance = ratio;
    // The worst point is where the claim is most wrong on the detection scale (atol + rtol·|numeric|), so a
    // failing claim is shown where it is off most, not where the error model happens to be tightest.
    const detection = this.toleranceAt(numeric);
    const score = diff === 0 ? 0 : diff / detection;
    if (this.worst === null || score > this.worstScore) {
      this.worstScore = score;
      this.worst = worstPoint(x, analytic, numeric, numericError, context);
    }
    return pass;
  }

  skip(reason: SkipReason): void {
    this.skipped++;
    this.skipReasons[reason] = (this.skipReasons[reason] ?? 0) + 1;
  }

  result(label: string, kinks: readonly number[], discontinuities: readonly number[] = []): GradcheckCheck {
    return {
      label,
      skipReasons: { ...this.skipReasons },
      discontinuities,
      // Nothing compared (every point skipped) is no evidence of a correct derivative.
      ok: this.failures === 0 && this.points > 0,
      points: this.points,
      failures: this.failures,
      skipped: this.skipped,
      maxAbsError: this.maxAbsError,
      maxRelError: this.maxRelError,
      achievedTolerance: this.achievedTolerance,
      worst: this.worst,
      worstScore: this.worstScore,
      kinks,
    };
  }
}

function worstPoint(x: number, analytic: number, numeric: number, numericError: number, context?: PointContext): GradcheckPoint {
  const point: { -readonly [K in keyof GradcheckPoint]: GradcheckPoint[K] } = { x, analytic, numeric, numericError };
  if (context?.label !== undefined) {
    point.label = typeof context.label === 'number' ? context.label : Array.from(context.label);
  }
  if (context?.input !== undefined) point.input = Array.from(context.input);
  if (context?.index !== undefined) point.index = context.index;
  return point;
}

/** Totals over checks: sums of counts, maxima of errors, the worst of the worst points. */
export function mergeChecks(checks: readonly GradcheckCheck[]) {
  let points = 0;
  let failures = 0;
  let skipped = 0;
  let maxAbsError = 0;
  let maxRelError = 0;
  let achievedTolerance = 0;
  let worst: GradcheckPoint | null = null;
  let worstScore = 0;
  const kinks = new Set<number>();
  const discontinuities = new Set<number>();
  const skipReasons: Record<string, number> = {};
  for (const check of checks) {
    points += check.points;
    failures += check.failures;
    skipped += check.skipped;
    for (const [reason, count] of Object.entries(check.skipReasons ?? {})) skipReasons[reason] = (skipReasons[reason] ?? 0) + (count ?? 0);
    for (const d of check.discontinuities ?? []) discontinuities.add(d);
    maxAbsError = Math.max(maxAbsError, check.maxAbsError);
    maxRelError = Math.max(maxRelError, check.maxRelError);
    achievedTolerance = Math.max(achievedTolerance, check.achievedTolerance);
    const score = (check as { worstScore?: number }).worstScore ?? check.achievedTolerance;
    if (check.worst && (worst === null || score > worstScore)) {
      worstScore = score;
      worst = check.worst;
    }
    for (const k of check.kinks) kinks.add(k);
  }
  return {
    ok: checks.length > 0 && checks.every((check) => check.ok),
    points,
    failures,
    skipped,
    maxAbsError,
    maxRelError,
    achievedTolerance,
    worst,
    kinks: [...kinks].sort((a, b) => a - b),
    discontinuities: [...discontinuities].sort((a, b) => a - b),
    skipReasons: skipReasons as Partial<Record<SkipReason, number>>,
  };
}
