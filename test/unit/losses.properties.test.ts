/**
 * Properties every loss should have, checked on random inputs with fast-check: signs, limits and
 * identities between losses, agreement of gradients with central differences, NaN propagation.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { lossGradient, lossValue } from '../../src/core/api';

const RUNS = 200;
const real = fc.double({ min: -1e6, max: 1e6, noNaN: true });
const probability = fc.double({ min: 0, max: 1, noNaN: true });
const interior = fc.double({ min: 1e-3, max: 1 - 1e-3, noNaN: true });
const sign = fc.constantFrom(-1, 1);

const one = (id: string, y: number, yHat: number, params?: Record<string, number>): number =>
  lossValue(id, [y], [yHat], params)[0];
const grad = (id: string, y: number, yHat: number, params?: Record<string, number>): number =>
  lossGradient(id, [y], [yHat], params)[0];

/** |a − b| within `rel` of the larger magnitude (or `abs` near zero). */
function near(a: number, b: number, rel: number, abs = 0): boolean {
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

describe('loss properties (fast-check)', () => {
  it('regression and margin losses are ≥ 0 for any real inputs', () => {
    fc.assert(
      fc.property(real, real, (y, yHat) => {
        for (const id of ['mse', 'mae', 'log_cosh', 'huber', 'smooth_l1']) assert.ok(one(id, y, yHat) >= 0, id);
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(sign, real, (y, yHat) => {
        assert.ok(one('hinge', y, yHat) >= 0 && one('squared_hinge', y, yHat) >= 0);
      }),
      { numRuns: RUNS },
    );
  });

  it('probability losses are ≥ 0; a single kl_div term may be negative but never below −1/e', () => {
    fc.assert(
      fc.property(probability, probability, real, (y, p, z) => {
        for (const id of ['bce', 'focal', 'cce']) assert.ok(one(id, y, p) >= 0, `${id}(${y}, ${p})`);
        assert.ok(one('bce_with_logits', y, z) >= 0);
        assert.ok(one('kl_div', y, p) >= -1 / Math.E - 1e-15);
      }),
      { numRuns: RUNS },
    );
  });

  it('huber tends to half the squared error when delta exceeds every residual', () => {
    fc.assert(
      fc.property(real, real, (y, yHat) => {
        assert.ok(near(one('huber', y, yHat, { delta: 1e300 }), one('mse', y, yHat) / 2, 1e-15, 1e-300));
      }),
      { numRuns: RUNS },
    );
  });

  it('smooth_l1 with beta β equals huber with delta β divided by β, value and gradient', () => {
    const beta = fc.double({ min: 1e-3, max: 1e3, noNaN: true });
    fc.assert(
      fc.property(real, real, beta, (y, yHat, b) => {
        assert.ok(near(one('smooth_l1', y, yHat, { beta: b }), one('huber', y, yHat, { delta: b }) / b, 1e-14, 1e-300));
        assert.ok(near(grad('smooth_l1', y, yHat, { beta: b }), grad('huber', y, yHat, { delta: b }) / b, 1e-14, 1e-300));
      }),
      { numRuns: RUNS },
    );
  });

  it('cce_with_logits equals cce of the softmax wherever the softmax is representable', () => {
    const logits = fc.array(fc.double({ min: -30, max: 30, noNaN: true }), { minLength: 2, maxLength: 6 });
    fc.assert(
      fc.property(logits, fc.nat(), (z, k) => {
        const y = z.map((_, i) => (i === k % z.length ? 1 : 0));
        const m = Math.max(...z);
        const e = z.map((v) => Math.exp(v - m));
        const total = e.reduce((a, b) => a + b, 0);
        const s = e.map((v) => v / total);
        const fromLogits = lossValue('cce_with_logits', y, z);
        const fromProbabilities = lossValue('cce', y, s);
        for (let i = 0; i < z.length; i++) assert.ok(near(fromLogits[i], fromProbabilities[i], 1e-12, 1e-15));
      }),
      { numRuns: RUNS },
    );
  });

  it('bce_with_logits equals bce of the sigmoid for moderate logits, where σ keeps its digits', () => {
    fc.assert(
      fc.property(probability, fc.double({ min: -5, max: 5, noNaN: true }), (y, z) => {
        const p = 1 / (1 + Math.exp(-z));
        assert.ok(near(one('bce_with_logits', y, z), one('bce', y, p), 1e-12, 1e-15));
      }),
      { numRuns: RUNS },
    );
  });

  it('gradients agree with central differences at random smooth points', () => {
    /** Richardson-extrapolated central difference of ℓ(y, ·) at x. */
    const numeric = (f: (x: number) => number, x: number): number => {
      const h = 1e-3 * Math.max(1, Math.abs(x));
      const d = (s: number) => (f(x + s) - f(x - s)) / (2 * s);
      return (4 * d(h / 2) - d(h)) / 3;
    };
    const regression = ['mse', 'log_cosh', 'huber', 'smooth_l1'];
    fc.assert(
      fc.property(fc.double({ min: -5, max: 5, noNaN: true }), fc.double({ min: -5, max: 5, noNaN: true }), (y, yHat) => {
        for (const id of regression) {
          // Skip the kinks of the piecewise losses' second derivative, where differences are biased.
          if ((id === 'huber' || id === 'smooth_l1') && Math.abs(Math.abs(yHat - y) - 1) < 0.02) continue;
          const g = grad(id, y, yHat);
          assert.ok(near(numeric((x) => one(id, y, x), yHat), g, 1e-6, 1e-8), `${id} at y=${y}, ŷ=${yHat}`);
        }
      }),
      { numRuns: RUNS },
    );
    fc.assert(
      fc.property(probability, interior, fc.double({ min: -20, max: 20, noNaN: true }), (y, p, z) => {
        const h = 1e-4 * Math.min(p, 1 - p);
        for (const id of ['bce', 'focal', 'cce', 'kl_div']) {
          const f = (x: number) => one(id, y, x);
          const d = (f(p + h) - f(p - h)) / (2 * h);
          assert.ok(near(d, grad(id, y, p), 1e-5, 1e-8), `${id} at y=${y}, p=${p}`);
        }
        const g = grad('bce_with_logits', y, z);
        assert.ok(near(numeric((x) => one('bce_with_logits', y, x), z), g, 1e-6, 1e-9), `bce_with_logits at ${y}, ${z}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('hinge gradients are −y inside the margin and 0 beyond it', () => {
    fc.assert(
      fc.property(sign, real, (y, yHat) => {
        const expected = y * yHat <= 1 ? -y : 0;
        assert.strictEqual(grad('hinge', y, yHat), expected);
      }),
      { numRuns: RUNS },
    );
  });

  it('NaN in gives NaN out, for every loss, value and gradient', () => {
    const scalarLosses: [string, number, number][] = [
      ['mse', 0, 1], ['mae', 0, 1], ['log_cosh', 0, 1], ['huber', 0, 1], ['smooth_l1', 0, 1],
      ['bce', 1, 0.5], ['bce_with_logits', 1, 0], ['focal', 1, 0.5], ['cce', 1, 0.5], ['kl_div', 0.5, 0.5],
      ['hinge', 1, 0], ['squared_hinge', 1, 0],
    ];
    for (const [id, y, yHat] of scalarLosses) {
      assert.ok(Number.isNaN(one(id, y, NaN)) && Number.isNaN(grad(id, y, NaN)), `${id}: NaN prediction`);
      if (id !== 'hinge' && id !== 'squared_hinge') {
        assert.ok(Number.isNaN(one(id, NaN, yHat)) && Number.isNaN(grad(id, NaN, yHat)), `${id}: NaN label`);
      }
    }
    const values = lossValue('cce_with_logits', [0, 1], [NaN, 0]);
    const gradients = lossGradient('cce_with_logits', [0, 1], [NaN, 0]);
    assert.ok([...values, ...gradients].every(Number.isNaN));
  });
});
