/**
 * The hover's Markdown, built in plain Node from hand-made FunctionRefs (what the recognizer returns for
 * `nn.LeakyReLU(0.2)`, `nn.BCELoss()`…) and formula SVGs rendered by the build's own prerender script.
 */
import * as assert from 'node:assert/strict';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { catalogue } from '../../src/core/catalogue';
import { catalogueProse as prose } from '../../src/core/catalogue/prose';
import { frameworkNames } from '../../src/frameworks/table';
import type { CatalogueEntry, FrameworkName } from '../../src/core/functionTypes';
import { commandArgs, hoverMarkdown, type FormulaSvgTable } from '../../src/features/hover/hoverMarkdown';
import { drawSparkline, paletteFor, sparklineSvg, ThemeKind } from '../../src/features/hover/sparkline';
import type { FunctionRef } from '../../src/recognize/site';

type RenderSvg = (latex: string) => string;

// tsc turns import() into require(), which cannot load an ES module; this keeps a real dynamic import.
const importEsm = new Function('specifier', 'return import(specifier)') as (specifier: string) => Promise<{ renderSvg: RenderSvg }>;
const prerenderScript = pathToFileURL(join(__dirname, '..', '..', '..', 'scripts', 'prerender-formulas.mjs')).href;

function entry(id: string): CatalogueEntry {
  const found = catalogue.get(id);
  assert.ok(found, `the catalogue has no '${id}'`);
  return found;
}

function frameworkName(id: string, name: string): FrameworkName {
  const found = (frameworkNames[entry(id).id] ?? []).find((f) => f.name === name);
  assert.ok(found, `'${id}' has no framework name '${name}'`);
  return found;
}

/** What the recognizer returns for a call written in code. */
function refFor(id: string, written: string, frameworkQualified: string, explicit: Record<string, number>): FunctionRef {
  const fn = frameworkName(id, frameworkQualified);
  return {
    id,
    params: { ...(fn.defaults ?? {}), ...explicit },
    explicit: Object.keys(explicit),
    range: { start: 0, end: written.length },
    written,
    framework: fn.framework,
    frameworkName: fn,
  };
}

/** The images of a hover: base64 data URIs (formulas embedded) and percent-encoded ones (the plot). */
function images(markdown: string): { alt: string; svg: string }[] {
  return [...markdown.matchAll(/!\[([^\]]*)\]\(data:image\/svg\+xml(;base64)?,([^)\s]+)\)/g)].map((m) => ({
    alt: m[1],
    svg: m[2] ? Buffer.from(m[3], 'base64').toString('utf8') : decodeURIComponent(m[3]).replace(/'/g, '"'),
  }));
}

function linkArgs(markdown: string, command: string): unknown {
  const match = new RegExp(`\\]\\(command:${command.replace(/\./g, '\\.')}\\?([^)\\s]+)\\)`).exec(markdown);
  assert.ok(match, `no link to ${command} in:\n${markdown}`);
  return JSON.parse(decodeURIComponent(match[1]));
}

function p95(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))];
}

