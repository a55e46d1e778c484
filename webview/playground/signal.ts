/**
 * The Signal Propagation view: which initialisation an activation needs, and where a deep network sits
 * between order and chaos. Left, q_l (the pre-activation variance) through 100 layers from q_0; right, the
 * phase diagram over (σ_w², σ_b²) with each activation's edge of chaos (χ₁ = 1) and the current point, which
 * can be dragged; below, the readout per activation (q*, χ₁, phase, gain, the gradient factor, the init line).
 * It draws only: every number comes from the host (src/features/playground/signalCompute.ts). Boot: read the
 * page's JSON island (`init`), draw, post `ready` and the first `compute`. Requests are pipelined: while one is
 * in flight, only the latest state waits.
 */
import './signal.css';
import {
  Chart,
  type ChartDataset,
  Legend,
  LinearScale,
  LogarithmicScale,
  LineController,
  LineElement,
  PointElement,
  ScatterController,
  Tooltip,
} from 'chart.js';
import {
  itemKey,
  parseSignalHostMessage,
  SIGNAL_LIMITS,
  type SignalActivation,
  type SignalHostMessage,
  type SignalSeries,
  type SignalViewState,
  type SignalWebviewMessage,
} from '../../src/features/playground/signalMessages';
import { isInvalid } from '../../src/shared/validate';
import { el } from '../shared/dom';
import { vscodeApi } from '../shared/vscodeApi';
import { PALETTE } from '../shared/palette';
import { tickLabel } from '../shared/numberText';

Chart.register(LineController, ScatterController, LineElement, PointElement, LinearScale, LogarithmicScale, Tooltip, Legend);

const vscode = vscodeApi<SignalWebviewMessage>();
const post = (m: SignalWebviewMessage) => vscode.postMessage(m);

type Point = { x: number; y: number };

let activations: readonly SignalActivation[] = [];
let state: SignalViewState = { items: [], sigmaW2: 2, sigmaB2: 0.05, q0: 1 };
let series: readonly SignalSeries[] = [];
const edges = new Map<string, { sigmaW2: readonly number[]; sigmaB2: readonly number[] }>();
let nextRequest = 1;
let inFlight: number | undefined;
let pending = false;
const perf = { results: 0, lastRoundTrip: 0 };
let sentAt = 0;
let booted = false;

// ---------------------------------------------------------------------------------------------------------
// Layout

const theory = el('p', { class: 'theory' }, [
  'A deep random network maps the variance of its pre-activations q ↦ σ_w²·E[φ(√q z)²] + σ_b² toward a fixed point q*, and multiplies ' +
    'backpropagated gradients by χ₁ = σ_w²·E[φ′(√q* z)²] per layer. χ₁ < 1 is ordered (gradients vanish), χ₁ > 1 chaotic (they explode); ' +
    'on the edge of chaos χ₁ = 1 signals reach the deepest layers.',
]);
const activationBox = el('fieldset', { class: 'activations', id: 'activations' }, [el('legend', {}, ['Activations'])]);
const w2Range = el('input', { type: 'range', id: 'sigma-w2-range', min: '0', max: '5', step: '0.01', 'aria-label': 'σ_w² slider' }) as HTMLInputElement;
const w2Number = el('input', { type: 'number', id: 'sigma-w2', min: '0', max: String(SIGNAL_LIMITS.maxSigmaW2), step: '0.01', 'aria-label': 'σ_w²' }) as HTMLInputElement;
const b2Range = el('input', { type: 'range', id: 'sigma-b2-range', min: '0', max: '1', step: '0.005', 'aria-label': 'σ_b² slider' }) as HTMLInputElement;
const b2Number = el('input', { type: 'number', id: 'sigma-b2', min: '0', max: String(SIGNAL_LIMITS.maxSigmaB2), step: '0.005', 'aria-label': 'σ_b²' }) as HTMLInputElement;
const q0Number = el('input', { type: 'number', id: 'q0', min: '0', max: String(SIGNAL_LIMITS.maxQ0), step: '0.1', 'aria-label': 'q₀' }) as HTMLInputElement;
const depthCanvas = el('canvas', { id: 'depth-chart', role: 'img', 'aria-label': 'Pre-activation variance q through depth' }) as HTMLCanvasElement;
const phaseCanvas = el('canvas', { id: 'phase-chart', role: 'img', 'aria-label': 'Phase diagram: edge of chaos and the current point (drag it)' }) as HTMLCanvasElement;
const readoutBody = el('tbody', { id: 'readout-body' });
const errorLine = el('p', { class: 'error', id: 'signal-error', role: 'alert', hidden: '' });

