import * as assert from 'node:assert/strict';
import type { FunctionSummary, SeriesRequest } from '../../src/features/playground/playgroundMessages';
import { SeriesRequests, STALE_MS } from '../../webview/playground/requests';
import { axisTitle, initialState, MAX_SERIES, type PlaygroundState, reduce, requestFor, seriesSummaries } from '../../webview/playground/state';

const leaky: FunctionSummary = {
  id: 'leaky_relu',
  kind: 'activation',
  shape: 'elementwise',
  title: 'Leaky ReLU',
  params: [{ name: 'alpha', default: 0.01, min: 0, max: Infinity, sliderRange: [0, 1], meaning: 'slope for x < 0' }],
  latex: 'x',
  derivativeLatex: '1',
  plotRange: [-5, 5],
  frameworks: ['pytorch'],
};
const sigmoid: FunctionSummary = { ...leaky, id: 'sigmoid', title: 'Sigmoid', params: [], plotRange: [-8, 8] };
const bce: FunctionSummary = { ...leaky, id: 'bce', kind: 'loss', title: 'Binary cross-entropy', params: [], plotRange: [0, 1], prediction: 'probability', plotLabels: [0, 1] };
const hinge: FunctionSummary = { ...bce, id: 'hinge', title: 'Hinge', plotRange: [-3, 3], prediction: 'score', plotLabels: [-1, 1] };
const softmax: FunctionSummary = { ...leaky, id: 'softmax', shape: 'vector', title: 'Softmax', params: [] };
const functions = new Map([leaky, sigmoid, bce, hinge, softmax].map((f) => [f.id, f]));

function withSeries(...infos: FunctionSummary[]): PlaygroundState {
  return infos.reduce((s, info) => reduce(s, { type: 'add', item: { source: { type: 'catalogue', id: info.id } }, info }), initialState());
}

