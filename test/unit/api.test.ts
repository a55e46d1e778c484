/**
 * The api's batch paths against its per-element meaning: each def's own loops (valueInto/derivativeInto)
 * give what its scalar functions give, bit for bit; rows of softmax/log_softmax (options.rowLength) give
 * what one call per row gives; parameter defaults are shared and frozen; and the loss domain scan stops
 * at the same element, with the same message, as checking every element with checkLabel/checkPrediction.
 */
import * as assert from 'assert';
import { derivative, evaluate, jacobian, lossGradient, lossValue, resolveParams } from '../../src/core/api';
import { catalogue } from '../../src/core/catalogue';
import { mulberry32 as uniform } from '../../src/core/sampling';
import type { ElementwiseLossDef } from '../../src/core/functionTypes';

const SPECIAL = [0, -0, 1, -1, 3, -3, 6, 1e-300, -1e-20, 40, -40, -710, 800, -800, 1e308, -1e308, Infinity, -Infinity, NaN];

function points(seed: number, n: number): number[] {
  const r = uniform(seed);
  return [...SPECIAL, ...Array.from({ length: n }, () => (r() - 0.5) * 2 * 10 ** (r() * 4 - 1))];
}

function assertSameBits(got: ArrayLike<number>, want: ArrayLike<number>, what: string): void {
  assert.strictEqual(got.length, want.length, `${what}: length`);
  for (let i = 0; i < want.length; i++) assert.ok(Object.is(got[i], want[i]), `${what}[${i}]: got ${got[i]}, want ${want[i]}`);
}

describe('api batch paths', () => {
  const activations = [...catalogue.values()].filter((e) => e.kind === 'activation');

  for (const entry of activations) {
    if (entry.def.shape !== 'elementwise') continue;
    const def = entry.def;
    it(`${entry.id}: evaluate/derivative equal the scalar value/derivative bit for bit`, () => {
      assert.ok(def.valueInto && def.derivativeInto, `${entry.id} has batch loops`);
      const xs = points(7, 400);
      const settings = entry.params.length ? [undefined, { alpha: 0.3 }] : [undefined];
      for (const given of settings) {
        const p = resolveParams(entry, given);
        assertSameBits(evaluate(entry.id, xs, given), xs.map((x) => def.value(x, p)), `${entry.id} value`);
        assertSameBits(derivative(entry.id, xs, given), xs.map((x) => def.derivative(x, p)), `${entry.id} derivative`);
      }
    });
  }

  it('the Jacobian of an elementwise activation is diagonal, and block-diagonal by rows with rowLength', () => {
    const xs = [-2, -0.5, 0.5, 2, 3, 4];
    const d = derivative('silu', xs);
    const full = jacobian('silu', xs);
    const blocks = jacobian('silu', xs, undefined, { rowLength: 3 });
    assert.strictEqual(full.length, 36);
    assert.strictEqual(blocks.length, 18);
    for (let i = 0; i < 6; i++) {
      for (let j = 0; j < 6; j++) assert.strictEqual(full[i * 6 + j], i === j ? d[i] : 0);
      const row = Math.floor(i / 3);
      const local = i % 3;
      for (let j = 0; j < 3; j++) assert.strictEqual(blocks[row * 9 + local * 3 + j], j === local ? d[i] : 0);
    }
    assertSameBits(evaluate('silu', xs, undefined, { rowLength: 3 }), evaluate('silu', xs), 'silu rows');
  });

  for (const id of ['softmax', 'log_softmax']) {
    it(`${id} over rows (rowLength) equals one call per row, bit for bit, NaN and ±∞ rows included`, () => {
      const r = uniform(11);
      for (const n of [1, 2, 3, 10, 17]) {
        const rows = 7;
        const x = Float64Array.from({ length: rows * n }, () => (r() - 0.5) * 60);
        x[0] = Infinity;
        if (n > 1) x[n + 1] = NaN;
        x[2 * n] = -Infinity;
        const value = evaluate(id, x, undefined, { rowLength: n });
        const jac = jacobian(id, x, undefined, { rowLength: n });
        assert.strictEqual(jac.length, rows * n * n);
        for (let k = 0; k < rows; k++) {
          const row = x.slice(k * n, (k + 1) * n);
          assertSameBits(value.subarray(k * n, (k + 1) * n), evaluate(id, row), `${id} row ${k} (n = ${n})`);
          assertSameBits(jac.subarray(k * n * n, (k + 1) * n * n), jacobian(id, row), `${id} Jacobian row ${k} (n = ${n})`);
        }
      }
    });
  }

  it('rowLength must be a positive integer that divides x.length', () => {
    assert.throws(() => evaluate('softmax', [1, 2, 3, 4], undefined, { rowLength: 3 }), /softmax: x has 4 elements, not a whole number of rows of 3/);
    assert.throws(() => jacobian('softmax', [1, 2], undefined, { rowLength: 0 }), /softmax: rowLength must be a positive integer, got 0/);
    assert.throws(() => evaluate('relu', [1, 2], undefined, { rowLength: 1.5 }), /relu: rowLength must be a positive integer, got 1.5/);
    assert.deepStrictEqual([...evaluate('softmax', [], undefined, { rowLength: 4 })], []);
  });

  it('parameters: defaults are one frozen object per entry; given ones are overlaid on a fresh copy', () => {
    const elu = catalogue.get('elu')!;
    const a = resolveParams(elu);
    assert.strictEqual(resolveParams(elu), a);
    assert.ok(Object.isFrozen(a));
    assert.deepStrictEqual({ ...a }, { alpha: 1 });
    const b = resolveParams(elu, { alpha: 0.5 });
    assert.deepStrictEqual({ ...b }, { alpha: 0.5 });
    assert.deepStrictEqual({ ...resolveParams(elu) }, { alpha: 1 });
    assert.throws(() => evaluate('relu', [1], { beta: 1 }), /relu: unknown parameter 'beta' \(it takes no parameters\)/);
  });
});

