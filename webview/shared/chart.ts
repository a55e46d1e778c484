/**
 * The Chart.js side of the panel: one line chart, datasets kept per (series, f|f′, target y) so an update
 * only swaps numbers, VS Code's theme colours, a crosshair tooltip, wheel / box zoom and drag panning.
 * Nothing here computes function values; the lines come from the host.
 */
import {
  Chart,
  type ChartDataset,
  type ChartOptions,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  type Plugin,
  PointElement,
  Tooltip,
} from 'chart.js';
import zoomPlugin from 'chartjs-plugin-zoom';
import { MAX_ABS_X } from '../../src/shared/limits';
import { PALETTE } from './palette';
import { gridPoint } from '../../src/shared/grid';
import { formatValue, tickLabel } from './numberText';

export { formatValue } from './numberText';

Chart.register(LineController, LineElement, PointElement, LinearScale, Tooltip, Legend, zoomPlugin);

export interface Theme {
  readonly foreground: string;
  readonly background: string;
  readonly grid: string;
  readonly font: string;
  readonly palette: readonly string[];
}

/** A line to draw: its values at x = linspace(xMin, xMax, values.length). */
export interface Line {
  /** Stable identity: `${seriesKey}:${role}:${label}`. */
  readonly id: string;
  readonly label: string;
  readonly color: string;
  readonly derivative: boolean;
  /** The loss target's place among the series' targets: later targets get dotted strokes. */
  readonly variant?: number;
  readonly xMin: number;
  readonly xMax: number;
  readonly values: ArrayLike<number>;
}

type Point = { x: number; y: number };
type LineDataset = ChartDataset<'line', Point[]> & { lineId: string; source: ArrayLike<number> | undefined };

/** [f, f′] strokes for a series' first and second loss target: solid / dashed, dotted / dash-dot. */
const DASHES: readonly (readonly [number[], number[]])[] = [
  [[], [6, 4]],
  [[2, 3], [8, 3, 2, 3]],
];

const FALLBACK_PALETTE = ['#3794ff', '#f14c4c', '#89d185', '#d18616', '#b180d7', '#cca700'];

/** Reads VS Code's theme variables (they change with the theme; call again on a theme switch). */
function readTheme(): Theme {
  const css = getComputedStyle(document.body);
  const v = (name: string, fallback: string) => css.getPropertyValue(name).trim() || fallback;
  const foreground = v('--vscode-editor-foreground', '#cccccc');
  return {
    foreground,
    background: v('--vscode-editor-background', '#1e1e1e'),
    grid: v('--vscode-editorWidget-border', v('--vscode-panel-border', 'rgba(128,128,128,0.35)')),
    font: v('--vscode-font-family', 'sans-serif'),
    palette: PALETTE.map((name, i) => v(`--vscode-charts-${name}`, FALLBACK_PALETTE[i])),
  };
}

/**
 * y limits that keep the interesting part visible: the 1st–99th percentile of the finite values, widened
 * to the full extent when that is not much larger (so a loss that runs off to ∞ at p → 0 does not squash
 * everything else into a flat line), padded by 8 %.
 */
function yBounds(lines: readonly { values: ArrayLike<number> }[]): { min: number; max: number } | undefined {
  const sample: number[] = [];
  let lo = Infinity;
  let hi = -Infinity;
  for (const { values } of lines) {
    const stride = Math.max(1, Math.floor(values.length / 400));
    for (let i = 0; i < values.length; i++) {
      const y = values[i];
      if (!Number.isFinite(y)) continue;
      if (y < lo) lo = y;
      if (y > hi) hi = y;
      if (i % stride === 0) sample.push(y);
    }
  }
  if (!sample.length) return undefined;
  sample.sort((a, b) => a - b);
  let min = sample[Math.floor(0.01 * (sample.length - 1))];
  let max = sample[Math.ceil(0.99 * (sample.length - 1))];
  const spread = Math.max(max - min, 1e-12);
  if (hi - lo <= 3 * spread) [min, max] = [lo, hi];
  if (max - min < 1e-9 * Math.max(1, Math.abs(max))) [min, max] = [min - 0.5, max + 0.5];
  const pad = 0.08 * (max - min);
  return { min: min - pad, max: max + pad };
}

export interface PlotCallbacks {
  /** The user zoomed or panned: the new visible x range. */
  onViewChange(xMin: number, xMax: number): void;
}

