/**
 * What the libraries' names mean in the formula language: the module prefixes that are dropped, the math
 * functions, and the activations (by their spelling in each framework) with the framework's own defaults.
 */

/** Module paths whose functions are translated by their last name (np.exp → exp). */
export const MODULES: ReadonlySet<string> = new Set([
  'np', 'numpy', 'jnp', 'jax.numpy', 'jax', 'jax.nn', 'jax.lax', 'lax', 'jax.scipy.special', 'scipy.special', 'special',
  'torch', 'torch.nn.functional', 'nn.functional', 'F', 'functional', 'torch.special', 'torch.nn', 'nn',
  'tf', 'tf.math', 'tf.nn', 'tf.keras.activations', 'keras.activations', 'keras.ops', 'tf.keras.ops', 'ops',
  'keras.ops.nn', 'activations', 'math', 'Math', 'tf.math.special', 'flax.linen', 'nnx',
]);

/** Constants by their last name, for any of the modules. */
export const CONSTANT_NAMES: Readonly<Record<string, 'pi' | 'e'>> = { pi: 'pi', PI: 'pi', e: 'e', E: 'e' };

/** Plain math functions of one tensor: library name → formula function. */
export const UNARY: Readonly<Record<string, string>> = {
  exp: 'exp', log: 'log', log1p: 'log1p', expm1: 'expm1', sqrt: 'sqrt', abs: 'abs', absolute: 'abs', fabs: 'abs',
  sign: 'sign', tanh: 'tanh', sinh: 'sinh', cosh: 'cosh', sin: 'sin', cos: 'cos', erf: 'erf', erfc: 'erfc',
};

/**
 * Activation spellings (after the module prefix, any case convention) → catalogue id. The id itself is
 * always accepted too.
 */
export const ACTIVATIONS: Readonly<Record<string, string>> = {
  expit: 'sigmoid', logistic: 'sigmoid', swish: 'silu', hardsigmoid: 'hard_sigmoid', hardswish: 'hard_swish',
  hard_silu: 'hard_swish', logsigmoid: 'log_sigmoid', leakyrelu: 'leaky_relu', logSigmoid: 'log_sigmoid',
  leakyRelu: 'leaky_relu', relu6: 'relu6', hardSigmoid: 'hard_sigmoid', hardSwish: 'hard_swish',
};

/** Keyword spellings of the core's parameter names. */
export const KEYWORD_ALIASES: Readonly<Record<string, string>> = { negative_slope: 'alpha', slope: 'alpha' };

/**
 * Framework defaults that differ from the core's (the formula must mean what the code means):
 * full dotted name → parameter values.
 */
export const FRAMEWORK_DEFAULTS: Readonly<Record<string, Readonly<Record<string, number>>>> = {
  'tf.nn.leaky_relu': { alpha: 0.2 },
  'tf.keras.activations.leaky_relu': { alpha: 0.2 },
  'keras.activations.leaky_relu': { alpha: 0.2 },
  'keras.ops.leaky_relu': { alpha: 0.2 },
  'tf.leakyRelu': { alpha: 0.2 },
};

/** Common names for the input tensor, for picking the variable among several free names. */
export const VARIABLE_NAMES: ReadonlySet<string> = new Set([
  'x', 'z', 't', 'u', 'v', 's', 'h', 'a', 'input', 'inputs', 'logits', 'features', 'preact', 'pre', 'y', 'y_pred',
  'x_', 'value', 'values', 'tensor', 'X', 'Z',
]);
