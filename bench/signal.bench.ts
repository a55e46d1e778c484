/**
 * Gaussian moments by quadrature against a naive Monte-Carlo estimate, for every elementwise activation on a
 * GRID×GRID grid of (σ_w², σ_b²) (default 100×100, σ_w² in [0.1, 4], σ_b² in [0, 1]): at each point the three
 * moments E[φ(√q z)], E[φ(√q z)²], E[φ′(√q z)²] of the first layer's pre-activation, q = σ_w² + σ_b²
 * (unit-variance input).
 *
 * The quadrature's accuracy is 1e−12 relative (test/unit/signal.test.ts against mpmath). Monte-Carlo's error is
 * sd/√n, so "equal accuracy" is out of reach: the table prints the time Monte-Carlo needs for 1e−3 (the worst
 * of the three moments' relative standard errors at 1e−3, n from the sample variance; measured on a 10×10
 * subgrid with the core's own batch φ and φ′, scaled to the grid; the mean's error relative to E|φ|, as the
quadrature's) and, extrapolated by n ∝ 1/ε², for 1e−12.
 *
 * Run: `npm run bench` (or `node scripts/run-bench.mjs signal`). BENCH_SIGNAL_GRID overrides the grid size.
 * Times are CPU time; the machine's load is printed with them, and nothing is asserted.
 */
import { cpus, loadavg } from 'node:os';
import { derivative, evaluate, listFunctions } from '../src/core/api';
import { gaussianMoments } from '../src/core/signal';

const GRID = Number(process.env.BENCH_SIGNAL_GRID ?? 100);
const SUB = 10;
/** Monte-Carlo samples per subgrid point used to measure the rate and the variances. */
const MC_SAMPLES = 20000;
const TARGET = 1e-3;

function cpuMs(run: () => void): number {
  const started = process.cpuUsage();
  run();
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
}

/** Standard normal samples by Box–Muller from a seeded xorshift generator (the same draws for every activation). */
function normals(n: number, seed = 12345): Float64Array {
  let s = seed >>> 0;
  const uniform = () => {
    s ^= s << 13;
    s >>>= 0;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    return (s + 0.5) / 4294967296;
  };
  const out = new Float64Array(n);
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(uniform()));
    const t = 2 * Math.PI * uniform();
    out[i] = r * Math.cos(t);
    if (i + 1 < n) out[i + 1] = r * Math.sin(t);
  }
  return out;
}

const axis = (n: number, lo: number, hi: number) => Array.from({ length: n }, (_, i) => lo + ((hi - lo) * i) / Math.max(1, n - 1));

/** Relative standard error per sample (sd/|mean|) of each moment's estimator, the worst of the three. */
function worstRelativeSd(phi: Float64Array, dphi: Float64Array): number {
  const n = phi.length;
  const stats = [0, 0, 0, 0, 0, 0];
  let absSum = 0;
  for (let i = 0; i < n; i++) {
    const a = phi[i];
    absSum += Math.abs(a);
    const b = a * a;
    const c = dphi[i] * dphi[i];
    stats[0] += a;
    stats[1] += a * a;
    stats[2] += b;
    stats[3] += b * b;
    stats[4] += c;
    stats[5] += c * c;
  }
  let worst = 0;
  for (let k = 0; k < 3; k++) {
    const mean = stats[2 * k] / n;
    const variance = Math.max(0, stats[2 * k + 1] / n - mean * mean);
    // The mean relative to E|φ|, as the quadrature's accuracy is stated (tanh's mean is 0: no relative error).
    const scale = k === 0 ? absSum / n : Math.abs(mean);
    if (scale > 1e-300) worst = Math.max(worst, Math.sqrt(variance) / scale);
  }
  return worst;
}

function main(): void {
  const ids = listFunctions()
    .filter((f) => f.kind === 'activation' && f.shape === 'elementwise')
    .map((f) => f.id);
  const w2 = axis(GRID, 0.1, 4);
  const b2 = axis(GRID, 0, 1);
  const subW = axis(SUB, 0.1, 4);
  const subB = axis(SUB, 0, 1);
  const z = normals(MC_SAMPLES);
  const x = new Float64Array(MC_SAMPLES);
  console.log(`## Signal benchmark: Gaussian moments on a ${GRID}×${GRID} (σ_w², σ_b²) grid, quadrature vs Monte-Carlo`);
  console.log(
    `node ${process.version}, ${cpus().length} cores (${cpus()[0]?.model ?? '?'}), load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}; CPU times\n`,
  );
  console.log('| activation | quadrature, grid (1e−12) | per point | MC samples for 1e−3 (median) | MC, grid at 1e−3 | MC / quadrature at 1e−3 | MC at 1e−12 (extrapolated) |');
  console.log('| --- | ---: | ---: | ---: | ---: | ---: | ---: |');
  let quadTotal = 0;
  let mcTotal = 0;
  for (const id of ids) {
    let sink = 0;
    const quadMs = cpuMs(() => {
      for (const w of w2) for (const b of b2) sink += gaussianMoments(id, 0, Math.sqrt(w + b)).secondMoment;
    });
    // Monte-Carlo on the subgrid: the rate per sample, and the samples each point needs for 1e−3.
    const needed: number[] = [];
    let samplesDrawn = 0;
    const mcMs = cpuMs(() => {
      for (const w of subW) {
        for (const b of subB) {
          const s = Math.sqrt(w + b);
          for (let i = 0; i < MC_SAMPLES; i++) x[i] = s * z[i];
          const phi = evaluate(id, x);
          const dphi = derivative(id, x);
          needed.push((worstRelativeSd(phi, dphi) / TARGET) ** 2);
          samplesDrawn += MC_SAMPLES;
          sink += phi[0];
        }
      }
    });
    const perSample = mcMs / samplesDrawn;
    const meanNeeded = needed.reduce((a, b) => a + b, 0) / needed.length;
    const mcGridMs = perSample * meanNeeded * GRID * GRID;
    const median = [...needed].sort((a, b) => a - b)[needed.length >> 1];
    quadTotal += quadMs;
    mcTotal += mcGridMs;
    const years = (mcGridMs * 1e18) / 1000 / 3600 / 24 / 365;
    console.log(
      `| ${id} | ${(quadMs / 1000).toFixed(2)} s | ${((quadMs * 1000) / (GRID * GRID)).toFixed(0)} µs | ${median.toExponential(1)} | ` +
        `${(mcGridMs / 1000).toFixed(1)} s | ${(mcGridMs / quadMs).toFixed(1)}× | ${years.toExponential(1)} years |` +
        (Number.isNaN(sink) ? ' (NaN seen)' : ''),
    );
  }
  console.log(
    `\nAll ${ids.length} activations: quadrature ${(quadTotal / 1000).toFixed(1)} s at 1e−12; Monte-Carlo ${(mcTotal / 1000).toFixed(1)} s ` +
      `for 1e−3 (${(mcTotal / quadTotal).toFixed(1)}× the quadrature's time for a billion times less accuracy).`,
  );
}

main();
