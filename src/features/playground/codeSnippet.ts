/**
 * "Copy as code": the current catalogue function with its parameters, spelled the way a framework
 * spells it, from the catalogue's framework names. Example: leaky_relu with alpha 0.2 in PyTorch is
 * `torch.nn.LeakyReLU(negative_slope=0.2)`.
 */
import { isParamOff } from '../../core/api';
import type { Framework, FrameworkName, FunctionInfo, Params } from '../../core/functionTypes';
import { PARAM_GATES } from '../../frameworks/switches';

/** Class form first (what people write in a model), then the function, then the string alias. */
const FORM_PREFERENCE: readonly FrameworkName['form'][] = ['class', 'function', 'string'];

export function codeSnippet(info: Pick<FunctionInfo, 'id' | 'kind' | 'frameworks' | 'params'>, params: Params, framework: Framework): string {
  const names = info.frameworks.filter((n) => n.framework === framework);
  if (names.length === 0) throw new Error(`${info.id} has no ${framework} name in the catalogue`);
  const name = [...names].sort((a, b) => FORM_PREFERENCE.indexOf(a.form) - FORM_PREFERENCE.indexOf(b.form))[0];
  const python = framework !== 'tfjs';
  if (name.form === 'string') return python ? `activation=${JSON.stringify(name.name)}` : `activation: ${JSON.stringify(name.name)}`;

  const args: string[] = [];
  const passed = new Set<string>();
  // A parameter switched off where the framework's default is off too (optax alpha=None, Keras without class
  // balancing) is left out: that is how those frameworks spell "off" (optax would apply alpha=-1 as a weight).
  for (const spec of info.params) {
    const value = params[spec.name];
    const byDefault = name.defaults?.[spec.name];
    if (value !== undefined && byDefault !== undefined && isParamOff(spec, value) && isParamOff(spec, byDefault)) passed.add(spec.name);
  }
  // Keras focal α applies only with apply_class_balancing=True.
  const gate = PARAM_GATES.get(name.name);
  const gateOn = gate !== undefined && gate.param in params && !passed.has(gate.param);
  const tensorNames = tensorArgumentNames(info.kind, framework);
  let tensorIndex = 0;
  for (const param of name.positional ?? []) {
    if (param === null) {
      // Tensors only appear in a call, not in a constructor.
      if (name.form === 'function') args.push(tensorNames[Math.min(tensorIndex++, tensorNames.length - 1)]);
      continue;
    }
    const keyword = Object.entries(name.keywords ?? {}).find(([, p]) => p === param)?.[0];
    if (keyword !== undefined || !(param in params)) break;
    args.push(formatNumber(params[param], python));
    passed.add(param);
  }
  const keywordArgs: string[] = [];
  if (gateOn) keywordArgs.push(python ? `${gate.keyword}=True` : `${gate.keyword}: true`);
  for (const [keyword, param] of Object.entries(name.keywords ?? {})) {
    if (passed.has(param) || !(param in params)) continue;
    keywordArgs.push(python ? `${keyword}=${formatNumber(params[param], true)}` : `${keyword}: ${formatNumber(params[param], false)}`);
    passed.add(param);
  }
  if (keywordArgs.length) args.push(python ? keywordArgs.join(', ') : `{ ${keywordArgs.join(', ')} }`);
  const call = `${name.name}(${args.join(', ')})`;
  const unset = Object.keys(params).filter((p) => !passed.has(p) && params[p] !== name.defaults?.[p]);
  if (unset.length === 0) return call;
  const comment = python ? '#' : '//';
  return `${call}  ${comment} ${name.name} does not take ${unset.map((p) => `${p}=${formatNumber(params[p], python)}`).join(', ')}`;
}

function tensorArgumentNames(kind: FunctionInfo['kind'], framework: Framework): readonly string[] {
  if (kind === 'activation') return ['x'];
  return framework === 'pytorch' ? ['input', 'target'] : ['y_true', 'y_pred'];
}

/** Python floats keep a decimal point (1.0), so a float parameter reads as one. */
function formatNumber(value: number, python: boolean): string {
  const s = String(value);
  return python && Number.isInteger(value) && !s.includes('e') ? `${s}.0` : s;
}
