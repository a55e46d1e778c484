/**
 * What a gradient check is asked to do, from a command argument or from the pickers' text: a catalogue
 * function or a formula (with an optional claimed derivative), a range and a number of points. Every
 * check happens here, before the core runs, so a bad argument comes back as one message naming the problem
 * (with the span, for a formula) instead of an exception. Pure: no 'vscode'.
 */
import { resolveParams } from '../../core/api';
import { entryFor } from '../../core/catalogue';
import { gradcheckIncremental, type GradcheckReport, type GradcheckRun } from '../../core/gradcheck';
import { compileFormula, FormulaError } from '../../core/formula';
import { messageOf as plainMessageOf } from '../../host/errorMessage';
import { MAX_CHECK_POINTS, MAX_FORMULA_LENGTH, MIN_POINTS } from '../../shared/limits';
import { describe } from '../../shared/validate';
import type { CheckProblem } from './reportFormat';

export type CheckRequest =
  | { readonly kind: 'catalogue'; readonly id: string; readonly params: Readonly<Record<string, number>> }
  | {
      readonly kind: 'formula';
      readonly formula: string;
      readonly derivative?: string;
      readonly params: Readonly<Record<string, number>>;
    };

export interface CheckJob {
  readonly request: CheckRequest;
  /** Absent: the catalogue entry's plot range, or [−5, 5] for a formula. */
  readonly range?: readonly [number, number];
  readonly points: number;
}

export type Parsed<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problem: CheckProblem };

export const DEFAULT_POINTS = 1000;
const DEFAULT_FORMULA_RANGE: readonly [number, number] = [-5, 5];

const ARGUMENT_SHAPE = '{ id, params? } or { formula, derivative?, params? }, with optional range: [a, b] and points';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const problem = <T>(message: string, span?: Pick<CheckProblem, 'start' | 'end' | 'in'>): Parsed<T> => ({
  ok: false,
  problem: { message, ...span },
});

/**
 * The gradientCheck command's argument: `{ id?, params?, formula?, derivative?, range?, points? }`, the
 * hover's command-link form `[{ id, params }]`, or a bare catalogue id.
 */
export function parseCheckArgument(arg: unknown): Parsed<CheckJob> {
  const raw = Array.isArray(arg) && arg.length === 1 ? arg[0] : arg;
  if (typeof raw === 'string') return parseCheckArgument({ id: raw });
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
    return problem(`expected ${ARGUMENT_SHAPE}; got ${describe(raw)}`);
  }
  const o = raw as Record<string, unknown>;
  const unknownKeys = Object.keys(o).filter((k) => !['id', 'params', 'formula', 'derivative', 'range', 'points'].includes(k));
  if (unknownKeys.length) return problem(`unknown argument ${unknownKeys.map((k) => `'${k}'`).join(', ')}; expected ${ARGUMENT_SHAPE}`);

  const params = parseParams(o.params);
  if (!params.ok) return params;
  const range = o.range === undefined ? ok(undefined) : parseRange(o.range);
  if (!range.ok) return range;
  const points = o.points === undefined ? ok(DEFAULT_POINTS) : parsePoints(o.points);
  if (!points.ok) return points;

  let request: Parsed<CheckRequest>;
  if (o.id !== undefined && o.formula !== undefined) return problem('give either id or formula, not both');
  if (o.id !== undefined) {
    if (o.derivative !== undefined) return problem('derivative goes with formula; a catalogue function is checked against its own derivative');
    request = catalogueRequest(o.id, params.value);
  } else if (o.formula !== undefined) {
    request = formulaRequest(o.formula, o.derivative, params.value);
  } else {
    return problem(`expected ${ARGUMENT_SHAPE}; got keys ${JSON.stringify(Object.keys(o))}`);
  }
  if (!request.ok) return request;
  return ok({ request: request.value, points: points.value, ...(range.value ? { range: range.value } : {}) });
}

