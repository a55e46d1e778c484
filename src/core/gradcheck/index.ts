/**
 * Gradient checking: every analytic derivative against a numeric one, over a range of points.
 *
 * Numeric derivatives are central differences with Richardson extrapolation to O(h⁶) and a step scaled to
 * |x| that shrinks where the error bound is too large (gradcheck/finiteDifference.ts), rather than torch's single
 * eps = 1e−6 difference. A point passes when |analytic − numeric| ≤ 8·numericError + 1e−9·|numeric|, the
 * numeric derivative's own error bound from its Richardson table (the error model: a claim 0.1 % off fails,
 * where torch's rtol 1e−3 would let it pass); with atol/rtol given, when ≤ atol + rtol·|numeric| instead.
 * Kinks, where the left and right derivatives differ, are located between grid points and reported instead
 * of failing (gradcheck/kinks.ts); there the claim must be a subgradient. Jumps of f itself are located by
 * bisection and reported as discontinuities. Skipped points are counted per reason.
 *
 * @example gradcheck({ id: 'relu' }) // { ok: true, kinks: [0], … }
 * @example gradcheck({ f: (x) => x * x / 2, df: (x) => -x }, { range: [-1, 1] }) // { ok: false, worst: { x: -1, analytic: 1, numeric: -1, … } }
 */
import { planFor, type CheckSettings, type TargetPlan } from './targets';
import { mergeChecks } from './tally';
import type { GradcheckOptions, GradcheckReport, GradcheckTarget } from './gradcheckTypes';

export type {
  CatalogueGradcheckTarget,
  FormulaSourceGradcheckTarget,
  FunctionGradcheckTarget,
  GradcheckCheck,
  GradcheckOptions,
  GradcheckPoint,
  GradcheckReport,
  GradcheckSkipReason,
  GradcheckTarget,
} from './gradcheckTypes';

const MAX_POINTS = 1e6;

export function gradcheck(target: GradcheckTarget, options: GradcheckOptions = {}): GradcheckReport {
  const run = gradcheckIncremental(target, options);
  while (!run.step(Infinity));
  return run.report!;
}

/** Where an incremental gradient check stands. */
export interface GradcheckProgress {
  /** Share of the work done, 0 … 1, never decreasing; 1 once the report is ready. */
  readonly fraction: number;
  /** Compute time spent in step() so far, in milliseconds. */
  readonly elapsedMs: number;
}

/**
 * A gradient check done in slices, so an extension host can show progress, cancel it and keep answering
 * hovers in between. Each step() works for about `budgetMs` (one slice is a few points: well under 10 ms for
 * the built-ins at the default 1000 points) and returns true when the report is ready.
 */
export interface GradcheckRun {
  /** Works for about budgetMs (default 8) milliseconds; true when finished (or cancelled). */
  step(budgetMs?: number): boolean;
  /** Stops the check; later step() calls return true at once and `report` stays undefined. */
  cancel(): void;
  readonly progress: GradcheckProgress;
  readonly done: boolean;
  readonly cancelled: boolean;
  /** The report once done: equal to gradcheck()'s for the same target and options, durationMs aside. */
  readonly report: GradcheckReport | undefined;
}

/**
 * gradcheck() in slices. Bad targets and options throw here, at once, with gradcheck's messages; the work
 * itself starts at the first step().
 *
 * @example
 * const run = gradcheckIncremental({ id: 'gelu' }, { points: 10000 });
 * while (!run.step(8)) await new Promise((r) => setImmediate(r)); // progress: run.progress.fraction
 * run.report // { ok: true, … }
 */
export function gradcheckIncremental(target: GradcheckTarget, options: GradcheckOptions = {}): GradcheckRun {
  const { plan, settings } = prepare(target, options);
  const work = plan.run(settings);
  let fraction = 0;
  let elapsedMs = 0;
  let report: GradcheckReport | undefined;
  let cancelled = false;
  return {
    step(budgetMs = 8) {
      if (report !== undefined || cancelled) return true;
      const started = now();
      const deadline = started + budgetMs;
      try {
        for (;;) {
          const next = work.next();
          if (next.done) {
            elapsedMs += now() - started;
            fraction = 1;
            const checks = next.value;
            report = {
              target: plan.name,
              range: settings.range,
              atol: settings.atol,
              rtol: settings.rtol,
              criterion: settings.model ? 'error-model' : 'fixed',
              ...mergeChecks(checks),
              checks,
              durationMs: elapsedMs,
            };
            return true;
          }
          if (next.value !== undefined && next.value > fraction) fraction = Math.min(next.value, 0.999);
          if (now() >= deadline) break;
        }
      } catch (error) {
        cancelled = true;
        throw error;
      }
      elapsedMs += now() - started;
      return false;
    },
    cancel() {
      if (report !== undefined || cancelled) return;
      cancelled = true;
      work.return([]);
    },
    get progress() {
      return { fraction, elapsedMs };
    },
    get done() {
      return report !== undefined;
    },
    get cancelled() {
      return cancelled;
    },
    get report() {
      return report;
    },
  };
}

function prepare(target: GradcheckTarget, options: GradcheckOptions): { plan: TargetPlan; settings: CheckSettings } {
  if (options === null || typeof options !== 'object') {
    throw new Error(`gradcheck: options must be an object, got ${options === null ? 'null' : typeof options}`);
  }
  const points = options.points ?? 1000;
  if (!Number.isInteger(points) || points < 2 || points > MAX_POINTS) {
    throw new Error(`gradcheck: points must be an integer from 2 to ${MAX_POINTS}, got ${String(points)}`);
  }
  // Tolerances given: torch's fixed criterion; none: the error model (see GradcheckReport.criterion).
  const model = options.atol === undefined && options.rtol === undefined;
  const atol = nonNegative('atol', options.atol ?? 1e-5);
  const rtol = nonNegative('rtol', options.rtol ?? 1e-3);
  const seed = options.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw new Error(`gradcheck: seed must be a finite number, got ${String(seed)}`);
  const labels = options.labels;
  if (labels !== undefined && (!Array.isArray(labels) || labels.length === 0 || labels.some((y) => !Number.isFinite(y)))) {
    throw new Error(`gradcheck: labels must be a non-empty list of finite numbers, got ${show(labels)}`);
  }
  const plan = planFor(target);
  if (labels !== undefined && !plan.takesLabels) {
    throw new Error(`gradcheck: labels apply to elementwise losses only, not to ${plan.name}`);
  }
  const range = checkRange(options.range ?? plan.range);
  return { plan, settings: { range, points, atol, rtol, model, seed, labels } };
}

function nonNegative(name: string, value: unknown): number {
  if (typeof value !== 'number' || !(value >= 0) || !Number.isFinite(value)) {
    throw new Error(`gradcheck: ${name} must be a finite number ≥ 0, got ${String(value)}`);
  }
  return value;
}

function checkRange(range: unknown): [number, number] {
  const ok =
    Array.isArray(range) &&
    range.length === 2 &&
    typeof range[0] === 'number' &&
    typeof range[1] === 'number' &&
    Number.isFinite(range[0]) &&
    Number.isFinite(range[1]) &&
    range[0] < range[1];
  if (!ok) throw new Error(`gradcheck: range must be [a, b] with finite a < b, got ${show(range)}`);
  return [range[0], range[1]];
}

/** A value as the user wrote it: [NaN, 1] rather than JSON's [null,1]. */
function show(value: unknown): string {
  return Array.isArray(value) ? `[${value.map((v) => show(v)).join(', ')}]` : typeof value === 'string' ? JSON.stringify(value) : String(value);
}

function now(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
