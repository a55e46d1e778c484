/**
 * The gradient check in slices (gradcheckIncremental): the same report as gradcheck, progress that only
 * grows, slices short enough for an extension host to stay responsive, and cancellation that stops the work.
 */
import * as assert from 'node:assert/strict';
import { gradcheck, gradcheckIncremental, type GradcheckReport, type GradcheckTarget } from '../../src/core/gradcheck';

function withoutDuration(report: GradcheckReport | undefined): Omit<GradcheckReport, 'durationMs'> {
  assert.ok(report, 'no report');
  const { durationMs, ...rest } = report;
  assert.ok(durationMs >= 0);
  return rest;
}

describe('gradcheckIncremental', () => {
  const targets: [string, GradcheckTarget, object][] = [
    ['an activation with a kink (relu)', { id: 'relu' }, {}],
    ['a smooth activation (gelu)', { id: 'gelu' }, { points: 300 }],
    ['a loss with several labels (huber)', { id: 'huber' }, { points: 200 }],
    ['a Jacobian (softmax)', { id: 'softmax' }, { points: 300 }],
    ['a vector loss (cce_with_logits)', { id: 'cce_with_logits' }, { points: 200 }],
    ['a formula', { formula: 'x^3 - abs(x)' }, { points: 400 }],
    ['a wrong derivative', { f: (x: number) => x * x, df: (x: number) => 2.01 * x, label: 'wrong' }, { points: 100 }],
  ];
  for (const [what, target, options] of targets) {
    it(`gives gradcheck's report for ${what}, one small slice at a time`, () => {
      const run = gradcheckIncremental(target, options);
      let previous = 0;
      let steps = 0;
      while (!run.step(0)) {
        steps++;
        assert.ok(run.progress.fraction >= previous && run.progress.fraction < 1, `progress ${run.progress.fraction} after ${previous}`);
        previous = run.progress.fraction;
      }
      assert.ok(steps > 2, `only ${steps} slices`);
      assert.equal(run.progress.fraction, 1);
      assert.ok(run.done);
      assert.deepEqual(withoutDuration(run.report), withoutDuration(gradcheck(target, options)));
    });
  }

  it('bounds the work of every slice (at most a few thousand calls of f), so a cancel is seen between slices', () => {
    // Counted, not timed: a slice's cost is its calls of f and f′, whatever the machine's load.
    let calls = 0;
    const f = (x: number) => {
      calls++;
      return x >= 0.3 ? Math.sin(x) + 1 : Math.abs(x);
    };
    const df = (x: number) => {
      calls++;
      return x >= 0.3 ? Math.cos(x) : Math.sign(x);
    };
    const run = gradcheckIncremental({ f, df, label: 'kink, jump and smooth parts' }, { points: 100_000 });
    let most = 0;
    let slices = 0;
    for (;;) {
      calls = 0;
      const done = run.step(0);
      most = Math.max(most, calls);
      slices++;
      if (done) break;
    }
    assert.ok(most <= 5000, `a slice called f and f′ ${most} times`);
    assert.ok(slices > 100, `only ${slices} slices`);
    assert.deepEqual(run.report?.discontinuities, [0.3]);
    assert.deepEqual(run.report?.kinks, [0]);

    const cancelled = gradcheckIncremental({ id: 'gelu' }, { points: 1_000_000 });
    for (let k = 0; k < 20; k++) cancelled.step(0);
    assert.ok(cancelled.progress.fraction > 0 && cancelled.progress.fraction < 1);
    cancelled.cancel();
    assert.ok(cancelled.cancelled);
    assert.equal(cancelled.step(), true);
    assert.equal(cancelled.report, undefined);
  });

  it('cuts the passes over a 1e6-point grid (kinks at 26 %, jumps at 28 %) into slices, not one long step', () => {
    // Counted, not timed: one pass over 1e6 points in one step was what made a cancel wait 400 ms and more.
    const run = gradcheckIncremental({ id: 'gelu' }, { points: 1_000_000 });
    const slicesAt = new Map<number, number>();
    while (run.progress.fraction < 0.3) {
      assert.equal(run.step(0), false);
      slicesAt.set(run.progress.fraction, (slicesAt.get(run.progress.fraction) ?? 0) + 1);
    }
    run.cancel();
    // One pass for f′'s jumps and one for f's curvature, one for f's jumps, each over 1e6 points in 32,768-element slices.
    assert.ok((slicesAt.get(0.26) ?? 0) >= 2 * 30, `kink passes in ${slicesAt.get(0.26)} slices`);
    assert.ok((slicesAt.get(0.28) ?? 0) >= 30, `jump pass in ${slicesAt.get(0.28)} slices`);
  });

  it('refuses bad targets and options at once, with gradcheck’s messages', () => {
    assert.throws(() => gradcheckIncremental({ id: 'nope' }), /unknown function 'nope'/);
    assert.throws(() => gradcheckIncremental({ id: 'relu' }, { points: 1 }), /points must be an integer/);
  });
});
