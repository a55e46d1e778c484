import * as assert from 'node:assert/strict';
import { evaluate as coreEvaluate, derivative as coreDerivative } from '../../src/core/api';
import { type CompiledFormula, FormulaError, compileFormula, formulaGradcheckTarget } from '../../src/core/formula';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const katex = require('katex') as { renderToString(tex: string, options: { throwOnError: boolean }): string };

/** Every formula compiled in this file, so the last test can render all their LaTeX with KaTeX. */
const seen: CompiledFormula[] = [];

function compile(source: string): CompiledFormula {
  const f = compileFormula(source);
  seen.push(f);
  return f;
}

function value(source: string, x: number, params?: Record<string, number>): number {
  return compile(source).evaluate([x], params)[0];
}

function slope(source: string, x: number, params?: Record<string, number>): number {
  return compile(source).derivative([x], params)[0];
}

function close(got: number, want: number, rel = 1e-14, message?: string): void {
  const ok = got === want || Math.abs(got - want) <= rel * Math.max(Math.abs(want), Number.MIN_VALUE);
  assert.ok(ok, `${message ?? ''} got ${got}, want ${want}`);
}

function rejects(source: string, message: RegExp, start: number, end: number): void {
  assert.throws(
    () => compileFormula(source),
    (e: unknown) => {
      assert.ok(e instanceof FormulaError, `expected a FormulaError, got ${String(e)}`);
      assert.match(e.message, message);
      assert.deepEqual([e.start, e.end], [start, end], `span of "${e.message}"`);
      return true;
    },
  );
}

const sigmoid = (t: number) => 1 / (1 + Math.exp(-t));

