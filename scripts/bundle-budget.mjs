// The bundle budget, printed after `npm run package` (and by `node scripts/bundle-budget.mjs [file.vsix]`):
// the extension host's JavaScript for each entry (`main` for the desktop/remote Node host, `browser` for the
// web worker host; assets such as dist/formulaSvgs.json excluded) ≤ 300 KB minified, each webview page's
// JavaScript ≤ 250 KB (what its first paint waits for; files it loads later, like KaTeX, listed apart),
// the .vsix ≤ 1 MB. Sizes are of the files as built (KB = 1,000 bytes); an entry over budget is marked ✗
// and counted on the last line (printed, not enforced: the .vsix is already written when this runs).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { repoRoot } from './code-server.mjs';

const KB = 1000;
const manifest = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const size = (file) => statSync(join(repoRoot, file)).size;
const gzip = (file) => gzipSync(readFileSync(join(repoRoot, file))).length;
const rows = [];
function row(what, file, budgetKb) {
  if (!existsSync(join(repoRoot, file))) {
    rows.push({ what, file, missing: true, budgetKb });
    return;
  }
  rows.push({ what, file, bytes: size(file), gz: file.endsWith('.vsix') ? undefined : gzip(file), budgetKb });
}

row('host JS, main (Node host)', manifest.main.replace(/^\.\//, ''), 300);
if (manifest.browser) row('host JS, browser (web worker host)', manifest.browser.replace(/^\.\//, ''), 300);
// Each webview page's own script (the first paint waits for it); KaTeX is loaded after the first paint.
const pages = { 'playground page JS': 'dist/webview/main.js', 'results view page JS': 'dist/webview/gradcheck.js' };
for (const [what, file] of Object.entries(pages)) row(what, file, 250);
for (const name of existsSync(join(repoRoot, 'dist', 'webview')) ? readdirSync(join(repoRoot, 'dist', 'webview')) : []) {
  const file = `dist/webview/${name}`;
  if (name.endsWith('.js') && !Object.values(pages).includes(file)) row(`webview JS ${name}${name === 'katex.js' ? ' (deferred)' : ''}`, file, 250);
}
const svgDir = join(repoRoot, 'dist', 'formulaSvgs');
if (existsSync(svgDir)) {
  const files = readdirSync(svgDir);
  const bytes = files.reduce((n, f) => n + statSync(join(svgDir, f)).size, 0);
  rows.push({ what: `assets: formula SVGs, ${files.length} files (one read per function hovered)`, file: 'dist/formulaSvgs/', bytes, budgetKb: undefined });
}
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