describe('hover content', () => {
  let svgs: FormulaSvgTable;
  const leaky = () => refFor('leaky_relu', 'nn.LeakyReLU', 'torch.nn.LeakyReLU', { alpha: 0.2 });

  before(async function () {
    this.timeout(60_000);
    const { renderSvg } = await importEsm(prerenderScript);
    const table: Record<string, { f: string; df: string }> = {};
    for (const id of ['leaky_relu', 'bce', 'huber']) table[id] = { f: renderSvg(entry(id).latex), df: renderSvg(entry(id).derivativeLatex) };
    svgs = table;
  });

  it('shows α = 0.2 set in code for nn.LeakyReLU(0.2)', () => {
    const md = hoverMarkdown(leaky(), { themeKind: ThemeKind.Dark, showPlot: true, prose, svgs });
    assert.ok(md);
    assert.match(md, /α = 0\.2/);
    assert.match(md, /set in code/);
    assert.match(md, /^\*\*Leaky ReLU\*\* — `torch\.nn\.LeakyReLU`/);
  });

  it('lists the PyTorch default 0.01 beside the Keras layer default 0.3', () => {
    const md = hoverMarkdown(leaky(), { themeKind: ThemeKind.Dark, showPlot: true, prose, svgs }) ?? '';
    const rows = md
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) => line.slice(1, -1).split('|').map((cell) => cell.trim().replace(/\*\*/g, '')));
    const [header, , ...body] = rows;
    assert.deepEqual(header, ['Framework', 'α'], `no defaults table in\n${md}`);
    const cell = (framework: string) => body.find((row) => row[0] === framework)?.[1];
    assert.equal(cell('PyTorch'), '0.01');
    assert.match(cell('Keras') ?? '', /0\.3 \(layer\)/);
    assert.equal(cell('JAX'), '0.01');
    assert.match(cell('TF.js') ?? '', /0\.3 \(layer\)/);
  });

  it('links both commands with URI-encoded [{id, params}] arguments', () => {
    const md = hoverMarkdown(leaky(), { themeKind: ThemeKind.Light, showPlot: true, prose, svgs }) ?? '';
    const expected = [{ id: 'leaky_relu', params: { alpha: 0.2 } }];
    const args = encodeURIComponent(JSON.stringify(expected));
    assert.equal(args, commandArgs('leaky_relu', { alpha: 0.2 }));
    assert.ok(md.includes(`[Open in Playground](command:formulaPlayground.openPlayground?${args})`));
    assert.ok(md.includes(`[Gradient check](command:formulaPlayground.gradientCheck?${args})`));
    assert.deepEqual(linkArgs(md, 'formulaPlayground.openPlayground'), expected);
    assert.deepEqual(linkArgs(md, 'formulaPlayground.gradientCheck'), expected);
  });

  it('embeds f and f′ as SVG data URIs with a pixel size', () => {
    const md = hoverMarkdown(leaky(), { themeKind: ThemeKind.Dark, showPlot: false, prose, svgs }) ?? '';
    const formulas = images(md);
    assert.deepEqual(formulas.map((i) => i.alt), ['f(x)', 'f′(x)']);
    for (const { svg } of formulas) {
      assert.match(svg, /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
      assert.ok(svg.endsWith('</svg>'));
      const width = Number(/\swidth="([\d.]+)"/.exec(svg)?.[1]);
      assert.ok(width > 0, `width ${width}`);
      assert.doesNotMatch(svg, /currentColor|\dex"/);
    }
  });

  it('draws formula glyphs dark on light themes and light on dark themes', () => {
    const glyphColor = (kind: number) => {
      const md = hoverMarkdown(leaky(), { themeKind: kind, showPlot: false, prose, svgs }) ?? '';
      return /fill="(#[0-9a-f]{6})"/.exec(images(md)[0].svg)?.[1];
    };
    const luminance = (hex: string | undefined) => parseInt(hex?.slice(1, 3) ?? '0', 16);
    assert.ok(luminance(glyphColor(ThemeKind.Light)) < 0x60);
    assert.ok(luminance(glyphColor(ThemeKind.HighContrastLight)) < 0x60);
    assert.ok(luminance(glyphColor(ThemeKind.Dark)) > 0xc0);
    assert.ok(luminance(glyphColor(ThemeKind.HighContrast)) > 0xc0);
  });

  it('includes the sparkline of f and f′ only when showPlot is on', () => {
    const on = images(hoverMarkdown(leaky(), { themeKind: ThemeKind.Dark, showPlot: true, prose, svgs }) ?? '');
    const plot = on.find((i) => i.alt === 'plot of f and f′');
    assert.ok(plot, 'no sparkline image');
    assert.equal((plot.svg.match(/<path [^>]*d=['"]M/g) ?? []).length >= 2, true);
    assert.match(plot.svg, /width="240" height="90"/);
    assert.match(plot.svg, />f′</);
    const off = images(hoverMarkdown(leaky(), { themeKind: ThemeKind.Dark, showPlot: false, prose, svgs }) ?? '');
    assert.equal(off.some((i) => i.alt.startsWith('plot')), false);
  });

  it('shows pairing advice and ℓ / ∂ℓ/∂ŷ for a loss', () => {
    const bce = entry('bce');
    assert.ok(prose.bce.pairing.length > 0, 'bce has no pairing advice in the catalogue');
    const spellings = frameworkNames[bce.id] ?? [];
    const fn = spellings.find((f) => f.framework === 'pytorch') ?? spellings[0];
    const ref: FunctionRef = { id: 'bce', params: {}, explicit: [], range: { start: 0, end: 11 }, written: 'nn.BCELoss', framework: fn?.framework, frameworkName: fn };
    const md = hoverMarkdown(ref, { themeKind: ThemeKind.Light, showPlot: true, prose, svgs }) ?? '';
    assert.match(md, /\*\*Pairing\*\* /);
    assert.deepEqual(images(md).map((i) => i.alt), ['ℓ(y, ŷ)', '∂ℓ/∂ŷ', 'plot of ℓ and ∂ℓ/∂ŷ']);
    if (fn?.note) assert.ok(md.includes(fn.note.slice(0, 12)), 'the framework note is missing');
  });

  it('carries nn.HuberLoss(delta=2.0) as {delta: 2} in the links', () => {
    const ref = refFor('huber', 'nn.HuberLoss', 'torch.nn.HuberLoss', { delta: 2 });
    const md = hoverMarkdown(ref, { themeKind: ThemeKind.Dark, showPlot: true, prose, svgs }) ?? '';
    assert.match(md, /δ = 2/);
    assert.deepEqual(linkArgs(md, 'formulaPlayground.gradientCheck'), [{ id: 'huber', params: { delta: 2 } }]);
  });

  it('says why there is no plot when the parameters are out of range, instead of throwing', () => {
    const ref = { ...leaky(), params: { alpha: Number.NaN } };
    const md = hoverMarkdown(ref, { themeKind: ThemeKind.Dark, showPlot: true, prose, svgs }) ?? '';
    assert.match(md, /No plot:.*alpha/);
  });

  it('leaves out the initialisation line, and does not throw, when a parameter is out of range', () => {
    const md = hoverMarkdown({ ...leaky(), params: { alpha: -5 } }, { themeKind: ThemeKind.Dark, showPlot: true, prose, svgs }) ?? '';
    assert.match(md, /alpha/);
    assert.doesNotMatch(md, /init: /);
  });

  it('every catalogue function has its prose, and the hover shows it: summary first, then range, properties, use cases, pairing', () => {
    assert.deepEqual(Object.keys(prose).sort(), [...catalogue.keys()].sort());
    const md = hoverMarkdown(leaky(), { themeKind: ThemeKind.Dark, showPlot: false, prose, svgs }) ?? '';
    assert.ok(md.includes(prose.leaky_relu.summary), 'the summary');
    assert.match(md, /\*\*Range\*\* .*\*\*Properties\*\* .*\*\*Use cases\*\* /s);
  });

  it('without the prose (its file not read yet or missing) the hover still has its title, formulas, parameters and links', () => {
    const md = hoverMarkdown(leaky(), { themeKind: ThemeKind.Dark, showPlot: false, svgs }) ?? '';
    assert.match(md, /\*\*Leaky ReLU\*\*/);
    assert.match(md, /command:formulaPlayground\.openPlayground/);
    assert.doesNotMatch(md, /\*\*Properties\*\*|\*\*Range\*\*/);
    assert.ok(!md.includes(prose.leaky_relu.summary));
  });

  it('returns undefined for an id the catalogue does not know', () => {
    assert.equal(hoverMarkdown({ ...leaky(), id: 'no_such_function' }, { themeKind: 1, showPlot: true, prose }), undefined);
  });

  it('builds a hover for every catalogue function (LaTeX as code when no image was prerendered)', () => {
    for (const e of catalogue.values()) {
      const fn = frameworkNames[e.id]?.[0];
      const ref: FunctionRef = { id: e.id, params: {}, explicit: [], range: { start: 0, end: 1 }, written: e.id, framework: fn?.framework, frameworkName: fn };
      const md = hoverMarkdown(ref, { themeKind: ThemeKind.Dark, showPlot: true, prose });
      assert.ok(md && md.includes('```latex'), e.id);
      assert.doesNotMatch(md, /No plot/, `${e.id} has no plot at its defaults`);
    }
  });

  it('prints the hover build time p95 (first call and cached)', () => {
    const samples: number[] = [];
    const refs = [...catalogue.values()].map((e) => ({ id: e.id, params: {}, explicit: [], range: { start: 0, end: 1 }, written: e.id }));
    const cold = performance.now();
    for (const ref of refs) hoverMarkdown(ref, { themeKind: ThemeKind.Light, showPlot: true, prose, svgs });
    const coldMs = (performance.now() - cold) / Math.max(1, refs.length);
    for (let i = 0; i < 400; i++) {
      const t = performance.now();
      hoverMarkdown(refs[i % refs.length], { themeKind: ThemeKind.Light, showPlot: true, prose, svgs });
      samples.push(performance.now() - t);
    }
    console.log(`      hoverMarkdown: first call ${coldMs.toFixed(3)} ms/function (with sparkline), then p95 ${p95(samples).toFixed(3)} ms over ${samples.length}`);
  });
  it("the build's light and dark variants are drawn in the palette's text colours", async () => {
    const buildWeb = pathToFileURL(join(__dirname, '..', '..', '..', 'scripts', 'build-web.mjs')).href;
    const { FORMULA_SVG_COLORS } = (await importEsm(buildWeb)) as unknown as { FORMULA_SVG_COLORS: Record<string, string> };
    assert.deepEqual(FORMULA_SVG_COLORS, { light: paletteFor(ThemeKind.Light).text, dark: paletteFor(ThemeKind.Dark).text });
  });

  it('links f and f′ when the host has a URI for them, and embeds them when it has none (high contrast)', () => {
    const formulaUri = (id: string, image: 'f' | 'df', kind: number) =>
      kind === ThemeKind.Light || kind === ThemeKind.Dark ? `file:///ext/dist/formulaSvgs/${id}.${image}.${kind === ThemeKind.Light ? 'light' : 'dark'}.svg` : undefined;
    const light = hoverMarkdown(leaky(), { themeKind: ThemeKind.Light, showPlot: true, prose, svgs, formulaUri }) ?? '';
    assert.ok(light.includes('![f(x)](file:///ext/dist/formulaSvgs/leaky_relu.f.light.svg) &emsp; ![f′(x)](file:///ext/dist/formulaSvgs/leaky_relu.df.light.svg)'), light);
    assert.ok(light.length < 4000, `the hover's Markdown is ${light.length} characters`);
    const contrast = hoverMarkdown(leaky(), { themeKind: ThemeKind.HighContrast, showPlot: true, prose, svgs, formulaUri }) ?? '';
    assert.deepEqual(images(contrast).map((i) => i.alt), ['f(x)', 'f′(x)', 'plot of f and f′']);
    assert.match(images(contrast)[0].svg, /fill="#ffffff"/);
  });
});

describe('hover sparkline', () => {
  it('is a small image: straight stretches are two points, curves within a quarter pixel (printed, not asserted)', () => {
    const sizes = ['leaky_relu', 'gelu', 'huber', 'softmax', 'bce'].map((id) => `${id} ${sparklineSvg(id, {}, ThemeKind.Dark).length} B`);
    console.log(`      sparkline SVG sizes: ${sizes.join(', ')}`);
    const relu = sparklineSvg('relu', {}, ThemeKind.Dark);
    // ReLU is two straight arms: M + the kink + the end, whatever the sampling.
    assert.match(relu, /<path [^>]*stroke="#4fb6ff"[^>]*d="M[\d.]+ [\d.]+l[-\d.]+[ -][-\d.]+ [-\d.]+[ -][-\d.]+"/);
  });

  it('is the same string for the same (id, params, theme) and differs by theme', () => {
    const a = sparklineSvg('leaky_relu', { alpha: 0.2 }, ThemeKind.Dark);
    assert.equal(sparklineSvg('leaky_relu', { alpha: 0.2 }, ThemeKind.Dark), a);
    assert.notEqual(sparklineSvg('leaky_relu', { alpha: 0.2 }, ThemeKind.Light), a);
  });

  it('clips non-finite values instead of writing NaN or Infinity into the SVG', () => {
    const xs = Float64Array.from({ length: 11 }, (_, i) => i - 5);
    const f = Float64Array.from(xs, (x) => (x === 0 ? Number.NaN : 1 / x));
    const df = Float64Array.from(xs, (x) => (x === 0 ? Number.POSITIVE_INFINITY : -1 / (x * x)));
    const svg = drawSparkline({ xs, f, df, fLabel: 'f', dfLabel: 'f′' }, paletteFor(ThemeKind.Dark));
    assert.doesNotMatch(svg, /NaN|Infinity/);
    // One path per curve, each run a subpath (M … l …).
    assert.deepEqual(
      [...svg.matchAll(/<path [^>]*d="([^"]*)"/g)].map((m) => (m[1].match(/M/g) ?? []).length),
      [2, 2],
      'each curve splits into two runs around x = 0',
    );
  });
});