const app = document.getElementById('app') ?? document.body;
app.replaceChildren(
  el('header', { class: 'header' }, [el('h1', {}, ['Signal propagation']), theory]),
  el('div', { class: 'controls' }, [
    activationBox,
    el('label', { class: 'slider' }, ['σ_w² ', w2Range, w2Number]),
    el('label', { class: 'slider' }, ['σ_b² ', b2Range, b2Number]),
    el('label', { class: 'slider' }, ['q₀ ', q0Number]),
  ]),
  errorLine,
  el('div', { class: 'charts' }, [
    el('section', { class: 'chart-card' }, [el('h2', {}, ['Variance q through depth']), el('div', { class: 'canvas-box' }, [depthCanvas])]),
    el('section', { class: 'chart-card' }, [el('h2', {}, ['Phase diagram: edge of chaos χ₁ = 1 (drag the point)']), el('div', { class: 'canvas-box' }, [phaseCanvas])]),
  ]),
  el('table', { class: 'readout', id: 'readout' }, [
    el('thead', {}, [el('tr', {}, ['Activation', 'q*', 'χ₁', 'Phase', 'Gradients', 'Initialisation'].map((h) => el('th', {}, [h])))]),
    readoutBody,
  ]),
);
app.removeAttribute('aria-busy');

// ---------------------------------------------------------------------------------------------------------
// Charts

function themeColors() {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  return {
    foreground: v('--vscode-editor-foreground', '#cccccc'),
    grid: v('--vscode-editorWidget-border', 'rgba(128,128,128,0.35)'),
    palette: PALETTE.map((name, i) => v(`--vscode-charts-${name}`, ['#3794ff', '#f14c4c', '#89d185', '#d18616', '#b180d7', '#cca700'][i])),
  };
}

function axes(xTitle: string, yTitle: string, colors: ReturnType<typeof themeColors>) {
  const axis = (title: string) => ({
    type: 'linear' as const,
    title: { display: true, text: title, color: colors.foreground },
    // Labels without Intl.NumberFormat, whose first use costs a fresh page tens of ms (numberText.ts).
    ticks: { color: colors.foreground, callback: (value: number | string, _index: number, ticks: { value: number }[]) => tickLabel(Number(value), ticks) },
    grid: { color: colors.grid },
  });
  return { x: axis(xTitle), y: axis(yTitle) };
}

let colors = themeColors();
Chart.defaults.font.family = getComputedStyle(document.body).getPropertyValue('--vscode-font-family') || 'sans-serif';

/** What both charts share: drawn at once (no animation), sized by their box, given points as they are. */
const STILL = { animation: false, responsive: true, maintainAspectRatio: false, parsing: false } as const;

const depthChart = new Chart<'line', Point[]>(depthCanvas, {
  type: 'line',
  data: { datasets: [] },
  options: {
    ...STILL,
    elements: { point: { radius: 0 }, line: { borderWidth: 2 } },
    // q spans orders of magnitude (ReLU's chaotic growth, tanh's decay to 0): a log axis keeps both readable.
    scales: { ...axes('layer l', 'q_l (log scale)', colors), y: { ...axes('', 'q_l (log scale)', colors).y, type: 'logarithmic' as const } },
    plugins: { legend: { position: 'bottom', labels: { color: colors.foreground, boxHeight: 2 } } },
  },
});

const phaseChart = new Chart<'scatter', Point[]>(phaseCanvas, {
  type: 'scatter',
  data: { datasets: [] },
  options: {
    ...STILL,
    scales: axes('σ_w²', 'σ_b²', colors),
    plugins: {
      legend: { position: 'bottom', labels: { color: colors.foreground, boxHeight: 2 } },
      tooltip: { enabled: false },
    },
  },
});

function xMax(): number {
  return Math.max(4, state.sigmaW2 * 1.15);
}
function yMax(): number {
  return Math.max(1, state.sigmaB2 * 1.15);
}

