// Runs the benchmarks in bench/ one after another: core first, then recognize and formula, then any other
// bench/*.bench.{ts,mjs,js}. TypeScript benches are bundled on the fly with esbuild (platform node, tfjs left
// external) into out/bench/, so no tsc step is needed. Expects dist/ to be built (`npm run bench` does that).
// Usage: node scripts/run-bench.mjs [name …]   (names filter the benches, e.g. `core`)
import * as esbuild from 'esbuild';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const benchDir = join(root, 'bench');
const outDir = join(root, 'out', 'bench');
const ORDER = ['core', 'recognize', 'formula'];
const pattern = /^(.+)\.bench\.(ts|mjs|cjs|js)$/;

if (!existsSync(join(root, 'dist', 'core.js'))) {
  console.error('run-bench: dist/core.js is missing; run `npm run build` first (or `npm run bench`, which does)');
  process.exit(1);
}

const wanted = process.argv.slice(2);
const benches = (existsSync(benchDir) ? readdirSync(benchDir) : [])
  .map((file) => file.match(pattern))
  .filter((m) => m !== null)
  .map(([file, name, ext]) => ({ file, name, ext }))
  .filter(({ name }) => wanted.length === 0 || wanted.includes(name))
  .sort((a, b) => rank(a.name) - rank(b.name) || a.name.localeCompare(b.name));

function rank(name) {
  const i = ORDER.indexOf(name);
  return i === -1 ? ORDER.length : i;
}

if (benches.length === 0) {
  console.error(`run-bench: no benchmarks${wanted.length ? ` named ${wanted.join(', ')}` : ''} in bench/`);
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const { file, name, ext } of benches) {
  let script = join(benchDir, file);
  if (ext === 'ts') {
    script = join(outDir, `${name}.bench.bundle.cjs`);
    await esbuild.build({
      entryPoints: [join(benchDir, file)],
      outfile: script,
      bundle: true,
      platform: 'node',
      format: 'cjs',
      target: 'node20',
      external: ['@tensorflow/*'],
      sourcemap: 'inline',
      logLevel: 'warning',
      absWorkingDir: root,
    });
  }
  console.log(`\n=== bench/${file} ===\n`);
  const started = Date.now();
  const run = spawnSync(process.execPath, ['--enable-source-maps', script], { cwd: root, stdio: 'inherit' });
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (run.status !== 0) {
    failed++;
    console.error(`run-bench: bench/${file} failed (exit ${run.status ?? run.signal}) after ${seconds} s`);
  } else console.log(`\n(bench/${file}: ${seconds} s)`);
}
process.exitCode = failed ? 1 : 0;
