/**
 * Where each elementwise activation has kinks (jumps in φ or φ′) and features (a transition on a length
 * scale), which the Gaussian quadrature splits at and starts finer panels around (quadrature.ts).
 *
 * Every elementwise activation of the catalogue must have a row here: a new one without a row is an error
 * (test/unit/signal.test.ts lists them), because an undeclared kink would cost the 1e−12 accuracy.
 */
import type { Params } from '../functionTypes';
import type { IntegrandShape } from './quadrature';

const SMOOTH: IntegrandShape = { kinks: [], features: [0], scale: 1 };
const KINK_AT_0: IntegrandShape = { kinks: [0], features: [], scale: 1 };
const HARD: IntegrandShape = { kinks: [-3, 3], features: [], scale: 1 };

const SHAPES: Readonly<Record<string, (p: Params) => IntegrandShape>> = {
  relu: () => KINK_AT_0,
  leaky_relu: () => KINK_AT_0,
  prelu: () => KINK_AT_0,
  relu6: () => ({ kinks: [0, 6], features: [], scale: 1 }),
  // relu6(x + 3)/6 and x·relu6(x + 3)/6: both pieces change at −3 and 3.
  hard_sigmoid: () => HARD,
  hard_swish: () => HARD,
  // clip(0.2x + 0.5, 0, 1) (Keras 2, TF.js): flat beyond ±2.5.
  hard_sigmoid_linear: () => ({ kinks: [-2.5, 2.5], features: [], scale: 1 }),
  // α(e^x − 1) for x ≤ 0: φ′ jumps at 0 unless α = 1, φ″ always; the exponential decays on the scale 1.
  elu: () => KINK_AT_0,
  selu: () => KINK_AT_0,
  // α(e^(x/α) − 1): φ′ is continuous, φ″ jumps at 0; the negative side decays on the scale α.
  celu: (p) => ({ kinks: [0], features: [], scale: Math.min(1, p.alpha) }),
  // x/(1 + |x|): φ′ = 1/(1 + |x|)² has a kink at 0.
  softsign: () => KINK_AT_0,
  sigmoid: () => SMOOTH,
  log_sigmoid: () => SMOOTH,
  silu: () => SMOOTH,
  tanh: () => SMOOTH,
  gelu: () => SMOOTH,
  gelu_tanh: () => SMOOTH,
  softplus: () => SMOOTH,
  mish: () => SMOOTH,
};

/** The shape of `id` with parameters `p`, or undefined for an id without a row. */
export function shapeOf(id: string, p: Params): IntegrandShape | undefined {
  const row = Object.prototype.hasOwnProperty.call(SHAPES, id) ? SHAPES[id] : undefined;
  return row?.(p);
}

/** The ids with a row, for the test that every elementwise activation has one. */
export function shapedIds(): string[] {
  return Object.keys(SHAPES);
}
