/**
 * Gaussian expectations E[g(μ + σz)], z ~ N(0, 1), by Gaussian quadrature on the smooth pieces of g.
 *
 * Method. The integral ∫ g(μ + σz)·w(z) dz with w(z) = e^(−z²/2)/√(2π) is split at every point where g
 * (or the derivative that is integrated) has a kink, mapped to z = (kink − μ)/σ, and each piece is
 * integrated on its own, so every panel's integrand is smooth. A piece is covered by Gauss–Legendre panels
 * (16 nodes) with the Gaussian weight folded into the integrand; a panel is accepted when it agrees with its
 * two halves to a tolerance relative to the whole integral, otherwise it is halved. The first panels follow
 * the two length scales of the integrand: the Gaussian's (1 in z, out to |z| = 38.6, beyond which w(z) is
 * below the smallest double) and the activation's (its `scale` around each feature point, 1/σ in z), so a
 * sharp transition far in a tail (tanh′² at μ = 10) is seen by the first panels and refined.
 *
 * Why not Gauss–Hermite alone: its nodes fit the whole line, not a half-line piece after a kink, and on the
 * whole line it converges slowly for integrands that are smooth but sharp on the Gaussian's scale (tanh at
 * σ = 10 has poles at distance π/20 from the real axis in z and needs thousands of Hermite nodes for 1e−12).
 *
 * Accuracy. Three expectations share the nodes: E[g₀], E[g₁], E[g₂] (the moments φ, φ², φ′²) and a fourth,
 * E[(φ² − φ(μ)²)(z² − 1)], for the slope of the variance map (Stein's identity; subtracting φ(μ)² removes
 * a constant whose expectation against z² − 1 is 0 and would otherwise cancel). Each is converged to
 * TOLERANCE times its own scale: ∫|φ|·w for the mean (a mean near 0 is only defined to that absolute
 * accuracy), the moment itself for the non-negative ones. The weight uses z² split into two doubles
 * (exact), so e^(−z²/2) keeps its relative accuracy where z²/2 is in the hundreds.
 */
import { productError } from '../extendedPrecision';

/** Gauss–Legendre nodes on [−1, 1] and their weights, computed once by Newton's method on P_n. */
function gaussLegendre(n: number): { nodes: Float64Array; weights: Float64Array } {
  const nodes = new Float64Array(n);
  const weights = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    // Tricomi's initial guess for the i-th root, then Newton on the three-term recurrence.
    let x = Math.cos((Math.PI * (i + 0.75)) / (n + 0.5));
    let dp = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p0 = 1;
      let p1 = x;
      for (let k = 2; k <= n; k++) {
        const p2 = ((2 * k - 1) * x * p1 - (k - 1) * p0) / k;
        p0 = p1;
        p1 = p2;
      }
      dp = (n * (x * p1 - p0)) / (x * x - 1);
      const step = p1 / dp;
      x -= step;
      if (Math.abs(step) < 1e-17) break;
    }
    nodes[i] = x;
    weights[i] = 2 / ((1 - x * x) * dp * dp);
  }
  return { nodes, weights };
}

const RULE = gaussLegendre(16);
const INV_SQRT_2PI = 0.3989422804014327;
/** Beyond |z| = 38.6, e^(−z²/2) < 2^−1074: the Gaussian weight is exactly 0 in doubles. */
const Z_LIMIT = 38.6;
/** Panels agree with their halves to this fraction of each integral's scale. */
const TOLERANCE = 2e-15;
/** Halving stops at this depth (a panel 2^−40 of its first width) whatever the estimate says. */
const MAX_DEPTH = 40;
/** A change below this fraction of a panel's own sum is rounding noise, not a sign of an unresolved panel. */
const NOISE = 1e-14;
/** Which sum measures each sum's noise: |φ| for φ, φ² for the Stein slope, itself otherwise. */
const NOISE_REFERENCE = [1, 1, 2, 3, 2];
/** And refinement stops at this many integrand evaluations per expectation, a guard against runaway halving. */
const MAX_EVALUATIONS = 1 << 20;

/** The integrand: φ and φ′ at x, written into out[0], out[1]. */
export type PointEvaluator = (x: number, out: Float64Array) => void;

