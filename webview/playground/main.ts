/**
 * The playground webview: it draws and remembers the view; the extension host computes every number.
 * Boot: post `ready`, build the layout and the chart, and restore the view at once from the `init`
 * message the host embedded in the page (catalogue summary, saved state), so the first frame already
 * shows the chart's axes and the series' data is asked for without waiting for a round trip. The host
 * answers `ready` with `init` too (used only if the embedded copy is missing) and then `add` for each
 * function to plot. Each state change asks the host again only for the series whose request changed
 * (requests.ts); the chart is redrawn at most once per animation frame, and KaTeX is loaded after the
 * first frame. So is the preview bundle (shared/corePreview.ts): once it is there, a catalogue function's
 * series is computed in the page with the host's own code, so a slider drag repaints in the next frame
 * instead of after a round trip; a custom formula, and a series the preview cannot compute, still ask the host.
 */
import './styles.css';
import type { FunctionSummary, HostMessage, ResultLine, SeriesRequest, WebviewMessage } from '../../src/features/playground/playgroundMessages';
import { parseHostMessage } from '../../src/features/playground/playgroundMessages';
import { linspace } from '../../src/shared/grid';
import { isInvalid } from '../../src/shared/validate';
import { formatValue, type Line, Plot } from '../shared/chart';
import { afterThisFrame } from '../shared/dom';
import { vscodeApi } from '../shared/vscodeApi';
import { loadKatex } from '../shared/loadKatex';
import { corePreview, loadCorePreview } from '../shared/loadCorePreview';
import { buildLayout } from './controls';
import { toCsv } from './csv';
import type { PerfRecord } from './perfRecord';
import { SeriesRequests } from './requests';
import { syncCards, titleOf } from './seriesCard';
import { type Action, axisTitle, initialState, modeOf, reduce, requestFor, type Series, seriesSummaries, visibleRange } from './state';


const perf: PerfRecord = { scriptStart: performance.now(), sliderPaint: [], chartUpdate: [], roundTrip: [], compute: [], forceHost: false };

const vscode = vscodeApi<WebviewMessage>();
const bootScript = document.currentScript as HTMLScriptElement | null;
const post = (message: WebviewMessage) => vscode.postMessage(message);
// Say `ready` first: the host's answer can only arrive after this script has run to the end (and has
// added its message listener), so the round trip overlaps building the layout and the chart.
post({ type: 'ready' });

let functions = new Map<string, FunctionSummary>();
let state = initialState();
let initialized = false;
/** The latest result drawn per series, with the request it answers (its x grid). */
const results = new Map<string, { request: SeriesRequest; lines: readonly ResultLine[] }>();
/** The last request asked per series (as JSON), so unchanged series are not asked again. */
const asked = new Map<string, string>();
const sent = new Map<number, SeriesRequest>();
/** The restored series whose first lines are not drawn yet (dataPaint), while there are some. */
let awaitingData: Set<string> | undefined;

const requests = new SeriesRequests((seriesKey, requestId, request) => {
  sent.set(requestId, request);
  post({ type: 'evaluate', requestId, seriesKey, request });
});

let formulaCheckId = 0;
let formulaTimer: ReturnType<typeof setTimeout> | undefined;

const layout = buildLayout(document.getElementById('app') as HTMLElement, {
  addFunction: (id) => add({ type: 'add', item: { source: { type: 'catalogue', id } }, info: functions.get(id) }),
  formulaChanged(source) {
    clearTimeout(formulaTimer);
    const id = ++formulaCheckId;
    if (!source.trim()) return layout.showFormulaCheck(null);
    formulaTimer = setTimeout(() => post({ type: 'checkFormula', requestId: id, source }), 80);
  },
  addFormula: (formula) => add({ type: 'add', item: { source: { type: 'formula', formula } } }),
  setXRange(xMin, xMax) {
    plot.resetView();
    update([{ type: 'setXRange', xMin, xMax }]);
  },
  resetView() {
    plot.resetView();
    update([{ type: 'setView', view: null }]);
  },
  exportPng() {
    // The chart may have a redraw waiting for the next frame: export what the controls show.
    drawChart();
    post({ type: 'exportPng', dataUrl: plot.toPng() });
  },
  exportCsv: () => post({ type: 'exportCsv', csv: csvOfVisibleLines() }),
  setFramework: (framework) => update([{ type: 'setFramework', framework }]),
});

