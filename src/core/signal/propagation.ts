/**
 * Mean-field signal propagation through a deep, wide, randomly initialised network (Poole et al. 2016,
 * Schoenholz et al. 2017): weights W_ij ~ N(0, σ_w²/N), biases b_i ~ N(0, σ_b²), h^l = W φ(h^(l−1)) + b.
 * The variance of a pre-activation, q_l, follows the variance map
 *
 *   q_(l+1) = V(q_l) = σ_w²·E[φ(√q_l·z)²] + σ_b²,   z ~ N(0, 1),
 *
 * toward a fixed point q* = V(q*). Backpropagated gradients, and the distance between two nearby inputs,
 * are multiplied per layer by
 *
 *   χ₁ = σ_w²·E[φ′(√q*·z)²]:
 *
 * χ₁ < 1 ordered (gradients vanish, inputs merge), χ₁ > 1 chaotic (gradients explode, inputs decorrelate),
 * χ₁ = 1 the edge of chaos, where signals reach the deepest layers. The depth scales say how many layers
 * that takes: q_l − q* ∝ e^(−l/ξ_q) with ξ_q = −1/ln V′(q*), and (ordered side) 1 − c_l ∝ e^(−l/ξ_c) with
 * ξ_c = −1/ln χ₁. V′(q) = σ_w²·E[(φ² − φ(0)²)(z² − 1)]/(2q) by Stein's identity, so no φ″ is needed and
 * kinks are no problem.
 *
 * Limits, named in the results: q* = ∞ when an unbounded φ grows the variance without bound (ReLU with
 * σ_w² > 2); then χ₁ is the limit σ_w²·E[φ′(√q·z)²] as q → ∞. q* = 0 when φ(0) = 0, σ_b² = 0 and the map
 * contracts to 0; χ₁ is then the limit q → 0⁺ (for ReLU ½σ_w², not φ′(0)² = 0).
 *
 * @example signalPropagation({ id: 'relu', sigmaW2: 2, sigmaB2: 0 }) // chi1 = 1 (critical), q = [1, 1, …]
 * @example signalPropagation({ id: 'tanh', sigmaW2: 1.5, sigmaB2: 0.05 }) // chaotic, chi1 ≈ 1.1
 */
import { gainOf } from './gain';
import { prepareActivation, sumsAt, type PreparedActivation } from './moments';

export type Phase = 'ordered' | 'critical' | 'chaotic';

export interface SignalPropagationInput {
  /** An elementwise activation of the catalogue. */
  id: string;
  params?: Record<string, number>;
  /** Weight variance σ_w² (the weights' variance times fan-in), ≥ 0. */
  sigmaW2: number;
  /** Bias variance σ_b², ≥ 0. */
  sigmaB2: number;
  /** The input's pre-activation variance q_0 (default 1). */
  q0?: number;
  /** Layers to follow q through (default 50, at most 10,000). */
  depth?: number;
}

export interface SignalPropagation {
  /** q_0 … q_depth. */
  q: number[];
  /** The fixed point the map reaches from q_0: a number, 0 or Infinity. */
  qStar: number;
  /** σ_w²·E[φ′(√q*·z)²]: the per-layer factor on backpropagated gradients. */
  chi1: number;
  /** 1/√E[φ(z)²]: the weight scale (times 1/√fan_in) that keeps unit variance, as calculate_gain. */
  gain: number;
  /** Critical when |χ₁ − 1| ≤ 1e−9. */
  phase: Phase;
  /** V′(q*), the map's slope at its fixed point (NaN when q* is infinite). */
  mapSlope: number;
  /** ξ_q = −1/ln V′(q*) layers, when 0 < V′(q*) < 1; Infinity at V′ = 1; null otherwise. */
  xiQ: number | null;
  /** ξ_c = −1/ln χ₁ layers on the ordered side (χ₁ < 1), Infinity at χ₁ = 1; null when chaotic (c* < 1 is not computed). */
  xiC: number | null;
}

/** |χ₁ − 1| at or below this is the edge of chaos. */
const CRITICAL_TOLERANCE = 1e-9;
const MAX_DEPTH = 10000;
/** Beyond this the variance is called unbounded: q* = ∞. */
const Q_INFINITE = 1e200;
/** Below this (with V(0) = 0) the variance is called extinguished: q* = 0. */
const Q_ZERO = 1e-200;
/** Plain iterations before the fixed point is bracketed and solved for. */
const PLAIN_ITERATIONS = 12;

/** The variance map q ↦ σ_w²·E[φ(√q·z)²] + σ_b² for a prepared activation. */
function varianceMap(a: PreparedActivation, sigmaW2: number, sigmaB2: number, q: number): number {
  if (q === Infinity) return Infinity;
  return sigmaW2 * sumsAt(a, 0, Math.sqrt(q)).secondMoment + sigmaB2;
}

/**
 * The fixed point of the variance map reached from q0. Monotone iteration first (V is increasing for every
 * catalogue activation, so q_l moves one way), stopped when a step is within 4ε of q; if it has not settled
 * after a few steps, the direction of travel gives a bracket [q_l, 2^k·q_l] or [q_l/2^k, q_l] in which
 * F(q) = V(q) − q changes sign, and the root is refined by bisection-secant (Illinois) to 2 ulp.
 */