/** What the api did before the domain scan: every element through the checks, the label first. */
function firstProblemByEachElement(id: string, def: ElementwiseLossDef, y: number[], yHat: number[]): string | undefined {
  for (let i = 0; i < y.length; i++) {
    const label = Number.isNaN(y[i]) ? undefined : def.checkLabel?.(y[i]);
    if (label) return `${id}: yTrue[${i}] = ${y[i]}: ${label}`;
    const prediction = Number.isNaN(yHat[i]) ? undefined : def.checkPrediction?.(yHat[i]);
    if (prediction) return `${id}: yPred[${i}] = ${yHat[i]}: ${prediction}`;
  }
  return undefined;
}

describe('api loss domain checks', () => {
  const losses = [...catalogue.values()].filter((e) => e.kind === 'loss' && e.def.shape === 'elementwise');

  for (const entry of losses) {
    const def = entry.def as ElementwiseLossDef;
    if (!def.checkLabel && !def.checkPrediction) continue;
    it(`${entry.id}: the first bad element and its message are those of checking every element`, () => {
      const r = uniform(23);
      const candidates = [0, 1, -1, 0.5, 2, -0.5, 1.5, NaN, Infinity, -Infinity, 1e-300, 0.999];
      const pick = () => candidates[Math.floor(r() * candidates.length)];
      for (let trial = 0; trial < 300; trial++) {
        const n = 1 + Math.floor(r() * 6);
        const y = Array.from({ length: n }, pick);
        const yHat = Array.from({ length: n }, pick);
        const want = firstProblemByEachElement(entry.id, def, y, yHat);
        for (const run of [() => lossValue(entry.id, y, yHat), () => lossGradient(entry.id, y, yHat)]) {
          if (want === undefined) run();
          else assert.throws(run, (error: Error) => error.message === want, `want: ${want}`);
        }
      }
    });
  }

  it('NaN is never out of domain, and a label is reported before the prediction at the same index', () => {
    assert.ok(Number.isNaN(lossValue('bce', [NaN], [0.5])[0]));
    assert.ok(Number.isNaN(lossValue('bce', [1], [NaN])[0]));
    assert.throws(() => lossValue('bce', [0.5, 2], [1.5, 0.5]), /bce: yPred\[0\] = 1.5/);
    assert.throws(() => lossValue('bce', [2], [2]), /bce: yTrue\[0\] = 2/);
  });
});
