/**
 * The hover's sparkline: f and f′ (for losses ℓ and ∂ℓ/∂ŷ at one representative label) over the entry's
 * plot range, drawn as a small fixed-size SVG. Pure: no 'vscode', no DOM; the numbers come from the core.
 *
 * An SVG shown through <img> cannot inherit the editor's colours, so each theme kind gets its own palette
 * (dark strokes on light backgrounds, light strokes on dark ones); f′ is also dashed, so the two curves
 * differ by more than hue (colour-blind readers, high-contrast themes).
 */
import { derivative, evaluate, jacobian, lossGradient, lossValue, resolveParams } from '../../core/api';
import { entryFor } from '../../core/catalogue';
import type { CatalogueEntry } from '../../core/functionTypes';
import { linspace } from '../../shared/grid';

/** The values of vscode.ColorThemeKind, repeated here so pure modules need not import 'vscode'. */
export const ThemeKind = { Light: 1, Dark: 2, HighContrast: 3, HighContrastLight: 4 } as const;
export type ThemeKind = (typeof ThemeKind)[keyof typeof ThemeKind];

export interface Palette {
  /** Formula glyphs and legend text. */
  readonly text: string;
  /** Axes at zero and the frame's tick labels. */
  readonly axis: string;
  readonly f: string;
  readonly df: string;
  readonly strokeWidth: number;
}

const palettes: Record<ThemeKind, Palette> = {
  [ThemeKind.Light]: { text: '#1f1f1f', axis: '#8c8c8c', f: '#0062b8', df: '#c0430b', strokeWidth: 1.6 },
  [ThemeKind.Dark]: { text: '#e6e6e6', axis: '#7a7a7a', f: '#4fb6ff', df: '#ffa45c', strokeWidth: 1.6 },
  [ThemeKind.HighContrast]: { text: '#ffffff', axis: '#c8c8c8', f: '#6fc8ff', df: '#ffb36b', strokeWidth: 2 },
  [ThemeKind.HighContrastLight]: { text: '#000000', axis: '#5a5a5a', f: '#004f96', df: '#9c3000', strokeWidth: 2 },
};

/** The palette for a theme kind; unknown kinds (a future VS Code) fall back to the dark palette. */
export function paletteFor(kind: number): Palette {
  return palettes[kind as ThemeKind] ?? palettes[ThemeKind.Dark];
}

const SPARKLINE_WIDTH = 240;
const SPARKLINE_HEIGHT = 90;
const SAMPLES = 121;
const VECTOR_SAMPLES = 49;
const PAD = { left: 34, right: 6, top: 16, bottom: 13 };

/** The two curves of a sparkline and what they are called. */
export interface Series {
  readonly xs: Float64Array;
  readonly f: Float64Array;
  readonly df: Float64Array;
  readonly fLabel: string;
  readonly dfLabel: string;
  /** For losses, the label y the curves are drawn at, e.g. 'y = 1'. */
  readonly note?: string;
}

const cache = new Map<string, string>();
const CACHE_LIMIT = 256;

/**
 * The sparkline of catalogue function `id` with `params` in effect, as an SVG string, for a theme kind.
 * Throws an Error naming the problem when the parameters are not allowed (the core's message).
 */
export function sparklineSvg(id: string, params: Readonly<Record<string, number>>, themeKind: number): string {
  const key = `${id}|${paramKey(params)}|${themeKind}`;
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const svg = drawSparkline(sampleSeries(entryFor(id), params), paletteFor(themeKind));
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value as string);
  cache.set(key, svg);
  return svg;
}

function paramKey(params: Readonly<Record<string, number>>): string {
  return Object.keys(params)
    .sort()
    .map((name) => `${name}=${params[name]}`)
    .join(',');
}