function draw(): void {
  const c = colors.palette;
  depthChart.data.datasets = series.map((s, i) => ({
    label: `${s.label}: q* = ${formatNumber(s.qStar)}`,
    // 0 and ∞ have no place on a log axis: gaps.
    data: s.q.map((q, l) => ({ x: l, y: Number.isFinite(q) && q > 0 ? q : NaN })),
    borderColor: c[i % c.length],
    backgroundColor: c[i % c.length],
  }));
  const curves: ChartDataset<'scatter', Point[]>[] = state.items.map((item, i) => {
    const e = edges.get(itemKey(item));
    const data = e ? e.sigmaW2.map((w, k) => ({ x: w, y: e.sigmaB2[k] })) : [];
    const label = series[i]?.label ?? item.id;
    return {
      label: data.length ? `${label}: χ₁ = 1` : `${label}: no edge in view`,
      data,
      showLine: true,
      pointRadius: 0,
      borderWidth: 2,
      borderColor: c[i % c.length],
      backgroundColor: c[i % c.length],
    };
  });
  curves.push({
    label: `(σ_w², σ_b²) = (${state.sigmaW2}, ${state.sigmaB2})`,
    data: [{ x: state.sigmaW2, y: state.sigmaB2 }],
    pointRadius: 7,
    pointHoverRadius: 8,
    pointStyle: 'crossRot',
    borderWidth: 3,
    borderColor: colors.foreground,
    backgroundColor: colors.foreground,
  });
  phaseChart.data.datasets = curves;
  const s = phaseChart.options.scales as { x: { min?: number; max?: number }; y: { min?: number; max?: number } };
  s.x.min = 0;
  s.x.max = xMax();
  s.y.min = 0;
  s.y.max = yMax();
  depthChart.update('none');
  phaseChart.update('none');
}

function formatNumber(v: number): string {
  if (v === Infinity) return '∞';
  if (!Number.isFinite(v)) return 'NaN';
  if (v === 0) return '0';
  return Math.abs(v) >= 1e4 || Math.abs(v) < 1e-3 ? v.toExponential(3) : String(Number(v.toPrecision(5)));
}

function renderReadout(): void {
  readoutBody.replaceChildren(
    ...series.map((s) =>
      el('tr', { 'data-id': s.id }, [
        el('td', {}, [s.label]),
        el('td', {}, [formatNumber(s.qStar)]),
        el('td', { class: 'chi1' }, [formatNumber(s.chi1)]),
        el('td', { class: `phase-${s.phase}` }, [s.phase]),
        el('td', { class: 'gradients' }, [s.gradients]),
        el('td', {}, [el('code', {}, [s.init]), ` · computed gain ${formatNumber(s.gain)}`]),
      ]),
    ),
  );
}

// ---------------------------------------------------------------------------------------------------------
// State and requests

function renderControls(): void {
  const selected = new Set(state.items.map((i) => i.id));
  const boxes = activations.map((a) =>
    el('label', {}, [
      el('input', { type: 'checkbox', value: a.id, ...(selected.has(a.id) ? { checked: '' } : {}), 'data-id': a.id }),
      ` ${a.title}`,
    ]),
  );
  activationBox.replaceChildren(el('legend', {}, ['Activations']), ...boxes);
  w2Range.value = String(Math.min(5, state.sigmaW2));
  w2Number.value = String(state.sigmaW2);
  b2Range.value = String(Math.min(1, state.sigmaB2));
  b2Number.value = String(state.sigmaB2);
  q0Number.value = String(state.q0);
}

function requestCompute(): void {
  vscode.setState(state);
  if (inFlight !== undefined) {
    pending = true;
    return;
  }
  inFlight = nextRequest++;
  pending = false;
  sentAt = performance.now();
  post({ type: 'compute', requestId: inFlight, state, haveEdges: [...edges.keys()] });
}

function setValues(w2: number, b2: number): void {
  const round = (v: number, step: number) => Math.round(v / step) * step;
  state = {
    ...state,
    sigmaW2: Number(Math.min(SIGNAL_LIMITS.maxSigmaW2, Math.max(0, round(w2, 0.01))).toFixed(2)),
    sigmaB2: Number(Math.min(SIGNAL_LIMITS.maxSigmaB2, Math.max(0, round(b2, 0.005))).toFixed(3)),
  };
  w2Range.value = String(Math.min(5, state.sigmaW2));
  w2Number.value = String(state.sigmaW2);
  b2Range.value = String(Math.min(1, state.sigmaB2));
  b2Number.value = String(state.sigmaB2);
  draw();
  requestCompute();
}

activationBox.addEventListener('change', (event) => {
  const box = event.target as HTMLInputElement;
  const id = box.value;
  if (box.checked) {
    if (state.items.length >= 4) {
      box.checked = false;
      showError('At most four activations at a time.');
      return;
    }
    state = { ...state, items: [...state.items, { id, params: {} }] };
  } else state = { ...state, items: state.items.filter((i) => i.id !== id) };
  requestCompute();
});

