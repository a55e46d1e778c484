import * as assert from 'node:assert/strict';
import { gradcheck, type GradcheckReport } from '../../src/core/gradcheck';
import {
  describeProblem,
  formatError,
  formatNumber,
  reportBlock,
  summaryAll,
  summaryOne,
} from '../../src/features/gradcheck/reportFormat';
import { isInvalid as isCheckError } from '../../src/shared/validate';
import { toWire as encodeForWebview } from '../../src/shared/wire';
import {
  encodeViewState,
  type GradcheckHostMessage,
  type GradcheckViewState,
  parseGradcheckHostMessage,
  parseGradcheckViewState,
  parseGradcheckWebviewMessage,
  type ReportRow,
  VIEW_STATE_VERSION,
} from '../../src/features/gradcheck/gradcheckMessages';
import { parseCheckArgument, parsePointsText, parseRangeText, runJob } from '../../src/features/gradcheck/checkRequest';
import { derivativeSeries } from '../../src/features/gradcheck/derivativeSeries';

function fakeReport(overrides: Partial<GradcheckReport>): GradcheckReport {
  return {
    ok: true,
    target: 'relu',
    range: [-4, 4],
    atol: 1e-5,
    rtol: 1e-3,
    points: 1001,
    failures: 0,
    skipped: 0,
    maxAbsError: 1.5e-12,
    maxRelError: 2e-12,
    achievedTolerance: 1.5e-7,
    worst: { x: 0.5, analytic: 1, numeric: 1.0000000000015, numericError: 1e-13 },
    kinks: [0],
    checks: [],
    durationMs: 12.3,
    ...overrides,
  };
}

function rowOf(report: GradcheckReport): ReportRow {
  return { ...report, request: { kind: 'catalogue', id: report.target, params: {} } };
}

/** What vscode.setState stores and the serializer hands back: the encoded state through JSON. */
function savedAndRestored(state: GradcheckViewState): unknown {
  return JSON.parse(JSON.stringify(encodeViewState(state)));
}

/** What a message looks like after VS Code's JSON transport. */
function overTheWire(message: GradcheckHostMessage): unknown {
  return JSON.parse(JSON.stringify(encodeForWebview(message)));
}

describe('gradient-check view: messages from the webview', () => {
  it('accepts ready, select and openInPlayground with a row index', () => {
    for (const raw of [{ type: 'ready' }, { type: 'select', index: 3 }, { type: 'openInPlayground', index: 0 }]) {
      const parsed = parseGradcheckWebviewMessage(raw);
      assert.ok(!isCheckError(parsed), JSON.stringify(parsed));
      assert.deepEqual(parsed, raw);
    }
  });

  it('rejects unknown types, missing or fractional indices and non-objects, naming the problem', () => {
    const cases: [unknown, RegExp][] = [
      [null, /message must be an object, got null/],
      ['ready', /message must be an object/],
      [{ type: 'evaluate' }, /unknown message type "evaluate"/],
      [{ type: 'select' }, /index must be a finite number, got nothing/],
      [{ type: 'select', index: 1.5 }, /index must be an integer, got 1.5/],
      [{ type: 'openInPlayground', index: -1 }, /got -1/],
      [{ type: 'openInPlayground', index: '2' }, /got "2"/],
    ];
    for (const [raw, reason] of cases) {
      const parsed = parseGradcheckWebviewMessage(raw);
      assert.ok(isCheckError(parsed), `accepted ${JSON.stringify(raw)}`);
      assert.match(parsed.error, reason);
    }
  });
});