export function fixedPoint(a: PreparedActivation, sigmaW2: number, sigmaB2: number, q0: number): number {
  const map = (q: number) => varianceMap(a, sigmaW2, sigmaB2, q);
  const mapsZeroToZero = sigmaB2 === 0 && a.def.value(0, a.params) === 0;
  let q = q0;
  if (q === 0 && mapsZeroToZero) return 0;
  let next = q;
  for (let l = 0; l < PLAIN_ITERATIONS; l++) {
    next = map(q);
    if (!(next < Q_INFINITE)) return Infinity;
    if (Math.abs(next - q) <= 4 * Number.EPSILON * Math.max(next, q)) return next;
    if (next < Q_ZERO && mapsZeroToZero) return 0;
    q = next;
  }
  const F = (x: number) => map(x) - x;
  const fq = F(q);
  if (fq === 0) return q;
  let lo: number;
  let hi: number;
  let flo: number;
  let fhi: number;
  if (fq > 0) {
    // Rising: the limit is the first root above q.
    lo = q;
    flo = fq;
    hi = 2 * q;
    fhi = F(hi);
    while (fhi > 0) {
      lo = hi;
      flo = fhi;
      hi *= 2;
      if (hi > Q_INFINITE) return Infinity;
      fhi = F(hi);
    }
  } else {
    // Falling: the limit is the first root below q.
    hi = q;
    fhi = fq;
    lo = q / 2;
    flo = F(lo);
    while (flo < 0) {
      hi = lo;
      fhi = flo;
      lo /= 2;
      if (lo < Q_ZERO) return mapsZeroToZero ? 0 : lo;
      flo = F(lo);
    }
  }
  return illinois(F, lo, hi, flo, fhi);
}

/** A root of F in [lo, hi] with F(lo) > 0 > F(hi) (or the reverse), to 2 ulp, by the Illinois method. */
function illinois(F: (x: number) => number, lo: number, hi: number, flo: number, fhi: number): number {
  let side = 0;
  for (let i = 0; i < 200; i++) {
    if (hi - lo <= 2 * Number.EPSILON * hi) break;
    let x = (lo * fhi - hi * flo) / (fhi - flo);
    if (!(x > lo && x < hi)) x = lo + (hi - lo) / 2;
    const fx = F(x);
    if (fx === 0) return x;
    if (Math.sign(fx) === Math.sign(flo)) {
      lo = x;
      flo = fx;
      if (side === -1) fhi /= 2;
      side = -1;
    } else {
      hi = x;
      fhi = fx;
      if (side === 1) flo /= 2;
      side = 1;
    }
  }
  return Math.abs(flo) < Math.abs(fhi) ? lo : hi;
}

/** A σ at which E[·(σz)] has reached its limit for q → 0⁺ or q → ∞ (kinks at 0 then split z at 0). */
const SIGMA_AT_ZERO = 1e-100;
const SIGMA_AT_INFINITY = 1e100;

/** χ₁ and V′ at the fixed point q* (limits at q* = 0 and ∞). */
export function criticality(a: PreparedActivation, sigmaW2: number, qStar: number): { chi1: number; mapSlope: number } {
  const sigma = qStar === 0 ? SIGMA_AT_ZERO : qStar === Infinity ? SIGMA_AT_INFINITY : Math.sqrt(qStar);
  const s = sumsAt(a, 0, sigma);
  const chi1 = sigmaW2 * s.derivativeSecondMoment;
  const mapSlope = qStar === Infinity ? NaN : (sigmaW2 * s.steinSlope) / (2 * sigma * sigma);
  return { chi1, mapSlope };
}

function phaseOf(chi1: number): Phase {
  if (Math.abs(chi1 - 1) <= CRITICAL_TOLERANCE) return 'critical';
  return chi1 < 1 ? 'ordered' : 'chaotic';
}

/** −1/ln r for 0 < r < 1, Infinity at r = 1 (to the critical tolerance), null otherwise. */
function depthScale(r: number): number | null {
  if (Math.abs(r - 1) <= CRITICAL_TOLERANCE) return Infinity;
  if (r > 0 && r < 1) return -1 / Math.log(r);
  return null;
}

/**
 * q_0 … q_depth, the fixed point, χ₁, the gain, the phase and the depth scales for activation `id` with
 * weight and bias variances σ_w², σ_b². Errors name a bad argument.
 */
export function signalPropagation(input: SignalPropagationInput): SignalPropagation {
  if (input === null || typeof input !== 'object') {
    throw new Error(`signalPropagation: expected an object { id, sigmaW2, sigmaB2, … }, got ${input === null ? 'null' : typeof input}`);
  }
  const a = prepareActivation(input.id, input.params, 'signalPropagation');
  const sigmaW2 = variance('sigmaW2', input.sigmaW2);
  const sigmaB2 = variance('sigmaB2', input.sigmaB2);
  const q0 = variance('q0', input.q0 ?? 1);
  const depth = input.depth ?? 50;
  if (typeof depth !== 'number' || !Number.isInteger(depth) || depth < 0 || depth > MAX_DEPTH) {
    throw new Error(`signalPropagation: depth must be an integer from 0 to ${MAX_DEPTH}, got ${String(depth)}`);
  }
  const q = [q0];
  for (let l = 0; l < depth; l++) {
    const next = varianceMap(a, sigmaW2, sigmaB2, q[l]);
    q.push(next > Number.MAX_VALUE ? Infinity : next);
  }
  const qStar = fixedPoint(a, sigmaW2, sigmaB2, q0);
  const { chi1, mapSlope } = criticality(a, sigmaW2, qStar);
  const phase = phaseOf(chi1);
  return {
    q,
    qStar,
    chi1,
    gain: gainOf(a),
    phase,
    mapSlope,
    xiQ: qStar === Infinity ? null : depthScale(mapSlope),
    xiC: chi1 <= 1 + CRITICAL_TOLERANCE ? depthScale(chi1) : null,
  };
}

function variance(name: string, value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
    throw new Error(`signalPropagation: ${name} must be a finite variance ≥ 0, got ${typeof value === 'number' ? value : JSON.stringify(value)}`);
  }
  return value;
}
