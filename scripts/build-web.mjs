// The web extension's part of the build (called by scripts/build.mjs):
//
// - dist/web/extension.js: the same src/extension.ts bundled for the *web worker* extension host
//   (vscode.dev, github.dev, Codespaces in a browser, code-server's Extension Host (Worker)): esbuild
//   platform 'browser', CommonJS (the worker host loads it with `(module, exports, require)`), `vscode` external.
// - a check that fails the build when that bundle reaches for Node: an import of a Node built-in (fs, path,
//   crypto, …, with or without `node:`) is reported with the file importing it, and a free use of a Node
//   global (process, Buffer, setImmediate, __dirname, __filename, global) with the source file it is in.
//   The worker has none of them; the desktop host has, so nothing else would notice.
// - dist/formulaSvgs/<id>.<f|df>.<light|dark>.svg: the hover's prerendered formula images
//   (generated/formulaSvgs.json, written by scripts/prerender-formulas.mjs) in each theme's text colour, which
//   the hover's Markdown links to by URI (extensionUri-relative: file:, vscode-remote: or https:, all of which
//   VS Code's Markdown renderer loads), so the hover no longer carries them as data URIs.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { join } from 'node:path';

/** The globals a web worker does not have; a bundle that names one fails the build. */
export const NODE_GLOBALS = ['process', 'Buffer', 'setImmediate', 'clearImmediate', '__dirname', '__filename', 'global'];
const MARKER = '__dlfp_node_global__';
const NODE_BUILTINS = new Set(builtinModules.flatMap((name) => [name, `node:${name}`]));

/** An esbuild plugin that stops the build at the first import of a Node built-in, naming the importer. */
function noNodeBuiltins() {
  return {
    name: 'no-node-builtins',
    setup(build) {
      build.onResolve({ filter: /^(node:)?[a-z_]+(\/[a-z_/]+)?$/ }, (args) => {
        const base = args.path.replace(/^node:/, '').split('/')[0];
        if (!NODE_BUILTINS.has(args.path) && !NODE_BUILTINS.has(base)) return undefined;
        return {
          errors: [
            {
              text: `the web extension cannot import the Node built-in "${args.path}" (imported by ${args.importer.replace(build.initialOptions.absWorkingDir + '/', '')}); use vscode.workspace.fs, vscode.Uri, TextEncoder/btoa or globalThis.crypto instead (see scripts/build-web.mjs)`,
            },
          ],
        };
      });
    },
  };
}

/** The source files (esbuild's `// path` comments of an unminified bundle) that use each Node global. */
function nodeGlobalUses(code) {
  const uses = [];
  let file = '?';
  for (const line of code.split('\n')) {
    const comment = /^\s*\/\/ ((?:src|webview|node_modules)\/\S+)$/.exec(line);
    if (comment) file = comment[1];
    for (const match of line.matchAll(new RegExp(`${MARKER}(\\w+)`, 'g'))) uses.push(`${match[1]} in ${file}: ${line.trim().slice(0, 120)}`);
  }
  return uses;
}

/**
 * Builds dist/web/extension.js from src/extension.ts with the caller's common options (sourcemap, minify,
 * define, …), after checking that nothing in it needs Node; returns the options (for --watch).
 */
export async function buildWebExtension(root, common) {
  const options = {
    ...common,
    entryPoints: ['src/extension.ts'],
    platform: 'browser',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    target: 'es2022',
    plugins: [...(common.plugins ?? []), noNodeBuiltins()],
  };
  // The check: the same bundle, unminified, with every free Node global renamed to a marker (esbuild's
  // `define` replaces only unbound identifiers, so locals and strings named "process" are left alone).
  const check = await esbuild.build({
    ...options,
    minify: false,
    sourcemap: false,
    write: false,
    outfile: 'dist/web/extension.js',
    logLevel: 'silent',
    define: { ...(common.define ?? {}), ...Object.fromEntries(NODE_GLOBALS.map((name) => [name, `${MARKER}${name}`])) },
  }).catch((error) => {
    throw new Error(`build: the web extension bundle failed:\n${(error.errors ?? []).map((e) => `  ${e.text}`).join('\n') || error.message}`);
  });
  const uses = nodeGlobalUses(check.outputFiles.find((f) => f.path.endsWith('.js')).text);
  if (uses.length > 0) {
    throw new Error(`build: the web extension bundle uses Node globals the web worker host does not have:\n  ${uses.join('\n  ')}`);
  }
  mkdirSync(join(root, 'dist', 'web'), { recursive: true });
  await esbuild.build({ ...options, outfile: 'dist/web/extension.js' });
  return { ...options, outfile: 'dist/web/extension.js' };
}

/**
 * The text colour of the formula images per theme variant: the hover's palette (src/features/hover/sparkline.ts,
 * light and dark theme kinds; a unit test checks they agree). High-contrast themes recolour the light file.
 */
export const FORMULA_SVG_COLORS = { light: '#1f1f1f', dark: '#e6e6e6' };

/**
 * Writes the formula SVG table (written by scripts/prerender-formulas.mjs) as image files the hover links to
 * by URI, dist/formulaSvgs/<id>.<f|df>.<light|dark>.svg (glyphs already in the theme's text colour: an <img>
 * cannot inherit it), plus dist/formulaSvgs/index.json ({ colors, ids }), which the host reads once. The
 * Markdown that crosses the extension-host boundary then carries a short URI instead of ~14 KB of base64.
 * Returns the number of functions, 0 when there is no table (a build without prerendering: the hover shows
 * the LaTeX).
 */
export function copyFormulaSvgs(root) {
  const source = join(root, 'generated', 'formulaSvgs.json');
  if (!existsSync(source)) return 0;
  const table = JSON.parse(readFileSync(source, 'utf8'));
  const dir = join(root, 'dist', 'formulaSvgs');
  mkdirSync(dir, { recursive: true });
  for (const [id, svgs] of Object.entries(table)) {
    if (!/^[a-z0-9_]+$/.test(id)) throw new Error(`build: formula id ${JSON.stringify(id)} cannot name a file`);
    for (const image of ['f', 'df']) {
      if (!svgs[image]?.includes('"currentColor"')) throw new Error(`build: the ${image} image of ${id} has no currentColor to recolour`);
      for (const [variant, color] of Object.entries(FORMULA_SVG_COLORS)) {
        writeFileSync(join(dir, `${id}.${image}.${variant}.svg`), svgs[image].replace(/"currentColor"/g, `"${color}"`));
      }
    }
  }
  writeFileSync(join(dir, 'index.json'), JSON.stringify({ colors: FORMULA_SVG_COLORS, ids: Object.keys(table) }));
  return Object.keys(table).length;
}