describe('gradient-check view: messages from the host', () => {
  it('brings NaN and ±∞ through JSON and back as numbers', () => {
    const report = fakeReport({
      ok: false,
      maxAbsError: Infinity,
      maxRelError: Infinity,
      worst: { x: -1, analytic: NaN, numeric: -1, numericError: 1e-13, label: 0.3 },
    });
    const message: GradcheckHostMessage = { type: 'results', title: 't', summary: 's', rows: [rowOf(report)], selected: 0 };
    const parsed = parseGradcheckHostMessage(overTheWire(message));
    assert.ok(!isCheckError(parsed), isCheckError(parsed) ? parsed.error : '');
    assert.equal(parsed.type, 'results');
    const row = parsed.type === 'results' ? parsed.rows[0] : undefined;
    assert.equal(row?.maxAbsError, Infinity);
    assert.ok(Number.isNaN(row?.worst?.analytic));
    assert.equal(row?.worst?.label, 0.3);
    assert.deepEqual(row?.kinks, [0]);
  });

  it('carries a real report, vector points included, unchanged', () => {
    const report = gradcheck({ id: 'softmax' }, { points: 50 });
    const message: GradcheckHostMessage = { type: 'results', title: 'all', summary: 'ok', rows: [rowOf(report)], selected: 0 };
    const parsed = parseGradcheckHostMessage(overTheWire(message));
    assert.ok(!isCheckError(parsed), isCheckError(parsed) ? parsed.error : '');
    assert.deepEqual(parsed, message);
  });

  it('turns typed-array series into arrays with gaps where a value is undefined', () => {
    const message = {
      type: 'series',
      index: 0,
      series: { title: 'f′', variable: 'x', xMin: 0, xMax: 1, analytic: Float64Array.of(1, NaN), numeric: [1, 2], difference: [0, NaN] },
    } as unknown as GradcheckHostMessage;
    const parsed = parseGradcheckHostMessage(overTheWire(message));
    assert.ok(!isCheckError(parsed) && parsed.type === 'series');
    assert.ok(Number.isNaN(parsed.series.analytic[1]));
    assert.equal(parsed.series.numeric[1], 2);
  });

  it('rejects a series whose lines differ in length, or a selection past the last row', () => {
    const series = { title: 'f′', variable: 'x', xMin: 0, xMax: 1, analytic: [1, 2], numeric: [1], difference: [0, 0] };
    const bad = parseGradcheckHostMessage({ type: 'series', index: 0, series });
    assert.ok(isCheckError(bad));
    assert.match(bad.error, /same length/);
    const report = rowOf(fakeReport({}));
    const past = parseGradcheckHostMessage(overTheWire({ type: 'results', title: 't', summary: 's', rows: [report], selected: 1 }));
    assert.ok(isCheckError(past));
    assert.match(past.error, /selected must be in \[0, 0\], got 1/);
  });
});

