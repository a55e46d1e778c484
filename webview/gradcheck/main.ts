/**
 * The gradient-check results view: a table of every checked function and, for the selected one, its
 * details, the analytic vs numeric derivative and their difference, drawn with the playground's chart code.
 * It draws only; the host sends the reports (`results`) and the plot data of the selected row (`series`).
 * Boot: build the layout, post `ready`. What it shows (the rows and the selected one, not the plots) is
 * saved with vscode.setState, from which the host revives the view after a window reload.
 */
import './styles.css';
import type { GradcheckHostMessage, GradcheckWebviewMessage, ReportRow, SeriesData } from '../../src/features/gradcheck/gradcheckMessages';
import { encodeViewState, parseGradcheckHostMessage, VIEW_STATE_VERSION } from '../../src/features/gradcheck/gradcheckMessages';
import { isInvalid } from '../../src/shared/validate';
import { formatValue, type Line, Plot } from '../shared/chart';
import { el } from '../shared/dom';
import { vscodeApi } from '../shared/vscodeApi';
import { detailsBlock, markSelected, reportsTable } from './table';

const vscode = vscodeApi<GradcheckWebviewMessage>();
const post = (message: GradcheckWebviewMessage) => vscode.postMessage(message);


let rows: readonly ReportRow[] = [];
let selected = 0;
let shownTitle = '';
let shownSummary = '';
let series: { index: number; data: SeriesData } | undefined;

const title = el('h1', { id: 'title' }, ['Gradient check']);
const summary = el('p', { id: 'summary', class: 'summary', role: 'status' });
const tablePane = el('section', { class: 'table-pane', 'aria-label': 'Results' });
const selectedTitle = el('h2', { id: 'selected-title' });
const openButton = el('button', { id: 'open-playground', type: 'button', title: 'Plot this function in the Formula Playground' }, ['Open in Playground']);
const detailsHost = el('div', { id: 'details' });
const seriesTitle = el('p', { id: 'series-title', class: 'hint' });
const seriesError = el('p', { id: 'series-error', class: 'error', hidden: '' });
const differenceCaption = el('p', { id: 'difference-caption', class: 'plot-caption' }, ['Difference, analytic − numeric']);
const derivativeCanvas = el('canvas', { id: 'derivative-chart', role: 'img', 'aria-label': 'Analytic and numeric derivative' }) as HTMLCanvasElement;
const differenceCanvas = el('canvas', { id: 'difference-chart', role: 'img', 'aria-label': 'Analytic minus numeric derivative' }) as HTMLCanvasElement;

const app = document.getElementById('app') ?? document.body;
app.replaceChildren(
  el('header', { class: 'header' }, [title, summary]),
  el('div', { class: 'layout' }, [
    tablePane,
    el('section', { class: 'details', 'aria-label': 'Selected function' }, [
      el('div', { class: 'details-head' }, [selectedTitle, openButton]),
      detailsHost,
      seriesTitle,
      seriesError,
      el('div', { class: 'canvas-box' }, [derivativeCanvas]),
      differenceCaption,
      el('div', { class: 'canvas-box small' }, [differenceCanvas]),
    ]),
  ]),
);
app.removeAttribute('aria-busy');

const noViewChange = { onViewChange: () => undefined };
const derivativePlot = new Plot(derivativeCanvas, noViewChange);
const differencePlot = new Plot(differenceCanvas, noViewChange);
// The numeric line is drawn first (on top, see drawSeries); the legend still reads analytic, numeric.
const legend = derivativePlot.settings.plugins?.legend;
if (legend) legend.reverse = true;
// Differences of ~1e−15 would be labelled "1.0000000000000000E-15" by default.
const differenceY = differencePlot.settings.scales?.y;
// (Assigned in place: once the chart exists these are Chart.js's options proxy, which throws when spread.)
if (differenceY?.ticks) differenceY.ticks.callback = (value) => formatValue(Number(value));
// The plots' data comes with the host's answer; their axes show now, so the page does not jump when it does.
derivativePlot.showEmpty();
differencePlot.showEmpty();

openButton.addEventListener('click', () => post({ type: 'openInPlayground', index: selected }));

function select(index: number): void {
  if (index === selected && series?.index === index) return;
  selected = index;
  renderSelection(true);
  saveState();
  post({ type: 'select', index });
}

/** Saves what the view shows, in the wire encoding (setState stores JSON, which has no NaN or ±∞). */
function saveState(): void {
  vscode.setState(encodeViewState({ version: VIEW_STATE_VERSION, title: shownTitle, summary: shownSummary, rows, selected }));
}

