/**
 * The edges issue 10 lists, one named test each: no NaN where the truth is ±∞ or a number (references from
 * mpmath at 60 digits, printed by the snippet in each test's comment), a catalogue no caller can change,
 * and bad input named in the error.
 */
import * as assert from 'node:assert/strict';
import { compileFormula, derivative, evaluate, evaluateWithDerivative, FormulaError, jacobian, listFunctions, lossGradient, lossValue } from '../../src/core';
import { ulpError } from './ulp';

function within(got: number, want: number, ulps: number, what: string): void {
  const error = ulpError(got, want);
  assert.ok(error <= ulps, `${what}: got ${got}, want ${want} (${error} ulp)`);
}

describe('api edges (issue 10)', () => {
  describe('mse is +∞, never NaN, where the squared residual overflows', () => {
    it('mse(y = 0, ŷ = 1.7976931348623157e308) is +∞', () => {
      assert.equal(lossValue('mse', [0], [1.7976931348623157e308])[0], Infinity);
    });
    it('mse(y = −1e300, ŷ = −1e8) is +∞ (the correction term overflows with the other sign)', () => {
      assert.equal(lossValue('mse', [-1e300], [-1e8])[0], Infinity);
    });
    it('mse stays finite and within 1 ulp where the residual squared fits: (1.3e154 + 1e138)²', () => {
      // mpmath: float((mpf(1.3e154) - mpf(-1e138))**2)
      within(lossValue('mse', [-1e138], [1.3e154])[0], 1.6900000000000002e308, 1, 'mse');
      within(lossValue('mse', [-1e138], [1e154])[0], 1.0000000000000002e308, 1, 'mse');
    });
    it('squared hinge and huber with a huge δ are +∞ or finite, never NaN', () => {
      assert.equal(lossValue('squared_hinge', [-1], [1.7976931348623157e308])[0], Infinity);
      const huge = lossValue('huber', [-1e300], [-1e8], { delta: 1.7976931348623157e308 })[0];
      assert.ok(!Number.isNaN(huge), `huber gave ${huge}`);
    });
  });

  describe('focal ∂ℓ/∂p with a soft label is finite (or −∞) at tiny p', () => {
    // mpmath, 60 digits: a·y·(g·q^(g−1)·log p − q^g/p) + (1−a)(1−y)(p^g/q − g·p^(g−1)·log1p(−p)), q = 1 − p
    const cases: [number, number, number, number][] = [
      [0.5, 1e-305, 2, -1.25e304],
      [0.5, 7.47e-301, 2, -1.673360107095047e299],
      [0.5, 1e-300, 2, -1.2499999999999999e299],
      [0.3, 1e-251, 2, -7.5e249],
      [0.9, 2.5e-308, 0.5, -9.000000000000001e306],
    ];
    for (const [y, p, gamma, want] of cases) {
      it(`focal′(y = ${y}, p = ${p}, γ = ${gamma}) = ${want}`, () => {
        within(lossGradient('focal', [y], [p], { gamma })[0], want, 2, 'focal′');
      });
    }
    it('focal′(y = 0.7, p = 5e−324) is −∞ (αy/p overflows)', () => {
      assert.equal(lossGradient('focal', [0.7], [5e-324])[0], -Infinity);
    });
  });

  describe('listFunctions() hands out frozen data', () => {
    it('writing a default there cannot change evaluate', () => {
      const info = listFunctions().find((f) => f.id === 'leaky_relu');
      assert.ok(info);
      assert.throws(() => {
        (info.params[0] as { default: number }).default = 5;
      }, TypeError);
      assert.equal(evaluate('leaky_relu', [-1])[0], -0.01);
    });
    it('the returned list itself may be changed without effect on the next call', () => {
      const first = listFunctions();
      const count = first.length;
      first.length = 0;
      assert.equal(listFunctions().length, count);
    });
  });

  describe('bad input is named', () => {
    it('a BigInt in x', () => {
      assert.throws(() => evaluate('relu', [1n as unknown as number]), /x\[0\] must be a number, got 1n \(a BigInt/);
    });
    it('a Symbol in x', () => {
      assert.throws(() => evaluate('relu', [Symbol('s') as unknown as number]), /x\[0\] must be a number, got Symbol\(s\) \(a symbol\)/);
    });
    it('a BigInt parameter', () => {
      assert.throws(() => evaluate('leaky_relu', [1], { alpha: 1n as unknown as number }), /must be a number, got 1n/);
    });
    it('a Jacobian too large to allocate is refused before allocating, with its size', () => {
      assert.throws(() => jacobian('softmax', new Float64Array(2e4)), /x has 20000 elements, so the Jacobian would have 4\.00e\+8 entries \(3\.2 GB\)/);
      assert.throws(() => jacobian('relu', new Float64Array(1e5)), /limit is 16777216 entries/);
      assert.equal(jacobian('softmax', new Float64Array(2e4), undefined, { rowLength: 4 }).length, 2e4 * 4);
    });
    it('a BigInt formula parameter is a FormulaError naming the parameter', () => {
      const f = compileFormula('x*a');
      assert.throws(
        () => f.evaluate([1], { a: 1n as unknown as number }),
        (e: unknown) => e instanceof FormulaError && /parameter 'a' must be a number, got 1n/.test(e.message),
      );
    });
  });

  describe('deeply nested formulas are FormulaErrors, never a stack overflow', () => {
    const deep = 20_000;
    const sources: [string, string][] = [
      ['parentheses', '('.repeat(deep) + 'x' + ')'.repeat(deep)],
      ['calls', 'exp('.repeat(deep) + 'x' + ')'.repeat(deep)],
      ['unary minus', '-'.repeat(deep) + 'x'],
      ['powers', 'x' + '^x'.repeat(deep)],
      ['where', 'where(x > 0, '.repeat(deep) + 'x' + ', 0)'.repeat(deep)],
      ['parentheses within the length limit', '('.repeat(900) + 'x' + ')'.repeat(900)],
    ];
    for (const [what, source] of sources) {
      it(`${deep}-deep ${what}`, () => {
        assert.throws(
          () => compileFormula(source),
          (e: unknown) => e instanceof FormulaError && !/call stack/.test(e.message),
        );
      });
    }
  });
});

describe('evaluateWithDerivative for built-ins', () => {
  const xs = [0, -0, 1, -1, 0.3, 2.5, -7, 40, -40, 745, -745, 1e-300, -1e-300, 1e300, Infinity, -Infinity, NaN];
  for (const info of listFunctions()) {
    if (info.kind !== 'activation' || info.id === 'softmax' || info.id === 'log_softmax') continue;
    it(`${info.id}: the same bits as evaluate and derivative`, () => {
      const both = evaluateWithDerivative(info.id, xs);
      assert.deepEqual(Array.from(both.values), Array.from(evaluate(info.id, xs)));
      assert.deepEqual(Array.from(both.derivatives), Array.from(derivative(info.id, xs)));
    });
  }
  it('with parameters, and naming a vector activation', () => {
    assert.deepEqual(Array.from(evaluateWithDerivative('elu', [-1], { alpha: 2 }).values), Array.from(evaluate('elu', [-1], { alpha: 2 })));
    assert.throws(() => evaluateWithDerivative('softmax', [1, 2]), /couples its inputs/);
  });
});

describe('gelu_tanh uses the double nearest 0.044715, as PyTorch and JAX do', () => {
  // mpmath, 60 digits: x/(1 + exp(−2·√(2/π)·(x + c·x³))) at x = −18 with c = mpf(0.044715) (the double) and
  // with c = mpf('0.044715') (the decimal); the two differ by 100 ulps there.
  const withDouble = -1.1292762288213423e-192;
  const withDecimal = -1.1292762288213193e-192;
  it('gelu_tanh(−18) is within 2 ulps of the double-constant reference', () => {
    within(evaluate('gelu_tanh', [-18])[0], withDouble, 2, 'gelu_tanh(−18)');
  });
  it('and about 100 ulps from the decimal-constant one', () => {
    assert.ok(ulpError(evaluate('gelu_tanh', [-18])[0], withDecimal) > 50);
  });
});