/** A breakdown of where the integrand changes: kinks split pieces, features only start finer panels. */
export interface IntegrandShape {
  /** x where φ or φ′ has a jump in value or slope: pieces end exactly there. */
  readonly kinks: readonly number[];
  /** x around which φ changes on the length `scale` (0 for most activations). */
  readonly features: readonly number[];
  /** The activation's own length scale near its features (1 for most; α for CELU). */
  readonly scale: number;
}

/** The four sums at one (μ, σ): see the module comment. */
export interface GaussianSums {
  mean: number;
  absMean: number;
  secondMoment: number;
  derivativeSecondMoment: number;
  /** E[(φ² − φ(μ)²)(z² − 1)] = 2σ²·∂/∂(σ²) E[φ(μ + σz)²]. */
  steinSlope: number;
  /** Integrand evaluations used. */
  evaluations: number;
}

const FEATURE_STEPS = [0.25, 0.5, 1, 2, 4, 8, 16, 32, 64];
const GAUSS_STEPS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 16, 20, 26, 32];

/**
 * E[φ(μ + σz)], E[|φ|], E[φ²], E[φ′²] and the Stein slope for σ > 0 (finite μ, σ; the caller checks).
 */
export function gaussianSums(evaluate: PointEvaluator, shape: IntegrandShape, mu: number, sigma: number): GaussianSums {
  const cuts: number[] = [];
  const kinksZ: number[] = [];
  for (const k of shape.kinks) {
    const z = (k - mu) / sigma;
    if (z > -Z_LIMIT && z < Z_LIMIT) kinksZ.push(z);
  }
  for (const s of GAUSS_STEPS) cuts.push(s, -s);
  const step = shape.scale / sigma;
  for (const f of [...shape.features, ...shape.kinks]) {
    const z0 = (f - mu) / sigma;
    cuts.push(z0);
    for (const k of FEATURE_STEPS) cuts.push(z0 + k * step, z0 - k * step);
  }
  const points = [-Z_LIMIT, Z_LIMIT, ...kinksZ];
  for (const c of cuts) if (c > -Z_LIMIT && c < Z_LIMIT) points.push(c);
  points.sort((a, b) => a - b);
  // Drop cut points that nearly coincide with a neighbour (kinks always stay: pieces must end there).
  const isKink = new Set(kinksZ);
  const edges: number[] = [points[0]];
  for (let i = 1; i < points.length; i++) {
    const p = points[i];
    const last = edges[edges.length - 1];
    const close = p - last <= 1e-9 * Math.max(1, Math.abs(p));
    if (!close) edges.push(p);
    else if (isKink.has(p) && !isKink.has(last)) edges[edges.length - 1] = p;
  }

  const work = new Workspace(evaluate, mu, sigma);
  // First pass: every panel once, for the scales the tolerances are relative to.
  const panels = edges.length - 1;
  const first = new Float64Array(panels * 5);
  const scale = new Float64Array(5);
  for (let i = 0; i < panels; i++) {
    work.panel(edges[i], edges[i + 1], first, i * 5);
    for (let k = 0; k < 5; k++) scale[k] += Math.abs(first[i * 5 + k]);
  }
  const total = new Float64Array(5);
  const tol = new Float64Array(5);
  for (let attempt = 0; attempt < 2; attempt++) {
    total.fill(0);
    // The mean is converged against E|φ| (a mean near 0 is defined only to that absolute accuracy); the Stein
    // slope's integrand φ² − φ(μ)² carries the rounding of φ² (≈ ε·φ²), so its floor is E[φ²].
    tol[0] = scale[1] * TOLERANCE;
    tol[1] = scale[1] * TOLERANCE;
    tol[2] = scale[2] * TOLERANCE;
    tol[3] = scale[3] * TOLERANCE;
    tol[4] = (scale[4] + scale[2]) * TOLERANCE;
    for (let i = 0; i < panels; i++) {
      // A first panel whose every sum is below 1% of its tolerance (far in a tail, where the first panels are
      // cut finely enough around every kink and feature) is taken as it is: even a 100% error there is noise.
      let negligible = true;
      for (let k = 0; k < 5 && negligible; k++) negligible = Math.abs(first[i * 5 + k]) <= tol[k] * 0.01;
      if (negligible) for (let k = 0; k < 5; k++) total[k] += first[i * 5 + k];
      else work.refine(edges[i], edges[i + 1], first, i * 5, tol, 0, total);
    }
    // A first pass that overestimated a scale by more than 10× gets a second, tighter, run.
    // (Not the Stein slope, whose panels cancel by design: its settled total is no measure of its scale.)
    let tighter = false;
    for (let k = 1; k < 4; k++) {
      const settled = Math.abs(total[k]);
      if (settled * 10 < scale[k]) {
        scale[k] = settled;
        tighter = true;
      }
    }
    if (!tighter) break;
  }
  return {
    mean: total[0],
    absMean: total[1],
    secondMoment: total[2],
    derivativeSecondMoment: total[3],
    steinSlope: total[4],
    evaluations: work.evaluations,
  };
}

