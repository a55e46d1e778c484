/**
 * compileFormula: source → syntax tree → expression graph → symbolic derivative → LaTeX and two compiled
 * loops (value, derivative). Everything that can go wrong with the text is a FormulaError with a span.
 */
import { checkParam, toFloat64 } from '../api';
import { catalogue } from '../catalogue';
import { describeValue } from '../describe';
import type { ElementwiseActivationDef, Params } from '../functionTypes';
import { type Generated, type RuntimeTable, generate } from './codegen';
import { differentiate } from './derivative';
import { type Expr, ExprBuilder } from './expr';
import { builtins } from './functions';
import { toLatex } from './latex';
import { type Lowered, type Span, lower, paramSiteKey } from './lower';
import { parse } from './parser';
import { rewriteStable } from './rewrite';
import { type WideEvaluator, wideEvaluator } from './wideRange';
import { type CompiledFormula, FormulaError, type FormulaNote } from './formulaTypes';

export function compileFormula(source: string): CompiledFormula {
  try {
    return compile(source);
  } catch (error) {
    // A formula within the length and depth limits can still be a long chain (x+x+…+x); should any walk
    // over it exhaust the stack, that is the formula's size, not a bug to surface as a crash.
    if (error instanceof RangeError) {
      throw new FormulaError('the formula is too complex to compile', 0, typeof source === 'string' ? source.length : 0);
    }
    throw error;
  }
}

function compile(source: string): CompiledFormula {
  const notes: FormulaNote[] = [];
  const tree = parse(source, notes);
  const builder = new ExprBuilder();
  const written = lower(tree, builder);
  const sites = new Map(written.sites);
  const stable = rewriteStable(written.expr, builder, sites);
  const lowered: Lowered = { ...written, expr: stable.expr, sites };
  for (const message of stable.applied) notes.push({ kind: 'rewrite', message, start: 0, end: source.length });
  const derivativeExpr = differentiate(lowered.expr, builder);
  const params = [...lowered.params.keys()].sort();
  const paramIndex = new Map(params.map((name, i) => [name, i]));
  const siteKey = (e: Expr) => paramSiteKey(e.name, e.args.slice(1));
  const valueCode = generate(lowered.expr, paramIndex, siteKey);
  // f′ is NaN wherever f is (f is computed alongside; it shares most of its work with f′ anyway).
  const derivativeCode = generate(derivativeExpr, paramIndex, siteKey, lowered.expr);
  const fusedCode = generate([lowered.expr, derivativeExpr], paramIndex, siteKey, lowered.expr);
  // The slow path of all three loops: f and f′ with an unbounded exponent where a loop gave NaN.
  const wideRange = wideEvaluator(lowered.expr, derivativeExpr, {
    paramSlot: paramIndex,
    builtin: (name) => (builtins.get(name) as NonNullable<ReturnType<typeof builtins.get>>).impl,
    activation: (e, values) => ({
      def: catalogue.get(e.name)?.def as ElementwiseActivationDef,
      params: siteParams(lowered, siteKey(e), values),
    }),
  });
  const valueTable = runtimeTable(valueCode, lowered, wideRange);
  const derivativeTable = runtimeTable(derivativeCode, lowered, wideRange);
  const fusedTable = runtimeTable(fusedCode, lowered, wideRange);

  const run = (code: Generated, table: RuntimeTable, x: ArrayLike<number>, given?: Record<string, number>) => {
    const P = parameterVector(params, lowered, given, source);
    const X = toFloat64(x, 'x');
    const out = new Float64Array(X.length);
    code.kernel(X, out, P, table);
    return out;
  };

  return {
    source,
    latex: toLatex(lowered.expr),
    derivativeLatex: toLatex(derivativeExpr),
    notes: Object.freeze(notes),
    params,
    evaluate: (x, given) => run(valueCode, valueTable, x, given),
    derivative: (x, given) => run(derivativeCode, derivativeTable, x, given),
    evaluateWithDerivative: (x, given, into) => {
      const P = parameterVector(params, lowered, given, source);
      const X = toFloat64(x, 'x');
      const values = into?.values ?? new Float64Array(X.length);
      const derivatives = into?.derivatives ?? new Float64Array(X.length);
      if (!(values instanceof Float64Array) || !(derivatives instanceof Float64Array) || values.length !== X.length || derivatives.length !== X.length) {
        throw new Error(`evaluateWithDerivative: into must hold two Float64Arrays of x's length ${X.length}`);
      }
      fusedCode.kernel(X, values, P, fusedTable, derivatives);
      return { values, derivatives };
    },
    js: { value: valueCode.source, derivative: derivativeCode.source, fused: fusedCode.source },
    scalar: (given) => {
      const P = parameterVector(params, lowered, given, source);
      const point = new Float64Array(1);
      const result = new Float64Array(1);
      const scalar = (code: Generated, table: RuntimeTable) => (x: number) => {
        point[0] = x;
        code.kernel(point, result, P, table);
        return result[0];
      };
      return { f: scalar(valueCode, valueTable), df: scalar(derivativeCode, derivativeTable) };
    },
  };
}

