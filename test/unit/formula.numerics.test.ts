/**
 * The formula language's numerics (issue 10): Python/JavaScript literals, stable rewrites shown as what is
 * computed, the catalogue's subgradient at kinks, NaN propagation into f′, and the fused f-and-f′ loop that
 * gives the same bits as the separate ones. References from mpmath at 60 digits where a number is checked.
 */
import * as assert from 'node:assert/strict';
import { compileFormula, derivative, FormulaError } from '../../src/core';

function rejects(source: string, message: RegExp, start: number, end: number): void {
  assert.throws(
    () => compileFormula(source),
    (e: unknown) => {
      assert.ok(e instanceof FormulaError, `not a FormulaError: ${String(e)}`);
      assert.match(e.message, message);
      assert.deepEqual([e.start, e.end], [start, end], `span of ${JSON.stringify(e.message)}`);
      return true;
    },
  );
}

const at = (source: string, x: number) => {
  const f = compileFormula(source);
  return { value: f.evaluate([x])[0], slope: f.derivative([x])[0] };
};

describe('formula numerics (issue 10)', () => {
  describe('numeric literals as Python and JavaScript write them', () => {
    it('1_000*x is 1000·x, not 1·_000·x', () => {
      const f = compileFormula('1_000*x');
      assert.deepEqual(f.params, []);
      assert.equal(f.evaluate([2])[0], 2000);
      assert.equal(compileFormula('1_000.000_1').evaluate([0])[0], 1000.0001);
    });
    it('a misplaced underscore is an error with its span', () => {
      rejects('1__0*x', /misplaced '_'/, 1, 4);
      rejects('2_ + x', /misplaced '_'/, 1, 2);
    });
    it('1e-400 becomes 0 with a warning that points at it', () => {
      const f = compileFormula('x + 1e-400');
      assert.equal(f.evaluate([1])[0], 1);
      assert.deepEqual(
        f.notes.map((n) => [n.kind, n.start, n.end]),
        [['warning', 4, 10]],
      );
      assert.match(f.notes[0].message, /1e-400 is below the smallest double/);
      assert.deepEqual(compileFormula('x + 0e5').notes, []);
    });
    it('1e309 is still an error (no double is that large)', () => {
      rejects('1e309*x', /too large for a double/, 0, 5);
    });
    it('0x, 0x1F and 0b1 are rejected with the span of the literal', () => {
      rejects('0x', /hexadecimal, binary and octal/, 0, 2);
      rejects('1 + 0x1F', /hexadecimal/, 4, 8);
      rejects('0b1*x', /hexadecimal/, 0, 3);
    });
    it('a leading zero (012) is an error, not twelve or octal ten', () => {
      rejects('012*x', /leading zero: write 12/, 0, 3);
      assert.equal(compileFormula('0.5*x').evaluate([2])[0], 1);
    });
  });

  describe('stable rewrites, shown in the LaTeX as what is computed', () => {
    it('log(1 + exp(x)) is softplus: 745 and slope 1 at x = 745 (not ∞ and NaN)', () => {
      const f = compileFormula('log(1 + exp(x))');
      assert.equal(f.latex, '\\operatorname{softplus}(x)');
      assert.deepEqual(at('log(1 + exp(x))', 745), { value: 745, slope: 1 });
      assert.deepEqual(at('log(exp(x) + 1)', 745), { value: 745, slope: 1 });
      assert.equal(f.notes[0].kind, 'rewrite');
      assert.match(f.notes[0].message, /softplus/);
    });
    it('log(sigmoid(x)) is log_sigmoid: −800 at x = −800 (not −∞)', () => {
      assert.equal(at('log(sigmoid(x))', -800).value, -800);
      assert.equal(compileFormula('log(sigmoid(x))').latex, '\\operatorname{log\\_sigmoid}(x)');
    });
    it('log(1 − sigmoid(x)) is log_sigmoid(−x): −40 at x = 40 (not −∞)', () => {
      // mpmath: log(1 - 1/(1 + exp(-40))) = -40.0000000000000000042…
      assert.equal(at('log(1 - sigmoid(x))', 40).value, -40);
      assert.equal(at('log(1 - sigmoid(x))', 40).slope, -1);
    });
    it('exp(x) − 1 is expm1: every digit at x = 1e−10', () => {
      // mpmath: expm1(1e-10) = 1.00000000005e-10
      assert.equal(at('exp(x) - 1', 1e-10).value, 1.00000000005e-10);
      assert.equal(compileFormula('exp(x) - 1').latex, '\\operatorname{expm1}(x)');
    });
    it('log(1 + x) is log1p: 1e−17 at x = 1e−17 (not 0)', () => {
      assert.equal(at('log(1 + x)', 1e-17).value, 1e-17);
      assert.equal(at('log(x + 1)', 1e-17).slope, 1);
    });
    it('nothing is rewritten where no identity applies', () => {
      assert.deepEqual(compileFormula('log(2 + exp(x)) + exp(x) - 2').notes, []);
    });
  });

  describe('derivatives at kinks and where f is undefined', () => {
    it("max(x, 0)′(0) = relu′(0) and min(x, 0)′(0) = 0, the catalogue's convention", () => {
      assert.equal(at('max(x, 0)', 0).slope, derivative('relu', [0])[0]);
      assert.equal(at('max(0, x)', 0).slope, derivative('relu', [0])[0]);
      assert.equal(at('min(x, 0)', 0).slope, 0);
      assert.equal(at('max(x, 0.01*x)', 0).slope, derivative('leaky_relu', [0])[0]);
      assert.equal(at('min(max(x, 0), 6)', 6).slope, derivative('relu6', [6])[0]);
      assert.equal(at('max(x, 0)', 1e-300).slope, 1);
      assert.equal(at('max(x, 0)', -1e-300).slope, 0);
    });
    it('f NaN ⇒ f′ NaN: log(−1) + x has no slope', () => {
      assert.ok(Number.isNaN(at('log(-1) + x', 1).slope));
      assert.ok(Number.isNaN(at('sqrt(x) + x', -1).slope));
    });
    it('x/x has slope 0 at ±1e−300 (the quotient rule never forms x²)', () => {
      assert.equal(at('x/x', 1e-300).slope, 0);
      assert.equal(Math.abs(at('x/x', -1e-300).slope), 0);
      assert.equal(at('1/x', 1e-200).slope, -1 / 1e-200 / 1e-200);
    });
  });

  describe("a formula's own exp overflowing: no NaN where f and f′ are numbers (issue 10)", () => {
    // [x, f, f′] from mpmath at 80 digits (test/fixtures/generate_formula_overflow.py prints them).
    const references: Record<string, [number, number, number][]> = {
      'x / (1 + exp(-x))': [
        [-709, -8.62697552192007e-306, -8.614807714413836e-306],
        [-710, -3.1781632202293424e-306, -3.173686934003667e-306],
        [-720, -1.46320617774547e-310, -1.46117394694305e-310],
        [-745, -2.105e-321, -2.1e-321],
        [-800, -0, -0],
        [-1e5, -0, -0],
        [-5e5, -0, -0],
      ],
      'x / (1 + exp(-1.702 * x))': [
        [-420, -1.4865579597463174e-308, -2.5265822237745503e-308],
        [-430, -6.17602334e-316, -1.04972289e-315],
        [-437, -4.204e-321, -7.144e-321],
        [-500, -0, -0],
      ],
      'exp(x) / (1 + exp(x))': [
        [710, 1, 4.47628622567513e-309],
        [745, 1, 5e-324],
        [800, 1, 0],
        [5e5, 1, 0],
      ],
      'x * exp(-x)': [
        [700, 6.90177358063184e-302, -6.891913904088079e-302],
        [800, 0, -0],
        [-700, -7.099624383145031e306, 7.109766703692381e306],
        [-709, -Infinity, Infinity],
      ],
    };
    for (const [source, rows] of Object.entries(references)) {
      it(`${source}: f′ is a number (or ±∞) at ${rows.map((r) => r[0]).join(', ')}, and matches mpmath`, () => {
        const f = compileFormula(source);
        const xs = rows.map((r) => r[0]);
        const fused = f.evaluateWithDerivative(xs);
        const slopes = f.derivative(xs);
        rows.forEach(([x, value, slope], i) => {
          assert.ok(!Number.isNaN(fused.derivatives[i]), `${source} at ${x}: f′ NaN`);
          assert.ok(!Number.isNaN(fused.values[i]), `${source} at ${x}: f NaN`);
          assert.equal(slopes[i], fused.derivatives[i]);
          // What the formula computes in doubles is not exact in the subnormal range, nor where its own
          // derivative cancels (exp(x)/(1 + exp(x)) has f′ = f − f², 0 past x = 710 where the truth is
          // below 4.5e−309): 1e−13 relative, 1e−320 absolute, and 1e−300 absolute for that one.
          const floor = source.startsWith('exp') ? 1e-300 : 1e-320;
          const near = (got: number, want: number) => got === want || Math.abs(got - want) <= Math.max(floor, 1e-13 * Math.abs(want));
          assert.ok(near(fused.derivatives[i], slope), `${source}′(${x}) = ${fused.derivatives[i]}, want ${slope}`);
          assert.ok(near(fused.values[i], value) || Math.abs(value) < 1e-300, `${source}(${x}) = ${fused.values[i]}, want ${value}`);
        });
      });
    }
    it('a real NaN stays NaN (log(−1) + x, sqrt(x) at −1, 0/0 at x = 0), and so does f′', () => {
      assert.ok(Number.isNaN(at('log(-1) + x', 800).slope));
      assert.ok(Number.isNaN(at('sqrt(x) * exp(x)', -1).value));
      assert.ok(Number.isNaN(at('x / x', 0).value));
      assert.ok(Number.isNaN(at('x / x', 0).slope));
    });
    it('log(exp(x)) at 800 is 800 and sqrt(exp(x))/exp(x/2) is 1 (an intermediate ∞ is not the result)', () => {
      assert.deepEqual(at('log(exp(x))', 800), { value: 800, slope: 1 });
      assert.equal(at('sqrt(exp(x)) / exp(x / 2)', 800).value, 1);
      assert.equal(at('exp(x)', 800).value, Infinity);
      assert.equal(at('1 / x', 0).value, Infinity);
    });
    it('exp(x) − exp(x) and exp(x)/exp(x) at 800: 0 and 1 with slope 0 (not ∞ − ∞, ∞/∞)', () => {
      assert.deepEqual(at('exp(x) - exp(x)', 800), { value: 0, slope: 0 });
      assert.deepEqual(at('exp(x) / exp(x)', 800), { value: 1, slope: 0 });
      assert.deepEqual(at('exp(x) / exp(x)', 5e5), { value: 1, slope: 0 });
      // Past x = 2^19 e^x is a true ∞ (the exponent would no longer be exact), as in doubles.
      assert.ok(Number.isNaN(at('exp(x) / exp(x)', 1e6).value));
    });
  });

  describe('evaluateWithDerivative: one loop, same bits', () => {
    const formulas = [
      'x / (1 + exp(-1.702 * x))',
      'x * sigmoid(1.702 * x)',
      'log(1 + exp(x))',
      'where(x > 0, x, 0.1 * x)',
      'softplus(x) * sigmoid(x) + tanh(x)^2',
      'gelu(x) + elu(x, 0.5) * log(sigmoid(x))',
      'max(x, 0) - min(x^3, 1) + abs(x)',
      'a * x^2 + b',
      'x / (1 + exp(-x))',
      'exp(x) / (1 + exp(x)) + x * exp(-x)',
    ];
    const xs = [0, -0, 1, -1, 0.3, 2.5, -7, 40, -40, 745, -745, 800, -800, 1e-300, -1e-300, 1e300, -1e300, Infinity, -Infinity, NaN];
    for (const source of formulas) {
      it(`${source}: values and derivatives equal evaluate and derivative bit for bit`, () => {
        const f = compileFormula(source);
        const params = f.params.length ? { a: 1.5, b: -2 } : undefined;
        const fused = f.evaluateWithDerivative(xs, params);
        assert.deepEqual(Array.from(fused.values), Array.from(f.evaluate(xs, params)));
        assert.deepEqual(Array.from(fused.derivatives), Array.from(f.derivative(xs, params)));
      });
    }
    it('over several blocks of points, with NaN and overflow in some blocks only, each point is what it is alone', () => {
      const xs = Float64Array.from({ length: 3000 }, (_, i) => -900 + (1800 * i) / 2999);
      xs[1700] = NaN;
      for (const source of ['x / (1 + exp(-x))', 'log(x) + exp(x)', 'where(x > 0, x, 0.1 * x)']) {
        const f = compileFormula(source);
        const fused = f.evaluateWithDerivative(xs);
        const values = f.evaluate(xs);
        const slopes = f.derivative(xs);
        xs.forEach((x, i) => {
          const alone = f.evaluateWithDerivative([x]);
          assert.ok(Object.is(fused.values[i], alone.values[0]) && Object.is(values[i], alone.values[0]), `${source} at ${x}`);
          assert.ok(Object.is(fused.derivatives[i], alone.derivatives[0]) && Object.is(slopes[i], alone.derivatives[0]), `${source}′ at ${x}`);
        });
      }
    });
    it('computes shared subexpressions once: one exp for x / (1 + exp(−1.702x)) and its derivative', () => {
      const js = (compileFormula('x / (1 + exp(-1.702 * x))').js?.fused ?? '').split('if (bad !== 0)')[0];
      assert.equal(js.match(/\bf\d+\(/g)?.length, 1, js);
    });
    it('computes σ and σ′ of x·sigmoid(1.702x) from one exp, pasted into the loop (no call per point)', () => {
      // The fast pass, before the block's checked second pass.
      const js = (compileFormula('x * sigmoid(1.702 * x)').js?.fused ?? '').split('if (bad !== 0)')[0];
      const exp = js.match(/const (f\d+) = T\.f\[\d+\];/g)?.map((line) => line.split(' ')[1]) ?? [];
      // exp and abs are the only table functions, and there is one call of each per point.
      assert.equal(exp.length, 2, js);
      assert.equal(js.match(/\bf\d+\(/g)?.length, 2, js);
      assert.doesNotMatch(js, /\.value\(|\.derivative\(/);
    });
    it('one if/else for the wheres of f and f′ on the same condition', () => {
      const js = (compileFormula('where(x > 0, x, 0.1 * x)').js?.fused ?? '').split('if (bad !== 0)')[0];
      assert.equal(js.match(/\bif \(\(v > 0\)\)/g)?.length, 1, js);
      const nested = compileFormula('where(x > 0, where(x > 0, x, 2), 3 * x)');
      assert.deepEqual(Array.from(nested.evaluateWithDerivative([1, -1]).derivatives), [1, 3]);
    });
    it('writes into given arrays, and refuses arrays of the wrong length', () => {
      const f = compileFormula('x * sigmoid(x)');
      const into = { values: new Float64Array(3), derivatives: new Float64Array(3) };
      const out = f.evaluateWithDerivative([0, 1, 2], undefined, into);
      assert.equal(out.values, into.values);
      assert.deepEqual(Array.from(into.derivatives), Array.from(f.derivative([0, 1, 2])));
      assert.throws(() => f.evaluateWithDerivative([0, 1], undefined, into), /two Float64Arrays of x's length 2/);
    });
    it('checks parameters like evaluate', () => {
      assert.throws(() => compileFormula('a*x').evaluateWithDerivative([1], {}), /parameter 'a' has no value/);
    });
  });
});
