// Renders every catalogue formula (f and f′, or ℓ and ∂ℓ/∂ŷ) to a self-contained SVG with MathJax, once,
// at build time, so the hover shows images without running a math engine in the extension host.
//
// Output: generated/formulaSvgs.json (git-ignored), id → { f, df }; scripts/build-web.mjs writes it out as
// the image files the hover links to. Each SVG draws its glyphs in `currentColor`, which the build replaces
// with the text colour of each theme variant (dark glyphs on light themes, light glyphs on dark ones),
// because an <img> SVG cannot inherit the editor's text colour.
import { mkdirSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const require = createRequire(import.meta.url);

/** CSS pixels per MathJax ex: an ex of the hover's ~13 px font is ~6.5 px; a little larger reads better. */
export const PX_PER_EX = 8;

let converter;

/** A TeX → SVG function backed by one MathJax document (built on first use; MathJax is slow to load). */
function getConverter() {
  if (converter) return converter;
  const { mathjax } = require('mathjax-full/js/mathjax.js');
  const { TeX } = require('mathjax-full/js/input/tex.js');
  const { SVG } = require('mathjax-full/js/output/svg.js');
  const { liteAdaptor } = require('mathjax-full/js/adaptors/liteAdaptor.js');
  const { RegisterHTMLHandler } = require('mathjax-full/js/handlers/html.js');
  const { AllPackages } = require('mathjax-full/js/input/tex/AllPackages.js');

  const adaptor = liteAdaptor();
  RegisterHTMLHandler(adaptor);
  const tex = new TeX({ packages: AllPackages.filter((name) => name !== 'bussproofs'), formatError: texError });
  // 'local': glyph paths are defined once per SVG and reused with <use>, so each image stands alone.
  const svg = new SVG({ fontCache: 'local' });
  const doc = mathjax.document('', { InputJax: tex, OutputJax: svg });
  converter = (latex) => {
    const node = doc.convert(latex, { display: true });
    return adaptor.innerHTML(node);
  };
  return converter;
}

/** Make TeX errors fatal: a formula that does not parse must fail the build, naming itself. */
function texError(_jax, error) {
  throw new Error(`TeX error: ${error.message}`);
}

/**
 * One formula as a compact, self-contained SVG string with a real pixel size (so an <img> has a
 * naturalWidth) and its glyphs in `currentColor`.
 */
export function renderSvg(latex) {
  let svg;
  try {
    svg = getConverter()(latex);
  } catch (error) {
    throw new Error(`prerender-formulas: cannot render ${JSON.stringify(latex)}: ${error.message}`);
  }
  return compact(svg);
}

function compact(svg) {
  let out = svg
    // Attributes that only serve MathJax's own accessibility tools and menu.
    .replace(/\s(?:data-mml-node|data-c|data-mjx-texclass|data-latex|data-semantic-[\w-]+|aria-hidden|role|focusable)="[^"]*"/g, '')
    .replace(/\sstyle="vertical-align:[^"]*"/, '')
    .replace(/\sxmlns:xlink="[^"]*"/, '')
    .replace(/\sxlink:href=/g, ' href=')
    .replace(/<g stroke="currentColor" fill="currentColor" stroke-width="0"/, '<g fill="currentColor" stroke="currentColor" stroke-width="0"');
  // ex → px so the image has a size of its own; keep the viewBox so it scales crisply.
  out = out.replace(/\s(width|height)="([\d.]+)ex"/g, (_m, name, ex) => ` ${name}="${(Number(ex) * PX_PER_EX).toFixed(1)}"`);
  if (!/^<svg[^>]*\swidth="[\d.]+"/.test(out)) throw new Error(`prerender-formulas: no width in ${out.slice(0, 120)}`);
  if (!out.includes('xmlns="http://www.w3.org/2000/svg"')) out = out.replace('<svg', '<svg xmlns="http://www.w3.org/2000/svg"');
  return (
    inlineSingleUse(flattenGroups(shortenIds(out)))
      // stroke-width 0 draws no stroke: the stroke colour and width are noise.
      .replace(' stroke="currentColor" stroke-width="0"', '')
      // Glyph outlines in units of 10 (1/100 em, ≈ 0.2 px at the hover's size, rounding ≤ 0.1 px) drawn
      // with scale(10): each coordinate loses a digit, the picture does not change.
      .replace(/<path((?:\s+[\w:-]+="[^"]*")*)\s*\/?>/g, (tag, attrs) => {
        const d = /\sd="([^"]*)"/.exec(attrs);
        if (!d) return tag;
        const scaled = relativePath(d[1], PATH_UNIT);
        if (scaled === d[1]) return tag.replace(/\sd="([^"]*)"/, (_m, v) => ` d="${relativePath(v)}"`);
        const transform = /\stransform="([^"]*)"/.exec(attrs);
        const rest = attrs.replace(/\s(?:d|transform)="[^"]*"/g, '');
        return `<path${rest} transform="${transform ? `${transform[1]} ` : ''}scale(${PATH_UNIT})" d="${scaled}"/>`;
      })
      .replace(/><\/(path|use|rect)>/g, '/>')
  );
}

