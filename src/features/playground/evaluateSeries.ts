/**
 * The playground's numbers: the host is the single place that computes. Given a validated series request
 * it samples x on a uniform grid and returns f and f′ (activations, formulas), ℓ and ∂ℓ/∂ŷ per target y
 * (losses) or sᵢ and ∂sᵢ/∂x (softmax-like functions, from the Jacobian) as Float64Arrays; VS Code
 * transfers typed arrays through postMessage without JSON, so NaN survives as a gap in the plot.
 */
import { compileFormula } from '../../core/formula';
import type { CompiledFormula } from '../../core/formula/formulaTypes';
import { FormulaError } from '../../core/formula/formulaTypes';
import type { FormulaInfo, ResultLine, SeriesRequest } from './playgroundMessages';
import { linspace } from '../../shared/grid';
import { catalogueSeriesLines, SeriesError } from './catalogueLines';
import { messageOf } from '../../host/errorMessage';

export interface SeriesResult {
  readonly lines: ResultLine[];
  readonly formula?: FormulaInfo;
}

export function evaluateSeries(request: SeriesRequest): SeriesResult {
  try {
    if (request.source.type === 'formula') return evaluateFormula(request.source.formula, linspace(request.xMin, request.xMax, request.points), request.params);
    return { lines: catalogueSeriesLines(request) };
  } catch (error) {
    if (error instanceof SeriesError) throw error;
    if (error instanceof FormulaError) throw new SeriesError(error.message, error.start, error.end);
    throw new SeriesError(messageOf(error));
  }
}

/** Compiles `source` (cached) and reports its LaTeX and free parameters, or throws FormulaError. */
export function checkFormula(source: string): FormulaInfo {
  const compiled = compileCached(source);
  return { latex: compiled.latex, derivativeLatex: compiled.derivativeLatex, params: [...compiled.params] };
}

const compiledBySource = new Map<string, CompiledFormula>();
const MAX_CACHED_FORMULAS = 64;

function compileCached(source: string): CompiledFormula {
  let compiled = compiledBySource.get(source);
  if (compiled) {
    // Refresh its place so the most recently used formulas stay cached.
    compiledBySource.delete(source);
  } else {
    compiled = compileFormula(source);
    if (compiledBySource.size >= MAX_CACHED_FORMULAS) compiledBySource.delete(compiledBySource.keys().next().value as string);
  }
  compiledBySource.set(source, compiled);
  return compiled;
}

function evaluateFormula(source: string, xs: Float64Array, given: Readonly<Record<string, number>>): SeriesResult {
  const compiled = compileCached(source);
  // A parameter found in the formula gets the value 1 until the user moves its slider.
  const params: Record<string, number> = {};
  for (const name of compiled.params) params[name] = given[name] ?? 1;
  // f and f′ in one loop sharing their subexpressions (NUMERICS, issue 10).
  const both = compiled.evaluateWithDerivative(xs, params);
  return {
    lines: [
      { role: 'f', values: both.values },
      { role: 'df', values: both.derivatives },
    ],
    formula: { latex: compiled.latex, derivativeLatex: compiled.derivativeLatex, params: [...compiled.params] },
  };
}
