/**
 * Signal propagation against references: the Gaussian moments of every elementwise activation against
 * mpmath (test/fixtures/signal.json, written by generate_signal.py: quad, or closed forms for the piecewise
 * ones) within 1e−12; closed forms (ReLU, Leaky ReLU, SELU's fixed point); gains against PyTorch's
 * calculate_gain where they agree by definition, and the conventions where they do not; ReLU's edge of chaos
 * at σ_w² = 2; tanh's critical line at three points solved independently with mpmath; the φ′ the moments use
 * through the core's gradient checker; and the errors for bad input.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import erfc from '@stdlib/math-base-special-erfc';
import { listFunctions } from '../../src/core/api';
import { gradcheck } from '../../src/core/gradcheck';
import { edgeOfChaos, gain, gaussianMoments, initFor, signalPropagation } from '../../src/core/signal';
import { shapedIds } from '../../src/core/signal/shapes';
import { parseFixtureNumber } from './ulp';

const TOLERANCE = 1e-12;

interface SignalCase {
  id: string;
  params: Record<string, number>;
  /** [μ, σ, mean, E|φ|, E[φ²], E[φ′²]] as repr strings. */
  points: string[][];
}
interface SignalFixture {
  cases: SignalCase[];
  tanhCriticalLine: { sigmaB2: string; sigmaW2: string; qStar: string }[];
  /** How far quad is from the closed forms on a sample (null when the generator was run without that check). */
  closedFormVsQuadMaxRelDiff: number | null;
}

const fixturePath = process.env.SIGNAL_FIXTURE ?? path.resolve(__dirname, '../../../test/fixtures/signal.json');
const fixture = JSON.parse(fs.readFileSync(fixturePath, 'utf8')) as SignalFixture;

function label(c: SignalCase): string {
  const ps = Object.entries(c.params).map(([k, v]) => `${k}=${v}`);
  return ps.length ? `${c.id}(${ps.join(', ')})` : c.id;
}

/** |got − want| / scale, with a zero scale meaning "must be exact". */
function relative(got: number, want: number, scale: number): number {
  if (got === want) return 0;
  return Math.abs(got - want) / scale;
}

const Phi = (x: number) => erfc(-x / Math.SQRT2) / 2;
const density = (x: number) => Math.exp(-x * x / 2) / Math.sqrt(2 * Math.PI);

/** The worst errors per activation, printed once at the end (the numbers in the release note). */
const worstTable: string[] = [];