describe('formula grammar', () => {
  it('evaluates log(1 + exp(x)) as written', () => {
    close(value('log(1 + exp(x))', 0), Math.LN2);
    close(value('log(1 + exp(x))', 3), Math.log(1 + Math.exp(3)));
  });

  it('evaluates x * sigmoid(1.702 * x) with the catalogue sigmoid', () => {
    for (const x of [-3, -0.5, 0, 0.7, 4]) close(value('x * sigmoid(1.702 * x)', x), x * sigmoid(1.702 * x), 1e-15);
  });

  it('evaluates where(x > 0, x, alpha * (exp(x) - 1)) branch by branch', () => {
    close(value('where(x > 0, x, alpha * (exp(x) - 1))', 2, { alpha: 1.5 }), 2);
    close(value('where(x > 0, x, alpha * (exp(x) - 1))', -1, { alpha: 1.5 }), 1.5 * (Math.exp(-1) - 1));
  });

  it('reads ^ and ** as powers, right-associative', () => {
    assert.equal(value('x^2 / 2', 3), 4.5);
    assert.equal(value('x ** 2', -3), 9);
    assert.equal(value('2^3^2', 0), 512);
    assert.equal(value('2 ** 3 ** 2', 0), 512);
  });

  it('binds unary minus looser than powers: -x^2 = -(x^2), 2^-x = 2^(-x)', () => {
    assert.equal(value('-x^2', 3), -9);
    assert.equal(value('-2^2', 0), -4);
    assert.equal(value('2^-x', 1), 0.5);
    assert.equal(value('(-x)^2', 3), 9);
  });

  it('multiplies implicitly after a number: 2x, 2(x+1), 2 exp(x), -2x, 2e', () => {
    assert.equal(value('2x', 3), 6);
    assert.equal(value('2(x+1)', 3), 8);
    assert.equal(value('2 exp(x)', 0), 2);
    assert.equal(value('-2x', 3), -6);
    assert.equal(value('2e', 0), 2 * Math.E);
    assert.equal(value('3x^2', 2), 12);
  });

  it('reads numbers with fractions and exponents', () => {
    assert.equal(value('1e-3', 0), 0.001);
    assert.equal(value('1E+3 + .5 + 2.', 0), 1002.5);
    assert.equal(value('1e-3x', 2), 0.002);
  });

  it('makes comparisons 1 or 0', () => {
    const cases: [string, number, number][] = [
      ['x < 1', 0, 1], ['x < 1', 1, 0], ['x <= 1', 1, 1], ['x > 1', 2, 1], ['x >= 1', 0, 0],
      ['x == 1', 1, 1], ['x != 1', 1, 0],
    ];
    for (const [source, x, want] of cases) assert.equal(value(source, x), want, source);
  });

  it('combines conditions with and, or, not', () => {
    const f = compile('where(x > -1 and x < 1 or not x < 5, 1, 0)');
    assert.deepEqual(Array.from(f.evaluate([-2, 0, 3, 6])), [0, 1, 0, 1]);
  });

  it('knows pi and e', () => {
    assert.equal(value('pi', 0), Math.PI);
    assert.equal(value('e^x', 1), Math.E);
  });

  it('has min, max (two or more arguments), pow, abs, sign, the hyperbolic and trigonometric functions, erf, erfc', () => {
    assert.equal(value('max(0, x)', -2), 0);
    assert.equal(value('max(x, 1, 3)', 2), 3);
    assert.equal(value('min(x, 0)', -2), -2);
    assert.equal(value('pow(x, 3)', 2), 8);
    assert.equal(value('abs(x) + sign(x)', -2), 1);
    close(value('sinh(x) + cosh(x) + tanh(x)', 0.5), Math.sinh(0.5) + Math.cosh(0.5) + Math.tanh(0.5));
    close(value('sin(x) + cos(x)', 0.5), Math.sin(0.5) + Math.cos(0.5));
    close(value('erf(x) + erfc(x)', 0.3), 1);
    close(value('erf(1)', 0), 0.8427007929497149);
    close(value('log1p(x) + expm1(x) + sqrt(x)', 1e-10), Math.log1p(1e-10) + Math.expm1(1e-10) + 1e-5);
  });

  it('calls catalogue activations with their parameters in ParamSpec order', () => {
    const xs = [-2, -0.5, 0.5, 2];
    assert.deepEqual(Array.from(compile('leaky_relu(x, 0.2)').evaluate(xs)), Array.from(coreEvaluate('leaky_relu', xs, { alpha: 0.2 })));
    assert.deepEqual(Array.from(compile('elu(x, 0.5)').evaluate(xs)), Array.from(coreEvaluate('elu', xs, { alpha: 0.5 })));
    assert.deepEqual(Array.from(compile('leaky_relu(x)').evaluate(xs)), Array.from(coreEvaluate('leaky_relu', xs)));
    assert.deepEqual(Array.from(compile('gelu(x)').evaluate(xs)), Array.from(coreEvaluate('gelu', xs)));
  });

  it('passes NaN through and takes any array of numbers', () => {
    const f = compile('x^2 + 1');
    assert.ok(Number.isNaN(f.evaluate([NaN])[0]));
    assert.deepEqual(Array.from(f.evaluate(new Float64Array([1, 2]))), [2, 5]);
    assert.deepEqual(Array.from(f.evaluate([])), []);
  });
});

