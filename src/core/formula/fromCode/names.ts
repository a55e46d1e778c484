/**
 * What the formula language itself needs from code: math function names, constants, and the usual names of
 * the input tensor. How frameworks spell activations (modules, aliases, defaults) lives only in src/frameworks.
 */

/** Constants by their last name, for any of the modules. */
export const CONSTANT_NAMES: ReadonlyMap<string, 'pi' | 'e'> = new Map([
  ['pi', 'pi'],
  ['PI', 'pi'],
  ['e', 'e'],
  ['E', 'e'],
]);

/** Plain math functions of one tensor: library name → formula function. */
export const UNARY: ReadonlyMap<string, string> = new Map(
  Object.entries({
    exp: 'exp', log: 'log', log1p: 'log1p', expm1: 'expm1', sqrt: 'sqrt', abs: 'abs', absolute: 'abs', fabs: 'abs',
    sign: 'sign', tanh: 'tanh', sinh: 'sinh', cosh: 'cosh', sin: 'sin', cos: 'cos', erf: 'erf', erfc: 'erfc',
  }),
);

/** Common names for the input tensor, for picking the variable among several free names. */
export const VARIABLE_NAMES: ReadonlySet<string> = new Set([
  'x', 'z', 't', 'u', 'v', 's', 'h', 'a', 'input', 'inputs', 'logits', 'features', 'preact', 'pre', 'y', 'y_pred',
  'x_', 'value', 'values', 'tensor', 'X', 'Z',
]);
