/**
 * The edge of chaos: for a bias variance σ_b², the weight variance σ_w² at which χ₁ = 1, i.e.
 * σ_w²·E[φ′(√q*·z)²] = 1 with q* the fixed point of the variance map at (σ_w², σ_b²).
 *
 * χ₁ rises with σ_w² for the catalogue's activations, so the root is bracketed by doubling from σ_w² = 1
 * and refined by the Illinois method to 1e−12 relative. ReLU's edge is σ_w² = 2 for every σ_b² (χ₁ = σ_w²/2
 * whatever q*); tanh's starts at σ_w² = 1 for σ_b² = 0 and rises with σ_b² (Schoenholz et al. 2017, Fig. 1).
 *
 * @example edgeOfChaos('relu', 0) // 2
 * @example edgeOfChaos('tanh', 0.05) // ≈ 1.30
 */
import { criticality, fixedPoint } from './propagation';
import { prepareActivation, sumsAt, type PreparedActivation } from './moments';

/** The largest σ_w² searched; beyond it the edge is reported as Infinity (χ₁ never reaches 1). */
const MAX_SIGMA_W2 = 1e6;

/** χ₁ at (σ_w², σ_b²), with q* reached from q = 1. */
function chi1At(a: PreparedActivation, sigmaW2: number, sigmaB2: number): number {
  const qStar = fixedPoint(a, sigmaW2, sigmaB2, 1);
  return criticality(a, sigmaW2, qStar).chi1;
}

/** σ_w² on the edge of chaos (χ₁ = 1) at bias variance σ_b², for activation `id` with `params`. */
export function edgeOfChaos(id: string, sigmaB2: number, params?: Record<string, number>): number {
  const a = prepareActivation(id, params, 'edgeOfChaos');
  if (typeof sigmaB2 !== 'number' || !Number.isFinite(sigmaB2) || sigmaB2 < 0) {
    throw new Error(`edgeOfChaos: sigmaB2 must be a finite variance ≥ 0, got ${String(sigmaB2)}`);
  }
  return edgeFor(a, sigmaB2);
}

function edgeFor(a: PreparedActivation, sigmaB2: number): number {
  const g = (w: number) => chi1At(a, w, sigmaB2) - 1;
  let lo = 1;
  let glo = g(lo);
  if (glo === 0) return lo;
  let hi = lo;
  let ghi = glo;
  if (glo < 0) {
    while (ghi < 0) {
      lo = hi;
      glo = ghi;
      hi *= 2;
      if (hi > MAX_SIGMA_W2) return Infinity;
      ghi = g(hi);
    }
  } else {
    while (glo > 0) {
      hi = lo;
      ghi = glo;
      lo /= 2;
      if (lo < 1 / MAX_SIGMA_W2) return 0;
      glo = g(lo);
    }
  }
  // Illinois on g, rising from glo < 0 to ghi > 0.
  let side = 0;
  for (let i = 0; i < 100 && hi - lo > 1e-13 * hi; i++) {
    let x = (lo * ghi - hi * glo) / (ghi - glo);
    if (!(x > lo && x < hi)) x = lo + (hi - lo) / 2;
    const gx = g(x);
    if (gx === 0) return x;
    if (gx < 0) {
      lo = x;
      glo = gx;
      if (side === -1) ghi /= 2;
      side = -1;
    } else {
      hi = x;
      ghi = gx;
      if (side === 1) glo /= 2;
      side = 1;
    }
  }
  return Math.abs(glo) < Math.abs(ghi) ? lo : hi;
}

/** The edge of chaos as a curve in the (σ_w², σ_b²) plane, for plotting. */
export interface EdgeCurve {
  readonly sigmaW2: number[];
  readonly sigmaB2: number[];
}

/**
 * The edge of chaos traced through its fixed point instead of solved point by point: on the edge,
 * χ₁ = σ_w²·D(q*) = 1 and q* = σ_w²·M(q*) + σ_b² (D = E[φ′(√q z)²], M = E[φ(√q z)²]), so each q* gives
 *
 *   σ_w² = 1/D(q*),  σ_b² = q* − M(q*)/D(q*),
 *
 * one moment per point (edgeOfChaos needs a fixed point per trial σ_w²). Points with σ_b² < 0 are dropped.
 * For the positively homogeneous activations (ReLU, Leaky ReLU, PReLU) D does not depend on q and M = q·D,
 * so every q* maps to (1/D, 0): their edge is the vertical line σ_w² = 1/D, drawn up to `maxSigmaB2`.
 *
 * @example edgeOfChaosCurve('relu') // { sigmaW2: [2, 2], sigmaB2: [0, 1] }
 */
export function edgeOfChaosCurve(
  id: string,
  params?: Record<string, number>,
  options: { readonly maxSigmaB2?: number; readonly points?: number } = {},
): EdgeCurve {
  const a = prepareActivation(id, params, 'edgeOfChaosCurve');
  const maxSigmaB2 = options.maxSigmaB2 ?? 1;
  const points = options.points ?? 120;
  if (!(maxSigmaB2 > 0) || !Number.isFinite(maxSigmaB2)) throw new Error(`edgeOfChaosCurve: maxSigmaB2 must be a finite number > 0, got ${String(maxSigmaB2)}`);
  if (!Number.isInteger(points) || points < 2 || points > 10000) throw new Error(`edgeOfChaosCurve: points must be an integer from 2 to 10000, got ${String(points)}`);
  const sigmaW2: number[] = [];
  const sigmaB2: number[] = [];
  let highest = -Infinity;
  for (let i = 0; i < points; i++) {
    // q* log-spaced over [1e−6, 1e4]: the edge's σ_b² grows with q*, and most of it is at small q*.
    const q = 10 ** (-6 + (10 * i) / (points - 1));
    const s = sumsAt(a, 0, Math.sqrt(q));
    const w2 = 1 / s.derivativeSecondMoment;
    const b2 = q - s.secondMoment * w2;
    highest = Math.max(highest, b2);
    if (!(b2 >= -1e-12 * q) || !Number.isFinite(w2)) continue;
    if (b2 > maxSigmaB2 * 1.05) break;
    sigmaW2.push(w2);
    sigmaB2.push(Math.max(0, b2));
  }
  if (highest < 1e-9 * maxSigmaB2 && sigmaW2.length > 0) {
    // Positively homogeneous: χ₁ is the same at every q, the edge a vertical line.
    return { sigmaW2: [sigmaW2[0], sigmaW2[0]], sigmaB2: [0, maxSigmaB2] };
  }
  return { sigmaW2, sigmaB2 };
}