/** The label a loss is drawn at: 1 when the loss takes it (BCE, hinge), else its first plot label, else 0. */
function representativeLabel(entry: Pick<CatalogueEntry, 'plotLabels'>): number {
  const labels = entry.plotLabels ?? [];
  if (labels.includes(1)) return 1;
  return labels.length > 0 ? labels[0] : 0;
}

/** f and f′ (or ℓ and ∂ℓ/∂ŷ) at SAMPLES evenly spaced points of the entry's plot range. */
function sampleSeries(entry: CatalogueEntry, params: Readonly<Record<string, number>>): Series {
  const [lo, hi] = entry.plotRange;
  // Vector functions are evaluated one small vector per point, at a much higher cost per point.
  const n = entry.shape === 'vector' ? VECTOR_SAMPLES : SAMPLES;
  const xs = linspace(lo, hi, n);
  // Bad parameters fail here, with the core's message; after this only the domain can fail, per point.
  const p = { ...resolveParams(entry, params) };

  if (entry.kind === 'activation') {
    if (entry.shape === 'elementwise') {
      return {
        xs,
        f: orPointwise(xs, (v) => evaluate(entry.id, v, p)),
        df: orPointwise(xs, (v) => derivative(entry.id, v, p)),
        fLabel: 'f',
        dfLabel: 'f′',
      };
    }
    // A vector activation (softmax) has no f(x); show its first output over [x, 0] and ∂f₀/∂x₀.
    const f = pointwise(xs, (x) => evaluate(entry.id, [x, 0], p)[0]);
    const df = pointwise(xs, (x) => jacobian(entry.id, [x, 0], p)[0]);
    return { xs, f, df, fLabel: 'f₀', dfLabel: '∂f₀/∂x₀', note: 'x = [x, 0]' };
  }

  const y = representativeLabel(entry);
  if (entry.shape === 'elementwise') {
    return {
      xs,
      f: orPointwise(xs, (v) => lossValue(entry.id, new Float64Array(v.length).fill(y), v, p)),
      df: orPointwise(xs, (v) => lossGradient(entry.id, new Float64Array(v.length).fill(y), v, p)),
      fLabel: 'ℓ',
      dfLabel: '∂ℓ/∂ŷ',
      note: `y = ${formatNumber(y)}`,
    };
  }
  // A vector loss (cross-entropy on logits): class 0 is the true one, ŷ = [x, 0].
  const f = pointwise(xs, (x) => {
    const terms = lossValue(entry.id, [1, 0], [x, 0], p);
    return terms[0] + terms[1];
  });
  const df = pointwise(xs, (x) => lossGradient(entry.id, [1, 0], [x, 0], p)[0]);
  return { xs, f, df, fLabel: 'ℓ', dfLabel: '∂ℓ/∂ŷ₀', note: 'y = [1, 0], ŷ = [x, 0]' };
}

/**
 * `compute` over all of xs at once; if the core rejects the batch (one ŷ outside a loss's domain, such as
 * the end of a probability range), point by point, with NaN where a point is rejected.
 */
function orPointwise(xs: Float64Array, compute: (v: Float64Array) => Float64Array): Float64Array {
  try {
    return compute(xs);
  } catch {
    const out = new Float64Array(xs.length);
    for (let i = 0; i < xs.length; i++) {
      try {
        out[i] = compute(xs.subarray(i, i + 1))[0];
      } catch {
        out[i] = Number.NaN;
      }
    }
    return out;
  }
}

/** `compute` at each x, NaN where the core rejects the point. */
function pointwise(xs: Float64Array, compute: (x: number) => number): Float64Array {
  return xs.map((x) => {
    try {
      return compute(x);
    } catch {
      return Number.NaN;
    }
  });
}