describe('formula derivatives', () => {
  it('differentiates softplus written out to the sigmoid', () => {
    for (const x of [-5, -1, 0, 1, 5]) close(slope('log(1 + exp(x))', x), sigmoid(x), 1e-15);
  });

  it('differentiates x * sigmoid(1.702 x) by the product and chain rules with the core sigmoid′', () => {
    for (const x of [-4, -1, 0, 0.3, 2, 10]) {
      const s = sigmoid(1.702 * x);
      close(slope('x * sigmoid(1.702 * x)', x), s + 1.702 * x * s * (1 - s), 1e-13, `x = ${x}`);
    }
  });

  it('uses the core derivative of a catalogue function exactly: sigmoid′(50)', () => {
    assert.equal(slope('sigmoid(x)', 50), coreDerivative('sigmoid', [50])[0]);
    assert.equal(slope('leaky_relu(x, 0.2)', -3), 0.2);
    assert.equal(slope('elu(x, alpha)', -1, { alpha: 2 }), coreDerivative('elu', [-1], { alpha: 2 })[0]);
  });

  it('differentiates where branch by branch', () => {
    const source = 'where(x > 0, x, alpha * (exp(x) - 1))';
    assert.equal(slope(source, 2, { alpha: 1.5 }), 1);
    close(slope(source, -1, { alpha: 1.5 }), 1.5 * Math.exp(-1));
  });

  it('differentiates powers: x^3, 2^x, x^x, e^x, pow(x, alpha)', () => {
    close(slope('x^3', 2), 12);
    close(slope('2^x', 3), 8 * Math.LN2);
    close(slope('x^x', 2), 4 * (Math.log(2) + 1));
    close(slope('e^x', 1.5), Math.exp(1.5));
    close(slope('pow(x, alpha)', 2, { alpha: 3 }), 12);
    assert.equal(slope('x^2', 0), 0);
  });

  it('differentiates quotients, log, sqrt, trig and hyperbolic functions', () => {
    close(slope('sin(x)/x', 1), Math.cos(1) - Math.sin(1));
    close(slope('1/x', 2), -0.25);
    close(slope('log(x)', 4), 0.25);
    close(slope('log1p(x)', 1), 0.5);
    close(slope('expm1(x)', 1), Math.E);
    close(slope('sqrt(x)', 4), 0.25);
    close(slope('sinh(x)', 1), Math.cosh(1));
    close(slope('cosh(x)', 1), Math.sinh(1));
    close(slope('cos(x)', 1), -Math.sin(1));
    close(slope('erf(x)', 0.5), (2 / Math.sqrt(Math.PI)) * Math.exp(-0.25));
    close(slope('erfc(x)', 0.5), (-2 / Math.sqrt(Math.PI)) * Math.exp(-0.25));
  });

  it('keeps tanh′ exact in the tails (sech², not 1 − tanh²)', () => {
    close(slope('tanh(x)', 20), 4 * Math.exp(-40), 1e-12);
    close(slope('tanh(x)', 0.5), 1 - Math.tanh(0.5) ** 2, 1e-15);
  });

  it('gives abs′ = sign, sign′ = 0, comparisons′ = 0, min/max′ of the selected branch', () => {
    assert.equal(slope('abs(x)', -3), -1);
    assert.equal(slope('sign(x)', 2), 0);
    assert.equal(slope('x > 0', 2), 0);
    assert.equal(slope('max(0, x^2)', 3), 6);
    assert.equal(slope('max(0, x)', -1), 0);
    assert.equal(slope('min(x, 2x)', 1), 1);
    assert.equal(slope('min(x, 2x)', -1), 2);
  });

  it('simplifies the derivative so its LaTeX reads like a hand derivation', () => {
    assert.equal(compile('x^2 / 2').derivativeLatex, 'x');
    assert.equal(compile('x^3').derivativeLatex, '3 x^{2}');
    assert.equal(compile('5x + 3').derivativeLatex, '5');
    assert.equal(compile('exp(2x)').derivativeLatex, '2 \\exp(2 x)');
  });
});

describe('formula LaTeX', () => {
  it('writes fractions, powers, functions and Greek parameters', () => {
    assert.equal(compile('x^2 / 2').latex, '\\frac{x^{2}}{2}');
    // What is computed: the stable rewrite, not the text (see 'formula stable rewrites').
    assert.equal(compile('log(1 + exp(x))').latex, '\\operatorname{softplus}(x)');
    assert.equal(compile('log(2 + exp(x))').latex, '\\log(2 + \\exp(x))');
    assert.equal(compile('x * sigmoid(1.702 * x)').latex, 'x \\cdot \\operatorname{sigmoid}(1.702 x)');
    assert.equal(compile('sqrt(abs(x))').latex, '\\sqrt{\\left|x\\right|}');
    assert.equal(compile('alpha * x + w_1').latex, '\\alpha \\cdot x + w_{1}');
    assert.equal(compile('-x^2').latex, '-x^{2}');
    assert.equal(compile('(-x)^2').latex, '(-x)^{2}');
    assert.equal(compile('1e-7 * x').latex, '10^{-7} x');
  });

  it('writes where as cases', () => {
    assert.equal(
      compile('where(x > 0, x, alpha * (exp(x) - 1))').latex,
      '\\begin{cases} x & x > 0 \\\\ \\alpha \\cdot \\operatorname{expm1}(x) & \\text{otherwise} \\end{cases}',
    );
  });

  it('primes a catalogue function in the derivative', () => {
    assert.equal(compile('leaky_relu(x, 0.2)').derivativeLatex, "\\operatorname{leaky\\_relu}'(x, 0.2)");
  });

  it('renders every formula of this file with KaTeX', () => {
    const extra = ['where(x >= 0 and x <= 1, x, 0)', 'not x != 0', 'min(x, 0) / max(x, 1, 2)', 'x^x', 'erf(x / sqrt(2))', 'a_b * longname', 'pow(x - 1, -0.5)'];
    for (const source of extra) compile(source);
    assert.ok(seen.length > 60);
    for (const f of seen) {
      for (const tex of [f.latex, f.derivativeLatex]) {
        assert.doesNotThrow(() => katex.renderToString(tex, { throwOnError: true }), `${f.source}: ${tex}`);
      }
    }
  });
});