describe('gradient-check view: the state saved for a window reload', () => {
  const hinge = rowOf(gradcheck({ id: 'hinge' }, { points: 50 }));
  const formula: ReportRow = {
    ...rowOf(gradcheck({ formula: 'x^2/2', derivative: '-x' }, { range: [-1, 1], points: 20 })),
    request: { kind: 'formula', formula: 'x^2/2', derivative: '-x', params: {} },
  };
  const broken = rowOf(fakeReport({ ok: false, maxAbsError: Infinity, worst: { x: -1, analytic: NaN, numeric: -1, numericError: 1e-13 } }));
  const state: GradcheckViewState = { version: VIEW_STATE_VERSION, title: 'Check All', summary: '1/3 pass', rows: [hinge, formula, broken], selected: 2 };

  it('comes back unchanged through setState\'s JSON, requests, NaN and ±∞ included', () => {
    const parsed = parseGradcheckViewState(savedAndRestored(state));
    assert.ok(!isCheckError(parsed), isCheckError(parsed) ? parsed.error : '');
    assert.deepEqual(parsed, state);
    assert.equal(parsed.rows[2].maxAbsError, Infinity);
    assert.ok(Number.isNaN(parsed.rows[2].worst?.analytic));
    assert.deepEqual(parsed.rows[1].request, { kind: 'formula', formula: 'x^2/2', derivative: '-x', params: {} });
  });

  it('keeps catalogue parameters, such as leaky_relu\'s alpha', () => {
    const row: ReportRow = { ...rowOf(fakeReport({ target: 'leaky_relu' })), request: { kind: 'catalogue', id: 'leaky_relu', params: { alpha: 0.2 } } };
    const parsed = parseGradcheckViewState(savedAndRestored({ ...state, rows: [row], selected: 0 }));
    assert.ok(!isCheckError(parsed), isCheckError(parsed) ? parsed.error : '');
    assert.deepEqual(parsed.rows[0].request, { kind: 'catalogue', id: 'leaky_relu', params: { alpha: 0.2 } });
  });

  it('accepts an empty view (what a view restored without results saves)', () => {
    const empty: GradcheckViewState = { version: VIEW_STATE_VERSION, title: 'Gradient check', summary: 'Nothing to show', rows: [], selected: 0 };
    assert.deepEqual(parseGradcheckViewState(savedAndRestored(empty)), empty);
  });

  it('refuses a missing state, naming it, so the host can show the empty view instead', () => {
    for (const raw of [undefined, null]) {
      const parsed = parseGradcheckViewState(raw);
      assert.ok(isCheckError(parsed));
      assert.equal(parsed.error, 'no state was saved');
    }
  });

  it('refuses a malformed state, naming what is wrong', () => {
    const saved = savedAndRestored(state) as Record<string, unknown> & { rows: Record<string, unknown>[] };
    const withRow = (change: Record<string, unknown>) => ({ ...saved, rows: [{ ...saved.rows[0], ...change }] , selected: 0 });
    const cases: [unknown, RegExp][] = [
      ['results', /state must be an object, got "results"/],
      [[saved], /state must be an object, got an array of 1/],
      [{ ...saved, version: undefined }, /state.version must be 1, got nothing/],
      [{ ...saved, version: 2 }, /state.version must be 1, got 2/],
      [{ ...saved, rows: 'all' }, /state.rows must be an array, got "all"/],
      [{ ...saved, rows: new Array(1001).fill(saved.rows[0]) }, /state.rows must have at most 1000 items, got 1001/],
      [{ ...saved, selected: 3 }, /state.selected must be in \[0, 2\], got 3/],
      [{ ...saved, title: 7 }, /state.title must be a string, got 7/],
      [withRow({ ok: 'yes' }), /state.rows\[0\].ok must be true or false, got "yes"/],
      [withRow({ request: undefined }), /state.rows\[0\].request must be an object, got nothing/],
      [withRow({ request: { kind: 'module', id: 'relu', params: {} } }), /state.rows\[0\].request.kind must be "catalogue" or "formula", got "module"/],
      [withRow({ request: { kind: 'catalogue', id: 'leaky_relu', params: { alpha: 'big' } } }), /state.rows\[0\].request.params.alpha must be a finite number, got "big"/],
      [withRow({ request: { kind: 'catalogue', id: 'relu' } }), /state.rows\[0\].request.params must be an object, got nothing/],
      [withRow({ request: { kind: 'formula', params: {} } }), /state.rows\[0\].request.formula must be a string, got nothing/],
    ];
    for (const [raw, reason] of cases) {
      const parsed = parseGradcheckViewState(raw);
      assert.ok(isCheckError(parsed), `accepted ${JSON.stringify(raw)?.slice(0, 200)}`);
      assert.match(parsed.error, reason);
    }
  });

  it('refuses a results message whose rows lack their request', () => {
    const { request: _request, ...row } = rowOf(fakeReport({}));
    const parsed = parseGradcheckHostMessage(overTheWire({ type: 'results', title: 't', summary: 's', rows: [row as ReportRow], selected: 0 }));
    assert.ok(isCheckError(parsed));
    assert.match(parsed.error, /rows\[0\].request must be an object, got nothing/);
  });
});

