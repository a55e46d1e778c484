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
import { prepareActivation, type PreparedActivation } from './moments';

/** The largest σ_w² searched; beyond it the edge is reported as Infinity (χ₁ never reaches 1). */
const MAX_SIGMA_W2 = 1e6;

/** χ₁ at (σ_w², σ_b²), with q* reached from q = 1. */
export function chi1At(a: PreparedActivation, sigmaW2: number, sigmaB2: number): number {
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

export function edgeFor(a: PreparedActivation, sigmaB2: number): number {
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
