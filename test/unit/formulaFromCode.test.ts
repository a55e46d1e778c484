import * as assert from 'node:assert/strict';
import { evaluate as coreEvaluate } from '../../src/core/api';
import { FormulaError, compileFormula, formulaFromCode } from '../../src/core/formula';

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));
const core = (id: string, params?: Record<string, number>) => (x: number) => coreEvaluate(id, [x], params)[0];

interface Case {
  readonly code: string;
  readonly language: string;
  readonly formula: string;
  /** What the code computes, written by hand. */
  readonly reference: (x: number, p: Record<string, number>) => number;
  readonly params?: Record<string, number>;
}

const py = 'python';
const js = 'javascript';

const cases: readonly Case[] = [
  { code: '1 / (1 + np.exp(-x))', language: py, formula: '1 / (1 + exp(-x))', reference: sigmoid },
  { code: '1/(1+np.exp(-z))', language: py, formula: '1 / (1 + exp(-x))', reference: sigmoid },
  { code: 'torch.where(x > 0, x, 0.01 * x)', language: py, formula: 'where(x > 0, x, 0.01 * x)', reference: (x) => (x > 0 ? x : 0.01 * x) },
  { code: 'np.maximum(0, x)', language: py, formula: 'max(0, x)', reference: (x) => Math.max(0, x) },
  { code: 'x ** 2', language: py, formula: 'x^2', reference: (x) => x ** 2 },
  { code: 'jnp.log1p(jnp.exp(x))', language: py, formula: 'log1p(exp(x))', reference: (x) => Math.log1p(Math.exp(x)) },
  { code: 'Math.tanh(x)', language: js, formula: 'tanh(x)', reference: Math.tanh },
  { code: 'tf.sigmoid(x)', language: js, formula: 'sigmoid(x)', reference: sigmoid },
  { code: 'F.relu(x)', language: py, formula: 'relu(x)', reference: (x) => Math.max(0, x) },
  { code: 'torch.clamp(x, min=0)', language: py, formula: 'max(x, 0)', reference: (x) => Math.max(x, 0) },
  { code: 'torch.clamp(x, max=1)', language: py, formula: 'min(x, 1)', reference: (x) => Math.min(x, 1) },
  { code: 'np.clip(x, -1, 1)', language: py, formula: 'min(max(x, -1), 1)', reference: (x) => Math.min(Math.max(x, -1), 1) },
  { code: 'np.clip(x, None, 6)', language: py, formula: 'min(x, 6)', reference: (x) => Math.min(x, 6) },
  { code: 'tf.clip_by_value(x, 0, 6)', language: py, formula: 'min(max(x, 0), 6)', reference: (x) => Math.min(Math.max(x, 0), 6) },
  { code: 'x.exp()', language: py, formula: 'exp(x)', reference: Math.exp },
  { code: 'x.clamp(min=0).pow(2)', language: py, formula: 'max(x, 0)^2', reference: (x) => Math.max(x, 0) ** 2 },
  { code: 'np.pi * x', language: py, formula: 'pi * x', reference: (x) => Math.PI * x },
  { code: 'math.e ** x', language: py, formula: 'e^x', reference: (x) => Math.E ** x },
  { code: 'Math.PI * Math.sin(x)', language: js, formula: 'pi * sin(x)', reference: (x) => Math.PI * Math.sin(x) },
  { code: 'jax.nn.gelu(x, approximate=False)', language: py, formula: 'gelu(x)', reference: core('gelu') },
  { code: 'jax.nn.gelu(x)', language: py, formula: 'gelu_tanh(x)', reference: core('gelu_tanh') },
  { code: "F.gelu(x, approximate='tanh')", language: py, formula: 'gelu_tanh(x)', reference: core('gelu_tanh') },
  { code: 'F.gelu(x)', language: py, formula: 'gelu(x)', reference: core('gelu') },
  { code: 'F.leaky_relu(x, negative_slope=0.2)', language: py, formula: 'leaky_relu(x, 0.2)', reference: core('leaky_relu', { alpha: 0.2 }) },
  { code: 'F.leaky_relu(x, 0.1)', language: py, formula: 'leaky_relu(x, 0.1)', reference: core('leaky_relu', { alpha: 0.1 }) },
  { code: 'tf.nn.leaky_relu(x)', language: py, formula: 'leaky_relu(x, 0.2)', reference: core('leaky_relu', { alpha: 0.2 }) },
  { code: 'nn.LeakyReLU(0.1)(x)', language: py, formula: 'leaky_relu(x, 0.1)', reference: core('leaky_relu', { alpha: 0.1 }) },
  { code: 'torch.nn.ELU(alpha=0.5)(x)', language: py, formula: 'elu(x, 0.5)', reference: core('elu', { alpha: 0.5 }) },
  { code: 'F.elu(x, alpha=alpha)', language: py, formula: 'elu(x, alpha)', reference: (x, p) => core('elu', { alpha: p.alpha })(x), params: { alpha: 0.7 } },
  { code: 'jax.nn.silu(x)', language: py, formula: 'silu(x)', reference: core('silu') },
  { code: 'tf.nn.swish(x)', language: py, formula: 'silu(x)', reference: core('silu') },
  { code: 'scipy.special.expit(x)', language: py, formula: 'sigmoid(x)', reference: sigmoid },
  { code: 'F.softplus(x)', language: py, formula: 'softplus(x)', reference: core('softplus') },
  { code: 'F.hardswish(x)', language: py, formula: 'hard_swish(x)', reference: core('hard_swish') },
  { code: 'F.logsigmoid(x)', language: py, formula: 'log_sigmoid(x)', reference: core('log_sigmoid') },
  { code: 'lambda t: t * torch.sigmoid(t)', language: py, formula: 'x * sigmoid(x)', reference: (x) => x * sigmoid(x) },
  { code: 'def f(u): return u * np.tanh(np.log1p(np.exp(u)))', language: py, formula: 'x * tanh(log1p(exp(x)))', reference: (x) => x * Math.tanh(Math.log1p(Math.exp(x))) },
  { code: 'return 0.5 * x * (1 + math.erf(x / math.sqrt(2)))', language: py, formula: '0.5 * x * (1 + erf(x / sqrt(2)))', reference: core('gelu') },
  { code: 'y = np.abs(x) + np.sign(x)', language: py, formula: 'abs(x) + sign(x)', reference: (x) => Math.abs(x) + Math.sign(x) },
  { code: 'x if x > 0 else alpha * (np.exp(x) - 1)', language: py, formula: 'where(x > 0, x, alpha * (exp(x) - 1))', reference: (x, p) => (x > 0 ? x : p.alpha * (Math.exp(x) - 1)), params: { alpha: 1.5 } },
  { code: 'x > 0 ? x : 0.1 * Math.expm1(x)', language: js, formula: 'where(x > 0, x, 0.1 * expm1(x))', reference: (x) => (x > 0 ? x : 0.1 * Math.expm1(x)) },
  { code: 'const y = Math.max(0, x);', language: js, formula: 'max(0, x)', reference: (x) => Math.max(0, x) },
  { code: '(z) => z * z', language: 'typescript', formula: 'x * x', reference: (x) => x * x },
  { code: 'tf.mul(x, tf.sigmoid(x))', language: js, formula: 'x * sigmoid(x)', reference: (x) => x * sigmoid(x) },
  { code: 'x.square().add(1).sqrt()', language: js, formula: 'sqrt(x^2 + 1)', reference: (x) => Math.sqrt(x * x + 1) },
  { code: 'Math.pow(x, 3) - 2 * x', language: js, formula: 'x^3 - 2 * x', reference: (x) => x ** 3 - 2 * x },
  { code: '-x ** 2', language: py, formula: '-x^2', reference: (x) => -(x ** 2) },
  { code: '2 ** -x', language: py, formula: '2^(-x)', reference: (x) => 2 ** -x },
  { code: '0 < x < 1', language: py, formula: '0 < x and x < 1', reference: (x) => (0 < x && x < 1 ? 1 : 0) },
  { code: 'np.where((x > -1) & (x < 1), x, 0)', language: py, formula: 'where(x > -1 and x < 1, x, 0)', reference: (x) => (x > -1 && x < 1 ? x : 0) },
  { code: 'self.scale * torch.tanh(x)', language: py, formula: 'scale * tanh(x)', reference: (x, p) => p.scale * Math.tanh(x), params: { scale: 2 } },
  { code: 'w * z + b', language: py, formula: 'w * x + b', reference: (x, p) => p.w * x + p.b, params: { w: 3, b: 1 } },
  { code: 'jnp.logaddexp(0, x)', language: py, formula: 'log(exp(0) + exp(x))', reference: (x) => Math.log(1 + Math.exp(x)) },
  { code: 'np.square(x - 1) / 2', language: py, formula: '(x - 1)^2 / 2', reference: (x) => (x - 1) ** 2 / 2 },
  { code: 'torch.maximum(x, 0.1 * x)', language: py, formula: 'max(x, 0.1 * x)', reference: (x) => Math.max(x, 0.1 * x) },
  { code: 'x * (1 - x)', language: py, formula: 'x * (1 - x)', reference: (x) => x * (1 - x) },
  { code: 'x - (1 - x)', language: py, formula: 'x - (1 - x)', reference: (x) => x - (1 - x) },
  { code: '1_000 * x + 1e-3', language: py, formula: '1000 * x + 0.001', reference: (x) => 1000 * x + 1e-3 },
  { code: 'e * x', language: py, formula: 'e_ * x', reference: (x, p) => p.e_ * x, params: { e_: 2 } },
];

