/**
 * The gradient checker: every catalogue derivative passes, deliberately wrong derivatives fail at the point
 * where they are most wrong, kinks are located (even between grid points) and never counted as failures,
 * C¹ joins are not mistaken for kinks, and bad input is refused with a message naming it.
 */
import * as assert from 'node:assert/strict';
import { listFunctions } from '../../src/core/api';
import { gradcheck, type GradcheckReport } from '../../src/core/gradcheck';
import { Tally } from '../../src/core/gradcheck/tally';
import { checkJacobian } from '../../src/core/gradcheck/vector';

const sigmoid = (x: number) => (x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x)));
const relu = (x: number) => Math.max(0, x);
const reluDerivative = (x: number) => (x > 0 ? 1 : 0);

/** Huber loss (δ = 1) at label y = 0.7 as a function of ŷ, and its gradient with a chosen sign inside the band. */
function huberTarget(sign: 1 | -1) {
  const y = 0.7;
  return {
    f: (yHat: number) => (Math.abs(yHat - y) <= 1 ? 0.5 * (yHat - y) ** 2 : Math.abs(yHat - y) - 0.5),
    df: (yHat: number) => (Math.abs(yHat - y) <= 1 ? sign * (yHat - y) : Math.sign(yHat - y)),
    label: sign === 1 ? 'huber: ŷ − y inside the band' : 'huber: y − ŷ inside the band',
  };
}

function near(actual: readonly number[], expected: readonly number[], tolerance = 1e-9): void {
  assert.equal(actual.length, expected.length, `kinks ${JSON.stringify(actual)}, expected ${JSON.stringify(expected)}`);
  actual.forEach((x, i) => assert.ok(Math.abs(x - expected[i]) <= tolerance, `kink ${x}, expected ${expected[i]}`));
}

function describeFailure(report: GradcheckReport): string {
  return `${report.target}: ${report.failures} failures, worst ${JSON.stringify(report.worst)}`;
}