describe('playground state reducer', () => {
  it('adds a catalogue function with its defaults, f shown and f′ hidden, and its plot range', () => {
    const s = withSeries(leaky);
    assert.equal(s.series.length, 1);
    assert.deepEqual(s.series[0].params, { alpha: 0.01 });
    assert.equal(s.series[0].showF, true);
    assert.equal(s.series[0].showDf, false);
    assert.deepEqual([s.xMin, s.xMax], [-5, 5]);
  });

  it('gives each new series a colour no other series has', () => {
    const s = withSeries(leaky, sigmoid, bce);
    assert.deepEqual(s.series.map((x) => x.color), [0, 1, 2]);
    const removed = reduce(s, { type: 'remove', key: s.series[1].key });
    const again = reduce(removed, { type: 'add', item: { source: { type: 'catalogue', id: 'sigmoid' } }, info: sigmoid });
    assert.equal(again.series[2].color, 1);
  });

  it('overlays the parameters a hover link passes on the defaults', () => {
    const s = reduce(initialState(), { type: 'add', item: { source: { type: 'catalogue', id: 'leaky_relu' }, params: { alpha: 0.2 } }, info: leaky });
    assert.deepEqual(s.series[0].params, { alpha: 0.2 });
  });

  it('refuses an id the catalogue does not have, and stops at MAX_SERIES', () => {
    assert.equal(reduce(initialState(), { type: 'add', item: { source: { type: 'catalogue', id: 'nope' } } }).series.length, 0);
    let s = initialState();
    for (let i = 0; i < MAX_SERIES + 3; i++) s = reduce(s, { type: 'add', item: { source: { type: 'catalogue', id: 'sigmoid' } }, info: sigmoid });
    assert.equal(s.series.length, MAX_SERIES);
  });

  it('moves a parameter without touching the other series, and returns the same state for a no-op', () => {
    const s = withSeries(leaky, sigmoid);
    const moved = reduce(s, { type: 'setParam', key: s.series[0].key, name: 'alpha', value: 0.3 });
    assert.equal(moved.series[0].params.alpha, 0.3);
    assert.equal(moved.series[1], s.series[1]);
    assert.equal(reduce(moved, { type: 'setParam', key: s.series[0].key, name: 'alpha', value: 0.3 }), moved);
    assert.equal(reduce(moved, { type: 'setParam', key: s.series[0].key, name: 'alpha', value: NaN }), moved);
  });

  it('toggles f and f′ independently', () => {
    const s = withSeries(sigmoid);
    const key = s.series[0].key;
    const both = reduce(s, { type: 'toggle', key, line: 'df' });
    assert.deepEqual([both.series[0].showF, both.series[0].showDf], [true, true]);
    const onlyDf = reduce(both, { type: 'toggle', key, line: 'f' });
    assert.deepEqual([onlyDf.series[0].showF, onlyDf.series[0].showDf], [false, true]);
  });

  it('gives a loss its catalogue targets and names its x axis by the prediction space', () => {
    const s = withSeries(bce);
    assert.deepEqual(s.series[0].labels, [0, 1]);
    assert.deepEqual(requestFor(s, s.series[0]).labels, [0, 1]);
    assert.equal(axisTitle(s, functions), 'ŷ (probability)');
    assert.equal(axisTitle(withSeries(hinge), functions), 'ŷ (score)');
    assert.equal(axisTitle(withSeries(sigmoid), functions), 'x');
    const retargeted = reduce(s, { type: 'setLabels', key: s.series[0].key, labels: [1, 1, 0.5] });
    assert.deepEqual(retargeted.series[0].labels, [1, 0.5]);
  });

  it('gives softmax a component and other logits, kept consistent when the count changes', () => {
    const s = withSeries(softmax);
    const key = s.series[0].key;
    assert.deepEqual(s.series[0].others, [0, 0]);
    let t = reduce(s, { type: 'setComponent', key, component: 2 });
    t = reduce(t, { type: 'setOther', key, index: 1, value: 3 });
    assert.deepEqual(requestFor(t, t.series[0]), { ...requestFor(t, t.series[0]), component: 2, others: [0, 3] });
    t = reduce(t, { type: 'setLogitCount', key, count: 2 });
    assert.deepEqual(t.series[0].others, [0]);
    assert.equal(t.series[0].component, 1);
    assert.equal(reduce(t, { type: 'setComponent', key, component: 5 }), t);
  });

  it('gives a formula’s parameters the value 1 when the host reports them, keeping values already set', () => {
    let s = reduce(initialState(), { type: 'add', item: { source: { type: 'formula', formula: 'a * x + b' }, params: { a: 3 } } });
    const key = s.series[0].key;
    s = reduce(s, { type: 'formulaInfo', key, latex: 'a x + b', derivativeLatex: 'a', params: ['a', 'b'] });
    assert.deepEqual(s.series[0].params, { a: 3, b: 1 });
    assert.equal(s.series[0].formula?.derivativeLatex, 'a');
  });

  it('keeps the x range valid, and a zoom window separate from it', () => {
    const s = withSeries(sigmoid);
    assert.equal(reduce(s, { type: 'setXRange', xMin: 3, xMax: 1 }), s);
    const zoomed = reduce(s, { type: 'setView', view: { xMin: -1, xMax: 1 } });
    assert.deepEqual([requestFor(zoomed, zoomed.series[0]).xMin, requestFor(zoomed, zoomed.series[0]).xMax], [-1, 1]);
    const reset = reduce(zoomed, { type: 'setView', view: null });
    assert.deepEqual([requestFor(reset, reset.series[0]).xMin, reset.xMin], [-8, -8]);
    assert.equal(reduce(s, { type: 'setPoints', points: 10_002 }), s);
  });

  it('records and clears an error', () => {
    const s = reduce(initialState(), { type: 'add', item: { source: { type: 'formula', formula: 'foo(x)' } } });
    const key = s.series[0].key;
    const failed = reduce(s, { type: 'setError', key, error: { message: "unknown function 'foo'", start: 0, end: 3 } });
    assert.equal(failed.series[0].error?.end, 3);
    assert.equal(reduce(failed, { type: 'setError', key, error: null }).series[0].error, undefined);
  });

  it('restores a saved state, dropping what is malformed or no longer in the catalogue', () => {
    let s = withSeries(leaky, sigmoid);
    s = reduce(s, { type: 'setParam', key: s.series[0].key, name: 'alpha', value: 0.2 });
    s = reduce(s, { type: 'toggle', key: s.series[1].key, line: 'df' });
    s = reduce(s, { type: 'setView', view: { xMin: -2, xMax: 2 } });
    const saved = JSON.parse(JSON.stringify(s));
    const restored = reduce(initialState(), { type: 'restore', saved, functions });
    assert.deepEqual(restored, s);

    const junk = {
      series: [
        { source: { type: 'catalogue', id: 'removed_fn' } },
        'garbage',
        { source: { type: 'catalogue', id: 'leaky_relu' }, params: { alpha: 'big', beta: 2 }, showDf: 'yes' },
      ],
      xMin: 'a',
      points: -3,
    };
    const cleaned = reduce(initialState(), { type: 'restore', saved: junk, functions });
    assert.deepEqual(seriesSummaries(cleaned).map((x) => x.name), ['leaky_relu']);
    assert.deepEqual(cleaned.series[0].params, { alpha: 0.01 });
    assert.equal(cleaned.series[0].showDf, false);
    assert.equal(cleaned.points, initialState().points);
    assert.deepEqual(reduce(initialState(), { type: 'restore', saved: 42, functions }), initialState());
  });
});

