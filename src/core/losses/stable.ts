/**
 * The one loss-specific piece of stable arithmetic: the residual ŷ − y as a double-double. The generic
 * double-double kit, the sigmoid and softplus live in src/core/extendedPrecision.ts, shared with the activations.
 */
import { twoSum, type DoubleDouble } from '../extendedPrecision';

/** ŷ − y as a double-double (the rounding error of the subtraction kept in lo; 0 for infinities). */
export function residual(y: number, yHat: number): DoubleDouble {
  return twoSum(yHat, -y);
}
