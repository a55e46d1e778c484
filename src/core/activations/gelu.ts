/**
 * GELU, exact (erf) form and tanh approximation, with derivatives.
 *
 * Constants come from test/fixtures/generate_activations.py --constants (mpmath, 60 digits).
 */
import erfc from '@stdlib/math-base-special-erfc';
import { ddAdd, ddMul, ddMulNumber, ddQuotient, expDD, expTimes, fastTwoSum, productError, twoProd, twoSum, type DoubleDouble } from '../extendedPrecision';

const INV_SQRT2_HI = 0.7071067811865476;
const INV_SQRT2_LO = -4.833646656726457e-17;
const TWO_OVER_SQRT_PI = 1.1283791670955126;
const INV_SQRT_2PI = 0.3989422804014327;
/** Beyond ±40, Φ(x) is 1 or its product with x is below the subnormal range. */
const GELU_SATURATION = 40;
/** Below this x, x·Φ(x) and GELU′ underflow to −0. */
const GELU_UNDERFLOW = -39;
/** At or below this x the asymptotic series of the Mills ratio is used instead of erfc. */
const GELU_ASYMPTOTIC = -30;

/**
 * Φ(x) = ½·erfc(−x/√2) for −30 < x < 40. The argument t = −x/√2 is a double-double: erfc(t) has
 * condition number ≈ 2t², so the rounding of x/√2 alone would cost ~80 ulps at x = −9. The low part
 * enters to first order, erfc(t_hi + t_lo) ≈ erfc(t_hi) − t_lo·(2/√π)·e^(−t_hi²). That term is below
 * 1e−13 of Φ, so a caller that already has e^(−x²/2) (equal to e^(−t²) to ~1e−13) may pass it as `gauss`.
 */
function normalCdf(x: number, gauss?: number): number {
  // twoProd(−x, INV_SQRT2_HI) without the array: the rounded product and its exact error.
  const a = -x;
  const tHi = a * INV_SQRT2_HI;
  const tLo0 = Number.isFinite(tHi) ? productError(a, INV_SQRT2_HI, tHi) : 0;
  const tLo = tLo0 - x * INV_SQRT2_LO;
  return 0.5 * (erfc(tHi) - tLo * TWO_OVER_SQRT_PI * (gauss ?? Math.exp(-tHi * tHi)));
}

/** Up to here e^(−x²/2) is a normal number, so geluDerivative can share it (expTimes rescales beyond). */
const GELU_SHARED_EXP_TO = 37;

/**
 * 1 − u + 3u² − 15u³ + …, u = 1/x²: the asymptotic series with Φ(x) = φ(x)/|x|·S for x → −∞. Ten
 * terms leave an error below 2e−21 for x ≤ −30 (the series alternates, so the error is below the
 * first omitted term).
 */
function millsSeries(u: number): number {
  let s = -34459425;
  for (const c of [2027025, -135135, 10395, -945, 105, -15, 3, -1, 1]) s = s * u + c;
  return s;
}

/**
 * GELU(x) = x·Φ(x) = ½x·erfc(−x/√2), Φ the standard normal CDF.
 *
 * Stable form: for −30 < x < 40, x·½·erfc(t) with t = −x/√2 carried as a double-double (see
 * normalCdf); the naive ½x(1 + erf(x/√2)) cancels to 0 by x ≈ −8.3, and even erfc of the rounded t
 * is ~80 ulps off at x = −8.95. For x ≤ −30, Φ(x) underflows while x·Φ(x) is still representable, so
 * x·Φ(x) = −φ(x)·S(1/x²) with e^(−x²/2) formed from x² as a double-double through expTimes.
 *
 * Special cases: GELU(±0) = ±0, GELU(+∞) = +∞, GELU(−∞) = −0, GELU(NaN) = NaN; GELU(x) = x for
 * x ≥ 40 and −0 for x < −39.
 *
 * @example gelu(1) // returns 0.8413447460685429
 * @example gelu(-8.95) // returns -1.5908e-18
 */
export function gelu(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  // Φ(x) = 1 to double precision (and the split in normalCdf would overflow near 1e308).
  if (x >= GELU_SATURATION) return x;
  // Below the subnormal range (−∞ included).
  if (x < GELU_UNDERFLOW) return -0;
  if (x <= GELU_ASYMPTOTIC) {
    // Left tail: −φ(x)·S with e^(−x²/2) exact through the double-double x².
    const [p, pLo] = twoProd(x, x);
    return expTimes(-millsSeries(1 / p) * INV_SQRT_2PI, -p / 2, -pLo / 2);
  }
  return x * normalCdf(x);
}