describe('formulaFromCode', () => {
  it(`has at least 40 cases (${cases.length})`, () => assert.ok(cases.length >= 40));

  for (const c of cases) {
    it(`${c.language}: ${c.code} → ${c.formula}`, () => {
      const formula = formulaFromCode(c.code, c.language);
      assert.equal(formula, c.formula);
      const compiled = compileFormula(formula);
      const xs = [-3, -1, -0.25, 0, 0.5, 2, 4];
      const got = compiled.evaluate(xs, c.params);
      xs.forEach((x, i) => {
        const want = c.reference(x, c.params ?? {});
        assert.ok(Math.abs(got[i] - want) <= 1e-14 * Math.max(1, Math.abs(want)), `at x = ${x}: ${got[i]} vs ${want}`);
      });
    });
  }
});

describe('formulaFromCode errors', () => {
  const errors: [string, string, RegExp, string][] = [
    ['x[0] + 1', py, /indexing cannot be translated/, 'x[0]'],
    ['np.exp(x) // 2', py, /'\/\/' \(floor division\)/, 'np.exp(x) // 2'],
    ['x % 3 + 1', py, /'%' \(remainder\)/, 'x % 3'],
    ['np.foo(x) + 1', py, /cannot translate 'np.foo'/, 'np.foo(x)'],
    ['1 + torch.max(x)', py, /reduction/, 'torch.max(x)'],
    ['x ^ 2', py, /bitwise XOR in Python/, 'x ^ 2'],
    ['F.softplus(x, threshold=20)', py, /the keyword 'threshold' of F.softplus/, '20'],
    ['np.exp(x, out=y)', py, /the keyword 'out' of np.exp/, 'y'],
    ["x + 'a'", py, /string/, "'a'"],
    ['np.inf * x', py, /'np.inf' has no formula equivalent/, 'np.inf'],
    ['x @ w', py, /matrix product/, 'x @ w'],
    ['w * k + b', py, /cannot tell which of 'w', 'k', 'b' is the variable: rename it to x/, 'w * k + b'],
    ['F.softmax(x, dim=-1)', py, /no elementwise activation 'softmax'/, 'F.softmax(x, dim=-1)'],
    ['np.exp(x', py, /never closed/, '('],
    ['x if x > 0', py, /expected 'else'/, ''],
  ];
  for (const [code, language, message, part] of errors) {
    it(`rejects ${code}, naming ${part || 'the end'}`, () => {
      assert.throws(
        () => formulaFromCode(code, language),
        (e: unknown) => {
          assert.ok(e instanceof FormulaError, String(e));
          assert.match(e.message, message);
          assert.equal(code.slice(e.start, e.end), part, `span of "${e.message}"`);
          return true;
        },
      );
    });
  }
});

