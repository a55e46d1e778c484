/**
 * Stable scalar helpers and a small double-double kit for the loss families.
 *
 * A double-double is an unevaluated sum hi + lo with |lo| ≤ ½ ulp(hi): about 106 bits. The losses use
 * it where two nearly equal quantities are subtracted (a gradient near its root with soft labels,
 * log cosh near 0) and a plain double would keep only the rounding noise.
 *
 * These helpers may later move to src/core/numeric.ts, shared with the activations.
 */

/** hi + lo, |lo| ≤ ½ ulp(hi). */
export type DoubleDouble = readonly [hi: number, lo: number];

/** 2^27 + 1, Veltkamp's splitter for 53-bit doubles. */
const SPLITTER = 134217729;
/** ln 2 as a double-double. */
const LN2_HI = 0.6931471805599453;
const LN2_LO = 2.3190468138462996e-17;
/** exp(x) overflows above this and is below half the smallest subnormal beneath EXP_UNDERFLOW. */
const EXP_OVERFLOW = 709.782712893384;
const EXP_UNDERFLOW = -745.1332191019412;

/** a + b exactly, as a double-double (Knuth's TwoSum; any magnitudes). */
export function twoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  // Infinite sums have no meaningful error term.
  if (!Number.isFinite(s)) return [s, 0];
  const bb = s - a;
  return [s, a - (s - bb) + (b - bb)];
}

/** a + b exactly when |a| ≥ |b| (Dekker's FastTwoSum). */
function quickTwoSum(a: number, b: number): DoubleDouble {
  const s = a + b;
  if (!Number.isFinite(s)) return [s, 0];
  return [s, b - (s - a)];
}

/** a · b exactly, as a double-double (Dekker's TwoProduct; |a|, |b| < 2^996). */
export function twoProd(a: number, b: number): DoubleDouble {
  const p = a * b;
  if (!Number.isFinite(p)) return [p, 0];
  const ca = SPLITTER * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLITTER * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return [p, ah * bh - p + ah * bl + al * bh + al * bl];
}

/** a + b, accurate even when the two nearly cancel. */
export function ddAdd(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [s, e] = twoSum(a[0], b[0]);
  const [t, f] = twoSum(a[1], b[1]);
  const [u, g] = quickTwoSum(s, e + t);
  return quickTwoSum(u, g + f);
}

export function ddNeg(a: DoubleDouble): DoubleDouble {
  return [-a[0], -a[1]];
}

export function ddMul(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const [p, e] = twoProd(a[0], b[0]);
  return quickTwoSum(p, e + (a[0] * b[1] + a[1] * b[0]));
}

export function ddMulNumber(a: DoubleDouble, b: number): DoubleDouble {
  const [p, e] = twoProd(a[0], b);
  return quickTwoSum(p, e + a[1] * b);
}

/** a / b by one long-division correction step. */
export function ddDiv(a: DoubleDouble, b: DoubleDouble): DoubleDouble {
  const q1 = a[0] / b[0];
  // A zero or infinite quotient has nothing to correct.
  if (!Number.isFinite(q1) || q1 === 0) return [q1, 0];
  const r = ddAdd(a, ddNeg(ddMulNumber(b, q1)));
  const q2 = r[0] / b[0];
  return quickTwoSum(q1, q2);
}

function ddDivNumber(a: DoubleDouble, b: number): DoubleDouble {
  const q1 = a[0] / b;
  const [p, e] = twoProd(q1, b);
  const q2 = (a[0] - p - e + a[1]) / b;
  return quickTwoSum(q1, q2);
}

/** x · 2^k without overflowing the intermediate power of two. */
function scaleByPowerOfTwo(x: number, k: number): number {
  if (k > 1000) return x * 2 ** 1000 * 2 ** (k - 1000);
  if (k < -1000) return x * 2 ** -1000 * 2 ** (k + 1000);
  return x * 2 ** k;
}

