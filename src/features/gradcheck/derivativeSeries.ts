/**
 * The lines the results view plots for one checked function: the analytic derivative, a numeric one, and
 * their difference, at evenly spaced points over the checked range. The gradient-check report carries
 * totals and the worst point, not point data, so the host computes these with the core's public API
 * (evaluate / derivative / jacobian / lossValue / lossGradient, or the compiled formula).
 *
 * Which one-dimensional slice is drawn:
 * - elementwise activation or formula: f′(x);
 * - elementwise loss: ∂ℓ/∂ŷ at the worst point's label y (else the first plot label);
 * - softmax / log_softmax: ∂f_i/∂x_j along x_j, the other inputs as at the worst point ([i, j] its entry);
 * - cce_with_logits: ∂(Σℓ)/∂ŷ_j along ŷ_j, the other logits and the labels as at the worst point.
 *
 * The numeric line is a central difference extrapolated twice (Richardson, error O(h⁶)) with the step
 * 2⁻⁶·max(|x|, 1), the same scheme the checker starts from. Within a step of a kink the report found, a
 * central stencil would straddle it and average the two slopes, so there the difference is one-sided, on
 * the side away from the kink (as the checker does), and on the kink itself there is none (a gap). Where a stencil leaves the domain the step shrinks,
 * and where none fits the value is NaN (a gap in the plot). Pure: no 'vscode'.
 */
import { derivative, evaluate, jacobian, lossGradient, lossValue } from '../../core/api';
import { entryFor } from '../../core/catalogue';
import type { GradcheckReport } from '../../core/gradcheck';
import { formulaGradcheckTarget } from '../../core/formula';
import { baseStep, centralRichardson, type NumericEstimate, oneSidedRichardson } from '../../core/gradcheck/finiteDifference';
import type { CheckRequest } from './checkRequest';
import { gridPoint } from '../../shared/grid';

const SERIES_POINTS = 400;

export interface DerivativeSeries {
  /** What is plotted, e.g. "∂ℓ/∂ŷ at y = 0.3". */
  readonly title: string;
  /** The x axis: "x", "ŷ", "x_3". */
  readonly variable: string;
  readonly xMin: number;
  readonly xMax: number;
  /** At x = linspace(xMin, xMax, n); NaN where undefined. */
  readonly analytic: Float64Array;
  readonly numeric: Float64Array;
  /** analytic − numeric. */
  readonly difference: Float64Array;
}

type Scalar = (x: number) => number;

interface Slice {
  readonly title: string;
  readonly variable: string;
  readonly f: Scalar;
  readonly df: Scalar;
}

export function derivativeSeries(request: CheckRequest, report: GradcheckReport, n = SERIES_POINTS): DerivativeSeries {
  const [xMin, xMax] = report.range;
  const slice = sliceFor(request, report);
  const analytic = new Float64Array(n);
  const numeric = new Float64Array(n);
  const difference = new Float64Array(n);
  const f = orNaN(slice.f);
  const df = orNaN(slice.df);
  for (let k = 0; k < n; k++) {
    const x = gridPoint(xMin, xMax, n, k);
    const kink = report.kinks.find((at) => Math.abs(x - at) <= baseStep(x));
    analytic[k] = df(x);
    if (kink === undefined) numeric[k] = numericDerivative(f, x);
    // On the kink itself there is no derivative to compare with (the claim is a subgradient): a gap.
    else if (Math.abs(x - kink) <= 1e-12 * Math.max(1, Math.abs(x))) numeric[k] = NaN;
    else numeric[k] = numericDerivative(f, x, x > kink ? 1 : -1);
    difference[k] = analytic[k] - numeric[k];
  }
  return { title: slice.title, variable: slice.variable, xMin, xMax, analytic, numeric, difference };
}

function sliceFor(request: CheckRequest, report: GradcheckReport): Slice {
  if (request.kind === 'formula') {
    const target = formulaGradcheckTarget(request.formula, request.derivative, { ...request.params });
    const claimed = request.derivative === undefined ? 'f′(x), automatic' : 'f′(x) as claimed';
    return { title: claimed, variable: 'x', f: target.f, df: target.df };
  }
  const { id } = request;
  const params = { ...request.params };
  const entry = entryFor(id);
  const worst = report.worst;
  if (entry.kind === 'activation') {
    if (entry.shape === 'elementwise') {
      return { title: `${id}′(x)`, variable: 'x', f: (x) => evaluate(id, [x], params)[0], df: (x) => derivative(id, [x], params)[0] };
    }
    const base = worst?.input ?? [0, 1, -1];
    const [i, j] = worst?.index ?? [0, 0];
    const at = along(base, j);
    return {
      title: `∂f_${i}/∂x_${j} of ${id} along x_${j}, other inputs as at the worst point (n = ${base.length})`,
      variable: `x_${j}`,
      f: (t) => evaluate(id, at(t), params)[i],
      df: (t) => jacobian(id, at(t), params)[i * base.length + j],
    };
  }
  if (entry.shape === 'elementwise') {
    const y = typeof worst?.label === 'number' ? worst.label : (entry.plotLabels?.[0] ?? 0);
    return {
      title: `∂ℓ/∂ŷ of ${id} at y = ${y}`,
      variable: 'ŷ',
      f: (t) => lossValue(id, [y], [t], params)[0],
      df: (t) => lossGradient(id, [y], [t], params)[0],
    };
  }
  const base = worst?.input ?? [0, 1, -1];
  const labels = Array.isArray(worst?.label) ? (worst.label as readonly number[]) : base.map((_, k) => (k === 0 ? 1 : 0));
  const j = worst?.index?.[1] ?? 0;
  const at = along(base, j);
  return {
    title: `∂(Σℓ)/∂ŷ_${j} of ${id} along ŷ_${j}, other logits and labels as at the worst point (n = ${base.length})`,
    variable: `ŷ_${j}`,
    f: (t) => lossValue(id, labels, at(t), { ...params, reduction: 'sum' })[0],
    df: (t) => lossGradient(id, labels, at(t), params)[j],
  };
}

/** The input vector `base` with component j set to t. */
function along(base: readonly number[], j: number): (t: number) => Float64Array {
  const v = Float64Array.from(base);
  return (t) => {
    v[j] = t;
    return v;
  };
}

/** Outside a loss's domain the API throws; the plot shows a gap there instead. */
function orNaN(fn: Scalar): Scalar {
  return (x) => {
    try {
      return fn(x);
    } catch {
      return NaN;
    }
  };
}

/**
 * The core's Richardson tables (central to O(h⁶), or one-sided to O(h⁴) on `side`), from the checker's
 * starting step; the step shrinks (÷8, up to three times) when a stencil meets a NaN or ±∞, e.g. BCE's ŷ
 * near 0 or 1.
 */
function numericDerivative(f: Scalar, x: number, side?: 1 | -1): number {
  let h = baseStep(x);
  for (let tries = 0; tries < 4; tries++, h /= 8) {
    if (side === undefined) centralRichardson(f, x, h, estimate);
    else oneSidedRichardson(f, x, h, side, estimate);
    if (Number.isFinite(estimate.value)) return estimate.value;
  }
  return NaN;
}

const estimate: NumericEstimate = { value: NaN, error: Infinity };