function renderResults(): void {
  tablePane.replaceChildren(reportsTable(rows, selected, select));
  renderSelection(false);
}

function renderSelection(focus: boolean): void {
  const table = tablePane.querySelector<HTMLElement>('#reports');
  if (table) markSelected(table, selected, focus);
  const row = rows[selected];
  selectedTitle.textContent = row ? `${row.ok ? '✓' : '✗'} ${row.target}` : '';
  selectedTitle.className = row?.ok ? 'ok' : 'fail';
  openButton.hidden = !row;
  detailsHost.replaceChildren(row ? detailsBlock(row) : el('span'));
  drawSeries();
}

function drawSeries(): void {
  const data = series?.index === selected ? series.data : undefined;
  // No rows (a view restored without its results): nothing to compute.
  seriesTitle.textContent = data ? data.title : rows.length ? 'Computing the plot…' : '';
  if (!data) return;
  seriesError.hidden = true;
  const palette = derivativePlot.palette;
  const line = (id: string, label: string, color: string, dashed: boolean, values: readonly number[]): Line => ({
    id,
    label,
    color,
    derivative: dashed,
    xMin: data.xMin,
    xMax: data.xMax,
    values: Float64Array.from(values),
  });
  derivativePlot.draw(
    // Chart.js draws the first dataset on top: the dashed numeric line over the solid analytic one, so
    // where they agree both stay visible.
    [line('numeric', 'numeric (Richardson differences)', palette[3], true, data.numeric), line('analytic', 'analytic', palette[0], false, data.analytic)],
    data.xMin,
    data.xMax,
    data.variable,
    true,
  );
  // The difference is usually ~1e−12: fit y symmetrically to it rather than to the chart's default minimum span.
  let largest = 0;
  for (const v of data.difference) if (Number.isFinite(v)) largest = Math.max(largest, Math.abs(v));
  const half = largest > 0 ? largest * 1.1 : 1e-15;
  differenceCaption.textContent = `Difference, analytic − numeric (largest |difference| ${largest > 0 ? formatValue(largest) : '0: they agree exactly'})`;
  const y = differencePlot.settings.scales?.y;
  if (y) {
    y.min = -half;
    y.max = half;
  }
  differencePlot.draw([line('difference', 'analytic − numeric', palette[4], false, data.difference)], data.xMin, data.xMax, data.variable, false);
}

function receive(message: GradcheckHostMessage): void {
  switch (message.type) {
    case 'results':
      rows = message.rows;
      selected = message.selected;
      series = undefined;
      shownTitle = message.title;
      shownSummary = message.summary;
      title.textContent = message.title;
      summary.textContent = message.summary;
      summary.className = `summary ${rows.length === 0 ? 'hint' : rows.every((r) => r.ok) ? 'ok' : 'fail'}`;
      renderResults();
      saveState();
      return;
    case 'series':
      series = { index: message.index, data: message.series };
      if (message.index === selected) drawSeries();
      return;
    case 'seriesError':
      if (message.index !== selected) return;
      seriesTitle.textContent = '';
      seriesError.textContent = `No plot: ${message.message}`;
      seriesError.hidden = false;
      return;
  }
}

window.addEventListener('message', (event: MessageEvent) => {
  const message = parseGradcheckHostMessage(event.data);
  if (isInvalid(message)) {
    console.error(`gradient-check view: ignored a malformed message: ${message.error}`);
    return;
  }
  receive(message);
});

// VS Code swaps the body's theme class; the charts' colours come from its CSS variables.
new MutationObserver(() => {
  derivativePlot.refreshTheme();
  differencePlot.refreshTheme();
  drawSeries();
}).observe(document.body, { attributes: true, attributeFilter: ['class'] });

if (TEST_PROBES) {
  /** What the e2e suite reads from the page (test builds only): CSP violations (none expected), rows and lines. */
  const cspViolations: string[] = [];
  document.addEventListener('securitypolicyviolation', (e) => cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  (window as unknown as { __gradcheck: unknown }).__gradcheck = {
    cspViolations,
    rows: () => rows.map((r) => ({ target: r.target, ok: r.ok, kinks: r.kinks.length })),
    selected: () => selected,
    lines: () => [...derivativePlot.chart.data.datasets, ...differencePlot.chart.data.datasets].map((d) => ({ label: d.label, points: d.data.length })),
  };
}

post({ type: 'ready' });
