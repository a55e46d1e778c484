// Builds every bundle: the numeric core (dist/core.js), the formula SVGs the hover shows (prerendered
// from the catalogue's LaTeX with MathJax, so no math engine runs at hover time), the extension host
// bundle (dist/extension.js) and the webview bundle (dist/webview/). Type-checking is `npm run typecheck`.
import * as esbuild from 'esbuild';
import { existsSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const production = process.argv.includes('--production');
const common = { bundle: true, sourcemap: !production, minify: production, logLevel: 'warning', absWorkingDir: root };

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

await esbuild.build({
  ...common,
  entryPoints: ['src/extension.ts'],
  outfile: 'dist/extension.js',
  platform: 'node',
  format: 'cjs',
  external: ['vscode'],
  target: 'node20',
});

if (existsSync(join(root, 'webview', 'main.ts'))) {
  await esbuild.build({
    ...common,
    entryPoints: { main: 'webview/main.ts' },
    outdir: 'dist/webview',
    platform: 'browser',
    format: 'iife',
    target: 'chrome120',
    loader: { '.woff2': 'file', '.woff': 'empty', '.ttf': 'empty' },
    assetNames: 'fonts/[name]',
  });
}
console.log(`build: dist/ ready${production ? ' (production)' : ''}`);