/** The checked parameter object of catalogue site `key` for these values (defaults for the ones not given). */
function siteParams(lowered: Lowered, key: string, values: readonly number[]): Params {
  const site = lowered.sites.get(key);
  if (!site) throw new Error('formula: unknown parameter site');
  const out: Record<string, number> = {};
  site.specs.forEach((spec, i) => {
    const value = i < values.length ? values[i] : spec.default;
    const problem = checkParam(spec, value);
    const span = site.spans[i] ?? { start: 0, end: 0 };
    if (problem) throw new FormulaError(`${site.id}: ${problem}`, span.start, span.end);
    out[spec.name] = value;
  });
  return out;
}

function runtimeTable(code: Generated, lowered: Lowered, W: WideEvaluator): RuntimeTable {
  const f = code.functions.map((name) => {
    const builtin = builtins.get(name);
    if (!builtin) throw new Error(`formula: no built-in '${name}'`);
    return builtin.impl;
  });
  const c = code.catalogueIds.map((id) => catalogue.get(id)?.def as ElementwiseActivationDef);
  const q = (index: number, values: readonly number[]): Params => siteParams(lowered, code.paramSites[index], values);
  return Object.freeze({ f: Object.freeze(f), c: Object.freeze(c), q, W, S: new Float64Array(2) });
}

/** The parameter values in slot order, each checked; a missing, misspelt or non-numeric one is an error. */
function parameterVector(
  names: readonly string[],
  lowered: Lowered,
  given: Record<string, unknown> | undefined,
  source: string,
): Float64Array {
  const P = new Float64Array(names.length);
  if (given !== undefined && (given === null || typeof given !== 'object')) {
    throw new FormulaError(`parameters must be an object of numbers, got ${given === null ? 'null' : typeof given}`, 0, source.length);
  }
  const values = given ?? {};
  names.forEach((name, i) => {
    const span: Span = lowered.params.get(name) ?? { start: 0, end: source.length };
    if (!Object.prototype.hasOwnProperty.call(values, name)) {
      throw new FormulaError(`parameter '${name}' has no value`, span.start, span.end);
    }
    const value = values[name];
    if (typeof value !== 'number' || Number.isNaN(value)) {
      const shown = describeValue(value);
      throw new FormulaError(`parameter '${name}' must be a number, got ${shown}`, span.start, span.end);
    }
    P[i] = value;
  });
  for (const name of Object.keys(values)) {
    if (!names.includes(name)) {
      const known = names.length ? `its parameters are ${names.join(', ')}` : 'it has no parameters';
      throw new FormulaError(`the formula has no parameter '${name}' (${known})`, 0, source.length);
    }
  }
  return P;
}