/**
 * e^x as a double-double, relative error about 2^-100 for results in the normal range.
 * Argument reduction x = k ln 2 + r with ln 2 carried in two parts, then r/1024 through a Taylor
 * series of expm1 and ten squarings of the form (1+s)² − 1 = 2s + s², which keep the small part exact.
 */
export function expDD(x: number): DoubleDouble {
  if (Number.isNaN(x)) return [NaN, 0];
  // Overflow and total underflow.
  if (x > EXP_OVERFLOW) return [Infinity, 0];
  if (x < EXP_UNDERFLOW) return [0, 0];
  const k = Math.round(x / LN2_HI);
  const [p, pe] = twoProd(k, LN2_HI);
  let r = twoSum(x, -p);
  r = ddAdd(r, [-pe, 0]);
  r = ddAdd(r, ddNeg(twoProd(k, LN2_LO)));
  const t: DoubleDouble = [r[0] / 1024, r[1] / 1024];
  // expm1(t) = t(1 + t/2(1 + t/3(1 + … t/9))) by Horner, each step in double-double.
  let s: DoubleDouble = [1, 0];
  for (let n = 9; n >= 2; n--) s = ddAdd([1, 0], ddDivNumber(ddMul(t, s), n));
  s = ddMul(t, s);
  for (let i = 0; i < 10; i++) s = ddAdd(ddMulNumber(s, 2), ddMul(s, s));
  const e = ddAdd([1, 0], s);
  return [scaleByPowerOfTwo(e[0], k), scaleByPowerOfTwo(e[1], k)];
}

/**
 * softplus(x) = log(1 + e^x) = max(x, 0) + log1p(e^(−|x|)): the exponential never overflows and the
 * small correction is added to the large part instead of being lost in 1 + e^x.
 * @example softplus(0) // returns 0.6931471805599453
 * @example softplus(-800) // returns 0 (true value 3.7e-348 is below the subnormals)
 */
export function softplus(x: number): number {
  // Large positive x: log1p(e^-x) is below ½ ulp(x) but adding it is harmless and exact enough.
  if (x >= 0) return x + Math.log1p(Math.exp(-x));
  return Math.log1p(Math.exp(x));
}

/**
 * σ(x) = 1/(1 + e^(−x)), evaluated as e^x/(1 + e^x) for x < 0 so that e^(−x) never overflows and
 * the tail keeps its relative precision (σ(−800) is subnormal-small, not 0 from 1/∞).
 * @example sigmoid(0) // returns 0.5
 */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** ŷ − y as a double-double (the rounding error of the subtraction kept in lo; 0 for infinities). */
export function residual(y: number, yHat: number): DoubleDouble {
  return twoSum(yHat, -y);
}

/**
 * log x for a double-double x > 0, as a double-double: one Newton step on expDD from Math.log,
 * log x = l₀ + log(x e^(−l₀)) ≈ l₀ + (x − e^(l₀))/e^(l₀), whose correction is ~1e-16 relative so its
 * own square is negligible.
 */
export function logDD(x: DoubleDouble): DoubleDouble {
  const l0 = Math.log(x[0]);
  // 0, ∞ and NaN: nothing to refine.
  if (!Number.isFinite(l0)) return [l0, 0];
  const e = expDD(l0);
  const correction = ddDiv(ddAdd(x, ddNeg(e)), e)[0];
  return quickTwoSum(l0, correction);
}

/** x^g for a double-double x ≥ 0 and a double g: repeated products for small integer g, else e^(g log x). */
export function powDD(x: DoubleDouble, g: number): DoubleDouble {
  if (g === 0) return [1, 0];
  // 0^g: 0 for g > 0, ∞ for g < 0.
  if (x[0] === 0) return g > 0 ? [0, 0] : [Infinity, 0];
  if (Number.isInteger(g) && g > 0 && g <= 8) {
    let out: DoubleDouble = x;
    for (let i = 1; i < g; i++) out = ddMul(out, x);
    return out;
  }
  const [a, b] = ddMulNumber(logDD(x), g);
  const e = expDD(a);
  return b === 0 ? e : ddMul(e, twoSum(1, b));
}
