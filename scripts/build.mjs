// Builds every bundle: the numeric core (dist/core.js, for scripts and benchmarks; not in the .vsix), the
// formula SVGs the hover shows (prerendered from the catalogue's LaTeX with MathJax, so no math engine runs
// at hover time), the extension host bundles (dist/web/extension.js and the features loaded after activation,
// dist/web/features.mjs; both hosts) and the webview bundles (dist/webview/). Type-checking is `npm run typecheck`.
// `--production`: minified, no source maps, no test probes (the .vsix). `--analyze`: also prints each host
// bundle's bytes by source folder and its largest files (with --production: as shipped). `--watch` (npm run watch, F5's
// pre-launch task): after the full build, rebuilds the extension host bundle and the webviews on every save.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const watch = process.argv.includes('--watch');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', absWorkingDir: root };

// A fresh dist/ each time, so a production build (the .vsix) carries no source maps from an earlier one.
rmSync(join(root, 'dist'), { recursive: true, force: true });
mkdirSync(join(root, 'dist'), { recursive: true });

await esbuild.build({
  ...common,
  entryPoints: ['src/core/index.ts'],
  outfile: 'dist/core.js',
  platform: 'neutral',
  format: 'cjs',
  mainFields: ['main', 'module'],
  target: 'es2022',
});

// The hover's formula images come from the core's catalogue, so they are rendered after dist/core.js.
const prerender = join(root, 'scripts', 'prerender-formulas.mjs');
if (existsSync(prerender)) await (await import(prerender)).prerenderFormulas(root);

// The extension host bundle: ONE file for both hosts, dist/web/extension.js, the manifest's `main` (desktop
// and remote Node host) and `browser` (web worker host). It is built for the browser (no Node built-ins or
// globals, checked) and runs unchanged in Node, so the .vsix ships it once instead of twice (~135 KB zipped).
// The formula images both hosts link the hover to are written beside it (dist/formulaSvgs/), and the
// catalogue's prose the hover reads on first use (dist/catalogue/prose.json), which the bundle leaves out.
const web = await import('./build-web.mjs');
web.copyFormulaSvgs(root);
await web.writeCatalogueProse(root);
const extensionOptions = await web.buildWebExtension(root, common, { analyze: process.argv.includes('--analyze') });

/**
 * KaTeX's fonts that no formula here uses: the LaTeX comes from the catalogue and from the formula parser's
 * printer (src/core/formula), which write \operatorname, \mathit, \text and symbols of the Main, Math and
 * Size fonts only — never \mathcal, \mathfrak, \mathscr, \mathsf, \mathtt, \mathbb or AMS symbols, nor
 * bold (\mathbf, \boldsymbol). Their @font-face rules get an empty file instead of ~180 KB of fonts in the
 * .vsix (a stray use would fall back to a system font, not break).
 */
function unusedKatexFonts() {
  return {
    name: 'unused-katex-fonts',
    setup(build) {
      build.onResolve({ filter: /KaTeX_(?:(?:Caligraphic|Fraktur|SansSerif|Script|Typewriter|AMS)-\w+|Main-Bold(?:Italic)?|Math-BoldItalic)\.woff2$/ }, (args) => ({ path: args.path, namespace: 'unused-font' }));
      build.onLoad({ filter: /.*/, namespace: 'unused-font' }, () => ({ contents: '', loader: 'empty' }));
    },
  };
}

/**
 * The pages' imports of 'chart.js' and 'chartjs-plugin-zoom' read the one copy webview/shared/chartLibrary.ts
 * puts on `window` (dist/webview/chartjs.js, which each page runs before its own script): the names that file
 * imports from 'chart.js' (its one list) are re-exported here, so a page that asks for anything else fails to
 * build instead of at run time. The library's own imports (and Chart.js's from inside node_modules) resolve as usual.
 */
function chartLibraryNames() {
  const source = readFileSync(join(root, 'webview', 'shared', 'chartLibrary.ts'), 'utf8');
  const names = /import \{([^}]*)\} from 'chart\.js';/.exec(source)?.[1].split(',').map((name) => name.trim()).filter(Boolean);
  if (!names?.length) throw new Error("webview/shared/chartLibrary.ts: no `import { … } from 'chart.js'` to take the pages' names from");
  return names;
}
function chartFromLibrary() {
  const names = chartLibraryNames();
  return {
    name: 'chart-from-library',
    setup(build) {
      build.onResolve({ filter: /^(chart\.js|chartjs-plugin-zoom)$/ }, (args) => {
        if (args.importer.includes('node_modules') || args.importer.endsWith(join('webview', 'shared', 'chartLibrary.ts'))) return undefined;
        return { path: args.path, namespace: 'chart-library' };
      });
      build.onLoad({ filter: /.*/, namespace: 'chart-library' }, (args) => ({
        loader: 'js',
        contents:
          args.path === 'chart.js'
            ? `const lib = window.__dlfpChartJs;\n${names.map((name) => `export const ${name} = lib.${name};`).join('\n')}\n`
            : 'export default window.__dlfpChartJs.zoomPlugin;\n',
      }));
    },
  };
}

// One bundle per webview page (main: the playground, gradcheck, formulaView, signal), each run after chartjs.js,
// the Chart.js they share; KaTeX (katex.js) and the core's preview (corePreview.js) are loaded after a first paint.
const webviewEntries = Object.fromEntries(
  Object.entries({ main: 'webview/playground/main.ts', chartjs: 'webview/shared/chartLibrary.ts', katex: 'webview/shared/katexGlobal.ts', gradcheck: 'webview/gradcheck/main.ts', formulaView: 'webview/formulaView/main.ts', corePreview: 'webview/shared/corePreview.ts', signal: 'webview/playground/signal.ts' }).filter(([, file]) =>
    existsSync(join(root, file)),
  ),
);
const webviewOptions = {
  ...common,
  entryPoints: webviewEntries,
  // Always minified: a webview loads its bundle through VS Code's resource loader on every open and reload.
  minify: true,
  // The e2e suite's probes (webview/shared/testBuild.d.ts) exist in development and test builds only.
  define: { TEST_PROBES: production ? 'false' : 'true' },
  outdir: 'dist/webview',
  platform: 'browser',
  format: 'iife',
  target: 'chrome120',
  loader: { '.woff2': 'file', '.woff': 'empty', '.ttf': 'empty' },
  assetNames: 'fonts/[name]',
  plugins: [unusedKatexFonts(), chartFromLibrary()],
};
if (Object.keys(webviewEntries).length > 0) await esbuild.build(webviewOptions);
console.log(`build: dist/ ready${production ? ' (production)' : ''}`);

if (watch) {
  // The core bundle, the formula SVGs and the web bundle change with the catalogue: `npm run build` redoes them.
  // The host bundles are two that share modules (scripts/build-web.mjs): a change rebuilds both, so the
  // extension's watch only notices changes (write: false) and redoes the whole host build.
  const rebuildHost = { name: 'rebuild-host', setup: (b) => b.onEnd(() => web.buildWebExtension(root, common).catch((e) => console.error(e.message))) };
  const watched = [{ ...extensionOptions, write: false, plugins: [...extensionOptions.plugins, rebuildHost] }, webviewOptions];
  for (const options of watched) {
    const context = await esbuild.context({ ...options, logLevel: 'info' });
    await context.watch();
  }
  console.log('build: watching src/ and webview/ (Ctrl+C stops)');
}