export class Plot {
  private chartInstance: Chart<'line', Point[]> | undefined;
  private readonly options: ChartOptions<'line'>;
  private readonly datasets = new Map<string, LineDataset>();
  private theme: Theme;

  /**
   * Builds the options only: Chart.js lays out and paints the whole chart when it is constructed, so the
   * chart is made by the first `draw`, with its axes and lines already set — one layout and one paint
   * before the first frame instead of an empty chart first and the real one after it.
   */
  constructor(
    private readonly canvas: HTMLCanvasElement,
    callbacks: PlotCallbacks,
  ) {
    this.theme = readTheme();
    const viewChanged = ({ chart }: { chart: Chart }) => {
      const { min, max } = chart.scales.x;
      callbacks.onViewChange(min, max);
    };
    this.options = {
      animation: false,
      responsive: true,
      maintainAspectRatio: false,
      parsing: false,
      normalized: true,
      spanGaps: false,
      interaction: { mode: 'index', intersect: false, axis: 'x' },
      elements: { point: { radius: 0, hoverRadius: 3 }, line: { borderWidth: 2, tension: 0 } },
      scales: {
        // The bounds are set (typed range, zoom, fitted y) but only round numbers get a tick label.
        x: { type: 'linear', title: { display: true, text: 'x' }, ticks: { includeBounds: false, callback: (value, _i, ticks) => tickLabel(Number(value), ticks) } },
        y: { type: 'linear', title: { display: false }, ticks: { includeBounds: false, callback: (value, _i, ticks) => tickLabel(Number(value), ticks) } },
      },
      plugins: {
        legend: { position: 'bottom', onClick: () => undefined, labels: { boxHeight: 2, boxWidth: 24 } },
        tooltip: {
          mode: 'index',
          intersect: false,
          animation: false,
          callbacks: {
            title: (items) => (items.length ? `x = ${formatValue(items[0].parsed.x ?? NaN)}` : ''),
            label: (item) => `${item.dataset.label}: ${formatValue(item.parsed.y ?? NaN)}`,
          },
        },
        zoom: {
          limits: { x: { min: -MAX_ABS_X, max: MAX_ABS_X } },
          // Drag pans; shift-drag draws a box to zoom into; the wheel zooms about the pointer.
          pan: { enabled: true, mode: 'xy', threshold: 4, onPanComplete: viewChanged },
          zoom: {
            mode: 'xy',
            wheel: { enabled: true, speed: 0.1 },
            drag: { enabled: true, modifierKey: 'shift' },
            pinch: { enabled: true },
            onZoomComplete: viewChanged,
          },
        },
      },
    };
    this.applyTheme();
  }

  /** Makes and paints the chart now, empty, so its axes hold the place of lines still to come. */
  showEmpty(): void {
    void this.chart;
  }

  /** The Chart.js chart (made now, empty, if nothing was drawn yet). */
  get chart(): Chart<'line', Point[]> {
    this.chartInstance ??= this.createChart([]);
    return this.chartInstance;
  }

  /**
   * The options to change before the next draw: the chart's own once it exists (they write through to the
   * plain object), the plain object before — so configuring a plot does not make its chart early.
   */
  get settings(): ChartOptions<'line'> {
    return this.chartInstance?.options ?? this.options;
  }

  /** Re-reads the theme's colours and redraws (on a theme switch). */
  refreshTheme(): void {
    this.theme = readTheme();
    this.applyTheme();
    this.chartInstance?.update('none');
  }

  get palette(): readonly string[] {
    return this.theme.palette;
  }

  /**
   * Shows exactly `lines` over [xMin, xMax] and redraws synchronously. y is fitted to the data unless the
   * user zoomed (`fitY` false), in which case the zoom plugin owns the y range.
   */
  draw(lines: readonly Line[], xMin: number, xMax: number, axisTitle: string, fitY: boolean): void {
    const next: LineDataset[] = [];
    const seen = new Set<string>();
    for (const line of lines) {
      seen.add(line.id);
      let ds = this.datasets.get(line.id);
      if (!ds) {
        ds = { lineId: line.id, source: undefined, label: line.label, data: [], borderColor: line.color, backgroundColor: line.color, pointRadius: 0 };
        this.datasets.set(line.id, ds);
      }
      ds.label = line.label;
      ds.borderColor = line.color;
      ds.backgroundColor = line.color;
      ds.borderDash = DASHES[(line.variant ?? 0) % 2][line.derivative ? 1 : 0];
      ds.borderWidth = line.derivative ? 1.5 : 2;
      if (ds.source !== line.values) {
        ds.source = line.values;
        ds.data = toPoints(line.values, line.xMin, line.xMax, ds.data);
      }
      next.push(ds);
    }
    for (const id of [...this.datasets.keys()]) if (!seen.has(id)) this.datasets.delete(id);
    const scales = this.settings.scales as { x: { min?: number; max?: number; title: { text: string } }; y: { min?: number; max?: number } };
    scales.x.min = xMin;
    scales.x.max = xMax;
    scales.x.title.text = axisTitle;
    if (fitY) {
      const bounds = yBounds(lines);
      scales.y.min = bounds?.min;
      scales.y.max = bounds?.max;
    }
    if (!this.chartInstance) {
      // Constructing lays out and paints (animation is off): that is this draw.
      this.chartInstance = this.createChart(next);
      return;
    }
    this.chartInstance.data.datasets = next;
    this.chartInstance.update('none');
  }