const number = (input: HTMLInputElement, fallback: number) => {
  const v = Number(input.value);
  return Number.isFinite(v) ? v : fallback;
};
w2Range.addEventListener('input', () => setValues(number(w2Range, state.sigmaW2), state.sigmaB2));
w2Number.addEventListener('change', () => setValues(number(w2Number, state.sigmaW2), state.sigmaB2));
b2Range.addEventListener('input', () => setValues(state.sigmaW2, number(b2Range, state.sigmaB2)));
b2Number.addEventListener('change', () => setValues(state.sigmaW2, number(b2Number, state.sigmaB2)));
q0Number.addEventListener('change', () => {
  state = { ...state, q0: Math.min(SIGNAL_LIMITS.maxQ0, Math.max(0, number(q0Number, state.q0))) };
  requestCompute();
});

// Dragging the point: a press anywhere in the plot area moves it there; moving with the button held follows.
let dragging = false;
function pointAt(event: PointerEvent): void {
  const rect = phaseCanvas.getBoundingClientRect();
  const area = phaseChart.chartArea;
  const px = Math.min(area.right, Math.max(area.left, event.clientX - rect.left));
  const py = Math.min(area.bottom, Math.max(area.top, event.clientY - rect.top));
  setValues(phaseChart.scales.x.getValueForPixel(px) ?? state.sigmaW2, phaseChart.scales.y.getValueForPixel(py) ?? state.sigmaB2);
}
phaseCanvas.addEventListener('pointerdown', (event) => {
  dragging = true;
  phaseCanvas.setPointerCapture(event.pointerId);
  pointAt(event);
});
phaseCanvas.addEventListener('pointermove', (event) => {
  if (dragging) pointAt(event);
});
phaseCanvas.addEventListener('pointerup', () => (dragging = false));
phaseCanvas.addEventListener('pointercancel', () => (dragging = false));

function showError(message: string | undefined): void {
  errorLine.textContent = message ?? '';
  errorLine.hidden = message === undefined;
}

function receive(message: SignalHostMessage): void {
  switch (message.type) {
    case 'init':
      // The page's island and the answer to `ready` carry the same init: the second changes nothing.
      if (booted) return;
      booted = true;
      activations = message.activations;
      state = message.state;
      renderControls();
      draw();
      requestCompute();
      return;
    case 'show':
      state = message.state;
      renderControls();
      requestCompute();
      return;
    case 'result':
      if (message.requestId !== inFlight) return;
      inFlight = undefined;
      perf.results++;
      perf.lastRoundTrip = performance.now() - sentAt;
      series = message.series;
      for (let i = 0; i < series.length; i++) {
        const e = series[i].edge;
        const item = state.items[i];
        if (e && item) edges.set(itemKey(item), e);
      }
      showError(undefined);
      draw();
      renderReadout();
      if (pending) requestCompute();
      return;
    case 'computeError':
      if (message.requestId === inFlight) inFlight = undefined;
      showError(message.message);
      if (pending) requestCompute();
      return;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseSignalHostMessage(event.data);
  if (isInvalid(message)) {
    showError(`Ignored a malformed message: ${message.error}`);
    return;
  }
  receive(message);
});

// A theme switch changes the colours VS Code hands the page: read them again and redraw.
new MutationObserver(() => {
  colors = themeColors();
  for (const chart of [depthChart, phaseChart]) {
    const s = chart.options.scales as Record<string, { title: { color: string }; ticks: { color: string }; grid: { color: string } }>;
    for (const axis of Object.values(s)) {
      axis.title.color = colors.foreground;
      axis.ticks.color = colors.foreground;
      axis.grid.color = colors.grid;
    }
    const legend = chart.options.plugins?.legend?.labels;
    if (legend) legend.color = colors.foreground;
  }
  draw();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

if (TEST_PROBES) {
  (window as unknown as { __signal: unknown }).__signal = {
    perf,
    state: () => state,
    readout: () => series.map((s) => ({ id: s.id, chi1: s.chi1, qStar: s.qStar, phase: s.phase, gradients: s.gradients, init: s.init })),
    depthLines: () => depthChart.data.datasets.map((d) => ({ label: d.label, points: d.data.length })),
    phaseLines: () => phaseChart.data.datasets.map((d) => ({ label: d.label, points: d.data.length })),
    /** The phase point's place on the canvas, for a test that drags it. */
    pointPixel: (w2: number, b2: number) => ({ x: phaseChart.scales.x.getPixelForValue(w2), y: phaseChart.scales.y.getPixelForValue(b2) }),
  };
}

// Boot from the page's JSON island, so the first frame needs no round trip; `ready` asks for it again otherwise.
const island = document.getElementById('signal-init');
if (island?.textContent) {
  const message = parseSignalHostMessage(JSON.parse(island.textContent));
  if (!isInvalid(message)) receive(message);
}
post({ type: 'ready' });
