import * as assert from 'node:assert/strict';
import { parseHostMessage, parseWebviewMessage } from '../../src/features/playground/playgroundMessages';
import { MAX_SERIES_POINTS as MAX_POINTS } from '../../src/shared/limits';
import { isInvalid as isParseError } from '../../src/shared/validate';
import { jsonForScriptElement } from '../../src/shared/wire';

const request = {
  source: { type: 'catalogue', id: 'leaky_relu' },
  params: { alpha: 0.2 },
  xMin: -5,
  xMax: 5,
  points: 2001,
};

function rejects(raw: unknown, reason: RegExp): void {
  const parsed = parseWebviewMessage(raw);
  assert.ok(isParseError(parsed), `expected ${JSON.stringify(raw)?.slice(0, 120)} to be rejected`);
  assert.match(parsed.error, reason);
}

describe('protocol: messages from the webview', () => {
  it('accepts every well-formed message and keeps its fields', () => {
    const good: unknown[] = [
      { type: 'ready' },
      { type: 'evaluate', requestId: 7, seriesKey: 's1', request },
      { type: 'evaluate', requestId: 8, seriesKey: 's2', request: { ...request, source: { type: 'formula', formula: 'a * x' }, params: { a: 2 } } },
      { type: 'evaluate', requestId: 9, seriesKey: 's3', request: { ...request, source: { type: 'catalogue', id: 'bce' }, labels: [0, 1] } },
      { type: 'evaluate', requestId: 9, seriesKey: 's3', request: { ...request, source: { type: 'catalogue', id: 'softmax' }, component: 1, others: [0.5, -1] } },
      { type: 'checkFormula', requestId: 1, source: 'x * sigmoid(x)' },
      { type: 'seriesList', series: [{ key: 's1', name: 'sigmoid' }] },
      { type: 'seriesList', replyTo: 3, series: [] },
      { type: 'exportPng', dataUrl: 'data:image/png;base64,iVBORw0KGgo=' },
      { type: 'exportCsv', csv: 'x,sigmoid\r\n0,0.5\r\n' },
      { type: 'copyCode', id: 'leaky_relu', params: { alpha: 0.2 }, framework: 'pytorch' },
    ];
    for (const raw of good) {
      const parsed = parseWebviewMessage(raw);
      assert.ok(!isParseError(parsed), `rejected ${JSON.stringify(raw)}: ${isParseError(parsed) ? parsed.error : ''}`);
      assert.deepEqual(parsed, raw);
    }
  });

  it('drops fields that are not part of the message', () => {
    assert.deepEqual(parseWebviewMessage({ type: 'ready', extra: 'x' }), { type: 'ready' });
  });

  const malformed: [string, unknown, RegExp][] = [
    ['a message that is not an object', 'ready', /message must be an object, got "ready"/],
    ['null', null, /message must be an object, got null/],
    ['an array', [{ type: 'ready' }], /message must be an object, got an array/],
    ['an unknown type', { type: 'launchMissiles' }, /unknown message type "launchMissiles"/],
    ['a missing type', {}, /unknown message type undefined/],
    ['a fractional request id', { type: 'evaluate', requestId: 1.5, seriesKey: 's1', request }, /requestId must be an integer, got 1.5/],
    ['a negative request id', { type: 'evaluate', requestId: -1, seriesKey: 's1', request }, /requestId must be in \[0, /],
    ['a series key with markup', { type: 'evaluate', requestId: 1, seriesKey: '<img>', request }, /seriesKey must be a series key/],
    ['too many points', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, points: MAX_POINTS + 1 } }, /request.points must be in \[2, 10001\], got 10002/],
    ['one point', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, points: 1 } }, /request.points must be in \[2, 10001\]/],
    ['fractional points', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, points: 100.5 } }, /request.points must be an integer/],
    ['an empty x range', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, xMin: 2, xMax: 2 } }, /request.xMin must be < request.xMax, got 2 and 2/],
    ['an infinite x bound', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, xMax: Infinity } }, /request.xMax must be a finite number, got Infinity/],
    ['an x bound as a string', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, xMin: '-5' } }, /request.xMin must be a finite number, got "-5"/],
    ['a huge x range', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, xMin: -1e9 } }, /request.xMin must be in \[-1000000, 1000000\]/],
    ['a NaN parameter', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, params: { alpha: NaN } } }, /request.params.alpha must be a finite number, got NaN/],
    ['a parameter as a string', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, params: { alpha: '0.2' } } }, /request.params.alpha must be a finite number/],
    ['a parameter name with spaces', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, params: { 'al pha': 1 } } }, /request.params key must be a parameter name/],
    ['params as an array', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, params: [0.2] } }, /request.params must be an object, got an array/],
    ['an unknown source type', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, source: { type: 'url', id: 'x' } } }, /request.source.type must be 'catalogue' or 'formula'/],
    ['a function id with a path', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, source: { type: 'catalogue', id: '../etc' } } }, /request.source.id must be a function id/],
    ['an empty formula', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, source: { type: 'formula', formula: '  ' } } }, /formula must not be empty/],
    ['a formula too long', { type: 'checkFormula', requestId: 1, source: 'x+'.repeat(2000) }, /source must be at most 2000 characters, got 4000/],
    ['too many loss targets', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, labels: [0, 1, 2, 3, 4, 5, 6, 7, 8] } }, /request.labels must have at most 8 items, got 9/],
    ['a softmax component out of range', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, component: 16 } }, /request.component must be in \[0, 15\], got 16/],
    ['a NaN logit', { type: 'evaluate', requestId: 1, seriesKey: 's1', request: { ...request, others: [0, NaN] } }, /request.others\[1\] must be a finite number, got NaN/],
    ['a PNG that is not a data URL', { type: 'exportPng', dataUrl: 'https://example.com/x.png' }, /dataUrl must be a base64 PNG data URL/],
    ['a CSV that is not text', { type: 'exportCsv', csv: 42 }, /csv must be a string, got 42/],
    ['an unknown framework', { type: 'copyCode', id: 'relu', params: {}, framework: 'caffe' }, /framework must be one of pytorch, tensorflow, jax, tfjs, got "caffe"/],
    ['a test-only perf message (not part of the shipped protocol)', { type: 'perf', name: 'firstPaint', values: [1] }, /unknown message type "perf"/],
    ['a perf message with no values', { type: 'perf', name: 'firstPaint', values: [] }, /unknown message type "perf"/],
    ['a series list entry without a name', { type: 'seriesList', series: [{ key: 's1' }] }, /series\[0\].name must be a string, got nothing/],
  ];
  for (const [what, raw, reason] of malformed) {
    it(`rejects ${what}, naming the field`, () => rejects(raw, reason));
  }
});