  /** Back to the typed x range with y fitted to the data. */
  resetView(): void {
    this.chartInstance?.resetZoom('none');
  }

  toPng(): string {
    return this.chart.toBase64Image('image/png', 1);
  }

  private createChart(datasets: LineDataset[]): Chart<'line', Point[]> {
    return new Chart(this.canvas, {
      type: 'line',
      data: { datasets },
      options: this.options,
      plugins: [backgroundPlugin(() => this.theme), crosshairPlugin(() => this.theme)],
    });
  }

  private applyTheme(): void {
    const t = this.theme;
    Chart.defaults.color = t.foreground;
    Chart.defaults.borderColor = t.grid;
    Chart.defaults.font.family = t.font;
    const o = this.settings;
    for (const axis of ['x', 'y'] as const) {
      const scale = o.scales?.[axis];
      if (!scale) continue;
      scale.grid = { ...scale.grid, color: t.grid };
      scale.ticks = { ...scale.ticks, color: t.foreground };
      if ('title' in scale && scale.title) scale.title.color = t.foreground;
    }
    if (o.plugins?.legend?.labels) o.plugins.legend.labels.color = t.foreground;
    if (o.plugins?.tooltip) {
      o.plugins.tooltip.backgroundColor = t.background;
      o.plugins.tooltip.titleColor = t.foreground;
      o.plugins.tooltip.bodyColor = t.foreground;
      o.plugins.tooltip.borderColor = t.grid;
      o.plugins.tooltip.borderWidth = 1;
    }
  }
}

/**
 * The points of `values` over [xMin, xMax]. A slider drag replaces a line's values many times a second
 * on the same grid: then the previous points are updated in place (same array, same objects), which
 * spares Chart.js re-linking the dataset and the page thousands of allocations per frame.
 */
function toPoints(values: ArrayLike<number>, xMin: number, xMax: number, previous: Point[]): Point[] {
  const n = values.length;
  const xAt = (i: number) => (n > 1 ? gridPoint(xMin, xMax, n, i) : xMin);
  if (previous.length === n && n > 0 && previous[0].x === xAt(0) && previous[n - 1].x === xAt(n - 1)) {
    for (let i = 0; i < n; i++) previous[i].y = values[i];
    return previous;
  }
  const out = new Array<Point>(n);
  for (let i = 0; i < n; i++) out[i] = { x: xAt(i), y: values[i] };
  return out;
}


/** Paints the editor background under the chart, so an exported PNG matches what is on screen. */
function backgroundPlugin(theme: () => Theme): Plugin<'line'> {
  return {
    id: 'playgroundBackground',
    beforeDraw(chart) {
      const { ctx, width, height } = chart;
      ctx.save();
      ctx.fillStyle = theme().background;
      ctx.fillRect(0, 0, width, height);
      ctx.restore();
    },
  };
}

/** A vertical line at the x the tooltip reports. */
function crosshairPlugin(theme: () => Theme): Plugin<'line'> {
  return {
    id: 'playgroundCrosshair',
    afterDatasetsDraw(chart) {
      const active = chart.tooltip?.getActiveElements() ?? [];
      if (!active.length) return;
      const x = active[0].element.x;
      const { top, bottom } = chart.chartArea;
      const ctx = chart.ctx;
      ctx.save();
      ctx.strokeStyle = theme().foreground;
      ctx.globalAlpha = 0.4;
      ctx.lineWidth = 1;
      ctx.beginPath();
      ctx.moveTo(x, top);
      ctx.lineTo(x, bottom);
      ctx.stroke();
      ctx.restore();
    },
  };
}