export function catalogueRequest(id: unknown, params: Readonly<Record<string, number>> = {}): Parsed<CheckRequest> {
  if (typeof id !== 'string') return problem(`id must be a catalogue id like "sigmoid", got ${describe(id)}`);
  try {
    const entry = entryFor(id);
    resolveParams(entry, params);
    return ok({ kind: 'catalogue', id: entry.id, params });
  } catch (error) {
    return problem(messageOf(error));
  }
}

/** A formula, an optional claimed derivative, and values for every parameter either uses. */
export function formulaRequest(formula: unknown, derivative: unknown, params: Readonly<Record<string, number>> = {}): Parsed<CheckRequest> {
  const f = checkFormulaText(formula, 'formula');
  if (!f.ok) return f;
  let names = f.value;
  if (derivative !== undefined) {
    const d = checkFormulaText(derivative, 'derivative');
    if (!d.ok) return d;
    names = [...new Set([...names, ...d.value])];
  }
  const missing = names.filter((name) => !(name in params));
  if (missing.length) {
    const example = `{ ${missing.map((name) => `${name}: 1`).join(', ')} }`;
    return problem(`the formula uses ${missing.length === 1 ? 'parameter' : 'parameters'} ${missing.map((n) => `'${n}'`).join(', ')}: give values in params, e.g. params: ${example}`);
  }
  const unused = Object.keys(params).filter((name) => !names.includes(name));
  if (unused.length) {
    const known = names.length ? `its parameters are ${names.join(', ')}` : 'it has no parameters';
    return problem(`the formula has no parameter ${unused.map((n) => `'${n}'`).join(', ')} (${known})`);
  }
  return ok({
    kind: 'formula',
    formula: formula as string,
    ...(derivative === undefined ? {} : { derivative: derivative as string }),
    params,
  });
}

/** Compiles `text` to find syntax errors and unknown names; returns its parameter names. */
export function checkFormulaText(text: unknown, which: 'formula' | 'derivative'): Parsed<readonly string[]> {
  if (typeof text !== 'string') return problem(`${which} must be a string like "x * sigmoid(x)", got ${describe(text)}`);
  if (!text.trim()) return problem(`${which} is empty; write an expression in x, e.g. x * sigmoid(x)`);
  if (text.length > MAX_FORMULA_LENGTH) return problem(`${which} is ${text.length} characters long; the limit is ${MAX_FORMULA_LENGTH}`);
  try {
    return ok(compileFormula(text).params);
  } catch (error) {
    if (error instanceof FormulaError) return problem(error.message, { start: error.start, end: error.end, in: which });
    return problem(`${which}: ${messageOf(error)}`);
  }
}

function parseParams(value: unknown): Parsed<Readonly<Record<string, number>>> {
  if (value === undefined) return ok({});
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return problem(`params must be an object like { alpha: 0.2 }, got ${describe(value)}`);
  }
  for (const [name, v] of Object.entries(value)) {
    if (typeof v !== 'number' || !Number.isFinite(v)) return problem(`params.${name} must be a finite number, got ${describe(v)}`);
  }
  return ok(value as Record<string, number>);
}

function parseRange(value: unknown): Parsed<readonly [number, number]> {
  const good =
    Array.isArray(value) &&
    value.length === 2 &&
    value.every((v) => typeof v === 'number' && Number.isFinite(v)) &&
    (value[0] as number) < (value[1] as number);
  const given = Array.isArray(value) && value.length <= 4 ? `[${value.map(describe).join(', ')}]` : describe(value);
  if (!good) return problem(`range must be [a, b] with finite a < b, got ${given}`);
  return ok([value[0], value[1]] as const);
}

export function parsePoints(value: unknown): Parsed<number> {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < MIN_POINTS || value > MAX_CHECK_POINTS) {
    return problem(`points must be a whole number from ${MIN_POINTS} to ${MAX_CHECK_POINTS.toLocaleString('en-US')}, got ${describe(value)}`);
  }
  return ok(value);
}