describe('formula errors', () => {
  it('suggests the closest function for an unknown one', () => {
    rejects('sigmod(x)', /unknown function 'sigmod' \(did you mean `sigmoid`\?\)/, 0, 6);
    rejects('1 + lekyrelu(x)', /did you mean `leaky_relu`/, 4, 12);
  });

  it('points at the open parenthesis that is never closed', () => {
    rejects('exp((x + 1)', /unbalanced parenthesis: this '\(' is never closed/, 3, 4);
    rejects('(x + 1', /never closed/, 0, 1);
  });

  it('points at a closing parenthesis without an opening one', () => {
    rejects('x + 1)', /this '\)' has no matching '\('/, 5, 6);
  });

  it('names a missing operand', () => {
    rejects('x +', /missing operand after '\+'/, 2, 3);
    rejects('* x', /missing operand before '\*'/, 0, 1);
    rejects('x * / 2', /missing operand before '\/'/, 4, 5);
    rejects('exp(x, )', /missing operand after ','|missing argument/, 7, 8);
  });

  it('names a missing operator', () => {
    rejects('x y', /missing operator between 'x' and 'y'/, 2, 3);
    rejects('(x)(x)', /missing operator/, 3, 4);
  });

  it('names the function and the expected count for a wrong number of arguments', () => {
    rejects('exp(x, 2)', /exp takes 1 argument, got 2/, 0, 9);
    rejects('where(x > 0, x)', /where takes 3 arguments .*got 2/, 0, 15);
    rejects('leaky_relu(x, 0.1, 2)', /leaky_relu takes 1 to 2 arguments \(x, alpha\), got 3/, 0, 21);
    rejects('max(x)', /max takes at least 2 arguments, got 1/, 0, 6);
  });

  it('rejects vector activations and losses, naming why', () => {
    rejects('softmax(x)', /couples a whole vector/, 0, 7);
    rejects('log_softmax(x) + 1', /couples a whole vector/, 0, 11);
    rejects('mse(x, 1)', /is a loss/, 0, 3);
  });

  it('checks catalogue parameters given as numbers, and that they do not depend on x', () => {
    rejects('leaky_relu(x, -1)', /leaky_relu: alpha must be ≥ 0, got -1/, 14, 16);
    rejects('elu(x, 2x)', /parameter 'alpha' \(argument 2\) must not depend on x/, 7, 9);
  });

  it('explains a function used as a value, a variable used as a function, a chained comparison', () => {
    rejects('exp + 1', /'exp' is a function: call it as exp\(…\)/, 0, 3);
    rejects('x(x + 1)', /'x' is not a function: write x\*\(…\) to multiply/, 0, 1);
    rejects('0 < x < 1', /comparisons cannot be chained/, 6, 7);
  });

  it('hints at the ASCII spelling of Greek letters and look-alike operators', () => {
    rejects('α * x', /'alpha' instead of 'α'/, 0, 1);
    rejects('x − 1', /write '-' instead of '−'/, 2, 3);
  });

  it('rejects an empty formula and hexadecimal literals', () => {
    rejects('   ', /empty/, 0, 0);
    rejects('0x1F', /hexadecimal/, 0, 4);
    rejects('1e999', /too large/, 0, 5);
  });
});