const plot = new Plot(layout.canvas, { onViewChange: (xMin, xMax) => update([{ type: 'setView', view: { xMin, xMax } }]) });

if (TEST_PROBES) {
  /** What the e2e suite reads from the page: measurements, CSP violations (none expected: KaTeX styles through the CSSOM) and the lines drawn. */
  const cspViolations: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  (window as unknown as { __playground: unknown }).__playground = {
    perf,
    cspViolations,
    previewLoaded: () => corePreview() !== undefined,
    lines: () => plot.chart.data.datasets.map((d) => ({ label: d.label, points: d.data.length })),
    xRange: () => [plot.chart.scales.x.min, plot.chart.scales.x.max],
    xTitle: () => plot.chart.options.scales?.x?.title?.text,
  };
}

const cardHost = {
  dispatch: (action: Action, inputAt?: number) => update([action], inputAt),
  copyCode(key: string) {
    const series = state.series.find((s) => s.key === key);
    if (series?.source.type === 'catalogue') post({ type: 'copyCode', id: series.source.id, params: series.params, framework: state.framework });
  },
  get functions() {
    return functions;
  },
  palette: () => plot.palette,
};

/** Adds a series; the host's `add` gets the resulting list as its answer (update() reports the rest). */
function add(action: Action & { type: 'add' }, replyTo?: number): void {
  update([action]);
  if (replyTo !== undefined) post({ type: 'seriesList', replyTo, series: seriesSummaries(state) });
}

/** Applies actions, saves the state, asks the host for what changed, updates the controls and redraws. */
function update(actions: readonly Action[], inputAt?: number): void {
  const before = state;
  for (const action of actions) state = reduce(state, action);
  if (state !== before) {
    saveSoon();
    askForChangedSeries(inputAt);
    if (state.series.length !== before.series.length) post({ type: 'seriesList', series: seriesSummaries(state) });
    renderControls();
  }
  scheduleFrame();
}

function askForChangedSeries(inputAt?: number): void {
  const live = new Set(state.series.map((s) => s.key));
  for (const key of [...asked.keys()]) {
    if (live.has(key)) continue;
    asked.delete(key);
    if (results.delete(key)) linesVersion++;
    requests.forget(key);
  }
  for (const series of state.series) {
    const request = requestFor(state, series);
    const json = JSON.stringify(request);
    if (asked.get(series.key) === json) continue;
    asked.set(series.key, json);
    if (!computeHere(series, request, inputAt)) requests.request(series.key, request, inputAt);
  }
}

/**
 * Computes a catalogue function's series in the page, with the preview bundle, and has it drawn in the next
 * frame; false when the bundle has not loaded yet, for a custom formula, or when the preview throws (the host
 * then computes the series and reports what is wrong, as before).
 */
function computeHere(series: Series, request: SeriesRequest, inputAt?: number): boolean {
  const preview = corePreview();
  if (!preview || request.source.type !== 'catalogue' || (TEST_PROBES && perf.forceHost)) return false;
  const started = performance.now();
  let lines: ResultLine[];
  try {
    lines = preview.seriesLines(request);
  } catch {
    return false;
  }
  perf.compute.push(performance.now() - started);
  // An answer still on its way from the host is for an older request: it must not replace these lines.
  requests.forget(series.key);
  results.set(series.key, { request, lines });
  linesVersion++;
  if (inputAt !== undefined) answeredInputs.push(inputAt);
  awaitingData?.delete(series.key);
  if (series.error) state = reduce(state, { type: 'setError', key: series.key, error: null });
  return true;
}

let saveTimer: ReturnType<typeof setTimeout> | undefined;
function saveSoon(): void {
  if (saveTimer !== undefined) return;
  saveTimer = setTimeout(() => {
    saveTimer = undefined;
    vscode.setState(state);
  }, 150);
}

/** Bumped whenever a series' lines change, so the chart is redrawn only when what it shows changed. */
let linesVersion = 0;
let drawnKey = '';
let frameRequested = false;
let forceDraw = false;
/** Input event times answered by data applied since the last frame: measured when that frame is painted. */
const answeredInputs: number[] = [];

function renderControls(): void {
  layout.showState(state);
  syncCards(layout.seriesList, state, cardHost);
}

/** Asks for one chart update in the next animation frame, however many changes arrive before it. */
function scheduleFrame(force = false): void {
  forceDraw ||= force;
  if (frameRequested) return;
  frameRequested = true;
  requestAnimationFrame(drawFrame);
}

