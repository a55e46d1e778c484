/**
 * Plain-text wording of gradient-check results: the output channel's block per report (copyable into an
 * issue as it is), the one-line notifications, and the numbers the results view shows. Pure: no 'vscode',
 * no DOM, so the unit tests and the webview use the same words.
 */
import type { GradcheckPoint, GradcheckReport } from '../../core/gradcheck';

/** A problem with a request, with the span of the offending text when it is a formula error. */
export interface CheckProblem {
  readonly message: string;
  readonly start?: number;
  readonly end?: number;
  /** Which text the span points into, when the request had two (a formula and a claimed derivative). */
  readonly in?: 'formula' | 'derivative';
}

/**
 * Up to 7 significant digits, exponent form below 1e−4 and from 1e6 on, trailing zeros dropped.
 * @example formatNumber(0.1 + 0.2) // returns '0.3'
 * @example formatNumber(1.234567891e-11) // returns '1.234568e-11'
 */
export function formatNumber(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Infinity' : '-Infinity';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const a = Math.abs(v);
  if (a >= 1e-4 && a < 1e6) return String(Number(v.toPrecision(7)));
  return v.toExponential(6).replace(/\.?0+e/, 'e');
}

/**
 * An error size in two significant digits: what matters is its order of magnitude.
 * @example formatError(1.2345e-11) // returns '1.2e-11'
 */
export function formatError(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return 'Infinity';
  if (v === 0) return '0';
  if (v >= 1e-3 && v < 1e4) return String(Number(v.toPrecision(2)));
  return v.toExponential(1).replace('.0e', 'e');
}

/** Seconds with two decimals under 10 s: "0.41 s". */
export function formatSeconds(ms: number): string {
  const s = ms / 1000;
  return `${s < 10 ? s.toFixed(2) : s.toFixed(1)} s`;
}