describe('formulaFromCode with callees the document model resolved', () => {
  const callees = new Map<string, { id: string; params: Record<string, number> }>([
    ['self.act', { id: 'gelu_tanh', params: {} }],
    ['act', { id: 'leaky_relu', params: { alpha: 0.2 } }],
    ['this.gate.apply', { id: 'elu', params: { alpha: 0.5 } }],
    ['self.norm', { id: 'softmax', params: {} }],
  ]);
  it('self.act(h) is the assignment\'s function, with its parameters', () => {
    assert.equal(formulaFromCode('self.act(h)', py, { callees }), 'gelu_tanh(x)');
    assert.equal(formulaFromCode('y = act(z)', py, { callees }), 'leaky_relu(x, 0.2)');
    assert.equal(formulaFromCode('this.gate.apply(x)', js, { callees }), 'elu(x, 0.5)');
    assert.equal(formulaFromCode('2 * act(x) + 1', py, { callees }), '2 * leaky_relu(x, 0.2) + 1');
  });
  it('names the problem when the callee cannot be plotted', () => {
    assert.throws(() => formulaFromCode('self.act(h, inplace=True)', py, { callees }), /self\.act with 2 arguments cannot be translated \(expected the tensor alone\)/);
    assert.throws(() => formulaFromCode('self.norm(h)', py, { callees }), /no elementwise activation 'softmax'/);
    // Without the model's callees, self.act is not a function the formula language knows.
    assert.throws(() => formulaFromCode('self.act(h)', py), FormulaError);
  });
});