function drawFrame(): void {
  frameRequested = false;
  drawChart();
  const inputs = answeredInputs.splice(0);
  const firstPaint = initialized && perf.firstPaint === undefined;
  const dataPaint = awaitingData?.size === 0;
  if (dataPaint) awaitingData = undefined;
  if (!inputs.length && !firstPaint && !dataPaint) return;
  afterThisFrame((paintedAt) => {
    for (const at of inputs) perf.sliderPaint.push(paintedAt - at);
    if (firstPaint) {
      perf.firstPaint = paintedAt;
      loadKatex(bootScript);
      loadCorePreview(bootScript);
    }
    if (dataPaint) {
      perf.dataPaint = paintedAt;
    }
  });
}

/** Draws the chart now if what it shows changed (or when forced, after a theme switch). */
function drawChart(): void {
  const force = forceDraw;
  forceDraw = false;
  const { xMin, xMax } = visibleRange(state);
  // A slider input changes the controls at once but the chart only when the host's answer arrives.
  const key = JSON.stringify([linesVersion, xMin, xMax, state.view === null, state.series.map((s) => [s.key, s.showF, s.showDf, s.color])]);
  if (key === drawnKey && !force) return;
  drawnKey = key;
  const started = performance.now();
  plot.draw(visibleLines(), xMin, xMax, axisTitle(state, functions), state.view === null);
  perf.chartUpdate.push(performance.now() - started);
}



function infoOf(series: Series): FunctionSummary | undefined {
  return series.source.type === 'catalogue' ? functions.get(series.source.id) : undefined;
}

/** Every line the chart shows now, in series order, with its legend name and colour. */
function visibleLines(): Line[] {
  const lines: Line[] = [];
  const palette = plot.palette;
  for (const series of state.series) {
    const result = results.get(series.key);
    if (!result) continue;
    const info = infoOf(series);
    const labels = [...new Set(result.lines.map((l) => l.label))];
    for (const line of result.lines) {
      if (line.role === 'f' ? !series.showF : !series.showDf) continue;
      const labelIndex = Math.max(0, labels.indexOf(line.label));
      lines.push({
        id: `${series.key}:${line.role}:${line.label ?? ''}`,
        label: lineName(series, info, line, result.request),
        // A loss's targets share the series' colour, told apart by the stroke (and by colour past two).
        color: palette[(series.color + Math.floor(labelIndex / 2)) % palette.length],
        derivative: line.role === 'df',
        variant: labelIndex,
        xMin: result.request.xMin,
        xMax: result.request.xMax,
        values: line.values,
      });
    }
  }
  return lines;
}

/** The legend names the parameters the drawn numbers were computed with, not the slider's newer value. */
function lineName(series: Series, info: FunctionSummary | undefined, line: ResultLine, request: SeriesRequest): string {
  const df = line.role === 'df';
  if (series.source.type === 'formula') return df ? `d/dx ${series.source.formula}` : series.source.formula;
  const params = Object.entries(request.params)
    .map(([k, v]) => `${k}=${formatValue(v)}`)
    .join(', ');
  const title = `${titleOf(series, info)}${params ? ` (${params})` : ''}`;
  const mode = modeOf(series, info);
  if (mode === 'loss') return `${df ? '∂ℓ/∂ŷ ' : ''}${title}, y=${line.label}`;
  if (mode === 'softmax') {
    const i = (request.component ?? 0) + 1;
    return df ? `∂s${i}/∂x ${title}` : `${title} s${i}`;
  }
  return df ? `${title}′` : title;
}

function csvOfVisibleLines(): string {
  const { xMin, xMax } = visibleRange(state);
  const n = state.points;
  const x = Array.from(linspace(xMin, xMax, n));
  const columns = visibleLines()
    .filter((l) => l.values.length === n && l.xMin === xMin && l.xMax === xMax)
    .map((l) => ({ name: l.label, values: l.values }));
  return toCsv(x, columns);
}