/** A range as typed in an input box: "-5, 5", "[-5, 5]", "−5 5". */
export function parseRangeText(text: string): Parsed<readonly [number, number]> {
  const parts = text
    .replace(/[−–]/g, '-')
    .replace(/^\s*[[(]|[\])]\s*$/g, '')
    .split(/\s*[,;]\s*|\s+/)
    .filter((part) => part !== '');
  if (parts.length !== 2) return problem(`type two numbers a, b such as "-5, 5"; got "${text.trim()}"`);
  const numbers = parts.map(Number);
  const bad = parts.find((_part, i) => !Number.isFinite(numbers[i]));
  if (bad !== undefined) return problem(`"${bad}" is not a finite number`);
  if (!(numbers[0] < numbers[1])) return problem(`the start must be below the end, got ${numbers[0]} ≥ ${numbers[1]}`);
  return ok([numbers[0], numbers[1]] as const);
}

/** A number of points as typed in an input box ("1000", "1e4", "10_000", "10,000"). */
export function parsePointsText(text: string): Parsed<number> {
  const cleaned = text.trim().replace(/[_,\s]/g, '');
  if (!cleaned) return problem(`type a whole number from ${MIN_POINTS} to ${MAX_CHECK_POINTS.toLocaleString('en-US')}`);
  const n = Number(cleaned);
  if (!Number.isFinite(n)) return problem(`"${text.trim()}" is not a number`);
  return parsePoints(n);
}

/** A parameter value as typed in an input box. */
export function parseNumberText(text: string, name: string): Parsed<number> {
  const n = Number(text.trim().replace(/[−–]/g, '-'));
  if (!text.trim() || !Number.isFinite(n)) return problem(`${name} must be a finite number, got "${text.trim()}"`);
  return ok(n);
}

/** The range a job runs over when it names none. */
export function defaultRange(request: CheckRequest): readonly [number, number] {
  return request.kind === 'catalogue' ? entryFor(request.id).plotRange : DEFAULT_FORMULA_RANGE;
}

/**
 * Starts the check (the core's incremental one, run in slices by runCheck.ts); a problem the parsing could
 * not see (a parameter the core refuses) comes back as one.
 */
export function startJob(job: CheckJob): Parsed<GradcheckRun> {
  const { request } = job;
  const target =
    request.kind === 'catalogue'
      ? { id: request.id, params: request.params }
      : { formula: request.formula, ...(request.derivative === undefined ? {} : { derivative: request.derivative }), params: request.params };
  try {
    return ok(gradcheckIncremental(target, { range: job.range ?? defaultRange(request), points: job.points }));
  } catch (error) {
    return problemOf(error);
  }
}

/** Runs the whole check at once (for callers that are not the extension host's event loop, e.g. tests). */
export function runJob(job: CheckJob): Parsed<GradcheckReport> {
  const started = startJob(job);
  if (!started.ok) return started;
  try {
    while (!started.value.step(Infinity));
    return ok(started.value.report as GradcheckReport);
  } catch (error) {
    return problemOf(error);
  }
}

/** An error from the core as a problem: a formula error keeps its span, anything else its message in words. */
export function problemOf<T>(error: unknown): Parsed<T> {
  if (error instanceof FormulaError) return problem(error.message, { start: error.start, end: error.end, in: 'formula' });
  return problem(messageOf(error));
}

/** The name a request goes by in titles: "leaky_relu(alpha=0.2)", "f(x) = x^2/2". */
export function describeRequest(request: CheckRequest): string {
  const given = Object.entries(request.params).map(([k, v]) => `${k}=${v}`);
  if (request.kind === 'catalogue') return given.length ? `${request.id}(${given.join(', ')})` : request.id;
  const claim = request.derivative === undefined ? '' : `, f′(x) = ${request.derivative}`;
  return `f(x) = ${request.formula}${claim}${given.length ? ` with ${given.join(', ')}` : ''}`;
}

/** The core's messages start with "gradcheck: "; the command says "Gradient check" itself. */
export function messageOf(error: unknown): string {
  return plainMessageOf(error).replace(/^gradcheck: /, '');
}