/** Panel sums with scratch space: one slot of five sums per halving depth and side, nothing allocated per panel. */
class Workspace {
  evaluations = 0;
  private readonly point = new Float64Array(2);
  private readonly phiMu: number;
  /** Depth d's left half at 10d, right half at 10d + 5. */
  private readonly halves = new Float64Array((MAX_DEPTH + 2) * 10);

  constructor(
    private readonly evaluate: PointEvaluator,
    private readonly mu: number,
    private readonly sigma: number,
  ) {
    evaluate(mu, this.point);
    this.phiMu = this.point[0] * this.point[0];
  }

  /** The five sums over [a, b] by 16-point Gauss–Legendre, [φ, |φ|, φ², φ′², (φ² − φ(μ)²)(z² − 1)], into out[at…]. */
  panel(a: number, b: number, out: Float64Array, at: number): void {
    const half = (b - a) / 2;
    const mid = a + half;
    const nodes = RULE.nodes;
    const weights = RULE.weights;
    const point = this.point;
    const phiMu = this.phiMu;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    let s4 = 0;
    for (let i = 0; i < nodes.length; i++) {
      const z = mid + half * nodes[i];
      // e^(−z²/2) from z² = hi + lo exactly: the rounding of z² would be amplified by z²/2.
      const hi = z * z;
      const lo = productError(z, z, hi);
      const w = weights[i] * Math.exp(-0.5 * hi) * (1 - 0.5 * lo);
      if (w === 0) continue;
      this.evaluate(this.mu + this.sigma * z, point);
      const phi = point[0];
      const phi2 = phi * phi;
      s0 += w * phi;
      s1 += w * Math.abs(phi);
      s2 += w * phi2;
      s3 += w * point[1] * point[1];
      s4 += w * (phi2 - phiMu) * (hi - 1 + lo);
    }
    this.evaluations += nodes.length;
    const factor = half * INV_SQRT_2PI;
    out[at] = s0 * factor;
    out[at + 1] = s1 * factor;
    out[at + 2] = s2 * factor;
    out[at + 3] = s3 * factor;
    out[at + 4] = s4 * factor;
  }

  /** Adds the converged sums over [a, b] (whose one-panel sums are wholeSums[at…]) into `total`. */
  refine(a: number, b: number, wholeSums: Float64Array, at: number, tol: Float64Array, depth: number, total: Float64Array): void {
    const m = a + (b - a) / 2;
    const halves = this.halves;
    const left = depth * 10;
    const right = left + 5;
    this.panel(a, m, halves, left);
    this.panel(m, b, halves, right);
    let converged = depth >= MAX_DEPTH || m <= a || m >= b || this.evaluations > MAX_EVALUATIONS;
    if (!converged) {
      converged = true;
      for (let k = 0; k < 5; k++) {
        const change = Math.abs(halves[left + k] + halves[right + k] - wholeSums[at + k]);
        // Converged to the tolerance, or down to the rounding noise of this panel's own sums.
        if (change > tol[k] && change > NOISE * Math.abs(wholeSums[at + NOISE_REFERENCE[k]])) {
          converged = false;
          break;
        }
      }
    }
    if (converged) {
      for (let k = 0; k < 5; k++) total[k] += halves[left + k] + halves[right + k];
      return;
    }
    this.refine(a, m, halves, left, tol, depth + 1, total);
    this.refine(m, b, halves, right, tol, depth + 1, total);
  }
}
