/**
 * The public surface of the numeric core (emitted as dist/core.js, CommonJS). README.md documents it.
 */
export { listFunctions, evaluate, derivative, evaluateWithDerivative, jacobian, lossValue, lossGradient } from './api';
export type { Reduction, LossOptions, LossParams, ActivationOptions } from './api';
export { gradcheck, gradcheckIncremental } from './gradcheck';
export type { GradcheckReport, GradcheckTarget, GradcheckOptions, GradcheckCheck, GradcheckPoint, GradcheckRun, GradcheckProgress } from './gradcheck';
export type { FunctionInfo, ParamSpec, FrameworkName, Framework, FunctionKind, Params } from './functionTypes';
export { compileFormula, formulaFromCode, FormulaError } from './formula';
export type { CompiledFormula, FormulaNote, ValuesWithDerivatives } from './formula';
export { gaussianMoments, signalPropagation, edgeOfChaos, gain, initFor } from './signal';
export type { GaussianMoments, SignalPropagation, SignalPropagationInput, Phase, InitRecommendation, InitScheme } from './signal';
