// `npm test`: every test stage in order (lint, typecheck, unit, integration, e2e, web), each printing its name
// and wall time, stopping at the first failure. Before the browser stages it makes sure the Debian packages
// they need are there (installing them with apt-get as root when missing), so a clean machine with Node 20
// and npm works. Ends with one "total: N passed, N failed" line summing the stages' test counts.
import { spawn } from 'node:child_process';
import { BROWSER_PACKAGES, INSTALL_PACKAGES, ensureSystemPackages, repoRoot } from './code-server.mjs';
import { closingLine } from './test-report.mjs';

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const stages = [
  { name: 'lint', command: [npm, 'run', 'lint'] },
  { name: 'typecheck', command: [npm, 'run', 'typecheck'] },
  { name: 'unit', command: [npm, 'run', 'test:unit'] },
  { name: 'integration', command: [npm, 'run', 'test:integration'], browser: true },
  // The integration stage has just built dist/ and compiled out/; the e2e stage reuses them.
  { name: 'e2e', command: [npm, 'run', 'test:e2e'], browser: true, env: { DLFP_SKIP_BUILD: '1' } },
  // The same dist/ in the web worker extension host (vscode.dev / github.dev): a copy without `main`.
  { name: 'web', command: [npm, 'run', 'test:web'], browser: true, env: { DLFP_SKIP_BUILD: '1' } },
];

/** Runs a command, echoing its output, and resolves with its exit code and what it printed. */
function runStage([command, ...args], env = {}) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk) => {
      output += chunk;
      process.stderr.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 127, output: `${output}\n${error.message}` }));
    child.on('exit', (code, signal) => resolve({ code: code ?? (signal ? 128 : 1), output }));
  });
}

/** The test counts a stage printed: our "N passed, N failed" line, else mocha's "N passing" / "N failing". */
function countTests(output) {
  const plain = output.replace(/\x1b\[[0-9;]*m/g, ''); // eslint-disable-line no-control-regex
  const ours = [...plain.matchAll(/^(\d+) passed, (\d+) failed/gm)].at(-1);
  if (ours) return { passes: Number(ours[1]), failures: Number(ours[2]) };
  const passing = [...plain.matchAll(/^\s*(\d+) passing/gm)].at(-1);
  const failing = [...plain.matchAll(/^\s*(\d+) failing/gm)].at(-1);
  if (passing || failing) return { passes: Number(passing?.[1] ?? 0), failures: Number(failing?.[1] ?? 0) };
  return undefined;
}

const seconds = (ms) => `${(ms / 1000).toFixed(1)} s`;
const timings = [];
let passes = 0;
let failures = 0;
let failed;
const started = performance.now();

for (const stage of stages) {
  console.log(`\n=== npm test: ${stage.name} (${stage.command.slice(1).join(' ')}) ===`);
  const stageStart = performance.now();
  if (stage.browser && !timings.some((t) => t.browser)) {
    try {
      ensureSystemPackages([...INSTALL_PACKAGES, ...BROWSER_PACKAGES]);
    } catch (error) {
      failed = { stage: stage.name, reason: error.message };
      timings.push({ name: stage.name, ms: performance.now() - stageStart, ok: false, browser: true });
      break;
    }
  }
  const { code, output } = await runStage(stage.command, stage.env);
  const ms = performance.now() - stageStart;
  const counts = countTests(output);
  if (counts) {
    passes += counts.passes;
    failures += counts.failures;
  }
  timings.push({ name: stage.name, ms, ok: code === 0, browser: stage.browser });
  console.log(`=== ${stage.name}: ${code === 0 ? 'passed' : `FAILED (exit code ${code})`} in ${seconds(ms)} ===`);
  if (code !== 0) {
    failed = { stage: stage.name, reason: `"npm ${stage.command.slice(1).join(' ')}" exited with code ${code}` };
    if (!counts || counts.failures === 0) failures += 1;
    break;
  }
}

console.log('\n=== npm test: wall time per stage ===');
for (const t of timings) console.log(`  ${t.ok ? '✓' : '✗'} ${t.name.padEnd(12)} ${seconds(t.ms).padStart(8)}`);
const notRun = stages.slice(timings.length).map((s) => s.name);
if (notRun.length > 0) console.log(`  not run: ${notRun.join(', ')}`);
console.log(`  total        ${seconds(performance.now() - started).padStart(8)}`);
if (failed) console.log(`\nnpm test failed at stage "${failed.stage}": ${failed.reason}`);
console.log(`total: ${closingLine(passes, failures)}`);
process.exit(failed ? 1 : 0);