/** GELU′ = Φ + xφ has one zero, at x₀ ≈ −0.75179 (double-double). */
const GELU_ROOT_HI = -0.7517915246935645;
const GELU_ROOT_LO = 1.4956759177009883e-17;
/** Where |Φ| and |xφ| are within a factor ~4 of each other, a polynomial in h = x − x₀ is used. */
const GELU_POLY_FROM = -2;
const GELU_POLY_TO = -0.25;
/**
 * GELU′(x₀ + h) = h·Σ c_k h^k on x ∈ [−2, −0.25]: Chebyshev fit of GELU′(x₀ + h)/h, degree 21, fit
 * error 6e−20, coefficients as double-doubles (lowest degree first).
 */
const GELU_POLY_HI = [
  0.4314939923140469, 0.388284982990552, -0.018199676398671105, -0.11400823329722166, -0.01477152214824317,
  0.0194216798381884, 0.004539228379095862, -0.002239538068087171, -0.0007448268383104671, 0.00018633974670044447,
  8.615947635329299e-5, -1.1214385094868054e-5, -7.748455711253712e-6, 4.328686899374002e-7, 5.702836942354546e-7,
  -1.6528890119647335e-9, -3.5522470403272224e-8, -1.3888901098562338e-9, 1.9826011336816676e-9,
  2.177977080448357e-10, -6.496274854106857e-11, -1.2310506965232396e-11,
];
const GELU_POLY_LO = [
  2.735500677399629e-17, 2.2976783734692384e-17, -4.987533302979819e-19, -4.270554399684615e-18,
  -6.360869635308739e-19, 3.0383239731495207e-19, 1.2213672031603936e-20, -1.4169592610505714e-19,
  4.141664922421109e-20, 1.1177074505662375e-20, -2.2742407803747004e-21, -1.3110851382778477e-22,
  -7.064325826581471e-22, 4.9849103055123796e-24, 9.603073553407285e-24, 4.8677349827351676e-26,
  8.159707166284652e-25, 2.239064120932574e-26, -9.326681440873881e-26, -8.766552743166518e-27,
  5.188370697501818e-27, -5.510208275673467e-28,
];

/**
 * GELU′(x) = Φ(x) + x·φ(x), φ the standard normal density.
 *
 * Stable form, by region:
 * - −2 ≤ x ≤ −0.25: the two terms cancel around the zero x₀ ≈ −0.7518, where doubles would lose up to
 *   all their bits; a degree-21 polynomial in h = x − x₀ (h exact as a double-double) is summed in
 *   double-double arithmetic and rounded once.
 * - x ≤ −30: φ(x)·(x + S/|x|) with the asymptotic series S, e^(−x²/2) through expTimes.
 * - elsewhere: Φ(x) + x·φ(x) with Φ from the double-double erfc argument and e^(−x²/2) from x² as a
 *   double-double (its condition number x²/2 would otherwise cost hundreds of ulps far out).
 *
 * Special cases: GELU′(0) = 0.5, GELU′(+∞) = 1, GELU′(−∞) = −0, GELU′(NaN) = NaN.
 *
 * @example geluDerivative(0) // returns 0.5
 */
export function geluDerivative(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  // Φ = 1 and xφ = 0 to double precision.
  if (x >= GELU_SATURATION) return 1;
  // Below the subnormal range (−∞ included).
  if (x < GELU_UNDERFLOW) return -0;
  if (x >= GELU_POLY_FROM && x <= GELU_POLY_TO) {
    // Around the zero: double-double polynomial in the exact offset h.
    return geluDerivativeNearRoot(x);
  }
  // twoProd(x, x) without the array; |x| < 40 here, so p is finite.
  const p = x * x;
  const pLo = productError(x, x, p);
  if (x <= GELU_ASYMPTOTIC) {
    // Left tail: φ(x)·(x + S/|x|), |x| = −x.
    return expTimes((x - millsSeries(1 / p) / x) * INV_SQRT_2PI, -p / 2, -pLo / 2);
  }
  if (x > GELU_SHARED_EXP_TO) return normalCdf(x) + expTimes(x * INV_SQRT_2PI, -p / 2, -pLo / 2);
  // One exponential for both terms: e^(−x²/2) is φ's, and it stands in for e^(−t²) (t = −x/√2) in Φ's
  // first-order correction, a term below 1e−13 of Φ whose own relative accuracy of ~1e−13 is immaterial.
  // The φ term is expTimes(x/√(2π), −p/2, −pLo/2) with e^(−p/2) normal here (so no rescaling).
  const g = Math.exp(-p / 2);
  const r = x * INV_SQRT_2PI * g;
  return normalCdf(x, g) + (r + r * (-pLo / 2));
}

