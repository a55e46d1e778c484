/**
 * The user's own implementation of a catalogue function (`def sigmoid(x): return 1 / (1 + np.exp(-x))`,
 * `gelu = lambda x: …`, `function softplus(x) { … }`), translated with formulaFromCode (following simple
 * local assignments) and compared numerically with the catalogue function of that name on [−10, 10]; plus
 * the numeric traps its body walks into (exp overflow in a softmax, log(1 + exp(x))).
 */
import { evaluate } from '../core/api';
import { catalogue } from '../core/catalogue';
import { compileFormula, formulaFromCode } from '../core/formula';
import { coreDefaults } from '../frameworks';
import type { Definition, Syntax } from './syntax';
import type { ImplementationCheck } from './implementationCheck';

const GRID_POINTS = 201;
const GRID: Float64Array = Float64Array.from({ length: GRID_POINTS }, (_, i) => -10 + (20 * i) / (GRID_POINTS - 1));
/** Relative difference below which the two agree (a few ulps of accumulated rounding). */
const TOLERANCE = 1e-9;
const MAX_BODY = 2000;

/** Checks definition `d` against catalogue function `id`. Never throws. */
export function checkImplementation(syntax: Syntax, d: Definition, id: string): ImplementationCheck {
  const body = syntax.text.slice(d.bodyStart, Math.max(d.bodyStart, d.bodyEnd));
  const traps = trapsIn(body, id);
  const entry = catalogue.get(id);
  const title = entry?.title ?? id;
  const unchecked = (why: string): ImplementationCheck => ({ status: 'unchecked', message: `\`${d.name}\` is defined here; body not checked (${why}).`, traps });
  if (!entry || entry.kind !== 'activation' || entry.def.shape !== 'elementwise') return unchecked(`${title} is not an elementwise function`);
  if (body.length > MAX_BODY) return unchecked('the body is long');
  const expression = d.expression ? body.trim() : returnedExpression(body, syntax.family);
  if (!expression) return unchecked('no single return expression with simple assignments');
  const variable = d.params[0];
  if (!variable) return unchecked('it takes no argument');
  let formula: string;
  try {
    const source = syntax.family === 'python' ? `lambda ${variable}: ${expression}` : `(${variable}) => ${expression}`;
    formula = formulaFromCode(source, syntax.family === 'python' ? 'python' : 'javascript');
  } catch (error) {
    return unchecked(error instanceof Error ? error.message : String(error));
  }
  try {
    const compiled = compileFormula(formula);
    const first = compare(compiled, id);
    if (first.worst <= TOLERANCE) return { status: 'matches', message: matches(d.name, title, first.worst), traps };
    // `gelu = lambda x: 0.5 * x * (1 + np.tanh(…))` is the tanh approximation: say which one it matches.
    for (const sibling of SIBLINGS.get(id) ?? []) {
      const other = catalogue.get(sibling);
      if (!other) continue;
      const c = compare(compiled, sibling);
      if (c.worst <= TOLERANCE) return { status: 'matches', message: matches(d.name, other.title, c.worst), traps };
    }
    const x = GRID[first.at];
    return { status: 'differs', message: `your \`${d.name}\` differs from ${title} at x = ${round(x)}: ${round(first.theirs[first.at])} vs ${round(first.ours[first.at])}`, traps };
  } catch (error) {
    return unchecked(error instanceof Error ? error.message : String(error));
  }
}

/** Functions a definition of that name may mean instead (the tanh GELU, Keras 2's linear hard sigmoid). */
const SIBLINGS: ReadonlyMap<string, readonly string[]> = new Map([
  ['gelu', ['gelu_tanh']],
  ['gelu_tanh', ['gelu']],
  ['hard_sigmoid', ['hard_sigmoid_linear']],
]);

function matches(name: string, title: string, worst: number): string {
  return `your \`${name}\` matches ${title} (max relative difference ${worst === 0 ? '0' : worst.toExponential(0)} on [−10, 10])`;
}

