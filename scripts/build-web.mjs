// The web extension's part of the build (called by scripts/build.mjs):
//
// - dist/web/extension.js: the same src/extension.ts bundled for the *web worker* extension host
//   (vscode.dev, github.dev, Codespaces in a browser, code-server's Extension Host (Worker)): esbuild
//   platform 'browser', CommonJS (the worker host loads it with `(module, exports, require)`), `vscode` external.
// - dist/web/features.mjs: the features no hover or lint needs (playground, gradient checks, signal
//   propagation), loaded right after activation by src/host/lazyFeatures.ts; it shares the modules of the
//   first bundle instead of copying them.
// - a check that fails the build when either bundle reaches for Node: an import of a Node built-in (fs, path,
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
import { join, relative } from 'node:path';

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

/**
 * The erf/erfc the core uses come from @stdlib, whose helpers carry polyfills for engines without typed
 * arrays or Object.defineProperty (with their feature tests and formatted error messages): ~15 KB of the
 * host bundle that no host running this extension executes past the feature test. Each such helper is
 * answered with the built-in it falls back from, which is what it returns on every ES2015 engine; the
 * numerical code (erf, erfc, exp, ldexp, the word splitting) is bundled unchanged.
 */
const STDLIB_BUILTINS = {
  '@stdlib/array-float64': 'module.exports = Float64Array;',
  '@stdlib/array-float32': 'module.exports = Float32Array;',
  '@stdlib/array-uint32': 'module.exports = Uint32Array;',
  '@stdlib/array-uint16': 'module.exports = Uint16Array;',
  '@stdlib/array-uint8': 'module.exports = Uint8Array;',
  '@stdlib/utils-define-property': 'module.exports = Object.defineProperty;',
  '@stdlib/utils-define-nonenumerable-read-only-property':
    'module.exports = function (obj, prop, value) { Object.defineProperty(obj, prop, { configurable: false, enumerable: false, writable: false, value: value }); };',
  '@stdlib/assert-is-little-endian': 'module.exports = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;',
};
export function stdlibBuiltins() {
  return {
    name: 'stdlib-builtins',
    setup(build) {
      const filter = new RegExp(`^(${Object.keys(STDLIB_BUILTINS).map((name) => name.replace(/[/-]/g, '\\$&')).join('|')})$`);
      build.onResolve({ filter }, (args) => ({ path: args.path, namespace: 'stdlib-builtin' }));
      build.onLoad({ filter: /.*/, namespace: 'stdlib-builtin' }, (args) => ({ contents: STDLIB_BUILTINS[args.path], loader: 'js' }));
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

/** The features bundle's entry and file, and what its default export wraps (see src/host/lazyFeatures.ts). */
const FEATURES_ENTRY = 'src/features/lazy.ts';
const FEATURES_FILE = 'dist/web/features.mjs';
const SHARED_PREFIX = 'dlfp-shared:';
const SHARED_MODULES = 'dlfp:shared-modules';

/**
 * `dlfp:shared-modules` for the main bundle: every main-bundle module the features bundle imports, by the
 * name the features bundle's `require` asks for, with the exports it reads (live, through getters), so the
 * main bundle keeps only what one of the two uses. `shared` maps each file to its export names, or to '*' for
 * the whole namespace; empty in the first pass, which only finds the main bundle's modules.
 */
function sharedModulesModule(root, shared) {
  return {
    name: 'shared-modules',
    setup(build) {
      build.onResolve({ filter: /^dlfp:shared-modules$/ }, () => ({ path: SHARED_MODULES, namespace: 'dlfp-shared-modules' }));
      build.onLoad({ filter: /.*/, namespace: 'dlfp-shared-modules' }, () => {
        const imports = [];
        const entries = [];
        [...shared].forEach(([file, names], i) => {
          const from = JSON.stringify(`./${file}`);
          if (names === '*') {
            imports.push(`import * as m${i} from ${from};`);
            entries.push(`${JSON.stringify(SHARED_PREFIX + file)}: m${i}`);
          } else {
            imports.push(`import { ${[...names].map((n, j) => `${n} as m${i}_${j}`).join(', ')} } from ${from};`);
            entries.push(`${JSON.stringify(SHARED_PREFIX + file)}: { ${[...names].map((n, j) => `get ${n}() { return m${i}_${j}; }`).join(', ')} }`);
          }
        });
        return { resolveDir: root, loader: 'js', contents: [...imports, `export const sharedModules = { ${entries.join(', ')} };`].join('\n') };
      });
    },
  };
}

/**
 * What the features bundle reads of each shared module, from its unminified text: esbuild writes
 * `var import_x = require("dlfp-shared:<file>")` and reads `import_x.name`; a module it uses any other way
 * (a namespace passed around) is shared whole.
 */
function sharedExports(code) {
  const shared = new Map();
  for (const declaration of code.matchAll(/var (\w+) = (?:__toESM\()?require\("dlfp-shared:([^"]+)"\)/g)) {
    const [, variable, file] = declaration;
    const at = declaration.index + 'var '.length;
    const uses = [...code.matchAll(new RegExp(`\\b${variable}\\b(\\.\\w+)?`, 'g'))].filter((use) => use.index !== at);
    const names = uses.every((use) => use[1]) ? uses.map((use) => use[1].slice(1)) : '*';
    const known = shared.get(file) ?? new Set();
    shared.set(file, names === '*' || known === '*' ? '*' : new Set([...known, ...names]));
  }
  return new Map([...shared].sort(([a], [b]) => a.localeCompare(b)));
}

/**
 * For the features bundle: an import of a src/ or @stdlib module the main bundle already has becomes
 * `require('dlfp-shared:<path>')`, answered at load time with the main bundle's instance; anything else
 * is bundled as usual.
 */
function shareWithMain(root, mainInputs) {
  return {
    name: 'share-with-main',
    setup(build) {
      // Relative imports, and the @stdlib packages both bundles use (erf, exp…), which are otherwise bundled twice.
      build.onResolve({ filter: /^(?:\.\.?\/|@stdlib\/)/ }, async (args) => {
        if (args.pluginData?.sharing) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: { sharing: true } });
        if (resolved.errors.length > 0) return { errors: resolved.errors };
        const file = relative(root, resolved.path).split('\\').join('/');
        return (file.startsWith('src/') || file.startsWith('node_modules/@stdlib/')) && mainInputs.has(file) ? { path: SHARED_PREFIX + file, external: true } : { path: resolved.path };
      });
    },
  };
}

/** Builds `options` once unminified with every free Node global renamed to a marker, and fails on any use. */
async function checkNoNode(options, what) {
  // esbuild's `define` replaces only unbound identifiers, so locals and strings named "process" are left alone.
  const check = await esbuild.build({
    ...options,
    minify: false,
    sourcemap: false,
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { ...(options.define ?? {}), ...Object.fromEntries(NODE_GLOBALS.map((name) => [name, `${MARKER}${name}`])) },
  }).catch((error) => {
    throw new Error(`build: the ${what} failed:\n${(error.errors ?? []).map((e) => `  ${e.text}`).join('\n') || error.message}`);
  });
  const text = check.outputFiles.find((f) => f.path.endsWith('.js') || f.path.endsWith('.mjs')).text;
  const uses = nodeGlobalUses(text);
  if (uses.length > 0) {
    throw new Error(`build: the ${what} uses Node globals the web worker host does not have:\n  ${uses.join('\n  ')}`);
  }
  return { metafile: check.metafile, text };
}

/**
 * Builds the two host bundles with the caller's common options (sourcemap, minify, define, …), after checking
 * that neither needs Node: dist/web/extension.js from src/extension.ts (the manifest's `main` and `browser`)
 * and dist/web/features.mjs from src/features/lazy.ts (loaded after activation, src/host/lazyFeatures.ts),
 * whose imports of modules the first already has are pointed at the first's instances. Three passes: the
 * main bundle's modules, then the features bundle (which of them it uses), then the main bundle exporting
 * those. Returns the main bundle's options (for --watch, which redoes all three on every change).
 */
export async function buildWebExtension(root, common, { analyze = false } = {}) {
  const base = {
    ...common,
    platform: 'browser',
    format: 'cjs',
    mainFields: ['browser', 'module', 'main'],
    external: ['vscode'],
    target: 'es2022',
  };
  const mainOptions = (shared) => ({
    ...base,
    entryPoints: ['src/extension.ts'],
    outfile: 'dist/web/extension.js',
    plugins: [...(common.plugins ?? []), noNodeBuiltins(), stdlibBuiltins(), sharedModulesModule(root, shared)],
  });
  const mainInputs = new Set(Object.keys((await checkNoNode(mainOptions(new Map()), 'web extension bundle')).metafile.inputs));
  const featuresOptions = {
    ...base,
    entryPoints: [FEATURES_ENTRY],
    outfile: FEATURES_FILE,
    // An ES module whose default export runs the CommonJS bundle with the `require` it is given.
    banner: { js: 'export default function (require) { const module = { exports: {} }, exports = module.exports;' },
    footer: { js: 'return module.exports; }' },
    plugins: [...(common.plugins ?? []), noNodeBuiltins(), stdlibBuiltins(), shareWithMain(root, mainInputs)],
  };
  const shared = sharedExports((await checkNoNode(featuresOptions, 'features bundle')).text);
  mkdirSync(join(root, 'dist', 'web'), { recursive: true });
  const features = await esbuild.build({ ...featuresOptions, metafile: analyze });
  const options = mainOptions(shared);
  const main = await esbuild.build({ ...options, metafile: analyze });
  if (analyze) {
    printBreakdown(main.metafile);
    printBreakdown(features.metafile);
  }
  return options;
}

/** `--analyze`: each host bundle's bytes by folder and its largest files (esbuild's metafile, as written). */
function printBreakdown(metafile) {
  for (const [file, output] of Object.entries(metafile.outputs)) {
    if (!output.entryPoint) continue;
    const inputs = Object.entries(output.inputs).map(([path, { bytesInOutput }]) => [path, bytesInOutput]);
    const folders = new Map();
    for (const [path, bytes] of inputs) {
      const folder = path.startsWith('node_modules/') ? path.split('/').slice(0, 2).join('/').replace(/\/[^/]*$/, '/*') : path.split('/').slice(0, path.startsWith('src/core/') || path.startsWith('src/features/') ? 3 : 2).join('/');
      folders.set(folder, (folders.get(folder) ?? 0) + bytes);
    }
    const kb = (n) => `${(n / 1000).toFixed(1).padStart(6)} KB`;
    console.log(`\n${file}: ${kb(output.bytes)} (by source; the rest is esbuild's module glue)`);
    for (const [folder, bytes] of [...folders].sort((a, b) => b[1] - a[1])) console.log(`  ${kb(bytes)}  ${folder}`);
    console.log('  largest files:');
    for (const [path, bytes] of inputs.sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${kb(bytes)}  ${path}`);
  }
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

/**
 * dist/catalogue/prose.json: the catalogue's prose (src/core/catalogue/prose.ts), which the host bundles do
 * not carry; the hover reads it on first use (src/features/hover/catalogueProse.ts). Returns its size.
 */
export async function writeCatalogueProse(root) {
  const built = await esbuild.build({ entryPoints: ['src/core/catalogue/prose.ts'], absWorkingDir: root, bundle: true, format: 'esm', platform: 'neutral', write: false, logLevel: 'silent' });
  const { catalogueProse } = await import(`data:text/javascript;base64,${Buffer.from(built.outputFiles[0].text).toString('base64')}`);
  const json = JSON.stringify(catalogueProse);
  mkdirSync(join(root, 'dist', 'catalogue'), { recursive: true });
  writeFileSync(join(root, 'dist', 'catalogue', 'prose.json'), json);
  return json.length;
}