/**
 * GELU′ for −2 ≤ x ≤ −0.25: h·Σ c_k h^k, h = x − x₀ exact as a double-double, in double-double arithmetic
 * rounded once. Horner's rule on extendedPrecision.ts's twoSum, fastTwoSum, ddMul and ddAdd, operation for operation (so
 * the result is bit-identical), written out on local variables so that nothing is allocated per step.
 * Everything here is finite, so their guards for infinite sums and products never apply.
 */
function geluDerivativeNearRoot(x: number): number {
  // h = fastTwoSum(twoSum(x, −x₀_hi)) with x₀_lo folded into the low part.
  const s0 = x - GELU_ROOT_HI;
  const bb = s0 - x;
  const e0 = x - (s0 - bb) + (-GELU_ROOT_HI - bb);
  const b0 = e0 - GELU_ROOT_LO;
  const hHi = s0 + b0;
  const hLo = b0 - (hHi - s0);
  const last = GELU_POLY_HI.length - 1;
  let accHi = GELU_POLY_HI[last];
  let accLo = GELU_POLY_LO[last];
  for (let k = last - 1; k >= -1; k--) {
    // m = acc · h (ddMul: twoProd of the high parts, then the cross terms, then fastTwoSum).
    const p = accHi * hHi;
    const pErr = productError(accHi, hHi, p);
    const c = pErr + (accHi * hLo + accLo * hHi);
    const mHi = p + c;
    const mLo = c - (mHi - p);
    // The last pass is the final multiplication by h: no coefficient to add.
    if (k < 0) return mHi + mLo;
    // acc = m + c_k (ddAdd: twoSum of the highs and of the lows, then two fastTwoSums).
    const cHi = GELU_POLY_HI[k];
    const cLo = GELU_POLY_LO[k];
    const s1 = mHi + cHi;
    const bb1 = s1 - mHi;
    const e1 = mHi - (s1 - bb1) + (cHi - bb1);
    const s2 = mLo + cLo;
    const bb2 = s2 - mLo;
    const e2 = mLo - (s2 - bb2) + (cLo - bb2);
    const g0 = e1 + s2;
    const u = s1 + g0;
    const g = g0 - (u - s1);
    const f = g + e2;
    accHi = u + f;
    accLo = f - (accHi - u);
  }
  return accHi + accLo; // not reached: the loop returns at k = −1
}

/** √(8/π) = 2√(2/π) as a double-double. */
const SQRT_8_OVER_PI: DoubleDouble = [1.5957691216057308, -9.96930880911092e-17];
/**
 * The cubic coefficient: the double nearest 0.044715 (0.04471499999999999780…), exactly, because that is the
 * number PyTorch and JAX compute with: pytorch/pytorch aten/src/ATen/native/cpu/Activation.cpp
 * (`const scalar_t kKappa = 0.044715;`) and jax-ml/jax jax/_src/nn/functions.py (`0.044715 * (x ** 3)`).
 * The decimal 0.044715 itself differs by 2.2e−18, which e^z turns into ~100 ulps of GELU at x = −18.
 */
const TANH_CUBIC: DoubleDouble = [0.044715, 0];
/** Beyond ±30 the tanh form is x (right) or below the subnormal range (left). */
const GELU_TANH_SATURATION = 30;

/** z = 2u = √(8/π)·(x + 0.044715·x³) as a double-double; e^z has condition |z| (up to ~750). */
function tanhArgument(x: number): DoubleDouble {
  const x3 = ddMul(twoProd(x, x), [x, 0]);
  return ddMul(SQRT_8_OVER_PI, ddAdd(ddMul(TANH_CUBIC, x3), [x, 0]));
}

/**
 * GELU, tanh approximation: ½x(1 + tanh(u)), u = √(2/π)(x + 0.044715x³).
 *
 * Stable form: 1 + tanh(u) = 2σ(2u), so the value is x·σ(z) with z = 2u, which never subtracts.
 * z is a double-double built from √(2/π) exactly and the coefficient as the double nearest 0.044715 (what
 * PyTorch and JAX use; see TANH_CUBIC), because e^z multiplies any absolute error in z into a relative one. For z < 0,
 * x·e^z/(1 + e^z) goes through expTimes so the part where x·σ(z) is normal but e^z is not stays exact.
 *
 * Special cases: ±0 → ±0, +∞ → +∞, −∞ → −0, NaN → NaN; x for x > 30 and −0 for x < −30.
 *
 * @example geluTanh(1) // returns 0.8411919906082768
 */
export function geluTanh(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  // σ(z) = 1 to double precision; also keeps x³ from overflowing.
  if (x > GELU_TANH_SATURATION) return x;
  // e^z underflows completely (and −∞).
  if (x < -GELU_TANH_SATURATION) return -0;
  const [zHi, zLo] = tanhArgument(x);
  if (zHi >= 0) {
    const e = Math.exp(-zHi);
    const sigma = 1 / (1 + e);
    return x * (sigma + sigma * ((zLo * e) / (1 + e)));
  }
  const e = Math.exp(zHi);
  return expTimes(x / (1 + e), zHi, zLo / (1 + e));
}

