// Builds every bundle: the numeric core (dist/core.js), the formula SVGs the hover shows (prerendered
// from the catalogue's LaTeX with MathJax, so no math engine runs at hover time), the extension host
// bundle (dist/extension.js) and the webview bundle (dist/webview/). Type-checking is `npm run typecheck`.
// `--production`: minified, no source maps, no test probes (the .vsix). `--watch` (npm run watch, F5's
// pre-launch task): after the full build, rebuilds the extension host bundle and the webviews on every save.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
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

const extensionOptions = {
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
  target: 'node20',
};
await esbuild.build(extensionOptions);

// The web extension (dist/web/extension.js, the manifest's `browser` entry) and the SVG asset both hosts read.
const web = await import('./build-web.mjs');
web.copyFormulaSvgs(root);
await web.buildWebExtension(root, common);

// One bundle per webview: the playground (main, with KaTeX split out as katex.js, loaded async) and the
// gradient-check results view (gradcheck).
const webviewEntries = Object.fromEntries(
  Object.entries({ main: 'webview/playground/main.ts', katex: 'webview/shared/katexGlobal.ts', gradcheck: 'webview/gradcheck/main.ts', formulaView: 'webview/formulaView/main.ts', formulaViewPreview: 'webview/formulaView/preview.ts', signal: 'webview/playground/signal.ts' }).filter(([, file]) =>
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
};
if (Object.keys(webviewEntries).length > 0) await esbuild.build(webviewOptions);
console.log(`build: dist/ ready${production ? ' (production)' : ''}`);

if (watch) {
  // The core bundle, the formula SVGs and the web bundle change with the catalogue: `npm run build` redoes them.
  for (const options of [extensionOptions, webviewOptions]) {
    const context = await esbuild.context({ ...options, logLevel: 'info' });
    await context.watch();
  }
  console.log('build: watching src/ and webview/ (Ctrl+C stops)');
}