describe('playground requests to the host', () => {
  const request = (alpha: number): SeriesRequest => ({ source: { type: 'catalogue', id: 'leaky_relu' }, params: { alpha }, xMin: -5, xMax: 5, points: 2001 });
  function harness(maxInFlight = 2) {
    const sent: { key: string; id: number; alpha: number }[] = [];
    let now = 0;
    const requests = new SeriesRequests((key, id, r) => sent.push({ key, id, alpha: r.params.alpha }), () => now, maxInFlight);
    return { sent, requests, advance: (ms: number) => (now += ms) };
  }

  it('sends at once while fewer than the limit are on the way, then keeps only the newest', () => {
    const { sent, requests } = harness(2);
    for (const [i, alpha] of [0.1, 0.2, 0.3, 0.4].entries()) requests.request('s1', request(alpha), 100 + i);
    assert.deepEqual(sent.map((s) => s.alpha), [0.1, 0.2]);
    const first = requests.settle('s1', sent[0].id);
    assert.deepEqual(first, { apply: true, inputs: [100], sentAt: 0 });
    // The freed slot goes to the newest request, which answers the inputs of the one it replaced too.
    assert.deepEqual(sent.map((s) => s.alpha), [0.1, 0.2, 0.4]);
    assert.deepEqual(requests.settle('s1', sent[2].id).inputs, [101, 102, 103]);
  });

  it('ignores an answer older than one applied, and counts its inputs as answered by the newer one', () => {
    const { sent, requests } = harness(3);
    requests.request('s1', request(0.1), 1);
    requests.request('s1', request(0.2), 2);
    assert.deepEqual(requests.settle('s1', sent[1].id), { apply: true, inputs: [1, 2], sentAt: 0 });
    assert.equal(requests.settle('s1', sent[0].id).apply, false);
  });

  it('keeps series apart, forgets a removed one, and gives up on a lost answer after STALE_MS', () => {
    const { sent, requests, advance } = harness(1);
    requests.request('s1', request(0.1), 1);
    requests.request('s2', request(0.5));
    assert.deepEqual(sent.map((s) => s.key), ['s1', 's2']);
    requests.forget('s2');
    assert.equal(requests.settle('s2', sent[1].id).apply, false);
    requests.request('s1', request(0.2), 2);
    assert.equal(sent.length, 2, 'the second s1 request waits for the first');
    advance(STALE_MS);
    requests.request('s1', request(0.3), 3);
    assert.deepEqual(sent.map((s) => s.alpha), [0.1, 0.5, 0.3]);
    assert.deepEqual(requests.settle('s1', sent[2].id).inputs, [1, 2, 3]);
  });
});