/** The worst relative difference between the user's formula and catalogue `id` on the grid (|f| below 1e-6 counts as 1e-6). */
function compare(compiled: ReturnType<typeof compileFormula>, id: string): { worst: number; at: number; theirs: Float64Array; ours: Float64Array } {
  const defaults = coreDefaults(id);
  // Parameters of the user's function that the catalogue also has take the catalogue's defaults.
  const theirs = compiled.evaluate(GRID, { ...defaults });
  const ours = evaluate(id, GRID, defaults);
  let worst = 0;
  let at = 0;
  for (let i = 0; i < GRID.length; i++) {
    const a = theirs[i];
    const b = ours[i];
    if (Number.isNaN(a) && Number.isNaN(b)) continue;
    const diff = a === b ? 0 : Math.abs(a - b) / Math.max(Math.abs(b), 1e-6);
    if (!(diff <= worst)) {
      worst = Number.isNaN(diff) ? Infinity : diff;
      at = i;
    }
  }
  return { worst, at, theirs, ours };
}

function round(v: number): string {
  return Number.isFinite(v) ? String(Number(v.toPrecision(4))) : String(v);
}

/**
 * The body's returned expression with simple local assignments substituted (`e = np.exp(z)` then
 * `return e / e.sum()`), or undefined when the body is anything else (branches, loops, several returns).
 */
function returnedExpression(body: string, family: 'python' | 'js'): string | undefined {
  const statements = body
    .replace(/^\s*\{/, '')
    .replace(/\}\s*;?\s*$/, '')
    .split(family === 'python' ? /\n|;/ : /;|\n/)
    .map((s) => s.replace(family === 'python' ? /#.*$/ : /\/\/.*$/, '').trim())
    .filter((s) => s !== '' && !/^("""|'''|"|')/.test(s));
  const locals = new Map<string, string>();
  let result: string | undefined;
  for (const statement of statements) {
    if (result !== undefined) return undefined;
    const ret = /^return\s+(.+)$/.exec(statement);
    if (ret) {
      result = substitute(ret[1], locals);
      continue;
    }
    const assign = /^(?:const\s+|let\s+|var\s+)?([A-Za-z_$][\w$]*)\s*=\s*([^=].*)$/.exec(statement);
    if (!assign) return undefined;
    locals.set(assign[1], substitute(assign[2], locals));
  }
  return result;
}

function substitute(expression: string, locals: ReadonlyMap<string, string>): string {
  if (locals.size === 0) return expression;
  return expression.replace(/(?<![\w$.])([A-Za-z_$][\w$]*)(?![\w$])/g, (name: string) => (locals.has(name) ? `(${locals.get(name)})` : name));
}

/** The numeric traps a body walks into, named with the fix. */
function trapsIn(body: string, id: string): string[] {
  const traps: string[] = [];
  const exp = /\b(np|jnp|numpy|torch|math|Math|tf|tf\.math)\.exp\(\s*([A-Za-z_$][\w$]*)\s*\)/.exec(body);
  if ((id === 'softmax' || id === 'log_softmax') && exp && !/max/.test(body)) {
    traps.push(`\`${exp[0]}\` overflows for ${exp[2]} > 709: subtract the max first (\`${exp[1]}.exp(${exp[2]} - ${exp[2]}.max())\`)`);
  }
  const logExp = /\b(np|jnp|numpy|torch|math|Math)\.log\(\s*1(?:\.0*)?\s*\+\s*(?:np|jnp|numpy|torch|math|Math)\.exp\(\s*([A-Za-z_$][\w$]*)\s*\)\s*\)/.exec(body);
  if (logExp) {
    const fix = logExp[1] === 'Math' || logExp[1] === 'math' ? `${logExp[1]}.max(${logExp[2]}, 0) + ${logExp[1]}.log1p(${logExp[1]}.exp(-Math.abs(${logExp[2]})))` : `${logExp[1]}.logaddexp(0, ${logExp[2]})`;
    traps.push(`\`${logExp[0]}\` overflows for ${logExp[2]} > 709: use \`${fix}\``);
  }
  return traps;
}
