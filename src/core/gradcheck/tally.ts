/**
 * Running statistics of one check (one label of a loss, one vector size, a whole scalar function), and the
 * merge of several checks into a report's totals.
 */
import type { GradcheckCheck, GradcheckPoint } from './types';

/** Extra facts about a point, copied into `worst` only when the point becomes the worst. */
export interface PointContext {
  readonly label?: number | ArrayLike<number>;
  readonly input?: ArrayLike<number>;
  readonly index?: readonly [number, number];
}

export class Tally {
  points = 0;
  failures = 0;
  skipped = 0;
  maxAbsError = 0;
  maxRelError = 0;
  achievedTolerance = 0;
  worst: GradcheckPoint | null = null;

  constructor(
    readonly atol: number,
    readonly rtol: number,
  ) {}

  /** Allowed |analytic − numeric| at a numeric value: atol + rtol·|numeric|. */
  readonly toleranceAt = (numeric: number): number => this.atol + this.rtol * Math.abs(numeric);

  /**
   * Compares one point; true when it passes. NaN on the analytic side is a failure with infinite error. A
   * numeric derivative whose own error bound exceeds the tolerance (even after the step shrank, e.g. p^1.5 at
   * the domain edge p = 0, where differences converge too slowly for Richardson) cannot judge the claim: the
   * point is skipped rather than failed.
   */
  add(x: number, analytic: number, numeric: number, numericError: number, context?: PointContext): boolean {
    const allowed = this.toleranceAt(numeric);
    if (!(numericError <= allowed)) {
      this.skipped++;
      return true;
    }
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
    if (this.worst === null || ratio > this.achievedTolerance) {
      this.achievedTolerance = Math.max(this.achievedTolerance, ratio);
      this.worst = worstPoint(x, analytic, numeric, numericError, context);
    }
    return pass;
  }

  skip(): void {
    this.skipped++;
  }

  result(label: string, kinks: readonly number[]): GradcheckCheck {
    return {
      label,
      // Nothing compared (every point skipped) is no evidence of a correct derivative.
      ok: this.failures === 0 && this.points > 0,
      points: this.points,
      failures: this.failures,
      skipped: this.skipped,
      maxAbsError: this.maxAbsError,
      maxRelError: this.maxRelError,
      achievedTolerance: this.achievedTolerance,
      worst: this.worst,
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
  const kinks = new Set<number>();
  for (const check of checks) {
    points += check.points;
    failures += check.failures;
    skipped += check.skipped;
    maxAbsError = Math.max(maxAbsError, check.maxAbsError);
    maxRelError = Math.max(maxRelError, check.maxRelError);
    if (check.worst && (worst === null || check.achievedTolerance > achievedTolerance)) {
      achievedTolerance = check.achievedTolerance;
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
  };
}