describe('protocol: messages from the host', () => {
  const summary = {
    id: 'leaky_relu',
    kind: 'activation',
    shape: 'elementwise',
    title: 'Leaky ReLU',
    params: [{ name: 'alpha', default: 0.01, min: 0, max: null, sliderRange: [0, 1], meaning: 'slope for x < 0' }],
    latex: 'x',
    derivativeLatex: '1',
    plotRange: [-5, 5],
    frameworks: ['pytorch', 'jax'],
  };

  it('accepts init, turning JSON nulls back into infinite parameter bounds', () => {
    const parsed = parseHostMessage({ type: 'init', functions: [summary], state: null });
    assert.ok(!isParseError(parsed));
    assert.equal(parsed.type, 'init');
    if (parsed.type !== 'init') return;
    assert.equal(parsed.functions[0].params[0].max, Infinity);
    assert.deepEqual(parsed.functions[0].params[0].sliderRange, [0, 1]);
  });

  it('accepts a result as a Float64Array with NaN, or as JSON with null for NaN', () => {
    const typed = parseHostMessage({ type: 'result', requestId: 1, seriesKey: 's1', lines: [{ role: 'f', values: Float64Array.of(1, NaN) }] });
    assert.ok(!isParseError(typed) && typed.type === 'result');
    if (typed.type === 'result') assert.ok(Number.isNaN(typed.lines[0].values[1]));
    const json = parseHostMessage({ type: 'result', requestId: 1, seriesKey: 's1', lines: [{ role: 'df', label: 1, values: [1, null] }] });
    assert.ok(!isParseError(json) && json.type === 'result');
    if (json.type === 'result') assert.deepEqual(json.lines[0].values, [1, NaN]);
  });

  it('accepts both answers to a formula check', () => {
    assert.ok(!isParseError(parseHostMessage({ type: 'formulaChecked', requestId: 2, ok: true, latex: 'x', derivativeLatex: '1', params: ['a'] })));
    assert.ok(!isParseError(parseHostMessage({ type: 'formulaChecked', requestId: 2, ok: false, message: 'unknown function', start: 0, end: 3 })));
  });

  it('rejects a result with text among the values, an unknown line role and a bad summary', () => {
    const bad: [unknown, RegExp][] = [
      [{ type: 'result', requestId: 1, seriesKey: 's1', lines: [{ role: 'f', values: [1, '2'] }] }, /lines\[0\].values\[1\] must be a number or null/],
      [{ type: 'result', requestId: 1, seriesKey: 's1', lines: [{ role: 'g', values: [] }] }, /lines\[0\].role must be one of f, df/],
      [{ type: 'result', requestId: 1, seriesKey: 's1', lines: [{ role: 'f', values: new Float64Array(MAX_POINTS + 1) }] }, /must have at most 10001 items/],
      [{ type: 'init', functions: [{ ...summary, plotRange: [5, -5] }], state: null }, /plotRange must be \[lo, hi\] with lo < hi/],
      [{ type: 'init', functions: [{ ...summary, kind: 'layer' }], state: null }, /functions\[0\].kind must be one of activation, loss/],
      [{ type: 'formulaChecked', requestId: 2, ok: 'yes' }, /ok must be a boolean/],
      [{ type: 'add', requestId: 1, item: { source: { type: 'catalogue', id: 'Sigmoid!' } } }, /item.source.id must be a function id/],
    ];
    for (const [raw, reason] of bad) {
      const parsed = parseHostMessage(raw);
      assert.ok(isParseError(parsed), `expected rejection of ${JSON.stringify(raw)}`);
      assert.match(parsed.error, reason);
    }
  });
});

describe('protocol: the init message embedded in the page', () => {
  it('cannot close its <script> element, and parses back to the same message', () => {
    const init = {
      type: 'init',
      functions: [],
      state: { series: [{ source: { type: 'formula', formula: 'x </script><script>alert(1)</script> <!-- \u2028 \u2029' } }] },
    };
    const text = jsonForScriptElement(init);
    assert.ok(!text.includes('<'), text);
    assert.ok(!/[\u2028\u2029]/.test(text));
    assert.deepEqual(JSON.parse(text), init);
    assert.deepEqual(parseHostMessage(JSON.parse(text)), init);
  });
});
