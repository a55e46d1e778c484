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

function now(): number {
  return performance.now();
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

  it('keeps every slice of a 1,000,000-point check far below 200 ms, so a cancel is seen within 200 ms', () => {
    const run = gradcheckIncremental({ id: 'gelu' }, { points: 1_000_000 });
    let longest = 0;
    for (let slices = 0; slices < 40 && !run.step(5); slices++) {
      const started = now();
      run.step(5);
      longest = Math.max(longest, now() - started);
    }
    assert.ok(longest < 200, `a slice took ${longest.toFixed(1)} ms`);
    assert.ok(run.progress.fraction > 0 && run.progress.fraction < 1);
    run.cancel();
    assert.ok(run.cancelled);
    assert.equal(run.step(), true);
    assert.equal(run.report, undefined);
  });

  it('refuses bad targets and options at once, with gradcheck’s messages', () => {
    assert.throws(() => gradcheckIncremental({ id: 'nope' }), /unknown function 'nope'/);
    assert.throws(() => gradcheckIncremental({ id: 'relu' }, { points: 1 }), /points must be an integer/);
  });
});