describe('gradient-check view: the output channel text', () => {
  it('writes numbers short and exact enough to paste: 7 digits, exponent form for tiny ones', () => {
    assert.equal(formatNumber(0.1 + 0.2), '0.3');
    assert.equal(formatNumber(-1), '-1');
    assert.equal(formatNumber(1.234567891e-11), '1.234568e-11');
    assert.equal(formatNumber(NaN), 'NaN');
    assert.equal(formatError(1.2345e-11), '1.2e-11');
    assert.equal(formatError(2), '2');
    assert.equal(formatError(0), '0');
  });

  it('says where a wrong claimed derivative fails and by how much (f = x²/2, claimed −x on [−1, 1])', () => {
    const report = gradcheck({ formula: 'x^2/2', derivative: '-x' }, { range: [-1, 1] });
    const block = reportBlock(report);
    assert.match(block, /^f\(x\) = x\^2\/2, f′\(x\) = -x: FAIL$/m);
    assert.match(block, /^ {2}range {8}\[-1, 1\]$/m);
    assert.match(block, /^ {2}worst point {2}x = -?1: analytic -?1, numeric -?1 \(off by 2\)$/m);
    assert.match(block, /^ {2}verdict {6}FAIL \(1000 of 1000 points outside/m);
    assert.doesNotMatch(block, / $/m, 'no trailing spaces');
    assert.match(summaryOne(report), /^f\(x\) = x\^2\/2, f′\(x\) = -x: FAIL, worst at x = -?1: analytic -?1, numeric -?1 \(off by 2\)/);
  });

  it('lists kinks and one line per check for a loss', () => {
    const block = reportBlock(gradcheck({ id: 'hinge' }, { points: 200 }));
    assert.match(block, /^hinge: PASS$/m);
    assert.match(block, /^ {2}kinks {8}ŷ = -1, 1$/m);
    assert.match(block, /^ {2}check {8}y = -1: pass, \d+ points/m);
  });

  it('sums up Check All as "N/M built-ins pass (K kinks) in S s", naming failures and cancellation', () => {
    const pass = fakeReport({});
    const fail = fakeReport({ ok: false, target: 'sigmoid', kinks: [] });
    assert.equal(summaryAll([pass, pass], 2, 410, false), 'Gradient check: 2/2 built-ins pass (2 kinks) in 0.41 s');
    assert.equal(summaryAll([pass, fail], 2, 1234, false), 'Gradient check: 1/2 built-ins pass (1 kink) in 1.23 s; FAIL: sigmoid');
    assert.equal(summaryAll([pass], 33, 50, true), 'Gradient check cancelled after 1/33 built-ins: 1 pass (1 kink) in 0.05 s');
  });

  it('names a formula error by its span', () => {
    assert.equal(describeProblem({ message: "unknown function 'sigmod'", start: 5, end: 11 }), "at 5–11: unknown function 'sigmod'");
    assert.equal(describeProblem({ message: 'missing operand', start: 3, end: 4, in: 'derivative' }), 'derivative at 3–4: missing operand');
    assert.equal(describeProblem({ message: 'range must be [a, b]' }), 'range must be [a, b]');
  });
});

describe('gradient-check view: command arguments', () => {
  it('accepts { id }, the hover link form [{ id, params }] and a bare id', () => {
    const a = parseCheckArgument({ id: 'sigmoid' });
    assert.ok(a.ok);
    assert.deepEqual(a.value, { request: { kind: 'catalogue', id: 'sigmoid', params: {} }, points: 1000 });
    const b = parseCheckArgument([{ id: 'leaky_relu', params: { alpha: 0.2 } }]);
    assert.ok(b.ok && b.value.request.kind === 'catalogue' && b.value.request.params.alpha === 0.2);
    assert.ok(parseCheckArgument('relu').ok);
  });

  it('names the problem with a bad argument', () => {
    const cases: [unknown, RegExp][] = [
      [{ id: 'sigmod' }, /unknown function 'sigmod' \(did you mean 'sigmoid'\?\)/],
      [{ id: 'leaky_relu', params: { alpha: 'big' } }, /params.alpha must be a finite number, got "big"/],
      [{ id: 'leaky_relu', params: { beta: 1 } }, /unknown parameter 'beta'/],
      [{ id: 'relu', range: [3, 1] }, /range must be \[a, b\] with finite a < b, got \[3, 1\]/],
      [{ id: 'relu', points: 10.5 }, /points must be a whole number from 2 to 1,000,000, got 10.5/],
      [{ id: 'relu', formula: 'x' }, /either id or formula, not both/],
      [{ formula: 'alpha * x' }, /uses parameter 'alpha': give values in params/],
      [{ fn: 'relu' }, /unknown argument 'fn'/],
      [42, /expected \{ id, params\? \} or \{ formula/],
    ];
    for (const [arg, reason] of cases) {
      const parsed = parseCheckArgument(arg);
      assert.ok(!parsed.ok, `accepted ${JSON.stringify(arg)}`);
      assert.match(parsed.problem.message, reason);
    }
  });

  it('gives a formula syntax error its span, in the formula or in the claimed derivative', () => {
    const f = parseCheckArgument({ formula: 'x * sigmod(x)' });
    assert.ok(!f.ok);
    assert.equal(describeProblem(f.problem), "at 4–10: unknown function 'sigmod' (did you mean `sigmoid`?)");
    const d = parseCheckArgument({ formula: 'x^2', derivative: '2*x +' });
    assert.ok(!d.ok);
    assert.equal(d.problem.in, 'derivative');
    assert.match(describeProblem(d.problem), /^derivative at \d+–\d+: /);
  });

  it('runs a parsed job: the Huber claim with −x inside the band fails at the band edge', () => {
    const parsed = parseCheckArgument({
      formula: 'where(abs(x) <= 1, x^2/2, abs(x) - 0.5)',
      derivative: 'where(abs(x) <= 1, -x, sign(x))',
      range: [-3, 3],
    });
    assert.ok(parsed.ok);
    const report = runJob(parsed.value);
    assert.ok(report.ok);
    assert.equal(report.value.ok, false);
    assert.equal(Math.abs(report.value.worst?.x ?? 0), 1);
  });

  it('reads ranges and point counts as typed in the input boxes', () => {
    const ok = (text: string) => {
      const parsed = parseRangeText(text);
      assert.ok(parsed.ok, text);
      return parsed.value;
    };
    assert.deepEqual(ok('-5, 5'), [-5, 5]);
    assert.deepEqual(ok('[−1, 1]'), [-1, 1]);
    assert.deepEqual(ok('0 1e-3'), [0, 0.001]);
    const reversed = parseRangeText('5, 1');
    assert.ok(!reversed.ok);
    assert.match(reversed.problem.message, /start must be below the end, got 5 ≥ 1/);
    const words = parseRangeText('a, b');
    assert.ok(!words.ok);
    assert.match(words.problem.message, /"a" is not a finite number/);
    const points = parsePointsText('10,000');
    assert.ok(points.ok && points.value === 10_000);
    assert.ok(!parsePointsText('1').ok);
  });
});

describe('gradient-check view: plot series', () => {
  it('plots sigmoid′ with a numeric line that agrees to ~1e−10', () => {
    const report = gradcheck({ id: 'sigmoid' }, { points: 50 });
    const s = derivativeSeries({ kind: 'catalogue', id: 'sigmoid', params: {} }, report, 101);
    assert.equal(s.analytic.length, 101);
    assert.equal(s.xMin, report.range[0]);
    assert.ok(Math.abs(s.analytic[50] - 0.25) < 1e-15);
    assert.ok(s.difference.every((d) => Math.abs(d) < 1e-9));
  });

  it('shows a wrong claim as a difference of 2x (f = x²/2, claimed −x)', () => {
    const report = gradcheck({ formula: 'x^2/2', derivative: '-x' }, { range: [-1, 1], points: 10 });
    const s = derivativeSeries({ kind: 'formula', formula: 'x^2/2', derivative: '-x', params: {} }, report, 5);
    assert.deepEqual(Array.from(s.difference, (d) => Math.round(d * 1e9) / 1e9 + 0), [2, 1, 0, -1, -2]);
  });

  it('plots a Jacobian entry of softmax along the worst point, and ∂ℓ/∂ŷ of BCE with gaps off its domain', () => {
    const softmax = gradcheck({ id: 'softmax' }, { points: 50 });
    const s = derivativeSeries({ kind: 'catalogue', id: 'softmax', params: {} }, softmax, 51);
    assert.match(s.title, /^∂f_\d+\/∂x_\d+ of softmax/);
    assert.ok(s.difference.every((d) => Math.abs(d) < 1e-8));
    const bce = gradcheck({ id: 'bce' }, { points: 50 });
    const b = derivativeSeries({ kind: 'catalogue', id: 'bce', params: {} }, bce, 11);
    assert.equal(b.variable, 'ŷ');
    assert.ok(Number.isFinite(b.analytic[5]));
    assert.ok(Number.isNaN(b.numeric[0]), 'no stencil fits at ŷ = 0');
  });
});

describe('gradient-check view: plot series at kinks', () => {
  it('takes one-sided differences next to a kink, so ReLU′ shows no spike near 0 and a gap on it', () => {
    const report = gradcheck({ id: 'relu' }, { points: 50 });
    const s = derivativeSeries({ kind: 'catalogue', id: 'relu', params: {} }, report, 401);
    assert.ok(Number.isNaN(s.numeric[200]), 'no numeric derivative on the kink itself');
    const elsewhere = s.difference.filter((_, k) => k !== 200);
    assert.ok(elsewhere.every((d) => Math.abs(d) < 1e-12), `largest difference ${Math.max(...elsewhere.map(Math.abs))}`);
  });
});