describe('gradcheck', () => {
  describe('every catalogue function passes its own check', () => {
    for (const info of listFunctions()) {
      it(`${info.id}: the analytic ${info.kind === 'loss' ? '∂ℓ/∂ŷ' : 'derivative'} matches the numeric one`, () => {
        const report = gradcheck({ id: info.id });
        assert.ok(report.ok, describeFailure(report));
        assert.equal(report.failures, 0);
        assert.ok(report.points >= 1000, `only ${report.points} points compared`);
        assert.deepEqual(report.range, info.plotRange);
      });
    }
  });

  describe('wrong derivatives fail', () => {
    it('x²/2 with the claimed derivative −x fails, worst at x = ±1 where analytic = ∓1 and numeric = ±1', () => {
      const report = gradcheck({ f: (x) => (x * x) / 2, df: (x) => -x, label: 'x²/2' }, { range: [-1, 1] });
      assert.equal(report.ok, false);
      assert.equal(report.target, 'x²/2');
      assert.ok(report.worst);
      assert.equal(Math.abs(report.worst.x), 1);
      assert.ok(Math.abs(report.worst.analytic + report.worst.x) < 1e-12);
      assert.ok(Math.abs(report.worst.numeric - report.worst.x) < 1e-9);
      assert.ok(report.achievedTolerance > 1);
    });

    it('x²/2 with the right derivative x passes with error near rounding', () => {
      const report = gradcheck({ f: (x) => (x * x) / 2, df: (x) => x }, { range: [-1, 1] });
      assert.ok(report.ok, describeFailure(report));
      assert.ok(report.maxAbsError < 1e-10, `maxAbsError ${report.maxAbsError}`);
    });

    it('sigmoid with the wrong derivative σ(1 + σ) fails everywhere; σ·σ(−x) passes', () => {
      const wrong = gradcheck({ f: sigmoid, df: (x) => sigmoid(x) * (1 + sigmoid(x)) });
      assert.equal(wrong.ok, false);
      assert.equal(wrong.failures, wrong.points);
      const right = gradcheck({ f: sigmoid, df: (x) => sigmoid(x) * sigmoid(-x) });
      assert.ok(right.ok, describeFailure(right));
    });

    it('Huber with the textbook sign flip y − ŷ inside the band fails inside the band only', () => {
      const wrong = gradcheck(huberTarget(-1));
      assert.equal(wrong.ok, false);
      assert.ok(wrong.worst && Math.abs(wrong.worst.x - 0.7) <= 1, `worst at ${wrong.worst?.x}`);
      // Outside the band the flipped gradient is still right: about 4/5 of [−5, 5] passes.
      assert.ok(wrong.failures > 150 && wrong.failures < 250, `${wrong.failures} failures`);
      const right = gradcheck(huberTarget(1));
      assert.ok(right.ok, describeFailure(right));
    });

    it('with atol/rtol given: passes within atol + rtol·|numeric| and fails just beyond it, like torch.autograd.gradcheck', () => {
      const within = gradcheck({ f: Math.exp, df: (x) => Math.exp(x) * (1 + 5e-4) }, { range: [0, 2], rtol: 1e-3 });
      assert.equal(within.criterion, 'fixed');
      assert.ok(within.ok, describeFailure(within));
      const beyond = gradcheck({ f: Math.exp, df: (x) => Math.exp(x) * (1 + 2e-3) }, { range: [0, 2], rtol: 1e-3 });
      assert.equal(beyond.ok, false);
      const tighter = gradcheck({ f: Math.exp, df: (x) => Math.exp(x) * (1 + 5e-4) }, { range: [0, 2], rtol: 1e-4 });
      assert.equal(tighter.ok, false);
    });

    it('a claimed derivative that is not a subgradient at the kink fails there', () => {
      const report = gradcheck({ f: relu, df: (x) => (x === 0 ? 5 : reluDerivative(x)) }, { points: 1001 });
      assert.equal(report.ok, false);
      assert.equal(report.failures, 1);
      assert.equal(report.worst?.x, 0);
    });

    it('a wrong softmax Jacobian (the diagonal alone) fails', () => {
      const softmax = (x: Float64Array) => {
        const max = Math.max(...x);
        const e = x.map((v) => Math.exp(v - max));
        const total = e.reduce((a, b) => a + b, 0);
        return e.map((v) => v / total);
      };
      const diagonalOnly = (x: Float64Array) => {
        const s = softmax(x);
        const n = x.length;
        const out = new Float64Array(n * n);
        for (let i = 0; i < n; i++) out[i * n + i] = s[i] * (1 - s[i]);
        return out;
      };
      const tally = new Tally(1e-5, 1e-3);
      for (const _ of checkJacobian(softmax, diagonalOnly, -5, 5, 200, 1, () => tally));
      assert.ok(tally.failures > 0);
      const worst = tally.worst;
      assert.ok(worst?.index && worst.index[0] !== worst.index[1], 'the worst entry is off the diagonal');
    });
  });

  describe('kinks', () => {
    it('relu has a kink at 0, reported and not failed', () => {
      const report = gradcheck({ id: 'relu' });
      assert.ok(report.ok, describeFailure(report));
      assert.deepEqual(report.kinks, [0]);
    });

    it('hinge has a kink at the margin y·ŷ = 1 for each label', () => {
      const report = gradcheck({ id: 'hinge' });
      assert.ok(report.ok, describeFailure(report));
      assert.deepEqual(report.kinks, [-1, 1]);
      for (const check of report.checks) {
        const y = Number(check.label.replace('y = ', ''));
        assert.deepEqual(check.kinks, [1 / y], check.label);
      }
    });

    it('a kink between grid points is still found and located (|x − 0.123| on 1000 points)', () => {
      const report = gradcheck({ f: (x) => Math.abs(x - 0.123), df: (x) => Math.sign(x - 0.123) });
      assert.ok(report.ok, describeFailure(report));
      near(report.kinks, [0.123], 1e-12);
    });

    it('a kink on a grid point is found (relu on 1001 points, which include 0)', () => {
      const report = gradcheck({ f: relu, df: reluDerivative }, { points: 1001 });
      assert.ok(report.ok, describeFailure(report));
      assert.deepEqual(report.kinks, [0]);
    });

    it('relu6 and hard sigmoid kinks are found at both corners', () => {
      const relu6 = gradcheck({ f: (x) => Math.min(Math.max(0, x), 6), df: (x) => (x > 0 && x < 6 ? 1 : 0) }, { range: [-2, 8] });
      assert.ok(relu6.ok, describeFailure(relu6));
      assert.deepEqual(relu6.kinks, [0, 6]);
      const hardSigmoid = gradcheck({ f: (x) => Math.min(Math.max(0, x / 6 + 0.5), 1), df: (x) => (x > -3 && x < 3 ? 1 / 6 : 0) });
      assert.ok(hardSigmoid.ok, describeFailure(hardSigmoid));
      assert.deepEqual(hardSigmoid.kinks, [-3, 3]);
    });

    it('a kink of f that the claimed derivative smooths over is found from f alone', () => {
      const report = gradcheck({ f: (x) => Math.abs(x - 0.123), df: (x) => Math.tanh(1e3 * (x - 0.123)) });
      near(report.kinks, [0.123], 1e-9);
    });

    for (const id of ['huber', 'smooth_l1', 'sigmoid']) {
      it(`${id} has no kinks (C¹ joins are not kinks)`, () => {
        const report = gradcheck({ id });
        assert.ok(report.ok, describeFailure(report));
        assert.deepEqual(report.kinks, []);
      });
    }

    it('mae has its kink at r = 0 for each label', () => {
      const report = gradcheck({ id: 'mae' });
      assert.ok(report.ok, describeFailure(report));
      assert.deepEqual(report.kinks, [0, 0.7]);
    });
  });

  describe('the report', () => {
    it('echoes the settings and counts points per label', () => {
      const report = gradcheck({ id: 'bce' }, { points: 200, atol: 1e-6, rtol: 1e-4, labels: [0, 1] });
      assert.equal(report.atol, 1e-6);
      assert.equal(report.rtol, 1e-4);
      assert.deepEqual(
        report.checks.map((c) => c.label),
        ['y = 0', 'y = 1'],
      );
      // BCE is infinite at p = 1 for y = 0 and at p = 0 for y = 1: skipped, not failed.
      assert.equal(report.skipped, 2);
      assert.equal(report.points + report.skipped, 400);
      assert.ok(report.durationMs >= 0);
    });

    it('checks softmax through its full Jacobian, one check per vector size', () => {
      const report = gradcheck({ id: 'softmax' });
      assert.ok(report.ok, describeFailure(report));
      assert.ok(report.checks.length > 1);
      assert.ok(report.points >= 1000);
      assert.ok(report.worst?.input && report.worst.index);
    });

    it('checks cce_with_logits through its gradient, for one-hot and soft labels', () => {
      const report = gradcheck({ id: 'cce_with_logits' });
      assert.ok(report.ok, describeFailure(report));
      assert.deepEqual(
        report.checks.map((c) => c.label),
        ['one-hot y', 'soft y'],
      );
    });

    it('is not ok when every point was skipped (a range outside the loss’s domain)', () => {
      const report = gradcheck({ id: 'bce' }, { range: [1.5, 2], labels: [1] });
      assert.equal(report.points, 0);
      assert.equal(report.failures, 0);
      assert.equal(report.ok, false);
    });

    it('takes parameters and names them in the target', () => {
      const report = gradcheck({ id: 'huber', params: { delta: 0.5 } });
      assert.ok(report.ok, describeFailure(report));
      assert.equal(report.target, 'huber(delta=0.5)');
    });
  });

  describe('formula targets', () => {
    it("checks a formula's automatic derivative, and finds the kink of max(x, 0)", () => {
      const smooth = gradcheck({ formula: 'x^2/2' });
      assert.ok(smooth.ok, describeFailure(smooth));
      const kinked = gradcheck({ formula: 'max(x, 0)' });
      assert.ok(kinked.ok, describeFailure(kinked));
      assert.deepEqual(kinked.kinks, [0]);
    });

    it('fails a wrong claimed derivative of a formula, within the formula’s own range', () => {
      const report = gradcheck({ formula: 'x^2/2', derivative: '-x', range: [-1, 1] });
      assert.equal(report.ok, false);
      assert.deepEqual(report.range, [-1, 1]);
      assert.equal(Math.abs(report.worst?.x ?? 0), 1);
    });

    it('passes formula parameters through and reports syntax errors as FormulaError', () => {
      assert.ok(gradcheck({ formula: 'a*x^2', params: { a: 2 } }).ok);
      assert.throws(() => gradcheck({ formula: 'x^^2' }), (e: Error) => e.name === 'FormulaError');
    });
  });

  describe('bad input is refused with a message naming it', () => {
    const cases: [string, () => unknown, RegExp][] = [
      ['an unknown id', () => gradcheck({ id: 'relux' }), /unknown function 'relux'/],
      ['a parameter out of range', () => gradcheck({ id: 'huber', params: { delta: -1 } }), /delta must be > 0, got -1/],
      ['an unknown parameter', () => gradcheck({ id: 'huber', params: { alpha: 1 } }), /unknown parameter 'alpha'/],
      ['a range with a = b', () => gradcheck({ id: 'mse' }, { range: [1, 1] }), /range must be \[a, b\] with finite a < b, got \[1, 1\]/],
      ['a reversed range', () => gradcheck({ id: 'mse' }, { range: [2, -2] }), /range/],
      ['a non-finite range', () => gradcheck({ id: 'mse' }, { range: [0, Infinity] }), /got \[0, Infinity\]/],
      ['a NaN range', () => gradcheck({ id: 'mse' }, { range: [NaN, 1] }), /got \[NaN, 1\]/],
      ['one point', () => gradcheck({ id: 'mse' }, { points: 1 }), /points must be an integer from 2 to 1000000, got 1/],
      ['too many points', () => gradcheck({ id: 'mse' }, { points: 2e6 }), /got 2000000/],
      ['a fractional point count', () => gradcheck({ id: 'mse' }, { points: 10.5 }), /got 10.5/],
      ['a negative atol', () => gradcheck({ id: 'mse' }, { atol: -1 }), /atol must be a finite number ≥ 0, got -1/],
      ['a NaN rtol', () => gradcheck({ id: 'mse' }, { rtol: NaN }), /rtol .* got NaN/],
      ['a label the loss does not allow', () => gradcheck({ id: 'hinge' }, { labels: [0.5] }), /label y = 0.5/],
      ['labels for an activation', () => gradcheck({ id: 'relu' }, { labels: [1] }), /labels apply to elementwise losses only/],
      ['f that is not a function', () => gradcheck({ f: 3 as unknown as (x: number) => number, df: (x) => x }), /f must be a function, got number/],
      ['a target that is not an object', () => gradcheck(null as never), /target must be/],
      ['a target with none of the keys', () => gradcheck({ g: 1 } as never), /got keys \["g"\]/],
    ];
    for (const [what, call, message] of cases) {
      it(`refuses ${what}`, () => assert.throws(call, message));
    }
  });

  it('checks every built-in at 1000 points quickly (timing printed, not asserted)', () => {
    const ids = listFunctions().map((f) => f.id);
    // CPU time as well as wall time: on a shared machine the wall time mostly measures the neighbours.
    const timed = () => {
      const wall = performance.now();
      const cpu = process.cpuUsage();
      let points = 0;
      for (const id of ids) points += gradcheck({ id }).points;
      const used = process.cpuUsage(cpu);
      return { points, wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
    };
    const first = timed();
    const second = timed();
    console.log(
      `      gradcheck of all ${ids.length} built-ins, 1000 points each (${first.points} compared): ` +
        `first run ${first.wall.toFixed(0)} ms wall / ${first.cpu.toFixed(0)} ms CPU, ` +
        `second ${second.wall.toFixed(0)} ms wall / ${second.cpu.toFixed(0)} ms CPU`,
    );
  });
});
