/**
 * Gradient checking: every analytic derivative against a numeric one, over a range of points.
 *
 * Numeric derivatives are central differences with Richardson extrapolation to O(h⁶) and a step scaled to
 * |x| that shrinks where the error bound is too large (gradcheck/numeric.ts), rather than torch's single
 * eps = 1e−6 difference. A point passes when |analytic − numeric| ≤ atol + rtol·|numeric| (atol 1e−5, rtol 1e−3,
 * as torch.autograd.gradcheck). Kinks, where the left and right derivatives differ, are located between grid
 * points and reported instead of failing (gradcheck/kinks.ts); there the claim must be a subgradient.
 *
 * @example gradcheck({ id: 'relu' }) // { ok: true, kinks: [0], … }
 * @example gradcheck({ f: (x) => x * x / 2, df: (x) => -x }, { range: [-1, 1] }) // { ok: false, worst: { x: -1, analytic: 1, numeric: -1, … } }
 */
import { planFor } from './gradcheck/targets';
import { mergeChecks } from './gradcheck/tally';
import type { GradcheckOptions, GradcheckReport, GradcheckTarget } from './gradcheck/types';

export type {
  CatalogueGradcheckTarget,
  FormulaSourceGradcheckTarget,
  FunctionGradcheckTarget,
  GradcheckCheck,
  GradcheckOptions,
  GradcheckPoint,
  GradcheckReport,
  GradcheckTarget,
} from './gradcheck/types';

const MAX_POINTS = 1e6;

export function gradcheck(target: GradcheckTarget, options: GradcheckOptions = {}): GradcheckReport {
  const started = now();
  if (options === null || typeof options !== 'object') {
    throw new Error(`gradcheck: options must be an object, got ${options === null ? 'null' : typeof options}`);
  }
  const points = options.points ?? 1000;
  if (!Number.isInteger(points) || points < 2 || points > MAX_POINTS) {
    throw new Error(`gradcheck: points must be an integer from 2 to ${MAX_POINTS}, got ${String(points)}`);
  }
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
  const checks = plan.run({ range, points, atol, rtol, seed, labels });
  return { target: plan.name, range, atol, rtol, ...mergeChecks(checks), checks, durationMs: now() - started };
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