/**
 * Removes structure that draws nothing: attribute-less <g> wrappers are unwrapped, empty groups dropped,
 * and a group that only translates one child hands its transform to that child. The picture is unchanged.
 */
export function flattenGroups(svg) {
  const root = { name: '#root', attrs: [], children: [] };
  const stack = [root];
  for (const [, close, name, rawAttrs, selfClosing, text] of svg.matchAll(/<(\/?)([\w:-]+)((?:\s+[\w:-]+="[^"]*")*)\s*(\/?)>|([^<]+)/g)) {
    const top = stack[stack.length - 1];
    if (text !== undefined) top.children.push({ text });
    else if (close) stack.pop();
    else {
      const node = { name, attrs: [...rawAttrs.matchAll(/([\w:-]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]), children: [] };
      top.children.push(node);
      if (!selfClosing) stack.push(node);
    }
  }
  const simplify = (node) => {
    if (node.text !== undefined) return [node];
    const children = node.children.flatMap(simplify);
    if (node.name === 'g' && node.attrs.length === 0) return children;
    if (node.name === 'g' && children.length === 0) return [];
    if (node.name === 'g' && node.attrs.length === 1 && node.attrs[0][0] === 'transform' && children.length === 1 && children[0].name) {
      const child = children[0];
      const own = child.attrs.find(([k]) => k === 'transform');
      const transform = own ? `${node.attrs[0][1]} ${own[1]}` : node.attrs[0][1];
      return [{ ...child, attrs: [...child.attrs.filter(([k]) => k !== 'transform'), ['transform', transform]] }];
    }
    return [{ ...node, children }];
  };
  const write = (node) => {
    if (node.text !== undefined) return node.text;
    const attrs = node.attrs.map(([k, v]) => ` ${k}="${k === 'transform' ? v.replace(/translate\(([-\d.]+),0\)/g, 'translate($1)') : v}"`).join('');
    return node.children.length ? `<${node.name}${attrs}>${node.children.map(write).join('')}</${node.name}>` : `<${node.name}${attrs}/>`;
  };
  return root.children.flatMap(simplify).map(write).join('');
}

/** The unit of the glyph outlines' coordinates in MathJax's 1/1000 em (see compact()). */
const PATH_UNIT = 10;

const ARGS = { M: 2, L: 2, H: 1, V: 1, Q: 4, T: 2, C: 6, S: 4, Z: 0 };

/**
 * MathJax's absolute glyph outlines (`M118-162Q120-162 124-164T135-167…`) rewritten with relative
 * commands (`m118-162q2 0 6-2t11-3…`), dropping repeated command letters: the numbers get shorter and the
 * formulas about a third smaller. With `unit` > 1 the coordinates are divided by it and rounded (the caller
 * scales the path back). Paths with commands it does not know are returned unchanged.
 */
export function relativePath(d, unit = 1) {
  const tokens = d.match(/[A-Za-z]|-?(?:\d+\.?\d*|\.\d+)(?:e[-+]?\d+)?/g) ?? [];
  let x = 0;
  let y = 0;
  let startX = 0;
  let startY = 0;
  let out = '';
  let last = '';
  const num = (v) => {
    const r = Math.round(v * 1000) / 1000;
    return (Object.is(r, -0) ? 0 : r).toString().replace(/^(-?)0\./, '$1.');
  };
  const emit = (letter, values) => {
    let text = letter === last && letter !== 'm' ? '' : letter;
    for (const v of values) {
      const n = num(v);
      // A separator is needed only between two numbers that would otherwise run together.
      if (text !== '' || out === '' || /[a-z]$/.test(out) || n.startsWith('-') || (n.startsWith('.') && /\.\d*$/.test(out))) text += n;
      else text += ` ${n}`;
      out += text;
      text = '';
    }
    if (values.length === 0) out += text;
    last = letter;
  };
  for (let i = 0; i < tokens.length; ) {
    const command = tokens[i++];
    if (!(command in ARGS)) return d;
    const count = ARGS[command];
    if (count === 0) {
      emit('z', []);
      x = startX;
      y = startY;
      continue;
    }
    let first = true;
    while (i < tokens.length && !/^[A-Za-z]$/.test(tokens[i])) {
      // In `unit`s, rounded: differences of rounded absolute points, so the rounding never accumulates.
      const a = tokens.slice(i, i + count).map((t) => (unit === 1 ? Number(t) : Math.round(Number(t) / unit)));
      if (a.length < count || a.some(Number.isNaN)) return d;
      i += count;
      // After M, further pairs are line-tos.
      const c = command === 'M' && !first ? 'L' : command;
      first = false;
      if (c === 'H') {
        emit('h', [a[0] - x]);
        x = a[0];
      } else if (c === 'V') {
        emit('v', [a[0] - y]);
        y = a[0];
      } else {
        emit(c.toLowerCase(), a.map((v, k) => v - (k % 2 === 0 ? x : y)));
        x = a[count - 2];
        y = a[count - 1];
        if (c === 'M') {
          startX = x;
          startY = y;
        }
      }
    }
  }
  return out;
}

/**
 * A glyph drawn once needs no definition: its <path> replaces the one <use> of it (with the use's
 * transform), and the def, its id and the reference go. Glyphs drawn twice or more stay shared.
 */
export function inlineSingleUse(svg) {
  const uses = new Map();
  for (const [, id] of svg.matchAll(/<use href="#([\w-]+)"/g)) uses.set(id, (uses.get(id) ?? 0) + 1);
  const defs = new Map();
  for (const [, id, d] of svg.matchAll(/<path id="([\w-]+)" d="([^"]*)"\/>/g)) defs.set(id, d);
  const once = new Set([...defs.keys()].filter((id) => uses.get(id) === 1));
  if (once.size === 0) return svg;
  return svg
    .replace(/<use href="#([\w-]+)"(?: transform="([^"]*)")?\/>/g, (m, id, transform) =>
      once.has(id) ? `<path${transform ? ` transform="${transform}"` : ''} d="${defs.get(id)}"/>` : m,
    )
    .replace(/<path id="([\w-]+)" d="[^"]*"\/>/g, (m, id) => (once.has(id) ? '' : m))
    .replace('<defs></defs>', '');
}

/** MathJax's glyph ids (`MJX-3-TEX-I-1D6FC`) become `g0`, `g1`…: they are only referenced inside one SVG. */
function shortenIds(svg) {
  const names = new Map();
  for (const [, id] of svg.matchAll(/\sid="([^"]+)"/g)) if (!names.has(id)) names.set(id, `g${names.size.toString(36)}`);
  return svg
    .replace(/\sid="([^"]+)"/g, (_m, id) => ` id="${names.get(id)}"`)
    .replace(/\shref="#([^"]+)"/g, (m, id) => (names.has(id) ? ` href="#${names.get(id)}"` : m));
}

/**
 * Renders every function of dist/core.js and writes generated/formulaSvgs.json.
 * Returns the table and the size of the written JSON in bytes.
 */
export async function prerenderFormulas(root) {
  const started = Date.now();
  const core = require(join(root, 'dist', 'core.js'));
  const table = {};
  for (const info of core.listFunctions()) {
    table[info.id] = { f: renderSvg(info.latex), df: renderSvg(info.derivativeLatex) };
  }
  const file = join(root, 'generated', 'formulaSvgs.json');
  mkdirSync(dirname(file), { recursive: true });
  const json = JSON.stringify(table);
  writeFileSync(file, json);
  const ids = Object.keys(table).length;
  console.log(`prerender-formulas: ${ids} functions → ${file} (${(json.length / 1024).toFixed(1)} KiB, ${Date.now() - started} ms)`);
  return { table, bytes: json.length };
}