/** Draws the two series on a shared y scale that always includes 0; outliers and ±∞ are clipped. */
export function drawSparkline(series: Series, palette: Palette): string {
  const W = SPARKLINE_WIDTH;
  const H = SPARKLINE_HEIGHT;
  const x0 = series.xs[0];
  const x1 = series.xs[series.xs.length - 1];
  const [y0, y1] = yRange(series.f, series.df);
  const sx = (x: number) => PAD.left + ((x - x0) / (x1 - x0)) * (W - PAD.left - PAD.right);
  const sy = (y: number) => H - PAD.bottom - ((y - y0) / (y1 - y0)) * (H - PAD.top - PAD.bottom);

  const parts: string[] = [];
  parts.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${W}" height="${H}" viewBox="0 0 ${W} ${H}" ` +
      `font-family="sans-serif" font-size="10">`,
  );
  // Axes at zero, when zero is in view; otherwise the frame's edge stands in for them.
  const ax = x0 <= 0 && 0 <= x1 ? sx(0) : PAD.left;
  parts.push(
    `<g stroke="${palette.axis}" stroke-width="0.8">` +
      `<line x1="${PAD.left}" y1="${r(sy(0))}" x2="${W - PAD.right}" y2="${r(sy(0))}"/>` +
      `<line x1="${r(ax)}" y1="${PAD.top}" x2="${r(ax)}" y2="${H - PAD.bottom}"/></g>`,
  );
  parts.push(
    `<g fill="${palette.axis}">` +
      `<text x="${PAD.left - 3}" y="${PAD.top + 7}" text-anchor="end">${escapeXml(formatNumber(y1, 2))}</text>` +
      `<text x="${PAD.left - 3}" y="${H - PAD.bottom}" text-anchor="end">${escapeXml(formatNumber(y0, 2))}</text>` +
      `<text x="${PAD.left}" y="${H - 2}">${escapeXml(formatNumber(x0, 3))}</text>` +
      `<text x="${W - PAD.right}" y="${H - 2}" text-anchor="end">${escapeXml(formatNumber(x1, 3))}</text></g>`,
  );
  const clip = (y: number) => Math.min(y1, Math.max(y0, y));
  for (const [values, color, dash] of [
    [series.f, palette.f, ''],
    [series.df, palette.df, ' stroke-dasharray="4 2"'],
  ] as const) {
    // One path per curve, its finite runs as subpaths, each simplified to within a quarter pixel.
    const d = finiteRuns(values)
      .map((run) => pathData(simplify(run.map((i): Point => [sx(series.xs[i]), sy(clip(values[i]))]), 0.25)))
      .join('');
    if (d) parts.push(`<path fill="none" stroke="${color}" stroke-width="${palette.strokeWidth}"${dash} stroke-linejoin="round" d="${d}"/>`);
  }
  // Legend: a swatch and a name per curve, plus the label a loss is drawn at.
  const legendY = 10;
  let lx = PAD.left + 4;
  for (const [label, color, dash] of [
    [series.fLabel, palette.f, ''],
    [series.dfLabel, palette.df, ' stroke-dasharray="4 2"'],
  ] as const) {
    parts.push(
      `<line x1="${lx}" y1="${legendY - 3}" x2="${lx + 12}" y2="${legendY - 3}" stroke="${color}" ` +
        `stroke-width="${palette.strokeWidth}"${dash}/>` +
        `<text x="${lx + 15}" y="${legendY}" fill="${palette.text}" font-size="11">${escapeXml(label)}</text>`,
    );
    lx += 15 + 7 * [...label].length + 12;
  }
  if (series.note) {
    parts.push(
      `<text x="${W - PAD.right}" y="${legendY}" text-anchor="end" fill="${palette.text}">${escapeXml(series.note)}</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

/**
 * The y range to draw: the 2nd to 98th percentile of the finite values of both curves (so a log's
 * pole does not flatten everything else), widened to include 0 and never empty.
 */
function yRange(a: Float64Array, b: Float64Array): [number, number] {
  const finite: number[] = [];
  for (const values of [a, b]) for (const v of values) if (Number.isFinite(v)) finite.push(v);
  if (finite.length === 0) return [-1, 1];
  finite.sort((p, q) => p - q);
  const at = (q: number) => finite[Math.min(finite.length - 1, Math.max(0, Math.round(q * (finite.length - 1))))];
  // Trim only when the extremes are far out: a smooth curve keeps its true end points.
  const spanAll = finite[finite.length - 1] - finite[0];
  const spanMid = at(0.98) - at(0.02);
  let lo = spanAll > 4 * spanMid ? at(0.02) : finite[0];
  let hi = spanAll > 4 * spanMid ? at(0.98) : finite[finite.length - 1];
  lo = Math.min(lo, 0);
  hi = Math.max(hi, 0);
  if (hi - lo < 1e-12) {
    lo -= 1;
    hi += 1;
  }
  const margin = (hi - lo) * 0.06;
  return [lo - margin, hi + margin];
}

/** Index runs of consecutive finite values: NaN and ±∞ break the polyline rather than bend it. */
function finiteRuns(values: Float64Array): number[][] {
  const runs: number[][] = [];
  let run: number[] = [];
  for (let i = 0; i < values.length; i++) {
    if (Number.isFinite(values[i])) run.push(i);
    else if (run.length) {
      runs.push(run);
      run = [];
    }
  }
  if (run.length) runs.push(run);
  return runs.filter((points) => points.length > 1);
}

type Point = [number, number];

/**
 * Ramer–Douglas–Peucker: the fewest of `points` that stay within `tolerance` px of the curve through all of
 * them (straight stretches, like ReLU's arms, become their two ends).
 */
function simplify(points: Point[], tolerance: number): Point[] {
  if (points.length <= 2) return points;
  const keep = new Uint8Array(points.length);
  keep[0] = keep[points.length - 1] = 1;
  const stack: [number, number][] = [[0, points.length - 1]];
  while (stack.length) {
    const [a, b] = stack.pop() as [number, number];
    const [ax, ay] = points[a];
    const dx = points[b][0] - ax;
    const dy = points[b][1] - ay;
    const length = Math.hypot(dx, dy) || 1;
    let worst = -1;
    let at = -1;
    for (let i = a + 1; i < b; i++) {
      const distance = Math.abs(dy * (points[i][0] - ax) - dx * (points[i][1] - ay)) / length;
      if (distance > worst) {
        worst = distance;
        at = i;
      }
    }
    if (worst > tolerance) {
      keep[at] = 1;
      stack.push([a, at], [at, b]);
    }
  }
  return points.filter((_, i) => keep[i] === 1);
}

/** A path number without its leading zero (`.3`, `-.6`). */
const short = (v: number): string => String(v).replace(/^(-?)0\./, '$1.');
/** The separator before a number: none before a minus sign. */
const gap = (v: number): string => (v < 0 ? '' : ' ');

/** `M x y` then relative line-tos, in tenths of a pixel rounded at the absolute points (no drift). */
function pathData(points: readonly Point[]): string {
  let out = '';
  let px = 0;
  let py = 0;
  points.forEach(([x, y], i) => {
    const rx = Math.round(x * 10);
    const ry = Math.round(y * 10);
    out += i === 0 ? `M${short(rx / 10)}${gap(ry)}${short(ry / 10)}` : `${i === 1 ? 'l' : gap(rx - px)}${short((rx - px) / 10)}${gap(ry - py)}${short((ry - py) / 10)}`;
    px = rx;
    py = ry;
  });
  return out;
}

function r(v: number): string {
  return (Math.round(v * 10) / 10).toString();
}

/** Short, readable numbers for tick labels and parameter values: 0.2, 1.6733, 1e-7, −3. */
export function formatNumber(v: number, digits = 5): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  const s =
    a >= 1e5 || a < 1e-3
      ? v.toExponential(Math.max(0, digits - 3)).replace(/\.?0+e/, 'e')
      : String(Number(v.toPrecision(digits)));
  return s.replace(/^-/, '−');
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' })[c] as string);
}
