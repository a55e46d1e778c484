import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { FormulaError, compileFormula } from '../../src/core/formula';

/** A robustness bound per case (not a benchmark): compiling one random string takes well under this. */
const COMPILE_BOUND_MS = 50;

/** Characters the grammar uses, plus some it rejects, so random strings hit both paths often. */
const ALPHABET = 'x()+-*/^,<>=!.0123456789eE abclogxpsqrtwhere_sigmoid;[]{}"\'`\\α−';

function compileTimed(source: string): { error?: unknown; ms: number } {
  const start = performance.now();
  try {
    compileFormula(source);
    return { ms: performance.now() - start };
  } catch (error) {
    return { error, ms: performance.now() - start };
  }
}

/** Source text of a random formula from the grammar, with its depth bounded. */
const smoothFormula: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constant('x'),
    fc.double({ min: 0.1, max: 3, noNaN: true }).map((v) => v.toPrecision(3)),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*'), tie('expr')).map(([a, op, b]) => `(${a} ${op} ${b})`),
    fc.tuple(tie('expr'), tie('expr')).map(([a, b]) => `(${a}) / (2 + (${b})^2)`),
    fc.tuple(fc.constantFrom('sin', 'cos', 'tanh', 'sigmoid', 'erf', 'softplus', 'silu', 'gelu', 'exp'), tie('expr')).map(
      ([f, a]) => (f === 'exp' ? `exp(tanh(${a}))` : `${f}(${a})`),
    ),
    fc.tuple(tie('expr'), fc.integer({ min: 2, max: 3 })).map(([a, n]) => `(${a})^${n}`),
    tie('expr').map((a) => `sqrt(1 + (${a})^2)`),
    tie('expr').map((a) => `log(2 + sin(${a}))`),
  ),
})).expr;

/** Any formula of the grammar (kinks, comparisons and parameters included), for "it compiles". */
const anyFormula: fc.Arbitrary<string> = fc.letrec<{ expr: string }>((tie) => ({
  expr: fc.oneof(
    { depthSize: 'small' },
    fc.constantFrom('x', 'alpha', 'pi', 'e', '2', '0.5', '1e-3'),
    fc.tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^', '**', '<', '<=', '>', '>=', '==', '!=', ' and ', ' or '), tie('expr')).map(
      ([a, op, b]) => `(${a})${op}(${b})`,
    ),
    fc.tuple(fc.constantFrom('-', 'not ', '+'), tie('expr')).map(([op, a]) => `${op}(${a})`),
    fc.tuple(fc.constantFrom('exp', 'log', 'log1p', 'expm1', 'sqrt', 'abs', 'sign', 'tanh', 'relu', 'elu', 'leaky_relu', 'erfc', 'cosh'), tie('expr')).map(
      ([f, a]) => `${f}(${a})`,
    ),
    fc.tuple(fc.constantFrom('min', 'max', 'pow'), tie('expr'), tie('expr')).map(([f, a, b]) => `${f}(${a}, ${b})`),
    fc.tuple(tie('expr'), tie('expr'), tie('expr')).map(([c, a, b]) => `where(${c}, ${a}, ${b})`),
  ),
})).expr;

/**
 * f′(x) by Richardson extrapolation of central differences (step h, h/2, h/4), with the difference of the
 * two first-level extrapolations as an estimate of its own error.
 */
function richardson(f: (x: number) => number, x: number): { value: number; error: number } {
  const h = 1e-3 * Math.max(1, Math.abs(x));
  const central = (step: number) => (f(x + step) - f(x - step)) / (2 * step);
  const d1 = central(h);
  const d2 = central(h / 2);
  const d3 = central(h / 4);
  const r1 = (4 * d2 - d1) / 3;
  const r2 = (4 * d3 - d2) / 3;
  return { value: (16 * r2 - r1) / 15, error: Math.abs(r2 - r1) };
}

describe('formula fuzz', () => {
  it(`random strings throw nothing but FormulaError and compile in < ${COMPILE_BOUND_MS} ms`, () => {
    const chars = fc.constantFrom(...ALPHABET.split(''));
    fc.assert(
      fc.property(fc.string({ unit: chars, maxLength: 80 }), (source) => {
        const { error, ms } = compileTimed(source);
        if (error !== undefined && !(error instanceof FormulaError)) throw error;
        // The bound is on the algorithm, not on a busy machine's scheduler: a slow first try is timed twice
        // more and the fastest of the three counts.
        const fastest = ms < COMPILE_BOUND_MS ? ms : Math.min(ms, compileTimed(source).ms, compileTimed(source).ms);
        assert.ok(fastest < COMPILE_BOUND_MS, `${JSON.stringify(source)} took ${fastest.toFixed(1)} ms (fastest of 3)`);
      }),
      { numRuns: 1500 },
    );
  });

  it('fully random unicode strings throw nothing but FormulaError', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (source) => {
        const { error } = compileTimed(source);
        if (error !== undefined && !(error instanceof FormulaError)) throw error;
      }),
      { numRuns: 500 },
    );
  });

  it('random valid formulas compile, evaluate and differentiate without throwing', () => {
    fc.assert(
      fc.property(anyFormula, fc.double({ min: -5, max: 5, noNaN: true }), (source, x) => {
        let f;
        try {
          f = compileFormula(source);
        } catch (error) {
          // The only grammatical formulas that may be rejected: too deep, or an x-dependent catalogue parameter.
          assert.ok(error instanceof FormulaError, String(error));
          assert.match(error.message, /nests more than|must not depend on x|alpha must be|too complex/);
          return;
        }
        const params = f.params.length ? { alpha: 0.5 } : undefined;
        try {
          f.evaluate([x], params);
          f.derivative([x], params);
        } catch (error) {
          // elu(x, …) and leaky_relu(x, …) with a parameter expression can be out of range at run time.
          assert.ok(error instanceof FormulaError, String(error));
        }
      }),
      { numRuns: 400 },
    );
  });

  it('the automatic derivative agrees with Richardson-extrapolated central differences', () => {
    let compared = 0;
    fc.assert(
      fc.property(smoothFormula, fc.double({ min: -3, max: 3, noNaN: true }), (source, x) => {
        const compiled = compileFormula(source);
        const scalar = compiled.scalar?.();
        assert.ok(scalar);
        const fx = scalar.f(x);
        const analytic = scalar.df(x);
        // Skip points where f is not finite or so steep that differences cannot resolve it.
        if (!Number.isFinite(fx) || !Number.isFinite(analytic) || Math.abs(analytic) > 1e6 || Math.abs(fx) > 1e8) return;
        const { value: numeric, error: numericError } = richardson(scalar.f, x);
        if (!Number.isFinite(numeric)) return;
        // Difference error scales with f (cancellation) as well as with f′.
        const tolerance = 1e-6 * (1 + Math.abs(analytic) + Math.abs(fx));
        // Skip points where the differences have not converged (f oscillates faster than the step resolves,
        // e.g. sin(x^6) near |x| = 2): there the numeric value is no reference.
        if (numericError > tolerance / 10) return;
        compared++;
        assert.ok(
          Math.abs(numeric - analytic) <= tolerance,
          `${source} at x = ${x}: automatic ${analytic}, numeric ${numeric}`,
        );
      }),
      { numRuns: 400 },
    );
    assert.ok(compared > 300, `only ${compared} points compared`);
  });
});
