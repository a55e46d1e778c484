/**
 * Checks of functions that couple a vector: the full Jacobian of softmax / log_softmax, and the gradient of a
 * vector loss's sum (cce_with_logits), against central differences with Richardson extrapolation, one input
 * component at a time. Inputs: representative vectors first (evenly spread, all equal, one dominant), then
 * seeded random ones, over sizes 2 … 10, until the number of compared entries reaches `points`.
 */
import { baseStep, type ToleranceAt } from './finiteDifference';
import type { Tally } from './tally';
import { mulberry32 } from '../sampling';

const SIZES = [2, 3, 4, 5, 8, 10];
const EPS = 2.220446049250313e-16;
const MAX_TRIES = 7;

type VectorFunction = (x: Float64Array) => Float64Array;

/** The seeded random source, so the random vectors repeat for a given seed. */
function seededRandom(seed: number): () => number {
  return mulberry32(Math.floor(seed) ^ 0x9e3779b9);
}

/** The k-th input vector: its size cycles through SIZES; representative shapes come before random ones. */
function inputVector(k: number, a: number, b: number, random: () => number): Float64Array {
  const n = SIZES[k % SIZES.length];
  const round = Math.floor(k / SIZES.length);
  const x = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (round === 0) x[i] = a + ((b - a) * i) / (n - 1);
    else if (round === 1) x[i] = a + (b - a) / 2;
    else if (round === 2) x[i] = i === 0 ? b : a;
    else x[i] = a + (b - a) * random();
  }
  return x;
}

/**
 * Numeric ∂F_i/∂x_j for every i (m outputs) into `value` and `error`: central differences at h, h/2, h/4
 * extrapolated to O(h⁶), shrinking h eightfold while some entry's error bound exceeds 5 % of its tolerance.
 */
function numericColumn(
  F: VectorFunction,
  x: Float64Array,
  j: number,
  m: number,
  toleranceAt: ToleranceAt,
  value: Float64Array,
  error: Float64Array,
): void {
  value.fill(NaN);
  error.fill(Infinity);
  const c = [new Float64Array(m), new Float64Array(m), new Float64Array(m)];
  const fMax = new Float64Array(m);
  const plus = new Float64Array(m);
  const probe = Float64Array.from(x);
  let h = baseStep(x[j]);
  for (let attempt = 0; attempt < MAX_TRIES; attempt++, h /= 8) {
    fMax.fill(0);
    let step = h;
    for (let k = 0; k < 3; k++, step /= 2) {
      probe[j] = x[j] + step;
      const xp = probe[j];
      // Copied: F may hand back the same buffer on every call.
      plus.set(F(probe).subarray(0, m));
      probe[j] = x[j] - step;
      const xm = probe[j];
      const fm = F(probe);
      for (let i = 0; i < m; i++) {
        c[k][i] = (plus[i] - fm[i]) / (xp - xm);
        fMax[i] = Math.max(fMax[i], Math.abs(plus[i]), Math.abs(fm[i]));
      }
    }
    probe[j] = x[j];
    let done = true;
    for (let i = 0; i < m; i++) {
      // Overflow-safe forms of (4c₁ − c₀)/3 etc. (see finiteDifference.ts).
      const r10 = c[1][i] + (c[1][i] - c[0][i]) / 3;
      const r11 = c[2][i] + (c[2][i] - c[1][i]) / 3;
      const r2 = r11 + (r11 - r10) / 15;
      const bound = Math.abs(r2 - r11) + (4 * EPS * fMax[i]) / (h / 4);
      // NaN (a stencil outside the domain) never replaces an estimate.
      if (bound < error[i]) {
        value[i] = r2;
        error[i] = bound;
      }
      if (!(error[i] <= 0.05 * toleranceAt(value[i]))) done = false;
    }
    if (done) break;
  }
}

/** Compares the Jacobian of F (n → n) with `jacobian` at every input vector, one tally per size; yields progress after each column. */
export function* checkJacobian(
  F: VectorFunction,
  jacobian: VectorFunction,
  a: number,
  b: number,
  points: number,
  seed: number,
  tallyFor: (n: number) => Tally,
): Generator<number, void, void> {
  const random = seededRandom(seed);
  for (let k = 0, entries = 0; entries < points; k++) {
    const x = inputVector(k, a, b, random);
    const n = x.length;
    const tally = tallyFor(n);
    const analytic = jacobian(x);
    const value = new Float64Array(n);
    const error = new Float64Array(n);
    for (let j = 0; j < n; j++) {
      numericColumn(F, x, j, n, tally.targetAt, value, error);
      for (let i = 0; i < n; i++) {
        tally.add(x[j], analytic[i * n + j], value[i], error[i], { input: x, index: [i, j] });
      }
      yield Math.min(1, (entries + n * (j + 1)) / points);
    }
    entries += n * n;
  }
}

/**
 * Compares the gradient of Σ_i ℓ_i(y, ŷ) with `gradient` at every input vector ŷ, for the labels y that
 * `labelFor(n, random)` draws (one-hot or soft); one call per label kind, its own tally. Yields progress after each vector.
 */
export function* checkLossGradient(
  value: (y: Float64Array, yHat: Float64Array) => Float64Array,
  gradient: (y: Float64Array, yHat: Float64Array) => Float64Array,
  labelFor: (n: number, k: number, random: () => number) => Float64Array,
  a: number,
  b: number,
  points: number,
  seed: number,
  tally: Tally,
): Generator<number, void, void> {
  const random = seededRandom(seed);
  const sum = new Float64Array(1);
  const numeric = new Float64Array(1);
  const error = new Float64Array(1);
  for (let k = 0, entries = 0; entries < points; k++) {
    const yHat = inputVector(k, a, b, random);
    const n = yHat.length;
    const y = labelFor(n, k, random);
    const total: VectorFunction = (z) => {
      const terms = value(y, z);
      let s = 0;
      for (let i = 0; i < terms.length; i++) s += terms[i];
      sum[0] = s;
      return sum;
    };
    const analytic = gradient(y, yHat);
    for (let j = 0; j < n; j++) {
      numericColumn(total, yHat, j, 1, tally.targetAt, numeric, error);
      tally.add(yHat[j], analytic[j], numeric[0], error[0], { label: y, input: yHat, index: [j, j] });
    }
    entries += n;
    yield Math.min(1, entries / points);
  }
}
