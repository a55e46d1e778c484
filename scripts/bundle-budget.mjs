// The bundle budget, printed after `npm run package` (and by `node scripts/bundle-budget.mjs [file.vsix]`):
// the extension host's JavaScript for each entry (`main` for the desktop/remote Node host, `browser` for the
// web worker host — one file for both since the .vsix ships it once; assets such as dist/formulaSvgs/ excluded) ≤ 300 KB minified, each webview page's
// JavaScript ≤ 250 KB (what its first paint waits for; files it loads later, like KaTeX, listed apart),
// the .vsix ≤ 1 MB. Sizes are of the files as built (KB = 1,000 bytes); an entry over budget is marked ✗
// and counted on the last line (printed, not enforced: the .vsix is already written when this runs).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './code-server.mjs';

const KB = 1000;
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const at = (file) => (isAbsolute(file) ? file : join(repoRoot, file));
const size = (file) => statSync(at(file)).size;
const gzip = (file) => gzipSync(readFileSync(at(file))).length;
const rows = [];
function row(what, file, budgetKb) {
  if (!existsSync(at(file))) {
    rows.push({ what, file, missing: true, budgetKb });
    return;
  }
  rows.push({ what, file, bytes: size(file), gz: file.endsWith('.vsix') ? undefined : gzip(file), budgetKb });
}

const main = manifest.main?.replace(/^\.\//, '');
const browser = manifest.browser?.replace(/^\.\//, '');
if (main && main === browser) row('host JS, main = browser (one file, both hosts)', main, 300);
else {
  if (main) row('host JS, main (Node host)', main, 300);
  if (browser) row('host JS, browser (web worker host)', browser, 300);
}
// The host's second bundle, loaded right after activation (src/host/lazyFeatures.ts): listed, no budget of its own.
row('host JS loaded after activation (features)', 'dist/web/features.mjs', undefined);
// Each webview page's JavaScript before its first paint: the Chart.js every page runs first (chartjs.js) and
// its own script, budgeted together. KaTeX and the core's preview are loaded after the first paint (listed).
const library = 'dist/webview/chartjs.js';
const pages = { 'playground page JS': 'dist/webview/main.js', 'results view page JS': 'dist/webview/gradcheck.js', 'Formula view page JS': 'dist/webview/formulaView.js', 'Signal Propagation page JS': 'dist/webview/signal.js' };
const later = { 'katex.js': 'KaTeX', 'corePreview.js': "the core's preview" };
row('Chart.js, shared by every page (run first)', library, undefined);
for (const [what, file] of Object.entries(pages)) {
  if (!existsSync(at(file)) || !existsSync(at(library))) {
    row(what, file, 250);
    continue;
  }
  const bytes = size(library) + size(file);
  const gz = gzipSync(Buffer.concat([readFileSync(at(library)), readFileSync(at(file))])).length;
  rows.push({ what: `${what} (chartjs.js + its own)`, file, bytes, gz, budgetKb: 250 });
}
for (const name of existsSync(join(repoRoot, 'dist', 'webview')) ? readdirSync(join(repoRoot, 'dist', 'webview')) : []) {
  const file = `dist/webview/${name}`;
  if (!name.endsWith('.js') || file === library || Object.values(pages).includes(file)) continue;
  row(`webview JS ${name}${later[name] ? ` (${later[name]}, loaded after the first paint)` : ''}`, file, later[name] ? undefined : 250);
}
const svgDir = join(repoRoot, 'dist', 'formulaSvgs');
if (existsSync(svgDir)) {
  const files = readdirSync(svgDir);
  const bytes = files.reduce((n, f) => n + statSync(join(svgDir, f)).size, 0);
  rows.push({ what: `assets: formula images, ${files.length} files (linked from the hover)`, file: 'dist/formulaSvgs/', bytes, budgetKb: undefined });
}
const prose = 'dist/catalogue/prose.json';
if (existsSync(at(prose))) rows.push({ what: "assets: the catalogue's prose (read on the first hover)", file: prose, bytes: size(prose), budgetKb: undefined });
const vsix = process.argv[2] ?? `${manifest.name}-${manifest.version}.vsix`;
row('.vsix', vsix, 1000);

let over = 0;
console.log('\nBundle budget (KB = 1,000 bytes; minified sizes as shipped, gzip for reference):');
for (const r of rows) {
  if (r.missing) {
    console.log(`  ? ${r.what.padEnd(48)} ${r.file} not built`);
    continue;
  }
  const kb = (r.bytes / KB).toFixed(1).padStart(7);
  const gz = r.gz === undefined ? '' : ` (gzip ${(r.gz / KB).toFixed(1)} KB)`;
  const ok = r.budgetKb === undefined || r.bytes <= r.budgetKb * KB;
  if (!ok) over++;
  const budget = r.budgetKb === undefined ? '' : ` / ${r.budgetKb} KB`;
  console.log(`  ${r.budgetKb === undefined ? ' ' : ok ? '✓' : '✗'} ${r.what.padEnd(48)} ${kb} KB${budget}${gz}  ${r.file}`);
}
console.log(over > 0 ? `  ${over} over budget` : '  all within budget');