/** Milliseconds for one report: "12 ms", "0.8 ms". */
export function formatMs(ms: number): string {
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

/** The variable a point is over: x for activations and formulas, ŷ for losses (they have labels). */
export function variableOf(point: GradcheckPoint): string {
  const loss = point.label !== undefined;
  if (point.index) return `${loss ? 'ŷ' : 'x'}_${point.index[1]}`;
  return loss ? 'ŷ' : 'x';
}

/**
 * Where a point is, in words: "x = -1", "ŷ = 0.912 (y = 0.3)", "x_9 = 6 (∂f_9/∂x_9, n = 10)".
 * @example describeWhere({ x: -1, analytic: 1, numeric: -1, numericError: 0 }) // returns 'x = -1'
 */
export function describeWhere(point: GradcheckPoint): string {
  const where = `${variableOf(point)} = ${formatNumber(point.x)}`;
  const notes: string[] = [];
  if (point.index) {
    const [i, j] = point.index;
    const loss = point.label !== undefined;
    notes.push(loss ? `∂ℓ/∂ŷ_${j}` : `∂f_${i}/∂x_${j}`);
    if (point.input) notes.push(`n = ${point.input.length}`);
  }
  if (point.label !== undefined) notes.push(`y = ${describeVector(point.label)}`);
  return notes.length ? `${where} (${notes.join(', ')})` : where;
}

function describeVector(value: number | readonly number[]): string {
  if (typeof value === 'number') return formatNumber(value);
  return `[${value.map((v) => String(Number(v.toPrecision(4)))).join(', ')}]`;
}

/** "analytic 1, numeric -1 (off by 2)": the two values at the worst point and their distance. */
export function describeValues(point: GradcheckPoint): string {
  const off = Math.abs(point.analytic - point.numeric);
  return `analytic ${formatNumber(point.analytic)}, numeric ${formatNumber(point.numeric)} (off by ${formatError(Number.isNaN(off) ? Infinity : off)})`;
}

function verdict(report: Pick<GradcheckReport, 'ok'>): 'PASS' | 'FAIL' {
  return report.ok ? 'PASS' : 'FAIL';
}

/** The kinks in one phrase: "none", "x = 0", "x = -1, 1". */
export function describeKinks(kinks: readonly number[], variable = 'x'): string {
  if (kinks.length === 0) return 'none';
  return `${variable} = ${kinks.map(formatNumber).join(', ')}`;
}

/**
 * The output channel's block for one report: target, range, points, tolerances, errors, worst point, kinks,
 * the per-check lines and the verdict. Plain text, lines under ~100 characters, no trailing spaces.
 */
export function reportBlock(report: GradcheckReport): string {
  const variable = report.worst ? variableOf(report.worst).replace(/_\d+$/, '') : 'x';
  const lines = [
    `${report.target}: ${verdict(report)}`,
    `  range        [${formatNumber(report.range[0])}, ${formatNumber(report.range[1])}]`,
    `  points       ${report.points} compared, ${report.failures} failed, ${report.skipped} skipped`,
    `  tolerance    atol ${formatNumber(report.atol)}, rtol ${formatNumber(report.rtol)}; error / tolerance at worst ${formatError(report.achievedTolerance)}`,
    `  max error    abs ${formatError(report.maxAbsError)}, rel ${formatError(report.maxRelError)}`,
    `  worst point  ${report.worst ? `${describeWhere(report.worst)}: ${describeValues(report.worst)}` : 'none (no point compared)'}`,
  ];
  if (report.worst?.input && report.worst.input.length <= 12) lines.push(`  input        ${describeVector(report.worst.input)}`);
  lines.push(`  kinks        ${describeKinks(report.kinks, variable)}`);
  if (report.checks.length > 1) {
    for (const check of report.checks) {
      lines.push(
        `  check        ${check.label}: ${check.ok ? 'pass' : 'FAIL'}, ${check.points} points, max abs ${formatError(check.maxAbsError)}` +
          (check.failures ? `, ${check.failures} failed` : ''),
      );
    }
  }
  lines.push(`  time         ${formatMs(report.durationMs)}`);
  lines.push(`  verdict      ${verdict(report)}${report.ok ? '' : failureHint(report)}`);
  return lines.join('\n');
}

function failureHint(report: GradcheckReport): string {
  if (report.points === 0) return ' (every point was skipped: the numeric derivative could not judge the claim anywhere)';
  return ` (${report.failures} of ${report.points} points outside atol + rtol·|numeric|)`;
}

/**
 * The notification after one check.
 * @example summaryOne(report) // 'sigmoid: pass, max abs error 2.8e-11 over 1000 points in 12 ms'
 * @example summaryOne(report) // 'f(x) = x^2/2, f′(x) = -x: FAIL, worst at x = -1: analytic 1, numeric -1 (off by 2)'
 */
export function summaryOne(report: GradcheckReport): string {
  if (!report.ok) {
    if (!report.worst) return `${report.target}: FAIL, no point could be compared (${report.skipped} skipped)`;
    return `${report.target}: FAIL, worst at ${describeWhere(report.worst)}: ${describeValues(report.worst)}; ${report.failures} of ${report.points} points fail`;
  }
  const kinks = report.kinks.length ? `, ${plural(report.kinks.length, 'kink')} at ${describeKinks(report.kinks).replace(/^x = /, '')}` : '';
  return `${report.target}: pass, max abs error ${formatError(report.maxAbsError)} over ${report.points} points${kinks} in ${formatMs(report.durationMs)}`;
}

/**
 * The notification after Check All Built-ins.
 * @example summaryAll(reports, 33, 410, false) // 'Gradient check: 33/33 built-ins pass (17 kinks) in 0.41 s'
 */
export function summaryAll(reports: readonly GradcheckReport[], total: number, durationMs: number, cancelled: boolean): string {
  const passed = reports.filter((r) => r.ok).length;
  const kinks = reports.reduce((n, r) => n + r.kinks.length, 0);
  const failed = reports.filter((r) => !r.ok).map((r) => r.target);
  const time = formatSeconds(durationMs);
  const head = cancelled
    ? `Gradient check cancelled after ${reports.length}/${total} built-ins: ${passed} pass (${plural(kinks, 'kink')}) in ${time}`
    : `Gradient check: ${passed}/${total} built-ins pass (${plural(kinks, 'kink')}) in ${time}`;
  return failed.length ? `${head}; FAIL: ${failed.join(', ')}` : head;
}

/**
 * A request problem as one line; a formula error names its span.
 * @example describeProblem({ message: "unknown function 'sigmod'", start: 5, end: 11 }) // "at 5–11: unknown function 'sigmod'"
 */
export function describeProblem(problem: CheckProblem): string {
  if (problem.start === undefined) return problem.message;
  return `${problem.in === 'derivative' ? 'derivative ' : ''}at ${problem.start}–${problem.end ?? problem.start}: ${problem.message}`;
}
