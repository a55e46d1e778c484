/**
 * Signal propagation: Gaussian moments of each activation, its gain and implied initialisation, and the
 * mean-field variance map with its fixed point, χ₁, phase and depth scales.
 */
export { gaussianMoments } from './moments';
export type { GaussianMoments } from './moments';
export { signalPropagation } from './propagation';
export type { Phase, SignalPropagation, SignalPropagationInput } from './propagation';
export { edgeOfChaos } from './edge';
export type { EdgeCurve } from './edge';
export { gain, initFor } from './gain';
export type { InitRecommendation, InitScheme } from './gain';