describe('signal propagation', () => {
  describe('Gaussian moments match mpmath within 1e−12', () => {
    for (const c of fixture.cases) {
      it(`${label(c)}: mean, E[φ²] and E[φ′²] at ${c.points.length} (μ, σ) points`, () => {
        const worst = [0, 0, 0];
        const where: string[] = ['', '', ''];
        for (const row of c.points) {
          const [mu, sigma, mean, absMean, second, derivative] = row.map(parseFixtureNumber);
          const got = gaussianMoments(c.id, mu, sigma, c.params);
          // The mean is measured against E|φ| (a mean that cancels to ≈ 0 is defined to that absolute accuracy).
          const errors = [
            relative(got.mean, mean, Math.max(absMean, Math.abs(mean))),
            relative(got.secondMoment, second, second),
            relative(got.derivativeSecondMoment, derivative, derivative),
          ];
          errors.forEach((e, k) => {
            if (!(e <= worst[k])) {
              worst[k] = e;
              where[k] = `μ = ${mu}, σ = ${sigma}`;
            }
          });
        }
        worstTable.push(`${label(c).padEnd(22)} ${worst.map((w) => w.toExponential(1).padStart(8)).join(' ')}`);
        const names = ['mean', 'E[φ²]', 'E[φ′²]'];
        worst.forEach((w, k) => assert.ok(w <= TOLERANCE, `${label(c)} ${names[k]}: ${w.toExponential(2)} relative at ${where[k]}`));
      });
    }
    after(() => {
      console.log(`\n      worst relative error      mean    E[φ²]   E[φ′²]\n      ${worstTable.join('\n      ')}`);
      const d = fixture.closedFormVsQuadMaxRelDiff;
      if (d !== null) console.log(`      (generator: closed forms vs quad differ by at most ${d.toExponential(1)})`);
    });

    it('has ≥ 200 points for every elementwise activation of the catalogue', () => {
      const elementwise = listFunctions().filter((f) => f.kind === 'activation' && f.shape === 'elementwise');
      for (const f of elementwise) {
        const n = fixture.cases.filter((c) => c.id === f.id).reduce((sum, c) => sum + c.points.length, 0);
        assert.ok(n >= 200, `${f.id}: ${n} fixture points`);
      }
    });

    it('knows the kinks of every elementwise activation of the catalogue', () => {
      const elementwise = listFunctions().filter((f) => f.kind === 'activation' && f.shape === 'elementwise');
      assert.deepEqual(elementwise.map((f) => f.id).filter((id) => !shapedIds().includes(id)), []);
    });
  });

  describe('closed forms', () => {
    it('ReLU: E[relu(σz)²] = σ²/2, E[relu′²] = 1/2 and E[relu(σz)] = σ/√(2π)', () => {
      for (const sigma of [1e-3, 0.1, 1, 3.7, 50]) {
        const m = gaussianMoments('relu', 0, sigma);
        assert.ok(relative(m.secondMoment, (sigma * sigma) / 2, (sigma * sigma) / 2) <= 1e-14, `σ = ${sigma}: ${m.secondMoment}`);
        assert.ok(relative(m.derivativeSecondMoment, 0.5, 0.5) <= 1e-14);
        assert.ok(relative(m.mean, sigma / Math.sqrt(2 * Math.PI), sigma) <= 1e-14);
      }
    });

    it('ReLU off centre: mean μΦ(μ/σ) + σn(μ/σ), E[φ²] = (μ² + σ²)Φ + μσn, E[φ′²] = Φ(μ/σ)', () => {
      for (const [mu, sigma] of [[0.7, 1.3], [-2, 0.5], [3, 0.2], [-1, 4]]) {
        const t = mu / sigma;
        const m = gaussianMoments('relu', mu, sigma);
        const mean = mu * Phi(t) + sigma * density(t);
        const second = (mu * mu + sigma * sigma) * Phi(t) + mu * sigma * density(t);
        assert.ok(relative(m.mean, mean, mean) <= 1e-12, `mean at (${mu}, ${sigma}): ${m.mean} vs ${mean}`);
        assert.ok(relative(m.secondMoment, second, second) <= 1e-12, `E[φ²] at (${mu}, ${sigma}): ${m.secondMoment} vs ${second}`);
        assert.ok(relative(m.derivativeSecondMoment, Phi(t), Phi(t)) <= 1e-12);
      }
    });

    it('Leaky ReLU: E[φ(σz)²] = (1 + α²)σ²/2 and E[φ′²] = (1 + α²)/2', () => {
      for (const alpha of [0.01, 0.2, 0.3, 1]) {
        for (const sigma of [0.5, 2]) {
          const m = gaussianMoments('leaky_relu', 0, sigma, { alpha });
          const c = (1 + alpha * alpha) / 2;
          assert.ok(relative(m.secondMoment, c * sigma * sigma, c * sigma * sigma) <= 1e-14, `α = ${alpha}: ${m.secondMoment}`);
          assert.ok(relative(m.derivativeSecondMoment, c, c) <= 1e-14);
        }
      }
    });

    it("SELU's fixed point: N(0, 1) in gives mean 0 and second moment 1", () => {
      const m = gaussianMoments('selu', 0, 1);
      assert.ok(Math.abs(m.mean) <= 1e-15, `mean ${m.mean}`);
      assert.ok(Math.abs(m.secondMoment - 1) <= 1e-15, `E[selu(z)²] = ${m.secondMoment}`);
      const q = signalPropagation({ id: 'selu', sigmaW2: 1, sigmaB2: 0, depth: 20 }).q;
      assert.ok(q.every((v) => Math.abs(v - 1) <= 1e-14), `q = ${q.join(', ')}`);
    });

    it('σ = 0 is the point mass: φ(μ), φ(μ)², φ′(μ)²', () => {
      assert.deepEqual(gaussianMoments('tanh', 0.5, 0), {
        mean: Math.tanh(0.5),
        secondMoment: Math.tanh(0.5) ** 2,
        derivativeSecondMoment: gaussianMoments('tanh', 0.5, 0).derivativeSecondMoment,
      });
      assert.equal(gaussianMoments('relu', -1, 0).secondMoment, 0);
    });
  });

  describe('gain and initialisation', () => {
    it("equals calculate_gain for relu (√2) and leaky_relu (√(2/(1 + α²))) within 1e−14", () => {
      assert.ok(relative(gain('relu'), Math.SQRT2, Math.SQRT2) <= 1e-14, `relu gain ${gain('relu')}`);
      for (const alpha of [0.01, 0.2, 0.3]) {
        const want = Math.sqrt(2 / (1 + alpha * alpha));
        assert.ok(relative(gain('leaky_relu', { alpha }), want, want) <= 1e-14, `leaky_relu(${alpha})`);
        assert.ok(relative(initFor('leaky_relu', { alpha }).pytorchGain ?? NaN, want, want) <= 1e-15);
      }
    });

    it('names where PyTorch uses a convention: tanh 5/3 (computed 1.5925), sigmoid 1 (1.8462), selu 3/4 (1)', () => {
      const tanh = initFor('tanh');
      assert.equal(tanh.pytorchGain, 5 / 3);
      assert.ok(Math.abs(tanh.gain - 1.5925374197228312) < 1e-12, `tanh ${tanh.gain}`);
      assert.match(tanh.convention ?? '', /convention/);
      const sigmoid = initFor('sigmoid');
      assert.equal(sigmoid.pytorchGain, 1);
      assert.ok(Math.abs(sigmoid.gain - 1.8462285453386051) < 1e-12, `sigmoid ${sigmoid.gain}`);
      const selu = initFor('selu');
      assert.equal(selu.pytorchGain, 3 / 4);
      assert.ok(Math.abs(selu.gain - 1) < 1e-14, `selu ${selu.gain}`);
      assert.equal(selu.scheme, 'lecun');
      assert.match(selu.note ?? '', /AlphaDropout/);
    });

    it('spells the implied init per framework', () => {
      const relu = initFor('relu');
      assert.equal(relu.pytorch, "nn.init.kaiming_normal_(w, nonlinearity='relu')");
      assert.deepEqual([relu.keras, relu.jax, relu.tfjs], ["'he_normal'", 'jax.nn.initializers.he_normal()', "'heNormal'"]);
      assert.deepEqual([initFor('selu').keras, initFor('selu').tfjs], ["'lecun_normal'", "'leCunNormal'"]);
      assert.deepEqual([initFor('tanh').keras, initFor('tanh').jax], ["'glorot_uniform'", 'jax.nn.initializers.glorot_uniform()']);
      assert.equal(initFor('leaky_relu', { alpha: 0.2 }).pytorch, "nn.init.kaiming_normal_(w, a=0.2, nonlinearity='leaky_relu')");
    });
  });

  describe('variance map, fixed point and phase', () => {
    it('ReLU sits on the edge of chaos at σ_w² = 2, σ_b² = 0: χ₁ = 1 and q stays put', () => {
      const r = signalPropagation({ id: 'relu', sigmaW2: 2, sigmaB2: 0, q0: 0.7, depth: 100 });
      assert.equal(r.phase, 'critical');
      assert.ok(Math.abs(r.chi1 - 1) <= 1e-14, `χ₁ = ${r.chi1}`);
      assert.ok(r.q.every((q) => Math.abs(q - 0.7) <= 1e-13), `q ends at ${r.q[100]}`);
      assert.equal(r.q.length, 101);
      const edge = edgeOfChaos('relu', 0);
      assert.ok(relative(edge, 2, 2) <= 1e-15, `edge at σ_w² = ${edge}`);
    });

    it('ReLU just below σ_w² = 2 is ordered, just above chaotic (with q* = ∞)', () => {
      const below = signalPropagation({ id: 'relu', sigmaW2: 2 - 1e-6, sigmaB2: 0 });
      const above = signalPropagation({ id: 'relu', sigmaW2: 2 + 1e-6, sigmaB2: 0.1 });
      assert.equal(below.phase, 'ordered');
      assert.equal(above.phase, 'chaotic');
      assert.equal(above.qStar, Infinity);
    });

    it('ReLU with a bias: q* = σ_b²/(1 − σ_w²/2), χ₁ = σ_w²/2, ξ_c = −1/ln χ₁', () => {
      const r = signalPropagation({ id: 'relu', sigmaW2: 1.5, sigmaB2: 0.1 });
      assert.ok(relative(r.qStar, 0.4, 0.4) <= 1e-13, `q* = ${r.qStar}`);
      assert.ok(relative(r.chi1, 0.75, 0.75) <= 1e-14);
      assert.ok(relative(r.xiC ?? NaN, -1 / Math.log(0.75), 1) <= 1e-12);
      // V′ = σ_w²/2 too (the map is linear for ReLU), so ξ_q = ξ_c.
      assert.ok(relative(r.xiQ ?? NaN, -1 / Math.log(0.75), 1) <= 1e-12);
    });

    it("tanh's critical line matches mpmath at three points", () => {
      assert.ok(fixture.tanhCriticalLine.length >= 3);
      for (const row of fixture.tanhCriticalLine) {
        const b2 = parseFixtureNumber(row.sigmaB2);
        const w2 = parseFixtureNumber(row.sigmaW2);
        const qStar = parseFixtureNumber(row.qStar);
        const edge = edgeOfChaos('tanh', b2);
        assert.ok(relative(edge, w2, w2) <= 1e-10, `σ_b² = ${b2}: edge at σ_w² = ${edge}, mpmath ${w2}`);
        const r = signalPropagation({ id: 'tanh', sigmaW2: w2, sigmaB2: b2 });
        assert.equal(r.phase, 'critical', `σ_b² = ${b2}: χ₁ = ${r.chi1}`);
        assert.ok(relative(r.qStar, qStar, qStar) <= 1e-10, `q* = ${r.qStar}, mpmath ${qStar}`);
      }
    });

    it('tanh without bias: q* = 0 and χ₁ = σ_w² below σ_w² = 1', () => {
      const r = signalPropagation({ id: 'tanh', sigmaW2: 0.8, sigmaB2: 0 });
      assert.equal(r.qStar, 0);
      assert.ok(relative(r.chi1, 0.8, 0.8) <= 1e-12, `χ₁ = ${r.chi1}`);
      assert.equal(r.phase, 'ordered');
    });

    it('the fixed point is one: V(q*) = q* and the iterates approach it', () => {
      for (const [id, w2, b2] of [['tanh', 1.5, 0.05], ['sigmoid', 4, 0.1], ['gelu', 1.8, 0.02], ['softsign', 3, 0.2]] as const) {
        const r = signalPropagation({ id, sigmaW2: w2, sigmaB2: b2, depth: 300 });
        const again = signalPropagation({ id, sigmaW2: w2, sigmaB2: b2, q0: r.qStar, depth: 1 });
        assert.ok(relative(again.q[1], r.qStar, r.qStar) <= 1e-13, `${id}: V(q*) = ${again.q[1]}, q* = ${r.qStar}`);
        assert.ok(relative(r.q[300], r.qStar, r.qStar) <= 1e-9, `${id}: q_300 = ${r.q[300]}, q* = ${r.qStar}`);
      }
    });
  });

  describe('the derivatives the moments use', () => {
    const elementwise = listFunctions().filter((f) => f.kind === 'activation' && f.shape === 'elementwise');
    for (const f of elementwise) {
      it(`${f.id}: φ′ passes the gradient check on [−12, 12], where the Gaussian pieces lie`, () => {
        const report = gradcheck({ id: f.id }, { range: [-12, 12], points: 400 });
        assert.ok(report.ok, `${f.id}: ${report.failures} failures, worst ${JSON.stringify(report.worst)}`);
      });
    }
  });

  describe('bad input is named', () => {
    it('softmax and log_softmax are not elementwise', () => {
      assert.throws(() => gaussianMoments('softmax', 0, 1), /'softmax' is not elementwise/);
      assert.throws(() => signalPropagation({ id: 'log_softmax', sigmaW2: 1, sigmaB2: 0 }), /'log_softmax' is not elementwise/);
    });
    it('losses, unknown ids and bad numbers', () => {
      assert.throws(() => gaussianMoments('mse', 0, 1), /'mse' is a loss/);
      assert.throws(() => gaussianMoments('rleu', 0, 1), /unknown function 'rleu' \(did you mean 'relu'\?\)/);
      assert.throws(() => gaussianMoments('relu', NaN, 1), /mu must be a finite number, got NaN/);
      assert.throws(() => gaussianMoments('relu', 0, -1), /sigma \(a standard deviation\) must be a finite number ≥ 0, got -1/);
      assert.throws(() => gaussianMoments('leaky_relu', 0, 1, { slope: 0.1 }), /unknown parameter 'slope'/);
      assert.throws(() => signalPropagation({ id: 'relu', sigmaW2: -2, sigmaB2: 0 }), /sigmaW2 must be a finite variance ≥ 0, got -2/);
      assert.throws(() => signalPropagation({ id: 'relu', sigmaW2: 2, sigmaB2: Infinity }), /sigmaB2 must be a finite variance ≥ 0, got Infinity/);
      assert.throws(() => signalPropagation({ id: 'relu', sigmaW2: 2, sigmaB2: 0, depth: 2.5 }), /depth must be an integer from 0 to 10000, got 2.5/);
      assert.throws(() => edgeOfChaos('tanh', -1), /sigmaB2 must be a finite variance ≥ 0, got -1/);
    });
  });
});