/** The tanh form's derivative vanishes at x₀ ≈ −0.75246 (double-double), where e^(z₀) = E0. */
const GELU_TANH_ROOT_HI = -0.7524614220710163;
const GELU_TANH_ROOT_LO = 3.4358218314355225e-17;
const GELU_TANH_EXP_Z0 = 0.29195521191476714;
/** Below this x the tanh form's derivative sums N directly (no cancellation that far from the zero). */
const GELU_TANH_DIRECT_BELOW = -3;
/** Above this exponent e^z and the products with it stay normal, so expDD can stand in for expTimes. */
const GELU_TANH_EXP_NORMAL_FROM = -690;

/**
 * Derivative of the tanh form: σ(z)·(1 + x·σ(−z)·z′), z′ = √(8/π)(1 + 3·0.044715x²).
 *
 * Stable form: for x ≥ 0 every term is positive. For x < 0 it is e^z·N/(1 + e^z)² with
 * N = 1 + e^z + x·z′, whose terms cancel at the zero x₀ ≈ −0.75246. Subtracting N(x₀) = 0 and
 * factoring h = x − x₀ (exact via x₀ as a double-double) gives
 * N = e^z₀·expm1(√(8/π)·h·(1 + cq)) + √(8/π)·h·(1 + 3cq), q = x² + x·x₀ + x₀² > 0,
 * two terms with the sign of h: no cancellation anywhere.
 *
 * Special cases: 0 → 0.5, +∞ → 1, −∞ → −0, NaN → NaN; 1 for x > 30 and −0 for x < −30.
 *
 * @example geluTanhDerivative(0) // returns 0.5
 */
export function geluTanhDerivative(x: number): number {
  if (Number.isNaN(x)) return x; // NaN in → NaN out
  // σ(z) = 1 and σ(−z) = 0 to double precision.
  if (x > GELU_TANH_SATURATION) return 1;
  // e^z underflows completely (and −∞).
  if (x < -GELU_TANH_SATURATION) return -0;
  const [zHi, zLo] = tanhArgument(x);
  const c = TANH_CUBIC[0];
  if (x >= 0) {
    const e = Math.exp(-zHi);
    const d = 1 + e;
    const slope = SQRT_8_OVER_PI[0] * (1 + 3 * c * x * x);
    return (1 + (x * slope * e) / d) / d;
  }
  const e = Math.exp(zHi);
  let n: DoubleDouble;
  if (x < GELU_TANH_DIRECT_BELOW) {
    // Far left of the zero N = 1 + e^z + x·z′ does not cancel (x·z′ ≈ −167 against 1 + e^z ≈ 1 at x = −9):
    // summed as it stands, entirely in double-double, its rounding stays ~2^−100 instead of the ~1 ulp that
    // the rounded 3c·q of the form below leaves (which made 3 ulps at x = −8.95 and −20.2).
    const x2 = twoProd(x, x);
    const slope = ddMul(SQRT_8_OVER_PI, ddAdd([1, 0], ddMul([3 * c, 0], x2)));
    n = ddAdd(ddMulNumber(slope, x), fastTwoSum(1, e));
  } else {
    const h = x - GELU_TANH_ROOT_HI - GELU_TANH_ROOT_LO;
    const q = x * x + x * GELU_TANH_ROOT_HI + GELU_TANH_ROOT_HI * GELU_TANH_ROOT_HI;
    const k = SQRT_8_OVER_PI[0] * h;
    // The polynomial term dominates N; forming it in double-double saves ~2 ulps of rounding.
    const polynomial = ddMul(twoProd(SQRT_8_OVER_PI[0], h), twoSum(1, 3 * c * q));
    n = ddAdd(polynomial, [GELU_TANH_EXP_Z0 * Math.expm1(k * (1 + c * q)), 0]);
  }
  // (1 + e)² exactly enough in double-double, then one division.
  const d = fastTwoSum(1, e);
  const d2 = ddMul(d, d);
  // log(e^z/(1 + e^z)²) has slope (1 − e^z)/(1 + e^z): the first-order effect of z's low part.
  const correction = (zLo * (1 - e)) / (1 + e);
  if (x < GELU_TANH_DIRECT_BELOW && zHi > GELU_TANH_EXP_NORMAL_FROM) {
    // e^z as a double-double too (Math.exp's own ~1 ulp was the last one above 2 ulps here), one rounding.
    const q = ddQuotient(ddMul(n, expDD(zHi)), d2);
    return q + q * correction;
  }
  return expTimes(ddQuotient(n, d2), zHi, correction);
}
