/**
 * Properties the activations should have, checked on random inputs with fast-check: identities between
 * functions, softmax's normalisation and shift invariance, monotonicity, agreement of derivatives with
 * central differences, and NaN propagation. Everything goes through the public api.
 */
import * as assert from 'assert';
import fc from 'fast-check';
import { derivative, evaluate, jacobian, listFunctions } from '../../src/core/api';

const RUNS = 300;
const EPS = Number.EPSILON; // 2^-52, one ulp of 1

const f = (id: string, x: number, params?: Record<string, number>) => evaluate(id, [x], params)[0];
const df = (id: string, x: number, params?: Record<string, number>) => derivative(id, [x], params)[0];

/** |a − b| ≤ max(abs, rel·max(|a|, |b|)). */
function near(a: number, b: number, rel: number, abs = 0): boolean {
  return Math.abs(a - b) <= Math.max(abs, rel * Math.max(Math.abs(a), Math.abs(b)));
}

const moderate = fc.double({ min: -50, max: 50, noNaN: true });
const anyFinite = fc.double({ noNaN: true, noDefaultInfinity: true });
/** Dyadic values k/8: sums with small integers are exact, so shifts do not round. */
const dyadicVector = fc.array(fc.integer({ min: -4000, max: 4000 }), { minLength: 1, maxLength: 12 }).map((ks) => ks.map((k) => k / 8));

const elementwiseIds = () => listFunctions().filter((i) => i.kind === 'activation' && i.shape === 'elementwise').map((i) => i.id);

describe('activation properties (fast-check)', () => {
  it('tanh(x) = 2σ(2x) − 1 to within a few ulps of 1 (the right side cancels near 0, so the bound is absolute)', () => {
    fc.assert(
      fc.property(moderate, (x) => {
        const lhs = f('tanh', x);
        const rhs = 2 * f('sigmoid', 2 * x) - 1;
        // σ is within 2 ulps (≤ 2·EPS/2 absolute, as σ ≤ 1); doubled, plus tanh's own ulp.
        assert.ok(near(lhs, rhs, 4 * EPS, 4 * EPS), `x = ${x}: ${lhs} vs ${rhs}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('softmax is positive-or-zero and sums to 1 within n ulps', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e3, max: 1e3, noNaN: true }), { minLength: 1, maxLength: 20 }), (x) => {
        const s = evaluate('softmax', x);
        let sum = 0;
        for (const v of s) {
          assert.ok(v >= 0 && v <= 1, `element ${v}`);
          sum += v;
        }
        assert.ok(Math.abs(sum - 1) <= s.length * EPS, `sum ${sum} for n = ${s.length}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('softmax and log_softmax are unchanged, bit for bit, by an exact shift of every input', () => {
    fc.assert(
      fc.property(dyadicVector, fc.integer({ min: -1000, max: 1000 }), (x, c) => {
        const shifted = x.map((v) => v + c);
        for (const id of ['softmax', 'log_softmax']) {
          assert.deepStrictEqual([...evaluate(id, shifted)], [...evaluate(id, x)], id);
          assert.deepStrictEqual([...jacobian(id, shifted)], [...jacobian(id, x)], `${id} Jacobian`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('log_softmax = log(softmax) wherever softmax has not underflowed', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -300, max: 300, noNaN: true }), { minLength: 1, maxLength: 12 }), (x) => {
        const s = evaluate('softmax', x);
        const ls = evaluate('log_softmax', x);
        s.forEach((si, i) => {
          if (si < 1e-300) return; // log of an underflowed or subnormal probability is not comparable
          // softmax is within ~3 ulps, so log(s) is within ~3·EPS absolute of the truth.
          assert.ok(near(ls[i], Math.log(si), 2 * EPS, 4 * EPS), `i = ${i}: ${ls[i]} vs log ${Math.log(si)}`);
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('softplus′ is the sigmoid, bit for bit', () => {
    fc.assert(
      fc.property(anyFinite, (x) => assert.strictEqual(df('softplus', x), f('sigmoid', x))),
      { numRuns: RUNS },
    );
  });

  it('SiLU(x) = x·σ(x) within a few ulps while x·σ(x) is normal', () => {
    fc.assert(
      fc.property(fc.double({ min: -700, max: 700, noNaN: true }), (x) => {
        const product = x * f('sigmoid', x);
        if (Math.abs(product) < 1e-300) return;
        assert.ok(near(f('silu', x), product, 4 * EPS), `x = ${x}`);
      }),
      { numRuns: RUNS },
    );
  });

  it('monotone activations never decrease and their derivatives are ≥ 0', () => {
    const monotone: [string, Record<string, number>?][] = [
      ['relu'], ['leaky_relu'], ['prelu'], ['relu6'], ['sigmoid'], ['log_sigmoid'], ['hard_sigmoid'], ['tanh'],
      ['elu'], ['elu', { alpha: 2 }], ['selu'], ['celu', { alpha: 0.5 }], ['softplus'], ['softsign'],
    ];
    fc.assert(
      fc.property(anyFinite, anyFinite, (a, b) => {
        const [lo, hi] = a <= b ? [a, b] : [b, a];
        for (const [id, p] of monotone) {
          assert.ok(f(id, lo, p) <= f(id, hi, p), `${id}(${lo}) > ${id}(${hi})`);
          assert.ok(df(id, lo, p) >= 0, `${id}′(${lo}) < 0`);
        }
      }),
      { numRuns: RUNS },
    );
  });

  it('every derivative agrees with a central difference away from kinks', () => {
    const kinks: Record<string, number[]> = {
      relu: [0], leaky_relu: [0], prelu: [0], relu6: [0, 6], hard_sigmoid: [-3, 3], hard_swish: [-3, 3], elu: [0], selu: [0], celu: [0],
      softsign: [0], // |x| gives softsign′ a corner at 0, so the difference is off by O(h) there
    };
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), (x) => {
        for (const id of elementwiseIds()) {
          if ((kinks[id] ?? []).some((k) => Math.abs(x - k) < 1e-3)) continue;
          const h = 1e-5 * Math.max(1, Math.abs(x));
          const numeric = (f(id, x + h) - f(id, x - h)) / (2 * h);
          assert.ok(near(df(id, x), numeric, 1e-6, 1e-8), `${id}′(${x}) = ${df(id, x)}, difference ${numeric}`);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('NaN in gives NaN out, for values, derivatives and whole softmax vectors', () => {
    for (const id of elementwiseIds()) {
      assert.ok(Number.isNaN(f(id, NaN)), `${id}(NaN)`);
      assert.ok(Number.isNaN(df(id, NaN)), `${id}′(NaN)`);
    }
    for (const id of ['softmax', 'log_softmax']) {
      assert.ok([...evaluate(id, [1, NaN, 2])].every(Number.isNaN), id);
      assert.ok([...jacobian(id, [1, NaN])].every(Number.isNaN), `${id} Jacobian`);
    }
  });

  it('no activation returns NaN for a finite input or an infinite one', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true }), (x) => {
        for (const id of elementwiseIds()) {
          assert.ok(!Number.isNaN(f(id, x)), `${id}(${x})`);
          assert.ok(!Number.isNaN(df(id, x)), `${id}′(${x})`);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