function receive(message: HostMessage): void {
  switch (message.type) {
    case 'init':
      perf.initReceived = performance.now();
      // Booted from the copy embedded in the page already: the same catalogue, and state may have moved on.
      if (!initialized) boot(message, 'init');
      return;
    case 'add':
      add({ type: 'add', item: message.item, info: message.item.source.type === 'catalogue' ? functions.get(message.item.source.id) : undefined }, message.requestId);
      return;
    case 'result':
    case 'evaluateError': {
      const settled = requests.settle(message.seriesKey, message.requestId);
      const request = sent.get(message.requestId);
      sent.delete(message.requestId);
      if (!settled.apply || !request) return;
      if (settled.sentAt !== undefined) perf.roundTrip.push(performance.now() - settled.sentAt);
      answeredInputs.push(...settled.inputs);
      const key = message.seriesKey;
      if (message.type === 'result') {
        perf.transport ??= message.lines[0]?.values instanceof Float64Array ? 'Float64Array' : 'array';
        results.set(key, { request, lines: message.lines });
        linesVersion++;
        const actions: Action[] = [{ type: 'setError', key, error: null }];
        if (message.formula) actions.push({ type: 'formulaInfo', key, ...message.formula });
        update(actions);
      } else {
        results.delete(key);
        linesVersion++;
        update([{ type: 'setError', key, error: { message: message.message, start: message.start, end: message.end } }]);
      }
      awaitingData?.delete(key);
      return;
    }
    case 'formulaChecked':
      if (message.requestId !== formulaCheckId) return;
      layout.showFormulaCheck(message.ok ? { ok: true, latex: message.latex, derivativeLatex: message.derivativeLatex } : message);
      return;
  }
}

/** Takes the catalogue and the saved state (from the page or from `init`), asks for the series' data and draws. */
function boot(message: HostMessage & { type: 'init' }, from: 'page' | 'init'): void {
  perf.booted = performance.now();
  perf.bootedFrom = from;
  functions = new Map(message.functions.map((f) => [f.id, f]));
  layout.setFunctions(message.functions);
  // The webview's own saved state is the freshest; the serializer's copy is the fallback.
  state = reduce(initialState(), { type: 'restore', saved: vscode.getState() ?? message.state, functions });
  initialized = true;
  asked.clear();
  awaitingData = new Set(state.series.map((s) => s.key));
  askForChangedSeries();
  renderControls();
  // Drawn now, in this task, so the first frame the page paints already shows the chart (Chart.js builds
  // it on this first draw); the frame scheduled after it records when that frame was painted.
  drawChart();
  scheduleFrame();
  post({ type: 'seriesList', series: seriesSummaries(state) });
}

/** The `init` message the host embedded in the page, validated like one that arrived. */
function embeddedInit(): (HostMessage & { type: 'init' }) | undefined {
  const island = document.getElementById('playground-init');
  if (!island?.textContent) return undefined;
  try {
    const message = parseHostMessage(JSON.parse(island.textContent));
    if (!isInvalid(message) && message.type === 'init') return message;
    console.warn(`playground: ignored the embedded init: ${isInvalid(message) ? message.error : message.type}`);
  } catch (error) {
    console.warn(`playground: ignored the embedded init: ${error instanceof Error ? error.message : String(error)}`);
  }
  return undefined;
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseHostMessage(event.data);
  if (isInvalid(message)) {
    console.warn(`playground: ignored a malformed message from the host: ${message.error}`);
    return;
  }
  if (message.type !== 'init' && !initialized) return;
  receive(message);
});

// Keyboard zoom and pan on the focused plot: + and − zoom, arrows pan, 0 resets.
layout.canvas.addEventListener('keydown', (e) => {
  const chart = plot.chart;
  const moves: Record<string, () => void> = {
    '+': () => chart.zoom(1.25),
    '=': () => chart.zoom(1.25),
    '-': () => chart.zoom(0.8),
    ArrowLeft: () => chart.pan({ x: 40 }),
    ArrowRight: () => chart.pan({ x: -40 }),
    ArrowUp: () => chart.pan({ y: 40 }),
    ArrowDown: () => chart.pan({ y: -40 }),
  };
  if (e.key === '0') {
    plot.resetView();
    update([{ type: 'setView', view: null }]);
  } else if (moves[e.key]) {
    moves[e.key]();
    update([{ type: 'setView', view: { xMin: chart.scales.x.min, xMax: chart.scales.x.max } }]);
  } else return;
  e.preventDefault();
});

// VS Code swaps the body's theme class; the chart's colours come from its CSS variables.
new MutationObserver(() => {
  plot.refreshTheme();
  renderControls();
  scheduleFrame(true);
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

const embedded = embeddedInit();
if (embedded) boot(embedded, 'page');
else {
  renderControls();
  scheduleFrame();
  // Without the embedded data the first frame waits for `init`; KaTeX and the preview need not.
  loadKatex(bootScript);
  loadCorePreview(bootScript);
}