describe('formula limits', () => {
  it('rejects 2,001 characters and accepts 2,000', () => {
    const ok = `x${' '.repeat(1999)}`;
    assert.equal(compile(ok).evaluate([3])[0], 3);
    rejects(`${ok} `, /2001 characters long; the limit is 2000/, 2000, 2001);
  });

  it('accepts nesting depth 64 and rejects 65 without overflowing the stack', () => {
    const nest = (n: number) => `${'('.repeat(n)}x${')'.repeat(n)}`;
    assert.equal(compile(nest(64)).evaluate([2])[0], 2);
    rejects(nest(65), /nests more than 64 levels/, 64, 65);
    const calls = (n: number) => `${'exp('.repeat(n)}x${')'.repeat(n)}`;
    assert.doesNotThrow(() => compileFormula(calls(64)));
    assert.throws(() => compileFormula(calls(65)), FormulaError);
    assert.throws(() => compileFormula('-'.repeat(1000) + 'x'), FormulaError);
    assert.throws(() => compileFormula('2^'.repeat(500) + 'x'), FormulaError);
  });

  it('compiles the longest flat chains within the limit', function () {
    this.timeout(60000);
    const sum = Array.from({ length: 1000 }, () => 'x').join('+');
    assert.equal(compileFormula(sum).derivative([1])[0], 1000);
    const product = Array.from({ length: 1000 }, () => 'x').join('*');
    assert.equal(compileFormula(product).derivative([1])[0], 1000);
    const quotient = Array.from({ length: 1000 }, () => 'x').join('/');
    close(compileFormula(quotient).evaluate([2])[0], 2 ** -998);
  });
});

describe('formula parameters', () => {
  it('lists the free names other than x, sorted', () => {
    assert.deepEqual(compile('beta * x + alpha - beta').params, ['alpha', 'beta']);
    assert.deepEqual(compile('x + pi + e').params, []);
  });

  it("says which parameter has no value: \"parameter 'alpha' has no value\"", () => {
    const f = compile('x + 2 * alpha');
    assert.throws(
      () => f.evaluate([1]),
      (e: unknown) => e instanceof FormulaError && e.message === "parameter 'alpha' has no value" && e.start === 8 && e.end === 13,
    );
  });

  it('rejects parameter values of the wrong type and unknown parameters', () => {
    const f = compile('alpha * x');
    assert.throws(() => f.evaluate([1], { alpha: '0.2' as unknown as number }), /parameter 'alpha' must be a number, got "0.2"/);
    assert.throws(() => f.evaluate([1], { alpha: NaN }), /must be a number, got NaN/);
    assert.throws(() => f.evaluate([1], { alpha: 1, alpah: 2 }), /no parameter 'alpah' \(its parameters are alpha\)/);
    assert.throws(() => f.evaluate([1], null as unknown as Record<string, number>), FormulaError);
  });

  it('checks a catalogue parameter given by a formula parameter when the value is known', () => {
    const f = compile('elu(x, alpha)');
    assert.equal(f.evaluate([1], { alpha: 2 })[0], 1);
    assert.throws(
      () => f.evaluate([1], { alpha: -1 }),
      (e: unknown) => e instanceof FormulaError && /elu: alpha must be ≥ 0, got -1/.test(e.message) && e.start === 7 && e.end === 12,
    );
  });

  it('reads parameters by own property only: toString is a missing value, not Object.prototype.toString', () => {
    assert.throws(() => compileFormula('toString * x'), /reserved/);
    const f = compile('hasvalue * x');
    assert.throws(() => f.evaluate([1], Object.create({ hasvalue: 2 })), /has no value/);
  });

  it('emits no formula text into the generated code', () => {
    const f = compile('where(x > secret_threshold, sigmoid(x), secret_scale * x)');
    for (const js of [f.js?.value ?? '', f.js?.derivative ?? '']) {
      assert.ok(js.length > 0);
      assert.ok(!js.includes('secret'), js);
      assert.ok(!js.includes('sigmoid'), js);
    }
  });
});

describe('formulaGradcheckTarget', () => {
  it('wraps f and the automatic derivative as scalar functions', () => {
    const target = formulaGradcheckTarget('x * sigmoid(x)');
    close(target.f(1), sigmoid(1));
    close(target.df(1), sigmoid(1) + sigmoid(1) * (1 - sigmoid(1)), 1e-15);
    assert.match(target.label, /x \* sigmoid\(x\)/);
  });

  it('uses a claimed derivative when given, with the parameters of both', () => {
    const target = formulaGradcheckTarget('alpha * x^2', '2 * alpha * x + bias', { alpha: 3, bias: 0.5 });
    assert.equal(target.f(2), 12);
    assert.equal(target.df(2), 12.5);
    assert.throws(() => formulaGradcheckTarget('x^2', undefined, { beta: 1 }), /no parameter 'beta'|neither/);
    assert.throws(() => formulaGradcheckTarget('alpha * x'), /parameter 'alpha' has no value/);
  });
});
